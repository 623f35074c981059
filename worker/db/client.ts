/**
 * @module
 * The drizzle client over the D1 binding, plus the small SQL fragments every query shares.
 */
import { drizzle } from "drizzle-orm/d1";
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import * as tables from "./tables";

export type Db = ReturnType<typeof createDb>;

/**
 * The drizzle client over the D1 binding or a session of it (read replication: a session's reads
 * see every write it has made or whose bookmark it started from; see {@link withBookmark}).
 * drizzle only prepares and batches statements, which a session does as the binding does.
 */
export function createDb(d1: D1Database | D1DatabaseSession) {
  return drizzle(d1 as D1Database, { schema: tables });
}

/** Current time as stored in every timestamp column (ISO 8601, UTC, milliseconds). */
export const nowIso = () => new Date().toISOString();

/**
 * `column IN (code and all its descendants)`: regions form a tree (state → district, custom
 * children), and every region filter includes sub-regions. One bound parameter, any depth.
 */
export function inRegionTree(column: SQLiteColumn | SQL, code: string): SQL {
  return sql`${column} IN (WITH RECURSIVE sub(code) AS (SELECT ${code} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`;
}

/** `column IN (values…)` with one bound parameter, whatever the count (D1 allows 100 per query). */
export function inJsonList(column: SQLiteColumn | SQL, values: readonly (string | number)[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/**
 * drizzle's raw queries (`db.run(sql…)`, `db.get(sql…)`) carry no prepared D1 statement, so with
 * bound parameters they fail inside `db.batch()`; this attaches one so they can join a batch.
 */
export function inBatch<T extends { getQuery(): { sql: string } }>(db: Db, raw: T): T {
  return Object.assign(raw, { stmt: db.$client.prepare(raw.getQuery().sql) });
}

/**
 * Several reads in one D1 round trip (a batch): each query's rows as objects, in query order.
 * Where a request needs a few independent reads, this saves a round trip per extra read.
 */
export async function readTogether(db: Db, queries: readonly SQL[]): Promise<Record<string, unknown>[][]> {
  if (queries.length === 0) return [];
  const statements = queries.map((q) => {
    const { sql: text, params } = db.all(q).getQuery();
    return db.$client.prepare(text).bind(...params);
  });
  const results = await db.$client.batch<Record<string, unknown>>(statements);
  return results.map((r) => r.results);
}
