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

/** Expects the one error shape with the given status and code. */
export function expectError(res: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  if (res.status !== status || res.json?.error?.code !== code || typeof res.json?.error?.message !== "string") {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${res.text}`);
  }
  if (/at\s+\S+\s+\(|\.ts:\d+/.test(res.text)) throw new Error(`error leaks a stack trace: ${res.text}`);
}
