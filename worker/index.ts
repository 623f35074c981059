/**
 * @module
 * Worker entry: HTTP requests go to the Hono app; the Cron Trigger recomputes stale snapshots.
 */
import { createApp } from "./app";
import { recomputeStaleSnapshots } from "./jobs/recompute-stale";
import type { Bindings } from "./lib/env";
import { followUpCron } from "./marketplace/follow-up-cron";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    ctx.waitUntil(
      recomputeStaleSnapshots(env.DB, 20_000, new Date(controller.scheduledTime)).then((r) =>
        console.log(`snapshots recomputed: ${r.recomputed.length} (${r.recomputed.join(", ")}), remaining ${r.remaining}`),
      ),
    );
    ctx.waitUntil(followUpCron(env, new Date(controller.scheduledTime)).then((r) => console.log(`follow-ups scheduled: ${r.created}, mailed: ${r.mailed?.sent ?? "no mail"}`)));
  },
} satisfies ExportedHandler<Bindings>;
