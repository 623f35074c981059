/**
 * @module
 * Round tables and checklists in the demo data (docs/round-tables.md, docs/checklists.md): the
 * round-table meetings the generator makes in Brandenburg (the state's round table of engaged
 * companies) and in Arnhem (Dutch titles and minutes) become series with their meetings'
 * places, decisions and tasks — done, open and overdue — owned by attendees; and every event of a
 * format with a template gets its working checklist, ticked the way organisers tick them (most
 * past items done, a few left overdue, nothing after the data's last day done). National data
 * sets (benchmarks) leave the checklists out: they are working notes, not figures, and would
 * only make loading slower.
 *
 * Built from the rows the generator yields (it watches the stream), with its own PRNG, so the rest
 * of the demo data is the same with or without it.
 */
import { BUILTIN_TEMPLATES, formatOfKind } from "../../worker/checklists/templates";
import type { DemoBatch, EventParticipantRow, EventRow } from "./model";
import { Rng } from "./prng";

export interface RoundTableSeriesRow {
  id: number;
  title: string;
  regionCode: string;
  organiserId: number | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RoundTableMeetingRow {
  eventId: number;
  seriesId: number;
  place: string | null;
  startsAt: string | null;
  minutesBy: string | null;
  createdAt: string;
}

export interface RoundTableDecisionRow {
  id: number;
  eventId: number;
  text: string;
  createdAt: string;
}

export interface RoundTableTaskRow {
  id: number;
  eventId: number;
  task: string;
  ownerOrganisationId: number | null;
  ownerName: string | null;
  dueOn: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EventChecklistRow {
  eventId: number;
  templateId: null;
  createdAt: string;
}

export interface EventChecklistItemRow {
  id: number;
  eventId: number;
  position: number;
  builtinKey: string;
  title: string;
  offsetDays: number;
  assignee: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

export interface RoundTableTables {
  roundTableSeries: RoundTableSeriesRow[];
  roundTableMeetings: RoundTableMeetingRow[];
  roundTableDecisions: RoundTableDecisionRow[];
  roundTableTasks: RoundTableTaskRow[];
  eventChecklists: EventChecklistRow[];
  eventChecklistItems: EventChecklistItemRow[];
}

/** The series the seed text names: where its meetings are held, in which language its minutes are kept. */
const SERIES = [
  {
    match: (e: EventRow) => e.regionCode === "12" || e.regionCode.startsWith("12"),
    title: "Runder Tisch engagierter Unternehmen Brandenburg",
    regionCode: "12",
    description: "Unternehmen, Kammern und Freiwilligenagenturen im Land Brandenburg treffen sich dreimal im Jahr: Erfahrungen austauschen, gemeinsame Aktionstage planen, neue Mitglieder gewinnen.",
    places: ["IHK Potsdam, Breite Straße 2a", "Handwerkskammer Cottbus", "Rathaus Brandenburg an der Havel", "Technologiezentrum Frankfurt (Oder)"],
    decisions: [
      "Im Herbst findet ein gemeinsamer Aktionstag in allen beteiligten Landkreisen statt.",
      "Neue Mitgliedsunternehmen werden beim nächsten Treffen vorgestellt.",
      "Die Ergebnisse des Marktplatzes werden im Netzwerk-Newsletter veröffentlicht.",
      "Eine Arbeitsgruppe bereitet einen Leitfaden für kleine Betriebe vor.",
      "Das nächste Treffen findet bei einem Mitgliedsunternehmen statt.",
    ],
    tasks: ["Einladung zum Aktionstag an alle Mitglieder verschicken", "Projektideen bei den gemeinnützigen Trägern sammeln", "Pressemitteilung zum Treffen abstimmen", "Raum für das nächste Treffen klären", "Kontakt zur Kammer für den Marktplatz aufnehmen"],
    people: ["Frau Schulze", "Herr Neumann", "Frau Krüger", "Herr Lehmann"],
  },
  {
    match: (e: EventRow) => e.regionCode === "NL-ARN",
    title: "Ronde tafel maatschappelijk betrokken ondernemen Arnhem",
    regionCode: "NL-ARN",
    description: "Bedrijven, maatschappelijke organisaties en de vrijwilligerscentrale van Arnhem komen drie keer per jaar samen om samenwerking in de stad te versterken.",
    places: ["Stadhuis Arnhem, Koningstraat 38", "Vrijwilligerscentrale Arnhem", "Rijnhal Arnhem", "Bibliotheek Rozet"],
    decisions: [
      "In het najaar organiseren we een beursvloer met alle partners.",
      "Nieuwe bedrijven worden bij de volgende bijeenkomst voorgesteld.",
      "De resultaten van de beursvloer komen in de nieuwsbrief van de vrijwilligerscentrale.",
      "Een werkgroep maakt een handleiding voor kleine bedrijven.",
      "De volgende bijeenkomst is bij een van de deelnemende bedrijven.",
    ],
    tasks: ["Uitnodiging voor de beursvloer aan alle partners versturen", "Projectideeën bij maatschappelijke organisaties ophalen", "Persbericht over de bijeenkomst afstemmen", "Ruimte voor de volgende bijeenkomst regelen", "Contact opnemen met de gemeente over een subsidie"],
    people: ["mevrouw De Vries", "meneer Jansen", "mevrouw Bakker", "meneer Visser"],
  },
] as const;

/** `n` distinct items of `list` in random order (a partial Fisher–Yates shuffle). */
function sample<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const copy = [...list];
  for (let i = 0; i < Math.min(n, copy.length); i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const stamp = (day: number, hour = 18) => `${isoOf(day)}T${String(hour).padStart(2, "0")}:00:00.000Z`;

export class RoundTableDemo {
  private readonly rng: Rng;
  private readonly asOfDay: number;
  private readonly events: EventRow[] = [];
  private readonly participants = new Map<number, number[]>();

  private readonly checklists: boolean;

  constructor(seed: number, asOf: string, options: { checklists: boolean } = { checklists: true }) {
    this.checklists = options.checklists;
    // Its own stream: the rest of the demo data does not change with it.
    this.rng = new Rng(seed * 7919 + 17);
    this.asOfDay = dayOf(asOf);
  }

  /** Collects the events and their participants from the generator's stream. */
  observe(batch: DemoBatch) {
    if (batch.table === "events") this.events.push(...(batch.rows as EventRow[]));
    else if (batch.table === "eventParticipants") {
      for (const p of batch.rows as EventParticipantRow[]) {
        const list = this.participants.get(p.eventId);
        if (list) list.push(p.organisationId);
        else this.participants.set(p.eventId, [p.organisationId]);
      }
    }
  }

  *batches(): Generator<DemoBatch> {
    const t = this.build();
    for (const table of ["roundTableSeries", "roundTableMeetings", "roundTableDecisions", "roundTableTasks", "eventChecklists", "eventChecklistItems"] as const) {
      if (t[table].length) yield { table, rows: t[table] } as DemoBatch;
    }
  }

  private build(): RoundTableTables {
    const t: RoundTableTables = { roundTableSeries: [], roundTableMeetings: [], roundTableDecisions: [], roundTableTasks: [], eventChecklists: [], eventChecklistItems: [] };
    const rng = this.rng;
    const ids = { decision: 1, task: 1, item: 1 };
    SERIES.forEach((spec, i) => {
      const meetings = this.events.filter((e) => e.kind === "round_table" && spec.match(e)).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
      if (!meetings.length) return;
      const seriesId = i + 1;
      const first = dayOf(meetings[0].date) - 30;
      t.roundTableSeries.push({ id: seriesId, title: spec.title, regionCode: spec.regionCode, organiserId: meetings[0].organiserId, description: spec.description, createdAt: stamp(first, 9), updatedAt: stamp(first, 9) });
      for (const m of meetings) {
        const day = dayOf(m.date);
        const attendees = this.participants.get(m.id) ?? [];
        t.roundTableMeetings.push({ eventId: m.id, seriesId, place: rng.pick(spec.places), startsAt: rng.pick(["16:00", "17:30", "18:00"]), minutesBy: rng.pick(spec.people), createdAt: stamp(day - 21, 9) });
        for (const text of sample(rng, spec.decisions, rng.int(1, 3))) t.roundTableDecisions.push({ id: ids.decision++, eventId: m.id, text, createdAt: stamp(day, 20) });
        for (const task of sample(rng, spec.tasks, rng.int(1, 3))) {
          const due = day + rng.int(14, 60);
          // Most tasks get done before their date; recent ones are still open, some past their date.
          const done = due < this.asOfDay && rng.chance(0.85) ? Math.min(this.asOfDay, due - rng.int(0, 10)) : null;
          t.roundTableTasks.push({
            id: ids.task++,
            eventId: m.id,
            task,
            ownerOrganisationId: attendees.length ? rng.pick(attendees) : null,
            ownerName: rng.chance(0.5) ? rng.pick(spec.people) : null,
            dueOn: isoOf(due),
            doneAt: done === null ? null : stamp(done, 12),
            createdAt: stamp(day, 20),
            updatedAt: stamp(done ?? day, done === null ? 20 : 12),
          });
        }
      }
    });

    // Every event of a format with a template has its checklist, made 200 days before (or when the event was recorded).
    for (const e of this.checklists ? this.events : []) {
      const format = formatOfKind(e.kind);
      if (!format) continue;
      const day = dayOf(e.date);
      t.eventChecklists.push({ eventId: e.id, templateId: null, createdAt: stamp(Math.min(day - 200, this.asOfDay), 9) });
      BUILTIN_TEMPLATES[format].forEach((item, position) => {
        const due = day + item.offsetDays;
        const done = due <= this.asOfDay && rng.chance(0.9) ? Math.min(this.asOfDay, due - rng.int(0, 7)) : null;
        t.eventChecklistItems.push({
          id: ids.item++,
          eventId: e.id,
          position,
          builtinKey: item.key,
          title: item.de,
          offsetDays: item.offsetDays,
          assignee: rng.chance(0.3) ? rng.pick(["Leitung", "Öffentlichkeitsarbeit", "Ehrenamtskoordination", "Projektteam"]) : null,
          doneAt: done === null ? null : stamp(done, 11),
          doneBy: done === null ? null : "demo",
        });
      });
    }
    return t;
  }
}
