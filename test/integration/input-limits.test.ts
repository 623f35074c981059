/**
 * Input limits of every route (README "Input limits"): the date range of stored and queried
 * dates, sort keys, path ids and control characters. Each rejected request answers the one error
 * shape with 4xx, never a 500, and writes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, detailPaths, expectError, expectRejectedWithoutChange, makeOrganisation, uid } from "./api";
import { importFile, outcomes, rejections } from "../fixtures/import/report";
import { utf8Bom } from "../fixtures/import/encode";
import { DATE_RANGE } from "../../worker/lib/limits";

describe("dates: one range for stored and queried dates", () => {
  let company: number;
  let nonprofit: number;
  const companyName = uid("Datum GmbH");
  const nonprofitName = uid("Datum e.V.");
  beforeAll(async () => {
    company = await makeOrganisation({ kind: "company", name: companyName });
    nonprofit = await makeOrganisation({ kind: "nonprofit", name: nonprofitName });
  });
  const cooperation = (fields: Record<string, unknown> = {}) => ({ partnerIds: [company, nonprofit], dateAgreed: "2024-03-01", status: "agreed", ...fields });
  const mentionsRange = (err: { details?: { message: string }[] }) =>
    expect(err.details?.some((d) => d.message.includes(DATE_RANGE.min) && d.message.includes(DATE_RANGE.max))).toBe(true);

  it("a date before year 1000 or after the range is refused on every write, naming the limit", async () => {
    for (const date of ["0999-06-01", "0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"]) {
      const single = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: cooperation({ dateAgreed: date }) }), 422, "validation_failed");
      expect(single.details?.map((d) => d.path)).toEqual(["dateAgreed"]);
      mentionsRange(single);
      mentionsRange(await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: cooperation({ dateDone: date, status: "done" }) }), 422, "validation_failed"));
      const bulk = await expectRejectedWithoutChange(
        () => call("/api/v1/cooperations/bulk", { body: { records: [cooperation(), cooperation({ dateAgreed: date })] } }),
        422,
        "validation_failed",
      );
      expect(bulk.details?.map((d) => d.path)).toEqual(["records[1].dateAgreed"]);
      mentionsRange(await expectRejectedWithoutChange(() => call("/api/v1/events", { body: { kind: "marketplace", title: uid("Alt"), date, regionCode: "05113" } }), 422, "validation_failed"));
    }
    const created = await call("/api/v1/cooperations", { body: cooperation() });
    expect(created.status).toBe(201);
    mentionsRange(await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${created.json.id}`, { method: "PATCH", body: { dateAgreed: "0999-06-01" } }), 422, "validation_failed"));
  });

  it("the limits themselves are accepted", async () => {
    for (const date of [DATE_RANGE.min, DATE_RANGE.max]) {
      expect((await call("/api/v1/cooperations", { body: cooperation({ dateAgreed: date }) })).status).toBe(201);
    }
  });

  it("dates that do not exist are refused", async () => {
    for (const date of ["2025-02-30", "2024-13-01", "2023-02-29", "2024-00-10", "2024-5-1"]) {
      await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: cooperation({ dateAgreed: date }) }), 422, "validation_failed");
    }
  });

  it("the import refuses dates outside the range with its own reason", async () => {
    const csv = ["Unternehmen;Organisation;Datum", ...["01.06.0999", "0999-06-01", "31.12.1899", "01.01.2101", "17.05.2024"].map((d) => `${companyName};${nonprofitName};${d}`)].join("\r\n");
    const res = await importFile("cooperations", utf8Bom(csv));
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "rejected", 3: "rejected", 4: "rejected", 5: "rejected", 6: "created" });
    expect(rejections(res.json)).toMatchObject({ 2: ["Datum:date_out_of_range"], 3: ["Datum:date_out_of_range"], 4: ["Datum:date_out_of_range"], 5: ["Datum:date_out_of_range"] });
    expect(res.json.rows[0].issues[0].message).toContain(DATE_RANGE.min);
  });

  it("query dates outside the range answer 422 naming the limit, never 500", async () => {
    const paths = [
      "/api/v1/regions/05113/metrics?to=0001-01-01",
      "/api/v1/regions/05113/metrics?from=0999-01-01&to=2024-01-01",
      "/api/v1/metrics?to=0000-01-01",
      "/api/v1/conversion?to=0000-01-01",
      "/api/v1/regions/05113/trend?metric=cooperations&interval=month&from=0001-01-01&to=9999-12-31",
      "/api/v1/regions/05113/network?to=0001-01-01",
      `/api/v1/organisations/${company}/metrics?to=0001-01-01`,
      "/api/v1/events?from=0500-01-01",
      "/api/v1/cooperations?to=2200-01-01",
      "/api/v1/audit?from=0001-01-01",
    ];
    for (const path of paths) {
      const res = await call(path);
      const err = expectError(res, 422, "validation_failed");
      mentionsRange(err);
    }
  });
});

describe("sort keys are looked up among the allowed keys only", () => {
  it("inherited object keys (__proto__, constructor, toString, -valueOf) answer 422 listing the allowed keys", async () => {
    for (const list of ["/api/v1/organisations", "/api/v1/events", "/api/v1/cooperations", "/api/v1/regions"]) {
      for (const sort of ["__proto__", "constructor", "toString", "-valueOf", "hasOwnProperty", "-__proto__"]) {
        // Anonymous callers too, where the list is public.
        const anonymous = (await call(list, { token: null })).status === 200;
        for (const token of anonymous ? [undefined, null] : [undefined]) {
          const err = expectError(await call(`${list}?sort=${encodeURIComponent(sort)}`, { token }), 422, "validation_failed");
          expect(err.details, `${list} ${sort}`).toEqual([{ path: "sort", message: expect.stringMatching(/^Expected one of \w+, -\w+/) }]);
        }
      }
    }
  });

  it("the allowed keys still sort", async () => {
    expect((await call("/api/v1/regions?sort=-name&limit=3")).status).toBe(200);
    expect((await call("/api/v1/organisations?sort=name")).status).toBe(200);
  });
});

describe("path ids are decimal integers only", () => {
  const loose = (id: number) => [`%20${id}`, `${id}%20`, `0${id}`, `%2B${id}`, `${id}.0`, `0x${id.toString(16)}`, `${id}e0`, "1e3", "9007199254740992", "99999999999999999999", "Infinity", "0", "-1"];

  it("organisations, events, cooperations and their sub-resources refuse anything else with 422 naming the id", async () => {
    const org = await makeOrganisation({ name: uid("Id e.V."), isPublic: true, contactName: "Erika Muster" });
    const company = await makeOrganisation({ kind: "company", name: uid("Id GmbH") });
    const event = await call("/api/v1/events", { body: { kind: "marketplace", title: uid("Id"), date: "2024-05-17", regionCode: "05113" } });
    const coop = await call("/api/v1/cooperations", { body: { partnerIds: [org, company], dateAgreed: "2024-03-01", status: "agreed" } });
    const paths = (id: string) => [
      `/api/v1/organisations/${id}`,
      `/api/v1/organisations/${id}/personal-data`,
      `/api/v1/organisations/${id}/metrics`,
      `/api/v1/events/${id}`,
      `/api/v1/cooperations/${id}`,
    ];
    for (const [path, real] of [
      [paths, org],
      [(id: string) => [`/api/v1/events/${id}`], event.json.id],
      [(id: string) => [`/api/v1/cooperations/${id}`], coop.json.id],
    ] as const) {
      for (const id of loose(real)) {
        for (const p of path(id)) {
          expect(detailPaths(expectError(await call(p), 422, "validation_failed")), p).toEqual(["id"]);
          if (!p.endsWith("metrics")) expectError(await call(p, { method: "DELETE" }), 422, "validation_failed");
        }
      }
    }
    await expectRejectedWithoutChange(() => call(`/api/v1/organisations/0x${org.toString(16)}`, { method: "PATCH", body: { name: "Umbenannt" } }), 422, "validation_failed");
    // Nothing was deleted or erased through a loose id.
    expect((await call(`/api/v1/organisations/${org}`)).json).toMatchObject({ id: org, contactName: "Erika Muster" });
    expect((await call(`/api/v1/events/${event.json.id}`)).status).toBe(200);
    expect((await call(`/api/v1/cooperations/${coop.json.id}`)).status).toBe(200);
    expect(detailPaths(expectError(await call(`/api/v1/events?organisation=0x${org.toString(16)}`), 422, "validation_failed"))).toEqual(["organisation"]);
    expect(detailPaths(expectError(await call(`/api/v1/cooperations?event=1e3`), 422, "validation_failed"))).toEqual(["event"]);
  });

  it("DELETE /tokens/%201 does not revoke token 1", async () => {
    const created = await call("/api/v1/tokens", { body: { name: uid("Id-Token"), role: "funder" } });
    const { id, token: secret } = created.json as { id: number; token: string };
    for (const raw of loose(id)) {
      await expectRejectedWithoutChange(() => call(`/api/v1/tokens/${raw}`, { method: "DELETE" }), 422, "validation_failed");
    }
    expect((await call("/api/v1/me", { token: secret })).status).toBe(200);
    expect((await call(`/api/v1/tokens/${id}`, { method: "DELETE" })).status).toBeLessThan(300);
  });

  it("the largest safe id is a well-formed id that is simply not found", async () => {
    expectError(await call(`/api/v1/organisations/${Number.MAX_SAFE_INTEGER}`), 404, "not_found");
  });
});
