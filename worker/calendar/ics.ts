/**
 * @module
 * iCalendar (RFC 5545) text of a region's events: CRLF line ends, lines folded at 75 octets,
 * TEXT values escaped, one VEVENT per event with a stable UID, DTSTAMP (the event's last change)
 * and all-day dates (DTEND is the day after the last day, exclusive as the RFC says).
 */
import type { CalendarEvent } from "./upcoming";

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets (UTF-8), never inside a character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basicDate = (iso: string) => iso.replace(/-/g, "");
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** `2026-11-30T10:00:00.000Z` → `20261130T100000Z`. */
const utcStamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export interface CalendarOptions {
  /** Origin of the public pages (event page, registration) and the UID's domain. */
  origin: string;
  name: string;
  kindLabel: (kind: string) => string;
}

/** The VCALENDAR of `events`. */
export function toICalendar(events: readonly CalendarEvent[], o: CalendarOptions): string {
  const host = new URL(o.origin).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Kooperationsatlas//Event calendar//DE",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(o.name)}`,
  ];
  for (const e of events) {
    const description = [
      o.kindLabel(e.kind),
      e.organiserName ? `${e.organiserName}` : null,
      e.registrationPath ? `${o.origin}${e.registrationPath}` : null,
      e.projectRegistrationPath ? `${o.origin}${e.projectRegistrationPath}` : null,
    ].filter(Boolean).join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:event-${e.id}@${host}`,
      `DTSTAMP:${utcStamp(e.updatedAt)}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(e.endDate))}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `LOCATION:${escapeText([e.place, e.regionName].filter(Boolean).join(", "))}`,
      `CATEGORIES:${escapeText(o.kindLabel(e.kind))}`,
      `URL:${o.origin}/events/${e.id}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
