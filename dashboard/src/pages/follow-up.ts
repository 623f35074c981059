/**
 * @module
 * A partner's follow-up, phone first: `/follow-up#kl_…` opened from the mail or the organiser's
 * mail-merge letter, no account. The secret stays in the URL fragment (it reaches no server log)
 * and travels as the `X-Link-Key` header. Figures are typed as people type them ("1.250",
 * "12,5"), read by number-input.ts in the page's language; the answer is sent once.
 */
import { ApiFailure, client, ok, type ErrorDetail, type Schemas } from "../api";
import { add, clear, h } from "../dom";
import { clearErrors, field, input, numberInput, readTyped, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle } from "./common";

type Question = Schemas["FollowUpQuestion"];
type Answer = Schemas["FollowUpAnswer"];

const COMMENT_MAX = 2000;

/** The page's message for a link that opens nothing, or null when the failure is another. */
function linkProblem(ctx: PageContext, err: unknown): string | null {
  if (!(err instanceof ApiFailure)) return null;
  if (err.status === 404) return ctx.t("fu_badLink");
  if (err.status === 410) return ctx.t("fu_usedLink");
  if (err.status === 429) return ctx.t("fu_tooMany");
  return null;
}

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  const secret = location.hash.slice(1);
  const headers = { "X-Link-Key": secret };
  pageTitle(ctx, t("fu_title"));
  let q: Question;
  try {
    q = await ok(client.GET("/public/follow-up", { headers }));
  } catch (err) {
    const problem = linkProblem(ctx, err);
    if (problem === null) throw err;
    return add(main, h("h1", {}, t("fu_title")), h("p", { className: "card", role: "alert", "data-link-problem": "" }, problem));
  }

  const radio = (name: string, value: string, label: string) => h("label", { className: "choice" }, h("input", { type: "radio", name, value }), label);
  const hours = numberInput("hours", ctx, { decimals: 2 });
  const volunteers = numberInput("volunteers", ctx, { integer: true });
  const reached = numberInput("peopleReached", ctx, { integer: true });
  const comment = h("textarea", { name: "comment", rows: 4, maxlength: COMMENT_MAX });
  const answeredBy = input("answeredBy", { autocomplete: "name", maxlength: 200 });
  const status = statusLine();
  const form = h(
    "form",
    { className: "follow-up-form", novalidate: true, "data-form": "follow-up" },
    h(
      "fieldset",
      { className: "field card", "data-field": "outcome" },
      h("legend", {}, t("fu_outcome")),
      h("div", { className: "choices" }, (["done", "ongoing", "not_feasible"] as const).map((o) => radio("outcome", o, t(`fu_o_${o}`)))),
      h("p", { className: "field-error" }),
    ),
    h(
      "div",
      { className: "card" },
      h("p", { className: "hint" }, t("fu_figuresHint")),
      field(t("fu_hours"), hours),
      field(t("fu_volunteers"), volunteers),
      field(t("fu_peopleReached"), reached),
    ),
    h(
      "fieldset",
      { className: "field card", "data-field": "wouldRepeat" },
      h("legend", {}, t("fu_repeat")),
      h("div", { className: "choices" }, radio("wouldRepeat", "yes", t("fu_yes")), radio("wouldRepeat", "no", t("fu_no")), radio("wouldRepeat", "", t("fu_unsure"))),
    ),
    h("div", { className: "card" }, field(t("fu_comment"), comment, { hint: t("fu_commentHint", { n: f.int(COMMENT_MAX) }) }), field(t("fu_answeredBy"), answeredBy, { required: true, hint: t("fu_answeredByHint") })),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("fu_submit"))),
    status,
  );

  add(
    main,
    h("h1", {}, t("fu_title")),
    h(
      "section",
      { className: "card", "data-deal": "" },
      h("p", {}, t("fu_intro", { event: q.event.title, date: f.date(q.event.date), org: q.organisationName, partners: q.partnerNames.join(", ") || "–" })),
      h("blockquote", { className: "lead" }, q.agreedText),
      h("p", {}, t("fu_round", { n: q.roundMonths })),
      h("p", { className: "hint" }, t("fu_validUntil", { date: f.date(q.expiresAt) })),
    ),
    form,
  );

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const errors: ErrorDetail[] = [];
    const outcome = form.querySelector<HTMLInputElement>("input[name=outcome]:checked")?.value as Answer["outcome"] | undefined;
    if (!outcome) errors.push({ path: "outcome", message: t("required") });
    if (!answeredBy.value.trim()) errors.push({ path: "answeredBy", message: t("required") });
    const read = (el: HTMLInputElement) => {
      const r = readTyped(el);
      if ("error" in r) errors.push(r.error);
      return "value" in r ? (r.value as number | null) : null;
    };
    const body = {
      outcome: outcome ?? "done",
      hours: read(hours),
      volunteers: read(volunteers),
      peopleReached: read(reached),
      wouldRepeat: ((v) => (v === "yes" ? true : v === "no" ? false : null))(form.querySelector<HTMLInputElement>("input[name=wouldRepeat]:checked")?.value),
      comment: comment.value.trim() || null,
      answeredBy: answeredBy.value.trim(),
    } satisfies Answer;
    if (errors.length) {
      showErrors(form, errors);
      setStatus(status, "err", t("fu_fixErrors"));
      return;
    }
    setStatus(status, "ok", t("fu_sending"));
    try {
      await ok(client.POST("/public/follow-up", { headers, body }));
      clear(main);
      add(main, h("h1", {}, t("fu_title")), h("section", { className: "card", "data-answered": "" }, h("p", { role: "status" }, t("fu_thanks")), h("p", {}, t("fu_thanksNote"))));
      // The secret has done its job; it leaves the address bar and the history entry.
      history.replaceState(null, "", location.pathname + location.search);
      main.focus();
    } catch (err) {
      const problem = linkProblem(ctx, err);
      if (problem !== null) return setStatus(status, "err", problem);
      if (err instanceof ApiFailure) {
        const rest = showErrors(form, localiseDetails(t, f, err.details));
        setStatus(status, "err", [err.details.length ? t("fu_fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(status, "err", (err as Error).message);
    }
  });
}
