/**
 * Cloudflare Turnstile on the registration page (docs/marketplace.md, "Registration by link"):
 * off without keys (the other suites register without it); with a site key and secret the page
 * names the site key, its policy admits Turnstile's script and frame on /register/* only, and a
 * registration needs an answer siteverify accepts — otherwise 403 and nothing written. The
 * worker runs here with the keys set; siteverify is answered by a stand-in for Cloudflare.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../worker/app";
import { call, expectError, makeMarketplace, rows, uid } from "./api";

const KEYS = { TURNSTILE_SITE_KEY: "0x4AAAAAAAtest-site-key", TURNSTILE_SECRET: "0x4AAAAAAAtest-secret" };
const app = createApp();

async function withKeys(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://localhost${path}`, init), { ...env, ...KEYS }, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text.startsWith("{") ? text : "null") : null };
}

const registration = (extra: Record<string, unknown> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", "CF-Connecting-IP": uid("ip") },
  body: JSON.stringify({ side: "company", orgName: uid("Druckerei Schäfer"), items: [{ contributionType: "know_how", description: "Flyer gestalten" }], ...extra }),
});

/** Cloudflare's siteverify as a stand-in: accepts the token "good" for our secret, records what it was sent. */
function fakeSiteverify() {
  const seen: { secret: string | null; response: string | null }[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith("https://challenges.cloudflare.com/turnstile/v0/siteverify")) return realFetch(input, init);
    const form = init?.body as FormData;
    seen.push({ secret: form.get("secret") as string | null, response: form.get("response") as string | null });
    return Response.json({ success: form.get("secret") === KEYS.TURNSTILE_SECRET && form.get("response") === "good" });
  });
  return seen;
}

afterEach(() => vi.restoreAllMocks());

describe("Turnstile on the registration page", () => {
  it("is off without keys: no site key, a strict policy, registration without an answer", async () => {
    const m = await makeMarketplace();
    expect((await call(`/api/v1/public/registration/${m.registrationKey}`, { token: null })).json.turnstileSiteKey).toBeNull();
    const page = await call(`/register/${m.registrationKey}`, { token: null });
    expect(page.headers.get("Content-Security-Policy")).not.toContain("challenges.cloudflare.com");
  });

  it("with keys: the page names the site key and its policy admits Turnstile on /register/* only", async () => {
    const m = await makeMarketplace();
    expect((await withKeys(`/api/v1/public/registration/${m.registrationKey}`)).json.turnstileSiteKey).toBe(KEYS.TURNSTILE_SITE_KEY);
    const policy = (await withKeys(`/register/${m.registrationKey}`)).headers.get("Content-Security-Policy")!;
    expect(policy).toContain("script-src 'self' https://challenges.cloudflare.com");
    expect(policy).toContain("frame-src https://challenges.cloudflare.com");
    expect(policy).not.toContain("unsafe-inline");
    for (const other of ["/", "/marketplaces", "/api/v1/regions"]) expect((await withKeys(other)).headers.get("Content-Security-Policy")).not.toContain("challenges.cloudflare.com");
  });

  it("with keys: no answer or a refused one is 403 with nothing written; an accepted one registers", async () => {
    const m = await makeMarketplace();
    const seen = fakeSiteverify();
    const count = async () => (await rows<{ n: number }>("SELECT count(*) AS n FROM registrations WHERE event_id = ?", m.eventId))[0].n;
    expectError(await withKeys(`/api/v1/public/registration/${m.registrationKey}`, registration()) as never, 403, "forbidden");
    expectError(await withKeys(`/api/v1/public/registration/${m.registrationKey}`, registration({ turnstileToken: "bad" })) as never, 403, "forbidden");
    expect(await count()).toBe(0);
    const ok = await withKeys(`/api/v1/public/registration/${m.registrationKey}`, registration({ turnstileToken: "good" }));
    expect(ok.status).toBe(201);
    expect(await count()).toBe(1);
    expect(seen).toEqual([
      { secret: KEYS.TURNSTILE_SECRET, response: "bad" },
      { secret: KEYS.TURNSTILE_SECRET, response: "good" },
    ]);
  });
});
