/**
 * @module
 * Data entry: the deal sheet (a marketplace deal in a few taps, made for a phone), the full
 * cooperation form, organisations and events. Validation errors — ours and the API's
 * `details[].path` — appear next to the fields.
 */
import { allRegions, ApiFailure, client, ok, type ErrorDetail, type Region, type Schemas } from "../api";
import { CONTRIBUTION_TYPES, FORMATS, ORG_KINDS } from "../charts/data";
import { clear, h, uid, add } from "../dom";
import { checkGroup, clearErrors, dateInput, field, input, numberInput, readTypedFields, requiredErrors, select, setStatus, setTyped, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { FIELD_KEYS, INDUSTRY_KEYS, sectorLabel, type Translate } from "../i18n";
import { writeDate } from "../number-input";
import { pageTitle } from "./common";

const TABS = ["deal", "cooperation", "organisation", "event"] as const;
type Tab = (typeof TABS)[number];
// The user's calendar day (toISOString would give yesterday's date shortly after midnight in Germany).
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

export async function render(ctx: PageContext) {
  const { t, main } = ctx;
  pageTitle(ctx, t("entryTitle"));
  const regions = await allRegions();
  const writable = regions.filter((r) => r.kind !== "state" && (ctx.me.role === "admin" || ctx.me.regions.some((c) => r.code === c || r.code.startsWith(c) || r.parentCode === c)));
  add(main, h("h1", {}, t("entryTitle")), h("p", { className: "lead" }, t("entryIntro")));
  const tabList = h("div", { className: "tabs", role: "tablist", "aria-label": t("entryTitle") });
  const panel = h("div", { role: "tabpanel", id: "entry-panel", tabindex: "-1" });
  add(main, tabList, panel);
  const initial = (location.hash.slice(1) as Tab) || "deal";
  const labels: Record<Tab, string> = { deal: t("tabDeal"), cooperation: t("tabCooperation"), organisation: t("tabOrganisation"), event: t("tabEvent") };
  const buttons = TABS.map((tab) =>
    h("button", { type: "button", role: "tab", id: `tab-${tab}`, "aria-controls": "entry-panel", "data-tab": tab, onclick: () => show(tab) }, labels[tab]),
  );
  add(tabList, ...buttons);
  tabList.addEventListener("keydown", (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0 || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) return;
    const next = buttons[(i + (e.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length];
    next.focus();
    next.click();
  });
  const show = async (tab: Tab) => {
    buttons.forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === tab)));
    panel.setAttribute("aria-labelledby", `tab-${tab}`);
    history.replaceState(null, "", `#${tab}`);
    clear(panel);
    if (tab === "deal" || tab === "cooperation") add(panel, await cooperationForm(ctx, tab === "deal", writable));
    else if (tab === "organisation") add(panel, organisationForm(ctx, writable));
    else add(panel, await eventForm(ctx, writable));
  };
  await show(TABS.includes(initial) ? initial : "deal");
}

const regionOptions = (regions: Region[]): [string, string][] => regions.map((r) => [r.code, `${r.name} (${r.code})`]);

/** An organisation picker: text input with a datalist filled from the API as the user types. */
export function organisationPicker(name: string, kind: Schemas["Organisation"]["kind"] | null, ctx: PageContext): HTMLInputElement {
  const listId = uid("list");
  const datalist = h("datalist", { id: listId });
  const el = input(name, { list: listId, autocomplete: "off", "data-kind": kind ?? "" });
  let timer = 0;
  el.addEventListener("input", () => {
    clearTimeout(timer);
    const q = el.value.trim();
    if (q.length < 2 || /\(#\d+\)$/.test(q)) return;
    timer = window.setTimeout(async () => {
      const res = await ok(client.GET("/organisations", { params: { query: { limit: 20, q, kind: kind ?? undefined } } })).catch(() => ({ data: [] }));
      clear(datalist);
      add(datalist, ...res.data.map((o) => h("option", { value: `${o.name} (#${o.id})` }, o.regionCode)));
    }, 200);
  });
  queueMicrotask(() => el.parentElement && add(el.parentElement, datalist));
  void ctx;
  return el;
}

/** A key input (`youth_work`) with the known keys offered in words. */
function sectorInput(name: string, keys: readonly string[], t: Translate): HTMLInputElement {
  const listId = uid(`list-${name}`);
  const el = input(name, { list: listId, autocomplete: "off", placeholder: keys[0], spellcheck: "false" });
  const datalist = h("datalist", { id: listId }, keys.map((k) => h("option", { value: k }, sectorLabel(t, k))));
  queueMicrotask(() => el.parentElement && add(el.parentElement, datalist));
  return el;
}

export const pickedId = (v: string): number | null => {
  const m = /\(#(\d+)\)\s*$/.exec(v.trim()) ?? /^#?(\d+)$/.exec(v.trim());
  return m ? Number(m[1]) : null;
};

async function cooperationForm(ctx: PageContext, quick: boolean, regions: Region[]): Promise<HTMLElement> {
  const { t } = ctx;
  const events = await ok(client.GET("/events", { params: { query: { limit: 100, sort: "-date" } } })).catch(() => ({ data: [] }));
  const codes = new Set(regions.map((r) => r.code));
  const myEvents = events.data.filter((e) => ctx.me.role === "admin" || codes.has(e.regionCode));
  const eventSelect = select("eventId", [["", t("fNoEvent")], ...myEvents.map((e): [string, string] => [String(e.id), `${e.title} (${ctx.f.date(e.date)})`])]);
  const company = organisationPicker("partnerCompany", "company", ctx);
  const nonprofit = organisationPicker("partnerNonprofit", "nonprofit", ctx);
  const dateAgreed = dateInput("dateAgreed", ctx, today());
  eventSelect.addEventListener("change", () => {
    const e = myEvents.find((x) => String(x.id) === eventSelect.value);
    if (e) setTyped(dateAgreed, writeDate(e.date, ctx.locale));
  });
  const status = select("status", ["agreed", "ongoing", "done", "cancelled", "not_feasible"].map((s): [string, string] => [s, t(`s_${s}`)]));
  const dateDone = dateInput("dateDone", ctx);
  const statusEl = statusLine();
  const form = h(
    "form",
    { className: `card ${quick ? "deal-sheet" : ""}`, novalidate: true, "data-form": quick ? "deal" : "cooperation" },
    h("h2", {}, quick ? t("dealTitle") : t("tabCooperation")),
    quick ? h("p", { className: "hint" }, t("dealIntro")) : null,
    field(t("fEvent"), eventSelect),
    field(t("fCompany"), company, { hint: t("fPartnerHint"), required: true }),
    field(t("fNonprofit"), nonprofit, { hint: t("fPartnerHint"), required: true }),
    checkGroup(t("fContribution"), "contributionTypes", CONTRIBUTION_TYPES.map((c): [string, string] => [c, t(`c_${c}`)])),
    h(
      "div",
      { className: "form-grid" },
      field(t("fVolunteers"), numberInput("volunteers", ctx, { integer: true })),
      field(t("fHours"), numberInput("hours", ctx)),
      field(t("fValue"), numberInput("valueEur", ctx, { currency: true, decimals: 2 })),
      field(t("fPeople"), numberInput("peopleReached", ctx, { integer: true })),
    ),
    field(t("fGivesBack"), h("textarea", { name: "givesBack", rows: 2 })),
    h("div", { className: "form-grid" }, field(t("fDateAgreed"), dateAgreed, { required: true }), quick ? null : field(t("fStatus"), status), quick ? null : field(t("fDateDone"), dateDone)),
    quick ? null : field(t("fTargetGroups"), input("targetGroups")),
    quick ? null : field(t("fNotes"), h("textarea", { name: "notes", rows: 3 })),
    h("button", { type: "submit", className: "btn primary" }, quick ? t("saveDeal") : t("save")),
    statusEl,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const typed = readTypedFields(form);
    const errors: ErrorDetail[] = [...requiredErrors(form, t), ...typed.errors];
    const companyId = pickedId(company.value);
    const nonprofitId = pickedId(nonprofit.value);
    if (company.value.trim() && companyId === null) errors.push({ path: "partnerCompany", message: t("pickFromList") });
    if (nonprofit.value.trim() && nonprofitId === null) errors.push({ path: "partnerNonprofit", message: t("pickFromList") });
    if (errors.length) {
      showErrors(form, errors);
      setStatus(statusEl, "err", t("fixErrors"));
      return;
    }
    const fd = new FormData(form);
    // Empty number fields are left out (the API's default, 0).
    const num = (k: string) => (typed.values[k] ?? undefined) as number | undefined;
    const body: Record<string, unknown> = {
      eventId: eventSelect.value ? Number(eventSelect.value) : null,
      partnerIds: [companyId, nonprofitId],
      dateAgreed: typed.values.dateAgreed,
      status: quick ? "agreed" : status.value,
      contributionTypes: fd.getAll("contributionTypes"),
      volunteers: num("volunteers"),
      hours: num("hours"),
      valueEur: num("valueEur"),
      peopleReached: num("peopleReached"),
      givesBack: String(fd.get("givesBack") ?? "").trim() || null,
    };
    if (!quick) {
      body.dateDone = typed.values.dateDone;
      body.targetGroups = String(fd.get("targetGroups") ?? "").trim() || null;
      body.notes = String(fd.get("notes") ?? "").trim() || null;
    }
    try {
      // The form's values as typed; the API validates them (422 → the fields' messages).
      const created = await ok(client.POST("/cooperations", { body: body as Schemas["CooperationCreate"] }));
      setStatus(statusEl, "ok", quick ? t("savedDeal", { id: created.id }) : t("saved", { id: created.id }));
      ctx.announce(statusEl.textContent ?? "");
      if (quick) {
        // Ready for the next deal of the same event.
        company.value = "";
        nonprofit.value = "";
        form.querySelectorAll<HTMLInputElement>("input[data-typed=number]").forEach((x) => setTyped(x, ""));
        form.querySelectorAll<HTMLTextAreaElement>("textarea").forEach((x) => (x.value = ""));
        form.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((x) => (x.checked = false));
        company.focus();
      }
    } catch (err) {
      handleFailure(ctx, form, statusEl, err, { partnerIds: "partnerCompany", regionCode: "partnerNonprofit" });
    }
  });
  return form;
}

function handleFailure(ctx: PageContext, form: HTMLFormElement, statusEl: HTMLElement, err: unknown, aliases: Record<string, string> = {}) {
  if (err instanceof ApiFailure) {
    const details = localiseDetails(ctx.t, ctx.f, err.details);
    const rest = showErrors(form, details, aliases);
    setStatus(statusEl, "err", [err.details.length ? ctx.t("fixErrors") : err.message, ...rest].join(" "));
  } else setStatus(statusEl, "err", (err as Error).message);
}

function organisationForm(ctx: PageContext, regions: Region[]): HTMLElement {
  const { t } = ctx;
  const statusEl = statusLine();
  const kind = select("kind", ORG_KINDS.map((k): [string, string] => [k, t(`k_${k}`)]));
  const form = h(
    "form",
    { className: "card", novalidate: true, "data-form": "organisation" },
    h("h2", {}, t("tabOrganisation")),
    field(t("fName"), input("name", { autocomplete: "organization" }), { required: true }),
    h(
      "div",
      { className: "form-grid" },
      field(t("fKind"), kind, { required: true }),
      field(t("fRegion"), select("regionCode", [["", "–"], ...regionOptions(regions)]), { required: true }),
      field(t("fPostcode"), input("postcode", { inputmode: "numeric", autocomplete: "postal-code" })),
      field(t("fSize"), select("sizeClass", [["", "–"], ...["micro", "small", "medium", "large"].map((s): [string, string] => [s, t(`size_${s}`)])])),
      field(t("fField"), sectorInput("field", FIELD_KEYS, t)),
      field(t("fIndustry"), sectorInput("industry", INDUSTRY_KEYS, t)),
      field(t("fContactName"), input("contactName", { autocomplete: "name" })),
      field(t("fContactEmail"), input("contactEmail", { type: "email", autocomplete: "email" })),
    ),
    h("div", { className: "field check", "data-field": "isPublic" }, h("label", {}, h("input", { type: "checkbox", name: "isPublic" }), t("fPublic")), h("p", { className: "field-error" })),
    h("button", { type: "submit", className: "btn primary" }, t("save")),
    statusEl,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const errors = requiredErrors(form, t);
    if (errors.length) {
      showErrors(form, errors);
      setStatus(statusEl, "err", t("fixErrors"));
      return;
    }
    const fd = new FormData(form);
    const str = (k: string) => String(fd.get(k) ?? "").trim() || null;
    const body = {
      name: str("name"),
      kind: str("kind"),
      regionCode: str("regionCode"),
      postcode: str("postcode"),
      sizeClass: str("sizeClass"),
      field: str("field"),
      industry: str("industry"),
      contactName: str("contactName"),
      contactEmail: str("contactEmail"),
      isPublic: fd.get("isPublic") === "on",
    };
    try {
      const created = await ok(client.POST("/organisations", { body: body as unknown as Schemas["OrganisationCreate"] }));
      setStatus(statusEl, "ok", t("saved", { id: created.id }));
      form.reset();
    } catch (err) {
      handleFailure(ctx, form, statusEl, err);
    }
  });
  return form;
}

async function eventForm(ctx: PageContext, regions: Region[]): Promise<HTMLElement> {
  const { t } = ctx;
  const statusEl = statusLine();
  const organiser = organisationPicker("organiser", null, ctx);
  const form = h(
    "form",
    { className: "card", novalidate: true, "data-form": "event" },
    h("h2", {}, t("tabEvent")),
    field(t("fTitle"), input("title"), { required: true }),
    h(
      "div",
      { className: "form-grid" },
      field(t("fKind"), select("kind", FORMATS.filter((f) => f !== "none").map((k): [string, string] => [k, t(`f_${k}`)])), { required: true }),
      field(t("fDate"), dateInput("date", ctx, today()), { required: true }),
      field(t("fRegion"), select("regionCode", [["", "–"], ...regionOptions(regions)]), { required: true }),
      field(t("fOrganiser"), organiser, { hint: t("fPartnerHint") }),
    ),
    field(t("fNotes"), h("textarea", { name: "notes", rows: 3 })),
    h("button", { type: "submit", className: "btn primary" }, t("save")),
    statusEl,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const typed = readTypedFields(form);
    const errors = [...requiredErrors(form, t), ...typed.errors];
    const organiserId = organiser.value.trim() ? pickedId(organiser.value) : null;
    if (organiser.value.trim() && organiserId === null) errors.push({ path: "organiser", message: t("pickFromList") });
    if (errors.length) {
      showErrors(form, errors);
      setStatus(statusEl, "err", t("fixErrors"));
      return;
    }
    const fd = new FormData(form);
    const body = {
      kind: fd.get("kind"),
      title: String(fd.get("title")).trim(),
      date: typed.values.date,
      regionCode: fd.get("regionCode"),
      organiserId,
      notes: String(fd.get("notes") ?? "").trim() || null,
    };
    try {
      const created = await ok(client.POST("/events", { body: body as unknown as Schemas["EventCreate"] }));
      setStatus(statusEl, "ok", t("saved", { id: created.id }));
    } catch (err) {
      handleFailure(ctx, form, statusEl, err, { organiserId: "organiser" });
    }
  });
  return form;
}
