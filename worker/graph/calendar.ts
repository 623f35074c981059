/**
 * @module
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, the format the schema stores) for the
 * time-based network metrics: "12 months before the window end", "within 24 months after the
 * first cooperation". Months are calendar months; a day that does not exist in the target month
 * is clamped to its last day (31 March − 1 month = 28/29 February).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** A calendar date split into its parts (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Parses `YYYY-MM-DD` (a trailing time part such as `T10:00:00Z` is ignored).
 *
 * @throws if the string is not a valid calendar date.
 */
export function parseIsoDate(value: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) throw new Error(`parseIsoDate: "${value}" is not an ISO date (YYYY-MM-DD)`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`parseIsoDate: "${value}" is not a valid calendar date`);
  }
  return { year, month, day };
}

/** Formats a calendar date as `YYYY-MM-DD`. */
export function formatIsoDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * Normalises a date to `YYYY-MM-DD`, so that dates compare correctly as strings.
 *
 * @throws if the string is not a valid calendar date.
 */
export function normaliseIsoDate(value: string): string {
  return formatIsoDate(parseIsoDate(value));
}

/**
 * Adds (or, when negative, subtracts) calendar months.
 *
 * @example
 * addMonths("2024-03-31", -1); // "2024-02-29"
 * addMonths("2023-05-15", 24); // "2025-05-15"
 */
export function addMonths(value: string, months: number): string {
  if (!Number.isInteger(months)) throw new Error("addMonths: months must be an integer");
  const { year, month, day } = parseIsoDate(value);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
