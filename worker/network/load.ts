/**
 * @module
 * Loads what a network analysis needs for one scope (a region with its sub-regions, or the whole
 * country) and window, with aggregate SQL so the worker receives one row per partner pair, not
 * one per cooperation. Cancelled and not-feasible deals form no tie.
 *
 * Memory (128 MB per isolate, README "How the design stays inside the platform's limits"): pairs are read in pages of organisation-id ranges as
 * plain arrays (`raw()`), dates as integers, and copied straight into typed columns
 * ({@link PairTable}) — ≈ 50 bytes per pair instead of a JS object with strings per pair, so the
 * national graph (≈ 300 000 pairs) costs ≈ 15 MB and no page holds more than a few thousand rows.
 */
import { sql, type SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { NATIONAL } from "../db/revisions";
import type { Window } from "./window";

/** The whole country: every region. */
export { NATIONAL };

/** Organisation ids per page of pair rows (a page is a range of the pairs' lower ids). */
export const PAIR_PAGE_IDS = 2000;

export interface OrgRow {
  id: number;
  name: string;
  kind: "company" | "nonprofit" | "public" | "intermediary";
  regionCode: string;
  field: string | null;
  industry: string | null;
  isPublic: number;
  /** 1 if registered in the scope, 0 if only a partner from outside. */
  inScope: number;
}

/** The two partners of a tie (organisation ids, a < b). */
export interface PairTie {
  a: number;
  b: number;
}

/**
 * One row per partner pair with a cooperation in the window, in typed columns (index k = pair k).
 * Iterating it yields `{ a, b }` per pair.
 */
export interface PairTable extends Iterable<PairTie> {
  readonly length: number;
  /** Lower organisation id. */
  readonly a: Int32Array;
  /** Higher organisation id. */
  readonly b: Int32Array;
  /** Cooperations in the window. */
  readonly weight: Float64Array;
  /** Volunteer hours in the window. */
  readonly hours: Float64Array;
  /** Estimated value (EUR) in the window. */
  readonly value: Float64Array;
  /** First cooperation in the window as YYYYMMDD. */
  readonly first: Int32Array;
  /** Last cooperation up to the window end (history before the window included) as YYYYMMDD. */
  readonly last: Int32Array;
  /** Earliest and latest year of the pair's cooperations up to the window end. */
  readonly firstYear: Int16Array;
  readonly lastYear: Int16Array;
  /** 1 if any of the pair's cooperations is a follow-up of an earlier one. */
  readonly followUp: Uint8Array;
}

/**
 * The organisations of a network in columns (index i = node i): the national network holds 50 000,
 * and one object per organisation with strings of its own cost ≈ 270 bytes each where these
 * columns cost ≈ 70 (region codes, fields and industries are shared strings). `at(i)` and iteration
 * build {@link OrgRow} objects on demand.
 */
export interface OrgTable extends Iterable<OrgRow> {
  readonly length: number;
  readonly id: Int32Array;
  /** Index into {@link ORG_KINDS}. */
  readonly kind: Uint8Array;
  readonly isPublic: Uint8Array;
  readonly inScope: Uint8Array;
  readonly name: ReadonlyArray<string>;
  readonly regionCode: ReadonlyArray<string>;
  readonly field: ReadonlyArray<string | null>;
  readonly industry: ReadonlyArray<string | null>;
  at(i: number): OrgRow;
}

/** Organisation kinds in the order of {@link OrgTable.kind}'s codes (those of the compact graph). */
export const ORG_KINDS = ["company", "nonprofit", "public", "intermediary"] as const satisfies ReadonlyArray<OrgRow["kind"]>;

export interface NetworkData {
  scope: string;
  window: Window;
  organisations: OrgTable;
  pairs: PairTable;
  /**
   * Organisations of the scope that organised an event in the window → date of the last one as
   * YYYYMMDD (organising counts as activity in the status rules, docs/metrics.md). Absent: none.
   */
  organised?: ReadonlyMap<number, number>;
}

/** Organisations per page of {@link loadNetworkData}'s organisation query. */
export const ORGANISATION_PAGE = 10_000;

type OrgRawRow = [id: number, name: string, kind: OrgRow["kind"], regionCode: string, field: string | null, industry: string | null, isPublic: number, inScope: number];

class OrgColumns implements OrgTable {
  length = 0;
  id: Int32Array;
  kind: Uint8Array;
  isPublic: Uint8Array;
  inScope: Uint8Array;
  name: string[] = [];
  regionCode: string[] = [];
  field: (string | null)[] = [];
  industry: (string | null)[] = [];
  private readonly shared = new Map<string, string>();

  constructor(capacity: number) {
    this.id = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.isPublic = new Uint8Array(capacity);
    this.inScope = new Uint8Array(capacity);
  }

  /** One copy of each repeated string (D1 hands every row its own). */
  private share<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.shared.get(value);
    if (known !== undefined) return known as T;
    this.shared.set(value, value);
    return value;
  }

  push(row: OrgRawRow) {
    if (this.length === this.id.length) throw new Error("OrgColumns: more rows than counted");
    const i = this.length++;
    this.id[i] = row[0];
    this.name.push(row[1]);
    const kind = ORG_KINDS.indexOf(row[2]);
    if (kind < 0) throw new Error(`loadNetworkData: organisation ${row[0]} has unknown kind "${row[2]}"`);
    this.kind[i] = kind;
    this.regionCode.push(this.share(row[3]));
    this.field.push(this.share(row[4]));
    this.industry.push(this.share(row[5]));
    this.isPublic[i] = row[6];
    this.inScope[i] = row[7];
  }

  at(i: number): OrgRow {
    return {
      id: this.id[i],
      name: this.name[i],
      kind: ORG_KINDS[this.kind[i]],
      regionCode: this.regionCode[i],
      field: this.field[i],
      industry: this.industry[i],
      isPublic: this.isPublic[i],
      inScope: this.inScope[i],
    };
  }

  *[Symbol.iterator](): Iterator<OrgRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** SQL condition: the region column lies in the scope (the region and all its descendants). */
export function scopeCondition(column: SQL, scope: string): SQL {
  if (scope === NATIONAL) return sql`1`;
  return sql`${column} IN (WITH RECURSIVE sub(code) AS (SELECT ${scope} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`;
}

/**
 * SQL condition on cooperation `c`: it belongs to the scope's network — registered in the scope, or
 * with a partner registered there (an organisation of the scope that cooperates through a
 * cooperation registered elsewhere is not isolated; its partner is an outside partner).
 */
export function cooperationInScope(scope: string): SQL {
  if (scope === NATIONAL) return sql`1`;
  return sql`(${scopeCondition(sql`c.region_code`, scope)} OR c.id IN (SELECT sp.cooperation_id FROM cooperation_partners sp
    JOIN organisations so ON so.id = sp.organisation_id WHERE so.deleted_at IS NULL AND ${scopeCondition(sql`so.region_code`, scope)}))`;
}

const TIE = sql`c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible')`;
const dialect = new SQLiteAsyncDialect();

/** Rows of a query as arrays of column values (D1 `raw()`): no object per row. */
export async function rawRows<T extends unknown[]>(db: Db, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return db.$client.prepare(text).bind(...params).raw<T>();
}

/** `YYYY-MM-DD` as the integer YYYYMMDD (SQL side). */
const dateNumber = (expression: SQL) => sql`CAST(replace(${expression}, '-', '') AS INTEGER)`;

/** YYYYMMDD → `YYYY-MM-DD`; 0 → null. */
export function isoDate(day: number): string | null {
  if (!day) return null;
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * Typed columns of pair rows, filled page by page: each page's rows go into columns of exactly
 * their size and `finish` joins the pages once — at most twice the final size at any moment (the
 * doubling of one growing array held up to three times it: 38 MB for the national network of all
 * years, whose pairs take 14 MB).
 */
class PairColumns implements PairTable {
  length = 0;
  a = new Int32Array(0);
  b = new Int32Array(0);
  weight = new Float64Array(0);
  hours = new Float64Array(0);
  value = new Float64Array(0);
  first = new Int32Array(0);
  last = new Int32Array(0);
  firstYear = new Int16Array(0);
  lastYear = new Int16Array(0);
  followUp = new Uint8Array(0);
  private pages: PairColumns[] = [];

  private allocate(capacity: number) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.weight = new Float64Array(capacity);
    this.hours = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
    this.first = new Int32Array(capacity);
    this.last = new Int32Array(capacity);
    this.firstYear = new Int16Array(capacity);
    this.lastYear = new Int16Array(capacity);
    this.followUp = new Uint8Array(capacity);
  }

  /** One page of rows, kept as columns of its own until {@link finish}. */
  addPage(rows: PairRawRow[]) {
    if (rows.length === 0) return;
    const page = new PairColumns();
    page.allocate(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      page.a[k] = row[0];
      page.b[k] = row[1];
      page.weight[k] = row[2];
      page.hours[k] = row[3];
      page.value[k] = row[4];
      page.first[k] = row[5];
      page.last[k] = row[6];
      page.firstYear[k] = row[7];
      page.lastYear[k] = row[8];
      page.followUp[k] = row[9];
    }
    page.length = rows.length;
    this.pages.push(page);
  }

  /** Joins the pages into this table's columns. */
  finish(): this {
    const pages = this.pages;
    this.pages = [];
    if (pages.length === 1) Object.assign(this, pages[0], { pages: [] });
    else {
      this.allocate(pages.reduce((sum, page) => sum + page.length, 0));
      let at = 0;
      for (const page of pages) {
        this.a.set(page.a, at);
        this.b.set(page.b, at);
        this.weight.set(page.weight, at);
        this.hours.set(page.hours, at);
        this.value.set(page.value, at);
        this.first.set(page.first, at);
        this.last.set(page.last, at);
        this.firstYear.set(page.firstYear, at);
        this.lastYear.set(page.lastYear, at);
        this.followUp.set(page.followUp, at);
        at += page.length;
      }
      this.length = at;
    }
    return this;
  }

  *[Symbol.iterator](): Iterator<PairTie> {
    for (let k = 0; k < this.length; k++) yield { a: this.a[k], b: this.b[k] };
  }
}

type PairRawRow = [a: number, b: number, weight: number, hours: number, value: number, first: number, last: number, firstYear: number, lastYear: number, followUp: number];

/** Ascending organisation-id ranges [lo, hi] of at most `PAIR_PAGE_IDS` of the given ids each. */
export function idPages(ids: ArrayLike<number>, perPage = PAIR_PAGE_IDS): Array<[number, number]> {
  const sorted = Int32Array.from(ids).sort();
  const pages: Array<[number, number]> = [];
  for (let i = 0; i < sorted.length; i += perPage) {
    pages.push([sorted[i], sorted[Math.min(i + perPage, sorted.length) - 1]]);
  }
  return pages;
}

export async function loadNetworkData(db: Db, scope: string, window: Window): Promise<NetworkData> {
  // The scope's organisations and its cooperations' partners from elsewhere, in pages by id (the
  // rows of one page are the only row objects in memory at a time), counted first so the columns
  // are allocated once.
  const member = sql`(o.deleted_at IS NULL AND ${scopeCondition(sql`o.region_code`, scope)})
       OR o.id IN (SELECT cp.organisation_id FROM cooperation_partners cp JOIN cooperations c ON c.id = cp.cooperation_id
                   WHERE ${TIE} AND c.date_agreed BETWEEN ${window.from} AND ${window.to} AND ${cooperationInScope(scope)})`;
  const [[count]] = await rawRows<[number]>(db, sql`SELECT count(*) FROM organisations o WHERE ${member}`);
  const organisations = new OrgColumns(count);
  for (let after = -0x80000000; ; ) {
    const rows = await rawRows<OrgRawRow>(db, sql`
      SELECT o.id, o.name, o.kind, o.region_code, o.field, o.industry, o.is_public, ${scopeCondition(sql`o.region_code`, scope)}
      FROM organisations o
      WHERE o.id > ${after} AND (${member})
      ORDER BY o.id LIMIT ${ORGANISATION_PAGE}`);
    // A row added between the count and this page (a concurrent write) waits for the next computation.
    for (const row of rows) if (organisations.length < count) organisations.push(row);
    if (rows.length < ORGANISATION_PAGE) break;
    after = rows[rows.length - 1][0];
  }

  // Weight, hours, value and dates count the window; the years and `followUp` look back over the
  // pair's whole history up to the window end, so a tie that began before the window still counts
  // as recurring (tie persistence, status "fading").
  const inWindow = sql`c.date_agreed >= ${window.from}`;
  const pairs = new PairColumns();
  // Every tie's lower partner is a node (it cooperated in the window), so pages over node ids cover all pairs.
  for (const [lo, hi] of idPages(organisations.id.subarray(0, organisations.length))) {
    const rows = await rawRows<PairRawRow>(db, sql`
      SELECT a.organisation_id AS a, b.organisation_id AS b, count(CASE WHEN ${inWindow} THEN 1 END) AS weight,
             total(CASE WHEN ${inWindow} THEN c.hours END) AS hours, total(CASE WHEN ${inWindow} THEN c.value_eur END) AS value,
             ${dateNumber(sql`min(CASE WHEN ${inWindow} THEN c.date_agreed END)`)} AS first, ${dateNumber(sql`max(c.date_agreed)`)} AS last,
             CAST(substr(min(c.date_agreed), 1, 4) AS INTEGER) AS firstYear, CAST(substr(max(c.date_agreed), 1, 4) AS INTEGER) AS lastYear,
             max(c.follow_up_of IS NOT NULL) AS followUp
      FROM cooperation_partners a
      JOIN cooperations c ON c.id = a.cooperation_id
      JOIN cooperation_partners b ON b.cooperation_id = c.id AND a.organisation_id < b.organisation_id
      WHERE a.organisation_id BETWEEN ${lo} AND ${hi}
        AND ${TIE} AND c.date_agreed <= ${window.to} AND ${cooperationInScope(scope)}
      GROUP BY a.organisation_id, b.organisation_id
      HAVING weight > 0`);
    pairs.addPage(rows);
  }
  const organisedRows = await rawRows<[number, number]>(db, sql`
    SELECT e.organiser_id, ${dateNumber(sql`max(e.date)`)} FROM events e JOIN organisations o ON o.id = e.organiser_id
    WHERE e.deleted_at IS NULL AND o.deleted_at IS NULL AND e.date BETWEEN ${window.from} AND ${window.to} AND ${scopeCondition(sql`o.region_code`, scope)}
    GROUP BY e.organiser_id`);
  return { scope, window, organisations, pairs: pairs.finish(), organised: new Map(organisedRows) };
}

/** For conversion: a pair's first cooperation (`date|format`, format '' without event) and its next later date. */
export type PairFirstRow = [a: number, b: number, firstKey: string, second: string | null];

/**
 * For conversion: every pair in the scope (all time up to `asOf`) with its first cooperation's
 * date and format and the date of its next cooperation on a later day — the only facts conversion
 * needs, one row per pair — delivered page by page (ranges of the lower partner's id) so that the
 * caller can fold each page and drop it.
 */
export async function forEachPairFirstsPage(
  db: Db,
  scope: string,
  asOf: string,
  pageIds: ArrayLike<number>,
  handle: (rows: PairFirstRow[]) => void,
): Promise<void> {
  for (const [lo, hi] of idPages(pageIds)) {
    const rows = await rawRows<PairFirstRow>(db, sql`
      WITH pc AS (
        SELECT a.organisation_id AS a, b.organisation_id AS b, c.date_agreed AS d, coalesce(e.kind, '') AS f,
               row_number() OVER (PARTITION BY a.organisation_id, b.organisation_id ORDER BY c.date_agreed, c.id) AS rn,
               min(c.date_agreed) OVER (PARTITION BY a.organisation_id, b.organisation_id) AS fd
        FROM cooperation_partners a
        JOIN cooperations c ON c.id = a.cooperation_id
        JOIN cooperation_partners b ON b.cooperation_id = c.id AND a.organisation_id < b.organisation_id
        LEFT JOIN events e ON e.id = c.event_id
        WHERE a.organisation_id BETWEEN ${lo} AND ${hi}
          AND ${TIE} AND c.date_agreed <= ${asOf} AND ${cooperationInScope(scope)}
      )
      SELECT a, b, max(CASE WHEN rn = 1 THEN d || '|' || f END) AS firstKey, min(CASE WHEN d > fd THEN d END) AS second
      FROM pc GROUP BY a, b`);
    handle(rows);
  }
}

/** Ids of every organisation that is a partner of a cooperation in the scope up to `asOf` (the pages of {@link forEachPairFirstsPage}). */
export async function partnerIds(db: Db, scope: string, asOf: string): Promise<Int32Array> {
  const rows = await rawRows<[number]>(db, sql`
    SELECT DISTINCT cp.organisation_id FROM cooperation_partners cp JOIN cooperations c ON c.id = cp.cooperation_id
    WHERE ${TIE} AND c.date_agreed <= ${asOf} AND ${cooperationInScope(scope)}`);
  return Int32Array.from(rows, (r) => r[0]);
}
