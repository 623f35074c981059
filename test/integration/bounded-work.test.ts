/**
 * Bounded work for anonymous callers: a trend has at most MAX_TREND_PERIODS points (longer ranges
 * are a 422 that says the limit), network trend points computed on read are bounded and store no
 * snapshot, and snapshots of arbitrary windows are a bounded cache (least recently used evicted).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_TREND_PERIODS } from "../../worker/network/periods";
import { keptWindows, MAX_WINDOW_SNAPSHOTS } from "../../worker/network/snapshots";
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

describe("snapshots of arbitrary windows", () => {
  const metrics = (query: string) => call(`/api/v1/regions/${R}/metrics${query}`, { token: null });
  const windowTo = (k: number) => new Date(Date.UTC(2020, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
  const stored = async () =>
    (await rows<{ window_from: string; window_to: string }>("SELECT window_from, window_to FROM metric_snapshots WHERE region_code NOT LIKE '~%'")).map(
      (r) => `${r.window_from}/${r.window_to}`,
    );

  it(`keeps at most ${MAX_WINDOW_SNAPSHOTS} of them, the least recently used evicted, and the default window for good`, async () => {
    const kept = keptWindows()[0];
    expect((await metrics("")).json.window).toEqual(kept);
    expect((await metrics(`?from=2019-01-01&to=${windowTo(0)}`)).status).toBe(200);
    for (let k = 1; k < MAX_WINDOW_SNAPSHOTS; k++) expect((await metrics(`?from=2019-01-01&to=${windowTo(k)}`)).status).toBe(200);
    // Used again: now the most recently used.
    expect((await metrics(`?from=2019-01-01&to=${windowTo(0)}`)).status).toBe(200);
    for (let k = MAX_WINDOW_SNAPSHOTS; k < MAX_WINDOW_SNAPSHOTS + 10; k++) expect((await metrics(`?from=2019-01-01&to=${windowTo(k)}`)).status).toBe(200);

    const windows = await stored();
    const others = windows.filter((w) => !keptWindows().some((k) => w === `${k.from}/${k.to}`));
    expect(others.length).toBe(MAX_WINDOW_SNAPSHOTS);
    expect(windows).toContain(`${kept.from}/${kept.to}`);
    expect(windows).toContain(`2019-01-01/${windowTo(0)}`);
    expect(windows).toContain(`2019-01-01/${windowTo(MAX_WINDOW_SNAPSHOTS + 9)}`);
    for (let k = 1; k <= 10; k++) expect(windows).not.toContain(`2019-01-01/${windowTo(k)}`);
    // Nothing left behind of the evicted ones.
    for (const table of ["organisation_metrics", "snapshot_edges", "snapshot_layouts", "snapshot_partners"]) {
      const orphans = await rows<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE snapshot_id NOT IN (SELECT id FROM metric_snapshots)`);
      expect(orphans[0].n, table).toBe(0);
    }
    // An evicted window is computed again when asked for.
    const again = await metrics(`?from=2019-01-01&to=${windowTo(1)}`);
    expect(again.status, again.text).toBe(200);
    expect(again.json.window).toEqual({ from: "2019-01-01", to: windowTo(1) });
    expect((await stored()).length).toBeLessThanOrEqual(MAX_WINDOW_SNAPSHOTS + keptWindows().length);
  });
});

describe("the ranking of an arbitrary window", () => {
  it("computes at most its budget of missing or stale snapshots per request", async () => {
    const districts = (await rows<{ code: string }>("SELECT code FROM regions WHERE kind = 'district' AND code NOT LIKE '05%' AND code <> ? ORDER BY code LIMIT 32", R)).map((r) => r.code);
    const ids = [];
    for (const regionCode of districts) ids.push(await makeOrganisation({ regionCode }));
    const query = "/api/v1/metrics?from=2020-01-01&to=2020-12-31";
    const inWindow = async (since = "") =>
      (await rows<{ n: number }>("SELECT count(*) AS n FROM metric_snapshots WHERE window_from = '2020-01-01' AND window_to = '2020-12-31' AND computed_at > ?", since))[0].n;
    // National snapshot + at most 30 regions per request.
    expect((await call(query, { token: null })).status).toBe(200);
    expect(await inWindow()).toBeLessThanOrEqual(31);
    for (let k = 0; k < 3; k++) expect((await call(query, { token: null })).status).toBe(200);
    const all = await inWindow();
    expect(all).toBeGreaterThan(31);
    // A write in every district makes every snapshot of the window stale.
    for (const id of ids) expect((await call(`/api/v1/organisations/${id}`, { method: "PATCH", body: { industry: "retail" } })).status).toBe(200);
    const since = new Date().toISOString();
    const res = await call(query, { token: null });
    expect(res.status, res.text).toBe(200);
    expect(await inWindow(since)).toBeLessThanOrEqual(31);
  });
});

describe("monthly history", () => {
  it("gets rows only for months the data spans, whatever dates callers ask for", async () => {
    const months = async () => (await rows<{ period: string }>("SELECT period FROM metric_history WHERE region_code = ?", R)).map((r) => r.period);
    const before = await months();
    for (const to of ["1950-06-30", "1994-12-31", "2090-01-31", "2100-12-31"]) {
      expect((await call(`/api/v1/regions/${R}/metrics?to=${to}`, { token: null })).status).toBe(200);
      expect((await call(`/api/v1/conversion?region=${R}&to=${to}`, { token: null })).status).toBe(200);
    }
    expect(await months()).toEqual(before);
    // A month with data in its window gets its row.
    expect((await call(`/api/v1/regions/${R}/metrics?to=2003-08-31`, { token: null })).status).toBe(200);
    expect(await months()).toContain("2003-08");
  });
});
