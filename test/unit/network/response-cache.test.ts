/**
 * Cached network bodies (worker/network/response-cache.ts) inside one isolate: readers asking for
 * the same new body at once wait for one shaping; a shaping that fails leaves nobody waiting.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "../../../worker/lib/auth";
import { cachedNetworkResponse, type CachedNetworkRequest } from "../../../worker/network/response-cache";
import type { Snapshot } from "../../../worker/network/snapshots";

const admin: Viewer = { role: "admin", tokenId: 1, actor: "token:1", scope: null };

/** A snapshot of a scope no other test uses (the cache is shared by the test run). */
function snapshotOf(scope: string): Snapshot {
  return { id: Math.floor(Math.random() * 1e9), regionCode: scope, window: { from: "2024-01-01", to: "2025-12-31" }, revision: 3, currentRevision: 3, stale: false, computedAt: "2026-01-01T00:00:00.000Z", computeMs: 1, summary: {} as Snapshot["summary"] };
}

/** Readers asking at once; `build` is what each shaping does. */
async function askAtOnce(readers: number, build: () => Promise<Response>) {
  const scope = `test-${crypto.randomUUID()}`;
  const snapshot = snapshotOf(scope);
  const stored: Promise<unknown>[] = [];
  const request = (): CachedNetworkRequest => ({
    viewer: admin,
    scope,
    snapshot,
    confirm: async () => snapshot,
    query: { format: "json" },
    ifNoneMatch: undefined,
    enabled: true,
    waitUntil: (p) => stored.push(p),
    build,
  });
  const answers = await Promise.allSettled(Array.from({ length: readers }, () => cachedNetworkResponse(request())));
  await Promise.all(stored);
  return answers;
}

describe("network bodies shaped once per isolate", () => {
  it("shapes a new body once for readers asking at the same time; every reader gets it", async () => {
    let shapings = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    setTimeout(() => release(), 30);
    const answers = await askAtOnce(6, async () => {
      shapings++;
      await gate; // the others arrive while this one is shaping
      return new Response(JSON.stringify({ nodes: [1, 2, 3] }), { headers: { "Content-Type": "application/json" } });
    });
    expect(shapings).toBe(1);
    const responses = answers.map((a) => (a.status === "fulfilled" ? a.value : null));
    expect(responses.every((r) => r?.status === 200)).toBe(true);
    const how = responses.map((r) => r!.headers.get("X-Network-Cache"));
    expect(how.filter((h) => h === "miss")).toHaveLength(1);
    expect(how.filter((h) => h === "hit")).toHaveLength(5);
    const bodies = await Promise.all(responses.map((r) => r!.text()));
    expect(new Set(bodies)).toEqual(new Set(['{"nodes":[1,2,3]}']));
    expect(new Set(responses.map((r) => r!.headers.get("ETag"))).size).toBe(1);
    expect(responses.every((r) => r!.headers.get("Content-Type") === "application/json")).toBe(true);
  });

  it("a shaping that fails leaves no reader waiting: each of them shapes on its own", async () => {
    let shapings = 0;
    const answers = await askAtOnce(3, async () => {
      shapings++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (shapings === 1) throw new Error("D1 went away");
      return new Response("body");
    });
    expect(answers[0].status).toBe("rejected");
    expect(answers.slice(1).every((a) => a.status === "fulfilled" && a.value.status === 200)).toBe(true);
    expect(shapings).toBeGreaterThanOrEqual(2);
  });
});
