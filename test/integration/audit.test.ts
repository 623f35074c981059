/**
 * The audit log: exactly one entry per write (who, role, when, what, which record, region), none
 * for reads; filters, pagination and visibility (admin all, coordinator its regions).
 */
import { describe, expect, it } from "vitest";
import { call, count, expectError, makeCooperation, makeEvent, makeOrganisation, tokenFor, walk } from "./api";

interface Entry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  detail: unknown;
}

/** Runs one write and returns the single audit entry it produced. */
async function entryOf(write: () => Promise<{ status: number; text: string }>, expectedStatus: number): Promise<Entry> {
  const before = await count("audit_log");
  const start = new Date().toISOString();
  const res = await write();
  expect(res.status, res.text).toBe(expectedStatus);
  const end = new Date().toISOString();
  expect(await count("audit_log"), "exactly one audit entry per write").toBe(before + 1);
  const [entry] = (await call("/api/v1/audit?limit=1")).json.data as Entry[];
  expect(entry.at >= start && entry.at <= end, `${entry.at} within ${start}..${end}`).toBe(true);
  return entry;
}

describe("audit entries for every write", () => {
  it("regions", async () => {
    expect(await entryOf(() => call("/api/v1/regions", { body: { code: "AU-1", name: "Audit 1" } }), 201)).toMatchObject({
      actor: "bootstrap", role: "admin", action: "create", entity: "regions", entityId: "AU-1", regionCode: "AU-1",
    });
    expect(await entryOf(() => call("/api/v1/regions/AU-1", { method: "PATCH", body: { population: 5 } }), 200)).toMatchObject({
      action: "update", entity: "regions", entityId: "AU-1", detail: { population: 5 },
    });
    expect(await entryOf(() => call("/api/v1/regions/AU-1", { method: "DELETE" }), 204)).toMatchObject({ action: "delete", entity: "regions", entityId: "AU-1" });
  });

  it("organisations, including erasure, purge and bulk", async () => {
    let id = 0;
    const created = await entryOf(async () => {
      const res = await call("/api/v1/organisations", { body: { name: "Audit e.V.", kind: "nonprofit", regionCode: "05913" } });
      id = res.json.id;
      return res;
    }, 201);
    expect(created).toMatchObject({ actor: "bootstrap", role: "admin", action: "create", entity: "organisations", entityId: String(id), regionCode: "05913", detail: { name: "Audit e.V." } });
    expect(await entryOf(() => call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { postcode: "44135" } }), 200)).toMatchObject({
      action: "update", entityId: String(id), regionCode: "05913", detail: { postcode: "44135" },
    });
    expect(await entryOf(() => call(`/api/v1/organisations/${id}/personal-data`, { method: "DELETE" }), 204)).toMatchObject({ action: "erase_personal_data", entityId: String(id) });
    expect(await entryOf(() => call(`/api/v1/organisations/${id}`, { method: "DELETE" }), 204)).toMatchObject({ action: "delete", entity: "organisations", entityId: String(id) });
    expect(await entryOf(() => call(`/api/v1/organisations/${id}/personal-data?purge=true`, { method: "DELETE" }), 204)).toMatchObject({ action: "purge", entityId: String(id) });
    expect(
      await entryOf(() => call("/api/v1/organisations/bulk", { body: { records: [{ name: "B1", kind: "company", regionCode: "05113", externalRef: "ab-1" }, { name: "B2", kind: "company", regionCode: "05113" }] } }), 200),
    ).toMatchObject({ action: "bulk_upsert", entity: "organisations", regionCode: "05113", detail: { records: 2, batch: { created: 2, updated: 0 } } });
  });

  it("events", async () => {
    let id = 0;
    const created = await entryOf(async () => {
      const res = await call("/api/v1/events", { body: { kind: "social_day", title: "Audit-Tag", date: "2024-09-01", regionCode: "16053" } });
      id = res.json.id;
      return res;
    }, 201);
    expect(created).toMatchObject({ action: "create", entity: "events", entityId: String(id), regionCode: "16053" });
    expect(await entryOf(() => call(`/api/v1/events/${id}`, { method: "PATCH", body: { title: "Audit-Tag 2" } }), 200)).toMatchObject({ action: "update", entity: "events", entityId: String(id) });
    expect(await entryOf(() => call(`/api/v1/events/${id}`, { method: "DELETE" }), 204)).toMatchObject({ action: "delete", entity: "events", entityId: String(id) });
  });

  it("cooperations, single and bulk", async () => {
    const a = await makeOrganisation({ kind: "company", regionCode: "06412" });
    const b = await makeOrganisation({ kind: "nonprofit", regionCode: "06412" });
    let id = 0;
    const created = await entryOf(async () => {
      const res = await call("/api/v1/cooperations", { body: { partnerIds: [a, b], dateAgreed: "2024-01-01", status: "agreed" } });
      id = res.json.id;
      return res;
    }, 201);
    expect(created).toMatchObject({ action: "create", entity: "cooperations", entityId: String(id), regionCode: "06412" });
    expect(await entryOf(() => call(`/api/v1/cooperations/${id}`, { method: "PATCH", body: { status: "done" } }), 200)).toMatchObject({
      action: "update", entity: "cooperations", entityId: String(id), detail: { status: "done" },
    });
    expect(await entryOf(() => call(`/api/v1/cooperations/${id}`, { method: "DELETE" }), 204)).toMatchObject({ action: "delete", entity: "cooperations", entityId: String(id) });
    expect(
      await entryOf(() => call("/api/v1/cooperations/bulk", { body: { records: [{ partnerIds: [a, b], dateAgreed: "2024-01-02", status: "agreed" }] } }), 200),
    ).toMatchObject({ action: "bulk_upsert", entity: "cooperations", detail: { records: 1, batch: { created: 1, updated: 0 } } });
  });

  it("tokens: creation (without the secret) and revocation", async () => {
    let id = 0;
    let secret = "";
    const created = await entryOf(async () => {
      const res = await call("/api/v1/tokens", { body: { name: "Audit-Token", role: "coordinator", regions: ["05113"] } });
      id = res.json.id;
      secret = res.json.token;
      return res;
    }, 201);
    expect(created).toMatchObject({ action: "create", entity: "tokens", entityId: String(id) });
    expect(JSON.stringify(created)).not.toContain(secret);
    expect(await entryOf(() => call(`/api/v1/tokens/${id}`, { method: "DELETE" }), 204)).toMatchObject({ action: "revoke", entity: "tokens", entityId: String(id) });
  });

  it("names the token that wrote, with its role", async () => {
    const coordinator = await call("/api/v1/tokens", { body: { name: "Schreiber", role: "coordinator", regions: ["05113"] } });
    const entry = await entryOf(() => call("/api/v1/organisations", { token: coordinator.json.token, body: { name: "Von Koordination", kind: "company", regionCode: "05113" } }), 201);
    expect(entry).toMatchObject({ actor: `token:${coordinator.json.id}`, role: "coordinator", regionCode: "05113" });
    const admin = await call("/api/v1/tokens", { body: { name: "Admin 2", role: "admin" } });
    const adminEntry = await entryOf(() => call("/api/v1/events", { token: admin.json.token, body: { kind: "other", title: "x", date: "2024-01-01", regionCode: "05113" } }), 201);
    expect(adminEntry).toMatchObject({ actor: `token:${admin.json.id}`, role: "admin" });
  });

  it("reads write nothing", async () => {
    const org = await makeOrganisation();
    const ev = await makeEvent();
    const coop = await makeCooperation({ partnerIds: [org, await makeOrganisation({ kind: "company" })] });
    const before = await count("audit_log");
    for (const path of ["/api/v1/organisations", `/api/v1/organisations/${org}`, `/api/v1/organisations/${org}/personal-data`, "/api/v1/events", `/api/v1/events/${ev}`, "/api/v1/cooperations", `/api/v1/cooperations/${coop.id}`, "/api/v1/regions", "/api/v1/tokens", "/api/v1/me", "/api/v1/audit"]) {
      expect((await call(path)).status, path).toBe(200);
    }
    expect(await count("audit_log")).toBe(before);
  });
});

describe("audit list", () => {
  it("filters by entity, entityId, actor and date", async () => {
    const id = await makeOrganisation({ name: "Gefiltert" });
    await call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { name: "Gefiltert 2" } });
    const byRecord = await call(`/api/v1/audit?entity=organisations&entityId=${id}`);
    expect(byRecord.json.data.map((e: Entry) => e.action)).toEqual(["update", "create"]);
    const tokensOnly = await call("/api/v1/audit?entity=tokens&limit=500");
    expect(tokensOnly.json.data.length).toBeGreaterThan(0);
    expect(tokensOnly.json.data.every((e: Entry) => e.entity === "tokens")).toBe(true);
    const coordinator = await call("/api/v1/tokens", { body: { name: "Filter", role: "coordinator", regions: ["05"] } });
    await call("/api/v1/organisations", { token: coordinator.json.token, body: { name: "A", kind: "company", regionCode: "05913" } });
    const byActor = await call(`/api/v1/audit?actor=token:${coordinator.json.id}`);
    expect(byActor.json.data.map((e: Entry) => [e.action, e.regionCode])).toEqual([["create", "05913"]]);
    const today = new Date().toISOString().slice(0, 10);
    const all = (await walk("/api/v1/audit?limit=500")).items;
    expect((await walk(`/api/v1/audit?from=${today}&to=${today}&limit=500`)).items).toHaveLength(all.length);
    expect((await call("/api/v1/audit?to=2000-01-01")).json.data).toEqual([]);
    expect((await call("/api/v1/audit?from=2100-12-31")).json.data).toEqual([]);
  });

  it("pages newest first with limit=2: no duplicates, no gaps", async () => {
    const all = (await walk("/api/v1/audit?limit=500")).items.map((e: Entry) => e.id);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const { items, pages } = await walk("/api/v1/audit?limit=2");
    expect(items.map((e: Entry) => e.id)).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it("coordinators see the entries of their regions only; funders and anonymous none", async () => {
    const jena = await tokenFor("coordinator", ["16"]);
    await makeOrganisation({ regionCode: "16053", name: "Jena Audit" });
    const seen = (await walk("/api/v1/audit?limit=500", jena)).items as Entry[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.regionCode === "16" || e.regionCode === "16053")).toBe(true);
    expect(seen.some((e) => e.entity === "organisations" && (e.detail as { name?: string })?.name === "Jena Audit")).toBe(true);
    expectError(await call("/api/v1/audit", { token: await tokenFor("funder") }), 403, "forbidden");
    expectError(await call("/api/v1/audit", { token: null }), 401, "unauthorized");
  });

  it("rejects bad filters with 422", async () => {
    expect(expectError(await call("/api/v1/audit?entity=people"), 422, "validation_failed").details?.map((d) => d.path)).toEqual(["entity"]);
    expect(expectError(await call("/api/v1/audit?from=2024-02-30"), 422, "validation_failed").details?.map((d) => d.path)).toEqual(["from"]);
    expect(expectError(await call("/api/v1/audit?limit=501"), 422, "validation_failed").details?.map((d) => d.path)).toEqual(["limit"]);
  });
});
