/**
 * @module
 * One import from bytes to report: read the file, plan every row (created / updated / unchanged
 * / rejected), and — for a real run without rejected rows — store everything in ONE D1 batch.
 * A D1 batch is one transaction, so a file is stored completely or not at all; rows travel as
 * JSON chunks (≤ 512 KB, one bound parameter each), so 20 000 rows are a few dozen statements.
 */
import type { Viewer } from "../lib/auth";
import { sql } from "drizzle-orm";
import { ApiError, validationFailed } from "../lib/errors";
import { auditInsert } from "../db/audit";
import { bumpRevisions } from "../db/revisions";
import { inBatch, nowIso, type Db } from "../db/client";
import { RegionIndex, type ImportContext, type ImportOptions, type ProgressFn } from "./context";
import { planCooperations } from "./cooperations";
import { planEvents } from "./events";
import { planOrganisations } from "./organisations";
import type { Plan, Statement } from "./plan";
import { MIXED_ENCODING_WARNING, rejectedError, summarise, type ImportReport } from "./report";
import { mapSheet, readRows } from "./sheet";

async function readRevisions(db: Db): Promise<Map<string, number>> {
  const { results } = await db.$client.prepare("SELECT region_code AS code, revision FROM region_revisions").all<{ code: string; revision: number }>();
  return new Map(results.map((r) => [r.code, r.revision]));
}

const PLANNERS = { organisations: planOrganisations, events: planEvents, cooperations: planCooperations } as const;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Imports one file. Dry runs return the report and write nothing; real runs throw 422 (nothing
 * written) when any row is rejected, else store all rows atomically and return the report.
 */
export async function runImport(db: Db, viewer: Viewer, bytes: Uint8Array, options: ImportOptions, progress: ProgressFn = () => {}): Promise<ImportReport> {
  await progress("read", 0, bytes.length);
  const read = await readRows(bytes);
  const sheet = mapSheet(options.type, read);
  await progress("read", bytes.length, bytes.length);
  // Data revisions before planning: the write is fenced on them (see below).
  const revisionsBefore = await readRevisions(db);
  const regions = await RegionIndex.load(db);
  if (options.defaultRegion && !regions.has(options.defaultRegion)) {
    throw validationFailed("Unknown region", [{ path: "region", message: `No region ${options.defaultRegion}` }]);
  }
  const ctx: ImportContext = { db, viewer, sheet, options, regions, progress };
  await progress("check", 0, sheet.rows.length);
  const plan: Plan = await PLANNERS[options.type](ctx);
  await progress("check", sheet.rows.length, sheet.rows.length);
  if (sheet.windows1252Lines) {
    const odd = new Set(sheet.rows.filter((r) => r.windows1252).map((r) => r.row));
    for (const r of plan.reports) if (odd.has(r.row)) r.warnings = [...(r.warnings ?? []), MIXED_ENCODING_WARNING];
  }

  const report: ImportReport = {
    type: options.type,
    dryRun: options.dryRun,
    ok: plan.reports.every((r) => r.outcome !== "rejected"),
    file: {
      name: options.fileName,
      bytes: bytes.length,
      sha256: await sha256Hex(bytes),
      format: sheet.format,
      encoding: sheet.encoding,
      ...(sheet.windows1252Lines ? { windows1252Lines: sheet.windows1252Lines } : {}),
      delimiter: sheet.delimiter,
      headerRow: sheet.headerRow,
    },
    columns: sheet.columns.map((c) => ({ header: c.header, field: c.column.field })),
    ignoredColumns: sheet.ignoredColumns,
    summary: summarise(plan.reports),
    rows: plan.reports,
  };
  if (options.dryRun) return report;
  if (!report.ok) throw rejectedError(report);
  const { created, updated } = report.summary;
  if (created + updated === 0) return { ...report, statements: 0 };

  const importId = crypto.randomUUID();
  const now = nowIso();
  // Optimistic fence: if any touched region was written since planning (another import of the
  // same file, an edit in the dashboard), the first statement fails and the batch rolls back.
  const fence = [...plan.touchedRegions].map((code) => ({ code, revision: revisionsBefore.get(code) ?? 0 }));
  const statements: Statement[] = [
    inBatch(db, db.run(sql`
      SELECT json('import fence: data changed') FROM json_each(${JSON.stringify(fence)}) j
      WHERE coalesce((SELECT revision FROM region_revisions r WHERE r.region_code = j.value ->> 'code'), 0) <> j.value ->> 'revision'`)),
    // Before and after the rows: old and new places of what the import changes (db/revisions.ts).
    bumpRevisions(db, plan.changes),
    ...plan.statements(now),
    ...[...plan.touchedRegions].map((regionCode) =>
      auditInsert(db, viewer, {
        action: "import",
        entity: "import",
        entityId: importId,
        regionCode,
        detail: { type: options.type, file: options.fileName, sha256: report.file.sha256, created, updated, unchanged: report.summary.unchanged },
      }),
    ),
    bumpRevisions(db, plan.changes),
  ];
  if (plan.idsFrom) statements.push(plan.idsFrom.statement);
  await progress("write", 0, statements.length);
  let results: unknown[];
  try {
    results = await db.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    const now = await readRevisions(db);
    const changed = fence.filter((f) => (now.get(f.code) ?? 0) !== f.revision).map((f) => f.code);
    if (changed.length) {
      throw new ApiError(409, "conflict", `Data in region ${changed.join(", ")} changed while the file was being imported; nothing was written. Run the import again.`);
    }
    throw err;
  }
  plan.idsFrom?.assign(results[results.length - 1]);
  await progress("write", statements.length, statements.length);
  return { ...report, importId, statements: statements.length };
}
