import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { modularity } from "../../../worker/graph/metrics";
import { expectClose } from "./close";
import { compactGraphOf, FIXTURES, partitionOf } from "./fixtures";

describe("modularity", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx community.modularity of the fixed partition on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const partition = partitionOf(fixture, cg);
      expectClose(modularity(cg, partition), fixture.expected.modularity, "weighted");
      expectClose(modularity(cg, partition, { weighted: false }), fixture.expected.modularityUnweighted, "unweighted");
      expectClose(modularity(cg, partition, { resolution: 0.5 }), fixture.expected.modularityResolution, "resolution 0.5");
    });

    it(`does not depend on the community labels on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const relabelled = partitionOf(fixture, cg).map((c) => 1000 - 7 * c);
      expectClose(modularity(cg, relabelled), fixture.expected.modularity);
    });
  }

  it("is 0 for a single community and null without edges", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "company" as const })),
      edges: [
        { a: 1, b: 2, weight: 2 },
        { a: 2, b: 3 },
      ],
    });
    expectClose(modularity(cg, [0, 0, 0]), 0);
    const empty = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(modularity(empty, [0])).toBeNull();
    expect(modularity(buildCompactGraph({ nodes: [], edges: [] }), [])).toBeNull();
  });

  it("rejects partitions of the wrong length or with non-integer labels", () => {
    const cg = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(() => modularity(cg, [])).toThrow(/^modularity: communities/);
    expect(() => modularity(cg, [0.5])).toThrow(/^modularity: community of node 0/);
  });
});
