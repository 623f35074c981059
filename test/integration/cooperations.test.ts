/**
 * Cooperations: n ≥ 2 partners, default region = the non-profit partner's region, event format,
 * follow-ups; CRUD with soft delete, list filters, sorting and cursor pagination.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, count, detailPaths, expectError, expectRejectedWithoutChange, makeCooperation, makeEvent, makeOrganisation, rows, walk } from "./api";

const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);

let essenCompany: number, essenNonprofit: number, dortmundCompany: number, jenaNonprofit: number, jenaCompany: number, frankfurtPublic: number;
beforeAll(async () => {
  essenCompany = await makeOrganisation({ kind: "company", name: "RWE Essen", regionCode: "05113" });
  essenNonprofit = await makeOrganisation({ kind: "nonprofit", name: "Essener Tafel", regionCode: "05113" });
  dortmundCompany = await makeOrganisation({ kind: "company", name: "Signal Iduna Dortmund", regionCode: "05913" });
  jenaNonprofit = await makeOrganisation({ kind: "nonprofit", name: "Jenaer Kinderhilfe", regionCode: "16053" });
  jenaCompany = await makeOrganisation({ kind: "company", name: "Zeiss Jena", regionCode: "16053" });
  frankfurtPublic = await makeOrganisation({ kind: "public", name: "Stadt Frankfurt", regionCode: "06412" });
});

describe("cooperations: CRUD", () => {
  it("creates with every field and reads it back", async () => {
    const event = await makeEvent({ kind: "marketplace", regionCode: "05113" });
    const body = {
      partnerIds: [essenNonprofit, essenCompany],
      eventId: event,
      dateAgreed: "2024-05-17",
      dateDone: "2024-06-30",
      status: "done",
      contributionTypes: ["time", "know_how", "time"],
      volunteers: 6,
      hours: 48.5,
      valueEur: 2400,
      peopleReached: 120,
      targetGroups: "Kinder und Jugendliche",
      givesBack: "Logo auf der Website",
      source: "dealsheet",
      externalRef: "GG24-001",
      notes: "Renovierung Jugendraum",
    };
    const created = await call("/api/v1/cooperations", { body });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      ...body,
      partnerIds: sorted([essenNonprofit, essenCompany]),
      contributionTypes: ["time", "know_how"],
      regionCode: "05113",
      format: "marketplace",
      followUpOf: null,
    });
    const read = await call(`/api/v1/cooperations/${created.json.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);
    const partners = await rows<{ organisation_id: number }>("SELECT organisation_id FROM cooperation_partners WHERE cooperation_id = ? ORDER BY 1", created.json.id);
    expect(partners.map((p) => p.organisation_id)).toEqual(sorted([essenNonprofit, essenCompany]));
  });

  it("fills defaults: numbers 0, no contribution types, no event/format", async () => {
    const coop = await makeCooperation({ partnerIds: [essenCompany, essenNonprofit] });
    expect(coop).toMatchObject({ volunteers: 0, hours: 0, valueEur: 0, peopleReached: 0, contributionTypes: [], eventId: null, format: null, dateDone: null, source: "manual", externalRef: null });
  });

  it("accepts n > 2 partners (every pair a tie)", async () => {
    const coop = await makeCooperation({ partnerIds: [essenCompany, dortmundCompany, essenNonprofit, jenaNonprofit] });
    expect(coop.partnerIds).toEqual(sorted([essenCompany, dortmundCompany, essenNonprofit, jenaNonprofit]));
    expect(await count("cooperation_partners")).toBeGreaterThanOrEqual(4);
  });

  it("defaults the region to the non-profit partner's region, else the first partner's", async () => {
    expect((await makeCooperation({ partnerIds: [dortmundCompany, jenaNonprofit] })).regionCode).toBe("16053");
    expect((await makeCooperation({ partnerIds: [jenaNonprofit, dortmundCompany] })).regionCode).toBe("16053");
    expect((await makeCooperation({ partnerIds: [essenCompany, jenaNonprofit, frankfurtPublic] })).regionCode).toBe("16053");
    expect((await makeCooperation({ partnerIds: [jenaCompany, dortmundCompany] })).regionCode).toBe("16053");
    expect((await makeCooperation({ partnerIds: [dortmundCompany, jenaCompany] })).regionCode).toBe("05913");
    // explicit region wins
    expect((await makeCooperation({ partnerIds: [dortmundCompany, jenaNonprofit], regionCode: "05913" })).regionCode).toBe("05913");
  });

  it("updates fields, replaces partners, keeps the rest", async () => {
    const coop = await makeCooperation({ partnerIds: [essenCompany, essenNonprofit], hours: 3, notes: "alt" });
    const patched = await call(`/api/v1/cooperations/${coop.id}`, { method: "PATCH", body: { status: "done", dateDone: "2024-04-01", hours: 10 } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toEqual({ ...coop, status: "done", dateDone: "2024-04-01", hours: 10, updatedAt: patched.json.updatedAt });
    const partners = await call(`/api/v1/cooperations/${coop.id}`, { method: "PATCH", body: { partnerIds: [essenNonprofit, dortmundCompany, jenaCompany] } });
    expect(partners.status, partners.text).toBe(200);
    expect(partners.json.partnerIds).toEqual(sorted([essenNonprofit, dortmundCompany, jenaCompany]));
    expect(partners.json).toMatchObject({ hours: 10, notes: "alt", status: "done", regionCode: "05113" });
    const stored = await rows<{ organisation_id: number }>("SELECT organisation_id FROM cooperation_partners WHERE cooperation_id = ? ORDER BY 1", coop.id);
    expect(stored.map((s) => s.organisation_id)).toEqual(sorted([essenNonprofit, dortmundCompany, jenaCompany]));
  });

  it("records a follow-up of a previous cooperation", async () => {
    const first = await makeCooperation({ partnerIds: [essenCompany, essenNonprofit], dateAgreed: "2023-05-01" });
    const second = await makeCooperation({ partnerIds: [essenCompany, essenNonprofit], dateAgreed: "2024-05-01", followUpOf: first.id });
    expect(second.followUpOf).toBe(first.id);
    const self = await expectRejectedWithoutChange(
      () => call(`/api/v1/cooperations/${first.id}`, { method: "PATCH", body: { followUpOf: first.id } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(self)).toEqual(["followUpOf"]);
  });

  it("soft-deletes: 404 afterwards, gone from lists, partners kept", async () => {
    const coop = await makeCooperation({ partnerIds: [essenCompany, jenaNonprofit], notes: "Löschkandidat" });
    expect((await call("/api/v1/cooperations?q=Löschkandidat")).json.data.map((c: any) => c.id)).toEqual([coop.id]);
    const del = await call(`/api/v1/cooperations/${coop.id}`, { method: "DELETE" });
    expect(del.status, del.text).toBe(204);
    expectError(await call(`/api/v1/cooperations/${coop.id}`), 404, "not_found");
    expect((await call("/api/v1/cooperations?q=Löschkandidat")).json.data).toEqual([]);
    expect((await walk("/api/v1/cooperations?limit=500")).items.map((c) => c.id)).not.toContain(coop.id);
    expect((await rows<{ deleted_at: string }>("SELECT deleted_at FROM cooperations WHERE id = ?", coop.id))[0].deleted_at).toMatch(/^\d{4}-/);
    expect(await rows("SELECT * FROM cooperation_partners WHERE cooperation_id = ?", coop.id)).toHaveLength(2);
    expectError(await call(`/api/v1/cooperations/${coop.id}`, { method: "PATCH", body: { status: "done" } }), 404, "not_found");
    expectError(await call(`/api/v1/cooperations/${coop.id}`, { method: "DELETE" }), 404, "not_found");
    // a deleted cooperation cannot be followed up
    const follow = await expectRejectedWithoutChange(
      () => call("/api/v1/cooperations", { body: { partnerIds: [essenCompany, jenaNonprofit], dateAgreed: "2024-06-01", status: "agreed", followUpOf: coop.id } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(follow)).toEqual(["followUpOf"]);
  });

  it("a deleted partner organisation stays in its cooperations, which can still be updated", async () => {
    const leaving = await makeOrganisation({ kind: "company", name: "Verlässt den Atlas GmbH" });
    const coop = await makeCooperation({ partnerIds: [leaving, essenNonprofit], status: "agreed" });
    expect((await call(`/api/v1/organisations/${leaving}`, { method: "DELETE" })).status).toBe(204);
    const read = await call(`/api/v1/cooperations/${coop.id}`);
    expect(read.json.partnerIds).toEqual(sorted([leaving, essenNonprofit]));
    // Marking the deal as done must not require re-entering (or dropping) the deleted partner.
    const done = await call(`/api/v1/cooperations/${coop.id}`, { method: "PATCH", body: { status: "done", dateDone: "2024-04-02" } });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ status: "done", dateDone: "2024-04-02", partnerIds: sorted([leaving, essenNonprofit]) });
  });
});

describe("cooperations: rejected writes change nothing", () => {
  const valid = () => ({ partnerIds: [essenCompany, essenNonprofit], dateAgreed: "2024-03-01", status: "agreed" });

  it("needs at least two distinct partners", async () => {
    for (const partnerIds of [[essenCompany], [essenCompany, essenCompany], []]) {
      const err = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), partnerIds } }), 422, "validation_failed");
      expect(detailPaths(err)).toEqual(["partnerIds"]);
    }
    const none = await expectRejectedWithoutChange(
      () => call("/api/v1/cooperations", { body: { dateAgreed: "2024-03-01", status: "agreed" } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(none)).toEqual(["partnerIds"]);
  });

  it("unknown partner, event, follow-up and region → 422 unknown_reference naming the field", async () => {
    const partner = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), partnerIds: [essenCompany, 987654] } }), 422, "unknown_reference");
    expect(detailPaths(partner)).toEqual(["partnerIds[1]"]);
    const ref = await expectRejectedWithoutChange(
      () => call("/api/v1/cooperations", { body: { ...valid(), partnerIds: [essenCompany], partnerRefs: [{ source: "crm", externalRef: "nope" }] } }),
      422,
      "unknown_reference",
    );
    expect(detailPaths(ref)).toEqual(["partnerRefs[0]"]);
    const event = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), eventId: 987654 } }), 422, "unknown_reference");
    expect(detailPaths(event)).toEqual(["eventId"]);
    const follow = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), followUpOf: 987654 } }), 422, "unknown_reference");
    expect(detailPaths(follow)).toEqual(["followUpOf"]);
    const region = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), regionCode: "77777" } }), 422, "unknown_reference");
    expect(detailPaths(region)).toEqual(["regionCode"]);
  });

  it("dates: impossible date, dateDone before dateAgreed (create and update)", async () => {
    const impossible = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), dateAgreed: "2024-02-30" } }), 422, "validation_failed");
    expect(detailPaths(impossible)).toEqual(["dateAgreed"]);
    const order = await expectRejectedWithoutChange(
      () => call("/api/v1/cooperations", { body: { ...valid(), dateAgreed: "2024-05-01", dateDone: "2024-04-30" } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(order)).toEqual(["dateDone"]);
    const coop = await makeCooperation({ ...valid(), dateAgreed: "2024-05-01" });
    const patch = await expectRejectedWithoutChange(
      () => call(`/api/v1/cooperations/${coop.id}`, { method: "PATCH", body: { dateDone: "2024-04-30" } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(patch)).toEqual(["dateDone"]);
    const patchAgreed = await expectRejectedWithoutChange(
      () => call(`/api/v1/cooperations/${coop.id}`, { method: "PATCH", body: { dateAgreed: "2023-02-29" } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(patchAgreed)).toEqual(["dateAgreed"]);
  });

  it("wrong types, negative numbers, unknown enum values name the field", async () => {
    for (const [field, value] of [["hours", "12"], ["hours", -1], ["volunteers", 1.5], ["valueEur", null], ["status", "maybe"], ["contributionTypes", ["love"]], ["peopleReached", -3]] as const) {
      const err = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), [field]: value } }), 422, "validation_failed");
      expect(detailPaths(err).some((p) => p === field || p.startsWith(`${field}[`)), `${field}=${JSON.stringify(value)}: ${detailPaths(err)}`).toBe(true);
    }
  });

  it("duplicate source + externalRef → 409 on create and update", async () => {
    await makeCooperation({ ...valid(), source: "dealsheet", externalRef: "DUP-C1" });
    await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...valid(), source: "dealsheet", externalRef: "DUP-C1" } }), 409, "conflict");
    const other = await makeCooperation({ ...valid(), source: "dealsheet", externalRef: "DUP-C2" });
    await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${other.id}`, { method: "PATCH", body: { externalRef: "DUP-C1" } }), 409, "conflict");
  });
});

describe("cooperations: list filters, sorting, pagination", () => {
  const ids: Record<string, number> = {};
  let market: number, actionDay: number;
  beforeAll(async () => {
    // a region of their own (custom, under Thüringen) keeps these rows apart from the rows above
    await call("/api/v1/regions", { body: { code: "TH-LISTE", name: "Listenregion", parentCode: "16" } });
    await call("/api/v1/regions", { body: { code: "TH-LISTE-NORD", name: "Listenregion Nord", parentCode: "TH-LISTE" } });
    market = await makeEvent({ kind: "marketplace", regionCode: "TH-LISTE" });
    actionDay = await makeEvent({ kind: "action_day", regionCode: "TH-LISTE" });
    const base = { partnerIds: [jenaCompany, jenaNonprofit] };
    ids.a = (await makeCooperation({ ...base, regionCode: "TH-LISTE", dateAgreed: "2023-01-10", status: "done", hours: 5, valueEur: 100, eventId: market, notes: "Bewerbungstraining" })).id;
    ids.b = (await makeCooperation({ ...base, regionCode: "TH-LISTE-NORD", dateAgreed: "2023-06-15", status: "agreed", hours: 50, valueEur: 10, eventId: actionDay })).id;
    ids.c = (await makeCooperation({ partnerIds: [essenCompany, jenaNonprofit], regionCode: "TH-LISTE", dateAgreed: "2024-02-29", status: "ongoing", hours: 20, valueEur: 1000, targetGroups: "Senioren" })).id;
    ids.d = (await makeCooperation({ ...base, regionCode: "TH-LISTE-NORD", dateAgreed: "2024-02-29", status: "cancelled", hours: 0, valueEur: 0, givesBack: "Dankesurkunde" })).id;
    ids.e = (await makeCooperation({ ...base, regionCode: "TH-LISTE", dateAgreed: "2024-12-31", status: "not_feasible", hours: 1, valueEur: 5, eventId: market, source: "import", externalRef: "L-E" })).id;
  });
  const listIds = async (query: string) => {
    const res = await call(`/api/v1/cooperations?region=TH-LISTE&limit=500&${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json.data.map((c: any) => c.id);
  };

  it("default sort -dateAgreed (ties by -id); sort=dateAgreed, hours, -valueEur", async () => {
    expect(await listIds("")).toEqual([ids.e, ids.d, ids.c, ids.b, ids.a]);
    expect(await listIds("sort=-dateAgreed")).toEqual([ids.e, ids.d, ids.c, ids.b, ids.a]);
    expect(await listIds("sort=dateAgreed")).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e]);
    expect(await listIds("sort=hours")).toEqual([ids.d, ids.e, ids.a, ids.c, ids.b]);
    expect(await listIds("sort=-valueEur")).toEqual([ids.c, ids.a, ids.b, ids.e, ids.d]);
  });

  it("region includes sub-regions (and states include custom children)", async () => {
    const nord = await call("/api/v1/cooperations?region=TH-LISTE-NORD&sort=id");
    expect(nord.json.data.map((c: any) => c.id)).toEqual([ids.b, ids.d]);
    const state = await call("/api/v1/cooperations?region=16&limit=500&sort=id");
    expect(state.json.data.map((c: any) => c.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    const nrw = await call("/api/v1/cooperations?region=05&limit=500");
    expect(nrw.json.data.map((c: any) => c.id)).not.toContain(ids.a);
    expect(nrw.json.data.every((c: any) => c.regionCode.startsWith("05"))).toBe(true);
  });

  it("status, format (event kind and none), from/to, organisation, event, source/externalRef, q", async () => {
    expect(await listIds("status=done")).toEqual([ids.a]);
    expect(await listIds("format=marketplace&sort=id")).toEqual([ids.a, ids.e]);
    expect(await listIds("format=action_day")).toEqual([ids.b]);
    expect(await listIds("format=none&sort=id")).toEqual([ids.c, ids.d]);
    expect(await listIds("format=round_table")).toEqual([]);
    expect(await listIds("from=2024-01-01&sort=id")).toEqual([ids.c, ids.d, ids.e]);
    expect(await listIds("to=2023-12-31&sort=id")).toEqual([ids.a, ids.b]);
    expect(await listIds("from=2024-02-29&to=2024-02-29&sort=id")).toEqual([ids.c, ids.d]);
    expect(await listIds(`organisation=${essenCompany}`)).toEqual([ids.c]);
    expect(await listIds(`event=${market}&sort=id`)).toEqual([ids.a, ids.e]);
    expect(await listIds("source=import&externalRef=L-E")).toEqual([ids.e]);
    expect(await listIds("q=bewerbung")).toEqual([ids.a]);
    expect(await listIds("q=Senioren")).toEqual([ids.c]);
    expect(await listIds("q=Dankesurkunde")).toEqual([ids.d]);
    const list = await call(`/api/v1/cooperations?event=${market}&sort=id`);
    expect(list.json.data.map((c: any) => c.format)).toEqual(["marketplace", "marketplace"]);
  });

  it("walks all pages with limit=2 (sort=-dateAgreed and others): no duplicates, no gaps", async () => {
    for (const sort of ["-dateAgreed", "dateAgreed", "hours", "-valueEur", "id", "-createdAt"]) {
      const { items, pages } = await walk(`/api/v1/cooperations?region=TH-LISTE&limit=2&sort=${sort}`);
      const all = await listIds(`sort=${sort}`);
      expect(items.map((c) => c.id), sort).toEqual(all);
      expect(new Set(items.map((c) => c.id)).size).toBe(5);
      expect(pages).toBe(3);
    }
  });

  it("rejects invalid cursor, sort, limit, format, dates with 422", async () => {
    expect(detailPaths(expectError(await call("/api/v1/cooperations?cursor=Zm9v"), 422, "validation_failed"))).toEqual(["cursor"]);
    expect(detailPaths(expectError(await call("/api/v1/cooperations?sort=-partnerIds"), 422, "validation_failed"))).toEqual(["sort"]);
    expect(detailPaths(expectError(await call("/api/v1/cooperations?limit=0"), 422, "validation_failed"))).toEqual(["limit"]);
    expect(detailPaths(expectError(await call("/api/v1/cooperations?format=party"), 422, "validation_failed"))).toEqual(["format"]);
    expect(detailPaths(expectError(await call("/api/v1/cooperations?to=2024-02-30"), 422, "validation_failed"))).toEqual(["to"]);
    expect(detailPaths(expectError(await call("/api/v1/cooperations?status=open"), 422, "validation_failed"))).toEqual(["status"]);
  });
});
