/**
 * @module
 * Schemas shared by every resource: errors, ids, dates, list envelopes and their OpenAPI docs.
 */
import { z } from "@hono/zod-openapi";
import { DATE_RANGE, inDateRange, MAX_ID } from "./limits";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
    }),
  })
  .openapi("Error");

const errorText: Record<number, string> = {
  400: "Malformed request (e.g. invalid JSON)",
  401: "Missing or invalid bearer token",
  403: "The token's role or regions do not allow this",
  404: "Not found",
  409: "Conflict with a stored record (duplicate key, still referenced)",
  413: "Body too large",
  415: "Unsupported content type",
  422: "Validation failed or unknown reference",
};

/** OpenAPI responses for the given error statuses. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: errorText[s] ?? "Error", content: { "application/json": { schema: ErrorSchema } } }]),
  );
}

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A calendar date `YYYY-MM-DD` that exists and lies within {@link DATE_RANGE} (stored and queried dates alike). */
export const DateString = z
  .string()
  // The pattern stays a regex so the OpenAPI document shows it; abort keeps the message single.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Expected a date as YYYY-MM-DD", abort: true })
  .superRefine((s, ctx) => {
    const message = dateProblem(s);
    if (message) ctx.addIssue({ code: "custom", message });
  })
  .openapi({ example: "2024-05-17", format: "date", description: `A date between ${DATE_RANGE.min} and ${DATE_RANGE.max}` });

/** Why `s` is not an acceptable date (format, calendar, range), or null when it is one. */
export function dateProblem(s: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return "Expected a date as YYYY-MM-DD";
  const d = new Date(s + "T00:00:00Z");
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return "Not a calendar date";
  if (!inDateRange(s)) return `Dates must lie between ${DATE_RANGE.min} and ${DATE_RANGE.max}`;
  return null;
}

const ID_MESSAGE = `Expected an id: a whole number from 1 to ${MAX_ID}, decimal digits only`;

/**
 * A record id as text (path or query): decimal digits without sign, spaces, exponent, hex or
 * leading zero, at most {@link MAX_ID}; parsed to a number. `Number()` alone would read " 1",
 * "1e3" and "0x10".
 */
export const IdText = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, { message: ID_MESSAGE, abort: true })
  .refine((s) => Number(s) <= MAX_ID, ID_MESSAGE)
  .transform(Number)
  .openapi({ type: "integer", minimum: 1, maximum: MAX_ID, example: 42 });

export const IdParam = z.object({
  id: IdText.openapi({ param: { name: "id", in: "path" } }),
});

/**
 * Characters no stored text may contain: C0 controls other than tab, line feed and carriage
 * return, DEL, C1 controls, U+FFFE/U+FFFF and unpaired surrogates. They are invisible, break
 * XML exports (XML 1.0 forbids most of them) and are never typed on purpose.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Single-line text additionally refuses tab and line breaks. */
const LINE_BREAK_OR_CONTROL = /[\t\n\r\u2028\u2029]/;

/** Single-line text (names, titles, references): trimmed, at most `max` characters, no control characters or line breaks. */
export const Line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARACTER.test(s) && !LINE_BREAK_OR_CONTROL.test(s), "Must not contain control characters, tabs or line breaks");

/** Free text (notes): at most `max` characters; tabs and line breaks allowed, other control characters not. */
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARACTER.test(s), "Must not contain control characters (tabs and line breaks are allowed)");

/** A page size `limit` (1–500, `fallback` when absent). Digits only, like ids: `Number()` would read "1e2", " 7" and "0x10" as sizes. */
export const PageSize = (fallback: number) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, { message: "Expected a page size: a whole number from 1 to 500, decimal digits only", abort: true })
    .transform(Number)
    .refine((n) => n <= 500, "Page size must be at most 500")
    .optional()
    .transform((n) => n ?? fallback)
    .openapi({ type: "integer", minimum: 1, maximum: 500, default: fallback, description: "Page size (1–500)" });

export const ListQueryBase = {
  limit: PageSize(50),
  cursor: z.string().max(500).optional().openapi({ description: "Opaque cursor from the previous page's nextCursor" }),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: "Text search in names/titles" }),
};

export const RegionFilter = z
  .string()
  .max(32)
  .optional()
  .openapi({ description: "Region code; includes all sub-regions (e.g. 09 = Bavaria and its districts)" });

/** `{ data: T[], nextCursor }`. */
export function listEnvelope<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export const ContributionType = z.enum(["time", "goods", "know_how", "premises", "transport", "network", "money"]);
export const OrganisationKind = z.enum(["company", "nonprofit", "public", "intermediary"]);
export const EventKind = z.enum(["action_day", "marketplace", "round_table", "action_72h", "social_day", "other"]);
export const CooperationStatus = z.enum(["agreed", "done", "ongoing", "cancelled", "not_feasible"]);
export const RegionKind = z.enum(["state", "district", "custom"]);
export const SizeClass = z.enum(["micro", "small", "medium", "large"]);
