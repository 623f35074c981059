/**
 * @module
 * Broker score of an organiser (docs/metrics.md, "Broker score"): the ties it brokered between
 * organisations that met first at its events.
 *
 * A pair of organisations {a, b} was brokered by organiser O when
 * 1. the pair's first cooperation ever (the earliest date agreed of a cooperation of both that was
 *    not cancelled or found not feasible) lies in the window, and
 * 2. among the events both attended on or before that date (an event's attendees are its recorded
 *    participants and the partners of cooperations recorded at it), the earliest — the event where
 *    they met first — was organised by O, and O is neither a nor b.
 * So a tie has at most one broker unless two events share the earliest date (then each organiser of
 * such an event is credited). A pair that cooperated before it ever shared an event was brokered by
 * nobody; a deal made at the event itself (date = event date) counts. O's broker score is the
 * number of pairs it brokered.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rawRows, scopeCondition } from "./load";
import type { Window } from "./window";

export interface BrokerEvent {
  id: number;
  organiserId: number | null;
  /** `YYYY-MM-DD`. */
  date: string;
  attendees: readonly number[];
}

export interface PairFirst {
  a: number;
  b: number;
  /** Date (`YYYY-MM-DD`) of the pair's first cooperation. */
  first: string;
}

/**
 * Broker score per organiser (organisers without a brokered tie are absent) and the pairs behind
 * it, for the pairs whose first cooperation lies in `window` (all pairs when it is omitted).
 *
 * @example
 * brokerScores([{ id: 1, organiserId: 9, date: "2024-05-01", attendees: [1, 2] }], [{ a: 1, b: 2, first: "2024-05-01" }]);
 * // Map { 9 => { score: 1, pairs: [[1, 2]] } }
 */
export function brokerScores(
  events: readonly BrokerEvent[],
  pairs: readonly PairFirst[],
  window?: Pick<Window, "from" | "to">,
): Map<number, { score: number; pairs: Array<[number, number]> }> {
  // Events per attendee, so a pair's shared events come from the shorter of its two lists.
  const byAttendee = new Map<number, BrokerEvent[]>();
  const attends = new Map<number, Set<number>>();
  for (const e of events) {
    for (const o of new Set(e.attendees)) {
      let list = byAttendee.get(o);
      if (!list) byAttendee.set(o, (list = []));
      list.push(e);
      let set = attends.get(o);
      if (!set) attends.set(o, (set = new Set()));
      set.add(e.id);
    }
  }
  const result = new Map<number, { score: number; pairs: Array<[number, number]> }>();
  for (const { a, b, first } of pairs) {
    if (window && (first < window.from || first > window.to)) continue;
    const listA = byAttendee.get(a) ?? [];
    const listB = byAttendee.get(b) ?? [];
    const [short, otherId] = listA.length <= listB.length ? [listA, b] : [listB, a];
    const other = attends.get(otherId);
    if (!other) continue;
    let met: string | null = null;
    const organisers = new Set<number>();
    for (const e of short) {
      if (e.date > first || !other.has(e.id)) continue;
      if (met === null || e.date < met) {
        met = e.date;
        organisers.clear();
      }
      if (e.date === met && e.organiserId !== null) organisers.add(e.organiserId);
    }
    for (const o of organisers) {
      if (o === a || o === b) continue;
      let entry = result.get(o);
      if (!entry) result.set(o, (entry = { score: 0, pairs: [] }));
      entry.score++;
      entry.pairs.push(a < b ? [a, b] : [b, a]);
    }
  }
  return result;
}

/**
 * Loads the facts of {@link brokerScores} for the organisers registered in `scope`: the events
 * recorded in the scope or organised by one of its organisations (up to the window end) with their
 * attendees, and the first cooperation of every pair of those attendees (wherever the pair's
 * cooperation was registered: a tie brokered at the scope's events counts for its organiser).
 * The group_concat of attendees is bounded by the 2 000 participants an event may have.
 */
export async function loadBrokerFacts(db: Db, scope: string, window: Pick<Window, "from" | "to">): Promise<{ events: BrokerEvent[]; pairs: PairFirst[] }> {
  const eventRows = await rawRows<[number, number | null, string, string | null]>(db, sql`
    WITH ev AS (
      SELECT e.id, e.organiser_id, e.date FROM events e
      WHERE e.deleted_at IS NULL AND e.date <= ${window.to}
        AND (${scopeCondition(sql`e.region_code`, scope)}
             OR e.organiser_id IN (SELECT o.id FROM organisations o WHERE o.deleted_at IS NULL AND ${scopeCondition(sql`o.region_code`, scope)}))),
    att(event_id, org) AS (
      SELECT ep.event_id, ep.organisation_id FROM event_participants ep WHERE ep.event_id IN (SELECT id FROM ev)
      UNION SELECT c.event_id, cp.organisation_id FROM cooperations c JOIN cooperation_partners cp ON cp.cooperation_id = c.id
      WHERE c.deleted_at IS NULL AND c.event_id IN (SELECT id FROM ev))
    SELECT ev.id, ev.organiser_id, ev.date, (SELECT group_concat(org) FROM att WHERE att.event_id = ev.id) FROM ev`);
  const events: BrokerEvent[] = eventRows.map(([id, organiserId, date, list]) => ({
    id,
    organiserId,
    date,
    attendees: list ? list.split(",").map(Number) : [],
  }));
  const attendees = [...new Set(events.flatMap((e) => e.attendees))];
  if (attendees.length === 0) return { events, pairs: [] };
  const ids = JSON.stringify(attendees);
  // The first cooperation of every pair of attendees (history before the window included, so a
  // pair that met earlier is not new); kept only when it falls into the window.
  const pairRows = await rawRows<[number, number, string]>(db, sql`
    SELECT a.organisation_id, b.organisation_id, min(c.date_agreed) AS first
    FROM cooperation_partners a
    JOIN cooperations c ON c.id = a.cooperation_id
    JOIN cooperation_partners b ON b.cooperation_id = c.id AND a.organisation_id < b.organisation_id
    WHERE a.organisation_id IN (SELECT value FROM json_each(${ids})) AND b.organisation_id IN (SELECT value FROM json_each(${ids}))
      AND c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND c.date_agreed <= ${window.to}
    GROUP BY a.organisation_id, b.organisation_id
    HAVING first >= ${window.from}`);
  return { events, pairs: pairRows.map(([a, b, first]) => ({ a, b, first })) };
}

/** Broker scores of the organisers registered in `scope` for the window (see the module comment). */
export async function scopeBrokerScores(db: Db, scope: string, window: Pick<Window, "from" | "to">) {
  const facts = await loadBrokerFacts(db, scope, window);
  return brokerScores(facts.events, facts.pairs, window);
}
