/**
 * @module
 * Cooperation handlers: CRUD and the idempotent bulk upsert. Single and bulk writes share one
 * resolver that checks every reference for all records with a few set queries, so a rejected row
 * is reported with its path and nothing is written.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import type { z } from "@hono/zod-openapi";
import { and, eq, gte, isNull, like, lte, sql, type SQL } from "drizzle-orm";
import { assertCanWrite, hasPartnerInScope, NO_PARTNER_IN_SCOPE, readsAllRecords, requireRole, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, forbidden, notFound, rejectRows, validationFailed, type ErrorDetail } from "../../lib/errors";
import { auditInsert, bulkAuditEntries } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { enqueueAfterLargeWrite } from "../../jobs/recompute-queue";
import { waitUntilOf } from "../../lib/background";
import { chunkForJson, duplicateIndexes } from "../../db/bulk";
import { createDb, inBatch, inJsonList, inRegionTree, nowIso, type Db } from "../../db/client";
import { existingEvents, existingOrganisations, existingRegionCodes } from "../../db/lookups";
import { keysetParts, pageOf, parseSort } from "../../db/pagination";
import { cooperationPartners, cooperations, events, organisations } from "../../db/tables";
import { exportList } from "../../export/list-export";
import { visibleOrganisations } from "../../db/visibility";
import type * as routes from "./cooperations.routes";
import type { CooperationCreate } from "./cooperations.routes";
import type { EventKind } from "../../lib/schemas";

type Row = typeof cooperations.$inferSelect;
type Input = z.output<typeof CooperationCreate>;

/** A record with its references resolved, ready to store. */
interface Resolved {
  input: Input;
  regionCode: string;
  partnerIds: number[];
  source: string;
  externalRef: string | null;
}

function visibleCooperations(viewer: Viewer): SQL | undefined {
  requireRole(viewer, "admin", "coordinator", "funder");
  if (readsAllRecords(viewer)) return undefined;
  return inJsonList(cooperations.regionCode, [...viewer.scope!]);
}

function toCooperation(r: Row, partnerIds: number[], format: string | null) {
  return {
    id: r.id,
    regionCode: r.regionCode,
    eventId: r.eventId,
    format: format as z.output<typeof EventKind> | null,
    partnerIds,
    dateAgreed: r.dateAgreed,
    dateDone: r.dateDone,
    status: r.status,
    contributionTypes: (r.contributionTypes ? r.contributionTypes.split(",") : []) as Input["contributionTypes"],
    volunteers: r.volunteers,
    hours: r.hours,
    valueEur: r.valueEur,
    peopleReached: r.peopleReached,
    targetGroups: r.targetGroups,
    givesBack: r.givesBack,
    followUpOf: r.followUpOf,
    source: r.source,
    externalRef: r.externalRef,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Rows → API objects with partners and format, in two queries. */
async function present(db: Db, rows: Row[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const partners = await db
    .select({ cooperationId: cooperationPartners.cooperationId, organisationId: cooperationPartners.organisationId })
    .from(cooperationPartners)
    .where(inJsonList(cooperationPartners.cooperationId, ids))
    .orderBy(cooperationPartners.cooperationId, cooperationPartners.organisationId);
  const byCoop = new Map<number, number[]>();
  for (const p of partners) byCoop.set(p.cooperationId, [...(byCoop.get(p.cooperationId) ?? []), p.organisationId]);
  const eventIds = [...new Set(rows.map((r) => r.eventId).filter((e): e is number => e != null))];
  const formats = new Map<number, string>();
  if (eventIds.length) {
    for (const e of await db.select({ id: events.id, kind: events.kind }).from(events).where(inJsonList(events.id, eventIds))) formats.set(e.id, e.kind);
  }
  return rows.map((r) => toCooperation(r, byCoop.get(r.id) ?? [], r.eventId ? (formats.get(r.eventId) ?? null) : null));
}

async function findCooperation(db: Db, viewer: Viewer, id: number) {
  const [row] = await db
    .select()
    .from(cooperations)
    .where(and(eq(cooperations.id, id), isNull(cooperations.deletedAt), visibleCooperations(viewer)));
  if (!row) throw notFound("Cooperation");
  return row;
}

/**
 * References an update keeps: the event and follow-up when unchanged, and the record's current
 * partners. Those were valid when stored and may since be deleted, or registered where the caller
 * cannot see them; they may be named again (a caller may remove such a partner, not add one).
 */
interface StoredRefs {
  currentPartners?: (i: number) => readonly number[];
  eventId?: boolean;
  followUpOf?: boolean;
}

/**
 * Resolves partners (ids and external refs), default regions and every foreign key of the given
 * records; returns the resolved records and per-row error details (paths prefixed per record).
 * A coordinator names only organisations it may see (others read as unknown, whether they exist
 * or not) and records only ties with at least one partner in its regions.
 */
async function resolveRecords(db: Db, viewer: Viewer, inputs: Input[], pathOf: (i: number, field: string) => string, stored: StoredRefs = {}) {
  const details: ErrorDetail[] = [];
  const visible = visibleOrganisations(viewer);
  const refPairs = inputs.flatMap((r) => (r.partnerRefs ?? []).map((p) => [p.source, p.externalRef]));
  const refIds = new Map<string, number>();
  for (const chunk of chunkForJson(refPairs)) {
    const found = await db
      .select({ id: organisations.id, source: organisations.source, externalRef: organisations.externalRef })
      .from(organisations)
      .where(and(isNull(organisations.deletedAt), visible, sql`(${organisations.source}, ${organisations.externalRef}) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(chunk)}))`));
    for (const f of found) refIds.set(JSON.stringify([f.source, f.externalRef]), f.id);
  }
  const partnerLists = inputs.map((r, i) => {
    const ids = [...(r.partnerIds ?? [])];
    (r.partnerRefs ?? []).forEach((p, j) => {
      const id = refIds.get(JSON.stringify([p.source, p.externalRef]));
      if (id === undefined) details.push({ path: pathOf(i, `partnerRefs[${j}]`), message: `No organisation with source '${p.source}' and externalRef '${p.externalRef}'` });
      else ids.push(id);
    });
    return [...new Set(ids)];
  });
  const orgs = await existingOrganisations(db, partnerLists.flat(), visible);
  // Current partners count even if deleted since or hidden; their region/kind still default the region.
  const current = inputs.map((_, i) => new Set(stored.currentPartners?.(i) ?? []));
  const keptIds = partnerLists.flatMap((ids, i) => ids.filter((id) => !orgs.has(id) && current[i].has(id)));
  const kept = new Map<number, { regionCode: string; kind: string }>();
  for (const chunk of chunkForJson([...new Set(keptIds)])) {
    for (const k of await db
      .select({ id: organisations.id, regionCode: organisations.regionCode, kind: organisations.kind })
      .from(organisations)
      .where(inJsonList(organisations.id, chunk))) kept.set(k.id, { regionCode: k.regionCode, kind: k.kind });
  }
  const orgOf = (i: number, id: number) => orgs.get(id) ?? (current[i].has(id) ? kept.get(id) : undefined);
  const eventsFound = await existingEvents(db, stored.eventId ? [] : inputs.map((r) => r.eventId).filter((e): e is number => e != null));
  const followUps = stored.followUpOf ? [] : inputs.map((r) => r.followUpOf).filter((e): e is number => e != null);
  const followUpFound = new Set<number>();
  for (const chunk of chunkForJson(followUps)) {
    for (const f of await db.select({ id: cooperations.id }).from(cooperations).where(and(inJsonList(cooperations.id, chunk), isNull(cooperations.deletedAt), visibleCooperations(viewer)))) {
      followUpFound.add(f.id);
    }
  }
  const resolved: Resolved[] = inputs.map((input, i) => {
    const partnerIds = partnerLists[i];
    (input.partnerIds ?? []).forEach((id, j) => {
      if (!orgOf(i, id)) details.push({ path: pathOf(i, `partnerIds[${j}]`), message: `No organisation with id ${id}` });
    });
    const known = partnerIds.map((id) => orgOf(i, id)).filter((o) => o !== undefined);
    if (!details.some((d) => d.path.startsWith(pathOf(i, "partner")))) {
      if (partnerIds.length < 2) details.push({ path: pathOf(i, "partnerIds"), message: "A cooperation needs at least two distinct partners" });
      else if (!hasPartnerInScope(viewer, known.map((o) => o.regionCode))) details.push({ path: pathOf(i, "partnerIds"), message: NO_PARTNER_IN_SCOPE });
    }
    const regionCode = input.regionCode ?? (known.find((o) => o.kind === "nonprofit") ?? known[0])?.regionCode ?? "";
    if (!stored.eventId && input.eventId != null && !eventsFound.has(input.eventId)) details.push({ path: pathOf(i, "eventId"), message: `No event with id ${input.eventId}` });
    if (!stored.followUpOf && input.followUpOf != null && !followUpFound.has(input.followUpOf)) details.push({ path: pathOf(i, "followUpOf"), message: `No cooperation with id ${input.followUpOf}` });
    return { input, regionCode, partnerIds, source: input.source ?? "manual", externalRef: input.externalRef ?? null };
  });
  const regionsFound = await existingRegionCodes(db, resolved.map((r) => r.regionCode).filter(Boolean));
  resolved.forEach((r, i) => {
    if (!r.regionCode) return;
    if (!regionsFound.has(r.regionCode)) details.push({ path: pathOf(i, "regionCode"), message: `No region ${r.regionCode}` });
    else if (viewer.role === "coordinator" && !viewer.scope!.has(r.regionCode)) {
      details.push({ path: pathOf(i, "regionCode"), message: `This token may not write in region ${r.regionCode}` });
    }
  });
  // A record outside the caller's regions is refused for that alone (403), saying nothing about its references.
  const outside = resolved.flatMap((_r, i) => (details.some((d) => d.path === pathOf(i, "regionCode") && d.message.startsWith("This token")) ? [pathOf(i, "")] : []));
  const shown = details.filter((d) => !outside.some((prefix) => d.path.startsWith(prefix)) || d.message.startsWith("This token"));
  return { resolved, details: shown };
}

const columnsOf = (r: Resolved, now: string) => ({
  regionCode: r.regionCode,
  eventId: r.input.eventId ?? null,
  dateAgreed: r.input.dateAgreed,
  dateDone: r.input.dateDone ?? null,
  status: r.input.status,
  contributionTypes: [...new Set(r.input.contributionTypes)].join(","),
  volunteers: r.input.volunteers,
  hours: r.input.hours,
  valueEur: r.input.valueEur,
  peopleReached: r.input.peopleReached,
  targetGroups: r.input.targetGroups ?? null,
  givesBack: r.input.givesBack ?? null,
  followUpOf: r.input.followUpOf ?? null,
  source: r.source,
  externalRef: r.externalRef,
  notes: r.input.notes ?? null,
  updatedAt: now,
});

async function assertRefFree(db: Db, source: string, externalRef: string | null, exceptId?: number) {
  if (!externalRef) return;
  const [row] = await db.select({ id: cooperations.id }).from(cooperations).where(and(eq(cooperations.source, source), eq(cooperations.externalRef, externalRef)));
  if (row && row.id !== exceptId) throw new ApiError(409, "conflict", `Another cooperation already has externalRef '${externalRef}'`, [{ path: "externalRef", message: "Already used" }]); // no id: the caller may not see it
}

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const q = c.req.valid("query");
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  const visible = visibleCooperations(viewer);
  // `format` selects the output (json/csv/xlsx); an event kind there is the older spelling of eventFormat.
  const output = q.format === "csv" || q.format === "xlsx" ? q.format : "json";
  const eventFormat = q.eventFormat ?? (q.format === "json" || q.format === "csv" || q.format === "xlsx" ? undefined : q.format);
  const sort = parseSort(
    q.sort,
    { dateAgreed: cooperations.dateAgreed, createdAt: cooperations.createdAt, updatedAt: cooperations.updatedAt, hours: cooperations.hours, valueEur: cooperations.valueEur, id: cooperations.id },
    "-dateAgreed",
    cooperations.id,
  );
  // One page; the CSV/XLSX export walks all of them with the same filters.
  const listPage = async (cursor: string | undefined, limit: number) => {
    const { after, orderBy } = keysetParts(sort, cursor);
    const rows = await db
      .select()
      .from(cooperations)
      .where(
        and(
          isNull(cooperations.deletedAt),
          visible,
          q.region ? inRegionTree(cooperations.regionCode, q.region) : undefined,
          q.status ? eq(cooperations.status, q.status) : undefined,
          eventFormat === "none" ? isNull(cooperations.eventId) : eventFormat ? sql`${cooperations.eventId} IN (SELECT id FROM events WHERE kind = ${eventFormat})` : undefined,
          q.from ? gte(cooperations.dateAgreed, q.from) : undefined,
          q.to ? lte(cooperations.dateAgreed, q.to) : undefined,
          q.organisation ? sql`${cooperations.id} IN (SELECT cooperation_id FROM cooperation_partners WHERE organisation_id = ${q.organisation})` : undefined,
          q.event ? eq(cooperations.eventId, q.event) : undefined,
          q.source ? eq(cooperations.source, q.source) : undefined,
          q.externalRef ? eq(cooperations.externalRef, q.externalRef) : undefined,
          q.q ? sql`(${like(cooperations.notes, `%${q.q}%`)} OR ${like(cooperations.targetGroups, `%${q.q}%`)} OR ${like(cooperations.givesBack, `%${q.q}%`)})` : undefined,
          after,
        ),
      )
      .orderBy(...orderBy)
      .limit(limit + 1);
    const page = pageOf(rows, limit, (r) => r[sort.key] as string | number, (r) => r.id);
    return { data: await present(db, page.data), nextCursor: page.nextCursor };
  };
  if (output !== "json") return exportList(c, "cooperations", { format: output, locale: q.locale }, listPage);
  return c.json(await listPage(q.cursor, q.limit), 200);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const row = await findCooperation(db, c.get("viewer"), c.req.valid("param").id);
  return c.json((await present(db, [row]))[0], 200);
};

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const input = c.req.valid("json");
  const db = createDb(c.env.DB);
  const { resolved, details } = await resolveRecords(db, viewer, [input], (_i, f) => f);
  if (details.length) rejectRows(details, "Cooperation rejected");
  const r = resolved[0];
  assertCanWrite(viewer, r.regionCode);
  await assertRefFree(db, r.source, r.externalRef);
  const now = nowIso();
  const [inserted] = await db.batch([
    db.insert(cooperations).values({ ...columnsOf(r, now), createdAt: now }).returning(),
    inBatch(db, db.run(sql`INSERT INTO cooperation_partners (cooperation_id, organisation_id) SELECT last_insert_rowid(), value FROM json_each(${JSON.stringify(r.partnerIds)})`)),
    auditInsert(db, viewer, { action: "create", entity: "cooperations", entityId: sql`(SELECT max(id) FROM cooperations)`, regionCode: r.regionCode, detail: input }),
    bumpRevisions(db, { regions: [r.regionCode], members: r.partnerIds }),
  ]);
  return c.json((await present(db, inserted))[0], 201);
};

export const update: RouteHandler<typeof routes.update, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { id } = c.req.valid("param");
  const patch = c.req.valid("json");
  const db = createDb(c.env.DB);
  const existing = await findCooperation(db, viewer, id);
  assertCanWrite(viewer, existing.regionCode);
  const [current] = await present(db, [existing]);
  const partnersChanged = patch.partnerIds !== undefined || patch.partnerRefs !== undefined;
  const merged = {
    ...current,
    ...patch,
    partnerIds: partnersChanged ? (patch.partnerIds ?? []) : current.partnerIds,
    partnerRefs: partnersChanged ? patch.partnerRefs : undefined,
    regionCode: patch.regionCode ?? existing.regionCode,
  } as Input;
  if (merged.dateDone && merged.dateDone < merged.dateAgreed) {
    throw validationFailed("Invalid request body", [{ path: "dateDone", message: "dateDone must not be before dateAgreed" }]);
  }
  if (merged.followUpOf === id) throw validationFailed("Invalid request body", [{ path: "followUpOf", message: "A cooperation cannot follow up itself" }]);
  const { resolved, details } = await resolveRecords(db, viewer, [merged], (_i, f) => f, {
    currentPartners: () => current.partnerIds,
    eventId: patch.eventId === undefined,
    followUpOf: patch.followUpOf === undefined,
  });
  if (details.length) rejectRows(details, "Cooperation rejected");
  const r = resolved[0];
  await assertRefFree(db, r.source, r.externalRef, id);
  // Before and after: the old and the new region and partners.
  const [, updated] = await db.batch([
    bumpRevisions(db, { cooperations: [id] }),
    db.update(cooperations).set(columnsOf(r, nowIso())).where(eq(cooperations.id, id)).returning(),
    db.delete(cooperationPartners).where(eq(cooperationPartners.cooperationId, id)),
    inBatch(db, db.run(sql`INSERT INTO cooperation_partners (cooperation_id, organisation_id) SELECT ${id}, value FROM json_each(${JSON.stringify(r.partnerIds)})`)),
    auditInsert(db, viewer, { action: "update", entity: "cooperations", entityId: id, regionCode: r.regionCode, detail: patch }),
    bumpRevisions(db, { cooperations: [id] }),
  ]);
  return c.json((await present(db, updated))[0], 200);
};

export const remove: RouteHandler<typeof routes.remove, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const { id } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const existing = await findCooperation(db, viewer, id);
  assertCanWrite(viewer, existing.regionCode);
  const partnerRegions = await db
    .select({ regionCode: organisations.regionCode })
    .from(cooperationPartners)
    .innerJoin(organisations, eq(organisations.id, cooperationPartners.organisationId))
    .where(eq(cooperationPartners.cooperationId, id));
  if (!hasPartnerInScope(viewer, partnerRegions.map((p) => p.regionCode))) throw forbidden(NO_PARTNER_IN_SCOPE);
  await db.batch([
    bumpRevisions(db, { cooperations: [id] }),
    db.update(cooperations).set({ deletedAt: nowIso() }).where(eq(cooperations.id, id)),
    auditInsert(db, viewer, { action: "delete", entity: "cooperations", entityId: id, regionCode: existing.regionCode }),
  ]);
  return c.body(null, 204);
};

export const bulk: RouteHandler<typeof routes.bulk, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  if (viewer.role !== "admin" && viewer.role !== "coordinator") requireRole(viewer, "admin", "coordinator");
  const { records } = c.req.valid("json");
  const db = createDb(c.env.DB);
  const report = await bulkUpsertCooperations(db, viewer, records);
  enqueueAfterLargeWrite(c.env.DB, c.env.RECOMPUTE_QUEUE, waitUntilOf(c), report.created + report.updated);
  return c.json(report, 200);
};

/**
 * Stores up to 5 000 cooperations in one atomic D1 batch: records with an externalRef are upserted
 * (same source + externalRef → update, partners replaced), records without are inserted. Throws
 * with per-row details if any record is rejected; then nothing is written.
 */
export async function bulkUpsertCooperations(db: Db, viewer: Viewer, records: Input[]) {
  const pathOf = (i: number, f: string) => `records[${i}].${f}`;
  const refKey = (r: { source: string; externalRef: string | null }) => (r.externalRef ? JSON.stringify([r.source, r.externalRef]) : null);
  const inputKey = (r: Input) => refKey({ source: r.source ?? "manual", externalRef: r.externalRef ?? null });
  // Records with a reference may update stored cooperations; their current partners may be named again.
  const existing = new Map<string, { id: number; regionCode: string }>();
  for (const chunk of chunkForJson(records.filter((r) => r.externalRef).map((r) => [r.source ?? "manual", r.externalRef]))) {
    const found = await db
      .select({ id: cooperations.id, source: cooperations.source, externalRef: cooperations.externalRef, regionCode: cooperations.regionCode })
      .from(cooperations)
      .where(sql`(${cooperations.source}, ${cooperations.externalRef}) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(chunk)}))`);
    for (const f of found) existing.set(JSON.stringify([f.source, f.externalRef]), f);
  }
  const partnersOf = new Map<number, number[]>();
  for (const chunk of chunkForJson([...existing.values()].map((e) => e.id))) {
    for (const p of await db
      .select({ cooperationId: cooperationPartners.cooperationId, organisationId: cooperationPartners.organisationId })
      .from(cooperationPartners)
      .where(inJsonList(cooperationPartners.cooperationId, chunk))) partnersOf.set(p.cooperationId, [...(partnersOf.get(p.cooperationId) ?? []), p.organisationId]);
  }
  const { resolved, details } = await resolveRecords(db, viewer, records, pathOf, {
    currentPartners: (i) => partnersOf.get(existing.get(inputKey(records[i]) ?? "")?.id ?? 0) ?? [],
  });
  duplicateIndexes(resolved, refKey).forEach((first, i) => details.push({ path: pathOf(i, "externalRef"), message: `Same source and externalRef as records[${first}]` }));
  if (viewer.role === "coordinator") {
    resolved.forEach((r, i) => {
      const prev = existing.get(refKey(r) ?? "");
      if (prev && !viewer.scope!.has(prev.regionCode)) details.push({ path: pathOf(i, "externalRef"), message: "Updates a cooperation registered outside this token's regions" });
    });
  }
  if (details.length) {
    const rows = new Set(details.map((d) => d.path.split("]")[0])).size;
    rejectRows(details, `${rows} of ${records.length} records rejected`);
  }

  const now = nowIso();
  const json = resolved.map((r) => ({ ...columnsOf(r, now), partnerIds: r.partnerIds }));
  const withRef = json.filter((r) => r.externalRef);
  const withoutRef = json.filter((r) => !r.externalRef);
  const insertSql = (chunk: typeof json) => sql`
    INSERT INTO cooperations (region_code, event_id, date_agreed, date_done, status, contribution_types, volunteers, hours, value_eur,
      people_reached, target_groups, gives_back, follow_up_of, source, external_ref, notes, created_at, updated_at)
    SELECT j.value ->> 'regionCode', j.value ->> 'eventId', j.value ->> 'dateAgreed', j.value ->> 'dateDone', j.value ->> 'status',
      j.value ->> 'contributionTypes', j.value ->> 'volunteers', j.value ->> 'hours', j.value ->> 'valueEur', j.value ->> 'peopleReached',
      j.value ->> 'targetGroups', j.value ->> 'givesBack', j.value ->> 'followUpOf', j.value ->> 'source', j.value ->> 'externalRef',
      j.value ->> 'notes', ${now}, ${now}
    FROM json_each(${JSON.stringify(chunk)}) j WHERE true ORDER BY j.key`;
  const statements = [];
  for (const chunk of chunkForJson(withRef)) {
    const param = JSON.stringify(chunk);
    statements.push(
      inBatch(db, db.run(sql`${insertSql(chunk)}
        ON CONFLICT (source, external_ref) WHERE external_ref IS NOT NULL DO UPDATE SET
          region_code = excluded.region_code, event_id = excluded.event_id, date_agreed = excluded.date_agreed, date_done = excluded.date_done,
          status = excluded.status, contribution_types = excluded.contribution_types, volunteers = excluded.volunteers, hours = excluded.hours,
          value_eur = excluded.value_eur, people_reached = excluded.people_reached, target_groups = excluded.target_groups,
          gives_back = excluded.gives_back, follow_up_of = excluded.follow_up_of, notes = excluded.notes, updated_at = excluded.updated_at,
          deleted_at = NULL`)),
      inBatch(db, db.run(sql`DELETE FROM cooperation_partners WHERE cooperation_id IN (
          SELECT c.id FROM json_each(${param}) j JOIN cooperations c ON c.source = j.value ->> 'source' AND c.external_ref = j.value ->> 'externalRef')`)),
      inBatch(db, db.run(sql`INSERT INTO cooperation_partners (cooperation_id, organisation_id)
          SELECT c.id, p.value FROM json_each(${param}) j
          JOIN cooperations c ON c.source = j.value ->> 'source' AND c.external_ref = j.value ->> 'externalRef'
          JOIN json_each(j.value, '$.partnerIds') p`)),
    );
  }
  for (const chunk of chunkForJson(withoutRef)) {
    // One INSERT … SELECT assigns consecutive AUTOINCREMENT ids in row order, so the partners of
    // row k belong to id (sequence − n + 1 + k); the batch is one transaction, nobody interleaves.
    statements.push(
      inBatch(db, db.run(insertSql(chunk))),
      inBatch(db, db.run(sql`INSERT INTO cooperation_partners (cooperation_id, organisation_id)
          SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'cooperations') - ${chunk.length} + 1 + j.key, p.value
          FROM json_each(${JSON.stringify(chunk)}) j JOIN json_each(j.value, '$.partnerIds') p`)),
    );
  }
  const created = withoutRef.length + withRef.filter((r) => !existing.has(refKey(r)!)).length;
  const updated = json.length - created;
  const updatedIds = [...existing.values()].map((e) => e.id);
  const results = await db.batch([
    bumpRevisions(db, { cooperations: updatedIds }),
    ...statements,
    ...bulkAuditEntries(db, viewer, "cooperations", resolved.map((r) => r.regionCode), { created, updated }),
    bumpRevisions(db, { cooperations: updatedIds, regions: resolved.map((r) => r.regionCode), members: resolved.flatMap((r) => r.partnerIds) }),
    inBatch(db, db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'cooperations'`)),
  ]);
  const seq = (results[results.length - 1] as { seq: number } | undefined)?.seq ?? 0;
  const refIds = new Map<string, number>();
  for (const chunk of chunkForJson(withRef.map((r) => [r.source, r.externalRef]))) {
    const found = await db
      .select({ id: cooperations.id, source: cooperations.source, externalRef: cooperations.externalRef })
      .from(cooperations)
      .where(sql`(${cooperations.source}, ${cooperations.externalRef}) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(chunk)}))`);
    for (const f of found) refIds.set(JSON.stringify([f.source, f.externalRef]), f.id);
  }
  let nextNoRef = seq - withoutRef.length + 1;
  const ids = json.map((r) => (r.externalRef ? refIds.get(refKey(r)!)! : nextNoRef++));
  return { created, updated, ids };
}
