/**
 * @module
 * Organisation handlers: CRUD, idempotent bulk upsert, personal-data export and erasure.
 */
import { directoryContactOf, eraseDirectoryContact } from "../../directory/edit";
import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNotNull, isNull, like, sql } from "drizzle-orm";
import { assertCanWrite, requireRole, seesDetail, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, forbidden, notFound, rejectRows, unknownReference, type ErrorDetail } from "../../lib/errors";
import { auditInsert, bulkAuditEntries, redactPersonal } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { enqueueAfterLargeWrite } from "../../jobs/recompute-queue";
import { waitUntilOf } from "../../lib/background";
import { chunkForJson, duplicateIndexes } from "../../db/bulk";
import { createDb, inBatch, inJsonList, inRegionTree, nowIso, type Db } from "../../db/client";
import { keysetParts, pageOf, parseSort } from "../../db/pagination";
import { existingRegionCodes } from "../../db/lookups";
import { findOrganisation, visibleOrganisations } from "../../db/visibility";
import { auditLog, organisations, registrations } from "../../db/tables";
import { exportList } from "../../export/list-export";
import type * as routes from "./organisations.routes";

type Row = typeof organisations.$inferSelect;

/** The API view of a row; personal data only for those who may see it. */
export function toOrganisation(r: Row, viewer: Viewer) {
  const personal = seesDetail(viewer, r.regionCode);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    regionCode: r.regionCode,
    postcode: r.postcode,
    field: r.field,
    industry: r.industry,
    sizeClass: r.sizeClass,
    isPublic: r.isPublic,
    contactName: personal ? r.contactName : null,
    contactEmail: personal ? r.contactEmail : null,
    source: r.source,
    externalRef: r.externalRef,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function assertRegionExists(db: Db, code: string) {
  if ((await existingRegionCodes(db, [code])).size === 0) {
    throw unknownReference("Unknown region", [{ path: "regionCode", message: `No region ${code}` }]);
  }
}

async function assertRefFree(db: Db, source: string, externalRef: string | null | undefined, exceptId?: number) {
  if (!externalRef) return;
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.source, source), eq(organisations.externalRef, externalRef)));
  if (row && row.id !== exceptId) {
    // No id or region: the caller may not be allowed to see that organisation.
    throw new ApiError(409, "conflict", `Another organisation already has externalRef '${externalRef}' in source '${source}'`, [
      { path: "externalRef", message: "Already used" },
    ]);
  }
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const q = c.req.valid("query");
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  const sort = parseSort(
    q.sort,
    { name: organisations.name, createdAt: organisations.createdAt, updatedAt: organisations.updatedAt, id: organisations.id },
    "name",
    organisations.id,
  );
  // One page; the CSV/XLSX export walks all of them with the same filters.
  const listPage = async (cursor: string | undefined, limit: number) => {
    const { after, orderBy } = keysetParts(sort, cursor);
    const rows = await db
      .select()
      .from(organisations)
      .where(
        and(
          isNull(organisations.deletedAt),
          visibleOrganisations(viewer),
          q.region ? inRegionTree(organisations.regionCode, q.region) : undefined,
          q.kind ? eq(organisations.kind, q.kind) : undefined,
          q.field ? eq(organisations.field, q.field) : undefined,
          q.industry ? eq(organisations.industry, q.industry) : undefined,
          q.source ? eq(organisations.source, q.source) : undefined,
          q.externalRef ? eq(organisations.externalRef, q.externalRef) : undefined,
          q.ids ? inJsonList(organisations.id, q.ids.split(",").map(Number)) : undefined,
          q.q ? like(organisations.name, `%${q.q}%`) : undefined,
          after,
        ),
      )
      .orderBy(...orderBy)
      .limit(limit + 1);
    const page = pageOf(rows, limit, (r) => (sort.key === "id" ? r.id : (r[sort.key as "name"] as string)), (r) => r.id);
    return { data: page.data.map((r) => toOrganisation(r, viewer)), nextCursor: page.nextCursor };
  };
  if (q.format !== "json") return exportList(c, "organisations", { format: q.format, locale: q.locale }, listPage);
  return c.json(await listPage(q.cursor, q.limit), 200);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const row = await findOrganisation(createDb(c.env.DB), viewer, c.req.valid("param").id);
  return c.json(toOrganisation(row, viewer), 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const body = c.req.valid("json");
  assertCanWrite(viewer, body.regionCode);
  const db = createDb(c.env.DB);
  await assertRegionExists(db, body.regionCode);
  const source = body.source ?? "manual";
  await assertRefFree(db, source, body.externalRef);
  const now = nowIso();
  const [inserted] = await db.batch([
    db
      .insert(organisations)
      .values({ ...body, source, isPublic: body.isPublic ?? false, createdAt: now, updatedAt: now })
      .returning(),
    auditInsert(db, viewer, {
      action: "create",
      entity: "organisations",
      entityId: sql`last_insert_rowid()`,
      regionCode: body.regionCode,
      detail: redactPersonal(body),
    }),
    bumpRevisions(db, { regions: [body.regionCode] }),
  ]);
  return c.json(toOrganisation(inserted[0], viewer), 201);
};

export const update: RouteHandler<typeof routes.update, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = createDb(c.env.DB);
  const existing = await findOrganisation(db, viewer, id);
  assertCanWrite(viewer, existing.regionCode);
  if (body.regionCode && body.regionCode !== existing.regionCode) {
    assertCanWrite(viewer, body.regionCode);
    await assertRegionExists(db, body.regionCode);
  }
  await assertRefFree(db, body.source ?? existing.source, body.externalRef === undefined ? existing.externalRef : body.externalRef, id);
  // Before and after: the old and the new region (and every scope showing it as a partner).
  const [, updated] = await db.batch([
    bumpRevisions(db, { organisations: [id] }),
    db.update(organisations).set({ ...body, updatedAt: nowIso() }).where(eq(organisations.id, id)).returning(),
    auditInsert(db, viewer, { action: "update", entity: "organisations", entityId: id, regionCode: existing.regionCode, detail: redactPersonal(body) }),
    bumpRevisions(db, { organisations: [id] }),
  ]);
  return c.json(toOrganisation(updated[0], viewer), 200);
};

export const remove: RouteHandler<typeof routes.remove, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { id } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const existing = await findOrganisation(db, viewer, id);
  assertCanWrite(viewer, existing.regionCode);
  await db.batch([
    bumpRevisions(db, { organisations: [id] }),
    db.update(organisations).set({ deletedAt: nowIso() }).where(eq(organisations.id, id)),
    auditInsert(db, viewer, { action: "delete", entity: "organisations", entityId: id, regionCode: existing.regionCode }),
  ]);
  return c.body(null, 204);
};

export const personalData: RouteHandler<typeof routes.personalData, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { id } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const row = await findOrganisation(db, viewer, id);
  if (!seesDetail(viewer, row.regionCode)) throw forbidden(`This token may not read personal data in region ${row.regionCode}`);
  const trail = await db
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "organisations"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
  const regs = await db
    .select({ registrationId: registrations.id, eventId: registrations.eventId, contactName: registrations.contactName, contactEmail: registrations.contactEmail, consentText: registrations.consentText, consentAt: registrations.consentAt })
    .from(registrations)
    .where(and(eq(registrations.organisationId, id), isNotNull(registrations.consentAt)))
    .orderBy(registrations.id);
  const directoryEntry = await directoryContactOf(db, id);
  return c.json({ organisationId: id, contactName: row.contactName, contactEmail: row.contactEmail, registrations: regs, directoryEntry, auditTrail: trail }, 200);
};

export const erase: RouteHandler<typeof routes.erase, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  const { id } = c.req.valid("param");
  const purge = c.req.valid("query").purge === "true";
  requireRole(viewer, "admin", "coordinator");
  const db = createDb(c.env.DB);
  const [row] = await db.select().from(organisations).where(and(eq(organisations.id, id), visibleOrganisations(viewer)));
  if (!row || (row.deletedAt && !purge)) throw notFound("Organisation");
  assertCanWrite(viewer, row.regionCode);
  const now = nowIso();
  // Purging anonymises instead of deleting the row, so regional totals and the network stay correct.
  const changes = purge
    ? { contactName: null, contactEmail: null, name: `Gelöschte Organisation ${id}`, postcode: null, externalRef: null, isPublic: false, deletedAt: row.deletedAt ?? now, updatedAt: now }
    : { contactName: null, contactEmail: null, updatedAt: now };
  await db.batch([
    db.update(organisations).set(changes).where(eq(organisations.id, id)),
    // Contact persons given with its marketplace registrations go too (and, on a purge, the name typed).
    db
      .update(registrations)
      .set({ contactName: null, contactEmail: null, consentText: null, consentAt: null, ...(purge ? { orgName: changes.name!, postcode: null } : {}), updatedAt: now })
      .where(eq(registrations.organisationId, id)),
    // Its directory entry goes offline without its public contact (docs/directory.md).
    eraseDirectoryContact(db, id, now),
    // A purge also removes what earlier audit entries recorded about the organisation.
    ...(purge ? [db.update(auditLog).set({ detail: null }).where(and(eq(auditLog.entity, "organisations"), eq(auditLog.entityId, String(id))))] : []),
    auditInsert(db, viewer, { action: purge ? "purge" : "erase_personal_data", entity: "organisations", entityId: id, regionCode: row.regionCode }),
    // Contact data is in no figure; a purge changes the name, the public flag and the deletion.
    ...(purge ? [bumpRevisions(db, { organisations: [id] })] : []),
  ]);
  return c.body(null, 204);
};

export const bulk: RouteHandler<typeof routes.bulk, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { records } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const details: ErrorDetail[] = [];
  const rows = records.map((r) => ({ ...r, source: r.source ?? "manual", externalRef: r.externalRef ?? null }));

  const regionsFound = await existingRegionCodes(db, rows.map((r) => r.regionCode));
  const refKey = (r: { source: string; externalRef: string | null }) => (r.externalRef ? JSON.stringify([r.source, r.externalRef]) : null);
  const dups = duplicateIndexes(rows, refKey);
  const refs = rows.filter((r) => r.externalRef).map((r) => [r.source, r.externalRef]);
  const existing = new Map<string, { id: number; regionCode: string }>();
  for (const chunk of chunkForJson(refs)) {
    const found = await db
      .select({ id: organisations.id, source: organisations.source, externalRef: organisations.externalRef, regionCode: organisations.regionCode })
      .from(organisations)
      .where(sql`(${organisations.source}, ${organisations.externalRef}) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(chunk)}))`);
    for (const f of found) existing.set(JSON.stringify([f.source, f.externalRef]), f);
  }
  rows.forEach((r, i) => {
    if (!regionsFound.has(r.regionCode)) details.push({ path: `records[${i}].regionCode`, message: `No region ${r.regionCode}` });
    else if (viewer.role === "coordinator" && !viewer.scope!.has(r.regionCode)) {
      details.push({ path: `records[${i}].regionCode`, message: `This token may not write in region ${r.regionCode}` });
    }
    const prev = existing.get(refKey(r) ?? "");
    if (prev && viewer.role === "coordinator" && !viewer.scope!.has(prev.regionCode)) {
      details.push({ path: `records[${i}].externalRef`, message: "Updates an organisation registered outside this token's regions" });
    }
    if (dups.has(i)) details.push({ path: `records[${i}].externalRef`, message: `Same source and externalRef as records[${dups.get(i)}]` });
  });
  if (details.length) rejectRows(details, `${new Set(details.map((d) => d.path.split("]")[0])).size} of ${rows.length} records rejected`);

  const now = nowIso();
  const json = rows.map((r) => ({
    name: r.name, kind: r.kind, regionCode: r.regionCode, postcode: r.postcode ?? null, field: r.field ?? null,
    industry: r.industry ?? null, sizeClass: r.sizeClass ?? null, isPublic: r.isPublic ? 1 : 0,
    contactName: r.contactName ?? null, contactEmail: r.contactEmail ?? null, source: r.source, externalRef: r.externalRef,
  }));
  const withRef = json.filter((r) => r.externalRef);
  const withoutRef = json.filter((r) => !r.externalRef);
  const upsert = (chunk: typeof json) =>
    inBatch(db, db.run(sql`
      INSERT INTO organisations (name, kind, region_code, postcode, field, industry, size_class, is_public, contact_name, contact_email, source, external_ref, created_at, updated_at)
      SELECT j.value ->> 'name', j.value ->> 'kind', j.value ->> 'regionCode', j.value ->> 'postcode', j.value ->> 'field', j.value ->> 'industry',
             j.value ->> 'sizeClass', j.value ->> 'isPublic', j.value ->> 'contactName', j.value ->> 'contactEmail', j.value ->> 'source',
             j.value ->> 'externalRef', ${now}, ${now}
      FROM json_each(${JSON.stringify(chunk)}) j WHERE true ORDER BY j.key
      ON CONFLICT (source, external_ref) WHERE external_ref IS NOT NULL DO UPDATE SET
        name = excluded.name, kind = excluded.kind, region_code = excluded.region_code, postcode = excluded.postcode,
        field = excluded.field, industry = excluded.industry, size_class = excluded.size_class, is_public = excluded.is_public,
        contact_name = excluded.contact_name, contact_email = excluded.contact_email, updated_at = excluded.updated_at, deleted_at = NULL`));
  const statements = [...chunkForJson(withRef).map(upsert), ...chunkForJson(withoutRef).map(upsert)];
  const created = withoutRef.length + withRef.filter((r) => !existing.has(refKey(r)!)).length;
  const updated = withRef.length - (created - withoutRef.length);
  const seqQuery = inBatch(db, db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'organisations'`));
  const updatedIds = [...existing.values()].map((e) => e.id);
  const results = await db.batch([
    bumpRevisions(db, { organisations: updatedIds }),
    ...statements,
    ...bulkAuditEntries(db, viewer, "organisations", rows.map((r) => r.regionCode), { created, updated }),
    bumpRevisions(db, { organisations: updatedIds, regions: rows.map((r) => r.regionCode) }),
    seqQuery,
  ]);
  // Rows without externalRef were inserted last, in order: their ids end at the sequence value.
  const seq = (results[results.length - 1] as { seq: number } | undefined)?.seq ?? 0;
  const refIds = new Map<string, number>();
  for (const chunk of chunkForJson(withRef.map((r) => [r.source, r.externalRef]))) {
    const found = await db
      .select({ id: organisations.id, source: organisations.source, externalRef: organisations.externalRef })
      .from(organisations)
      .where(sql`(${organisations.source}, ${organisations.externalRef}) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(chunk)}))`);
    for (const f of found) refIds.set(JSON.stringify([f.source, f.externalRef]), f.id);
  }
  let nextNoRef = seq - withoutRef.length + 1;
  const ids = json.map((r) => (r.externalRef ? refIds.get(refKey(r)!)! : nextNoRef++));
  enqueueAfterLargeWrite(c.env.DB, c.env.RECOMPUTE_QUEUE, waitUntilOf(c), created + updated);
  return c.json({ created, updated, ids }, 200);
};
