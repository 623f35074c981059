/**
 * @module
 * Calendar handlers: public, like events themselves (worker/calendar/ decides what is shown).
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { translator } from "../../../dashboard/src/i18n";
import { toICalendar } from "../../calendar/ics";
import { calendarEvents } from "../../calendar/upcoming";
import { createDb } from "../../db/client";
import type { AppEnv } from "../../lib/env";
import { assertScope } from "../../db/lookups";
import type * as routes from "./calendar.routes";

export const calendar: RouteHandler<typeof routes.calendar, AppEnv> = async (c) => {
  const { code } = c.req.valid("param");
  const db = createDb(c.env.DB);
  await assertScope(db, code);
  const events = await calendarEvents(db, code);
  return c.json({ regionCode: code, events, feedPath: `/api/v1/regions/${encodeURIComponent(code)}/calendar.ics` }, 200);
};

export const feed: RouteHandler<typeof routes.feed, AppEnv> = async (c) => {
  const { code } = c.req.valid("param");
  const locale = c.req.valid("query").locale ?? "de";
  const db = createDb(c.env.DB);
  await assertScope(db, code);
  const region = await db.get<{ name: string } | undefined>(sql`SELECT name FROM regions WHERE code = ${code}`);
  const t = translator(locale === "nl" ? "en" : locale);
  const body = toICalendar(await calendarEvents(db, code), {
    origin: new URL(c.req.url).origin,
    name: `Kooperationsatlas – ${region?.name ?? code}`,
    kindLabel: (kind) => t(`f_${kind}`),
  });
  // Calendar programs poll the feed; an hour's staleness is fine, a day's is not.
  return c.body(body, 200, { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=3600", "Content-Disposition": `inline; filename="calendar-${code}.ics"` });
};
