/**
 * @module
 * Pieces every importer's plan is built from: the plan itself (per-row reports plus the statements
 * of the real run), duplicate detection within a file, comparison with the stored record, zod
 * issues mapped back to the file's columns, and chunked set queries.
 */
import type { BatchItem } from "drizzle-orm/batch";
import { chunkForJson } from "../db/bulk";
import type { Changes } from "../db/revisions";
import type { RowReader } from "./context";
import type { RowChange, RowReport } from "./report";

export type Statement = BatchItem<"sqlite">;

export interface Plan {
  reports: RowReport[];
  /** Regions whose records the real run writes (audit rows are written, the write is fenced on them). */
  touchedRegions: Set<string>;
  /** What the real run changes, for the revision bumps before and after it. */
  changes: Changes;
  /** Statements of the real run, built only when no row is rejected. */
  statements(now: string): Statement[];
  /** After the batch: statements whose results carry the new ids, and how to read them. */
  idsFrom?: { statement: Statement; assign(result: unknown): void };
}

/** Remembers the first row per key; later rows with the same key are duplicates. */
export class DuplicateGuard {
  private readonly first = new Map<string, number>();

  /** The row that had this key first, or undefined (and the key is now taken by `row`). */
  check(key: string, row: number): number | undefined {
    const prev = this.first.get(key);
    if (prev === undefined) this.first.set(key, row);
    return prev;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const spaced = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Text that differs from the stored text only in spacing (the import tidies stray spaces, records
 * entered elsewhere may have them) keeps the stored text, so it is not reported as a change.
 */
export function keepStoredSpacing<T extends object>(before: T, after: T) {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (typeof x === "string" && typeof y === "string" && x !== y && spaced(x) === spaced(y)) a[key] = y;
  }
}

/** Field-by-field differences between the stored and the new record. */
export function diff<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
  column: (field: string) => string,
  mask: (field: string) => boolean = () => false,
): RowChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return fields
    .filter((f) => !same(b[f], a[f]))
    .map((f) => ({ field: f, column: column(f), from: mask(f) ? "[personal data]" : (b[f] ?? null), to: mask(f) ? "[personal data]" : (a[f] ?? null) }));
}

/** zod issues of the merged record → row issues on the columns they came from. */
export function zodIssues(r: RowReader, issues: readonly { path: PropertyKey[]; message: string }[], columnOf: (field: string) => string) {
  for (const i of issues) {
    const field = columnOf(String(i.path[0] ?? ""));
    r.issue(field || null, "invalid_value", i.message);
  }
}

/** Runs a set query per JSON chunk of `values` and concatenates the rows. */
export async function selectChunked<V, R>(values: readonly V[], query: (json: string) => Promise<R[]> | PromiseLike<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunkForJson([...new Set(values)])) out.push(...(await query(JSON.stringify(chunk))));
  return out;
}

/** One statement per JSON chunk of `rows`. */
export function perChunk<T>(rows: readonly T[], build: (json: string, chunk: T[]) => Statement | Statement[]): Statement[] {
  return chunkForJson(rows).flatMap((chunk) => build(JSON.stringify(chunk), chunk));
}

