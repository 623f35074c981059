/**
 * The organiser's marketplace workspace (docs/marketplace.md, "The workspace"): create with
 * settings and moderators, read, list by scope, change, moderators; registrations with their
 * matched organisation, approve (as the candidate or as a new organisation) and reject — each
 * audited, approvals making the organisation an event participant and bumping revisions.
 */
import { describe, expect, it } from "vitest";
import { call, expectError, expectRejectedWithoutChange, makeMarketplace, makeOrganisation, rows, tokenFor, uid } from "./api";


async function register(key: string, body: Record<string, unknown>, ip = uid("ip")) {
  return call(`/api/v1/public/registration/${key}`, {
    token: null,
    headers: { "CF-Connecting-IP": ip },
    body: { side: "nonprofit", orgName: uid("Verein"), items: [{ contributionType: "time", description: "Hilfe beim Umzug" }], ...body },
  });
}

describe("marketplace workspace", () => {
  it("creates the event with its settings, moderators and a registration page", async () => {
    const m = await makeMarketplace({ hallOpens: "16:00", hallCloses: "18:00", capacity: 60, registrationCloses: "2099-06-01", followUpMonths: [6, 3], moderators: ["Anna Schmidt", "Ben Öztürk"] });
    expect(m).toMatchObject({ place: "Rathaus Essen", hallOpens: "16:00", capacity: 60, moneyAllowed: false, followUpMonths: [3, 6], registrationState: "open" });
    expect(m.moderators.map((x: any) => x.name)).toEqual(["Anna Schmidt", "Ben Öztürk"]);
    expect(m.registrationKey).toMatch(/^mk_[A-Za-z0-9_-]{32}$/);
    expect(m.registrationPath).toBe(`/register/${m.registrationKey}`);
    const [event] = await rows<any>("SELECT kind, title, region_code FROM events WHERE id = ?", m.eventId);
    expect(event).toMatchObject({ kind: "marketplace", region_code: "05113" });
    const audit = await rows<any>("SELECT action, entity FROM audit_log WHERE entity = 'marketplaces' AND entity_id = ?", String(m.eventId));
    expect(audit).toEqual([{ action: "create", entity: "marketplaces" }]);
    const got = await call(`/api/v1/marketplaces/${m.eventId}`);
    expect(got.json).toEqual(m);
  });

  it("changes settings and the event, keeps the window sane, and manages moderators", async () => {
    const m = await makeMarketplace();
    const res = await call(`/api/v1/marketplaces/${m.eventId}`, { method: "PATCH", body: { moneyAllowed: true, date: "2099-07-01", capacity: null, registrationOpens: "2099-05-01" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ moneyAllowed: true, date: "2099-07-01", capacity: null, registrationOpens: "2099-05-01", registrationState: "not_yet_open" });
    const bad = await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}`, { method: "PATCH", body: { registrationCloses: "2099-04-01" } }), 422, "validation_failed");
    expect(bad.details?.map((d) => d.path)).toContain("registrationCloses");
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}`, { method: "PATCH", body: { hallOpens: "25:00" } }), 422, "validation_failed");
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}`, { method: "PATCH", body: { followUpMonths: [3, 3] } }), 422, "validation_failed");

    const added = await call(`/api/v1/marketplaces/${m.eventId}/moderators`, { body: { name: "Carla Weiß" } });
    expect(added.status).toBe(201);
    expectError(await call(`/api/v1/marketplaces/${m.eventId}/moderators`, { body: { name: "Carla Weiß" } }), 409, "conflict");
    expect((await call(`/api/v1/marketplaces/${m.eventId}/moderators/${added.json.id}`, { method: "DELETE" })).status).toBe(204);
    expectError(await call(`/api/v1/marketplaces/${m.eventId}/moderators/${added.json.id}`, { method: "DELETE" }), 404, "not_found");
  });

  it("is organised by coordinators of the event's region only; others get 401/403/404", async () => {
    const essen = await tokenFor("coordinator", ["05113"]);
    const duisburg = await tokenFor("coordinator", ["05112"]);
    const funder = await tokenFor("funder");
    const mine = await makeMarketplace({}, essen);
    expectError(await call(`/api/v1/marketplaces/${mine.eventId}`, { token: duisburg }), 403, "forbidden");
    expectError(await call(`/api/v1/marketplaces/${mine.eventId}`, { token: funder }), 403, "forbidden");
    expectError(await call(`/api/v1/marketplaces/${mine.eventId}`, { token: null }), 401, "unauthorized");
    await expectRejectedWithoutChange(() => call("/api/v1/marketplaces", { token: duisburg, body: { title: "x", date: "2099-01-01", regionCode: "05113", place: "y" } }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${mine.eventId}`, { token: duisburg, method: "PATCH", body: { place: "Anderswo" } }), 403, "forbidden");
    expectError(await call("/api/v1/marketplaces/999999999"), 404, "not_found");
    // A plain event is no marketplace.
    const plain = await call("/api/v1/events", { body: { kind: "action_day", title: uid("Aktionstag"), date: "2099-01-01", regionCode: "05113" } });
    expectError(await call(`/api/v1/marketplaces/${plain.json.id}`), 404, "not_found");
    const listed = await call("/api/v1/marketplaces", { token: essen });
    expect(listed.json.data.map((x: any) => x.eventId)).toContain(mine.eventId);
    expect((await call("/api/v1/marketplaces", { token: duisburg })).json.data.map((x: any) => x.eventId)).not.toContain(mine.eventId);
  });

  it("lists registrations with the matched organisation; approving as it makes it a participant", async () => {
    const existing = await makeOrganisation({ name: "Tafel Essen-Süd e.V.", postcode: "45134" });
    const m = await makeMarketplace();
    const reg = await register(m.registrationKey, { orgName: "TAFEL ESSEN SUED", postcode: "45134", contactName: "Petra Müller", contactEmail: "petra@example.org", consent: true });
    expect(reg.status).toBe(201);
    const list = await call(`/api/v1/marketplaces/${m.eventId}/registrations`);
    const entry = list.json.data.find((r: any) => r.id === reg.json.id);
    expect(entry).toMatchObject({ status: "pending", candidate: { id: existing, name: "Tafel Essen-Süd e.V." }, organisation: null, contactName: "Petra Müller" });
    expect(entry.consentText).toContain("einverstanden");
    expect(entry.items).toEqual([expect.objectContaining({ kind: "need", contributionType: "time", description: "Hilfe beim Umzug" })]);

    const revBefore = await rows<any>("SELECT revision FROM region_revisions WHERE region_code = '05113'");
    const approved = await call(`/api/v1/marketplaces/${m.eventId}/registrations/${reg.json.id}/approve`, { body: { organisationId: existing } });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: "approved", organisation: { id: existing } });
    expect(await rows("SELECT organisation_id FROM event_participants WHERE event_id = ?", m.eventId)).toEqual([{ organisation_id: existing }]);
    const revAfter = await rows<any>("SELECT revision FROM region_revisions WHERE region_code = '05113'");
    expect(revAfter[0].revision).toBeGreaterThan(revBefore[0]?.revision ?? 0);
    expect(await rows("SELECT action FROM audit_log WHERE entity = 'registrations' AND entity_id = ? AND action = 'approve'", String(reg.json.id))).toHaveLength(1);
    expectError(await call(`/api/v1/marketplaces/${m.eventId}/registrations/${reg.json.id}/approve`, { body: {} }), 409, "conflict");
    expect((await call(`/api/v1/marketplaces/${m.eventId}`)).json.registrations).toMatchObject({ pending: 0, approved: 1 });
  });

  it("approves as a new organisation made from the registration, or rejects", async () => {
    const m = await makeMarketplace();
    const name = uid("Bäckerei Schulte GmbH");
    const reg = await register(m.registrationKey, { side: "company", orgName: name, postcode: "45127", industry: "bakery_food", items: [{ contributionType: "goods", description: "Brot für das Sommerfest", quantity: 40 }] });
    expect(reg.status).toBe(201);
    const approved = await call(`/api/v1/marketplaces/${m.eventId}/registrations/${reg.json.id}/approve`, { body: {} });
    expect(approved.status).toBe(200);
    const [org] = await rows<any>("SELECT id, name, kind, region_code, postcode, industry, is_public, source FROM organisations WHERE name = ?", name);
    expect(org).toMatchObject({ kind: "company", region_code: "05113", postcode: "45127", industry: "bakery_food", is_public: 0, source: "marketplace" });
    expect(approved.json.organisation.id).toBe(org.id);
    expect(await rows("SELECT 1 FROM event_participants WHERE event_id = ? AND organisation_id = ?", m.eventId, org.id)).toHaveLength(1);

    const other = await register(m.registrationKey, {});
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}/registrations/${other.json.id}/approve`, { body: { organisationId: 999999999 } }), 422, "unknown_reference");
    const rejected = await call(`/api/v1/marketplaces/${m.eventId}/registrations/${other.json.id}/reject`, { body: {} });
    expect(rejected.json.status).toBe("rejected");
    expectError(await call(`/api/v1/marketplaces/${m.eventId}/registrations/${other.json.id}/reject`, { body: {} }), 409, "conflict");
    // Another event's registration is not found under this event.
    const m2 = await makeMarketplace();
    expectError(await call(`/api/v1/marketplaces/${m2.eventId}/registrations/${other.json.id}/approve`, { body: {} }), 404, "not_found");
  });
  it("names no organisation the organiser may not read: a hidden match is not shown and cannot be approved as", async () => {
    const essen = await tokenFor("coordinator", ["05113"]);
    const name = uid("Nachbarverein");
    const hidden = await makeOrganisation({ name: `${name} e.V.`, postcode: "47051", regionCode: "05112" });
    const m = await makeMarketplace({}, essen);
    const reg = await register(m.registrationKey, { orgName: name, postcode: "47051" });
    const asAdmin = await call(`/api/v1/marketplaces/${m.eventId}/registrations`);
    expect(asAdmin.json.data.find((r: any) => r.id === reg.json.id).candidate?.id).toBe(hidden);
    const asCoordinator = await call(`/api/v1/marketplaces/${m.eventId}/registrations`, { token: essen });
    expect(asCoordinator.json.data.find((r: any) => r.id === reg.json.id).candidate).toBeNull();
    expect(JSON.stringify(asCoordinator.json)).not.toContain(`${name} e.V.`);
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}/registrations/${reg.json.id}/approve`, { token: essen, body: { organisationId: hidden } }), 422, "unknown_reference");
  });
});
