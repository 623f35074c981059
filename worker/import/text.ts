/**
 * @module
 * Bytes of an uploaded text file → a string, the way German spreadsheet users produce them:
 * UTF-8 with or without BOM, Windows-1252 ("ANSI", Excel's default "CSV (Trennzeichen-getrennt)"),
 * UTF-16 with BOM (Excel's "Unicode-Text"), or UTF-8 with some Windows-1252 lines pasted in. Binary files are refused here, not parsed.
 */
import { ApiError } from "../lib/errors";

/** `mixed`: UTF-8 with some lines in Windows-1252 (see {@link DecodedText.windows1252Lines}). */
export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be" | "mixed";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /**
   * Mixed files only: the lines (1-based, counted by line feeds) that are not UTF-8 and were read
   * as Windows-1252 — typically rows pasted in from an "ANSI" CSV into a UTF-8 one.
   */
  windows1252Lines?: number[];
}

/** 415: the upload is not a text (CSV) file nor an XLSX workbook. */
export const notATextFile = (why: string) =>
  new ApiError(415, "unsupported_media_type", `The file is neither a CSV text file nor an XLSX workbook: ${why}`);

/**
 * Decodes the bytes of a CSV file. UTF-8 is tried strictly first (a Windows-1252 "ü" is invalid
 * UTF-8, so the guess is safe); otherwise each line is read as UTF-8 if it is valid UTF-8 and as
 * Windows-1252 (which maps every byte) if not, and a file with both kinds is reported `mixed`.
 *
 * @example decodeText(new Uint8Array([0x4a, 0xfc])) // → { text: "Jü", encoding: "windows-1252", bom: false }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // The mark declares UTF-8, so lines that are not are the odd ones out.
    return { ...decodeUtf8(bytes.subarray(3), true), bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: checked(new TextDecoder("utf-16le").decode(bytes.subarray(2))), encoding: "utf-16le", bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: checked(new TextDecoder("utf-16be").decode(bytes.subarray(2))), encoding: "utf-16be", bom: true };
  }
  if (bytes.includes(0)) throw notATextFile("it contains binary data (NUL bytes)");
  return decodeUtf8(bytes, false);
}

/** Strict UTF-8, else line by line (see {@link decodeLines}). */
function decodeUtf8(bytes: Uint8Array, declared: boolean): DecodedText {
  try {
    return { text: checked(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), encoding: "utf-8", bom: false };
  } catch (err) {
    if (err instanceof ApiError) throw err;
  }
  return decodeLines(bytes, declared);
}

/**
 * Bytes that are not UTF-8 as a whole, line by line: a line that is valid UTF-8 is read as
 * UTF-8, any other as Windows-1252. When no line holds UTF-8 beyond ASCII the file is plain
 * Windows-1252; when some do (or a byte order mark declares UTF-8), it is `mixed` and the Windows-1252 lines are listed, so the report
 * can say which rows to check ("MÃ¼ller" would otherwise be stored without a word).
 */
function decodeLines(bytes: Uint8Array, declaredUtf8: boolean): DecodedText {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const cp1252 = new TextDecoder("windows-1252");
  const parts: string[] = [];
  const windows1252Lines: number[] = [];
  let utf8Beyond = declaredUtf8;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const lf = bytes.indexOf(0x0a, start);
    const end = lf === -1 ? bytes.length : lf + 1;
    const chunk = bytes.subarray(start, end);
    try {
      parts.push(utf8.decode(chunk));
      if (!utf8Beyond && chunk.some((b) => b >= 0x80)) utf8Beyond = true;
    } catch {
      parts.push(cp1252.decode(chunk));
      windows1252Lines.push(line);
    }
    start = end;
  }
  if (!utf8Beyond) return { text: checked(cp1252.decode(bytes)), encoding: "windows-1252", bom: false };
  return { text: checked(parts.join("")), encoding: "mixed", bom: false, windows1252Lines };
}

/**
 * Text files have few control characters; random bytes decoded as Windows-1252 have many.
 * More than 1 % (tab, CR, LF excepted) means it was never a CSV file.
 */
function checked(text: string): string {
  let control = 0;
  const sample = Math.min(text.length, 1_000_000);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) control++;
  }
  if (sample > 0 && control / sample > 0.01) throw notATextFile("it contains binary data, not text");
  return text;
}
