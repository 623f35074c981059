/**
 * @module
 * A marketplace as its organiser and its registration page see it: the event with its settings,
 * who may organise it, and whether registration is open today. Every marketplace route (workspace,
 * board, deals, follow-ups, results) finds its event through {@link organisedMarketplace}.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { assertCanWrite, type Viewer } from "../lib/auth";
import { notFound } from "../lib/errors";
import { REGISTRATION_LIMITS } from "../lib/limits";
import type { Db } from "../db/client";
import { events, marketplaces } from "../db/tables";

export type MarketplaceRow = typeof marketplaces.$inferSelect & { title: string; date: string; regionCode: string };

/** The marketplace of event `eventId` (not deleted, with its workspace row), or a 404. */
export async function findMarketplace(db: Db, eventId: number): Promise<MarketplaceRow> {
  const [row] = await db
    .select({ m: marketplaces, title: events.title, date: events.date, regionCode: events.regionCode })
    .from(marketplaces)
    .innerJoin(events, eq(events.id, marketplaces.eventId))
    .where(and(eq(marketplaces.eventId, eventId), isNull(events.deletedAt), eq(events.kind, "marketplace")));
  if (!row) throw notFound("Marketplace");
  return { ...row.m, title: row.title, date: row.date, regionCode: row.regionCode };
}

/**
 * The marketplace for its organiser: 401/403 unless the viewer is an admin or a coordinator of
 * the event's region (a coordinator of another region hears 403, as for every record there).
 */
export async function organisedMarketplace(db: Db, viewer: Viewer, eventId: number): Promise<MarketplaceRow> {
  const m = await findMarketplace(db, eventId);
  assertCanWrite(viewer, m.regionCode);
  return m;
}

/** A new registration page key: `mk_` + 192 random bits (not a secret, but not guessable). */
export function newRegistrationKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return "mk_" + btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Registrations that take a place in the hall (pending and approved), per event. */
export async function placesTaken(db: Db, eventId: number): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM registrations WHERE event_id = ${eventId} AND status IN ('pending', 'approved')`);
  return row?.n ?? 0;
}

/** Registrations an event takes: its capacity, or the ceiling every event has. */
export const placesOffered = (m: Pick<MarketplaceRow, "capacity">) => m.capacity ?? REGISTRATION_LIMITS.maxPerEvent;

/**
 * Whether the registration page takes a new registration on `today` (UTC date): from its first
 * day (none: now) to its last day (none: the event's date), while places are left.
 */
export function registrationState(m: Pick<MarketplaceRow, "registrationOpens" | "registrationCloses" | "date" | "capacity">, taken: number, today = new Date().toISOString().slice(0, 10)) {
  if (m.registrationOpens && today < m.registrationOpens) return "not_yet_open" as const;
  if (today > (m.registrationCloses ?? m.date)) return "closed" as const;
  if (taken >= placesOffered(m)) return "full" as const;
  return "open" as const;
}

/** Whether changes through an edit link are still taken: until registration closes. */
export const editsOpen = (m: Pick<MarketplaceRow, "registrationCloses" | "date">, today = new Date().toISOString().slice(0, 10)) => today <= (m.registrationCloses ?? m.date);

/** `"3,6"` ⇄ `[3, 6]`. */
export const parseMonths = (s: string) => s.split(",").filter(Boolean).map(Number);
export const formatMonths = (a: readonly number[]) => [...a].sort((x, y) => x - y).join(",");
