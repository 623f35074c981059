/// <reference types="vite/client" />
/**
 * OpenAPI: /api/v1/openapi.json documents every route, every documented operation is served,
 * and /api/v1/docs is a browsable HTML page.
 */
import { describe, expect, it } from "vitest";
import { call } from "./api";

/** Every route implemented in worker/routes (method + path relative to /api/v1). Keep in step. */
const ROUTES = [
  "GET /regions",
  "GET /regions/{code}",
  "POST /regions",
  "PATCH /regions/{code}",
  "DELETE /regions/{code}",
  "GET /organisations",
  "GET /organisations/{id}",
  "POST /organisations",
  "PATCH /organisations/{id}",
  "DELETE /organisations/{id}",
  "POST /organisations/bulk",
  "GET /organisations/{id}/personal-data",
  "DELETE /organisations/{id}/personal-data",
  "GET /events",
  "GET /events/{id}",
  "POST /events",
  "PATCH /events/{id}",
  "DELETE /events/{id}",
  "GET /cooperations",
  "GET /cooperations/{id}",
  "POST /cooperations",
  "PATCH /cooperations/{id}",
  "DELETE /cooperations/{id}",
  "POST /cooperations/bulk",
  "GET /tokens",
  "POST /tokens",
  "DELETE /tokens/{id}",
  "GET /me",
  "GET /audit",
];

/** Route definitions as the code declares them (createRoute objects in worker/routes/**\/*.routes.ts). */
const routeModules = import.meta.glob("../../worker/routes/**/*.routes.ts", { eager: true }) as Record<string, Record<string, unknown>>;
const routesOf = (mod: Record<string, unknown>) =>
  Object.values(mod)
    .filter((v): v is { method: string; path: string } => typeof v === "object" && v !== null && typeof (v as any).method === "string" && typeof (v as any).path === "string")
    .map((r) => `${r.method.toUpperCase()} ${r.path}`);
const declaredRoutes = Object.values(routeModules).flatMap(routesOf);
/** The core service's resources (the files this suite's list covers). */
const CORE_MODULES = ["regions", "organisations", "events", "cooperations", "tokens", "audit"];
const declaredCoreRoutes = Object.entries(routeModules)
  .filter(([file]) => CORE_MODULES.some((m) => file.endsWith(`/${m}/${m}.routes.ts`)))
  .flatMap(([, mod]) => routesOf(mod));

async function documented(): Promise<string[]> {
  const doc = await call("/api/v1/openapi.json", { token: null });
  expect(doc.status, doc.text).toBe(200);
  return Object.entries(doc.json.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe("openapi.json", () => {
  it("is an OpenAPI 3.1 document served to anyone", async () => {
    const doc = await call("/api/v1/openapi.json", { token: null });
    expect(doc.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(doc.json.openapi).toBe("3.1.0");
    expect(doc.json.info).toMatchObject({ title: "Kooperationsatlas", version: "1" });
    expect(doc.json.servers.map((s: { url: string }) => s.url)).toEqual(["/api/v1"]);
    expect(doc.json.info.license).toMatchObject({ identifier: "DL-DE-BY-2.0" });
    expect(doc.json.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
    for (const name of ["Error", "Region", "Organisation", "Event", "Cooperation", "Token", "AuditEntry"]) {
      expect(doc.json.components.schemas, name).toHaveProperty(name);
    }
  });

  it("lists every route in our list", async () => {
    const paths = await documented();
    const missing = ROUTES.filter((r) => !paths.includes(r));
    expect(missing).toEqual([]);
  });

  it("lists every route the code declares (worker/routes/*/*.routes.ts), and our list knows them all", async () => {
    expect(declaredRoutes.length).toBeGreaterThanOrEqual(ROUTES.length);
    const paths = await documented();
    expect(declaredRoutes.filter((r) => !paths.includes(r))).toEqual([]);
    // a new core route must be added to ROUTES above (and get tests); a removed one taken out
    expect(CORE_MODULES.every((m) => Object.keys(routeModules).some((f) => f.endsWith(`/${m}/${m}.routes.ts`)))).toBe(true);
    expect([...declaredCoreRoutes].sort()).toEqual([...ROUTES].sort());
  });

  it("documents no route that is not served", async () => {
    for (const op of await documented()) {
      const [method, path] = op.split(" ");
      const url = "/api/v1" + path.replace("{id}", "999999").replace("{code}", "ZZ-NOPE").replace(/\{[^}]+\}/g, "x");
      const res = await call(url, { method, ...(method === "POST" || method === "PATCH" ? { body: {} } : {}) });
      expect(res.status, `${op}: ${res.text}`).not.toBe(405);
      expect(res.json?.error?.message ?? "", `${op} is documented but not routed`).not.toMatch(/^No such (API )?route/);
    }
  });

  it("documents the error responses with the shared Error schema", async () => {
    const doc = (await call("/api/v1/openapi.json")).json;
    const create = doc.paths["/cooperations"].post;
    for (const status of ["400", "401", "403", "409", "413", "415", "422"]) {
      expect(create.responses[status]?.content?.["application/json"]?.schema, status).toEqual({ $ref: "#/components/schemas/Error" });
    }
    expect(doc.paths["/cooperations"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/CooperationCreate" });
  });
});

/** Every operation of the served document with its method and path. */
async function operations(): Promise<{ op: string; method: string; operationId?: string; security?: { bearer?: string[]; linkKey?: string[] }[]; tags?: string[] }[]> {
  const doc = (await call("/api/v1/openapi.json", { token: null })).json;
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, o]) => ({ op: `${method.toUpperCase()} ${path}`, method, operationId: o.operationId, security: o.security, tags: o.tags })),
  );
}

describe("operations", () => {
  it("each has a unique operationId in one scheme: a verb and what it acts on (listOrganisations, getRegionMetrics)", async () => {
    const ops = await operations();
    expect(ops.filter((o) => !o.operationId).map((o) => o.op)).toEqual([]);
    expect(ops.filter((o) => !/^(list|get|create|update|delete|bulkUpsert|import)[A-Z][A-Za-z]+$/.test(o.operationId!)).map((o) => `${o.op}: ${o.operationId}`)).toEqual([]);
    const ids = ops.map((o) => o.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // the verb says what the method does
    for (const o of ops) {
      if (o.method === "get") expect(o.operationId, o.op).toMatch(/^(list|get)/);
      if (o.method === "patch") expect(o.operationId, o.op).toMatch(/^update/);
      if (o.method === "delete") expect(o.operationId, o.op).toMatch(/^delete/);
    }
  });

  it("each declares its security: bearer with the roles its access rule lets in, or open to anyone with an optional token", async () => {
    const ops = await operations();
    expect(ops.filter((o) => !Array.isArray(o.security) || o.security.length === 0).map((o) => o.op)).toEqual([]);
    for (const o of ops) {
      const roles = o.security![0].bearer;
      if (roles) {
        expect(o.security, o.op).toEqual([{ bearer: roles }]);
        expect(roles.length, o.op).toBeGreaterThan(0);
      } else if (o.security![0].linkKey) expect(o.security, o.op).toEqual([{ linkKey: [] }]);
      else expect(o.security, o.op).toEqual([{}, { bearer: [] }]);
    }
    // writes without a role (public forms, personal links) live under /public/ only
    expect(ops.filter((o) => o.method !== "get" && !o.security![0].bearer && !o.op.includes(" /public/")).map((o) => o.op)).toEqual([]);
  });

  it("the documented roles are the ones the route lets in: an anonymous call of a bearer-only operation is a 401, of an open one never", async () => {
    for (const o of await operations()) {
      const [method, path] = o.op.split(" ");
      const url = "/api/v1" + path.replace("{id}", "1").replace("{code}", "09162").replace("{file}", "cooperations.csv").replace("{type}", "cooperations");
      const res = await call(url, { method, token: null, ...(method === "POST" || method === "PATCH" ? { body: {} } : {}) });
      if (o.security![0].bearer) expect(res.status, `${o.op}: ${res.text}`).toBe(401);
      else expect(res.status, `${o.op}: ${res.text}`).not.toBe(401);
    }
  });

  it("each belongs to a tag the document describes", async () => {
    const doc = (await call("/api/v1/openapi.json", { token: null })).json;
    const described = new Set((doc.tags as { name: string; description: string }[]).filter((t) => t.description).map((t) => t.name));
    expect((await operations()).filter((o) => o.tags?.length !== 1 || !described.has(o.tags[0])).map((o) => o.op)).toEqual([]);
  });

  it("documents typed responses: no schema of an answer is an untyped record, and no leftover field remains", async () => {
    const text = (await call("/api/v1/openapi.json", { token: null })).text;
    const doc = JSON.parse(text);
    const untyped: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.type === "object" && !o.properties && (o.additionalProperties === undefined || o.additionalProperties === true || (typeof o.additionalProperties === "object" && Object.keys(o.additionalProperties as object).length === 0))) untyped.push(where);
      for (const [k, v] of Object.entries(o)) walk(v, `${where}/${k}`);
    };
    walk(doc.paths, "#/paths");
    walk(doc.components.schemas, "#/components/schemas");
    expect(untyped).toEqual([]);
    expect(text).not.toContain("harmonicClosenessComputed");
    expect(doc.components.schemas.RegionMetrics.properties.network).toEqual({ $ref: "#/components/schemas/NetworkFigures" });
  });
});

describe("docs", () => {
  it("/api/v1/docs is an HTML page listing every route", async () => {
    const res = await call("/api/v1/docs", { token: null });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toContain("<title>Kooperationsatlas — API</title>");
    for (const route of ROUTES) {
      const [method, path] = route.split(" ");
      expect(res.text, route).toContain(`<span class="m ${method.toLowerCase()}">${method}</span> <code>/api/v1${path}</code>`);
    }
    expect(res.text).toContain('href="/api/v1/openapi.json"');
  });

  it("/api redirects to the docs", async () => {
    const { SELF } = await import("cloudflare:test");
    const res = await SELF.fetch("http://localhost/api", { redirect: "manual" });
    expect([301, 302, 307, 308]).toContain(res.status);
    expect(res.headers.get("Location")).toBe("/api/v1/docs");
  });
});
