/**
 * @module
 * `?format=csv|xlsx` on the list endpoints: the handler's own page query is walked server-side
 * (same filters, same order) up to {@link EXPORT_MAX_ROWS} rows and written as a file. A cut-off
 * export says so in `X-Export-Truncated: true`.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../lib/env";
import { createDb } from "../db/client";
import { CsvWriter, CSV_MEDIA_TYPE } from "./csv";
import type { ExportLocale } from "./cells";
import { TABLES, type ExportResource } from "./tables";
import { XlsxWriter, XLSX_MEDIA_TYPE } from "./xlsx";

/** Most rows in one export file. */
export const EXPORT_MAX_ROWS = 100_000;
/** Rows fetched per page while walking the list. */
export const EXPORT_PAGE_SIZE = 1_000;

export const ExportFormat = z.enum(["json", "csv", "xlsx"]);
export type ExportFormatValue = z.output<typeof ExportFormat>;

/** Query parameters every exportable list route adds. */
export const ExportQuery = {
  format: ExportFormat.default("json").openapi({
    description: `json (default), csv (German Excel dialect: ';', decimal comma, BOM) or xlsx; files contain all pages, at most ${EXPORT_MAX_ROWS} rows`,
  }),
  locale: z.enum(["de", "en"]).default("de").openapi({ description: "File exports: de = German headers and labels, ';' CSV; en = English headers, API keys, ',' CSV" }),
};

/** Documents the file media types next to the JSON answer of a list route. */
export function withExportContent<C extends Record<string, unknown>>(response: { description: string; content: C }) {
  return {
    description: response.description,
    content: {
      ...response.content,
      "text/csv": { schema: z.string().openapi({ description: "CSV file (format=csv)" }) },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary", description: "XLSX workbook (format=xlsx)" }) },
    },
  };
}

export type PageFn = (cursor: string | undefined, limit: number) => Promise<{ data: unknown[]; nextCursor: string | null }>;

/** Walks all pages of a list and answers the file. */
export async function exportList(c: Context<AppEnv>, resource: ExportResource, q: { format: "csv" | "xlsx"; locale: ExportLocale }, page: PageFn): Promise<Response> {
  const spec = TABLES[resource];
  const ctx = { db: createDb(c.env.DB), viewer: c.get("viewer"), locale: q.locale };
  const header = spec.header(q.locale);
  const csv = q.format === "csv" ? new CsvWriter(q.locale) : null;
  const xlsx = q.format === "xlsx" ? new XlsxWriter([spec.title[q.locale]], q.locale) : null;
  csv?.row(header);
  xlsx?.startSheet(header, spec.widths);
  let rows = 0;
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const result = await page(cursor, Math.min(EXPORT_PAGE_SIZE, EXPORT_MAX_ROWS - rows));
    for (const row of await spec.rows(result.data, ctx)) {
      csv?.row(row);
      xlsx?.row(row);
    }
    rows += result.data.length;
    if (!result.nextCursor) break;
    if (rows >= EXPORT_MAX_ROWS) {
      truncated = true;
      break;
    }
    cursor = result.nextCursor;
  }
  const body = csv ? csv.finish() : xlsx!.finish();
  const day = new Date().toISOString().slice(0, 10);
  const name = `${spec.title[q.locale].toLowerCase().replace(/\s+/g, "-")}-${day}.${q.format}`;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": csv ? CSV_MEDIA_TYPE : XLSX_MEDIA_TYPE,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Export-Rows": String(rows),
      "X-Export-Max-Rows": String(EXPORT_MAX_ROWS),
      "X-Export-Truncated": String(truncated),
    },
  });
}
