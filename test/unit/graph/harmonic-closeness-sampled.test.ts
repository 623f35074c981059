import { describe, expect, it } from "vitest";
import { harmonicCloseness, harmonicErrorBound, sampledHarmonicCloseness } from "../../../worker/graph/metrics";
import { expectCloseById } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";
import { randomGraph } from "./random-graph";

describe("sampledHarmonicCloseness", () => {
  for (const fixture of FIXTURES) {
    it(`is exact (networkx harmonic_centrality) up to the limit on ${fixture.name}`, () => {
      const cg = compactGraphOf(fixture);
      const result = sampledHarmonicCloseness(cg);
      expect(result.exact).toBe(true);
      expect(result.estimatedError).toBe(0);
      expectCloseById(cg.nodeIds, Array.from(result.values), fixture.expected.harmonic, "harmonic");
    });
  }

  it("estimates within the stated error above the limit, exact for the sampled sources", () => {
    const cg = randomGraph(3000, 3, 21);
    const exact = harmonicCloseness(cg, { normalized: true });
    const sampled = sampledHarmonicCloseness(cg, { exactLimit: 1000, samples: 300, seed: 4, normalized: true });
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(300);
    expect(sampled.estimatedError).toBeCloseTo(harmonicErrorBound(cg.order, 300, 0.95, true), 15);
    let worst = 0;
    let sumError = 0;
    let exactOnes = 0;
    for (let i = 0; i < cg.order; i++) {
      const error = Math.abs(sampled.values[i] - exact[i]);
      worst = Math.max(worst, error);
      sumError += sampled.values[i] - exact[i];
      if (error < 1e-12) exactOnes++;
    }
    // The bound holds per node at 95 %; in practice the error is far below it.
    expect(worst).toBeLessThan(sampled.estimatedError);
    // Unbiased: the mean signed error is close to zero.
    expect(Math.abs(sumError / cg.order)).toBeLessThan(sampled.estimatedError / 10);
    expect(exactOnes).toBeGreaterThanOrEqual(300);
  });

  it("scales unnormalized values and their bound by n − 1", () => {
    const cg = randomGraph(1500, 3, 8);
    const raw = sampledHarmonicCloseness(cg, { exactLimit: 100, samples: 200, seed: 2 });
    const normalized = sampledHarmonicCloseness(cg, { exactLimit: 100, samples: 200, seed: 2, normalized: true });
    for (let i = 0; i < cg.order; i += 97) expect(raw.values[i]).toBeCloseTo(normalized.values[i] * (cg.order - 1), 9);
    expect(raw.estimatedError).toBeCloseTo(normalized.estimatedError * (cg.order - 1), 9);
  });

  it("is reproducible for a seed and validates its options", () => {
    const cg = randomGraph(800, 2, 5);
    const once = sampledHarmonicCloseness(cg, { exactLimit: 10, samples: 50, seed: 9 });
    const again = sampledHarmonicCloseness(cg, { exactLimit: 10, samples: 50, seed: 9 });
    expect(Array.from(once.values)).toEqual(Array.from(again.values));
    expect(() => sampledHarmonicCloseness(cg, { samples: 0 })).toThrow(/^sampledHarmonicCloseness: samples/);
    expect(() => harmonicErrorBound(10, 5, 1)).toThrow(/^harmonicErrorBound: confidence/);
  });
});
