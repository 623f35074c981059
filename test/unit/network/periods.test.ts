import { describe, expect, it } from "vitest";
import { firstPeriodStart, MAX_TREND_PERIODS, periodCount, periods } from "../../../worker/network/periods";

describe("trend periods", () => {
  it("counts the periods two dates touch", () => {
    expect(periodCount("2024-01-31", "2024-02-01", "month")).toBe(2);
    expect(periodCount("2000-01-15", "2019-12-31", "month")).toBe(240);
    expect(periodCount("2024-03-31", "2024-04-01", "quarter")).toBe(2);
    expect(periodCount("1900-01-01", "2100-12-31", "year")).toBe(201);
    expect(periodCount("2024-05-01", "2024-04-30", "month")).toBe(0);
  });

  it("agrees with the periods listed, for every interval", () => {
    for (const interval of ["month", "quarter", "year"] as const) {
      for (const [from, to] of [["2023-11-30", "2025-02-01"], ["1999-12-31", "2000-01-01"], ["2024-02-29", "2024-02-29"]]) {
        expect(periods(from, to, interval)).toHaveLength(periodCount(from, to, interval));
      }
    }
  });

  it("finds the start of a trend of the maximum length ending with a date's period", () => {
    expect(firstPeriodStart("2024-12-31", "month", MAX_TREND_PERIODS)).toBe("2005-01-01");
    expect(firstPeriodStart("2024-05-17", "quarter", 4)).toBe("2023-07-01");
    expect(firstPeriodStart("2024-05-17", "year", 1)).toBe("2024-01-01");
    expect(periodCount(firstPeriodStart("2024-12-31", "month", MAX_TREND_PERIODS), "2024-12-31", "month")).toBe(MAX_TREND_PERIODS);
  });
});
