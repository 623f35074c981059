/**
 * Limits and hostile files: 50 MB uploads, binary garbage, CSV bombs of quotes and separators,
 * formula cells — refused or neutralised with a clear message, data unchanged — and a
 * 20 000-row cooperations file stored atomically in one D1 batch (measured).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, count, detailPaths, expectError, expectRejectedWithoutChange, rows, snapshot } from "./api";
import { utf8, utf8Bom } from "../fixtures/import/encode";
import { importFile, outcomes, XLSX, type RowReport } from "../fixtures/import/report";
import { toXlsx } from "../../worker/export/xlsx";

const MB = 1024 * 1024;

/** German number format with thousands dots and decimal comma: 1246845.5 → "1.246.845,5". */
const de = (n: number) => {
  const [int, frac] = String(n).split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (frac ? "," + frac : "");
};

describe("too large, wrong type, not a table", () => {
  it("a 50 MB upload → 413 with the limit named (raw and multipart), nothing written", async () => {
    const big = new Uint8Array(50 * MB).fill(0x41);
    const err = await expectRejectedWithoutChange(() => importFile("cooperations", big, { dryRun: false }), 413, "payload_too_large");
    expect(err.message).toBe("The file exceeds the import limit of 10 MB; split it into several files (at most 25000 rows each)");
    const form = new FormData();
    form.append("file", new File([big], "riesig.csv", { type: "text/csv" }));
    await expectRejectedWithoutChange(() => call("/api/v1/import?type=cooperations&dryRun=false", { method: "POST", rawBody: form }), 413, "payload_too_large");
  });

  it("more rows than the limit → 413 naming the row limit", async () => {
    const csv = "Name;Art;Region\r\n" + Array.from({ length: 25_001 }, (_, i) => `Verein ${i};Verein;05358\r\n`).join("");
    const err = expectError(await importFile("organisations", utf8(csv)), 413, "payload_too_large");
    expect(err.message).toMatch(/more than 25000 data rows/);
  });

  it("binary garbage sent as text/csv → 415 'contains binary data'", async () => {
    let seed = 42;
    const garbage = new Uint8Array(200_000).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed >> 23));
    const err = await expectRejectedWithoutChange(() => importFile("organisations", garbage, { dryRun: false }), 415, "unsupported_media_type");
    expect(err.message).toMatch(/binary data/);
    const pdf = utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
    expect(expectError(await importFile("organisations", pdf), 415, "unsupported_media_type").message).toMatch(/PDF/);
  });

  it("unsupported media types → 415 naming the accepted ones", async () => {
    for (const type of ["application/json", "image/png", "application/pdf", ""]) {
      const res = await importFile("organisations", utf8("Name;Art;Region\r\n"), { contentType: type });
      expect(expectError(res, 415, "unsupported_media_type").message).toMatch(/text\/csv/);
    }
  });

  it("a file with no known header → 422 pointing to the templates", async () => {
    const err = expectError(await importFile("cooperations", utf8("Foo;Bar\r\n1;2\r\n")), 422, "validation_failed");
    expect(err.message).toMatch(/No known column headers.*templates\/cooperations\.csv/);
    expect(expectError(await importFile("cooperations", new Uint8Array(0)), 422, "validation_failed").message).toBe("The file is empty");
  });
});

describe("CSV bombs are stopped in linear time with a clear message", () => {
  const timed = async (body: Uint8Array) => {
    const t0 = Date.now();
    const res = await importFile("organisations", body, { dryRun: false });
    return { res, ms: Date.now() - t0 };
  };

  it("5 MB of quotes → 422 'quote probably never closed'", async () => {
    const { res, ms } = await timed(new Uint8Array(5 * MB).fill(0x22));
    expect(expectError(res, 422, "validation_failed").message).toBe('A quoted cell in row 1 is longer than 10000 characters: a quote (") is probably never closed');
    expect(ms).toBeLessThan(3000);
  });

  it('quotes doubled and tripled ("""…) inside a cell, and a quote never closed', async () => {
    const tripled = utf8('Name;Art;Region\r\n"' + '"""'.repeat(2 * MB) + '";Verein;05358\r\n');
    const { res, ms } = await timed(tripled);
    expect(expectError(res, 422, "validation_failed").message).toMatch(/row 2 is longer than 10000 characters/);
    expect(ms).toBeLessThan(3000);
    const open = await timed(utf8('Name;Art;Region\r\n"Verein ohne Ende;Verein;05358\r\nNoch eine;Verein;05358\r\n'));
    const err = expectError(open.res, 422, "validation_failed");
    expect(err.message).toBe('A quote (") opened in row 2 is never closed');
    expect(detailPaths(err)).toEqual(["rows[2]"]);
  });

  it("a million separators → 422 'more than 100 columns'; ten million line breaks → no table", async () => {
    const seps = await timed(new Uint8Array(MB).fill(0x3b));
    expect(expectError(seps.res, 422, "validation_failed").message).toBe("Row 1 has more than 100 columns");
    const breaks = await timed(new Uint8Array(9 * MB).fill(0x0a));
    expect(expectError(breaks.res, 422, "validation_failed").message).toMatch(/No known column headers/);
    expect(seps.ms + breaks.ms).toBeLessThan(5000);
  });
});

describe("formula cells are stored as text and neutralised on export", () => {
  it("imported with a warning, exported with a leading apostrophe (CSV and XLSX), re-imported unchanged", async () => {
    const csv =
      "Name;Art;Region;Ansprechperson\r\n" +
      `"=cmd|' /C calc'!A0";Verein;05358;"=HYPERLINK(""http://evil.example"";""klick"")"\r\n` +
      "+49 Verein;Verein;05358;@Admin\r\n" +
      "-Minus e.V.;Verein;05358;Normal\r\n";
    const res = await importFile("organisations", utf8Bom(csv), { dryRun: false });
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "created", 3: "created", 4: "created" });
    expect(res.json.rows.map((r: RowReport) => (r.warnings ?? []).map((w) => `${w.column}:${w.code}`))).toEqual([["Name:formula_text"], ["Name:formula_text"], ["Name:formula_text"]]);
    expect((await rows<{ name: string }>("SELECT name FROM organisations ORDER BY id")).map((r) => r.name)).toEqual(["=cmd|' /C calc'!A0", "+49 Verein", "-Minus e.V."]);

    const exported = await call("/api/v1/organisations?format=csv&sort=id");
    const lines = exported.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toContain(`;'=cmd|' /C calc'!A0;`);
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://evil.example"";""klick"")";`);
    expect(lines[2]).toContain(";'+49 Verein;");
    expect(lines[2]).toContain(";'@Admin;");
    expect(lines[3]).toContain(";'-Minus e.V.;");
    for (const line of lines.slice(1, 4)) for (const cell of line.split(";")) expect(cell).not.toMatch(/^"?[=+\-@]/);

    const before = await snapshot();
    const again = await importFile("organisations", exported.text, { dryRun: false });
    expect(outcomes(again.json)).toEqual({ 2: "unchanged", 3: "unchanged", 4: "unchanged" });
    const { SELF } = await import("cloudflare:test");
    const xlsx = new Uint8Array(await (await SELF.fetch("http://localhost/api/v1/organisations?format=xlsx&sort=id", { headers: { Authorization: "Bearer test-admin-token" } })).arrayBuffer());
    const readBack = (await (await import("read-excel-file/universal")).readSheet(xlsx.buffer as ArrayBuffer)) as unknown[][];
    expect(readBack[1][3]).toBe("'=cmd|' /C calc'!A0");
    expect(outcomes((await importFile("organisations", xlsx, { contentType: XLSX, dryRun: false })).json)).toEqual({ 2: "unchanged", 3: "unchanged", 4: "unchanged" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("20 000 cooperations in one file", () => {
  const N = 20_000;
  const ORGS = 200;
  let csv = "";

  beforeAll(async () => {
    const orgCsv =
      "Referenz;Name;Art;Region\r\n" +
      Array.from({ length: ORGS }, (_, i) => (i % 2 ? `NP-${i};Verein Nummer ${i} e.V.;Verein;05358` : `CO-${i};Firma Nummer ${i} GmbH;Unternehmen;05358`)).join("\r\n");
    const res = await importFile("organisations", utf8Bom(orgCsv), { dryRun: false });
    expect(res.json.summary.created).toBe(ORGS);
    // German Excel style: names, decimal commas, mixed date formats, every 1000th line empty;
    // even rows carry a reference, odd rows none (their reference is derived from the content).
    const lines = ["Referenz;Unternehmen;Organisation;Datum;Stunden;Wert (EUR);Ehrenamtliche;Status;Art der Unterstützung"];
    for (let i = 0; i < N; i++) {
      const company = `Firma Nummer ${(i * 2) % ORGS} GmbH`;
      const nonprofit = `Verein Nummer ${((i * 2) % ORGS) + 1} e.V.`;
      const day = (i % 28) + 1;
      const month = (Math.floor(i / 28) % 12) + 1;
      const date = i % 3 === 0 ? `${day}.${month}.2024` : `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      lines.push(`${i % 2 === 0 ? `GG-${i}` : ""};${company};${nonprofit};${date};${Math.floor(i / 10)},${i % 10};${de(i * 101 + 0.5)};${i % 9};${i % 4 ? "vereinbart" : "durchgeführt"};Zeit, Know-how`);
      if (i % 1000 === 999) lines.push("");
    }
    csv = lines.join("\r\n") + "\r\n";
  });

  it("dry run: every row created, nothing written", async () => {
    const before = await count("cooperations");
    const t0 = Date.now();
    const res = await importFile("cooperations", utf8Bom(csv));
    const ms = Date.now() - t0;
    expect(res.status).toBe(200);
    expect(res.json.summary).toEqual({ rows: N, created: N, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
    expect(res.json.rows.filter((r: RowReport) => r.outcome === "created").length).toBe(N);
    expect(await count("cooperations")).toBe(before);
    console.log(`[measure] 20 000-row CSV dry run: ${ms} ms, ${(csv.length / MB).toFixed(2)} MB`);
  });

  it("real run: one atomic D1 batch, every row stored with its partners; measured", async () => {
    const t0 = Date.now();
    const res = await importFile("cooperations", utf8Bom(csv), { dryRun: false });
    const ms = Date.now() - t0;
    expect(res.status).toBe(200);
    expect(res.json.summary.created).toBe(N);
    console.log(`[measure] 20 000-row CSV real run: ${ms} ms, ${res.json.statements} statements in one batch`);
    expect(res.json.statements).toBeLessThan(100);
    expect(await count("cooperations")).toBe(N);
    expect(await count("cooperation_partners")).toBe(2 * N);
    const ids = res.json.rows.map((r: RowReport) => r.id);
    expect(new Set(ids).size).toBe(N);
    // Spot checks: the report's ids point at the right rows.
    const [row0] = await rows<Record<string, unknown>>("SELECT external_ref, date_agreed, hours, value_eur, status FROM cooperations WHERE id = ?", ids[0]);
    expect(row0).toEqual({ external_ref: "GG-0", date_agreed: "2024-01-01", hours: 0, value_eur: 0.5, status: "done" });
    const [row12345] = await rows<Record<string, unknown>>("SELECT external_ref, hours, value_eur, volunteers FROM cooperations WHERE id = ?", ids[12345]);
    expect(row12345).toEqual({ external_ref: expect.stringMatching(/^auto:/), hours: 1234.5, value_eur: 1246845.5, volunteers: 12345 % 9 });
    const [partners] = await rows<{ n: number }>("SELECT count(*) AS n FROM cooperation_partners WHERE cooperation_id = ?", ids[19999]);
    expect(partners.n).toBe(2);
  });

  it("the same file again: all 20 000 unchanged, nothing written", async () => {
    const t0 = Date.now();
    const res = await importFile("cooperations", utf8Bom(csv), { dryRun: false });
    console.log(`[measure] 20 000-row CSV re-import (all unchanged): ${Date.now() - t0} ms`);
    expect(res.json.summary).toMatchObject({ unchanged: N, created: 0, updated: 0 });
    expect(res.json.statements).toBe(0);
  });

  it("one bad row among 20 001 → 422 naming it; the 20 000 others are not touched", async () => {
    const bad = csv.replace("GG-2;", "GG-2;").replace(/\r\n$/, "\r\nGG-X;Firma Nummer 0 GmbH;Verein Nummer 1 e.V.;31.02.2024;1;1;1;vereinbart;Zeit\r\n");
    const edited = bad.replace(/^GG-4;(.*);0,4;/m, "GG-4;$1;99,4;");
    const err = await expectRejectedWithoutChange(() => importFile("cooperations", utf8Bom(edited), { dryRun: false }), 422, "validation_failed");
    expect(err.details).toEqual([{ path: "rows[20022].Datum", message: "'31.02.2024' is not a calendar date (value: '31.02.2024')", code: "invalid_date" }]);
  });

  it("the same rows as an XLSX workbook (dry run): all unchanged; measured", async () => {
    const [header, ...body] = csv.replace(/\r\n$/, "").split("\r\n").filter((l) => l !== "").map((l) => l.split(";"));
    const workbook = toXlsx([{ name: "Kooperationen", header, rows: body }]);
    const t0 = Date.now();
    const res = await importFile("cooperations", workbook, { contentType: XLSX });
    console.log(`[measure] 20 000-row XLSX dry run: ${Date.now() - t0} ms, ${(workbook.length / MB).toFixed(2)} MB workbook`);
    expect(res.status).toBe(200);
    expect(res.json.summary).toMatchObject({ rows: N, unchanged: N });
  });

  it("progress as NDJSON for the dashboard: phases read → check → done, then the report", async () => {
    const res = await importFile("cooperations", utf8Bom(csv), { accept: "application/x-ndjson" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = res.text.trim().split("\n").map((l) => JSON.parse(l));
    const phases = lines.filter((l) => l.event === "progress").map((l) => l.phase);
    expect(phases[0]).toBe("read");
    expect(phases).toContain("check");
    expect(phases[phases.length - 1]).toBe("done");
    const checks = lines.filter((l) => l.phase === "check");
    expect(checks[checks.length - 1]).toMatchObject({ done: N, total: N });
    const last = lines[lines.length - 1];
    expect(last.event).toBe("report");
    expect(last.report.summary).toMatchObject({ rows: N, unchanged: N });
  });

  it("NDJSON errors end the stream with the error shape", async () => {
    const res = await importFile("cooperations", utf8("Foo;Bar\r\n"), { accept: "application/x-ndjson" });
    const lines = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[lines.length - 1]).toEqual({ event: "error", status: 422, error: expect.objectContaining({ code: "validation_failed" }) });
  });
});
