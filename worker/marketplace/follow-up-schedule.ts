/**
 * @module
 * Which partner is asked when (docs/marketplace.md, "Follow-up"): one request per deal of a
 * marketplace, partner and round, due the given months after the deal's "by when" (or, without
 * one, after the event). Scheduling is idempotent — the Cron job and the organiser's board run it
 * as often as they like — and follows the organiser's settings: a round taken out of the
 * settings, a cancelled or deleted deal drop their requests that were never sent.
 */

/** The configured rounds of a marketplace (`follow_up_months`, "3,6") as a JSON array SQLite can walk; malformed text is no rounds. */
const ROUNDS = `json_each(CASE WHEN json_valid('[' || m.follow_up_months || ']') THEN '[' || m.follow_up_months || ']' ELSE '[]' END)`;

/** Rounds are whole months from 1 to 36 (the table's rule). */
const ROUND_OK = `r.type = 'integer' AND r.value BETWEEN 1 AND 36`;

/**
 * Statements that bring the requests of one event (or, with null, of every marketplace) in line
 * with its deals and settings. Run them in one batch; the first result's `meta.changes` counts
 * requests created.
 */
export function scheduleStatements(db: D1Database, eventId: number | null): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT OR IGNORE INTO follow_up_requests (cooperation_id, organisation_id, round_months, due_on)
         SELECT ed.cooperation_id, cp.organisation_id, r.value, date(coalesce(ed.due_by, e.date), '+' || r.value || ' months')
         FROM event_deals ed
         JOIN events e ON e.id = ed.event_id AND e.deleted_at IS NULL
         JOIN marketplaces m ON m.event_id = ed.event_id
         JOIN cooperations c ON c.id = ed.cooperation_id AND c.deleted_at IS NULL AND c.status <> 'cancelled'
         JOIN cooperation_partners cp ON cp.cooperation_id = c.id
         JOIN organisations o ON o.id = cp.organisation_id AND o.deleted_at IS NULL
         JOIN ${ROUNDS} r
         WHERE ${ROUND_OK} AND (?1 IS NULL OR ed.event_id = ?1)`,
      )
      .bind(eventId),
    db
      .prepare(
        `DELETE FROM follow_up_requests WHERE sent_at IS NULL AND answered_at IS NULL AND id IN (
           SELECT f.id FROM follow_up_requests f
           JOIN event_deals ed ON ed.cooperation_id = f.cooperation_id
           JOIN marketplaces m ON m.event_id = ed.event_id
           JOIN cooperations c ON c.id = f.cooperation_id
           WHERE (?1 IS NULL OR ed.event_id = ?1)
             AND (c.deleted_at IS NOT NULL OR c.status = 'cancelled'
                  OR NOT EXISTS (SELECT 1 FROM cooperation_partners cp WHERE cp.cooperation_id = f.cooperation_id AND cp.organisation_id = f.organisation_id)
                  OR f.round_months NOT IN (SELECT r.value FROM ${ROUNDS} r WHERE ${ROUND_OK})))`,
      )
      .bind(eventId),
  ];
}

/** Schedules and returns how many requests were created. */
export async function scheduleFollowUps(db: D1Database, eventId: number | null): Promise<number> {
  const [created] = await db.batch(scheduleStatements(db, eventId));
  return created.meta.changes ?? 0;
}
