/**
 * @module
 * Bindings and per-request variables shared by every route.
 */
import type { RecomputeMessage } from "../jobs/recompute-queue";
import type { Viewer } from "./auth";

/** Worker bindings (wrangler.toml + secrets). */
export interface Bindings {
  DB: D1Database;
  ASSETS?: Fetcher;
  /** Bootstrap admin secret (`wrangler secret put ADMIN_TOKEN`; `.dev.vars` locally). */
  ADMIN_TOKEN?: string;
  /** Comma-separated origins allowed to frame /embed/*; "*" allows any. */
  EMBED_ALLOWED_ORIGINS?: string;
  /** How long (ms) an isolate reuses a region's figures it has just read; "0" asks D1 on every read. */
  SNAPSHOT_REUSE_MS?: string;
  /** "off": network responses are shaped on every request instead of served from the Cache API (benchmark baseline). */
  NETWORK_CACHE?: string;
  /** Cloudflare Turnstile on the public registration page: both set, or the check is off (locally). */
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_SECRET?: string;
  /** Mail (worker/mail/): sender address; with the `send_email` binding MAIL or a provider URL + key, follow-ups are mailed. */
  MAIL_FROM?: string;
  MAIL?: SendEmail;
  MAIL_PROVIDER_URL?: string;
  MAIL_PROVIDER_KEY?: string;
  /** The deployment's public address (https://…), for links in mail the Cron job sends. */
  PUBLIC_ORIGIN?: string;
  /** "record": mail is kept in memory, never sent (tests, local runs). */
  MAIL_TRANSPORT?: string;
  /** Recomputation messages, one per stale snapshot (worker/jobs/recompute-queue.ts); absent: the Cron run recomputes itself. */
  RECOMPUTE_QUEUE?: Queue<RecomputeMessage>;
}

/** Hono environment of this app. */
export interface AppEnv {
  /** Inside a request `DB` is the request's D1 session (app.ts, db/session.ts): prepare and batch only. */
  Bindings: Bindings;
  /**
   * `cspNonce`: set when a page has an inline `<style>` (lib/security-headers.ts); `publicApi`:
   * this app as an anonymous caller, for pages built from the public API (worker/reports/).
   */
  Variables: { viewer: Viewer; cspNonce?: string; publicApi: (path: string) => Promise<Response> };
}
