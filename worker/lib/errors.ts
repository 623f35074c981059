/**
 * @module
 * The one error shape of the API (README, API overview): thrown once as {@link ApiError}, shaped once in
 * `app.onError`. Database constraint failures that slip past validation are mapped to 409/422,
 * never to a 500.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCode =
  | "bad_request"
  | "malformed_json"
  | "validation_failed"
  | "unknown_reference"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "method_not_allowed"
  | "gone"
  | "unavailable"
  | "internal_error";

export interface ErrorDetail {
  path: string;
  message: string;
  /** Machine-readable reason (zod issue code such as too_small, invalid_type, unrecognized_keys). */
  code?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/** An error with the status and code the client should see. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details?.length ? { details: this.details } : {}) } };
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const validationFailed = (message: string, details: ErrorDetail[]) =>
  new ApiError(422, "validation_failed", message, details);
export const unknownReference = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(422, "unknown_reference", message, details);

/**
 * Rejects a write with per-field/per-row details: 403 when every problem is about the token's
 * regions, 422 unknown_reference when every problem is a missing record, else 422 validation_failed.
 */
export function rejectRows(details: ErrorDetail[], summary: string): never {
  const scopeOnly = details.every((d) => d.message.startsWith("This token") || d.message.includes("outside this token"));
  if (scopeOnly) throw new ApiError(403, "forbidden", `${summary}: outside this token's regions; nothing was written`, details);
  const unknownOnly = details.every((d) => d.message.startsWith("No "));
  throw unknownOnly
    ? new ApiError(422, "unknown_reference", `${summary}: unknown references; nothing was written`, details)
    : validationFailed(`${summary}; nothing was written`, details);
}

/** Turns a D1/SQLite constraint error into the matching client error, or undefined. */
export function fromDatabaseError(err: unknown): ApiError | undefined {
  const text = String((err as { message?: string })?.message ?? err);
  if (/UNIQUE constraint failed/i.test(text)) {
    return new ApiError(409, "conflict", "A record with the same unique key (e.g. source + externalRef) already exists");
  }
  if (/FOREIGN KEY constraint failed/i.test(text)) {
    return unknownReference("A referenced record does not exist");
  }
  if (/CHECK constraint failed/i.test(text)) {
    return validationFailed("A value is outside its allowed range", []);
  }
  if (/too many SQL variables|string or blob too big|SQLITE_TOOBIG/i.test(text)) {
    return new ApiError(413, "payload_too_large", "The request is too large to store in one go");
  }
  return undefined;
}
