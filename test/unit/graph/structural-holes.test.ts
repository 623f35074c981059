import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { constraint, effectiveSize, efficiency, structuralHoles } from "../../../worker/graph/metrics";
import { expectClose, expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("structural holes", () => {
  for (const fixture of FIXTURES) {
    it(`match networkx effective_size / constraint (weight="weight") on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const holes = structuralHoles(cg);
      expectCloseById(cg.nodeIds, holes.effectiveSize, fixture.expected.effectiveSize, "effective size");
      expectCloseById(cg.nodeIds, holes.efficiency, fixture.expected.efficiency, "efficiency");
      expectCloseById(cg.nodeIds, holes.constraint, fixture.expected.constraint, "constraint");
    });

    it(`match networkx effective_size / constraint (weight=None) on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const options = { weighted: false };
      expectCloseById(cg.nodeIds, effectiveSize(cg, options), fixture.expected.effectiveSizeUnweighted, "effective size");
      expectCloseById(cg.nodeIds, efficiency(cg, options), fixture.expected.efficiencyUnweighted, "efficiency");
      expectCloseById(cg.nodeIds, constraint(cg, options), fixture.expected.constraintUnweighted, "constraint");
    });
  }

  it("gives a star's centre no redundancy and a triangle full redundancy", () => {
    // Star 1 – {2, 3, 4} next to a triangle 5 – 6 – 7.
    const cg = buildCompactGraph({
      nodes: [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 2 },
        { a: 1, b: 3 },
        { a: 1, b: 4 },
        { a: 5, b: 6 },
        { a: 6, b: 7 },
        { a: 7, b: 5 },
      ],
    });
    const holes = structuralHoles(cg);
    expectClose(holes.effectiveSize[0], 3);
    expectClose(holes.efficiency[0], 1);
    expectClose(holes.constraint[0], 1 / 3);
    expectClose(holes.effectiveSize[1], 1);
    expectClose(holes.constraint[1], 1);
    expectClose(holes.effectiveSize[4], 1); // Borgatti: 2 − 2·1/2
    expectClose(holes.efficiency[4], 0.5);
    expectClose(holes.constraint[4], 2 * 0.75 ** 2);
  });

  it("is null for isolated nodes and empty for the empty graph", () => {
    const cg = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(structuralHoles(cg)).toEqual({ effectiveSize: [null], efficiency: [null], constraint: [null] });
    expect(structuralHoles(buildCompactGraph({ nodes: [], edges: [] })).constraint).toEqual([]);
  });
});
