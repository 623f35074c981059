/**
 * Tokens (admin only): create (secret shown once, stored hashed), list, revoke (revoked → 401);
 * /me tells the caller's role and regions.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, detailPaths, expectError, expectRejectedWithoutChange, rows, tokenFor } from "./api";

async function sha256Hex(s: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("tokens", () => {
  it("creates a coordinator token: secret once, stored only as its SHA-256 hash", async () => {
    const res = await call("/api/v1/tokens", { body: { name: "Freiwilligenagentur Essen", role: "coordinator", regions: ["05113", "05113"] } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ name: "Freiwilligenagentur Essen", role: "coordinator", regions: ["05113"], lastUsedAt: null, revokedAt: null });
    expect(res.json.token).toMatch(/^ka_[A-Za-z0-9_-]{40,}$/);
    const [stored] = await rows<{ token_hash: string; role: string }>("SELECT token_hash, role FROM api_tokens WHERE id = ?", res.json.id);
    expect(stored.token_hash).toBe(await sha256Hex(res.json.token));
    expect(JSON.stringify(await rows("SELECT * FROM api_tokens"))).not.toContain(res.json.token);
    expect(JSON.stringify(await rows("SELECT * FROM audit_log"))).not.toContain(res.json.token);

    const list = await call("/api/v1/tokens");
    expect(list.status).toBe(200);
    const listed = list.json.data.find((t: any) => t.id === res.json.id);
    const { token: _secret, ...withoutSecret } = res.json;
    expect(listed).toEqual(withoutSecret);
    expect(list.text).not.toContain(res.json.token);
    expect(list.text).not.toContain(stored.token_hash);
  });

  it("each role's token works and /me reports it", async () => {
    const coordinator = await call("/api/v1/tokens", { body: { name: "NRW", role: "coordinator", regions: ["05", "NL-ARN"] } });
    const me = await call("/api/v1/me", { token: coordinator.json.token });
    expect(me.status, me.text).toBe(200);
    expect(me.json).toEqual({ role: "coordinator", tokenId: coordinator.json.id, regions: expect.arrayContaining(["05", "NL-ARN"]) });
    expect(me.json.regions).toHaveLength(2);

    const funder = await call("/api/v1/tokens", { body: { name: "Stiftung", role: "funder" } });
    expect((await call("/api/v1/me", { token: funder.json.token })).json).toEqual({ role: "funder", tokenId: funder.json.id, regions: [] });

    const admin = await call("/api/v1/tokens", { body: { name: "Zweiter Admin", role: "admin" } });
    expect((await call("/api/v1/me", { token: admin.json.token })).json).toEqual({ role: "admin", tokenId: admin.json.id, regions: [] });
    // an admin token may manage tokens itself
    expect((await call("/api/v1/tokens", { token: admin.json.token })).status).toBe(200);

    expect((await call("/api/v1/me")).json).toEqual({ role: "admin", tokenId: null, regions: [] });
    expect((await call("/api/v1/me", { token: null })).json).toEqual({ role: "anonymous", tokenId: null, regions: [] });
  });

  it("revokes: the token is refused with 401 from then on; revoking twice → 404", async () => {
    const created = await call("/api/v1/tokens", { body: { name: "Kurzzeit", role: "coordinator", regions: ["16053"] } });
    const secret = created.json.token;
    expect((await call("/api/v1/me", { token: secret })).status).toBe(200);
    expect((await call("/api/v1/organisations", { token: secret, body: { name: "Vorher", kind: "company", regionCode: "16053" } })).status).toBe(201);

    const revoke = await call(`/api/v1/tokens/${created.json.id}`, { method: "DELETE" });
    expect(revoke.status, revoke.text).toBe(204);
    expectError(await call("/api/v1/me", { token: secret }), 401, "unauthorized");
    expectError(await call("/api/v1/regions", { token: secret }), 401, "unauthorized");
    await expectRejectedWithoutChange(
      () => call("/api/v1/organisations", { token: secret, body: { name: "Nachher", kind: "company", regionCode: "16053" } }),
      401,
      "unauthorized",
    );
    const listed = (await call("/api/v1/tokens")).json.data.find((t: any) => t.id === created.json.id);
    expect(listed.revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expectRejectedWithoutChange(() => call(`/api/v1/tokens/${created.json.id}`, { method: "DELETE" }), 404, "not_found");
    await expectRejectedWithoutChange(() => call("/api/v1/tokens/999999", { method: "DELETE" }), 404, "not_found");
  });

  it("records when a token was last used", async () => {
    const created = await call("/api/v1/tokens", { body: { name: "Nutzung", role: "funder" } });
    expect(created.json.lastUsedAt).toBeNull();
    const start = new Date().toISOString();
    expect((await call("/api/v1/me", { token: created.json.token })).status).toBe(200);
    const listed = (await call("/api/v1/tokens")).json.data.find((t: any) => t.id === created.json.id);
    expect(listed.lastUsedAt, "lastUsedAt is never set").not.toBeNull();
    expect(listed.lastUsedAt >= start.slice(0, 16)).toBe(true);
  });

  it("records the last use again only after an hour", async () => {
    const created = await call("/api/v1/tokens", { body: { name: "Stündlich", role: "funder" } });
    const lastUsed = async () => (await rows<{ t: string | null }>("SELECT last_used_at AS t FROM api_tokens WHERE id = ?", created.json.id))[0].t;
    const recent = new Date(Date.now() - 10 * 60_000).toISOString();
    await env.DB.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").bind(recent, created.json.id).run();
    expect((await call("/api/v1/me", { token: created.json.token })).status).toBe(200);
    expect(await lastUsed(), "a use within the hour is not written again").toBe(recent);
    const old = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await env.DB.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").bind(old, created.json.id).run();
    const before = new Date().toISOString();
    expect((await call("/api/v1/me", { token: created.json.token })).status).toBe(200);
    expect((await lastUsed())! >= before, "a use after an hour is recorded").toBe(true);
  });

  it("validates token bodies", async () => {
    const noRegion = await expectRejectedWithoutChange(() => call("/api/v1/tokens", { body: { name: "x", role: "coordinator" } }), 422, "validation_failed");
    expect(detailPaths(noRegion)).toEqual(["regions"]);
    const funderRegion = await expectRejectedWithoutChange(() => call("/api/v1/tokens", { body: { name: "x", role: "funder", regions: ["05"] } }), 422, "validation_failed");
    expect(detailPaths(funderRegion)).toEqual(["regions"]);
    const role = await expectRejectedWithoutChange(() => call("/api/v1/tokens", { body: { name: "x", role: "superuser" } }), 422, "validation_failed");
    expect(detailPaths(role)).toEqual(["role"]);
    const name = await expectRejectedWithoutChange(() => call("/api/v1/tokens", { body: { role: "funder" } }), 422, "validation_failed");
    expect(detailPaths(name)).toEqual(["name"]);
    const unknown = await expectRejectedWithoutChange(
      () => call("/api/v1/tokens", { body: { name: "x", role: "coordinator", regions: ["05113", "99999"] } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(unknown)).toEqual(["regions[1]"]);
  });

  it("only admins manage tokens", async () => {
    const coordinator = await tokenFor("coordinator", ["05113"]);
    const funder = await tokenFor("funder");
    const victim = await call("/api/v1/tokens", { body: { name: "Ziel", role: "funder" } });
    for (const [token, status, code] of [
      [coordinator, 403, "forbidden"],
      [funder, 403, "forbidden"],
      [null, 401, "unauthorized"],
    ] as const) {
      expectError(await call("/api/v1/tokens", { token }), status, code);
      await expectRejectedWithoutChange(() => call("/api/v1/tokens", { token, body: { name: "Eskalation", role: "admin" } }), status, code);
      await expectRejectedWithoutChange(() => call(`/api/v1/tokens/${victim.json.id}`, { token, method: "DELETE" }), status, code);
    }
    expect((await call("/api/v1/me", { token: victim.json.token })).status).toBe(200);
  });
});
