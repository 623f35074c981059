/**
 * @module
 * Keyset (cursor) pagination: the cursor carries the last row's sort value and id, so pages stay
 * stable while rows are added and no OFFSET scan is needed.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { ApiError } from "../lib/errors";

export type SortValue = string | number;

export function encodeCursor(value: SortValue, id: SortValue): string {
  return btoa(JSON.stringify([value, id])).replace(/=+$/, "");
}

export function decodeCursor(cursor: string): [SortValue, SortValue] {
  try {
    const parsed = JSON.parse(atob(cursor));
    if (Array.isArray(parsed) && parsed.length === 2 && ["string", "number"].includes(typeof parsed[0]) && ["string", "number"].includes(typeof parsed[1])) {
      return parsed as [SortValue, SortValue];
    }
  } catch {
    /* fall through */
  }
  throw new ApiError(422, "validation_failed", "Invalid cursor", [{ path: "cursor", message: "Not a cursor returned by this API" }]);
}

export interface SortSpec {
  column: SQLiteColumn | SQL;
  idColumn: SQLiteColumn;
  descending: boolean;
}

/** The WHERE part that starts after the cursor, and the ORDER BY for the sort. */
export function keysetParts(spec: SortSpec, cursor: string | undefined): { after?: SQL; orderBy: SQL[] } {
  const dir = spec.descending ? sql`DESC` : sql`ASC`;
  const orderBy = [sql`${spec.column} ${dir}`, sql`${spec.idColumn} ${dir}`];
  if (!cursor) return { orderBy };
  const [v, id] = decodeCursor(cursor);
  const after = spec.descending
    ? sql`(${spec.column}, ${spec.idColumn}) < (${v}, ${id})`
    : sql`(${spec.column}, ${spec.idColumn}) > (${v}, ${id})`;
  return { after, orderBy };
}

/** Cuts the extra row fetched to know whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, sortValue: (row: T) => SortValue, id: (row: T) => SortValue) {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? encodeCursor(sortValue(last), id(last)) : null };
}

/** Parses `sort=name` / `sort=-date` against the allowed keys. */
export function parseSort<K extends string>(sort: string | undefined, allowed: Record<K, SQLiteColumn | SQL>, fallback: string, idColumn: SQLiteColumn): SortSpec & { key: K } {
  const raw = sort ?? fallback;
  const descending = raw.startsWith("-");
  const key = (descending ? raw.slice(1) : raw) as K;
  // Own keys only: `__proto__`, `constructor`, `toString` … are inherited by every object.
  const column = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
  if (!column) {
    throw new ApiError(422, "validation_failed", "Invalid sort", [
      { path: "sort", message: `Expected one of ${Object.keys(allowed).map((k) => `${k}, -${k}`).join(", ")}` },
    ]);
  }
  return { key, column, idColumn, descending };
}
