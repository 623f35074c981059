import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { degreeCentralisation } from "../../../worker/graph/metrics";
import { expectClose } from "./close";
import { compactGraphOf, FIXTURES } from "./fixtures";

const nodes = (count: number) => Array.from({ length: count }, (_, i) => ({ id: i + 1, kind: "nonprofit" as const }));

describe("degreeCentralisation", () => {
  for (const fixture of FIXTURES) {
    it(`matches Freeman's formula on ${fixture.name}`, () => {
      expectClose(degreeCentralisation(compactGraphOf(fixture)), fixture.expected.degreeCentralisation);
    });
  }

  it("is 1 for a star and 0 for a cycle", () => {
    const star = buildCompactGraph({ nodes: nodes(6), edges: [2, 3, 4, 5, 6].map((b) => ({ a: 1, b, weight: b })) });
    expect(degreeCentralisation(star)).toBe(1);
    const cycle = buildCompactGraph({ nodes: nodes(5), edges: [1, 2, 3, 4, 5].map((a) => ({ a, b: (a % 5) + 1 })) });
    expect(degreeCentralisation(cycle)).toBe(0);
  });

  it("is null below three nodes", () => {
    expect(degreeCentralisation(buildCompactGraph({ nodes: [], edges: [] }))).toBeNull();
    expect(degreeCentralisation(buildCompactGraph({ nodes: nodes(2), edges: [{ a: 1, b: 2 }] }))).toBeNull();
    expect(degreeCentralisation(buildCompactGraph({ nodes: nodes(3), edges: [] }))).toBe(0);
  });
});
