/**
 * @module
 * The public event calendar of a region (docs/directory.md, "Event calendar"): its events with
 * their sub-regions' from a month back to two years ahead, with what a public page may show —
 * the organiser's name only where the organiser may be named in public (marked public or with a
 * published directory entry), the place of a marketplace, the registration pages while they are open
 * (a marketplace's; an action day's for teams and for projects).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { NATIONAL } from "../db/revisions";
import { scopeCondition } from "../network/load";
import { today } from "../network/window";
import type { EventKind } from "../directory/entries";

/** Days back and ahead the calendar covers, and the most events one answer lists (bounded work). */
export const CALENDAR_LIMITS = { daysBack: 31, daysAhead: 730, maxEvents: 200 } as const;

export interface CalendarEvent {
  id: number;
  kind: EventKind;
  title: string;
  /** First day (`YYYY-MM-DD`). */
  date: string;
  /** Last day of a multi-day event (action days); equal to `date` otherwise. */
  endDate: string;
  regionCode: string;
  regionName: string;
  place: string | null;
  organiserName: string | null;
  /** Registration page while open: a marketplace's (both sides), an action day's for company teams. */
  registrationPath: string | null;
  /** An action day's page where non-profits submit projects, while registration is open. */
  projectRegistrationPath: string | null;
  updatedAt: string;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Row = Omit<CalendarEvent, "endDate"> & { endDate: string | null };

/** Events of `scope` (region with sub-regions, or `DE`) around `day`, or one event by id. */
export async function calendarEvents(db: Db, scope: string | { eventId: number }, day = today()): Promise<CalendarEvent[]> {
  const where =
    typeof scope === "object"
      ? sql`e.id = ${scope.eventId}`
      : sql`${scope === NATIONAL ? sql`1` : scopeCondition(sql`e.region_code`, scope)} AND e.date BETWEEN ${addDays(day, -CALENDAR_LIMITS.daysBack)} AND ${addDays(day, CALENDAR_LIMITS.daysAhead)}`;
  const rows = await db.all<Row>(sql`
    SELECT e.id, e.kind, e.title, e.date, ad.end_date AS endDate, e.region_code AS regionCode, r.name AS regionName, m.place,
           CASE WHEN o.is_public = 1 OR d.published = 1 THEN o.name END AS organiserName,
           CASE WHEN m.registration_key IS NOT NULL AND e.date >= ${day}
                 AND (m.registration_opens IS NULL OR m.registration_opens <= ${day})
                 AND (m.registration_closes IS NULL OR m.registration_closes >= ${day})
                THEN '/register/' || m.registration_key
                WHEN ad.team_key IS NOT NULL AND ${day} <= coalesce(ad.registration_closes, e.date) THEN '/action-day/' || ad.team_key END AS registrationPath,
           CASE WHEN ad.project_key IS NOT NULL AND ${day} <= coalesce(ad.registration_closes, e.date) THEN '/action-day/' || ad.project_key END AS projectRegistrationPath,
           e.updated_at AS updatedAt
    FROM events e
    JOIN regions r ON r.code = e.region_code
    LEFT JOIN marketplaces m ON m.event_id = e.id
    LEFT JOIN action_days ad ON ad.event_id = e.id
    LEFT JOIN organisations o ON o.id = e.organiser_id AND o.deleted_at IS NULL
    LEFT JOIN directory_entries d ON d.organisation_id = o.id
    WHERE e.deleted_at IS NULL AND ${where}
    ORDER BY e.date, e.id
    LIMIT ${CALENDAR_LIMITS.maxEvents}`);
  return rows.map((r) => ({ ...r, endDate: r.endDate && r.endDate > r.date ? r.endDate : r.date }));
}
