/**
 * @module
 * Data revisions: the rule that keeps snapshots from being served stale (README, Guarantees).
 *
 * **What a snapshot reads.** The snapshot of a region scope reads
 * - the organisations registered in the scope (a region and its sub-regions),
 * - the cooperations registered in the scope, and every partner of them wherever it is registered
 *   (outside partners: name, kind, field, industry, region, public flag),
 * - the partners' memberships of cooperations (active organisations are counted by partner),
 * - the events registered in the scope (and the format they give their cooperations),
 * - the region's own record (population, name) and its place in the region tree,
 * - for match suggestions: the companies and non-profits of the scope's state, with their
 *   partners anywhere.
 * The national snapshot reads everything.
 *
 * **What a write bumps.** Every write names what it changes ({@link Changes}); one statement
 * expands that to the regions whose snapshots read it — a changed organisation reaches its own
 * region, every region of a cooperation it is partner of and every region of those cooperations'
 * partners and of the events it attends or organises; a changed cooperation reaches its region and
 * its partners' regions; a changed event its region, its participants', its organiser's and its
 * cooperations' — and increments the revision of each of those regions and of all their ancestors.
 * A write puts the statement into its D1 batch twice, before and after its own statements, so
 * both the old and the new state are covered (a moved organisation, cooperation, event or region
 * marks its old and its new places).
 *
 * **What a snapshot compares.** {@link revisionOf}: a region's own counter plus that of its root
 * ancestor (the state, which every write in the state bumps: suggestions read the whole state);
 * nationally the sum of all counters. Counters only grow and every write bumps at least one, so a
 * snapshot's stored revision equals the current one only if nothing it read has changed since.
 */
import { sql, type SQL } from "drizzle-orm";
import { inBatch, nowIso, type Db } from "./client";

/** What a write changes. Ids may be given before the write (old state) and after it (new state). */
export interface Changes {
  /** Regions whose own record or place in the tree changes (population, name, parent). */
  regions?: Iterable<string | null | undefined>;
  /** Organisations that become (or stop being) partners or participants: only their registration region is concerned. */
  members?: Iterable<number>;
  /** Organisations whose record changes: every scope that shows them, including as outside partners. */
  organisations?: Iterable<number>;
  /** Cooperations that change (fields, partners, status, deletion). */
  cooperations?: Iterable<number>;
  /** Events that change (kind, date, region, organiser, participants, deletion). */
  events?: Iterable<number>;
}

const json = (values: Iterable<unknown> | undefined) => JSON.stringify([...new Set(values ?? [])].filter((v) => v != null));

/**
 * The regions whose snapshots read what `changes` names, with their ancestors (a recursive CTE
 * body ending in `up(code)`), in the database's state at the point of the batch where it runs.
 */
function dependentRegions(changes: Changes): SQL {
  return sql`
    changed_orgs(id) AS (SELECT value FROM json_each(${json(changes.organisations)})),
    changed_events(id) AS (
      SELECT value FROM json_each(${json(changes.events)})
      UNION SELECT ep.event_id FROM event_participants ep WHERE ep.organisation_id IN (SELECT id FROM changed_orgs)
      UNION SELECT e.id FROM events e WHERE e.organiser_id IN (SELECT id FROM changed_orgs)),
    changed_coops(id) AS (
      SELECT value FROM json_each(${json(changes.cooperations)})
      UNION SELECT cp.cooperation_id FROM cooperation_partners cp WHERE cp.organisation_id IN (SELECT id FROM changed_orgs)
      UNION SELECT c.id FROM cooperations c WHERE c.event_id IN (SELECT id FROM changed_events)),
    member_orgs(id) AS (
      SELECT value FROM json_each(${json(changes.members)})
      UNION SELECT id FROM changed_orgs
      UNION SELECT cp.organisation_id FROM cooperation_partners cp WHERE cp.cooperation_id IN (SELECT id FROM changed_coops)
      UNION SELECT ep.organisation_id FROM event_participants ep WHERE ep.event_id IN (SELECT id FROM changed_events)
      UNION SELECT e.organiser_id FROM events e WHERE e.id IN (SELECT id FROM changed_events) AND e.organiser_id IS NOT NULL),
    seeds(code) AS (
      SELECT value FROM json_each(${json(changes.regions)})
      UNION SELECT o.region_code FROM organisations o WHERE o.id IN (SELECT id FROM member_orgs)
      UNION SELECT c.region_code FROM cooperations c WHERE c.id IN (SELECT id FROM changed_coops)
      UNION SELECT e.region_code FROM events e WHERE e.id IN (SELECT id FROM changed_events)),
    up(code) AS (
      SELECT code FROM seeds
      UNION SELECT r.parent_code FROM regions r JOIN up ON r.code = up.code WHERE r.parent_code IS NOT NULL)`;
}

/**
 * The statement that increments the revision of every region whose snapshots read what `changes`
 * names, and of their ancestors. Put it into a write's batch before and after the write's own
 * statements (see the module comment); both are needed only where the write can move or unlink
 * something (an insert of a new record needs only the one after).
 */
export function bumpRevisions(db: Db, changes: Changes) {
  return inBatch(db, db.run(sql`
    INSERT INTO region_revisions (region_code, revision, changed_at)
    WITH RECURSIVE ${dependentRegions(changes)}
    SELECT code, 1, ${nowIso()} FROM up WHERE code IN (SELECT code FROM regions)
    ON CONFLICT (region_code) DO UPDATE SET revision = revision + 1, changed_at = excluded.changed_at`));
}

/** The whole country's scope code. */
export const NATIONAL = "DE";

/** SQL of a scope's data revision (a scalar; `scope` a code or a column of region codes); see the module comment. */
export function revisionOf(scope: string | SQL): SQL {
  if (scope === NATIONAL) return sql`(SELECT total(revision) FROM region_revisions)`;
  return sql`(WITH RECURSIVE up(code, parent) AS (
      SELECT code, parent_code FROM regions WHERE code = ${scope}
      UNION SELECT r.code, r.parent_code FROM regions r JOIN up ON r.code = up.parent)
    SELECT coalesce((SELECT revision FROM region_revisions WHERE region_code = ${scope}), 0)
         + CASE WHEN root.code = ${scope} THEN 0 ELSE coalesce((SELECT revision FROM region_revisions WHERE region_code = root.code), 0) END
    FROM (SELECT code FROM up WHERE parent IS NULL) root
    UNION ALL SELECT coalesce((SELECT revision FROM region_revisions WHERE region_code = ${scope}), 0)
    LIMIT 1)`;
}

/** Data revision of a scope. */
export async function currentRevision(db: Db, scope: string): Promise<number> {
  const row = await db.get<{ r: number | null }>(sql`SELECT ${revisionOf(scope)} AS r`);
  return row?.r ?? 0;
}
