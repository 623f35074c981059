/**
 * @module
 * Registrations as their organiser sees them, and approving one: shared by the marketplace
 * workspace and the action days (whose projects and teams are registrations too). Approving links
 * the registration to an organisation — the one named (usually the matched candidate) or a new one
 * made from what the registrant typed — and makes it a participant of the event, in one batch with
 * the audit row and the revision bump (the event's participants are read by its region's figures).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { alias } from "drizzle-orm/sqlite-core";
import { assertCanWrite, type Viewer } from "../lib/auth";
import { ApiError, notFound, unknownReference } from "../lib/errors";
import { auditInsert } from "../db/audit";
import { bumpRevisions } from "../db/revisions";
import { inBatch, nowIso, type Db } from "../db/client";
import { existingOrganisations, existingRegionCodes } from "../db/lookups";
import { visibleOrganisations } from "../db/visibility";
import { events, organisations, registrations } from "../db/tables";
import { itemsOf } from "./registrations";

const candidateOrg = alias(organisations, "candidate_org");
const linkedOrg = alias(organisations, "linked_org");

/**
 * The event's registrations as the viewer may see them: a matched or linked organisation the
 * viewer may not read (a non-public one outside a coordinator's regions) is not named.
 */
export async function registrationsOf(db: Db, viewer: Viewer, eventId: number, filter: { status?: "pending" | "approved" | "rejected" | "withdrawn"; id?: number }) {
  const rows = await db
    .select({
      r: registrations,
      candidate: { id: candidateOrg.id, name: candidateOrg.name, postcode: candidateOrg.postcode },
      organisation: { id: linkedOrg.id, name: linkedOrg.name, postcode: linkedOrg.postcode },
    })
    .from(registrations)
    .leftJoin(candidateOrg, eq(candidateOrg.id, registrations.candidateOrganisationId))
    .leftJoin(linkedOrg, eq(linkedOrg.id, registrations.organisationId))
    .where(and(eq(registrations.eventId, eventId), filter.status ? eq(registrations.status, filter.status) : undefined, filter.id ? eq(registrations.id, filter.id) : undefined))
    .orderBy(asc(registrations.id));
  const items = await itemsOf(db, rows.map((x) => x.r.id));
  const named = rows.flatMap((x) => [x.candidate?.id, x.organisation?.id]).filter((id): id is number => id != null);
  const visible = await existingOrganisations(db, named, visibleOrganisations(viewer));
  return rows.map(({ r, candidate, organisation }) => ({
    id: r.id,
    eventId: r.eventId,
    side: r.side,
    orgName: r.orgName,
    postcode: r.postcode,
    field: r.field,
    industry: r.industry,
    status: r.status,
    candidate: candidate?.id != null && visible.has(candidate.id) ? { id: candidate.id, name: candidate.name, postcode: candidate.postcode } : null,
    organisation: organisation?.id != null && visible.has(organisation.id) ? { id: organisation.id, name: organisation.name, postcode: organisation.postcode } : null,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    consentText: r.consentText,
    consentAt: r.consentAt,
    locale: r.locale,
    items: items.get(r.id) ?? [],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function oneRegistration(db: Db, viewer: Viewer, eventId: number, id: number) {
  const [row] = await registrationsOf(db, viewer, eventId, { id });
  if (!row) throw notFound("Registration");
  return row;
}

/**
 * Approves registration `registrationId` of an event the viewer organises (a marketplace, or an
 * action day's project or team): links it to the organisation named or a new one, and makes that
 * a participant, in one batch with the audit entry and the revision bump.
 */
export async function approveRegistration(
  db: Db,
  viewer: Viewer,
  m: { eventId: number; regionCode: string },
  registrationId: number,
  { organisationId, regionCode }: { organisationId?: number | null; regionCode?: string | null },
) {
  const eventId = m.eventId;
  const reg = await oneRegistration(db, viewer, eventId, registrationId);
  if (reg.status === "approved" || reg.status === "withdrawn") throw new ApiError(409, "conflict", `The registration is ${reg.status}`);
  const now = nowIso();
  let orgId: number | ReturnType<typeof sql>;
  let create: BatchItem<"sqlite">[] = [];
  const externalRef = `registration:${reg.id}`;
  if (organisationId) {
    // An organisation the organiser may not read reads like an unknown one.
    const org = (await existingOrganisations(db, [organisationId], visibleOrganisations(viewer))).get(organisationId);
    if (!org) throw unknownReference("Unknown organisation", [{ path: "organisationId", message: `No organisation ${organisationId}` }]);
    orgId = organisationId;
  } else {
    const region = regionCode ?? m.regionCode;
    if (regionCode) {
      if ((await existingRegionCodes(db, [regionCode])).size === 0) throw unknownReference("Unknown region", [{ path: "regionCode", message: `No region ${regionCode}` }]);
      assertCanWrite(viewer, regionCode);
    }
    // A re-approval after a rejection finds the organisation made the first time (source + ref are unique).
    const [made] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.source, "marketplace"), eq(organisations.externalRef, externalRef)));
    if (made) orgId = made.id;
    else {
      orgId = sql`(SELECT id FROM organisations WHERE source = 'marketplace' AND external_ref = ${externalRef})`;
      create = [
        db.insert(organisations).values({
          name: reg.orgName,
          kind: reg.side,
          regionCode: region,
          postcode: reg.postcode,
          field: reg.field,
          industry: reg.industry,
          isPublic: false,
          source: "marketplace",
          externalRef,
          createdAt: now,
          updatedAt: now,
        }),
        auditInsert(db, viewer, { action: "create", entity: "organisations", entityId: orgId, regionCode: region, detail: { name: reg.orgName, kind: reg.side, regionCode: region, fromRegistration: reg.id } }),
      ];
    }
  }
  const statements: BatchItem<"sqlite">[] = [
    ...create,
    db.update(registrations).set({ status: "approved", organisationId: orgId as number, updatedAt: now }).where(eq(registrations.id, reg.id)),
    inBatch(db, db.run(sql`INSERT OR IGNORE INTO event_participants (event_id, organisation_id) VALUES (${eventId}, ${orgId})`)),
    db.update(events).set({ updatedAt: now }).where(eq(events.id, eventId)),
    auditInsert(db, viewer, { action: "approve", entity: "registrations", entityId: reg.id, regionCode: m.regionCode, detail: { eventId, organisationId: organisationId ?? "new" } }),
    bumpRevisions(db, { events: [eventId] }),
  ];
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return oneRegistration(db, viewer, eventId, reg.id);
}

