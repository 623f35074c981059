/**
 * @module
 * Public links as capabilities (docs/privacy.md, "Links"): a registrant's edit link, a deal-sheet
 * link for the phones in the hall, a partner's follow-up link. Each is a random secret shown once,
 * stored only as its SHA-256, good for one purpose and one subject, and expiring. Every way a
 * link can fail — unknown, wrong purpose, expired, revoked — answers the same 404, so a caller
 * learns nothing about other people's links; only the holder of a valid single-use link that was
 * already used hears 410, because that holder is the one who used it.
 */
import { hashToken } from "../lib/auth";
import { ApiError } from "../lib/errors";

export type LinkPurpose =
  | "registration_edit"
  | "deal_sheet"
  | "follow_up"
  | "project_edit"
  | "team_edit"
  | "action_day_results"
  | "round_table_minutes"
  | "directory_edit";

/** Link lifetimes: long enough for the purpose, short enough that an old link dies on its own. */
export const LINK_TTL_DAYS: Record<LinkPurpose, number> = {
  registration_edit: 180,
  deal_sheet: 3,
  follow_up: 60,
  project_edit: 180,
  team_edit: 180,
  // Results are entered in the weeks after the day; the organiser can issue a new link.
  action_day_results: 90,
  round_table_minutes: 365,
  directory_edit: 365,
};

/** Secrets are `kl_` + 256 bits base64url: 46 characters; anything else is refused unread. */
const SECRET_PATTERN = /^kl_[A-Za-z0-9_-]{43}$/;

/** A new random link secret. */
export function newLinkSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return "kl_" + btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export const isLinkSecretShaped = (s: string) => SECRET_PATTERN.test(s);

/** ISO time `days` after `now`. */
export const expiryAfter = (days: number, now = new Date()) => new Date(now.getTime() + days * 86_400_000).toISOString();

export interface IssuedLink {
  secret: string;
  /** Insert this statement in the same batch as the write that needs the link. */
  statement: D1PreparedStatement;
  expiresAt: string;
}

/**
 * Prepares a new link for `subjectId`. The secret is returned once and never stored; the caller
 * shows or sends it. `expiresAt` defaults to the purpose's lifetime from now.
 */
export async function issueLink(db: D1Database, purpose: LinkPurpose, subjectId: number, expiresAt = expiryAfter(LINK_TTL_DAYS[purpose])): Promise<IssuedLink> {
  const secret = newLinkSecret();
  const statement = db
    .prepare("INSERT INTO capability_links (purpose, subject_id, key_hash, expires_at) VALUES (?, ?, ?, ?)")
    .bind(purpose, subjectId, await hashToken(secret), expiresAt);
  return { secret, statement, expiresAt };
}

export interface ResolvedLink {
  id: number;
  subjectId: number;
  expiresAt: string;
  usedAt: string | null;
}

/** The one answer for every link that does not open anything. */
export const linkNotFound = () => new ApiError(404, "not_found", "This link is not valid (unknown, expired or withdrawn)");

/**
 * Finds the live link for `secret` and `purpose`, or throws the 404 of {@link linkNotFound}.
 * `singleUse`: a link already used throws 410 (`gone`) — only after the secret proved valid.
 */
export async function resolveLink(db: D1Database, purpose: LinkPurpose, secret: string, opts: { singleUse?: boolean; now?: Date } = {}): Promise<ResolvedLink> {
  if (!isLinkSecretShaped(secret)) throw linkNotFound();
  const row = await db
    .prepare("SELECT id, subject_id AS subjectId, expires_at AS expiresAt, used_at AS usedAt, revoked_at AS revokedAt FROM capability_links WHERE key_hash = ? AND purpose = ?")
    .bind(await hashToken(secret), purpose)
    .first<ResolvedLink & { revokedAt: string | null }>();
  const now = (opts.now ?? new Date()).toISOString();
  if (!row || row.revokedAt !== null || row.expiresAt <= now) throw linkNotFound();
  if (opts.singleUse && row.usedAt !== null) throw new ApiError(410, "gone", "This link has already been used; each link answers once");
  return { id: row.id, subjectId: row.subjectId, expiresAt: row.expiresAt, usedAt: row.usedAt };
}

/**
 * Marks a single-use link used, in the batch of the write it allowed. The `used_at IS NULL`
 * guard makes two racing answers write once: check `meta.changes` of this statement's result
 * (0 = the other request won) and fail the request if the batch must not count.
 */
export function markLinkUsed(db: D1Database, linkId: number): D1PreparedStatement {
  return db.prepare("UPDATE capability_links SET used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND used_at IS NULL").bind(linkId);
}

/** Withdraws every live link of a subject (a re-issued link replaces the old one). */
export function revokeLinks(db: D1Database, purpose: LinkPurpose, subjectId: number): D1PreparedStatement {
  return db
    .prepare("UPDATE capability_links SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE purpose = ? AND subject_id = ? AND revoked_at IS NULL")
    .bind(purpose, subjectId);
}
