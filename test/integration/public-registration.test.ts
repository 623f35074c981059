/**
 * Registration by link (docs/marketplace.md, "Registration by link"): the public page, a
 * registration with needs or offers, the edit link — and every limit and bad input of these
 * public routes answering a clear error with nothing written: another registrant's entry or item
 * (404), expired, withdrawn or missing links (404), oversize text and too many items (422), money
 * against the house rule, contact data without consent, closed/not yet open/full (409), flooding
 * from one address (429), the honeypot (a success to the bot, nothing stored).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { REGISTRATION_LIMITS } from "../../worker/lib/limits";
import { call, expectError, makeMarketplace, rows, uid } from "./api";

const MARKETPLACE_TABLES = ["registrations", "registration_items", "capability_links", "audit_log", "organisations", "event_participants"];

async function state() {
  const out: Record<string, unknown[]> = {};
  for (const t of MARKETPLACE_TABLES) out[t] = await rows(`SELECT * FROM ${t} ORDER BY 1, 2`);
  return JSON.stringify(out);
}

/** Runs a request that must fail with `status`/`code` and leave every marketplace table as it was. */
async function refused(request: () => ReturnType<typeof call>, status: number, code: string) {
  const before = await state();
  const err = expectError(await request(), status, code);
  expect(await state()).toBe(before);
  return err;
}

const item = (fields: Record<string, unknown> = {}) => ({ contributionType: "time", description: "Zwei Leute für den Umzug der Kleiderkammer", hours: 6, wantedWhen: "Frühjahr 2027", tags: ["soziales"], ...fields });

function register(key: string, body: Record<string, unknown> = {}, ip = uid("ip")) {
  return call(`/api/v1/public/registration/${key}`, {
    token: null,
    headers: { "CF-Connecting-IP": ip },
    body: { side: "nonprofit", orgName: uid("Kleiderkammer Altenessen e.V."), postcode: "45326", items: [item()], ...body },
  });
}

const own = (id: number, key: string | null, opts: { method?: string; body?: unknown; ip?: string } = {}) =>
  call(`/api/v1/public/registrations/${id}`, { token: null, method: opts.method, body: opts.body, headers: { ...(key ? { "X-Link-Key": key } : {}), "CF-Connecting-IP": opts.ip ?? uid("ip") } });

describe("the registration page", () => {
  it("shows the event, the consent text and the types offered; money only where allowed", async () => {
    const m = await makeMarketplace({ hallOpens: "16:00", hallCloses: "18:00" });
    const page = await call(`/api/v1/public/registration/${m.registrationKey}`, { token: null });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ title: m.title, place: "Rathaus Essen", hallOpens: "16:00", registrationState: "open", registrationCloses: m.date, turnstileSiteKey: null });
    expect(page.json.contributionTypes).not.toContain("money");
    expect(page.json.consentText.de).toContain("Einwilligung");
    const withMoney = await makeMarketplace({ moneyAllowed: true });
    expect((await call(`/api/v1/public/registration/${withMoney.registrationKey}`, { token: null })).json.contributionTypes).toContain("money");
    expectError(await call(`/api/v1/public/registration/mk_${"x".repeat(32)}`, { token: null }), 404, "not_found");
    // It tells nothing about who registered.
    expect(JSON.stringify(page.json)).not.toMatch(/registrations|pending|approved/);
  });
});

describe("registering", () => {
  it("stores the registration with its items, the consent text with the contact, and answers the edit link once", async () => {
    const m = await makeMarketplace();
    const res = await register(m.registrationKey, { contactName: "Jörg Weiß", contactEmail: "joerg@example.org", consent: true, locale: "de", items: [item(), item({ contributionType: "transport", description: "Transporter für einen Samstag", hours: null })] });
    expect(res.status).toBe(201);
    expect(res.json.editKey).toMatch(/^kl_/);
    expect(res.json.editPath).toBe(`/register/edit/${res.json.id}#${res.json.editKey}`);
    const [stored] = await rows<any>("SELECT status, contact_name, consent_text, consent_at FROM registrations WHERE id = ?", res.json.id);
    expect(stored).toMatchObject({ status: "pending", contact_name: "Jörg Weiß" });
    expect(stored.consent_text).toContain("einverstanden");
    expect(stored.consent_at).toBeTruthy();
    expect(JSON.stringify(await rows("SELECT * FROM capability_links"))).not.toContain(res.json.editKey);
    const mine = await own(res.json.id, res.json.editKey);
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((i: any) => [i.kind, i.contributionType])).toEqual([["need", "time"], ["need", "transport"]]);
    expect(mine.json.items[0]).toMatchObject({ hours: 6, wantedWhen: "Frühjahr 2027", tags: ["soziales"] });
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const m = await makeMarketplace();
    const k = m.registrationKey;
    const tooLong = await refused(() => register(k, { items: [item({ description: "x".repeat(REGISTRATION_LIMITS.maxDescription + 1) })] }), 422, "validation_failed");
    expect(tooLong.details?.map((d) => d.path)).toContain("items[0].description");
    const tooMany = await refused(() => register(k, { items: Array.from({ length: REGISTRATION_LIMITS.maxItems + 1 }, () => item()) }), 422, "validation_failed");
    expect(tooMany.details?.map((d) => d.path)).toContain("items");
    await refused(() => register(k, { items: [] }), 422, "validation_failed");
    await refused(() => register(k, { orgName: "x".repeat(301) }), 422, "validation_failed");
    await refused(() => register(k, { orgName: "Verein\u0000" }), 422, "validation_failed");
    await refused(() => register(k, { items: [item({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })] }), 422, "validation_failed");
    await refused(() => register(k, { items: [item({ hours: -1 })] }), 422, "validation_failed");
    await refused(() => register(k, { isPublic: true }), 422, "validation_failed");
    const money = await refused(() => register(k, { items: [item({ contributionType: "money" })] }), 422, "validation_failed");
    expect(money.details?.map((d) => d.path)).toEqual(["items[0].contributionType"]);
    const consent = await refused(() => register(k, { contactEmail: "a@example.org" }), 422, "validation_failed");
    expect(consent.details?.map((d) => d.path)).toEqual(["consent"]);
    await refused(() => register(k, { contactEmail: "a@example.org", consent: false }), 422, "validation_failed");
    await refused(() => register(k, { items: [item({ id: 5 })] }), 422, "validation_failed");
    await refused(() => call(`/api/v1/public/registration/${k}`, { token: null, rawBody: "side=nonprofit", contentType: "application/x-www-form-urlencoded" }), 415, "unsupported_media_type");
    await refused(() => call(`/api/v1/public/registration/${k}`, { token: null, rawBody: "{", contentType: "application/json" }), 400, "malformed_json");
    await refused(() => register(k, { items: [item({ description: "x".repeat(300 * 1024) })] }), 413, "payload_too_large");
    await refused(() => register(`mk_${"y".repeat(32)}`), 404, "not_found");
  });

  it("takes registrations only in its window and while places are left", async () => {
    const later = await makeMarketplace({ registrationOpens: "2099-01-01" });
    await refused(() => register(later.registrationKey), 409, "conflict");
    const past = await makeMarketplace({ date: "2020-05-01" });
    expect(past.registrationState).toBe("closed");
    await refused(() => register(past.registrationKey), 409, "conflict");
    const small = await makeMarketplace({ capacity: 2 });
    expect((await register(small.registrationKey)).status).toBe(201);
    expect((await register(small.registrationKey)).status).toBe(201);
    const full = await refused(() => register(small.registrationKey), 409, "conflict");
    expect(full.message).toContain("full");
    expect((await call(`/api/v1/marketplaces/${small.eventId}`)).json.registrationState).toBe("full");
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const m = await makeMarketplace();
    const before = await state();
    const res = await register(m.registrationKey, { website: "http://spam.example" });
    expect(res.status).toBe(201);
    expect(res.json.editKey).toMatch(/^kl_/);
    expect(await state()).toBe(before);
    expectError(await own(res.json.id, res.json.editKey), 422, "validation_failed");
  });

  it("slows a flood from one address to 429, and others still register", async () => {
    const m = await makeMarketplace();
    const ip = uid("flood");
    for (let i = 0; i < REGISTRATION_LIMITS.perAddressPerHour; i++) expect((await register(m.registrationKey, {}, ip)).status).toBe(201);
    const err = await refused(() => register(m.registrationKey, {}, ip), 429, "rate_limited");
    expect(err.message).toMatch(/try again/);
    expect((await register(m.registrationKey, {}, uid("other"))).status).toBe(201);
  });
});

describe("the edit link", () => {
  it("opens its own entry only: another registrant's entry or item is 404, nothing changed", async () => {
    const m = await makeMarketplace();
    const a = (await register(m.registrationKey)).json;
    const b = (await register(m.registrationKey)).json;
    await refused(() => own(b.id, a.editKey), 404, "not_found");
    await refused(() => own(b.id, a.editKey, { method: "PUT", body: { side: "nonprofit", orgName: "Übernommen", items: [item()] } }), 404, "not_found");
    await refused(() => own(b.id, a.editKey, { method: "DELETE" }), 404, "not_found");
    const [bItem] = await rows<{ id: number }>("SELECT id FROM registration_items WHERE registration_id = ?", b.id);
    await refused(() => own(a.id, a.editKey, { method: "PUT", body: { side: "nonprofit", orgName: "A", items: [item({ id: bItem.id, description: "gekapert" })] } }), 404, "not_found");
    await refused(() => own(a.id, null), 404, "not_found");
    await refused(() => own(a.id, "kl_nonsense"), 404, "not_found");
    await refused(() => own(a.id, b.editKey.slice(0, -2) + (b.editKey.endsWith("AA") ? "BB" : "AA")), 404, "not_found");
    // A registration link is no deal-sheet or follow-up link, nor the other way round: purpose is part of the key.
    expect((await own(a.id, a.editKey)).status).toBe(200);
  });

  it("registers in Dutch: the Dutch consent text is stored with the contact, and the language with the registration", async () => {
    const m = await makeMarketplace();
    const page = await call(`/api/v1/public/registration/${m.registrationKey}`, { token: null });
    expect(page.json.consentText.nl).toContain("Ik ga ermee akkoord");
    const res = await register(m.registrationKey, { contactName: "Anouk de Vries", contactEmail: "anouk@example.nl", consent: true, locale: "nl" });
    expect(res.status).toBe(201);
    const [stored] = await rows<any>("SELECT consent_text, locale FROM registrations WHERE id = ?", res.json.id);
    expect(stored).toEqual({ consent_text: page.json.consentText.nl, locale: "nl" });
    expect((await own(res.json.id, res.json.editKey)).json.locale).toBe("nl");
  });

  it("changes the entry: kept items keep their id, new ones are added, missing ones removed", async () => {
    const m = await makeMarketplace();
    const r = (await register(m.registrationKey, { items: [item(), item({ contributionType: "know_how", description: "Beratung zur Buchhaltung" })] })).json;
    const [first, second] = (await own(r.id, r.editKey)).json.items;
    const res = await own(r.id, r.editKey, {
      method: "PUT",
      body: { side: "nonprofit", orgName: "Kleiderkammer Altenessen", postcode: "45326", items: [item({ id: first.id, hours: 8 }), item({ contributionType: "goods", description: "Regale", hours: null })], contactName: "Ida Kühn", consent: true, locale: "en" },
    });
    expect(res.status).toBe(200);
    expect(res.json.items.map((i: any) => [i.contributionType, i.hours])).toEqual([["time", 8], ["goods", null]]);
    expect(res.json.items[0].id).toBe(first.id);
    expect(res.json.items.map((i: any) => i.id)).not.toContain(second.id);
    const [stored] = await rows<any>("SELECT contact_name, consent_text, locale FROM registrations WHERE id = ?", r.id);
    expect(stored).toMatchObject({ contact_name: "Ida Kühn", locale: "en" });
    expect(stored.consent_text).toContain("I agree");
    await refused(() => own(r.id, r.editKey, { method: "PUT", body: { side: "nonprofit", orgName: "X", items: [item({ description: "y".repeat(501) })] } }), 422, "validation_failed");
  });

  it("stops at an expired link, after registration closed (changes) and after withdrawal", async () => {
    const m = await makeMarketplace();
    const r = (await register(m.registrationKey, { contactName: "Lea", consent: true })).json;
    const s = (await register(m.registrationKey)).json;
    await env.DB.prepare("UPDATE capability_links SET expires_at = '2020-01-01T00:00:00.000Z' WHERE subject_id = ? AND purpose = 'registration_edit'").bind(s.id).run();
    await refused(() => own(s.id, s.editKey), 404, "not_found");
    await refused(() => own(s.id, s.editKey, { method: "DELETE" }), 404, "not_found");

    await env.DB.prepare("UPDATE marketplaces SET registration_closes = '2020-01-01' WHERE event_id = ?").bind(m.eventId).run();
    await refused(() => own(r.id, r.editKey, { method: "PUT", body: { side: "nonprofit", orgName: "Spät", items: [item()] } }), 409, "conflict");
    expect((await own(r.id, r.editKey, { method: "DELETE" })).status).toBe(204);
    const [gone] = await rows<any>("SELECT status, contact_name, consent_text FROM registrations WHERE id = ?", r.id);
    expect(gone).toEqual({ status: "withdrawn", contact_name: null, consent_text: null });
    await refused(() => own(r.id, r.editKey), 404, "not_found");
  });

  it("a withdrawn approved registration leaves the event's participants", async () => {
    const m = await makeMarketplace();
    const r = (await register(m.registrationKey)).json;
    expect((await call(`/api/v1/marketplaces/${m.eventId}/registrations/${r.id}/approve`, { body: {} })).status).toBe(200);
    expect(await rows("SELECT 1 FROM event_participants WHERE event_id = ?", m.eventId)).toHaveLength(1);
    expect((await own(r.id, r.editKey, { method: "DELETE" })).status).toBe(204);
    expect(await rows("SELECT 1 FROM event_participants WHERE event_id = ?", m.eventId)).toHaveLength(0);
  });
});
