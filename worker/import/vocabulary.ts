/**
 * @module
 * The words for enumerated values in files, German and English: the API's keys (`company`,
 * `done`, `know_how` …) and the labels people type ("Unternehmen", "durchgeführt", "Know-how").
 * The import accepts all of them; the export writes the German label (locale `de`) or the key (`en`).
 */

import { FIELD_KEYS, INDUSTRY_KEYS, translator } from "../../dashboard/src/i18n";

export interface Vocabulary<K extends string> {
  /** German label written by German exports and templates. */
  labels: Record<K, string>;
  /** More words meaning the key (the key itself and its label are always accepted). */
  aliases: Partial<Record<K, readonly string[]>>;
}

/**
 * The form used to compare headers and labels: lower case, umlauts spelled out, everything but
 * letters and digits dropped. "Wert (EUR)" → "werteur", "Know-how" → "knowhow".
 */
export function normWord(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

/** Word → key lookup of a vocabulary. */
export function lookupOf<K extends string>(v: Vocabulary<K>): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(v.labels) as K[]) {
    map.set(normWord(key), key);
    map.set(normWord(v.labels[key]), key);
    for (const alias of v.aliases[key] ?? []) map.set(normWord(alias), key);
  }
  return map;
}

export const ORGANISATION_KINDS: Vocabulary<"company" | "nonprofit" | "public" | "intermediary"> = {
  labels: { company: "Unternehmen", nonprofit: "Gemeinnützige Organisation", public: "Öffentliche Einrichtung", intermediary: "Mittlerorganisation" },
  aliases: {
    company: ["Firma", "Betrieb", "Wirtschaft", "Business", "Unternehmen (Wirtschaft)"],
    nonprofit: ["gemeinnützig", "Non-Profit", "Non-profit organisation", "NPO", "NGO", "Verein", "Träger", "Gemeinnütziger Träger", "Sozialer Träger", "Einrichtung"],
    public: ["öffentlich", "Öffentliche Hand", "Kommune", "Behörde", "Verwaltung", "Public body", "Public sector"],
    intermediary: ["Mittler", "Intermediär", "Freiwilligenagentur", "Freiwilligenzentrum", "Ehrenamtsagentur"],
  },
};

export const COOPERATION_STATUSES: Vocabulary<"agreed" | "done" | "ongoing" | "cancelled" | "not_feasible"> = {
  labels: { agreed: "vereinbart", done: "durchgeführt", ongoing: "laufend", cancelled: "abgesagt", not_feasible: "nicht umsetzbar" },
  aliases: {
    agreed: ["zugesagt", "geplant", "offen", "Deal", "planned"],
    done: ["erledigt", "abgeschlossen", "umgesetzt", "erfüllt", "fertig", "completed", "fulfilled"],
    ongoing: ["läuft", "in Umsetzung", "in Arbeit", "dauerhaft", "running", "in progress"],
    cancelled: ["storniert", "abgebrochen", "canceled"],
    not_feasible: ["nicht durchführbar", "nicht machbar", "nicht möglich", "not possible", "infeasible"],
  },
};

export const CONTRIBUTION_TYPES: Vocabulary<"time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money"> = {
  labels: { time: "Zeit", goods: "Sachleistung", know_how: "Know-how", premises: "Räume", transport: "Transport", network: "Netzwerk", money: "Geld" },
  aliases: {
    time: ["Zeitspende", "Personaleinsatz", "Mitarbeitereinsatz", "Arbeitszeit", "Einsatz", "Zeitspenden"],
    goods: ["Sachleistungen", "Sachspende", "Sachspenden", "Sachmittel", "Material", "Waren"],
    know_how: ["Fachwissen", "Beratung", "Wissen", "Expertise", "Knowhow"],
    premises: ["Räumlichkeiten", "Raum", "Raumüberlassung", "Rooms", "Space"],
    transport: ["Fahrdienst", "Fahrdienste", "Fahrten", "Logistik", "Umzugshilfe", "Lieferung", "Delivery", "Logistics"],
    network: ["Kontakte", "Netzwerke", "Vermittlung", "Contacts"],
    money: ["Geldspende", "Geldspenden", "Spende", "Finanzierung", "Donation", "Sponsoring"],
  },
};

export const EVENT_KINDS: Vocabulary<"action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other"> = {
  labels: {
    action_day: "Aktionstag",
    marketplace: "Marktplatz",
    round_table: "Runder Tisch",
    action_72h: "72-Stunden-Aktion",
    social_day: "Social Day",
    other: "Sonstiges",
  },
  aliases: {
    action_day: ["Freiwilligentag", "Aktionstag Engagement", "Local action day", "Action day"],
    marketplace: ["Engagement-Marktplatz", "Marktplatz Gute Geschäfte", "Gute Geschäfte", "Engagement marketplace"],
    round_table: ["Round table", "Unternehmensstammtisch", "Netzwerktreffen"],
    action_72h: ["72-Stunden", "72h", "72h-Aktion", "72-hour action", "72 hour action"],
    social_day: ["Sozialer Tag", "Sozialtag", "Social-Day"],
    other: ["Andere", "Anderes", "Sonstige"],
  },
};

export const SIZE_CLASSES: Vocabulary<"micro" | "small" | "medium" | "large"> = {
  labels: { micro: "Kleinstunternehmen", small: "Kleinunternehmen", medium: "Mittleres Unternehmen", large: "Großunternehmen" },
  aliases: {
    micro: ["Kleinst", "Kleinstbetrieb", "1-9", "unter 10"],
    small: ["klein", "Kleinbetrieb", "10-49"],
    medium: ["mittel", "mittelgroß", "Mittelstand", "50-249"],
    large: ["groß", "Großbetrieb", "Konzern", "250+", "ab 250"],
  },
};

export const BOOLEAN_WORDS = new Map<string, boolean>(
  [
    ...["ja", "j", "yes", "y", "x", "wahr", "true", "1", "oeffentlich", "public"].map((w) => [w, true] as const),
    ...["nein", "n", "no", "falsch", "false", "0", "nichtoeffentlich", "private"].map((w) => [w, false] as const),
  ],
);

/** Known keys with the dashboard's German labels ("Jugendarbeit" for youth_work). */
function sectorVocabulary<K extends string>(keys: readonly K[]): Vocabulary<K> {
  const t = translator("de");
  return { labels: Object.fromEntries(keys.map((k) => [k, t(`sector_${k}`)])) as Record<K, string>, aliases: {} };
}

/**
 * Fields of work (non-profits) and industries (companies) the dashboard names. The stored keys are
 * free text: a cell that is none of these keys or labels becomes a key of its own (`parseSector`).
 */
export const FIELDS_OF_WORK = sectorVocabulary(FIELD_KEYS);
export const INDUSTRIES = sectorVocabulary(INDUSTRY_KEYS);
