/**
 * CSV import of real-world-shaped files: German Excel's Windows-1252 CSV with `;`, a title row,
 * decimal commas, mixed date formats, empty lines, stray spaces, duplicate rows, unknown
 * organisations — every row's outcome is checked, and a rejected row leaves the database as it was.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, detailPaths, expectError, expectRejectedWithoutChange, rows, snapshot, tokenFor } from "./api";
import { cp1252, utf8, utf8Bom } from "../fixtures/import/encode";
import { importFile, outcomes, rejections, type RowReport } from "../fixtures/import/report";
import { createDb } from "../../worker/db/client";
import { runImport } from "../../worker/import/run";
import type { Viewer } from "../../worker/lib/auth";
import organisationsCsv from "../fixtures/import/organisationen-kreis-dueren.csv?raw";
import cooperationsCsv from "../fixtures/import/kooperationen-gute-geschaefte-2024.csv?raw";
import eventsCsv from "../fixtures/import/veranstaltungen-2024.csv?raw";

/** Keeps the header and drops the given spreadsheet rows (1-based, as in the report). */
function withoutRows(csv: string, drop: number[]): string {
  // The fixtures have no quoted line breaks except the events file, which is not cut.
  const lines = csv.split("\r\n");
  return lines.filter((_, i) => !drop.includes(i + 1)).join("\r\n");
}

const byRow = (report: { rows: RowReport[] }, row: number) => report.rows.find((r) => r.row === row)!;

describe("organisations from German Excel (Windows-1252, ';', title row, stray spaces)", () => {
  const file = cp1252(organisationsCsv);

  it("the fixture really is Windows-1252 (ü is one byte 0xFC)", () => {
    expect([...file].includes(0xfc)).toBe(true);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(file)).toThrow();
  });

  it("dry run: every row's outcome and reasons, nothing written", async () => {
    const before = await snapshot();
    const res = await importFile("organisations", file);
    expect(res.status).toBe(200);
    const report = res.json;
    expect(report.dryRun).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.file).toMatchObject({ format: "csv", encoding: "windows-1252", delimiter: ";", headerRow: 3 });
    expect(report.ignoredColumns).toEqual(["Interne Notiz"]);
    expect(report.columns.map((c: { field: string }) => c.field)).toEqual([
      "name", "kind", "region", "postcode", "industry", "field", "isPublic", "contactName", "contactEmail",
    ]);
    expect(outcomes(report)).toEqual({
      4: "created", 5: "created", 6: "created", 8: "created", 9: "created", 10: "rejected", 11: "rejected", 12: "rejected", 13: "rejected", 15: "created",
    });
    expect(rejections(report)).toEqual({
      10: ["(row):duplicate_row"],
      11: ["Art:unknown_value"],
      12: ["E-Mail:invalid_value"],
      13: ["Kreis:unknown_region"],
    });
    expect(byRow(report, 10).issues![0].message).toMatch(/Row 5/);
    expect(byRow(report, 11).issues![0]).toMatchObject({ value: "Bäckerei" });
    expect(report.summary).toEqual({ rows: 10, created: 6, updated: 0, unchanged: 0, rejected: 4, warnings: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("real run with rejected rows: 422 naming rows[<row>].<column>, nothing written", async () => {
    const err = await expectRejectedWithoutChange(() => importFile("organisations", file, { dryRun: false }), 422, "validation_failed");
    expect(detailPaths(err).sort()).toEqual(["rows[10]", "rows[11].Art", "rows[12].E-Mail", "rows[13].Kreis"]);
    expect(err.message).toMatch(/4 of 10 rows rejected; nothing was written/);
  });

  it("without the bad rows: created atomically, values normalised", async () => {
    const clean = cp1252(withoutRows(organisationsCsv, [10, 11, 12, 13]));
    const res = await importFile("organisations", clean, { dryRun: false });
    expect(res.status).toBe(200);
    expect(res.json.summary).toMatchObject({ created: 6, rejected: 0 });
    expect(res.json.rows.every((r: RowReport) => typeof r.id === "number")).toBe(true);
    const stored = await rows<Record<string, unknown>>(
      "SELECT name, kind, region_code, postcode, industry, field, is_public, contact_name, source, external_ref FROM organisations ORDER BY id",
    );
    expect(stored).toEqual([
      { name: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", kind: "nonprofit", region_code: "05358", postcode: "52428", industry: null, field: "social_services", is_public: 1, contact_name: "Erika Mustermann", source: "import", external_ref: null },
      { name: "Muster Bau GmbH", kind: "company", region_code: "05358", postcode: "52349", industry: "bau_handwerk", field: null, is_public: 1, contact_name: null, source: "import", external_ref: null },
      { name: "Stadtwerke Jülich GmbH", kind: "company", region_code: "05358", postcode: "52428", industry: "energy", field: null, is_public: 0, contact_name: "Max Beispiel", source: "import", external_ref: null },
      { name: "Caritasverband für die Region Düren-Jülich e.V.", kind: "nonprofit", region_code: "05358", postcode: "52349", industry: null, field: "social_services", is_public: 1, contact_name: null, source: "import", external_ref: null },
      { name: "Tafel Dresden e.V.", kind: "nonprofit", region_code: "14612", postcode: "01067", industry: null, field: "poverty_relief", is_public: 1, contact_name: null, source: "import", external_ref: null },
      { name: "Jugendzentrum Düren-Nord", kind: "nonprofit", region_code: "05358", postcode: "52351", industry: null, field: "youth_work", is_public: 0, contact_name: null, source: "import", external_ref: null },
    ]);
    const audit = await rows<{ action: string; entity: string; region_code: string; detail: string }>("SELECT action, entity, region_code, detail FROM audit_log WHERE entity = 'import' ORDER BY region_code");
    expect(audit.map((a) => [a.action, a.region_code])).toEqual([["import", "05358"], ["import", "14612"]]);
    expect(JSON.parse(audit[0].detail)).toMatchObject({ type: "organisations", created: 6, updated: 0 });
  });

  it("the same file again (any encoding) changes nothing: all rows unchanged, matched by name within the region", async () => {
    const clean = withoutRows(organisationsCsv, [10, 11, 12, 13]);
    const before = await snapshot();
    for (const bytes of [cp1252(clean), utf8Bom(clean)]) {
      const res = await importFile("organisations", bytes, { dryRun: false });
      expect(res.status).toBe(200);
      expect(res.json.summary).toMatchObject({ rows: 6, unchanged: 6, created: 0, updated: 0 });
      expect(res.json.rows.every((r: RowReport) => r.matchedBy === "name")).toBe(true);
      expect(res.json.statements).toBe(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an edited cell updates that record only, and the report lists the change", async () => {
    const edited = withoutRows(organisationsCsv, [10, 11, 12, 13]).replace("Stadtwerke Jülich GmbH;Unternehmen;Düren;52428;Energie;;nein", "Stadtwerke Jülich GmbH;Unternehmen;Düren;52428;Energie;;ja");
    const res = await importFile("organisations", cp1252(edited), { dryRun: false });
    expect(res.status).toBe(200);
    // Rows 10–13 were cut, so the last row is now row 11.
    expect(outcomes(res.json)).toEqual({ 4: "unchanged", 5: "unchanged", 6: "updated", 8: "unchanged", 9: "unchanged", 11: "unchanged" });
    expect(byRow(res.json, 6).changes).toEqual([{ field: "isPublic", column: "Öffentlich sichtbar", from: false, to: true }]);
  });
});

describe("events with participants (UTF-8 with BOM, line break inside a cell)", () => {
  it("dry run then real run: participants resolved by name, unknown ones rejected", async () => {
    const dry = await importFile("events", utf8Bom(eventsCsv));
    expect(dry.status).toBe(200);
    expect(dry.json.file).toMatchObject({ encoding: "utf-8", delimiter: ";" });
    expect(outcomes(dry.json)).toEqual({ 2: "created", 3: "created", 4: "rejected", 5: "rejected" });
    expect(rejections(dry.json)).toEqual({ 4: ["Teilnehmende:unknown_organisation"], 5: ["Format:unknown_value"] });
    expect(byRow(dry.json, 4).issues![0].value).toBe("Unbekannter Verein e.V.");

    const err = await expectRejectedWithoutChange(() => importFile("events", utf8Bom(eventsCsv), { dryRun: false }), 422, "validation_failed");
    expect(detailPaths(err).sort()).toEqual(["rows[4].Teilnehmende", "rows[5].Format"]);

    const good = eventsCsv.split("\r\n").slice(0, 4).join("\r\n") + "\r\n";
    const res = await importFile("events", utf8Bom(good), { dryRun: false });
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "created", 3: "created" });
    const stored = await rows<{ id: number; kind: string; title: string; date: string; region_code: string; organiser: string | null; participants: string }>(
      `SELECT e.id, e.kind, e.title, e.date, e.region_code, o.name AS organiser,
         (SELECT group_concat(p.name, ' | ') FROM (SELECT o2.name FROM event_participants ep JOIN organisations o2 ON o2.id = ep.organisation_id WHERE ep.event_id = e.id ORDER BY o2.name) p) AS participants
       FROM events e LEFT JOIN organisations o ON o.id = e.organiser_id ORDER BY e.id`,
    );
    expect(stored).toEqual([
      { id: res.json.rows[0].id, kind: "marketplace", title: "Gute Geschäfte Jülich 2024", date: "2024-05-17", region_code: "05358", organiser: "Arbeiterwohlfahrt Kreisverband Jülich e.V.", participants: "Jugendzentrum Düren-Nord | Muster Bau GmbH | Stadtwerke Jülich GmbH" },
      { id: res.json.rows[1].id, kind: "action_day", title: "Freiwilligentag Düren", date: "2024-09-14", region_code: "05358", organiser: null, participants: "Muster Bau GmbH" },
    ]);
    const again = await importFile("events", utf8Bom(good), { dryRun: false });
    expect(outcomes(again.json)).toEqual({ 2: "unchanged", 3: "unchanged" });
  });
});

describe("cooperations from a marketplace's deal list (Windows-1252, decimal commas, mixed dates)", () => {
  const file = cp1252(cooperationsCsv);

  it("dry run: every row's outcome, reasons per column, a warning for formula text", async () => {
    const before = await snapshot();
    const res = await importFile("cooperations", file);
    expect(res.status).toBe(200);
    const report = res.json;
    expect(outcomes(report)).toEqual({
      2: "created", 3: "created", 4: "created", 6: "rejected", 7: "rejected", 8: "rejected", 9: "rejected", 10: "rejected", 11: "rejected", 12: "created", 13: "created", 15: "rejected",
    });
    expect(rejections(report)).toEqual({
      6: ["(row):duplicate_row"],
      7: ["Unternehmen:unknown_organisation"],
      8: ["Stunden:not_a_number"],
      9: ["Durchgeführt am:invalid_value"],
      10: ["Datum:ambiguous_date"],
      11: ["Stunden:negative"],
      15: ["Art der Unterstützung:unknown_value"],
    });
    expect(byRow(report, 6).issues![0].message).toMatch(/Row 2 has exactly the same content/);
    expect(byRow(report, 7).issues![0]).toMatchObject({ value: "Unbekannte Firma GmbH" });
    expect(byRow(report, 8).issues![0]).toMatchObject({ value: "viele" });
    expect(byRow(report, 12).warnings).toEqual([expect.objectContaining({ column: "Bemerkung", code: "formula_text" })]);
    expect(report.summary).toEqual({ rows: 12, created: 5, updated: 0, unchanged: 0, rejected: 7, warnings: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it("real run: 422 with rows[8].Stunden etc.; one rejected row leaves the database as it was", async () => {
    const err = await expectRejectedWithoutChange(() => importFile("cooperations", file, { dryRun: false }), 422, "validation_failed");
    expect(detailPaths(err).sort()).toEqual([
      "rows[10].Datum", "rows[11].Stunden", "rows[15].Art der Unterstützung", "rows[6]", "rows[7].Unternehmen", "rows[8].Stunden", "rows[9].Durchgeführt am",
    ]);
    expect(err.details!.find((d) => d.path === "rows[8].Stunden")!.message).toMatch(/'viele' is not a number/);
  });

  it("cleaned file: stored with the right numbers, dates, partners, region; again → all unchanged", async () => {
    const clean = withoutRows(cooperationsCsv, [6, 7, 8, 9, 10, 11, 15]);
    const res = await importFile("cooperations", cp1252(clean), { dryRun: false });
    expect(res.status).toBe(200);
    // Rows 6–11 were cut: former rows 12 and 13 are now 6 and 7 (row 5 is still the empty line).
    expect(outcomes(res.json)).toEqual({ 2: "created", 3: "created", 4: "created", 6: "created", 7: "created" });
    expect(res.json.rows.every((r: RowReport) => r.matchedBy === "content" && r.source === "import" && /^auto:[0-9a-f]{24}$/.test(r.externalRef!))).toBe(true);
    const stored = await rows<Record<string, unknown>>(
      `SELECT c.id, c.date_agreed, c.date_done, c.status, c.contribution_types, c.volunteers, c.hours, c.value_eur, c.region_code, c.notes,
         (SELECT group_concat(o.name, ' + ') FROM (SELECT o.name FROM cooperation_partners p JOIN organisations o ON o.id = p.organisation_id WHERE p.cooperation_id = c.id ORDER BY o.name) o) AS partners
       FROM cooperations c ORDER BY c.id`,
    );
    expect(stored.map(({ id, ...rest }) => (expect(id).toBe(res.json.rows[stored.findIndex((s) => s.id === id)].id), rest))).toEqual([
      { date_agreed: "2024-05-17", date_done: "2024-06-22", status: "done", contribution_types: "time,know_how", volunteers: 6, hours: 36.5, value_eur: 1250, region_code: "05358", notes: "Renovierung Begegnungsraum", partners: "Arbeiterwohlfahrt Kreisverband Jülich e.V. + Muster Bau GmbH" },
      { date_agreed: "2024-05-17", date_done: null, status: "agreed", contribution_types: "goods", volunteers: 2, hours: 4, value_eur: 480.5, region_code: "05358", notes: "Bewerbungstraining, 2 Termine", partners: "Jugendzentrum Düren-Nord + Stadtwerke Jülich GmbH" },
      { date_agreed: "2024-06-07", date_done: null, status: "ongoing", contribution_types: "time", volunteers: 3, hours: 12, value_eur: 300, region_code: "05358", notes: null, partners: "Caritasverband für die Region Düren-Jülich e.V. + Muster Bau GmbH" },
      { date_agreed: "2024-05-22", date_done: null, status: "agreed", contribution_types: "time", volunteers: 1, hours: 1.5, value_eur: 0, region_code: "14612", notes: '=HYPERLINK("http://example.com/x";"Klick")', partners: "Muster Bau GmbH + Tafel Dresden e.V." },
      { date_agreed: "2024-05-23", date_done: null, status: "done", contribution_types: "time", volunteers: 1, hours: 2, value_eur: 0, region_code: "05358", notes: null, partners: "Arbeiterwohlfahrt Kreisverband Jülich e.V. + Muster Bau GmbH" },
    ]);

    const before = await snapshot();
    const again = await importFile("cooperations", cp1252(clean), { dryRun: false });
    expect(outcomes(again.json)).toEqual({ 2: "unchanged", 3: "unchanged", 4: "unchanged", 6: "unchanged", 7: "unchanged" });
    // Re-saved as UTF-8 with ISO dates and decimal points (another program), still the same records.
    const resaved = clean.replace("17.05.2024;Muster", "2024-05-17;Muster").replace("36,5", '"36,50"').replace("1.250,00", "1250");
    const third = await importFile("cooperations", utf8Bom(resaved), { dryRun: false });
    expect(outcomes(third.json)).toEqual({ 2: "unchanged", 3: "unchanged", 4: "unchanged", 6: "unchanged", 7: "unchanged" });
    expect(await snapshot()).toEqual(before);
  });

  it("a partial file with the ID column updates just the given fields", async () => {
    const [first] = await rows<{ id: number }>("SELECT id FROM cooperations ORDER BY id LIMIT 1");
    const res = await importFile("cooperations", utf8Bom(`ID;Stunden;Erreichte Personen\r\n${first.id};40;25\r\n`), { dryRun: false });
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "updated" });
    expect(res.json.rows[0].changes).toEqual([
      { field: "hours", column: "Stunden", from: 36.5, to: 40 },
      { field: "peopleReached", column: "Erreichte Personen", from: 0, to: 25 },
    ]);
    const [stored] = await rows<{ hours: number; people_reached: number; value_eur: number }>("SELECT hours, people_reached, value_eur FROM cooperations WHERE id = ?", first.id);
    expect(stored).toEqual({ hours: 40, people_reached: 25, value_eur: 1250 });
    const unknown = await importFile("cooperations", utf8Bom(`ID;Stunden\r\n999999;1\r\n`));
    expect(rejections(unknown.json)).toEqual({ 2: ["ID:unknown_id"] });
  });

  it("partners by external reference and event by title; the region parameter fills rows without one", async () => {
    const orgs = await importFile("organisations", utf8Bom("Referenz;Name;Art\r\nCRM-1;Schreinerei Holz & Co;Unternehmen\r\nCRM-2;Kita Sonnenschein;Verein\r\n"), { dryRun: false, query: "region=05358" });
    expect(outcomes(orgs.json)).toEqual({ 2: "created", 3: "created" });
    const csv = "Referenz;Unternehmen;Organisation;Veranstaltung;Datum;Stunden\r\nGG-7;CRM-1;CRM-2;Gute Geschäfte Jülich 2024;17.05.2024;3\r\n";
    const res = await importFile("cooperations", utf8Bom(csv), { dryRun: false });
    expect(outcomes(res.json)).toEqual({ 2: "created" });
    expect(res.json.rows[0]).toMatchObject({ matchedBy: "reference", source: "import", externalRef: "GG-7" });
    const [stored] = await rows<{ event: string; region_code: string }>(
      "SELECT e.title AS event, c.region_code FROM cooperations c JOIN events e ON e.id = c.event_id WHERE c.external_ref = 'GG-7'",
    );
    expect(stored).toEqual({ event: "Gute Geschäfte Jülich 2024", region_code: "05358" });
    const again = await importFile("cooperations", utf8Bom(csv.replace(";3\r\n", ";4\r\n")), { dryRun: false });
    expect(outcomes(again.json)).toEqual({ 2: "updated" });
    expect(again.json.rows[0].changes).toEqual([{ field: "hours", column: "Stunden", from: 3, to: 4 }]);
  });
});

describe("a file that mixes UTF-8 and Windows-1252 lines (rows pasted from an ANSI file)", () => {
  const concat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) (out.set(p, at), (at += p.length));
    return out;
  };
  // Lines 1–3 and 6 in UTF-8, lines 4 and 5 (one record with a quoted line break) in Windows-1252.
  const file = concat(
    utf8("Name;Art;Region;Postleitzahl\r\nGemischt Müller GmbH;Unternehmen;05358;52349\r\nGemischt Bäckerei Jülich;Unternehmen;05358;52428\r\n"),
    cp1252('"Gemischt Schröder\r\nund Söhne";Unternehmen;05358;52351\r\n'),
    utf8("Gemischt Straße e.V.;Verein;05358;52353\r\n"),
  );

  it("the fixture really is mixed: neither UTF-8 nor sensible as Windows-1252", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(file)).toThrow();
    expect(new TextDecoder("windows-1252").decode(file)).toContain("MÃ¼ller");
  });

  it("each line is read in its own encoding and the dry run warns about the Windows-1252 rows", async () => {
    const res = await importFile("organisations", file);
    expect(res.status, res.text).toBe(200);
    expect(res.json.file).toMatchObject({ encoding: "mixed", windows1252Lines: [4, 5] });
    expect(res.json.rows.map((r: RowReport) => [r.row, r.outcome, (r.warnings ?? []).map((w) => w.code)])).toEqual([
      [2, "created", []],
      [3, "created", []],
      [4, "created", ["mixed_encoding"]],
      [5, "created", []],
    ]);
    expect(res.json.rows[2].warnings[0].message).toMatch(/read as Windows-1252/);
    expect(res.json.summary.warnings).toBe(1);
    const stored = await importFile("organisations", file, { dryRun: false });
    expect(stored.status, stored.text).toBe(200);
    const names = (await rows<{ name: string }>("SELECT name FROM organisations WHERE name LIKE 'Gemischt %' ORDER BY id")).map((r) => r.name);
    expect(names).toEqual(["Gemischt Müller GmbH", "Gemischt Bäckerei Jülich", "Gemischt Schröder und Söhne", "Gemischt Straße e.V."]);
  });

  it("a file entirely in Windows-1252, or UTF-8 with a byte order mark and one ANSI line, is told apart", async () => {
    const ansi = await importFile("organisations", cp1252("Name;Art;Region\r\nGanz Ansi Müller;Verein;05358\r\n"));
    expect(ansi.json.file.encoding).toBe("windows-1252");
    expect(ansi.json.file.windows1252Lines).toBeUndefined();
    expect(ansi.json.summary.warnings).toBe(0);
    const bom = await importFile("organisations", concat(utf8Bom("Name;Art;Region\r\n"), cp1252("Mit Marke Müller;Verein;05358\r\n")));
    expect(bom.status, bom.text).toBe(200);
    expect(bom.json.file).toMatchObject({ encoding: "mixed", windows1252Lines: [2] });
    expect(bom.json.rows[0].warnings.map((w: { code: string }) => w.code)).toEqual(["mixed_encoding"]);
  });
});

describe("access", () => {
  let coordinatorDresden: string;
  beforeAll(async () => {
    coordinatorDresden = await tokenFor("coordinator", ["14612"]);
  });

  it("anonymous callers and funders may not import; templates are public", async () => {
    expectError(await importFile("organisations", utf8Bom("Name;Art;Region\r\nX;Verein;05358\r\n"), { token: null as unknown as string }), 401, "unauthorized");
    const funder = await tokenFor("funder");
    expectError(await importFile("organisations", utf8Bom("Name;Art;Region\r\nX;Verein;05358\r\n"), { token: funder }), 403, "forbidden");
    expect((await call("/api/v1/import/templates/cooperations.csv", { token: null })).status).toBe(200);
  });

  it("a coordinator's rows outside its regions are rejected (403 when that is the only problem); nothing written", async () => {
    const csv = "Name;Art;Region\r\nKita Pieschen;Verein;14612\r\nVerein in Düren;Verein;05358\r\n";
    const dry = await importFile("organisations", utf8Bom(csv), { token: coordinatorDresden });
    expect(outcomes(dry.json)).toEqual({ 2: "created", 3: "rejected" });
    expect(rejections(dry.json)).toEqual({ 3: ["Region:outside_scope"] });
    const err = await expectRejectedWithoutChange(() => importFile("organisations", utf8Bom(csv), { token: coordinatorDresden, dryRun: false }), 403, "forbidden");
    expect(detailPaths(err)).toEqual(["rows[3].Region"]);
  });

  it("a coordinator may re-import unchanged rows it cannot write (export of public organisations)", async () => {
    const exported = await call("/api/v1/organisations?format=csv", { token: coordinatorDresden });
    expect(exported.status).toBe(200);
    const res = await importFile("organisations", exported.text, { token: coordinatorDresden, dryRun: false });
    expect(res.status).toBe(200);
    expect(res.json.summary.rows).toBeGreaterThan(3);
    expect(res.json.summary).toMatchObject({ created: 0, updated: 0, rejected: 0 });
  });
});

describe("the same file sent twice at once (a double click)", () => {
  it("never creates duplicates: the second run finds the rows or is refused with 409, nothing half-written", async () => {
    const csv = "Name;Art;Region\r\n" + Array.from({ length: 300 }, (_, i) => `Doppelklick-Verein ${i};Verein;05334`).join("\r\n") + "\r\n";
    const results = await Promise.all([importFile("organisations", utf8Bom(csv), { dryRun: false }), importFile("organisations", utf8Bom(csv), { dryRun: false })]);
    for (const res of results) {
      if (res.status === 409) expect(res.json.error.message).toMatch(/changed while the file was being imported; nothing was written/);
      else expect(res.status).toBe(200);
    }
    const [{ n }] = await rows<{ n: number }>("SELECT count(*) AS n FROM organisations WHERE name LIKE 'Doppelklick-Verein %'");
    expect(n).toBe(300);
  });
});

describe("a write between planning and storing (optimistic fence)", () => {
  it("another import of the same rows committed in between → 409, nothing of this import written", async () => {
    const { env } = await import("cloudflare:test");
    const db = createDb(env.DB);
    const viewer: Viewer = { role: "admin", tokenId: null, actor: "bootstrap", scope: null };
    const bytes = utf8Bom("Name;Art;Region\r\nZwischendurch e.V.;Verein;05362\r\nAuch neu e.V.;Verein;05362\r\n");
    const options = { type: "organisations" as const, dryRun: false, defaultRegion: null, defaultSource: "import", fileName: null };
    let interleaved = false;
    const attempt = runImport(db, viewer, bytes, options, async (phase) => {
      if (phase === "write" && !interleaved) {
        interleaved = true;
        // The double click's other request wins the race and stores the same rows first.
        const other = await runImport(db, viewer, bytes, options);
        expect(other.summary.created).toBe(2);
      }
    });
    await expect(attempt).rejects.toMatchObject({ status: 409, code: "conflict", message: expect.stringMatching(/region 05362 changed while the file was being imported/) });
    const [{ n }] = await rows<{ n: number }>("SELECT count(*) AS n FROM organisations WHERE region_code = '05362'");
    expect(n).toBe(2);
  });
});

describe("the API document", () => {
  it("lists the import routes and the export formats", async () => {
    const doc = await call("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(["/import", "/import/templates/{file}", "/import/columns/{type}"]));
    expect(Object.keys(doc.json.paths["/import"].post.requestBody.content)).toEqual(["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"]);
    expect(doc.json.paths["/organisations"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["format", "locale"]));
    expect(Object.keys(doc.json.paths["/cooperations"].get.responses["200"].content)).toEqual(["application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    const columns = await call("/api/v1/import/columns/cooperations", { token: null });
    expect(columns.json.columns.find((c: { field: string }) => c.field === "hours")).toEqual({ field: "hours", de: "Stunden", en: "Hours", aliases: expect.arrayContaining(["Stundenzahl"]) });
    expect((await call("/api/v1/docs")).status).toBe(200);
  });
});
