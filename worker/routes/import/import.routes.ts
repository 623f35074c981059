/**
 * @module
 * Import of CSV and XLSX files (organisations, events with participants, cooperations) with a
 * dry-run report per row, downloadable templates, and the recognised columns.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { XLSX_MEDIA_TYPE } from "../../import/xlsx";
import { IMPORT_TYPES } from "../../import/columns";
import { IMPORT_LIMITS } from "../../import/limits";
import { errorResponses, jsonContent, Line } from "../../lib/schemas";

const tags = ["Import"];
const ImportType = z.enum(IMPORT_TYPES);

const Issue = z.object({
  column: z.string().nullable().openapi({ description: "Header as written in the file; null = the row as a whole" }),
  value: z.string().nullable(),
  code: z.string().openapi({ example: "not_a_number" }),
  message: z.string(),
});

export const ImportReportSchema = z
  .object({
    type: ImportType,
    dryRun: z.boolean(),
    ok: z.boolean().openapi({ description: "No row rejected" }),
    file: z.object({
      name: z.string().nullable(),
      bytes: z.number().int(),
      sha256: z.string(),
      format: z.enum(["csv", "xlsx"]),
      encoding: z.string().nullable().openapi({ description: "utf-8, windows-1252, utf-16le, utf-16be, or mixed (UTF-8 with some Windows-1252 lines)" }),
      windows1252Lines: z.array(z.number().int()).optional().openapi({ description: "Encoding mixed: the lines read as Windows-1252" }),
      delimiter: z.string().nullable(),
      headerRow: z.number().int(),
    }),
    columns: z.array(z.object({ header: z.string(), field: z.string() })),
    ignoredColumns: z.array(z.string()),
    summary: z.object({
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
      warnings: z.number().int(),
    }),
    rows: z.array(
      z.object({
        row: z.number().int().openapi({ description: "Row number as a spreadsheet program shows it (header row included)" }),
        outcome: z.enum(["created", "updated", "unchanged", "rejected"]),
        id: z.number().int().nullable(),
        matchedBy: z.enum(["id", "reference", "name", "content"]).optional(),
        source: z.string().nullable().optional(),
        externalRef: z.string().nullable().optional(),
        changes: z.array(z.object({ field: z.string(), column: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
        issues: z.array(Issue).optional(),
        warnings: z.array(Issue).optional(),
      }),
    ),
    importId: z.string().optional(),
    statements: z.number().int().optional(),
  })
  .openapi("ImportReport");

const fileSchema = { type: "string" as const, format: "binary" };

export const runImport = createRoute({
  method: "post",
  path: "/import",
  operationId: "importRecords",
  tags,
  summary: `Import a CSV or XLSX file (≤ ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB, ≤ ${IMPORT_LIMITS.maxRows} rows): dry run with a report per row, or an atomic real run`,
  description:
    "Send the file as the raw body (text/csv or the XLSX media type) or as multipart/form-data field `file`. " +
    "dryRun=true (default) writes nothing and reports every row; dryRun=false stores all rows in one transaction, or nothing (422 with " +
    "details `rows[<row>].<column>`) if any row is rejected. With `Accept: application/x-ndjson` the answer streams progress lines " +
    "`{event:'progress',phase,done,total}` and ends with `{event:'report',status,report}` or `{event:'error',status,error}`.",
  request: {
    query: z.object({
      type: ImportType.openapi({ description: "What the file contains" }),
      dryRun: z.enum(["true", "false"]).default("true").openapi({ description: "true (default): report only; false: store" }),
      region: z.string().min(1).max(32).optional().openapi({ description: "Region code for rows without a Region column/value" }),
      source: Line(50).min(1).default("import").openapi({ description: "Source of new records' external references (default 'import')" }),
      fileName: Line(200).optional().openapi({ description: "File name for the report and the audit log (raw uploads)" }),
    }),
    body: {
      required: true,
      content: {
        "text/csv": { schema: fileSchema },
        [XLSX_MEDIA_TYPE]: { schema: fileSchema },
        "multipart/form-data": { schema: { type: "object", properties: { file: fileSchema }, required: ["file"] } },
      },
    },
  },
  responses: {
    200: {
      description: "The report (dry run, or a real run that stored everything); NDJSON progress stream on request",
      content: { "application/json": { schema: ImportReportSchema }, "application/x-ndjson": { schema: z.string() } },
    },
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});

export const TemplateParams = z.object({
  file: z
    .string()
    .regex(/^(organisations|events|cooperations)\.(csv|xlsx)$/, "Expected organisations|events|cooperations + .csv|.xlsx")
    .openapi({ param: { name: "file", in: "path" }, example: "cooperations.xlsx" }),
});

export const template = createRoute({
  method: "get",
  path: "/import/templates/{file}",
  operationId: "getImportTemplate",
  tags,
  summary: "Download an import template with example rows (CSV in the German Excel dialect for locale=de)",
  request: {
    params: TemplateParams,
    query: z.object({
      locale: z.enum(["de", "en"]).default("de").openapi({ description: "Headers, labels and number/date format" }),
      region: z.string().min(1).max(32).optional().openapi({
        description: "Region code the example rows are set in (a coordinator's own region, so the unchanged template imports there); default 05358",
        example: "05113",
      }),
    }),
  },
  responses: {
    200: {
      description: "The template",
      content: { "text/csv": { schema: z.string() }, [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses(404, 422),
  },
});

export const columns = createRoute({
  method: "get",
  path: "/import/columns/{type}",
  operationId: "getImportColumns",
  tags,
  summary: "The columns the import recognises for a type: canonical headers (de, en) and accepted synonyms",
  request: { params: z.object({ type: ImportType.openapi({ param: { name: "type", in: "path" } }) }) },
  responses: {
    200: jsonContent(
      z.object({
        type: ImportType,
        columns: z.array(z.object({ field: z.string(), de: z.string(), en: z.string(), aliases: z.array(z.string()) })),
      }),
      "Columns",
    ),
    ...errorResponses(422),
  },
});
