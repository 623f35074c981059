import { describe, expect, it } from "vitest";
import { conversion, ConversionTally, type PairCooperations } from "../../../worker/graph/metrics";

const pairs: PairCooperations[] = [
  // Converted: again after ten months.
  { a: 1, b: 2, cooperations: [{ date: "2022-03-01", format: "marketplace" }, { date: "2023-01-15", format: null }] },
  // Not converted: again one day after the 24 months.
  { a: 1, b: 3, cooperations: [{ date: "2022-05-10", format: "marketplace" }, { date: "2024-05-11", format: "action_day" }] },
  // Converted: again on the last day of the 24 months.
  { a: 1, b: 4, cooperations: [{ date: "2022-05-10", format: "marketplace" }, { date: "2024-05-10", format: "other" }] },
  // Not converted: a second deal on the same day is the same encounter.
  { a: 2, b: 3, cooperations: [{ date: "2022-07-01", format: "marketplace" }, { date: "2022-07-01", format: "marketplace" }] },
  // Pending (window ends 2025-09-01 after asOf), although already again — listed in two entries.
  { a: 2, b: 4, cooperations: [{ date: "2023-09-01", format: "action_day" }] },
  { a: 4, b: 2, cooperations: [{ date: "2024-01-01", format: null }] },
  // First cooperation without an event: counted nowhere.
  { a: 3, b: 4, cooperations: [{ date: "2021-01-01", format: null }, { date: "2021-06-01", format: "marketplace" }] },
  // The later cooperation is after asOf and unseen: not converted.
  { a: 5, b: 6, cooperations: [{ date: "2022-11-11", format: "action_day" }, { date: "2026-01-01", format: "marketplace" }] },
  // Listed out of order: the first is the social day.
  { a: 5, b: 7, cooperations: [{ date: "2023-03-01", format: null }, { date: "2022-02-02", format: "social_day" }] },
  // Entirely after asOf: not counted.
  { a: 6, b: 7, cooperations: [{ date: "2025-07-01", format: "marketplace" }] },
  // A pair of one organisation is no tie.
  { a: 8, b: 8, cooperations: [{ date: "2022-01-01", format: "marketplace" }] },
];

describe("conversion", () => {
  it("computes rates per format and year of first cooperation, pending pairs apart", () => {
    expect(conversion(pairs, { asOf: "2025-06-30" })).toEqual([
      { format: "action_day", year: 2022, pairs: 1, converted: 0, rate: 0, pending: 0 },
      { format: "action_day", year: 2023, pairs: 0, converted: 0, rate: null, pending: 1 },
      { format: "marketplace", year: 2022, pairs: 4, converted: 2, rate: 0.5, pending: 0 },
      { format: "social_day", year: 2022, pairs: 1, converted: 1, rate: 1, pending: 0 },
    ]);
  });

  it("releases pending pairs once their window is over", () => {
    const rows = conversion(pairs, { asOf: "2025-09-01" });
    expect(rows.find((row) => row.format === "action_day" && row.year === 2023)).toEqual({
      format: "action_day",
      year: 2023,
      pairs: 1,
      converted: 1,
      rate: 1,
      pending: 0,
    });
  });

  it("honours a shorter follow-up window", () => {
    const rows = conversion(pairs, { asOf: "2025-06-30", months: 12 });
    expect(rows.find((row) => row.format === "marketplace")).toMatchObject({ pairs: 4, converted: 1, pending: 0 });
  });

  it("returns no rows without pairs and rejects bad input", () => {
    expect(conversion([], { asOf: "2025-01-01" })).toEqual([]);
    expect(() => conversion([], { asOf: "2025-13-01" })).toThrow(/^parseIsoDate:/);
    expect(() => conversion([], { asOf: "2025-01-01", months: 0 })).toThrow(/^conversion: months/);
  });

  it("gives the same rows folded from each pair's first and next cooperation, as the snapshot reads them", () => {
    for (const asOf of ["2025-06-30", "2025-09-01", "2024-05-10"]) {
      // What the snapshot's query returns per pair: the first cooperation (date, format) and the next later date, both up to asOf.
      const histories = new Map<string, { date: string; format: string | null }[]>();
      for (const pair of pairs) {
        if (pair.a === pair.b) continue;
        const key = `${Math.min(pair.a, pair.b)}:${Math.max(pair.a, pair.b)}`;
        histories.set(key, [...(histories.get(key) ?? []), ...pair.cooperations.filter((c) => c.date <= asOf)]);
      }
      const tally = new ConversionTally({ asOf });
      for (const history of histories.values()) {
        if (history.length === 0) continue;
        const first = history.reduce((x, y) => (y.date < x.date ? y : x));
        const later = history.filter((c) => c.date > first.date).map((c) => c.date).sort();
        tally.add(first.date, first.format, later[0] ?? null);
      }
      expect(tally.result()).toEqual(conversion(pairs, { asOf }));
    }
  });
});
