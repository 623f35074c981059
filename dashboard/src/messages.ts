/**
 * @module
 * Validation messages of the API in the reader's language. The API's error details carry a
 * `code` (zod's issue codes: too_small, too_big, invalid_type, invalid_format, invalid_value,
 * unrecognized_keys, custom …) next to an English `message`; the code picks the wording, the
 * field (last path segment) and the bound the message names make it specific. Details without a
 * code, or with a code this file does not know, keep the API's message.
 */
import type { ErrorDetail } from "./api";
import type { Formatters, Translate } from "./i18n";

const DATE_FIELDS = /^(date|dateAgreed|dateDone|from|to)$/;

/** `>=0`, `>1`, `<=200` in zod's message: the comparison and the bound. */
function bound(message: string): { op: string; n: number } | null {
  const m = /(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)/.exec(message);
  return m ? { op: m[1], n: Number(m[2]) } : null;
}

/** The message of one error detail, worded per code; falls back to the API's message. */
export function detailMessage(t: Translate, f: Formatters, d: ErrorDetail): string {
  const field = d.path.replace(/\[\d+\]/g, "").split(".").pop() ?? "";
  const msg = d.message ?? "";
  const b = bound(msg);
  const n = (x: number) => f.dec1(x);
  switch (d.code) {
    case "too_small": {
      if (/string/.test(msg) && b && b.n <= 1) return t("v_required");
      if (/array|items/.test(msg) && b) return t("v_too_small_items", { n: n(b.n) });
      if (b) return t(b.op === ">" ? "v_too_small_gt" : "v_too_small_min", { n: n(b.n) });
      return t("v_too_small");
    }
    case "too_big": {
      if (/string|characters/.test(msg) && b) return t("v_too_big_chars", { n: n(b.n) });
      if (/array|items/.test(msg) && b) return t("v_too_big_items", { n: n(b.n) });
      if (b) return t(b.op === "<" ? "v_too_big_lt" : "v_too_big_max", { n: n(b.n) });
      return t("v_too_big");
    }
    case "invalid_type": {
      const expected = /expected (\w+)/.exec(msg)?.[1];
      if (/received undefined/.test(msg)) return t("v_required");
      if (expected === "int") return t("v_invalid_type_int");
      if (expected === "number") return t("v_invalid_type_number");
      if (expected === "string") return t("v_invalid_type_string");
      if (expected === "boolean") return t("v_invalid_type_boolean");
      return t("v_invalid_type");
    }
    case "invalid_format":
      if (/mail/i.test(field) || /email/i.test(msg)) return t("v_invalid_format_email");
      if (DATE_FIELDS.test(field) || /date/i.test(msg)) return t("v_invalid_format_date");
      if (field === "postcode") return t("v_invalid_format_postcode");
      if (field === "field" || field === "industry") return t("v_invalid_format_key");
      return t("v_invalid_format");
    case "invalid_value":
    case "invalid_enum_value":
      return t("v_invalid_value");
    case "unrecognized_keys":
      return t("v_unrecognized_keys");
    case "not_multiple_of":
      return t("v_not_multiple_of");
    case "invalid_union":
      return t("v_invalid_union");
    case "custom":
      // Our own rules: two are common enough to word; others keep the API's sentence.
      if (field === "dateDone" && /before/i.test(msg)) return t("v_custom_date_order");
      if (DATE_FIELDS.test(field)) return t("v_custom_date");
      return msg;
    default:
      return msg;
  }
}

/** The details with their messages worded for the reader. */
export const localiseDetails = (t: Translate, f: Formatters, details: ErrorDetail[]): ErrorDetail[] => details.map((d) => ({ ...d, message: detailMessage(t, f, d) }));
