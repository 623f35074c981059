/**
 * @module
 * A local D1 database for the benchmarks, reachable from Node: Miniflare runs the same D1
 * implementation (SQLite inside workerd) that `wrangler dev` uses, and a small Worker there runs
 * each call sent to it, so worker modules (drizzle over D1) run unchanged in a Node process whose
 * memory and CPU we can measure.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { demoSqlStatements, streamDemoData, type DemoOptions } from "../../scripts/demo/generate";
import { BridgedD1, type D1Call } from "../national/d1-bridge";

export interface LocalD1 {
  mf: Miniflare;
  /** The database, every call a request to a Worker holding the binding (see {@link openLocalD1}). */
  d1: D1Database;
  /** One call as the worker-thread bridge sends it (bench/national/d1-bridge.ts). */
  call(body: D1Call): Promise<unknown>;
  dispose(): Promise<void>;
}

/**
 * A Worker that runs one D1 call per request with its binding: the Node side then needs nothing
 * but asynchronous requests. (Miniflare's D1 proxy runs `prepare` and `bind` as synchronous calls
 * through a helper thread, and under the national section's load one of them now and then read
 * another call's answer — Miniflare's `AssertionError: false == true` — and failed every query
 * after it.)
 */
const D1_WORKER = `
export default {
  async fetch(request, env) {
    const body = await request.json();
    const statement = (q) => env.DB.prepare(q.sql).bind(...q.params);
    try {
      let result;
      if (body.method === "batch") result = await env.DB.batch(body.queries.map(statement));
      else {
        const s = statement(body.query);
        result = body.method === "all" ? await s.all() : body.method === "raw" ? await s.raw() : body.method === "first" ? await s.first() : await s.run();
      }
      return Response.json({ result: result ?? null });
    } catch (error) {
      return Response.json({ error: String(error?.message ?? error), stack: String(error?.stack ?? "") });
    }
  },
};`;

/** Starts Miniflare with one D1 database persisted under `persistDir` (or in memory). */
export async function openLocalD1(persistDir: string | false): Promise<LocalD1> {
  const mf = new Miniflare({
    modules: true,
    script: D1_WORKER,
    d1Databases: { DB: "bench-db" },
    d1Persist: persistDir,
  });
  await mf.ready;
  const call = async (body: D1Call): Promise<unknown> => {
    const response = await mf.dispatchFetch("http://d1.local/", { method: "POST", body: JSON.stringify(body) });
    const answer = (await response.json()) as { result?: unknown; error?: string; stack?: string };
    if (answer.error !== undefined) throw Object.assign(new Error(answer.error), { stack: `Error: ${answer.error}\n--- in the local D1 Worker: ${answer.stack ?? ""}` });
    return answer.result;
  };
  const d1 = new BridgedD1(call) as unknown as D1Database;
  return { mf, d1, call, dispose: () => mf.dispose() };
}

/** SQL statements of a migration file (split on statement ends; our migrations have no triggers). */
function statementsOf(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n");
  return text
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies every migration of `schema/migrations` in order. */
export async function migrate(d1: D1Database, root = process.cwd()): Promise<void> {
  const dir = join(root, "schema", "migrations");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    const statements = statementsOf(join(dir, file));
    for (let i = 0; i < statements.length; i += 50) {
      await d1.batch(statements.slice(i, i + 50).map((s) => d1.prepare(s)));
    }
  }
}

/** Loads the demo data set (multi-row INSERTs as the SQL export writes them), 100 statements per batch. */
export async function loadDemo(d1: D1Database, options: DemoOptions): Promise<number> {
  let batch: D1PreparedStatement[] = [];
  let statements = 0;
  for (const statement of demoSqlStatements(streamDemoData(options))) {
    batch.push(d1.prepare(statement));
    statements++;
    if (batch.length >= 100) {
      await d1.batch(batch);
      batch = [];
    }
  }
  if (batch.length) await d1.batch(batch);
  return statements;
}

/**
 * Fails unless the loaded database answers what the snapshots read first (every scope's revision
 * and its organisations): a database that only looks loaded must not be marked as cached.
 */
export async function checkLoaded(d1: D1Database): Promise<void> {
  const row = (await d1
    .prepare("SELECT (SELECT count(*) FROM organisations) AS organisations, (SELECT count(*) FROM cooperations) AS cooperations, (SELECT count(*) FROM region_revisions) AS revisions, (SELECT total(revision) FROM region_revisions) AS national")
    .first()) as Record<string, number> | null;
  if (!row || !(row.organisations > 0 && row.cooperations > 0 && row.revisions > 0 && row.national > 0)) {
    throw new Error(`local D1 not loaded completely: ${JSON.stringify(row)}`);
  }
}
