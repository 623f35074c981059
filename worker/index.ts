/**
 * @module
 * Worker entry: HTTP requests go to the Hono app; the Cron Trigger recomputes stale snapshots.
 */
import { createApp } from "./app";
import type { Bindings } from "./lib/env";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, _env: Bindings, _ctx: ExecutionContext) {
    // Snapshot recomputation is wired in by the network analytics jobs (worker/jobs/).
  },
} satisfies ExportedHandler<Bindings>;
