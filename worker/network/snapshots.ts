/**
 * @module
 * Snapshots: the metrics of a scope and window, computed from the data of one revision and stored
 * in D1. Reads serve a snapshot whose revision is current; a stale one is recomputed on read when
 * the scope is small enough, otherwise served marked `stale: true` until the Cron Trigger has
 * recomputed it. Each computation also appends the month's history row, which is never overwritten.
 *
 * Storing stays within the platform's limits at national scale (README, "How the design stays inside the platform's limits"): per-organisation
 * records and ties are serialised chunk by chunk (one JSON parameter of ≤ 512 KB per statement,
 * batches of a few MB) into a staging snapshot, which the last batch swaps in for the old one — so
 * readers see the old snapshot or the new one, never a mix, and no step holds the whole snapshot
 * as JSON.
 */
import { sql, type SQL } from "drizzle-orm";
import { MAX_CHUNK_BYTES } from "../db/bulk";
import { currentRevision, revisionOf } from "../db/revisions";
import { inBatch, nowIso, type Db } from "../db/client";
import { notFound } from "../lib/errors";
import { ConversionTally, type ConversionRow } from "../graph/metrics";
import { loadAggregates, type Aggregates } from "./aggregates";
import { computeNetwork, type NetworkFigures, type NetworkResult, type OrganisationMetrics } from "./compute";
import { forEachPairFirstsPage, isoDate, loadNetworkData, NATIONAL, partnerIds, type PairTable } from "./load";
import { recentSnapshot, rememberSnapshot } from "./recent-snapshots";
import { computeSuggestions, releaseStateCandidates, type Suggestion } from "./suggestions";
import { DEFAULT_WINDOW_MONTHS, today, windowEndingOn, type Window } from "./window";

/** What is stored per organisation: its metrics and, for those needing partners, suggestions. */
export type StoredOrganisationMetrics = OrganisationMetrics & { suggestions: Suggestion[] };

/** Scopes with more organisations than this are recomputed by the cron job, not on read. */
export const RECOMPUTE_ON_READ_LIMIT = 15_000;

/**
 * Match suggestions are computed for scopes with up to this many registered organisations (a
 * district); in larger scopes (states, the country) an organisation's suggestions are those of its
 * own district's snapshot of the same window, copied in SQL — the ranking compares each target
 * with every candidate of its state, which a whole country would multiply beyond a Worker's CPU time.
 */
export const SUGGESTIONS_SCOPE_LIMIT = 3000;

/**
 * Snapshots of other windows than the kept ones ({@link keptWindows}) stored at most; beyond it the
 * least recently used go when the next snapshot is stored. Any `from`/`to` a caller sends may
 * become a snapshot (the network view and exports page through its stored rows), so without a
 * bound every new window would grow the database for good. A cache rather than computing other
 * windows on every read: dashboards and embeds ask for the same few windows (a year, a quarter)
 * over and over, and a snapshot is the costly part of a read. Worst case: 64 snapshots of the
 * largest scope computed on read ({@link RECOMPUTE_ON_READ_LIMIT} organisations).
 */
export const MAX_WINDOW_SNAPSHOTS = 64;

/**
 * Windows whose snapshots are kept for good: the default window ending today, which the cron job
 * keeps current, and the one ending yesterday (served until the job has run today).
 */
export function keptWindows(now = today()): Window[] {
  const yesterday = new Date(Date.parse(now + "T00:00:00Z") - 86_400_000).toISOString().slice(0, 10);
  return [windowEndingOn(now, DEFAULT_WINDOW_MONTHS), windowEndingOn(yesterday, DEFAULT_WINDOW_MONTHS)];
}

const isKeptWindow = (window: Window) => keptWindows().some((k) => k.from === window.from && k.to === window.to);

/**
 * JSON bytes of one D1 batch while storing a snapshot (two statements of ≤ 512 KB): at 4 MB the
 * batches' strings lifted the national 24-month snapshot's peak by ≈ 10 MB (bench, national).
 */
const STORE_BATCH_BYTES = 1024 * 1024;

export interface Summary extends Aggregates {
  network: NetworkFigures;
  conversion: ConversionRow[];
}

export interface Snapshot {
  id: number;
  regionCode: string;
  window: Window;
  revision: number;
  currentRevision: number;
  stale: boolean;
  computedAt: string;
  computeMs: number;
  summary: Summary;
}

interface SnapshotRow {
  id: number;
  region_code: string;
  window_from: string;
  window_to: string;
  revision: number;
  computed_at: string;
  compute_ms: number;
  summary: string;
}

function toSnapshot(row: SnapshotRow, current: number): Snapshot {
  return {
    id: row.id,
    regionCode: row.region_code,
    window: { from: row.window_from, to: row.window_to },
    revision: row.revision,
    currentRevision: current,
    stale: row.revision !== current,
    computedAt: row.computed_at,
    computeMs: row.compute_ms,
    summary: withoutRetiredFields(JSON.parse(row.summary)),
  };
}

/** Snapshots stored before a field was retired still carry it; no answer shows it again. */
function withoutRetiredFields(summary: Summary): Summary {
  const { harmonicClosenessComputed: _retired, ...network } = summary.network as NetworkFigures & { harmonicClosenessComputed?: boolean };
  return { ...summary, network };
}

/**
 * Conversion by format over every pair of the scope, folded page by page (one page of pairs in
 * memory at a time, nothing kept per pair: an object per pair made the national snapshot's largest
 * heap peak).
 */
async function computeConversion(db: Db, scope: string, asOf: string): Promise<ConversionRow[]> {
  const tally = new ConversionTally({ asOf });
  await forEachPairFirstsPage(db, scope, asOf, await partnerIds(db, scope, asOf), (rows) => {
    for (const [, , firstKey, second] of rows) {
      const cut = firstKey.indexOf("|");
      const format = firstKey.slice(cut + 1);
      tally.add(firstKey.slice(0, cut), format || null, second);
    }
  });
  return tally.result().map((r) => ({ ...r, format: r.format || "none" }));
}

/** The figures of a scope and window from the data as it is now, and the revision they belong to. */
async function computeFigures(db: Db, scope: string, window: Window) {
  const revision = await currentRevision(db, scope);
  // Counts and conversion first: their pages of rows then never share the isolate's memory with
  // the network's columns (at national scale each is a peak of its own).
  const aggregates = await loadAggregates(db, scope, window);
  const conversionRows = await computeConversion(db, scope, window.to);
  const data = await loadNetworkData(db, scope, window);
  const network = computeNetwork(data);
  const summary: Summary = { ...aggregates, network: network.figures, conversion: conversionRows };
  return { revision, data, network, summary };
}

/**
 * A month's history row comes from a window of the default length only (one comparable figure per
 * month), ending in a month that has begun, with cooperations in it: so the rows any caller can
 * cause are bounded by the scopes and the months their data spans, not by the dates asked for.
 */
const keepsHistory = (window: Window, summary: Summary) =>
  windowEndingOn(window.to, DEFAULT_WINDOW_MONTHS).from === window.from && window.to.slice(0, 7) <= today().slice(0, 7) && summary.cooperations.total > 0;

const historyRow = (scope: string, window: Window, revision: number, computedAt: string, summaryJson: string) =>
  sql`INSERT OR IGNORE INTO metric_history (region_code, period, revision, computed_at, summary)
      VALUES (${scope}, ${window.to.slice(0, 7)}, ${revision}, ${computedAt}, ${summaryJson})`;

/**
 * The summary of a default-length window, computed for a trend point: only the month's history
 * row is stored (if the month has none yet), not a snapshot — a trend over many months would
 * otherwise store one full snapshot per point.
 */
export async function computeHistoryPoint(db: Db, scope: string, window: Window): Promise<Summary> {
  const { revision, summary } = await computeFigures(db, scope, window);
  if (keepsHistory(window, summary)) await db.run(historyRow(scope, window, revision, nowIso(), JSON.stringify(summary)));
  return summary;
}

/** Computes and stores the snapshot of a scope and window; returns it. */
export async function computeSnapshot(db: Db, scope: string, window: Window): Promise<Snapshot> {
  const started = Date.now();
  if ((await scopeSize(db, scope)) > SUGGESTIONS_SCOPE_LIMIT) releaseStateCandidates();
  const { revision, data, network, summary } = await computeFigures(db, scope, window);
  let suggestions: Map<number, Suggestion[]> | null = null;
  if (network.inScope.length <= SUGGESTIONS_SCOPE_LIMIT) {
    const metrics = Array.from(network.inScope, (_, k) => network.organisationAt(k));
    suggestions = await computeSuggestions(db, data, metrics);
  }
  const computedAt = nowIso();
  const computeMs = Date.now() - started;
  await storeSnapshot(db, { scope, window, revision, computedAt, computeMs, summary, network, suggestions, pairs: data.pairs });
  const row = await db.get<SnapshotRow>(sql`SELECT * FROM metric_snapshots WHERE region_code = ${scope} AND window_from = ${window.from} AND window_to = ${window.to}`);
  return toSnapshot(row!, await currentRevision(db, scope));
}

interface StoreInput {
  scope: string;
  window: Window;
  revision: number;
  computedAt: string;
  computeMs: number;
  summary: Summary;
  network: NetworkResult;
  /** Suggestions per organisation id; null: copy them from the district snapshots. */
  suggestions: Map<number, Suggestion[]> | null;
  pairs: PairTable;
}

/**
 * Collects JSON rows into `json_each` parameters of at most {@link MAX_CHUNK_BYTES} and the
 * resulting statements into batches of about {@link STORE_BATCH_BYTES}, sending each full batch.
 */
class ChunkedInsert {
  private rows: string[] = [];
  private bytes = 2;
  private statements: Array<ReturnType<Db["run"]>> = [];
  private batchBytes = 0;

  constructor(
    private readonly db: Db,
    private readonly statementFor: (json: string) => SQL,
  ) {}

  async add(rowJson: string) {
    if (this.rows.length > 0 && this.bytes + rowJson.length + 1 > MAX_CHUNK_BYTES) await this.closeChunk();
    this.rows.push(rowJson);
    this.bytes += rowJson.length + 1;
  }

  private async closeChunk() {
    if (this.rows.length === 0) return;
    const json = `[${this.rows.join(",")}]`;
    this.rows = [];
    this.bytes = 2;
    this.statements.push(inBatch(this.db, this.db.run(this.statementFor(json))));
    this.batchBytes += json.length;
    if (this.batchBytes >= STORE_BATCH_BYTES) await this.send();
  }

  private async send() {
    if (this.statements.length === 0) return;
    const [first, ...rest] = this.statements;
    this.statements = [];
    this.batchBytes = 0;
    await this.db.batch([first, ...rest]);
  }

  async finish() {
    await this.closeChunk();
    await this.send();
  }
}

async function storeSnapshot(db: Db, input: StoreInput) {
  const { scope, window, revision, computedAt, computeMs, summary, network, suggestions, pairs } = input;
  const summaryJson = JSON.stringify(summary);
  // Each computation stages under a code of its own (no region's code, so no reader finds it):
  // computations of the same scope in different isolates never touch each other's rows.
  const stagingPrefix = `~${scope}~`;
  const staging = stagingPrefix + crypto.randomUUID().slice(0, 8);
  const keyOf = (code: string) => sql`region_code = ${code} AND window_from = ${window.from} AND window_to = ${window.to}`;
  const deleteSnapshot = (code: string) => [
    inBatch(db, db.run(sql`DELETE FROM organisation_metrics WHERE snapshot_id IN (SELECT id FROM metric_snapshots WHERE ${keyOf(code)})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_edges WHERE snapshot_id IN (SELECT id FROM metric_snapshots WHERE ${keyOf(code)})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_layouts WHERE snapshot_id IN (SELECT id FROM metric_snapshots WHERE ${keyOf(code)})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_partners WHERE snapshot_id IN (SELECT id FROM metric_snapshots WHERE ${keyOf(code)})`)),
    inBatch(db, db.run(sql`DELETE FROM metric_snapshots WHERE ${keyOf(code)}`)),
  ];

  // 1. A staging snapshot; leftovers of interrupted computations of this scope (staged more than
  //    an hour ago) are removed first.
  const leftovers = sql`SELECT id FROM metric_snapshots WHERE substr(region_code, 1, ${stagingPrefix.length}) = ${stagingPrefix}
    AND computed_at < ${new Date(Date.now() - 3_600_000).toISOString()}`;
  await db.batch([
    inBatch(db, db.run(sql`DELETE FROM organisation_metrics WHERE snapshot_id IN (${leftovers})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_edges WHERE snapshot_id IN (${leftovers})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_layouts WHERE snapshot_id IN (${leftovers})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_partners WHERE snapshot_id IN (${leftovers})`)),
    inBatch(db, db.run(sql`DELETE FROM metric_snapshots WHERE id IN (${leftovers})`)),
    inBatch(db, db.run(sql`INSERT INTO metric_snapshots (region_code, window_from, window_to, revision, computed_at, compute_ms, summary, used_at)
      VALUES (${staging}, ${window.from}, ${window.to}, ${revision}, ${computedAt}, ${computeMs}, ${summaryJson}, ${computedAt})`)),
  ]);
  const stagingId = (await db.get<{ id: number }>(sql`SELECT id FROM metric_snapshots WHERE ${keyOf(staging)}`))!.id;

  // 2. Per-organisation records and ties, chunk by chunk.
  const organisationRows = new ChunkedInsert(db, (json) => sql`INSERT INTO organisation_metrics (snapshot_id, organisation_id, status, betweenness, metrics)
    SELECT ${stagingId}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM json_each(${json}) j`);
  for (let k = 0; k < network.inScope.length; k++) {
    const o = network.organisationAt(k);
    const record: StoredOrganisationMetrics = { ...o, suggestions: suggestions?.get(o.organisationId) ?? [] };
    await organisationRows.add(JSON.stringify([o.organisationId, o.status, o.betweenness, JSON.stringify(record)]));
  }
  await organisationRows.finish();
  const edgeRows = new ChunkedInsert(db, (json) => sql`INSERT INTO snapshot_edges (snapshot_id, a, b, weight, hours, value_eur, first_date, last_date)
    SELECT ${stagingId}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6 FROM json_each(${json}) j`);
  for (let k = 0; k < pairs.length; k++) {
    await edgeRows.add(JSON.stringify([pairs.a[k], pairs.b[k], pairs.weight[k], pairs.hours[k], pairs.value[k], isoDate(pairs.first[k]), isoDate(pairs.last[k])]));
  }
  await edgeRows.finish();
  const partnerRows = new ChunkedInsert(db, (json) => sql`INSERT INTO snapshot_partners (snapshot_id, organisation_id, community)
    SELECT ${stagingId}, j.value ->> 0, j.value ->> 1 FROM json_each(${json}) j`);
  for (const p of network.outsidePartners()) await partnerRows.add(JSON.stringify([p.organisationId, p.community]));
  await partnerRows.finish();

  // 3. Swap in one batch (one transaction): the old snapshot of this window goes, the staging one
  //    takes its key; history (see keepsHistory): the first computation of a month stays, later ones never overwrite it.
  const swap = [
    ...deleteSnapshot(scope),
    inBatch(db, db.run(sql`UPDATE metric_snapshots SET region_code = ${scope} WHERE id = ${stagingId}`)),
  ];
  if (keepsHistory(window, summary)) swap.push(inBatch(db, db.run(historyRow(scope, window, revision, computedAt, summaryJson))));
  if (!suggestions) {
    // Suggestions of large scopes: those of each organisation's district snapshot of the same window.
    swap.push(
      inBatch(db, db.run(sql`UPDATE organisation_metrics AS om
        SET metrics = json_set(om.metrics, '$.suggestions', json(d.metrics -> '$.suggestions'))
        FROM organisation_metrics d
        JOIN metric_snapshots ds ON ds.id = d.snapshot_id AND ds.window_from = ${window.from} AND ds.window_to = ${window.to}
        WHERE om.snapshot_id = ${stagingId} AND om.status <> 'connected' AND d.organisation_id = om.organisation_id
          AND ds.region_code = (SELECT o.region_code FROM organisations o WHERE o.id = om.organisation_id) AND ds.region_code <> ${scope}`)),
    );
  }
  // Last: the copy above reads the district snapshots of this window.
  swap.push(...evictWindowSnapshots(db));
  const [head, ...tail] = swap;
  await db.batch([head, ...tail]);
}

/**
 * Statements that delete the snapshots of other windows than the kept ones beyond the
 * {@link MAX_WINDOW_SNAPSHOTS} most recently used (staging snapshots are not counted).
 */
function evictWindowSnapshots(db: Db) {
  const kept = keptWindows();
  const isKept = sql.join(kept.map((k) => sql`(window_from = ${k.from} AND window_to = ${k.to})`), sql` OR `);
  const evicted = sql`SELECT id FROM metric_snapshots WHERE substr(region_code, 1, 1) <> '~' AND NOT (${isKept})
    ORDER BY used_at DESC, id DESC LIMIT -1 OFFSET ${MAX_WINDOW_SNAPSHOTS}`;
  return [
    inBatch(db, db.run(sql`DELETE FROM organisation_metrics WHERE snapshot_id IN (${evicted})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_edges WHERE snapshot_id IN (${evicted})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_layouts WHERE snapshot_id IN (${evicted})`)),
    inBatch(db, db.run(sql`DELETE FROM snapshot_partners WHERE snapshot_id IN (${evicted})`)),
    inBatch(db, db.run(sql`DELETE FROM metric_snapshots WHERE id IN (${evicted})`)),
  ];
}

/** Notes that a snapshot of a cached window was used now: the least recently used are evicted first. */
async function noteUse(db: Db, snapshotId: number, window: Window) {
  if (!isKeptWindow(window)) await db.run(sql`UPDATE metric_snapshots SET used_at = ${nowIso()} WHERE id = ${snapshotId}`);
}

/** Registered organisations of a scope and its sub-regions. */
export async function scopeSize(db: Db, scope: string): Promise<number> {
  const row =
    scope === NATIONAL
      ? await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organisations WHERE deleted_at IS NULL`)
      : await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organisations WHERE deleted_at IS NULL AND region_code IN
          (WITH RECURSIVE sub(code) AS (SELECT ${scope} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`);
  return row?.n ?? 0;
}

/**
 * Computations in progress in this isolate, by scope and window: concurrent readers of a stale
 * snapshot wait for one computation instead of each running its own (50 readers arriving after a
 * write would otherwise compute, and store, the same snapshot 50 times over).
 */
const computing = new Map<string, { startedAt: number; result: Promise<Snapshot> }>();

/**
 * How long a reader waits for another request's computation before computing on its own: that
 * request may have been cancelled (client gone), and its promise would then never settle.
 */
const SHARED_WAIT_MS = 15_000;

/** One snapshot's identity within an isolate: scope and window. */
const snapshotKey = (scope: string, window: Window) => `${scope}|${window.from}|${window.to}`;

function computeShared(db: Db, scope: string, window: Window): Promise<Snapshot> {
  const key = snapshotKey(scope, window);
  const pending = computing.get(key);
  if (pending && Date.now() - pending.startedAt < SHARED_WAIT_MS) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), pending.startedAt + SHARED_WAIT_MS - Date.now())));
    // A failed or overdue shared computation: compute on our own.
    return Promise.race([pending.result.catch(() => null), deadline]).then((shared) => {
      clearTimeout(timer);
      return shared ?? computeSnapshot(db, scope, window);
    });
  }
  const entry = { startedAt: Date.now(), result: computeSnapshot(db, scope, window) };
  computing.set(key, entry);
  const clear = () => {
    if (computing.get(key) === entry) computing.delete(key);
  };
  entry.result.then(clear, clear);
  return entry.result;
}

/**
 * The snapshot to serve for a scope and window: the stored one if current; otherwise recomputed
 * now (once per isolate for concurrent readers), unless the scope is large and an older snapshot
 * exists — that one is served `stale: true`.
 */
export async function getSnapshot(db: Db, scope: string, window: Window, options: SnapshotReadOptions = {}): Promise<Snapshot> {
  const key = snapshotKey(scope, window);
  if (options.reuseForMs) {
    const reused = recentSnapshot(key, options.reuseForMs);
    if (reused) return reused;
  }
  const snapshot = await readOrCompute(db, scope, window, options);
  if (options.reuseForMs) rememberSnapshot(key, snapshot);
  return snapshot;
}

export interface SnapshotReadOptions {
  /** A scope that is not a region (or DE) is a 404, before anything is computed. */
  scopeMustExist?: boolean;
  /**
   * Serve a snapshot this isolate read less than this many ms ago without asking D1 (see
   * recent-snapshots.ts); only for reads that use nothing but the summary, and never for a request
   * carrying a D1 bookmark (its client reads its own writes).
   */
  reuseForMs?: number;
}

async function readOrCompute(db: Db, scope: string, window: Window, options: SnapshotReadOptions): Promise<Snapshot> {
  // The scope's existence, its current revision and the stored snapshot in one round trip: a warm
  // read needs no other (each D1 round trip costs more than everything else a warm read does).
  const exists = scope === NATIONAL ? sql`1` : sql`EXISTS (SELECT 1 FROM regions WHERE code = ${scope} AND deleted_at IS NULL)`;
  const found = await db.get<SnapshotRow & { current_revision: number | null; scope_exists: number }>(sql`
    SELECT s.*, ${revisionOf(scope)} AS current_revision, ${exists} AS scope_exists
    FROM (SELECT 1) LEFT JOIN metric_snapshots s ON s.region_code = ${scope} AND s.window_from = ${window.from} AND s.window_to = ${window.to}`);
  if (options.scopeMustExist && !found?.scope_exists) throw notFound(`Region ${scope}`);
  const current = found?.current_revision ?? 0;
  const row = found?.id == null ? undefined : found;
  if (row && row.revision === current) {
    await noteUse(db, row.id, window);
    return toSnapshot(row, current);
  }
  if ((await scopeSize(db, scope)) > RECOMPUTE_ON_READ_LIMIT) {
    const latest = row ?? (await db.get<SnapshotRow>(sql`SELECT * FROM metric_snapshots WHERE region_code = ${scope} ORDER BY computed_at DESC LIMIT 1`));
    if (latest) return toSnapshot(latest, current);
  }
  return computeShared(db, scope, window);
}

/** Per-organisation metrics of a snapshot, optionally only some statuses. */
export async function snapshotOrganisations(db: Db, snapshotId: number, statuses?: string[]): Promise<StoredOrganisationMetrics[]> {
  const rows = await db.all<{ metrics: string }>(
    statuses
      ? sql`SELECT metrics FROM organisation_metrics WHERE snapshot_id = ${snapshotId} AND status IN (SELECT value FROM json_each(${JSON.stringify(statuses)}))`
      : sql`SELECT metrics FROM organisation_metrics WHERE snapshot_id = ${snapshotId}`,
  );
  return rows.map((r) => JSON.parse(r.metrics));
}

/**
 * Scopes whose default-window snapshot is missing or stale, most outdated first: what the cron
 * job recomputes. Only scopes with data (organisations) are considered.
 */
export async function staleScopes(db: Db, limit: number, window: Window): Promise<string[]> {
  const rows = await db.all<{ code: string }>(sql`
    WITH scopes(code) AS (${SCOPES_WITH_DATA})
    SELECT scopes.code FROM scopes
    LEFT JOIN metric_snapshots s ON s.region_code = scopes.code AND s.window_from = ${window.from} AND s.window_to = ${window.to}
    WHERE s.id IS NULL OR s.revision <> ${revisionOf(sql`scopes.code`)}
    ORDER BY s.computed_at IS NOT NULL, s.computed_at LIMIT ${limit}`);
  return rows.map((r) => r.code);
}

/** Regions with registered organisations, and every ancestor of them: the scopes worth a snapshot. */
export const SCOPES_WITH_DATA = sql`
  WITH RECURSIVE up(code) AS (
    SELECT DISTINCT region_code FROM organisations WHERE deleted_at IS NULL
    UNION SELECT r.parent_code FROM regions r JOIN up ON r.code = up.code WHERE r.parent_code IS NOT NULL
  ) SELECT code FROM up`;

export { today };

export interface SnapshotEdge {
  a: number;
  b: number;
  weight: number;
  hours: number;
  valueEur: number;
  firstDate: string;
  lastDate: string;
}

/** The ties of a snapshot. */
export async function snapshotEdges(db: Db, snapshotId: number): Promise<SnapshotEdge[]> {
  return db.all<SnapshotEdge>(sql`SELECT a, b, weight, hours, value_eur AS valueEur, first_date AS firstDate, last_date AS lastDate
    FROM snapshot_edges WHERE snapshot_id = ${snapshotId}`);
}
