/**
 * @module
 * The dashboard's API client: bearer token from the sign-in (kept in this browser's localStorage),
 * JSON in and out, and the API's one error shape as {@link ApiFailure}.
 */

const TOKEN_KEY = "ka.token";

export type Role = "admin" | "coordinator" | "funder" | "anonymous";
export interface Me {
  role: Role;
  tokenId: number | null;
  regions: string[];
}

export interface ErrorDetail {
  path: string;
  message: string;
  /** Machine-readable reason (zod issue code such as too_small, invalid_format); not on every detail. */
  code?: string;
}

/** A non-2xx answer of the API. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const getToken = (): string | null => {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
};
export const setToken = (t: string | null) => {
  if (t) localStorage.setItem(TOKEN_KEY, t);
  else localStorage.removeItem(TOKEN_KEY);
};

/** Calls the API; throws {@link ApiFailure} on errors. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown; token?: string | null } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? getToken() : init.token;
  if (token) headers.set("Authorization", `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  const res = await fetch(path, { ...init, headers, body });
  if (!res.ok) {
    let code = "http_" + res.status;
    let message = res.statusText;
    let details: ErrorDetail[] = [];
    try {
      const e = (await res.json()) as { error?: { code: string; message: string; details?: ErrorDetail[] } };
      if (e.error) ({ code, message } = e.error), (details = e.error.details ?? []);
    } catch {
      /* not JSON */
    }
    throw new ApiFailure(res.status, code, message, details);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? res.json() : res.text()) as Promise<T>;
}

/** Fetches a file with the token and returns it as a blob (for downloads of protected exports). */
export async function apiBlob(path: string): Promise<Blob> {
  const headers = new Headers();
  const token = getToken();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const res = await fetch(path, { headers });
  if (!res.ok) throw new ApiFailure(res.status, "http_" + res.status, res.statusText);
  return res.blob();
}

let mePromise: Promise<Me> | null = null;
/** The caller's role and regions (cached until sign-in/out). */
export function me(): Promise<Me> {
  mePromise ??= api<Me>("/api/v1/me").catch((e) => {
    if (e instanceof ApiFailure && e.status === 401) {
      setToken(null);
      return { role: "anonymous", tokenId: null, regions: [] } as Me;
    }
    throw e;
  });
  return mePromise;
}
export const forgetMe = () => {
  mePromise = null;
};

export interface Region {
  code: string;
  name: string;
  kind: "state" | "district" | "custom";
  parentCode: string | null;
  population: number | null;
}

let regionsPromise: Promise<Region[]> | null = null;
/** All regions (reference data, ~420 rows; cached). */
export function allRegions(): Promise<Region[]> {
  regionsPromise ??= (async () => {
    const out: Region[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Region[]; nextCursor: string | null } = await api(`/api/v1/regions?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      out.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  })();
  return regionsPromise;
}
