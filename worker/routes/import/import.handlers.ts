/**
 * @module
 * Import handlers: take the upload (raw body or multipart), run the import, answer the report —
 * as one JSON document, or as an NDJSON stream of progress lines for large files.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, fromDatabaseError, notFound, validationFailed } from "../../lib/errors";
import { CONTROL_CHARACTER } from "../../lib/schemas";
import { createDb } from "../../db/client";
import { enqueueAfterLargeWrite } from "../../jobs/recompute-queue";
import { waitUntilOf } from "../../lib/background";
import { describeColumns, type ImportType } from "../../import/columns";
import type { ImportOptions, ImportPhase } from "../../import/context";
import { runImport as run } from "../../import/run";
import { assertAcceptedMediaType } from "../../import/sheet";
import { buildTemplate, type TemplateRegion } from "../../import/templates";
import type * as routes from "./import.routes";

/** The uploaded file: the raw body, or the multipart field `file`. */
async function readUpload(c: Context<AppEnv>, fileName: string | undefined): Promise<{ bytes: Uint8Array; name: string | null }> {
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType === "multipart/form-data") {
    let form: FormData;
    try {
      form = await c.req.raw.formData();
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError(400, "bad_request", "The multipart body could not be read");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") throw validationFailed("No file uploaded", [{ path: "file", message: "Add the file as form field 'file'" }]);
    assertAcceptedMediaType((file.type || "application/octet-stream").split(";")[0].trim().toLowerCase());
    // The browser's file name is not ours to refuse: control characters and line breaks are dropped, as in every stored text.
    const name = file.name.replace(new RegExp(`${CONTROL_CHARACTER.source}|[\t\n\r]`, "g"), "").trim().slice(0, 200);
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: name || fileName || null };
  }
  assertAcceptedMediaType(mediaType);
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), name: fileName ?? null };
}

/** The error shape for an NDJSON `error` line (unexpected errors are logged, never shown). */
function errorLine(err: unknown) {
  const apiError =
    err instanceof ApiError
      ? err
      : (fromDatabaseError(err) ??
        (console.error("import failed", err instanceof Error ? err.stack : err),
        new ApiError(500, "internal_error", "Something went wrong on our side; nothing was written")));
  return { event: "error", status: apiError.status, ...apiError.toBody() };
}

export const runImport: RouteHandler<typeof routes.runImport, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator");
  const q = c.req.valid("query");
  const upload = await readUpload(c, q.fileName);
  const options: ImportOptions = {
    type: q.type,
    dryRun: q.dryRun !== "false",
    defaultRegion: q.region ?? null,
    defaultSource: q.source,
    fileName: upload.name,
  };
  const db = createDb(c.env.DB);
  const afterWrite = (report: Awaited<ReturnType<typeof run>>) => {
    if (!options.dryRun) enqueueAfterLargeWrite(c.env.DB, c.env.RECOMPUTE_QUEUE, waitUntilOf(c), report.summary.created + report.summary.updated);
    return report;
  };
  if (!(c.req.header("Accept") ?? "").includes("application/x-ndjson")) {
    return c.json(afterWrite(await run(db, viewer, upload.bytes, options)), 200);
  }

  // Progress stream: one JSON object per line, the report (or the error) last.
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  const send = (line: object) => writer.write(encoder.encode(JSON.stringify(line) + "\n"));
  let lastSent = 0;
  const progress = async (phase: ImportPhase, done: number, total: number) => {
    const now = Date.now();
    if (phase === "check" && done < total && now - lastSent < 200) return;
    lastSent = now;
    await send({ event: "progress", phase, done, total });
  };
  const job = (async () => {
    try {
      const report = afterWrite(await run(db, viewer, upload.bytes, options, progress));
      await send({ event: "progress", phase: "done", done: report.summary.rows, total: report.summary.rows });
      await send({ event: "report", status: 200, report });
    } catch (err) {
      await send(errorLine(err));
    } finally {
      await writer.close();
    }
  })();
  try {
    c.executionCtx.waitUntil(job);
  } catch {
    // No execution context (e.g. in unit use): the stream keeps the request alive anyway.
  }
  const stream = new Response(readable, {
    status: 200,
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
  });
  // The typed-response helper reads "application/x-ndjson" as JSON; the stream is a plain Response.
  return stream as never;
};

export const template: RouteHandler<typeof routes.template, AppEnv> = async (c) => {
  const { file } = c.req.valid("param");
  const { locale, region: code } = c.req.valid("query");
  const [type, ext] = file.split(".") as [ImportType, "csv" | "xlsx"];
  let region: TemplateRegion | undefined;
  if (code) {
    region = await createDb(c.env.DB).get<TemplateRegion>(sql`SELECT code, name FROM regions WHERE code = ${code} AND deleted_at IS NULL`);
    if (!region) throw notFound(`Region ${code}`);
  }
  const t = buildTemplate(type, ext, locale, region);
  return new Response(t.body, {
    status: 200,
    headers: { "Content-Type": t.contentType, "Content-Disposition": `attachment; filename="${t.fileName}"`, "Cache-Control": "public, max-age=3600" },
  });
};

export const columns: RouteHandler<typeof routes.columns, AppEnv> = async (c) => {
  const { type } = c.req.valid("param");
  return c.json({ type, columns: describeColumns(type) }, 200);
};
