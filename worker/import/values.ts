/**
 * @module
 * Cell values → typed values, as German and English spreadsheets write them: "1.234,5" and
 * "1234.5", "17.05.2024" and "2024-05-17" (and real date cells), "ja"/"nein", labels for enums.
 * Every parser answers either a value or a reason the cell was refused, never throws.
 */
import { DATE_RANGE, inDateRange } from "../lib/limits";
import { readNumber } from "../../dashboard/src/number-input";
import { BOOLEAN_WORDS, lookupOf, normWord, type Vocabulary } from "./vocabulary";
import type { XlsxCell } from "./xlsx";

export type Cell = XlsxCell;
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: string, message: string): Parsed<T> => ({ ok: false, code, message });

/** Characters that make a spreadsheet program treat a text cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text of a cell, trimmed; `'=…` (a formula escaped by our export) loses its apostrophe again, so
 * export → import gives back the stored text. Numbers are written without exponent or grouping.
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") {
    const t = cell.trim();
    return t.startsWith("'") && FORMULA_START.test(t.slice(1)) ? t.slice(1) : t;
  }
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "ja" : "nein";
  if (cell instanceof Date) return isoDate(cell);
  return String(cell).trim();
}

/** A cell is empty when blank, or "-"/"–" (how people mark "nothing" in spreadsheets). */
export const isBlank = (cell: Cell) => {
  const t = cellText(cell);
  return t === "" || t === "-" || t === "–" || t === "—";
};

/** One line of text: trimmed, runs of spaces (also non-breaking) collapsed. */
export const oneLine = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

/** A valid date must also lie in the range every write accepts (the API's date schema has the same). */
const inRange = (iso: string): Parsed<string> =>
  inDateRange(iso) ? ok(iso) : fail("date_out_of_range", `${iso} is outside the dates the service keeps (${DATE_RANGE.min} to ${DATE_RANGE.max})`);

/**
 * A date as `YYYY-MM-DD`: from a date cell, an Excel serial number, `dd.mm.yyyy` (also `d.m.yy`,
 * two-digit years are 20yy), `yyyy-mm-dd` (also with a time, which is dropped). Slash dates are
 * refused because 03/04/2024 means different days in different countries.
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail("invalid_date", "Not a date");
    return inRange(isoDate(cell));
  }
  if (typeof cell === "number") {
    // An Excel serial day number (1900 date system) in a cell not formatted as a date.
    if (Number.isInteger(cell) && cell >= 1 && cell <= 2_958_465) return inRange(isoDate(new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000)));
    return fail("invalid_date", `${cell} is not a date`);
  }
  const t = cellText(cell);
  let m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = validDate(year, Number(m[2]), Number(m[1]));
    return iso ? inRange(iso) : fail("invalid_date", `'${t}' is not a calendar date`);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) {
    const iso = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? inRange(iso) : fail("invalid_date", `'${t}' is not a calendar date`);
  }
  if (/^\d{1,4}\/\d{1,2}\/\d{1,4}$/.test(t)) return fail("ambiguous_date", `'${t}' is ambiguous (day/month order differs by country); write 17.05.2024 or 2024-05-17`);
  return fail("invalid_date", `'${t}' is not a date; write 17.05.2024 or 2024-05-17`);
}

/**
 * A non-negative number, German or English: "1.234,5", "1234,5", "1,234.5", "1 234", "€ 1.200,00".
 * Read by the rule of the dashboard's number fields (`readNumber`), a German file (`decimalComma`)
 * as a German page: with both marks the last one is the decimal mark; a single "." before exactly
 * three digits groups thousands in German files, a single "," in English ones; "1.5" is 1.5.
 */
export function parseNumber(cell: Cell, opts: { integer?: boolean; decimalComma?: boolean; max?: number } = {}): Parsed<number> {
  let n: number;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "boolean" || cell instanceof Date) return fail("not_a_number", `'${cellText(cell)}' is not a number`);
  else {
    const raw = cellText(cell);
    // Units people write into cells.
    const t = raw.replace(/(€|eur|euro|std\.?|h)$/i, "").replace(/^(€|eur)/i, "");
    const read = readNumber(t, opts.decimalComma === false ? "en" : "de", { negative: true });
    if (!read?.ok) return fail("not_a_number", `'${raw}' is not a number`);
    n = read.value;
  }
  if (n < 0) return fail("negative", `${n} is negative; only 0 or more is allowed`);
  if (opts.integer && !Number.isInteger(n)) return fail("not_an_integer", `${n} is not a whole number`);
  if (opts.max !== undefined && n > opts.max) return fail("too_large", `${n} is larger than ${opts.max}`);
  return ok(n);
}

/** A positive whole number identifying a record (ID columns). */
export function parseId(cell: Cell): Parsed<number> {
  const t = cellText(cell);
  if (typeof cell === "number" ? Number.isInteger(cell) && cell > 0 : /^\d{1,15}$/.test(t) && Number(t) > 0) return ok(Number(t));
  return fail("invalid_id", `'${t}' is not an ID (a positive whole number)`);
}

/** `ja`/`nein`, `yes`/`no`, `x`, `1`/`0`, `wahr`/`falsch`, or a boolean cell. */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  const value = BOOLEAN_WORDS.get(normWord(cellText(cell)));
  return value === undefined ? fail("not_yes_no", `'${cellText(cell)}' is not yes/no (ja/nein)`) : ok(value);
}

const lookups = new WeakMap<object, Map<string, string>>();

/** One value of a vocabulary, by key, German label or alias. */
export function parseEnum<K extends string>(cell: Cell, vocabulary: Vocabulary<K>): Parsed<K> {
  let lookup = lookups.get(vocabulary) as Map<string, K> | undefined;
  if (!lookup) {
    lookup = lookupOf(vocabulary);
    lookups.set(vocabulary, lookup);
  }
  const t = cellText(cell);
  const key = lookup.get(normWord(t));
  if (key) return ok(key);
  const allowed = (Object.keys(vocabulary.labels) as K[]).map((k) => `${vocabulary.labels[k]} (${k})`).join(", ");
  return fail("unknown_value", `'${t}' is not one of: ${allowed}`);
}

/** Items of a list cell, split at `|` and line breaks (and at `,`/`;`/`/` when `commas`). */
export function splitList(cell: Cell, commas = false): string[] {
  const t = cellText(cell);
  if (!t) return [];
  return t
    .split(commas ? /[|\n\r,;/]+/ : /[|\n\r]+/)
    .map(oneLine)
    .filter(Boolean);
}

/** A list of vocabulary values ("Zeit, Know-how"); duplicates dropped, order kept. */
export function parseEnumList<K extends string>(cell: Cell, vocabulary: Vocabulary<K>): Parsed<K[]> {
  const out: K[] = [];
  for (const item of splitList(cell, true)) {
    const parsed = parseEnum(item, vocabulary);
    if (!parsed.ok) return parsed;
    if (!out.includes(parsed.value)) out.push(parsed.value);
  }
  return ok(out);
}

/** A list of IDs ("12 | 57", "12, 57"). */
export function parseIdList(cell: Cell): Parsed<number[]> {
  const out: number[] = [];
  for (const item of splitList(cell, true)) {
    const parsed = parseId(item);
    if (!parsed.ok) return parsed;
    if (!out.includes(parsed.value)) out.push(parsed.value);
  }
  return ok(out);
}

/**
 * A field of work or industry: a known key or its German label ("Jugendarbeit" → `youth_work`),
 * else a key of the cell's own words (`parseKey`).
 */
export function parseSector<K extends string>(cell: Cell, vocabulary: Vocabulary<K>): Parsed<string> {
  const known = parseEnum(cell, vocabulary);
  return known.ok ? known : parseKey(cell);
}

/**
 * A key like `youth_work` from a key or a label: "Youth work", "Jugend-Arbeit" → `youth_work`,
 * `jugend_arbeit`; umlauts are spelled out.
 */
export function parseKey(cell: Cell): Parsed<string> {
  const t = cellText(cell);
  const key = t
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!key || key.length > 100) return fail("invalid_key", `'${t}' cannot be used as a key`);
  return ok(key);
}

/**
 * A region code as stored: spreadsheet programs turn "05358" into 5358 and "09" into 9, so
 * 4-digit and 1-digit numbers get their leading zero back.
 */
export function regionCodeText(cell: Cell): string {
  const t = cellText(cell);
  if (/^\d{4}$/.test(t)) return "0" + t;
  if (/^\d$/.test(t)) return "0" + t;
  return t;
}

/** A German postcode that lost its leading zero ("1067" → "01067"); others stay as they are. */
export function postcodeText(cell: Cell, germanRegion: boolean): string {
  const t = oneLine(cellText(cell));
  return germanRegion && /^\d{4}$/.test(t) ? "0" + t : t;
}
