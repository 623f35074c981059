/**
 * @module
 * Recomputation through Cloudflare Queues (docs/recomputation.md).
 *
 * **Producer.** The Cron Trigger, and a large write (import, bulk), send one message per stale
 * snapshot: every scope with data whose default-window snapshot is missing or older than its
 * revision, the country, and every stored snapshot of another window that is stale. A message
 * names the scope, the window and the revision it was sent for.
 *
 * **Consumer.** One message is one invocation (`max_batch_size = 1`), so a scope has the whole
 * CPU time and memory of an invocation. A message is dropped when its revision is older than the
 * scope's current one (the write that moved the revision on sends, or the next Cron run sends, a
 * message of its own) and when the stored snapshot is already current (a redelivery, or the Cron
 * and a write naming the same scope): both cost one D1 read. A state or the country copies its
 * organisations' suggestions from their district snapshots, so it waits (is sent again, delayed)
 * until those are current — at most {@link MAX_WAITS} times, then it computes with what is there.
 * A failure is retried with a growing delay; after `max_retries` the queue hands the message to
 * the dead-letter queue, whose consumer records it in `recompute_failures`.
 */
import { sql } from "drizzle-orm";
import { createDb, inBatch, nowIso, type Db } from "../db/client";
import { NATIONAL, revisionOf } from "../db/revisions";
import { computeSnapshot, keptWindows, SCOPES_WITH_DATA, scopeSize, SUGGESTIONS_SCOPE_LIMIT } from "../network/snapshots";
import type { Window } from "../network/window";

/** Queue names (wrangler.toml): a message of the first lands in the second after its last retry. */
export const RECOMPUTE_QUEUE = "kooperationsatlas-recompute";
export const RECOMPUTE_DEAD_LETTERS = "kooperationsatlas-recompute-failed";

/** What one message asks: bring the snapshot of `scope` and `window` to `revision` (or later). */
export interface RecomputeMessage {
  scope: string;
  from: string;
  to: string;
  revision: number;
  /** How often this message has already waited for the districts' snapshots. */
  waits?: number;
}

/** What the consumer did with a message (logged; tests read it). */
export type RecomputeOutcome = "recomputed" | "superseded" | "current" | "waiting" | "invalid";

/** Times a state or the country is sent again to wait for its districts before it computes anyway. */
export const MAX_WAITS = 10;
/** Delay before a waiting state or country is looked at again. */
export const WAIT_SECONDS = 20;
/** Delay of the n-th retry after a failure: 10 s, 20 s, 40 s, … (at most 5 minutes). */
export const retryDelaySeconds = (attempts: number) => Math.min(300, 10 * 2 ** Math.max(0, attempts - 1));

/** Dead letters kept in `recompute_failures` (the newest). */
const KEPT_FAILURES = 1000;

/** Messages per `sendBatch` (the platform's limit is 100 messages and 256 KB). */
const SEND_BATCH = 100;

/** The revision of a scope given as a column of codes: the national one for the country. */
const revisionOfColumn = (column: ReturnType<typeof sql>) =>
  sql`CASE WHEN ${column} = ${NATIONAL} THEN ${revisionOf(NATIONAL)} ELSE ${revisionOf(column)} END`;

/**
 * The stale snapshots to send, districts before states before the country (the order the queue
 * most likely delivers them in, so that fewer states have to wait).
 */
export async function staleMessages(db: Db, now = new Date()): Promise<RecomputeMessage[]> {
  const [current] = keptWindows(now.toISOString().slice(0, 10));
  const rows = await db.all<{ scope: string; from: string; to: string; revision: number; depth: number }>(sql`
    WITH RECURSIVE scopes(code) AS (${SCOPES_WITH_DATA} UNION SELECT ${NATIONAL}),
    wanted(scope, f, t) AS (
      SELECT code, ${current.from}, ${current.to} FROM scopes
      UNION SELECT region_code, window_from, window_to FROM metric_snapshots WHERE substr(region_code, 1, 1) <> '~'),
    depth(code, d) AS (
      SELECT code, 0 FROM regions WHERE parent_code IS NULL
      UNION ALL SELECT r.code, depth.d + 1 FROM regions r JOIN depth ON r.parent_code = depth.code)
    SELECT w.scope, w.f AS "from", w.t AS "to", ${revisionOfColumn(sql`w.scope`)} AS revision,
           CASE WHEN w.scope = ${NATIONAL} THEN -1 ELSE coalesce((SELECT d FROM depth WHERE depth.code = w.scope), 0) END AS depth
    FROM wanted w
    LEFT JOIN metric_snapshots s ON s.region_code = w.scope AND s.window_from = w.f AND s.window_to = w.t
    WHERE (s.id IS NULL OR s.revision <> ${revisionOfColumn(sql`w.scope`)})
      AND (w.scope = ${NATIONAL} OR EXISTS (SELECT 1 FROM regions WHERE code = w.scope AND deleted_at IS NULL))`);
  rows.sort((x, y) => y.depth - x.depth || x.scope.localeCompare(y.scope) || x.to.localeCompare(y.to));
  return rows.map(({ scope, from, to, revision }) => ({ scope, from, to, revision }));
}

/** Sends one message per stale snapshot; returns how many were sent. */
export async function enqueueStale(d1: D1Database | D1DatabaseSession, queue: Queue<RecomputeMessage>, now = new Date()): Promise<number> {
  const messages = await staleMessages(createDb(d1), now);
  for (let i = 0; i < messages.length; i += SEND_BATCH) {
    await queue.sendBatch(messages.slice(i, i + SEND_BATCH).map((body) => ({ body })));
  }
  return messages.length;
}

function isMessage(body: unknown): body is RecomputeMessage {
  const m = body as RecomputeMessage;
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return (
    typeof m === "object" && m !== null && typeof m.scope === "string" && /^[A-Za-z0-9_-]{1,32}$/.test(m.scope) &&
    typeof m.from === "string" && date.test(m.from) && typeof m.to === "string" && date.test(m.to) && m.from <= m.to &&
    Number.isSafeInteger(m.revision) && (m.waits === undefined || Number.isSafeInteger(m.waits))
  );
}

/**
 * Snapshots of the same window that a scope's computation copies suggestions from (those of the
 * regions its organisations are registered in) and that are missing or stale.
 */
async function staleSharedInputs(db: Db, scope: string, window: Window): Promise<number> {
  const inScope = scope === NATIONAL ? sql`1` : sql`o.region_code IN (WITH RECURSIVE sub(code) AS (SELECT ${scope} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`;
  const row = await db.get<{ n: number }>(sql`
    WITH homes(code) AS (SELECT DISTINCT o.region_code FROM organisations o WHERE o.deleted_at IS NULL AND ${inScope} AND o.region_code <> ${scope})
    SELECT count(*) AS n FROM homes
    LEFT JOIN metric_snapshots s ON s.region_code = homes.code AND s.window_from = ${window.from} AND s.window_to = ${window.to}
    WHERE s.id IS NULL OR s.revision <> ${revisionOf(sql`homes.code`)}`);
  return row?.n ?? 0;
}

/**
 * Handles one message (see the module comment). `resend` puts a waiting message back on the queue.
 * Throws when the computation fails: the caller retries the message.
 */
export async function recomputeFromMessage(
  d1: D1Database | D1DatabaseSession,
  body: unknown,
  resend: (message: RecomputeMessage, delaySeconds: number) => Promise<void>,
): Promise<RecomputeOutcome> {
  if (!isMessage(body)) return "invalid";
  const db = createDb(d1);
  const window = { from: body.from, to: body.to };
  const exists = body.scope === NATIONAL ? sql`1` : sql`EXISTS (SELECT 1 FROM regions WHERE code = ${body.scope} AND deleted_at IS NULL)`;
  const state = await db.get<{ current: number | null; stored: number | null; scope_exists: number }>(sql`
    SELECT ${revisionOf(body.scope)} AS current, ${exists} AS scope_exists,
      (SELECT revision FROM metric_snapshots WHERE region_code = ${body.scope} AND window_from = ${window.from} AND window_to = ${window.to}) AS stored`);
  if (!state?.scope_exists) return "invalid";
  const current = state.current ?? 0;
  if (body.revision < current) return "superseded";
  if (state.stored === current) return "current";
  const waits = body.waits ?? 0;
  if (waits < MAX_WAITS && (await scopeSize(db, body.scope)) > SUGGESTIONS_SCOPE_LIMIT && (await staleSharedInputs(db, body.scope, window)) > 0) {
    await resend({ ...body, waits: waits + 1 }, WAIT_SECONDS);
    return "waiting";
  }
  await computeSnapshot(db, body.scope, window);
  return "recomputed";
}

/** Queue environment the consumer needs. */
export interface QueueEnv {
  DB: D1Database;
  RECOMPUTE_QUEUE?: Queue<RecomputeMessage>;
}

/** The consumer of the recomputation queue: each message acked when handled, retried when it failed. */
export async function consumeRecomputeBatch(batch: MessageBatch<unknown>, env: QueueEnv): Promise<void> {
  // Reads go to the primary: a replica behind the write that sent the message would see it current.
  const session = env.DB.withSession("first-primary");
  for (const message of batch.messages) {
    const started = Date.now();
    try {
      const outcome = await recomputeFromMessage(session, message.body, async (next, delaySeconds) => {
        if (!env.RECOMPUTE_QUEUE) throw new Error("RECOMPUTE_QUEUE binding missing");
        await env.RECOMPUTE_QUEUE.send(next, { delaySeconds });
      });
      if (outcome === "invalid") console.warn(`recompute: dropped an invalid message ${JSON.stringify(message.body).slice(0, 200)}`);
      else console.log(`recompute ${describe(message.body)}: ${outcome} in ${Date.now() - started} ms`);
      message.ack();
    } catch (error) {
      console.error(`recompute ${describe(message.body)} failed (attempt ${message.attempts}): ${error instanceof Error ? error.message : String(error)}`);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

const describe = (body: unknown) => {
  const m = body as Partial<RecomputeMessage>;
  return `${m?.scope} ${m?.from}…${m?.to} @${m?.revision}`;
};

/**
 * The consumer of the dead-letter queue: a message that failed every retry is recorded (scope,
 * window, revision, attempts) for operators; the next Cron run sends the scope again if it is still stale.
 */
export async function recordDeadLetters(batch: MessageBatch<unknown>, env: QueueEnv): Promise<void> {
  const db = createDb(env.DB);
  for (const message of batch.messages) {
    const m = isMessage(message.body) ? message.body : null;
    console.error(`recompute dead letter: ${describe(message.body)}`);
    await db.batch([
      inBatch(db, db.run(sql`INSERT INTO recompute_failures (scope, window_from, window_to, revision, attempts, failed_at, body)
        VALUES (${m?.scope ?? null}, ${m?.from ?? null}, ${m?.to ?? null}, ${m?.revision ?? null}, ${message.attempts}, ${nowIso()}, ${JSON.stringify(message.body).slice(0, 1000)})`)),
      inBatch(db, db.run(sql`DELETE FROM recompute_failures WHERE id NOT IN (SELECT id FROM recompute_failures ORDER BY id DESC LIMIT ${KEPT_FAILURES})`)),
    ]);
    message.ack();
  }
}

/** Rows written at which a write is large: its stale scopes are sent at once, not at the next Cron run. */
export const LARGE_WRITE_ROWS = 100;

/**
 * After a write of `rows` rows: if it is large, sends the stale snapshots to the queue in the
 * background (`waitUntil`), so that a national import is current minutes after its last chunk.
 * `d1` should be the writer's session (it reads the write it has just made).
 */
export function enqueueAfterLargeWrite(
  d1: D1Database | D1DatabaseSession,
  queue: Queue<RecomputeMessage> | undefined,
  waitUntil: ((work: Promise<unknown>) => void) | undefined,
  rows: number,
): void {
  if (rows < LARGE_WRITE_ROWS || !queue || !waitUntil) return;
  waitUntil(enqueueStale(d1, queue).catch((error) => console.error(`recompute: sending after a write failed: ${error instanceof Error ? error.message : String(error)}`)));
}
