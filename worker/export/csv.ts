/**
 * @module
 * CSV files as spreadsheet programs open them without a dialog: German Excel dialect by default
 * (`;`, decimal comma, `dd.mm.yyyy`), English with `,` and ISO dates; UTF-8 with BOM (so Excel
 * reads umlauts correctly) and CRLF line ends. Text cells are formula-neutralised.
 */
import { formatBoolean, formatDate, formatNumber, isDateCell, neutraliseFormula, type ExportCell, type ExportLocale } from "./cells";

export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";
const BOM = "\uFEFF";

export function csvCell(cell: ExportCell, locale: ExportLocale): string {
  const delimiter = locale === "de" ? ";" : ",";
  let text: string;
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") text = formatNumber(cell, locale);
  else if (typeof cell === "boolean") text = formatBoolean(cell, locale);
  else if (isDateCell(cell)) text = formatDate(cell.date, locale);
  else text = neutraliseFormula(cell);
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r") || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly ExportCell[], locale: ExportLocale): string {
  return cells.map((c) => csvCell(c, locale)).join(locale === "de" ? ";" : ",") + "\r\n";
}

/** Builds a CSV file incrementally as UTF-8 chunks (large exports never become one big string). */
export class CsvWriter {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private pending = BOM;

  constructor(private readonly locale: ExportLocale) {}

  row(cells: readonly ExportCell[]) {
    this.pending += csvLine(cells, this.locale);
    if (this.pending.length > 64 * 1024) this.flush();
  }

  private flush() {
    if (this.pending) this.chunks.push(this.encoder.encode(this.pending));
    this.pending = "";
  }

  finish(): Uint8Array<ArrayBuffer> {
    this.flush();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) (out.set(c, at), (at += c.length));
    return out;
  }
}

/** A whole CSV file from a header and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly ExportCell[])[], locale: ExportLocale): Uint8Array<ArrayBuffer> {
  const w = new CsvWriter(locale);
  w.row(header);
  for (const r of rows) w.row(r);
  return w.finish();
}
