/**
 * @module
 * The import report: one entry per data row (created / updated / unchanged / rejected, with the
 * reasons per column), a summary, and what was read from the file. A dry run answers it as is; a
 * real run with rejected rows turns it into a 422 whose details name `rows[<row>].<column>`.
 */
import { ApiError, type ErrorDetail } from "../lib/errors";
import type { ImportType } from "./columns";
import { IMPORT_LIMITS } from "./limits";
import type { Sheet } from "./sheet";

export type Outcome = "created" | "updated" | "unchanged" | "rejected";

/** Why a cell or row was refused (issues) or what was noticed but accepted (warnings). */
export interface RowIssue {
  /** The column header as written in the file; null when the row as a whole is meant. */
  column: string | null;
  /** The cell's text as read. */
  value: string | null;
  /** Machine-readable reason, e.g. `not_a_number`, `unknown_organisation`, `duplicate_row`. */
  code: string;
  message: string;
}

export interface RowChange {
  field: string;
  /** Header of the column in the file (or the field when the value came from elsewhere). */
  column: string;
  from: unknown;
  to: unknown;
}

export interface RowReport {
  row: number;
  outcome: Outcome;
  /** The record's id: the existing one, or the new one after a real run (null in a dry run). */
  id: number | null;
  /**
   * The key that identifies the row's record: `id`, `reference` (source + external reference),
   * `name` (organisations: name + region; events: title + date + region) or `content` (a
   * cooperation without reference: derived from its content). For created rows, the key a later
   * import of the same row will find it by. Absent for rejected rows that matched nothing.
   */
  matchedBy?: "id" | "reference" | "name" | "content";
  source?: string | null;
  externalRef?: string | null;
  changes?: RowChange[];
  issues?: RowIssue[];
  warnings?: RowIssue[];
}

export interface ImportReport {
  type: ImportType;
  dryRun: boolean;
  /** True when no row was rejected (a real run then stored everything). */
  ok: boolean;
  file: {
    name: string | null;
    bytes: number;
    sha256: string;
    format: Sheet["format"];
    encoding: Sheet["encoding"];
    /** Encoding `mixed` (UTF-8 with some Windows-1252 lines): those lines; their rows carry a `mixed_encoding` warning. */
    windows1252Lines?: number[];
    delimiter: Sheet["delimiter"];
    headerRow: number;
  };
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  summary: { rows: number; created: number; updated: number; unchanged: number; rejected: number; warnings: number };
  rows: RowReport[];
  /** Real runs: the id of this import in the audit log (`entity=import`). */
  importId?: string;
  /** Real runs: statements sent in the one atomic D1 batch. */
  statements?: number;
}

/** The warning on a row of a `mixed` file that was read as Windows-1252. */
export const MIXED_ENCODING_WARNING: RowIssue = {
  column: null,
  value: null,
  code: "mixed_encoding",
  message: "This row is not UTF-8 like the rest of the file and was read as Windows-1252 (ANSI); check its umlauts, or save the whole file in one encoding",
};

export function summarise(rows: RowReport[]): ImportReport["summary"] {
  const summary = { rows: rows.length, created: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 };
  for (const r of rows) {
    summary[r.outcome]++;
    if (r.warnings?.length) summary.warnings++;
  }
  return summary;
}

/** The 422 of a real run with rejected rows: one detail per issue, `rows[<row>].<column>`. */
export function rejectedError(report: ImportReport): ApiError {
  const rejected = report.rows.filter((r) => r.outcome === "rejected");
  const all: ErrorDetail[] = rejected.flatMap((r) =>
    (r.issues ?? []).map((i) => ({ path: `rows[${r.row}]${i.column ? `.${i.column}` : ""}`, message: i.value ? `${i.message} (value: '${i.value.slice(0, 100)}')` : i.message, ...(i.code ? { code: i.code } : {}) })),
  );
  const details = all.slice(0, IMPORT_LIMITS.maxErrorDetails);
  const more = all.length > details.length ? ` (first ${details.length} of ${all.length} problems shown)` : "";
  const message = `${rejected.length} of ${report.rows.length} rows rejected; nothing was written${more}. A dry run (dryRun=true) reports every row.`;
  const scopeOnly = all.every((d) => d.message.includes("outside this token's regions"));
  return scopeOnly ? new ApiError(403, "forbidden", message, details) : new ApiError(422, "validation_failed", message, details);
}
