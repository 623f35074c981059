/**
 * Regions: reference data (states, districts) is readable by everyone; only custom regions are
 * written, and only by admins.
 */
import { describe, expect, it } from "vitest";
import { call, count, detailPaths, expectRejectedWithoutChange, makeOrganisation, rows, tokenFor, walk } from "./api";

describe("regions: read", () => {
  it("lists all 16 states and 401 districts plus NL-ARN, anonymously", async () => {
    const all = await call("/api/v1/regions", { token: null });
    expect(all.status, all.text).toBe(200);
    expect(all.json.nextCursor).toBeNull();
    const states = all.json.data.filter((r: any) => r.kind === "state").map((r: any) => r.code);
    expect(states).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16"]);
    expect(all.json.data.filter((r: any) => r.kind === "district")).toHaveLength(401);
    expect(all.json.data.find((r: any) => r.code === "NL-ARN")).toMatchObject({ kind: "custom", parentCode: null, name: "Arnhem (NL)" });
  });

  it("reads one region with its fields", async () => {
    const essen = await call("/api/v1/regions/05113", { token: null });
    expect(essen.status, essen.text).toBe(200);
    expect(essen.json).toMatchObject({ code: "05113", name: "Essen, Stadt", kind: "district", parentCode: "05", population: 583109, nuts3: "DEA13", boundaryVintage: "2018-12-31" });
    expect((await call("/api/v1/regions/99999")).status).toBe(404);
  });

  it("filters by kind, parent and text, and sorts", async () => {
    const nrw = await call("/api/v1/regions?parent=05&limit=500");
    expect(nrw.json.data.map((r: any) => r.code)).toContain("05913");
    expect(nrw.json.data.every((r: any) => r.parentCode === "05")).toBe(true);
    expect(nrw.json.data).toHaveLength(53);

    const custom = await call("/api/v1/regions?kind=custom");
    expect(custom.json.data.map((r: any) => r.code)).toContain("NL-ARN");
    expect(custom.json.data.every((r: any) => r.kind === "custom")).toBe(true);

    const jena = await call("/api/v1/regions?q=Jena");
    expect(jena.json.data.map((r: any) => r.code)).toEqual(["16053"]);

    const byPop = await call("/api/v1/regions?kind=state&sort=-population&limit=3");
    expect(byPop.json.data.map((r: any) => r.code)).toEqual(["05", "09", "08"]);

    const byName = await call("/api/v1/regions?kind=state&sort=name&limit=2");
    expect(byName.json.data.map((r: any) => r.name)).toEqual(["Baden-Württemberg", "Bayern"]);
  });

  it("walks the districts of Thüringen with limit=2 in every sort: no duplicates, no gaps", async () => {
    for (const sort of ["name", "-name", "code", "-population", "population"]) {
      const { items, pages } = await walk(`/api/v1/regions?parent=16&sort=${sort}&limit=2`);
      const direct = await call(`/api/v1/regions?parent=16&sort=${sort}&limit=500`);
      expect(items.map((r) => r.code), sort).toEqual(direct.json.data.map((r: any) => r.code));
      expect(items).toHaveLength(23);
      expect(new Set(items.map((r) => r.code)).size).toBe(23);
      expect(pages).toBe(12);
    }
    const pops = (await call("/api/v1/regions?parent=16&sort=-population&limit=500")).json.data.map((r: any) => r.population);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
  });
});

describe("regions: custom writes (admin only)", () => {
  it("creates, reads, updates, lists and soft-deletes a custom region", async () => {
    const created = await call("/api/v1/regions", { body: { code: "NL-NIJ", name: "Nijmegen (NL)", population: 177000 } });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ code: "NL-NIJ", name: "Nijmegen (NL)", kind: "custom", parentCode: null, population: 177000 });

    const child = await call("/api/v1/regions", { body: { code: "NL-NIJ-WEST", name: "Nijmegen-West", parentCode: "NL-NIJ" } });
    expect(child.status, child.text).toBe(201);
    expect(child.json.parentCode).toBe("NL-NIJ");

    const patched = await call("/api/v1/regions/NL-NIJ", { method: "PATCH", body: { name: "Nijmegen", population: 178000 } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({ code: "NL-NIJ", name: "Nijmegen", population: 178000, kind: "custom" });
    expect((await call("/api/v1/regions/NL-NIJ")).json.name).toBe("Nijmegen");

    // A region with a child is still referenced.
    await expectRejectedWithoutChange(() => call("/api/v1/regions/NL-NIJ", { method: "DELETE" }), 409, "conflict");

    expect((await call("/api/v1/regions/NL-NIJ-WEST", { method: "DELETE" })).status).toBe(204);
    expect((await call("/api/v1/regions/NL-NIJ", { method: "DELETE" })).status).toBe(204);
    expect((await call("/api/v1/regions/NL-NIJ")).status).toBe(404);
    expect((await call("/api/v1/regions/NL-NIJ-WEST")).status).toBe(404);
    const list = await call("/api/v1/regions?kind=custom");
    expect(list.json.data.map((r: any) => r.code)).not.toContain("NL-NIJ");
    expect(list.json.data.map((r: any) => r.code)).not.toContain("NL-NIJ-WEST");
    // soft delete: the row is still stored, marked deleted
    const [stored] = await rows<{ deleted_at: string | null }>("SELECT deleted_at FROM regions WHERE code = 'NL-NIJ'");
    expect(stored.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // a deleted region is no longer writable
    expect((await call("/api/v1/regions/NL-NIJ", { method: "PATCH", body: { name: "x" } })).status).toBe(404);
  });

  it("sub-region filters include custom children of custom regions", async () => {
    await call("/api/v1/regions", { body: { code: "NL-GLD", name: "Gelderland" } });
    await call("/api/v1/regions", { body: { code: "NL-GLD-ARN", name: "Arnhem Zuid", parentCode: "NL-GLD" } });
    const org = await makeOrganisation({ regionCode: "NL-GLD-ARN", name: "Stichting Arnhem Zuid" });
    const list = await call("/api/v1/organisations?region=NL-GLD");
    expect(list.json.data.map((o: any) => o.id)).toEqual([org]);
  });

  it("only creates custom regions: kind other than custom is rejected", async () => {
    const err = await expectRejectedWithoutChange(() => call("/api/v1/regions", { body: { code: "17", name: "Neues Land", kind: "state" } }), 422, "validation_failed");
    expect(detailPaths(err)).toContain("kind");
  });

  it("refuses to delete states and districts (reference data)", async () => {
    await expectRejectedWithoutChange(() => call("/api/v1/regions/05113", { method: "DELETE" }), 409, "conflict");
    await expectRejectedWithoutChange(() => call("/api/v1/regions/05", { method: "DELETE" }), 409, "conflict");
    expect((await call("/api/v1/regions/05113")).status).toBe(200);
  });

  it("refuses to rename or re-parent states and districts (reference data), but takes new population figures", async () => {
    await expectRejectedWithoutChange(
      () => call("/api/v1/regions/05113", { method: "PATCH", body: { name: "Essen umbenannt", population: 1 } }),
      409,
      "conflict",
    );
    await expectRejectedWithoutChange(() => call("/api/v1/regions/05113", { method: "PATCH", body: { parentCode: "06" } }), 409, "conflict");
    expect((await call("/api/v1/regions/05113")).json).toMatchObject({ name: "Essen, Stadt", population: 583109, parentCode: "05" });
    const updated = await call("/api/v1/regions/05113", { method: "PATCH", body: { population: 584000, boundaryVintage: "2023-12-31" } });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.json).toMatchObject({ name: "Essen, Stadt", population: 584000, boundaryVintage: "2023-12-31" });
  });

  it("refuses a custom region still used by an organisation", async () => {
    await call("/api/v1/regions", { body: { code: "AT-VIE", name: "Wien" } });
    const org = await makeOrganisation({ regionCode: "AT-VIE" });
    await expectRejectedWithoutChange(() => call("/api/v1/regions/AT-VIE", { method: "DELETE" }), 409, "conflict");
    expect((await call(`/api/v1/organisations/${org}`, { method: "DELETE" })).status).toBe(204);
    expect((await call("/api/v1/regions/AT-VIE", { method: "DELETE" })).status).toBe(204);
  });

  it("rejects duplicates, unknown parents and bad codes without writing", async () => {
    await expectRejectedWithoutChange(() => call("/api/v1/regions", { body: { code: "05113", name: "Essen 2" } }), 409, "conflict");
    await expectRejectedWithoutChange(() => call("/api/v1/regions", { body: { code: "NL-ARN", name: "Arnhem again" } }), 409, "conflict");
    const parent = await expectRejectedWithoutChange(
      () => call("/api/v1/regions", { body: { code: "XX-1", name: "Orphan", parentCode: "NOPE" } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(parent)).toEqual(["parentCode"]);
    const code = await expectRejectedWithoutChange(() => call("/api/v1/regions", { body: { code: "a b", name: "Space" } }), 422, "validation_failed");
    expect(detailPaths(code)).toEqual(["code"]);
    const name = await expectRejectedWithoutChange(() => call("/api/v1/regions", { body: { code: "XX-2" } }), 422, "validation_failed");
    expect(detailPaths(name)).toEqual(["name"]);
    const self = await expectRejectedWithoutChange(
      () => call("/api/v1/regions/NL-ARN", { method: "PATCH", body: { parentCode: "NL-ARN" } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(self)).toEqual(["parentCode"]);
  });

  it("lets no one but admins write regions", async () => {
    const coordinator = await tokenFor("coordinator", ["05"]);
    const funder = await tokenFor("funder");
    const before = await count("regions");
    for (const [token, status, code] of [
      [coordinator, 403, "forbidden"],
      [funder, 403, "forbidden"],
      [null, 401, "unauthorized"],
    ] as const) {
      await expectRejectedWithoutChange(() => call("/api/v1/regions", { token, body: { code: "NL-UTR", name: "Utrecht" } }), status, code);
      await expectRejectedWithoutChange(() => call("/api/v1/regions/NL-ARN", { token, method: "PATCH", body: { name: "Arnhem!" } }), status, code);
      await expectRejectedWithoutChange(() => call("/api/v1/regions/NL-ARN", { token, method: "DELETE" }), status, code);
    }
    expect(await count("regions")).toBe(before);
    expect((await call("/api/v1/regions/NL-ARN")).json.name).toBe("Arnhem (NL)");
  });
});
