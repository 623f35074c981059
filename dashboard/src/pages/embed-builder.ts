/**
 * @module
 * Embed builder: choose a chart and its parameters, see the live preview (the real embed in an
 * iframe) and copy the snippet — an iframe plus a few lines that resize it from the embed's
 * postMessage. The URL is stable: the same parameters always give the same address.
 */
import { client, ok } from "../api";
import { CHART_KINDS, INTERVALS, PER_CAPITA_METRICS, TREND_METRICS, paramsQuery, type ChartKind, type ChartParams } from "../charts/data";
import { h, add } from "../dom";
import { dateInput, field, readTyped, select } from "../forms";
import { LANGUAGE_NAMES, LOCALES } from "../i18n";
import type { PageContext } from "../main";
import { pageTitle } from "./common";
import { EMBED_ALT_MAX } from "../../../worker/lib/limits";

/** The HTML snippet for an embed URL. */
export function snippet(src: string, title: string, height = 480): string {
  const origin = new URL(src).origin;
  return `<iframe src="${src}" title="${title.replace(/"/g, "&quot;")}" data-kooperationsatlas style="width:100%;border:0" height="${height}" loading="lazy"></iframe>
<script>
window.addEventListener("message", function (e) {
  if (e.origin !== "${origin}" || !e.data || e.data.type !== "kooperationsatlas:resize") return;
  document.querySelectorAll("iframe[data-kooperationsatlas]").forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  });
});
</script>`;
}

export async function render(ctx: PageContext) {
  const { t, main } = ctx;
  pageTitle(ctx, t("embedTitle"));
  const overview = await ok(client.GET("/metrics")).catch(() => ({ regions: [] }));
  const chart = select("chart", CHART_KINDS.map((k): [string, string] => [k, t(`chart_${k}`)]));
  // Marketplaces (events are public happenings): the chart of one event's results.
  const markets = await ok(client.GET("/events", { params: { query: { kind: "marketplace", limit: 100, sort: "-date" } } })).catch(() => ({ data: [] as { id: number; title: string; date: string }[] }));
  const event = select("event", markets.data.map((e): [string, string] => [String(e.id), `${e.title} (${ctx.f.date(e.date)})`]));
  // Opened from an event's results page: that chart and event preselected.
  if (ctx.query.get("chart") && (CHART_KINDS as readonly string[]).includes(ctx.query.get("chart")!)) chart.value = ctx.query.get("chart")!;
  if (ctx.query.get("event") && markets.data.some((e) => String(e.id) === ctx.query.get("event"))) event.value = ctx.query.get("event")!;
  const region = select("region", [["DE", t("national")], ...overview.regions.map((r): [string, string] => [r.code, `${r.name} (${r.code})`])]);
  const trendMetric = select("metric", TREND_METRICS.map((m): [string, string] => [m, t(`m_${m}`)]));
  const perCapitaMetric = select("perCapitaMetric", PER_CAPITA_METRICS.map((m): [string, string] => [m, t(`m_${m}`)]));
  const interval = select("interval", INTERVALS.map((i): [string, string] => [i, t(`interval_${i}`)]));
  const theme = select("theme", [
    ["light", t("themeLight")],
    ["dark", t("themeDark")],
  ]);
  const locale = select(
    "locale",
    LOCALES.map((l): [string, string] => [l, LANGUAGE_NAMES[l]]),
  );
  locale.value = ctx.locale;
  const from = dateInput("from", ctx);
  const to = dateInput("to", ctx);
  // The author's own alternative text goes into the URL (`alt`), so the snippet carries it.
  const alt = h("textarea", { name: "alt", rows: 2, maxlength: EMBED_ALT_MAX });
  const code = h("textarea", { className: "snippet", readonly: true, id: "embed-snippet", rows: 10 });
  const urlOut = h("input", { type: "url", readonly: true, id: "embed-url", className: "snippet-url" });
  const copied = h("span", { role: "status", className: "hint" });
  const copy = h(
    "button",
    {
      type: "button",
      className: "btn primary",
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(code.value);
        } catch {
          code.select();
          document.execCommand("copy");
        }
        copied.textContent = t("copied");
      },
    },
    t("copy"),
  );
  const frame = h("iframe", { title: t("preview"), style: "width:100%;border:0;height:520px", id: "embed-preview" });
  const fields = {
    region: field(t("fRegion"), region),
    event: field(t("mrNav"), event),
    metric: field(t("trendMetric"), trendMetric),
    perCapita: field(t("mapMetric"), perCapitaMetric),
    interval: field(t("trendInterval"), interval),
    from: field(t("embedFrom"), from),
    to: field(t("embedTo"), to),
  };
  add(main, 
    h("h1", {}, t("embedTitle")),
    h("p", { className: "lead" }, t("embedIntro")),
    h(
      "div",
      { className: "grid-2" },
      h(
        "form",
        { className: "card", "data-form": "embed", onsubmit: (e: Event) => e.preventDefault() },
        field(t("embedChart"), chart),
        fields.region,
        fields.event,
        fields.metric,
        fields.perCapita,
        fields.interval,
        h("div", { className: "form-grid" }, fields.from, fields.to, field(t("embedTheme"), theme), field(t("embedLocale"), locale)),
        field(t("embedAlt"), alt, { hint: t("embedAltHint", { max: EMBED_ALT_MAX }) }),
        field(t("embedUrl"), urlOut),
        field(t("embedSnippet"), code),
        h("div", { className: "toolbar" }, copy, copied),
      ),
      h("section", { className: "card", "aria-label": t("preview") }, h("h2", {}, t("preview")), h("div", { className: "preview-frame" }, frame)),
    ),
  );
  window.addEventListener("message", (e) => {
    if (e.source === frame.contentWindow && e.data?.type === "kooperationsatlas:resize") frame.style.height = `${e.data.height}px`;
  });
  const update = () => {
    const kind = chart.value as ChartKind;
    const [fromRead, toRead] = [readTyped(from), readTyped(to)];
    fields.region.hidden = kind === "ranking" || kind === "map" || kind === "marketplace";
    fields.event.hidden = kind !== "marketplace";
    // An event's results have its date; no window to choose.
    fields.from.hidden = fields.to.hidden = kind === "marketplace";
    fields.metric.hidden = kind !== "trend";
    fields.perCapita.hidden = kind !== "ranking" && kind !== "map";
    fields.interval.hidden = kind !== "trend" && kind !== "formats";
    const p: ChartParams = {
      region: region.value,
      metric: kind === "trend" ? trendMetric.value : perCapitaMetric.value,
      interval: interval.value as ChartParams["interval"],
      event: event.value || undefined,
      from: "value" in fromRead ? (fromRead.value as string | null) ?? undefined : undefined,
      to: "value" in toRead ? (toRead.value as string | null) ?? undefined : undefined,
    };
    // A date that does not read keeps the last URL (its field says why) rather than dropping it.
    if ("error" in fromRead || "error" in toRead) return;
    const extra = { theme: theme.value === "light" ? undefined : theme.value, locale: locale.value === "de" ? undefined : locale.value, alt: alt.value.replace(/\s+/g, " ").trim() || undefined };
    const qs = paramsQuery(kind, p, extra);
    const withInterval = kind === "formats" && p.interval !== "year" ? `${qs}${qs ? "&" : "?"}interval=${p.interval}` : qs;
    const src = `${location.origin}/embed/${kind}${withInterval}`;
    urlOut.value = src;
    code.value = snippet(src, `Kooperationsatlas: ${t(`chart_${kind}`)}`);
    copied.textContent = "";
    if (frame.src !== src) frame.src = src;
  };
  for (const el of [chart, region, event, trendMetric, perCapitaMetric, interval, theme, locale, from, to, alt]) el.addEventListener("change", update);
  update();
}
