/**
 * Public links as capabilities (worker/links/capability.ts): stored hashed, one purpose, expiring,
 * revocable, single use guarded against races; every failure is the same 404.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashToken } from "../../worker/lib/auth";
import { ApiError } from "../../worker/lib/errors";
import { issueLink, markLinkUsed, resolveLink, revokeLinks } from "../../worker/links/capability";

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof ApiError) return e.status;
    throw e;
  }
}

describe("capability links", () => {
  it("stores only the hash; resolves for its purpose only", async () => {
    const link = await issueLink(env.DB, "follow_up", 41);
    await link.statement.run();
    const stored = await env.DB.prepare("SELECT key_hash FROM capability_links WHERE subject_id = 41").all<{ key_hash: string }>();
    expect(stored.results.map((r) => r.key_hash)).toEqual([await hashToken(link.secret)]);
    expect(JSON.stringify(stored.results)).not.toContain(link.secret);
    expect((await resolveLink(env.DB, "follow_up", link.secret)).subjectId).toBe(41);
    expect(await statusOf(resolveLink(env.DB, "registration_edit", link.secret))).toBe(404);
    expect(await statusOf(resolveLink(env.DB, "follow_up", link.secret.slice(0, -1) + (link.secret.endsWith("A") ? "B" : "A")))).toBe(404);
    expect(await statusOf(resolveLink(env.DB, "follow_up", "' OR 1=1 --"))).toBe(404);
  });

  it("takes every purpose of the action days, round tables and directory (migration 0010)", async () => {
    for (const purpose of ["project_edit", "team_edit", "action_day_results", "round_table_minutes", "directory_edit"] as const) {
      const link = await issueLink(env.DB, purpose, 4242);
      await link.statement.run();
      expect((await resolveLink(env.DB, purpose, link.secret)).subjectId).toBe(4242);
      expect(await statusOf(resolveLink(env.DB, "registration_edit", link.secret))).toBe(404);
    }
  });

  it("expires, is revoked, and answers once when single-use", async () => {
    const old = await issueLink(env.DB, "deal_sheet", 7, "2020-01-01T00:00:00.000Z");
    await old.statement.run();
    expect(await statusOf(resolveLink(env.DB, "deal_sheet", old.secret))).toBe(404);

    const live = await issueLink(env.DB, "deal_sheet", 7);
    await live.statement.run();
    expect(await statusOf(resolveLink(env.DB, "deal_sheet", live.secret))).toBe(200);
    await revokeLinks(env.DB, "deal_sheet", 7).run();
    expect(await statusOf(resolveLink(env.DB, "deal_sheet", live.secret))).toBe(404);

    const once = await issueLink(env.DB, "follow_up", 9);
    await once.statement.run();
    const resolved = await resolveLink(env.DB, "follow_up", once.secret, { singleUse: true });
    const [first, second] = await env.DB.batch([markLinkUsed(env.DB, resolved.id), markLinkUsed(env.DB, resolved.id)]);
    expect([first.meta.changes, second.meta.changes]).toEqual([1, 0]);
    expect(await statusOf(resolveLink(env.DB, "follow_up", once.secret, { singleUse: true }))).toBe(410);
  });
});

describe("answers to links are never cached", () => {
  // Link routes share one URL and differ only in the X-Link-Key header: a cached answer would be
  // shown for the next link opened in the same browser.
  it("every public link route answers with Cache-Control: no-store, errors included", async () => {
    const { SELF } = await import("cloudflare:test");
    const key = { "X-Link-Key": "kl_" + "A".repeat(43) };
    for (const [method, path, headers] of [
      ["GET", "/api/v1/public/follow-up", key],
      ["GET", "/api/v1/public/deal-sheet", key],
      ["GET", "/api/v1/public/registrations/1", key],
      ["GET", "/api/v1/public/registration/nosuchkey-nosuchkey", {}],
      ["GET", "/api/v1/public/follow-up", {}],
    ] as const) {
      const res = await SELF.fetch(`https://example.com${path}`, { method, headers });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Cache-Control"), `${method} ${path}`).toBe("no-store");
    }
  });
});
