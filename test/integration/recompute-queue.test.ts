/**
 * Recomputation through the queue (worker/jobs/recompute-queue.ts), with Miniflare's local queues:
 * one message per stale scope and window, the consumer's idempotence (older revision dropped,
 * redelivery harmless), states waiting for their districts, retry and the dead-letter queue.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { createDb } from "../../worker/db/client";
import { currentRevision } from "../../worker/db/revisions";
import { LARGE_WRITE_ROWS, MAX_WAITS, RECOMPUTE_DEAD_LETTERS, RECOMPUTE_QUEUE, recomputeFromMessage, staleMessages, WAIT_SECONDS, type RecomputeMessage } from "../../worker/jobs/recompute-queue";
import { keptWindows, SUGGESTIONS_SCOPE_LIMIT } from "../../worker/network/snapshots";
import { call, makeOrganisation } from "./api";

// Sachsen-Anhalt (15): Halle and Magdeburg, used by no other test file.
const HALLE = "15002";
const MAGDEBURG = "15003";
const db = () => createDb(env.DB);
const [DEFAULT] = keptWindows();

async function coop(partners: number[], date: string) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds: partners, dateAgreed: date, status: "done", hours: 3, contributionTypes: ["time"] } });
  if (res.status !== 201) throw new Error(res.text);
}

/** The stored default-window snapshot of a scope. */
const storedSnapshot = (scope: string) =>
  env.DB.prepare("SELECT id, revision, computed_at FROM metric_snapshots WHERE region_code = ? AND window_from = ? AND window_to = ?")
    .bind(scope, DEFAULT.from, DEFAULT.to)
    .first<{ id: number; revision: number; computed_at: string }>();

/** Polls until `check` holds (the queue delivers in the background), at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 200));
  }
}

const isCurrent = async (scope: string) => (await storedSnapshot(scope))?.revision === (await currentRevision(db(), scope));

let ids: number[] = [];

beforeAll(async () => {
  ids = [
    await makeOrganisation({ name: "Stadtwerke Halle Q GmbH", kind: "company", regionCode: HALLE, industry: "utilities" }),
    await makeOrganisation({ name: "Tafel Halle Q e.V.", kind: "nonprofit", regionCode: HALLE, field: "poverty" }),
    await makeOrganisation({ name: "Lotto Magdeburg Q GmbH", kind: "company", regionCode: MAGDEBURG, industry: "services" }),
    await makeOrganisation({ name: "Sportverein Magdeburg Q e.V.", kind: "nonprofit", regionCode: MAGDEBURG, field: "sports" }),
  ];
  const today = new Date().toISOString().slice(0, 10);
  await coop([ids[0], ids[1]], today);
  await coop([ids[2], ids[3]], today);
  await coop([ids[0], ids[3]], today);
});

describe("producer", () => {
  it("sends one message per stale scope and window, at the scope's current revision, districts first", async () => {
    // An older window of Halle, stored and then made stale, is sent as well; current snapshots are not.
    expect((await call(`/api/v1/regions/${HALLE}/metrics?to=2025-06-30`)).status).toBe(200);
    expect((await call(`/api/v1/regions/${MAGDEBURG}/metrics`)).status).toBe(200);
    await coop([ids[1], ids[2]], "2025-05-01");
    // The write touched Magdeburg too; reading it recomputes it on read (a small scope).
    expect((await call(`/api/v1/regions/${MAGDEBURG}/metrics`)).status).toBe(200);
    const messages = await staleMessages(db());
    const keys = messages.map((m) => `${m.scope} ${m.from} ${m.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([`${HALLE} ${DEFAULT.from} ${DEFAULT.to}`, `15 ${DEFAULT.from} ${DEFAULT.to}`, `DE ${DEFAULT.from} ${DEFAULT.to}`, `${HALLE} 2023-07-01 2025-06-30`]),
    );
    // Magdeburg's default-window snapshot was read after the write: current, so no message.
    expect(keys).not.toContain(`${MAGDEBURG} ${DEFAULT.from} ${DEFAULT.to}`);
    for (const m of messages) expect(m.revision).toBe(await currentRevision(db(), m.scope));
    const order = messages.map((m) => m.scope);
    expect(order.indexOf(HALLE)).toBeLessThan(order.indexOf("15"));
    expect(order.indexOf("15")).toBeLessThan(order.indexOf("DE"));
    // Scopes without organisations get none.
    expect(order).not.toContain("15001");
  });

  it("the Cron Trigger's messages bring every scope and stored window up to date through the local queue", async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/15 * * * *" }), env as never, ctx);
    await waitOnExecutionContext(ctx);
    await eventually(async () => (await staleMessages(db())).length === 0);
    for (const scope of [HALLE, MAGDEBURG, "15", "DE"]) expect(await isCurrent(scope)).toBe(true);
  });

  it(`a large write (bulk of ${LARGE_WRITE_ROWS} rows) sends its stale scopes without waiting for the Cron`, async () => {
    const records = Array.from({ length: LARGE_WRITE_ROWS }, (_, k) => ({ name: `Verein Halle Q ${k} e.V.`, kind: "nonprofit", regionCode: HALLE, field: "culture", externalRef: `q-${k}` }));
    const res = await call("/api/v1/organisations/bulk", { body: { records } });
    expect(res.status, res.text).toBe(200);
    expect(await isCurrent(HALLE)).toBe(false);
    await eventually(async () => (await isCurrent(HALLE)) && (await isCurrent("15")) && (await isCurrent("DE")));
  });
});

describe("consumer", () => {
  const deliver = async (body: unknown, attempts = 1) => {
    const id = crypto.randomUUID();
    const batch = createMessageBatch(RECOMPUTE_QUEUE, [{ id, timestamp: new Date(), attempts, body }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env as never);
    return { id, result: await getQueueResult(batch, ctx) };
  };
  const noResend = async () => {
    throw new Error("no resend expected");
  };

  it("drops a message for an older revision and does not recompute a current snapshot; a redelivery is harmless", async () => {
    await coop([ids[0], ids[2]], new Date().toISOString().slice(0, 10));
    const revision = await currentRevision(db(), HALLE);
    const message: RecomputeMessage = { scope: HALLE, from: DEFAULT.from, to: DEFAULT.to, revision };
    const before = await storedSnapshot(HALLE);
    expect(before!.revision).toBeLessThan(revision);

    // A message sent before the last write: dropped, the snapshot untouched.
    expect(await recomputeFromMessage(env.DB, { ...message, revision: revision - 1 }, noResend)).toBe("superseded");
    expect(await storedSnapshot(HALLE)).toEqual(before);

    // The current message recomputes; delivered again, it finds the snapshot current and leaves it.
    const first = await deliver(message);
    expect(first.result.explicitAcks).toEqual([first.id]);
    const after = await storedSnapshot(HALLE);
    expect(after!.revision).toBe(revision);
    const again = await deliver(message);
    expect(again.result.explicitAcks).toEqual([again.id]);
    expect(again.result.retryMessages).toEqual([]);
    expect(await storedSnapshot(HALLE)).toEqual(after);
    expect(await recomputeFromMessage(env.DB, message, noResend)).toBe("current");
  });

  it("acks malformed messages and unknown scopes without computing anything", async () => {
    for (const body of [null, "DE", { scope: "DE" }, { scope: "x y", from: DEFAULT.from, to: DEFAULT.to, revision: 1 }, { scope: "99999", from: DEFAULT.from, to: DEFAULT.to, revision: 1 }]) {
      const { id, result } = await deliver(body);
      expect(result.explicitAcks).toEqual([id]);
    }
    expect(await env.DB.prepare("SELECT count(*) AS n FROM metric_snapshots WHERE region_code = '99999'").first("n")).toBe(0);
  });

  it("a state above the suggestions limit waits (is sent again, delayed) while a district it copies suggestions from is stale", async () => {
    // Magdeburg grows past SUGGESTIONS_SCOPE_LIMIT: the state (15) then copies suggestions from its districts.
    const records = Array.from({ length: SUGGESTIONS_SCOPE_LIMIT + 1 }, (_, k) => ({ name: `Verein Magdeburg W ${k} e.V.`, kind: "nonprofit", regionCode: MAGDEBURG, field: "culture", externalRef: `w-${k}` }));
    expect((await call("/api/v1/organisations/bulk", { body: { records } })).status).toBe(200);
    // The large write's messages are handled in the background; wait until nothing is stale.
    await eventually(async () => (await staleMessages(db())).length === 0, 120_000);

    // A small write (no messages) makes Halle stale; the state's message waits for it.
    await coop([ids[0], ids[1]], new Date().toISOString().slice(0, 10));
    const revision = await currentRevision(db(), "15");
    const message: RecomputeMessage = { scope: "15", from: DEFAULT.from, to: DEFAULT.to, revision };
    const resent: Array<{ message: RecomputeMessage; delay: number }> = [];
    const resend = async (m: RecomputeMessage, delay: number) => void resent.push({ message: m, delay });
    const before = await storedSnapshot("15");
    expect(await recomputeFromMessage(env.DB, message, resend)).toBe("waiting");
    expect(resent).toEqual([{ message: { ...message, waits: 1 }, delay: WAIT_SECONDS }]);
    expect(await storedSnapshot("15")).toEqual(before);

    // After waiting MAX_WAITS times it computes with what is there; once its districts are current
    // (a write in the state moves every district's revision: suggestions read the whole state) it computes at once.
    expect(await recomputeFromMessage(env.DB, { ...message, waits: MAX_WAITS }, noResend)).toBe("recomputed");
    await coop([ids[0], ids[1]], new Date().toISOString().slice(0, 10));
    for (const district of [HALLE, MAGDEBURG]) expect((await call(`/api/v1/regions/${district}/metrics`)).status).toBe(200);
    expect(await recomputeFromMessage(env.DB, { ...message, revision: await currentRevision(db(), "15") }, noResend)).toBe("recomputed");
    expect(resent).toHaveLength(1);
  }, 180_000);

  it("retries a failing message with a delay, and after the last retry the dead-letter queue records it", async () => {
    await coop([ids[0], ids[1]], new Date().toISOString().slice(0, 10));
    const revision = await currentRevision(db(), HALLE);
    const message: RecomputeMessage = { scope: HALLE, from: DEFAULT.from, to: DEFAULT.to, revision };
    // Storing a snapshot fails while one of its tables is missing.
    await env.DB.exec("ALTER TABLE snapshot_partners RENAME TO snapshot_partners_away");
    try {
      const { id, result } = await deliver(message);
      expect(result.explicitAcks).toEqual([]);
      expect(result.retryMessages).toEqual([expect.objectContaining({ msgId: id })]);

      // Through the local queue: every attempt fails, then the dead-letter consumer records it.
      await env.RECOMPUTE_QUEUE.send(message);
      await eventually(async () => (await env.DB.prepare("SELECT count(*) AS n FROM recompute_failures WHERE scope = ? AND revision = ?").bind(HALLE, revision).first<number>("n"))! > 0, 45_000);
    } finally {
      await env.DB.exec("ALTER TABLE snapshot_partners_away RENAME TO snapshot_partners");
    }
    const failure = await env.DB.prepare("SELECT * FROM recompute_failures WHERE scope = ?").bind(HALLE).first<Record<string, unknown>>();
    expect(failure).toMatchObject({ window_from: DEFAULT.from, window_to: DEFAULT.to, revision });
    expect(JSON.parse(String(failure!.body))).toMatchObject(message);
    // Once the cause is gone, the same message computes.
    expect(await recomputeFromMessage(env.DB, message, noResend)).toBe("recomputed");
    expect(RECOMPUTE_DEAD_LETTERS).not.toBe(RECOMPUTE_QUEUE);
  }, 60_000);
});
