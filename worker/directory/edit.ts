/**
 * @module
 * An organiser's own directory entry as stored (docs/directory.md, "Editing"): read and saved by a
 * coordinator of the organisation's region or through a directory_edit link. Publishing needs
 * the consent to publication; the consent text shown is stored with the entry. Taking the entry
 * offline (published = false) withdraws the consent and erases the contact details.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { inBatch, nowIso } from "../db/client";
import { auditInsert } from "../db/audit";
import type { Viewer } from "../lib/auth";
import { ApiError, notFound } from "../lib/errors";
import type { EventKind } from "./entries";

/** The consent shown next to the contact fields; the words shown are stored with the entry. */
export const DIRECTORY_CONSENT_TEXT = {
  de: "Wir sind damit einverstanden, dass dieser Eintrag mit den angegebenen Kontaktdaten im öffentlichen Verzeichnis der lokalen Ansprechpartner erscheint, damit Interessierte uns finden. Wir geben nur Kontaktdaten an, die zur Veröffentlichung bestimmt sind. Die Einwilligung können wir jederzeit widerrufen, indem wir den Eintrag offline nehmen; die Kontaktdaten werden dann gelöscht.",
  en: "We agree that this entry with the contact details given appears in the public directory of local contacts, so that people interested can find us. We give only contact details meant for publication. We can withdraw this consent at any time by taking the entry offline; the contact details are then erased.",
  nl: "Wij gaan ermee akkoord dat deze vermelding met de opgegeven contactgegevens in de openbare lijst van lokale contactpersonen verschijnt, zodat geïnteresseerden ons kunnen vinden. Wij geven alleen contactgegevens op die voor publicatie bedoeld zijn. Deze toestemming kunnen wij altijd intrekken door de vermelding offline te halen; de contactgegevens worden dan gewist.",
} as const;
export type ConsentLocale = keyof typeof DIRECTORY_CONSENT_TEXT;

export interface OwnEntry {
  /** Null until the entry is first saved. */
  id: number | null;
  organisationId: number;
  organisationName: string;
  regionCode: string;
  published: boolean;
  description: string | null;
  place: string | null;
  postcode: string | null;
  formats: EventKind[];
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  consentAt: string | null;
  updatedAt: string | null;
}

export interface EntryInput {
  published: boolean;
  description?: string | null;
  place?: string | null;
  postcode?: string | null;
  formats?: EventKind[];
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  website?: string | null;
  /** Agreement to the consent text (needed to publish). */
  consent?: boolean;
  locale?: ConsentLocale;
}

type Row = {
  id: number | null;
  organisationId: number;
  organisationName: string;
  regionCode: string;
  published: number | null;
  description: string | null;
  place: string | null;
  postcode: string | null;
  formats: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  consentAt: string | null;
  updatedAt: string | null;
};

const ENTRY_SELECT = sql`
  SELECT d.id, o.id AS organisationId, o.name AS organisationName, o.region_code AS regionCode, d.published, d.description, d.place,
         d.postcode, d.formats, d.contact_name AS contactName, d.contact_email AS contactEmail, d.contact_phone AS contactPhone,
         d.website, d.consent_at AS consentAt, d.updated_at AS updatedAt
  FROM organisations o LEFT JOIN directory_entries d ON d.organisation_id = o.id`;

function toOwn(r: Row): OwnEntry {
  return {
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    regionCode: r.regionCode,
    published: r.published === 1,
    description: r.description,
    place: r.place,
    postcode: r.postcode,
    formats: (r.formats ?? "").split(",").filter(Boolean) as EventKind[],
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    website: r.website,
    consentAt: r.consentAt,
    updatedAt: r.updatedAt,
  };
}

/** The entry of an organisation (an empty one if none is stored yet); 404 for an unknown organisation. */
export async function ownEntryOfOrganisation(db: Db, organisationId: number): Promise<OwnEntry> {
  const [row] = await db.all<Row>(sql`${ENTRY_SELECT} WHERE o.id = ${organisationId} AND o.deleted_at IS NULL`);
  if (!row) throw notFound("Organisation");
  return toOwn(row);
}

/** The entry a directory_edit link names (its subject is the entry's id). */
export async function ownEntryById(db: Db, entryId: number): Promise<OwnEntry> {
  const [row] = await db.all<Row>(sql`${ENTRY_SELECT} WHERE d.id = ${entryId} AND o.deleted_at IS NULL`);
  if (!row) throw notFound("Directory entry");
  return toOwn(row);
}

/** The entry's id, creating an unpublished, empty entry first if the organisation has none. */
export async function ensureEntry(db: Db, organisationId: number): Promise<number> {
  await db.run(sql`INSERT INTO directory_entries (organisation_id) VALUES (${organisationId}) ON CONFLICT (organisation_id) DO NOTHING`);
  const [row] = await db.all<{ id: number }>(sql`SELECT id FROM directory_entries WHERE organisation_id = ${organisationId}`);
  return row.id;
}

/**
 * Saves the entry of `entry.organisationId` with the audit row in one batch. Publishing without
 * the consent is 422; unpublishing erases the contact details and the consent. No snapshot reads
 * directory entries, so no region's revision moves (docs/directory.md).
 */
export async function saveEntry(db: Db, viewer: Viewer, entry: OwnEntry, input: EntryInput): Promise<OwnEntry> {
  const hasContact = !!(input.contactName || input.contactEmail || input.contactPhone || input.website);
  if (input.published && !input.consent) {
    throw new ApiError(422, "validation_failed", "Publishing the entry needs the consent to publication", [{ path: "consent", message: "Agree to the consent text to publish the entry" }]);
  }
  const now = nowIso();
  const published = input.published ? 1 : 0;
  // Offline: the consent is withdrawn and the contact details are erased with it.
  const contact = input.published
    ? { name: input.contactName ?? null, email: input.contactEmail ?? null, phone: input.contactPhone ?? null, website: input.website ?? null }
    : { name: null, email: null, phone: null, website: null };
  const consentText = input.published ? DIRECTORY_CONSENT_TEXT[input.locale ?? "de"] : null;
  const formats = [...new Set(input.formats ?? [])].join(",");
  await db.batch([
    inBatch(db, db.run(sql`
      INSERT INTO directory_entries (organisation_id, published, description, place, postcode, formats, contact_name, contact_email, contact_phone,
                                     website, consent_text, consent_at, consent_by, updated_at)
      VALUES (${entry.organisationId}, ${published}, ${input.description ?? null}, ${input.place ?? null}, ${input.postcode ?? null}, ${formats},
              ${contact.name}, ${contact.email}, ${contact.phone}, ${contact.website},
              ${consentText}, ${consentText ? now : null}, ${consentText ? viewer.actor : null}, ${now})
      ON CONFLICT (organisation_id) DO UPDATE SET published = excluded.published, description = excluded.description, place = excluded.place,
        postcode = excluded.postcode, formats = excluded.formats, contact_name = excluded.contact_name, contact_email = excluded.contact_email,
        contact_phone = excluded.contact_phone, website = excluded.website, consent_text = excluded.consent_text,
        consent_at = excluded.consent_at, consent_by = excluded.consent_by, updated_at = excluded.updated_at`)),
    auditInsert(db, viewer, {
      action: "update",
      entity: "directory_entries",
      entityId: entry.organisationId,
      regionCode: entry.regionCode,
      // Which contact fields were given, never their values.
      detail: { organisationId: entry.organisationId, published: input.published, contact: hasContact && input.published ? "[public contact]" : null, formats },
    }),
  ]);
  return ownEntryOfOrganisation(db, entry.organisationId);
}

/**
 * The statement (for the batch of a personal-data erasure) that takes the organisation's entry
 * offline and erases its contact details and consent: published contact is personal data too.
 */
export function eraseDirectoryContact(db: Db, organisationId: number, now = nowIso()) {
  return inBatch(db, db.run(sql`
    UPDATE directory_entries SET published = 0, contact_name = NULL, contact_email = NULL, contact_phone = NULL, website = NULL,
      consent_text = NULL, consent_at = NULL, consent_by = NULL, updated_at = ${now}
    WHERE organisation_id = ${organisationId}`));
}

/** The organisation's directory contact as stored (for a personal-data export); null without an entry. */
export async function directoryContactOf(db: Db, organisationId: number) {
  const row = await db.get<{ published: number; contactName: string | null; contactEmail: string | null; contactPhone: string | null; website: string | null; consentText: string | null; consentAt: string | null; consentBy: string | null }>(sql`
    SELECT published, contact_name AS contactName, contact_email AS contactEmail, contact_phone AS contactPhone, website,
           consent_text AS consentText, consent_at AS consentAt, consent_by AS consentBy
    FROM directory_entries WHERE organisation_id = ${organisationId}`);
  return row ? { ...row, published: row.published === 1 } : null;
}
