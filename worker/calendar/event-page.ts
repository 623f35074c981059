/**
 * @module
 * The public page of one event, `/events/<id>` (docs/directory.md, "Event calendar"),
 * server-rendered so search engines read it: what, when, where, who organises (where that may be
 * named), the registration page while open, and the same facts as schema.org `Event` JSON-LD.
 * The JSON-LD sits in `<script type="application/ld+json">`: a data block the browser never runs,
 * so the policy without inline scripts stays as it is. Only what the calendar shows appears here.
 */
import { Hono } from "hono";
import { escapeHtml } from "../../dashboard/src/charts/model";
import { isLocale, translator, type Locale } from "../../dashboard/src/i18n";
import { createDb } from "../db/client";
import type { AppEnv } from "../lib/env";
import { ApiError } from "../lib/errors";
import { calendarEvents, type CalendarEvent } from "./upcoming";

const e = escapeHtml;
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** schema.org Event of a calendar event (all-day dates; a multi-day event ends on its last day). */
export function eventJsonLd(ev: CalendarEvent, origin: string, kindLabel: string): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: ev.title,
    description: kindLabel,
    startDate: ev.date,
    endDate: ev.endDate,
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: { "@type": "Place", name: ev.place ?? ev.regionName, address: { "@type": "PostalAddress", addressRegion: ev.regionName } },
    ...(ev.organiserName ? { organizer: { "@type": "Organization", name: ev.organiserName } } : {}),
    ...(ev.registrationPath ? { offers: { "@type": "Offer", url: `${origin}${ev.registrationPath}`, price: 0, priceCurrency: "EUR", availability: "https://schema.org/InStock" } } : {}),
    url: `${origin}/events/${ev.id}`,
  };
}

/** JSON inside a `<script>` block: `<` escaped so no text can close the block. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function renderEventPage(ev: CalendarEvent, origin: string, locale: Locale): string {
  const t = translator(locale);
  const kind = t(`f_${ev.kind}`);
  const dateFormat = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { dateStyle: "full", timeZone: "UTC" });
  const day = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
  const when = ev.endDate > ev.date ? `${day(ev.date)} – ${day(ev.endDate)}` : day(ev.date);
  const rows: Array<[string, string]> = [
    [t("evWhat"), kind],
    [t("evWhen"), when],
    [t("evWhere"), [ev.place, ev.regionName].filter(Boolean).join(", ")],
    ...(ev.organiserName ? ([[t("evOrganiser"), ev.organiserName]] as Array<[string, string]>) : []),
  ];
  const feed = `/api/v1/regions/${encodeURIComponent(ev.regionCode)}/calendar.ics`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(ev.title)} – Kooperationsatlas</title>
<meta name="description" content="${e(`${kind}, ${when}, ${ev.regionName}`)}">
<link rel="canonical" href="${e(`${origin}/events/${ev.id}`)}">
<link rel="alternate" type="text/calendar" href="${e(feed)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/css/app.css">
<script type="application/ld+json">${scriptJson(eventJsonLd(ev, origin, kind))}</script>
</head>
<body>
<main id="main" class="event-page" data-event-id="${ev.id}">
<p><a href="/">Kooperationsatlas</a> › <a href="/regions/${e(encodeURIComponent(ev.regionCode))}">${e(ev.regionName)}</a></p>
<h1>${e(ev.title)}</h1>
<dl class="event-facts">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join("")}</dl>
${ev.registrationPath ? `<p><a class="btn" href="${e(ev.registrationPath)}">${e(t("evRegister"))}</a></p>` : ""}
<p><a href="${e(feed)}">${e(t("evSubscribe"))}</a> · <a href="/directory">${e(t("evDirectory"))}</a></p>
</main>
</body>
</html>`;
}

export const eventPages = new Hono<AppEnv>();

eventPages.get("/:id{[1-9][0-9]{0,15}}", async (c) => {
  const asked = c.req.query("lang");
  const locale: Locale = isLocale(asked) ? asked : "de";
  const [ev] = await calendarEvents(createDb(c.env.DB), { eventId: Number(c.req.param("id")) });
  if (!ev) throw new ApiError(404, "not_found", "Event not found");
  return c.html(renderEventPage(ev, new URL(c.req.url).origin, locale), 200, { "Cache-Control": "no-cache" });
});
