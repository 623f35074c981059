/**
 * @module
 * Bulk writes within D1's limits (100 bound parameters, ~100 KB statements): rows travel as one
 * JSON parameter per statement and are unpacked in SQL with `json_each`, so 5 000 records are a
 * handful of statements in one atomic batch instead of 5 000 round trips.
 */

/** Max JSON bytes per bound parameter; D1 allows up to 2 MB per value, we stay well below. */
export const MAX_CHUNK_BYTES = 512 * 1024;

/** Splits rows into chunks whose JSON stays below `maxBytes` (and `maxRows`). */
export function chunkForJson<T>(rows: readonly T[], maxBytes = MAX_CHUNK_BYTES, maxRows = 2000): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 2;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxRows)) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Index of every row whose key occurs earlier in the list (for per-row duplicate errors). */
export function duplicateIndexes<T>(rows: readonly T[], key: (row: T) => string | null): Map<number, number> {
  const seen = new Map<string, number>();
  const dups = new Map<number, number>();
  rows.forEach((row, i) => {
    const k = key(row);
    if (k === null) return;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else dups.set(i, first);
  });
  return dups;
}
