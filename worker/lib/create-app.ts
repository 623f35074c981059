/**
 * @module
 * App and router factories: every router validates with zod and answers validation failures
 * through one hook (422, the one error shape of the README). Every write route checks the caller's
 * role before its path, query or body is read, so a caller without write rights learns nothing
 * from validation (401/403 first, 422 only for those who may write).
 */
import { createMiddleware } from "hono/factory";
import { OpenAPIHono, type Hook, type RouteConfig } from "@hono/zod-openapi";
import { requireRole, type Role } from "./auth";
import type { AppEnv } from "./env";
import { ApiError, validationFailed, type ErrorDetail } from "./errors";
import { linkNotFound } from "../links/capability";

interface ZodIssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/** `["records", 3, "hours"]` → `records[3].hours`, the path style of our error details. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += (out ? "." : "") + String(part);
  }
  return out || "(body)";
}

export function issuesToDetails(issues: readonly ZodIssueLike[], prefix: PropertyKey[] = []): ErrorDetail[] {
  // An unknown field is named in the path itself, one detail per field.
  return issues.flatMap((i) =>
    i.code === "unrecognized_keys" && i.keys?.length
      ? i.keys.map((k) => ({ path: formatIssuePath([...prefix, ...i.path, k]), message: "Unknown field", code: "unrecognized_keys" }))
      : [{ path: formatIssuePath([...prefix, ...i.path]), message: i.message, ...(i.code ? { code: i.code } : {}) }],
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const defaultHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    const where = result.target === "query" ? "query parameters" : result.target === "param" ? "path" : "request body";
    throw validationFailed(`Invalid ${where}`, issuesToDetails(result.error.issues));
  }
};

export type WriterRole = Exclude<Role, "anonymous">;

const WRITE_METHODS = new Set(["post", "put", "patch", "delete"]);

/**
 * `security` of a route only these roles may call (e.g. a read of non-public records):
 * `createRoute({ …, security: onlyFor("admin", "coordinator") })`. Write routes get their router's
 * writers without saying so.
 */
export const onlyFor = (...roles: WriterRole[]) => [{ bearer: roles }];

/**
 * `security` of a route anyone may call: without a token, or with one (a token sent is checked —
 * a bad one is a 401 — and signed-in callers may see more, e.g. unsuppressed figures).
 */
export const PUBLIC_SECURITY: { bearer?: string[] }[] = [{}, { bearer: [] }];

/**
 * `security` of a route opened by a capability link instead of a token (docs/marketplace.md,
 * "Links"): the secret travels in the `X-Link-Key` header (pages keep it in the URL fragment, so
 * it reaches no server log), and the handler resolves it with worker/links/capability.ts. Without
 * the header the route answers the 404 every invalid link gets.
 */
export const LINK_SECURITY: { linkKey: string[] }[] = [{ linkKey: [] }];

/** Header that carries a capability link's secret. */
export const LINK_HEADER = "X-Link-Key";

/**
 * Route middleware, before the validators: 401/403 unless the caller has one of the roles, then
 * 415 unless a JSON route gets JSON (routes taking files check their media types themselves).
 */
function accessFirst(roles: readonly WriterRole[], json: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    requireRole(c.get("viewer"), ...roles);
    const type = (c.req.header("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
    if (json && type !== "application/json") throw new ApiError(415, "unsupported_media_type", "Send the body as application/json");
    await next();
  });
}

/** Middleware of routes without a role: a link route needs its key header, a JSON write JSON. */
function withoutRole(json: boolean, byLink: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (byLink && !c.req.header(LINK_HEADER)) throw linkNotFound();
    const type = (c.req.header("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
    if (json && type !== "application/json") throw new ApiError(415, "unsupported_media_type", "Send the body as application/json");
    await next();
  });
}

/**
 * A router whose routes are documented in the OpenAPI document. `writers` are the roles that may
 * call its write routes (POST/PUT/PATCH/DELETE); each write route, and each route declaring
 * {@link onlyFor}, checks the caller's role before its path, query or body is validated and
 * documents the roles as `security: [{ bearer: [roles] }]`; every other route is documented as
 * {@link PUBLIC_SECURITY}. A route declaring {@link LINK_SECURITY} is opened by a capability link
 * instead; a write route declaring {@link PUBLIC_SECURITY} is open to anyone (its handler applies
 * the abuse limits). Region scope is checked by the handlers.
 */
export function createRouter(options: { writers?: readonly WriterRole[] } = {}) {
  const writers = options.writers ?? ["admin", "coordinator"];
  const router = new OpenAPIHono<AppEnv>({ strict: false, defaultHook });
  const register = router.openapi;
  router.openapi = ((route: RouteConfig, handler: never, hook?: never) => {
    const write = WRITE_METHODS.has(route.method);
    const json = write && route.method !== "delete" && !!route.request?.body?.content?.["application/json"];
    const own = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];
    // Opened by a link, or a write anyone may make (a public registration form): no role, but the
    // same 415 rule and, for links, the 404 of a missing key before anything is read.
    if (route.security === LINK_SECURITY || (write && route.security === PUBLIC_SECURITY)) {
      const byLink = route.security === LINK_SECURITY;
      return register({ ...route, security: route.security, middleware: [withoutRole(json, byLink), ...own] }, handler, hook);
    }
    const roles = (route.security?.[0]?.bearer as WriterRole[] | undefined) ?? (write ? writers : undefined);
    // The documented security follows from the same rule that guards the route, so they cannot drift.
    if (!roles) return register({ ...route, security: PUBLIC_SECURITY }, handler, hook);
    return register({ ...route, security: onlyFor(...roles), middleware: [accessFirst(roles, json), ...own] }, handler, hook);
  }) as typeof register;
  return router;
}
