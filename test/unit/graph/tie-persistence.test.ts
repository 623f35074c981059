import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { isPersistentTie, persistentTies, tiePersistence } from "../../../worker/graph/metrics";

const cg = buildCompactGraph({
  nodes: [1, 2, 3, 4, 5].map((id) => ({ id, kind: "nonprofit" as const })),
  edges: [
    { a: 1, b: 2, weight: 3 },
    { a: 1, b: 3 },
    { a: 1, b: 4, weight: 2 },
    { a: 2, b: 3 },
  ],
});

describe("isPersistentTie", () => {
  it("needs two distinct years or a follow-up", () => {
    expect(isPersistentTie([2023, 2023, 2023])).toBe(false);
    expect(isPersistentTie([2023, 2024])).toBe(true);
    expect(isPersistentTie([2023], true)).toBe(true);
    expect(isPersistentTie([])).toBe(false);
  });
});

describe("tiePersistence", () => {
  it("shares of persistent partners, combining a pair's entries in either order", () => {
    const shares = tiePersistence(cg, [
      { a: 1, b: 2, years: [2023, 2023] },
      { a: 2, b: 1, years: [2024] }, // same pair: now two distinct years
      { a: 1, b: 3, years: [2024], followUp: true },
      { a: 4, b: 1, years: [2022, 2022] },
      { a: 4, b: 5, years: [2020, 2021] }, // not partners in the graph: ignored
    ]);
    expect(shares).toEqual([2 / 3, 1 / 2, 1 / 2, 0, null]);
  });

  it("marks both directions of a persistent edge", () => {
    const flags = persistentTies(cg, [{ a: 3, b: 1, years: [2021, 2024] }]);
    expect(flags.reduce((sum, flag) => sum + flag, 0)).toBe(2);
  });

  it("is 0 for partners without history and null without partners", () => {
    expect(tiePersistence(cg, [])).toEqual([0, 0, 0, 0, null]);
    expect(tiePersistence(buildCompactGraph({ nodes: [], edges: [] }), [])).toEqual([]);
  });

  it("rejects unknown organisations and non-integer years", () => {
    expect(() => tiePersistence(cg, [{ a: 1, b: 99, years: [2024] }])).toThrow(/^persistentTies: organisation 99/);
    expect(() => tiePersistence(cg, [{ a: 1, b: 2, years: [2024.5] }])).toThrow(/^persistentTies: year/);
  });
});
