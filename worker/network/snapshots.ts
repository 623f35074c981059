/**
 * @module
 * Snapshots: the metrics of a scope and window, computed from the data of one revision and stored
 * in D1. Reads serve a snapshot whose revision is current; a stale one is recomputed on read when
 * the scope is small enough, otherwise served marked `stale: true` until the Cron Trigger has
 * recomputed it. Each computation also appends the month's history row, which is never overwritten.
 */
import { sql } from "drizzle-orm";
import { chunkForJson } from "../db/bulk";
import { inBatch, nowIso, type Db } from "../db/client";
import { conversion, type ConversionRow } from "../graph/metrics";
import { loadAggregates, type Aggregates } from "./aggregates";
import { computeNetwork, type NetworkFigures, type OrganisationMetrics } from "./compute";
import { loadNetworkData, loadPairFirsts, NATIONAL, type PairRow } from "./load";
import { computeSuggestions, type Suggestion } from "./suggestions";

/** What is stored per organisation: its metrics and, for those needing partners, suggestions. */
export type StoredOrganisationMetrics = OrganisationMetrics & { suggestions: Suggestion[] };
import { today, type Window } from "./window";

/** Scopes with more organisations than this are recomputed by the cron job, not on read. */
export const RECOMPUTE_ON_READ_LIMIT = 15_000;

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

/** Data revision of a scope: the region's own counter (bumped for it and all its ancestors on write). */
export async function currentRevision(db: Db, scope: string): Promise<number> {
  const row =
    scope === NATIONAL
      ? await db.get<{ r: number }>(sql`SELECT total(rr.revision) AS r FROM region_revisions rr JOIN regions g ON g.code = rr.region_code WHERE g.parent_code IS NULL`)
      : await db.get<{ r: number }>(sql`SELECT revision AS r FROM region_revisions WHERE region_code = ${scope}`);
  return row?.r ?? 0;
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
    summary: JSON.parse(row.summary),
  };
}

/** Computes and stores the snapshot of a scope and window; returns it. */
export async function computeSnapshot(db: Db, scope: string, window: Window): Promise<Snapshot> {
  const started = Date.now();
  const revision = await currentRevision(db, scope);
  const data = await loadNetworkData(db, scope, window);
  const network = computeNetwork(data);
  const aggregates = await loadAggregates(db, scope, window);
  const firsts = await loadPairFirsts(db, scope, window.to);
  const conversionRows = conversion(
    firsts.map((p) => {
      const [date, format] = p.firstKey.split("|");
      const coops = [{ date, format: format || null }];
      if (p.second) coops.push({ date: p.second, format: null });
      return { a: p.a, b: p.b, cooperations: coops };
    }),
    { asOf: window.to },
  ).map((r) => ({ ...r, format: r.format || "none" }));
  const suggestions = await computeSuggestions(db, data, network.organisations);
  const organisations = network.organisations.map((o) => ({ ...o, suggestions: suggestions.get(o.organisationId) ?? [] }));
  const summary: Summary = { ...aggregates, network: network.figures, conversion: conversionRows };
  const computedAt = nowIso();
  const computeMs = Date.now() - started;
  await storeSnapshot(db, scope, window, revision, computedAt, computeMs, summary, organisations, data.pairs);
  const row = await db.get<SnapshotRow>(sql`SELECT * FROM metric_snapshots WHERE region_code = ${scope} AND window_from = ${window.from} AND window_to = ${window.to}`);
  return toSnapshot(row!, await currentRevision(db, scope));
}

async function storeSnapshot(
  db: Db,
  scope: string,
  window: Window,
  revision: number,
  computedAt: string,
  computeMs: number,
  summary: Summary,
  organisations: StoredOrganisationMetrics[],
  pairs: PairRow[],
) {
  const summaryJson = JSON.stringify(summary);
  const rows = organisations.map((o) => ({ id: o.organisationId, status: o.status, betweenness: o.betweenness, metrics: JSON.stringify(o) }));
  const key = sql`region_code = ${scope} AND window_from = ${window.from} AND window_to = ${window.to}`;
  // One batch (one transaction): the old snapshot of this window is replaced atomically.
  await db.batch([
    inBatch(db, db.run(sql`DELETE FROM metric_snapshots WHERE ${key}`)),
    inBatch(db, db.run(sql`INSERT INTO metric_snapshots (region_code, window_from, window_to, revision, computed_at, compute_ms, summary)
      VALUES (${scope}, ${window.from}, ${window.to}, ${revision}, ${computedAt}, ${computeMs}, ${summaryJson})`)),
    ...chunkForJson(rows).map((chunk) =>
      inBatch(db, db.run(sql`INSERT INTO organisation_metrics (snapshot_id, organisation_id, status, betweenness, metrics)
        SELECT (SELECT id FROM metric_snapshots WHERE ${key}), j.value ->> 'id', j.value ->> 'status', j.value ->> 'betweenness', j.value ->> 'metrics'
        FROM json_each(${JSON.stringify(chunk)}) j`)),
    ),
    ...chunkForJson(pairs.map((p) => [p.a, p.b, p.weight, p.hours, p.value, p.first, p.last])).map((chunk) =>
      inBatch(db, db.run(sql`INSERT INTO snapshot_edges (snapshot_id, a, b, weight, hours, value_eur, first_date, last_date)
        SELECT (SELECT id FROM metric_snapshots WHERE ${key}), j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6
        FROM json_each(${JSON.stringify(chunk)}) j`)),
    ),
    // History: the first computation of a month stays; later ones never overwrite it.
    inBatch(db, db.run(sql`INSERT OR IGNORE INTO metric_history (region_code, period, revision, computed_at, summary)
      VALUES (${scope}, ${window.to.slice(0, 7)}, ${revision}, ${computedAt}, ${summaryJson})`)),
  ]);
}

async function scopeSize(db: Db, scope: string): Promise<number> {
  const row =
    scope === NATIONAL
      ? await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organisations WHERE deleted_at IS NULL`)
      : await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organisations WHERE deleted_at IS NULL AND region_code IN
          (WITH RECURSIVE sub(code) AS (SELECT ${scope} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`);
  return row?.n ?? 0;
}

/**
 * The snapshot to serve for a scope and window: the stored one if current; otherwise recomputed
 * now, unless the scope is large and an older snapshot exists — that one is served `stale: true`.
 */
export async function getSnapshot(db: Db, scope: string, window: Window): Promise<Snapshot> {
  const current = await currentRevision(db, scope);
  const row = await db.get<SnapshotRow>(sql`SELECT * FROM metric_snapshots WHERE region_code = ${scope} AND window_from = ${window.from} AND window_to = ${window.to}`);
  if (row && row.revision === current) return toSnapshot(row, current);
  if ((await scopeSize(db, scope)) > RECOMPUTE_ON_READ_LIMIT) {
    const latest = row ?? (await db.get<SnapshotRow>(sql`SELECT * FROM metric_snapshots WHERE region_code = ${scope} ORDER BY computed_at DESC LIMIT 1`));
    if (latest) return toSnapshot(latest, current);
  }
  return computeSnapshot(db, scope, window);
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
    LEFT JOIN region_revisions rr ON rr.region_code = scopes.code
    LEFT JOIN metric_snapshots s ON s.region_code = scopes.code AND s.window_from = ${window.from} AND s.window_to = ${window.to}
    WHERE s.id IS NULL OR s.revision <> coalesce(rr.revision, 0)
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
