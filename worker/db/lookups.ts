/**
 * @module
 * Existence lookups for foreign keys, one query whatever the count (json_each), so handlers can
 * answer "unknown reference" per field or per row before writing anything.
 */
import { and, isNull, sql, type SQL } from "drizzle-orm";
import { notFound } from "../lib/errors";
import { inJsonList, type Db } from "./client";
import { NATIONAL } from "./revisions";
import { events, organisations, regions } from "./tables";

/** 404 unless the code names a region (or DE for the whole country). */
export async function assertScope(db: Db, code: string) {
  if (code === NATIONAL) return;
  const row = await db.get<{ code: string }>(sql`SELECT code FROM regions WHERE code = ${code} AND deleted_at IS NULL`);
  if (!row) throw notFound(`Region ${code}`);
}

/** Which of the given codes name an existing (not deleted) region. */
export async function existingRegionCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const rows = await db.select({ code: regions.code }).from(regions).where(and(inJsonList(regions.code, unique), isNull(regions.deletedAt)));
  return new Set(rows.map((r) => r.code));
}

/**
 * Existing (not deleted) organisations among the ids, with their region and kind; `visible`
 * narrows them to those the caller may see, so a hidden id reads exactly like an unknown one.
 */
export async function existingOrganisations(db: Db, ids: readonly number[], visible?: SQL) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<number, { regionCode: string; kind: string }>();
  const rows = await db
    .select({ id: organisations.id, regionCode: organisations.regionCode, kind: organisations.kind })
    .from(organisations)
    .where(and(inJsonList(organisations.id, unique), isNull(organisations.deletedAt), visible));
  return new Map(rows.map((r) => [r.id, { regionCode: r.regionCode, kind: r.kind }]));
}

/** Existing (not deleted) events among the ids, with their region. */
export async function existingEvents(db: Db, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<number, { regionCode: string; kind: string }>();
  const rows = await db
    .select({ id: events.id, regionCode: events.regionCode, kind: events.kind })
    .from(events)
    .where(and(inJsonList(events.id, unique), isNull(events.deletedAt)));
  return new Map(rows.map((r) => [r.id, { regionCode: r.regionCode, kind: r.kind }]));
}

/** Per-field "unknown reference" details for missing ids. */
export function missingIdDetails(path: string, wanted: readonly (number | null | undefined)[], found: Map<number, unknown>) {
  return wanted
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => id != null && !found.has(id))
    .map(({ id, i }) => ({ path: wanted.length > 1 || path.endsWith("Ids") ? `${path}[${i}]` : path, message: `No record with id ${id}` }));
}
