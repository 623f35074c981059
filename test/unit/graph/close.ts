/**
 * @module
 * Numeric comparison for the metric tests: relative error ≤ 1e-9 (docs/metrics.md), with a tiny
 * absolute floor so that values networkx computes as exactly 0 may come out as ±1e-16 here.
 */
import { expect } from "vitest";

export const RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_FLOOR = 1e-12;

/** Whether `actual` is within the tolerance of `expected`; nulls (undefined values) must match. */
export function isClose(actual: number | null, expected: number | null, relative = RELATIVE_TOLERANCE): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Object.is(expected, actual);
  const difference = Math.abs(actual - expected);
  return difference <= relative * Math.max(Math.abs(expected), Math.abs(actual)) || difference <= ABSOLUTE_FLOOR;
}

/**
 * Asserts that `actual` matches `expected` at 1e-9 relative error.
 *
 * @example
 * expectClose(pagerank(cg)[i], fixture.expected.pagerank["12"], "pagerank of 12");
 */
export function expectClose(actual: number | null, expected: number | null, label = "value"): void {
  if (!isClose(actual, expected)) {
    expect.fail(`${label}: expected ${String(expected)}, got ${String(actual)}`);
  }
}

/**
 * Asserts per-node values (indexed like `nodeIds`) against a fixture map from id to value; every
 * node of both sides must be present.
 */
export function expectCloseById(
  nodeIds: ArrayLike<number>,
  actual: ArrayLike<number | null>,
  expected: Record<string, number | null>,
  label: string,
): void {
  expect(actual.length).toBe(nodeIds.length);
  expect(Object.keys(expected).length).toBe(nodeIds.length);
  for (let i = 0; i < nodeIds.length; i++) {
    const key = String(nodeIds[i]);
    expect(key in expected, `${label}: fixture has no value for node ${key}`).toBe(true);
    expectClose(actual[i], expected[key], `${label} of node ${key}`);
  }
}
