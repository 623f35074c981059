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
  // Every part, not only xl/worksheets/: the workbook's relationships may name any part as its
  // sheet. Other parts hold no rows or cells, so this costs one pass over their text.
  for (const content of Object.values(files)) checkSheetExtent(content, limits);
  return files;
}

/** Column letters → 1-based number ("A" → 1, "CV" → 100). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell address as the import reads it: 1–3 capital letters and a row number without leading zero. */
const CELL_ADDRESS = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const ROW_NUMBER = /^[1-9][0-9]{0,6}$/;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", AMP: "&", LT: "<", GT: ">", QUOT: '"', APOS: "'" };

/** Character references and entities in an attribute value, resolved as the spreadsheet library's XML parser does (UTF-16 code units). */
function decodeReferences(value: string): string {
  return value.replace(/&#(\d+);|&#x([0-9a-f]+);|&(\w+);/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : whole;
    return String.fromCharCode(dec ? Number(dec) : parseInt(hex!, 16));
  });
}

/**
 * The values of attribute `name` (with or without a prefix such as `x:`) in a start tag's
 * attribute text, quoted with `"` or `'` or not quoted at all. Deliberately generous: every value
 * a lenient XML parser could read as this attribute is returned, so none escapes the check.
 */
function attributeValues(attrs: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`(?:^|[\\s:])${name}\\s*=\\s*`, "g");
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
    const from = m.index + m[0].length;
    const quote = attrs[from];
    if (quote === '"' || quote === "'") {
      // Without its closing quote the value runs to the end of the tag.
      const end = attrs.indexOf(quote, from + 1);
      out.push(attrs.slice(from + 1, end === -1 ? undefined : end));
    } else {
      out.push(/^[^\s>]*/.exec(attrs.slice(from))![0]);
    }
  }
  return out.map(decodeReferences);
}

export interface SheetExtent {
  /** Highest row number any row or cell names (or `<row>` elements counted, if more). */
  rows: number;
  /** Highest column number any cell names. */
  columns: number;
  /** The `<dimension ref>` the writer declared, when it is a plain cell range. */
  dimension: { rows: number; columns: number } | null;
}

/**
 * How far a worksheet reaches, read from every `<row r>`, `<c r>` and `<dimension ref>` —
 * quoted either way, with or without a namespace prefix, with character references resolved.
 * A reference that is not a plain address (`A1`, `XFD1048576`; rows `1`, `2`, …) is refused,
 * because a spreadsheet reader may read it as any number (`1e9`, `0x10`).
 *
 * The spreadsheet library fills the gaps between cells with empty values, so one cell at
 * `XFD1048576` would make it build a grid of 17 billion cells: this runs before it, in one
 * linear pass over the XML, and allocates nothing per cell.
 */
export function sheetExtent(xml: string): SheetExtent {
  const extent: SheetExtent = { rows: 0, columns: 0, dimension: null };
  let rowElements = 0;
  const unreadable = (what: string, value: string) =>
    new ApiError(422, "validation_failed", `The workbook has a ${what} the import cannot read ('${value.slice(0, 40)}'); open it in a spreadsheet program and save it again as .xlsx or CSV`, [
      { path: "(file)", message: `Unreadable ${what}` },
    ]);
  for (let i = xml.indexOf("<"); i !== -1; i = xml.indexOf("<", i + 1)) {
    // The element's name up to whitespace, "/" or ">"; its local part after a prefix ("x:c" → "c").
    let j = i + 1;
    while (j < xml.length && !/[\s/>]/.test(xml[j])) j++;
    const name = xml.slice(i + 1, j);
    const local = name.slice(name.indexOf(":") + 1);
    if (local !== "row" && local !== "c" && local !== "dimension") continue;
    // The tag ends at the first ">" outside quotes.
    let end = j;
    while (end < xml.length && xml[end] !== ">") {
      if (xml[end] === '"' || xml[end] === "'") {
        const close = xml.indexOf(xml[end], end + 1);
        end = close === -1 ? end + 1 : close + 1;
      } else end++;
    }
    const attrs = xml.slice(j, end);
    if (local === "dimension") {
      for (const ref of attributeValues(attrs, "ref")) {
        const corners = ref.split(":").map((part) => CELL_ADDRESS.exec(part));
        if (corners.length > 2 || corners.some((c) => !c)) continue; // advisory only; the cells decide
        extent.dimension = {
          rows: Math.max(...corners.map((c) => Number(c![2]))),
          columns: Math.max(...corners.map((c) => columnNumber(c![1]))),
        };
      }
    } else if (local === "row") {
      rowElements++;
      for (const r of attributeValues(attrs, "r")) {
        if (!ROW_NUMBER.test(r)) throw unreadable("row number", r);
        extent.rows = Math.max(extent.rows, Number(r));
      }
    } else {
      for (const r of attributeValues(attrs, "r")) {
        const address = CELL_ADDRESS.exec(r);
        if (!address) throw unreadable("cell address", r);
        extent.rows = Math.max(extent.rows, Number(address[2]));
        extent.columns = Math.max(extent.columns, columnNumber(address[1]));
      }
    }
    i = end;
  }
  // Rows without a number follow the one before: each `<row>` is at least one row.
  extent.rows = Math.max(extent.rows, rowElements);
  return extent;
}

function checkSheetExtent(content: Uint8Array, limits: typeof IMPORT_LIMITS) {
  const maxRow = limits.maxRows * 2 + 1_000;
  const tooFar = (rows: number, columns: number, declared: boolean) => {
    const what = declared ? "declares a used range up to" : "reaches";
    if (rows > maxRow) {
      throw new ApiError(413, "payload_too_large", `A worksheet ${what} row ${rows}; the import reads at most ${limits.maxRows} data rows per file`);
    }
    if (columns > limits.maxColumns) {
      throw new ApiError(413, "payload_too_large", `A worksheet ${what} column ${columns}; the import reads at most ${limits.maxColumns} columns`);
    }
  };
  const extent = sheetExtent(new TextDecoder().decode(content));
  tooFar(extent.rows, extent.columns, false);
  if (extent.dimension) tooFar(extent.dimension.rows, extent.dimension.columns, true);
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
