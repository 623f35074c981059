/**
 * @module
 * Cells of an exported table and how each file dialect writes them. Text that a spreadsheet
 * program would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading
 * apostrophe; the import removes it again, so export → import gives back the stored text.
 */

/** A date cell (`YYYY-MM-DD`), written as a real date in XLSX and per locale in CSV. */
export interface DateCell {
  date: string;
}

export type ExportCell = string | number | boolean | DateCell | null;

export type ExportLocale = "de" | "en";

export interface ExportSheet {
  name: string;
  header: string[];
  rows: ExportCell[][];
  /** Column widths in characters (XLSX only). */
  widths?: number[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Escapes text a spreadsheet program would evaluate (CSV/formula injection, OWASP).
 *
 * @example neutraliseFormula("=HYPERLINK(\"http://x\")") // → "'=HYPERLINK(\"http://x\")"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const isDateCell = (c: ExportCell): c is DateCell => typeof c === "object" && c !== null && "date" in c;

/** `2024-05-17` → `17.05.2024` (German) or unchanged (English/ISO). */
export function formatDate(iso: string, locale: ExportLocale): string {
  if (locale === "en") return iso;
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/**
 * A number as text: the shortest form that reads back as the same double (so export → import
 * finds nothing changed), with a decimal comma in German.
 */
export function formatNumber(n: number, locale: ExportLocale): string {
  const s = String(n);
  return locale === "de" ? s.replace(".", ",") : s;
}

export const formatBoolean = (b: boolean, locale: ExportLocale) => (locale === "de" ? (b ? "ja" : "nein") : b ? "yes" : "no");
