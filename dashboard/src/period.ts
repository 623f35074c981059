/**
 * @module
 * The period of a public region page, kept in the URL: `?year=2025`, `?period=12m` (or `24m`, the
 * default), `?from=2025-03-01&to=2025-08-31`. Pure: read from the query, written back to it, turned
 * into the API's window.
 */

export type Period = { kind: "rolling"; months: 12 | 24 } | { kind: "year"; year: number } | { kind: "custom"; from: string; to: string };

export const DEFAULT_PERIOD: Period = { kind: "rolling", months: 24 };

/** The first year a period picker offers (the data's first years lie after it). */
export const FIRST_YEAR = 2015;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isDay = (s: string | null): s is string => !!s && ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** The period named by a page's query; anything unreadable is the default (the last 24 months). */
export function readPeriod(q: URLSearchParams, today: string): Period {
  const year = q.get("year");
  if (year && /^\d{4}$/.test(year) && Number(year) >= FIRST_YEAR && Number(year) <= Number(today.slice(0, 4))) return { kind: "year", year: Number(year) };
  const from = q.get("from");
  const to = q.get("to");
  if (isDay(from) && isDay(to) && from <= to) return { kind: "custom", from, to };
  const p = q.get("period");
  if (p === "12m") return { kind: "rolling", months: 12 };
  return DEFAULT_PERIOD;
}

/** The query that names a period (empty for the default). */
export function periodQuery(p: Period): string {
  if (p.kind === "year") return `year=${p.year}`;
  if (p.kind === "custom") return `from=${p.from}&to=${p.to}`;
  return p.months === 24 ? "" : `period=${p.months}m`;
}

/** The API's window parameters for a period. */
export function windowQuery(p: Period): string {
  if (p.kind === "year") return `from=${p.year}-01-01&to=${p.year}-12-31`;
  if (p.kind === "custom") return `from=${p.from}&to=${p.to}`;
  return `window=${p.months}m`;
}

/** The period is not over yet (its figures still grow). */
export function isRunning(p: Period, today: string): boolean {
  if (p.kind === "year") return String(p.year) === today.slice(0, 4);
  if (p.kind === "custom") return p.to >= today;
  return true;
}

/** The months a window spans, as the first and last `YYYY-MM` (for counts that come per month). */
export function monthSpan(w: { from: string; to: string }): { from: string; to: string } {
  return { from: w.from.slice(0, 7), to: w.to.slice(0, 7) };
}
