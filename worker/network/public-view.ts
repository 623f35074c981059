/**
 * @module
 * What anonymous callers see of a summary (DESIGN.md §5): aggregates only, and every count below 3
 * shown as "<3", so no organisation or person becomes identifiable.
 */

export const SMALL_COUNT = "<3";

/** A count, or "<3" when it is 1 or 2. */
export function suppress(n: number): number | string {
  return n > 0 && n < 3 ? SMALL_COUNT : n;
}

const COUNT_KEYS = new Set(["organisations", "activeOrganisations", "events", "byStatus", "byFormat", "statusCounts", "total", "pairs", "converted", "pending", "nodes", "components"]);

/**
 * Deep copy of a summary with small counts suppressed. Counts live under the keys in COUNT_KEYS
 * (and inside the objects they name); rates and sums of hours/values stay.
 */
export function suppressSmallCounts<T>(value: T, inCounts = false): T {
  if (Array.isArray(value)) return value.map((v) => suppressSmallCounts(v, inCounts)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const isCount = inCounts || COUNT_KEYS.has(k);
        if (typeof v === "number" && isCount && Number.isInteger(v)) return [k, suppress(v)];
        return [k, suppressSmallCounts(v, isCount && typeof v === "object")];
      }),
    ) as T;
  }
  return value;
}

const isSmall = (n: number) => n > 0 && n < 3;

/**
 * A rate for anonymous callers: null when its numerator or denominator is a suppressed count,
 * since rate × denominator would give the count back.
 */
export function safeRate(rate: number | null, numerator: number, denominator: number): number | null {
  return rate === null || isSmall(numerator) || isSmall(denominator) ? null : rate;
}

/** Conversion rows for anonymous callers: small counts suppressed, rates of small counts hidden. */
export function publicConversionRows<T extends { pairs: number; converted: number; pending: number; rate: number | null }>(rows: T[]) {
  return suppressSmallCounts(rows.map((r) => ({ ...r, rate: safeRate(r.rate, r.converted, r.pairs) })));
}
