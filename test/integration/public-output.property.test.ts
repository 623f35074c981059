/**
 * Property test of the small-numbers rule (docs/privacy.md): random small data sets through the
 * API, then every public endpoint of one period (2025) asked anonymously. An oracle that knows the
 * data checks that no visible figure stands for 1 or 2 non-public organisations — directly, via a
 * rate or per-capita figure, or by subtracting visible figures from a visible total (regions,
 * periods, formats, statuses, organisation kinds, contribution types) across all the responses.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, it } from "vitest";
import { call } from "./api";

const STATE = "12";
const OTHER_STATE = "13";
const DISTRICTS = ["12051", "12052", "12053"];
const OTHER = "13003";
/** Where organisations are registered (the state itself too: what is registered directly in it). */
const HOMES = [...DISTRICTS, STATE, OTHER];
const FORMATS = ["none", "marketplace", "action_day"] as const;
const STATUSES = ["agreed", "done", "ongoing", "cancelled", "not_feasible"] as const;
const ACTIVE = new Set(["agreed", "done", "ongoing"]);
const TYPES = ["time", "goods", "money"] as const;
const KINDS = ["company", "nonprofit"] as const;
const YEAR = "2025";

interface OrgSpec {
  home: string;
  isPublic: boolean;
  kind: (typeof KINDS)[number];
}
interface CoopSpec {
  partners: number[];
  month: number;
  day: number;
  status: (typeof STATUSES)[number];
  format: (typeof FORMATS)[number];
  hours: number;
  types: string[];
}
interface DataSet {
  orgs: OrgSpec[];
  coops: CoopSpec[];
}

const dataSet: fc.Arbitrary<DataSet> = fc
  .record({
    orgs: fc.array(fc.record({ home: fc.constantFrom(...HOMES), isPublic: fc.boolean(), kind: fc.constantFrom(...KINDS) }), { minLength: 2, maxLength: 9 }),
    coops: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        c: fc.option(fc.nat(), { nil: undefined }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        status: fc.constantFrom(...STATUSES),
        format: fc.constantFrom(...FORMATS),
        hours: fc.integer({ min: 1, max: 90 }),
        types: fc.subarray([...TYPES], { minLength: 1 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
  })
  .map(({ orgs, coops }) => ({
    orgs,
    coops: coops.map(({ a, b, c, ...rest }) => {
      const n = orgs.length;
      const partners = [...new Set([a % n, b % n === a % n ? (a + 1) % n : b % n, ...(c === undefined ? [] : [c % n])])];
      return { ...rest, partners };
    }),
  }));

/** The data set as stored: ids and where each cooperation counts. */
interface Stored {
  orgs: (OrgSpec & { id: number })[];
  coops: (CoopSpec & { region: string; partnerIds: number[] })[];
  events: { id: number; participants: number[] }[];
}

async function wipe() {
  const tables = ["cooperation_partners", "cooperations", "event_participants", "events", "organisations", "metric_snapshots", "organisation_metrics", "snapshot_edges", "snapshot_layouts", "snapshot_partners", "metric_history"];
  await env.DB.batch(tables.map((t) => env.DB.prepare(`DELETE FROM ${t}`)));
}

async function store(d: DataSet): Promise<Stored> {
  await wipe();
  const orgRes = await call("/api/v1/organisations/bulk", {
    body: { records: d.orgs.map((o, i) => ({ name: `Org ${i}`, kind: o.kind, regionCode: o.home, isPublic: o.isPublic })) },
  });
  if (orgRes.status !== 200 && orgRes.status !== 201) throw new Error(orgRes.text);
  const orgs = d.orgs.map((o, i) => ({ ...o, id: orgRes.json.ids[i] as number }));
  const rows = (await env.DB.prepare("SELECT id, region_code AS home, is_public AS p FROM organisations ORDER BY id").all<{ id: number; home: string; p: number }>()).results;
  const stored = JSON.stringify(rows.map((r) => [r.id, r.home, r.p === 1]));
  if (stored !== JSON.stringify(orgs.map((o) => [o.id, o.home, o.isPublic]))) throw new Error(`stored organisations differ: ${stored}`);
  // One event per format and region, its participants the partners of its deals.
  const events = new Map<string, { id: number; participants: Set<number> }>();
  const coops = d.coops.map((c) => ({ ...c, region: orgs[c.partners[0]].home, partnerIds: c.partners.map((p) => orgs[p].id) }));
  for (const c of coops) {
    if (c.format === "none") continue;
    const key = `${c.format}|${c.region}`;
    const e = events.get(key) ?? { id: 0, participants: new Set<number>() };
    c.partnerIds.forEach((id) => e.participants.add(id));
    events.set(key, e);
  }
  for (const [key, e] of events) {
    const [kind, region] = key.split("|");
    const res = await call("/api/v1/events", { body: { kind, title: key, date: `${YEAR}-06-01`, regionCode: region, participantIds: [...e.participants] } });
    if (res.status !== 201) throw new Error(res.text);
    e.id = res.json.id;
  }
  const records = coops.map((c) => ({
    partnerIds: c.partnerIds,
    regionCode: c.region,
    dateAgreed: `${YEAR}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`,
    status: c.status,
    hours: c.hours,
    valueEur: c.hours * 40,
    volunteers: 1,
    contributionTypes: c.types,
    ...(c.format === "none" ? {} : { eventId: events.get(`${c.format}|${c.region}`)!.id }),
  }));
  const coopRes = await call("/api/v1/cooperations/bulk", { body: { records } });
  if (coopRes.status !== 200 && coopRes.status !== 201) throw new Error(coopRes.text);
  return { orgs, coops, events: [...events.values()].map((e) => ({ id: e.id, participants: [...e.participants] })) };
}

// ---- The oracle: which non-public organisations stand behind a figure -------------------------

const parentOf = (r: string) => (r === "DE" ? null : r.length === 2 ? "DE" : r.slice(0, 2));
const inScope = (home: string, scope: string) => scope === "DE" || home === scope || parentOf(home) === scope;
const CHILDREN: Record<string, string[]> = { DE: [STATE, OTHER_STATE], [STATE]: DISTRICTS, [OTHER_STATE]: [OTHER] };
/** The unpublished part of a region with sub-regions: what is registered directly in it. */
const DIRECT = (r: string) => `${r}~`;
const inRegionCell = (home: string, cell: string) => (cell.endsWith("~") ? home === cell.slice(0, -1) : inScope(home, cell));

function inPeriod(month: number, p: string) {
  if (p === YEAR) return true;
  const q = /-Q(\d)$/.exec(p);
  if (q) return Math.ceil(month / 3) === Number(q[1]);
  return Number(p.slice(5, 7)) === month;
}
const statusIn = (status: string, s: string) => s === "all" || (s === "active" ? ACTIVE.has(status) : status === s);

class Oracle {
  private readonly nonPublic: Set<number>;
  constructor(private readonly data: Stored) {
    this.nonPublic = new Set(data.orgs.filter((o) => !o.isPublic).map((o) => o.id));
  }
  private np(ids: Iterable<number>) {
    return new Set([...ids].filter((id) => this.nonPublic.has(id)));
  }
  /** Non-public organisations behind a cell key (see {@link cellKey}). */
  behind(key: string): Set<number> {
    const [measure, region, period, format, status] = key.split("|");
    if (measure === "org") return this.np(this.data.orgs.filter((o) => inRegionCell(o.home, region) && (period === "total" || o.kind === period)).map((o) => o.id));
    if (measure === "active") {
      const partners = new Set(this.data.coops.filter((c) => ACTIVE.has(c.status)).flatMap((c) => c.partnerIds));
      return this.np(this.data.orgs.filter((o) => inRegionCell(o.home, region) && partners.has(o.id)).map((o) => o.id));
    }
    const coops = this.data.coops.filter((c) => inRegionCell(c.region, region) && inPeriod(c.month, period));
    if (measure === "count") return this.np(coops.filter((c) => (format === "all" || c.format === format) && statusIn(c.status, status)).flatMap((c) => c.partnerIds));
    if (measure === "sum") return this.np(coops.filter((c) => (format === "all" || c.format === format) && ACTIVE.has(c.status)).flatMap((c) => c.partnerIds));
    if (measure === "type") return this.np(coops.filter((c) => ACTIVE.has(c.status) && c.types.includes(format)).flatMap((c) => c.partnerIds));
    throw new Error(`unknown cell ${key}`);
  }
  /**
   * Conversion in the scope: every pair of partners of active deals, counted under the format of
   * its first deal (earliest date, then the deal entered first); all of 2025 is still pending at the
   * end of 2025. Returns the non-public members per format.
   */
  conversionPending(scope: string): Map<string, Set<number>> {
    const first = new Map<string, { when: number; format: string }>();
    this.data.coops.forEach((c, i) => {
      if (!ACTIVE.has(c.status) || !this.coopInNetwork(c, scope)) return;
      const when = c.month * 100 + c.day + i / 1000;
      for (const a of c.partnerIds) for (const b of c.partnerIds) {
        if (a >= b) continue;
        const key = `${a}-${b}`;
        const seen = first.get(key);
        if (!seen || when < seen.when) first.set(key, { when, format: c.format });
      }
    });
    const byFormat = new Map<string, Set<number>>();
    for (const [key, { format }] of first) {
      if (format === "none") continue;
      const members = byFormat.get(format) ?? new Set<number>();
      for (const id of key.split("-").map(Number)) if (this.nonPublic.has(id)) members.add(id);
      byFormat.set(format, members);
    }
    return byFormat;
  }
  /** A scope's network holds the cooperations registered in it or with a partner registered in it. */
  private coopInNetwork(c: Stored["coops"][number], scope: string) {
    const home = new Map(this.data.orgs.map((o) => [o.id, o.home]));
    return inScope(c.region, scope) || c.partnerIds.some((id) => inScope(home.get(id)!, scope));
  }
  /** The scope's network: its organisations and the partners of its active deals. */
  network(scope: string) {
    return this.np([
      ...this.data.orgs.filter((o) => inScope(o.home, scope)).map((o) => o.id),
      ...this.data.coops.filter((c) => ACTIVE.has(c.status) && this.coopInNetwork(c, scope)).flatMap((c) => c.partnerIds),
    ]);
  }
  /** The groups a cell is the total of: lists of parts (a region's direct part never appears in a response). */
  groupsOf(key: string): string[][] {
    const [measure, region, period, format, status] = key.split("|");
    const k = (r: string, p = period, f = format, s = status) => [measure, r, p, f, s].filter((x) => x !== undefined).join("|");
    const groups: string[][] = [];
    if (CHILDREN[region]) groups.push([...CHILDREN[region].map((r) => k(r)), ...(region === "DE" ? [] : [k(DIRECT(region))])]);
    if (measure === "org") {
      if (period === "total") groups.push(KINDS.map((kind) => k(region, kind)));
      return groups;
    }
    if (measure === "active" || measure === "type") return groups;
    const months = (q: number) => [1, 2, 3].map((i) => `${YEAR}-${String((q - 1) * 3 + i).padStart(2, "0")}`);
    if (period === YEAR) {
      groups.push([1, 2, 3, 4].map((q) => k(region, `${YEAR}-Q${q}`)));
      groups.push([1, 2, 3, 4].flatMap(months).map((m) => k(region, m)));
    }
    const q = /-Q(\d)$/.exec(period);
    if (q) groups.push(months(Number(q[1])).map((m) => k(region, m)));
    if (format === "all") groups.push(FORMATS.map((f) => k(region, period, f)));
    if (measure === "count" && status === "all") groups.push(["active", "cancelled", "not_feasible"].map((s) => k(region, period, format, s)));
    if (measure === "count" && status === "active") groups.push(["agreed", "done", "ongoing"].map((s) => k(region, period, format, s)));
    if (measure === "sum" && format === "all") groups.push(TYPES.map((t) => ["type", region, period, t].join("|")));
    return groups;
  }
}

const cellKey = (measure: string, region: string, period: string, format = "all", status = "all") =>
  measure === "org" ? `org|${region}|${period}` : measure === "active" ? `active|${region}` : measure === "sum" ? `sum|${region}|${period}|${format}` : measure === "type" ? `type|${region}|${period}|${format}` : `count|${region}|${period}|${format}|${status}`;

/** Every cell a response could show or a subtraction could give (of the regions, period and formats used here). */
function universe(): string[] {
  const regions = ["DE", STATE, OTHER_STATE, ...DISTRICTS, OTHER, DIRECT(STATE), DIRECT(OTHER_STATE)];
  const periods = [YEAR, ...[1, 2, 3, 4].map((q) => `${YEAR}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, "0")}`)];
  const cells: string[] = [];
  for (const r of regions) {
    cells.push(cellKey("active", r, ""), cellKey("org", r, "total"), ...KINDS.map((k) => cellKey("org", r, k)), ...TYPES.map((t) => cellKey("type", r, YEAR, t)));
    for (const p of periods) {
      for (const f of ["all", ...FORMATS]) {
        cells.push(cellKey("sum", r, p, f));
        for (const st of ["all", "active", ...STATUSES]) cells.push(cellKey("count", r, p, f, st));
      }
    }
  }
  return cells;
}

const small = (s: Set<number>) => s.size > 0 && s.size < 3;
const shown = (v: unknown) => typeof v === "number";

/** Asks every public endpoint anonymously; returns the problems found (empty: the rule holds). */
async function check(data: Stored): Promise<string[]> {
  const oracle = new Oracle(data);
  const problems: string[] = [];
  const known = new Set<string>();
  /** A figure is visible: what it stands for must not name 1–2 non-public organisations. */
  const see = (where: string, key: string) => {
    known.add(key);
    const s = oracle.behind(key);
    if (small(s)) problems.push(`${where}: ${key} shows ${s.size} non-public organisation(s)`);
  };
  const needs = (where: string, key: string) => {
    const s = oracle.behind(key);
    if (small(s)) problems.push(`${where}: derived from ${key} (${s.size} non-public)`);
  };
  const get = async (path: string) => {
    const res = await call(path, { token: null });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  const window = `from=${YEAR}-01-01&to=${YEAR}-12-31`;
  const scopes = ["DE", STATE, OTHER_STATE, ...DISTRICTS, OTHER];

  const aggregates = (where: string, r: string, a: any) => {
    for (const [k, v] of Object.entries(a.organisations)) if (shown(v)) see(where, cellKey("org", r, k));
    if (shown(a.activeOrganisations)) see(where, cellKey("active", r, ""));
    if (shown(a.cooperations.total)) see(where, cellKey("count", r, YEAR));
    for (const [s, v] of Object.entries(a.cooperations.byStatus)) if (shown(v)) see(where, cellKey("count", r, YEAR, "all", s));
    for (const [f, v] of Object.entries(a.cooperations.byFormat)) if (shown(v)) see(where, cellKey("count", r, YEAR, f));
    if (a.cooperations.fulfilmentRate !== null) {
      needs(where, cellKey("count", r, YEAR));
      needs(where, cellKey("count", r, YEAR, "all", "done"));
      if (shown(a.cooperations.total)) known.add(cellKey("count", r, YEAR, "all", "done"));
    }
    for (const [f, rate] of Object.entries(a.cooperations.fulfilmentRateByFormat)) {
      if (rate === null) continue;
      needs(where, cellKey("count", r, YEAR, f));
      needs(where, cellKey("count", r, YEAR, f, "done"));
    }
    for (const k of ["volunteers", "hours", "valueEur", "peopleReached"]) if (shown(a.inputs[k])) see(`${where} ${k}`, cellKey("sum", r, YEAR));
    for (const [t, v] of Object.entries(a.inputs.valueByContributionType ?? {})) if (shown(v)) see(where, cellKey("type", r, YEAR, t));
    const per = a.perHundredThousand ?? {};
    if (per.organisations != null) needs(`${where} per capita`, cellKey("org", r, "total"));
    if (per.cooperations != null) needs(`${where} per capita`, cellKey("count", r, YEAR));
    for (const k of ["volunteers", "hours", "valueEur", "peopleReached"]) if (per[k] != null) needs(`${where} per capita`, cellKey("sum", r, YEAR));
  };

  for (const r of scopes) {
    const m = await get(`/api/v1/regions/${r}/metrics?${window}`);
    aggregates(`metrics ${r}`, r, m);
    const net = small(oracle.network(r));
    for (const k of ["edges", "nodes", "components", "communities", "density"]) if (shown(m.network[k]) && net) problems.push(`metrics ${r}: network.${k} with ${oracle.network(r).size} non-public organisations`);
  }
  const overview = await get(`/api/v1/metrics?${window}`);
  aggregates("overview national", "DE", overview.national);
  for (const row of overview.regions) {
    const r = row.code;
    const where = `overview ${r}`;
    if (shown(row.organisations)) see(where, cellKey("org", r, "total"));
    if (shown(row.activeOrganisations)) see(where, cellKey("active", r, ""));
    if (shown(row.cooperations)) see(where, cellKey("count", r, YEAR));
    if (shown(row.done)) see(where, cellKey("count", r, YEAR, "all", "done"));
    for (const k of ["volunteers", "hours", "valueEur", "peopleReached"]) if (shown(row[k])) see(where, cellKey("sum", r, YEAR));
    if (row.fulfilmentRate !== null) (needs(where, cellKey("count", r, YEAR)), needs(where, cellKey("count", r, YEAR, "all", "done")));
    if (row.density !== null && small(oracle.network(r))) problems.push(`${where}: density with ${oracle.network(r).size} non-public organisations`);
  }
  // The year itself is the metrics window above; the embeds ask per format ("formats" chart).
  const trends = ["cooperations", "hours"].flatMap((metric) => ["quarter", "month"].flatMap((interval) => ["all", ...FORMATS].map((format) => ({ metric, interval, format }))));
  trends.push({ metric: "fulfilmentRate", interval: "month", format: "all" }, { metric: "fulfilmentRate", interval: "quarter", format: "all" });
  for (const r of ["DE", STATE, DISTRICTS[0]]) {
    for (const { metric, interval, format } of trends) {
      const t = await get(`/api/v1/regions/${r}/trend?metric=${metric}&interval=${interval}&format=${format}&${window}`);
      for (const p of t.points) {
        const where = `trend ${r} ${metric} ${format} ${p.period}`;
        if (metric === "cooperations" && shown(p.value)) see(where, cellKey("count", r, p.period, format));
        if (metric === "hours" && shown(p.value)) see(where, cellKey("sum", r, p.period, format));
        if (metric === "fulfilmentRate" && p.value !== null) (needs(where, cellKey("count", r, p.period, format)), needs(where, cellKey("count", r, p.period, format, "done")));
      }
    }
  }
  for (const r of ["DE", STATE, DISTRICTS[0]]) {
    const pending = oracle.conversionPending(r);
    for (const by of ["year", "format"]) {
      for (const row of (await get(`/api/v1/conversion?region=${r}&to=${YEAR}-12-31&by=${by}`)).rows) {
        const behind = pending.get(row.format) ?? new Set<number>();
        if (shown(row.pending) && small(behind)) problems.push(`conversion ${r} ${row.format} ${row.year}: pending ${row.pending} names ${behind.size} non-public organisation(s)`);
      }
    }
  }
  for (const e of data.events) {
    const ev = await get(`/api/v1/events/${e.id}`);
    const hidden = ev.participantCount === "<3" ? 0 : ev.participantCount - ev.participantIds.length;
    if (hidden > 0 && hidden < 3) problems.push(`event ${e.id}: participantCount ${ev.participantCount} next to ${ev.participantIds.length} visible ids`);
  }
  // Subtraction: a group's only unknown member is the total minus (or the sum of) the others; repeat
  // until nothing more follows, then every known figure must be safe …
  const groups = universe().flatMap((total) => oracle.groupsOf(total).map((parts) => ({ total, parts })));
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of groups) {
      const unknown = [g.total, ...g.parts].filter((m) => !known.has(m));
      if (unknown.length !== 1) continue;
      known.add(unknown[0]);
      changed = true;
      const s = oracle.behind(unknown[0]);
      if (small(s)) problems.push(`${unknown[0]} follows from ${g.total} = ${g.parts.join(" + ")} and names ${s.size} non-public organisation(s)`);
    }
  }
  // … and a known total minus its known parts is the sum of the unknown ones.
  for (const g of groups) {
    if (!known.has(g.total)) continue;
    const hidden = new Set(g.parts.filter((p) => !known.has(p)).flatMap((p) => [...oracle.behind(p)]));
    if (small(hidden)) problems.push(`${g.total} minus known ${g.parts.filter((p) => known.has(p)).join(", ")} leaves ${hidden.size} non-public organisation(s)`);
  }
  return problems;
}

/** Data sets that once failed, kept as explicit cases (with what they caught). */
const KEPT: DataSet[] = [
  // One non-public organisation, partner of no cooperation: its organisation counts must be
  // withheld in its district, the state and the country (they were shown while the table's
  // ranking of ids reused the kind column's name).
  {
    orgs: [
      { home: "12051", isPublic: true, kind: "company" },
      { home: "12053", isPublic: false, kind: "nonprofit" },
      { home: "12052", isPublic: true, kind: "nonprofit" },
      { home: "13003", isPublic: true, kind: "company" },
      { home: "12", isPublic: true, kind: "nonprofit" },
      { home: "12051", isPublic: true, kind: "nonprofit" },
    ],
    coops: [{ month: 8, day: 26, status: "done", format: "action_day", hours: 64, types: ["time", "money"], partners: [0, 2] }],
  },
  // The same, with cooperations around it: the kind split and the totals of state and country.
  {
    orgs: [
      { home: "12051", isPublic: true, kind: "nonprofit" },
      { home: "12052", isPublic: true, kind: "company" },
      { home: "12", isPublic: true, kind: "company" },
      { home: "13003", isPublic: true, kind: "company" },
      { home: "12053", isPublic: false, kind: "nonprofit" },
    ],
    coops: [
      { month: 9, day: 3, status: "ongoing", format: "none", hours: 79, types: ["time"], partners: [3, 0] },
      { month: 3, day: 2, status: "ongoing", format: "marketplace", hours: 74, types: ["goods", "money"], partners: [4, 2, 3] },
      { month: 4, day: 27, status: "ongoing", format: "marketplace", hours: 7, types: ["goods"], partners: [3, 2] },
      { month: 6, day: 1, status: "agreed", format: "marketplace", hours: 87, types: ["time", "money"], partners: [2, 3, 1] },
      { month: 11, day: 3, status: "agreed", format: "none", hours: 66, types: ["goods", "money"], partners: [2, 3] },
      { month: 10, day: 19, status: "cancelled", format: "marketplace", hours: 85, types: ["time", "goods"], partners: [3, 1] },
      { month: 3, day: 1, status: "done", format: "marketplace", hours: 2, types: ["time", "goods"], partners: [1, 3] },
      { month: 3, day: 14, status: "cancelled", format: "none", hours: 85, types: ["time", "money"], partners: [3, 0, 1] },
    ],
  },
  // A year minus its visible months: months 2, 6 and 10 hidden, each guarded within its quarter,
  // together named 2 non-public organisations (the year was the sum of quarters only).
  {
    orgs: [
      { home: "13003", isPublic: true, kind: "company" },
      { home: "12052", isPublic: false, kind: "company" },
      { home: "12053", isPublic: true, kind: "nonprofit" },
      { home: "13003", isPublic: false, kind: "company" },
      { home: "12", isPublic: true, kind: "nonprofit" },
      { home: "12051", isPublic: false, kind: "company" },
      { home: "12053", isPublic: false, kind: "nonprofit" },
    ],
    coops: [
      { month: 2, day: 15, status: "done", format: "action_day", hours: 9, types: ["money"], partners: [6, 5] },
      { month: 10, day: 16, status: "done", format: "none", hours: 9, types: ["time", "goods", "money"], partners: [3, 4, 1] },
      { month: 4, day: 11, status: "cancelled", format: "action_day", hours: 51, types: ["time", "goods", "money"], partners: [3, 4] },
      { month: 6, day: 24, status: "cancelled", format: "action_day", hours: 61, types: ["time", "goods", "money"], partners: [4, 5] },
      { month: 10, day: 17, status: "ongoing", format: "action_day", hours: 8, types: ["time", "goods", "money"], partners: [5, 4] },
      { month: 4, day: 14, status: "cancelled", format: "action_day", hours: 81, types: ["time", "goods"], partners: [1, 4, 5] },
      { month: 1, day: 22, status: "cancelled", format: "marketplace", hours: 86, types: ["time", "goods"], partners: [4, 6, 3] },
    ],
  },
];

/** `VITE_PRIVACY_SEED=<seed>` repeats a run; otherwise a new seed each run (printed on failure). */
const envSeed = Number((import.meta as { env?: Record<string, string | undefined> }).env?.VITE_PRIVACY_SEED);

describe("public output and the small-numbers rule", () => {
  it("reveals no figure of 1 or 2 non-public organisations, directly or by subtraction", async () => {
    const property = fc.asyncProperty(dataSet, async (d) => {
      const problems = await check(await store(d));
      if (problems.length) throw new Error(problems.slice(0, 12).join("\n"));
    });
    for (const kept of KEPT) {
      const problems = await check(await store(kept));
      if (problems.length) throw new Error(`kept case ${KEPT.indexOf(kept)}:\n${problems.slice(0, 12).join("\n")}`);
    }
    const seed = Number.isInteger(envSeed) ? envSeed : Date.now() % 2 ** 31;
    await fc.assert(property, { seed, numRuns: 8, endOnFailure: true }).catch((e: Error) => {
      throw new Error(`seed ${seed} (repeat with VITE_PRIVACY_SEED=${seed}): ${e.message}\n${(e.cause as Error | undefined)?.message ?? ""}`);
    });
  }, 600_000);
});
