/**
 * @module
 * Loads what a network analysis needs for one scope (a region with its sub-regions, or the whole
 * country) and window, with aggregate SQL so the worker receives one row per partner pair, not
 * one per cooperation. Cancelled and not-feasible deals form no tie.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Window } from "./window";

/** The whole country: every region. */
export const NATIONAL = "DE";

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

export interface PairRow {
  a: number;
  b: number;
  weight: number;
  hours: number;
  value: number;
  first: string;
  last: string;
  /** Comma list of distinct years. */
  years: string;
  followUp: number;
}

export interface NetworkData {
  scope: string;
  window: Window;
  organisations: OrgRow[];
  pairs: PairRow[];
}

/** SQL condition: the region column lies in the scope (the region and all its descendants). */
export function scopeCondition(column: SQL, scope: string): SQL {
  if (scope === NATIONAL) return sql`1`;
  return sql`${column} IN (WITH RECURSIVE sub(code) AS (SELECT ${scope} UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) SELECT code FROM sub)`;
}

const TIE = sql`c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible')`;

export async function loadNetworkData(db: Db, scope: string, window: Window): Promise<NetworkData> {
  // Weight, hours, value and dates count the window; `years` and `followUp` look back over the
  // pair's whole history up to the window end, so a tie that began before the window still counts
  // as recurring (tie persistence, status "fading").
  const inWindow = sql`c.date_agreed >= ${window.from}`;
  const pairs = await db.all<PairRow>(sql`
    SELECT a.organisation_id AS a, b.organisation_id AS b, count(CASE WHEN ${inWindow} THEN 1 END) AS weight,
           total(CASE WHEN ${inWindow} THEN c.hours END) AS hours, total(CASE WHEN ${inWindow} THEN c.value_eur END) AS value,
           min(CASE WHEN ${inWindow} THEN c.date_agreed END) AS first, max(c.date_agreed) AS last,
           group_concat(DISTINCT substr(c.date_agreed, 1, 4)) AS years, max(c.follow_up_of IS NOT NULL) AS followUp
    FROM cooperations c
    JOIN cooperation_partners a ON a.cooperation_id = c.id
    JOIN cooperation_partners b ON b.cooperation_id = c.id AND a.organisation_id < b.organisation_id
    WHERE ${TIE} AND c.date_agreed <= ${window.to} AND ${scopeCondition(sql`c.region_code`, scope)}
    GROUP BY a.organisation_id, b.organisation_id
    HAVING weight > 0`);
  const organisations = await db.all<OrgRow>(sql`
    SELECT o.id, o.name, o.kind, o.region_code AS regionCode, o.field, o.industry, o.is_public AS isPublic,
           ${scopeCondition(sql`o.region_code`, scope)} AS inScope
    FROM organisations o
    WHERE (o.deleted_at IS NULL AND ${scopeCondition(sql`o.region_code`, scope)})
       OR o.id IN (SELECT cp.organisation_id FROM cooperation_partners cp JOIN cooperations c ON c.id = cp.cooperation_id
                   WHERE ${TIE} AND c.date_agreed BETWEEN ${window.from} AND ${window.to} AND ${scopeCondition(sql`c.region_code`, scope)})`);
  return { scope, window, organisations, pairs };
}

export interface PairFirstRow {
  a: number;
  b: number;
  /** `date|format` of the pair's first cooperation (format '' when without event). */
  firstKey: string;
  /** Date of the pair's second cooperation, if any. */
  second: string | null;
}

/**
 * For conversion: every pair in the scope (all time) with its first cooperation's date and format
 * and the date of its next cooperation on a later day — the only facts conversion needs, one row per pair.
 */
export async function loadPairFirsts(db: Db, scope: string, asOf: string): Promise<PairFirstRow[]> {
  return db.all<PairFirstRow>(sql`
    WITH pc AS (
      SELECT a.organisation_id AS a, b.organisation_id AS b, c.date_agreed AS d, coalesce(e.kind, '') AS f,
             row_number() OVER (PARTITION BY a.organisation_id, b.organisation_id ORDER BY c.date_agreed, c.id) AS rn,
             min(c.date_agreed) OVER (PARTITION BY a.organisation_id, b.organisation_id) AS fd
      FROM cooperations c
      JOIN cooperation_partners a ON a.cooperation_id = c.id
      JOIN cooperation_partners b ON b.cooperation_id = c.id AND a.organisation_id < b.organisation_id
      LEFT JOIN events e ON e.id = c.event_id
      WHERE ${TIE} AND c.date_agreed <= ${asOf} AND ${scopeCondition(sql`c.region_code`, scope)}
    )
    SELECT a, b, max(CASE WHEN rn = 1 THEN d || '|' || f END) AS firstKey, min(CASE WHEN d > fd THEN d END) AS second
    FROM pc GROUP BY a, b`);
}
