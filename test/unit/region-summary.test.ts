// The region page's period in the URL (dashboard/src/period.ts) and its summary in words
// (dashboard/src/region-summary.ts): only visible figures become words.
import { describe, expect, it } from "vitest";
import { formatters, translator } from "../../dashboard/src/i18n";
import { periodQuery, readPeriod, windowQuery } from "../../dashboard/src/period";
import { summarySentences, type SummaryInput } from "../../dashboard/src/region-summary";

const month = (ym: string) => ym;
const words = (locale: "de" | "en", s: SummaryInput) => summarySentences(translator(locale), formatters(locale), s, month).join(" ");
const base: SummaryInput = {
  region: { name: "Jena", perHundredThousand: 24 },
  state: { name: "Thüringen", perHundredThousand: 15 },
  country: { name: "Deutschland", perHundredThousand: 10 },
  newPairs: 12,
  span: { kind: "thisYear" },
};

describe("summary in words", () => {
  it("says the ratio to the country and the state, and the new partnerships (German and English)", () => {
    expect(words("de", base)).toBe("Jena hat 2,4-mal so viele Kooperationen je Einwohner wie Deutschland und 1,6-mal so viele wie Thüringen. 12 neue Partnerschaften in diesem Jahr.");
    expect(words("en", { ...base, country: { name: "Germany", perHundredThousand: 10 }, state: { name: "Thuringia", perHundredThousand: 15 }, span: { kind: "year", year: 2025 } })).toBe(
      "Jena has 2.4 times as many cooperations per inhabitant as Germany and 1.6 times as many as Thuringia. 12 new partnerships in 2025.",
    );
    expect(words("de", { ...base, state: null, newPairs: 1, span: { kind: "months", from: "Dezember 2024", to: "November 2026" } })).toBe(
      "Jena hat 2,4-mal so viele Kooperationen je Einwohner wie Deutschland. 1 neue Partnerschaft von Dezember 2024 bis November 2026.",
    );
    expect(words("de", { ...base, region: { name: "Jena", perHundredThousand: 10.2 }, state: null })).toMatch(/^Jena hat etwa so viele Kooperationen je Einwohner wie Deutschland\./);
  });

  it("a withheld figure (null rate, withheld month) is left out, never put into words", () => {
    expect(words("de", { ...base, region: { name: "Jena", perHundredThousand: null }, newPairs: null })).toBe("");
    expect(words("de", { ...base, country: { name: "Deutschland", perHundredThousand: null } })).toBe("Jena hat 1,6-mal so viele Kooperationen je Einwohner wie Thüringen. 12 neue Partnerschaften in diesem Jahr.");
    expect(words("de", { ...base, state: { name: "Thüringen", perHundredThousand: null }, newPairs: null })).toBe("Jena hat 2,4-mal so viele Kooperationen je Einwohner wie Deutschland.");
    expect(words("de", { ...base, country: { name: "Deutschland", perHundredThousand: 0 }, state: null, newPairs: null })).toBe("");
  });
});

describe("period in the URL", () => {
  const q = (s: string) => readPeriod(new URLSearchParams(s), "2026-11-30");
  it("reads year, last 12 months, from–to; anything else is the last 24 months", () => {
    expect(q("year=2025")).toEqual({ kind: "year", year: 2025 });
    expect(q("period=12m")).toEqual({ kind: "rolling", months: 12 });
    expect(q("from=2025-03-01&to=2025-08-31")).toEqual({ kind: "custom", from: "2025-03-01", to: "2025-08-31" });
    for (const bad of ["", "year=2031", "year=20x5", "year=1999", "from=2025-02-30&to=2025-03-01", "from=2025-08-01&to=2025-03-01", "period=7m"]) expect(q(bad)).toEqual({ kind: "rolling", months: 24 });
  });
  it("writes back what it read, and asks the API for the same window", () => {
    for (const s of ["year=2025", "period=12m", "from=2025-03-01&to=2025-08-31", ""]) expect(periodQuery(q(s))).toBe(s);
    expect(windowQuery(q("year=2025"))).toBe("from=2025-01-01&to=2025-12-31");
    expect(windowQuery(q(""))).toBe("window=24m");
  });
});
