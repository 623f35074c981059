/**
 * Import templates for a coordinator: set in the coordinator's own region, the unchanged German
 * templates (CSV and XLSX) import there in order — also after the general example was imported for
 * another region — while the general example is refused outside the coordinator's regions.
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, tokenFor } from "./api";
import readXlsxFile from "read-excel-file/universal";
import { importFile, rejections, XLSX } from "../fixtures/import/report";

const TYPES = ["organisations", "events", "cooperations"] as const;

async function templateBytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const res = await SELF.fetch(`http://localhost${path}`);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

let essen: string;
let takenId: number;
beforeAll(async () => {
  essen = await tokenFor("coordinator", ["05113"]);
  // An organisation and an event of Essen already bear the example's name and title.
  const taken = await call("/api/v1/organisations", { body: { name: "Arbeiterwohlfahrt Kreisverband Essen e.V.", kind: "nonprofit", regionCode: "05113" } });
  expect(taken.status).toBe(201);
  takenId = taken.json.id;
  const event = await call("/api/v1/events", { body: { kind: "marketplace", title: "Gute Geschäfte Essen 2024", date: "2024-05-17", regionCode: "05113", organiserId: takenId } });
  expect(event.status).toBe(201);
  // The general example (Düren), imported by the admin, holds the references a copied template would reuse.
  for (const type of TYPES) {
    const res = await importFile(type, await templateBytes(`/api/v1/import/templates/${type}.csv?locale=de`), { dryRun: false });
    expect(res.json.summary.rejected).toBe(0);
  }
});

describe("templates set in a region", () => {
  it("carry the region's code, its town instead of the example's, and references naming the region", async () => {
    const orgs = await call("/api/v1/import/templates/organisations.csv?locale=de&region=05113", { token: null });
    expect(orgs.status).toBe(200);
    const lines = orgs.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Referenz;Name;Art;Region;PLZ;Arbeitsfeld;Branche;Größenklasse;Öffentlich;Ansprechperson;E-Mail");
    expect(lines[1]).toBe("ORG-05113-001;Arbeiterwohlfahrt Kreisverband Essen e.V. (Beispiel);Gemeinnützige Organisation;05113;;Soziale Dienste;;;ja;Erika Mustermann;erika.mustermann@example.org");
    expect(orgs.text).not.toMatch(/Jülich|Düren|05358/);
    const coops = await call("/api/v1/import/templates/cooperations.csv?locale=de&region=05113", { token: null });
    // Partners by the references of the organisations template: a name may be taken in the region already.
    expect(coops.text).toContain("GG-05113-2024-001;05113;ORG-05113-002;ORG-05113-001;;Gute Geschäfte Essen 2024 (Beispiel);17.05.2024;22.06.2024;durchgeführt;Zeit, Know-how;");
    const events = await call("/api/v1/import/templates/events.csv?locale=de&region=05113", { token: null });
    expect(events.text).toContain("VA-05113-2024-01;Marktplatz;Gute Geschäfte Essen 2024 (Beispiel);17.05.2024;05113;ORG-05113-001;ORG-05113-002 | ORG-05113-003;");
    // Without a region: the general example, unchanged.
    const general = await call("/api/v1/import/templates/organisations.csv?locale=de", { token: null });
    expect(general.text).toContain("ORG-001;Arbeiterwohlfahrt Kreisverband Jülich e.V.;Gemeinnützige Organisation;05358;52428;");
  });

  it("an unknown region is a 404 in the one error shape; a malformed one a 422", async () => {
    expectError(await call("/api/v1/import/templates/organisations.csv?region=99999", { token: null }), 404, "not_found");
    expectError(await call(`/api/v1/import/templates/organisations.csv?region=${"1".repeat(40)}`, { token: null }), 422, "validation_failed");
  });
});

describe("fields of work and industries in German", () => {
  it("the German template writes the dashboard's labels, the notes list them with their keys; the import stores the keys", async () => {
    const sheets = await readXlsxFile((await templateBytes("/api/v1/import/templates/organisations.xlsx?locale=de")).buffer as ArrayBuffer);
    expect(sheets[0].data.slice(1).map((r) => [r[5], r[6]])).toEqual([["Soziale Dienste", null], [null, "Bau und Handwerk"], ["Jugendarbeit", null]]);
    const notes = sheets[1].data.find((r) => r[0] === "Arbeitsfeld");
    expect(String(notes?.[2])).toContain("Jugendarbeit (youth_work)");
    const en = await call("/api/v1/import/templates/organisations.csv?locale=en", { token: null });
    expect(en.text).toContain(",social_services,");
    const csv = "Name;Art;Region;Arbeitsfeld;Branche\r\nFeldtest Jugend e.V.;Verein;05113;Jugendarbeit;\r\nFeldtest Bau GmbH;Firma;05113;;bau und handwerk\r\nFeldtest Garten e.V.;Verein;05113;Kleingärten;\r\n";
    const res = await importFile("organisations", csv, { dryRun: false });
    expect(rejections(res.json)).toEqual({});
    const stored = await call("/api/v1/organisations?q=Feldtest&sort=name");
    expect(stored.json.data.map((o: { name: string; field: string | null; industry: string | null }) => [o.name, o.field ?? o.industry])).toEqual([
      ["Feldtest Bau GmbH", "construction_crafts"],
      ["Feldtest Garten e.V.", "kleingaerten"],
      ["Feldtest Jugend e.V.", "youth_work"],
    ]);
  });
});

describe("a coordinator of Essen imports the unchanged templates", () => {
  it("the general example is refused: its rows and references belong to another region", async () => {
    for (const type of TYPES) {
      const res = await importFile(type, await templateBytes(`/api/v1/import/templates/${type}.csv?locale=de`), { token: essen });
      expect(res.status).toBe(200);
      expect(res.json.summary.created).toBe(0);
      expect(res.json.summary.rejected).toBeGreaterThan(0);
    }
  });

  it("the templates set in Essen import in order, CSV and then XLSX (nothing new the second time)", async () => {
    for (const type of TYPES) {
      const csv = await importFile(type, await templateBytes(`/api/v1/import/templates/${type}.csv?locale=de&region=05113`), { dryRun: false, token: essen });
      expect(csv.status).toBe(200);
      expect(rejections(csv.json)).toEqual({});
      expect(csv.json.summary.created).toBe(csv.json.summary.rows);
      const xlsx = await importFile(type, await templateBytes(`/api/v1/import/templates/${type}.xlsx?locale=de&region=05113`), { contentType: XLSX, token: essen });
      expect(rejections(xlsx.json)).toEqual({});
      expect(xlsx.json.summary).toMatchObject({ rows: csv.json.summary.rows, created: 0 });
    }
    const stored = await call("/api/v1/cooperations?region=05113&limit=100", { token: essen });
    const mine = stored.json.data.filter((c: { externalRef: string | null }) => c.externalRef?.startsWith("GG-05113-"));
    expect(mine.map((c: { externalRef: string }) => c.externalRef).sort()).toEqual(["GG-05113-2024-001", "GG-05113-2024-002"]);
    expect(mine.map((c: { regionCode: string }) => c.regionCode)).toEqual(["05113", "05113"]);
    // The organisation that bears the example's name is left as it was.
    const taken = await call(`/api/v1/organisations/${takenId}`);
    expect(taken.json).toMatchObject({ externalRef: null, contactName: null, field: null });
  });
});
