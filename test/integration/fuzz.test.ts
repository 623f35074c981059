/**
 * Property-based fuzzing of every route (fast-check): the routes, their path and query parameters
 * and their bodies come from /api/v1/openapi.json and the embed index, so a new route is fuzzed
 * as soon as it is documented. Requests are sent as an anonymous caller, a coordinator and an
 * admin, with values that are valid, nearly valid and hostile (`__proto__`, `1e3`, `0x10`, ` 1`,
 * huge and negative numbers, dates such as 0000-01-01 or 2025-02-30, control characters, very long
 * strings, wrong JSON types, non-JSON bodies, wrong content types).
 *
 * Every answer: no 5xx; an API error is the one error shape; a rejected request (and every GET)
 * leaves the row counts of the core tables and the data revisions as they were.
 *
 * Seed: random per run, printed with the request count; `VITE_FUZZ_SEED=<seed>` repeats a run.
 * A failure prints the seed and the request; add the request to REGRESSIONS so it stays tested.
 */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import fc from "fast-check";
import worker from "../../worker/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, call, makeCooperation, makeEvent, makeOrganisation, rows, tokenFor } from "./api";

/** Generated requests per run (spread over the routes), besides the fixed regression cases. */
const TOTAL_RUNS = 10_000;

const envSeed = Number((import.meta as { env?: Record<string, string | undefined> }).env?.VITE_FUZZ_SEED);
const SEED = Number.isInteger(envSeed) ? envSeed : Math.floor(Math.random() * 2 ** 31);

type Role = "anonymous" | "coordinator" | "admin";

interface FuzzRequest {
  role: Role;
  method: string;
  /** Path with its parameters already in place (encoded or deliberately raw). */
  path: string;
  /** Query string without `?` (built raw so malformed encodings reach the worker). */
  query: string;
  body?: { text: string; contentType?: string };
  /** An Authorization header an anonymous caller sends (broken tokens). */
  authorization?: string;
}

const get = (role: Role, pathAndQuery: string): FuzzRequest => {
  const [path, query = ""] = pathAndQuery.split("?");
  return { role, method: "GET", path, query };
};

/**
 * Requests that once failed: replayed on every run. The first ones were found by hand before the
 * fuzzer existed; add each request a fuzz run fails on here, with its seed.
 */
const REGRESSIONS: FuzzRequest[] = [
  get("anonymous", "/api/v1/regions/01001/trend?metric=cooperations&interval=month&from=0001-01-01&to=9999-12-31"),
  get("anonymous", "/api/v1/regions/01001/trend?metric=density&interval=month&from=1500-01-01"),
  get("anonymous", "/api/v1/regions/05113/metrics?to=0001-01-01"),
  get("anonymous", "/api/v1/metrics?to=0000-01-01"),
  get("anonymous", "/api/v1/conversion?to=0000-01-01"),
  ...["organisations", "events", "cooperations", "regions"].flatMap((list) =>
    ["__proto__", "constructor", "toString", "-valueOf"].map((sort) => get("anonymous", `/api/v1/${list}?sort=${sort}`)),
  ),
  // Found by this fuzzer (seed 7) before dates were bounded: 502 from embeds over a 500 of the API.
  get("coordinator", "/embed/v1/ranking?to=0001-01-01&from=4.7350925546941515e%2B297"),
  get("anonymous", "/embed/map?region=0&to=0000-01-01&to=2.5e-323&from=%5EtY"),
  get("admin", "/api/v1/organisations/1e3"),
  get("admin", "/api/v1/organisations/0x10"),
  { role: "admin", method: "DELETE", path: "/api/v1/tokens/%201", query: "" },
  { role: "admin", method: "POST", path: "/api/v1/cooperations", query: "", body: { text: JSON.stringify({ partnerIds: [1, 2], dateAgreed: "0999-06-01", status: "agreed" }), contentType: "application/json" } },
];

// ---------------------------------------------------------------------------------------------
// The routes, from the service's own documents.
// ---------------------------------------------------------------------------------------------

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  /** Path template relative to the host, e.g. `/api/v1/organisations/{id}`. */
  path: string;
  parameters: Parameter[];
  bodyTypes: string[];
  bodySchema?: Schema;
  api: boolean;
}

const doc = (await (await SELF.fetch("http://localhost/api/v1/openapi.json")).json()) as {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};
const embedIndex = (await (await SELF.fetch("http://localhost/embed/")).json()) as { charts: string[]; parameters: string[] };

const OPERATIONS: Operation[] = [
  ...Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        return {
          method: method.toUpperCase(),
          path: `/api/v1${path}`,
          parameters: op.parameters ?? [],
          bodyTypes: Object.keys(content),
          bodySchema: content["application/json"]?.schema,
          api: true,
        };
      }),
  ),
  // Embeds: one page per chart kind, each with the parameters the embed index names.
  ...embedIndex.charts.flatMap((chart) =>
    [chart, chart.replace("/embed/", "/embed/v1/")].map((path) => ({
      method: "GET",
      path,
      parameters: embedIndex.parameters.map((name) => ({ name, in: "query" as const, schema: { type: "string" } })),
      bodyTypes: [],
      api: false,
    })),
  ),
  { method: "GET", path: "/embed/{chart}", parameters: [{ name: "chart", in: "path", required: true, schema: { type: "string" } }], bodyTypes: [], api: false },
  { method: "GET", path: "/api/v1/openapi.json", parameters: [], bodyTypes: [], api: true },
  { method: "GET", path: "/api/v1/docs", parameters: [], bodyTypes: [], api: false },
];

/** Column headers the import recognises (German and English), for CSV files near what it expects. */
const IMPORT_HEADERS = (
  await Promise.all(
    ["organisations", "events", "cooperations"].map(async (type) => {
      const res = (await (await SELF.fetch(`http://localhost/api/v1/import/columns/${type}`)).json()) as { columns: { de: string; en: string }[] };
      return res.columns.flatMap((c) => [c.de, c.en]);
    }),
  )
).flat();

const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components.schemas[s.$ref.replace("#/components/schemas/", "")]) : s);

// ---------------------------------------------------------------------------------------------
// Values.
// ---------------------------------------------------------------------------------------------

/** Records created before fuzzing, so that valid ids and codes hit real rows. */
const known = { organisations: [] as number[], events: [] as number[], cooperations: [] as number[], tokens: [] as number[] };
const CODES = ["05113", "05112", "05", "DE", "16", "16053"];
/** Plain values tried against a schema's pattern (keys like youth_work, postcodes, codes). */
const SAMPLES = ["youth_work", "sports", "food", "07743", "10115", "05113", "2024-01-01", "Name", "example", "A-1"];
const DATES = ["2024-01-01", "2024-06-30", "2025-12-31", "2023-03-15"];

const NASTY_STRINGS = [
  "__proto__", "constructor", "toString", "-valueOf", "prototype", "hasOwnProperty", "-__proto__", "__proto__.x",
  "1e3", "0x10", " 1", "1 ", "+1", "-1", "0", "-0", "1.5", "01", "NaN", "Infinity", "-Infinity",
  "9007199254740993", "1e309", "99999999999999999999999999", "-99999999999999999999",
  "0000-01-01", "0001-01-01", "9999-12-31", "2025-02-30", "2024-02-29", "2023-02-29", "1899-12-31", "1900-01-01", "2100-12-31",
  "2101-01-01", "0999-06-01", "1000-01-01", "2024-13-01", "2024-00-10", "2024-1-1", "20240101", "+002024-01-01", "2024-01-01T00:00:00Z",
  "", " ", "\t", "\u0000", "\u0001", "Ctrl\u0001Char", "\u001f", "\u007f", "\u0085", "\u2028", "\u202e", "\ufeff", "\ud800", "😀",
  "<script>alert(1)</script>", "' OR 1=1 --", "\"", "\\", "%", "%25", "%00", "../..", "..%2F..", "a,b", "a;b", "*", "?", "#",
  "x".repeat(300), "y".repeat(5000), "null", "true", "false", "[]", "{}", "DE", "05113", "05", "-cooperations", "-name", "name",
];

/** Query/path values: raw text as it will be put in the URL (encoded, except deliberately broken escapes). */
const RAW_URL_PIECES = ["%", "%E0%A4%A", "%ZZ", "%C0%AF", "%FF", "%00", "%2e%2e", "a%20b", "%2F", "+", "&", "=", "%26x%3D1"];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);
const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 1e3, 0x10, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MAX_VALUE, Number.MIN_VALUE, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/** Any JSON value, hostile ones first. */
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { __proto__: null }),
  fc.jsonValue({ maxDepth: 2 }),
);

function stringFor(s: Schema, name: string): fc.Arbitrary<string> {
  if (s.format === "date" || /date|from|to$/i.test(name) || s.pattern?.includes("\\d{4}")) return fc.constantFrom(...DATES);
  if (s.pattern?.startsWith("^(")) return fc.constantFrom(...expandPattern(s.pattern));
  if (s.pattern) {
    const fitting = SAMPLES.filter((x) => new RegExp(s.pattern!).test(x));
    if (fitting.length) return fc.constantFrom(...fitting);
  }
  if (/code|region/i.test(name)) return fc.constantFrom(...CODES);
  if (/email/i.test(name)) return fc.constant("kontakt@example.org");
  if (/url|website/i.test(name)) return fc.constant("https://example.org");
  return fc.string({ minLength: Math.min(s.minLength ?? 1, 3) || 1, maxLength: Math.min(s.maxLength ?? 30, 30) }).map((x) => x.trim() || "Name");
}

/** `^(a|b)\.(c|d)$` → a.c, a.d, b.c, b.d (the template file names). */
function expandPattern(pattern: string): string[] {
  const groups = [...pattern.matchAll(/\(([^)]*)\)/g)].map((m) => m[1].split("|"));
  const sep = pattern.includes("\\.") ? "." : "";
  return groups.reduce<string[]>((acc, g) => acc.flatMap((a) => g.map((b) => (a ? a + sep + b : b))), [""]);
}

function idsFor(name: string): number[] {
  if (/^token/i.test(name)) return known.tokens;
  if (/organisation|partner/i.test(name)) return known.organisations;
  if (/event/i.test(name)) return known.events;
  if (/cooperation|followUp|follow/i.test(name)) return known.cooperations;
  return [...known.organisations, ...known.cooperations];
}

/** Values that (mostly) fit a schema. */
function validFor(schema: Schema, name: string, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validFor(a, name, depth)));
  if (s.allOf) return validFor(s.allOf[0], name, depth);
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = Array.isArray(s.type) ? s.type : [s.type ?? "string"];
  const type = types.find((t) => t !== "null") ?? "null";
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case "integer":
        if (/id$|ids$/i.test(name) || name === "id") return fc.constantFrom(...idsFor(name), 1);
        return fc.integer({ min: Math.max(s.minimum ?? 0, -1000), max: Math.min(s.maximum ?? 1000, 1000) });
      case "number":
        return fc.double({ min: Math.max(s.minimum ?? 0, -1e6), max: Math.min(s.maximum ?? 1e6, 1e6), noNaN: true });
      case "boolean":
        return fc.boolean();
      case "array": {
        const items = s.items ?? {};
        if (/ids$/i.test(name)) return fc.uniqueArray(fc.constantFrom(...idsFor(name)), { minLength: 2, maxLength: 3 });
        return depth > 3 ? fc.constant([]) : fc.array(validFor(items, name.replace(/s$/, ""), depth + 1), { maxLength: 3 });
      }
      case "object": {
        if (depth > 3 || !s.properties) return fc.constant({});
        const required = new Set(s.required ?? []);
        const entries = Object.entries(s.properties);
        return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, validFor(v, k, depth + 1)])), {
          requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)),
        });
      }
      case "null":
        return fc.constant(null);
      default:
        return stringFor(s, name);
    }
  })();
  return types.includes("null") ? fc.oneof({ weight: 5, arbitrary: base }, fc.constant(null)) : base;
}

/** A JSON value near the schema: valid, or valid with one part made hostile, or hostile throughout. */
function bodyValue(schema: Schema): fc.Arbitrary<unknown> {
  const valid = validFor(schema, "body");
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, fc.nat(), nastyJson, fc.constantFrom("replace", "add", "proto")).map(([v, k, bad, how]) => mutate(v, k, bad, how)) },
    { weight: 1, arbitrary: nastyJson },
  );
}

/** One part of a valid value replaced (or a hostile key added). */
function mutate(value: unknown, pick: number, bad: unknown, how: string): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return [bad];
    const copy = [...value];
    copy[pick % copy.length] = mutate(copy[pick % copy.length], Math.floor(pick / copy.length), bad, how);
    return copy;
  }
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (how === "proto") return JSON.parse(JSON.stringify(copy).replace(/^\{/, `{"__proto__":${JSON.stringify(bad) ?? "null"},"constructor":{"prototype":{"polluted":1}}${keys.length ? "," : ""}`));
    if (how === "add" || keys.length === 0) copy[typeof bad === "string" && bad ? bad : "extra"] = bad;
    else copy[keys[pick % keys.length]] = bad;
    return copy;
  }
  return bad;
}

/** A value for a query or path parameter, as the text that goes into the URL. */
function paramValue(p: Parameter): fc.Arbitrary<string> {
  const ids = p.in === "path" && /^(organisations|events|cooperations|tokens)$/.test(p.name);
  const valid = (ids ? fc.constantFrom(...idsFor(p.name), 1) : validFor(p.schema, p.name)).map((v) => encodeURIComponent(Array.isArray(v) ? v.join(",") : String(v)));
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 3, arbitrary: nastyString.map((v) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "\ufffd"))) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES) },
    { weight: 1, arbitrary: nastyNumber.map((n) => encodeURIComponent(String(n))) },
  );
}

const JSON_TYPES = ["application/json", "application/json; charset=utf-8"];
const OTHER_TYPES = ["text/plain", "text/csv", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=latin1", "", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

function bodyFor(op: Operation): fc.Arbitrary<FuzzRequest["body"]> {
  const json = op.bodySchema ? bodyValue(op.bodySchema) : nastyJson;
  const asJson = fc.tuple(json, fc.constantFrom(...JSON_TYPES)).map(([v, contentType]) => ({ text: JSON.stringify(v) ?? "null", contentType }));
  const rawText = fc.oneof(
    fc.constantFrom("", "{", "[1,", "{\"a\":1}}", "nul", "\u0000\u0001", "{\"__proto__\":{\"x\":1}}", "name;kind\nA;company\n", "PK\u0003\u0004garbage", "<x/>", "x".repeat(300_000)),
    fc.string({ maxLength: 200 }),
  );
  const raw = fc.tuple(rawText, fc.constantFrom(...JSON_TYPES, ...OTHER_TYPES, ...op.bodyTypes)).map(([text, contentType]) => ({ text, contentType: contentType || undefined }));
  if (op.method === "GET") return fc.constant(undefined); // fetch sends no body with a GET
  if (op.method === "DELETE") return fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: asJson });
  if (op.bodyTypes.length && !op.bodySchema) {
    // File uploads: a CSV near what the import expects (its own headers, hostile cells), as the
    // raw body or a multipart field, or garbage under any type.
    const cell = fc.oneof(stringFor({}, "x"), fc.constantFrom(...DATES, ...CODES, "company", "nonprofit", "done", "1", "0,5", "1.000,50"), nastyString);
    const csv = fc
      .tuple(fc.constantFrom(";", ",", "\t"), fc.subarray(IMPORT_HEADERS, { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }))
      .map(([sep, header, lines]) => [header, ...lines].map((cells) => cells.map((c) => (/[";,\t\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join("\r\n"));
    const asCsv = csv.map((text) => ({ text, contentType: "text/csv" }));
    const asMultipart = csv.map((text) => ({
      text: `--fuzz\r\nContent-Disposition: form-data; name="file"; filename="daten.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--fuzz--\r\n`,
      contentType: "multipart/form-data; boundary=fuzz",
    }));
    const garbage = fc.tuple(rawText, fc.constantFrom(...op.bodyTypes, ...OTHER_TYPES)).map(([text, contentType]) => ({ text, contentType: contentType || undefined }));
    return fc.oneof({ weight: 3, arbitrary: asCsv }, { weight: 2, arbitrary: asMultipart }, { weight: 2, arbitrary: garbage });
  }
  return fc.oneof({ weight: 5, arbitrary: asJson }, { weight: 2, arbitrary: raw }, { weight: 1, arbitrary: fc.constant(undefined) });
}

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  // `{id}` names the record of the resource before it (organisations/{id} → an organisation id).
  const resource = (p: Parameter) => (p.name === "id" ? (/\/(\w+)\/\{id\}/.exec(op.path)?.[1] ?? p.name) : p.name);
  const path = fc.tuple(...pathParams.map((p) => paramValue({ ...p, name: resource(p) }))).map((values) =>
    pathParams.reduce((acc, p, i) => acc.replace(`{${p.name}}`, values[i] || "%20"), op.path),
  );
  // Required parameters nearly always, the others in any subset.
  const required = queryParams.filter((p) => p.required);
  const chosen = fc.tuple(fc.subarray(queryParams.filter((p) => !p.required)), fc.subarray(required, { minLength: Math.max(0, required.length - 1) }), fc.nat(9));
  const documented = chosen
    .map(([optional, req, dice]) => [...(dice === 0 ? req : required), ...optional])
    .chain((ps) => fc.tuple(...ps.map((p) => paramValue(p).map((v) => `${encodeURIComponent(p.name)}=${v}`))));
  const extra = fc.array(
    fc.tuple(fc.constantFrom("__proto__", "constructor", "sort", "limit", "from", "to", "x", "__proto__[x]", "a[]", ""), paramValue({ name: "x", in: "query", schema: {} })).map(([k, v]) => `${encodeURIComponent(k)}=${v}`),
    { maxLength: 2 },
  );
  const query = fc.tuple(documented, extra).map(([a, b]) => [...a, ...b].join("&"));
  // Anonymous callers sometimes send a broken Authorization header.
  const authorization = fc.option(fc.oneof(fc.constantFrom("Bearer", "Bearer ", "Basic dGVzdA==", "bearer test-admin-token", "Bearer test-admin-token ", `Bearer ${"k".repeat(5000)}`, "Bearer \u00e4"), fc.string({ maxLength: 40 }).map((x) => `Bearer ${x.replace(/[^\x20-\x7e]/g, "")}`)), { freq: 8, nil: undefined });
  return fc.record({
    role: fc.constantFrom<Role>("anonymous", "coordinator", "admin"),
    method: fc.constant(op.method),
    path,
    query,
    body: bodyFor(op),
    authorization,
  }, { requiredKeys: ["role", "method", "path", "query"] });
}

// ---------------------------------------------------------------------------------------------
// Sending and checking.
// ---------------------------------------------------------------------------------------------

const tokens: Record<Exclude<Role, "anonymous">, string[]> = { coordinator: [], admin: [ADMIN] };
let sent = 0;
let sendMs = 0;
/** The slowest requests of the run, printed at the end (the run time is part of the contract). */
const slowest: { ms: number; request: string }[] = [];
function noteTime(ms: number, r: FuzzRequest, status: number) {
  sendMs += ms;
  if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
    slowest.push({ ms, request: `${status} ${r.role} ${r.method} ${r.path}?${r.query}`.slice(0, 200) });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 5);
  }
}

async function send(r: FuzzRequest) {
  const headers: Record<string, string> = {};
  if (r.role === "coordinator" || r.role === "admin") {
    const pool = tokens[r.role];
    headers.Authorization = `Bearer ${pool[sent % pool.length]}`; // several tokens: the per-token write brake stays out of the way
  } else if (r.authorization !== undefined) headers.Authorization = r.authorization;
  if (r.body?.contentType) headers["Content-Type"] = r.body.contentType;
  // Callers from 64 addresses: the per-address write brake (tested elsewhere) stays out of the way.
  headers["CF-Connecting-IP"] = `192.0.2.${sent % 64}`;
  sent++;
  const started = Date.now();
  // The worker's own fetch, not SELF.fetch: the test harness's SELF binding gets slower with every
  // request it has carried (about 0.3 ms more per request), which would make thousands quadratic.
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://localhost${r.path}${r.query ? `?${r.query}` : ""}`, { method: r.method, headers, body: r.body?.text }), env as never, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  noteTime(Date.now() - started, r, res.status);
  return { status: res.status, text, type: res.headers.get("Content-Type") ?? "" };
}

/** Row counts of the core tables and the sum of the data revisions, in one query. */
async function state(): Promise<string> {
  const [row] = await rows(`SELECT
    (SELECT count(*) FROM regions) AS regions, (SELECT count(*) FROM organisations) AS organisations,
    (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_participants) AS participants,
    (SELECT count(*) FROM cooperations) AS cooperations, (SELECT count(*) FROM cooperation_partners) AS partners,
    (SELECT count(*) FROM api_tokens) AS tokens, (SELECT count(*) FROM api_token_regions) AS tokenRegions,
    (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM region_revisions) AS revisionRows,
    (SELECT total(revision) FROM region_revisions) AS revisions`);
  return JSON.stringify(row);
}

const describeRequest = (r: FuzzRequest) => JSON.stringify({ ...r, body: r.body && { ...r.body, text: r.body.text.length > 500 ? `${r.body.text.slice(0, 500)}… (${r.body.text.length} chars)` : r.body.text } });

/** {@link state} after the last checked request, while no accepted write has happened since. */
let lastState: string | null = null;
/** Answers per status, to see that the fuzzer reaches past validation. */
const statuses = new Map<number, number>();

/** Sends one request and checks the answer; throws with the seed and the request on a failure. */
async function check(r: FuzzRequest, seed: number | string) {
  const before = lastState ?? (await state());
  lastState = null;
  const res = await send(r);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const fail = (why: string) => {
    throw new Error(`fuzz (seed ${seed}): ${why}\nrequest: ${describeRequest(r)}\nanswer: ${res.status} ${res.text.slice(0, 500)}`);
  };
  if (res.status >= 500) fail("server error");
  const api = r.path.startsWith("/api/");
  if (res.status >= 400 && api) {
    let json: { error?: { code?: unknown; message?: unknown; details?: unknown } } | null = null;
    try {
      json = JSON.parse(res.text);
    } catch {
      fail("error is not JSON");
    }
    const error = json?.error;
    const keysOk = json && Object.keys(json).length === 1 && error && Object.keys(error).every((k) => ["code", "message", "details"].includes(k));
    const detailsOk =
      error?.details === undefined ||
      (Array.isArray(error.details) && error.details.every((d) => typeof d?.path === "string" && typeof d?.message === "string" && Object.keys(d).every((k) => ["path", "message", "code"].includes(k))));
    if (!keysOk || typeof error?.code !== "string" || typeof error?.message !== "string" || !detailsOk) fail("not the one error shape");
    if (!res.type.startsWith("application/json")) fail("error not served as JSON");
    if (/at\s+\S+\s+\(|\.ts:\d+/.test(res.text)) fail("error leaks a stack trace");
  }
  if (res.status >= 400 || r.method === "GET") {
    const after = await state();
    if (after !== before) fail(`${res.status >= 400 ? "a rejected request" : "a GET"} changed the data: ${before} → ${after}`);
    lastState = after;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Live ids of each resource before each route is fuzzed (earlier routes delete records): new ones
 * are made while fewer than a few remain, so valid ids keep hitting real rows.
 */
async function refreshKnown() {
  lastState = null;
  const live = async (table: string) => (await rows<{ id: number }>(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 6`)).map((r) => r.id);
  while ((known.organisations = await live("organisations")).length < 4) {
    await makeOrganisation({ regionCode: known.organisations.length % 2 ? "05112" : "05113", isPublic: known.organisations.length % 3 === 0, kind: known.organisations.length % 2 ? "company" : "nonprofit" });
  }
  const [a, b, c] = known.organisations;
  while ((known.events = await live("events")).length < 2) await makeEvent({ participantIds: [a, b] });
  while ((known.cooperations = await live("cooperations")).length < 3) {
    await makeCooperation({ partnerIds: [a, known.cooperations.length % 2 ? b : c], dateAgreed: "2024-02-01", status: "done", hours: 5 });
  }
}

beforeAll(async () => {
  for (let k = 0; k < 3; k++) tokens.admin.push(await tokenFor("admin"));
  for (let k = 0; k < 3; k++) tokens.coordinator.push(await tokenFor("coordinator", ["05113"]));
  // Tokens the fuzzer may revoke (not the ones it sends).
  const before = new Set((await rows<{ id: number }>("SELECT id FROM api_tokens")).map((t) => t.id));
  for (let k = 0; k < 3; k++) await tokenFor("funder");
  known.tokens = (await rows<{ id: number }>("SELECT id FROM api_tokens")).map((t) => t.id).filter((id) => !before.has(id));
  for (const [regionCode, isPublic, kind] of [["05113", true, "company"], ["05113", false, "nonprofit"], ["05112", false, "company"], ["05112", true, "nonprofit"], ["05113", true, "nonprofit"]] as const) {
    known.organisations.push(await makeOrganisation({ regionCode, isPublic, kind }));
  }
  const [a, b, c, d, e] = known.organisations;
  known.events.push(await makeEvent({ participantIds: [a, b] }), await makeEvent({ regionCode: "05112", participantIds: [c, d] }));
  for (const [partnerIds, dateAgreed] of [[[a, b], "2023-05-01"], [[a, e], "2024-02-01"], [[c, d], "2024-03-01"], [[a, d], "2025-01-15"]] as const) {
    known.cooperations.push((await makeCooperation({ partnerIds, dateAgreed, status: "done", hours: 5 })).id);
  }
});

afterAll(() => {
  console.log(`fuzz: ${sent} requests, seed ${SEED} (repeat with VITE_FUZZ_SEED=${SEED}); ${Math.round(sendMs / 1000)} s answering, slowest:`);
  for (const s of slowest) console.log(`  ${s.ms} ms  ${s.request}`);
  console.log(`  answers: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" ")}`);
});

describe("fuzzing every route", () => {
  it("finds every documented route and the embeds", () => {
    expect(OPERATIONS.length).toBeGreaterThan(30);
    expect(OPERATIONS.some((o) => o.path === "/api/v1/regions/{code}/trend")).toBe(true);
  });

  it("answers the requests that once failed", async () => {
    for (const r of REGRESSIONS) await check(r, "regression");
  });

  const runs = Math.ceil(TOTAL_RUNS / OPERATIONS.length);
  OPERATIONS.forEach((op, i) => {
    it(`${op.method} ${op.path}: no 5xx, the one error shape, nothing written when rejected`, async () => {
      const seed = SEED + i;
      await refreshKnown();
      await fc.assert(
        fc.asyncProperty(requestFor(op), (r) => check(r, SEED)),
        { seed, numRuns: runs, endOnFailure: true },
      );
      // Routes whose every new window builds the country's public tables take long on a busy machine.
    }, 180_000);
  });

  it(`sent at least ${TOTAL_RUNS} requests`, () => {
    expect(sent).toBeGreaterThanOrEqual(TOTAL_RUNS);
  });
});
