import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { louvain, modularity } from "../../../worker/graph/metrics";
import { expectClose } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

describe("louvain", () => {
  for (const fixture of FIXTURES) {
    it(`finds a partition about as good as networkx's Louvain on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const result = louvain(cg, { seed: 3 });
      expect(result.communities.length).toBe(cg.order);
      expect(new Set(result.communities).size).toBe(result.count);
      expect(Math.max(...result.communities)).toBe(result.count - 1);
      expectClose(result.modularity, modularity(cg, result.communities), "reported modularity");
      expect(result.modularity!).toBeGreaterThanOrEqual(fixture.expected.louvainReferenceModularity - 0.02);
    });
  }

  it("is reproducible for a seed", () => {
    const cg = compactGraphOf(FIXTURES[0]);
    expect(Array.from(louvain(cg, { seed: 42 }).communities)).toEqual(Array.from(louvain(cg, { seed: 42 }).communities));
  });

  it("separates two cliques joined by one tie", () => {
    const nodes = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({ id, kind: "nonprofit" as const }));
    const edges = [];
    for (const group of [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]) {
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) edges.push({ a: group[i], b: group[j] });
    }
    edges.push({ a: 4, b: 5 });
    const { communities, count } = louvain(buildCompactGraph({ nodes, edges }));
    expect(count).toBe(2);
    expect(Array.from(communities)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it("puts every node of an edgeless graph in its own community", () => {
    const cg = buildCompactGraph({ nodes: [1, 2, 3].map((id) => ({ id, kind: "company" as const })), edges: [] });
    expect(louvain(cg)).toEqual({ communities: Int32Array.from([0, 1, 2]), count: 3, modularity: null });
    expect(louvain(buildCompactGraph({ nodes: [], edges: [] })).count).toBe(0);
  });
});

describe("louvain memory guard", () => {
  it("refuses graphs above maxEdges instead of exhausting the isolate", () => {
    const cg = compactGraphOf(FIXTURES[0]);
    expect(() => louvain(cg, { maxEdges: 77 })).toThrow(/^louvain: 78 edges exceed maxEdges \(77\)/);
    expect(louvain(cg, { maxEdges: 78 }).count).toBeGreaterThan(1);
  });
});
