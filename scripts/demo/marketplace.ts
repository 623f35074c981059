/**
 * @module
 * The marketplace loop in the demo data (docs/marketplace.md): for every seed city that holds
 * marketplaces, its latest marketplace far enough back for follow-ups to be due gets the whole
 * loop — the workspace (place, hall time, capacity, registration window, moderators), the
 * registrations with needs and offers (approved participants, plus pending, rejected and withdrawn
 * ones, one of them matching an existing organisation), the board's decisions, a deal sheet per
 * deal that names its need and offer, and follow-up requests in every state: answered, answered
 * by the two partners differently, overdue with reminders, and not yet due.
 *
 * Built from the rows the generator yields (it watches the stream), with its own PRNG, so the rest
 * of the demo data is the same with or without it.
 */
import type { CooperationPartnerRow, CooperationRow, DemoBatch, EventParticipantRow, EventRow, OrganisationRow } from "./model";
import { FOCUS_REGIONS } from "./places";
import { Rng } from "./prng";
import { FIRST_NAMES, SURNAMES } from "./vocabulary";

export interface MarketplaceRow {
  eventId: number;
  place: string;
  hallOpens: string;
  hallCloses: string;
  capacity: number;
  registrationOpens: string;
  registrationCloses: string;
  moneyAllowed: boolean;
  followUpMonths: string;
  registrationKey: string;
  createdAt: string;
  updatedAt: string;
}

export interface EventModeratorRow {
  id: number;
  eventId: number;
  name: string;
}

export interface RegistrationRow {
  id: number;
  eventId: number;
  side: "nonprofit" | "company";
  orgName: string;
  postcode: string | null;
  field: string | null;
  industry: string | null;
  candidateOrganisationId: number | null;
  organisationId: number | null;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  contactName: string | null;
  contactEmail: string | null;
  consentText: string | null;
  consentAt: string | null;
  locale: "de";
  createdAt: string;
  updatedAt: string;
}

export interface RegistrationItemRow {
  id: number;
  registrationId: number;
  kind: "need" | "offer";
  contributionType: string;
  description: string;
  quantity: number | null;
  hours: number | null;
  wantedWhen: string | null;
  tags: string;
}

export interface MatchDecisionRow {
  eventId: number;
  needItemId: number;
  offerItemId: number;
  state: "pinned" | "dismissed";
  moderatorId: number | null;
  talkSlot: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface EventDealRow {
  cooperationId: number;
  eventId: number;
  clientId: string;
  needItemId: number | null;
  offerItemId: number | null;
  agreedText: string;
  dueBy: string | null;
  recordedBy: string;
  createdAt: string;
}

export interface FollowUpRequestRow {
  id: number;
  cooperationId: number;
  organisationId: number;
  roundMonths: number;
  dueOn: string;
  sentAt: string | null;
  sentVia: "mail" | "download" | null;
  reminders: number;
  lastRemindedAt: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  outcome: "done" | "ongoing" | "not_feasible" | null;
  hours: number | null;
  volunteers: number | null;
  peopleReached: number | null;
  wouldRepeat: boolean | null;
  comment: string | null;
}

export interface MarketplaceTables {
  marketplaces: MarketplaceRow[];
  eventModerators: EventModeratorRow[];
  registrations: RegistrationRow[];
  registrationItems: RegistrationItemRow[];
  matchDecisions: MatchDecisionRow[];
  eventDeals: EventDealRow[];
  followUpRequests: FollowUpRequestRow[];
}

/** The consent text shown on the registration page and stored with a contact person. */
export const CONSENT_TEXT =
  "Ich bin einverstanden, dass der Veranstalter meinen Namen und meine E-Mail-Adresse für die Organisation des Marktplatzes und die Rückfrage zu unseren Deals speichert. Die Einwilligung kann ich jederzeit widerrufen.";

/** Follow-ups come 3 and 6 months after "by when"; the chosen event lies this many days before the data's last day. */
const FOLLOW_UP_MONTHS = [3, 6];
const MIN_DAYS_BACK = 220;
const MIN_DEALS = 6;

const NEEDS: Record<string, readonly string[]> = {
  time: ["Helfende Hände beim Sommerfest", "Unterstützung beim Streichen der Gruppenräume", "Begleitung bei einem Ausflug", "Hilfe beim Aufbau des Gartens"],
  goods: ["Laptops für die Hausaufgabenhilfe", "Büromöbel für die Beratungsstelle", "Werkzeug für die Fahrradwerkstatt", "Spielgeräte für den Hof"],
  know_how: ["Beratung zur neuen Website", "Schulung in Buchhaltung", "Hilfe bei der Pressearbeit", "Unterstützung beim Förderantrag"],
  premises: ["Raum für ein Benefizkonzert", "Lagerfläche für Spenden", "Seminarraum für Fortbildungen"],
  transport: ["Transporter für einen Umzug", "Fahrten zur Tafel-Ausgabe", "Bus für einen Ausflug"],
  network: ["Kontakte zu Ausbildungsbetrieben", "Türöffner in die Lokalpolitik", "Partner für einen Spendenlauf"],
  money: ["Zuschuss für die Ferienfreizeit"],
};
const OFFERS: Record<string, readonly string[]> = {
  time: ["Zwei Mitarbeitende für einen Tag", "Ein Team von fünf Leuten für einen Aktionstag", "Ehrenamtliche Stunden unserer Azubis"],
  goods: ["Gebrauchte Laptops aus der Firmen-IT", "Ausrangierte Büromöbel", "Material aus unserem Lager"],
  know_how: ["Zwei Stunden Beratung durch unsere Fachleute", "Workshop zu Social Media", "Durchsicht der Finanzplanung"],
  premises: ["Unseren Besprechungsraum an einem Abend", "Die Kantine an einem Samstag", "Lagerfläche für drei Monate"],
  transport: ["Einen Transporter mit Fahrer für einen Tag", "Fahrten mit unserem Kleinbus"],
  network: ["Kontakte aus unserem Unternehmensnetzwerk", "Vorstellung bei unseren Geschäftspartnern"],
  money: ["Einen Zuschuss aus dem Spendenbudget"],
};
const COMMENTS = ["Hat allen Spaß gemacht, gerne wieder.", "Der Termin musste einmal verschoben werden, dann lief es gut.", "Sehr unkompliziert.", "Wir bleiben in Kontakt."];
const PLACES = ["Rathaus", "Bürgerhaus", "IHK-Saal", "Stadthalle", "Alte Feuerwache"];

const day = 86_400_000;
const isoDay = (d: string, add: number) => new Date(Date.parse(`${d}T00:00:00Z`) + add * day).toISOString().slice(0, 10);
function addMonths(d: string, months: number): string {
  const [y, m, dd] = d.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(dd, last))).toISOString().slice(0, 10);
}
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join("");

interface Candidate {
  event: EventRow;
  participants: number[];
  coops: CooperationRow[];
}

/** Watches the generator's batches and adds the marketplace loop of each seed city at the end. */
export class MarketplaceDemo {
  private readonly rng: Rng;
  private readonly cities = new Set(FOCUS_REGIONS.filter((r) => r.formats.marketplace !== undefined).map((r) => r.code));
  private readonly orgs = new Map<number, OrganisationRow>();
  private readonly candidates = new Map<number, Candidate>();
  private readonly coopEvent = new Map<number, number>();
  private readonly partners = new Map<number, number[]>();

  constructor(
    seed: number,
    private readonly asOf: string,
  ) {
    // A stream of its own: the rest of the demo data does not move when this part changes.
    this.rng = new Rng((seed * 2_654_435_761 + 0x6d6b) >>> 0);
  }

  observe(batch: DemoBatch) {
    switch (batch.table) {
      case "organisations":
        for (const o of batch.rows) this.orgs.set(o.id, o);
        break;
      case "events":
        for (const e of batch.rows) {
          if (e.kind === "marketplace" && this.cities.has(e.regionCode) && e.date <= isoDay(this.asOf, -MIN_DAYS_BACK)) this.candidates.set(e.id, { event: e, participants: [], coops: [] });
        }
        break;
      case "eventParticipants":
        for (const p of batch.rows as EventParticipantRow[]) this.candidates.get(p.eventId)?.participants.push(p.organisationId);
        break;
      case "cooperations":
        for (const c of batch.rows) {
          const cand = c.eventId === null ? undefined : this.candidates.get(c.eventId);
          if (cand) (cand.coops.push(c), this.coopEvent.set(c.id, c.eventId!));
        }
        break;
      case "cooperationPartners":
        for (const p of batch.rows as CooperationPartnerRow[]) {
          if (!this.coopEvent.has(p.cooperationId)) continue;
          const list = this.partners.get(p.cooperationId) ?? [];
          list.push(p.organisationId);
          this.partners.set(p.cooperationId, list);
        }
        break;
      default:
        break;
    }
  }

  /** The chosen event per seed city: its latest marketplace with enough deals and follow-ups due. */
  private chosen(): Candidate[] {
    const byCity = new Map<string, Candidate>();
    for (const c of this.candidates.values()) {
      if (c.coops.length < MIN_DEALS) continue;
      const best = byCity.get(c.event.regionCode);
      if (!best || c.event.date > best.event.date || (c.event.date === best.event.date && c.event.id > best.event.id)) byCity.set(c.event.regionCode, c);
    }
    return [...byCity.values()].sort((a, b) => a.event.id - b.event.id);
  }

  /** The rows of the marketplace tables (in foreign-key order). */
  build(): MarketplaceTables {
    const t: MarketplaceTables = { marketplaces: [], eventModerators: [], registrations: [], registrationItems: [], matchDecisions: [], eventDeals: [], followUpRequests: [] };
    const ids = { moderator: 1, registration: 1, item: 1, followUp: 1 };
    const usedKeys = new Set<string>();
    for (const cand of this.chosen()) this.buildOne(cand, t, ids, usedKeys);
    return t;
  }

  *batches(): Generator<DemoBatch> {
    const t = this.build();
    if (!t.marketplaces.length) return;
    yield { table: "marketplaces", rows: t.marketplaces };
    yield { table: "eventModerators", rows: t.eventModerators };
    yield { table: "registrations", rows: t.registrations };
    yield { table: "registrationItems", rows: t.registrationItems };
    yield { table: "matchDecisions", rows: t.matchDecisions };
    yield { table: "eventDeals", rows: t.eventDeals };
    yield { table: "followUpRequests", rows: t.followUpRequests };
  }

  private buildOne(cand: Candidate, t: MarketplaceTables, ids: { moderator: number; registration: number; item: number; followUp: number }, usedKeys: Set<string>) {
    const rng = this.rng;
    const e = cand.event;
    const city = FOCUS_REGIONS.find((r) => r.code === e.regionCode)!;
    const at = (d: string, hour: number) => `${d}T${String(hour).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:00.000Z`;
    const opens = isoDay(e.date, -60);
    const closes = isoDay(e.date, -2);
    let key = hex(rng, 32);
    while (usedKeys.has(key)) key = hex(rng, 32);
    usedKeys.add(key);
    const withMoney = cand.coops.some((c) => c.contributionTypes.split(",").includes("money"));
    t.marketplaces.push({
      eventId: e.id,
      place: `${rng.pick(PLACES)} ${city.mainTown}, ${rng.pick(city.places)[0]}`,
      hallOpens: "17:00",
      hallCloses: "19:00",
      capacity: Math.max(60, Math.ceil((cand.participants.length + 12) / 10) * 10),
      registrationOpens: opens,
      registrationCloses: closes,
      // The common house rule "money is not traded here", unless the event's deals say otherwise.
      moneyAllowed: withMoney,
      followUpMonths: FOLLOW_UP_MONTHS.join(","),
      registrationKey: key,
      createdAt: at(isoDay(opens, -7), 9),
      updatedAt: at(isoDay(opens, -7), 10),
    });
    const moderators = [0, 1, 2].map(() => ({ id: ids.moderator++, eventId: e.id, name: "" }));
    const names = new Set<string>();
    for (const m of moderators) {
      do m.name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
      while (names.has(m.name));
      names.add(m.name);
      t.eventModerators.push(m);
    }

    // Approved registrations: every participant, by link before the event.
    const regOf = new Map<number, RegistrationRow>();
    const participants = [...new Set(cand.participants)].filter((id) => this.orgs.has(id)).sort((a, b) => a - b);
    for (const id of participants) {
      const o = this.orgs.get(id)!;
      const created = at(isoDay(opens, rng.int(0, 55)), rng.int(7, 22));
      const consent = o.contactName !== null && rng.chance(0.7);
      const r: RegistrationRow = {
        id: ids.registration++,
        eventId: e.id,
        side: o.kind === "nonprofit" ? "nonprofit" : "company",
        orgName: o.name,
        postcode: o.postcode,
        field: o.field,
        industry: o.industry,
        candidateOrganisationId: id,
        organisationId: id,
        status: "approved",
        contactName: consent ? o.contactName : null,
        contactEmail: consent ? o.contactEmail : null,
        consentText: consent ? CONSENT_TEXT : null,
        consentAt: consent ? created : null,
        locale: "de",
        createdAt: created,
        updatedAt: created,
      };
      regOf.set(id, r);
      t.registrations.push(r);
    }
    // Registrations that did not (or not yet) count: a new organisation waiting for approval, one
    // that matches an existing organisation of the city by name and postcode, a rejected double
    // entry and a withdrawn one.
    const outsiders = [...this.orgs.values()].filter((o) => o.regionCode === e.regionCode && o.kind === "nonprofit" && !regOf.has(o.id));
    const matched = outsiders.length ? outsiders[rng.int(0, outsiders.length - 1)] : null;
    const place = rng.pick(city.places);
    const extra: Omit<RegistrationRow, "id" | "eventId" | "locale" | "createdAt" | "updatedAt" | "consentText" | "consentAt" | "contactName" | "contactEmail">[] = [
      { side: "nonprofit", orgName: `Nachbarschaftsinitiative ${place[0]}`, postcode: place[1], field: "social", industry: null, candidateOrganisationId: null, organisationId: null, status: "pending" },
      ...(matched
        ? [{ side: "nonprofit" as const, orgName: matched.name.replace(/ e\.\s?V\.$/, " eV").toUpperCase(), postcode: matched.postcode, field: matched.field, industry: null, candidateOrganisationId: matched.id, organisationId: null, status: "pending" as const }]
        : []),
      { side: "company", orgName: `${participants.length ? this.orgs.get(participants[0])!.name : "Muster GmbH"} (doppelt)`, postcode: null, field: null, industry: null, candidateOrganisationId: participants[0] ?? null, organisationId: null, status: "rejected" },
      { side: "company", orgName: `Bäckerei ${rng.pick(SURNAMES)}`, postcode: rng.pick(city.places)[1], field: null, industry: "crafts", candidateOrganisationId: null, organisationId: null, status: "withdrawn" },
    ];
    for (const x of extra) {
      const created = at(isoDay(opens, rng.int(20, 57)), rng.int(7, 22));
      const consent = rng.chance(0.5);
      const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
      t.registrations.push({
        ...x,
        id: ids.registration++,
        eventId: e.id,
        locale: "de",
        contactName: consent ? name : null,
        contactEmail: consent ? `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(" ", ".")}@example.org` : null,
        consentText: consent ? CONSENT_TEXT : null,
        consentAt: consent ? created : null,
        createdAt: created,
        updatedAt: created,
      });
      // A pending entry brings its needs too (they wait for the approval before they count).
      if (x.status === "pending") this.addItem(t, ids, t.registrations[t.registrations.length - 1], "need", rng.pick(["time", "goods", "know_how"]));
    }

    // Items: each deal's need and offer (one item per registration and type), then needs and
    // offers that found no partner.
    const itemOf = new Map<string, RegistrationItemRow>();
    const item = (orgId: number, kind: "need" | "offer", type: string) => {
      const r = regOf.get(orgId);
      if (!r) return null;
      const k = `${r.id}|${kind}|${type}`;
      let it = itemOf.get(k);
      if (!it) (it = this.addItem(t, ids, r, kind, type)), itemOf.set(k, it);
      return it;
    };
    const deals = cand.coops.slice().sort((a, b) => a.id - b.id);
    const slotOf = (i: number) => {
      const minutes = 17 * 60 + 10 * Math.floor(i / moderators.length);
      return minutes < 19 * 60 ? `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}` : null;
    };
    const decided = new Set<string>();
    deals.forEach((c, i) => {
      const partners = (this.partners.get(c.id) ?? []).filter((id) => regOf.has(id));
      const np = partners.find((id) => this.orgs.get(id)!.kind === "nonprofit");
      const giver = partners.find((id) => id !== np);
      const type = c.contributionTypes.split(",")[0] || "time";
      const need = np === undefined ? null : item(np, "need", type);
      const offer = giver === undefined ? null : item(giver, "offer", type);
      const dueBy = isoDay(e.date, rng.pick([30, 45, 60, 90]));
      t.eventDeals.push({
        cooperationId: c.id,
        eventId: e.id,
        clientId: `demo-${c.id}-${hex(rng, 12)}`,
        needItemId: need?.id ?? null,
        offerItemId: offer?.id ?? null,
        agreedText: `${offer?.description ?? "Unterstützung"} für: ${need?.description ?? "das Projekt"}`,
        dueBy,
        recordedBy: "demo:deal-sheet",
        createdAt: at(e.date, rng.int(17, 18)),
      });
      // Most deals came from a talk the moderators pinned on the board.
      if (need && offer && rng.chance(0.8) && !decided.has(`${need.id}|${offer.id}`)) {
        decided.add(`${need.id}|${offer.id}`);
        t.matchDecisions.push({ eventId: e.id, needItemId: need.id, offerItemId: offer.id, state: "pinned", moderatorId: moderators[i % moderators.length].id, talkSlot: slotOf(i), decidedBy: "demo", decidedAt: at(isoDay(e.date, -1), 15) });
      }
      this.followUps(t, ids, c, partners, dueBy);
    });
    for (const id of participants) {
      const o = this.orgs.get(id)!;
      const kind = o.kind === "nonprofit" ? "need" : "offer";
      if (rng.chance(kind === "need" ? 0.45 : 0.3)) item(id, kind, rng.pick(kind === "need" ? ["premises", "transport", "know_how", "goods", "network"] : ["know_how", "time", "premises"]));
    }
    // A few talks the moderators dismissed: need and offer of different types.
    const needs = [...itemOf.values()].filter((x) => x.kind === "need");
    const offers = [...itemOf.values()].filter((x) => x.kind === "offer");
    for (let k = 0; k < Math.min(5, needs.length) && offers.length; k++) {
      const n = rng.pick(needs);
      const o = rng.pick(offers);
      if (n.contributionType === o.contributionType || decided.has(`${n.id}|${o.id}`)) continue;
      decided.add(`${n.id}|${o.id}`);
      t.matchDecisions.push({ eventId: e.id, needItemId: n.id, offerItemId: o.id, state: "dismissed", moderatorId: null, talkSlot: null, decidedBy: "demo", decidedAt: at(isoDay(e.date, -1), 16) });
    }
    this.everyState(t, e.id);
  }

  private addItem(t: MarketplaceTables, ids: { item: number }, r: RegistrationRow, kind: "need" | "offer", type: string): RegistrationItemRow {
    const rng = this.rng;
    const it: RegistrationItemRow = {
      id: ids.item++,
      registrationId: r.id,
      kind,
      contributionType: type,
      description: rng.pick((kind === "need" ? NEEDS : OFFERS)[type] ?? NEEDS.time),
      quantity: type === "goods" ? rng.int(2, 20) : null,
      hours: type === "time" || type === "know_how" ? rng.pick([2, 4, 8, 16]) : null,
      wantedWhen: kind === "need" && rng.chance(0.5) ? rng.pick(["bis zu den Sommerferien", "im Herbst", "so bald wie möglich", "vor Weihnachten"]) : null,
      tags: [r.field, r.industry].filter(Boolean).join(","),
    };
    t.registrationItems.push(it);
    return it;
  }

  /** Follow-up requests of one deal: per partner and round, as far as they are due by the data's last day. */
  private followUps(t: MarketplaceTables, ids: { followUp: number }, c: CooperationRow, partners: number[], dueBy: string) {
    if (c.status === "cancelled") return;
    const rng = this.rng;
    const settled = c.status === "done" || c.status === "not_feasible";
    for (const months of FOLLOW_UP_MONTHS) {
      const round = t.followUpRequests.length;
      const dueOn = addMonths(dueBy, months);
      if (dueOn > isoDay(this.asOf, 30)) continue;
      const due = dueOn <= this.asOf;
      // Once a deal is settled, the second round is not asked any more.
      if (months > FOLLOW_UP_MONTHS[0] && settled && c.dateDone !== null && c.dateDone < addMonths(dueBy, FOLLOW_UP_MONTHS[0])) continue;
      partners.forEach((orgId, i) => {
        const o = this.orgs.get(orgId)!;
        const answeredAt = isoDay(dueOn, rng.int(2, 25));
        // Agreed deals are the ones nobody has answered about; a few partners of the others stay silent too.
        const answers = due && c.status !== "agreed" && answeredAt <= this.asOf && rng.chance(0.85);
        const outcome = c.status === "agreed" ? null : (c.status as "done" | "ongoing" | "not_feasible");
        const reminders = due && !answers ? rng.int(0, 2) : 0;
        t.followUpRequests.push({
          id: ids.followUp++,
          cooperationId: c.id,
          organisationId: orgId,
          roundMonths: months,
          dueOn,
          sentAt: due ? `${dueOn}T08:00:00.000Z` : null,
          sentVia: due ? "download" : null,
          reminders,
          lastRemindedAt: reminders ? `${isoDay(dueOn, 14 * reminders)}T08:00:00.000Z` : null,
          answeredAt: answers ? `${answeredAt}T${String(rng.int(8, 20)).padStart(2, "0")}:15:00.000Z` : null,
          answeredBy: answers ? (o.contactName ?? o.name).slice(0, 200) : null,
          outcome: answers ? outcome : null,
          hours: answers && outcome !== "not_feasible" ? (i === 0 ? c.hours : null) : null,
          volunteers: answers && outcome !== "not_feasible" && i === 0 ? c.volunteers : null,
          peopleReached: answers && outcome === "done" && o.kind === "nonprofit" ? c.peopleReached : null,
          wouldRepeat: answers ? outcome !== "not_feasible" || rng.chance(0.3) : null,
          comment: answers && rng.chance(0.3) ? rng.pick(COMMENTS) : null,
        });
      });
      // Now and then the two partners see it differently: one says done, the other ongoing.
      const asked = t.followUpRequests.slice(round);
      if (asked.length >= 2 && asked.every((f) => f.outcome === "done") && rng.chance(0.12)) {
        asked[1].outcome = "ongoing";
        asked[1].comment = "Aus unserer Sicht ist es noch nicht abgeschlossen.";
      }
    }
  }

  /**
   * Every state on every board: when chance left one out, a deal's two answers are made to
   * disagree (one partner says done, the other ongoing), and a silent partner is made overdue.
   */
  private everyState(t: MarketplaceTables, eventId: number) {
    const dealIds = new Set(t.eventDeals.filter((d) => d.eventId === eventId).map((d) => d.cooperationId));
    const mine = t.followUpRequests.filter((f) => dealIds.has(f.cooperationId));
    const byRound = new Map<string, FollowUpRequestRow[]>();
    for (const f of mine) {
      const k = `${f.cooperationId}|${f.roundMonths}`;
      byRound.set(k, [...(byRound.get(k) ?? []), f]);
    }
    const pairs = [...byRound.values()].filter((list) => list.length >= 2);
    const answeredPairs = pairs.filter((list) => list.every((f) => f.outcome !== null));
    const disagreeing = answeredPairs.some((list) => new Set(list.map((f) => f.outcome)).size > 1);
    if (!disagreeing) {
      const list = answeredPairs.find((l) => l[0].outcome === "done") ?? answeredPairs[0];
      if (list) {
        const other = list[1];
        other.outcome = list[0].outcome === "done" ? "ongoing" : "done";
        other.comment = other.outcome === "ongoing" ? "Aus unserer Sicht ist es noch nicht abgeschlossen." : "Bei uns ist alles erledigt.";
      }
    }
    if (!mine.some((f) => f.answeredAt === null && f.dueOn < this.asOf)) {
      const f = mine.find((x) => x.dueOn < this.asOf);
      if (f) Object.assign(f, { answeredAt: null, answeredBy: null, outcome: null, hours: null, volunteers: null, peopleReached: null, wouldRepeat: null, comment: null, reminders: 1, lastRemindedAt: `${isoDay(f.dueOn, 14)}T08:00:00.000Z` });
    }
  }
}
