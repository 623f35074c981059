/**
 * @module
 * Follow-up requests as the organiser sees them (docs/marketplace.md, "Follow-up"): the state of
 * each request, and which answers of a deal's partners disagree. Pure; the board route reads the
 * rows and calls these.
 */

/** A request is overdue this many days after it was last sent without an answer; then a reminder may go out. */
export const OVERDUE_AFTER_DAYS = 14;
/** Reminders per request; after that the organiser asks by phone. */
export const MAX_REMINDERS = 2;

export type FollowUpState = "upcoming" | "due" | "sent" | "overdue" | "answered";

export interface RequestTimes {
  dueOn: string;
  sentAt: string | null;
  lastRemindedAt: string | null;
  answeredAt: string | null;
}

/** When the request was last sent (first mail, download or reminder). */
export const lastSent = (r: RequestTimes) => r.lastRemindedAt ?? r.sentAt;

/**
 * - `upcoming`: its date has not come;
 * - `due`: its date has come and it was not sent yet;
 * - `sent`: sent, no answer yet, less than {@link OVERDUE_AFTER_DAYS} ago;
 * - `overdue`: sent, no answer for {@link OVERDUE_AFTER_DAYS} days or more;
 * - `answered`.
 */
export function followUpState(r: RequestTimes, now: Date): FollowUpState {
  if (r.answeredAt) return "answered";
  const today = now.toISOString().slice(0, 10);
  if (r.dueOn > today) return "upcoming";
  const sent = lastSent(r);
  if (!sent) return "due";
  return now.getTime() - Date.parse(sent) >= OVERDUE_AFTER_DAYS * 86_400_000 ? "overdue" : "sent";
}

/** True when a reminder may go out now. */
export const canRemind = (r: RequestTimes & { reminders: number }, now: Date) => followUpState(r, now) === "overdue" && r.reminders < MAX_REMINDERS;

export interface Answer {
  outcome: "done" | "ongoing" | "not_feasible";
  hours: number | null;
  volunteers: number | null;
  peopleReached: number | null;
}

export const FIGURES = ["hours", "volunteers", "peopleReached"] as const;

/**
 * Figures further apart than this share of the larger one disagree (40 and 42 hours agree,
 * 40 and 20 do not): partners count from their own side and round differently.
 */
export const FIGURE_TOLERANCE = 0.25;

/**
 * What two partners' answers of the same round disagree on: the outcome, and each figure both
 * gave that differs by more than {@link FIGURE_TOLERANCE} of the larger. Empty when they agree.
 */
export function disagreement(a: Answer, b: Answer): ("outcome" | (typeof FIGURES)[number])[] {
  const out: ("outcome" | (typeof FIGURES)[number])[] = [];
  if (a.outcome !== b.outcome) out.push("outcome");
  for (const k of FIGURES) {
    const x = a[k];
    const y = b[k];
    if (x == null || y == null) continue;
    if (Math.abs(x - y) > FIGURE_TOLERANCE * Math.max(x, y)) out.push(k);
  }
  return out;
}

/** Limits of the public answer: sizes the table allows, and requests per address and minute. */
export const FOLLOW_UP_LIMITS = {
  comment: 2000,
  hours: 100_000,
  people: 100_000,
  peopleReached: 10_000_000,
  requestsPerMinute: 30,
} as const;
