/**
 * The pure parts of a report (worker/reports/): the last day a report covers, the canonical JSON
 * its content hash is taken of, the years it covers, and the locator's choice of districts.
 */
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, reportAsOf, type ReportFigures } from "../../../worker/reports/figures";
import { locatorSelection } from "../../../worker/reports/locator";
import { niceMax } from "../../../worker/reports/charts";
import { checkYear, REPORT_LIMITS } from "../../../worker/reports/store";

describe("reportAsOf", () => {
  it("covers a past year to 31 December", () => {
    expect(reportAsOf(2025, "2026-11-30")).toBe("2025-12-31");
    expect(reportAsOf(2025, "2026-01-01")).toBe("2025-12-31");
  });
  it("covers the running year to the end of the last complete month, in January to the day", () => {
    expect(reportAsOf(2026, "2026-11-30")).toBe("2026-10-31");
    expect(reportAsOf(2026, "2026-03-01")).toBe("2026-02-28");
    expect(reportAsOf(2024, "2024-03-15")).toBe("2024-02-29");
    expect(reportAsOf(2026, "2026-01-20")).toBe("2026-01-20");
    expect(reportAsOf(2026, "2026-12-31")).toBe("2026-11-30");
  });
});

describe("content hash", () => {
  it("does not depend on the order of object keys", async () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    const a = { year: 2025, region: { code: "1", name: "x" } } as unknown as ReportFigures;
    const b = { region: { name: "x", code: "1" }, year: 2025 } as unknown as ReportFigures;
    expect(await contentHash(a)).toBe(await contentHash(b));
    expect(await contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(await contentHash({ ...a, year: 2024 })).not.toBe(await contentHash(a));
  });
});

describe("checkYear", () => {
  it(`allows the running year and the ${REPORT_LIMITS.pastYears} before`, () => {
    expect(() => checkYear(2026, "2026-05-01")).not.toThrow();
    expect(() => checkYear(2026 - REPORT_LIMITS.pastYears, "2026-05-01")).not.toThrow();
    expect(() => checkYear(2026 - REPORT_LIMITS.pastYears - 1, "2026-05-01")).toThrow(/validation|Invalid/);
    expect(() => checkYear(2027, "2026-05-01")).toThrow();
  });
});

describe("locator and axes", () => {
  it("shows a district within its state, a state within the country, nothing for a custom region", () => {
    const d = locatorSelection("05113", "district")!;
    expect([d.context("05111"), d.context("06411"), d.region("05113"), d.region("05111")]).toEqual([true, false, true, false]);
    const s = locatorSelection("05", "state")!;
    expect([s.context("06411"), s.region("05113"), s.region("06411")]).toEqual([true, true, false]);
    expect(locatorSelection("NL-ARN", "custom")).toBeNull();
  });
  it("rounds an axis up to 1, 2 or 5 times a power of ten", () => {
    expect([niceMax(0), niceMax(1), niceMax(3), niceMax(76), niceMax(120), niceMax(5000)]).toEqual([1, 1, 5, 100, 200, 5000]);
  });
});
