/**
 * @module
 * Public registration handlers. Anyone holding the published page may register; abuse is held
 * back by a per-address brake, the event's ceiling (capacity, else a fixed maximum), size limits
 * in the schemas, a honeypot field (a filled one is answered like a success and nothing is
 * written) and Cloudflare Turnstile where `TURNSTILE_SECRET` is set. An edit link opens one
 * registration: any other id, item or link answers the same 404.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { anonymousViewer, hashToken, type Viewer } from "../../lib/auth";
import { LINK_HEADER } from "../../lib/create-app";
import type { AppEnv } from "../../lib/env";
import { ApiError, notFound } from "../../lib/errors";
import { REGISTRATION_LIMITS } from "../../lib/limits";
import { brake, checkTurnstile, clientAddress, registrationEditLimiter, registrationLimiter } from "../../lib/public-forms";
import { auditInsert } from "../../db/audit";
import { bumpRevisions } from "../../db/revisions";
import { createDb, inBatch, nowIso, type Db } from "../../db/client";
import { events, marketplaces, registrationItems, registrations } from "../../db/tables";
import { expiryAfter, LINK_TTL_DAYS, linkNotFound, newLinkSecret, resolveLink } from "../../links/capability";
import {
  checkRegistration,
  CONSENT_TEXT,
  contactColumns,
  insertItems,
  itemsJson,
  itemsOf,
  matchOrganisation,
  notTaking,
  offeredTypes,
  updateItems,
  type RegistrationRow,
} from "../../marketplace/registrations";
import { editsOpen, findMarketplace, placesOffered, placesTaken, registrationState, type MarketplaceRow } from "../../marketplace/workspace";
import type * as routes from "./public-registration.routes";

async function marketplaceByKey(db: Db, key: string): Promise<MarketplaceRow> {
  const [row] = await db.select({ eventId: marketplaces.eventId }).from(marketplaces).where(eq(marketplaces.registrationKey, key));
  if (!row) throw notFound("Registration page");
  return findMarketplace(db, row.eventId).catch(() => {
    throw notFound("Registration page");
  });
}

function pageOf(m: MarketplaceRow, taken: number, siteKey: string | undefined) {
  return {
    title: m.title,
    date: m.date,
    place: m.place,
    hallOpens: m.hallOpens,
    hallCloses: m.hallCloses,
    registrationOpens: m.registrationOpens,
    registrationCloses: m.registrationCloses ?? m.date,
    registrationState: registrationState(m, taken),
    contributionTypes: offeredTypes(m),
    consentText: { de: CONSENT_TEXT.de, en: CONSENT_TEXT.en, nl: CONSENT_TEXT.nl },
    turnstileSiteKey: siteKey || null,
    limits: { maxItems: REGISTRATION_LIMITS.maxItems, maxDescription: REGISTRATION_LIMITS.maxDescription },
  };
}

export const page: RouteHandler<typeof routes.page, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const m = await marketplaceByKey(db, c.req.valid("param").key);
  return c.json(pageOf(m, await placesTaken(db, m.eventId), c.env.TURNSTILE_SITE_KEY), 200);
};

export const register: RouteHandler<typeof routes.register, AppEnv> = async (c) => {
  brake(registrationLimiter, c, "registrations from this address");
  const db = createDb(c.env.DB);
  const m = await marketplaceByKey(db, c.req.valid("param").key);
  const { website, turnstileToken, ...input } = c.req.valid("json");
  if (website) {
    // A bot filled the hidden field: it hears what a person would, and nothing is stored.
    const secret = newLinkSecret();
    return c.json({ id: 0, status: "pending" as const, editKey: secret, editPath: `/register/edit/0#${secret}`, expiresAt: expiryAfter(LINK_TTL_DAYS.registration_edit) }, 201);
  }
  if (c.env.TURNSTILE_SECRET) await checkTurnstile(c.env.TURNSTILE_SECRET, turnstileToken, clientAddress(c));
  const state = registrationState(m, await placesTaken(db, m.eventId));
  if (state !== "open") throw notTaking(state);
  if (input.items.some((i) => i.id !== undefined)) {
    throw new ApiError(422, "validation_failed", "A new registration has no item ids", input.items.flatMap((i, n) => (i.id !== undefined ? [{ path: `items[${n}].id`, message: "Not allowed here" }] : [])));
  }
  checkRegistration(m, input);
  const candidate = await matchOrganisation(db, m, input.orgName, input.postcode);
  const now = nowIso();
  const secret = newLinkSecret();
  const keyHash = await hashToken(secret);
  const expiresAt = expiryAfter(LINK_TTL_DAYS.registration_edit);
  const contact = contactColumns(input, now);
  const cap = placesOffered(m);
  // The place is taken in the insert itself, so two registrations racing for the last place
  // cannot both get it; the link and items follow only when the insert happened.
  const [inserted] = await db.batch([
    inBatch(db, db.run(sql`INSERT INTO registrations (event_id, side, org_name, postcode, field, industry, candidate_organisation_id, status,
        contact_name, contact_email, consent_text, consent_at, locale, created_at, updated_at)
      SELECT ${m.eventId}, ${input.side}, ${input.orgName}, ${input.postcode ?? null}, ${input.field ?? null}, ${input.industry ?? null}, ${candidate?.id ?? null}, 'pending',
        ${contact.contactName}, ${contact.contactEmail}, ${contact.consentText}, ${contact.consentAt}, ${input.locale ?? "de"}, ${now}, ${now}
      WHERE (SELECT count(*) FROM registrations WHERE event_id = ${m.eventId} AND status IN ('pending', 'approved')) < ${cap}`)),
    inBatch(db, db.run(sql`INSERT INTO capability_links (purpose, subject_id, key_hash, expires_at)
      SELECT 'registration_edit', last_insert_rowid(), ${keyHash}, ${expiresAt} WHERE changes() = 1`)),
    insertItems(db, sql`(SELECT subject_id FROM capability_links WHERE key_hash = ${keyHash})`, itemsJson(input)),
  ]);
  if (inserted.meta.changes !== 1) throw notTaking("full");
  const [link] = await db.all<{ id: number; subjectId: number }>(sql`SELECT id, subject_id AS subjectId FROM capability_links WHERE key_hash = ${keyHash}`);
  await auditInsert(db, { ...anonymousViewer, actor: `link:${link.id}` }, {
    action: "create",
    entity: "registrations",
    entityId: link.subjectId,
    regionCode: m.regionCode,
    detail: { eventId: m.eventId, side: input.side, items: input.items.length, contact: contact.contactName || contact.contactEmail ? "[personal data]" : null },
  });
  return c.json({ id: link.subjectId, status: "pending" as const, editKey: secret, editPath: `/register/edit/${link.subjectId}#${secret}`, expiresAt }, 201);
};

/** The registration this request's edit link opens, if it is `id`; every other case is the one 404. */
async function ownRegistration(c: Context<AppEnv>, db: Db, id: number) {
  const link = await resolveLink(c.env.DB, "registration_edit", c.req.header(LINK_HEADER) ?? "");
  if (link.subjectId !== id) throw linkNotFound();
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  if (!row || row.status === "withdrawn") throw linkNotFound();
  const m = await findMarketplace(db, row.eventId).catch(() => {
    throw linkNotFound();
  });
  const viewer: Viewer = { ...anonymousViewer, actor: `link:${link.id}` };
  return { row, m, viewer };
}

async function ownAnswer(db: Db, row: RegistrationRow, m: MarketplaceRow) {
  const items = (await itemsOf(db, [row.id])).get(row.id) ?? [];
  return {
    id: row.id,
    event: {
      title: m.title,
      date: m.date,
      place: m.place,
      hallOpens: m.hallOpens,
      hallCloses: m.hallCloses,
      registrationCloses: m.registrationCloses ?? m.date,
      contributionTypes: offeredTypes(m),
      consentText: { de: CONSENT_TEXT.de, en: CONSENT_TEXT.en, nl: CONSENT_TEXT.nl },
      editable: editsOpen(m),
    },
    side: row.side,
    orgName: row.orgName,
    postcode: row.postcode,
    field: row.field,
    industry: row.industry,
    status: row.status,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    consentAt: row.consentAt,
    locale: row.locale,
    items,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const readOwn: RouteHandler<typeof routes.readOwn, AppEnv> = async (c) => {
  const db = createDb(c.env.DB);
  const { row, m } = await ownRegistration(c, db, c.req.valid("param").id);
  return c.json(await ownAnswer(db, row, m), 200);
};

export const updateOwn: RouteHandler<typeof routes.updateOwn, AppEnv> = async (c) => {
  brake(registrationEditLimiter, c, "changes from this address");
  const db = createDb(c.env.DB);
  const { row, m, viewer } = await ownRegistration(c, db, c.req.valid("param").id);
  const input = c.req.valid("json");
  if (!editsOpen(m)) throw new ApiError(409, "conflict", "Registration has closed; the entry can no longer be changed (it can still be withdrawn)");
  if (row.status === "rejected") throw new ApiError(409, "conflict", "The organiser declined this registration; it can no longer be changed");
  // Items named by id must be this registration's own: anyone else's reads as not found.
  const own = new Set((await db.select({ id: registrationItems.id }).from(registrationItems).where(eq(registrationItems.registrationId, row.id))).map((r) => r.id));
  const foreign = input.items.findIndex((i) => i.id !== undefined && !own.has(i.id));
  if (foreign >= 0) throw notFound(`Item items[${foreign}].id`);
  checkRegistration(m, input);
  const kept = input.items.flatMap((i) => (i.id !== undefined ? [i.id] : []));
  const now = nowIso();
  const contact = contactColumns(input, now);
  // Consent given earlier stays dated as given, as long as the contact stays.
  const consentAt = contact.consentAt && row.consentAt && row.contactName === contact.contactName && row.contactEmail === contact.contactEmail ? row.consentAt : contact.consentAt;
  const candidate = row.status === "pending" ? await matchOrganisation(db, m, input.orgName, input.postcode) : null;
  const json = itemsJson(input);
  await db.batch([
    db
      .update(registrations)
      .set({
        side: input.side,
        orgName: input.orgName,
        postcode: input.postcode ?? null,
        field: input.field ?? null,
        industry: input.industry ?? null,
        ...(row.status === "pending" ? { candidateOrganisationId: candidate?.id ?? null } : {}),
        ...contact,
        consentAt,
        locale: input.locale ?? (row.locale as "de" | "en" | "nl"),
        updatedAt: now,
      })
      .where(eq(registrations.id, row.id)),
    inBatch(db, db.run(sql`DELETE FROM registration_items WHERE registration_id = ${row.id} AND id NOT IN (SELECT value FROM json_each(${JSON.stringify(kept)}))`)),
    updateItems(db, row.id, json),
    insertItems(db, row.id, json),
    auditInsert(db, viewer, { action: "update", entity: "registrations", entityId: row.id, regionCode: m.regionCode, detail: { eventId: m.eventId, items: input.items.length } }),
  ]);
  const [fresh] = await db.select().from(registrations).where(eq(registrations.id, row.id));
  return c.json(await ownAnswer(db, fresh, m), 200);
};

export const withdrawOwn: RouteHandler<typeof routes.withdrawOwn, AppEnv> = async (c) => {
  brake(registrationEditLimiter, c, "changes from this address");
  const db = createDb(c.env.DB);
  const { row, m, viewer } = await ownRegistration(c, db, c.req.valid("param").id);
  const wasApproved = row.status === "approved" && row.organisationId != null;
  const statements: BatchItem<"sqlite">[] = [
    ...(wasApproved ? [bumpRevisions(db, { events: [m.eventId] })] : []),
    db
      .update(registrations)
      .set({ status: "withdrawn", contactName: null, contactEmail: null, consentText: null, consentAt: null, updatedAt: nowIso() })
      .where(and(eq(registrations.id, row.id))),
    // An approved registration made its organisation a participant; it leaves unless another
    // approved registration of the same organisation keeps it there.
    ...(wasApproved
      ? [
          inBatch(db, db.run(sql`DELETE FROM event_participants WHERE event_id = ${m.eventId} AND organisation_id = ${row.organisationId}
            AND NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = ${m.eventId} AND organisation_id = ${row.organisationId} AND status = 'approved' AND id <> ${row.id})`)),
          db.update(events).set({ updatedAt: nowIso() }).where(eq(events.id, m.eventId)),
          bumpRevisions(db, { events: [m.eventId], members: [row.organisationId!] }),
        ]
      : []),
    // revokeLinks as a drizzle statement, so it joins this batch.
    inBatch(db, db.run(sql`UPDATE capability_links SET revoked_at = ${nowIso()} WHERE purpose = 'registration_edit' AND subject_id = ${row.id} AND revoked_at IS NULL`)),
    auditInsert(db, viewer, { action: "withdraw", entity: "registrations", entityId: row.id, regionCode: m.regionCode, detail: { eventId: m.eventId } }),
  ];
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return c.body(null, 204);
};
