import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { louvain, modularity } from "../../../worker/graph/metrics";
import { expectClose } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";
import { randomGraph } from "./random-graph";

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

describe("louvain on the typed arrays", () => {
  it("handles a graph far above the old graphology limit (150 000 ties) and reports its modularity", () => {
    const cg = randomGraph(40_000, 5, 11);
    expect(cg.size).toBeGreaterThan(150_000);
    const result = louvain(cg, { seed: 1 });
    expect(result.communities.length).toBe(cg.order);
    expectClose(result.modularity, modularity(cg, result.communities), "reported modularity");
    // A preferential-attachment graph has weak but real community structure.
    expect(result.modularity!).toBeGreaterThan(0.2);
    expect(result.count).toBeGreaterThan(10);
    expect(result.count).toBeLessThan(cg.order / 10);
  });

  it("never does worse than the trivial partitions", () => {
    for (const fixture of FIXTURES) {
      const cg = compactGraphOf(fixture);
      const result = louvain(cg, { seed: 5 });
      const single = modularity(cg, new Array(cg.order).fill(0))!;
      const singletons = modularity(cg, Array.from({ length: cg.order }, (_, i) => i))!;
      expect(result.modularity!).toBeGreaterThanOrEqual(Math.max(single, singletons));
    }
  });

  it("honours the resolution: a higher γ gives more, smaller communities", () => {
    const cg = randomGraph(2000, 4, 3);
    const coarse = louvain(cg, { seed: 1, resolution: 0.5 });
    const fine = louvain(cg, { seed: 1, resolution: 2 });
    expect(fine.count).toBeGreaterThan(coarse.count);
    expectClose(fine.modularity, modularity(cg, fine.communities, { resolution: 2 }), "modularity at γ = 2");
  });

  it("can ignore weights", () => {
    const cg = compactGraphOf(FIXTURES[0]);
    const result = louvain(cg, { seed: 2, weighted: false });
    expectClose(result.modularity, modularity(cg, result.communities, { weighted: false }), "unweighted modularity");
  });
});
