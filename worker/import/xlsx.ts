/**
 * @module
 * XLSX workbooks → rows of cells, read by `read-excel-file` (shared strings, styles, dates).
 *
 * Inside workerd the library's own unzip hands parts above 512 KB to a Web Worker, which Workers
 * do not have (`ReferenceError: Worker is not defined`). So the archive is opened here first with
 * fflate's synchronous API — which also lets us refuse ZIP bombs by the declared sizes before
 * inflating anything — and handed to the library re-packed without compression, a path it reads
 * synchronously.
 */
import { unzipSync, zipSync, type Unzipped } from "fflate";
import { readSheet } from "read-excel-file/universal";
import { ApiError } from "../lib/errors";
import { IMPORT_LIMITS, MB } from "./limits";
import { notATextFile } from "./text";

/** A cell as read from a workbook: text, number, boolean, date (UTC midnight) or empty. */
export type XlsxCell = string | number | boolean | Date | null;

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `PK\x03\x04`: a ZIP archive (XLSX is one). */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** `D0 CF 11 E0`: an OLE2 compound file, i.e. an old binary Excel 97–2003 `.xls`. */
export const isLegacyXls = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** Unpacks the XML parts of an XLSX archive within the limits; throws 413/415 otherwise. */
export function unpackXlsx(bytes: Uint8Array, limits = IMPORT_LIMITS): Unzipped {
  let entries = 0;
  let total = 0;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (++entries > limits.maxXlsxEntries) {
          throw new ApiError(413, "payload_too_large", `The workbook has more than ${limits.maxXlsxEntries} parts`);
        }
        const wanted = file.name.endsWith(".xml") || file.name.endsWith(".rels");
        if (!wanted) return false;
        total += file.originalSize;
        if (total > limits.maxXlsxUncompressedBytes) {
          throw new ApiError(
            413,
            "payload_too_large",
            `The workbook unpacks to more than ${Math.round(limits.maxXlsxUncompressedBytes / MB)} MB; save it as CSV or split it into several files`,
          );
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw notATextFile("it is a damaged ZIP archive, not a readable XLSX workbook");
  }
  if (!files["xl/workbook.xml"]) throw notATextFile("it is a ZIP archive but not an XLSX workbook (no xl/workbook.xml)");
  for (const [name, content] of Object.entries(files)) {
    if (name.startsWith("xl/worksheets/")) checkSheetExtent(content, limits);
  }
  return files;
}

/** Column letters → 1-based number ("A" → 1, "CV" → 100). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The library fills gaps between cells with empty values, so one cell at `XFD1048576` would make
 * it build a grid of 17 billion cells. The cell addresses are checked here before it reads them.
 */
function checkSheetExtent(content: Uint8Array, limits: typeof IMPORT_LIMITS) {
  const xml = new TextDecoder().decode(content);
  const maxRow = limits.maxRows * 2 + 1_000;
  let rowMax = 0;
  let colMax = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?(c|row)\b[^>]*?\sr="([A-Z]{0,3})(\d+)"/g)) {
    rowMax = Math.max(rowMax, Number(m[3]));
    if (m[1] === "c") colMax = Math.max(colMax, columnNumber(m[2]));
  }
  if (rowMax > maxRow) {
    throw new ApiError(413, "payload_too_large", `A worksheet reaches row ${rowMax}; the import reads at most ${limits.maxRows} data rows per file`);
  }
  if (colMax > limits.maxColumns) {
    throw new ApiError(413, "payload_too_large", `A worksheet reaches column ${colMax}; the import reads at most ${limits.maxColumns} columns`);
  }
}

/** The first worksheet of an XLSX file as rows of cells (read-excel-file, dates as `Date`). */
export async function readXlsx(bytes: Uint8Array, limits = IMPORT_LIMITS): Promise<{ rows: XlsxCell[][] }> {
  const files = unpackXlsx(bytes, limits);
  // Stored (level 0) entries are read synchronously by the library, whatever their size.
  const stored = zipSync(files, { level: 0 });
  try {
    const rows = (await readSheet(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer)) as unknown as XlsxCell[][];
    return { rows };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const name = (err as Error)?.name ?? "";
    throw new ApiError(
      422,
      "validation_failed",
      `The XLSX workbook could not be read${name ? ` (${name})` : ""}; open it in a spreadsheet program and save it again as .xlsx or CSV`,
      [{ path: "(file)", message: "Unreadable workbook" }],
    );
  }
}
