/**
 * @module
 * Self-check of a demo data stream: counts, the rates the data is calibrated to, and every rule of
 * schema/migrations/0001_init.sql that the rows must satisfy (CHECK constraints, foreign keys,
 * primary keys). Used by `generate.ts --check`; works on the stream, so it scales with the data.
 */
import { buildRegionRows } from "../../schema/regions/regions";
import type { DemoBatch, OrganisationKind } from "./model";

const DATE = /^\d{4}-[01]\d-[0-3]\d$/;
const EVENT_KINDS = new Set(["action_day", "marketplace", "round_table", "action_72h", "social_day", "other"]);
const STATUSES = new Set(["agreed", "done", "ongoing", "cancelled", "not_feasible"]);
const CONTRIBUTIONS = new Set(["time", "goods", "know_how", "premises", "network", "money"]);
const SIZES = new Set(["micro", "small", "medium", "large", null]);

const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`);
const inc = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

export class DemoCheck {
  readonly violations: string[] = [];
  private readonly regionCodes = new Set(buildRegionRows().map((r) => r.code));
  private orgKind = new Map<number, OrganisationKind>();
  private orgRegion = new Map<number, string>();
  private orgPublic = 0;
  private orgContact = 0;
  private names = new Set<string>();
  private eventKind = new Map<number, string>();
  private eventCount = new Map<string, number>();
  private participants = 0;
  private participantKeys = new Set<number>();
  private coops = 0;
  private coopIds = new Set<number>();
  private statusCount = new Map<string, number>();
  private withoutEvent = 0;
  private followUps = 0;
  private coopsByFormat = new Map<string, number>();
  private volunteersByFormat = new Map<string, number>();
  private marketplaceDeals = 0;
  private marketplaceDone = 0;
  private done = { volunteers: 0, hours: 0, value: 0, people: 0 };
  /** Cooperations of the current year awaiting their partner rows. */
  private pending = new Map<number, { region: string; partners: number[] }>();
  private partnerRows = 0;
  private threePlus = 0;
  private crossRegion = 0;
  private partnered = new Set<number>();
  private pairYears = new Map<number, number>();
  private recurringPairs = new Set<number>();
  private coopYear = new Map<number, number>();
  private regionRevisions = 0;
  private regionsUsed = new Set<string>();
  private coopEvent = new Map<number, number | null>();
  /** The marketplace loop (0008_marketplace.sql): what each workspace holds. */
  private mp = new Map<number, { registrations: Map<string, number>; needs: number; offers: number; pinned: number; dismissed: number; deals: number; followUps: Map<string, { cooperationId: number; round: number; outcome: string | null; due: string; answered: boolean }[]> }>();
  private registrationEvent = new Map<number, number>();
  private itemEvent = new Map<number, number>();
  private moderatorEvent = new Map<number, number>();
  private firstDate = "9999";
  private lastDate = "0000";

  private fail(message: string) {
    if (this.violations.length < 50) this.violations.push(message);
    else if (this.violations.length === 50) this.violations.push("… more violations omitted");
  }

  add(batch: DemoBatch) {
    switch (batch.table) {
      case "organisations":
        for (const o of batch.rows) {
          if (this.orgKind.has(o.id)) this.fail(`organisation ${o.id}: duplicate id`);
          this.orgKind.set(o.id, o.kind);
          this.orgRegion.set(o.id, o.regionCode);
          this.regionsUsed.add(o.regionCode);
          if (!this.regionCodes.has(o.regionCode)) this.fail(`organisation ${o.id}: unknown region ${o.regionCode}`);
          if (o.name.length < 1 || o.name.length > 300) this.fail(`organisation ${o.id}: name length ${o.name.length}`);
          if (this.names.has(o.name)) this.fail(`organisation ${o.id}: duplicate name ${o.name}`);
          this.names.add(o.name);
          if (o.postcode !== null && o.postcode.length > 10) this.fail(`organisation ${o.id}: postcode ${o.postcode}`);
          if (!SIZES.has(o.sizeClass)) this.fail(`organisation ${o.id}: size ${o.sizeClass}`);
          if (o.isPublic) this.orgPublic++;
          if (o.contactEmail) this.orgContact++;
        }
        break;
      case "events":
        for (const e of batch.rows) {
          if (this.eventKind.has(e.id)) this.fail(`event ${e.id}: duplicate id`);
          this.eventKind.set(e.id, e.kind);
          inc(this.eventCount, e.kind);
          if (!EVENT_KINDS.has(e.kind)) this.fail(`event ${e.id}: kind ${e.kind}`);
          if (!DATE.test(e.date)) this.fail(`event ${e.id}: date ${e.date}`);
          if (e.title.length < 1 || e.title.length > 300) this.fail(`event ${e.id}: title length`);
          if (!this.regionCodes.has(e.regionCode)) this.fail(`event ${e.id}: unknown region ${e.regionCode}`);
          if (e.organiserId !== null && this.orgKind.get(e.organiserId) !== "intermediary") this.fail(`event ${e.id}: organiser ${e.organiserId} is not an intermediary`);
        }
        break;
      case "eventParticipants":
        for (const p of batch.rows) {
          this.participants++;
          const key = p.eventId * 1_000_000 + p.organisationId;
          if (this.participantKeys.has(key)) this.fail(`event_participants: duplicate (${p.eventId}, ${p.organisationId})`);
          this.participantKeys.add(key);
          if (!this.eventKind.has(p.eventId)) this.fail(`event_participants: unknown event ${p.eventId}`);
          if (!this.orgKind.has(p.organisationId)) this.fail(`event_participants: unknown organisation ${p.organisationId}`);
        }
        break;
      case "cooperations":
        for (const c of batch.rows) {
          this.coops++;
          if (this.coopIds.has(c.id)) this.fail(`cooperation ${c.id}: duplicate id`);
          this.coopIds.add(c.id);
          this.coopYear.set(c.id, Number(c.dateAgreed.slice(0, 4)));
          this.coopEvent.set(c.id, c.eventId);
          inc(this.statusCount, c.status);
          if (!STATUSES.has(c.status)) this.fail(`cooperation ${c.id}: status ${c.status}`);
          if (!DATE.test(c.dateAgreed) || (c.dateDone !== null && !DATE.test(c.dateDone))) this.fail(`cooperation ${c.id}: date format`);
          if (c.dateDone !== null && c.dateDone < c.dateAgreed) this.fail(`cooperation ${c.id}: done ${c.dateDone} before agreed ${c.dateAgreed}`);
          if (c.status === "done" && c.dateDone === null) this.fail(`cooperation ${c.id}: done without date_done`);
          if (c.volunteers < 0 || c.hours < 0 || c.valueEur < 0 || c.peopleReached < 0) this.fail(`cooperation ${c.id}: negative amount`);
          if (!Number.isInteger(c.volunteers) || !Number.isInteger(c.peopleReached)) this.fail(`cooperation ${c.id}: non-integer count`);
          for (const t of c.contributionTypes.split(",")) if (!CONTRIBUTIONS.has(t)) this.fail(`cooperation ${c.id}: contribution ${t}`);
          if (c.contributionTypes.includes("time") !== c.volunteers > 0 && c.status !== "cancelled" && c.status !== "not_feasible" && !c.contributionTypes.includes("know_how"))
            this.fail(`cooperation ${c.id}: volunteers ${c.volunteers} vs types ${c.contributionTypes}`);
          if (!this.regionCodes.has(c.regionCode)) this.fail(`cooperation ${c.id}: unknown region ${c.regionCode}`);
          const format = c.eventId === null ? "none" : (this.eventKind.get(c.eventId) ?? "?");
          inc(this.coopsByFormat, format);
          inc(this.volunteersByFormat, format, c.volunteers);
          if (c.eventId === null) this.withoutEvent++;
          else if (!this.eventKind.has(c.eventId)) this.fail(`cooperation ${c.id}: unknown event ${c.eventId}`);
          if (c.followUpOf !== null) {
            this.followUps++;
            if (c.followUpOf >= c.id || !this.coopIds.has(c.followUpOf)) this.fail(`cooperation ${c.id}: follow_up_of ${c.followUpOf}`);
          }
          if (c.eventId !== null && this.eventKind.get(c.eventId) === "marketplace") {
            this.marketplaceDeals++;
            if (c.status === "done") this.marketplaceDone++;
          }
          if (c.status === "done") {
            this.done.volunteers += c.volunteers;
            this.done.hours += c.hours;
            this.done.value += c.valueEur;
            this.done.people += c.peopleReached;
          }
          if (c.dateAgreed < this.firstDate) this.firstDate = c.dateAgreed;
          if (c.dateAgreed > this.lastDate) this.lastDate = c.dateAgreed;
          this.pending.set(c.id, { region: c.regionCode, partners: [] });
        }
        break;
      case "cooperationPartners":
        for (const p of batch.rows) {
          this.partnerRows++;
          const c = this.pending.get(p.cooperationId);
          if (!c) {
            this.fail(`cooperation_partners: cooperation ${p.cooperationId} unknown or out of order`);
            continue;
          }
          if (!this.orgKind.has(p.organisationId)) this.fail(`cooperation_partners: unknown organisation ${p.organisationId}`);
          if (c.partners.includes(p.organisationId)) this.fail(`cooperation_partners: duplicate (${p.cooperationId}, ${p.organisationId})`);
          c.partners.push(p.organisationId);
          this.partnered.add(p.organisationId);
        }
        this.closePending();
        break;
      case "marketplaces":
        for (const m of batch.rows) {
          if (this.eventKind.get(m.eventId) !== "marketplace") this.fail(`marketplaces: event ${m.eventId} is not a marketplace`);
          if (this.mp.has(m.eventId)) this.fail(`marketplaces: duplicate event ${m.eventId}`);
          if (m.registrationKey.length < 16 || m.registrationKey.length > 64) this.fail(`marketplaces ${m.eventId}: registration key length`);
          if (m.registrationCloses < m.registrationOpens || !DATE.test(m.registrationOpens) || !/^[0-2]\d:[0-5]\d$/.test(m.hallOpens)) this.fail(`marketplaces ${m.eventId}: window or hall time`);
          this.mp.set(m.eventId, { registrations: new Map(), needs: 0, offers: 0, pinned: 0, dismissed: 0, deals: 0, followUps: new Map() });
        }
        break;
      case "eventModerators":
        for (const m of batch.rows) {
          if (!this.mp.has(m.eventId)) this.fail(`event_moderators ${m.id}: no workspace for event ${m.eventId}`);
          this.moderatorEvent.set(m.id, m.eventId);
        }
        break;
      case "registrations":
        for (const r of batch.rows) {
          const mp = this.mp.get(r.eventId);
          // An action day's projects and teams are registrations too (scripts/demo/action-days.ts).
          const actionDay = ["action_day", "social_day", "action_72h"].includes(this.eventKind.get(r.eventId) ?? "");
          if (!mp && !actionDay) this.fail(`registrations ${r.id}: no workspace for event ${r.eventId}`);
          else if (mp) inc(mp.registrations, r.status);
          this.registrationEvent.set(r.id, r.eventId);
          if (r.status === "approved" && (r.organisationId === null || !this.orgKind.has(r.organisationId))) this.fail(`registrations ${r.id}: approved without organisation`);
          if (r.candidateOrganisationId !== null && !this.orgKind.has(r.candidateOrganisationId)) this.fail(`registrations ${r.id}: unknown candidate`);
          if ((r.contactName !== null || r.contactEmail !== null) && (r.consentAt === null || r.consentText === null)) this.fail(`registrations ${r.id}: contact without consent`);
          if (r.orgName.length < 1 || r.orgName.length > 300) this.fail(`registrations ${r.id}: name length`);
        }
        break;
      case "registrationItems":
        for (const i of batch.rows) {
          const ev = this.registrationEvent.get(i.registrationId);
          if (ev === undefined) this.fail(`registration_items ${i.id}: unknown registration ${i.registrationId}`);
          else this.itemEvent.set(i.id, ev);
          if (!CONTRIBUTIONS.has(i.contributionType) && i.contributionType !== "transport") this.fail(`registration_items ${i.id}: type ${i.contributionType}`);
          if (i.description.length < 1 || i.description.length > 500) this.fail(`registration_items ${i.id}: description length`);
          const mp = ev === undefined ? undefined : this.mp.get(ev);
          if (mp) i.kind === "need" ? mp.needs++ : mp.offers++;
        }
        break;
      case "matchDecisions": {
        const seen = new Set<string>();
        for (const d of batch.rows) {
          const k = `${d.needItemId}|${d.offerItemId}`;
          if (seen.has(k)) this.fail(`match_decisions: duplicate ${k}`);
          seen.add(k);
          if (this.itemEvent.get(d.needItemId) !== d.eventId || this.itemEvent.get(d.offerItemId) !== d.eventId) this.fail(`match_decisions ${k}: items of another event`);
          if (d.moderatorId !== null && this.moderatorEvent.get(d.moderatorId) !== d.eventId) this.fail(`match_decisions ${k}: moderator of another event`);
          const mp = this.mp.get(d.eventId);
          if (mp) d.state === "pinned" ? mp.pinned++ : mp.dismissed++;
        }
        break;
      }
      case "eventDeals": {
        const clients = new Set<string>();
        for (const d of batch.rows) {
          if (this.coopEvent.get(d.cooperationId) !== d.eventId) this.fail(`event_deals ${d.cooperationId}: not a cooperation of event ${d.eventId}`);
          if (clients.has(d.clientId) || d.clientId.length < 8 || d.clientId.length > 64) this.fail(`event_deals ${d.cooperationId}: client id ${d.clientId}`);
          clients.add(d.clientId);
          for (const item of [d.needItemId, d.offerItemId]) if (item !== null && this.itemEvent.get(item) !== d.eventId) this.fail(`event_deals ${d.cooperationId}: item ${item} of another event`);
          const mp = this.mp.get(d.eventId);
          if (mp) mp.deals++;
        }
        break;
      }
      case "followUpRequests":
        for (const f of batch.rows) {
          const ev = this.coopEvent.get(f.cooperationId);
          const mp = ev == null ? undefined : this.mp.get(ev);
          if (!mp) this.fail(`follow_up_requests ${f.id}: cooperation ${f.cooperationId} of no marketplace`);
          if (!this.orgKind.has(f.organisationId)) this.fail(`follow_up_requests ${f.id}: unknown organisation`);
          if (f.answeredAt !== null && f.outcome === null) this.fail(`follow_up_requests ${f.id}: answered without outcome`);
          if (f.roundMonths < 1 || f.roundMonths > 36 || !DATE.test(f.dueOn)) this.fail(`follow_up_requests ${f.id}: round or due date`);
          const k = `${f.cooperationId}|${f.roundMonths}`;
          mp?.followUps.set(k, [...(mp.followUps.get(k) ?? []), { cooperationId: f.cooperationId, round: f.roundMonths, outcome: f.outcome, due: f.dueOn, answered: f.answeredAt !== null }]);
        }
        break;
      case "regionRevisions":
        for (const r of batch.rows) {
          this.regionRevisions++;
          if (!this.regionCodes.has(r.regionCode)) this.fail(`region_revisions: unknown region ${r.regionCode}`);
        }
        break;
    }
  }

  private closePending() {
    for (const [id, c] of this.pending) {
      if (c.partners.length < 2) this.fail(`cooperation ${id}: ${c.partners.length} partner(s)`);
      if (c.partners.length > 2) this.threePlus++;
      const nonprofits = c.partners.filter((o) => this.orgKind.get(o) === "nonprofit");
      if (nonprofits.length === 0) this.fail(`cooperation ${id}: no non-profit partner`);
      else if (this.orgRegion.get(nonprofits[0]) !== c.region) this.fail(`cooperation ${id}: region ${c.region} is not the non-profit's region`);
      if (c.partners.some((o) => this.orgRegion.get(o) !== c.region)) this.crossRegion++;
      const year = this.coopYear.get(id)!;
      const givers = c.partners.filter((o) => this.orgKind.get(o) !== "nonprofit");
      for (const g of givers) {
        for (const n of nonprofits) {
          const key = g * 1_000_000 + n;
          const first = this.pairYears.get(key);
          if (first === undefined) this.pairYears.set(key, year);
          else if (first !== year) this.recurringPairs.add(key);
        }
      }
    }
    this.pending.clear();
  }

  /** One line per marketplace workspace; a workspace without every follow-up state is a violation. */
  private marketplaceReport(): string[] {
    const asOf = this.lastDate;
    return [...this.mp].map(([event, m]) => {
      const requests = [...m.followUps.values()].flat();
      const answered = requests.filter((f) => f.answered).length;
      const overdue = requests.filter((f) => !f.answered && f.due <= asOf).length;
      const later = requests.length - answered - overdue;
      const disagreeing = [...m.followUps.values()].filter((list) => list.length > 1 && list.every((f) => f.answered) && new Set(list.map((f) => f.outcome)).size > 1).length;
      if (!answered || !overdue || !disagreeing) this.fail(`marketplace ${event}: follow-ups answered ${answered}, disagreeing ${disagreeing}, overdue ${overdue} — every state should be there`);
      return `marketplace ${String(event).padEnd(10)} registrations ${[...m.registrations].sort().map(([k, n]) => `${k} ${n}`).join(", ")}; needs ${m.needs}, offers ${m.offers}; talks pinned ${m.pinned}, dismissed ${m.dismissed}; deal sheets ${m.deals}; follow-ups answered ${answered} (disagreeing deals ${disagreeing}), overdue ${overdue}, not yet due ${later}`;
    });
  }

  /** Human-readable summary; violations last. */
  report(): string {
    const orgs = this.orgKind.size;
    const byKind = new Map<string, number>();
    for (const k of this.orgKind.values()) inc(byKind, k);
    let never = 0;
    let partnerCandidates = 0;
    for (const [id, k] of this.orgKind) {
      if (k !== "company" && k !== "nonprofit") continue;
      partnerCandidates++;
      if (!this.partnered.has(id)) never++;
    }
    const lines = [
      `organisations          ${orgs} in ${this.regionsUsed.size} regions (${[...byKind].map(([k, n]) => `${k} ${pct(n, orgs)}`).join(", ")})`,
      `  is_public            ${pct(this.orgPublic, orgs)}; with contact ${pct(this.orgContact, orgs)}`,
      `  never partnered      ${pct(never, partnerCandidates)} of companies and non-profits`,
      `events                 ${this.eventKind.size} (${[...this.eventCount].sort().map(([k, n]) => `${k} ${n}`).join(", ")})`,
      `event_participants     ${this.participants}`,
      `cooperations           ${this.coops} (${(this.coops / Math.max(1, orgs)).toFixed(1)} per organisation), agreed ${this.firstDate} … ${this.lastDate}`,
      `  status               ${[...this.statusCount].sort().map(([k, n]) => `${k} ${pct(n, this.coops)}`).join(", ")}`,
      `  without event        ${pct(this.withoutEvent, this.coops)}; follow-ups ${pct(this.followUps, this.coops)}; 3+ partners ${pct(this.threePlus, this.coops)}; cross-region ${pct(this.crossRegion, this.coops)}`,
      `  per event           ${[...this.eventCount].sort().map(([k, n]) => `${k} ${((this.coopsByFormat.get(k) ?? 0) / n).toFixed(1)} cooperations/${((this.volunteersByFormat.get(k) ?? 0) / n).toFixed(0)} volunteers`).join(", ")}`,
      `  marketplace done     ${pct(this.marketplaceDone, this.marketplaceDeals)} of ${this.marketplaceDeals} deals`,
      `  recurring pairs      ${pct(this.recurringPairs.size, this.pairYears.size)} of ${this.pairYears.size} company–non-profit pairs cooperate in ≥ 2 years`,
      `  done totals          ${this.done.volunteers} volunteers, ${Math.round(this.done.hours)} h, ${Math.round(this.done.value)} EUR, ${this.done.people} people reached`,
      `cooperation_partners   ${this.partnerRows}`,
      `region_revisions       ${this.regionRevisions}`,
      ...this.marketplaceReport(),
      this.violations.length ? `VIOLATIONS (${this.violations.length}):\n  ${this.violations.join("\n  ")}` : "constraints            all rows satisfy the checks of 0001_init.sql",
    ];
    return lines.join("\n");
  }
}
