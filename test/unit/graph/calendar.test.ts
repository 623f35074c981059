import { describe, expect, it } from "vitest";
import { addMonths, normaliseIsoDate, parseIsoDate } from "../../../worker/graph/calendar";
import { createRng, sampleWithoutReplacement } from "../../../worker/graph/random";

describe("calendar", () => {
  it("adds and subtracts calendar months, clamping to the month's last day", () => {
    expect(addMonths("2023-05-15", 24)).toBe("2025-05-15");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2023-03-31", -1)).toBe("2023-02-28");
    expect(addMonths("2024-02-29", -12)).toBe("2023-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-12-15", 1)).toBe("2025-01-15");
    expect(addMonths("2024-01-15", -13)).toBe("2022-12-15");
  });

  it("parses ISO dates and rejects others", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(normaliseIsoDate("2024-02-29T23:00:00Z")).toBe("2024-02-29");
    expect(() => parseIsoDate("2023-02-29")).toThrow(/not a valid calendar date/);
    expect(() => parseIsoDate("2023-2-1")).toThrow(/^parseIsoDate:/);
    expect(() => addMonths("2023-01-01", 1.5)).toThrow(/^addMonths:/);
  });
});

describe("random", () => {
  it("is reproducible and uniform enough", () => {
    const a = createRng(123);
    const b = createRng(123);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(Math.abs(draws.reduce((sum, x) => sum + x, 0) / draws.length - 0.5)).toBeLessThan(0.02);
  });

  it("samples without replacement", () => {
    const sample = sampleWithoutReplacement(100, 40, createRng(1));
    expect(new Set(sample).size).toBe(40);
    expect(Math.max(...sample)).toBeLessThan(100);
    expect(() => sampleWithoutReplacement(3, 4, createRng(1))).toThrow(/^sampleWithoutReplacement:/);
  });
});
