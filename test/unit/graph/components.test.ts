import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { connectedComponents } from "../../../worker/graph/metrics";
import { expectClose } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("connectedComponents", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx connected_components on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const result = connectedComponents(cg);
      const { components } = fixture.expected;
      expect(result.count).toBe(components.count);
      expect(Array.from(result.sizes).sort((a, b) => b - a)).toEqual(components.sizes);
      expectClose(result.largestShare, components.largestShare, "largest share");
      expectClose(result.isolatesShare, components.isolatesShare, "isolates share");
      // Membership is consistent: every edge joins two nodes of the same component.
      for (let i = 0; i < cg.order; i++) {
        for (let p = cg.offsets[i]; p < cg.offsets[i + 1]; p++) {
          expect(result.membership[cg.neighbours[p]]).toBe(result.membership[i]);
        }
      }
    });
  }

  it("numbers components by their first node", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3, 4, 5].map((id) => ({ id, kind: "company" as const })),
      edges: [
        { a: 2, b: 4 },
        { a: 4, b: 5 },
      ],
    });
    const result = connectedComponents(cg);
    expect(Array.from(result.membership)).toEqual([0, 1, 2, 1, 1]);
    expect(Array.from(result.sizes)).toEqual([1, 3, 1]);
    expect(result.isolates).toBe(2);
    expect(result.largestShare).toBe(0.6);
    expect(result.isolatesShare).toBe(0.4);
  });

  it("handles the empty graph and a single node", () => {
    expect(connectedComponents(buildCompactGraph({ nodes: [], edges: [] }))).toMatchObject({
      count: 0,
      largestShare: 0,
      isolatesShare: 0,
    });
    expect(connectedComponents(buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] }))).toMatchObject({
      count: 1,
      largestShare: 1,
      isolates: 1,
      isolatesShare: 1,
    });
  });
});
