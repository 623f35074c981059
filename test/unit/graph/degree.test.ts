import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { degree, strength, sumPerNode } from "../../../worker/graph/metrics";
import { expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("degree and strength", () => {
  for (const fixture of FIXTURES) {
    it(`match networkx on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      expectCloseById(cg.nodeIds, Array.from(degree(cg)), fixture.expected.degree, "degree");
      expectCloseById(cg.nodeIds, Array.from(strength(cg)), fixture.expected.strength, "strength");
    });
  }

  it("count a repeated partner once in degree and every cooperation in strength", () => {
    const cg = buildCompactGraph({
      nodes: [
        { id: 1, kind: "company" },
        { id: 2, kind: "nonprofit" },
        { id: 3, kind: "nonprofit" },
      ],
      edges: [
        { a: 1, b: 2, hours: 4 },
        { a: 1, b: 2, hours: 6 },
        { a: 1, b: 3, weight: 2, hours: 1 },
        { a: 3, b: 3, hours: 100 },
      ],
    });
    expect(Array.from(degree(cg))).toEqual([2, 1, 1]);
    expect(Array.from(strength(cg))).toEqual([4, 2, 2]);
    expect(Array.from(sumPerNode(cg, cg.hours))).toEqual([11, 10, 1]);
    expect(Array.from(sumPerNode(cg, cg.value))).toEqual([0, 0, 0]);
    expect(() => sumPerNode(cg, new Float64Array(1))).toThrow(/^sumPerNode:/);
  });

  it("are empty on the empty graph and 0 for a single node", () => {
    const empty = buildCompactGraph({ nodes: [], edges: [] });
    expect(degree(empty).length).toBe(0);
    expect(strength(empty).length).toBe(0);
    const single = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(Array.from(degree(single))).toEqual([0]);
    expect(Array.from(strength(single))).toEqual([0]);
  });
});
