/**
 * @module
 * The dashboard's API client (api-client.ts, generated from the OpenAPI document) with the bearer
 * token from the sign-in, kept in this browser's localStorage.
 */
import { ApiFailure, createApiClient, ok, type Schemas } from "./api-client";

export { ApiFailure, ok, type ErrorDetail, type Schemas } from "./api-client";

const TOKEN_KEY = "ka.token";

export type Me = Schemas["Caller"];
export type Role = Me["role"];
export type Region = Schemas["Region"];

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

/**
 * The D1 bookmark of this browser's last write (docs/read-replication.md): sent with every later
 * request, so reads after a write see it whichever replica or isolate answers.
 */
const BOOKMARK_KEY = "ka.bookmark";
const BOOKMARK_HEADER = "X-D1-Bookmark";
const storage = (): Storage | null => {
  try {
    return localStorage;
  } catch {
    return null;
  }
};

/** The browser's client: `client.GET("/regions/{code}", { params: { path: { code } } })`, with the signed-in token. */
export const client = createApiClient("/api/v1");
client.use({
  onRequest({ request }) {
    // A call may bring its own token (the sign-in checks one before keeping it).
    const token = getToken();
    if (token && !request.headers.has("Authorization")) request.headers.set("Authorization", `Bearer ${token}`);
    const bookmark = storage()?.getItem(BOOKMARK_KEY);
    if (bookmark) request.headers.set(BOOKMARK_HEADER, bookmark);
    return request;
  },
  onResponse({ request, response }) {
    // Only a write's bookmark is kept: reads without one may be served from a replica or an isolate's recent figures.
    const bookmark = response.headers.get(BOOKMARK_HEADER);
    if (bookmark && request.method !== "GET" && request.method !== "HEAD") storage()?.setItem(BOOKMARK_KEY, bookmark);
    return response;
  },
});

let mePromise: Promise<Me> | null = null;
/** The caller's role and regions (cached until sign-in/out). */
export function me(): Promise<Me> {
  mePromise ??= ok(client.GET("/me")).catch((e) => {
    if (e instanceof ApiFailure && e.status === 401) {
      setToken(null);
      return { role: "anonymous", tokenId: null, regions: [] } satisfies Me;
    }
    throw e;
  });
  return mePromise;
}
export const forgetMe = () => {
  mePromise = null;
};

let regionsPromise: Promise<Region[]> | null = null;
/** All regions (reference data, ~420 rows; cached). */
export function allRegions(): Promise<Region[]> {
  regionsPromise ??= (async () => {
    const out: Region[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(client.GET("/regions", { params: { query: { limit: 500, cursor } } }));
      out.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  })();
  return regionsPromise;
}
