/**
 * @module
 * The directory of local contacts (docs/directory.md): organisers and intermediaries per region,
 * the formats they run, their next events and the contact details they published.
 *
 * Who is listed: an organisation of kind `intermediary` or one that organised an event, and that
 * may be named in public — marked public, or with a published directory entry (publishing the
 * entry is its consent to be listed). Contact details come only from a published entry with the
 * consent stored; the organisation's own contact person and e-mail never appear.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { NATIONAL } from "../db/revisions";
import { scopeBrokerScores } from "../network/broker-score";
import { scopeCondition } from "../network/load";
import { today, windowEndingOn, DEFAULT_WINDOW_MONTHS } from "../network/window";
import { SUPPRESSED, type Suppressed } from "../privacy/suppression";
import { EventKind as EventKindSchema } from "../lib/schemas";

export type EventKind = (typeof EventKindSchema.options)[number];
const EVENT_KINDS = EventKindSchema.options;

/** Entries per answer, and regions whose broker scores one answer computes (bounded work). */
export const DIRECTORY_LIMITS = { maxEntries: 100, defaultEntries: 50, maxQuery: 100, brokerRegions: 12, nextEvents: 3 } as const;

export interface DirectoryEvent {
  id: number;
  kind: EventKind;
  title: string;
  date: string;
  /** Path of the public registration page while registration is open, else null. */
  registrationPath: string | null;
}

export interface DirectoryContact {
  name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

export interface DirectoryEntry {
  organisationId: number;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  place: string | null;
  postcode: string | null;
  description: string | null;
  formats: EventKind[];
  nextEvents: DirectoryEvent[];
  /** Published contact (with consent), or null. */
  contact: DirectoryContact | null;
  /** Ties brokered in the last 24 months (docs/metrics.md); "<3" for 1 or 2 in public output. */
  brokerScore: number | Suppressed | null;
}

export interface DirectoryQuery {
  q?: string;
  region?: string;
  limit?: number;
  /** Signed-in callers see broker scores unsuppressed. */
  exactFigures: boolean;
}

/** A query that looks like a postcode: German (2–5 digits, a prefix) or Dutch (4 digits, optional letters). */
export function postcodeQuery(q: string): string | null {
  const key = q.replace(/\s+/g, "").toUpperCase();
  if (/^\d{2,5}$/.test(key) || /^\d{4}[A-Z]{2}$/.test(key)) return key;
  return null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const normPostcode = (column: SQL) => sql`replace(upper(${column}), ' ', '')`;

/**
 * SQL condition on organisation `o` (with entry `d`) for a search: a postcode finds the regions
 * where organisations with that postcode (prefix) are registered — the postcode→region mapping is
 * the data's own — and entries with that postcode; a name finds regions by name (with their
 * sub-regions), places and organisation names.
 */
function searchCondition(q: string): SQL {
  const postcode = postcodeQuery(q);
  if (postcode) {
    const prefix = `${postcode}%`;
    return sql`(o.region_code IN (
        SELECT p.region_code FROM organisations p WHERE p.deleted_at IS NULL AND p.postcode IS NOT NULL AND ${normPostcode(sql`p.postcode`)} LIKE ${prefix}
        UNION SELECT po.region_code FROM directory_entries pd JOIN organisations po ON po.id = pd.organisation_id WHERE ${normPostcode(sql`pd.postcode`)} LIKE ${prefix})
      OR ${normPostcode(sql`d.postcode`)} LIKE ${prefix})`;
  }
  const like = `%${likeEscape(q)}%`;
  return sql`(o.region_code IN (
      WITH RECURSIVE hit(code) AS (SELECT code FROM regions WHERE name LIKE ${like} ESCAPE '\\'
        UNION SELECT r.code FROM regions r JOIN hit ON r.parent_code = hit.code)
      SELECT code FROM hit)
    OR d.place LIKE ${like} ESCAPE '\\' OR o.name LIKE ${like} ESCAPE '\\')`;
}

type Row = {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  published: number | null;
  place: string | null;
  postcode: string | null;
  description: string | null;
  declared: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  organised: string | null;
};

/** The directory for a search, a region or both; at most `limit` entries, ordered by region and name. */
export async function listDirectory(db: Db, query: DirectoryQuery): Promise<{ entries: DirectoryEntry[]; truncated: boolean }> {
  const limit = Math.min(query.limit ?? DIRECTORY_LIMITS.defaultEntries, DIRECTORY_LIMITS.maxEntries);
  const conditions: SQL[] = [];
  if (query.q) conditions.push(searchCondition(query.q));
  if (query.region && query.region !== NATIONAL) conditions.push(scopeCondition(sql`o.region_code`, query.region));
  const where = conditions.length ? sql.join(conditions, sql` AND `) : sql`1`;
  const rows = await db.all<Row>(sql`
    SELECT o.id, o.name, o.kind, o.region_code AS regionCode, r.name AS regionName, d.published,
           d.place, d.postcode, d.description, d.formats AS declared,
           d.contact_name AS contactName, d.contact_email AS contactEmail, d.contact_phone AS contactPhone, d.website,
           (SELECT group_concat(DISTINCT e.kind) FROM events e WHERE e.organiser_id = o.id AND e.deleted_at IS NULL) AS organised
    FROM organisations o
    JOIN regions r ON r.code = o.region_code
    LEFT JOIN directory_entries d ON d.organisation_id = o.id
    WHERE o.deleted_at IS NULL
      AND (o.kind = 'intermediary' OR EXISTS (SELECT 1 FROM events e WHERE e.organiser_id = o.id AND e.deleted_at IS NULL))
      AND (o.is_public = 1 OR d.published = 1)
      AND ${where}
    ORDER BY r.name, o.name COLLATE NOCASE, o.id
    LIMIT ${limit + 1}`);
  const truncated = rows.length > limit;
  const shown = rows.slice(0, limit);
  const events = await nextEvents(db, shown.map((r) => r.id));
  const scores = await brokerScoresFor(db, [...new Set(shown.map((r) => r.regionCode))]);
  const entries = shown.map((r): DirectoryEntry => {
    const published = r.published === 1;
    const formats = new Set<string>([...(r.organised ?? "").split(","), ...(published ? (r.declared ?? "").split(",") : [])]);
    const score = scores.get(r.regionCode) ? (scores.get(r.regionCode)!.get(r.id)?.score ?? 0) : null;
    return {
      organisationId: r.id,
      name: r.name,
      kind: r.kind,
      regionCode: r.regionCode,
      regionName: r.regionName,
      place: published ? r.place : null,
      postcode: published ? r.postcode : null,
      description: published ? r.description : null,
      formats: EVENT_KINDS.filter((k) => formats.has(k)),
      nextEvents: events.get(r.id) ?? [],
      contact: published && (r.contactName || r.contactEmail || r.contactPhone || r.website)
        ? { name: r.contactName, email: r.contactEmail, phone: r.contactPhone, website: r.website }
        : null,
      brokerScore: score === null ? null : !query.exactFigures && score > 0 && score < 3 ? SUPPRESSED : score,
    };
  });
  return { entries, truncated };
}

/** Broker scores (default window ending today) of the organisers of the first regions listed. */
async function brokerScoresFor(db: Db, regionCodes: string[]) {
  const window = windowEndingOn(today(), DEFAULT_WINDOW_MONTHS);
  const result = new Map<string, Map<number, { score: number }>>();
  for (const code of regionCodes.slice(0, DIRECTORY_LIMITS.brokerRegions)) result.set(code, await scopeBrokerScores(db, code, window));
  return result;
}

/**
 * The next events (from today) each organisation organises, with the registration page while it is
 * open: a marketplace's registration; an action day's project and team pages are its own.
 */
async function nextEvents(db: Db, organisationIds: number[]): Promise<Map<number, DirectoryEvent[]>> {
  const result = new Map<number, DirectoryEvent[]>();
  if (organisationIds.length === 0) return result;
  const day = today();
  const rows = await db.all<{ organiserId: number; id: number; kind: EventKind; title: string; date: string; registrationKey: string | null }>(sql`
    SELECT organiserId, id, kind, title, date, registrationKey FROM (
      SELECT e.organiser_id AS organiserId, e.id, e.kind, e.title, e.date,
             CASE WHEN m.registration_key IS NOT NULL AND (m.registration_closes IS NULL OR m.registration_closes >= ${day})
                   AND (m.registration_opens IS NULL OR m.registration_opens <= ${day}) THEN m.registration_key END AS registrationKey,
             row_number() OVER (PARTITION BY e.organiser_id ORDER BY e.date, e.id) AS rn
      FROM events e LEFT JOIN marketplaces m ON m.event_id = e.id
      WHERE e.deleted_at IS NULL AND e.date >= ${day} AND e.organiser_id IN (SELECT value FROM json_each(${JSON.stringify(organisationIds)})))
    WHERE rn <= ${DIRECTORY_LIMITS.nextEvents}
    ORDER BY organiserId, date, id`);
  for (const r of rows) {
    const list = result.get(r.organiserId) ?? [];
    list.push({ id: r.id, kind: r.kind, title: r.title, date: r.date, registrationPath: r.registrationKey ? `/register/${r.registrationKey}` : null });
    result.set(r.organiserId, list);
  }
  return result;
}
