/**
 * The import's readers in isolation (inside workerd): text decoding, the CSV reader, and the
 * value parsers for numbers, dates, yes/no and labels as German and English spreadsheets write them.
 */
import { describe, expect, it } from "vitest";
import { parseCsv, detectDelimiter } from "../../worker/import/csv";
import { decodeText } from "../../worker/import/text";
import { cellText, parseBoolean, parseDate, parseEnum, parseEnumList, parseKey, parseNumber, regionCodeText } from "../../worker/import/values";
import { COOPERATION_STATUSES, CONTRIBUTION_TYPES, EVENT_KINDS, ORGANISATION_KINDS } from "../../worker/import/vocabulary";
import { headerMap } from "../../worker/import/columns";
import { normWord } from "../../worker/import/vocabulary";
import { csvCell } from "../../worker/export/csv";
import { neutraliseFormula } from "../../worker/export/cells";
import { cp1252, utf8, utf8Bom } from "../fixtures/import/encode";

const value = <T>(p: { ok: true; value: T } | { ok: false; code: string }) => (p.ok ? p.value : `!${p.code}`);

describe("decodeText", () => {
  it("UTF-8 with and without BOM, Windows-1252, UTF-16LE with BOM", () => {
    const text = "Jülich;Größe;€ 5";
    expect(decodeText(utf8Bom(text))).toEqual({ text, encoding: "utf-8", bom: true });
    expect(decodeText(utf8(text))).toEqual({ text, encoding: "utf-8", bom: false });
    expect(decodeText(cp1252(text))).toEqual({ text, encoding: "windows-1252", bom: false });
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeText(le)).toEqual({ text, encoding: "utf-16le", bom: true });
  });

  it("UTF-8 with Windows-1252 lines: each line in its own encoding, those lines listed", () => {
    const mixed = new Uint8Array([...utf8("Jülich\n"), ...cp1252("Düren\r\n"), ...utf8("plain\nGröße")]);
    expect(decodeText(mixed)).toEqual({ text: "Jülich\nDüren\r\nplain\nGröße", encoding: "mixed", bom: false, windows1252Lines: [2] });
    // ASCII lines are valid in both; without a UTF-8 line beyond ASCII the file is plain Windows-1252.
    expect(decodeText(new Uint8Array([...utf8("plain\n"), ...cp1252("Düren")]))).toEqual({ text: "plain\nDüren", encoding: "windows-1252", bom: false });
  });

  it("refuses NUL bytes and control-character soup", () => {
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(/NUL bytes/);
    expect(() => decodeText(new Uint8Array(1000).map((_, i) => (i % 7 === 0 ? 0x01 : 0x41)))).toThrow(/binary data/);
  });
});

describe("parseCsv", () => {
  it("detects ';', ',' and tab from the header line, and Excel's sep= line", () => {
    expect(detectDelimiter("a;b;c\n1,5;2,5;3")).toBe(";");
    expect(detectDelimiter("a,b,c\n")).toBe(",");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter('"x;y",b,c\n')).toBe(",");
    expect(parseCsv("sep=,\r\na;b,c\r\n").records).toEqual([{ row: 1, lines: [2, 2], cells: ["a;b", "c"] }]);
  });

  it("quotes, doubled quotes, line breaks in cells, CRLF/LF/CR, empty and separator-only lines keep row numbers", () => {
    const { records } = parseCsv('Name;Notiz\r\n"A ""B"" C";"zwei\nZeilen"\r\n\r\n;;\nX;y\rZ;"q"uoted rest\r\n');
    expect(records).toEqual([
      { row: 1, lines: [1, 1], cells: ["Name", "Notiz"] },
      { row: 2, lines: [2, 3], cells: ['A "B" C', "zwei\nZeilen"] },
      // Lines are counted by line feeds (as the decoder splits them); a lone CR ends a row, not a line.
      { row: 5, lines: [6, 6], cells: ["X", "y"] },
      { row: 6, lines: [6, 6], cells: ["Z", "quoted rest"] },
    ]);
    expect(parseCsv("a;b\n1;").records).toEqual([{ row: 1, lines: [1, 1], cells: ["a", "b"] }, { row: 2, lines: [2, 2], cells: ["1", ""] }]);
  });

  it("stops at the limits with the row named", () => {
    const limits = { maxRows: 2, maxColumns: 3, maxCellChars: 5 };
    expect(() => parseCsv("a\n1\n2\n3\n", limits)).toThrow(/more than 2 data rows/);
    expect(() => parseCsv("a;b;c;d\n", limits)).toThrow(/Row 1 has more than 3 columns/);
    expect(() => parseCsv('a\n"123456"\n', limits)).toThrow(/row 2 is longer than 5/);
    expect(() => parseCsv('a\n"12', limits)).toThrow(/opened in row 2 is never closed/);
  });
});

describe("parseNumber", () => {
  it.each([
    ["36,5", 36.5], ["1.250,00", 1250], ["1.250", 1250], ["1.5", 1.5], ["1234.5", 1234.5], ["€ 480,50", 480.5], ["1 250,5 €", 1250.5],
    ["12.345.678", 12345678], ["0,5", 0.5], ["6", 6], [" 7 ", 7], ["1.000,5 EUR", 1000.5], ["2 Std.", 2], [36.5, 36.5],
  ])("German file: %s → %s", (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });
  it.each([["1,250", 1250], ["1,250.75", 1250.75], ["1.25", 1.25], ["1,5", 1.5]])("English file (',' separated): %s → %s", (input, expected) => {
    expect(value(parseNumber(input, { decimalComma: false }))).toBe(expected);
  });
  it("refuses words, negatives, fractions of whole numbers, bad grouping", () => {
    expect(value(parseNumber("viele"))).toBe("!not_a_number");
    expect(value(parseNumber("-5"))).toBe("!negative");
    expect(value(parseNumber("2,5", { integer: true }))).toBe("!not_an_integer");
    expect(value(parseNumber("1.2.3"))).toBe("!not_a_number");
    expect(value(parseNumber("1000.000,5"))).toBe("!not_a_number");
    expect(value(parseNumber("1e5"))).toBe("!not_a_number");
    expect(value(parseNumber("5", { max: 4 }))).toBe("!too_large");
  });
  it("reads cells by the rule of the dashboard's number fields (number-input.ts)", () => {
    // Spaces group thousands in threes only; a thousands group after 0 is no number.
    expect(value(parseNumber("1 2 3"))).toBe("!not_a_number");
    expect(value(parseNumber("0.250"))).toBe("!not_a_number");
    expect(value(parseNumber("1,2,3"))).toBe("!not_a_number");
    // A mark used more than once groups thousands, in English files too.
    expect(value(parseNumber("1.250.000", { decimalComma: false }))).toBe(1_250_000);
    expect(value(parseNumber("1.250,50", { decimalComma: false }))).toBe(1250.5);
  });
});

describe("parseDate", () => {
  it.each([
    ["17.05.2024", "2024-05-17"], ["7.6.24", "2024-06-07"], ["2024-05-17", "2024-05-17"], ["2024-5-7", "2024-05-07"], ["2024-05-17T10:30:00Z", "2024-05-17"],
    [45429, "2024-05-17"], [new Date("2024-05-17T00:00:00Z"), "2024-05-17"],
  ])("%s → %s", (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });
  it("refuses impossible and ambiguous dates", () => {
    expect(value(parseDate("31.02.2024"))).toBe("!invalid_date");
    expect(value(parseDate("05/06/2024"))).toBe("!ambiguous_date");
    expect(value(parseDate("Mai 2024"))).toBe("!invalid_date");
  });
});

describe("labels, keys, yes/no", () => {
  it("German labels, English keys and common synonyms", () => {
    expect(value(parseEnum("Gemeinnützige Organisation", ORGANISATION_KINDS))).toBe("nonprofit");
    expect(value(parseEnum("Verein", ORGANISATION_KINDS))).toBe("nonprofit");
    expect(value(parseEnum("company", ORGANISATION_KINDS))).toBe("company");
    expect(value(parseEnum("durchgeführt", COOPERATION_STATUSES))).toBe("done");
    expect(value(parseEnum("Nicht umsetzbar", COOPERATION_STATUSES))).toBe("not_feasible");
    expect(value(parseEnum("72-Stunden-Aktion", EVENT_KINDS))).toBe("action_72h");
    expect(value(parseEnumList("Zeit, Know-how; Sachspende / Räume", CONTRIBUTION_TYPES))).toEqual(["time", "know_how", "goods", "premises"]);
    expect(value(parseEnum("Bäckerei", ORGANISATION_KINDS))).toBe("!unknown_value");
    expect(value(parseBoolean("Ja"))).toBe(true);
    expect(value(parseBoolean("x"))).toBe(true);
    expect(value(parseBoolean("nein"))).toBe(false);
    expect(value(parseBoolean("vielleicht"))).toBe("!not_yes_no");
    expect(value(parseKey("Jugend-Arbeit"))).toBe("jugend_arbeit");
    expect(value(parseKey("Größe & Umfang"))).toBe("groesse_umfang");
    expect(regionCodeText(5358)).toBe("05358");
    expect(regionCodeText("9")).toBe("09");
    expect(regionCodeText("NL-ARN")).toBe("NL-ARN");
  });

  it("headers in German and English, with units and stray spelling", () => {
    const coop = headerMap("cooperations");
    for (const [header, field] of [
      ["Unternehmen", "company"], ["Organisation", "nonprofit"], ["Stunden", "hours"], ["Ehrenamtliche", "volunteers"], ["Wert (EUR)", "valueEur"],
      ["Wert in Euro", "valueEur"], ["Wert (€)", "valueEur"], ["Datum", "dateAgreed"], ["Date", "dateAgreed"], ["Hours", "hours"], ["Value (EUR)", "valueEur"],
      ["Art der Unterstützung", "contributionTypes"], ["Begünstigte", "peopleReached"],
    ]) {
      expect(coop.get(normWord(header))?.field).toBe(field);
    }
    expect(headerMap("organisations").get(normWord("Unternehmen"))).toMatchObject({ field: "name", impliesKind: "company" });
  });
});

describe("formula neutralisation and cell text", () => {
  it("escapes =, +, -, @, tab, CR at the start; the import removes exactly that apostrophe", () => {
    for (const t of ["=1+1", "+49", "-x", "@SUM(A1)", "\tx", "\rx"]) {
      expect(neutraliseFormula(t)).toBe(`'${t}`);
      expect(cellText(neutraliseFormula(t))).toBe(t);
    }
    expect(neutraliseFormula("a=b")).toBe("a=b");
    expect(cellText("'kein Formelzeichen")).toBe("'kein Formelzeichen");
    expect(csvCell("=HYPERLINK(\"x\";\"y\")", "de")).toBe(`"'=HYPERLINK(""x"";""y"")"`);
    expect(csvCell(1250.75, "de")).toBe("1250,75");
    expect(csvCell({ date: "2024-05-17" }, "de")).toBe("17.05.2024");
    expect(csvCell(" leading space", "de")).toBe('" leading space"');
  });
});
