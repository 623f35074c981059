import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { twoStepReach } from "../../../worker/graph/metrics";
import { expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("twoStepReach", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx single_source_shortest_path_length(cutoff=2) on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      expectCloseById(cg.nodeIds, Array.from(twoStepReach(cg)), fixture.expected.twoStepReach, "twoStepReach");
    });
  }

  it("counts a path's nodes up to two hops, each once", () => {
    // 1 – 2 – 3 – 4 – 5 plus a triangle 2 – 3 – 6: from 1, {2, 3, 6} are within two hops.
    const cg = buildCompactGraph({
      nodes: [1, 2, 3, 4, 5, 6].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 2 },
        { a: 2, b: 3 },
        { a: 3, b: 4 },
        { a: 4, b: 5 },
        { a: 2, b: 6 },
        { a: 3, b: 6 },
      ],
    });
    expect(Array.from(twoStepReach(cg))).toEqual([3, 4, 5, 4, 2, 4]);
  });

  it("is empty for the empty graph and 0 for an isolate", () => {
    expect(twoStepReach(buildCompactGraph({ nodes: [], edges: [] })).length).toBe(0);
    expect(Array.from(twoStepReach(buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] })))).toEqual([0]);
  });
});
