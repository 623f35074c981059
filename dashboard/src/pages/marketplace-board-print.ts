/**
 * @module
 * Print views of the matching board (`/marketplaces/<id>/board/print`): "your talks" for each
 * participant (`?participant=<registration id>`, all when none is named) and the list of talks
 * of each moderator (`?moderator=<id>` or `all`). One A4 sheet per participant or moderator;
 * the toolbar is not printed.
 */
import { h } from "../dom";
import type { PageContext } from "../main";
import { bodyClassWhileShown, boardStyles, eventIdOf, indexBoard, loadBoard, pinnedTalks, type Board, type BoardIndex, type BoardMatch } from "./marketplace-board-shared";

export async function render(ctx: PageContext): Promise<void> {
  const { t, main, query } = ctx;
  const eventId = eventIdOf(ctx);
  const [b] = await Promise.all([loadBoard(eventId), boardStyles()]);
  const ix = indexBoard(b);
  const talks = pinnedTalks(b);
  const moderatorView = query.has("moderator");
  const chosen = moderatorView ? query.get("moderator") : query.get("participant");

  const base = `/marketplaces/${eventId}/board/print`;
  const select = h(
    "select",
    {
      id: "mb-print-view",
      onchange: (e: Event) => ctx.navigate(`${base}?${(e.target as HTMLSelectElement).value}`),
    },
    h("option", { value: "", selected: !moderatorView && !chosen }, t("mb_print_all")),
    b.registrations.map((r) => h("option", { value: `participant=${r.id}`, selected: !moderatorView && chosen === String(r.id) }, r.orgName)),
    h("option", { value: "moderator=all", selected: moderatorView && chosen === "all" }, t("mb_print_all_mods")),
    b.moderators.map((m) => h("option", { value: `moderator=${m.id}`, selected: moderatorView && chosen === String(m.id) }, `${t("mb_moderator")}: ${m.name}`)),
  );
  const toolbar = h(
    "div",
    { className: "mb-print-toolbar toolbar" },
    h("a", { href: `/marketplaces/${eventId}/board` }, `← ${t("mb_title")}`),
    h("div", { className: "field" }, h("label", { for: "mb-print-view" }, t("mb_print_choose")), select),
    h("button", { type: "button", className: "btn primary", onclick: () => window.print() }, t("mb_print")),
  );

  let sheets: HTMLElement[];
  if (moderatorView) {
    const mods = chosen === "all" || !chosen ? b.moderators : b.moderators.filter((m) => String(m.id) === chosen);
    sheets = mods.map((m) => moderatorSheet(ctx, b, ix, m.name, talks.filter((x) => x.decision?.moderatorId === m.id)));
    // Talks nobody moderates yet belong on the list of all moderators.
    const unassigned = talks.filter((x) => x.decision?.moderatorId == null);
    if ((chosen === "all" || !chosen) && unassigned.length) sheets.push(moderatorSheet(ctx, b, ix, t("mb_moderator_none"), unassigned));
  } else {
    const regs = chosen ? b.registrations.filter((r) => String(r.id) === chosen) : b.registrations;
    sheets = regs.map((r) => participantSheet(ctx, b, ix, r.id, talks.filter((x) => ix.owner(x.needItemId).id === r.id || ix.owner(x.offerItemId).id === r.id)));
  }
  const root = h("div", { className: "mb-print" }, toolbar, sheets.length ? sheets : h("p", { className: "note" }, t("mb_print_none")));
  main.append(root);
  bodyClassWhileShown(root, "mb-printing");
}

function sheetHead(ctx: PageContext, b: Board, title: string, who: string): HTMLElement[] {
  const { t, f } = ctx;
  const ev = b.event;
  return [
    h("p", { className: "mb-sheet-event" }, [ev.title, f.date(ev.date), ev.place, ev.hallOpens && ev.hallCloses ? t("mb_hall_time", { from: ev.hallOpens, to: ev.hallCloses }) : null].filter(Boolean).join(" · ")),
    h("h1", {}, title),
    h("p", { className: "mb-sheet-who" }, who),
  ];
}

const slotOf = (ctx: PageContext, m: BoardMatch) => m.decision?.talkSlot ?? ctx.t("mb_slot_open");
const footer = (ctx: PageContext) => h("p", { className: "mb-sheet-footer" }, ctx.t("mb_print_footer", { time: new Date().toLocaleString(ctx.f.tag, { dateStyle: "medium", timeStyle: "short" }) }));

function participantSheet(ctx: PageContext, b: Board, ix: BoardIndex, registrationId: number, talks: BoardMatch[]): HTMLElement {
  const { t } = ctx;
  const reg = ix.registration(registrationId);
  const rows = talks.map((m) => {
    const mine = ix.owner(m.needItemId).id === registrationId;
    const partner = ix.owner(mine ? m.offerItemId : m.needItemId);
    const need = ix.item(m.needItemId);
    const offer = ix.item(m.offerItemId);
    return h(
      "tr",
      {},
      h("td", { className: "mb-col-time" }, slotOf(ctx, m)),
      h("td", {}, h("strong", {}, partner.orgName)),
      h("td", {}, h("div", {}, t(mine ? "mb_you_need" : "mb_you_offer", { text: (mine ? need : offer).description })), h("div", { className: "mb-other" }, `${t(mine ? "mb_offer" : "mb_need")}: ${(mine ? offer : need).description}`)),
      h("td", {}, ix.moderator(m.decision?.moderatorId ?? null) ?? "–"),
    );
  });
  return h(
    "section",
    { className: "mb-sheet", "data-participant": registrationId },
    ...sheetHead(ctx, b, t("mb_print_title"), reg.orgName),
    rows.length
      ? h(
          "table",
          { className: "mb-sheet-table" },
          h("thead", {}, h("tr", {}, [t("mb_col_time"), t("mb_col_partner"), t("mb_col_topic"), t("mb_col_moderator")].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, rows),
        )
      : h("p", {}, t("mb_print_none")),
    footer(ctx),
  );
}

function moderatorSheet(ctx: PageContext, b: Board, ix: BoardIndex, name: string, talks: BoardMatch[]): HTMLElement {
  const { t } = ctx;
  const party = (itemId: number) => {
    const item = ix.item(itemId);
    return h("td", {}, h("strong", {}, ix.owner(itemId).orgName), h("div", { className: "mb-other" }, `${t(`c_${item.contributionType}`)}: ${item.description}`));
  };
  return h(
    "section",
    { className: "mb-sheet", "data-moderator": name },
    ...sheetHead(ctx, b, t("mb_print_mod_title"), name),
    talks.length
      ? h(
          "table",
          { className: "mb-sheet-table" },
          h("thead", {}, h("tr", {}, [t("mb_col_time"), t("mb_need"), t("mb_offer")].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, talks.map((m) => h("tr", {}, h("td", { className: "mb-col-time" }, slotOf(ctx, m)), party(m.needItemId), party(m.offerItemId)))),
        )
      : h("p", {}, t("mb_print_none")),
    footer(ctx),
  );
}
