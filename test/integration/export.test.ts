/**
 * `?format=csv|xlsx` on the list endpoints: German Excel dialect by default, English on request,
 * XLSX with real dates and numbers, the same filters as the JSON list, all pages, visibility and
 * personal data as in JSON, truncation said in a header — and export → import changes nothing.
 */
import { env, SELF } from "cloudflare:test";
import { readSheet } from "read-excel-file/universal";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, call, expectError, snapshot, tokenFor, walk } from "./api";
import { utf8Bom } from "../fixtures/import/encode";
import { importFile, outcomes, XLSX } from "../fixtures/import/report";
import { exportList, EXPORT_MAX_ROWS } from "../../worker/export/list-export";
import type { Viewer } from "../../worker/lib/auth";

async function download(path: string, token: string | null = ADMIN) {
  const res = await SELF.fetch(`http://localhost${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}
const csvLines = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(3)).split("\r\n").filter(Boolean);

let cooperationIds: number[] = [];
beforeAll(async () => {
  const orgs =
    "Referenz;Name;Art;Region;Öffentlich;Ansprechperson;E-Mail\r\n" +
    "E-1;Muster Bau GmbH;Unternehmen;05358;ja;Erika Mustermann;erika@example.org\r\n" +
    "E-2;Arbeiterwohlfahrt Kreisverband Jülich e.V.;Gemeinnützige Organisation;05358;ja;;\r\n" +
    "E-3;Stadtverwaltung Jülich;Öffentliche Einrichtung;05358;nein;;\r\n" +
    "E-4;Tafel Essen e.V.;Verein;05113;nein;Paul Privat;paul@example.org\r\n";
  expect((await importFile("organisations", utf8Bom(orgs), { dryRun: false })).status).toBe(200);
  const events = "Referenz;Format;Titel;Datum;Region;Veranstalter;Teilnehmende\r\nV-1;Marktplatz;Gute Geschäfte Jülich 2024;17.05.2024;05358;E-2;E-1 | E-3\r\n";
  expect((await importFile("events", utf8Bom(events), { dryRun: false })).status).toBe(200);
  const coops =
    "Referenz;Unternehmen;Organisation;Weitere Partner;Veranstaltung;Datum;Durchgeführt am;Status;Beitragsarten;Ehrenamtliche;Stunden;Wert (EUR);Zielgruppen;Notizen\r\n" +
    'K-1;E-1;E-2;E-3;Gute Geschäfte Jülich 2024;17.05.2024;22.06.2024;durchgeführt;Zeit, Know-how;6;36,5;1.250,75;Senioren;"Zeile 1\nZeile 2; mit Semikolon"\r\n' +
    "K-2;E-1;E-4;;;03.02.2024;;vereinbart;Geld;0;0;500;;=1+1\r\n";
  const res = await importFile("cooperations", utf8Bom(coops), { dryRun: false });
  expect(res.status).toBe(200);
  cooperationIds = res.json.rows.map((r: { id: number }) => r.id);
});

describe("CSV (German Excel dialect by default)", () => {
  it("cooperations: ';', BOM, CRLF, decimal comma, dd.mm.yyyy, German labels, the importer's headers, formula escaped", async () => {
    const { res, bytes } = await download("/api/v1/cooperations?format=csv&sort=id");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="kooperationen-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("x-export-rows")).toBe("2");
    expect(res.headers.get("x-export-truncated")).toBe("false");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe(
      "ID;Quelle;Referenz;Region;Unternehmen;Organisation;Weitere Partner;Partner-IDs;Veranstaltung-ID;Veranstaltung;Datum;Durchgeführt am;Status;Beitragsarten;Ehrenamtliche;Stunden;Wert (EUR);Erreichte Personen;Zielgruppen;Gegenleistung;Folgekooperation von;Notizen",
    );
    const [, k1, k2] = text.split(/\r\n(?=\d+;)/);
    expect(k1).toMatch(/^\d+;import;K-1;05358;Muster Bau GmbH;Arbeiterwohlfahrt Kreisverband Jülich e\.V\.;Stadtverwaltung Jülich;\d+ \| \d+ \| \d+;\d+;Gute Geschäfte Jülich 2024;17\.05\.2024;22\.06\.2024;durchgeführt;Zeit, Know-how;6;36,5;1250,75;0;Senioren;;;"Zeile 1\nZeile 2; mit Semikolon"$/);
    expect(k2).toMatch(/^\d+;import;K-2;05113;Muster Bau GmbH;Tafel Essen e\.V\.;;\d+ \| \d+;;;03\.02\.2024;;vereinbart;Geld;0;0;500;0;;;;'=1\+1\r\n$/);
  });

  it("locale=en: ',' separator, ISO dates, decimal point, API keys, English headers", async () => {
    const lines = csvLines((await download("/api/v1/cooperations?format=csv&locale=en&sort=id")).bytes);
    expect(lines[0]).toBe(
      "ID,Source,Reference,Region,Company,Non-profit,Other partners,Partner IDs,Event ID,Event,Date,Date done,Status,Contribution types,Volunteers,Hours,Value (EUR),People reached,Target groups,Gives back,Follow-up of,Notes",
    );
    expect(lines[1]).toMatch(/,2024-05-17,2024-06-22,done,"time, know_how",6,36\.5,1250\.75,0,Senioren,,,"Zeile 1\nZeile 2; mit Semikolon"$/);
  });

  it("organisations: personal data only for who may see it, like the JSON list", async () => {
    const admin = csvLines((await download("/api/v1/organisations?format=csv&sort=id")).bytes);
    expect(admin[0]).toBe("ID;Quelle;Referenz;Name;Art;Region;PLZ;Arbeitsfeld;Branche;Größenklasse;Öffentlich;Ansprechperson;E-Mail");
    expect(admin[1]).toMatch(/;E-1;Muster Bau GmbH;Unternehmen;05358;;;;;ja;Erika Mustermann;erika@example\.org$/);
    const funder = csvLines((await download("/api/v1/organisations?format=csv&sort=id", await tokenFor("funder"))).bytes);
    expect(funder).toHaveLength(5);
    expect(funder[1]).toMatch(/;ja;;$/);
    const anonymous = csvLines((await download("/api/v1/organisations?format=csv&sort=id", null)).bytes);
    expect(anonymous.slice(1).map((l) => l.split(";")[3])).toEqual(["Muster Bau GmbH", "Arbeiterwohlfahrt Kreisverband Jülich e.V."]);
  });

  it("events, regions and the audit log", async () => {
    const ev = csvLines((await download("/api/v1/events?format=csv")).bytes);
    expect(ev[0]).toBe("ID;Quelle;Referenz;Format;Titel;Datum;Region;Veranstalter;Veranstalter-ID;Teilnehmende;Teilnehmende-IDs;Notizen");
    expect(ev[1]).toMatch(/;V-1;Marktplatz;Gute Geschäfte Jülich 2024;17\.05\.2024;05358;Arbeiterwohlfahrt Kreisverband Jülich e\.V\.;\d+;Muster Bau GmbH \| Stadtverwaltung Jülich;\d+ \| \d+;$/);
    const { res, bytes } = await download("/api/v1/regions?format=csv&kind=state");
    expect(res.headers.get("x-export-rows")).toBe("16");
    expect(csvLines(bytes)[0]).toBe("Code;Name;Art;Übergeordnete Region;Einwohner;NUTS-3;Gebietsstand");
    expect(csvLines(bytes)[1]).toBe("01;Schleswig-Holstein;state;;2896712;DEF;2018-12-31");
    const audit = csvLines((await download("/api/v1/audit?format=csv&entity=import")).bytes);
    expect(audit[0]).toBe("ID;Zeitpunkt;Akteur;Rolle;Aktion;Objekt;Objekt-ID;Region;Details");
    expect(audit.length).toBeGreaterThan(3);
    expect(audit.slice(1).every((l) => l.includes(";bootstrap;admin;import;import;"))).toBe(true);
  });

  it("the same filters as the JSON list, over all pages", async () => {
    const more = "Unternehmen;Organisation;Datum;Stunden\r\n" + Array.from({ length: 2_400 }, (_, i) => `E-1;E-2;${(i % 28) + 1}.03.2023;${i}`).join("\r\n");
    expect((await importFile("cooperations", utf8Bom(more), { dryRun: false })).json.summary.created).toBe(2_400);
    for (const query of ["region=05358&from=2023-03-10&to=2023-03-20", "status=agreed&organisation=1", "eventFormat=marketplace", "format=marketplace"]) {
      const json = await walk(`/api/v1/cooperations?${query}&limit=500`);
      const path = query.startsWith("format=") ? `/api/v1/cooperations?${query.replace("format=marketplace", "eventFormat=marketplace")}&format=csv` : `/api/v1/cooperations?${query}&format=csv`;
      const { res, bytes } = await download(path);
      const ids = csvLines(bytes).slice(1).map((l) => Number(l.split(";")[0]));
      expect(ids.length).toBe(json.items.length);
      expect(res.headers.get("x-export-rows")).toBe(String(json.items.length));
      expect(ids).toEqual(json.items.map((c: { id: number }) => c.id));
    }
    // Days 10–20 of March: 11 days × 86 rows (2 400 rows over 28 days: days 1–20 get 86 each).
    expect((await walk("/api/v1/cooperations?region=05358&from=2023-03-10&to=2023-03-20&limit=500")).items.length).toBe(11 * 86);
  });

  it("invalid format → 422", async () => {
    expectError(await call("/api/v1/organisations?format=pdf"), 422, "validation_failed");
  });
});

describe("XLSX", () => {
  it("a workbook with typed cells: numbers, real dates, text; the importer's headers", async () => {
    const { res, bytes } = await download("/api/v1/cooperations?format=xlsx&sort=id&to=2024-12-31&from=2024-01-01");
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toMatch(/filename="kooperationen-.*\.xlsx"/);
    const sheet = (await readSheet(bytes.buffer as ArrayBuffer)) as unknown[][];
    expect(sheet[0].slice(0, 4)).toEqual(["ID", "Quelle", "Referenz", "Region"]);
    const [k1, k2] = [sheet[1], sheet[2]];
    expect([k1[2], k2[2]]).toEqual(["K-1", "K-2"]);
    expect(k1[10]).toEqual(new Date("2024-05-17T00:00:00Z"));
    expect(k2[10]).toEqual(new Date("2024-02-03T00:00:00Z"));
    expect(k2[11]).toBeNull();
    expect([k1[15], k1[16], k2[16]]).toEqual([36.5, 1250.75, 500]);
    expect(k2[21]).toBe("'=1+1");
    expect(k1[21]).toBe("Zeile 1\nZeile 2; mit Semikolon");
  });
});

describe("round trip: export → import changes nothing", () => {
  for (const type of ["organisations", "events", "cooperations"] as const) {
    for (const variant of ["csv&locale=de", "csv&locale=en", "xlsx&locale=de", "xlsx&locale=en"]) {
      it(`${type} as ${variant}: every row unchanged, no row written`, async () => {
        const { bytes } = await download(`/api/v1/${type}?format=${variant}`);
        const before = await snapshot();
        const res = await importFile(type, bytes, { dryRun: false, contentType: variant.startsWith("xlsx") ? XLSX : "text/csv" });
        expect(res.status).toBe(200);
        const { summary } = res.json;
        expect(summary.rejected).toBe(0);
        expect(summary.unchanged).toBe(summary.rows);
        expect(summary.rows).toBeGreaterThan(0);
        expect(res.json.statements).toBe(0);
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("records entered elsewhere with odd spacing stay unchanged (the import tidies spaces but does not report them as changes)", async () => {
    const org = await call("/api/v1/organisations", { body: { name: "  Verein  mit   Leerzeichen e.V.", kind: "nonprofit", regionCode: "05358" } });
    expect(org.status).toBe(201);
    const other = await call("/api/v1/organisations", { body: { name: "Firma  Doppelt GmbH", kind: "company", regionCode: "05358" } });
    const coop = await call("/api/v1/cooperations", {
      body: { partnerIds: [org.json.id, other.json.id], dateAgreed: "2024-07-01", status: "agreed", notes: "zwei  Leerzeichen\n  eingerückt", targetGroups: " Kinder  und Jugendliche " },
    });
    expect(coop.status).toBe(201);
    for (const type of ["organisations", "cooperations"] as const) {
      const { bytes } = await download(`/api/v1/${type}?format=csv`);
      const before = await snapshot();
      const res = await importFile(type, bytes, { dryRun: false });
      expect(res.json.summary.unchanged).toBe(res.json.summary.rows);
      expect(await snapshot()).toEqual(before);
    }
  });

  it("an edited export updates exactly the edited cell", async () => {
    const { bytes } = await download(`/api/v1/cooperations?format=csv&externalRef=K-1`);
    const text = new TextDecoder().decode(bytes).replace(";36,5;", ";40;");
    const res = await importFile("cooperations", text, { dryRun: false });
    expect(outcomes(res.json)).toEqual({ 2: "updated" });
    expect(res.json.rows[0].changes).toEqual([{ field: "hours", column: "Stunden", from: 36.5, to: 40 }]);
    expect(res.json.rows[0].id).toBe(cooperationIds[0]);
  });

  it("a coordinator's export re-imported by the coordinator changes nothing", async () => {
    const coordinator = await tokenFor("coordinator", ["05358"]);
    for (const type of ["organisations", "events", "cooperations"] as const) {
      const { bytes } = await download(`/api/v1/${type}?format=csv`, coordinator);
      const before = await snapshot();
      const res = await importFile(type, bytes, { dryRun: false, token: coordinator });
      expect(res.status).toBe(200);
      expect(res.json.summary.unchanged).toBe(res.json.summary.rows);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe("limits", () => {
  it(`stops after ${EXPORT_MAX_ROWS} rows and says so in X-Export-Truncated`, async () => {
    const viewer: Viewer = { role: "admin", tokenId: null, actor: "test", scope: null };
    const c = { env, get: () => viewer } as unknown as Parameters<typeof exportList>[0];
    let served = 0;
    const page = async (cursor: string | undefined, limit: number) => {
      const start = cursor ? Number(cursor) : 0;
      const data = Array.from({ length: limit }, (_, i) => ({ code: `R${start + i}`, name: "x", kind: "custom", parentCode: null, population: 1, nuts3: null, boundaryVintage: null }));
      served += data.length;
      return { data, nextCursor: String(start + limit) };
    };
    const res = await exportList(c, "regions", { format: "csv", locale: "de" }, page);
    expect(res.headers.get("x-export-truncated")).toBe("true");
    expect(res.headers.get("x-export-rows")).toBe(String(EXPORT_MAX_ROWS));
    expect(res.headers.get("x-export-max-rows")).toBe("100000");
    expect(served).toBe(EXPORT_MAX_ROWS);
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(EXPORT_MAX_ROWS + 1);
    expect(lines[EXPORT_MAX_ROWS]).toBe(`R${EXPORT_MAX_ROWS - 1};x;custom;;1;;`);
  });
});
