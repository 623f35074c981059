import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { harmonicCloseness } from "../../../worker/graph/metrics";
import { expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("harmonicCloseness", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx harmonic_centrality on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      expectCloseById(cg.nodeIds, Array.from(harmonicCloseness(cg)), fixture.expected.harmonic, "harmonic");
      expectCloseById(
        cg.nodeIds,
        Array.from(harmonicCloseness(cg, { normalized: true })),
        fixture.expected.harmonicNormalized,
        "harmonic (normalized)",
      );
    });
  }

  it("sums 1/d over reachable nodes only", () => {
    // Path 1 – 2 – 3 and an isolate 4.
    const cg = buildCompactGraph({
      nodes: [1, 2, 3, 4].map((id) => ({ id, kind: "public" as const })),
      edges: [
        { a: 1, b: 2, weight: 5 },
        { a: 2, b: 3 },
      ],
    });
    expect(Array.from(harmonicCloseness(cg))).toEqual([1.5, 2, 1.5, 0]);
    expect(Array.from(harmonicCloseness(cg, { normalized: true }))).toEqual([0.5, 2 / 3, 0.5, 0]);
  });

  it("handles the empty graph and a single node", () => {
    expect(harmonicCloseness(buildCompactGraph({ nodes: [], edges: [] })).length).toBe(0);
    const single = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(Array.from(harmonicCloseness(single, { normalized: true }))).toEqual([0]);
  });
});
