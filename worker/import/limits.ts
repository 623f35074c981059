/**
 * @module
 * Limits of the CSV/XLSX import. Above them a file is refused with a clear message (413) before
 * anything is stored; below them one file is always stored in one atomic D1 batch.
 */

export const IMPORT_LIMITS = {
  /** Largest accepted upload (raw body or multipart). */
  maxBytes: 10 * 1024 * 1024,
  /** Most data rows (non-empty, after the header) per file. */
  maxRows: 25_000,
  /** Most columns per row. */
  maxColumns: 100,
  /** Longest cell; longer cells are almost always a quote that is never closed. */
  maxCellChars: 10_000,
  /** XLSX: most uncompressed bytes of the XML parts we read (guards against ZIP bombs). */
  maxXlsxUncompressedBytes: 40 * 1024 * 1024,
  /** XLSX: most entries in the ZIP archive. */
  maxXlsxEntries: 500,
  /** Most error details in a 422 answer; the dry-run report always has every row. */
  maxErrorDetails: 500,
} as const;

export const MB = 1024 * 1024;
