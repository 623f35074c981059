/**
 * @module
 * Action days in the demo data (docs/action-days.md): a social day in Jena and an action day in
 * Bochum a few weeks before the demo's date, and a 72-hour action over three days in Potsdam, each
 * run through the whole loop — projects of the city's non-profits and teams of its companies
 * (confirmed registrations, one with a contact person and its consent), the suggested assignment
 * of worker/action-days/assignment.ts (one team moved by hand), results for every project, and
 * one cooperation per company–non-profit pair made from them exactly as the app makes them
 * (worker/action-days/results.ts), so entering results again in the app updates these rows.
 *
 * Built from the rows the generator yields (it watches the stream) with its own PRNG, after the
 * marketplace loop, so the rest of the demo data is the same with or without it.
 */
import { suggestAssignment, type AssignProject, type AssignTeam } from "../../worker/action-days/assignment";
import { pairCooperations, pairRef } from "../../worker/action-days/results";
import type { ProjectRow, TeamRow } from "../../worker/action-days/store";
import type { RegistrationRow } from "./marketplace";
import type { CooperationPartnerRow, CooperationRow, DemoBatch, EventParticipantRow, EventRow, OrganisationRow } from "./model";
import { Rng } from "./prng";
import { FIRST_NAMES, SURNAMES } from "./vocabulary";

export interface ActionDayRow {
  eventId: number;
  endDate: string;
  registrationCloses: string;
  projectKey: string;
  teamKey: string;
  createdAt: string;
  updatedAt: string;
}
export interface ActionDayProjectRow {
  id: number;
  eventId: number;
  registrationId: number;
  title: string;
  description: string;
  place: string;
  volunteersWanted: number;
  skills: string;
  accessibility: string | null;
  bring: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface ActionDayProjectDayRow {
  projectId: number;
  day: string;
}
export interface ActionDayTeamRow {
  id: number;
  eventId: number;
  registrationId: number;
  name: string | null;
  size: number;
  skills: string;
  preferredFields: string;
  day: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface ActionDayAssignmentRow {
  teamId: number;
  eventId: number;
  projectId: number;
  day: string;
  source: "suggested" | "manual";
  reason: string;
  decidedBy: string;
  decidedAt: string;
}
export interface ActionDayResultRow {
  projectId: number;
  volunteers: number;
  hours: number;
  peopleReached: number;
  comment: string | null;
  enteredBy: string;
  enteredAt: string;
}

export interface ActionDayTables {
  actionDays: ActionDayRow[];
  actionDayProjects: ActionDayProjectRow[];
  actionDayProjectDays: ActionDayProjectDayRow[];
  actionDayTeams: ActionDayTeamRow[];
  actionDayAssignments: ActionDayAssignmentRow[];
  actionDayResults: ActionDayResultRow[];
}

/** How the action-day tables are written as SQL (scripts/demo/sql.ts). */
export const ACTION_DAY_SQL = {
  actionDays: {
    table: "action_days",
    columns: [
      ["event_id", (r: ActionDayRow) => r.eventId], ["end_date", (r: ActionDayRow) => r.endDate], ["registration_closes", (r: ActionDayRow) => r.registrationCloses],
      ["project_key", (r: ActionDayRow) => r.projectKey], ["team_key", (r: ActionDayRow) => r.teamKey], ["created_at", (r: ActionDayRow) => r.createdAt], ["updated_at", (r: ActionDayRow) => r.updatedAt],
    ],
  },
  actionDayProjects: {
    table: "action_day_projects",
    columns: [
      ["id", (r: ActionDayProjectRow) => r.id], ["event_id", (r: ActionDayProjectRow) => r.eventId], ["registration_id", (r: ActionDayProjectRow) => r.registrationId],
      ["title", (r: ActionDayProjectRow) => r.title], ["description", (r: ActionDayProjectRow) => r.description], ["place", (r: ActionDayProjectRow) => r.place],
      ["volunteers_wanted", (r: ActionDayProjectRow) => r.volunteersWanted], ["skills", (r: ActionDayProjectRow) => r.skills], ["accessibility", (r: ActionDayProjectRow) => r.accessibility],
      ["bring", (r: ActionDayProjectRow) => r.bring], ["created_at", (r: ActionDayProjectRow) => r.createdAt], ["updated_at", (r: ActionDayProjectRow) => r.updatedAt],
    ],
  },
  actionDayProjectDays: {
    table: "action_day_project_days",
    columns: [["project_id", (r: ActionDayProjectDayRow) => r.projectId], ["day", (r: ActionDayProjectDayRow) => r.day]],
  },
  actionDayTeams: {
    table: "action_day_teams",
    columns: [
      ["id", (r: ActionDayTeamRow) => r.id], ["event_id", (r: ActionDayTeamRow) => r.eventId], ["registration_id", (r: ActionDayTeamRow) => r.registrationId],
      ["name", (r: ActionDayTeamRow) => r.name], ["size", (r: ActionDayTeamRow) => r.size], ["skills", (r: ActionDayTeamRow) => r.skills],
      ["preferred_fields", (r: ActionDayTeamRow) => r.preferredFields], ["day", (r: ActionDayTeamRow) => r.day], ["created_at", (r: ActionDayTeamRow) => r.createdAt], ["updated_at", (r: ActionDayTeamRow) => r.updatedAt],
    ],
  },
  actionDayAssignments: {
    table: "action_day_assignments",
    columns: [
      ["team_id", (r: ActionDayAssignmentRow) => r.teamId], ["event_id", (r: ActionDayAssignmentRow) => r.eventId], ["project_id", (r: ActionDayAssignmentRow) => r.projectId],
      ["day", (r: ActionDayAssignmentRow) => r.day], ["source", (r: ActionDayAssignmentRow) => r.source], ["reason", (r: ActionDayAssignmentRow) => r.reason],
      ["decided_by", (r: ActionDayAssignmentRow) => r.decidedBy], ["decided_at", (r: ActionDayAssignmentRow) => r.decidedAt],
    ],
  },
  actionDayResults: {
    table: "action_day_results",
    columns: [
      ["project_id", (r: ActionDayResultRow) => r.projectId], ["volunteers", (r: ActionDayResultRow) => r.volunteers], ["hours", (r: ActionDayResultRow) => r.hours],
      ["people_reached", (r: ActionDayResultRow) => r.peopleReached], ["comment", (r: ActionDayResultRow) => r.comment], ["entered_by", (r: ActionDayResultRow) => r.enteredBy], ["entered_at", (r: ActionDayResultRow) => r.enteredAt],
    ],
  },
} as const;

/** The three demo action days: where, what kind, how many days, how long before the demo's date. */
const PLAN = [
  { regionCode: "16053", town: "Jena", kind: "social_day", title: "Sozialer Tag Jena", days: 1, daysBack: 45, projects: 5, teams: 6 },
  { regionCode: "05911", town: "Bochum", kind: "action_day", title: "Aktionstag „Bochum packt an“", days: 1, daysBack: 30, projects: 4, teams: 5 },
  { regionCode: "12054", town: "Potsdam", kind: "action_72h", title: "72-Stunden-Aktion Potsdam", days: 3, daysBack: 60, projects: 5, teams: 6 },
] as const;

const PROJECTS = [
  { title: "Spielplatz streichen", skills: ["Streichen"], field: "child_daycare", bring: "Arbeitskleidung, Handschuhe" },
  { title: "Gemüsebeete anlegen", skills: ["Garten"], field: "environment", bring: "Feste Schuhe" },
  { title: "Ausflug mit Bewohnerinnen und Bewohnern", skills: ["Begleitung"], field: "elderly_care", bring: null },
  { title: "Lager der Tafel aufräumen", skills: ["Logistik", "Tragen"], field: "poverty_relief", bring: "Arbeitshandschuhe" },
  { title: "Vereinsheim renovieren", skills: ["Handwerk", "Streichen"], field: "sports", bring: "Arbeitskleidung" },
  { title: "Bewerbungstraining für Jugendliche", skills: ["Beratung"], field: "youth_work", bring: null },
  { title: "Uferweg von Müll befreien", skills: ["Garten"], field: "environment", bring: "Wetterfeste Kleidung" },
];
const TEAM_SKILLS = [["Streichen", "Handwerk"], ["Garten"], ["Beratung"], ["Logistik"], ["Begleitung"], []];
const TEAM_NAMES = ["Azubis", "Team Technik", "Vertrieb", "Buchhaltung", null, null];
const COMMENTS = ["Alle waren mit Freude dabei.", "Das Wetter hat mitgespielt, wir sind fertig geworden.", "Gerne nächstes Jahr wieder.", null];

const dayMs = 86_400_000;
/** `n` different items, in random order. */
function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}
const isoDay = (d: string, add: number) => new Date(Date.parse(`${d}T00:00:00Z`) + add * dayMs).toISOString().slice(0, 10);
const key = (rng: Rng) => "ak_" + Array.from({ length: 32 }, () => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[rng.int(0, 61)]).join("");

/** Watches the generator's batches and adds the action days at the end. */
export class ActionDayDemo {
  private readonly rng: Rng;
  private readonly orgs: OrganisationRow[] = [];
  private maxEvent = 0;
  private maxCoop = 0;
  private maxRegistration = 0;

  constructor(
    seed: number,
    private readonly asOf: string,
  ) {
    // A stream of its own: the rest of the demo data does not move when this part changes.
    this.rng = new Rng((seed * 2_246_822_519 + 0x6164) >>> 0);
  }

  observe(batch: DemoBatch) {
    if (batch.table === "organisations") this.orgs.push(...batch.rows);
    else if (batch.table === "events") for (const e of batch.rows) this.maxEvent = Math.max(this.maxEvent, e.id);
    else if (batch.table === "cooperations") for (const c of batch.rows) this.maxCoop = Math.max(this.maxCoop, c.id);
    else if (batch.table === "registrations") for (const r of batch.rows) this.maxRegistration = Math.max(this.maxRegistration, r.id);
  }

  *batches(): Generator<DemoBatch> {
    const rng = this.rng;
    const t: ActionDayTables = { actionDays: [], actionDayProjects: [], actionDayProjectDays: [], actionDayTeams: [], actionDayAssignments: [], actionDayResults: [] };
    const events: EventRow[] = [];
    const registrations: RegistrationRow[] = [];
    const coops: CooperationRow[] = [];
    const partners: CooperationPartnerRow[] = [];
    const participants: EventParticipantRow[] = [];
    let projectId = 0;
    let teamId = 0;
    for (const plan of PLAN) {
      const nonprofits = this.orgs.filter((o) => o.regionCode === plan.regionCode && o.kind === "nonprofit");
      const companies = this.orgs.filter((o) => o.regionCode === plan.regionCode && o.kind === "company");
      if (nonprofits.length < plan.projects || companies.length < plan.teams) continue;
      const date = isoDay(this.asOf, -plan.daysBack);
      const days = Array.from({ length: plan.days }, (_, i) => isoDay(date, i));
      const eventId = ++this.maxEvent;
      const at = `${isoDay(date, -40)}T09:00:00.000Z`;
      const after = `${isoDay(date, plan.days + 3)}T10:00:00.000Z`;
      const year = date.slice(0, 4);
      events.push({ id: eventId, kind: plan.kind, title: `${plan.title} ${year}`, date, regionCode: plan.regionCode, organiserId: null, source: "demo", externalRef: `action-day-${plan.regionCode}-${year}`, notes: null, createdAt: at, updatedAt: after });
      t.actionDays.push({ eventId, endDate: days[days.length - 1], registrationCloses: isoDay(date, -7), projectKey: key(rng), teamKey: key(rng), createdAt: at, updatedAt: at });
      const register = (o: OrganisationRow, side: "nonprofit" | "company", contact: boolean): RegistrationRow => {
        const name = contact ? `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}` : null;
        const r: RegistrationRow = {
          id: ++this.maxRegistration, eventId, side, orgName: o.name, postcode: o.postcode, field: side === "nonprofit" ? o.field : null, industry: side === "company" ? o.industry : null,
          candidateOrganisationId: o.id, organisationId: o.id, status: "approved", contactName: name,
          contactEmail: name ? `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.org` : null,
          consentText: name ? "Ich bin damit einverstanden, dass der Veranstalter den Namen und die E-Mail-Adresse der Kontaktperson speichert, um diesen Aktionstag vorzubereiten, Teams und Projekte zusammenzubringen und nach den Ergebnissen zu fragen. Die Einwilligung kann ich jederzeit über meinen Bearbeitungslink widerrufen; dann werden die Kontaktdaten gelöscht." : null,
          consentAt: name ? at : null, locale: "de", createdAt: at, updatedAt: at,
        };
        registrations.push(r);
        participants.push({ eventId, organisationId: o.id });
        return r;
      };
      const projectRows: ProjectRow[] = [];
      for (const [i, np] of sample(rng, nonprofits, plan.projects).entries()) {
        const spec = PROJECTS[(i + rng.int(0, PROJECTS.length - 1)) % PROJECTS.length];
        const reg = register(np, "nonprofit", i === 0);
        const id = ++projectId;
        const projectDays = plan.days === 1 ? days : days.filter((_, k) => k === i % plan.days || rng.chance(0.4));
        const wanted = rng.int(6, 14);
        t.actionDayProjects.push({ id, eventId, registrationId: reg.id, title: spec.title, description: `${spec.title} bei ${np.name}: gemeinsam an einem Tag schaffen, was sonst Wochen dauert.`, place: `${plan.town}, ${np.postcode ?? ""}`.replace(/, $/, ""), volunteersWanted: wanted, skills: spec.skills.join(","), accessibility: rng.chance(0.5) ? "Ebenerdig erreichbar" : null, bring: spec.bring, createdAt: at, updatedAt: at });
        for (const d of projectDays) t.actionDayProjectDays.push({ projectId: id, day: d });
        projectRows.push({ id, registrationId: reg.id, orgName: np.name, postcode: np.postcode, field: spec.field, status: "approved", organisationId: np.id, candidateOrganisationId: np.id, contactName: reg.contactName, contactEmail: reg.contactEmail, consentAt: reg.consentAt, title: spec.title, description: "", place: "", volunteersWanted: wanted, skills: [...spec.skills], accessibility: null, bring: spec.bring, days: projectDays, results: null });
      }
      const teamRows: TeamRow[] = [];
      for (const [i, co] of sample(rng, companies, plan.teams).entries()) {
        const reg = register(co, "company", i === 0);
        const id = ++teamId;
        const size = rng.int(3, 8);
        const skills = TEAM_SKILLS[i % TEAM_SKILLS.length];
        const preferred = [PROJECTS[rng.int(0, PROJECTS.length - 1)].field];
        const day = plan.days === 1 ? days[0] : rng.chance(0.5) ? null : rng.pick(days);
        const name = TEAM_NAMES[i % TEAM_NAMES.length];
        t.actionDayTeams.push({ id, eventId, registrationId: reg.id, name, size, skills: skills.join(","), preferredFields: preferred.join(","), day, createdAt: at, updatedAt: at });
        teamRows.push({ id, registrationId: reg.id, orgName: co.name, postcode: co.postcode, industry: co.industry, status: "approved", organisationId: co.id, candidateOrganisationId: co.id, contactName: reg.contactName, contactEmail: reg.contactEmail, consentAt: reg.consentAt, name, size, skills: [...skills], preferredFields: preferred, day, assignment: null });
      }
      // The organiser's suggestion, as the app makes it (no ties before: the demo's earlier years
      // are not read here, so every pair counts as new).
      const toProject = (p: ProjectRow): AssignProject => ({ id: p.id, organisationId: p.organisationId, field: p.field, days: p.days, volunteersWanted: p.volunteersWanted, skills: p.skills });
      const toTeam = (x: TeamRow): AssignTeam => ({ id: x.id, organisationId: x.organisationId, size: x.size, skills: x.skills, preferredFields: x.preferredFields, day: x.day });
      const { placements } = suggestAssignment(projectRows.map(toProject), teamRows.map(toTeam), [], []);
      for (const p of placements) {
        const team = teamRows.find((x) => x.id === p.teamId)!;
        team.assignment = { projectId: p.projectId, day: p.day, source: "suggested", reason: p.reason, decidedAt: `${isoDay(date, -3)}T16:00:00.000Z` };
      }
      // One team moved by hand to another project with room on its day (as organisers do).
      const load = (projectId: number, day: string) => teamRows.filter((x) => x.assignment?.projectId === projectId && x.assignment.day === day).reduce((n, x) => n + x.size, 0);
      moved: for (const team of teamRows) {
        if (!team.assignment) continue;
        for (const p of projectRows) {
          if (p.id === team.assignment.projectId) continue;
          for (const d of p.days) {
            if ((team.day && team.day !== d) || load(p.id, d) + team.size > p.volunteersWanted) continue;
            team.assignment = { projectId: p.id, day: d, source: "manual", reason: { manual: true }, decidedAt: `${isoDay(date, -2)}T11:00:00.000Z` };
            break moved;
          }
        }
      }
      for (const x of teamRows) {
        if (!x.assignment) continue;
        t.actionDayAssignments.push({ teamId: x.id, eventId, projectId: x.assignment.projectId, day: x.assignment.day, source: x.assignment.source, reason: JSON.stringify(x.assignment.reason), decidedBy: "token:1", decidedAt: x.assignment.decidedAt });
      }
      // Results: about the people placed came, some hours each, and the people the project reached.
      for (const p of projectRows) {
        const placed = teamRows.filter((x) => x.assignment?.projectId === p.id).reduce((n, x) => n + x.size, 0);
        if (!placed) continue;
        const volunteers = Math.max(1, placed - rng.int(0, 1));
        const hours = Math.round(volunteers * rng.int(5, 7) * plan.days * (plan.days > 1 ? 0.6 : 1) * 2) / 2;
        const peopleReached = rng.int(15, 300);
        const viaLink = rng.chance(0.6);
        const comment = rng.pick(COMMENTS);
        p.results = { volunteers, hours, peopleReached, comment, enteredBy: viaLink ? "link:1" : "token:1", enteredAt: after };
        t.actionDayResults.push({ projectId: p.id, volunteers, hours, peopleReached, comment, enteredBy: p.results.enteredBy, enteredAt: after });
      }
      for (const pair of pairCooperations(projectRows, teamRows)) {
        const id = ++this.maxCoop;
        coops.push({
          id, regionCode: plan.regionCode, eventId, dateAgreed: date, dateDone: pair.lastDay, status: "done", contributionTypes: "time", volunteers: pair.volunteers, hours: pair.hours, valueEur: 0,
          peopleReached: pair.peopleReached, targetGroups: null, givesBack: null, followUpOf: null, source: "action_day", externalRef: pairRef(eventId, pair), notes: `${plan.title} ${year}`, createdAt: after, updatedAt: after,
        });
        partners.push({ cooperationId: id, organisationId: pair.nonprofitId }, { cooperationId: id, organisationId: pair.companyId });
      }
    }
    if (!events.length) return;
    yield { table: "events", rows: events };
    yield { table: "eventParticipants", rows: participants };
    yield { table: "cooperations", rows: coops };
    yield { table: "cooperationPartners", rows: partners };
    yield { table: "registrations", rows: registrations };
    yield { table: "actionDays", rows: t.actionDays };
    yield { table: "actionDayProjects", rows: t.actionDayProjects };
    yield { table: "actionDayProjectDays", rows: t.actionDayProjectDays };
    yield { table: "actionDayTeams", rows: t.actionDayTeams };
    yield { table: "actionDayAssignments", rows: t.actionDayAssignments };
    yield { table: "actionDayResults", rows: t.actionDayResults };
  }
}
