import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { pagerank } from "../../../worker/graph/metrics";
import { expectClose, expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("pagerank", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx pagerank(weight="weight") on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const values = pagerank(cg);
      expectCloseById(cg.nodeIds, Array.from(values), fixture.expected.pagerank, "pagerank");
      expectClose(
        values.reduce((sum, value) => sum + value, 0),
        1,
        "sum",
      );
    });

    it(`matches networkx pagerank(weight=None) on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      expectCloseById(
        cg.nodeIds,
        Array.from(pagerank(cg, { weighted: false })),
        fixture.expected.pagerankUnweighted,
        "pagerank (unweighted)",
      );
    });
  }

  it("spreads isolated nodes' rank uniformly, like networkx's dangling nodes", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [],
    });
    for (const value of pagerank(cg)) expectClose(value, 1 / 3);
    const single = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(Array.from(pagerank(single))).toEqual([1]);
    expect(pagerank(buildCompactGraph({ nodes: [], edges: [] })).length).toBe(0);
  });

  it("follows weights: the heavier partner gets more rank", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 2, weight: 5 },
        { a: 1, b: 3, weight: 1 },
      ],
    });
    const values = pagerank(cg);
    expect(values[1]).toBeGreaterThan(values[2]);
    const unweighted = pagerank(cg, { weighted: false });
    expectClose(unweighted[1], unweighted[2]);
  });

  it("fails loudly when it does not converge and rejects invalid options", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 2 },
        { a: 2, b: 3 },
      ],
    });
    expect(() => pagerank(cg, { maxIterations: 1 })).toThrow(/^pagerank: power iteration failed to converge/);
    expect(() => pagerank(cg, { alpha: 1.5 })).toThrow(/^pagerank: alpha/);
    expect(() => pagerank(cg, { tolerance: 0 })).toThrow(/^pagerank: tolerance/);
  });
});
