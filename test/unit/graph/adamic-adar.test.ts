import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { adamicAdar } from "../../../worker/graph/metrics";
import { expectClose } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("adamicAdar", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx adamic_adar_index on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const expected = fixture.expected.adamicAdar;
      expect(expected.length).toBeGreaterThan(5);
      const scores = adamicAdar(
        cg,
        expected.map(([u, v]) => [u, v] as const),
      );
      expected.forEach(([u, v, score], k) => expectClose(scores[k], score, `pair ${u}–${v}`));
      // Symmetric in the pair.
      const reversed = adamicAdar(
        cg,
        expected.map(([u, v]) => [v, u] as const),
      );
      expect(Array.from(reversed)).toEqual(Array.from(scores));
    });
  }

  it("sums 1 / ln(degree) over common partners", () => {
    // 1 and 2 share 3 (degree 2) and 4 (degree 3).
    const cg = buildCompactGraph({
      nodes: [1, 2, 3, 4, 5].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 3 },
        { a: 2, b: 3 },
        { a: 1, b: 4 },
        { a: 2, b: 4 },
        { a: 4, b: 5 },
        { a: 1, b: 2, weight: 4 },
      ],
    });
    const [score, none] = adamicAdar(cg, [
      [1, 2],
      [3, 5],
    ]);
    expectClose(score, 1 / Math.log(2) + 1 / Math.log(3));
    expect(none).toBe(0);
    expect(adamicAdar(cg, []).length).toBe(0);
  });

  it("rejects unknown organisations and pairs of one organisation", () => {
    const cg = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(() => adamicAdar(cg, [[1, 9]])).toThrow(/^adamicAdar: pair 1–9/);
    expect(() => adamicAdar(cg, [[1, 1]])).toThrow(/^adamicAdar: .*itself/);
  });
});
