/**
 * @module
 * Blank forms of the organiser's guide to fill in by hand, one A4 page each (`/forms/print`):
 * registration, project description, deal sheet and feedback. `?form=<name>` shows one;
 * `?event=<id>` writes the event's title and date on them. For events without a phone or a
 * laptop at hand — what is written on them is typed in later (data entry, deal sheet).
 */
import { client, ok } from "../api";
import { add, h } from "../dom";
import type { PageContext } from "../main";
import { pageTitle } from "./common";
import { printing } from "./marketplace-deals-print";

export const FORMS = ["registration", "project", "deal", "feedback"] as const;
type Form = (typeof FORMS)[number];

const TITLE_KEY = { registration: "fp_registration", project: "fp_project", deal: "fp_deal", feedback: "fp_feedback" } as const;

/** A labelled blank: a line (or `lines` lines) to write on. */
const blank = (label: string, lines = 1) => h("div", { className: "fp-blank" }, h("p", { className: "fp-label" }, label), ...Array.from({ length: lines }, () => h("div", { className: "fp-line" })));
/** Boxes to tick, one per option. */
const boxes = (label: string, options: string[]) =>
  h("div", { className: "fp-blank" }, label ? h("p", { className: "fp-label" }, label) : null, h("p", { className: "fp-boxes" }, options.map((o) => h("span", { className: "fp-box" }, h("span", { className: "fp-square", "aria-hidden": "true" }), o))));

function sheet(ctx: PageContext, form: Form, event: { title: string; date: string } | null): HTMLElement {
  const { t } = ctx;
  const head = [
    h("p", { className: "fp-event" }, event ? `${event.title} · ${ctx.f.date(event.date)}` : `${t("fp_event")}: ____________________  ${t("fp_date")}: __________`),
    h("h1", {}, t(TITLE_KEY[form])),
  ];
  const signature = h("div", { className: "md-sheet-signatures fp-signatures" }, h("div", { className: "md-sign" }, h("div", { className: "md-sign-line" }), h("p", {}, t("fp_signature"))));
  const parts: Record<Form, () => HTMLElement[]> = {
    registration: () => [
      blank(t("fp_org")),
      boxes(t("fp_kind"), [t("fp_kindNonprofit"), t("fp_kindCompany")]),
      blank(t("fp_postcode")),
      blank(t("fp_field")),
      blank(t("fp_contact")),
      blank(t("fp_contactLine")),
      blank(t("fp_needs"), 3),
      blank(t("fp_offers"), 3),
      boxes("", [t("fp_consent")]),
      signature,
    ],
    project: () => [
      blank(t("fp_org")),
      blank(t("fp_projectTitle")),
      blank(t("fp_projectPlace")),
      blank(t("fp_projectDays")),
      blank(t("fp_projectWhat"), 4),
      blank(t("fp_projectVolunteers")),
      blank(t("fp_projectSkills"), 2),
      blank(t("fp_projectAccess")),
      blank(t("fp_projectBring"), 2),
      blank(t("fp_contact")),
    ],
    deal: () => [
      blank(t("fp_dealBetween")),
      blank(t("fp_dealAnd")),
      blank(t("fp_dealWhat"), 4),
      boxes(t("fp_dealType"), t("fp_dealTypes").split(" · ")),
      blank(t("fp_dealBy")),
      blank(t("fp_dealFigures")),
      blank(t("fp_dealBack"), 2),
      h(
        "div",
        { className: "md-sheet-signatures fp-signatures" },
        [t("fp_dealBetween"), t("fp_dealAnd")].map((who) => h("div", { className: "md-sign" }, h("div", { className: "md-sign-line" }), h("p", {}, `${t("fp_dealSign")} – ${who}`))),
      ),
    ],
    feedback: () => [
      blank(t("fp_org")),
      boxes(t("fp_feedbackHow"), t("fp_feedbackScale").split(" · ")),
      blank(t("fp_feedbackGood"), 4),
      blank(t("fp_feedbackBetter"), 4),
      boxes(t("fp_feedbackAgain"), t("fp_feedbackAgainOptions").split(" · ")),
      blank(t("fp_feedbackContact"), 2),
    ],
  };
  return h("article", { className: "md-sheet fp-sheet", "data-form": form }, ...head, ...parts[form](), h("p", { className: "md-sheet-footer" }, t("fp_footer", { form: t(TITLE_KEY[form]) })));
}

export async function render(ctx: PageContext): Promise<void> {
  const { t, main, query } = ctx;
  const chosen = query.get("form");
  const forms = FORMS.filter((f) => !chosen || f === chosen);
  const eventId = Number(query.get("event"));
  const event = Number.isInteger(eventId) && eventId > 0 ? await ok(client.GET("/events/{id}", { params: { path: { id: eventId } } })).catch(() => null) : null;
  pageTitle(ctx, t("fp_title"));
  const keep = event ? `&event=${event.id}` : "";
  const toolbar = h(
    "div",
    { className: "md-toolbar toolbar fp-toolbar" },
    h("h1", { className: "fp-toolbar-title" }, t("fp_title")),
    h("p", { className: "hint" }, t("fp_intro")),
    h(
      "ul",
      { className: "fp-choice" },
      FORMS.map((f) => h("li", {}, h("a", { href: `/forms/print?form=${f}${keep}`, "aria-current": chosen === f ? "page" : null }, t(TITLE_KEY[f])))),
      h("li", {}, h("a", { href: `/forms/print${event ? `?event=${event.id}` : ""}`, "aria-current": chosen ? null : "page" }, t("fp_printAll"))),
    ),
    h("button", { type: "button", className: "btn primary", onclick: () => window.print() }, t("fp_print")),
  );
  const root = h("div", { className: "md-print fp-print" }, toolbar, ...forms.map((f) => sheet(ctx, f, event)));
  add(main, root);
  printing(root);
}
