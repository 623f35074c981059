/**
 * @module
 * The report's own wording in German and English side by side; labels of metrics, formats and
 * statuses come from the dashboard's translations (dashboard/src/i18n.ts), so the report names
 * things as the dashboard does.
 */
import type { Locale } from "../../dashboard/src/i18n";

const de = {
  title: "Regionaler Wirkungsbericht {year}",
  subtitle: "Kooperationen zwischen engagierten Unternehmen und gemeinnützigen Organisationen",
  partialYear: "Das Jahr läuft noch: Zahlen bis {date}.",
  citeTitle: "Zitierfähiger Stand",
  revision: "Bericht r{id}, erstellt am {date}, aus Datenstand (Revision) {revision} der Region",
  coverage: "Zeitraum: {from} bis {to}",
  permanentUrl: "Dauerhafte Adresse (zeigt immer genau diese Zahlen):",
  latestNote: "Dies ist der neueste Stand.",
  newerData: "Seit diesem Bericht haben sich die Daten der Region geändert. Neuester Stand:",
  hash: "Prüfsumme der Zahlen (SHA-256): {hash}",
  locator: "Lage der Region",
  locatorNone: "Für diese Region gibt es keine Kreisgrenzen (eigene Region außerhalb des Kreissystems).",
  locatorMissing: "Die Karte ist auf diesem Server nicht verfügbar.",
  keyFigures: "Kennzahlen {year}",
  colFigure: "Kennzahl",
  colValue: "Wert",
  colPer100k: "je 100 000 Einw.",
  population: "Einwohner: {n}",
  populationUnknown: "Einwohnerzahl unbekannt: keine Werte je 100 000 Einwohner.",
  trend: "Neue Kooperationen je Quartal, {year}",
  trendSummary: "Im Jahr {year} vereinbarte Kooperationen je Quartal. „< 3“: aus Datenschutzgründen nicht veröffentlicht (wenige nicht öffentliche Organisationen, oder eine solche Zahl ließe sich aus den übrigen errechnen).",
  trendPartial: "Blass: Quartal noch nicht vorbei.",
  formats: "Kooperationen nach Format, {year}",
  formatsSummary: "Kooperationen des Jahres {year} nach dem Format der Veranstaltung, aus der sie entstanden.",
  values: "Wert der Beiträge nach Art, {year}",
  valuesSummary: "Geschätzter Wert der Beiträge laufender, vereinbarter und erledigter Kooperationen in Euro.",
  conversion: "Aus Erstkontakt wird Partnerschaft",
  conversionIntro: "Paare von Organisationen, deren erste Kooperation aus einer Veranstaltung entstand, nach Jahr und Format dieses Erstkontakts: wie viele innerhalb von 24 Monaten erneut zusammenarbeiteten. Paare, deren 24 Monate am {date} noch nicht vorbei waren, stehen unter „noch offen“ und zählen nicht zur Quote.",
  colYear: "Erstkontakt",
  colFormat: "Format",
  colPairs: "Paare (24 Monate vorbei)",
  colConverted: "erneut kooperiert",
  colPending: "noch offen",
  colRate: "Quote",
  conversionNone: "Keine Paare aus Veranstaltungen in diesen Jahren.",
  network: "Netzwerk {year}",
  networkWindow: "Die Netzwerkkennzahlen beschreiben die Beziehungen, die die Kooperationen des Berichtszeitraums zwischen den Organisationen der Region und ihren Partnern stiften.",
  networkHidden: "Die Netzwerkkennzahlen werden für diese Region nicht veröffentlicht (zu wenige nicht öffentliche Organisationen, siehe Datenschutz).",
  events: "Veranstaltungen",
  nodes: "Organisationen im Netzwerk",
  edges: "Beziehungen",
  components: "Komponenten",
  communities: "Gemeinschaften",
  isolated: "Isolierte Organisationen",
  isolatedNote: "Organisationen der Region ohne Kooperation im Berichtszeitraum: Ansatzpunkte für die Vermittlung",
  methods: "Methoden und Definitionen",
  methodsText:
    "Alle Zahlen sind die öffentlichen Zahlen des Kooperationsatlas, wie sie jede anonyme Abfrage erhält: Zahlen, hinter denen genau ein oder zwei nicht öffentliche Organisationen stehen, erscheinen als „< 3“, daraus berechnete Quoten als „–“. Zählungen und Summen beziehen sich auf Kooperationen, die im Kalenderjahr vereinbart wurden; Werte je 100 000 Einwohner teilen durch die Einwohnerzahl der Region.",
  methodsPinned:
    "Der Bericht wurde beim ersten Abruf für diese Region, dieses Jahr und diesen Datenstand eingefroren; seine dauerhafte Adresse zeigt auch nach späteren Änderungen genau diese Zahlen.",
  docMetrics: "Definitionen aller Kennzahlen",
  docPrivacy: "Regel für kleine Zahlen (Datenschutz)",
  docReports: "Wie Berichte eingefroren und aufbewahrt werden",
  sources: "Quellen",
  sourceData: "Daten: Kooperationsatlas, öffentliche Schnittstelle (anonym abgefragt):",
  sourcePopulation: "Einwohnerzahlen: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Stand 31.12.2018, CC BY 4.0.",
  citation: "Zitiervorschlag: Kooperationsatlas: Regionaler Wirkungsbericht {year}, {region}, Bericht r{id} vom {date}. {url}",
  language: "Sprache",
  printHint: "Zum Drucken oder Speichern als PDF: Drucken im Browser (A4).",
  notFound: "Diesen Bericht gibt es nicht.",
  error: "Fehler",
};

const en: typeof de = {
  title: "Regional impact report {year}",
  subtitle: "Cooperations between engaged companies and non-profit organisations",
  partialYear: "The year is still running: figures up to {date}.",
  citeTitle: "Citable version",
  revision: "Report r{id}, made on {date}, from the region's data revision {revision}",
  coverage: "Period: {from} to {to}",
  permanentUrl: "Permanent address (always shows exactly these figures):",
  latestNote: "This is the latest version.",
  newerData: "The region's data has changed since this report. Latest version:",
  hash: "Checksum of the figures (SHA-256): {hash}",
  locator: "Where the region lies",
  locatorNone: "There are no district boundaries for this region (a custom region outside the district system).",
  locatorMissing: "The map is not available on this server.",
  keyFigures: "Key figures {year}",
  colFigure: "Figure",
  colValue: "Value",
  colPer100k: "per 100,000 inh.",
  population: "Inhabitants: {n}",
  populationUnknown: "Population unknown: no figures per 100,000 inhabitants.",
  trend: "New cooperations per quarter, {year}",
  trendSummary: "Cooperations agreed in {year} per quarter. “< 3”: withheld for privacy (few non-public organisations, or such a figure could be worked out from the others).",
  trendPartial: "Pale: quarter not over yet.",
  formats: "Cooperations by format, {year}",
  formatsSummary: "Cooperations of {year} by the format of the event they came from.",
  values: "Value of contributions by type, {year}",
  valuesSummary: "Estimated value in euros of the contributions of agreed, ongoing and done cooperations.",
  conversion: "From first contact to partnership",
  conversionIntro: "Pairs of organisations whose first cooperation came from an event, by year and format of that first contact: how many cooperated again within 24 months. Pairs whose 24 months were not over on {date} are listed as “still open” and left out of the rate.",
  colYear: "First contact",
  colFormat: "Format",
  colPairs: "Pairs (24 months over)",
  colConverted: "cooperated again",
  colPending: "still open",
  colRate: "Rate",
  conversionNone: "No pairs from events in these years.",
  network: "Network {year}",
  networkWindow: "The network figures describe the ties that the cooperations of the report period form between the region's organisations and their partners.",
  networkHidden: "The network figures of this region are not published (too few non-public organisations, see privacy).",
  events: "Events",
  nodes: "Organisations in the network",
  edges: "Ties",
  components: "Components",
  communities: "Communities",
  isolated: "Isolated organisations",
  isolatedNote: "organisations of the region without a cooperation in the report period: where brokering can start",
  methods: "Methods and definitions",
  methodsText:
    "All figures are the Kooperationsatlas's public figures, as every anonymous request gets them: figures that stand for exactly one or two non-public organisations show as “< 3”, rates computed from them as “–”. Counts and sums refer to cooperations agreed in the calendar year; figures per 100,000 inhabitants divide by the region's population.",
  methodsPinned:
    "The report was frozen on its first request for this region, year and data revision; its permanent address shows exactly these figures after later changes too.",
  docMetrics: "Definitions of every figure",
  docPrivacy: "Small-numbers rule (privacy)",
  docReports: "How reports are frozen and kept",
  sources: "Sources",
  sourceData: "Data: Kooperationsatlas, public API (requested anonymously):",
  sourcePopulation: "Population: Federal Statistical Office (Destatis), GV-ISys municipality directory, as of 31 Dec 2018, CC BY 4.0.",
  citation: "Suggested citation: Kooperationsatlas: Regional impact report {year}, {region}, report r{id} of {date}. {url}",
  language: "Language",
  printHint: "To print or save as PDF: print from the browser (A4).",
  notFound: "There is no such report.",
  error: "Error",
};

export type ReportTextKey = keyof typeof de;

/** The report's wording in one locale: `rt("title", { year: 2025 })`. */
export function reportText(locale: Locale) {
  const dict = locale === "en" ? en : de;
  return (key: ReportTextKey, params?: Record<string, string | number>) => {
    let s = dict[key];
    if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}
