// Typed numbers and dates of the dashboard's forms (dashboard/src/number-input.ts): German and
// English input read as meant, ambiguous "1.250"/"1,250" by the page's language, nonsense refused.
import { describe, expect, it } from "vitest";
import { dateInWords, numberInWords, readDate, readNumber, writeDate, type NumberRule } from "../../dashboard/src/number-input";

/** The value, "!problem" for a refusal, null for an empty field. */
const num = (text: string, locale: "de" | "en" | "nl", rule?: NumberRule) => {
  const r = readNumber(text, locale, rule);
  return r === null ? null : r.ok ? r.value : `!${r.problem}`;
};
const date = (text: string) => {
  const r = readDate(text);
  return r === null ? null : r.ok ? r.value : `!${r.problem}`;
};
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("readNumber: German page", () => {
  it.each([
    ["480,50", 480.5], ["1.250,50", 1250.5], ["1.250", 1250], ["1.250.000", 1_250_000], ["1.250.000,75", 1_250_000.75],
    ["1,250", 1.25], ["0,5", 0.5], [",5", 0.5], ["1.5", 1.5], ["1.25", 1.25], ["1250", 1250], ["007", 7],
    ["1 250,50", 1250.5], ["1\u00a0250", 1250], ["1,250.50", 1250.5], ["+3", 3], ["  12  ", 12], ["-0", 0],
  ])("%s → %s", (text, expected) => {
    expect(num(text, "de")).toBe(expected);
  });
});

describe("readNumber: English page", () => {
  it.each([
    ["1,250.50", 1250.5], ["1,250", 1250], ["1,250,000", 1_250_000], ["480.50", 480.5], ["1.250", 1.25], ["1,5", 1.5],
    ["1.250,50", 1250.5], ["1.250.000", 1_250_000], ["1 250.5", 1250.5], [".5", 0.5],
  ])("%s → %s", (text, expected) => {
    expect(num(text, "en")).toBe(expected);
  });
});

describe("readNumber: Dutch page (thousands and decimals as in German)", () => {
  it.each([
    ["1.250,50", 1250.5], ["1.250", 1250], ["480,50", 480.5], ["1,250", 1.25], ["1.250.000", 1_250_000], ["1,250.50", 1250.5],
  ])("%s → %s", (text, expected) => {
    expect(num(text, "nl")).toBe(expected);
  });
});

describe("readNumber: refusals", () => {
  it.each(["1,2,3", "12abc", "1.25.0", "1e3", "abc", ".", ",", "1,,2", "1..2", "1.250,50,3", "1,250.50.3", "1 2 3", "--5", "5-", "Infinity", "NaN", "0x10", "1.2,3", "12 €", "½"])(
    "%s is not a number in either language",
    (text) => {
      expect(num(text, "de")).toBe("!not_a_number");
      expect(num(text, "en")).toBe("!not_a_number");
    },
  );
  it("a thousands mark must group three digits after 1–3 digits not starting with 0", () => {
    expect(num("0.250", "de")).toBe("!not_a_number");
    expect(num("1250.500", "de")).toBe("!not_a_number");
    expect(num("0,250", "en")).toBe("!not_a_number");
    expect(num("1250,500", "en")).toBe("!not_a_number");
    expect(num("12.50,5", "de")).toBe("!not_a_number");
    // Read the other way these are decimals.
    expect(num("0.250", "en")).toBe(0.25);
    expect(num("0,250", "de")).toBe(0.25);
  });
  it("negatives only where a field allows them", () => {
    expect(num("-5", "de")).toBe("!negative");
    expect(num("−1.250,5", "de")).toBe("!negative");
    expect(num("- 3", "en")).toBe("!negative");
    expect(num("-1.250,5", "de", { negative: true })).toBe(-1250.5);
    expect(num("-1,250.5", "en", { negative: true })).toBe(-1250.5);
  });
  it("whole numbers for counts: a German 1.250 is 1250 people, an English one is refused", () => {
    expect(num("1.250", "de", { integer: true })).toBe(1250);
    expect(num("1.250", "en", { integer: true })).toBe("!not_whole");
    expect(num("2,5", "de", { integer: true })).toBe("!not_whole");
    expect(num("3,0", "de", { integer: true })).toBe(3);
  });
  it("amounts: euro signs allowed, at most two decimals", () => {
    const eur = { currency: true, decimals: 2 };
    expect(num("€ 480,50", "de", eur)).toBe(480.5);
    expect(num("480,50 €", "de", eur)).toBe(480.5);
    expect(num("1,250.50 EUR", "en", eur)).toBe(1250.5);
    expect(num("480,505", "de", eur)).toBe("!too_many_decimals");
    expect(readNumber("480,505", "de", eur)).toEqual({ ok: false, problem: "too_many_decimals", limit: 2 });
    expect(num("480,500", "de", eur)).toBe(480.5);
    // A euro sign in a field that is not an amount is not a number.
    expect(num("480 €", "de")).toBe("!not_a_number");
  });
  it("an empty field is null, not 0", () => {
    expect(num("", "de")).toBeNull();
    expect(num("   ", "en")).toBeNull();
  });
});

describe("readDate", () => {
  it.each([
    ["03.10.2026", "2026-10-03"], ["3.10.2026", "2026-10-03"], ["3.10.26", "2026-10-03"], ["03/10/2026", "2026-10-03"],
    ["2026-10-03", "2026-10-03"], ["2026-1-5", "2026-01-05"], [" 03.10.2026 ", "2026-10-03"], ["29.02.2024", "2024-02-29"],
    ["03-10-2026", "2026-10-03"], ["3-10-26", "2026-10-03"],
  ])("%s → %s", (text, expected) => {
    expect(date(text)).toBe(expected);
  });
  it("refuses what is no date, and days that do not exist", () => {
    for (const t of ["03.10", "Oktober 2026", "03.10/2026", "03-10/2026", "2026/10/03", "3.10.202", "20261003", "1e3"]) expect(date(t), t).toBe("!not_a_date");
    for (const t of ["31.02.2026", "29.02.2025", "2026-13-01", "00.10.2026", "32/01/2026", "31-06-2026"]) expect(date(t), t).toBe("!no_such_day");
    expect(date("")).toBeNull();
  });
});

describe("what a field understood, in the page's language", () => {
  it("numbers and amounts", () => {
    expect(spaces(numberInWords(480.5, "de", { currency: true, decimals: 2 }))).toBe("480,50 €");
    expect(numberInWords(1250.5, "en", { currency: true, decimals: 2 })).toBe("€1,250.50");
    expect(numberInWords(1250.5, "de")).toBe("1.250,5");
    expect(numberInWords(1250.5, "en")).toBe("1,250.5");
    expect(numberInWords(1250.5, "nl")).toBe("1.250,5");
    expect(spaces(numberInWords(1250.5, "nl", { currency: true, decimals: 2 }))).toBe("€ 1.250,50");
  });
  it("dates with weekday and month name, and written back the page's way", () => {
    expect(dateInWords("2026-10-03", "de")).toBe("Samstag, 3. Oktober 2026");
    expect(dateInWords("2026-10-03", "en")).toMatch(/^Saturday,? 3 October 2026$/);
    expect(writeDate("2026-10-03", "de")).toBe("03.10.2026");
    expect(writeDate("2026-10-03", "en")).toBe("03/10/2026");
    expect(date(writeDate("2026-10-03", "en"))).toBe("2026-10-03");
    expect(dateInWords("2026-10-03", "nl")).toBe("zaterdag 3 oktober 2026");
    expect(writeDate("2026-10-03", "nl")).toBe("03-10-2026");
    expect(date(writeDate("2026-10-03", "nl"))).toBe("2026-10-03");
  });
});
