/**
 * Events: format instances with participants; CRUD with soft delete, filters (region with
 * sub-regions, kind, from/to, organisation, text), sorting and pagination.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, detailPaths, expectError, expectRejectedWithoutChange, makeEvent, makeOrganisation, rows, walk } from "./api";

describe("events: CRUD and participants", () => {
  let a: number, b: number, c: number;
  beforeAll(async () => {
    a = await makeOrganisation({ kind: "company", name: "Evonik Essen" });
    b = await makeOrganisation({ kind: "nonprofit", name: "Jugendzentrum Essen" });
    c = await makeOrganisation({ kind: "nonprofit", name: "Seniorentreff Essen" });
  });

  it("creates an event with organiser and participants and reads it back", async () => {
    const body = { kind: "marketplace", title: "Gute Geschäfte Essen 2024", date: "2024-05-17", regionCode: "05113", organiserId: c, participantIds: [b, a, b], source: "sheet", externalRef: "GG-2024", notes: "Zeche Zollverein" };
    const created = await call("/api/v1/events", { body });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ ...body, participantIds: [a, b].sort((x, y) => x - y), participantCount: 2 });
    const read = await call(`/api/v1/events/${created.json.id}`);
    expect(read.json).toEqual(created.json);
    const stored = await rows<{ organisation_id: number }>("SELECT organisation_id FROM event_participants WHERE event_id = ? ORDER BY organisation_id", created.json.id);
    expect(stored.map((r) => r.organisation_id)).toEqual([a, b].sort((x, y) => x - y));
  });

  it("updates fields; participantIds replaces the list, omitted keeps it", async () => {
    const id = await makeEvent({ participantIds: [a, b] });
    const renamed = await call(`/api/v1/events/${id}`, { method: "PATCH", body: { title: "Aktionstag Essen", kind: "action_day", date: "2024-09-20" } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json).toMatchObject({ title: "Aktionstag Essen", kind: "action_day", date: "2024-09-20", participantIds: [a, b].sort((x, y) => x - y), participantCount: 2 });
    const replaced = await call(`/api/v1/events/${id}`, { method: "PATCH", body: { participantIds: [c] } });
    expect(replaced.json).toMatchObject({ participantIds: [c], participantCount: 1, title: "Aktionstag Essen" });
    const cleared = await call(`/api/v1/events/${id}`, { method: "PATCH", body: { participantIds: [] } });
    expect(cleared.json).toMatchObject({ participantIds: [], participantCount: 0 });
    expect(await rows("SELECT * FROM event_participants WHERE event_id = ?", id)).toEqual([]);
  });

  it("soft-deletes: 404 afterwards, gone from lists, row kept", async () => {
    const id = await makeEvent({ title: "Wird gelöscht" });
    expect((await call("/api/v1/events?q=gelöscht")).json.data.map((e: any) => e.id)).toEqual([id]);
    expect((await call(`/api/v1/events/${id}`, { method: "DELETE" })).status).toBe(204);
    expectError(await call(`/api/v1/events/${id}`), 404, "not_found");
    expect((await call("/api/v1/events?q=gelöscht")).json.data).toEqual([]);
    expect((await walk("/api/v1/events?limit=500")).items.map((e) => e.id)).not.toContain(id);
    expect((await rows<{ deleted_at: string }>("SELECT deleted_at FROM events WHERE id = ?", id))[0].deleted_at).toMatch(/^\d{4}-/);
    expectError(await call(`/api/v1/events/${id}`, { method: "PATCH", body: { title: "x" } }), 404, "not_found");
  });

  it("rejects unknown organiser, participants and region without writing", async () => {
    const org = await expectRejectedWithoutChange(
      () => call("/api/v1/events", { body: { kind: "other", title: "x", date: "2024-01-01", regionCode: "05113", organiserId: 999999, participantIds: [a, 999998] } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(org).sort()).toEqual(["organiserId", "participantIds[1]"]);
    const region = await expectRejectedWithoutChange(
      () => call("/api/v1/events", { body: { kind: "other", title: "x", date: "2024-01-01", regionCode: "00000" } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(region)).toEqual(["regionCode"]);
    const id = await makeEvent({ participantIds: [a] });
    const upd = await expectRejectedWithoutChange(
      () => call(`/api/v1/events/${id}`, { method: "PATCH", body: { participantIds: [b, 999997] } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(upd)).toEqual(["participantIds[1]"]);
  });

  it("rejects an impossible date and a duplicate externalRef", async () => {
    const date = await expectRejectedWithoutChange(
      () => call("/api/v1/events", { body: { kind: "other", title: "x", date: "2024-02-30", regionCode: "05113" } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(date)).toEqual(["date"]);
    await makeEvent({ source: "sheet", externalRef: "EV-DUP" });
    await expectRejectedWithoutChange(
      () => call("/api/v1/events", { body: { kind: "other", title: "y", date: "2024-03-01", regionCode: "05113", source: "sheet", externalRef: "EV-DUP" } }),
      409,
      "conflict",
    );
  });
});

describe("events: filters, sorting, pagination", () => {
  const ids: Record<string, number> = {};
  let participant: number;
  let hidden: number;
  beforeAll(async () => {
    participant = await makeOrganisation({ name: "Teilnehmer Dortmund", regionCode: "05913", isPublic: true });
    hidden = await makeOrganisation({ name: "Verdeckter Teilnehmer", regionCode: "05913" });
    ids.essenMarket = await makeEvent({ title: "Liste Marktplatz Essen", kind: "marketplace", date: "2023-11-10", regionCode: "05113" });
    ids.dortmundDay = await makeEvent({ title: "Liste Aktionstag Dortmund", kind: "action_day", date: "2024-06-01", regionCode: "05913", participantIds: [participant, hidden] });
    ids.jenaRound = await makeEvent({ title: "Liste Runder Tisch Jena", kind: "round_table", date: "2024-02-15", regionCode: "16053" });
    ids.frankfurtSocial = await makeEvent({ title: "Liste Social Day Frankfurt", kind: "social_day", date: "2025-01-20", regionCode: "06412", participantIds: [participant] });
    ids.essen72 = await makeEvent({ title: "Liste 72 Stunden Essen", kind: "action_72h", date: "2024-06-01", regionCode: "05113" });
  });
  const listIds = async (query: string) => {
    const res = await call(`/api/v1/events?q=Liste&limit=500&${query}`, { token: null });
    expect(res.status, res.text).toBe(200);
    return res.json.data.map((e: any) => e.id);
  };

  it("default sort is newest first (-date, then -id)", async () => {
    expect(await listIds("")).toEqual([ids.frankfurtSocial, ids.essen72, ids.dortmundDay, ids.jenaRound, ids.essenMarket]);
    expect(await listIds("sort=date")).toEqual([ids.essenMarket, ids.jenaRound, ids.dortmundDay, ids.essen72, ids.frankfurtSocial]);
    expect(await listIds("sort=title")).toEqual([ids.essen72, ids.dortmundDay, ids.essenMarket, ids.jenaRound, ids.frankfurtSocial]);
  });

  it("region with sub-regions, kind, from/to, organisation, text", async () => {
    expect(await listIds("region=05&sort=date")).toEqual([ids.essenMarket, ids.dortmundDay, ids.essen72]);
    expect(await listIds("region=05113&sort=date")).toEqual([ids.essenMarket, ids.essen72]);
    expect(await listIds("kind=round_table")).toEqual([ids.jenaRound]);
    expect(await listIds("from=2024-01-01&to=2024-12-31&sort=date")).toEqual([ids.jenaRound, ids.dortmundDay, ids.essen72]);
    expect(await listIds("from=2024-06-01&to=2024-06-01&sort=id")).toEqual([ids.dortmundDay, ids.essen72]);
    expect(await listIds(`organisation=${participant}&sort=date`)).toEqual([ids.dortmundDay, ids.frankfurtSocial]);
    // Filtering by a non-public organisation must not reveal where it took part.
    expect(await listIds(`organisation=${hidden}`)).toEqual([]);
    const admin = await call(`/api/v1/events?q=Liste&organisation=${hidden}`);
    expect(admin.json.data.map((e: any) => e.id)).toEqual([ids.dortmundDay]);
  });

  it("text search q matches titles", async () => {
    const res = await call("/api/v1/events?q=runder");
    expect(res.json.data.map((e: any) => e.id)).toEqual([ids.jenaRound]);
  });

  it("walks all pages with limit=2 in date order: no duplicates, no gaps", async () => {
    for (const sort of ["-date", "date", "title", "-id"]) {
      const all = await call(`/api/v1/events?q=Liste&limit=500&sort=${sort}`);
      const { items, pages } = await walk(`/api/v1/events?q=Liste&limit=2&sort=${sort}`);
      expect(items.map((e) => e.id), sort).toEqual(all.json.data.map((e: any) => e.id));
      expect(new Set(items.map((e) => e.id)).size).toBe(5);
      expect(pages).toBe(3);
    }
  });

  it("rejects invalid cursor, sort, limit and dates with 422", async () => {
    expect(detailPaths(expectError(await call("/api/v1/events?cursor=xyz"), 422, "validation_failed"))).toEqual(["cursor"]);
    expect(detailPaths(expectError(await call("/api/v1/events?sort=location"), 422, "validation_failed"))).toEqual(["sort"]);
    expect(detailPaths(expectError(await call("/api/v1/events?limit=1000"), 422, "validation_failed"))).toEqual(["limit"]);
    expect(detailPaths(expectError(await call("/api/v1/events?from=2024-13-01"), 422, "validation_failed"))).toEqual(["from"]);
    expect(detailPaths(expectError(await call("/api/v1/events?kind=party"), 422, "validation_failed"))).toEqual(["kind"]);
  });
});
