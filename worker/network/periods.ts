/**
 * @module
 * The periods of a trend (months, quarters or years between two dates) and their bound.
 */

export type Interval = "month" | "quarter" | "year";

/**
 * Periods one trend request may ask for, whatever the interval: 240 months (20 years), 240
 * quarters (60 years), 240 years (more than the whole date range). The work and the size of a
 * trend grow with its points, not with the time they span: each point is one value in the
 * response and, for network figures, one snapshot summary to read or compute; 240 points is
 * about 10 KB of JSON and more bars than a chart can show legibly.
 */
export const MAX_TREND_PERIODS = 240;

const MONTHS_PER: Record<Interval, number> = { month: 1, quarter: 3, year: 12 };

/** Months since year 0 of the first month of the period `date` falls in. */
function periodStartIndex(date: string, interval: Interval): number {
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return months - (months % MONTHS_PER[interval]);
}

/** How many periods of `interval` the dates `from`…`to` touch (0 when from is after to). */
export function periodCount(from: string, to: string, interval: Interval): number {
  if (from > to) return 0;
  return (periodStartIndex(to, interval) - periodStartIndex(from, interval)) / MONTHS_PER[interval] + 1;
}

/** First day of the earliest period in a trend of `count` periods ending with the period of `to`. */
export function firstPeriodStart(to: string, interval: Interval, count: number): string {
  const index = periodStartIndex(to, interval) - (count - 1) * MONTHS_PER[interval];
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}-01`;
}

export interface Period {
  label: string;
  /** Last day of the period, or `to` when the period is cut by it. */
  end: string;
  /** The period is cut by `to` (not over yet, or the request ends inside it). */
  partial: boolean;
}

/** Every period label from `from` to `to` and the last day of each. */
export function periods(from: string, to: string, interval: Interval): Period[] {
  const out: Period[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  if (interval === "quarter") m = Math.floor((m - 1) / 3) * 3 + 1;
  if (interval === "year") m = 1;
  const step = MONTHS_PER[interval];
  for (;;) {
    const label = interval === "month" ? `${y}-${String(m).padStart(2, "0")}` : interval === "quarter" ? `${y}-Q${(m + 2) / 3}` : `${y}`;
    const endMonth = m + step - 1;
    const ey = y + Math.floor((endMonth - 1) / 12);
    const em = ((endMonth - 1) % 12) + 1;
    const lastDay = new Date(Date.UTC(ey, em, 0)).toISOString().slice(0, 10);
    const start = `${y}-${String(m).padStart(2, "0")}-01`;
    if (start > to) break;
    out.push({ label, end: lastDay < to ? lastDay : to, partial: lastDay > to });
    m += step;
    while (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}
