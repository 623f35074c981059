import { describe, expect, it } from "vitest";
import { call, makeOrganisation } from "./api";

describe("smoke", () => {
  it("creates and lists", async () => {
    const a = await makeOrganisation({ kind: "company", name: "Stadtwerke Essen AG" });
    const b = await makeOrganisation({ kind: "nonprofit", name: "Tafel Essen e.V.", contactName: "Erika Muster", contactEmail: "erika@example.org" });
    const coop = await call("/api/v1/cooperations", { body: { partnerIds: [a, b], dateAgreed: "2024-03-01", status: "done", hours: 12.5, contributionTypes: ["time"] } });
    expect(coop.status, coop.text).toBe(201);
    expect(coop.json.regionCode).toBe("05113");
    const list = await call("/api/v1/cooperations?region=05");
    expect(list.status, list.text).toBe(200);
    expect(list.json.data.length).toBe(1);
    const bulk = await call("/api/v1/cooperations/bulk", { body: { records: [
      { partnerIds: [a, b], dateAgreed: "2024-04-01", status: "agreed", externalRef: "x1" },
      { partnerIds: [a, b], dateAgreed: "2024-05-01", status: "agreed" },
      { partnerIds: [a, b], dateAgreed: "2024-06-01", status: "agreed" },
    ] } });
    expect(bulk.status, bulk.text).toBe(200);
    const all = await call("/api/v1/cooperations?sort=dateAgreed");
    expect(all.json.data.map((c: any) => [c.id, c.partnerIds.length])).toEqual(bulk.json.ids.map((id: number) => [id, 2]).slice(0, 0).concat([[coop.json.id, 2], ...bulk.json.ids.map((id: number) => [id, 2])]));
    const doc = await call("/api/v1/openapi.json");
    expect(Object.keys(doc.json.paths).length).toBeGreaterThan(5);
  });
});
