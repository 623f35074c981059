/**
 * @module
 * Text into XML (GEXF, GraphML, the XML parts of XLSX): whatever is stored, the document stays
 * well-formed XML 1.0.
 */

/**
 * Characters XML 1.0 does not allow, even as character references: C0 controls other than tab,
 * line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates. Writes refuse them
 * (worker/lib/schemas.ts), but records stored earlier or written directly may still hold them.
 */
export const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/**
 * Escapes text for XML element content and attribute values (either quote) and drops the
 * characters XML 1.0 forbids. Tab and line breaks become character references, so attribute
 * values keep them instead of being normalised to spaces by the reader.
 */
export const xmlEscape = (s: string) => s.replace(INVALID_XML_CHARS, "").replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c]);
