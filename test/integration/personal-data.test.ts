/**
 * Personal data (contact person and e-mail) per organisation: export with audit trail, erasure,
 * and `?purge=true`, which anonymises the organisation while its cooperations stay in the figures.
 */
import { describe, expect, it } from "vitest";
import { call, count, expectError, expectRejectedWithoutChange, makeCooperation, makeMarketplace, makeOrganisation, rows, uid } from "./api";

const CONTACT = { contactName: "Erika Mustermann", contactEmail: "erika.mustermann@tafel-essen.example" };

/** Every text value stored in any core table, to search for leftovers of erased data. */
async function everythingStored(): Promise<string> {
  const tables = ["organisations", "events", "cooperations", "audit_log", "api_tokens", "registrations"];
  const parts = await Promise.all(tables.map((t) => rows(`SELECT * FROM ${t}`)));
  return JSON.stringify(parts);
}

describe("personal data", () => {
  it("export returns the contact and the organisation's audit trail", async () => {
    const id = await makeOrganisation({ name: "Export e.V.", ...CONTACT });
    await call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { postcode: "45127" } });
    const res = await call(`/api/v1/organisations/${id}/personal-data`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ organisationId: id, ...CONTACT });
    expect(res.json.auditTrail.map((e: any) => [e.action, e.actor])).toEqual([
      ["create", "bootstrap"],
      ["update", "bootstrap"],
    ]);
    for (const e of res.json.auditTrail) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it("the audit log records which personal fields changed, never their values", async () => {
    const id = await makeOrganisation({ name: "Redaktion e.V.", contactName: "Rudi Redakteur", contactEmail: "rudi@redaktion.example" });
    await call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { contactEmail: "neu@redaktion.example" } });
    const entries = await rows<{ action: string; detail: string }>("SELECT action, detail FROM audit_log WHERE entity = 'organisations' AND entity_id = ? ORDER BY id", String(id));
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(JSON.parse(entries[0].detail)).toMatchObject({ contactName: "[personal data]", contactEmail: "[personal data]", name: "Redaktion e.V." });
    expect(JSON.parse(entries[1].detail)).toEqual({ contactEmail: "[personal data]" });
    const all = await everythingStored();
    expect(all).not.toContain("rudi@redaktion.example"); // replaced, and never copied to the audit log
    expect(all.match(/neu@redaktion\.example/g)).toHaveLength(1); // only the organisation row
    expect(all.match(/Rudi Redakteur/g)).toHaveLength(1);
  });

  it("erase removes the contact person and keeps the organisation", async () => {
    const id = await makeOrganisation({ name: "Erase e.V.", postcode: "45127", isPublic: true, ...CONTACT });
    const before = (await call(`/api/v1/organisations/${id}`)).json;
    const res = await call(`/api/v1/organisations/${id}/personal-data`, { method: "DELETE" });
    expect(res.status, res.text).toBe(204);
    const after = await call(`/api/v1/organisations/${id}`);
    expect(after.status).toBe(200);
    expect(after.json).toEqual({ ...before, contactName: null, contactEmail: null, updatedAt: after.json.updatedAt });
    const [row] = await rows<{ contact_name: string | null; contact_email: string | null; deleted_at: string | null }>(
      "SELECT contact_name, contact_email, deleted_at FROM organisations WHERE id = ?",
      id,
    );
    expect(row).toEqual({ contact_name: null, contact_email: null, deleted_at: null });
    const exported = await call(`/api/v1/organisations/${id}/personal-data`);
    expect(exported.json).toMatchObject({ contactName: null, contactEmail: null });
    expect(exported.json.auditTrail.map((e: any) => e.action)).toEqual(["create", "erase_personal_data"]);
  });

  it("purge anonymises and deletes the organisation; its cooperations stay in the figures", async () => {
    const partner = await makeOrganisation({ kind: "company", name: "Partner AG" });
    const id = await makeOrganisation({ name: "Purge Jugendhilfe e.V.", postcode: "45127", isPublic: true, source: "crm", externalRef: "P-1", ...CONTACT });
    const coop = await makeCooperation({ partnerIds: [id, partner], hours: 10 });
    const coops = await count("cooperations");
    const partners = await count("cooperation_partners");

    const res = await call(`/api/v1/organisations/${id}/personal-data?purge=true`, { method: "DELETE" });
    expect(res.status, res.text).toBe(204);

    expectError(await call(`/api/v1/organisations/${id}`), 404, "not_found");
    expectError(await call(`/api/v1/organisations/${id}/personal-data`), 404, "not_found");
    expect((await call("/api/v1/organisations?q=Purge")).json.data).toEqual([]);
    const [row] = await rows<Record<string, unknown>>("SELECT name, postcode, contact_name, contact_email, external_ref, is_public, deleted_at FROM organisations WHERE id = ?", id);
    expect(row).toEqual({
      name: `Gelöschte Organisation ${id}`,
      postcode: null,
      contact_name: null,
      contact_email: null,
      external_ref: null,
      is_public: 0,
      deleted_at: expect.stringMatching(/^\d{4}-/),
    });
    // figures unchanged
    expect(await count("cooperations")).toBe(coops);
    expect(await count("cooperation_partners")).toBe(partners);
    expect((await call(`/api/v1/cooperations/${coop.id}`)).json).toMatchObject({ hours: 10, partnerIds: [id, partner].sort((a, b) => a - b) });
    // the externalRef is free again
    expect((await call("/api/v1/organisations", { body: { name: "Neu", kind: "nonprofit", regionCode: "05113", source: "crm", externalRef: "P-1" } })).status).toBe(201);
    const [entry] = await rows<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE entity = 'organisations' AND entity_id = ? ORDER BY id DESC LIMIT 1", String(id));
    expect(entry).toEqual({ action: "purge", actor: "bootstrap" });
  });

  it("after a purge nothing stored names the organisation or its contact any more", async () => {
    const id = await makeOrganisation({ name: "Unverwechselbar Kinderhospiz e.V.", postcode: "45139", ...CONTACT, contactName: "Hildegard Unverwechselbar", contactEmail: "hildegard@unverwechselbar.example" });
    await call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { name: "Unverwechselbar Kinderhospiz Essen e.V." } });
    expect((await call(`/api/v1/organisations/${id}/personal-data?purge=true`, { method: "DELETE" })).status).toBe(204);
    const stored = await everythingStored();
    expect(stored).not.toMatch(/hildegard/i);
    expect(stored, "the audit log still holds the organisation's name").not.toMatch(/Unverwechselbar/);
  });

  it("covers contact persons given with marketplace registrations: exported with their consent, erased, purged with the name typed", async () => {
    const m = await makeMarketplace();
    const name = uid("Einzigartig Lernpaten");
    const reg = await call(`/api/v1/public/registration/${m.registrationKey}`, {
      token: null,
      headers: { "CF-Connecting-IP": uid("ip") },
      body: { side: "nonprofit", orgName: name, items: [{ contributionType: "time", description: "Lesepaten" }], contactName: "Gisela Einzigartig", contactEmail: "gisela@einzigartig.example", consent: true },
    });
    const approved = await call(`/api/v1/marketplaces/${m.eventId}/registrations/${reg.json.id}/approve`, { body: {} });
    const id = approved.json.organisation.id;
    const exported = await call(`/api/v1/organisations/${id}/personal-data`);
    expect(exported.json.registrations).toEqual([
      expect.objectContaining({ registrationId: reg.json.id, eventId: m.eventId, contactName: "Gisela Einzigartig", contactEmail: "gisela@einzigartig.example", consentText: expect.stringContaining("einverstanden") }),
    ]);
    expect((await call(`/api/v1/organisations/${id}/personal-data`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/api/v1/organisations/${id}/personal-data`)).json.registrations).toEqual([]);
    expect(await everythingStored()).not.toMatch(/gisela/i);
    expect((await call(`/api/v1/organisations/${id}/personal-data?purge=true`, { method: "DELETE" })).status).toBe(204);
    expect(await everythingStored()).not.toMatch(/Einzigartig/);
  });

  it("purges an already deleted organisation; plain erase of a deleted one is 404", async () => {
    const id = await makeOrganisation({ name: "Schon gelöscht e.V.", ...CONTACT });
    await call(`/api/v1/organisations/${id}`, { method: "DELETE" });
    await expectRejectedWithoutChange(() => call(`/api/v1/organisations/${id}/personal-data`, { method: "DELETE" }), 404, "not_found");
    expect((await call(`/api/v1/organisations/${id}/personal-data?purge=true`, { method: "DELETE" })).status).toBe(204);
    const [row] = await rows<{ name: string; contact_email: string | null }>("SELECT name, contact_email FROM organisations WHERE id = ?", id);
    expect(row).toEqual({ name: `Gelöschte Organisation ${id}`, contact_email: null });
  });

  it("rejects an invalid purge value and unknown organisations", async () => {
    const id = await makeOrganisation({ ...CONTACT });
    const err = await expectRejectedWithoutChange(() => call(`/api/v1/organisations/${id}/personal-data?purge=yes`, { method: "DELETE" }), 422, "validation_failed");
    expect(err.details?.map((d) => d.path)).toEqual(["purge"]);
    await expectRejectedWithoutChange(() => call("/api/v1/organisations/987654/personal-data?purge=true", { method: "DELETE" }), 404, "not_found");
  });
});
