/**
 * @module
 * An event's results as anonymous callers see them (docs/privacy.md, "An event's results"): the
 * counts without names, each cut from a cell and withheld by the same rule as every public figure.
 *
 * The event's deals by status are also part of the region's cooperations of their month and
 * format, which the region's public figures show. So the deals of every event of that format in
 * the same region and month are parts of one group whose total is the region's cell, hidden or
 * shown as the national table decided (worker/privacy/tables.ts). An event can then not be read
 * as the region's month minus the other events. Should the rule want to withhold a region's cell
 * that the national table shows, the table cannot be protected here and every deal figure of its
 * events is withheld.
 *
 * The other figures — ties, partners, needs — exist only here; they are guarded within the event:
 * new + earlier ties = ties, first-time + other partners = partners, met + unmet needs = needs,
 * unmet needs by contribution type = unmet needs.
 */
import { sql } from "drizzle-orm";
import { readTogether, type Db } from "../db/client";
import { DEAL_STATUSES, type EventResultsData } from "../marketplace/results";
import { CellTable, EMPTY_SKETCH, mergeSketch, protect, SUPPRESSED, type Sketch, type Suppressed } from "./suppression";
import { cooperationCells, coopKey, type StatusCell } from "./tables";

type Figure = number | Suppressed;

const STATUS_PARENT: Record<string, StatusCell> = { agreed: "active", done: "active", ongoing: "active", active: "all", cancelled: "all", not_feasible: "all" };
const ALL_STATUS_CELLS: StatusCell[] = [...DEAL_STATUSES, "active", "all"];
const statusCellsOf = (s: string): StatusCell[] => (STATUS_PARENT[s] === "active" ? [s as StatusCell, "active", "all"] : [s as StatusCell, "all"]);

/** The public figures of an event's results. */
export interface PublicEventResults {
  deals: { total: Figure; active: Figure; byStatus: Record<string, Figure>; fulfilmentRate: number | null };
  ties: { total: Figure; new: Figure };
  partners: { total: Figure; firstPartner: Figure };
  needs: { total: Figure; unmet: Figure; unmetByType: Record<string, Figure> };
}

/** Adds a status cell family (all, active, each status) and its groups under `prefix`. */
function statusGroups(table: CellTable, prefix: string) {
  table.group(`${prefix}|all`, ["active", "cancelled", "not_feasible"].map((s) => `${prefix}|${s}`));
  table.group(`${prefix}|active`, ["agreed", "done", "ongoing"].map((s) => `${prefix}|${s}`));
  table.group(`${prefix}|all`, DEAL_STATUSES.map((s) => `${prefix}|${s}`));
}

/**
 * The hidden deal cells `e|<event>|<status>` of the events that share a region and month with
 * this event's deals (one table for all of them, so every event's request hides the same cells).
 */
async function hiddenDealCells(db: Db, kind: string, deals: EventResultsData["deals"]): Promise<{ hidden: Set<string>; events: Set<number> }> {
  const slots = [...new Set(deals.map((d) => `${d.regionCode}|${d.month}`))];
  if (slots.length === 0) return { hidden: new Set(), events: new Set() };
  const inSlots = sql`(c.region_code || '|' || substr(c.date_agreed, 1, 7)) IN (SELECT value FROM json_each(${JSON.stringify(slots)}))`;
  const [counts, sketches, parents] = await readTogether(db, [
    sql`SELECT c.event_id AS ev, c.region_code AS r, substr(c.date_agreed, 1, 7) AS m, c.status AS s, count(*) AS n
      FROM cooperations c JOIN events e ON e.id = c.event_id WHERE c.deleted_at IS NULL AND e.kind = ${kind} AND ${inSlots} GROUP BY ev, r, m, s`,
    sql`SELECT ev, r, m, s, group_concat(o) AS ids FROM (
      SELECT ev, r, m, s, o, row_number() OVER (PARTITION BY ev, r, m, s ORDER BY o) AS rank_ FROM (
        SELECT DISTINCT c.event_id AS ev, c.region_code AS r, substr(c.date_agreed, 1, 7) AS m, c.status AS s, cp.organisation_id AS o
        FROM cooperations c JOIN events e ON e.id = c.event_id JOIN cooperation_partners cp ON cp.cooperation_id = c.id
        JOIN organisations o ON o.id = cp.organisation_id AND o.is_public = 0
        WHERE c.deleted_at IS NULL AND e.kind = ${kind} AND ${inSlots})) WHERE rank_ <= 3 GROUP BY ev, r, m, s`,
    sql`SELECT DISTINCT parent_code AS code FROM regions WHERE parent_code IN (SELECT value FROM json_each(${JSON.stringify([...new Set(deals.map((d) => d.regionCode))])}))`,
  ]);
  const sketchOf = new Map(sketches.map((s) => [`${s.ev}|${s.r}|${s.m}|${s.s}`, String(s.ids).split(",").map(Number).sort((a, b) => a - b)]));
  const withChildren = new Set(parents.map((p) => p.code as string));
  const years = [...new Set(slots.map((s) => Number(s.split("|")[1].slice(0, 4))))];
  const national = await Promise.all(years.map((y) => cooperationCells(db, { kind: "calendar", fromYear: y, toYear: y })));
  // The region's cell of a slot: what is registered directly in it when it has sub-regions.
  const regionCell = (r: string, m: string, s: StatusCell) => coopKey(withChildren.has(r) ? `${r}~` : r, m, kind, s);
  const nationallyHidden = (key: string) => national.some((h) => h.has(key));

  const table = new CellTable();
  const partsOf = new Map<string, Set<string>>();
  const eventsOf = new Map<string, Set<number>>();
  for (const row of counts) {
    const [ev, r, m] = [row.ev as number, row.r as string, row.m as string];
    const sketch: Sketch = sketchOf.get(`${ev}|${r}|${m}|${row.s}`) ?? EMPTY_SKETCH;
    for (const s of statusCellsOf(row.s as string)) {
      const portion = `p|${ev}|${r}|${m}|${s}`;
      table.add(portion, row.n as number, sketch);
      table.add(`e|${ev}|${s}`, row.n as number, sketch);
      const total = regionCell(r, m, s);
      table.add(total, row.n as number, sketch, nationallyHidden(total));
      partsOf.set(total, (partsOf.get(total) ?? new Set()).add(portion));
      eventsOf.set(`${r}|${m}`, (eventsOf.get(`${r}|${m}`) ?? new Set()).add(ev));
    }
  }
  // A region's month with one event: the event's part is the region's cell itself.
  for (const [total, parts] of partsOf) {
    if (parts.size === 1 && table.cells.get(total)!.withheld) table.cells.get([...parts][0])!.withheld = true;
    table.group(total, [...parts]);
  }
  const events = new Set([...eventsOf.values()].flatMap((s) => [...s]));
  for (const ev of events) {
    statusGroups(table, `e|${ev}`);
    for (const s of ALL_STATUS_CELLS) {
      const portions = [...table.cells.keys()].filter((k) => k.startsWith(`p|${ev}|`) && k.endsWith(`|${s}`));
      table.group(`e|${ev}|${s}`, portions);
    }
    for (const slot of eventsOf.keys()) statusGroups(table, `p|${ev}|${slot}`);
  }
  const hidden = protect(table);
  // The national table shows this cell: withholding it here protects nothing.
  const broken = [...partsOf.keys()].some((total) => hidden.has(total) && !nationallyHidden(total));
  if (broken) for (const key of table.cells.keys()) if (key.startsWith("e|")) hidden.add(key);
  return { hidden, events };
}

/** The figures of an event's results that anonymous callers may see. */
export async function publicEventResults(db: Db, data: EventResultsData): Promise<PublicEventResults> {
  const { hidden: dealHidden } = await hiddenDealCells(db, "marketplace", data.deals);
  const ev = data.event.id;
  const dealFigure = (s: StatusCell) => {
    const n = s === "all" ? data.deals.length : data.deals.filter((d) => statusCellsOf(d.status).includes(s)).length;
    return dealHidden.has(`e|${ev}|${s}`) ? SUPPRESSED : n;
  };

  // Ties, partners and needs: a table of the event's own.
  const table = new CellTable();
  const isNonPublic = (id: number) => data.organisations.get(id)?.isPublic === false;
  const sketch = (ids: number[]): Sketch => ids.filter(isNonPublic).reduce<Sketch>((s, id) => mergeSketch(s, [id]), EMPTY_SKETCH);
  const add = (key: string, ids: number[]) => table.add(key, 1, sketch(ids));
  for (const k of ["ties", "ties|new", "ties|earlier", "partners", "partners|first", "partners|other", "needs", "needs|met", "needs|unmet"]) table.add(k, 0, EMPTY_SKETCH);
  for (const t of data.ties) for (const k of ["ties", t.isNew ? "ties|new" : "ties|earlier"]) add(k, [t.a, t.b]);
  for (const p of data.partners) for (const k of ["partners", p.first ? "partners|first" : "partners|other"]) add(k, [p.id]);
  const types = new Set<string>();
  for (const n of data.needs) {
    for (const k of ["needs", n.met ? "needs|met" : "needs|unmet"]) add(k, [n.organisationId]);
    if (!n.met) (add(`unmet|${n.contributionType}`, [n.organisationId]), types.add(n.contributionType));
  }
  table.group("ties", ["ties|new", "ties|earlier"]);
  table.group("partners", ["partners|first", "partners|other"]);
  table.group("needs", ["needs|met", "needs|unmet"]);
  table.group("needs|unmet", [...types].sort().map((t) => `unmet|${t}`));
  const hidden = protect(table);
  const fig = (key: string) => (hidden.has(key) ? SUPPRESSED : table.cells.get(key)?.size ?? 0);

  const total = dealFigure("all");
  const done = dealFigure("done");
  return {
    deals: {
      total,
      active: dealFigure("active"),
      byStatus: Object.fromEntries(DEAL_STATUSES.map((s) => [s, dealFigure(s)])),
      fulfilmentRate: typeof total === "number" && typeof done === "number" && total > 0 ? done / total : null,
    },
    ties: { total: fig("ties"), new: fig("ties|new") },
    partners: { total: fig("partners"), firstPartner: fig("partners|first") },
    needs: { total: fig("needs"), unmet: fig("needs|unmet"), unmetByType: Object.fromEntries([...types].sort().map((t) => [t, fig(`unmet|${t}`)])) },
  };
}
