/**
 * @module
 * A deal (cooperation) as a card with its status and follow-up fields — status, date done,
 * volunteers, hours, value, people reached, what the non-profit gives back — saved with
 * `PATCH /api/v1/cooperations/{id}`. The confirmation sits in the card's own live region and is
 * scrolled into view, so a phone user sees it where they pressed "Speichern".
 */
import { ApiFailure, client, ok, type Schemas } from "./api";
import { h } from "./dom";
import { clearErrors, dateInput, field, numberInput, readTypedFields, setStatus, setTyped, showErrors, statusLine } from "./forms";
import { localiseDetails } from "./messages";
import { intlTag } from "./i18n";
import { writeDate } from "./number-input";
import type { PageContext } from "./main";

export type Deal = Pick<
  Schemas["Cooperation"],
  "id" | "regionCode" | "format" | "partnerIds" | "dateAgreed" | "dateDone" | "status" | "volunteers" | "hours" | "valueEur" | "peopleReached" | "givesBack"
>;

export const DEAL_STATUSES = ["agreed", "ongoing", "done", "cancelled", "not_feasible"] as const;

/** Writes a number into a typed field in the page's format ("" for 0 is not used: 0 is a value). */
const numberText = (ctx: PageContext, v: number, money = false) =>
  new Intl.NumberFormat(intlTag(ctx.locale), { maximumFractionDigits: money ? 2 : 10, useGrouping: false }).format(v);

/** The card of one deal; `partnerName` names a partner id (as far as the viewer may know it). */
export function dealCard(ctx: PageContext, deal: Deal, partnerName: (id: number) => Node | string): HTMLElement {
  const { t, f } = ctx;
  let current = deal;
  const badge = h("span", { className: "status deal-status", "data-deal-status": deal.status }, t(`s_${deal.status}`));
  const statusSelect = h("select", { name: "status" }, DEAL_STATUSES.map((s) => h("option", { value: s, selected: s === deal.status }, t(`s_${s}`))));
  const dateDone = dateInput("dateDone", ctx, deal.dateDone ?? "");
  const volunteers = numberInput("volunteers", ctx, { integer: true });
  const hours = numberInput("hours", ctx);
  const valueEur = numberInput("valueEur", ctx, { currency: true, decimals: 2 });
  const people = numberInput("peopleReached", ctx, { integer: true });
  setTyped(volunteers, numberText(ctx, deal.volunteers));
  setTyped(hours, numberText(ctx, deal.hours));
  setTyped(valueEur, numberText(ctx, deal.valueEur, true));
  setTyped(people, numberText(ctx, deal.peopleReached));
  const givesBack = h("textarea", { name: "givesBack", rows: 2 }, deal.givesBack ?? "");
  const statusEl = statusLine();
  statusEl.setAttribute("data-deal-saved", "");
  // Done without a date: today is the likeliest answer, and it stays editable.
  statusSelect.addEventListener("change", () => {
    if (statusSelect.value === "done" && !dateDone.value.trim()) setTyped(dateDone, writeDate(new Date().toISOString().slice(0, 10), ctx.locale));
  });
  const form = h(
    "form",
    { className: "deal-form", novalidate: true },
    h("div", { className: "deal-status-row" }, field(t("fStatus"), statusSelect), h("button", { type: "submit", className: "btn primary" }, t("save"))),
    h(
      "details",
      { className: "deal-more" },
      h("summary", {}, t("dealFollowUp")),
      h("div", { className: "form-grid" }, field(t("fDateDone"), dateDone), field(t("fVolunteers"), volunteers), field(t("fHours"), hours), field(t("fValue"), valueEur), field(t("fPeople"), people)),
      field(t("fGivesBack"), givesBack),
    ),
    statusEl,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const typed = readTypedFields(form);
    const show = (kind: "ok" | "err", text: string) => {
      setStatus(statusEl, kind, text);
      statusEl.scrollIntoView({ block: "nearest" });
      ctx.announce(text);
    };
    if (typed.errors.length) {
      form.querySelector("details")?.setAttribute("open", "");
      showErrors(form, typed.errors);
      return show("err", t("fixErrors"));
    }
    const v = typed.values;
    const body = {
      status: statusSelect.value,
      dateDone: v.dateDone,
      volunteers: v.volunteers ?? 0,
      hours: v.hours ?? 0,
      valueEur: v.valueEur ?? 0,
      peopleReached: v.peopleReached ?? 0,
      givesBack: givesBack.value.trim() || null,
    };
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    button.disabled = true;
    try {
      // The form's values as typed; the API validates them (422 → the fields' messages).
      current = await ok(client.PATCH("/cooperations/{id}", { params: { path: { id: current.id } }, body: body as Schemas["CooperationUpdate"] }));
      badge.textContent = t(`s_${current.status}`);
      badge.setAttribute("data-deal-status", current.status);
      show("ok", t("dealSaved", { id: current.id, status: t(`s_${current.status}`) }));
    } catch (err) {
      if (err instanceof ApiFailure) {
        form.querySelector("details")?.setAttribute("open", "");
        const rest = showErrors(form, localiseDetails(t, f, err.details));
        show("err", [err.details.length ? t("fixErrors") : err.message, ...rest].join(" "));
      } else show("err", (err as Error).message);
    } finally {
      button.disabled = false;
    }
  });
  const partners = deal.partnerIds.flatMap((id, i) => [i ? " · " : "", partnerName(id)]);
  return h(
    "li",
    { className: "deal-card", "data-deal": String(deal.id) },
    h("div", { className: "org-card-head" }, h("p", { className: "deal-partners" }, ...partners), badge),
    h("p", { className: "org-card-meta" }, `${t("dealAgreedOn", { date: f.date(deal.dateAgreed) })} · ${t(`f_${deal.format ?? "none"}`)} · #${deal.id}`),
    form,
  );
}
