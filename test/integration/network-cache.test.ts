/**
 * Network responses from the Cache API: the second request is served from the cache, a client
 * holding the current body gets 304, a write gives a new ETag, and a cached body never reaches a
 * caller it was not shaped for (anonymous callers, coordinators of other regions, other formats).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it, beforeAll } from "vitest";
import worker from "../../worker/index";
import { BOOKMARK_HEADER } from "../../worker/db/session";
import { forgetRecentSnapshots } from "../../worker/network/recent-snapshots";
import { ADMIN, call, makeOrganisation, tokenFor } from "./api";

// Darmstadt (06411) is used by no other test file.
const R = "06411";
const PATH = `/api/v1/regions/${R}/network?to=2025-12-31`;
let ids: Record<string, number>;

/** A cooperation through the API; returns the D1 bookmark its answer carries. */
async function coop(partners: number[], date: string) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds: partners, dateAgreed: date, status: "done", hours: 4, volunteers: 1, valueEur: 100, contributionTypes: ["time"] } });
  if (res.status !== 201) throw new Error(res.text);
  return res.headers.get(BOOKMARK_HEADER)!;
}

/**
 * A network read with the isolate's reuse of just-read snapshots on (as wrangler.toml has it; the
 * test configuration turns it off), waiting for what the response stores after it is sent.
 */
async function withReuse(path: string, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${ADMIN}`, ...headers } }), { ...env, SNAPSHOT_REUSE_MS: "60000" }, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, text, headers: res.headers };
}

/** What a write through another isolate does to the region: its revision moves on. */
async function bumpElsewhere() {
  await env.DB.prepare("UPDATE region_revisions SET revision = revision + 1 WHERE region_code = ?").bind(R).run();
}

/** The network as `token` sees it, after the previous request's body has reached the cache. */
async function get(path: string, token?: string | null, headers: Record<string, string> = {}) {
  return call(path, { token, headers });
}

/** Asks until the cache answers (the store runs after the response, in waitUntil). */
async function cachedHit(path: string, token?: string | null) {
  for (let i = 0; i < 40; i++) {
    const res = await get(path, token);
    if (res.headers.get("X-Network-Cache") === "hit") return res;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${path}: never served from the cache`);
}

beforeAll(async () => {
  ids = {
    A: await makeOrganisation({ name: "Merck Test KGaA", kind: "company", regionCode: R, isPublic: true }),
    B: await makeOrganisation({ name: "Verborgene Stiftung Darmstadt", kind: "nonprofit", regionCode: R, isPublic: false }),
    C: await makeOrganisation({ name: "Heimlicher Verein Darmstadt", kind: "nonprofit", regionCode: R, isPublic: false }),
    // Without partners until the isolated-list test gives it one.
    D: await makeOrganisation({ name: "Stille Initiative Darmstadt", kind: "nonprofit", regionCode: R, isPublic: false }),
  };
  await coop([ids.A, ids.B], "2025-03-01");
  await coop([ids.A, ids.C], "2025-04-01");
});

describe("network responses from the cache", () => {
  it("shapes the first request, serves the next from the cache with the same body and ETag, 304 for the current ETag", async () => {
    const first = await get(PATH);
    expect(first.status).toBe(200);
    expect(first.headers.get("X-Network-Cache")).toBe("miss");
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"n[0-9a-f]{32}"$/);
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");

    const second = await cachedHit(PATH);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("ETag")).toBe(etag);
    expect(second.headers.get("Content-Type")).toBe(first.headers.get("Content-Type"));
    expect(second.headers.get("X-Revision")).toBe(first.headers.get("X-Revision"));

    const revalidated = await get(PATH, undefined, { "If-None-Match": etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe("");
    expect(revalidated.headers.get("ETag")).toBe(etag);
    // A list of tags, and the weak form, name it too; another tag does not.
    expect((await get(PATH, undefined, { "If-None-Match": `"other", W/${etag}` })).status).toBe(304);
    expect((await get(PATH, undefined, { "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("gives a new ETag and the new tie after a write in the region; the old ETag gets the whole body", async () => {
    const before = await cachedHit(PATH);
    const oldEtag = before.headers.get("ETag")!;
    await coop([ids.B, ids.C], "2025-05-01");
    const after = await get(PATH, undefined, { "If-None-Match": oldEtag });
    expect(after.status).toBe(200);
    expect(after.headers.get("X-Network-Cache")).toBe("miss");
    expect(after.headers.get("ETag")).not.toBe(oldEtag);
    expect(Number(after.headers.get("X-Revision"))).toBeGreaterThan(Number(before.headers.get("X-Revision")));
    const pairs = (after.json.edges as { source: number; target: number }[]).map((e) => [e.source, e.target].sort((x, y) => x - y).join("-"));
    expect(pairs).toContain([ids.B, ids.C].sort((x, y) => x - y).join("-"));
    expect(before.json.edges).toHaveLength(2);
  });

  it("never serves a cached body to a caller it was not shaped for", async () => {
    const own = await tokenFor("coordinator", [R]);
    const other = await tokenFor("coordinator", ["05113"]);
    const funder = await tokenFor("funder");
    const hidden = "Verborgene Stiftung Darmstadt";

    // The region's coordinator sees its non-public names; its body is cached.
    const mine = await get(PATH, own);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(hidden);
    const mineCached = await cachedHit(PATH, own);
    const etag = mineCached.headers.get("ETag")!;

    // Anonymous: 401, with or without the coordinator's ETag, and no body of it.
    for (const headers of [{}, { "If-None-Match": etag }] as Record<string, string>[]) {
      const anonymous = await get(PATH, null, headers);
      expect(anonymous.status).toBe(401);
      expect(anonymous.text).not.toContain(hidden);
      expect(anonymous.headers.get("ETag")).toBeNull();
    }

    // A coordinator of another region: its own entry, names masked; the first coordinator's ETag is not its own.
    const theirs = await get(PATH, other, { "If-None-Match": etag });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("X-Network-Cache")).toBe("miss");
    expect(theirs.headers.get("ETag")).not.toBe(etag);
    expect(theirs.text).not.toContain(hidden);
    expect(theirs.text).toContain(`(nicht öffentlich #${ids.B})`);
    const theirsCached = await cachedHit(PATH, other);
    expect(theirsCached.text).toBe(theirs.text);

    // Funders and admins are audiences of their own too.
    const funderFirst = await get(PATH, funder);
    expect(funderFirst.headers.get("ETag")).not.toBe(etag);
    expect(funderFirst.text).toContain(hidden);

    // Another format is another entry.
    const gexf = await get(`${PATH}&format=gexf`, own);
    expect(gexf.status).toBe(200);
    expect(gexf.headers.get("X-Network-Cache")).toBe("miss");
    expect(gexf.headers.get("Content-Type")).toContain("gexf");
    expect(gexf.headers.get("ETag")).not.toBe(etag);
  });

  it("with snapshot reuse on, the client that wrote reads its write at once (its bookmark), not the body cached before it", async () => {
    forgetRecentSnapshots();
    const path = `${PATH}&eventTies=true`;
    const before = await withReuse(path);
    expect(before.status).toBe(200);
    expect((await withReuse(path)).headers.get("X-Network-Cache")).toBe("hit");
    const bookmark = await coop([ids.A, ids.B], "2025-06-01");
    const writer = await withReuse(path, { [BOOKMARK_HEADER]: bookmark, "If-None-Match": before.headers.get("ETag")! });
    expect(writer.status).toBe(200);
    expect(writer.headers.get("X-Network-Cache")).toBe("miss");
    expect(writer.headers.get("ETag")).not.toBe(before.headers.get("ETag"));
    expect(Number(writer.headers.get("X-Revision"))).toBeGreaterThan(Number(before.headers.get("X-Revision")));
    const weight = (text: string) => (JSON.parse(text).edges as { source: number; target: number; weight: number }[]).find((e) => [e.source, e.target].includes(ids.A) && [e.source, e.target].includes(ids.B))!.weight;
    expect(weight(writer.text)).toBe(weight(before.text) + 1);
  });

  it("with snapshot reuse on, a body shaped on a miss comes from the snapshot D1 holds, not the one the isolate reused", async () => {
    forgetRecentSnapshots();
    const reused = await withReuse(PATH);
    expect(reused.status).toBe(200);
    await bumpElsewhere();
    // Another format is not cached yet: shaped now, from the snapshot recomputed for the new revision.
    const csv = await withReuse(`${PATH}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("X-Network-Cache")).toBe("miss");
    expect(Number(csv.headers.get("X-Revision"))).toBe(Number(reused.headers.get("X-Revision")) + 1);
    // Within the reuse window the cached JSON body is still served: the writer was another isolate.
    expect((await withReuse(PATH)).headers.get("ETag")).toBe(reused.headers.get("ETag"));
  });

  it("caches each page of the isolated list per audience; a write in the region gives the next read a fresh page", async () => {
    const own = await tokenFor("coordinator", [R]);
    const other = await tokenFor("coordinator", ["05113"]);
    const hidden = "Stille Initiative Darmstadt";
    const LIST = `/api/v1/regions/${R}/isolated?to=2025-12-31&status=isolated`;
    const first = await get(LIST, own);
    expect(first.status).toBe(200);
    expect(first.headers.get("X-Network-Cache")).toBe("miss");
    expect(first.json.organisations.map((o: { name: string }) => o.name)).toEqual([hidden]);
    const hit = await cachedHit(LIST, own);
    expect(hit.text).toBe(first.text);
    expect((await get(LIST, own, { "If-None-Match": first.headers.get("ETag")! })).status).toBe(304);

    // Another page, another format, another audience: each its own body.
    const page = await get(`${LIST}&limit=1`, own);
    expect(page.headers.get("ETag")).not.toBe(first.headers.get("ETag"));
    const csv = await get(`${LIST}&format=csv`, own);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.text).toContain(hidden);
    const theirs = await get(LIST, other, { "If-None-Match": first.headers.get("ETag")! });
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toContain(hidden);
    expect(theirs.text).toContain(`(nicht öffentlich #${ids.D})`);
    // The network's own body is not the list's.
    expect((await get(PATH, own)).headers.get("ETag")).not.toBe(first.headers.get("ETag"));

    await coop([ids.A, ids.D], "2025-07-01");
    const after = await get(LIST, own, { "If-None-Match": first.headers.get("ETag")! });
    expect(after.status).toBe(200);
    expect(after.headers.get("X-Network-Cache")).toBe("miss");
    expect(after.json.organisations).toEqual([]);
  });
});
