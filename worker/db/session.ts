/**
 * @module
 * D1 read replication through the Sessions API (docs/read-replication.md).
 *
 * Every request reads and writes through one D1 session. A session's queries see every write it
 * has made and everything up to the bookmark it started from, whichever replica answers. A
 * request without a bookmark starts unconstrained (reads: the nearest replica) or at the primary
 * (writes: their checks read the latest data). Each API response carries the session's bookmark
 * in {@link BOOKMARK_HEADER}; a client that has written sends the bookmark of its write back with
 * its next requests, whose sessions then start there — it reads its own writes in any isolate and
 * through any replica.
 */

/** Request and response header carrying a D1 session bookmark. */
export const BOOKMARK_HEADER = "X-D1-Bookmark";

/**
 * A bookmark as D1 hands them out (hex fields separated by dashes). Anything else a client sends
 * is ignored — the request starts a session without it, as a client that never wrote does —
 * rather than refused: a client holding a bookmark of a recreated database must not be locked out.
 */
const BOOKMARK = /^[0-9a-f]{8}(-[0-9a-f]{8,64}){2,5}$/;

export const isBookmark = (value: string | undefined | null): value is string => !!value && value.length <= 256 && BOOKMARK.test(value);

/** The session of one request: from the client's bookmark, else by what the request does. */
export function requestSession(d1: D1Database, bookmark: string | undefined, writes: boolean): D1DatabaseSession {
  return d1.withSession(isBookmark(bookmark) ? bookmark : writes ? "first-primary" : "first-unconstrained");
}
