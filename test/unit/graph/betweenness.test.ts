import { describe, expect, it } from "vitest";
import { buildCompactGraph, type CompactGraph } from "../../../worker/graph/compact-graph";
import { betweenness, betweennessErrorBound } from "../../../worker/graph/metrics";
import { expectClose, expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";
import { randomGraph } from "./random-graph";

/** Ranks with ties averaged (1-based). */
function ranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const result = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    for (let k = start; k <= end; k++) result[order[k]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

/** Spearman's rank correlation (Pearson correlation of the tie-averaged ranks). */
function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = rx.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("betweenness (exact)", () => {
  for (const fixture of FIXTURES) {
    it(`matches networkx betweenness_centrality(normalized=True) on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const result = betweenness(cg);
      expect(result.exact).toBe(true);
      expect(result.samples).toBe(cg.order);
      expect(result.estimatedError).toBe(0);
      expectCloseById(cg.nodeIds, Array.from(result.values), fixture.expected.betweenness, "betweenness");
    });

    it(`matches networkx betweenness_centrality(normalized=False) on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const { values } = betweenness(cg, { normalized: false });
      expectCloseById(cg.nodeIds, Array.from(values), fixture.expected.betweennessRaw, "betweenness (raw)");
    });
  }

  it("ignores weights: a heavy tie is not a long one", () => {
    // Square 1–2–3–4–1: both routes from 1 to 3 are two hops whatever the weights.
    const cg = buildCompactGraph({
      nodes: [1, 2, 3, 4].map((id) => ({ id, kind: "nonprofit" as const })),
      edges: [
        { a: 1, b: 2, weight: 100 },
        { a: 2, b: 3, weight: 100 },
        { a: 3, b: 4 },
        { a: 4, b: 1 },
      ],
    });
    const { values } = betweenness(cg, { normalized: false });
    expect(Array.from(values)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it("gives the centre of a path all pairs", () => {
    const cg = buildCompactGraph({
      nodes: [1, 2, 3].map((id) => ({ id, kind: "company" as const })),
      edges: [
        { a: 1, b: 2 },
        { a: 2, b: 3 },
      ],
    });
    expect(Array.from(betweenness(cg).values)).toEqual([0, 1, 0]);
  });

  it("handles the empty graph, a single node and a pair", () => {
    expect(betweenness(buildCompactGraph({ nodes: [], edges: [] })).values.length).toBe(0);
    const single = buildCompactGraph({ nodes: [{ id: 1, kind: "company" }], edges: [] });
    expect(Array.from(betweenness(single).values)).toEqual([0]);
    const pair = buildCompactGraph({
      nodes: [
        { id: 1, kind: "company" },
        { id: 2, kind: "nonprofit" },
      ],
      edges: [{ a: 1, b: 2 }],
    });
    expect(Array.from(betweenness(pair).values)).toEqual([0, 0]);
  });

  it("rejects invalid options", () => {
    const cg = buildCompactGraph({ nodes: [], edges: [] });
    expect(() => betweenness(cg, { samples: 0 })).toThrow(/^betweenness: samples/);
    expect(() => betweenness(cg, { exactLimit: -1 })).toThrow(/^betweenness: exactLimit/);
    expect(() => betweenness(cg, { confidence: 1 })).toThrow(/^betweenness: confidence/);
    expect(() => betweenness(cg, { samples: 10, maxSamples: 5 })).toThrow(/^betweenness: maxSamples/);
    expect(() => betweenness(cg, { exactWork: -1 })).toThrow(/^betweenness: exactWork/);
  });
});

describe("betweenness (leaves)", () => {
  it("counts a leaf's paths with its partner's search, exactly", () => {
    // A random tree: most nodes are leaves. Every node searched on its own (explicit sources) is the reference.
    const tree = randomGraph(400, 1, 77);
    const all = Int32Array.from({ length: tree.order }, (_, i) => i);
    const folded = betweenness(tree);
    const searched = betweenness(tree, { sources: all });
    expect(folded.exact).toBe(true);
    for (let i = 0; i < tree.order; i++) expectClose(folded.values[i], searched.values[i], `node ${i}`);
  });
});

/** Graphs side by side as one graph (ids offset), so that it has several components. */
function sideBySide(...graphs: CompactGraph[]): CompactGraph {
  const nodes: { id: number; kind: "company" }[] = [];
  const edges: { a: number; b: number }[] = [];
  let offset = 0;
  for (const g of graphs) {
    for (let i = 0; i < g.order; i++) {
      nodes.push({ id: offset + i, kind: "company" });
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) if (g.neighbours[p] > i) edges.push({ a: offset + i, b: offset + g.neighbours[p] });
    }
    offset += g.order;
  }
  return buildCompactGraph({ nodes, edges });
}

describe("betweenness (sampled)", () => {
  const cg = randomGraph(2000, 3, 2024);
  const exact = betweenness(cg);

  it("is exact while its work fits and when the sample would cover every node", () => {
    expect(exact.exact).toBe(true);
    expect(exact.topRelativeError).toBe(0);
    const covered = betweenness(cg, { exactWork: 0, samples: 2000 });
    expect(covered.exact).toBe(true);
    expect(Array.from(covered.values)).toEqual(Array.from(exact.values));
    expect(betweenness(cg, { exactWork: 0, exactLimit: 2000 }).exact).toBe(true);
  });

  it("agrees with the exact ranking on a 2 000-node graph (Spearman ≥ 0.9)", () => {
    const sampled = betweenness(cg, { exactWork: 0, samples: 500, seed: 7 });
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(500);
    expect(spearman(sampled.values, exact.values)).toBeGreaterThanOrEqual(0.9);
  });

  it("is unbiased in total", () => {
    const sampled = betweenness(cg, { exactWork: 0, samples: 500, seed: 11 });
    const total = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0);
    expect(Math.abs(total(sampled.values) / total(exact.values) - 1)).toBeLessThan(0.05);
  });

  it("keeps small components exact while the large one is sampled", () => {
    const karate = compactGraphOf(FIXTURES.find((f) => f.name === "karate")!);
    const florentine = compactGraphOf(FIXTURES.find((f) => f.name === "florentine")!);
    const mixed = sideBySide(cg, karate, florentine);
    const reference = betweenness(mixed);
    // The large component's work (2 000 × ~6 000 ties) exceeds 10⁶, the small ones' does not.
    const sampled = betweenness(mixed, { exactWork: 1e6, samples: 300, seed: 4 });
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(300);
    for (let i = cg.order; i < mixed.order; i++) expectClose(sampled.values[i], reference.values[i], `small component node ${i}`);
    let differs = 0;
    for (let i = 0; i < cg.order; i++) if (sampled.values[i] !== reference.values[i]) differs++;
    expect(differs).toBeGreaterThan(cg.order / 10);
  });

  it("bounds every node's error at once", () => {
    const sampled = betweenness(cg, { exactWork: 0, samples: 200, seed: 3 });
    expect(sampled.estimatedError).toBeGreaterThan(0);
    for (let i = 0; i < cg.order; i++) expect(Math.abs(sampled.values[i] - exact.values[i])).toBeLessThanOrEqual(sampled.estimatedError);
  });

  it("doubles the sources until the largest values are within the target, and no further", () => {
    const fixed = betweenness(cg, { exactWork: 0, samples: 100, seed: 8 });
    expect(fixed.samples).toBe(100);
    const adaptive = betweenness(cg, { exactWork: 0, samples: 100, maxSamples: 1600, targetRelativeError: 0.15, seed: 8 });
    expect(adaptive.samples).toBeGreaterThan(100);
    expect(adaptive.samples).toBeLessThanOrEqual(1600);
    expect(adaptive.topRelativeError!).toBeLessThan(fixed.topRelativeError!);
    expect(adaptive.topRelativeError! <= 0.15 || adaptive.samples === 1600).toBe(true);
    // The stated share holds for most of the 50 largest values (a 95 % interval each).
    const top = Array.from({ length: cg.order }, (_, i) => i)
      .sort((a, b) => adaptive.values[b] - adaptive.values[a])
      .slice(0, 50);
    const within = top.filter((i) => Math.abs(adaptive.values[i] - exact.values[i]) <= adaptive.topRelativeError! * adaptive.values[i]).length;
    expect(within).toBeGreaterThanOrEqual(45);
    // sampleWork caps the doubling: 100 searches of ~6 000 ties each already exceed 10⁵.
    expect(betweenness(cg, { exactWork: 0, samples: 100, maxSamples: 1600, targetRelativeError: 0, sampleWork: 1e5 }).samples).toBe(100);
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const options = { exactWork: 0, samples: 100 };
    const a = betweenness(cg, { ...options, seed: 5 });
    const b = betweenness(cg, { ...options, seed: 5 });
    const c = betweenness(cg, { ...options, seed: 6 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
  });

  it("scales the unnormalized values and their bound alike", () => {
    const options = { exactWork: 0, samples: 300, seed: 9 };
    const normalized = betweenness(cg, options);
    const raw = betweenness(cg, { ...options, normalized: false });
    const factor = (1999 * 1998) / 2;
    for (const i of [0, 1, 17, 1999]) expectClose(raw.values[i], normalized.values[i] * factor, `node ${i}`);
    expectClose(raw.estimatedError, normalized.estimatedError * factor, "epsilon");
    expectClose(raw.topRelativeError, normalized.topRelativeError, "relative error");
  });

  it("takes explicit sources with networkx's n / k scaling and the Hoeffding bound", () => {
    const sources = [3, 10, 400, 1999];
    const sampled = betweenness(cg, { sources });
    expect(sampled.samples).toBe(4);
    expect(sampled.topRelativeError).toBeNull();
    expectClose(sampled.estimatedError, betweennessErrorBound(2000, 4), "epsilon");
    const all = betweenness(cg, { sources: Array.from({ length: 2000 }, (_, i) => i) });
    for (const i of [0, 1, 17, 1999]) expectClose(all.values[i], exact.values[i], `node ${i}`);
    expect(() => betweenness(cg, { sources: [2000] })).toThrow(/^betweenness: sources/);
  });
});

describe("betweennessErrorBound", () => {
  it("follows ε = n/(n−1) · √(ln(2/(1−confidence)) / 2k)", () => {
    expectClose(betweennessErrorBound(50_000, 500), (50_000 / 49_999) * Math.sqrt(Math.log(40) / 1000));
    expectClose(betweennessErrorBound(100, 1000, 0.99), (100 / 99) * Math.sqrt(Math.log(200) / 2000));
    expect(betweennessErrorBound(2, 1)).toBe(0);
    expect(() => betweennessErrorBound(10, 0)).toThrow(/^betweennessErrorBound:/);
  });
});
