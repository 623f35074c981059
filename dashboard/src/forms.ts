/**
 * @module
 * Form helpers: labelled fields with a hint and an error slot (aria-describedby, aria-invalid),
 * client-side required checks, and the API's `details[].path` put next to the matching field.
 * Number and date fields are text fields read by `number-input.ts` (a browser's `type=number`
 * reads "480,50" by the browser's language, not the page's): each shows what it understood
 * under it while the user types and refuses what is not a number or date with a message.
 */
import type { ErrorDetail } from "./api";
import { h, uid } from "./dom";
import type { Locale, Translate } from "./i18n";
import { dateInWords, datePattern, numberInWords, readDate, readNumber, writeDate, type NumberRule, type Reading } from "./number-input";

export interface FieldOptions {
  hint?: string;
  required?: boolean;
}

/** A labelled control; the control's `name` is the API field it fills. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, o: FieldOptions = {}): HTMLElement {
  const id = control.id || uid(`f-${control.name}`);
  control.id = id;
  const errId = `${id}-error`;
  const hintId = o.hint ? `${id}-hint` : null;
  const understoodId = control.hasAttribute("data-typed") ? `${id}-understood` : null;
  control.setAttribute("aria-describedby", [hintId, understoodId, errId].filter(Boolean).join(" "));
  if (o.required) control.setAttribute("aria-required", "true");
  return h(
    "div",
    { className: "field", "data-field": control.name },
    h("label", { for: id }, label, o.required ? h("span", { "aria-hidden": "true" }, " *") : null),
    o.hint ? h("p", { className: "hint", id: hintId }, o.hint) : null,
    control,
    understoodId ? h("p", { className: "understood", id: understoodId }) : null,
    h("p", { className: "field-error", id: errId }),
  );
}

/** A group of checkboxes (fieldset/legend) filling an array field. */
export function checkGroup(legend: string, name: string, options: [string, string][]): HTMLElement {
  const errId = uid(`f-${name}`) + "-error";
  return h(
    "fieldset",
    { className: "field", "data-field": name, "aria-describedby": errId },
    h("legend", {}, legend),
    h("div", { className: "checks" }, options.map(([value, label]) => h("label", {}, h("input", { type: "checkbox", name, value }), label))),
    h("p", { className: "field-error", id: errId }),
  );
}

export const input = (name: string, attrs: Record<string, string | number | boolean | null> = {}) => h("input", { name, type: "text", ...attrs });
export const select = (name: string, options: [string, string][], attrs: Record<string, string | boolean> = {}) =>
  h("select", { name, ...attrs }, options.map(([v, l]) => h("option", { value: v }, l)));

/** The page's language and words, for fields that read typed numbers and dates. */
export interface TypedContext {
  t: Translate;
  locale: Locale;
}

type Typed = { read: () => Reading<number | string> | null; words: (v: number | string) => string; t: Translate };
const typedFields = new WeakMap<HTMLInputElement, Typed>();

const problemText = (t: Translate, r: Reading<unknown>) => (r.ok ? "" : t(`in_${r.problem}`, { n: r.limit ?? "" }));

/** Shows what a typed field understood (or, when `final`, why it was refused) under it. */
function showUnderstood(el: HTMLInputElement, final: boolean) {
  const f = typedFields.get(el);
  const wrap = el.parentElement;
  if (!f || !wrap) return;
  const r = f.read();
  const understood = wrap.querySelector(".understood");
  if (understood) understood.textContent = r?.ok ? f.t("understood", { value: f.words(r.value) }) : "";
  const err = wrap.querySelector(".field-error");
  if (!r || r.ok) {
    // A value that reads now also answers an earlier complaint about this field.
    if (err) err.textContent = "";
    el.removeAttribute("aria-invalid");
  } else if (final) {
    // Not while typing: "1." is on its way to "1.250".
    if (err) err.textContent = problemText(f.t, r);
    el.setAttribute("aria-invalid", "true");
  }
}

function typed(el: HTMLInputElement, f: Typed): HTMLInputElement {
  typedFields.set(el, f);
  el.addEventListener("input", () => showUnderstood(el, false));
  el.addEventListener("change", () => showUnderstood(el, true));
  // Prefilled values (today's date) show their reading once the field is in its wrapper.
  queueMicrotask(() => showUnderstood(el, false));
  return el;
}

/** A number field: text with the decimal keyboard, read by `readNumber` in the page's language. */
export function numberInput(name: string, ctx: TypedContext, rule: NumberRule = {}): HTMLInputElement {
  const el = input(name, { inputmode: "decimal", autocomplete: "off", spellcheck: "false", "data-typed": "number" });
  return typed(el, { t: ctx.t, read: () => readNumber(el.value, ctx.locale, rule), words: (v) => numberInWords(Number(v), ctx.locale, rule) });
}

/** A date field: text ("03.10.2026", "2026-10-03"), read by `readDate`; `iso` prefills it. */
export function dateInput(name: string, ctx: TypedContext, iso = ""): HTMLInputElement {
  const el = input(name, { autocomplete: "off", spellcheck: "false", placeholder: datePattern(ctx.locale), value: iso ? writeDate(iso, ctx.locale) : "", "data-typed": "date" });
  return typed(el, { t: ctx.t, read: () => readDate(el.value), words: (v) => dateInWords(String(v), ctx.locale) });
}

/** Sets the text of a typed field (`writeDate(iso, locale)` for a date, "" to empty it) and shows its reading. */
export function setTyped(el: HTMLInputElement, text: string) {
  el.value = text;
  showUnderstood(el, false);
}

/** The value a typed field reads as: null when empty, or an error detail for its message. */
export function readTyped(el: HTMLInputElement): { value: number | string | null } | { error: ErrorDetail } {
  const r = typedFields.get(el)?.read() ?? null;
  if (!r) return { value: null };
  if (r.ok) return { value: r.value };
  return { error: { path: el.name, message: problemText(typedFields.get(el)!.t, r) } };
}

/** Every typed field of a form read: values by name (null when empty) and the refusals. */
export function readTypedFields(form: HTMLFormElement): { values: Record<string, number | string | null>; errors: ErrorDetail[] } {
  const values: Record<string, number | string | null> = {};
  const errors: ErrorDetail[] = [];
  form.querySelectorAll<HTMLInputElement>("input[data-typed]").forEach((el) => {
    const r = readTyped(el);
    if ("error" in r) errors.push(r.error);
    else values[el.name] = r.value;
  });
  return { values, errors };
}

/** Removes all error marks of a form. */
export function clearErrors(form: HTMLFormElement) {
  form.querySelectorAll(".field-error").forEach((e) => (e.textContent = ""));
  form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
}

/**
 * Shows errors next to their fields (path `hours`, `partnerIds[0]`, `records[3].hours` → the field
 * named by the last name segment); returns the messages that matched no field. Focuses the first.
 */
export function showErrors(form: HTMLFormElement, details: ErrorDetail[], aliases: Record<string, string> = {}): string[] {
  const unmatched: string[] = [];
  let first: HTMLElement | null = null;
  for (const d of details) {
    const names = d.path.replace(/\[\d+\]/g, "").split(".");
    const name = aliases[names[names.length - 1]] ?? aliases[d.path] ?? names[names.length - 1];
    const wrap = form.querySelector<HTMLElement>(`[data-field="${name}"]`);
    const err = wrap?.querySelector<HTMLElement>(".field-error");
    if (!wrap || !err) {
      unmatched.push(`${d.path}: ${d.message}`);
      continue;
    }
    err.textContent = err.textContent ? `${err.textContent} ${d.message}` : d.message;
    const control = wrap.querySelector<HTMLElement>("input, select, textarea");
    control?.setAttribute("aria-invalid", "true");
    first ??= control;
  }
  first?.focus();
  return unmatched;
}

/** Required fields that are empty, as error details. */
export function requiredErrors(form: HTMLFormElement, t: Translate): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  form.querySelectorAll("[aria-required=true]").forEach((el) => {
    const c = el as unknown as HTMLInputElement;
    if (!c.value.trim()) out.push({ path: c.name, message: t("required") });
  });
  return out;
}

/** A polite status line for a form. */
export function statusLine(): HTMLElement {
  return h("div", { className: "form-status", role: "status", "aria-live": "polite" });
}

export function setStatus(el: HTMLElement, kind: "ok" | "err", text: string) {
  el.className = `form-status ${kind}`;
  el.textContent = text;
}
