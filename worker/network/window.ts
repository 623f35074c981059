/**
 * @module
 * The time window of a network analysis (docs/metrics.md: default the last 24 months).
 */
import { addMonths } from "../graph/calendar";
import { ApiError } from "../lib/errors";

export interface Window {
  from: string;
  to: string;
}

export const DEFAULT_WINDOW_MONTHS = 24;

export const today = () => new Date().toISOString().slice(0, 10);

/** The day after `date` minus `months` months: a window of exactly `months` months ending on `to`. */
export function windowEndingOn(to: string, months: number): Window {
  const start = addMonths(to, -months);
  const next = new Date(Date.parse(start + "T00:00:00Z") + 86_400_000).toISOString().slice(0, 10);
  return { from: next, to };
}

/** `from`/`to` (dates) and `window` (`24m`, `12m`, `36m`, …) query parameters → a window. */
export function resolveWindow(q: { from?: string; to?: string; window?: string }): Window {
  const to = q.to ?? today();
  let months = DEFAULT_WINDOW_MONTHS;
  if (q.window) {
    const m = /^(\d{1,3})m$/.exec(q.window);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 240) {
      throw new ApiError(422, "validation_failed", "Invalid window", [{ path: "window", message: "Expected months like 24m (1m–240m)" }]);
    }
    months = Number(m[1]);
  }
  const w = q.from ? { from: q.from, to } : windowEndingOn(to, months);
  if (w.from > w.to) throw new ApiError(422, "validation_failed", "Invalid window", [{ path: "from", message: "from must not be after to" }]);
  return w;
}
