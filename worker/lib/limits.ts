/**
 * @module
 * Input limits every route shares, in one place so validation, handlers and docs agree.
 */

/**
 * Dates the service stores and answers about (inclusive, `YYYY-MM-DD`). Stored dates (dates agreed
 * and done, event dates) and the `from`/`to` of every query use the same range, so any stored
 * date can be asked for and no query reaches years the calendar code cannot represent (before
 * year 1000 ISO dates lose their four-digit form and periods collapse). The work a range causes
 * is bounded by the number of periods per request, not by this range.
 */
export const DATE_RANGE = { min: "1900-01-01", max: "2100-12-31" } as const;

/** True when an ISO date `YYYY-MM-DD` lies within {@link DATE_RANGE}. */
export const inDateRange = (iso: string) => iso >= DATE_RANGE.min && iso <= DATE_RANGE.max;

/** Largest id a path or body may name: decimal digits, no sign, no leading zero, at most 2^53 − 1. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/**
 * Longest alternative text an embed's author may give (`alt` parameter, characters after trimming
 * and collapsing whitespace): a screen reader reads it as the chart's name, so a sentence or two.
 */
export const EMBED_ALT_MAX = 300;

/**
 * Limits of a marketplace's registration by link (docs/marketplace.md, "Registration by link"):
 * what anyone holding the published page may store. The per-address brake counts per isolate
 * (lib/rate-limit.ts); the per-event ceiling holds whatever the addresses, so no caller can make
 * an event store registrations without bound.
 */
export const REGISTRATION_LIMITS = {
  /** Needs or offers per registration. */
  maxItems: 20,
  /** Characters of an item's description. */
  maxDescription: 500,
  /** Tags per item, and characters per tag. */
  maxTags: 10,
  maxTagLength: 50,
  /** Registrations an event takes when its organiser set no capacity (pending and approved count). */
  maxPerEvent: 1000,
  /** New registrations per client address and hour. */
  perAddressPerHour: 10,
  /** Changes and withdrawals through edit links per client address and hour. */
  editsPerAddressPerHour: 60,
} as const;

/**
 * Deals one marketplace event stores (docs/marketplace.md, "Deal sheet"): a deal-sheet link is
 * shared by the phones in the hall for days, so what its holders can store is bounded per event.
 * A hall of the largest capacity (5 000) rarely makes a deal per participant.
 */
export const MAX_DEALS_PER_EVENT = 5000;

/**
 * Checklists and round tables (docs/checklists.md, docs/round-tables.md): items per template and
 * per event's checklist (the positions 0–199 the schema allows), and minutes per meeting.
 */
export const CHECKLIST_LIMITS = { maxItems: 200 } as const;
export const ROUND_TABLE_LIMITS = { maxDecisions: 100, maxTasks: 200, maxAttendees: 500, maxMeetingsListed: 500 } as const;
