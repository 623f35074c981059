/**
 * @module
 * Embeds: `/embed/<chart>?region=&from=&to=&metric=&interval=&theme=light|dark&locale=de|en` (an event's results: `/embed/marketplace?event=<id>`)
 * (also under the versioned path `/embed/v1/<chart>`). One chart per page, built from the public
 * API as an anonymous caller sees it — aggregates only, small counts suppressed (docs/privacy.md).
 * Framing is allowed here only, for the origins in EMBED_ALLOWED_ORIGINS (security-headers.ts).
 */
import { Hono, type Context } from "hono";
import { ApiFailure, createApiClient } from "../../dashboard/src/api-client";
import { CHART_KINDS, isChartKind, loadChart, paramsQuery, parseParams } from "../../dashboard/src/charts/data";
import { isLocale, translator, type Locale } from "../../dashboard/src/i18n";
import type { AppEnv } from "../lib/env";
import { matchesEtag, sha256Hex } from "../lib/http-cache";
import { EMBED_ALT_MAX } from "../lib/limits";
import { renderEmbedError, renderEmbedPage } from "./page";

/** The author's alternative text: control characters out, whitespace collapsed; null when too long. */
export function readAlt(raw: string | null): string | undefined | null {
  const alt = (raw ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
  if (!alt) return undefined;
  return [...alt].length > EMBED_ALT_MAX ? null : alt;
}

/** The embed pages, reading the public API through the app's own `publicApi` (no network round trip). */
export function createEmbedRouter() {
  const embedRouter = new Hono<AppEnv>();

  embedRouter.get("/", (c) => c.json({ charts: CHART_KINDS.map((k) => `/embed/${k}`), parameters: ["region", "event", "from", "to", "metric", "interval", "theme", "locale", "alt"], altMaxLength: EMBED_ALT_MAX }));

  const handler = async (c: Context<AppEnv>) => embedPage(c);
  embedRouter.get("/v1/:chart", handler);
  embedRouter.get("/:chart", handler);
  return embedRouter;
}

async function embedPage(c: Context<AppEnv>) {
  const kind = c.req.param("chart") ?? "";
  const url = new URL(c.req.url);
  const q = url.searchParams;
  const locale = isLocale(q.get("locale")) ? (q.get("locale") as Locale) : "de";
  const theme = q.get("theme") === "dark" ? "dark" : "light";
  const t = translator(locale);
  if (!isChartKind(kind)) return c.html(renderEmbedError(locale, `${t("notFound")} (${CHART_KINDS.join(", ")})`), 404);
  const params = parseParams(kind, q);
  const alt = readAlt(q.get("alt"));
  if (alt === null) return c.html(renderEmbedError(locale, t("embedAltTooLong", { max: String(EMBED_ALT_MAX) })), 400);
  // Anonymous on purpose (only the URL is passed on): an embed shows what the public may see, whoever loads it.
  const client = createApiClient(`${url.origin}/api/v1`, async (req) => c.get("publicApi")(req.url));
  try {
    const loaded = await loadChart(kind, params, client);
    const canonical = `${url.origin}/embed/${kind}${paramsQuery(kind, params, { theme: theme === "light" ? undefined : theme, locale: locale === "de" ? undefined : locale, alt })}`;
    const html = renderEmbedPage({ kind, loaded, locale, theme, canonical, alt });
    // Revalidated on every view, never served from a cache after a write changed the figures. The
    // validator leaves out the moment of computation (live figures carry "now"): same page, 304.
    const etag = `W/"e${(await sha256Hex(html.split(loaded.computedAt).join(""))).slice(0, 32)}"`;
    const headers = { "Cache-Control": "public, no-cache", ETag: etag };
    if (matchesEtag(c.req.header("If-None-Match"), etag)) return c.body(null, 304, headers);
    return c.html(html, 200, headers);
  } catch (e) {
    if (e instanceof ApiFailure) return c.html(renderEmbedError(locale, `${t("errorLoad")} ${e.message}`), e.status === 404 ? 404 : e.status === 422 ? 422 : 502);
    throw e;
  }
}
