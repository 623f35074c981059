/**
 * @module
 * Report pages: `/reports/<code>?year=<YYYY>&locale=de|en|nl` (the latest report of a region and year)
 * and `/reports/<code>/<YYYY>/r<id>?locale=` (a stored report, always the same figures).
 * Public: the figures come from the public API as an anonymous caller gets them (figures.ts).
 */
import { Hono, type Context } from "hono";
import { isLocale, type Locale } from "../../dashboard/src/i18n";
import { createDb } from "../db/client";
import type { AppEnv } from "../lib/env";
import { ApiError, validationFailed } from "../lib/errors";
import { assertScope } from "../db/lookups";
import { loadDistrictShapes, locatorSelection, locatorSvg } from "./locator";
import { renderReportError, renderReportPage } from "./page";
import { latestReport, pinnedReport, type ServedReport } from "./store";
import { reportText } from "./text";

export const reportPages = new Hono<AppEnv>();

function localeOf(c: Context<AppEnv>): Locale {
  const asked = c.req.query("locale");
  if (asked === undefined) return "de";
  if (!isLocale(asked)) throw validationFailed("Invalid query parameters", [{ path: "locale", message: "Expected de, en or nl" }]);
  return asked;
}

function yearOf(text: string | undefined): number {
  if (!text || !/^\d{4}$/.test(text)) throw validationFailed("Invalid query parameters", [{ path: "year", message: "Expected a year as YYYY" }]);
  return Number(text);
}

async function render(c: Context<AppEnv>, load: (locale: Locale) => Promise<{ served: ServedReport; isLatest: boolean }>) {
  let locale: Locale = "de";
  try {
    locale = localeOf(c);
    const { served, isLatest } = await load(locale);
    const region = served.report.figures.region;
    const shapes = locatorSelection(region.code, region.kind) ? await loadDistrictShapes(c.env.ASSETS) : null;
    const svg = shapes ? locatorSvg(shapes, region.code, region.kind, "cap-locator") : null;
    const locator = svg ? { svg } : { missing: locatorSelection(region.code, region.kind) && !shapes ? ("unavailable" as const) : ("none" as const) };
    const html = renderReportPage({ served, locale, origin: new URL(c.req.url).origin, locator, isLatest });
    // A permanent report's figures never change, its note on newer data may: cached briefly.
    return c.html(html, 200, { "Cache-Control": isLatest ? "no-cache" : "public, max-age=300" });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const message = err.status === 404 ? `${reportText(locale)("notFound")} (${err.message})` : [err.message, ...(err.details ?? []).map((d) => `${d.path}: ${d.message}`)].join(" – ");
    return c.html(renderReportError(locale, message), err.status, err.headers);
  }
}

reportPages.get("/:code", (c) =>
  render(c, async () => {
    const code = c.req.param("code");
    const year = yearOf(c.req.query("year"));
    const db = createDb(c.env.DB);
    await assertScope(db, code);
    return { served: await latestReport(db, c.get("publicApi"), code, year), isLatest: true };
  }),
);

reportPages.get("/:code/:year/:revision", (c) =>
  render(c, async () => {
    const code = c.req.param("code");
    const year = yearOf(c.req.param("year"));
    const rev = /^r(\d{1,15})$/.exec(c.req.param("revision"));
    if (!rev) throw validationFailed("Invalid path", [{ path: "revision", message: "Expected a report id like r12" }]);
    const db = createDb(c.env.DB);
    await assertScope(db, code);
    return { served: await pinnedReport(db, code, year, Number(rev[1])), isLatest: false };
  }),
);
