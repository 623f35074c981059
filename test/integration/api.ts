/**
 * Test client: requests go through the worker's own fetch inside workerd, against the real local D1.
 */
import { SELF } from "cloudflare:test";

export const ADMIN = "test-admin-token";

export interface CallOptions {
  method?: string;
  token?: string | null;
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function call(path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const token = opts.token === undefined ? ADMIN : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] = "application/json";
  }
  if (opts.contentType) headers["Content-Type"] = opts.contentType;
  const res = await SELF.fetch(`http://localhost${path}`, { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** Creates a token with the given role (and coordinator regions); returns its secret. */
export async function tokenFor(role: "admin" | "coordinator" | "funder", regions: string[] = []) {
  const res = await call("/api/v1/tokens", { body: { name: `${role} ${regions.join(",")}`, role, regions } });
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${res.text}`);
  return res.json.token as string;
}

let counter = 0;
/** A fresh organisation via the API; returns its id. */
export async function makeOrganisation(fields: Record<string, unknown> = {}, token: string = ADMIN) {
  counter++;
  const res = await call("/api/v1/organisations", {
    token,
    body: { name: `Testorganisation ${counter}`, kind: "nonprofit", regionCode: "05113", ...fields },
  });
  if (res.status !== 201) throw new Error(`organisation creation failed: ${res.status} ${res.text}`);
  return res.json.id as number;
}

export async function count(table: string): Promise<number> {
  const { env } = await import("cloudflare:test");
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row!.n;
}

/**
 * Expects the one error shape with the given status and code: a JSON body that is exactly
 * `{"error":{"code","message","details?"}}` (details: `[{path, message, code?}]`), no stack trace.
 * Returns the `error` object.
 */
export function expectError(res: Awaited<ReturnType<typeof call>>, status: number, code: string): ErrorJson {
  if (res.status !== status || res.json?.error?.code !== code || typeof res.json?.error?.message !== "string") {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${res.text}`);
  }
  if (/at\s+\S+\s+\(|\.ts:\d+/.test(res.text)) throw new Error(`error leaks a stack trace: ${res.text}`);
  if (!(res.headers.get("Content-Type") ?? "").startsWith("application/json")) {
    throw new Error(`error is not served as JSON: ${res.headers.get("Content-Type")}`);
  }
  const topKeys = Object.keys(res.json);
  const errKeys = Object.keys(res.json.error);
  if (topKeys.length !== 1 || errKeys.some((k) => !["code", "message", "details"].includes(k))) {
    throw new Error(`error body has other keys than error.{code,message,details}: ${res.text}`);
  }
  const details = res.json.error.details;
  if (details !== undefined) {
    const ok =
      Array.isArray(details) &&
      details.length > 0 &&
      details.every(
        (d: any) =>
          typeof d?.path === "string" &&
          typeof d?.message === "string" &&
          (d.code === undefined || typeof d.code === "string") &&
          Object.keys(d).every((k) => ["path", "message", "code"].includes(k)),
      );
    if (!ok) throw new Error(`error details are not [{path, message, code?}]: ${res.text}`);
  }
  return res.json.error as ErrorJson;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the integration suites. Storage is isolated per test FILE (each file starts
// with a freshly migrated, empty database) but shared by the tests inside one file, so every
// helper below creates uniquely named records.
// ---------------------------------------------------------------------------------------------

let unique = 0;
/** A string unique within the test run (file-local counter + random suffix). */
export function uid(prefix = "t"): string {
  unique++;
  return `${prefix}-${unique}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Raw rows straight from D1 (to check what is really stored, bypassing the API). */
export async function rows<T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T[]> {
  const { env } = await import("cloudflare:test");
  const { results } = await env.DB.prepare(query).bind(...binds).all<T>();
  return results;
}

/** Tables written by the core API; a snapshot of all of them proves that nothing changed. */
export const CORE_TABLES = [
  "regions",
  "organisations",
  "events",
  "event_participants",
  "cooperations",
  "cooperation_partners",
  "api_tokens",
  "api_token_regions",
  "audit_log",
  "region_revisions",
] as const;

const ORDER: Record<string, string> = {
  regions: "code",
  event_participants: "event_id, organisation_id",
  cooperation_partners: "cooperation_id, organisation_id",
  api_token_regions: "token_id, region_code",
  region_revisions: "region_code",
};

/** Every row of every core table (api_tokens without last_used_at, which reads may touch); one D1 round trip. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const { env } = await import("cloudflare:test");
  const results = await env.DB.batch(
    CORE_TABLES.map((t) => {
      const cols = t === "api_tokens" ? "id, name, token_hash, role, created_at, revoked_at" : "*";
      return env.DB.prepare(`SELECT ${cols} FROM ${t} ORDER BY ${ORDER[t] ?? "id"}`);
    }),
  );
  return Object.fromEntries(CORE_TABLES.map((t, i) => [t, results[i].results]));
}

/** Row counts of the core tables; one D1 round trip. */
export async function counts(): Promise<Record<string, number>> {
  const { env } = await import("cloudflare:test");
  const row = await env.DB.prepare(`SELECT ${CORE_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`).first<Record<string, number>>();
  return { ...row! };
}

/** Runs a rejected write and asserts the error, the unchanged row counts and the unchanged rows. */
export async function expectRejectedWithoutChange(
  write: () => ReturnType<typeof call>,
  status: number,
  code: string,
): Promise<ErrorJson> {
  const beforeCounts = await counts();
  const before = await snapshot();
  const res = await write();
  const err = expectError(res, status, code);
  const afterCounts = await counts();
  if (JSON.stringify(afterCounts) !== JSON.stringify(beforeCounts)) {
    throw new Error(`row counts changed after a rejected write: ${JSON.stringify(beforeCounts)} → ${JSON.stringify(afterCounts)}`);
  }
  const after = await snapshot();
  for (const t of CORE_TABLES) {
    if (JSON.stringify(after[t]) !== JSON.stringify(before[t])) throw new Error(`table ${t} was modified by a rejected write (${res.status} ${res.text})`);
  }
  return err;
}

export interface ErrorJson {
  code: string;
  message: string;
  details?: { path: string; message: string; code?: string }[];
}

/** Paths of the error details, for assertions like `toContain("records[3].hours")`. */
export const detailPaths = (err: ErrorJson) => (err.details ?? []).map((d) => d.path);

/** A fresh event via the API; returns its id. */
export async function makeEvent(fields: Record<string, unknown> = {}, token: string = ADMIN) {
  const res = await call("/api/v1/events", {
    token,
    body: { kind: "marketplace", title: uid("Gute Geschäfte"), date: "2024-05-17", regionCode: "05113", ...fields },
  });
  if (res.status !== 201) throw new Error(`event creation failed: ${res.status} ${res.text}`);
  return res.json.id as number;
}

/** A fresh cooperation via the API; returns the created object. */
export async function makeCooperation(fields: Record<string, unknown>, token: string = ADMIN) {
  const res = await call("/api/v1/cooperations", { token, body: { dateAgreed: "2024-03-01", status: "agreed", ...fields } });
  if (res.status !== 201) throw new Error(`cooperation creation failed: ${res.status} ${res.text}`);
  return res.json;
}

/** All pages of a list endpoint (cursor walk); returns the items in order and the page count. */
export async function walk(path: string, token: string | null = ADMIN) {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await call(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`, { token });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    items.push(...res.json.data);
    cursor = res.json.nextCursor;
    pages++;
    if (pages > 1000) throw new Error("pagination does not end");
  } while (cursor);
  return { items, pages };
}

/** A fresh marketplace (event + workspace) via the API; returns the created workspace. */
export async function makeMarketplace(fields: Record<string, unknown> = {}, token?: string) {
  const res = await call("/api/v1/marketplaces", {
    token,
    body: { title: uid("Gute Geschäfte"), date: "2099-06-17", regionCode: "05113", place: "Rathaus Essen", ...fields },
  });
  if (res.status !== 201) throw new Error(`marketplace creation failed: ${res.status} ${res.text}`);
  return res.json;
}
