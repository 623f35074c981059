/**
 * @module
 * The columns of each importable type: the header the export and the templates write (German and
 * English) and the other headers people use for the same thing. A header is recognised in any
 * language and spelling ("Wert (EUR)", "Wert in Euro", "Value") via {@link normWord}.
 */
import { normWord } from "./vocabulary";

export const IMPORT_TYPES = ["organisations", "events", "cooperations"] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];
export type Locale = "de" | "en";

export interface ColumnDef<F extends string = string> {
  field: F;
  de: string;
  en: string;
  aliases?: readonly string[];
  /** Organisation kind implied by this header (a column "Unternehmen" lists companies). */
  impliesKind?: "company" | "nonprofit";
}

const id = { field: "id", de: "ID", en: "ID", aliases: ["Id"] } as const;
const source = { field: "source", de: "Quelle", en: "Source", aliases: ["Quellsystem", "Source system"] } as const;
const externalRef = {
  field: "externalRef",
  de: "Referenz",
  en: "Reference",
  aliases: ["Externe Referenz", "External reference", "externalRef", "Ref", "Kennung", "Externe ID", "External ID", "Referenznummer"],
} as const;
const region = {
  field: "region",
  de: "Region",
  en: "Region",
  aliases: ["Regionalschlüssel", "Kreisschlüssel", "AGS", "Region code", "Regionscode", "Landkreis", "Kreis", "Landkreis/Stadt", "District"],
} as const;
const notes = { field: "notes", de: "Notizen", en: "Notes", aliases: ["Bemerkungen", "Bemerkung", "Anmerkungen", "Kommentar", "Comments", "Comment", "Notiz"] } as const;

export const ORGANISATION_COLUMNS = [
  id,
  source,
  externalRef,
  {
    field: "name",
    de: "Name",
    en: "Name",
    aliases: [
      "Organisation", "Organisationsname", "Organisation name", "Organization", "Name der Organisation",
      { header: "Unternehmen", kind: "company" }, { header: "Firma", kind: "company" }, { header: "Company", kind: "company" },
      { header: "Träger", kind: "nonprofit" }, { header: "Verein", kind: "nonprofit" }, { header: "Non-profit", kind: "nonprofit" },
      { header: "Gemeinnützige Organisation", kind: "nonprofit" },
    ],
  },
  { field: "kind", de: "Art", en: "Kind", aliases: ["Typ", "Type", "Organisationsart", "Organisation type", "Sektor", "Sector"] },
  region,
  { field: "postcode", de: "PLZ", en: "Postcode", aliases: ["Postleitzahl", "Postal code", "ZIP", "Zip code"] },
  { field: "field", de: "Arbeitsfeld", en: "Field of work", aliases: ["Handlungsfeld", "Tätigkeitsfeld", "Field", "Engagementfeld"] },
  { field: "industry", de: "Branche", en: "Industry", aliases: ["Wirtschaftszweig"] },
  { field: "sizeClass", de: "Größenklasse", en: "Size class", aliases: ["Größe", "Unternehmensgröße", "Size", "Company size"] },
  { field: "isPublic", de: "Öffentlich", en: "Public", aliases: ["Öffentlich sichtbar", "Veröffentlichen", "Namentlich nennen", "Is public"] },
  { field: "contactName", de: "Ansprechperson", en: "Contact person", aliases: ["Ansprechpartner", "Ansprechpartnerin", "Ansprechpartner:in", "Kontaktperson", "Contact name", "Contact"] },
  { field: "contactEmail", de: "E-Mail", en: "E-mail", aliases: ["Email", "Mail", "E-Mail-Adresse", "Contact e-mail", "Contact email"] },
] as const;

export const EVENT_COLUMNS = [
  id,
  source,
  externalRef,
  { field: "kind", de: "Format", en: "Format", aliases: ["Art", "Kind", "Veranstaltungsart", "Event type", "Typ", "Type", "Veranstaltungsformat"] },
  { field: "title", de: "Titel", en: "Title", aliases: ["Veranstaltung", "Event", "Name", "Bezeichnung", "Veranstaltungstitel"] },
  { field: "date", de: "Datum", en: "Date", aliases: ["Termin", "Veranstaltungsdatum", "Event date", "Tag"] },
  region,
  { field: "organiser", de: "Veranstalter", en: "Organiser", aliases: ["Organisator", "Organizer", "Ausrichter", "Veranstalterin"] },
  { field: "organiserId", de: "Veranstalter-ID", en: "Organiser ID", aliases: ["Organizer ID"] },
  {
    field: "participants",
    de: "Teilnehmende",
    en: "Participants",
    aliases: ["Teilnehmer", "Teilnehmer:innen", "TeilnehmerInnen", "Teilnehmende Organisationen", "Participating organisations"],
  },
  { field: "participantIds", de: "Teilnehmende-IDs", en: "Participant IDs", aliases: ["Teilnehmer-IDs"] },
  notes,
] as const;

export const COOPERATION_COLUMNS = [
  id,
  source,
  externalRef,
  region,
  { field: "company", de: "Unternehmen", en: "Company", aliases: ["Firma", "Unternehmenspartner", "Business", "Unternehmen (Name)"] },
  {
    field: "nonprofit",
    de: "Organisation",
    en: "Non-profit",
    aliases: ["Gemeinnützige Organisation", "Träger", "Einrichtung", "Verein", "Nonprofit", "Organization", "Partnerorganisation", "Gemeinnütziger Partner", "Organisation (gemeinnützig)"],
  },
  { field: "otherPartners", de: "Weitere Partner", en: "Other partners", aliases: ["Weitere Partnerorganisationen", "Partner", "Partners"] },
  { field: "partnerIds", de: "Partner-IDs", en: "Partner IDs", aliases: ["Partner-ID", "Partner ID"] },
  { field: "eventId", de: "Veranstaltung-ID", en: "Event ID", aliases: ["Veranstaltungs-ID"] },
  { field: "event", de: "Veranstaltung", en: "Event", aliases: ["Veranstaltungstitel", "Event title"] },
  { field: "dateAgreed", de: "Datum", en: "Date", aliases: ["Vereinbart am", "Datum vereinbart", "Date agreed", "Abschlussdatum", "Datum der Vereinbarung"] },
  { field: "dateDone", de: "Durchgeführt am", en: "Date done", aliases: ["Erledigt am", "Datum durchgeführt", "Umgesetzt am", "Done on", "Durchführungsdatum"] },
  { field: "status", de: "Status", en: "Status", aliases: ["Stand"] },
  {
    field: "contributionTypes",
    de: "Beitragsarten",
    en: "Contribution types",
    aliases: ["Beitragsart", "Art der Unterstützung", "Unterstützungsart", "Leistungsart", "Leistung", "Contribution", "Contribution type"],
  },
  { field: "volunteers", de: "Ehrenamtliche", en: "Volunteers", aliases: ["Anzahl Ehrenamtliche", "Freiwillige", "Mitarbeitende", "Engagierte", "Number of volunteers"] },
  { field: "hours", de: "Stunden", en: "Hours", aliases: ["Stundenzahl", "Anzahl Stunden", "Zeit (Stunden)", "Zeit (h)", "Std.", "Std", "Hours (total)"] },
  {
    field: "valueEur",
    de: "Wert (EUR)",
    en: "Value (EUR)",
    aliases: ["Wert", "Wert in EUR", "Wert in Euro", "Wert (€)", "Wert €", "Geldwert", "Value", "Value EUR", "Euro", "EUR", "Betrag"],
  },
  { field: "peopleReached", de: "Erreichte Personen", en: "People reached", aliases: ["Begünstigte", "Anzahl Begünstigte", "Reichweite", "Beneficiaries", "Erreichte"] },
  { field: "targetGroups", de: "Zielgruppen", en: "Target groups", aliases: ["Zielgruppe", "Target group"] },
  { field: "givesBack", de: "Gegenleistung", en: "Gives back", aliases: ["Gegenleistung der Organisation", "Rückgabe", "In return"] },
  { field: "followUpOf", de: "Folgekooperation von", en: "Follow-up of", aliases: ["Folge von", "Follow up of", "Fortsetzung von"] },
  notes,
] as const;

type AliasSpec = string | { header: string; kind: "company" | "nonprofit" };
type RawColumn = { field: string; de: string; en: string; aliases?: readonly AliasSpec[] };

export type OrganisationField = (typeof ORGANISATION_COLUMNS)[number]["field"];
export type EventField = (typeof EVENT_COLUMNS)[number]["field"];
export type CooperationField = (typeof COOPERATION_COLUMNS)[number]["field"];

const RAW: Record<ImportType, readonly RawColumn[]> = {
  organisations: ORGANISATION_COLUMNS,
  events: EVENT_COLUMNS,
  cooperations: COOPERATION_COLUMNS,
};

/** The columns of a type with their canonical headers, in export order. */
export function columnsOf(type: ImportType): ColumnDef[] {
  return RAW[type].map((c) => ({ field: c.field, de: c.de, en: c.en }));
}

/** The header a column has in exports and templates. */
export function headerOf(type: ImportType, field: string, locale: Locale): string {
  const col = RAW[type].find((c) => c.field === field);
  if (!col) throw new Error(`headerOf: no column ${field} in ${type}`);
  return col[locale];
}

const headerMaps = new Map<ImportType, Map<string, ColumnDef>>();

/** Normalised header → column, for one type. */
export function headerMap(type: ImportType): Map<string, ColumnDef> {
  let map = headerMaps.get(type);
  if (map) return map;
  map = new Map();
  for (const c of RAW[type]) {
    const base = { field: c.field, de: c.de, en: c.en };
    map.set(normWord(c.de), base);
    map.set(normWord(c.en), base);
    map.set(normWord(c.field), base);
    for (const a of c.aliases ?? []) {
      if (typeof a === "string") map.set(normWord(a), base);
      else map.set(normWord(a.header), { ...base, impliesKind: a.kind });
    }
  }
  headerMaps.set(type, map);
  return map;
}

/** Every column of a type with its canonical headers and accepted synonyms (for clients). */
export function describeColumns(type: ImportType) {
  return RAW[type].map((c) => ({
    field: c.field,
    de: c.de,
    en: c.en,
    aliases: (c.aliases ?? []).map((a) => (typeof a === "string" ? a : a.header)),
  }));
}
