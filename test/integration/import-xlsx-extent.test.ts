/**
 * Worksheets that name cells far away — quoted with ' or ", prefixed, entity-encoded, as numbers
 * a parser reads loosely, or declared in `<dimension>` — are refused before the spreadsheet
 * library builds its grid (one cell at XFD1048576 would be 17 billion cells and end the isolate).
 */
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { expectError, expectRejectedWithoutChange } from "./api";
import { excelLikeWorkbook } from "../fixtures/import/excel-like";
import { importFile, outcomes, XLSX } from "../fixtures/import/report";
import { sheetExtent, unpackXlsx } from "../../worker/import/xlsx";
import { ApiError } from "../../worker/lib/errors";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const sheet = (body: string, head = "") => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${head}<sheetData>${body}</sheetData></worksheet>`;
const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Art</t></is></c></row>`;
const workbook = (sheetXml: string) => excelLikeWorkbook([["Name", "Art"]], { sheetXml });

/** The status unpacking answers for a workbook (0 when it is accepted). */
function unpackStatus(bytes: Uint8Array): number {
  try {
    unpackXlsx(bytes);
    return 0;
  } catch (err) {
    if (err instanceof ApiError) return err.status;
    throw err;
  }
}

describe("far cells are found however they are written", () => {
  const far: [string, string][] = [
    ["single quotes", `${header}<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>`],
    ["single-quoted cell in an unnumbered row", `${header}<row><c r='XFD1048576'><v>1</v></c></row>`],
    ["single-quoted row number only", `${header}<row r='1048576'><c><v>1</v></c></row>`],
    ["spaces around =", `${header}<row r = "1048576"><c r = "A1048576"><v>1</v></c></row>`],
    ["a namespace prefix on element and attribute", `${header}<x:row x:r="900000"><x:c x:r="CV900000"><x:v>1</x:v></x:c></x:row>`],
    ["a far column only", `${header}<row r="2"><c r='XFD2'><v>1</v></c></row>`],
    ["a cell address written with character references", `${header}<row r="2"><c r="&#88;F&#x44;2"><v>1</v></c></row>`],
  ];
  for (const [what, body] of far) {
    it(`${what} → 413 before the library reads the sheet`, async () => {
      const bytes = workbook(sheet(body));
      expect(bytes.length).toBeLessThan(4_000);
      expect(unpackStatus(bytes)).toBe(413);
      const err = await expectRejectedWithoutChange(() => importFile("organisations", bytes, { contentType: XLSX, dryRun: false }), 413, "payload_too_large");
      expect(err.message).toMatch(/^A worksheet reaches (row|column) \d+; the import reads at most (25000 data rows per file|100 columns)$/);
    });
  }

  const loose: [string, string][] = [
    ["a row number in exponent form", `${header}<row r="1e9"><c><v>1</v></c></row>`],
    ["a hexadecimal row number", `${header}<row r='0x100000'><c><v>1</v></c></row>`],
    ["a cell address with a character reference in exponent form", `${header}<row r="2"><c r="A&#49;e9"><v>1</v></c></row>`],
    ["a lower-case cell address", `${header}<row r="2"><c r="xfd2"><v>1</v></c></row>`],
    ["a row number with a leading zero", `${header}<row r="02"><c r="A2"><v>1</v></c></row>`],
  ];
  for (const [what, body] of loose) {
    it(`${what} → 422 (a parser may read it as any number)`, async () => {
      const bytes = workbook(sheet(body));
      expect(unpackStatus(bytes)).toBe(422);
      const err = expectError(await importFile("organisations", bytes, { contentType: XLSX }), 422, "validation_failed");
      expect(err.message).toMatch(/cannot read .*save it again/);
    });
  }

  it("a declared used range beyond the limits (<dimension ref='A1:XFD1048576'>) → 413", async () => {
    for (const head of [`<dimension ref='A1:XFD1048576'/>`, `<dimension ref="A1:XFD1048576"/>`, `<dimension ref="ZZ1"/>`]) {
      const bytes = workbook(sheet(header, head));
      expect(unpackStatus(bytes), head).toBe(413);
      expect(expectError(await importFile("organisations", bytes, { contentType: XLSX }), 413, "payload_too_large").message).toMatch(/declares a used range up to (row|column)/);
    }
  });

  it("more row elements than the row limit, none numbered → 413", () => {
    expect(unpackStatus(workbook(sheet(header + "<row/>".repeat(60_000))))).toBe(413);
  });

  it("an ordinary workbook with both quote styles and a dimension is read as before", async () => {
    const body = `${header}<row r='2'><c r='A2' t="inlineStr"><is><t>Quote e.V.</t></is></c><c r="B2" t='inlineStr'><is><t>Verein</t></is></c></row>`;
    const bytes = workbook(sheet(body, `<dimension ref='A1:B2'/>`));
    expect(sheetExtent(new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet1.xml"]))).toEqual({ rows: 2, columns: 2, dimension: { rows: 2, columns: 2 } });
    const res = await importFile("organisations", bytes, { contentType: XLSX, query: "region=05113" });
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "created" });
  });

  it("every worksheet of the archive is checked, not only the first", () => {
    const parts = unzipSync(workbook(sheet(header)));
    parts["xl/worksheets/sheet2.xml"] = new TextEncoder().encode(sheet(`<row r='1048576'><c r='A1048576'><v>1</v></c></row>`));
    expect(unpackStatus(zipSync(parts))).toBe(413);
  });

  it("a sheet stored outside xl/worksheets/ (the relationships may point anywhere) is checked too", async () => {
    const parts = unzipSync(workbook(sheet(header)));
    const rels = "xl/_rels/workbook.xml.rels";
    parts[rels] = new TextEncoder().encode(new TextDecoder().decode(parts[rels]).replace('Target="worksheets/sheet1.xml"', 'Target="elsewhere.xml"'));
    parts["xl/elsewhere.xml"] = new TextEncoder().encode(sheet(`${header}<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>`));
    delete parts["xl/worksheets/sheet1.xml"];
    const bytes = zipSync(parts);
    expect(unpackStatus(bytes)).toBe(413);
    await expectRejectedWithoutChange(() => importFile("organisations", bytes, { contentType: XLSX, dryRun: false }), 413, "payload_too_large");
  });
});
