/**
 * @module
 * Registrations by link as stored: reading an entry with its items, the consent text, the
 * organisation a registration is matched to, and the statements that write items. Shared by the
 * public registration routes and the organiser's list.
 */
import { sql } from "drizzle-orm";
import { inBatch, inJsonList, type Db } from "../db/client";
import { registrationItems, registrations } from "../db/tables";
import { ApiError, validationFailed, type ErrorDetail } from "../lib/errors";
import { bestMatch, type OrganisationRef } from "./org-match";
import type { MarketplaceRow } from "./workspace";

/** The consent shown next to the contact fields; the words shown are stored with the contact. */
export const CONSENT_TEXT = {
  de: "Ich bin damit einverstanden, dass der Veranstalter den Namen und die E-Mail-Adresse der Kontaktperson speichert, um diesen Marktplatz vorzubereiten und nach den vereinbarten Engagements nachzufragen. Die Einwilligung kann ich jederzeit über meinen Bearbeitungslink widerrufen; dann werden die Kontaktdaten gelöscht.",
  en: "I agree that the organiser stores the contact person's name and e-mail address to prepare this marketplace and to ask about the deals agreed. I can withdraw this consent at any time through my edit link; the contact data is then erased.",
  nl: "Ik ga ermee akkoord dat de organisator de naam en het e-mailadres van de contactpersoon bewaart om deze beursvloer voor te bereiden en na te vragen hoe de gemaakte afspraken zijn verlopen. Ik kan deze toestemming altijd intrekken via mijn bewerkingslink; de contactgegevens worden dan gewist.",
} as const;

export type ItemInput = {
  id?: number;
  contributionType: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
  description: string;
  quantity?: number | null;
  hours?: number | null;
  wantedWhen?: string | null;
  tags?: string[];
};

export type RegistrationInput = {
  side: "nonprofit" | "company";
  orgName: string;
  postcode?: string | null;
  field?: string | null;
  industry?: string | null;
  items: ItemInput[];
  contactName?: string | null;
  contactEmail?: string | null;
  consent?: boolean;
  locale?: "de" | "en" | "nl";
};

/** Contribution types a marketplace offers: money only where its house rule allows it. */
export const offeredTypes = (m: Pick<MarketplaceRow, "moneyAllowed">) =>
  (["time", "know_how", "goods", "premises", "transport", "network", "money"] as const).filter((t) => t !== "money" || m.moneyAllowed);

/**
 * What schemas cannot see: money where the house rule forbids it, a contact person without
 * consent. Throws 422 with one detail per problem.
 */
export function checkRegistration(m: Pick<MarketplaceRow, "moneyAllowed">, input: RegistrationInput) {
  const details: ErrorDetail[] = [];
  input.items.forEach((item, i) => {
    if (item.contributionType === "money" && !m.moneyAllowed) {
      details.push({ path: `items[${i}].contributionType`, message: "Money is not traded at this marketplace (house rule)" });
    }
  });
  if ((input.contactName || input.contactEmail) && input.consent !== true) {
    details.push({ path: "consent", message: "A contact person is stored only with consent to the text shown" });
  }
  if (details.length) throw validationFailed("The registration was not accepted; nothing was written", details);
}

/** The columns a registration's contact and consent take (all null without a contact person). */
export function contactColumns(input: RegistrationInput, now: string) {
  const hasContact = !!(input.contactName || input.contactEmail);
  const locale = input.locale ?? "de";
  return {
    contactName: hasContact ? (input.contactName ?? null) : null,
    contactEmail: hasContact ? (input.contactEmail ?? null) : null,
    consentText: hasContact ? CONSENT_TEXT[locale] : null,
    consentAt: hasContact ? now : null,
  };
}

/** Items as JSON rows for `json_each` (one bound parameter whatever their number). */
export function itemsJson(input: RegistrationInput) {
  const kind = input.side === "nonprofit" ? "need" : "offer";
  return JSON.stringify(
    input.items.map((i) => ({
      id: i.id ?? null,
      kind,
      type: i.contributionType,
      description: i.description,
      quantity: i.quantity ?? null,
      hours: i.hours ?? null,
      when: i.wantedWhen ?? null,
      tags: [...new Set(i.tags ?? [])].join(","),
    })),
  );
}

/** Inserts the items without id for the registration `registrationId` (an id or an SQL scalar). */
export function insertItems(db: Db, registrationId: number | ReturnType<typeof sql>, json: string) {
  return inBatch(
    db,
    db.run(sql`INSERT INTO registration_items (registration_id, kind, contribution_type, description, quantity, hours, wanted_when, tags)
      SELECT ${registrationId}, json_extract(value, '$.kind'), json_extract(value, '$.type'), json_extract(value, '$.description'),
             json_extract(value, '$.quantity'), json_extract(value, '$.hours'), json_extract(value, '$.when'), json_extract(value, '$.tags')
      FROM json_each(${json}) WHERE json_extract(value, '$.id') IS NULL`),
  );
}

/** Updates the items with an id in place (ids already checked to belong to the registration). */
export function updateItems(db: Db, registrationId: number, json: string) {
  return inBatch(
    db,
    db.run(sql`UPDATE registration_items SET
        kind = json_extract(v.value, '$.kind'), contribution_type = json_extract(v.value, '$.type'),
        description = json_extract(v.value, '$.description'), quantity = json_extract(v.value, '$.quantity'),
        hours = json_extract(v.value, '$.hours'), wanted_when = json_extract(v.value, '$.when'), tags = json_extract(v.value, '$.tags')
      FROM (SELECT value FROM json_each(${json})) AS v
      WHERE registration_items.id = json_extract(v.value, '$.id') AND registration_items.registration_id = ${registrationId}`),
  );
}

/**
 * Organisations a registration could be: same postcode anywhere, or without postcode in the
 * event's state (one query, bounded), then {@link bestMatch} on the name key.
 */
export async function matchOrganisation(db: Db, m: Pick<MarketplaceRow, "regionCode">, name: string, postcode: string | null | undefined): Promise<OrganisationRef | null> {
  const rows = await db.all<OrganisationRef>(sql`
    WITH RECURSIVE up(code, parent) AS (
      SELECT code, parent_code FROM regions WHERE code = ${m.regionCode}
      UNION SELECT r.code, r.parent_code FROM regions r JOIN up ON r.code = up.parent),
    state(code) AS (SELECT code FROM up WHERE parent IS NULL),
    tree(code) AS (SELECT code FROM state UNION SELECT r.code FROM regions r JOIN tree ON r.parent_code = tree.code)
    SELECT id, name, postcode FROM organisations
    WHERE deleted_at IS NULL AND kind IN ('company', 'nonprofit', 'intermediary', 'public')
      AND (${postcode ? sql`replace(postcode, ' ', '') = ${postcode.replace(/\s/g, "")} OR ` : sql``}(region_code IN (SELECT code FROM tree) ${postcode ? sql`AND postcode IS NULL` : sql``}))
    ORDER BY id LIMIT 20000`);
  return bestMatch(name, postcode, rows);
}

export type ItemRow = typeof registrationItems.$inferSelect;
export const toItem = (i: ItemRow) => ({
  id: i.id,
  kind: i.kind,
  contributionType: i.contributionType,
  description: i.description,
  quantity: i.quantity,
  hours: i.hours,
  wantedWhen: i.wantedWhen,
  tags: i.tags ? i.tags.split(",") : [],
});

/** Items of the given registrations, by registration id, in entry order. */
export async function itemsOf(db: Db, registrationIds: number[]) {
  const byRegistration = new Map<number, ReturnType<typeof toItem>[]>();
  if (registrationIds.length === 0) return byRegistration;
  const rows = await db.select().from(registrationItems).where(inJsonList(registrationItems.registrationId, registrationIds)).orderBy(registrationItems.id);
  for (const r of rows) byRegistration.set(r.registrationId, [...(byRegistration.get(r.registrationId) ?? []), toItem(r)]);
  return byRegistration;
}

export type RegistrationRow = typeof registrations.$inferSelect;

/** A 409 for a registration page that takes nothing today. */
export function notTaking(state: "not_yet_open" | "closed" | "full") {
  const text = { not_yet_open: "Registration has not opened yet", closed: "Registration has closed", full: "The marketplace is full" }[state];
  return new ApiError(409, "conflict", `${text}; nothing was written`);
}
