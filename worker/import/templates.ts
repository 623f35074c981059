/**
 * @module
 * Downloadable import templates (CSV and XLSX, German and English): the columns a new user fills
 * in, with example rows. The examples fit together — the organisations template's organisations
 * are the partners in the cooperations template — so the three templates imported in order
 * (organisations, events, cooperations) work as they are. XLSX templates carry a second sheet
 * explaining every column and its allowed values. Given a region (a coordinator's own), the
 * examples are set there — its code, its name in place of the example town, references that name
 * it — so a coordinator's unchanged templates import inside the coordinator's regions.
 */
import type { ExportCell, ExportLocale } from "../export/cells";
import { toCsv } from "../export/csv";
import { toXlsx } from "../export/xlsx";
import { headerOf, type ImportType } from "./columns";
import { CONTRIBUTION_TYPES, COOPERATION_STATUSES, EVENT_KINDS, FIELDS_OF_WORK, INDUSTRIES, ORGANISATION_KINDS, SIZE_CLASSES, type Vocabulary } from "./vocabulary";

type Example = Record<string, ExportCell>;

interface TemplateSpec {
  fields: string[];
  required: string[];
  examples: Record<ExportLocale, Example[]>;
}

const EXAMPLE_WORD = { de: "Beispiel", en: "example" };
const EXAMPLE_NOTE = { de: "Beispielzeile: bitte überschreiben oder löschen", en: "Example row: overwrite or delete it" };

const TEMPLATES: Record<ImportType, TemplateSpec> = {
  organisations: {
    fields: ["externalRef", "name", "kind", "region", "postcode", "field", "industry", "sizeClass", "isPublic", "contactName", "contactEmail"],
    required: ["name", "kind", "region"],
    examples: {
      de: [
        { externalRef: "ORG-001", name: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", kind: "Gemeinnützige Organisation", region: "05358", postcode: "52428", field: "Soziale Dienste", isPublic: "ja", contactName: "Erika Mustermann", contactEmail: "erika.mustermann@example.org" },
        { externalRef: "ORG-002", name: "Muster Bau GmbH", kind: "Unternehmen", region: "05358", postcode: "52349", industry: "Bau und Handwerk", sizeClass: "Kleinunternehmen", isPublic: "ja" },
        { externalRef: "ORG-003", name: "Jugendzentrum Düren-Nord", kind: "Gemeinnützige Organisation", region: "05358", postcode: "52351", field: "Jugendarbeit", isPublic: "nein" },
      ],
      en: [
        { externalRef: "ORG-001", name: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", kind: "nonprofit", region: "05358", postcode: "52428", field: "social_services", isPublic: "yes", contactName: "Erika Mustermann", contactEmail: "erika.mustermann@example.org" },
        { externalRef: "ORG-002", name: "Muster Bau GmbH", kind: "company", region: "05358", postcode: "52349", industry: "construction_crafts", sizeClass: "small", isPublic: "yes" },
        { externalRef: "ORG-003", name: "Jugendzentrum Düren-Nord", kind: "nonprofit", region: "05358", postcode: "52351", field: "youth_work", isPublic: "no" },
      ],
    },
  },
  events: {
    fields: ["externalRef", "kind", "title", "date", "region", "organiser", "participants", "notes"],
    required: ["kind", "title", "date", "region"],
    examples: {
      de: [
        {
          externalRef: "VA-2024-01", kind: "Marktplatz", title: "Gute Geschäfte Jülich 2024", date: { date: "2024-05-17" }, region: "05358",
          organiser: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", participants: "Muster Bau GmbH | Jugendzentrum Düren-Nord", notes: EXAMPLE_NOTE.de,
        },
      ],
      en: [
        {
          externalRef: "VA-2024-01", kind: "marketplace", title: "Gute Geschäfte Jülich 2024", date: { date: "2024-05-17" }, region: "05358",
          organiser: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", participants: "Muster Bau GmbH | Jugendzentrum Düren-Nord", notes: EXAMPLE_NOTE.en,
        },
      ],
    },
  },
  cooperations: {
    fields: [
      "externalRef", "region", "company", "nonprofit", "otherPartners", "event", "dateAgreed", "dateDone", "status", "contributionTypes",
      "volunteers", "hours", "valueEur", "peopleReached", "targetGroups", "givesBack", "notes",
    ],
    required: ["company", "nonprofit", "dateAgreed"],
    examples: {
      de: [
        {
          externalRef: "GG-2024-001", region: "05358", company: "Muster Bau GmbH", nonprofit: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", event: "Gute Geschäfte Jülich 2024",
          dateAgreed: { date: "2024-05-17" }, dateDone: { date: "2024-06-22" }, status: "durchgeführt", contributionTypes: "Zeit, Know-how", volunteers: 6, hours: 36.5,
          valueEur: 1250, peopleReached: 40, targetGroups: "Seniorinnen und Senioren", givesBack: "Dankesurkunde, Bericht in der Mitgliederzeitung", notes: EXAMPLE_NOTE.de,
        },
        {
          externalRef: "GG-2024-002", region: "05358", company: "Muster Bau GmbH", nonprofit: "Jugendzentrum Düren-Nord", event: "Gute Geschäfte Jülich 2024",
          dateAgreed: { date: "2024-05-17" }, status: "vereinbart", contributionTypes: "Sachleistung", volunteers: 0, hours: 0, valueEur: 480.5, peopleReached: 25,
          targetGroups: "Jugendliche", notes: EXAMPLE_NOTE.de,
        },
      ],
      en: [
        {
          externalRef: "GG-2024-001", region: "05358", company: "Muster Bau GmbH", nonprofit: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", event: "Gute Geschäfte Jülich 2024",
          dateAgreed: { date: "2024-05-17" }, dateDone: { date: "2024-06-22" }, status: "done", contributionTypes: "time, know_how", volunteers: 6, hours: 36.5,
          valueEur: 1250, peopleReached: 40, targetGroups: "Older people", givesBack: "Certificate of thanks, report in the members' magazine", notes: EXAMPLE_NOTE.en,
        },
        {
          externalRef: "GG-2024-002", region: "05358", company: "Muster Bau GmbH", nonprofit: "Jugendzentrum Düren-Nord", event: "Gute Geschäfte Jülich 2024",
          dateAgreed: { date: "2024-05-17" }, status: "agreed", contributionTypes: "goods", volunteers: 0, hours: 0, valueEur: 480.5, peopleReached: 25,
          targetGroups: "Young people", notes: EXAMPLE_NOTE.en,
        },
      ],
    },
  },
};

const words = <K extends string>(v: Vocabulary<K>, locale: ExportLocale) =>
  (Object.keys(v.labels) as K[]).map((k) => (locale === "de" ? `${v.labels[k]} (${k})` : k)).join(", ");

/** What a column takes, for the notes sheet. */
function describe(field: string, locale: ExportLocale): string {
  const de = locale === "de";
  const d: Record<string, [string, string]> = {
    externalRef: ["Ihre eindeutige Kennung der Zeile (z. B. aus Ihrer Liste); macht erneutes Importieren sicher", "Your unique key for the row (e.g. from your list); makes importing again safe"],
    name: ["Name der Organisation", "Name of the organisation"],
    kind: [words(ORGANISATION_KINDS, "de"), words(ORGANISATION_KINDS, "en")],
    region: ["Regionalschlüssel (AGS, z. B. 05358) oder eindeutiger Name der Region", "Region code (AGS, e.g. 05358) or the region's unique name"],
    postcode: ["Postleitzahl", "Postcode"],
    field: [`Arbeitsfeld gemeinnütziger Organisationen: ${words(FIELDS_OF_WORK, "de")}; andere Arbeitsfelder als eigener Begriff`, `Field of work of non-profits: ${words(FIELDS_OF_WORK, "en")}; others as a key of your own`],
    industry: [`Branche von Unternehmen: ${words(INDUSTRIES, "de")}; andere Branchen als eigener Begriff`, `Industry of companies: ${words(INDUSTRIES, "en")}; others as a key of your own`],
    sizeClass: [words(SIZE_CLASSES, "de"), words(SIZE_CLASSES, "en")],
    isPublic: ["ja/nein: darf in öffentlichen Grafiken genannt werden", "yes/no: may be named in public charts"],
    contactName: ["Ansprechperson (personenbezogen, nie öffentlich)", "Contact person (personal data, never public)"],
    contactEmail: ["E-Mail der Ansprechperson (personenbezogen)", "Contact e-mail (personal data)"],
    title: ["Titel der Veranstaltung", "Title of the event"],
    date: ["Datum: 17.05.2024 oder 2024-05-17", "Date: 2024-05-17 or 17.05.2024"],
    organiser: ["Veranstaltende Organisation: Name oder Referenz", "Organising organisation: name or reference"],
    participants: ["Teilnehmende Organisationen: Namen oder Referenzen, getrennt durch | oder Zeilenumbruch", "Participating organisations: names or references separated by | or line breaks"],
    notes: ["Freitext", "Free text"],
    company: ["Unternehmen: Name (genau wie gespeichert) oder Referenz; mehrere mit | trennen", "Company: exact name as stored or reference; separate several with |"],
    nonprofit: ["Gemeinnützige Organisation: Name oder Referenz", "Non-profit: name or reference"],
    otherPartners: ["Weitere Partner (z. B. Kommune): Namen oder Referenzen, getrennt durch |", "Other partners (e.g. municipality): names or references separated by |"],
    event: ["Titel der Veranstaltung, aus der die Kooperation entstand (optional)", "Title of the event the cooperation came from (optional)"],
    dateAgreed: ["Datum der Vereinbarung: 17.05.2024 oder 2024-05-17", "Date agreed: 2024-05-17 or 17.05.2024"],
    dateDone: ["Datum der Durchführung (optional)", "Date done (optional)"],
    status: [words(COOPERATION_STATUSES, "de") + "; leer: vereinbart bzw. durchgeführt, wenn ein Durchführungsdatum angegeben ist", words(COOPERATION_STATUSES, "en") + "; empty: agreed, or done when a date done is given"],
    contributionTypes: [words(CONTRIBUTION_TYPES, "de") + "; mehrere mit Komma trennen", words(CONTRIBUTION_TYPES, "en") + "; separate several with commas"],
    volunteers: ["Anzahl Ehrenamtliche/Mitarbeitende (ganze Zahl)", "Number of volunteers (whole number)"],
    hours: ["Geleistete Stunden insgesamt, z. B. 36,5", "Total hours, e.g. 36.5"],
    valueEur: ["Geschätzter Wert in Euro, z. B. 1.250,00", "Estimated value in euros, e.g. 1250.00"],
    peopleReached: ["Erreichte Personen (Begünstigte)", "People reached (beneficiaries)"],
    targetGroups: ["Zielgruppen (Freitext)", "Target groups (free text)"],
    givesBack: ["Was die Organisation zurückgibt", "What the non-profit gives back"],
  };
  return d[field]?.[de ? 0 : 1] ?? "";
}

/** Where the example rows are set when no region is given (Düren, towns Jülich and Düren). */
const EXAMPLE_REGION = "05358";
const EXAMPLE_TOWNS = /Jülich|Düren/g;

/** A region the examples are set in. */
export interface TemplateRegion {
  code: string;
  name: string;
}

/** Columns that name partner organisations (by name or reference, several separated by " | "). */
const PARTNER_FIELDS = new Set(["organiser", "participants", "company", "nonprofit", "otherPartners"]);

const MARKED_FIELDS = new Set(["name", "title", "event"]);

/** "ORG-001" → "ORG-05113-001": a reference names one record, so each region's examples get their own. */
const refIn = (ref: string, region: TemplateRegion) => ref.replace(/^([A-Z]+)-/, `$1-${region.code}-`);

/**
 * The examples moved to `region`: its code in region columns, its name for the example towns,
 * references carrying its code (another region's example records are outside a coordinator's
 * scope), organisation names and event titles marked as examples, and partners named by reference:
 * "Arbeiterwohlfahrt Kreisverband Essen e.V." or "Gute Geschäfte Essen 2024" may be real records
 * there, which the import would otherwise match by name (and change) or find ambiguous.
 */
function setIn(example: Example, region: TemplateRegion, locale: ExportLocale): Example {
  const town = region.name.replace(/,.*$/, ""); // "Essen, Stadt" → "Essen"
  const refOf = new Map(TEMPLATES.organisations.examples[locale].map((o) => [String(o.name), refIn(String(o.externalRef), region)]));
  const out: Example = {};
  for (const [field, value] of Object.entries(example)) {
    if (field === "region" && value === EXAMPLE_REGION) out[field] = region.code;
    else if (field === "externalRef" && typeof value === "string") out[field] = refIn(value, region);
    // A postcode of the example town would be wrong for the region; the column is optional.
    else if (field === "postcode") continue;
    else if (PARTNER_FIELDS.has(field) && typeof value === "string") out[field] = value.split(" | ").map((name) => refOf.get(name) ?? name).join(" | ");
    // Names and event titles the import matches by (an event only by its title).
    else if (MARKED_FIELDS.has(field) && typeof value === "string") out[field] = `${value.replace(EXAMPLE_TOWNS, town)} (${EXAMPLE_WORD[locale]})`;
    else if (typeof value === "string") out[field] = value.replace(EXAMPLE_TOWNS, town);
    else out[field] = value;
  }
  return out;
}

export interface TemplateFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}

const FILE_STEM: Record<ImportType, Record<ExportLocale, string>> = {
  organisations: { de: "vorlage-organisationen", en: "template-organisations" },
  events: { de: "vorlage-veranstaltungen", en: "template-events" },
  cooperations: { de: "vorlage-kooperationen", en: "template-cooperations" },
};

/**
 * The template of a type as CSV (German dialect for `de`) or XLSX (with a notes sheet); with
 * `region`, the examples are set in that region.
 */
export function buildTemplate(type: ImportType, ext: "csv" | "xlsx", locale: ExportLocale, region?: TemplateRegion): TemplateFile {
  const spec = TEMPLATES[type];
  const header = spec.fields.map((f) => headerOf(type, f, locale));
  const examples = region && region.code !== EXAMPLE_REGION ? spec.examples[locale].map((ex) => setIn(ex, region, locale)) : spec.examples[locale];
  const rows = examples.map((ex) => spec.fields.map((f) => ex[f] ?? null));
  const fileName = `${FILE_STEM[type][locale]}.${ext}`;
  if (ext === "csv") return { body: toCsv(header, rows, locale), contentType: "text/csv; charset=utf-8", fileName };
  const de = locale === "de";
  const notes = spec.fields.map((f) => [
    headerOf(type, f, locale),
    spec.required.includes(f) ? (de ? "ja" : "yes") : de ? "nein" : "no",
    type === "events" && f === "kind" ? words(EVENT_KINDS, locale) : describe(f, locale),
  ]);
  const body = toXlsx(
    [
      { name: de ? "Daten" : "Data", header, rows },
      {
        name: de ? "Hinweise" : "Notes",
        header: de ? ["Spalte", "Pflicht", "Inhalt"] : ["Column", "Required", "Content"],
        rows: [
          ...notes,
          [],
          [de ? "Hinweis" : "Note", "", de ? "Nur das erste Tabellenblatt wird importiert. Erst Organisationen, dann Veranstaltungen, dann Kooperationen importieren." : "Only the first sheet is imported. Import organisations first, then events, then cooperations."],
        ],
        widths: [24, 10, 100],
      },
    ],
    locale,
  );
  return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName };
}
