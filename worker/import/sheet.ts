/**
 * @module
 * An uploaded file → one table: recognises CSV or XLSX by its content (browsers label CSV files
 * as `application/vnd.ms-excel` on Windows, so the declared type is only a hint), finds the
 * header row (title rows above it are skipped) and maps its headers to the type's columns.
 */
import { ApiError, validationFailed } from "../lib/errors";
import { headerMap, type ColumnDef, type ImportType } from "./columns";
import { parseCsv, type Delimiter } from "./csv";
import { IMPORT_LIMITS } from "./limits";
import { decodeText, notATextFile, type TextEncoding } from "./text";
import { cellText, isBlank, type Cell } from "./values";
import { normWord } from "./vocabulary";
import { isLegacyXls, isZip, readXlsx, XLSX_MEDIA_TYPE } from "./xlsx";

export interface SheetRow {
  /** Row number as a spreadsheet program shows it (header row included, first row = 1). */
  row: number;
  cells: Cell[];
  /** CSV only: a line of this row was not UTF-8 like the rest of the file and was read as Windows-1252. */
  windows1252?: true;
}

export interface MappedColumn {
  /** Position in the row (0-based). */
  index: number;
  /** The header as written in the file. */
  header: string;
  column: ColumnDef;
}

export interface Sheet {
  format: "csv" | "xlsx";
  encoding: TextEncoding | null;
  /** Encoding `mixed`: the lines read as Windows-1252. */
  windows1252Lines?: number[];
  delimiter: Delimiter | null;
  /** German number format: decimal comma (every CSV not separated by `,`). */
  decimalComma: boolean;
  headerRow: number;
  columns: MappedColumn[];
  ignoredColumns: string[];
  rows: SheetRow[];
}

/** Media types accepted for CSV uploads (browsers and tools send any of these). */
export const CSV_MEDIA_TYPES = [
  "text/csv",
  "text/plain",
  "application/csv",
  "text/comma-separated-values",
  "text/x-csv",
  "text/tab-separated-values",
  "application/vnd.ms-excel",
] as const;
export const ACCEPTED_MEDIA_TYPES = [...CSV_MEDIA_TYPES, XLSX_MEDIA_TYPE, "application/octet-stream"] as const;

/** 415 unless the declared media type is one we read. */
export function assertAcceptedMediaType(mediaType: string) {
  if (!(ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      `Send the file as text/csv or ${XLSX_MEDIA_TYPE} (raw body), or as multipart/form-data with a field 'file'; got '${mediaType || "no Content-Type"}'`,
    );
  }
}

/** Reads the file's rows: XLSX (first worksheet) or CSV in any of the usual encodings. */
export async function readRows(
  bytes: Uint8Array,
): Promise<{ format: Sheet["format"]; encoding: TextEncoding | null; windows1252Lines?: number[]; delimiter: Delimiter | null; rows: SheetRow[] }> {
  if (bytes.length === 0) throw validationFailed("The file is empty", [{ path: "(file)", message: "Empty file" }]);
  if (isLegacyXls(bytes)) {
    throw new ApiError(415, "unsupported_media_type", "Old Excel files (.xls, Excel 97–2003) are not supported; save the workbook as .xlsx or as CSV");
  }
  if (isZip(bytes)) {
    const { rows } = await readXlsx(bytes);
    const out: SheetRow[] = [];
    rows.forEach((cells, i) => {
      if (cells.some((c) => !isBlank(c))) out.push({ row: i + 1, cells });
    });
    if (out.length > IMPORT_LIMITS.maxRows + 1) {
      throw new ApiError(413, "payload_too_large", `The workbook has ${out.length - 1} data rows; the import limit is ${IMPORT_LIMITS.maxRows} rows per file; split it into several files`);
    }
    return { format: "xlsx", encoding: null, delimiter: null, rows: out };
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) throw notATextFile("it is a PDF document");
  const { text, encoding, windows1252Lines } = decodeText(bytes);
  const { delimiter, records } = parseCsv(text);
  const odd = new Set(windows1252Lines);
  const rows = records.map((r): SheetRow => {
    for (let l = r.lines[0]; odd.size && l <= r.lines[1]; l++) if (odd.has(l)) return { row: r.row, cells: r.cells, windows1252: true };
    return { row: r.row, cells: r.cells };
  });
  return { format: "csv", encoding, ...(windows1252Lines ? { windows1252Lines } : {}), delimiter, rows };
}

/**
 * Finds the header row (the first of the first ten rows naming at least two known columns, so a
 * title line above the table is skipped), maps the headers and returns the data rows below it.
 */
export function mapSheet(type: ImportType, read: Awaited<ReturnType<typeof readRows>>): Sheet {
  const map = headerMap(type);
  const known = (cells: Cell[]) => cells.filter((c) => map.has(normHeader(c))).length;
  let headerIndex = read.rows.slice(0, 10).findIndex((r) => known(r.cells) >= 2);
  if (headerIndex === -1) headerIndex = read.rows.slice(0, 10).findIndex((r) => known(r.cells) >= 1);
  if (headerIndex === -1) {
    const first = read.rows[0]?.cells.map(cellText).filter(Boolean).slice(0, 8).join("', '") ?? "";
    throw validationFailed(
      `No known column headers found for ${type}${first ? ` (first row: '${first}')` : ""}; download a template from /api/v1/import/templates/${type}.csv`,
      [{ path: "(header)", message: "No known column headers" }],
    );
  }
  const header = read.rows[headerIndex];
  const columns: MappedColumn[] = [];
  const ignoredColumns: string[] = [];
  const byField = new Map<string, MappedColumn>();
  const details: { path: string; message: string }[] = [];
  header.cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const column = map.get(normHeader(cell));
    if (!column) {
      ignoredColumns.push(text);
      return;
    }
    const previous = byField.get(column.field);
    if (previous) {
      details.push({ path: `columns.${text}`, message: `Means the same as column '${previous.header}' (${column.field}); keep one of them` });
      return;
    }
    const mapped = { index, header: text, column };
    byField.set(column.field, mapped);
    columns.push(mapped);
  });
  if (details.length) throw validationFailed("Two columns of the file mean the same field", details);
  return {
    format: read.format,
    encoding: read.encoding,
    ...(read.windows1252Lines ? { windows1252Lines: read.windows1252Lines } : {}),
    delimiter: read.delimiter,
    decimalComma: read.delimiter !== ",",
    headerRow: header.row,
    columns,
    ignoredColumns,
    rows: read.rows.slice(headerIndex + 1),
  };
}

/** Headers may carry stray spaces, line breaks or a trailing `*` (required marker). */
const normHeader = (cell: Cell) => normWord(cellText(cell).replace(/\*+$/, ""));
