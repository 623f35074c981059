/**
 * @module
 * Form helpers: labelled fields with a hint and an error slot (aria-describedby, aria-invalid),
 * client-side required checks, and the API's `details[].path` put next to the matching field.
 */
import type { ErrorDetail } from "./api";
import { h, uid } from "./dom";
import type { Translate } from "./i18n";

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
  control.setAttribute("aria-describedby", [hintId, errId].filter(Boolean).join(" "));
  if (o.required) control.setAttribute("aria-required", "true");
  return h(
    "div",
    { className: "field", "data-field": control.name },
    h("label", { for: id }, label, o.required ? h("span", { "aria-hidden": "true" }, " *") : null),
    o.hint ? h("p", { className: "hint", id: hintId }, o.hint) : null,
    control,
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
