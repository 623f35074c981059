/**
 * @module
 * The organiser's guide as built-in checklist templates, one per format (docs/checklists.md).
 * Each item is due `offsetDays` after the event's date (negative: before it) and is written in
 * German, English and Dutch. An organiser who changes a template gets its own copy in
 * `checklist_templates`; these stay the default for everyone else.
 */

export const CHECKLIST_FORMATS = ["marketplace", "action_day", "social_day", "action_72h", "round_table"] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

export interface BuiltinItem {
  key: string;
  offsetDays: number;
  de: string;
  en: string;
  nl: string;
}

const item = (key: string, offsetDays: number, de: string, en: string, nl: string): BuiltinItem => ({ key, offsetDays, de, en, nl });

// Steps every format shares, before and after the day.
const partners = item("win_partners", -180, "Partner gewinnen: Kammer, Stadt, Freiwilligenagentur, Unterstützer", "Win partners: chamber, city, volunteer agency, supporters", "Partners werven: Kamer van Koophandel, gemeente, vrijwilligerscentrale, sponsors");
const venue = item("venue_date", -150, "Ort und Termin festlegen, Raum reservieren", "Fix date and venue, book the room", "Datum en locatie vastleggen, ruimte reserveren");
const press = item("press", -30, "Presse und Öffentlichkeit informieren", "Inform the press and the public", "Pers en publiek informeren");
const thanks = item("thanks", 1, "Allen Beteiligten danken", "Thank everyone involved", "Alle betrokkenen bedanken");
const publish = item("publish_results", 14, "Ergebnisse veröffentlichen (Zahlen, Fotos, Stimmen)", "Publish the results (figures, photos, voices)", "Resultaten publiceren (cijfers, foto's, reacties)");
const followUp = item("follow_up", 90, "Nachfassen: Was ist aus den Vereinbarungen geworden?", "Follow up: what became of the agreements?", "Navragen: wat is er van de afspraken geworden?");
const review = item("review_next", 120, "Auswertung mit den Partnern, Termin für das nächste Mal", "Review with the partners, set the next date", "Evaluatie met de partners, volgende datum vastleggen");

export const BUILTIN_TEMPLATES: Record<ChecklistFormat, readonly BuiltinItem[]> = {
  marketplace: [
    partners,
    venue,
    item("invite", -90, "Unternehmen und gemeinnützige Organisationen einladen, Anmeldung öffnen", "Invite companies and non-profits, open registration", "Bedrijven en maatschappelijke organisaties uitnodigen, aanmelding openen"),
    item("moderators", -60, "Moderatorinnen und Moderatoren gewinnen", "Recruit moderators", "Bemiddelaars werven"),
    press,
    item("final_lists", -14, "Endgültige Listen: Teilnehmende, Bedarfe und Angebote, Namensschilder", "Final lists: participants, needs and offers, name badges", "Definitieve lijsten: deelnemers, vragen en aanbod, naambordjes"),
    item("brief_moderators", -7, "Moderation einweisen, Gesprächsplan ausdrucken", "Brief the moderators, print the talk plan", "Bemiddelaars instrueren, gespreksschema printen"),
    item("deal_sheets", -2, "Dealbögen, Formulare und Technik bereitlegen", "Prepare deal sheets, forms and equipment", "Dealformulieren, formulieren en techniek klaarleggen"),
    thanks,
    publish,
    followUp,
    review,
  ],
  action_day: [
    partners,
    item("call_projects", -120, "Gemeinnützige Organisationen um Projekte bitten", "Ask non-profits for projects", "Maatschappelijke organisaties om projecten vragen"),
    item("invite", -90, "Unternehmen einladen, Teams anmelden lassen", "Invite companies to register teams", "Bedrijven uitnodigen teams aan te melden"),
    press,
    item("assign_teams", -21, "Teams den Projekten zuordnen", "Assign teams to projects", "Teams aan projecten koppelen"),
    item("final_lists", -14, "Endgültige Listen je Projekt und je Team verschicken", "Send the final lists per project and per team", "Definitieve lijsten per project en per team versturen"),
    item("material", -3, "Material, Verpflegung und Versicherung klären", "Sort out materials, catering and insurance", "Materiaal, catering en verzekering regelen"),
    thanks,
    item("results", 7, "Ergebnisse je Projekt erfassen (Freiwillige, Stunden, Erreichte)", "Record results per project (volunteers, hours, people reached)", "Resultaten per project vastleggen (vrijwilligers, uren, bereikte mensen)"),
    publish,
    followUp,
  ],
  social_day: [
    partners,
    item("call_projects", -120, "Einsatzstellen und Projekte sammeln", "Collect placements and projects", "Inzetplekken en projecten verzamelen"),
    item("invite", -90, "Schulen und Unternehmen einladen", "Invite schools and companies", "Scholen en bedrijven uitnodigen"),
    press,
    item("final_lists", -14, "Endgültige Einsatzlisten verschicken", "Send the final placement lists", "Definitieve inzetlijsten versturen"),
    thanks,
    item("results", 7, "Ergebnisse erfassen (Teilnehmende, Stunden, Erlös)", "Record results (participants, hours, proceeds)", "Resultaten vastleggen (deelnemers, uren, opbrengst)"),
    publish,
    followUp,
  ],
  action_72h: [
    partners,
    item("call_groups", -180, "Jugendgruppen zur Teilnahme aufrufen", "Call on youth groups to take part", "Jongerengroepen oproepen mee te doen"),
    item("call_projects", -120, "Projektideen mit gemeinnützigen Organisationen sammeln", "Collect project ideas with non-profits", "Projectideeën met maatschappelijke organisaties verzamelen"),
    item("invite", -90, "Unternehmen als Unterstützer einladen", "Invite companies as supporters", "Bedrijven als ondersteuner uitnodigen"),
    press,
    item("final_lists", -14, "Endgültige Listen: Gruppen, Projekte, Ansprechpersonen für alle drei Tage", "Final lists: groups, projects, contacts for all three days", "Definitieve lijsten: groepen, projecten, contactpersonen voor alle drie dagen"),
    thanks,
    publish,
    followUp,
  ],
  round_table: [
    item("topics", -42, "Themen und Gäste festlegen", "Decide topics and guests", "Onderwerpen en gasten vastleggen"),
    item("invite", -21, "Einladung mit Tagesordnung verschicken", "Send the invitation with the agenda", "Uitnodiging met agenda versturen"),
    item("open_tasks", -7, "Offene Aufgaben des letzten Treffens nachfragen", "Check the open tasks of the last meeting", "Openstaande taken van de vorige bijeenkomst nagaan"),
    item("room", -7, "Raum und Bewirtung bestätigen", "Confirm room and catering", "Ruimte en catering bevestigen"),
    item("minutes", 3, "Protokoll mit Beschlüssen und Aufgaben verschicken", "Send the minutes with decisions and tasks", "Verslag met besluiten en taken versturen"),
    item("track_tasks", 30, "Aufgaben nachhalten", "Track the tasks", "Taken opvolgen"),
  ],
};

/** The built-in item of `format` with this key, if any. */
export function builtinItem(format: ChecklistFormat, key: string | null | undefined): BuiltinItem | undefined {
  return key ? BUILTIN_TEMPLATES[format].find((i) => i.key === key) : undefined;
}

/** The format's template for an event kind, or null for kinds without one (`other`). */
export function formatOfKind(kind: string): ChecklistFormat | null {
  return (CHECKLIST_FORMATS as readonly string[]).includes(kind) ? (kind as ChecklistFormat) : null;
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
