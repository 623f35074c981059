/**
 * @module
 * The cell tables public figures are cut from, read from D1 for the whole country at once, and
 * which of their cells anonymous callers must not see ({@link protect}). Whole country, because
 * the figures of one region are checked against its parent's, its siblings' and its sub-regions',
 * which other requests serve: every request that shows a cell builds the same table, so it hides
 * the same cells.
 *
 * - Cooperations: region × period × format × status (× contribution type, for the value split),
 *   with the region tree (DE → states → districts; a region with sub-regions gets an unpublished
 *   cell for what is registered directly in it), periods (a calendar year → quarters → months, or
 *   one free window), formats (all → each event format and "none") and statuses (all → active,
 *   cancelled, not_feasible; active → agreed, done, ongoing) as groups. Behind a cell stand all
 *   partners of its cooperations.
 * - Organisations: region × kind, behind a cell its organisations.
 * - Active organisations of a window: region, behind a cell its active organisations.
 */
import { sql, type SQL } from "drizzle-orm";
import { readTogether, type Db } from "../db/client";
import { NATIONAL } from "../network/load";
import type { Window } from "../network/window";
import { CellTable, protect, type Sketch } from "./suppression";

export const FORMATS = ["action_day", "marketplace", "round_table", "action_72h", "social_day", "other", "none"] as const;
export const ORG_KINDS = ["company", "nonprofit", "public", "intermediary"] as const;
const ACTIVE = ["agreed", "done", "ongoing"] as const;
const STATUSES = [...ACTIVE, "cancelled", "not_feasible"] as const;
/** The status cells of the table: every status, plus "active" (not cancelled) and "all". */
export type StatusCell = (typeof STATUSES)[number] | "active" | "all";

/** Key of a cooperation cell; `period` is a trend label (`2025`, `2025-Q1`, `2025-01`) or {@link FREE_WINDOW}. */
export const coopKey = (region: string, period: string, format: string, status: StatusCell, type = "all") => `c|${region}|${period}|${format}|${status}|${type}`;
export const orgKey = (region: string, kind: string) => `o|${region}|${kind}`;
export const activeKey = (region: string) => `a|${region}`;

/** The period label of a table built for one window that is not a calendar period. */
export const FREE_WINDOW = "window";

interface RegionTree {
  /** Region → its ancestors up to and including DE, nearest first (the region itself not included). */
  ancestors(code: string): string[];
  hasChildren(code: string): boolean;
  /** Every region with sub-regions (and DE) → the sub-regions. */
  children: Map<string, string[]>;
}

async function regionTree(db: Db): Promise<RegionTree> {
  // Deleted regions stay in the tree: their records still count in their parents.
  const rows = await db.all<{ code: string; parent: string | null }>(sql`SELECT code, parent_code AS parent FROM regions`);
  const parent = new Map(rows.map((r) => [r.code, r.parent ?? NATIONAL]));
  const children = new Map<string, string[]>();
  for (const [code, p] of parent) {
    const list = children.get(p);
    if (list) list.push(code);
    else children.set(p, [code]);
  }
  const memo = new Map<string, string[]>();
  const ancestors = (code: string): string[] => {
    if (code === NATIONAL) return [];
    let a = memo.get(code);
    if (!a) {
      const seen = new Set([code]);
      a = [];
      for (let p = parent.get(code) ?? NATIONAL; ; p = parent.get(p) ?? NATIONAL) {
        if (seen.has(p)) break; // a cycle in the data must not hang the request
        seen.add(p);
        a.push(p);
        if (p === NATIONAL) break;
      }
      memo.set(code, a);
    }
    return a;
  };
  return { ancestors, hasChildren: (c) => children.has(c), children };
}

/** The unpublished cell of what is registered directly in a region that has sub-regions. */
const direct = (region: string) => `${region}~`;

/** Region cells a record registered in `code` counts in: its own (or the direct one) and every ancestor's. */
function regionCells(tree: RegionTree, code: string): { region: string; unpublished: boolean }[] {
  const own = tree.hasChildren(code) ? [{ region: code, unpublished: false }, { region: direct(code), unpublished: true }] : [{ region: code, unpublished: false }];
  return [...own, ...tree.ancestors(code).map((region) => ({ region, unpublished: false }))];
}

/** Region groups: every region with sub-regions is the sum of them and its direct cell. */
function regionGroups(table: CellTable, tree: RegionTree, keyOf: (region: string) => string, present: ReadonlySet<string>) {
  for (const region of present) {
    const kids = tree.children.get(region);
    if (!kids) continue;
    table.group(keyOf(region), [...kids.map(keyOf), ...(region === NATIONAL ? [] : [keyOf(direct(region))])]);
  }
}

const sketchOf = (ids: string | null): Sketch => (ids ? ids.split(",").map(Number).sort((a, b) => a - b) : []);

/** Rows of (cell columns, n) and (cell columns, up to 3 non-public organisation ids), joined by the cell columns. */
function joinSketches<R extends Record<string, unknown>>(counts: R[], sketches: (Record<string, unknown> & { ids: string | null })[], cols: (keyof R)[]) {
  const key = (r: Record<string, unknown>) => cols.map((c) => String(r[c as string])).join("\u0000");
  const byKey = new Map(sketches.map((s) => [key(s), sketchOf(s.ids)]));
  return counts.map((r) => ({ row: r, sketch: byKey.get(key(r)) ?? [] }));
}

/** Up to 3 smallest non-public organisation ids per partition of `rows` (a query with columns `cols` and `o`). */
function topThree(rows: SQL, cols: SQL): SQL {
  return sql`SELECT ${cols}, group_concat(o) AS ids FROM (
    SELECT *, row_number() OVER (PARTITION BY ${cols} ORDER BY o) AS rank_ FROM (${rows})) WHERE rank_ <= 3 GROUP BY ${cols}`;
}

/** Which periods the cooperation table has: the months, quarters and years of some years, or one free window. */
export type PeriodPlan = { kind: "calendar"; fromYear: number; toYear: number } | { kind: "window"; window: Window };

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** The cooperation table of the plan's periods and which of its cells are hidden. */
export async function cooperationCells(db: Db, plan: PeriodPlan): Promise<Set<string>> {
  const tree = await regionTree(db);
  const [from, to] = plan.kind === "calendar" ? [`${plan.fromYear}-01-01`, `${plan.toYear}-12-31`] : [plan.window.from, plan.window.to];
  const period = plan.kind === "calendar" ? sql`substr(c.date_agreed, 1, 7)` : sql`${FREE_WINDOW}`;
  const base = sql`FROM cooperations c LEFT JOIN events e ON e.id = c.event_id WHERE c.deleted_at IS NULL AND c.date_agreed BETWEEN ${from} AND ${to}`;
  const typeExpr = sql`CASE WHEN t.value = '' THEN 'unspecified' ELSE t.value END`;
  const typeJoin = sql`JOIN json_each('["' || replace(c.contribution_types, ',', '","') || '"]') t`;
  const activeOnly = sql`c.status NOT IN ('cancelled', 'not_feasible')`;
  const nonPublicPartners = sql`JOIN cooperation_partners cp ON cp.cooperation_id = c.id JOIN organisations o ON o.id = cp.organisation_id AND o.is_public = 0`;
  const [counts, sketches, typeCounts, typeSketches] = await readTogether(db, [
    sql`SELECT c.region_code AS r, ${period} AS m, coalesce(e.kind, 'none') AS f, c.status AS s, count(*) AS n ${base} GROUP BY r, m, f, s`,
    topThree(
      sql`SELECT DISTINCT c.region_code AS r, ${period} AS m, coalesce(e.kind, 'none') AS f, c.status AS s, cp.organisation_id AS o
        FROM cooperations c LEFT JOIN events e ON e.id = c.event_id ${nonPublicPartners}
        WHERE c.deleted_at IS NULL AND c.date_agreed BETWEEN ${from} AND ${to}`,
      sql`r, m, f, s`,
    ),
    sql`SELECT c.region_code AS r, ${period} AS m, ${typeExpr} AS t, count(*) AS n FROM cooperations c ${typeJoin}
      WHERE c.deleted_at IS NULL AND c.date_agreed BETWEEN ${from} AND ${to} AND ${activeOnly} GROUP BY r, m, t`,
    topThree(
      sql`SELECT DISTINCT c.region_code AS r, ${period} AS m, ${typeExpr} AS t, cp.organisation_id AS o FROM cooperations c ${typeJoin} ${nonPublicPartners}
        WHERE c.deleted_at IS NULL AND c.date_agreed BETWEEN ${from} AND ${to} AND ${activeOnly}`,
      sql`r, m, t`,
    ),
  ]);
  return buildCooperationTable(tree, plan, counts as CoopRow[], sketches as SketchRow[], typeCounts as TypeRow[], typeSketches as SketchRow[]);
}

type CoopRow = { r: string; m: string; f: string; s: (typeof STATUSES)[number]; n: number };
type TypeRow = { r: string; m: string; t: string; n: number };
type SketchRow = Record<string, unknown> & { ids: string | null };

function buildCooperationTable(tree: RegionTree, plan: PeriodPlan, counts: CoopRow[], sketches: SketchRow[], typeCounts: TypeRow[], typeSketches: SketchRow[]): Set<string> {
  const table = new CellTable();
  const periodsOf = (m: string) => (plan.kind === "calendar" ? [m, quarterOf(m), m.slice(0, 4)] : [m]);
  const statusesOf = (s: (typeof STATUSES)[number]): StatusCell[] => ((ACTIVE as readonly string[]).includes(s) ? [s, "active", "all"] : [s, "all"]);
  const regions = new Set<string>([NATIONAL]);
  const periods = new Set<string>();
  for (const { row, sketch } of joinSketches(counts, sketches, ["r", "m", "f", "s"])) {
    for (const { region, unpublished } of regionCells(tree, row.r)) {
      regions.add(region);
      for (const p of periodsOf(row.m)) {
        periods.add(p);
        for (const f of [row.f, "all"]) for (const s of statusesOf(row.s)) table.add(coopKey(region, p, f, s), row.n, sketch, unpublished);
      }
    }
  }
  const types = new Set<string>();
  for (const { row, sketch } of joinSketches(typeCounts, typeSketches, ["r", "m", "t"])) {
    types.add(row.t);
    for (const { region, unpublished } of regionCells(tree, row.r)) for (const p of periodsOf(row.m)) table.add(coopKey(region, p, "all", "active", row.t), row.n, sketch, unpublished);
  }
  const formats = ["all", ...FORMATS];
  const statusCells: StatusCell[] = ["all", "active", ...STATUSES];
  const typeCells = ["all", ...types];
  // Region groups for every period × format × status (× type).
  for (const p of periods) {
    for (const f of formats) for (const s of statusCells) regionGroups(table, tree, (r) => coopKey(r, p, f, s), regions);
    for (const t of types) regionGroups(table, tree, (r) => coopKey(r, p, "all", "active", t), regions);
  }
  const directs = [...regions].filter((r) => tree.hasChildren(r) && r !== NATIONAL).map(direct);
  for (const r of [...regions, ...directs]) {
    for (const p of periods) {
      for (const s of statusCells) table.group(coopKey(r, p, "all", s), FORMATS.map((f) => coopKey(r, p, f, s)));
      for (const f of formats) {
        table.group(coopKey(r, p, f, "all"), [coopKey(r, p, f, "active"), coopKey(r, p, f, "cancelled"), coopKey(r, p, f, "not_feasible")]);
        table.group(coopKey(r, p, f, "active"), ACTIVE.map((s) => coopKey(r, p, f, s)));
      }
      // The value split by contribution type adds up to the value of the active deals.
      table.group(coopKey(r, p, "all", "active"), [...types].map((t) => coopKey(r, p, "all", "active", t)));
    }
    if (plan.kind === "calendar") {
      for (let y = plan.fromYear; y <= plan.toYear; y++) {
        const quarters = [1, 2, 3, 4].map((q) => `${y}-Q${q}`);
        const monthsOf = (q: number) => [1, 2, 3].map((i) => `${y}-${String((q - 1) * 3 + i).padStart(2, "0")}`);
        for (const f of formats) {
          for (const s of statusCells) {
            for (const t of f === "all" && s === "active" ? typeCells : ["all"]) {
              table.group(coopKey(r, `${y}`, f, s, t), quarters.map((q) => coopKey(r, q, f, s, t)));
              quarters.forEach((q, i) => table.group(coopKey(r, q, f, s, t), monthsOf(i + 1).map((m) => coopKey(r, m, f, s, t))));
            }
          }
        }
      }
    }
  }
  return protect(table);
}

/** The cooperation table a window's figures are cut from: its calendar year when the window is a calendar month, quarter or year. */
export function planFor(window: Window): { plan: PeriodPlan; period: string } {
  const { from, to } = window;
  const y = from.slice(0, 4);
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  if (from.slice(5) === "01-01" && to === `${y}-12-31`) return { plan: { kind: "calendar", fromYear: Number(y), toYear: Number(y) }, period: y };
  const m = Number(from.slice(5, 7));
  if (from.slice(8) === "01" && to.slice(0, 4) === y) {
    if (to === lastDay(Number(y), m)) return { plan: { kind: "calendar", fromYear: Number(y), toYear: Number(y) }, period: from.slice(0, 7) };
    if ((m - 1) % 3 === 0 && to === lastDay(Number(y), m + 2)) return { plan: { kind: "calendar", fromYear: Number(y), toYear: Number(y) }, period: quarterOf(from.slice(0, 7)) };
  }
  return { plan: { kind: "window", window }, period: FREE_WINDOW };
}

/** The organisation table (region × kind, not windowed: organisations are counted whenever registered) and its hidden cells. */
export async function organisationCells(db: Db): Promise<Set<string>> {
  const tree = await regionTree(db);
  const [counts, sketches] = await readTogether(db, [
    sql`SELECT region_code AS r, kind AS k, count(*) AS n FROM organisations WHERE deleted_at IS NULL GROUP BY r, k`,
    topThree(sql`SELECT region_code AS r, kind AS k, id AS o FROM organisations WHERE deleted_at IS NULL AND is_public = 0`, sql`r, k`),
  ]);
  const table = new CellTable();
  const regions = new Set<string>([NATIONAL]);
  for (const { row, sketch } of joinSketches(counts as { r: string; k: string; n: number }[], sketches as SketchRow[], ["r", "k"])) {
    for (const { region, unpublished } of regionCells(tree, row.r)) {
      regions.add(region);
      for (const k of [row.k, "total"]) table.add(orgKey(region, k), row.n, sketch, unpublished);
    }
  }
  for (const k of [...ORG_KINDS, "total"]) regionGroups(table, tree, (r) => orgKey(r, k), regions);
  const directs = [...regions].filter((r) => tree.hasChildren(r) && r !== NATIONAL).map(direct);
  for (const r of [...regions, ...directs]) table.group(orgKey(r, "total"), ORG_KINDS.map((k) => orgKey(r, k)));
  return protect(table);
}

/** Active organisations of a window (partners of a deal not cancelled, counted in the region they are registered in) and the hidden cells. */
export async function activeOrganisationCells(db: Db, window: Window): Promise<Set<string>> {
  const tree = await regionTree(db);
  const active = sql`SELECT DISTINCT o.region_code AS r, o.id AS o, o.is_public AS p FROM cooperation_partners cp JOIN cooperations c ON c.id = cp.cooperation_id
    JOIN organisations o ON o.id = cp.organisation_id
    WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND c.date_agreed BETWEEN ${window.from} AND ${window.to}`;
  const [counts, sketches] = await readTogether(db, [
    sql`SELECT r, count(*) AS n FROM (${active}) GROUP BY r`,
    topThree(sql`SELECT r, o FROM (${active}) WHERE p = 0`, sql`r`),
  ]);
  const table = new CellTable();
  const regions = new Set<string>([NATIONAL]);
  for (const { row, sketch } of joinSketches(counts as { r: string; n: number }[], sketches as SketchRow[], ["r"])) {
    for (const { region, unpublished } of regionCells(tree, row.r)) {
      regions.add(region);
      table.add(activeKey(region), row.n, sketch, unpublished);
    }
  }
  regionGroups(table, tree, activeKey, regions);
  return protect(table);
}
