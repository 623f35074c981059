/**
 * @module
 * Input limits every route shares, in one place so validation, handlers and docs agree.
 */

/**
 * Dates the service stores and answers about (inclusive, `YYYY-MM-DD`). Stored dates (dates agreed
 * and done, event dates) and the `from`/`to` of every query use the same range, so any stored
 * date can be asked for and no query reaches years the calendar code cannot represent (before
 * year 1000 ISO dates lose their four-digit form and periods collapse). The work a range causes
 * is bounded by the number of periods per request, not by this range.
 */
export const DATE_RANGE = { min: "1900-01-01", max: "2100-12-31" } as const;

/** True when an ISO date `YYYY-MM-DD` lies within {@link DATE_RANGE}. */
export const inDateRange = (iso: string) => iso >= DATE_RANGE.min && iso <= DATE_RANGE.max;

/** Largest id a path or body may name: decimal digits, no sign, no leading zero, at most 2^53 − 1. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/**
 * Longest alternative text an embed's author may give (`alt` parameter, characters after trimming
 * and collapsing whitespace): a screen reader reads it as the chart's name, so a sentence or two.
 */
export const EMBED_ALT_MAX = 300;
