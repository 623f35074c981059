import { describe, expect, it } from "vitest";
import { buildCompactGraph, type CompactEdgeInput, type CompactGraph } from "../../../worker/graph/compact-graph";
import { pagerank } from "../../../worker/graph/metrics";
import { expectClose, expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";
import { randomGraph } from "./random-graph";

/**
 * PageRank by networkx's power iteration, run for a fixed number of sweeps far beyond
 * convergence (α^sweeps < 1e-20): an independent reference for the linear-system solver.
 */
function referencePagerank(cg: CompactGraph, alpha: number, weighted: boolean): Float64Array {
  const { order: n, offsets, neighbours, weights } = cg;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let e = offsets[i]; e < offsets[i + 1]; e++) strength[i] += weighted ? weights[e] : 1;
  let x = new Float64Array(n).fill(1 / n);
  const sweeps = Math.ceil(Math.log(1e-20) / Math.log(alpha));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (strength[i] === 0) dangling += x[i];
    const next = new Float64Array(n).fill((alpha * dangling + 1 - alpha) / n);
    for (let i = 0; i < n; i++) {
      for (let e = offsets[i]; e < offsets[i + 1]; e++) next[neighbours[e]] += (alpha * x[i] * (weighted ? weights[e] : 1)) / strength[i];
    }
    x = next;
  }
  return x;
}

/**
 * A 600-node preferential-attachment graph plus isolated nodes and small components (a pair, a
 * star, a triangle), node indices interleaved so that isolated nodes sit between the others.
 */
function mixedGraph(): CompactGraph {
  const base = randomGraph(600, 3, 7);
  const edges: CompactEdgeInput[] = [];
  for (let i = 0; i < base.order; i++) {
    for (let e = base.offsets[i]; e < base.offsets[i + 1]; e++) {
      if (base.neighbours[e] > i) edges.push({ a: base.nodeIds[i], b: base.nodeIds[base.neighbours[e]], weight: base.weights[e] });
    }
  }
  edges.push({ a: 1001, b: 1002, weight: 4 });
  for (const leaf of [1004, 1005, 1006, 1007]) edges.push({ a: 1003, b: leaf, weight: leaf - 1003 });
  edges.push({ a: 1008, b: 1009 }, { a: 1009, b: 1010, weight: 2 }, { a: 1008, b: 1010, weight: 5 });
  const ids = Array.from(base.nodeIds);
  for (let k = 0; k < 30; k++) ids.splice(k * 20, 0, 2000 + k); // isolated
  ids.push(...Array.from({ length: 10 }, (_, k) => 1001 + k));
  return buildCompactGraph({ nodes: ids.map((id) => ({ id, kind: "nonprofit" as const })), edges });
}

describe("pagerank", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx pagerank(weight="weight") on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const values = pagerank(cg);
      expectCloseById(cg.nodeIds, Array.from(values), fixture.expected.pagerank, "pagerank");
      expectClose(
        values.reduce((sum, value) => sum + value, 0),
        1,
        "sum",
      );
    });

    it(`matches networkx pagerank(weight=None) on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      expectCloseById(
        cg.nodeIds,
        Array.from(pagerank(cg, { weighted: false })),
        fixture.expected.pagerankUnweighted,
        "pagerank (unweighted)",
      );
    });
  }

  it("spreads isolated nodes' rank uniformly, like networkx's dangling nodes", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [],
    });
    for (const value of pagerank(cg)) expectClose(value, 1 / 3);
    const single = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(Array.from(pagerank(single))).toEqual([1]);
    expect(pagerank(buildCompactGraph({ nodes: [], edges: [] })).length).toBe(0);
  });

  it("follows weights: the heavier partner gets more rank", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 2, weight: 5 },
        { a: 1, b: 3, weight: 1 },
      ],
    });
    const values = pagerank(cg);
    expect(values[1]).toBeGreaterThan(values[2]);
    const unweighted = pagerank(cg, { weighted: false });
    expectClose(unweighted[1], unweighted[2]);
  });

  it("fails loudly when it does not converge and rejects invalid options", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 2 },
        { a: 2, b: 3 },
      ],
    });
    expect(() => pagerank(cg, { maxIterations: 1 })).toThrow(/^pagerank: conjugate gradient failed to converge/);
    expect(() => pagerank(cg, { alpha: 1.5 })).toThrow(/^pagerank: alpha/);
    expect(() => pagerank(cg, { alpha: 1 })).toThrow(/^pagerank: alpha/);
    expect(() => pagerank(cg, { tolerance: 0 })).toThrow(/^pagerank: tolerance/);
  });

  it("is uniform without a walk (α = 0) and without ties", () => {
    const cg = mixedGraph();
    for (const value of pagerank(cg, { alpha: 0 })) expect(value).toBe(1 / cg.order);
  });

  for (const weighted of [true, false]) {
    for (const alpha of [0.5, 0.85, 0.95]) {
      it(`equals a converged power iteration to 1e-11 (${weighted ? "weighted" : "unweighted"}, α = ${alpha}, isolated nodes and several components)`, () => {
        const cg = mixedGraph();
        const values = pagerank(cg, { alpha, weighted });
        const reference = referencePagerank(cg, alpha, weighted);
        let worst = 0;
        for (let i = 0; i < cg.order; i++) worst = Math.max(worst, Math.abs(values[i] - reference[i]) / reference[i]);
        expect(worst).toBeLessThanOrEqual(1e-11);
        expect(Math.abs(values.reduce((sum, value) => sum + value, 0) - 1)).toBeLessThan(1e-14);
      });
    }
  }

  it("meets a looser tolerance within it, in fewer iterations", () => {
    const cg = mixedGraph();
    const reference = referencePagerank(cg, 0.85, true);
    const loose = pagerank(cg, { tolerance: 1e-6 });
    let worst = 0;
    for (let i = 0; i < cg.order; i++) worst = Math.max(worst, Math.abs(loose[i] - reference[i]) / reference[i]);
    expect(worst).toBeLessThanOrEqual(1e-6);
    expect(() => pagerank(cg, { tolerance: 1e-6, maxIterations: 25 })).not.toThrow();
    expect(() => pagerank(cg, { maxIterations: 25 })).toThrow(/failed to converge/);
  });
});
