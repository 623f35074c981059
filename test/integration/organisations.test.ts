/**
 * Organisations: CRUD with soft delete, list filters (region with sub-regions, kind, field,
 * industry, source/externalRef, text), sorting and cursor pagination.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, count, detailPaths, expectError, expectRejectedWithoutChange, makeOrganisation, rows, walk } from "./api";

describe("organisations: CRUD", () => {
  it("creates with every field and reads it back", async () => {
    const body = {
      name: "Stadtwerke Jena GmbH",
      kind: "company",
      regionCode: "16053",
      postcode: "07743",
      industry: "energy",
      sizeClass: "large",
      isPublic: true,
      contactName: "Max Muster",
      contactEmail: "max@stadtwerke-jena.example",
      source: "crm",
      externalRef: "SWJ-1",
    };
    const created = await call("/api/v1/organisations", { body });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...body, field: null });
    expect(created.json.id).toBeGreaterThan(0);
    expect(created.json.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(created.json.updatedAt).toBe(created.json.createdAt);

    const read = await call(`/api/v1/organisations/${created.json.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);
  });

  it("defaults: source manual, not public, no contact", async () => {
    const created = await call("/api/v1/organisations", { body: { name: "Tafel Dortmund e.V.", kind: "nonprofit", regionCode: "05913" } });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ source: "manual", isPublic: false, externalRef: null, contactName: null, contactEmail: null, postcode: null });
  });

  it("updates only the given fields and bumps updatedAt", async () => {
    const id = await makeOrganisation({ name: "Caritas Essen", field: "elderly_care", postcode: "45127" });
    const before = (await call(`/api/v1/organisations/${id}`)).json;
    await new Promise((r) => setTimeout(r, 5));
    const patched = await call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { name: "Caritasverband Essen", regionCode: "05913", postcode: null } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toEqual({ ...before, name: "Caritasverband Essen", regionCode: "05913", postcode: null, updatedAt: patched.json.updatedAt });
    expect(patched.json.updatedAt > before.updatedAt).toBe(true);
    expect((await call(`/api/v1/organisations/${id}`)).json).toEqual(patched.json);
  });

  it("soft-deletes: gone from GET and lists, row kept", async () => {
    const name = "Löschverein Essen e.V.";
    const id = await makeOrganisation({ name });
    expect((await call(`/api/v1/organisations?q=${encodeURIComponent("Löschverein")}`)).json.data).toHaveLength(1);
    const before = await count("organisations");
    const del = await call(`/api/v1/organisations/${id}`, { method: "DELETE" });
    expect(del.status, del.text).toBe(204);
    expect(del.text).toBe("");
    expect(await count("organisations")).toBe(before);
    expectError(await call(`/api/v1/organisations/${id}`), 404, "not_found");
    expect((await call(`/api/v1/organisations?q=${encodeURIComponent("Löschverein")}`)).json.data).toHaveLength(0);
    const { items } = await walk("/api/v1/organisations?limit=500");
    expect(items.map((o) => o.id)).not.toContain(id);
    const [row] = await rows<{ deleted_at: string; name: string }>("SELECT deleted_at, name FROM organisations WHERE id = ?", id);
    expect(row.name).toBe(name);
    expect(row.deleted_at).toMatch(/^\d{4}-/);
    // deleted: no second delete, no update
    expectError(await call(`/api/v1/organisations/${id}`, { method: "DELETE" }), 404, "not_found");
    expectError(await call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { name: "x" } }), 404, "not_found");
  });

  it("conflicts on a second organisation with the same source + externalRef", async () => {
    await makeOrganisation({ source: "crm", externalRef: "DUP-1" });
    const err = await expectRejectedWithoutChange(
      () => call("/api/v1/organisations", { body: { name: "Zweite", kind: "company", regionCode: "05113", source: "crm", externalRef: "DUP-1" } }),
      409,
      "conflict",
    );
    expect(err.message).toMatch(/DUP-1/);
    // same ref in another source is fine
    const other = await call("/api/v1/organisations", { body: { name: "Andere Quelle", kind: "company", regionCode: "05113", source: "sheet", externalRef: "DUP-1" } });
    expect(other.status, other.text).toBe(201);
    // and an update onto a used ref conflicts
    const id = await makeOrganisation({ source: "crm", externalRef: "DUP-2" });
    await expectRejectedWithoutChange(
      () => call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { externalRef: "DUP-1" } }),
      409,
      "conflict",
    );
  });

  it("rejects an unknown region on create and update", async () => {
    const err = await expectRejectedWithoutChange(
      () => call("/api/v1/organisations", { body: { name: "Nirgendwo e.V.", kind: "nonprofit", regionCode: "99999" } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(err)).toEqual(["regionCode"]);
    const id = await makeOrganisation();
    const upd = await expectRejectedWithoutChange(
      () => call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { regionCode: "99999" } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(upd)).toEqual(["regionCode"]);
  });
});

describe("organisations: list filters, sorting, pagination", () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    ids.essenCompany = await makeOrganisation({ name: "Filter Alpha Bau GmbH", kind: "company", regionCode: "05113", industry: "construction", source: "fx", externalRef: "A" });
    ids.essenNonprofit = await makeOrganisation({ name: "Filter Beta Jugendhilfe e.V.", kind: "nonprofit", regionCode: "05113", field: "youth_work" });
    ids.dortmundNonprofit = await makeOrganisation({ name: "Filter Gamma Sportverein", kind: "nonprofit", regionCode: "05913", field: "sports" });
    ids.jenaCompany = await makeOrganisation({ name: "Filter Delta Optik AG", kind: "company", regionCode: "16053", industry: "optics" });
    ids.frankfurtPublic = await makeOrganisation({ name: "Filter Epsilon Stadtamt", kind: "public", regionCode: "06412" });
    ids.nlIntermediary = await makeOrganisation({ name: "Filter Zeta Vrijwilligerscentrale", kind: "intermediary", regionCode: "NL-ARN" });
  });
  const listIds = async (query: string) => {
    const res = await call(`/api/v1/organisations?q=Filter&limit=500&${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json.data.map((o: any) => o.id);
  };

  it("region includes sub-regions", async () => {
    expect(await listIds("region=05")).toEqual([ids.essenCompany, ids.essenNonprofit, ids.dortmundNonprofit]);
    expect(await listIds("region=05113")).toEqual([ids.essenCompany, ids.essenNonprofit]);
    expect(await listIds("region=16")).toEqual([ids.jenaCompany]);
    expect(await listIds("region=NL-ARN")).toEqual([ids.nlIntermediary]);
    expect(await listIds("region=03")).toEqual([]);
  });

  it("kind, field, industry, source + externalRef, text", async () => {
    expect(await listIds("kind=company")).toEqual([ids.essenCompany, ids.jenaCompany]);
    expect(await listIds("kind=nonprofit&region=05")).toEqual([ids.essenNonprofit, ids.dortmundNonprofit]);
    expect(await listIds("kind=public")).toEqual([ids.frankfurtPublic]);
    expect(await listIds("field=youth_work")).toEqual([ids.essenNonprofit]);
    expect(await listIds("industry=optics")).toEqual([ids.jenaCompany]);
    expect(await listIds("source=fx&externalRef=A")).toEqual([ids.essenCompany]);
    const q = await call(`/api/v1/organisations?q=${encodeURIComponent("sportverein")}`);
    expect(q.json.data.map((o: any) => o.id)).toEqual([ids.dortmundNonprofit]);
  });

  it("sorts by name ascending (default) and descending, and by id", async () => {
    const names = ["Filter Alpha Bau GmbH", "Filter Beta Jugendhilfe e.V.", "Filter Delta Optik AG", "Filter Epsilon Stadtamt", "Filter Gamma Sportverein", "Filter Zeta Vrijwilligerscentrale"];
    const asc = await call("/api/v1/organisations?q=Filter&limit=500");
    expect(asc.json.data.map((o: any) => o.name)).toEqual(names);
    const byName = await call("/api/v1/organisations?q=Filter&sort=name&limit=500");
    expect(byName.json.data.map((o: any) => o.name)).toEqual(names);
    const desc = await call("/api/v1/organisations?q=Filter&sort=-name&limit=500");
    expect(desc.json.data.map((o: any) => o.name)).toEqual([...names].reverse());
    const byId = await call("/api/v1/organisations?q=Filter&sort=-id&limit=500");
    expect(byId.json.data.map((o: any) => o.id)).toEqual(Object.values(ids).sort((a, b) => b - a));
  });

  it("walks every page with limit=2: no duplicates, no gaps, in every sort", async () => {
    // same-name rows make the id tie-breaker matter
    for (let i = 0; i < 3; i++) await makeOrganisation({ name: "Filter Gleichname" });
    const total = (await call("/api/v1/organisations?q=Filter&limit=500")).json.data.length;
    expect(total).toBe(9);
    for (const sort of ["name", "-name", "id", "-id", "createdAt", "-updatedAt"]) {
      const all = await call(`/api/v1/organisations?q=Filter&limit=500&sort=${sort}`);
      const { items, pages } = await walk(`/api/v1/organisations?q=Filter&limit=2&sort=${sort}`);
      expect(items.map((o) => o.id), sort).toEqual(all.json.data.map((o: any) => o.id));
      expect(new Set(items.map((o) => o.id)).size).toBe(total);
      expect(pages).toBe(5);
    }
  });

  it("the last page has nextCursor null; a full page points to the next", async () => {
    const first = await call("/api/v1/organisations?q=Filter&limit=2");
    expect(typeof first.json.nextCursor).toBe("string");
    const exact = await call("/api/v1/organisations?region=16&q=Filter&limit=1");
    expect(exact.json.data).toHaveLength(1);
    expect(exact.json.nextCursor).toBeNull();
  });

  it("rejects an invalid cursor, sort and limit with 422", async () => {
    const cursor = expectError(await call("/api/v1/organisations?cursor=not-a-cursor"), 422, "validation_failed");
    expect(detailPaths(cursor)).toEqual(["cursor"]);
    const tampered = expectError(await call(`/api/v1/organisations?cursor=${btoa(JSON.stringify({ a: 1 }))}`), 422, "validation_failed");
    expect(detailPaths(tampered)).toEqual(["cursor"]);
    const sort = expectError(await call("/api/v1/organisations?sort=contactEmail"), 422, "validation_failed");
    expect(detailPaths(sort)).toEqual(["sort"]);
    for (const limit of ["0", "501", "abc", "-1", "2.5"]) {
      const err = expectError(await call(`/api/v1/organisations?limit=${limit}`), 422, "validation_failed");
      expect(detailPaths(err), limit).toEqual(["limit"]);
    }
    const kind = expectError(await call("/api/v1/organisations?kind=club"), 422, "validation_failed");
    expect(detailPaths(kind)).toEqual(["kind"]);
  });
});
