import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
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
  });
});

describe("betweenness (sampled)", () => {
  const cg = randomGraph(2000, 3, 2024);
  const exact = betweenness(cg);

  it("is exact below the limit and when the sample would cover every node", () => {
    expect(exact.exact).toBe(true);
    const covered = betweenness(cg, { exactLimit: 10, samples: 2000 });
    expect(covered.exact).toBe(true);
    expect(Array.from(covered.values)).toEqual(Array.from(exact.values));
  });

  it("agrees with the exact ranking on a 2 000-node graph (Spearman ≥ 0.9)", () => {
    const sampled = betweenness(cg, { exactLimit: 1000, samples: 500, seed: 7 });
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(500);
    expect(spearman(sampled.values, exact.values)).toBeGreaterThanOrEqual(0.9);
  });

  it("is unbiased in total: scaled by n / k like networkx", () => {
    const sampled = betweenness(cg, { exactLimit: 1000, samples: 500, seed: 11 });
    const total = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0);
    expect(Math.abs(total(sampled.values) / total(exact.values) - 1)).toBeLessThan(0.05);
  });

  it("stays within its stated error for at least 95 % of the nodes", () => {
    const sampled = betweenness(cg, { exactLimit: 1000, samples: 200, seed: 3 });
    expectClose(sampled.estimatedError, (2000 / 1999) * Math.sqrt(Math.log(40) / 400), "epsilon");
    let within = 0;
    for (let i = 0; i < cg.order; i++) {
      if (Math.abs(sampled.values[i] - exact.values[i]) <= sampled.estimatedError) within++;
    }
    expect(within / cg.order).toBeGreaterThanOrEqual(0.95);
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const options = { exactLimit: 1000, samples: 100 };
    const a = betweenness(cg, { ...options, seed: 5 });
    const b = betweenness(cg, { ...options, seed: 5 });
    const c = betweenness(cg, { ...options, seed: 6 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
  });

  it("scales the unnormalized values and their bound alike", () => {
    const options = { exactLimit: 1000, samples: 300, seed: 9 };
    const normalized = betweenness(cg, options);
    const raw = betweenness(cg, { ...options, normalized: false });
    const factor = (1999 * 1998) / 2;
    for (const i of [0, 1, 17, 1999]) expectClose(raw.values[i], normalized.values[i] * factor, `node ${i}`);
    expectClose(raw.estimatedError, normalized.estimatedError * factor, "epsilon");
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
