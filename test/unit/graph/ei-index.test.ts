import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { eiIndex, graphEiIndex } from "../../../worker/graph/metrics";
import { expectClose, expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("eiIndex", () => {
  for (const fixture of FIXTURES) {
    it(`matches the reference E-I index over region and sector on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const { expected } = fixture;
      expectCloseById(cg.nodeIds, eiIndex(cg, { attribute: "region" }), expected.eiRegion, "E-I region");
      expectCloseById(cg.nodeIds, eiIndex(cg, { attribute: "region", weighted: true }), expected.eiRegionWeighted, "E-I region (weighted)");
      expectCloseById(cg.nodeIds, eiIndex(cg, { attribute: "sector" }), expected.eiSector, "E-I sector");
      expectCloseById(cg.nodeIds, eiIndex(cg, { attribute: "sector", weighted: true }), expected.eiSectorWeighted, "E-I sector (weighted)");
      expectClose(graphEiIndex(cg, { attribute: "region" }), expected.graphEiRegion, "graph E-I region");
      expectClose(graphEiIndex(cg, { attribute: "region", weighted: true }), expected.graphEiRegionWeighted, "graph E-I region (weighted)");
      expectClose(graphEiIndex(cg, { attribute: "sector" }), expected.graphEiSector, "graph E-I sector");
    });
  }

  const cg = buildCompactGraph({
    nodes: [
      { id: 1, kind: "nonprofit", region: "A", sector: "youth" },
      { id: 2, kind: "company", region: "A", sector: "youth" },
      { id: 3, kind: "company", region: "B", sector: null },
      { id: 4, kind: "company", region: "B", sector: "finance" },
      { id: 5, kind: "nonprofit", region: null, sector: "youth" },
      { id: 6, kind: "public", region: "C", sector: "youth" },
    ],
    edges: [
      { a: 1, b: 2, weight: 3 },
      { a: 1, b: 3 },
      { a: 1, b: 4 },
      { a: 1, b: 5 },
    ],
  });

  it("counts ties (or cooperations) to other and same values, skipping unknown values", () => {
    // Node 1 over region: E = {3, 4}, I = {2}, node 5 has no region.
    expect(eiIndex(cg, { attribute: "region" })).toEqual([1 / 3, -1, 1, 1, null, null]);
    expect(eiIndex(cg, { attribute: "region", weighted: true })[0]).toBeCloseTo((2 - 3) / 5, 15);
    // Over sector: node 1 has E = {4}, I = {2, 5}; node 3 has no sector.
    expect(eiIndex(cg, { attribute: "sector" })).toEqual([-1 / 3, -1, null, 1, -1, null]);
    expect(eiIndex(cg, { attribute: "kind" })).toEqual([0.5, 1, 1, 1, -1, null]);
    expect(eiIndex(cg, { attribute: ["x", "y", "x", "x", "y", "x"] })[0]).toBe(0);
  });

  it("computes the graph-level index over all countable ties", () => {
    expect(graphEiIndex(cg, { attribute: "region" })).toBeCloseTo(1 / 3, 15); // E = 2, I = 1
    expect(graphEiIndex(cg, { attribute: "sector", weighted: true })).toBeCloseTo((1 - 4) / 5, 15);
    const isolated = buildCompactGraph({ nodes: [{ id: 1, kind: "company", region: "A" }], edges: [] });
    expect(graphEiIndex(isolated, { attribute: "region" })).toBeNull();
    expect(eiIndex(isolated, { attribute: "region" })).toEqual([null]);
  });

  it("rejects attribute arrays of the wrong length", () => {
    expect(() => eiIndex(cg, { attribute: ["x"] })).toThrow(/^eiIndex: attribute/);
    expect(() => graphEiIndex(cg, { attribute: ["x"] })).toThrow(/^graphEiIndex: attribute/);
  });
});
