/**
 * @module
 * A small seeded pseudo-random generator, so that sampled and randomised metrics (sampled
 * betweenness, Louvain) give the same answer for the same data and seed — snapshots must be
 * reproducible.
 */

/**
 * Mulberry32: a 32-bit state generator, fast and good enough for sampling and tie-breaking (not
 * for anything security related).
 *
 * @example
 * const rng = createRng(42);
 * rng(); // 0 ≤ x < 1, the same sequence for every run with seed 42
 */
export function createRng(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new Error("createRng: the seed must be a finite number");
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws `k` distinct integers from `0 … n-1` without replacement (partial Fisher–Yates), in
 * drawing order.
 */
export function sampleWithoutReplacement(n: number, k: number, rng: () => number): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new Error("sampleWithoutReplacement: n must be a non-negative integer");
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new Error("sampleWithoutReplacement: k must be an integer between 0 and n");
  }
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const swap = pool[i];
    pool[i] = pool[j];
    pool[j] = swap;
  }
  return pool.slice(0, k);
}
