/**
 * @module
 * App and router factories: every router validates with zod and answers validation failures
 * through one hook (422, the error shape of DESIGN.md §5).
 */
import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./env";
import { validationFailed, type ErrorDetail } from "./errors";

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

/** A router whose routes are documented in the OpenAPI document. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook });
}
