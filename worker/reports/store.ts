/**
 * @module
 * Stored reports (docs/reports.md): the first request for a region and year freezes the public
 * figures; later requests for the latest report reuse them as long as the region's data revision
 * (and, in the running year, the covered month) is unchanged, and freeze a new row only when the figures
 * differ. A stored report is reachable forever under its id — until the storage limits below
 * evict it, which answers 410.
 */
import { sql } from "drizzle-orm";
import { nowIso, type Db } from "../db/client";
import { currentRevision } from "../db/revisions";
import { ApiError, notFound } from "../lib/errors";
import { today } from "../network/window";
import { contentHash, readFigures, reportAsOf, type PublicApi, type ReportFigures } from "./figures";

/**
 * Storage limits. Only a change of the figures makes a row, so anonymous requests can add at most
 * one per region, year and data revision (writes need a token) or month of the running year; these
 * caps bound even that: the oldest of a region and year go first, then the oldest overall.
 */
export const REPORT_LIMITS = {
  /** Reports cover the running year and this many years before it. */
  pastYears: 10,
  /** Stored reports kept per region and year. */
  perRegionYear: 30,
  /** Stored reports kept in all. */
  total: 20_000,
} as const;

export interface StoredReport {
  id: number;
  regionCode: string;
  year: number;
  dataRevision: number;
  asOf: string;
  contentHash: string;
  createdAt: string;
  figures: ReportFigures;
}

/** A report as served: the stored one, and whether newer figures exist than it shows. */
export interface ServedReport {
  report: StoredReport;
  /** The latest stored report of its region and year (its own id when it is the latest). */
  latestId: number;
  /** Data changed since these figures were made (a newer report exists or will be made on the next request of the latest one). */
  newerData: boolean;
}

interface Row {
  id: number;
  region_code: string;
  year: number;
  data_revision: number;
  confirmed_revision: number;
  as_of: string;
  content_hash: string;
  figures: string;
  created_at: string;
}

const toReport = (r: Row): StoredReport => ({
  id: r.id,
  regionCode: r.region_code,
  year: r.year,
  dataRevision: r.data_revision,
  asOf: r.as_of,
  contentHash: r.content_hash,
  createdAt: r.created_at,
  figures: JSON.parse(r.figures) as ReportFigures,
});

/** 422 unless `year` is the running year or one of the {@link REPORT_LIMITS.pastYears} before. */
export function checkYear(year: number, day = today()): void {
  const running = Number(day.slice(0, 4));
  const first = running - REPORT_LIMITS.pastYears;
  if (!Number.isInteger(year) || year < first || year > running) {
    throw new ApiError(422, "validation_failed", "Invalid query parameters", [{ path: "year", message: `Reports cover the years ${first} to ${running}` }]);
  }
}

const latestRow = (db: Db, code: string, year: number) =>
  db.get<Row>(sql`SELECT * FROM reports WHERE region_code = ${code} AND year = ${year} ORDER BY confirmed_at DESC, id DESC LIMIT 1`);

/**
 * The latest report of a region and year: the stored one while the region's data revision and
 * the last day covered are unchanged (one read, nothing computed), else the figures read anew and
 * frozen unless an identical report is stored.
 */
export async function latestReport(db: Db, api: PublicApi, code: string, year: number, day = today()): Promise<ServedReport> {
  checkYear(year, day);
  const asOf = reportAsOf(year, day);
  const [stored, revision] = await Promise.all([latestRow(db, code, year), currentRevision(db, code)]);
  if (stored && stored.confirmed_revision === revision && stored.as_of === asOf) return { report: toReport(stored), latestId: stored.id, newerData: false };
  const read = await readFigures(api, code, year, asOf);
  if (!read.current) {
    // The region is too large to compute on request: its figures come with the next scheduled run.
    if (stored) return { report: toReport(stored), latestId: stored.id, newerData: true };
    throw new ApiError(503, "unavailable", "The figures of this region are being computed; ask again later", undefined, { "Retry-After": "900" });
  }
  const hash = await contentHash(read.figures);
  const now = nowIso();
  const d1 = db.$client;
  const [, , , saved] = await d1.batch<Row>([
    d1
      .prepare(
        `INSERT INTO reports (region_code, year, data_revision, confirmed_revision, as_of, content_hash, figures, created_at, confirmed_at)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?7)
         ON CONFLICT (region_code, year, content_hash) DO UPDATE SET confirmed_revision = max(confirmed_revision, excluded.confirmed_revision), confirmed_at = excluded.confirmed_at`,
      )
      .bind(code, year, read.revision, asOf, hash, JSON.stringify(read.figures), now),
    d1
      .prepare(
        `DELETE FROM reports WHERE region_code = ?1 AND year = ?2 AND id NOT IN (
           SELECT id FROM reports WHERE region_code = ?1 AND year = ?2 ORDER BY confirmed_at DESC, id DESC LIMIT ?3)`,
      )
      .bind(code, year, REPORT_LIMITS.perRegionYear),
    d1
      .prepare(`DELETE FROM reports WHERE id IN (SELECT id FROM reports ORDER BY confirmed_at ASC, id ASC LIMIT max(0, (SELECT count(*) FROM reports) - ?1))`)
      .bind(REPORT_LIMITS.total),
    d1.prepare(`SELECT * FROM reports WHERE region_code = ?1 AND year = ?2 AND content_hash = ?3`).bind(code, year, hash),
  ]);
  const row = saved.results[0];
  return { report: toReport(row), latestId: row.id, newerData: false };
}

/**
 * A stored report by id, for its permanent URL: 404 when no report of that region and year had
 * the id, 410 when it was evicted by the storage limits.
 */
export async function pinnedReport(db: Db, code: string, year: number, id: number): Promise<ServedReport> {
  const row = await db.get<Row>(sql`SELECT * FROM reports WHERE id = ${id}`);
  if (!row) {
    const seq = await db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'reports'`);
    if (seq && id > 0 && id <= seq.seq) {
      throw new ApiError(410, "gone", `Report r${id} was removed by the storage limits (docs/reports.md); the latest report of the region is at /reports/${code}?year=${year}`);
    }
    throw notFound(`Report r${id}`);
  }
  if (row.region_code !== code || row.year !== year) throw notFound(`Report r${id} of ${code} for ${year}`);
  const latest = await latestRow(db, code, year);
  const revision = await currentRevision(db, code);
  const latestId = latest?.id ?? row.id;
  return { report: toReport(row), latestId, newerData: latestId !== row.id || revision > row.confirmed_revision };
}
