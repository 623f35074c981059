import { describe, expect, it } from "vitest";
import {
  buildCompactGraph,
  byId,
  edgePosition,
  NODE_KINDS,
  nodeIndex,
  nodeKind,
  toGraphology,
  type CompactGraph,
} from "../../../worker/graph/compact-graph";
import { compactGraphOf, FIXTURES } from "./fixtures";

/** Every edge once as [idA, idB, weight, hours, value] with idA < idB, sorted. */
function edgeList(cg: CompactGraph): Array<[number, number, number, number | null, number | null]> {
  const edges: Array<[number, number, number, number | null, number | null]> = [];
  for (let i = 0; i < cg.order; i++) {
    for (let p = cg.offsets[i]; p < cg.offsets[i + 1]; p++) {
      const j = cg.neighbours[p];
      const [a, b] = [cg.nodeIds[i], cg.nodeIds[j]];
      if (a < b) edges.push([a, b, cg.weights[p], cg.hours ? cg.hours[p] : null, cg.value ? cg.value[p] : null]);
    }
  }
  return edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

describe("buildCompactGraph", () => {
  for (const fixture of FIXTURES) {
    it(`equals the networkx graph of ${fixture.name} (merged pairs, no self loops)`, () => {
      const cg = compactGraphOf(fixture);
      expect(cg.order).toBe(fixture.expected.order);
      expect(cg.size).toBe(fixture.expected.size);
      expect(edgeList(cg)).toEqual(fixture.expected.mergedEdges);
      expect(Array.from(cg.nodeIds)).toEqual(fixture.nodes.map((node) => node.id));
    });

    it(`stores ${fixture.name} symmetrically with ascending rows`, () => {
      const cg = compactGraphOf(fixture);
      expect(cg.offsets[cg.order]).toBe(2 * cg.size);
      for (let i = 0; i < cg.order; i++) {
        for (let p = cg.offsets[i]; p < cg.offsets[i + 1]; p++) {
          if (p > cg.offsets[i]) expect(cg.neighbours[p]).toBeGreaterThan(cg.neighbours[p - 1]);
          const back = edgePosition(cg, cg.neighbours[p], i);
          expect(back).toBeGreaterThanOrEqual(0);
          expect(cg.weights[back]).toBe(cg.weights[p]);
        }
      }
    });
  }

  it("handles the empty graph", () => {
    const cg = buildCompactGraph({ nodes: [], edges: [] });
    expect(cg.order).toBe(0);
    expect(cg.size).toBe(0);
    expect(Array.from(cg.offsets)).toEqual([0]);
    expect(cg.neighbours.length).toBe(0);
    expect(cg.hours).toBeNull();
  });

  it("keeps a single isolated node", () => {
    const cg = buildCompactGraph({ nodes: [{ id: 7, kind: "public", region: "09162" }], edges: [] });
    expect(cg.order).toBe(1);
    expect(Array.from(cg.offsets)).toEqual([0, 0]);
    expect(nodeKind(cg, 0)).toBe("public");
    expect(cg.regions[0]).toBe("09162");
    expect(cg.sectors[0]).toBeNull();
  });

  it("merges duplicate pairs in either order, summing weights, hours and values", () => {
    const cg = buildCompactGraph({
      nodes: [
        { id: 1, kind: "company" },
        { id: 2, kind: "nonprofit" },
        { id: 3, kind: "nonprofit" },
      ],
      edges: [
        { a: 1, b: 2, weight: 2, hours: 3 },
        { a: 2, b: 1, value: 100 },
        { a: 1, b: 2, weight: 1.5, hours: 4, value: 50 },
        { a: 3, b: 1 },
      ],
    });
    expect(cg.size).toBe(2);
    expect(edgeList(cg)).toEqual([
      [1, 2, 4.5, 7, 150],
      [1, 3, 1, 0, 0],
    ]);
  });

  it("ignores self loops but keeps their node", () => {
    const cg = buildCompactGraph({
      nodes: [
        { id: 1, kind: "company" },
        { id: 2, kind: "nonprofit" },
      ],
      edges: [
        { a: 1, b: 1, weight: 9 },
        { a: 2, b: 2 },
      ],
    });
    expect(cg.order).toBe(2);
    expect(cg.size).toBe(0);
    expect(cg.neighbours.length).toBe(0);
  });

  it("rejects duplicate ids, unknown endpoints, unknown kinds and bad weights", () => {
    const nodes = [
      { id: 1, kind: "company" as const },
      { id: 2, kind: "nonprofit" as const },
    ];
    expect(() => buildCompactGraph({ nodes: [...nodes, { id: 1, kind: "public" }], edges: [] })).toThrow(
      /^buildCompactGraph: duplicate node id 1/,
    );
    expect(() => buildCompactGraph({ nodes, edges: [{ a: 1, b: 3 }] })).toThrow(/^buildCompactGraph: .*unknown node/);
    expect(() => buildCompactGraph({ nodes: [{ id: 1, kind: "club" as never }], edges: [] })).toThrow(/unknown kind/);
    expect(() => buildCompactGraph({ nodes, edges: [{ a: 1, b: 2, weight: 0 }] })).toThrow(/weight/);
    expect(() => buildCompactGraph({ nodes, edges: [{ a: 1, b: 2, weight: Number.NaN }] })).toThrow(/weight/);
    expect(() => buildCompactGraph({ nodes, edges: [{ a: 1, b: 2, hours: -1 }] })).toThrow(/hours/);
    expect(() => buildCompactGraph({ nodes: [{ id: 1.5, kind: "company" }], edges: [] })).toThrow(/32-bit/);
  });
});

describe("lookups", () => {
  const cg = buildCompactGraph({
    nodes: [
      { id: 30, kind: "intermediary" },
      { id: 10, kind: "company" },
      { id: 20, kind: "nonprofit" },
    ],
    edges: [{ a: 10, b: 20, weight: 3 }],
  });

  it("maps ids to indices and back", () => {
    expect(nodeIndex(cg, 10)).toBe(1);
    expect(() => nodeIndex(cg, 99)).toThrow(/^nodeIndex: organisation 99/);
    expect(NODE_KINDS[cg.kinds[0]]).toBe("intermediary");
    expect(byId(cg, ["a", "b", "c"]).get(20)).toBe("c");
  });

  it("finds edge positions", () => {
    expect(cg.weights[edgePosition(cg, 1, 2)]).toBe(3);
    expect(edgePosition(cg, 0, 1)).toBe(-1);
  });
});

describe("toGraphology", () => {
  for (const fixture of FIXTURES) {
    it(`converts ${fixture.name} with attributes and weights`, () => {
      const cg = compactGraphOf(fixture);
      const graph = toGraphology(cg);
      expect(graph.type).toBe("undirected");
      expect(graph.order).toBe(cg.order);
      expect(graph.size).toBe(cg.size);
      for (const node of fixture.nodes) {
        expect(graph.getNodeAttributes(String(node.id))).toEqual({ kind: node.kind, region: node.region, sector: node.sector });
      }
      for (const [a, b, weight, hours, value] of fixture.expected.mergedEdges) {
        const attributes = graph.getEdgeAttributes(graph.edge(String(a), String(b))!);
        expect(attributes.weight).toBe(weight);
        expect(attributes.hours ?? null).toBe(hours);
        expect(attributes.value ?? null).toBe(value);
      }
    });
  }
});
