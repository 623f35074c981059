/**
 * @module
 * Bindings and per-request variables shared by every route.
 */
import type { Viewer } from "./auth";

/** Worker bindings (wrangler.toml + secrets). */
export interface Bindings {
  DB: D1Database;
  ASSETS?: Fetcher;
  /** Bootstrap admin secret (`wrangler secret put ADMIN_TOKEN`; `.dev.vars` locally). */
  ADMIN_TOKEN?: string;
  /** Comma-separated origins allowed to frame /embed/*; "*" allows any. */
  EMBED_ALLOWED_ORIGINS?: string;
}

/** Hono environment of this app. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: { viewer: Viewer };
}
