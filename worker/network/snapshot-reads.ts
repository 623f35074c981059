/**
 * @module
 * Reads of a stored snapshot that stay small whatever the scope: one organisation, its ego
 * network, pages of organisations or ties. Endpoints use these so a national snapshot (50 000
 * organisations, hundreds of thousands of ties) is never held in memory at once.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { scopeCondition } from "./load";
import type { SnapshotEdge, StoredOrganisationMetrics } from "./snapshots";

const EDGE_COLUMNS = sql`a, b, weight, hours, value_eur AS valueEur, first_date AS firstDate, last_date AS lastDate`;

/** One organisation's stored metrics (with suggestions), or undefined. */
export async function snapshotOrganisation(db: Db, snapshotId: number, organisationId: number): Promise<StoredOrganisationMetrics | undefined> {
  const row = await db.get<{ metrics: string }>(sql`SELECT metrics FROM organisation_metrics WHERE snapshot_id = ${snapshotId} AND organisation_id = ${organisationId}`);
  return row ? JSON.parse(row.metrics) : undefined;
}

/** The organisation's ties and the ties among its partners (its ego network, radius 1). */
export async function egoEdges(db: Db, snapshotId: number, organisationId: number): Promise<SnapshotEdge[]> {
  return db.all<SnapshotEdge>(sql`
    WITH own AS (
      SELECT ${EDGE_COLUMNS} FROM snapshot_edges WHERE snapshot_id = ${snapshotId} AND a = ${organisationId}
      UNION ALL SELECT ${EDGE_COLUMNS} FROM snapshot_edges WHERE snapshot_id = ${snapshotId} AND b = ${organisationId}
    ), partners(id) AS (SELECT CASE WHEN a = ${organisationId} THEN b ELSE a END FROM own)
    SELECT * FROM own
    UNION ALL
    SELECT ${EDGE_COLUMNS} FROM snapshot_edges
    WHERE snapshot_id = ${snapshotId} AND a IN (SELECT id FROM partners) AND b IN (SELECT id FROM partners)`);
}

export interface OrganisationPageOptions {
  statuses?: readonly string[];
  kind?: string;
  /** Only organisations with an id greater than this (keyset pagination). */
  afterId?: number;
  limit: number;
  /** Leave out the match suggestions (most of a row's size) where they are not shown. */
  withoutSuggestions?: boolean;
}

/** The query of a page of stored organisation metrics, ordered by organisation id (rows: `{ metrics }`). */
export function organisationPageQuery(snapshotId: number, o: OrganisationPageOptions): SQL {
  return sql`
    SELECT ${o.withoutSuggestions ? sql`json_remove(metrics, '$.suggestions')` : sql`metrics`} AS metrics FROM organisation_metrics
    WHERE snapshot_id = ${snapshotId} AND organisation_id > ${o.afterId ?? -1}
      ${o.statuses ? sql`AND status IN (SELECT value FROM json_each(${JSON.stringify(o.statuses)}))` : sql``}
      ${o.kind ? sql`AND json_extract(metrics, '$.kind') = ${o.kind}` : sql``}
    ORDER BY organisation_id LIMIT ${o.limit}`;
}

/** Rows of {@link organisationPageQuery} as metrics. */
export const organisationRows = (rows: readonly { metrics: string }[]): StoredOrganisationMetrics[] => rows.map((r) => JSON.parse(r.metrics));

/** A page of stored organisation metrics, ordered by organisation id. */
export async function snapshotOrganisationPage(db: Db, snapshotId: number, o: OrganisationPageOptions): Promise<StoredOrganisationMetrics[]> {
  return organisationRows(await db.all<{ metrics: string }>(organisationPageQuery(snapshotId, o)));
}

/** Organisations per page of {@link organisationPages}. */
export const ORGANISATION_PAGE = 2000;

/**
 * Every stored organisation, page by page (without suggestions: `suggestions` is then undefined).
 * `firstPage`: the first page, already read (e.g. in a batch with other reads).
 */
export async function* organisationPages(
  db: Db,
  snapshotId: number,
  { pageSize = ORGANISATION_PAGE, withoutSuggestions = false, firstPage }: { pageSize?: number; withoutSuggestions?: boolean; firstPage?: StoredOrganisationMetrics[] } = {},
): AsyncGenerator<StoredOrganisationMetrics[]> {
  let afterId = -1;
  let page = firstPage;
  for (;;) {
    page ??= await snapshotOrganisationPage(db, snapshotId, { afterId, limit: pageSize, withoutSuggestions });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return; // a short page is the last: no query for an empty one
    afterId = page[page.length - 1].organisationId;
    page = undefined;
  }
}

/** Ties per page of {@link edgePages}. */
export const EDGE_PAGE = 5000;

/** The query of a page of ties after (a, b), keyset order (rows: {@link SnapshotEdge}). */
export function edgePageQuery(snapshotId: number, after: { a: number; b: number }, pageSize: number): SQL {
  return sql`SELECT ${EDGE_COLUMNS} FROM snapshot_edges
    WHERE snapshot_id = ${snapshotId} AND (a, b) > (${after.a}, ${after.b}) ORDER BY a, b LIMIT ${pageSize}`;
}

/** Every tie of the snapshot, page by page (keyset on a, b); `firstPage` as in {@link organisationPages}. */
export async function* edgePages(db: Db, snapshotId: number, pageSize = EDGE_PAGE, firstPage?: SnapshotEdge[]): AsyncGenerator<SnapshotEdge[]> {
  let after = { a: -1, b: -1 };
  let page = firstPage;
  for (;;) {
    page ??= await db.all<SnapshotEdge>(edgePageQuery(snapshotId, after, pageSize));
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    after = { a: last.a, b: last.b };
    page = undefined;
  }
}

export interface OutsidePartner {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  field: string | null;
  industry: string | null;
  isPublic: number;
  /** Ties in this snapshot's network (their ties elsewhere are not part of it). */
  degree: number;
  /** Community in this snapshot's network; null for snapshots stored before communities of partners were kept. */
  community: number | null;
}

/** The query of the partners in the snapshot's ties that are registered outside its scope (no metrics row). */
export function outsidePartnersQuery(snapshotId: number): SQL {
  return sql`
    WITH ends(id) AS (SELECT a FROM snapshot_edges WHERE snapshot_id = ${snapshotId} UNION ALL SELECT b FROM snapshot_edges WHERE snapshot_id = ${snapshotId}),
    partners(id, degree) AS (SELECT id, count(*) FROM ends WHERE id NOT IN (SELECT organisation_id FROM organisation_metrics WHERE snapshot_id = ${snapshotId}) GROUP BY id)
    SELECT o.id, o.name, o.kind, o.region_code AS regionCode, o.field, o.industry, o.is_public AS isPublic, p.degree, sp.community
    FROM partners p JOIN organisations o ON o.id = p.id
    LEFT JOIN snapshot_partners sp ON sp.snapshot_id = ${snapshotId} AND sp.organisation_id = p.id
    ORDER BY o.id`;
}

/** Partners in the snapshot's ties that are registered outside its scope (no metrics row). */
export async function outsidePartners(db: Db, snapshotId: number): Promise<OutsidePartner[]> {
  return db.all<OutsidePartner>(outsidePartnersQuery(snapshotId));
}

/** The most partners any organisation of the snapshot's scope has (0 for an empty snapshot). */
export async function maxDegree(db: Db, snapshotId: number): Promise<number> {
  return (await db.get<{ n: number | null }>(sql`SELECT max(json_extract(metrics, '$.degree')) AS n FROM organisation_metrics WHERE snapshot_id = ${snapshotId}`))?.n ?? 0;
}

/** Number of organisations stored in a snapshot. */
export async function snapshotSize(db: Db, snapshotId: number): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organisation_metrics WHERE snapshot_id = ${snapshotId}`))?.n ?? 0;
}

export interface EventTie {
  a: number;
  b: number;
  /** Events both attended in the window. */
  events: number;
}

/**
 * The weaker tie layer (docs/metrics.md): organisations that attended the same events of the scope
 * in the window, page by page (keyset on a, b). Computed from event participation on request;
 * the snapshot's metrics use cooperation ties only.
 */
export async function* eventTiePages(db: Db, snapshotId: number, scope: string, window: { from: string; to: string }, pageSize = 5000): AsyncGenerator<EventTie[]> {
  // Only organisations that are nodes of the snapshot (registered in the scope, or partners).
  const isNode = (column: SQL) => sql`(${column} IN (SELECT organisation_id FROM organisation_metrics WHERE snapshot_id = ${snapshotId})
    OR ${column} IN (SELECT a FROM snapshot_edges WHERE snapshot_id = ${snapshotId}) OR ${column} IN (SELECT b FROM snapshot_edges WHERE snapshot_id = ${snapshotId}))`;
  let a = -1;
  let b = -1;
  for (;;) {
    const page = await db.all<EventTie>(sql`
      SELECT p1.organisation_id AS a, p2.organisation_id AS b, count(*) AS events
      FROM events e
      JOIN event_participants p1 ON p1.event_id = e.id
      JOIN event_participants p2 ON p2.event_id = e.id AND p1.organisation_id < p2.organisation_id
      WHERE e.deleted_at IS NULL AND e.date BETWEEN ${window.from} AND ${window.to} AND ${scopeCondition(sql`e.region_code`, scope)}
        AND (p1.organisation_id, p2.organisation_id) > (${a}, ${b})
        AND ${isNode(sql`p1.organisation_id`)} AND ${isNode(sql`p2.organisation_id`)}
      GROUP BY p1.organisation_id, p2.organisation_id
      ORDER BY p1.organisation_id, p2.organisation_id LIMIT ${pageSize}`);
    if (page.length === 0) return;
    yield page;
    ({ a, b } = page[page.length - 1]);
  }
}
