/**
 * @module
 * Worker entry: HTTP requests go to the Hono app; the Cron Trigger sends a recomputation message
 * per stale snapshot (and schedules follow-ups); the queue consumers recompute them and record the dead letters.
 */
import { createApp } from "./app";
import { consumeRecomputeBatch, enqueueStale, RECOMPUTE_DEAD_LETTERS, recordDeadLetters } from "./jobs/recompute-queue";
import { recomputeStaleSnapshots } from "./jobs/recompute-stale";
import type { Bindings } from "./lib/env";
import { followUpCron } from "./marketplace/follow-up-cron";

const app = createApp();

// Only the default export: workerd takes every named export of this module for an entrypoint.
export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    const now = new Date(controller.scheduledTime);
    // Without a queue binding (a deployment that has none) the run recomputes within its own time budget.
    const work = env.RECOMPUTE_QUEUE
      ? enqueueStale(env.DB.withSession("first-primary"), env.RECOMPUTE_QUEUE, now).then((n) => console.log(`recompute: ${n} messages sent`))
      : recomputeStaleSnapshots(env.DB, 20_000, now).then((r) =>
          console.log(`snapshots recomputed: ${r.recomputed.length} (${r.recomputed.join(", ")}), remaining ${r.remaining}`),
        );
    ctx.waitUntil(work);
    ctx.waitUntil(followUpCron(env, now).then((r) => console.log(`follow-ups scheduled: ${r.created}, mailed: ${r.mailed?.sent ?? "no mail"}`)));
  },
  async queue(batch: MessageBatch<unknown>, env: Bindings) {
    if (batch.queue === RECOMPUTE_DEAD_LETTERS) await recordDeadLetters(batch, env);
    else await consumeRecomputeBatch(batch, env);
  },
} satisfies ExportedHandler<Bindings>;
