/**
 * @module
 * Bearer-token access (README, Access). Tokens are stored as SHA-256 hashes; the secret is shown once
 * at creation. Roles: admin; coordinator scoped to regions (and their sub-regions); funder (all
 * aggregates, no personal data); anonymous (public data only).
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env";
import { ApiError, forbidden } from "./errors";
import { FixedWindowLimiter, rateLimited } from "./rate-limit";
import { sha256Hex } from "./http-cache";

export type Role = "admin" | "coordinator" | "funder" | "anonymous";

export interface Viewer {
  role: Role;
  tokenId: number | null;
  /** Who wrote, for the audit log: `token:<id>`, `bootstrap` or `anonymous`. */
  actor: string;
  /** Coordinator scope: the token's regions plus all their descendants. Null for other roles. */
  scope: ReadonlySet<string> | null;
  /** When the token was last recorded as used (ISO time), so the record is refreshed only hourly. */
  lastUsedAt?: string | null;
}

export const anonymousViewer: Viewer = { role: "anonymous", tokenId: null, actor: "anonymous", scope: null };

/** SHA-256 hex of a token secret. */
export const hashToken = (secret: string): Promise<string> => sha256Hex(secret);

/** A new random token secret: `ka_` + 256 bits, base64url. */
export function newTokenSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return "ka_" + btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Resolves the caller from `Authorization: Bearer …`; a present but invalid token is a 401. */
export async function resolveViewer(db: D1Database, header: string | undefined, bootstrapSecret?: string): Promise<Viewer> {
  if (header === undefined || header === "") return anonymousViewer;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError(401, "unauthorized", "Authorization header must be 'Bearer <token>'");
  const hash = await hashToken(match[1]);
  if (bootstrapSecret && timingSafeEqualHex(hash, await hashToken(bootstrapSecret))) {
    return { role: "admin", tokenId: null, actor: "bootstrap", scope: null };
  }
  const row = await db
    .prepare("SELECT id, role, last_used_at AS lastUsedAt FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
    .bind(hash)
    .first<{ id: number; role: "admin" | "coordinator" | "funder"; lastUsedAt: string | null }>();
  if (!row) throw new ApiError(401, "unauthorized", "Unknown or revoked token");
  let scope: Set<string> | null = null;
  if (row.role === "coordinator") {
    const { results } = await db
      .prepare(
        `WITH RECURSIVE sub(code) AS (SELECT region_code FROM api_token_regions WHERE token_id = ?
           UNION SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code)
         SELECT code FROM sub`,
      )
      .bind(row.id)
      .all<{ code: string }>();
    scope = new Set(results.map((r) => r.code));
  }
  return { role: row.role, tokenId: row.id, actor: `token:${row.id}`, scope, lastUsedAt: row.lastUsedAt };
}

/** Failed sign-ins per client address and minute before 429 (slows token guessing). */
export const failedAuthLimiter = new FixedWindowLimiter(30, 60_000);
/** Writes per token and minute before 429 (bulk endpoints carry up to 5 000 records each). */
export const writeLimiter = new FixedWindowLimiter(600, 60_000);

/** Middleware: puts the {@link Viewer} on the context. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const client = c.req.header("CF-Connecting-IP") ?? "local";
  let viewer: Viewer;
  try {
    viewer = await resolveViewer(c.env.DB, c.req.header("Authorization"), c.env.ADMIN_TOKEN);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && !failedAuthLimiter.hit(client)) {
      throw rateLimited(failedAuthLimiter.retryAfter(client), "failed sign-ins");
    }
    throw err;
  }
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && !writeLimiter.hit(viewer.actor + "|" + client)) {
    throw rateLimited(writeLimiter.retryAfter(viewer.actor + "|" + client), "writes");
  }
  c.set("viewer", viewer);
  const now = new Date();
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  if (viewer.tokenId !== null && (!viewer.lastUsedAt || viewer.lastUsedAt < hourAgo)) {
    // Recorded at most hourly, after the response, so reads stay reads (and cost no write).
    const update = c.env.DB.prepare("UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?3)")
      .bind(now.toISOString(), viewer.tokenId, hourAgo)
      .run();
    try {
      c.executionCtx.waitUntil(update);
    } catch {
      await update; // no execution context (e.g. app.request in tests)
    }
  }
  await next();
});

/** Throws 401 for anonymous callers and 403 for roles not listed. */
export function requireRole(viewer: Viewer, ...roles: Exclude<Role, "anonymous">[]): void {
  if (viewer.role === "anonymous") throw new ApiError(401, "unauthorized", "This resource needs a bearer token");
  if (!roles.includes(viewer.role)) throw forbidden(`Role '${viewer.role}' may not do this`);
}

/** True when the viewer may see non-public detail (and personal data) of records in `regionCode`. */
export function seesDetail(viewer: Viewer, regionCode: string): boolean {
  if (viewer.role === "admin") return true;
  return viewer.role === "coordinator" && viewer.scope!.has(regionCode);
}

/** True when the viewer may read non-public records at all (funders read everything but personal data). */
export function readsAllRecords(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "funder";
}

/**
 * True when a coordinator may record a tie between these partners (given by their regions): at
 * least one must be registered in its regions. Admins always may.
 */
export function hasPartnerInScope(viewer: Viewer, partnerRegions: readonly string[]): boolean {
  if (viewer.role !== "coordinator") return true;
  return partnerRegions.some((code) => viewer.scope!.has(code));
}

/** Message for a cooperation none of whose partners is in the coordinator's regions. */
export const NO_PARTNER_IN_SCOPE = "Every partner is registered outside this token's regions; at least one must be registered in them";

/** Throws unless the viewer may write records of `regionCode`. */
export function assertCanWrite(viewer: Viewer, regionCode: string): void {
  requireRole(viewer, "admin", "coordinator");
  if (viewer.role === "coordinator" && !viewer.scope!.has(regionCode)) {
    throw forbidden(`This token may not write in region ${regionCode}`);
  }
}
