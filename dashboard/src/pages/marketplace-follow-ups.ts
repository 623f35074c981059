/**
 * @module
 * The organiser's follow-up board, `/marketplaces/<eventId>/follow-ups`: what is upcoming, due,
 * sent, overdue and answered; answers of a deal's partners that disagree, side by side; and the
 * delivery — mail where a transport is set up, otherwise a mail-merge CSV of fresh links (German
 * Excel dialect in German). Loading the page schedules the requests of new deals first.
 */
import { ApiFailure, client, ok, type Schemas } from "../api";
import { saveBlob } from "../charts/render";
import { add, clear, h } from "../dom";
import { setStatus, statusLine } from "../forms";
import { apiLocale } from "../i18n";
import type { PageContext } from "../main";
import { pageTitle, section, tiles } from "./common";
import { marketplaceNav } from "./marketplace-nav";

type Board = Schemas["FollowUpBoard"];
type Item = Board["items"][number];

export async function render(ctx: PageContext) {
  const eventId = Number(ctx.params.id);
  await ok(client.POST("/marketplaces/{eventId}/follow-ups/schedule", { params: { path: { eventId } } }));
  await draw(ctx, eventId, null);
}

async function draw(ctx: PageContext, eventId: number, message: { kind: "ok" | "err"; text: string } | null) {
  const { t, f, main } = ctx;
  const board = await ok(client.GET("/marketplaces/{eventId}/follow-ups", { params: { path: { eventId } } }));
  clear(main);
  const title = t("fu_boardTitle", { title: board.event.title });
  pageTitle(ctx, title);
  const c = board.counts;
  const status = statusLine();
  if (message) setStatus(status, message.kind, message.text);

  const run = async (action: () => Promise<string>) => {
    setStatus(status, "ok", t("loading"));
    try {
      await draw(ctx, eventId, { kind: "ok", text: await action() });
    } catch (err) {
      setStatus(status, "err", err instanceof ApiFailure ? err.message : (err as Error).message);
    }
  };
  const send = (which: "due" | "reminders") =>
    run(async () => {
      const r = await ok(client.POST("/marketplaces/{eventId}/follow-ups/send", { params: { path: { eventId } }, body: { which } }));
      return [t("fu_sent", { sent: r.sent, without: r.withoutAddress, failed: r.failed }), r.more ? t("fu_more") : ""].join(" ").trim();
    });
  const download = (which: "due" | "reminders") =>
    run(async () => {
      const blob = await ok(client.POST("/marketplaces/{eventId}/follow-ups/download", { params: { path: { eventId } }, body: { which, locale: apiLocale(ctx.locale) }, parseAs: "blob" }));
      const lines = (await blob.text()).trim().split(/\r\n/).length - 1;
      saveBlob(blob, `${ctx.locale === "de" ? "nachfragen" : "follow-ups"}-${eventId}-${board.today}.csv`);
      return t("fu_downloaded", { n: lines });
    });
  const button = (label: string, onclick: () => void, attrs: Record<string, string> = {}, disabled = false) =>
    h("button", { type: "button", className: "btn", onclick, disabled, ...attrs }, label);

  add(
    main,
    h("h1", {}, title),
    marketplaceNav(ctx, eventId),
    h("p", {}, t("fu_boardIntro")),
    tiles(
      ctx,
      (["upcoming", "due", "sent", "overdue", "answered", "disagreeing"] as const).map((k) => ({ label: t(`fu_c_${k}`), value: f.int(c[k]) })),
    ),
    h(
      "section",
      { className: "card", "data-delivery": board.mail.configured ? "mail" : "download" },
      h("p", {}, board.mail.configured ? t("fu_mailOn", { transport: board.mail.transport ?? "" }) : t("fu_mailOff")),
      h(
        "div",
        { className: "toolbar" },
        board.mail.configured ? button(t("fu_sendDue"), () => void send("due"), { "data-send": "due" }, c.due === 0) : null,
        board.mail.configured ? button(t("fu_sendReminders", { n: c.remindable }), () => void send("reminders"), { "data-send": "reminders" }, c.remindable === 0) : null,
        button(t("fu_downloadDue"), () => void download("due"), { "data-download": "due" }, c.due === 0),
        button(t("fu_downloadReminders", { n: c.remindable }), () => void download("reminders"), { "data-download": "reminders" }, c.remindable === 0),
      ),
      h("p", { className: "hint" }, t("fu_downloadNote")),
      status,
    ),
    disagreements(ctx, board),
    requests(ctx, board.items),
  );
}

const answerText = (ctx: PageContext, i: Item) => {
  const { t, f } = ctx;
  if (!i.outcome) return "";
  const figures = [
    i.hours != null ? `${f.dec3(i.hours)} ${t("fu_f_hours")}` : null,
    i.volunteers != null ? `${f.int(i.volunteers)} ${t("fu_f_volunteers")}` : null,
    i.peopleReached != null ? `${f.int(i.peopleReached)} ${t("fu_f_peopleReached")}` : null,
    i.wouldRepeat == null ? null : i.wouldRepeat ? t("fu_repeatYes") : t("fu_repeatNo"),
  ].filter(Boolean);
  return [t(`fu_o_${i.outcome}`), figures.join(", "), i.answeredBy ? t("fu_by", { name: i.answeredBy }) : null].filter(Boolean).join(" · ");
};

function disagreements(ctx: PageContext, board: Board) {
  const { t } = ctx;
  const byId = new Map(board.items.map((i) => [i.id, i]));
  return section(
    t("fu_disagreements"),
    "fu-disagreements",
    board.disagreements.length === 0
      ? h("p", {}, t("fu_noDisagreements"))
      : h(
          "ul",
          { className: "fu-disagreements" },
          board.disagreements.map((d) =>
            h(
              "li",
              { "data-disagreement": String(d.cooperationId) },
              h("p", {}, h("strong", {}, d.agreedText), " — ", t("fu_roundN", { n: d.roundMonths })),
              h("p", { className: "warn-mark" }, t("fu_on", { fields: d.on.map((k) => t(`fu_f_${k}`)).join(", ") })),
              h(
                "ul",
                {},
                d.requestIds.map((id) => byId.get(id)).filter((i): i is Item => !!i).map((i) => h("li", {}, h("strong", {}, i.organisationName), ": ", answerText(ctx, i), i.comment ? [" ", h("q", {}, i.comment)] : null)),
              ),
            ),
          ),
        ),
  );
}

function requests(ctx: PageContext, items: Item[]) {
  const { t, f } = ctx;
  if (items.length === 0) return section(t("fu_requests"), "fu-requests", h("p", {}, t("fu_none")));
  return section(
    t("fu_requests"),
    "fu-requests",
    h(
      "div",
      // At phone width each request stacks: the partner across, the columns under it by name.
      { className: "table-scroll stacked" },
      h(
        "table",
        { className: "fu-table" },
        h("thead", {}, h("tr", {}, [t("fu_th_org"), t("fu_th_deal"), t("fu_th_round"), t("fu_th_due"), t("fu_th_state"), t("fu_th_answer")].map((x) => h("th", { scope: "col" }, x)))),
        h(
          "tbody",
          {},
          items.map((i) =>
            h(
              "tr",
              { "data-request": String(i.id), "data-state": i.state, "data-disagrees": i.disagrees ? "true" : null },
              h("th", { scope: "row" }, i.organisationName),
              h("td", { "data-label": t("fu_th_deal") }, i.agreedText),
              h("td", { "data-label": t("fu_th_round") }, t("fu_roundN", { n: i.roundMonths })),
              h("td", { "data-label": t("fu_th_due") }, f.date(i.dueOn)),
              h(
                "td",
                { "data-label": t("fu_th_state") },
                h("span", { className: "status", "data-follow-up-state": i.state }, t(`fu_c_${i.state}`)),
                i.reminders > 0 ? h("span", { className: "hint" }, " · ", t("fu_reminders", { n: i.reminders })) : null,
                !i.hasAddress && !i.answeredAt ? h("span", { className: "hint" }, " · ", t("fu_noAddress")) : null,
              ),
              h("td", { "data-label": t("fu_th_answer") }, answerText(ctx, i), i.disagrees ? h("span", { className: "warn-mark" }, " ⚠ ", t("fu_c_disagreeing")) : null),
            ),
          ),
        ),
      ),
    ),
  );
}
