/**
 * @module
 * The served OpenAPI document and the client types generated from it. Asks the app itself for
 * `GET /api/v1/openapi.json` (no server, no database: the document needs neither), writes it to
 * `dist/openapi.json` (linted by `npm run lint:api`, see redocly.yaml) and generates
 * `dashboard/src/api-schema.ts` with openapi-typescript.
 *
 * @example
 * ```sh
 * npx tsx scripts/openapi.ts          # after changing a route's schema: regenerate the client types
 * npx tsx scripts/openapi.ts --check  # fail when the committed types differ (part of `npm run typecheck`)
 * ```
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { createApp } from "../worker/app";

export const DOCUMENT_FILE = "dist/openapi.json";
export const TYPES_FILE = "dashboard/src/api-schema.ts";

/** The document exactly as the worker serves it. */
export async function servedDocument(): Promise<string> {
  const res = await createApp().request("/api/v1/openapi.json", {}, {} as never);
  if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}: ${await res.text()}`);
  return JSON.stringify(await res.json(), null, 2) + "\n";
}

/** TypeScript types of every path and schema of the document (openapi-typescript). */
export async function clientTypes(document: string): Promise<string> {
  const ast = await openapiTS(document, { alphabetize: true });
  return (
    "// Generated from GET /api/v1/openapi.json by `npx tsx scripts/openapi.ts`; do not edit.\n" +
    "// The route schemas in worker/routes are the source: change them, then regenerate.\n\n" +
    astToString(ast)
  );
}

async function main(check: boolean) {
  const document = await servedDocument();
  mkdirSync("dist", { recursive: true });
  writeFileSync(DOCUMENT_FILE, document);
  const types = await clientTypes(document);
  if (!check) {
    writeFileSync(TYPES_FILE, types);
    console.log(`${DOCUMENT_FILE} and ${TYPES_FILE} written`);
    return;
  }
  let committed = "";
  try {
    committed = readFileSync(TYPES_FILE, "utf8");
  } catch {
    /* missing: differs */
  }
  if (committed !== types) {
    console.error(`${TYPES_FILE} differs from the types the served OpenAPI document generates; run \`npx tsx scripts/openapi.ts\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${TYPES_FILE} is in step with the served OpenAPI document`);
}

await main(process.argv.includes("--check"));
