/**
 * Every error class in the one shape `{"error":{"code","message","details?"}}`, the right status,
 * no stack trace — and after every rejected write the stored data is exactly as before
 * (`expectRejectedWithoutChange` compares row counts and every row of the core tables).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, detailPaths, expectError, expectRejectedWithoutChange, makeCooperation, makeEvent, makeOrganisation, tokenFor } from "./api";

let company: number, nonprofit: number, coopId: number, eventId: number;
beforeAll(async () => {
  company = await makeOrganisation({ kind: "company", name: "Fehler GmbH", source: "crm", externalRef: "F-1", isPublic: true });
  nonprofit = await makeOrganisation({ kind: "nonprofit", name: "Fehler e.V." });
  eventId = await makeEvent({ source: "sheet", externalRef: "E-1" });
  coopId = (await makeCooperation({ partnerIds: [company, nonprofit], source: "sheet", externalRef: "C-1", dateAgreed: "2024-05-01", hours: 4 })).id;
});

const validOrg = () => ({ name: "Gültig e.V.", kind: "nonprofit", regionCode: "05113" });
const validCoop = () => ({ partnerIds: [company, nonprofit], dateAgreed: "2024-05-01", status: "agreed" });
const validEvent = () => ({ kind: "round_table", title: "Runder Tisch", date: "2024-05-01", regionCode: "05113" });

/** Every JSON write route with a valid body (for the content-level checks). */
const writeRoutes = () =>
  [
    ["POST", "/api/v1/organisations", validOrg()],
    ["PATCH", `/api/v1/organisations/${company}`, { name: "Neu" }],
    ["POST", "/api/v1/events", validEvent()],
    ["PATCH", `/api/v1/events/${eventId}`, { title: "Neu" }],
    ["POST", "/api/v1/cooperations", validCoop()],
    ["PATCH", `/api/v1/cooperations/${coopId}`, { hours: 5 }],
    ["POST", "/api/v1/regions", { code: "NL-X", name: "X" }],
    ["PATCH", "/api/v1/regions/NL-ARN", { name: "Arnhem" }],
    ["POST", "/api/v1/tokens", { name: "t", role: "funder" }],
    ["POST", "/api/v1/organisations/bulk", { records: [validOrg()] }],
    ["POST", "/api/v1/cooperations/bulk", { records: [validCoop()] }],
  ] as const;

describe("400 malformed_json", () => {
  it.each(["{", '{"name": "x",}', "{'name': 'x'}", "nul", '{"a":1}}'])("body %j on every write route", async (raw) => {
    for (const [method, path] of writeRoutes()) {
      await expectRejectedWithoutChange(() => call(path, { method, rawBody: raw, contentType: "application/json" }), 400, "malformed_json");
    }
  });

  it("an empty body with a JSON content type is malformed", async () => {
    await expectRejectedWithoutChange(() => call("/api/v1/organisations", { method: "POST", rawBody: "", contentType: "application/json" }), 400, "malformed_json");
  });

  it("valid JSON that is not an object → 422", async () => {
    for (const raw of ["[]", '"Tafel"', "42", "null"]) {
      await expectRejectedWithoutChange(() => call("/api/v1/organisations", { method: "POST", rawBody: raw, contentType: "application/json" }), 422, "validation_failed");
    }
  });
});

describe("422 validation_failed names the field", () => {
  it("missing fields", async () => {
    const err = await expectRejectedWithoutChange(() => call("/api/v1/organisations", { body: { kind: "company" } }), 422, "validation_failed");
    expect(detailPaths(err).sort()).toEqual(["name", "regionCode"]);
    const coop = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { partnerIds: [company, nonprofit] } }), 422, "validation_failed");
    expect(detailPaths(coop).sort()).toEqual(["dateAgreed", "status"]);
    const ev = await expectRejectedWithoutChange(() => call("/api/v1/events", { body: { kind: "other" } }), 422, "validation_failed");
    expect(detailPaths(ev).sort()).toEqual(["date", "regionCode", "title"]);
  });

  it("wrong types", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["/api/v1/cooperations", { ...validCoop(), hours: "12" }, "hours"],
      ["/api/v1/cooperations", { ...validCoop(), partnerIds: [company, "zwei"] }, "partnerIds[1]"],
      ["/api/v1/cooperations", { ...validCoop(), volunteers: true }, "volunteers"],
      ["/api/v1/organisations", { ...validOrg(), isPublic: "yes" }, "isPublic"],
      ["/api/v1/organisations", { ...validOrg(), name: 42 }, "name"],
      ["/api/v1/organisations", { ...validOrg(), contactEmail: "keine-mail" }, "contactEmail"],
      ["/api/v1/organisations", { ...validOrg(), kind: "verein" }, "kind"],
      ["/api/v1/events", { ...validEvent(), participantIds: "1,2" }, "participantIds"],
      ["/api/v1/events", { ...validEvent(), date: "17.05.2024" }, "date"],
    ];
    for (const [path, body, field] of cases) {
      const err = await expectRejectedWithoutChange(() => call(path, { body }), 422, "validation_failed");
      expect([...new Set(detailPaths(err))], `${path} ${field}`).toEqual([field]);
    }
  });

  it("wrong types in an update leave the record as it was", async () => {
    const err = await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${coopId}`, { method: "PATCH", body: { hours: -4 } }), 422, "validation_failed");
    expect(detailPaths(err)).toEqual(["hours"]);
    expect((await call(`/api/v1/cooperations/${coopId}`)).json.hours).toBe(4);
    const name = await expectRejectedWithoutChange(() => call(`/api/v1/organisations/${company}`, { method: "PATCH", body: { name: "" } }), 422, "validation_failed");
    expect(detailPaths(name)).toEqual(["name"]);
  });

  it("unknown fields are named in details[].path", async () => {
    const org = await expectRejectedWithoutChange(() => call("/api/v1/organisations", { body: { ...validOrg(), colour: "rot" } }), 422, "validation_failed");
    expect(detailPaths(org)).toEqual(["colour"]);
    const patch = await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${coopId}`, { method: "PATCH", body: { hour: 5 } }), 422, "validation_failed");
    expect(detailPaths(patch)).toEqual(["hour"]);
    const bulk = await expectRejectedWithoutChange(
      () => call("/api/v1/cooperations/bulk", { body: { records: [validCoop(), { ...validCoop(), colour: "blau" }] } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(bulk)).toEqual(["records[1].colour"]);
  });

  it("an impossible calendar date (2024-02-30) and dateDone before dateAgreed", async () => {
    for (const date of ["2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10"]) {
      const err = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...validCoop(), dateAgreed: date } }), 422, "validation_failed");
      expect(detailPaths(err), date).toEqual(["dateAgreed"]);
    }
    const ev = await expectRejectedWithoutChange(() => call("/api/v1/events", { body: { ...validEvent(), date: "2024-02-30" } }), 422, "validation_failed");
    expect(detailPaths(ev)).toEqual(["date"]);
    const order = await expectRejectedWithoutChange(
      () => call("/api/v1/cooperations", { body: { ...validCoop(), dateAgreed: "2024-05-02", dateDone: "2024-05-01" } }),
      422,
      "validation_failed",
    );
    expect(detailPaths(order)).toEqual(["dateDone"]);
    const patch = await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${coopId}`, { method: "PATCH", body: { dateDone: "2024-04-30" } }), 422, "validation_failed");
    expect(detailPaths(patch)).toEqual(["dateDone"]);
    // moving dateAgreed after a stored dateDone is caught as well
    const done = await makeCooperation({ ...validCoop(), dateAgreed: "2024-05-01", dateDone: "2024-05-10", status: "done" });
    const moved = await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${done.id}`, { method: "PATCH", body: { dateAgreed: "2024-06-01" } }), 422, "validation_failed");
    expect(detailPaths(moved)).toEqual(["dateDone"]);
  });

  it("invalid sort, limit, cursor on every list", async () => {
    for (const list of ["/api/v1/regions", "/api/v1/organisations", "/api/v1/events", "/api/v1/cooperations"]) {
      expect(detailPaths(expectError(await call(`${list}?sort=geheim`), 422, "validation_failed")), list).toEqual(["sort"]);
      expect(detailPaths(expectError(await call(`${list}?sort=-`), 422, "validation_failed")), list).toEqual(["sort"]);
      for (const limit of ["0", "501", "x", "1e2", "0x10", "%2010", "2.0", "0050"]) {
        expect(detailPaths(expectError(await call(`${list}?limit=${limit}`), 422, "validation_failed")), `${list} ${limit}`).toEqual(["limit"]);
      }
      expect(detailPaths(expectError(await call(`${list}?cursor=kaputt`), 422, "validation_failed")), list).toEqual(["cursor"]);
    }
    expect(detailPaths(expectError(await call("/api/v1/audit?limit=0"), 422, "validation_failed"))).toEqual(["limit"]);
    expect(detailPaths(expectError(await call("/api/v1/audit?cursor=kaputt"), 422, "validation_failed"))).toEqual(["cursor"]);
  });

  it("a path id that is not a positive integer", async () => {
    for (const id of ["abc", "0", "-1", "1.5"]) {
      expect(detailPaths(expectError(await call(`/api/v1/organisations/${id}`), 422, "validation_failed")), id).toEqual(["id"]);
    }
  });
});

describe("422 unknown_reference", () => {
  it("unknown region, partner, event, follow-up", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["/api/v1/organisations", { ...validOrg(), regionCode: "00000" }, "regionCode"],
      ["/api/v1/events", { ...validEvent(), regionCode: "00000" }, "regionCode"],
      ["/api/v1/events", { ...validEvent(), organiserId: 999999 }, "organiserId"],
      ["/api/v1/cooperations", { ...validCoop(), partnerIds: [company, 999999] }, "partnerIds[1]"],
      ["/api/v1/cooperations", { ...validCoop(), eventId: 999999 }, "eventId"],
      ["/api/v1/cooperations", { ...validCoop(), followUpOf: 999999 }, "followUpOf"],
      ["/api/v1/cooperations", { ...validCoop(), regionCode: "00000" }, "regionCode"],
      ["/api/v1/tokens", { name: "x", role: "coordinator", regions: ["00000"] }, "regions[0]"],
    ];
    for (const [path, body, field] of cases) {
      const err = await expectRejectedWithoutChange(() => call(path, { body }), 422, "unknown_reference");
      expect(detailPaths(err), `${path} ${field}`).toEqual([field]);
    }
    const patch = await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${coopId}`, { method: "PATCH", body: { partnerIds: [company, 999999] } }), 422, "unknown_reference");
    expect(detailPaths(patch)).toEqual(["partnerIds[1]"]);
    const ev = await expectRejectedWithoutChange(() => call(`/api/v1/events/${eventId}`, { method: "PATCH", body: { regionCode: "00000" } }), 422, "unknown_reference");
    expect(detailPaths(ev)).toEqual(["regionCode"]);
  });
});

describe("409 conflict", () => {
  it("same source + externalRef on create and update", async () => {
    await expectRejectedWithoutChange(() => call("/api/v1/organisations", { body: { ...validOrg(), source: "crm", externalRef: "F-1" } }), 409, "conflict");
    await expectRejectedWithoutChange(() => call("/api/v1/events", { body: { ...validEvent(), source: "sheet", externalRef: "E-1" } }), 409, "conflict");
    await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { body: { ...validCoop(), source: "sheet", externalRef: "C-1" } }), 409, "conflict");
    const other = await makeOrganisation({ source: "crm", externalRef: "F-2" });
    await expectRejectedWithoutChange(() => call(`/api/v1/organisations/${other}`, { method: "PATCH", body: { externalRef: "F-1" } }), 409, "conflict");
    // a soft-deleted record still holds its ref (re-import restores it through bulk)
    const gone = await makeOrganisation({ source: "crm", externalRef: "F-3" });
    await call(`/api/v1/organisations/${gone}`, { method: "DELETE" });
    await expectRejectedWithoutChange(() => call("/api/v1/organisations", { body: { ...validOrg(), source: "crm", externalRef: "F-3" } }), 409, "conflict");
  });
});

describe("401 unauthorized", () => {
  it("missing token where one is needed", async () => {
    expectError(await call("/api/v1/cooperations", { token: null }), 401, "unauthorized");
    expectError(await call(`/api/v1/cooperations/${coopId}`, { token: null }), 401, "unauthorized");
    expectError(await call("/api/v1/audit", { token: null }), 401, "unauthorized");
    expectError(await call("/api/v1/tokens", { token: null }), 401, "unauthorized");
    for (const [method, path, body] of writeRoutes()) {
      await expectRejectedWithoutChange(() => call(path, { method, token: null, body }), 401, "unauthorized");
    }
  });

  it("unknown token, and malformed Authorization headers, on every route", async () => {
    const headers = ["Bearer nope", "Bearer ka_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "test-admin-token", "Token test-admin-token", "Bearer test-admin-token x"];
    for (const Authorization of headers) {
      expectError(await call("/api/v1/regions", { token: null, headers: { Authorization } }), 401, "unauthorized");
      expectError(await call("/api/v1/me", { token: null, headers: { Authorization } }), 401, "unauthorized");
      await expectRejectedWithoutChange(() => call("/api/v1/organisations", { token: null, headers: { Authorization }, body: validOrg() }), 401, "unauthorized");
    }
    // the bootstrap secret is accepted only as a bearer token (case-insensitive scheme)
    expect((await call("/api/v1/me", { token: null, headers: { Authorization: "bearer test-admin-token" } })).json.role).toBe("admin");
  });
});

describe("403 forbidden", () => {
  it("wrong role or region", async () => {
    const funder = await tokenFor("funder");
    const jena = await tokenFor("coordinator", ["16053"]);
    await expectRejectedWithoutChange(() => call("/api/v1/organisations", { token: funder, body: validOrg() }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call("/api/v1/organisations", { token: jena, body: validOrg() }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call("/api/v1/events", { token: jena, body: validEvent() }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { token: jena, body: validCoop() }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call(`/api/v1/events/${eventId}`, { token: jena, method: "DELETE" }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call("/api/v1/tokens", { token: jena, body: { name: "x", role: "admin" } }), 403, "forbidden");
    expectError(await call("/api/v1/audit", { token: funder }), 403, "forbidden");
  });
});

describe("413 payload_too_large", () => {
  it("a body over 256 KB on a normal route", async () => {
    const big = { ...validOrg(), name: "x".repeat(300 * 1024) };
    for (const [method, path] of writeRoutes().filter(([, p]) => !p.endsWith("/bulk"))) {
      await expectRejectedWithoutChange(() => call(path, { method, body: big }), 413, "payload_too_large");
    }
  });

  it("also without Content-Length (streamed body)", async () => {
    const parts = ['{"name":"', ...Array.from({ length: 5 }, () => " ".repeat(64 * 1024)), '","kind":"company","regionCode":"05113"}'].map((p) => new TextEncoder().encode(p));
    let next = 0;
    // pull-based: stops producing once the worker has stopped reading. workerd logs "Network
    // connection lost" for the unread rest of the stream; that is expected and harmless.
    const stream = new ReadableStream({
      pull(controller) {
        if (next < parts.length) controller.enqueue(parts[next++]);
        else controller.close();
      },
    });
    await expectRejectedWithoutChange(() => call("/api/v1/organisations", { method: "POST", rawBody: stream, contentType: "application/json" }), 413, "payload_too_large");
  });

  it("bulk routes accept more than 256 KB but not more than 10 MB", async () => {
    const records = Array.from({ length: 60 }, (_, i) => ({ ...validOrg(), name: `Groß ${i}`, field: "a".repeat(100) }));
    const filler = "y".repeat(11 * 1024 * 1024);
    await expectRejectedWithoutChange(() => call("/api/v1/organisations/bulk", { body: { records, filler } }), 413, "payload_too_large");
    await expectRejectedWithoutChange(() => call("/api/v1/cooperations/bulk", { body: { records: [validCoop()], filler } }), 413, "payload_too_large");
  });

});

describe("415 unsupported_media_type", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/json"])("%s on every write route", async (type) => {
    for (const [method, path, body] of writeRoutes()) {
      await expectRejectedWithoutChange(() => call(path, { method, rawBody: JSON.stringify(body), contentType: type }), 415, "unsupported_media_type");
    }
  });

  it("no content type at all", async () => {
    for (const [method, path, body] of writeRoutes()) {
      await expectRejectedWithoutChange(() => call(path, { method, rawBody: JSON.stringify(body) }), 415, "unsupported_media_type");
    }
  });

  it("application/json with a charset is accepted", async () => {
    const res = await call("/api/v1/organisations", { rawBody: JSON.stringify({ ...validOrg(), name: "Charset e.V." }), contentType: "application/json; charset=utf-8" });
    expect(res.status, res.text).toBe(201);
  });
});

describe("404 not_found", () => {
  it("unknown routes under /api/v1 and elsewhere under /api", async () => {
    for (const path of ["/api/v1/nope", "/api/v1/organisations/1/nothing", "/api/v1/", "/api/v2/organisations", "/api/v1/cooperations/bulk/extra"]) {
      expectError(await call(path), 404, "not_found");
      expectError(await call(path, { token: null }), 404, "not_found");
    }
    await expectRejectedWithoutChange(() => call("/api/v1/nope", { body: {} }), 404, "not_found");
  });

  it("an unknown method on a known path is refused in the error shape", async () => {
    const res = await call("/api/v1/organisations", { method: "PUT", body: validOrg() });
    expect([404, 405]).toContain(res.status);
    expectError(res, res.status, res.status === 404 ? "not_found" : "method_not_allowed");
  });

  it("unknown ids", async () => {
    for (const path of ["/api/v1/organisations/999999", "/api/v1/events/999999", "/api/v1/cooperations/999999", "/api/v1/regions/ZZ-NOPE", "/api/v1/organisations/999999/personal-data"]) {
      expectError(await call(path), 404, "not_found");
      await expectRejectedWithoutChange(() => call(path, { method: "DELETE" }), 404, "not_found");
    }
    for (const path of ["/api/v1/organisations/999999", "/api/v1/events/999999", "/api/v1/cooperations/999999", "/api/v1/regions/ZZ-NOPE"]) {
      await expectRejectedWithoutChange(() => call(path, { method: "PATCH", body: {} }), 404, "not_found");
    }
  });
});

describe("no internal errors leak", () => {
  it("odd but well-formed inputs never give a 500", async () => {
    const probes = [
      call("/api/v1/organisations?q=%25%27%22;--"),
      call("/api/v1/organisations?region=%27%20OR%201=1"),
      call("/api/v1/organisations/99999999999999999999"),
      call("/api/v1/cooperations?organisation=99999999999999999999"),
      call("/api/v1/organisations", { rawBody: '{"name":"P","kind":"company","regionCode":"05113","__proto__":{"isPublic":true},"constructor":{"x":1}}', contentType: "application/json" }),
      call("/api/v1/cooperations", { body: { ...validCoop(), partnerIds: Array.from({ length: 51 }, (_, i) => i + 1) } }),
    ];
    for (const res of await Promise.all(probes)) {
      expect(res.status, res.text).toBeLessThan(500);
      expect(res.text).not.toMatch(/at\s+\S+\s+\(|\.ts:\d+|SQLITE|D1_ERROR/);
    }
  });
});

describe("rate limiting", () => {
  it("answers 429 with Retry-After after too many failed sign-ins from one address", async () => {
    const headers = { "CF-Connecting-IP": "203.0.113.9" };
    let last = await call("/api/v1/me", { token: "wrong", headers });
    for (let i = 0; i < 40 && last.status === 401; i++) last = await call("/api/v1/me", { token: "wrong", headers });
    expectError(last, 429, "rate_limited");
    expect(Number(last.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another address is not affected.
    expectError(await call("/api/v1/me", { token: "wrong", headers: { "CF-Connecting-IP": "203.0.113.10" } }), 401, "unauthorized");
  });
});
