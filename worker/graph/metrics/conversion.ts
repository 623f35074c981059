/**
 * @module
 * Conversion by format (docs/metrics.md): of the pairs whose first cooperation came from an event of
 * format F in year Y, the share that cooperated again within 24 months — which format creates
 * lasting ties.
 *
 * Rules, per pair of organisations:
 * - only cooperations dated on or before `asOf` are seen (a snapshot must not know the future);
 * - the first cooperation is the earliest by date (ties: the one listed first); a pair whose first
 *   cooperation had no event (`format` null) belongs to no format and is not counted;
 * - the pair converted when another cooperation is dated strictly after the first one and no later
 *   than the first date plus 24 calendar months (a second deal on the same day is part of the same
 *   first encounter, not "again");
 * - the pair is `pending` while its 24 months are not over at `asOf` (first date + 24 months
 *   after `asOf`); pending pairs are reported separately and left out of `pairs` and `rate`, even if
 *   they already cooperated again — counting only their early successes would bias the rate.
 */
import { addMonths, normaliseIsoDate } from "../calendar";

/** One cooperation of a pair: its date and the format (event kind) it came from, if any. */
export interface PairCooperation {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Event kind (`action_day`, `marketplace`, …) or null for a cooperation without event. */
  format: string | null;
}

/** All cooperations of one pair of organisations (ids, in either order). */
export interface PairCooperations {
  a: number;
  b: number;
  cooperations: ReadonlyArray<PairCooperation>;
}

export interface ConversionOptions {
  /** The day of the computation, `YYYY-MM-DD`. */
  asOf: string;
  /** Follow-up window in months (default 24). */
  months?: number;
}

export interface ConversionRow {
  format: string;
  /** Calendar year of the pairs' first cooperation. */
  year: number;
  /** Pairs whose follow-up window is over at `asOf` (the denominator). */
  pairs: number;
  /** Of those, pairs that cooperated again within the window. */
  converted: number;
  /** converted ÷ pairs; null when `pairs` is 0. */
  rate: number | null;
  /** Pairs whose follow-up window is not over at `asOf`. */
  pending: number;
}

/**
 * Conversion rows folded pair by pair, from each pair's first cooperation and its next one on a
 * later day — all the rules need. The snapshot folds the national network's pairs page by page
 * with it (a few hundred thousand pairs, no object per pair); {@link conversion} uses it for
 * whole histories.
 */
export class ConversionTally {
  private readonly rows = new Map<string, ConversionRow>();
  private readonly asOf: string;
  private readonly months: number;
  /** Window end per first date: pairs share few first dates, and `addMonths` parses each. */
  private readonly windowEnds = new Map<string, string>();

  constructor(options: ConversionOptions) {
    const { months = 24 } = options;
    if (!Number.isInteger(months) || months < 1) throw new Error("conversion: months must be a positive integer");
    this.asOf = normaliseIsoDate(options.asOf);
    this.months = months;
  }

  /**
   * One pair: the date and format of its first cooperation (on or before `asOf`) and the date of
   * its next cooperation on a later day (on or before `asOf`), or null. A first cooperation
   * without format belongs to no format and is not counted.
   */
  add(firstDate: string, format: string | null, nextDate: string | null): void {
    if (format === null) return;
    const year = Number(firstDate.slice(0, 4));
    const key = `${format}\u0000${year}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { format, year, pairs: 0, converted: 0, rate: null, pending: 0 }));
    let windowEnd = this.windowEnds.get(firstDate);
    if (windowEnd === undefined) this.windowEnds.set(firstDate, (windowEnd = addMonths(firstDate, this.months)));
    if (windowEnd > this.asOf) {
      row.pending++;
      return;
    }
    row.pairs++;
    if (nextDate !== null && nextDate > firstDate && nextDate <= windowEnd) row.converted++;
  }

  /** The rows so far, sorted by format, then year. */
  result(): ConversionRow[] {
    const result = [...this.rows.values()].map((row) => ({ ...row, rate: row.pairs > 0 ? row.converted / row.pairs : null }));
    return result.sort((x, y) => (x.format < y.format ? -1 : x.format > y.format ? 1 : x.year - y.year));
  }
}

/**
 * Conversion rows, one per format and year of first cooperation, sorted by format, then year.
 * Several entries for the same pair (in either order) are combined.
 *
 * @throws if a date is not an ISO date or `months` is not a positive integer.
 *
 * @example
 * conversion(
 *   [{ a: 1, b: 2, cooperations: [{ date: "2022-05-10", format: "marketplace" }, { date: "2023-02-01", format: null }] }],
 *   { asOf: "2025-01-01" },
 * ); // [{ format: "marketplace", year: 2022, pairs: 1, converted: 1, rate: 1, pending: 0 }]
 */
export function conversion(pairs: ReadonlyArray<PairCooperations>, options: ConversionOptions): ConversionRow[] {
  const tally = new ConversionTally(options);
  const asOf = normaliseIsoDate(options.asOf);

  const histories = new Map<string, PairCooperation[]>();
  for (const pair of pairs) {
    if (pair.a === pair.b) continue; // no tie to oneself
    const key = pair.a < pair.b ? `${pair.a}:${pair.b}` : `${pair.b}:${pair.a}`;
    let history = histories.get(key);
    if (!history) histories.set(key, (history = []));
    for (const cooperation of pair.cooperations) {
      const date = normaliseIsoDate(cooperation.date);
      if (date <= asOf) history.push({ date, format: cooperation.format });
    }
  }

  for (const history of histories.values()) {
    if (history.length === 0) continue;
    let first = history[0];
    for (const cooperation of history) if (cooperation.date < first.date) first = cooperation;
    let next: string | null = null;
    for (const cooperation of history) if (cooperation.date > first.date && (next === null || cooperation.date < next)) next = cooperation.date;
    tally.add(first.date, first.format, next);
  }
  return tally.result();
}
