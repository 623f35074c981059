import type { D1Migration } from "cloudflare:test";
import type { Env } from "../worker/lib/env";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      ASSETS: Fetcher;
      ADMIN_TOKEN?: string;
      EMBED_ALLOWED_ORIGINS?: string;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
export type { Env };
