/**
 * @module
 * The matching board (`/marketplaces/<id>/board`, docs/marketplace.md "Matching board"): the
 * agreed (pinned) talks, then for each need its best offers with score and reasons, pin (with
 * moderator and time) and dismiss. Cards in one column on a phone, a grid on a desktop.
 */
import { ApiFailure, client, ok } from "../api";
import { clear, h, uid } from "../dom";
import type { PageContext } from "../main";
import { marketplaceNav } from "./marketplace-nav";
import { boardStyles, eventIdOf, indexBoard, loadBoard, matchReasons, pinnedTalks, type Board, type BoardIndex, type BoardMatch } from "./marketplace-board-shared";

type DecisionState = "pinned" | "dismissed" | "open";

export async function render(ctx: PageContext): Promise<void> {
  const { t, main } = ctx;
  const eventId = eventIdOf(ctx);
  await boardStyles();
  const root = h("div", { className: "mb-board" });
  const status = h("p", { className: "form-status", role: "status" });
  main.append(root);

  const send = async (m: Pick<BoardMatch, "needItemId" | "offerItemId">, state: DecisionState, extra: { moderatorId?: number | null; talkSlot?: string | null } = {}) => {
    try {
      await ok(client.PUT("/marketplaces/{eventId}/board/decisions", { params: { path: { eventId } }, body: { decisions: [{ needItemId: m.needItemId, offerItemId: m.offerItemId, state, ...extra }] } }));
      const text = t(state === "pinned" ? "mb_saved_pin" : state === "dismissed" ? "mb_saved_dismiss" : "mb_saved_open");
      await draw();
      status.className = "form-status ok";
      status.textContent = text;
      ctx.announce(text);
    } catch (e) {
      status.className = "form-status err";
      status.textContent = e instanceof ApiFailure ? [e.message, ...e.details.map((d) => d.message)].join(" · ") : String(e);
    }
  };

  const draw = async () => {
    const b = await loadBoard(eventId);
    clear(root);
    root.append(...page(ctx, b, send), status);
  };
  await draw();
}

function page(ctx: PageContext, b: Board, send: Send): Node[] {
  const { t, f } = ctx;
  const ix = indexBoard(b);
  const ev = b.event;
  const pinned = pinnedTalks(b);
  const needs = b.items.filter((i) => i.kind === "need");
  const offers = b.items.filter((i) => i.kind === "offer");
  const base = `/marketplaces/${ev.id}/board`;
  const head = [
    h("h1", {}, `${t("mb_title")}: ${ev.title}`),
    h(
      "p",
      { className: "lead" },
      [f.date(ev.date), ev.place, ev.hallOpens && ev.hallCloses ? t("mb_hall_time", { from: ev.hallOpens, to: ev.hallCloses }) : null].filter(Boolean).join(" · "),
    ),
    h("p", { className: "mb-summary" }, t("mb_summary", { needs: f.int(needs.length), offers: f.int(offers.length), pinned: f.int(pinned.length), unmatched: f.int(b.unmatchedNeedIds.length) })),
    marketplaceNav(ctx, ev.id),
    b.pendingLeftOut ? h("p", { className: "note" }, t("mb_pending_left_out")) : null,
    h(
      "nav",
      { className: "mb-views", "aria-label": t("mb_views") },
      h("a", { className: "btn small", href: `${base}/print` }, t("mb_print_participants")),
      h("a", { className: "btn small", href: `${base}/print?moderator=all` }, t("mb_print_moderators")),
      h("a", { className: "btn small", href: `${base}/hall` }, t("mb_hall_view")),
    ),
  ];
  if (needs.length === 0 && offers.length === 0) return [...head, h("p", { className: "note" }, t("mb_nothing"))].filter((n): n is HTMLElement => !!n);

  // Undecided suggestions grouped by need, in the order of each need's best score.
  const conflicted = new Set(b.conflicts.flatMap((c) => c.talks.map((x) => `${x.needItemId}:${x.offerItemId}`)));
  const byNeed = new Map<number, BoardMatch[]>();
  for (const m of b.matches) if (!m.decision) byNeed.set(m.needItemId, [...(byNeed.get(m.needItemId) ?? []), m]);

  return [
    ...head,
    h(
      "section",
      { className: "card", "aria-labelledby": "mb-pinned" },
      h("h2", { id: "mb-pinned" }, `${t("mb_pinned")} (${f.int(pinned.length)})`),
      b.conflicts.length
        ? h(
            "div",
            { className: "note mb-conflicts" },
            h("strong", {}, t("mb_conflicts")),
            h(
              "ul",
              {},
              b.conflicts.map((c) =>
                h(
                  "li",
                  {},
                  c.registrationId != null
                    ? t("mb_conflict_participant", { slot: c.talkSlot, org: ix.registration(c.registrationId).orgName, n: f.int(c.talks.length) })
                    : t("mb_conflict_moderator", { slot: c.talkSlot, name: ix.moderator(c.moderatorId) ?? "", n: f.int(c.talks.length) }),
                ),
              ),
            ),
          )
        : null,
      pinned.length
        ? h("ul", { className: "mb-cards" }, pinned.map((m) => h("li", {}, matchCard(ctx, b, ix, m, send, "both", conflicted.has(`${m.needItemId}:${m.offerItemId}`)))))
        : h("p", { className: "hint" }, t("mb_pinned_none")),
    ),
    h(
      "section",
      { "aria-labelledby": "mb-suggestions" },
      h("h2", { id: "mb-suggestions" }, t("mb_suggestions")),
      h("p", { className: "hint" }, t("mb_suggestions_hint")),
      h(
        "ul",
        { className: "mb-needs" },
        [...byNeed].map(([needId, list]) => {
          const need = ix.item(needId);
          const owner = ix.owner(needId);
          const hid = uid("mb-need");
          return h(
            "li",
            { className: "mb-need card", "aria-labelledby": hid },
            h("h3", { id: hid, className: "mb-need-title" }, h("span", { className: "mb-type" }, t(`c_${need.contributionType}`)), " ", need.description),
            h("p", { className: "mb-org" }, owner.orgName, owner.status === "pending" ? h("span", { className: "mb-pending" }, t("mb_pending")) : null),
            h("ol", { className: "mb-offers" }, list.map((m) => h("li", {}, matchCard(ctx, b, ix, m, send, "offer")))),
          );
        }),
      ),
    ),
    h(
      "section",
      { className: "card", "aria-labelledby": "mb-unmatched" },
      h("h2", { id: "mb-unmatched" }, `${t("mb_unmatched")} (${f.int(b.unmatchedNeedIds.length)})`),
      b.unmatchedNeedIds.length
        ? h(
            "ul",
            { className: "mb-plain" },
            b.unmatchedNeedIds.map((id) => h("li", {}, h("strong", {}, ix.owner(id).orgName), ` – ${t(`c_${ix.item(id).contributionType}`)}: ${ix.item(id).description}`)),
          )
        : h("p", { className: "hint" }, t("mb_unmatched_none")),
    ),
    b.dismissed.length
      ? h(
          "details",
          { className: "card mb-dismissed" },
          h("summary", {}, t("mb_dismissed", { n: f.int(b.dismissed.length) })),
          h("ul", { className: "mb-cards" }, b.dismissed.map((m) => h("li", {}, matchCard(ctx, b, ix, m, send)))),
        )
      : null,
  ].filter((n): n is HTMLElement => !!n);
}

type Send = (m: Pick<BoardMatch, "needItemId" | "offerItemId">, state: DecisionState, extra?: { moderatorId?: number | null; talkSlot?: string | null }) => Promise<void>;

/**
 * One pair as a card. `show: "offer"` inside a need's group (the need is its heading); otherwise
 * both sides. Actions follow the decision: pin/dismiss, change/unpin, restore.
 */
function matchCard(ctx: PageContext, b: Board, ix: BoardIndex, m: BoardMatch, send: Send, show: "both" | "offer" = "both", conflict = false): HTMLElement {
  const { t, f } = ctx;
  const need = ix.item(m.needItemId);
  const offer = ix.item(m.offerItemId);
  const side = (label: string, itemText: string, type: string, org: ReturnType<BoardIndex["owner"]>) =>
    h(
      "p",
      { className: "mb-side" },
      h("span", { className: "mb-side-label" }, label),
      h("strong", {}, org.orgName),
      org.status === "pending" ? h("span", { className: "mb-pending" }, t("mb_pending")) : null,
      h("span", { className: "mb-item" }, `${t(`c_${type}`)}: ${itemText}`),
    );
  const d = m.decision;
  const moderator = ix.moderator(d?.moderatorId ?? null);
  const form = h("div", { className: "mb-pin-form", hidden: true });
  const actions = h("div", { className: "mb-actions" });
  const openForm = () => {
    clear(form);
    form.append(pinForm(ctx, b, m, send, () => (form.hidden = true)));
    form.hidden = false;
    form.querySelector<HTMLElement>("select, input")?.focus();
  };
  if (!d) {
    actions.append(
      h("button", { type: "button", className: "btn small primary", onclick: openForm }, t("mb_pin")),
      h("button", { type: "button", className: "btn small", onclick: () => void send(m, "dismissed") }, t("mb_dismiss")),
    );
  } else if (d.state === "pinned") {
    actions.append(
      h("button", { type: "button", className: "btn small", onclick: openForm }, t("mb_change")),
      h("button", { type: "button", className: "btn small", onclick: () => void send(m, "open") }, t("mb_unpin")),
    );
  } else {
    actions.append(h("button", { type: "button", className: "btn small", onclick: () => void send(m, "open") }, t("mb_restore")));
  }
  const reasons = matchReasons(ctx, m);
  return h(
    "article",
    { className: `mb-card${d ? ` mb-${d.state}` : ""}${conflict ? " mb-conflict" : ""}`, "data-need": m.needItemId, "data-offer": m.offerItemId },
    h(
      "div",
      { className: "mb-card-head" },
      h("span", { className: "mb-score", title: t("mb_score", { score: m.score }) }, f.int(m.score)),
      d?.state === "pinned" ? h("span", { className: "mb-slot" }, d.talkSlot ? t("mb_at", { slot: d.talkSlot }) : t("mb_slot_open")) : null,
      moderator ? h("span", { className: "mb-mod" }, t("mb_by", { name: moderator })) : null,
    ),
    show === "both" ? side(t("mb_need"), need.description, need.contributionType, ix.owner(need.id)) : null,
    side(t("mb_offer"), offer.description, offer.contributionType, ix.owner(offer.id)),
    h("ul", { className: "mb-reasons", "aria-label": t("mb_reasons") }, reasons.map((r) => h("li", {}, r))),
    actions,
    form,
  );
}

/** Moderator and time of a pinned talk; the time is typed as "16:30" (or "16.30"). */
function pinForm(ctx: PageContext, b: Board, m: BoardMatch, send: Send, close: () => void): HTMLElement {
  const { t } = ctx;
  const modId = uid("mb-mod");
  const slotId = uid("mb-slot");
  const errId = uid("mb-err");
  const select = h(
    "select",
    { id: modId },
    h("option", { value: "" }, t("mb_moderator_none")),
    b.moderators.map((x) => h("option", { value: x.id, selected: m.decision?.moderatorId === x.id }, x.name)),
  );
  const slot = h("input", { id: slotId, inputmode: "numeric", autocomplete: "off", placeholder: "16:30", value: m.decision?.talkSlot ?? "", "aria-describedby": `${slotId}-hint ${errId}` });
  const error = h("p", { className: "field-error", id: errId, role: "alert" });
  return h(
    "form",
    {
      className: "mb-form",
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const raw = slot.value.trim().replace(".", ":");
        const normal = /^\d:\d\d$/.test(raw) ? `0${raw}` : raw;
        if (normal && !/^([01]\d|2[0-3]):[0-5]\d$/.test(normal)) {
          error.textContent = t("mb_slot_invalid");
          slot.setAttribute("aria-invalid", "true");
          slot.focus();
          return;
        }
        void send(m, "pinned", { moderatorId: select.value ? Number(select.value) : null, talkSlot: normal || null });
      },
    },
    b.moderators.length ? h("div", { className: "field" }, h("label", { for: modId }, t("mb_moderator")), select) : null,
    h("div", { className: "field" }, h("label", { for: slotId }, t("mb_slot")), slot, h("p", { className: "hint", id: `${slotId}-hint` }, t("mb_slot_hint")), error),
    h("div", { className: "mb-actions" }, h("button", { type: "submit", className: "btn small primary" }, t("mb_save")), h("button", { type: "button", className: "btn small", onclick: close }, t("mb_cancel"))),
  );
}
