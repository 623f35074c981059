/**
 * XLSX import: workbooks shaped like Excel's (shared strings, date styles, formulas, title rows),
 * workbooks from another writer (write-excel-file), multipart uploads, large workbooks inside
 * workerd, broken and hostile workbooks — and a new user's way from template to dashboard.
 */
import { zipSync } from "fflate";
import readXlsxFile, { readSheet } from "read-excel-file/universal";
import writeXlsxFile from "write-excel-file/universal";
import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, expectRejectedWithoutChange, rows, snapshot } from "./api";
import { excelLikeWorkbook } from "../fixtures/import/excel-like";
import { utf8Bom } from "../fixtures/import/encode";
import { importFile, outcomes, rejections, XLSX, type RowReport } from "../fixtures/import/report";
import { readXlsx } from "../../worker/import/xlsx";
import { toXlsx } from "../../worker/export/xlsx";

beforeAll(async () => {
  const orgs = "Name;Art;Region\r\nArbeiterwohlfahrt Kreisverband Jülich e.V.;Gemeinnützige Organisation;05358\r\nMuster Bau GmbH;Unternehmen;05358\r\n";
  const res = await importFile("organisations", utf8Bom(orgs), { dryRun: false });
  if (res.status !== 200) throw new Error(res.text);
});

const d = (iso: string) => new Date(iso + "T00:00:00Z");

describe("XLSX inside workerd", () => {
  it("read-excel-file alone cannot read parts above 512 KB in workerd (Worker is not defined); our reader repacks and can", async () => {
    const big = toXlsx([{ name: "Daten", header: ["Name", "Notizen"], rows: Array.from({ length: 20_000 }, (_, i) => [`Organisation ${i}`, `Notiz Nummer ${i} mit etwas Text`]) }]);
    expect(big.length).toBeGreaterThan(100_000);
    await expect(readSheet(big.buffer as ArrayBuffer)).rejects.toThrow(/Worker is not defined/);
    const { rows: read } = await readXlsx(big);
    expect(read.length).toBe(20_001);
    expect(read[20_000]).toEqual(["Organisation 19999", "Notiz Nummer 19999 mit etwas Text"]);
  });

  it("write-excel-file's universal build fails above 160 KB per part in workerd (why the export has its own writer)", async () => {
    const rowsData = Array.from({ length: 20_000 }, (_, i) => [{ value: `Organisation ${i}` }, { value: i }]);
    await expect(writeXlsxFile(rowsData).toBlob()).rejects.toThrow(/Worker is not defined/);
  });
});

describe("workbooks as Excel writes them", () => {
  const header = ["Datum", "Unternehmen", "Organisation", "Stunden", "Ehrenamtliche", "Wert (EUR)", "Status", "Region", "Art der Unterstützung"];
  const workbook = excelLikeWorkbook([
    ["Kooperationen Gute Geschäfte Jülich", null, null, null, null, null, null, null, null],
    [],
    header,
    [d("2024-05-17"), "Muster Bau GmbH", "Arbeiterwohlfahrt Kreisverband Jülich e.V.", 36.5, 6, 1250, "durchgeführt", 5358, "Zeit, Know-how"],
    [d("2024-05-18"), "Muster Bau GmbH ", " Arbeiterwohlfahrt  Kreisverband Jülich e.V.", { formula: "E5*2", value: 6 }, 3, 99.9, "vereinbart", "05358", "Sachleistung"],
    [],
    ["17.05.2024", "Muster Bau GmbH", "Unbekannt e.V.", 1, 1, 0, "vereinbart", "05358", "Zeit"],
    [45432, "Muster Bau GmbH", "Arbeiterwohlfahrt Kreisverband Jülich e.V.", "1,5", "zwei", 0, "vereinbart", "05358", "Zeit"],
  ]);

  it("title row skipped, dates, numbers, formulas (cached value), number region codes; each row's outcome", async () => {
    const res = await importFile("cooperations", workbook, { contentType: XLSX });
    expect(res.status).toBe(200);
    expect(res.json.file).toMatchObject({ format: "xlsx", encoding: null, delimiter: null, headerRow: 3 });
    expect(outcomes(res.json)).toEqual({ 4: "created", 5: "created", 7: "rejected", 8: "rejected" });
    expect(rejections(res.json)).toEqual({ 7: ["Organisation:unknown_organisation"], 8: ["Ehrenamtliche:not_a_number"] });
  });

  it("stored exactly; importing the workbook again (or the same rows as CSV) changes nothing", async () => {
    const good = excelLikeWorkbook([header, ...[
      [d("2024-05-17"), "Muster Bau GmbH", "Arbeiterwohlfahrt Kreisverband Jülich e.V.", 36.5, 6, 1250, "durchgeführt", 5358, "Zeit, Know-how"],
      [d("2024-05-18"), "Muster Bau GmbH ", " Arbeiterwohlfahrt  Kreisverband Jülich e.V.", { formula: "E3*2", value: 6 }, 3, 99.9, "vereinbart", "05358", "Sachleistung"],
    ]]);
    const res = await importFile("cooperations", good, { contentType: XLSX, dryRun: false });
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "created", 3: "created" });
    const stored = await rows("SELECT date_agreed, hours, volunteers, value_eur, status, region_code, contribution_types FROM cooperations ORDER BY id");
    expect(stored).toEqual([
      { date_agreed: "2024-05-17", hours: 36.5, volunteers: 6, value_eur: 1250, status: "done", region_code: "05358", contribution_types: "time,know_how" },
      { date_agreed: "2024-05-18", hours: 6, volunteers: 3, value_eur: 99.9, status: "agreed", region_code: "05358", contribution_types: "goods" },
    ]);
    const before = await snapshot();
    expect(outcomes((await importFile("cooperations", good, { contentType: XLSX, dryRun: false })).json)).toEqual({ 2: "unchanged", 3: "unchanged" });
    const csv = "Datum;Unternehmen;Organisation;Stunden;Ehrenamtliche;Wert (EUR);Status;Region;Art der Unterstützung\r\n" +
      "17.05.2024;Muster Bau GmbH;Arbeiterwohlfahrt Kreisverband Jülich e.V.;36,5;6;1.250;durchgeführt;05358;Zeit, Know-how\r\n" +
      "18.05.2024;Muster Bau GmbH;Arbeiterwohlfahrt Kreisverband Jülich e.V.;6;3;99,9;vereinbart;5358;Sachleistung\r\n";
    expect(outcomes((await importFile("cooperations", utf8Bom(csv), { dryRun: false })).json)).toEqual({ 2: "unchanged", 3: "unchanged" });
    expect(await snapshot()).toEqual(before);
  });

  it("a workbook from another program (write-excel-file) as a multipart upload", async () => {
    const blob = await writeXlsxFile([
      [{ value: "Name" }, { value: "Art" }, { value: "Region" }, { value: "Öffentlich" }],
      [{ value: "Kita Sonnenblume e.V." }, { value: "Verein" }, { value: "05358" }, { value: true }],
    ]).toBlob();
    const form = new FormData();
    form.append("file", new File([await blob.arrayBuffer()], "neue-organisationen.xlsx", { type: XLSX }));
    const res = await call("/api/v1/import?type=organisations&dryRun=false", { method: "POST", rawBody: form });
    expect(res.status).toBe(200);
    expect(res.json.file).toMatchObject({ name: "neue-organisationen.xlsx", format: "xlsx" });
    expect(outcomes(res.json)).toEqual({ 2: "created" });
    expect(await rows("SELECT kind, is_public FROM organisations WHERE name = 'Kita Sonnenblume e.V.'")).toEqual([{ kind: "nonprofit", is_public: 1 }]);
  });

  it("a CSV sent as multipart with the type browsers on Windows give .csv files (application/vnd.ms-excel)", async () => {
    const form = new FormData();
    form.append("file", new File([utf8Bom("Name;Art;Region\r\nKita Sonnenblume e.V.;Verein;05358\r\n")], "liste.csv", { type: "application/vnd.ms-excel" }));
    const res = await call("/api/v1/import?type=organisations", { method: "POST", rawBody: form });
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "unchanged" });
  });
});

describe("broken and hostile workbooks are refused with a clear message, nothing written", () => {
  it("an old .xls file → 415 naming the fix", async () => {
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const err = await expectRejectedWithoutChange(() => importFile("organisations", xls, { contentType: "application/vnd.ms-excel", dryRun: false }), 415, "unsupported_media_type");
    expect(err.message).toMatch(/\.xls.*save the workbook as \.xlsx or as CSV/);
  });

  it("a ZIP that is no workbook, and a damaged workbook → 415", async () => {
    const notWorkbook = zipSync({ "readme.txt": new TextEncoder().encode("hallo") });
    expect((await expectRejectedWithoutChange(() => importFile("organisations", notWorkbook, { contentType: XLSX, dryRun: false }), 415, "unsupported_media_type")).message).toMatch(/not an XLSX workbook/);
    const good = excelLikeWorkbook([["Name", "Art", "Region"], ["X", "Verein", "05358"]]);
    const damaged = good.slice(0, Math.floor(good.length * 0.6));
    expect((await expectRejectedWithoutChange(() => importFile("organisations", damaged, { contentType: XLSX, dryRun: false }), 415, "unsupported_media_type")).message).toMatch(/damaged ZIP/);
  });

  it("a ZIP bomb (45 MB of XML in a 50 KB file) → 413 before inflating", async () => {
    const workbook = excelLikeWorkbook([["Name"]]);
    const parts = (await import("fflate")).unzipSync(workbook);
    parts["xl/worksheets/sheet1.xml"] = new Uint8Array(45 * 1024 * 1024).fill(0x20);
    const bomb = zipSync(parts, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const err = await expectRejectedWithoutChange(() => importFile("organisations", bomb, { contentType: XLSX, dryRun: false }), 413, "payload_too_large");
    expect(err.message).toMatch(/unpacks to more than 40 MB/);
  });

  it("one cell at XFD1048576 (the library would build a 17-billion-cell grid) → 413", async () => {
    const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`;
    const res = await importFile("organisations", excelLikeWorkbook([["Name"]], { sheetXml }), { contentType: XLSX });
    expect(expectError(res, 413, "payload_too_large").message).toMatch(/row 1048576/);
  });
});

describe("a new user: template → spreadsheet → dry run → import → dashboard", () => {
  it("downloads the German templates (CSV and XLSX) with example rows and a notes sheet", async () => {
    const csv = await call("/api/v1/import/templates/cooperations.csv?locale=de", { token: null });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="vorlage-kooperationen.csv"');
    expect([...(await fetchBytes("/api/v1/import/templates/cooperations.csv?locale=de")).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Referenz;Region;Unternehmen;Organisation;Weitere Partner;Veranstaltung;Datum;Durchgeführt am;Status;Beitragsarten;Ehrenamtliche;Stunden;Wert (EUR);Erreichte Personen;Zielgruppen;Gegenleistung;Notizen");
    expect(lines[1]).toContain(";17.05.2024;22.06.2024;durchgeführt;Zeit, Know-how;6;36,5;1250;40;");
    const en = await call("/api/v1/import/templates/cooperations.csv?locale=en", { token: null });
    expect(en.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Reference,Region,Company,Non-profit,Other partners,Event,Date,Date done,Status,Contribution types,Volunteers,Hours,Value (EUR),People reached,Target groups,Gives back,Notes");
    expect(en.text).toContain(",2024-05-17,2024-06-22,done,\"time, know_how\",6,36.5,1250,40,");

    const xlsx = await call("/api/v1/import/templates/organisations.xlsx?locale=de", { token: null });
    expect(xlsx.headers.get("content-type")).toBe(XLSX);
    const res = await fetchBytes("/api/v1/import/templates/organisations.xlsx?locale=de");
    const sheets = await readXlsxFile(res.buffer as ArrayBuffer);
    expect(sheets.map((s) => s.sheet)).toEqual(["Daten", "Hinweise"]);
    expect(sheets[0].data[0]).toEqual(["Referenz", "Name", "Art", "Region", "PLZ", "Arbeitsfeld", "Branche", "Größenklasse", "Öffentlich", "Ansprechperson", "E-Mail"]);
    expect(sheets[0].data[1].slice(0, 4)).toEqual(["ORG-001", "Arbeiterwohlfahrt Kreisverband Jülich e.V.", "Gemeinnützige Organisation", "05358"]);
    expect(sheets[1].data.some((r) => r[0] === "Art" && String(r[2]).includes("Unternehmen (company)"))).toBe(true);
  });

  it("the three example templates import as they are, in order (organisations, events, cooperations)", async () => {
    for (const type of ["organisations", "events", "cooperations"] as const) {
      const t = await fetchBytes(`/api/v1/import/templates/${type}.csv?locale=en`);
      const res = await importFile(type, t, { dryRun: false });
      expect(res.status).toBe(200);
      expect(res.json.summary.rejected).toBe(0);
      // The XLSX template (data on the first sheet, notes on the second) says the same.
      const x = await importFile(type, await fetchBytes(`/api/v1/import/templates/${type}.xlsx?locale=de`), { contentType: XLSX });
      expect(x.json.summary).toMatchObject({ rows: res.json.summary.rows, rejected: 0, created: 0 });
    }
  });

  it("fills in the XLSX templates in a spreadsheet program, dry-runs, imports, and sees the cooperations in the dashboard's data", async () => {
    const fill = async (type: string, mine: (string | number | Date | null)[][]) => {
      const [data] = await readXlsxFile((await fetchBytes(`/api/v1/import/templates/${type}.xlsx?locale=de`)).buffer as ArrayBuffer);
      const header = data.data[0] as string[];
      // The user overwrites the example rows and saves the file from their spreadsheet program.
      const blob = await writeXlsxFile([header.map((h) => ({ value: h })), ...mine.map((r) => r.map((v) => (v === null ? null : { value: v, ...(v instanceof Date ? { format: "dd.mm.yyyy" } : {}) })))]).toBlob();
      return new Uint8Array(await blob.arrayBuffer());
    };
    const orgs = await fill("organisations", [
      ["NU-1", "Bürgerstiftung Neuland", "Gemeinnützige Organisation", "05358", "52428", "community", null, null, "ja", null, null],
      ["NU-2", "Neuland Software GmbH", "Unternehmen", "05358", "52428", null, "it_services", "Kleinunternehmen", "ja", null, null],
    ]);
    const coops = await fill("cooperations", [
      ["NU-K1", "05358", "Neuland Software GmbH", "Bürgerstiftung Neuland", null, null, d("2025-03-14"), null, "vereinbart", "Know-how", 2, 8, 640, 30, "Ehrenamtliche", null, null],
      ["NU-K2", "05358", "Neuland Software GmbH", "Bürgerstiftung Neuland", null, null, d("2025-04-01"), d("2025-04-20"), "durchgeführt", "Zeit", 5, 20.5, 1200, 55, null, "Logo auf der Website", null],
    ]);
    const dryOrgs = await importFile("organisations", orgs, { contentType: XLSX });
    expect(outcomes(dryOrgs.json)).toEqual({ 2: "created", 3: "created" });
    expect(outcomes((await importFile("organisations", orgs, { contentType: XLSX, dryRun: false })).json)).toEqual({ 2: "created", 3: "created" });
    const dry = await importFile("cooperations", coops, { contentType: XLSX });
    expect(outcomes(dry.json)).toEqual({ 2: "created", 3: "created" });
    const real = await importFile("cooperations", coops, { contentType: XLSX, dryRun: false });
    expect(outcomes(real.json)).toEqual({ 2: "created", 3: "created" });
    const ids = real.json.rows.map((r: RowReport) => r.id);

    // What the dashboard lists for the region and the organisation.
    const list = await call("/api/v1/cooperations?region=05358&from=2025-01-01&limit=50");
    expect(list.status).toBe(200);
    const shown = list.json.data.filter((c: { id: number }) => ids.includes(c.id));
    expect(shown.map((c: { externalRef: string; hours: number; status: string; dateAgreed: string }) => [c.externalRef, c.hours, c.status, c.dateAgreed]).sort()).toEqual([
      ["NU-K1", 8, "agreed", "2025-03-14"],
      ["NU-K2", 20.5, "done", "2025-04-01"],
    ]);
    const metrics = await call("/api/v1/regions/05358/metrics?from=2025-01-01&to=2025-12-31");
    expect(metrics.status).toBe(200);
    expect(JSON.stringify(metrics.json)).toMatch(/"hours":28\.5/);
  });
});

async function fetchBytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const { SELF } = await import("cloudflare:test");
  const res = await SELF.fetch(`http://localhost${path}`);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
