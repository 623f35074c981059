/**
 * @module
 * Bytes of an uploaded text file → a string, the way German spreadsheet users produce them:
 * UTF-8 with or without BOM, Windows-1252 ("ANSI", Excel's default "CSV (Trennzeichen-getrennt)"),
 * or UTF-16 with BOM (Excel's "Unicode-Text"). Binary files are refused here, not parsed.
 */
import { ApiError } from "../lib/errors";

export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

/** 415: the upload is not a text (CSV) file nor an XLSX workbook. */
export const notATextFile = (why: string) =>
  new ApiError(415, "unsupported_media_type", `The file is neither a CSV text file nor an XLSX workbook: ${why}`);

/**
 * Decodes the bytes of a CSV file. UTF-8 is tried strictly first (a Windows-1252 "ü" is invalid
 * UTF-8, so the guess is safe); anything else is read as Windows-1252, which maps every byte.
 *
 * @example decodeText(new Uint8Array([0x4a, 0xfc])) // → { text: "Jü", encoding: "windows-1252", bom: false }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict("utf-8", bytes.subarray(3), "it starts with a UTF-8 mark but is not UTF-8"), encoding: "utf-8", bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: checked(new TextDecoder("utf-16le").decode(bytes.subarray(2))), encoding: "utf-16le", bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: checked(new TextDecoder("utf-16be").decode(bytes.subarray(2))), encoding: "utf-16be", bom: true };
  }
  if (bytes.includes(0)) throw notATextFile("it contains binary data (NUL bytes)");
  let text: string;
  let encoding: TextEncoding = "utf-8";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
    encoding = "windows-1252";
  }
  return { text: checked(text), encoding, bom: false };
}

function strict(label: string, bytes: Uint8Array, why: string): string {
  try {
    return checked(new TextDecoder(label, { fatal: true }).decode(bytes));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw notATextFile(why);
  }
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
