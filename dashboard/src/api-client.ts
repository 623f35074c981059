/**
 * @module
 * The typed API client, generated from the API's OpenAPI document: openapi-fetch over the types in
 * `api-schema.ts` (`npx tsx scripts/openapi.ts` regenerates them; `npm run typecheck` fails when
 * they lag behind the routes, and a page reading a field the API no longer has fails to compile).
 * Free of browser state, so the server-rendered embeds use it too.
 */
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./api-schema";

/** The API's schemas by name (`Schemas["Region"]`). */
export type Schemas = components["schemas"];
export type ErrorDetail = NonNullable<Schemas["Error"]["error"]["details"]>[number];
/** JSON answers are typed; CSV and other files are read with `parseAs: "blob"`. */
export type ApiClient = Client<paths, "application/json">;

/** A client for the API under `baseUrl` (e.g. "/api/v1" in the browser); `fetch` to call the app in-process. */
export const createApiClient = (baseUrl: string, fetch?: (request: Request) => Promise<Response>): ApiClient =>
  createClient<paths, "application/json">({ baseUrl, ...(fetch ? { fetch } : {}) });

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

/**
 * The data of a successful call, or {@link ApiFailure} thrown with the API's error code, message and
 * details: `const region = await ok(client.GET("/regions/{code}", { params: { path: { code } } }))`.
 */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const e = (error as Partial<Schemas["Error"]> | undefined)?.error;
    throw new ApiFailure(response.status, e?.code ?? "http_" + response.status, e?.message ?? response.statusText, e?.details ?? []);
  }
  return data as T;
}
