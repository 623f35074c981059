/**
 * @module
 * The demo data model: organisations in real regions, events of every format since 2016 and the
 * cooperations they produce, generated year by year from a seeded PRNG. `streamDemoData` yields the
 * rows in insertion order (parents before children, ids ascending) so that callers can write them
 * out without holding the whole data set; memory grows with the number of organisations and
 * partner pairs, not with the number of cooperations.
 *
 * Conventions the rows follow (and metrics can rely on):
 * - A cooperation has one or more "giving" partners (companies, sometimes a public body) and one or
 *   more non-profits; its region is the (first) non-profit's region.
 * - Inputs (volunteers, hours, value_eur) are the pledged amounts for `agreed`, the amounts so far for
 *   `ongoing`, the delivered amounts for `done`, and 0 for `cancelled`/`not_feasible`. people_reached
 *   is only counted for `done` and `ongoing`.
 * - follow_up_of points to the most recent earlier, not failed cooperation of the same
 *   company–non-profit pair.
 * - About one organisation in eight never finds a partner (some still attend events).
 */
import { buildRegionRows, shortRegionName, type RegionRow } from "../../schema/regions/regions";
import { DISTRICT_MERGES } from "../../schema/regions/district-merges";
import { Rng } from "./prng";
import { MarketplaceDemo, type MarketplaceTables } from "./marketplace";
import { ActionDayDemo, type ActionDayTables } from "./action-days";
import { RoundTableDemo, type RoundTableTables } from "./round-tables";
import {
  FOCUS_REGIONS, GENERIC_QUARTERS, STATE_POSTAL_REGIONS, STATE_ROUND_TABLES, dutchPostcode,
  type EventFormat, type FocusRegion, type Place,
} from "./places";
import {
  CLUB_WORDS, COMPANY_ANCHORS, COMPANY_TEMPLATES, DUTCH, FIELD_WEIGHTS, FIRST_NAMES, GIVES_BACK, HOUSE_NAMES, INDUSTRY_WEIGHTS,
  INTERMEDIARY_TEMPLATES, KITA_NAMES, LANDMARKS, NONPROFIT_ANCHORS, NONPROFIT_TEMPLATES, PEOPLE_REACHED, PUBLIC_TEMPLATES,
  SCHOOL_PATRONS, SURNAMES, TARGET_GROUPS, TECH_WORDS, type Field, type Industry, type SizeClass,
} from "./vocabulary";

export type { EventFormat } from "./places";
export type { Field, Industry, SizeClass } from "./vocabulary";

// ---------------------------------------------------------------------------------------------
// Row types (camelCase like worker/db/tables.ts, so rows can go to drizzle inserts unchanged)

export type OrganisationKind = "company" | "nonprofit" | "public" | "intermediary";
export type CooperationStatus = "agreed" | "done" | "ongoing" | "cancelled" | "not_feasible";
export type ContributionType = "time" | "goods" | "know_how" | "premises" | "network" | "money";

export interface OrganisationRow {
  id: number;
  name: string;
  kind: OrganisationKind;
  regionCode: string;
  postcode: string | null;
  field: string | null;
  industry: string | null;
  sizeClass: SizeClass | null;
  isPublic: boolean;
  contactName: string | null;
  contactEmail: string | null;
  source: "demo";
  externalRef: string;
  createdAt: string;
  updatedAt: string;
}

export interface EventRow {
  id: number;
  kind: EventFormat;
  title: string;
  date: string;
  regionCode: string;
  organiserId: number | null;
  source: "demo";
  externalRef: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EventParticipantRow {
  eventId: number;
  organisationId: number;
}

export interface CooperationRow {
  id: number;
  regionCode: string;
  eventId: number | null;
  dateAgreed: string;
  dateDone: string | null;
  status: CooperationStatus;
  /** Comma list in canonical order time,goods,know_how,premises,network,money. */
  contributionTypes: string;
  volunteers: number;
  hours: number;
  valueEur: number;
  peopleReached: number;
  targetGroups: string | null;
  givesBack: string | null;
  followUpOf: number | null;
  source: "demo" | "action_day";
  externalRef: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CooperationPartnerRow {
  cooperationId: number;
  organisationId: number;
}

export interface RegionRevisionRow {
  regionCode: string;
  revision: number;
}

/** The marketplace loop's, the action days' (scripts/demo/marketplace.ts, action-days.ts), and the round tables' and checklists' tables (round-tables.ts) come last. */
export interface DemoTables extends MarketplaceTables, ActionDayTables, RoundTableTables {
  organisations: OrganisationRow[];
  events: EventRow[];
  eventParticipants: EventParticipantRow[];
  cooperations: CooperationRow[];
  cooperationPartners: CooperationPartnerRow[];
  regionRevisions: RegionRevisionRow[];
}

export type DemoTableName = keyof DemoTables;

/** A slice of one table's rows; batches arrive in an order that satisfies every foreign key. */
export type DemoBatch = { [K in DemoTableName]: { table: K; rows: DemoTables[K] } }[DemoTableName];

export interface DemoOptions {
  /** PRNG seed; the same seed and scale give identical output. Default 1. */
  seed?: number;
  /** Number of organisations. Default 1 500. */
  scale?: number;
  /**
   * `regional`: the regions of the seed text (Frankfurt, Jena, Ruhr, Brandenburg, Arnhem);
   * `national`: every German district (those regions weighted up) plus Arnhem.
   * Default: regional below 10 000 organisations, national from there on.
   */
  coverage?: "regional" | "national";
  /** Last day with data, YYYY-MM-DD. Default 2026-10-31. */
  asOf?: string;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_SCALE = 1500;
export const DEFAULT_AS_OF = "2026-10-31";
export const FIRST_YEAR = 2016;
/** From this many organisations on, the default coverage is national. */
export const NATIONAL_FROM = 10_000;

// ---------------------------------------------------------------------------------------------
// Calibration

/**
 * Cooperations per organisation over the whole period: ≈ 6.7 for the regional default (≈ 10 000
 * cooperations for 1 500 organisations), rising to 10 at national scale (500 000 for 50 000), where
 * the data covers more mature networks.
 */
function cooperationsPerOrganisation(scale: number): number {
  const t = Math.min(1, Math.max(0, Math.log(scale / 1500) / Math.log(50000 / 1500)));
  return 6.7 + 3.3 * t;
}

/** Relative activity per year (2020/21: pandemic; 2026: data until the as-of date). */
const YEAR_WEIGHTS: Readonly<Record<number, number>> = {
  2016: 0.65, 2017: 0.75, 2018: 0.85, 2019: 0.95, 2020: 0.55, 2021: 0.7, 2022: 0.95, 2023: 1.05, 2024: 1.1, 2025: 1.15, 2026: 0.95,
};

/** Year in which an organisation first appears (2016 includes everything recorded at the start). */
const ENTRY_YEAR_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [2016, 40], [2017, 8], [2018, 8], [2019, 8], [2020, 5], [2021, 6], [2022, 7], [2023, 6], [2024, 5], [2025, 4], [2026, 3],
];

const STATUS_MIX: Readonly<Record<EventFormat | "none", ReadonlyArray<readonly [CooperationStatus, number]>>> = {
  marketplace: [["done", 72], ["ongoing", 6], ["agreed", 8], ["cancelled", 7], ["not_feasible", 7]],
  action_day: [["done", 93], ["cancelled", 5], ["not_feasible", 2]],
  round_table: [["done", 70], ["ongoing", 12], ["agreed", 8], ["cancelled", 5], ["not_feasible", 5]],
  action_72h: [["done", 95], ["cancelled", 5]],
  social_day: [["done", 92], ["cancelled", 4], ["not_feasible", 4]],
  other: [["done", 65], ["ongoing", 15], ["agreed", 10], ["cancelled", 5], ["not_feasible", 5]],
  none: [["done", 68], ["ongoing", 17], ["agreed", 6], ["cancelled", 5], ["not_feasible", 4]],
};

const CONTRIBUTION_ORDER: readonly ContributionType[] = ["time", "goods", "know_how", "premises", "network", "money"];

const PRIMARY_CONTRIBUTION: Readonly<Record<EventFormat | "none", ReadonlyArray<readonly [ContributionType, number]>>> = {
  // Marketplace deals are non-cash by the rules of the format.
  marketplace: [["know_how", 32], ["time", 33], ["goods", 20], ["premises", 10], ["network", 5]],
  action_day: [["time", 1]],
  round_table: [["know_how", 30], ["network", 25], ["money", 20], ["goods", 15], ["premises", 10]],
  action_72h: [["goods", 50], ["money", 20], ["premises", 15], ["time", 15]],
  social_day: [["money", 1]],
  other: [["know_how", 30], ["network", 30], ["time", 20], ["goods", 20]],
  none: [["money", 22], ["goods", 20], ["know_how", 20], ["time", 20], ["premises", 10], ["network", 8]],
};

// ---------------------------------------------------------------------------------------------
// Dates (day numbers since 1970-01-01, UTC)

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const ymd = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);

/** Moves a Saturday to Friday and a Sunday to Monday: events happen on working days. */
function weekday(day: number): number {
  const dow = new Date(day * DAY_MS).getUTCDay();
  return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
}

function timestamp(day: number, rng: Rng): string {
  return `${isoOf(day)}T${String(rng.int(7, 18)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}.000Z`;
}

// ---------------------------------------------------------------------------------------------
// Internal state

interface Org {
  row: OrganisationRow;
  entryDay: number;
  /** Weight for being chosen as a partner (0: never finds one). */
  activity: number;
  field: Field | null;
  size: SizeClass | null;
  region: RegionCtx;
}

/** Organisations of one kind group in one region, sampled by weight among those already present. */
class Pool {
  readonly orgs: Org[] = [];
  private entry: number[] = [];
  private cumActivity = new Float64Array(0);
  private cumAttend = new Float64Array(0);

  add(o: Org) {
    this.orgs.push(o);
  }

  finalize() {
    this.orgs.sort((a, b) => a.entryDay - b.entryDay || a.row.id - b.row.id);
    this.entry = this.orgs.map((o) => o.entryDay);
    this.cumActivity = new Float64Array(this.orgs.length);
    this.cumAttend = new Float64Array(this.orgs.length);
    let a = 0;
    let b = 0;
    this.orgs.forEach((o, i) => {
      a += o.activity;
      b += o.activity + 0.5; // organisations that never find a partner still come to events
      this.cumActivity[i] = a;
      this.cumAttend[i] = b;
    });
  }

  /** Number of organisations present on `day`. */
  present(day: number): number {
    let lo = 0;
    let hi = this.entry.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entry[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** One organisation present on `day`, by activity (or attendance) weight; null if none. */
  sample(rng: Rng, day: number, attend = false, accept?: (o: Org) => boolean): Org | null {
    const n = this.present(day);
    if (n === 0) return null;
    const cum = attend ? this.cumAttend : this.cumActivity;
    const total = cum[n - 1];
    if (total <= 0) return null;
    for (let tries = 0; tries < 25; tries++) {
      const u = rng.next() * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      const o = this.orgs[lo];
      if (!accept || accept(o)) return o;
    }
    return null;
  }

  /** Up to `n` distinct organisations present on `day`. */
  sampleDistinct(rng: Rng, day: number, n: number, attend: boolean, accept?: (o: Org) => boolean): Org[] {
    const chosen = new Set<Org>();
    const limit = Math.min(n, this.present(day));
    for (let tries = 0; chosen.size < limit && tries < limit * 6; tries++) {
      const o = this.sample(rng, day, attend, (x) => !chosen.has(x) && (!accept || accept(x)));
      if (o) chosen.add(o);
    }
    return [...chosen];
  }
}

interface NameChoice {
  template: string;
  field: Field | null;
  industry: Industry | null;
  size: SizeClass | null;
}

interface RegionCtx {
  row: RegionRow;
  code: string;
  state: string | null;
  /** {R}: the district as named in organisation names. */
  label: string;
  /** {C}: main town. */
  town: string;
  places: Place[];
  dutch: boolean;
  formats: Partial<Record<EventFormat, number>>;
  weight: number;
  size: number;
  givers: Pool;
  nonprofits: Pool;
  intermediaries: Org[];
  /** Cooperations planned per year (before events). */
  budget: number;
  titleStyle: number;
}

interface EventDraft {
  kind: EventFormat;
  title: string;
  day: number;
  region: RegionCtx;
  organiser: Org | null;
  participants: Set<Org>;
  notes: string | null;
  createdDay: number;
  updatedDay: number;
  id: number;
}

interface CoopDraft {
  region: RegionCtx;
  event: EventDraft | null;
  format: EventFormat | "none";
  agreedDay: number;
  doneDay: number | null;
  status: CooperationStatus;
  types: Set<ContributionType>;
  volunteers: number;
  hours: number;
  valueEur: number;
  peopleReached: number;
  targetGroups: string | null;
  givesBack: string | null;
  notes: string | null;
  givers: Org[];
  receivers: Org[];
}

// ---------------------------------------------------------------------------------------------
// Generator

const pairKey = (giver: number, receiver: number) => giver * 1_000_000 + receiver;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

const ASCII: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", ş: "s", é: "e" };
const mailPart = (s: string) =>
  s.toLowerCase().replace(/[äöüßşé]/g, (c) => ASCII[c] ?? c).replace(/[^a-z]+/g, "");

class DemoGenerator {
  private readonly rng: Rng;
  private readonly scale: number;
  private readonly asOfDay: number;
  private readonly asOfYear: number;
  private readonly national: boolean;
  private regions: RegionCtx[] = [];
  private regionsByState = new Map<string, RegionCtx[]>();
  private orgs: Org[] = [];
  private names = new Set<string>();
  private nextEventId = 1;
  private nextCoopId = 1;
  /** Last successful cooperation id per company–non-profit pair. */
  private pairLast = new Map<number, number>();
  /** Non-profit id → givers it has cooperated with in earlier years. */
  private partnersOf = new Map<number, Org[]>();
  private touched = new Set<string>();
  private readonly marketplaces: MarketplaceDemo;
  private readonly actionDays: ActionDayDemo;
  private readonly roundTables: RoundTableDemo;

  constructor(options: DemoOptions) {
    this.rng = new Rng(options.seed ?? DEFAULT_SEED);
    this.scale = Math.round(options.scale ?? DEFAULT_SCALE);
    if (!Number.isFinite(this.scale) || this.scale < 100 || this.scale >= 1_000_000) {
      throw new Error(`generateDemoData: scale must be between 100 and 999 999 organisations, got ${options.scale}`);
    }
    const asOf = options.asOf ?? DEFAULT_AS_OF;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || asOf < `${FIRST_YEAR + 1}-01-01`) throw new Error(`generateDemoData: invalid asOf ${asOf}`);
    this.asOfDay = dayOf(asOf);
    this.asOfYear = Number(asOf.slice(0, 4));
    this.national = (options.coverage ?? (this.scale >= NATIONAL_FROM ? "national" : "regional")) === "national";
    this.roundTables = new RoundTableDemo(options.seed ?? DEFAULT_SEED, asOf, { checklists: !this.national });
    this.marketplaces = new MarketplaceDemo(options.seed ?? DEFAULT_SEED, asOf);
    this.actionDays = new ActionDayDemo(options.seed ?? DEFAULT_SEED, asOf);
  }

  *run(): Generator<DemoBatch> {
    this.setUpRegions();
    this.createOrganisations();
    const watch = (b: DemoBatch) => (this.marketplaces.observe(b), this.actionDays.observe(b), this.roundTables.observe(b), b);
    yield watch({ table: "organisations", rows: this.orgs.map((o) => o.row) });
    for (let year = FIRST_YEAR; year <= this.asOfYear; year++) for (const b of this.year(year)) yield watch(b);
    for (const b of this.marketplaces.batches()) yield (this.actionDays.observe(b), this.roundTables.observe(b), b);
    for (const b of this.actionDays.batches()) yield (this.roundTables.observe(b), b);
    yield* this.roundTables.batches();
    yield {
      table: "regionRevisions",
      rows: this.regions.filter((r) => this.touched.has(r.code)).map((r) => ({ regionCode: r.code, revision: 1 })),
    };
  }

  // --- regions ----------------------------------------------------------------------------

  private setUpRegions() {
    const rng = this.rng;
    const all = buildRegionRows();
    const byCode = new Map(all.map((r) => [r.code, r]));
    const focus = new Map(FOCUS_REGIONS.map((f) => [f.code, f]));
    const chosen: Array<{ row: RegionRow; focus: FocusRegion | undefined }> = [];
    if (this.national) {
      for (const row of all) {
        // Merged districts stay in the reference data for old records but get no new organisations.
        if (row.kind === "state" || DISTRICT_MERGES[row.code]) continue;
        chosen.push({ row, focus: focus.get(row.code) });
      }
    } else {
      for (const f of FOCUS_REGIONS) {
        const row = byCode.get(f.code);
        if (!row) throw new Error(`generateDemoData: focus region ${f.code} missing from the region reference data`);
        chosen.push({ row, focus: f });
      }
    }

    for (const { row, focus: f } of chosen) {
      const state = row.kind === "district" ? row.parentCode : null;
      const short = shortRegionName(row);
      const town = f?.mainTown ?? short.replace(/^(Landkreis|Kreis|Region|Städteregion|Regionalverband) /, "");
      let places: Place[];
      if (f) {
        places = [...f.places];
      } else {
        const prefixes = STATE_POSTAL_REGIONS[state ?? ""] ?? ["99"];
        const prefix = rng.pick(prefixes);
        places = [[town, prefix + String(rng.int(0, 999)).padStart(3, "0")]];
        for (const q of GENERIC_QUARTERS) places.push([`${town}-${q}`, prefix + String(rng.int(0, 999)).padStart(3, "0")]);
      }
      const population = row.population ?? 100_000;
      const weight = this.national ? Math.pow(population, 0.85) * (f ? 1.8 : 1) : f!.weight;
      const formats: Partial<Record<EventFormat, number>> = f
        ? { ...f.formats }
        : this.randomFormats(population, state);
      this.regions.push({
        row,
        code: row.code,
        state,
        label: f ? f.label : short,
        town,
        places,
        dutch: f?.dutch ?? false,
        formats,
        weight,
        size: 0,
        givers: new Pool(),
        nonprofits: new Pool(),
        intermediaries: [],
        budget: 0,
        titleStyle: rng.int(0, 2),
      });
    }

    // Organisations per region: proportional to weight, with a floor, summing to the scale. The
    // floors add up to at most half the scale, so the adjustment below always terminates.
    const floor = clamp(Math.floor(this.scale / (2 * this.regions.length)), 4, 15);
    const totalWeight = this.regions.reduce((s, r) => s + r.weight, 0);
    let assigned = 0;
    for (const r of this.regions) {
      r.size = Math.max(floor, Math.round((this.scale * r.weight) / totalWeight));
      assigned += r.size;
    }
    const largest = [...this.regions].sort((a, b) => b.size - a.size);
    for (let i = 0; assigned !== this.scale; i = (i + 1) % largest.length) {
      const step = assigned > this.scale ? -1 : 1;
      if (step < 0 && largest[i].size <= floor) continue;
      largest[i].size += step;
      assigned += step;
    }
    const perOrg = cooperationsPerOrganisation(this.scale);
    const yearSum = Object.entries(YEAR_WEIGHTS)
      .filter(([y]) => Number(y) <= this.asOfYear)
      .reduce((s, [, w]) => s + w, 0);
    for (const r of this.regions) {
      r.budget = (r.size * perOrg) / yearSum; // per unit of year weight
      if (r.state) {
        const list = this.regionsByState.get(r.state) ?? [];
        list.push(r);
        this.regionsByState.set(r.state, list);
      }
    }
  }

  private randomFormats(population: number, state: string | null): Partial<Record<EventFormat, number>> {
    const rng = this.rng;
    const f: Partial<Record<EventFormat, number>> = {};
    if (rng.chance(0.35 + 0.45 * Math.min(1, population / 500_000))) f.marketplace = rng.int(2016, 2021);
    if (rng.chance(0.85)) f.action_day = rng.int(2016, 2020);
    const stateTable = STATE_ROUND_TABLES.some(([s]) => s === state);
    if (stateTable || rng.chance(0.25)) f.round_table = stateTable ? 2016 : rng.int(2016, 2022);
    if (rng.chance(0.55)) f.action_72h = 2019;
    if (rng.chance(0.4)) f.social_day = rng.int(2016, 2020);
    if (rng.chance(0.7)) f.other = rng.int(2016, 2020);
    return f;
  }

  // --- organisations ----------------------------------------------------------------------

  private createOrganisations() {
    for (const r of this.regions) {
      const n = r.size;
      const nIntermediary = Math.max(1, Math.round(0.035 * n));
      const nPublic = Math.max(1, Math.round(0.06 * n));
      const nNonprofit = Math.round((n - nIntermediary - nPublic) / 2);
      const nCompany = n - nIntermediary - nPublic - nNonprofit;
      for (let i = 0; i < nIntermediary; i++) this.createOrg(r, "intermediary", i);
      for (let i = 0; i < nPublic; i++) this.createOrg(r, "public", i);
      for (let i = 0; i < nNonprofit; i++) this.createOrg(r, "nonprofit", i, nNonprofit);
      for (let i = 0; i < nCompany; i++) this.createOrg(r, "company", i, nCompany);
      r.givers.finalize();
      r.nonprofits.finalize();
    }
  }

  private createOrg(r: RegionCtx, kind: OrganisationKind, index: number, ofKind = 0) {
    const rng = this.rng;
    const anchorsNp = r.dutch ? DUTCH.nonprofitAnchors : NONPROFIT_ANCHORS.slice(0, ofKind >= 15 ? 6 : 3);
    const anchorsCo = r.dutch ? DUTCH.companyAnchors : COMPANY_ANCHORS.slice(0, ofKind >= 12 ? 4 : 2);
    const anchor = kind === "intermediary" ? index === 0 : kind === "nonprofit" ? index < anchorsNp.length : kind === "company" && index < anchorsCo.length;
    // A field or industry is drawn once; name retries vary the template within it.
    const field: Field | null = kind !== "nonprofit" ? null : anchor ? anchorsNp[index][1] : r.dutch ? null : rng.weighted(FIELD_WEIGHTS);
    const industry: Industry | null = kind !== "company" ? null : anchor ? anchorsCo[index][1] : r.dutch ? null : rng.weighted(INDUSTRY_WEIGHTS);
    let attempt = 0;
    const choose = (): NameChoice => {
      const first = attempt++ === 0;
      if (kind === "intermediary" || kind === "public") {
        const list = kind === "intermediary" ? (r.dutch ? DUTCH.intermediary : INTERMEDIARY_TEMPLATES) : r.dutch ? DUTCH.public : PUBLIC_TEMPLATES;
        return { template: index === 0 && first ? list[0] : rng.pick(list), field: null, industry: null, size: null };
      }
      if (kind === "nonprofit") {
        if (anchor) return { template: anchorsNp[index][0], field, industry: null, size: null };
        if (r.dutch) {
          const [template, f] = rng.pick(DUTCH.nonprofit);
          return { template, field: f, industry: null, size: null };
        }
        return { template: rng.pick(NONPROFIT_TEMPLATES[field!]), field, industry: null, size: null };
      }
      if (anchor) return { template: anchorsCo[index][0], field: null, industry, size: anchorsCo[index][2] };
      if (r.dutch) {
        const [template, ind] = rng.pick(DUTCH.company);
        return { template, field: null, industry: ind, size: rng.weighted([["micro", 4], ["small", 4], ["medium", 2], ["large", 0.5]] as const) };
      }
      const t = rng.pick(COMPANY_TEMPLATES[industry!]);
      const size = rng.weighted([["micro", t.sizes[0]], ["small", t.sizes[1]], ["medium", t.sizes[2]], ["large", t.sizes[3]]] as const);
      return { template: t.t, field: null, industry, size };
    };
    const { name, place, choice } = this.uniqueName(r, choose);
    const size = choice.size;
    const id = this.orgs.length + 1;
    const entryDay = anchor || (kind === "intermediary" && index === 0) ? ymd(FIRST_YEAR, 1, 1) + rng.int(0, 80) : this.entryDay();

    // Activity: large companies and the big welfare organisations cooperate most; some ordinary
    // organisations never find a partner.
    let activity = 0;
    if (kind === "company") {
      activity = { micro: 0.5, small: 1, medium: 1.8, large: 3 }[size!] * rng.logUniform(0.4, 2.5) * (anchor ? 2.5 : 1);
    } else if (kind === "nonprofit") {
      activity = rng.logUniform(0.4, 3) * (anchor ? 2.5 : 1);
    } else if (kind === "public") {
      activity = 0.4 * rng.logUniform(0.3, 3);
    }
    if (!anchor && kind !== "intermediary" && rng.chance(0.1)) activity = 0;

    const publicShare =
      kind === "intermediary" ? 0.9 : kind === "public" ? 0.7 : anchor ? 0.85 : size === "large" ? 0.5 : size === "medium" ? 0.3 : kind === "nonprofit" ? 0.27 : 0.15;
    let contactName: string | null = null;
    let contactEmail: string | null = null;
    if (rng.chance(kind === "intermediary" ? 1 : kind === "public" ? 0.5 : 0.42)) {
      const first = rng.pick(r.dutch ? DUTCH.firstNames : FIRST_NAMES);
      const last = rng.pick(r.dutch ? DUTCH.surnames : SURNAMES);
      contactName = `${first} ${last}`;
      contactEmail = `${mailPart(first)}.${mailPart(last)}@example.org`;
    }
    const postcode = r.dutch ? dutchPostcode(place[1], rng.int(0, 360), rng.int(0, 360)) : place[1];
    const created = timestamp(entryDay, rng);
    const org: Org = {
      row: {
        id,
        name,
        kind,
        regionCode: r.code,
        postcode,
        field: kind === "nonprofit" ? choice.field : kind === "intermediary" ? "civic_engagement" : null,
        industry: choice.industry,
        sizeClass: kind === "company" ? size : null,
        isPublic: rng.chance(publicShare),
        contactName,
        contactEmail,
        source: "demo",
        externalRef: `demo-org-${id}`,
        createdAt: created,
        updatedAt: created,
      },
      entryDay,
      activity,
      field: choice.field,
      size,
      region: r,
    };
    this.orgs.push(org);
    this.touched.add(r.code);
    if (kind === "company" || kind === "public") r.givers.add(org);
    else if (kind === "nonprofit") r.nonprofits.add(org);
    else r.intermediaries.push(org);
  }

  private entryDay(): number {
    const year = this.rng.weighted(ENTRY_YEAR_WEIGHTS.filter(([y]) => y <= this.asOfYear));
    const start = ymd(year, 1, 1);
    const end = Math.min(ymd(year, 12, 31), this.asOfDay);
    return this.rng.int(start, Math.max(start, end));
  }

  private fill(template: string, r: RegionCtx, place: Place): string {
    const rng = this.rng;
    const surnames = r.dutch ? DUTCH.surnames : SURNAMES;
    let s1 = "";
    return template.replace(/\{(P|R|C|S2|S|Y|T|K|F|N|H|W)\}/g, (_, key: string) => {
      switch (key) {
        case "P": return place[0];
        case "R": return r.label;
        case "C": return r.town;
        case "S": return (s1 = rng.pick(surnames));
        case "S2": {
          let s2 = rng.pick(surnames);
          while (s2 === s1) s2 = rng.pick(surnames);
          return s2;
        }
        case "Y": return String(rng.chance(0.3) ? rng.pick([1861, 1888, 1896, 1904, 1909, 1912, 1919, 1920, 1921, 1946, 1949, 1990]) : rng.int(1860, 1995));
        case "T": return rng.pick(TECH_WORDS);
        case "K": return rng.pick(r.dutch ? DUTCH.kitaNames : KITA_NAMES);
        case "F": return rng.pick(LANDMARKS);
        case "N": return rng.pick(SCHOOL_PATRONS);
        case "H": return rng.pick(r.dutch ? DUTCH.houseNames : HOUSE_NAMES);
        case "W": return rng.pick(r.dutch ? DUTCH.clubWords : CLUB_WORDS);
        default: return key;
      }
    });
  }

  /** Organisation names are unique: retry with other templates and words, then add the quarter or a number. */
  private uniqueName(r: RegionCtx, choose: () => NameChoice): { name: string; place: Place; choice: NameChoice } {
    let choice = choose();
    let place = this.rng.pick(r.places);
    let name = this.fill(choice.template, r, place);
    for (let i = 0; this.names.has(name) && i < 10; i++) {
      choice = choose();
      place = this.rng.pick(r.places);
      name = this.fill(choice.template, r, place);
    }
    if (this.names.has(name) && !name.includes(place[0])) name = `${name} (${place[0]})`;
    const base = name;
    for (let k = 2; this.names.has(name); k++) name = `${base} ${k}`;
    this.names.add(name);
    return { name, place, choice };
  }

  // --- one year ---------------------------------------------------------------------------

  private *year(year: number): Generator<DemoBatch> {
    const events: EventDraft[] = [];
    const coops: CoopDraft[] = [];
    const used = new Map<RegionCtx, number>();
    const count = (list: CoopDraft[]) => {
      for (const c of list) used.set(c.region, (used.get(c.region) ?? 0) + 1);
      coops.push(...list);
    };

    for (const [state, label] of STATE_ROUND_TABLES) {
      const members = (this.regionsByState.get(state) ?? []).filter((r) => (r.formats.round_table ?? 9999) <= year);
      if (members.length > 1) count(this.stateRoundTables(year, label, members, events));
    }
    for (const r of this.regions) {
      const budget = Math.round(r.budget * (YEAR_WEIGHTS[year] ?? 1) * this.rng.float(0.85, 1.15));
      count(this.regionYear(r, year, budget - (used.get(r) ?? 0), events, used.get(r) ?? 0));
    }

    // Ids ascend with the date, so that follow-ups always point backwards.
    events.sort((a, b) => a.day - b.day);
    const eventRows: EventRow[] = [];
    const participantRows: EventParticipantRow[] = [];
    for (const e of events) {
      e.id = this.nextEventId++;
      eventRows.push({
        id: e.id,
        kind: e.kind,
        title: e.title,
        date: isoOf(e.day),
        regionCode: e.region.code,
        organiserId: e.organiser?.row.id ?? null,
        source: "demo",
        externalRef: `demo-event-${e.id}`,
        notes: e.notes,
        createdAt: timestamp(e.createdDay, this.rng),
        updatedAt: timestamp(e.updatedDay, this.rng),
      });
      for (const o of e.participants) participantRows.push({ eventId: e.id, organisationId: o.row.id });
      this.touched.add(e.region.code);
    }

    coops.sort((a, b) => a.agreedDay - b.agreedDay);
    const coopRows: CooperationRow[] = [];
    const partnerRows: CooperationPartnerRow[] = [];
    for (const c of coops) {
      const id = this.nextCoopId++;
      const followUpOf = this.pairLast.get(pairKey(c.givers[0].row.id, c.receivers[0].row.id)) ?? null;
      const created = timestamp(Math.min(this.asOfDay, c.agreedDay + this.rng.int(0, 10)), this.rng);
      coopRows.push({
        id,
        regionCode: c.region.code,
        eventId: c.event?.id ?? null,
        dateAgreed: isoOf(c.agreedDay),
        dateDone: c.doneDay === null ? null : isoOf(c.doneDay),
        status: c.status,
        contributionTypes: CONTRIBUTION_ORDER.filter((t) => c.types.has(t)).join(","),
        volunteers: c.volunteers,
        hours: c.hours,
        valueEur: c.valueEur,
        peopleReached: c.peopleReached,
        targetGroups: c.targetGroups,
        givesBack: c.givesBack,
        followUpOf,
        source: "demo",
        externalRef: `demo-coop-${id}`,
        notes: c.notes,
        createdAt: created,
        updatedAt: c.doneDay !== null && c.doneDay > c.agreedDay ? timestamp(Math.min(this.asOfDay, c.doneDay + this.rng.int(0, 14)), this.rng) : created,
      });
      for (const o of [...c.givers, ...c.receivers]) partnerRows.push({ cooperationId: id, organisationId: o.row.id });
      this.touched.add(c.region.code);
      if (c.status === "cancelled" || c.status === "not_feasible") continue;
      for (const g of c.givers) {
        for (const p of c.receivers) this.pairLast.set(pairKey(g.row.id, p.row.id), id);
      }
    }
    // Partner memory for the following years (recurring pairs).
    for (const c of coops) {
      if (c.status === "cancelled" || c.status === "not_feasible") continue;
      for (const p of c.receivers) {
        const list = this.partnersOf.get(p.row.id) ?? [];
        for (const g of c.givers) if (!list.includes(g)) list.push(g);
        this.partnersOf.set(p.row.id, list);
      }
    }

    if (eventRows.length) yield { table: "events", rows: eventRows };
    if (participantRows.length) yield { table: "eventParticipants", rows: participantRows };
    if (coopRows.length) yield { table: "cooperations", rows: coopRows };
    if (partnerRows.length) yield { table: "cooperationPartners", rows: partnerRows };
  }

  /** Events and cooperations of one region in one year, consuming about `budget` cooperations. */
  private regionYear(r: RegionCtx, year: number, budget: number, events: EventDraft[], alreadyUsed: number): CoopDraft[] {
    const rng = this.rng;
    const out: CoopDraft[] = [];
    const has = (f: EventFormat) => (r.formats[f] ?? 9999) <= year;
    const fullBudget = budget + alreadyUsed;
    let remaining = budget;
    const pandemic = year === 2020;

    if (has("marketplace")) {
      // Large regions run several marketplaces (spring and autumn, or per city district).
      const count = clamp(Math.round((remaining * 0.6) / 130), 1, 8);
      for (let k = 0; k < count && remaining >= 30; k++) {
        const deals = clamp(Math.round(((remaining * 0.6) / (count - k)) * rng.float(0.8, 1.2) * (pandemic ? 0.5 : 1)), 30, 160);
        const made = this.marketplace(r, year, k, count, deals, events);
        out.push(...made);
        remaining -= made.length;
      }
    }
    if (has("action_day") && !(pandemic && rng.chance(0.6))) {
      const count = clamp(Math.round((remaining * 0.7) / 55), 1, 8);
      for (let k = 0; k < count && remaining >= 12; k++) {
        const companies = clamp(Math.round(((remaining * 0.7) / (count - k)) * rng.float(0.8, 1.2)), 12, 60);
        const made = this.actionDay(r, year, k, count, companies, events);
        out.push(...made);
        remaining -= made.length;
      }
    }
    if (has("round_table") && !this.hasStateRoundTable(r)) {
      for (let k = 1; k <= (pandemic ? 2 : 3); k++) {
        const made = this.roundTable(r, year, k, [r], r.dutch ? `Ronde tafel maatschappelijk betrokken ondernemen ${r.label}` : `Runder Tisch engagierter Unternehmen ${r.label}`, events);
        out.push(...made);
        remaining -= made.length;
      }
    }
    if ((year === 2019 || year === 2024) && has("action_72h")) {
      const made = this.action72h(r, year, clamp(Math.round(fullBudget * 0.1), 4, 30), events);
      out.push(...made);
      remaining -= made.length;
    }
    if (has("social_day") && !pandemic) {
      const made = this.socialDay(r, year, clamp(Math.round(fullBudget * 0.08), 4, 30), events);
      out.push(...made);
      remaining -= made.length;
    }
    if (has("other")) {
      for (let k = rng.int(0, 3) >> 1; k > 0; k--) {
        const made = this.otherEvent(r, year, events);
        out.push(...made);
        remaining -= made.length;
      }
    }
    const standalone = Math.max(remaining, Math.round(fullBudget * 0.1));
    for (let i = 0; i < standalone; i++) {
      const c = this.standalone(r, year);
      if (c) out.push(c);
    }
    return out;
  }

  private hasStateRoundTable(r: RegionCtx): boolean {
    return STATE_ROUND_TABLES.some(([s]) => s === r.state) && (this.regionsByState.get(r.state!)?.length ?? 0) > 1;
  }

  // --- events -----------------------------------------------------------------------------

  /** A random working day in [from, to] of `year` (month/day pairs), or null after the as-of date. */
  private eventDay(year: number, from: [number, number], to: [number, number]): number | null {
    const day = weekday(this.rng.int(ymd(year, from[0], from[1]), ymd(year, to[0], to[1])));
    return day <= this.asOfDay ? day : null;
  }

  private newEvent(kind: EventFormat, title: string, day: number, region: RegionCtx, events: EventDraft[], organiser?: Org | null): EventDraft {
    const org = organiser === undefined ? this.organiser(region) : organiser;
    const e: EventDraft = {
      kind,
      title,
      day,
      region,
      organiser: org,
      participants: new Set(org ? [org] : []),
      notes: null,
      createdDay: Math.max(ymd(FIRST_YEAR, 1, 1), day - this.rng.int(20, 120)),
      updatedDay: Math.min(this.asOfDay, day + this.rng.int(1, 21)),
      id: 0,
    };
    events.push(e);
    return e;
  }

  private organiser(r: RegionCtx): Org | null {
    if (r.intermediaries.length === 0) return null;
    return this.rng.chance(0.75) ? r.intermediaries[0] : this.rng.pick(r.intermediaries);
  }

  private marketplace(r: RegionCtx, year: number, k: number, count: number, deals: number, events: EventDraft[]): CoopDraft[] {
    const rng = this.rng;
    const autumn = count === 1 ? rng.chance(0.6) : k % 2 === 1;
    let day = autumn ? this.eventDay(year, [9, 10], [11, 20]) : this.eventDay(year, [4, 15], [6, 20]);
    if (day === null) day = this.eventDay(year, [4, 15], [6, 20]);
    if (day === null) return [];
    const companies = r.givers.sampleDistinct(rng, day, clamp(Math.round(deals / 2.6), 12, 60), true);
    const nonprofits = r.nonprofits.sampleDistinct(rng, day, clamp(Math.round(deals / 2.1), 15, 80), true);
    const activeC = companies.filter((o) => o.activity > 0);
    const activeN = nonprofits.filter((o) => o.activity > 0);
    if (activeC.length < 4 || activeN.length < 4) return [];
    deals = Math.min(deals, Math.floor(activeC.length * activeN.length * 0.5));

    const name = r.titleStyle === 2 && !r.dutch ? "Engagement-Marktplatz" : "Gute Geschäfte";
    const part = count > 2 ? ` (${k + 1}. Marktplatz)` : count === 2 ? ` (${autumn ? "Herbst" : "Frühjahr"})` : "";
    const e = this.newEvent("marketplace", `${name} ${r.label} ${year}${part}${year === 2020 ? " – digital" : ""}`, day, r, events);
    for (const o of [...companies, ...nonprofits]) e.participants.add(o);

    const out: CoopDraft[] = [];
    const pairs = new Set<number>();
    const attendees = new Set(activeC);
    for (let i = 0; i < deals; i++) {
      let c: CoopDraft | null = null;
      for (let tries = 0; tries < 10 && !c; tries++) {
        const np = this.pickWeighted(activeN);
        const previous = (this.partnersOf.get(np.row.id) ?? []).filter((g) => attendees.has(g));
        const giver = previous.length && rng.chance(0.12) ? rng.pick(previous) : this.pickWeighted(activeC);
        const key = pairKey(giver.row.id, np.row.id);
        if (pairs.has(key)) continue;
        pairs.add(key);
        const receivers = [np];
        if (rng.chance(0.03)) {
          const second = this.pickWeighted(activeN);
          if (second !== np) receivers.push(second);
        }
        c = this.cooperation("marketplace", e, r, [giver], receivers, day, this.doneAfter(day, 7, 200));
        c.notes = `Deal-Bogen Nr. ${out.length + 1}`;
        if (year === 2020 && c.status === "cancelled") c.notes += "; wegen der Corona-Pandemie abgesagt";
      }
      if (c) out.push(c);
    }
    e.notes = `${companies.length} Unternehmen, ${nonprofits.length} gemeinnützige Organisationen, ${out.length} Deals in 90 Minuten`;
    return out;
  }

  private actionDay(r: RegionCtx, year: number, k: number, count: number, companies: number, events: EventDraft[]): CoopDraft[] {
    const rng = this.rng;
    const day = this.eventDay(year, [5, 10], [9, 25]);
    if (day === null) return [];
    const givers = r.givers.sampleDistinct(rng, day, companies, false);
    const projects = r.nonprofits.sampleDistinct(rng, day, Math.max(3, Math.round(givers.length * rng.float(0.6, 0.95))), false);
    if (givers.length < 3 || projects.length < 2) return [];
    const titles = [`Aktionstag ${r.label} ${year}`, `Lokaler Aktionstag „${r.label} engagiert“ ${year}`, `Tag des Engagements ${r.label} ${year}`];
    const part = count > 1 ? ` (${k + 1}. Termin)` : "";
    const e = this.newEvent("action_day", titles[r.titleStyle] + part, day, r, events);
    const out: CoopDraft[] = [];
    const projectSet = new Set(projects);
    for (const g of givers) {
      e.participants.add(g);
      // Some projects are carried by two companies together.
      if (out.length > 2 && rng.chance(0.08)) {
        const shared = rng.pick(out);
        if (shared.givers.length === 1 && shared.givers[0] !== g) {
          shared.givers.push(g);
          this.addVolunteers(shared);
          continue;
        }
      }
      const former = rng.chance(0.1) ? this.projectOfFormerPartner(g, projectSet) : null;
      const np = former ?? this.pickWeighted(projects);
      e.participants.add(np);
      out.push(this.cooperation("action_day", e, r, [g], [np], day - rng.int(14, 75), day));
    }
    const volunteers = out.reduce((s, c) => s + c.volunteers, 0);
    e.notes = `${volunteers} Freiwillige aus ${givers.length} Unternehmen in ${new Set(out.map((c) => c.receivers[0])).size} Projekten`;
    return out;
  }

  /** A project whose non-profit cooperated with this company before, if one takes part. */
  private projectOfFormerPartner(giver: Org, projects: Set<Org>): Org | null {
    for (const p of projects) if ((this.partnersOf.get(p.row.id) ?? []).includes(giver)) return p;
    return null;
  }

  private stateRoundTables(year: number, label: string, members: RegionCtx[], events: EventDraft[]): CoopDraft[] {
    const out: CoopDraft[] = [];
    for (let k = 1; k <= (year === 2020 ? 2 : 3); k++) {
      const host = this.pickRegion(members);
      out.push(...this.roundTable(host, year, k, members, `Runder Tisch engagierter Unternehmen ${label}`, events));
    }
    return out;
  }

  private roundTable(host: RegionCtx, year: number, k: number, members: RegionCtx[], name: string, events: EventDraft[]): CoopDraft[] {
    const rng = this.rng;
    const windows: Array<[[number, number], [number, number]]> = [[[2, 15], [3, 31]], [[6, 1], [6, 30]], [[10, 15], [11, 30]]];
    const [from, to] = windows[(k - 1) % 3];
    const day = this.eventDay(year, from, to);
    if (day === null) return [];
    const givers: Org[] = [];
    const nonprofits: Org[] = [];
    const totalGivers = members.reduce((s, m) => s + m.givers.orgs.length, 0);
    const wantedGivers = clamp(Math.round(totalGivers * 0.12), 6, 25);
    for (const m of members) {
      const share = Math.max(1, Math.round((wantedGivers * m.givers.orgs.length) / totalGivers));
      givers.push(...m.givers.sampleDistinct(rng, day, share, true));
      if (m === host || rng.chance(0.5)) nonprofits.push(...m.nonprofits.sampleDistinct(rng, day, rng.int(1, 3), true));
    }
    if (givers.length < 3 || nonprofits.length < 1) return [];
    // Arnhem's round tables are held (and titled) in Dutch.
    const e = this.newEvent("round_table", host.dutch ? `${name} – ${k}e bijeenkomst ${year}` : `${name} – ${k}. Treffen ${year}`, day, host, events);
    for (const o of [...givers, ...nonprofits]) e.participants.add(o);
    for (const m of members) if (m !== host && m.intermediaries.length && rng.chance(0.5)) e.participants.add(m.intermediaries[0]);
    const activeG = givers.filter((o) => o.activity > 0);
    const activeN = nonprofits.filter((o) => o.activity > 0);
    const out: CoopDraft[] = [];
    if (activeG.length === 0 || activeN.length === 0) return out;
    const pairs = new Set<number>();
    const n = clamp(Math.round(givers.length * rng.float(0.4, 0.9)), 2, 20);
    for (let i = 0; i < n; i++) {
      const g = this.pickWeighted(activeG);
      const np = this.pickWeighted(activeN);
      const key = pairKey(g.row.id, np.row.id);
      if (pairs.has(key)) continue;
      pairs.add(key);
      const agreed = Math.min(this.asOfDay, day + rng.int(0, 30));
      out.push(this.cooperation("round_table", e, np.region, [g], [np], agreed, this.doneAfter(agreed, 14, 180)));
    }
    return out;
  }

  private action72h(r: RegionCtx, year: number, projects: number, events: EventDraft[]): CoopDraft[] {
    const rng = this.rng;
    // BDKJ's 72-hour action: 23–26 May 2019, 18–21 April 2024.
    const day = year === 2019 ? ymd(2019, 5, 23) : ymd(2024, 4, 18);
    if (day > this.asOfDay) return [];
    const youth = new Set<Field>(["youth_work", "sports", "education", "community", "environment"]);
    const groups = r.nonprofits.sampleDistinct(rng, day, projects, false, (o) => o.field !== null && youth.has(o.field));
    if (groups.length === 0) return [];
    const e = this.newEvent("action_72h", `72-Stunden-Aktion ${year} – ${r.label}`, day, r, events);
    const out: CoopDraft[] = [];
    for (const g of groups) {
      const supporters = r.givers.sampleDistinct(rng, day, rng.chance(0.2) ? 2 : 1, false);
      if (supporters.length === 0) continue;
      e.participants.add(g);
      for (const s of supporters) e.participants.add(s);
      out.push(this.cooperation("action_72h", e, r, supporters, [g], day - rng.int(7, 45), day + 3));
    }
    e.notes = `${groups.length} Jugendgruppen, ${out.length} Projekte mit Unterstützung aus Unternehmen`;
    return out;
  }

  private socialDay(r: RegionCtx, year: number, schools: number, events: EventDraft[]): CoopDraft[] {
    const rng = this.rng;
    const day = this.eventDay(year, [6, 10], [7, 10]);
    if (day === null) return [];
    const chosen = r.nonprofits.sampleDistinct(rng, day, schools, false, (o) => o.field === "education");
    if (chosen.length === 0) return [];
    const e = this.newEvent("social_day", `Sozialer Tag ${year} – ${r.label}`, day, r, events);
    const out: CoopDraft[] = [];
    for (const school of chosen) {
      e.participants.add(school);
      for (const company of r.givers.sampleDistinct(rng, day, rng.int(1, 3), false)) {
        e.participants.add(company);
        out.push(this.cooperation("social_day", e, r, [company], [school], day - rng.int(20, 80), this.doneAfter(day, 7, 60)));
      }
    }
    e.notes = "Schülerinnen und Schüler arbeiten einen Tag in Betrieben; der Lohn geht an Projekte.";
    return out;
  }

  private otherEvent(r: RegionCtx, year: number, events: EventDraft[]): CoopDraft[] {
    const rng = this.rng;
    const day = this.eventDay(year, [1, 15], [12, 10]);
    if (day === null) return [];
    const titles = [
      `Ehrenamtsmesse ${r.label} ${year}`, `Engagement-Frühstück ${r.label} ${year}`, `Fachtag Corporate Volunteering ${r.label} ${year}`,
      `Neujahrsempfang der Freiwilligenagentur ${r.label} ${year}`, `Unternehmensfrühstück „Gesellschaftliche Verantwortung“ ${r.label} ${year}`,
    ];
    const e = this.newEvent("other", rng.pick(titles), day, r, events);
    const givers = r.givers.sampleDistinct(rng, day, rng.int(3, 15), true);
    const nonprofits = r.nonprofits.sampleDistinct(rng, day, rng.int(3, 20), true);
    for (const o of [...givers, ...nonprofits]) e.participants.add(o);
    const activeG = givers.filter((o) => o.activity > 0);
    const activeN = nonprofits.filter((o) => o.activity > 0);
    const out: CoopDraft[] = [];
    if (activeG.length === 0 || activeN.length === 0) return out;
    const pairs = new Set<number>();
    for (let i = rng.int(0, 6); i > 0; i--) {
      const g = this.pickWeighted(activeG);
      const np = this.pickWeighted(activeN);
      if (pairs.has(pairKey(g.row.id, np.row.id))) continue;
      pairs.add(pairKey(g.row.id, np.row.id));
      const agreed = Math.min(this.asOfDay, day + rng.int(0, 20));
      out.push(this.cooperation("other", e, r, [g], [np], agreed, this.doneAfter(agreed, 7, 150)));
    }
    return out;
  }

  /** A cooperation without an event: sponsoring, long-term partnerships, pro-bono help. */
  private standalone(r: RegionCtx, year: number): CoopDraft | null {
    const rng = this.rng;
    const start = ymd(year, 1, 1);
    const end = Math.min(ymd(year, 12, 31), this.asOfDay);
    if (end < start) return null;
    const day = rng.int(start, end);
    const np = r.nonprofits.sample(rng, day);
    if (!np) return null;
    const previous = this.partnersOf.get(np.row.id);
    let giver: Org | null = null;
    if (previous?.length && rng.chance(0.15)) giver = rng.pick(previous);
    if (!giver) {
      const neighbours = r.state ? this.regionsByState.get(r.state) ?? [] : [];
      const from = neighbours.length > 1 && rng.chance(0.15) ? this.pickRegion(neighbours) : r;
      giver = from.givers.sample(rng, day);
    }
    if (!giver) return null;
    const givers = [giver];
    const receivers = [np];
    if (rng.chance(0.05)) {
      if (rng.chance(0.5)) {
        const g2 = r.givers.sample(rng, day, false, (o) => o !== giver);
        if (g2) givers.push(g2);
      } else {
        const n2 = r.nonprofits.sample(rng, day, false, (o) => o !== np);
        if (n2) receivers.push(n2);
      }
    }
    return this.cooperation("none", null, r, givers, receivers, day, this.doneAfter(day, 0, 120));
  }

  // --- cooperations -----------------------------------------------------------------------

  private doneAfter(day: number, min: number, max: number): number {
    return day + this.rng.logInt(Math.max(1, min), max) - (min === 0 ? 1 : 0);
  }

  private cooperation(
    format: EventFormat | "none",
    event: EventDraft | null,
    region: RegionCtx,
    givers: Org[],
    receivers: Org[],
    agreedDay: number,
    plannedDone: number,
  ): CoopDraft {
    const rng = this.rng;
    agreedDay = Math.min(agreedDay, this.asOfDay);
    let status = rng.weighted(STATUS_MIX[format]);
    let doneDay: number | null = status === "done" ? Math.max(agreedDay, plannedDone) : null;
    if (doneDay !== null && doneDay > this.asOfDay) {
      status = "agreed"; // not yet delivered on the as-of date
      doneDay = null;
    }
    const types = new Set<ContributionType>([rng.weighted(PRIMARY_CONTRIBUTION[format])]);
    if (format === "action_day") {
      if (rng.chance(0.25)) types.add("goods");
      if (rng.chance(0.08)) types.add("know_how");
    } else if (format !== "social_day" && rng.chance(0.28)) {
      const second = rng.weighted(PRIMARY_CONTRIBUTION[format]);
      types.add(second);
    }
    const np = receivers[0];
    const c: CoopDraft = {
      region,
      event,
      format,
      agreedDay,
      doneDay,
      status,
      types,
      volunteers: 0,
      hours: 0,
      valueEur: 0,
      peopleReached: 0,
      targetGroups: null,
      givesBack: null,
      notes: null,
      givers,
      receivers,
    };
    const groups = np.field ? TARGET_GROUPS[np.field] : [];
    c.targetGroups = groups.length ? rng.pick(groups) : null;
    if (rng.chance(format === "marketplace" ? 0.85 : 0.35)) c.givesBack = rng.pick(GIVES_BACK);

    if (status === "cancelled" || status === "not_feasible") {
      if (rng.chance(0.5)) {
        c.notes = status === "cancelled"
          ? rng.pick(["Kurzfristig abgesagt", "Ansprechperson im Unternehmen gewechselt", "Wegen Krankheit abgesagt"])
          : rng.pick(["Terminfindung gescheitert", "Zu wenige Freiwillige gefunden", "Versicherungsfrage ungeklärt", "Bedarf hat sich erledigt"]);
      }
      return c;
    }
    this.amounts(c, givers, np);
    if (status === "ongoing") {
      const share = rng.float(0.3, 0.8);
      c.volunteers = c.volunteers > 0 ? Math.max(1, Math.round(c.volunteers * share)) : 0;
      c.hours = c.hours > 0 ? Math.max(0.5, Math.round(c.hours * share * 2) / 2) : 0;
      c.valueEur = Math.round(c.valueEur * share);
      c.peopleReached = Math.round(c.peopleReached * share);
      if (rng.chance(0.3)) c.notes = "Langfristige Partnerschaft, läuft weiter";
    } else if (status === "agreed") {
      c.peopleReached = 0;
    }
    return c;
  }

  /** Inputs and outputs consistent with the contribution types, the format and the partners. */
  private amounts(c: CoopDraft, givers: Org[], np: Org) {
    const rng = this.rng;
    const big = givers.some((g) => g.size === "large") ? 2 : givers.some((g) => g.size === "medium") ? 1.4 : 1;
    let volunteers = 0;
    let hours = 0;
    let value = 0;
    if (c.types.has("time")) {
      for (const _ of givers) {
        const v = c.format === "action_day" ? rng.logInt(3, 25) : c.format === "marketplace" ? rng.logInt(1, 6) : rng.logInt(1, 10);
        const perPerson = c.format === "action_day" ? rng.int(4, 8) : rng.pick([2, 3, 4, 6, 8, 16, 24]);
        volunteers += v;
        hours += v * perPerson;
        value += v * perPerson * rng.float(32, 55);
      }
    }
    if (c.types.has("know_how")) {
      const experts = rng.int(1, 3);
      const h = rng.logInt(3, 60);
      if (!c.types.has("time")) volunteers += experts;
      hours += h;
      value += h * rng.float(60, 120);
    }
    if (c.types.has("goods")) value += rng.logUniform(c.format === "action_day" ? 50 : 100, c.format === "none" ? 10_000 : 3000) * big;
    if (c.types.has("premises")) value += rng.logUniform(150, 2500);
    if (c.types.has("money")) {
      const [lo, hi] =
        c.format === "social_day" ? [8 * 50, 60 * 50] : c.format === "action_72h" ? [100, 1500] : c.format === "round_table" ? [250, 5000] : [250, 25_000];
      value += rng.logUniform(lo, hi) * (c.format === "social_day" ? 1 : big);
    }
    c.volunteers = volunteers;
    c.hours = Math.round(hours * 2) / 2;
    c.valueEur = Math.round(value);
    const [lo, hi] = np.field ? PEOPLE_REACHED[np.field] : [5, 100];
    c.peopleReached = hi === 0 ? 0 : rng.logInt(lo, hi);
  }

  private addVolunteers(c: CoopDraft) {
    if (c.status === "cancelled" || c.status === "not_feasible") return;
    const v = this.rng.logInt(3, 20);
    const h = v * this.rng.int(4, 8);
    c.volunteers += v;
    c.hours += h;
    c.valueEur += Math.round(h * this.rng.float(32, 55));
  }

  // --- helpers ----------------------------------------------------------------------------

  private pickWeighted(list: Org[]): Org {
    let total = 0;
    for (const o of list) total += o.activity;
    let u = this.rng.next() * total;
    for (const o of list) {
      u -= o.activity;
      if (u < 0) return o;
    }
    return list[list.length - 1];
  }

  private pickRegion(list: RegionCtx[]): RegionCtx {
    return this.rng.weighted(list.map((r) => [r, r.size] as const));
  }
}

/**
 * Streams the demo data set table slice by table slice, parents first: all organisations, then per
 * year events, event participants, cooperations and cooperation partners, finally region revisions.
 */
export function* streamDemoData(options: DemoOptions = {}): Generator<DemoBatch> {
  yield* new DemoGenerator(options).run();
}
