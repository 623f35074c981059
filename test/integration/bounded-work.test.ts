/**
 * Bounded work for anonymous callers: a trend has at most MAX_TREND_PERIODS points (longer ranges
 * are a 422 that says the limit), network trend points computed on read are bounded and store no
 * snapshot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_TREND_PERIODS } from "../../worker/network/periods";
import { call, count, expectError, makeOrganisation, rows } from "./api";

// Gotha (16067) is used by no other test file.
const R = "16067";

beforeAll(async () => {
  const a = await makeOrganisation({ kind: "company", regionCode: R });
  const b = await makeOrganisation({ kind: "nonprofit", regionCode: R });
  const c = await makeOrganisation({ kind: "nonprofit", regionCode: R });
  // One deal a year from 1995 to 2024: 30 years of data.
  for (let y = 1995; y <= 2024; y++) {
    const res = await call("/api/v1/cooperations", { body: { partnerIds: [a, y % 2 ? b : c], dateAgreed: `${y}-06-15`, status: "done" } });
    expect(res.status, res.text).toBe(201);
  }
});

const trend = (query: string) => call(`/api/v1/regions/${R}/trend?${query}`, { token: null });

describe("trend periods", () => {
  it("answers a range of more periods than the limit with a 422 that names the limit", async () => {
    for (const query of [
      "metric=cooperations&interval=month&from=1990-01-01&to=2100-12-31",
      "metric=density&interval=month&from=1990-01-01&to=2024-12-31",
      `metric=cooperations&interval=quarter&from=1950-01-01&to=2024-12-31`,
      "metric=cooperations&interval=month&from=0001-01-01&to=9999-12-31",
    ]) {
      const err = expectError(await trend(query), 422, "validation_failed");
      expect(err.details?.[0].path, query).toBe("from");
    }
    const err = expectError(await trend("metric=cooperations&interval=month&from=2000-01-01&to=2020-01-31"), 422, "validation_failed");
    expect(err.details?.[0].message).toContain(`At most ${MAX_TREND_PERIODS} periods`);
    expect(err.details?.[0].message).toContain("241 months");
  });

  it("serves exactly the limit, and from after to is a 422", async () => {
    const res = await trend("metric=cooperations&interval=month&from=2000-01-15&to=2019-12-31");
    expect(res.status, res.text).toBe(200);
    expect(res.json.points).toHaveLength(MAX_TREND_PERIODS);
    expect(res.json.points[0].period).toBe("2000-01");
    expect((await trend("metric=cooperations&interval=year&from=1900-01-01&to=2100-12-31")).status).toBe(200);
    expectError(await trend("metric=cooperations&interval=year&from=2020-01-01&to=2019-12-31"), 422, "validation_failed");
  });

  it("starts a trend without from at the first data, at most the limit of periods back", async () => {
    const yearly = await trend("metric=cooperations&interval=year&to=2024-12-31");
    expect(yearly.json.points[0].period).toBe("1995");
    expect(yearly.json.points).toHaveLength(30);
    const monthly = await trend("metric=cooperations&interval=month&to=2024-12-31");
    expect(monthly.status, monthly.text).toBe(200);
    expect(monthly.json.points).toHaveLength(MAX_TREND_PERIODS);
    expect(monthly.json.points.at(-1).period).toBe("2024-12");
    expect(monthly.json.points[0].period).toBe("2005-01");
  });

  it("computes a bounded number of network points per request, storing history rows but no snapshot", async () => {
    const snapshotsBefore = await count("metric_snapshots");
    const query = "metric=density&interval=month&from=2005-01-01&to=2024-12-31";
    const started = Date.now();
    const first = await trend(query);
    expect(first.status, first.text).toBe(200);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(first.json.points).toHaveLength(240);
    const computed = first.json.points.filter((p: { value: number | null }) => p.value !== null).length;
    expect(computed).toBeGreaterThan(0);
    expect(computed).toBeLessThanOrEqual(48);
    expect(await count("metric_snapshots")).toBe(snapshotsBefore);
    const history = await rows<{ n: number }>("SELECT count(*) AS n FROM metric_history WHERE region_code = ?", R);
    expect(history[0].n).toBe(computed);
    // The next request goes on where the first stopped.
    const second = await trend(query);
    expect(second.json.points.filter((p: { value: number | null }) => p.value !== null).length).toBeGreaterThan(computed);
  });
});
