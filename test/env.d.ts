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
      RECOMPUTE_QUEUE: Queue<import("../worker/jobs/recompute-queue").RecomputeMessage>;
    }
  }
}
export type { Env };
