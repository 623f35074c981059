/**
 * Reuse of just-read region figures inside an isolate (worker/network/recent-snapshots.ts): a
 * write (simulated by writing to D1 directly, or made through the API) shows after the reuse
 * window at the latest; to the client that wrote it shows at once, since that client sends its
 * D1 bookmark. The test configuration turns reuse off (SNAPSHOT_REUSE_MS "0"); these requests
 * turn it on as wrangler.toml does.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { forgetRecentSnapshots, reuseWindowMs } from "../../worker/network/recent-snapshots";
import { BOOKMARK_HEADER } from "../../worker/db/session";
import { ADMIN, call, makeOrganisation } from "./api";

// Region Hannover (03241) is used by no other test file.
const R = "03241";
let company: number;
let nonprofit: number;

/** A read through the worker with the given reuse window (and the client's D1 bookmark). */
async function metrics(reuseMs: string, bookmark?: string) {
  const ctx = createExecutionContext();
  const headers: Record<string, string> = { Authorization: `Bearer ${ADMIN}` };
  if (bookmark) headers[BOOKMARK_HEADER] = bookmark;
  const res = await worker.fetch(
    new Request(`http://localhost/api/v1/regions/${R}/metrics`, { headers }),
    { ...env, SNAPSHOT_REUSE_MS: reuseMs },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  expect(res.status).toBe(200);
  return (await res.json()) as { revision: number; currentRevision: number; stale: boolean; cooperations: { total: number } };
}

/** What a write through another isolate does to this region: its revision moves on. */
async function bumpElsewhere() {
  await env.DB.prepare("UPDATE region_revisions SET revision = revision + 1 WHERE region_code = ?").bind(R).run();
}

/** A write through the API; returns the bookmark its answer carries. */
async function cooperate() {
  const res = await call("/api/v1/cooperations", { body: { partnerIds: [company, nonprofit], dateAgreed: new Date().toISOString().slice(0, 10), status: "agreed" } });
  expect(res.status, res.text).toBe(201);
  return res.headers.get(BOOKMARK_HEADER)!;
}

beforeAll(async () => {
  company = await makeOrganisation({ kind: "company", regionCode: R });
  nonprofit = await makeOrganisation({ kind: "nonprofit", regionCode: R });
  await cooperate();
});

describe("snapshot reuse within an isolate", () => {
  it("serves the figures it has just read until the window ends, then asks D1 again", async () => {
    forgetRecentSnapshots();
    const first = await metrics("60000");
    expect(first.stale).toBe(false);
    await bumpElsewhere();
    const reused = await metrics("60000");
    expect(reused.revision, "reused within the window").toBe(first.revision);
    expect(reused.currentRevision).toBe(first.currentRevision);
    const asked = await metrics("0");
    expect(asked.currentRevision, "reuse off: D1 is asked").toBe(first.currentRevision + 1);
    expect(asked.revision, "the stale snapshot was recomputed").toBe(asked.currentRevision);

    await metrics("50");
    await bumpElsewhere();
    await new Promise((resolve) => setTimeout(resolve, 80));
    const later = await metrics("50");
    expect(later.currentRevision, "after the window the other isolate's write shows").toBe(asked.currentRevision + 1);
  });

  it("never serves reused figures to a client that sends the bookmark of its write; others get them within the window", async () => {
    forgetRecentSnapshots();
    const before = await metrics("60000");
    const bookmark = await cooperate();
    expect(bookmark).toBeTruthy();
    const other = await metrics("60000");
    expect(other.cooperations.total, "a client without a bookmark: reused within the window").toBe(before.cooperations.total);
    const writer = await metrics("60000", bookmark);
    expect(writer.cooperations.total, "the writer reads its own write").toBe(before.cooperations.total + 1);
    expect(writer.revision).toBeGreaterThan(before.revision);
    expect(writer.stale).toBe(false);
    // Not a bookmark: ignored, as if the client had none.
    expect((await metrics("60000", "not-a-bookmark")).cooperations.total).toBe(before.cooperations.total);
  });

  it("reads the window from SNAPSHOT_REUSE_MS, 1 s when it is missing or not a whole number", () => {
    expect(reuseWindowMs("250")).toBe(250);
    expect(reuseWindowMs("0")).toBe(0);
    for (const bad of [undefined, "", " ", "-5", "1.5", "abc"]) expect(reuseWindowMs(bad), String(bad)).toBe(1000);
    expect(reuseWindowMs("250", "00000001-00000002-00004e8f-0123456789abcdef0123456789abcdef"), "a request with a bookmark").toBe(0);
    expect(reuseWindowMs("250", "garbage")).toBe(250);
  });
});
