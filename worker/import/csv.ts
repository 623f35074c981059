/**
 * @module
 * A CSV reader for files as spreadsheet programs write them: separator `;` (German Excel), `,`
 * or tab, detected from the header line (or Excel's `sep=;` first line); quoted cells with `""`
 * and line breaks; CRLF or LF. It runs in one linear pass and stops with a clear message at the
 * limits, so a file of nothing but quotes or separators cannot exhaust memory or CPU.
 */
import { ApiError, validationFailed } from "../lib/errors";
import { IMPORT_LIMITS } from "./limits";

export type Delimiter = ";" | "," | "\t";

export interface CsvRecord {
  /** 1-based row number as a spreadsheet program shows it (the first line is row 1). */
  row: number;
  /** Lines of the text the record spans, 1-based, counted by line feeds (a quoted cell may hold several). */
  lines: [first: number, last: number];
  cells: string[];
}

export interface CsvParseResult {
  delimiter: Delimiter;
  records: CsvRecord[];
}

export interface CsvLimits {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

/** The separator used most often outside quotes in the first line that has any; `;` wins ties. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (seen) break;
    } else if (!quoted && (ch === ";" || ch === "," || ch === "\t")) {
      counts[ch]++;
      seen = true;
    } else if (ch.trim()) seen = true;
  }
  if (counts["\t"] > counts[";"] && counts["\t"] > counts[","]) return "\t";
  return counts[","] > counts[";"] ? "," : ";";
}

/**
 * Parses CSV text into its non-empty records, each with the row number a spreadsheet program
 * shows for it (empty lines count as rows but are not returned). Throws 413 above `maxRows`
 * non-empty records and 422 for cells longer than `maxCellChars` or quotes never closed.
 */
export function parseCsv(input: string, limits: CsvLimits = IMPORT_LIMITS): CsvParseResult {
  let text = input;
  let delimiter: Delimiter | undefined;
  const sepLine = /^sep=([;,\t])\r?\n/i.exec(text);
  if (sepLine) {
    // Excel's hint line; Excel does not show it as a row either.
    delimiter = sepLine[1] as Delimiter;
    text = text.slice(sepLine[0].length);
  }
  const delim = delimiter ?? detectDelimiter(text);
  const d = delim.charCodeAt(0);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let row = 1;
  let i = 0;
  const n = text.length;
  // Physical lines (line feeds) for the report: Excel's "sep=" line is line 1 when present.
  let line = sepLine ? 2 : 1;
  let firstLine = line;
  const countLines = (from: number, to: number) => {
    for (let k = text.indexOf("\n", from); k !== -1 && k < to; k = text.indexOf("\n", k + 1)) line++;
  };

  const tooLong = (quoted: boolean): never => {
    throw validationFailed(
      quoted
        ? `A quoted cell in row ${row} is longer than ${limits.maxCellChars} characters: a quote (") is probably never closed`
        : `A cell in row ${row} is longer than ${limits.maxCellChars} characters`,
      [{ path: `rows[${row}]`, message: `Cell longer than ${limits.maxCellChars} characters` }],
    );
  };
  const endRecord = () => {
    // Empty lines and lines of only separators (Excel writes ";;;;" for formatted empty rows) are skipped.
    if (cells.some((cell) => cell.trim() !== "")) {
      // The header is one of the records, hence + 1.
      if (records.length >= limits.maxRows + 1) {
        throw new ApiError(413, "payload_too_large", `The file has more than ${limits.maxRows} data rows, the import limit per file; split it into several files`);
      }
      records.push({ row, lines: [firstLine, line], cells });
    }
    cells = [];
    row++;
  };
  const pushCell = (value: string) => {
    if (cells.length >= limits.maxColumns) {
      throw validationFailed(`Row ${row} has more than ${limits.maxColumns} columns`, [{ path: `rows[${row}]`, message: `More than ${limits.maxColumns} columns` }]);
    }
    cells.push(value);
  };

  while (i < n) {
    if (cells.length === 0) firstLine = line;
    let c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Quoted cell: runs to the next lone quote; "" is a literal quote; line breaks are kept.
      let value = "";
      const start = i;
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          throw validationFailed(`A quote (") opened in row ${row} is never closed`, [{ path: `rows[${row}]`, message: "Quote never closed" }]);
        }
        if (q - from + value.length > limits.maxCellChars) tooLong(true);
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          i = q + 2;
          from = i;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      countLines(start, i);
      // Text between the closing quote and the separator is kept, as Excel does.
      const rest = i;
      while (i < n && (c = text.charCodeAt(i)) !== d && c !== 10 && c !== 13) i++;
      if (i > rest) value += text.slice(rest, i);
      if (value.length > limits.maxCellChars) tooLong(true);
      pushCell(value);
    } else {
      const start = i;
      while (i < n && (c = text.charCodeAt(i)) !== d && c !== 10 && c !== 13) i++;
      if (i - start > limits.maxCellChars) tooLong(false);
      pushCell(text.slice(start, i));
    }
    if (i >= n) break;
    c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) pushCell("");
      continue;
    }
    // Line break: CRLF, LF or a lone CR.
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
    endRecord();
    if (text.charCodeAt(i - 1) === 10) line++;
  }
  if (cells.length > 0) endRecord();
  return { delimiter: delim, records };
}
