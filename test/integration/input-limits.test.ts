/**
 * Input limits of every route (README "Input limits"): the date range of stored and queried
 * dates, sort keys, path ids and control characters. Each rejected request answers the one error
 * shape with 4xx, never a 500, and writes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, expectRejectedWithoutChange, makeOrganisation, uid } from "./api";
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
