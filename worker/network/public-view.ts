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
