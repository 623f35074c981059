/**
 * @module
 * Lists a region's isolated organisations through the typed client (README, "Scripting the API
 * from TypeScript"):
 *
 * ```sh
 * npx tsx scripts/examples/isolated-organisations.ts http://localhost:8787 "$TOKEN" 05113
 * ```
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../dashboard/src/api-schema";

export type Api = Client<paths, "application/json">;

/** Every isolated organisation of the region (all pages), with its first suggested partner. */
export async function isolatedOrganisations(api: Api, region: string) {
  const out: { name: string; kind: string; suggestion: string | null }[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET("/regions/{code}/isolated", {
      params: { path: { code: region }, query: { status: "isolated", cursor } },
    });
    if (error) throw new Error(`${error.error.code}: ${error.error.message}`);
    for (const o of data.organisations) out.push({ name: o.name, kind: o.kind, suggestion: o.suggestions[0]?.name ?? null });
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base = "http://localhost:8787", token, region = "05113"] = process.argv.slice(2);
  const api: Api = createClient<paths, "application/json">({ baseUrl: `${base}/api/v1`, headers: { Authorization: `Bearer ${token}` } });
  for (const o of await isolatedOrganisations(api, region)) console.log(`${o.name} (${o.kind}) → ${o.suggestion ?? "no suggestion yet"}`);
}
