/**
 * @module
 * Every figure anonymous callers get passes through here (docs/privacy.md): region and national
 * metrics, the ranking rows, trends, conversion, event participant counts. Which cells are hidden
 * comes from the tables of worker/privacy/tables.ts; a hidden count or sum shows as "<3", a rate,
 * share, per-capita figure or network index computed from a hidden cell as null.
 */
import { sql } from "drizzle-orm";
import { readTogether, type Db } from "../db/client";
import { scopeCondition } from "../network/load";
import type { Snapshot, Summary } from "../network/snapshots";
import type { Window } from "../network/window";
import { activeKey, activeOrganisationCells, conversionCells, cooperationCells, coopKey, organisationCells, orgKey, planFor, sensitiveNetworks, type PeriodPlan, type StatusCell } from "./tables";
import { CellTable, isSensitive, mergeSketch, MIN_ORGANISATIONS, protect, SUPPRESSED, type Sketch, type Suppressed } from "./suppression";

export { SUPPRESSED, type Suppressed } from "./suppression";

type Figure = number | Suppressed;

/** The hidden cells of one window, for every region. */
export interface WindowCells {
  cooperation(region: string, format?: string, status?: StatusCell, type?: string): boolean;
  organisations(region: string, kind?: string): boolean;
  active(region: string): boolean;
  /** The region's network figures are withheld (see {@link publicNetwork}). */
  network(region: string): boolean;
}

/** Reads the tables a window's public figures are cut from (one set per request, whatever the number of regions shown). */
export async function windowCells(db: Db, window: Window): Promise<WindowCells> {
  const { plan, period } = planFor(window);
  const [coop, orgs, active, networks] = await Promise.all([cooperationCells(db, plan), organisationCells(db), activeOrganisationCells(db, window), sensitiveNetworks(db, window)]);
  const cells: WindowCells = {
    cooperation: (r, f = "all", s = "all", t = "all") => coop.has(coopKey(r, period, f, s, t)),
    organisations: (r, k = "total") => orgs.has(orgKey(r, k)),
    active: (r) => active.has(activeKey(r)),
    network: (r) => networks.has(r) || cells.organisations(r) || cells.cooperation(r, "all", "active"),
  };
  return cells;
}

const show = (hidden: boolean, n: number): Figure => (hidden ? SUPPRESSED : n);
const rate = (hidden: boolean, r: number | null) => (hidden ? null : r);
const mapValues = <T, U>(o: Record<string, T>, f: (k: string, v: T) => U) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(k, v)]));

/** The aggregates of a summary (or a ranking row's figures) as anonymous callers see them. */
export function publicAggregates(s: Summary, scope: string, cells: WindowCells) {
  const coop = (f?: string, st?: StatusCell, t?: string) => cells.cooperation(scope, f, st, t);
  const c = s.cooperations;
  const inputsHidden = coop("all", "active");
  const per = s.perHundredThousand;
  return {
    organisations: mapValues(s.organisations, (k, n) => show(cells.organisations(scope, k), n)),
    activeOrganisations: show(cells.active(scope), s.activeOrganisations),
    // Events are public happenings, listed to everyone: their counts name no organisation.
    events: s.events,
    cooperations: {
      total: show(coop(), c.total),
      byStatus: mapValues(c.byStatus, (st, n) => show(coop("all", st as StatusCell), n)),
      byFormat: mapValues(c.byFormat, (f, n) => show(coop(f), n)),
      fulfilmentRate: rate(coop() || coop("all", "done"), c.fulfilmentRate),
      fulfilmentRateByFormat: mapValues(c.fulfilmentRateByFormat, (f, r) => rate(coop(f) || coop(f, "done"), r)),
    },
    inputs: {
      volunteers: show(inputsHidden, s.inputs.volunteers),
      hours: show(inputsHidden, s.inputs.hours),
      valueEur: show(inputsHidden, s.inputs.valueEur),
      valueByContributionType: mapValues(s.inputs.valueByContributionType, (t, v) => show(coop("all", "active", t), v)),
      peopleReached: show(inputsHidden, s.inputs.peopleReached),
    },
    perHundredThousand: per && {
      organisations: rate(cells.organisations(scope), per.organisations),
      cooperations: rate(coop(), per.cooperations),
      volunteers: rate(inputsHidden, per.volunteers),
      hours: rate(inputsHidden, per.hours),
      valueEur: rate(inputsHidden, per.valueEur),
      peopleReached: rate(inputsHidden, per.peopleReached),
    },
  };
}

/**
 * The network figures of a snapshot for anonymous callers. They describe the ties among the
 * scope's organisations and their partners: shown only where both the scope's organisations and
 * its active cooperations may be shown and the network (with its outside partners) does not hold
 * just 1 or 2 non-public organisations; the organisations per status (isolated, peripheral, …)
 * follow the rule within the scope, as parts of the scope's organisations.
 */
export async function publicNetwork(db: Db, snapshot: Snapshot, cells: WindowCells) {
  const n = snapshot.summary.network;
  const scope = snapshot.regionCode;
  const hidden = cells.network(scope);
  const rows = await db.all<{ status: string; n: number; ids: string | null }>(sql`
    SELECT status, count(*) AS n, (SELECT group_concat(organisation_id) FROM (SELECT organisation_id FROM organisation_metrics x
      WHERE x.snapshot_id = m.snapshot_id AND x.status = m.status AND json_extract(x.metrics, '$.isPublic') = 0 ORDER BY organisation_id LIMIT 3)) AS ids
    FROM organisation_metrics m WHERE snapshot_id = ${snapshot.id} GROUP BY status`);
  const table = new CellTable();
  for (const r of rows) {
    const sketch: Sketch = r.ids ? r.ids.split(",").map(Number) : [];
    table.add(r.status, r.n, sketch);
    table.add("total", r.n, sketch, cells.organisations(scope));
  }
  table.group("total", rows.map((r) => r.status));
  const statusHidden = protect(table);
  const statusCounts = mapValues(n.statusCounts, (st, count) => show(hidden || statusHidden.has(st), count));
  if (!hidden) return { ...n, statusCounts };
  return {
    ...mapValues(n as unknown as Record<string, unknown>, (k, v) => (typeof v === "number" ? (["nodes", "edges", "components", "communities"].includes(k) ? SUPPRESSED : null) : v)),
    betweenness: null,
    harmonicCloseness: null,
    statusCounts,
  };
}

/**
 * Conversion rows for anonymous callers. Behind a row stand the organisations of its pairs; the
 * rows of a format's years add up to the format's row (`by=format`), and a row's converted and
 * not converted pairs to its pairs, so those are the groups.
 */
export async function publicConversion<T extends { format: string; year: number | null; pairs: number; converted: number; pending: number; rate: number | null }>(
  db: Db,
  scope: string,
  asOf: string,
  rows: T[],
) {
  const hidden = await conversionCells(db, scope, asOf);
  return rows.map((r) => {
    const key = (m: string) => `${r.format}|${r.year ?? "all"}|${m}`;
    const h = (m: string) => hidden.has(key(m));
    return { ...r, pairs: show(h("pairs"), r.pairs), converted: show(h("converted"), r.converted), pending: show(h("pending"), r.pending), rate: rate(h("pairs") || h("converted"), r.rate) };
  });
}

/** Which cell of the cooperation table a flow trend metric is cut from. */
const TREND_STATUS: Record<string, StatusCell[]> = {
  cooperations: ["all"],
  done: ["done"],
  fulfilmentRate: ["all", "done"],
  volunteers: ["active"],
  hours: ["active"],
  valueEur: ["active"],
  peopleReached: ["active"],
  activeOrganisations: ["active"],
  newPairs: ["active"],
};

const COUNT_OR_SUM = new Set(["cooperations", "done", "volunteers", "hours", "valueEur", "peopleReached", "activeOrganisations", "newPairs"]);

export interface TrendPoint {
  period: string;
  value: number | null;
  /** Last day of the period (within the trend's range). */
  end: string;
  /** The base of a rate or share (cooperations of the period; organisations of the network), undefined for other metrics. */
  n?: number | null;
}

/** A trend point as shown: the value and, for a rate or share, its base. */
export interface ShownTrendPoint {
  value: Figure | null;
  n?: Figure | null;
}

/**
 * Trend points for anonymous callers. A flow point is a whole calendar period (anonymous trends are
 * widened to whole periods) and its cell in the cooperation table of its years; new pairs are also
 * a table of their own over the periods. A network point (over the 24 months ending with the
 * period) is shown when the scope's organisations and that window's active cooperations may be.
 * A rate's base is a count like any other: the fulfilment rate's (the period's cooperations) is
 * the cooperation cell "all" of the period, a network share's (the network's organisations) is
 * withheld with the network point.
 */
export async function publicTrend(
  db: Db,
  scope: string,
  metric: string,
  format: string,
  points: TrendPoint[],
  networkWindow: (end: string) => Window,
  newPairMembers?: Map<string, Sketch>,
): Promise<ShownTrendPoint[]> {
  if (points.length === 0) return [];
  const shownAs = (hidden: boolean, v: number | null) => (v === null ? null : hidden ? (COUNT_OR_SUM.has(metric) ? SUPPRESSED : null) : v);
  const baseAs = (hidden: boolean, n: number | null | undefined): Figure | null | undefined => (n === undefined || n === null ? n : hidden ? SUPPRESSED : n);
  const statuses = TREND_STATUS[metric];
  if (statuses) {
    const years = points.map((p) => Number(p.period.slice(0, 4)));
    const plan: PeriodPlan = { kind: "calendar", fromYear: Math.min(...years), toYear: Math.max(...years) };
    const coop = await cooperationCells(db, plan);
    const pairHidden = newPairMembers ? newPairsHidden(newPairMembers, plan) : new Set<string>();
    return points.map((p) => ({
      value: shownAs(statuses.some((s) => coop.has(coopKey(scope, p.period, format, s))) || pairHidden.has(p.period), p.value),
      n: baseAs(coop.has(coopKey(scope, p.period, format, "all")), p.n),
    }));
  }
  const orgs = await organisationCells(db);
  const windows = points.map((p) => networkWindow(p.end));
  const partners = await readTogether(
    db,
    windows.map(
      (w) => sql`SELECT DISTINCT cp.organisation_id AS o FROM cooperation_partners cp JOIN cooperations c ON c.id = cp.cooperation_id
        JOIN organisations o ON o.id = cp.organisation_id
        WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND o.is_public = 0
          AND c.date_agreed BETWEEN ${w.from} AND ${w.to} AND ${scopeCondition(sql`c.region_code`, scope)} ORDER BY o LIMIT 3`,
    ),
  );
  return points.map((p, i) => {
    const hidden = orgs.has(orgKey(scope, "total")) || isSensitive(partners[i].map((r) => r.o as number));
    return { value: shownAs(hidden, p.value), n: baseAs(hidden, p.n) };
  });
}

/** New pairs per month (their non-public members) as a table over months, quarters and years. */
function newPairsHidden(byMonth: Map<string, Sketch>, plan: PeriodPlan & { kind: "calendar" }): Set<string> {
  const table = new CellTable();
  for (const [month, sketch] of byMonth) {
    const q = `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    for (const p of [month, q, month.slice(0, 4)]) table.add(p, 1, sketch);
  }
  for (let y = plan.fromYear; y <= plan.toYear; y++) {
    table.group(`${y}`, [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
    table.group(`${y}`, Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, "0")}`));
    for (let q = 1; q <= 4; q++) table.group(`${y}-Q${q}`, [1, 2, 3].map((i) => `${y}-${String((q - 1) * 3 + i).padStart(2, "0")}`));
  }
  return protect(table);
}

/** Adds a new pair's non-public members to its month (see {@link publicTrend}). */
export function addNewPair(byMonth: Map<string, Sketch>, month: string, members: Sketch) {
  byMonth.set(month, mergeSketch(byMonth.get(month) ?? [], members));
}

/**
 * An event's participant count as the viewer may see it, next to the ids it may see: exact when
 * no participant is hidden or at least 3 are, else "<3" (count minus visible ids would name them).
 */
export function publicParticipantCount(count: number, visible: number): Figure {
  const hidden = count - visible;
  return hidden > 0 && hidden < MIN_ORGANISATIONS ? SUPPRESSED : count;
}
