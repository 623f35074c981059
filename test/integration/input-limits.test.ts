/**
 * Input limits of every route (README "Input limits"): the date range of stored and queried
 * dates, sort keys, path ids and control characters. Each rejected request answers the one error
 * shape with 4xx, never a 500, and writes nothing.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, detailPaths, expectError, expectRejectedWithoutChange, makeOrganisation, uid } from "./api";
import { importFile, outcomes, rejections } from "../fixtures/import/report";
import { utf8Bom } from "../fixtures/import/encode";
import { DATE_RANGE } from "../../worker/lib/limits";

describe("dates: one range for stored and queried dates", () => {
  let company: number;
  let nonprofit: number;
  const companyName = uid("Datum GmbH");
  const nonprofitName = uid("Datum e.V.");
  beforeAll(async () => {
    company = await makeOrganisation({ kind: "company", name: companyName });
    nonprofit = await makeOrganisation({ kind: "nonprofit", name: nonprofitName });
  });
  const cooperation = (fields: Record<string, unknown> = {}) => ({ partnerIds: [company, nonprofit], dateAgreed: "2024-03-01", status: "agreed", ...fields });
  const mentionsRange = (err: { details?: { message: string }[] }) =>
    expect(err.details?.some((d) => d.message.includes(DATE_RANGE.min) && d.message.includes(DATE_RANGE.max))).toBe(true);

  it("a date before year 1000 or after the range is refused on every write, naming the limit", async () => {
    for (const date of ["0999-06-01", "0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"]) {
      const single = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: cooperation({ dateAgreed: date }) }), 422, "validation_failed");
      expect(single.details?.map((d) => d.path)).toEqual(["dateAgreed"]);
      mentionsRange(single);
      mentionsRange(await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: cooperation({ dateDone: date, status: "done" }) }), 422, "validation_failed"));
      const bulk = await expectRejectedWithoutChange(
        () => call("/api/v1/cooperations/bulk", { body: { records: [cooperation(), cooperation({ dateAgreed: date })] } }),
        422,
        "validation_failed",
      );
      expect(bulk.details?.map((d) => d.path)).toEqual(["records[1].dateAgreed"]);
      mentionsRange(await expectRejectedWithoutChange(() => call("/api/v1/events", { body: { kind: "marketplace", title: uid("Alt"), date, regionCode: "05113" } }), 422, "validation_failed"));
    }
    const created = await call("/api/v1/cooperations", { body: cooperation() });
    expect(created.status).toBe(201);
    mentionsRange(await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${created.json.id}`, { method: "PATCH", body: { dateAgreed: "0999-06-01" } }), 422, "validation_failed"));
  });

  it("the limits themselves are accepted", async () => {
    for (const date of [DATE_RANGE.min, DATE_RANGE.max]) {
      expect((await call("/api/v1/cooperations", { body: cooperation({ dateAgreed: date }) })).status).toBe(201);
    }
  });

  it("dates that do not exist are refused", async () => {
    for (const date of ["2025-02-30", "2024-13-01", "2023-02-29", "2024-00-10", "2024-5-1"]) {
      await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: cooperation({ dateAgreed: date }) }), 422, "validation_failed");
    }
  });

  it("the import refuses dates outside the range with its own reason", async () => {
    const csv = ["Unternehmen;Organisation;Datum", ...["01.06.0999", "0999-06-01", "31.12.1899", "01.01.2101", "17.05.2024"].map((d) => `${companyName};${nonprofitName};${d}`)].join("\r\n");
    const res = await importFile("cooperations", utf8Bom(csv));
    expect(res.status).toBe(200);
    expect(outcomes(res.json)).toEqual({ 2: "rejected", 3: "rejected", 4: "rejected", 5: "rejected", 6: "created" });
    expect(rejections(res.json)).toMatchObject({ 2: ["Datum:date_out_of_range"], 3: ["Datum:date_out_of_range"], 4: ["Datum:date_out_of_range"], 5: ["Datum:date_out_of_range"] });
    expect(res.json.rows[0].issues[0].message).toContain(DATE_RANGE.min);
  });

  it("query dates outside the range answer 422 naming the limit, never 500", async () => {
    const paths = [
      "/api/v1/regions/05113/metrics?to=0001-01-01",
      "/api/v1/regions/05113/metrics?from=0999-01-01&to=2024-01-01",
      "/api/v1/metrics?to=0000-01-01",
      "/api/v1/conversion?to=0000-01-01",
      "/api/v1/regions/05113/trend?metric=cooperations&interval=month&from=0001-01-01&to=9999-12-31",
      "/api/v1/regions/05113/network?to=0001-01-01",
      `/api/v1/organisations/${company}/metrics?to=0001-01-01`,
      "/api/v1/events?from=0500-01-01",
      "/api/v1/cooperations?to=2200-01-01",
      "/api/v1/audit?from=0001-01-01",
    ];
    for (const path of paths) {
      const res = await call(path);
      const err = expectError(res, 422, "validation_failed");
      mentionsRange(err);
    }
  });
});

describe("sort keys are looked up among the allowed keys only", () => {
  it("inherited object keys (__proto__, constructor, toString, -valueOf) answer 422 listing the allowed keys", async () => {
    for (const list of ["/api/v1/organisations", "/api/v1/events", "/api/v1/cooperations", "/api/v1/regions"]) {
      for (const sort of ["__proto__", "constructor", "toString", "-valueOf", "hasOwnProperty", "-__proto__"]) {
        // Anonymous callers too, where the list is public.
        const anonymous = (await call(list, { token: null })).status === 200;
        for (const token of anonymous ? [undefined, null] : [undefined]) {
          const err = expectError(await call(`${list}?sort=${encodeURIComponent(sort)}`, { token }), 422, "validation_failed");
          expect(err.details, `${list} ${sort}`).toEqual([{ path: "sort", message: expect.stringMatching(/^Expected one of \w+, -\w+/) }]);
        }
      }
    }
  });

  it("the allowed keys still sort", async () => {
    expect((await call("/api/v1/regions?sort=-name&limit=3")).status).toBe(200);
    expect((await call("/api/v1/organisations?sort=name")).status).toBe(200);
  });
});

describe("path ids are decimal integers only", () => {
  const loose = (id: number) => [`%20${id}`, `${id}%20`, `0${id}`, `%2B${id}`, `${id}.0`, `0x${id.toString(16)}`, `${id}e0`, "1e3", "9007199254740992", "99999999999999999999", "Infinity", "0", "-1"];

  it("organisations, events, cooperations and their sub-resources refuse anything else with 422 naming the id", async () => {
    const org = await makeOrganisation({ name: uid("Id e.V."), isPublic: true, contactName: "Erika Muster" });
    const company = await makeOrganisation({ kind: "company", name: uid("Id GmbH") });
    const event = await call("/api/v1/events", { body: { kind: "marketplace", title: uid("Id"), date: "2024-05-17", regionCode: "05113" } });
    const coop = await call("/api/v1/cooperations", { body: { partnerIds: [org, company], dateAgreed: "2024-03-01", status: "agreed" } });
    const paths = (id: string) => [
      `/api/v1/organisations/${id}`,
      `/api/v1/organisations/${id}/personal-data`,
      `/api/v1/organisations/${id}/metrics`,
      `/api/v1/events/${id}`,
      `/api/v1/cooperations/${id}`,
    ];
    for (const [path, real] of [
      [paths, org],
      [(id: string) => [`/api/v1/events/${id}`], event.json.id],
      [(id: string) => [`/api/v1/cooperations/${id}`], coop.json.id],
    ] as const) {
      for (const id of loose(real)) {
        for (const p of path(id)) {
          expect(detailPaths(expectError(await call(p), 422, "validation_failed")), p).toEqual(["id"]);
          if (!p.endsWith("metrics")) expectError(await call(p, { method: "DELETE" }), 422, "validation_failed");
        }
      }
    }
    await expectRejectedWithoutChange(() => call(`/api/v1/organisations/0x${org.toString(16)}`, { method: "PATCH", body: { name: "Umbenannt" } }), 422, "validation_failed");
    // Nothing was deleted or erased through a loose id.
    expect((await call(`/api/v1/organisations/${org}`)).json).toMatchObject({ id: org, contactName: "Erika Muster" });
    expect((await call(`/api/v1/events/${event.json.id}`)).status).toBe(200);
    expect((await call(`/api/v1/cooperations/${coop.json.id}`)).status).toBe(200);
    expect(detailPaths(expectError(await call(`/api/v1/events?organisation=0x${org.toString(16)}`), 422, "validation_failed"))).toEqual(["organisation"]);
    expect(detailPaths(expectError(await call(`/api/v1/cooperations?event=1e3`), 422, "validation_failed"))).toEqual(["event"]);
  });

  it("DELETE /tokens/%201 does not revoke token 1", async () => {
    const created = await call("/api/v1/tokens", { body: { name: uid("Id-Token"), role: "funder" } });
    const { id, token: secret } = created.json as { id: number; token: string };
    for (const raw of loose(id)) {
      await expectRejectedWithoutChange(() => call(`/api/v1/tokens/${raw}`, { method: "DELETE" }), 422, "validation_failed");
    }
    expect((await call("/api/v1/me", { token: secret })).status).toBe(200);
    expect((await call(`/api/v1/tokens/${id}`, { method: "DELETE" })).status).toBeLessThan(300);
  });

  it("the largest safe id is a well-formed id that is simply not found", async () => {
    expectError(await call(`/api/v1/organisations/${Number.MAX_SAFE_INTEGER}`), 404, "not_found");
  });
});

describe("control characters", () => {
  const bad = ["Ctrl\u0001Char", "Null\u0000Byte", "Esc\u001bape", "Del\u007fete", "C1\u0085Next", "Lone\ud800Surrogate", "Non\uffffChar"];

  it("are refused in every text field of every write (single, bulk, PATCH), naming the field", async () => {
    const org = await makeOrganisation({ kind: "company", name: uid("Kontroll GmbH") });
    const partner = await makeOrganisation({ kind: "nonprofit", name: uid("Kontroll e.V.") });
    const event = (await call("/api/v1/events", { body: { kind: "marketplace", title: uid("Kontrolle"), date: "2024-05-17", regionCode: "05113" } })).json.id;
    const coop = (await call("/api/v1/cooperations", { body: { partnerIds: [org, partner], dateAgreed: "2024-03-01", status: "agreed" } })).json.id;
    for (const text of bad) {
      const err = await expectRejectedWithoutChange(() => call("/api/v1/organisations", { body: { name: text, kind: "nonprofit", regionCode: "05113" } }), 422, "validation_failed");
      expect(err.details?.map((d) => d.path), JSON.stringify(text)).toEqual(["name"]);
    }
    for (const text of [bad[0], bad[5]]) {
      const writes: [string, string, unknown, string][] = [
        ["POST", "/api/v1/organisations", { name: text, kind: "nonprofit", regionCode: "05113" }, "name"],
        ["POST", "/api/v1/organisations", { name: uid("Ok"), kind: "nonprofit", regionCode: "05113", contactName: text }, "contactName"],
        ["POST", "/api/v1/organisations", { name: uid("Ok"), kind: "nonprofit", regionCode: "05113", source: "crm", externalRef: text }, "externalRef"],
        ["POST", "/api/v1/organisations/bulk", { records: [{ name: uid("Ok"), kind: "nonprofit", regionCode: "05113" }, { name: text, kind: "nonprofit", regionCode: "05113" }] }, "records[1].name"],
        ["PATCH", `/api/v1/organisations/${org}`, { name: text }, "name"],
        ["POST", "/api/v1/events", { kind: "marketplace", title: text, date: "2024-05-17", regionCode: "05113" }, "title"],
        ["PATCH", `/api/v1/events/${event}`, { notes: text }, "notes"],
        ["POST", "/api/v1/cooperations", { partnerIds: [org, partner], dateAgreed: "2024-03-01", status: "agreed", notes: text }, "notes"],
        ["POST", "/api/v1/cooperations/bulk", { records: [{ partnerIds: [org, partner], dateAgreed: "2024-03-01", status: "agreed", givesBack: text }] }, "records[0].givesBack"],
        ["PATCH", `/api/v1/cooperations/${coop}`, { targetGroups: text }, "targetGroups"],
        ["POST", "/api/v1/tokens", { name: text, role: "funder" }, "name"],
        ["POST", "/api/v1/regions", { code: "X-CTRL", name: text }, "name"],
      ];
      for (const [method, path, body, field] of writes) {
        const err = await expectRejectedWithoutChange(() => call(path, { method, body }), 422, "validation_failed");
        expect(err.details?.map((d) => d.path), `${method} ${path} ${JSON.stringify(text)}`).toEqual([field]);
        expect(err.details?.[0].message).toMatch(/control characters/);
      }
    }
  });

  it("free-text notes keep tabs and line breaks; names refuse them", async () => {
    const org = await makeOrganisation({ kind: "company", name: uid("Notiz GmbH") });
    const partner = await makeOrganisation({ kind: "nonprofit", name: uid("Notiz e.V.") });
    const notes = "Erste Zeile\nZweite Zeile\r\n\tEingerückt";
    const created = await call("/api/v1/cooperations", { body: { partnerIds: [org, partner], dateAgreed: "2024-03-01", status: "agreed", notes } });
    expect(created.status).toBe(201);
    expect(created.json.notes).toBe(notes);
    const err = await expectRejectedWithoutChange(() => call("/api/v1/organisations", { body: { name: "Zwei\nZeilen", kind: "nonprofit", regionCode: "05113" } }), 422, "validation_failed");
    expect(err.details?.map((d) => d.path)).toEqual(["name"]);
  });

  it("the import refuses a row whose name holds a control character, and imports the others", async () => {
    const ok = uid("Sauber e.V.");
    const filler = Array.from({ length: 30 }, (_, i) => `${uid(`Füllverein ${i}`)};Verein;05113`);
    const csv = ["Name;Art;Region", `Ctrl\u0001Char ${uid("x")};Verein;05113`, `${ok};Verein;05113`, ...filler].join("\r\n");
    const res = await importFile("organisations", utf8Bom(csv));
    expect(res.status, res.text).toBe(200);
    expect(res.json.rows[0]).toMatchObject({ row: 2, outcome: "rejected" });
    expect(res.json.rows[0].issues[0]).toMatchObject({ column: "Name", code: "invalid_value" });
    expect(res.json.rows[0].issues[0].message).toMatch(/control characters/);
    expect(res.json.rows[1]).toMatchObject({ row: 3, outcome: "created" });
  });

  it("an uploaded file's name loses its control characters before the report and the audit log", async () => {
    const form = new FormData();
    form.append("file", new File([utf8Bom(`Name;Art;Region\r\n${uid("Datei e.V.")};Verein;05113\r\n`)], "Liste\u0001\u001b[31m.csv", { type: "text/csv" }));
    const res = await call("/api/v1/import?type=organisations&dryRun=true", { method: "POST", rawBody: form });
    expect(res.status, res.text).toBe(200);
    expect(res.json.file.name).toBe("Liste[31m.csv");
    const bad = await call("/api/v1/import?type=organisations&dryRun=true&fileName=Liste%01.csv", { method: "POST", rawBody: utf8Bom("Name;Art;Region\r\n"), contentType: "text/csv" });
    expect(detailPaths(expectError(bad, 422, "validation_failed"))).toEqual(["fileName"]);
  });
});

describe("XML exports stay well-formed whatever is stored", () => {
  /** Characters XML 1.0 forbids anywhere in a document. */
  const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  /** A small well-formedness check: allowed characters, balanced tags, quoted attributes, only known entities. */
  function expectWellFormed(xml: string) {
    expect(INVALID.test(xml), "characters XML 1.0 forbids").toBe(false);
    const stack: string[] = [];
    const body = xml.replace(/^<\?xml[^?]*\?>/, "");
    let last = 0;
    for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/g)) {
      const between = body.slice(last, m.index);
      expect(between, "text between tags").not.toMatch(/[<>]/);
      last = m.index + m[0].length;
      if (m[1]) expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
      else if (!m[4]) stack.push(m[2]);
    }
    expect(body.slice(last).trim()).toBe("");
    expect(stack).toEqual([]);
    for (const ref of body.matchAll(/&([^;]{0,10});?/g)) expect(ref[0]).toMatch(/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/);
  }

  it("GEXF and GraphML of a region whose organisation name holds control characters (stored before the check)", async () => {
    const region = "05111";
    const company = await makeOrganisation({ kind: "company", name: uid("Vorher GmbH"), regionCode: region, isPublic: true });
    const nonprofit = await makeOrganisation({ kind: "nonprofit", name: uid("Vorher e.V."), regionCode: region, isPublic: true });
    expect((await call("/api/v1/cooperations", { body: { partnerIds: [company, nonprofit], dateAgreed: "2025-06-01", status: "done", dateDone: "2025-06-02" } })).status).toBe(201);
    // As a record written before writes were checked, or straight into the database.
    await env.DB.prepare("UPDATE organisations SET name = ? WHERE id = ?").bind("Ctrl\u0001Char \u000b<Tag> & \"Zitat\" 'x'\tTab\u0000", company).run();
    for (const format of ["gexf", "graphml"]) {
      const res = await call(`/api/v1/regions/${region}/network?to=2025-12-31&format=${format}`);
      expect(res.status, res.text).toBe(200);
      expectWellFormed(res.text);
      expect(res.text).toContain("CtrlChar &lt;Tag&gt; &amp; &quot;Zitat&quot; &apos;x&apos;&#9;Tab");
    }
  });
});
