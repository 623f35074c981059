import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { bipartiteDensity, density } from "../../../worker/graph/metrics";
import { expectClose } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("density", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx density and bipartite.density on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      expectClose(density(cg), fixture.expected.density, "density");
      expectClose(bipartiteDensity(cg), fixture.expected.bipartiteDensity, "bipartite density");
    });
  }

  it("is 0 for fewer than two nodes", () => {
    expect(density(buildCompactGraph({ nodes: [], edges: [] }))).toBe(0);
    expect(density(buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] }))).toBe(0);
  });

  it("uses company × non-profit pairs where the graph is company–non-profit", () => {
    const nodes = [
      { id: 1, kind: "company" as const },
      { id: 2, kind: "company" as const },
      { id: 3, kind: "nonprofit" as const },
      { id: 4, kind: "nonprofit" as const },
      { id: 5, kind: "nonprofit" as const },
      { id: 6, kind: "public" as const },
    ];
    const cg = buildCompactGraph({
      nodes,
      edges: [
        { a: 1, b: 3 },
        { a: 1, b: 4, weight: 3 },
        { a: 2, b: 5 },
      ],
    });
    expect(bipartiteDensity(cg)).toBe(3 / 6); // the isolated public body is on neither side
    expect(density(cg)).toBe(6 / 30);
    expect(bipartiteDensity(buildCompactGraph({ nodes, edges: [] }))).toBe(0);
    expect(bipartiteDensity(buildCompactGraph({ nodes, edges: [{ a: 1, b: 2 }] }))).toBeNull();
    expect(bipartiteDensity(buildCompactGraph({ nodes, edges: [{ a: 6, b: 3 }] }))).toBeNull();
  });
});
