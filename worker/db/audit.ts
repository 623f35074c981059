/**
 * @module
 * Every write carries two companions in the same D1 batch (so they commit or fail together): an
 * audit-log row (who, when, what) and a bump of the data revision of the touched regions and
 * their ancestors, which marks network snapshots stale.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Viewer } from "../lib/auth";
import type { Db } from "./client";
import { inBatch, nowIso } from "./client";
import { auditLog } from "./tables";

export interface AuditEntry {
  action: string;
  entity: string;
  /** The id, or `sql`last_insert_rowid()`` right after the insert in the same batch. */
  entityId?: string | number | null | SQL;
  regionCode?: string | null;
  detail?: unknown;
}

/** The audit-log insert for one write. */
export function auditInsert(db: Db, viewer: Viewer, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: nowIso(),
    actor: viewer.actor,
    role: viewer.role,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : typeof entry.entityId === "object" ? entry.entityId : String(entry.entityId),
    regionCode: entry.regionCode ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  });
}

/** Increments the revision of the given regions and of every ancestor (a state includes its districts). */
export function bumpRevisions(db: Db, regionCodes: readonly string[]) {
  const codes = JSON.stringify([...new Set(regionCodes)]);
  return inBatch(db, db.run(sql`
    INSERT INTO region_revisions (region_code, revision, changed_at)
    WITH RECURSIVE up(code) AS (
      SELECT value FROM json_each(${codes})
      UNION SELECT r.parent_code FROM regions r JOIN up ON r.code = up.code WHERE r.parent_code IS NOT NULL
    )
    SELECT code, 1, ${nowIso()} FROM up WHERE code IN (SELECT code FROM regions)
    ON CONFLICT (region_code) DO UPDATE SET revision = revision + 1, changed_at = excluded.changed_at`));
}

const PERSONAL_FIELDS = new Set(["contactName", "contactEmail"]);

/** Audit details keep which personal fields changed, never their values. */
export function redactPersonal(detail: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, PERSONAL_FIELDS.has(k) && v != null ? "[personal data]" : v]));
}

/**
 * Audit rows of a bulk write: one per region touched (with that region's record count), so
 * coordinators find their bulk writes in the audit log of their regions.
 */
export function bulkAuditEntries(db: Db, viewer: Viewer, entity: string, regionOfEachRecord: readonly string[], totals: Record<string, number>) {
  const perRegion = new Map<string, number>();
  for (const code of regionOfEachRecord) perRegion.set(code, (perRegion.get(code) ?? 0) + 1);
  return [...perRegion].map(([regionCode, records]) =>
    auditInsert(db, viewer, { action: "bulk_upsert", entity, regionCode, detail: { records, batch: totals } }),
  );
}
