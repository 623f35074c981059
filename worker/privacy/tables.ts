/**
 * @module
 * The cell tables public figures are cut from, read from D1 for the whole country at once, and
 * which of their cells anonymous callers must not see ({@link protect}). Whole country, because
 * the figures of one region are checked against its parent's, its siblings' and its sub-regions',
 * which other requests serve: every request that shows a cell builds the same table, so it hides
 * the same cells.
 *
 * - Cooperations: region × period × format × status (× contribution type, for the value split),
 *   with the region tree (DE → states → districts; a region with sub-regions gets a never shown
 *   cell for what is registered directly in it), periods (a calendar year → quarters → months, or
 *   one free window), formats (all → each event format and "none") and statuses (all → active,
 *   cancelled, not_feasible; active → agreed, done, ongoing) as groups. Behind a cell stand all
 *   partners of its cooperations.
 * - Organisations: region × kind, behind a cell its organisations.
 * - Active organisations of a window: region, behind a cell its active organisations.
 */
import { sql, type SQL } from "drizzle-orm";
import { readTogether, type Db } from "../db/client";
import { currentRevision } from "../db/revisions";
import { conversion as conversionOf, type ConversionRow } from "../graph/metrics";
import { forEachPairFirstsPage, NATIONAL, partnerIds } from "../network/load";
import type { Window } from "../network/window";
import { CellTable, isSensitive, mergeSketch, protect, type Sketch } from "./suppression";

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
  return { ancestors, hasChildren: (c) => children.has(c) };
}

/** The cell of what is registered directly in a region that has sub-regions (never shown, but derivable). */
const direct = (region: string) => `${region}~`;

/** Region cells a record registered in `code` counts in: its own (or the direct one) and every ancestor's. */
function regionCells(tree: RegionTree, code: string): string[] {
  return [...(tree.hasChildren(code) ? [code, direct(code)] : [code]), ...tree.ancestors(code)];
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

/** Tables this isolate has built, newest last, keyed by what they were built from and the national data revision. */
const built = new Map<string, Promise<Set<string>>>();
/** Tables kept: a country's table holds tens of thousands of keys. */
const BUILT_KEPT = 6;

/**
 * The hidden cells of a table, built once per data revision: every write bumps at least one
 * revision counter and the national revision is their sum, so a table built at the current
 * revision was built from the data as it is now.
 */
async function once(db: Db, what: string, build: () => Promise<Set<string>>): Promise<Set<string>> {
  const key = `${what}@${await currentRevision(db, NATIONAL)}`;
  let table = built.get(key);
  if (table) built.delete(key);
  else table = build();
  built.set(key, table);
  table.catch(() => built.delete(key));
  while (built.size > BUILT_KEPT) built.delete(built.keys().next().value!);
  return table;
}

/** The cooperation table of the plan's periods and which of its cells are hidden. */
export function cooperationCells(db: Db, plan: PeriodPlan): Promise<Set<string>> {
  return once(db, `c:${JSON.stringify(plan)}`, () => buildCooperationCells(db, plan));
}

async function buildCooperationCells(db: Db, plan: PeriodPlan): Promise<Set<string>> {
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
  for (const { row, sketch } of joinSketches(counts, sketches, ["r", "m", "f", "s"])) {
    for (const region of regionCells(tree, row.r)) {
      for (const p of periodsOf(row.m)) {
        for (const f of [row.f, "all"]) for (const s of statusesOf(row.s)) table.add(coopKey(region, p, f, s), row.n, sketch);
      }
    }
  }
  for (const { row, sketch } of joinSketches(typeCounts, typeSketches, ["r", "m", "t"])) {
    for (const region of regionCells(tree, row.r)) for (const p of periodsOf(row.m)) table.add(coopKey(region, p, "all", "active", row.t), row.n, sketch);
  }
  // Every cell is a part of one group per dimension, whose total is the cell one level up.
  const statusParent: Record<string, StatusCell | undefined> = { agreed: "active", done: "active", ongoing: "active", active: "all", cancelled: "all", not_feasible: "all" };
  table.groupByParents((key) => {
    const [, region, period, format, status, type] = key.split("|");
    const up: [string, string][] = [];
    const parentRegion = regionParent(tree, region);
    if (parentRegion !== null) up.push(["region", coopKey(parentRegion, period, format, status as StatusCell, type)]);
    const parentPeriod = period.length === 7 && period[4] === "-" && period[5] !== "Q" ? quarterOf(period) : period.includes("-Q") ? period.slice(0, 4) : null;
    if (parentPeriod !== null) up.push(["period", coopKey(region, parentPeriod, format, status as StatusCell, type)]);
    // Flat groups too: a year is also the sum of its twelve months, a region the sum of the leaf
    // cells under it, "all" the sum of the five statuses. The year minus its visible months is
    // their hidden rest, even when each quarter on its own is guarded.
    if (parentPeriod !== null && !period.includes("-Q")) up.push(["periodMonths", coopKey(region, period.slice(0, 4), format, status as StatusCell, type)]);
    for (const ancestor of leafAncestors(tree, region)) up.push([`regionLeaves`, coopKey(ancestor, period, format, status as StatusCell, type)]);
    // The value split by contribution type adds up to the value of the active deals.
    if (type !== "all") up.push(["type", coopKey(region, period, "all", "active")]);
    else {
      if (format !== "all") up.push(["format", coopKey(region, period, "all", status as StatusCell)]);
      const s = statusParent[status];
      if (s) up.push(["status", coopKey(region, period, format, s)]);
      if (status !== "active" && status !== "all") up.push(["statusLeaves", coopKey(region, period, format, "all")]);
    }
    return up;
  });
  return protect(table);
}

/** The region a region's cells add up into (a direct cell: its region; DE: none). */
function regionParent(tree: RegionTree, region: string): string | null {
  if (region.endsWith("~")) return region.slice(0, -1);
  if (region === NATIONAL) return null;
  return tree.ancestors(region)[0] ?? NATIONAL;
}

/**
 * The regions above a leaf cell's parent (a region without sub-regions, or what is registered
 * directly in one): each is also the sum of all the leaf cells under it.
 */
function leafAncestors(tree: RegionTree, region: string): string[] {
  const leaf = region.endsWith("~") || (region !== NATIONAL && !tree.hasChildren(region));
  if (!leaf) return [];
  const parent = regionParent(tree, region)!;
  return parent === NATIONAL ? [] : [...tree.ancestors(parent)];
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
export function organisationCells(db: Db): Promise<Set<string>> {
  return once(db, "o", () => buildOrganisationCells(db));
}

async function buildOrganisationCells(db: Db): Promise<Set<string>> {
  const tree = await regionTree(db);
  const [counts, sketches] = await readTogether(db, [
    sql`SELECT region_code AS r, kind AS k, count(*) AS n FROM organisations WHERE deleted_at IS NULL GROUP BY r, k`,
    topThree(sql`SELECT region_code AS r, kind AS k, id AS o FROM organisations WHERE deleted_at IS NULL AND is_public = 0`, sql`r, k`),
  ]);
  const table = new CellTable();
  for (const { row, sketch } of joinSketches(counts as { r: string; k: string; n: number }[], sketches as SketchRow[], ["r", "k"])) {
    for (const region of regionCells(tree, row.r)) for (const k of [row.k, "total"]) table.add(orgKey(region, k), row.n, sketch);
  }
  table.groupByParents((key) => {
    const [, region, kind] = key.split("|");
    const parent = regionParent(tree, region);
    return [
      ...(parent === null ? [] : [["region", orgKey(parent, kind)] as [string, string]]),
      ...leafAncestors(tree, region).map((a) => ["regionLeaves", orgKey(a, kind)] as [string, string]),
      ...(kind === "total" ? [] : [["kind", orgKey(region, "total")] as [string, string]]),
    ];
  });
  return protect(table);
}

/** Active organisations of a window (partners of a deal not cancelled, counted in the region they are registered in) and the hidden cells. */
export function activeOrganisationCells(db: Db, window: Window): Promise<Set<string>> {
  return once(db, `a:${window.from}:${window.to}`, () => buildActiveOrganisationCells(db, window));
}

async function buildActiveOrganisationCells(db: Db, window: Window): Promise<Set<string>> {
  const tree = await regionTree(db);
  const active = sql`SELECT DISTINCT o.region_code AS r, o.id AS o, o.is_public AS p FROM cooperation_partners cp JOIN cooperations c ON c.id = cp.cooperation_id
    JOIN organisations o ON o.id = cp.organisation_id
    WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND c.date_agreed BETWEEN ${window.from} AND ${window.to}`;
  const [counts, sketches] = await readTogether(db, [
    sql`SELECT r, count(*) AS n FROM (${active}) GROUP BY r`,
    topThree(sql`SELECT r, o FROM (${active}) WHERE p = 0`, sql`r`),
  ]);
  const table = new CellTable();
  for (const { row, sketch } of joinSketches(counts as { r: string; n: number }[], sketches as SketchRow[], ["r"])) {
    for (const region of regionCells(tree, row.r)) table.add(activeKey(region), row.n, sketch);
  }
  table.groupByParents((key) => {
    const parent = regionParent(tree, key.slice(2));
    return [...(parent === null ? [] : [["region", activeKey(parent)] as [string, string]]), ...leafAncestors(tree, key.slice(2)).map((a) => ["regionLeaves", activeKey(a)] as [string, string])];
  });
  return protect(table);
}

/**
 * The conversion table of a scope (format × year of the pairs' first deal × pairs, converted, not
 * converted, pending) and its hidden cells. Behind a cell stand the organisations of its pairs;
 * each pair goes through the conversion function itself, so the cells are the figures' own.
 */
export function conversionCells(db: Db, scope: string, asOf: string): Promise<Set<string>> {
  return once(db, `v:${scope}:${asOf}`, async () => {
    const table = new CellTable();
    const ids = await partnerIds(db, scope, asOf);
    const nonPublic = new Set(
      (await db.all<{ id: number }>(sql`SELECT id FROM organisations WHERE is_public = 0 AND id IN (SELECT value FROM json_each(${JSON.stringify([...ids])}))`)).map((r) => r.id),
    );
    await forEachPairFirstsPage(db, scope, asOf, ids, (page) => {
      for (const [a, b, firstKey, second] of page) {
        const [date, format] = firstKey.split("|");
        const cooperations = [{ date, format: format || null }];
        if (second) cooperations.push({ date: second, format: null });
        // The same rule as the figures: one pair through the conversion function itself.
        const [row] = conversionOf([{ a, b, cooperations }], { asOf }) as ConversionRow[];
        if (!row) continue;
        const sketch = [a, b].filter((id) => nonPublic.has(id)).sort((x, y) => x - y);
        const measures = row.pending ? ["pending"] : row.converted ? ["pairs", "converted"] : ["pairs", "notConverted"];
        for (const year of [String(row.year), "all"]) for (const m of measures) table.add(`${row.format || "none"}|${year}|${m}`, 1, sketch);
      }
    });
    const formats = new Set([...table.cells.keys()].map((k) => k.split("|")[0]));
    const years = new Set([...table.cells.keys()].map((k) => k.split("|")[1]).filter((y) => y !== "all"));
    for (const f of formats) {
      for (const m of ["pairs", "converted", "notConverted", "pending"]) table.group(`${f}|all|${m}`, [...years].map((y) => `${f}|${y}|${m}`));
      for (const y of [...years, "all"]) table.group(`${f}|${y}|pairs`, [`${f}|${y}|converted`, `${f}|${y}|notConverted`]);
    }
    return protect(table);
  });
}

/**
 * The regions whose network figures (nodes, ties, density, components, …) describe 1 or 2
 * non-public organisations: a scope's network holds its organisations and every partner of an
 * active deal registered in it or with a partner registered in it, so an outside partner counts
 * although no cooperation cell of the scope stands for it.
 */
export function sensitiveNetworks(db: Db, window: Window): Promise<Set<string>> {
  return once(db, `n:${window.from}:${window.to}`, async () => {
    const tree = await regionTree(db);
    const [rows] = await readTogether(db, [
      topThree(
        sql`WITH act AS (SELECT id, region_code FROM cooperations c WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible')
              AND c.date_agreed BETWEEN ${window.from} AND ${window.to}),
            np AS (SELECT cp.cooperation_id AS c, cp.organisation_id AS o FROM cooperation_partners cp
              JOIN organisations o ON o.id = cp.organisation_id AND o.is_public = 0 WHERE cp.cooperation_id IN (SELECT id FROM act))
          SELECT act.region_code AS r, np.o AS o FROM act JOIN np ON np.c = act.id
          UNION SELECT po.region_code AS r, np.o AS o FROM act JOIN cooperation_partners cp ON cp.cooperation_id = act.id
            JOIN organisations po ON po.id = cp.organisation_id AND po.deleted_at IS NULL JOIN np ON np.c = act.id
          UNION SELECT region_code AS r, id AS o FROM organisations WHERE deleted_at IS NULL AND is_public = 0`,
        sql`r`,
      ),
    ]);
    const byRegion = new Map<string, Sketch>();
    for (const row of rows as SketchRow[]) {
      for (const region of regionCells(tree, String(row.r))) {
        if (region.endsWith("~")) continue;
        byRegion.set(region, mergeSketch(byRegion.get(region) ?? [], sketchOf(row.ids)));
      }
    }
    return new Set([...byRegion].filter(([, s]) => isSensitive(s)).map(([r]) => r));
  });
}
