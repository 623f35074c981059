/**
 * @module
 * A small SpreadsheetML (XLSX) writer: inline strings, numbers, real date cells, a bold frozen
 * header row, column widths, several sheets. Zipped with fflate's synchronous streaming API.
 *
 * Why not write-excel-file: its only zip path in workerd is fflate's asynchronous `zip()`, which
 * hands every part above 160 KB to a Web Worker — `ReferenceError: Worker is not defined` in
 * Workers — so any export of more than a few hundred rows failed. Streaming row XML straight
 * into a deflate stream also keeps a 100 000-row export within the isolate's memory.
 */
import { Zip, ZipDeflate } from "fflate";
import { INVALID_XML_CHARS } from "../lib/xml";
import { isDateCell, neutraliseFormula, type ExportCell, type ExportLocale, type ExportSheet } from "./cells";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Escapes XML text and drops characters XML 1.0 forbids (control characters in user text). */
export function xmlText(s: string): string {
  return s
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** "A", "B", … "Z", "AA", … for a 0-based column index. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Days since 1899-12-30 (Excel's serial date, 1900 system) of `YYYY-MM-DD`. */
export function excelSerial(iso: string): number {
  return Math.round((Date.parse(iso + "T00:00:00Z") - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const STYLE_DATE = 1;
const STYLE_HEADER = 2;

function stylesXml(locale: ExportLocale): string {
  const dateFormat = locale === "de" ? "dd.mm.yyyy" : "yyyy-mm-dd";
  return `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${dateFormat}"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

function cellXml(cell: ExportCell, ref: string, style?: number): string {
  const s = style ? ` s="${style}"` : "";
  if (cell === null || cell === undefined || cell === "") return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : "";
  if (typeof cell === "boolean") return `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (isDateCell(cell)) return `<c r="${ref}" s="${STYLE_DATE}"><v>${excelSerial(cell.date)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(neutraliseFormula(cell))}</t></is></c>`;
}

function rowXml(cells: readonly ExportCell[], rowNumber: number, style?: number): string {
  let xml = `<row r="${rowNumber}">`;
  cells.forEach((cell, i) => (xml += cellXml(cell, `${columnLetters(i)}${rowNumber}`, style)));
  return xml + "</row>";
}

/**
 * Writes an XLSX file sheet by sheet and row by row; each row's XML goes into the deflate stream
 * as it comes, so memory holds the compressed file, not the rows.
 */
export class XlsxWriter {
  private readonly enc = new TextEncoder();
  private readonly parts: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip: Zip;
  private readonly names: string[];
  private sheetIndex = -1;
  private sheetFile: ZipDeflate | null = null;
  private xml = "";
  private rowNumber = 0;

  /** `sheetNames` fixes the workbook's sheets up front; fill them in order with {@link startSheet}. */
  constructor(
    sheetNames: readonly string[],
    private readonly locale: ExportLocale = "de",
  ) {
    this.zip = new Zip((err, data) => {
      if (err) this.failure = err;
      else this.parts.push(data);
    });
    this.names = sheetNames.map((s, i) => xmlText((s || `Sheet${i + 1}`).replace(/[\\/?*[\]:]/g, " ").slice(0, 31)));
    const n = this.names.length;
    this.file(
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${this.names
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join("")}</Types>`,
    );
    this.file("_rels/.rels", `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    this.file(
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${this.names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    );
    this.file(
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${this.names
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join("")}<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    this.file("xl/styles.xml", stylesXml(this.locale));
  }

  private file(name: string, text: string) {
    const f = new ZipDeflate(name, { level: 6 });
    this.zip.add(f);
    f.push(this.enc.encode(text), true);
  }

  /** Starts the next sheet with its (bold, frozen) header row. */
  startSheet(header: readonly string[], widths?: readonly (number | undefined)[]) {
    this.endSheet();
    this.sheetIndex++;
    if (this.sheetIndex >= this.names.length) throw new Error("XlsxWriter: more sheets than names");
    this.sheetFile = new ZipDeflate(`xl/worksheets/sheet${this.sheetIndex + 1}.xml`, { level: 6 });
    this.zip.add(this.sheetFile);
    const cols = header.map((h, c) => widths?.[c] ?? Math.min(60, Math.max(10, h.length + 4)));
    this.xml =
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0"${this.sheetIndex === 0 ? ' tabSelected="1"' : ""}>` +
      `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<cols>${cols.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols><sheetData>` +
      rowXml(header, 1, STYLE_HEADER);
    this.rowNumber = 1;
  }

  row(cells: readonly ExportCell[]) {
    if (!this.sheetFile) throw new Error("XlsxWriter: row before startSheet");
    this.xml += rowXml(cells, ++this.rowNumber);
    if (this.xml.length > 256 * 1024) {
      this.sheetFile.push(this.enc.encode(this.xml));
      this.xml = "";
    }
  }

  private endSheet() {
    if (!this.sheetFile) return;
    this.sheetFile.push(this.enc.encode(this.xml + "</sheetData></worksheet>"), true);
    this.sheetFile = null;
    this.xml = "";
  }

  finish(): Uint8Array<ArrayBuffer> {
    this.endSheet();
    while (this.sheetIndex < this.names.length - 1) {
      this.startSheet([]);
      this.endSheet();
    }
    this.zip.end();
    if (this.failure) throw this.failure;
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) (out.set(p, at), (at += p.length));
    return out;
  }
}

/** A whole XLSX file from sheets held in memory (templates, small tables). */
export function toXlsx(sheets: readonly ExportSheet[], locale: ExportLocale = "de"): Uint8Array<ArrayBuffer> {
  const w = new XlsxWriter(
    sheets.map((s) => s.name),
    locale,
  );
  for (const s of sheets) {
    w.startSheet(s.header, s.widths);
    for (const r of s.rows) w.row(r);
  }
  return w.finish();
}
