/**
 * @module
 * Numbers and dates as people type them into a form, German, English or Dutch, read the way they are
 * meant — or refused with a reason, never guessed. Pure (no DOM): the dashboard's forms use it
 * through `forms.ts`, the import reads spreadsheet cells with the same rule.
 *
 * Numbers ("." and "," are the marks; spaces may group thousands too):
 * - Both marks: the last one is the decimal mark and occurs once, the other groups thousands:
 *   "1.250,50" and "1,250.50" are 1250.5 in either language.
 * - One mark, more than once: it groups thousands ("1.250.000"); "1,2,3" and "1.25.0" are refused.
 * - One mark, once: it groups thousands when it is the page language's thousands mark (German and
 *   Dutch ".", English ",") and exactly three digits follow — German "1.250" is 1250, English "1,250" is 1250;
 *   otherwise it is the decimal mark: German "480,50" and "1,250" are 480.5 and 1.25, "1.5" is 1.5
 *   in both languages.
 * - Thousands groups have three digits after a first group of 1–3 digits not starting with 0;
 *   anything else ("12abc", "1e3", "0.250" in German, "1 2 3") is refused.
 * - No negatives unless a field allows them; whole numbers where the field counts people.
 *
 * Dates: ISO "2026-10-03", or day first — "03.10.2026", "3.10.26" (20yy), "03/10/2026",
 * "03-10-2026" (Dutch) — in every language (the dashboard's English is British). The form shows the date understood with its
 * weekday and month name before saving, so a reader used to month-first dates sees the difference.
 */
import { intlTag, type Locale } from "./i18n";

/** Why a typed value was refused; `forms.ts` words it in the page's language. */
export type InputProblem = "not_a_number" | "negative" | "not_whole" | "too_many_decimals" | "not_a_date" | "no_such_day";

export type Reading<T> = { ok: true; value: T } | { ok: false; problem: InputProblem; limit?: number };

export interface NumberRule {
  /** Counts of people: no fractions. */
  integer?: boolean;
  /** Amounts of money: at most this many decimals (non-zero ones). */
  decimals?: number;
  /** Accept "-5". */
  negative?: boolean;
  /** Euro amounts: "€ 480,50" and "480,50 EUR" are accepted and the value is shown as currency. */
  currency?: boolean;
}

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const refuse = <T>(problem: InputProblem, limit?: number): Reading<T> => (limit === undefined ? { ok: false, problem } : { ok: false, problem, limit });

/** The thousands mark of a page language when a single mark is ambiguous ("1.250", "1,250"). */
const groupMark = (locale: Locale) => (locale === "en" ? "," : ".");

/** "1.250,50" → "1250.50" (digits with an optional "." decimal), or null when it is not a number. */
function plainDigits(body: string, locale: Locale): string | null {
  if (!/^[\d., ]+$/.test(body) || !/\d/.test(body)) return null;
  const count = (c: string) => body.split(c).length - 1;
  const dots = count(".");
  const commas = count(",");
  let decimal: "." | "," | null = null;
  if (dots && commas) decimal = body.lastIndexOf(".") > body.lastIndexOf(",") ? "." : ",";
  else if (dots + commas === 1) {
    const mark = dots ? "." : ",";
    const grouped = mark === groupMark(locale) && /^\d{3}$/.test(body.slice(body.indexOf(mark) + 1));
    decimal = grouped ? null : mark;
  }
  const parts = decimal ? body.split(decimal) : [body];
  if (parts.length > 2) return null;
  const [whole, fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  const marks = new Set(whole.replace(/\d/g, ""));
  if (marks.size > 1) return null;
  let digits = whole;
  if (marks.size === 1) {
    const [g] = marks;
    const group = g === "." ? "\\." : g;
    if (!new RegExp(`^[1-9]\\d{0,2}(${group}\\d{3})+$`).test(whole)) return null;
    digits = whole.split(g).join("");
  }
  if (digits === "" && fraction === undefined) return null;
  return (digits || "0") + (fraction === undefined ? "" : `.${fraction}`);
}

/**
 * A number as typed in a form in `locale`; null when the field is empty.
 *
 * @example readNumber("1.250,50", "de") // { ok: true, value: 1250.5 }
 * @example readNumber("1.250", "en")    // { ok: true, value: 1.25 }
 * @example readNumber("1,2,3", "de")    // { ok: false, problem: "not_a_number" }
 */
export function readNumber(text: string, locale: Locale, rule: NumberRule = {}): Reading<number> | null {
  let t = text.replace(/[\u00a0\u202f\u2009]/g, " ").trim();
  if (!t) return null;
  if (rule.currency) t = t.replace(/^(€|eur\b)\s*/i, "").replace(/\s*(€|eur)$/i, "");
  // A leading sign; a typographic minus or a dash typed for one count as "-".
  const signed = /^[-+−–]/.test(t);
  const sign = signed && t[0] !== "+" ? "-" : "";
  const digits = plainDigits(signed ? t.slice(1).trimStart() : t, locale);
  if (digits === null) return refuse("not_a_number");
  const value = Number(sign + digits);
  if (!Number.isFinite(value)) return refuse("not_a_number");
  if (value < 0 && !rule.negative) return refuse("negative");
  const fraction = digits.includes(".") ? digits.slice(digits.indexOf(".") + 1).replace(/0+$/, "") : "";
  if (rule.integer && fraction) return refuse("not_whole");
  if (rule.decimals !== undefined && fraction.length > rule.decimals) return refuse("too_many_decimals", rule.decimals);
  // -0 reads as 0.
  return ok(value === 0 ? 0 : value);
}

function calendarDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A date as typed in a form, as `YYYY-MM-DD`; null when the field is empty. Which years the API
 * accepts is the API's rule (its message appears next to the field).
 *
 * @example readDate("03.10.2026") // { ok: true, value: "2026-10-03" }
 * @example readDate("31.02.2026") // { ok: false, problem: "no_such_day" }
 */
export function readDate(text: string): Reading<string> | null {
  const t = text.replace(/\s+/g, "");
  if (!t) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let ymd: [number, number, number] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(t);
  if (m) ymd = [m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]), Number(m[3]), Number(m[1])];
  if (!ymd) return refuse("not_a_date");
  const iso = calendarDay(...ymd);
  return iso ? ok(iso) : refuse("no_such_day");
}

/** How a date is written into a date field of the page: "03.10.2026", "03/10/2026", "03-10-2026". */
export function writeDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const mark = locale === "de" ? "." : locale === "nl" ? "-" : "/";
  return `${m[3]}${mark}${m[2]}${mark}${m[1]}`;
}

/** What a date field understood, in words: "Samstag, 3. Oktober 2026". */
export function dateInWords(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** What a number field understood, in the page's format: "480,50 €", "1.250,5", "1,250.5". */
export function numberInWords(value: number, locale: Locale, rule: NumberRule = {}): string {
  const style = rule.currency ? { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: Math.max(2, rule.decimals ?? 2) } : { maximumFractionDigits: 10 };
  return new Intl.NumberFormat(intlTag(locale), style as Intl.NumberFormatOptions).format(value);
}

/** The placeholder of a date field. */
export const datePattern = (locale: Locale) => (locale === "de" ? "TT.MM.JJJJ" : locale === "nl" ? "DD-MM-JJJJ" : "DD/MM/YYYY");
