/**
 * @module
 * Overview: national headline tiles (with change against the previous period), cooperations by
 * format over the years, the district map, and the ranking of regions (absolute and per 100 000
 * inhabitants, sortable).
 */
import { client, ok, type Schemas } from "../api";
import { loadChart, PER_CAPITA_METRICS, type Count, type LoadedChart, type PerCapitaMetric, type RankingRow } from "../charts/data";
import { renderFigure } from "../charts/figure";
import { formatMetric } from "../charts/model";
import { clear, h, uid, add } from "../dom";
import type { PageContext } from "../main";
import { change, diff, pageTitle, previousWindow, section, tiles } from "./common";

type Summary = Schemas["RegionMetrics"];
/** A ranking row; the table reads its columns by key. */
type Row = Schemas["RegionRankingRow"] & Record<string, unknown>;

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  pageTitle(ctx, t("navOverview"));
  add(main, h("h1", {}, t("overviewTitle")), h("p", { className: "lead" }, t("overviewIntro")));
  if (ctx.me.role === "anonymous") add(main, h("p", { className: "note" }, t("publicView")));

  const overview = await ok(client.GET("/metrics"));
  const n = overview.national;
  add(main, h("p", { className: "window" }, t("windowLabel", { from: f.date(n.window.from), to: f.date(n.window.to) })));
  const tileBox = h("div", { className: "tiles-box" });
  add(main, tileBox);
  const drawTiles = (prev: Summary | null) => {
    clear(tileBox);
    // Per 100 000 inhabitants in the first screen, not only in the map and ranking further down.
    const per = (m: PerCapitaMetric) => {
      const v = n.perHundredThousand?.[m];
      return typeof v === "number" ? `${m === "valueEur" ? f.eur(v) : f.dec1(v)} ${t("colPer100k")}` : undefined;
    };
    const coverage = (s: Summary | null) => (s && s.network.isolatesShare !== null ? 1 - s.network.isolatesShare : null);
    add(tileBox, 
      tiles(ctx, [
        { label: t("tileOrganisations"), value: f.count(n.organisations.total) },
        { label: t("tileCooperations"), value: f.count(n.cooperations.total), change: prev ? change(n.cooperations.total, prev.cooperations.total) : undefined, hint: per("cooperations") },
        { label: t("tileHours"), value: f.int(n.inputs.hours), change: prev ? change(n.inputs.hours, prev.inputs.hours) : undefined, hint: per("hours") },
        { label: t("tileValue"), value: f.eur(n.inputs.valueEur), change: prev ? change(n.inputs.valueEur, prev.inputs.valueEur) : undefined, hint: per("valueEur") },
        { label: t("tilePeople"), value: f.int(n.inputs.peopleReached), change: prev ? change(n.inputs.peopleReached, prev.inputs.peopleReached) : undefined, hint: per("peopleReached") },
        { label: t("tileCoverage"), value: f.pct(coverage(n)), change: prev ? diff(coverage(n), coverage(prev)) : undefined, points: true, hint: t("tileCoverageHint") },
      ]),
    );
  };
  drawTiles(null);
  const prevWindow = previousWindow(n.window);
  void ok(client.GET("/regions/{code}/metrics", { params: { path: { code: "DE" }, query: prevWindow } }))
    .then(drawTiles)
    .catch(() => undefined);

  // District map and ranking.
  const grid = h("div", { className: "grid-2" });
  add(main, grid);
  const mapCard = h("section", { className: "card map-card", "aria-label": t("mapTitle") });
  add(grid, mapCard);
  const metricSelectId = uid("metric");
  const select = h(
    "select",
    { id: metricSelectId },
    PER_CAPITA_METRICS.map((m) => h("option", { value: m }, `${t(`m_${m}`)} ${t("colPer100k")}`)),
  );
  add(mapCard, h("div", { className: "field inline" }, h("label", { for: metricSelectId }, t("mapMetric")), select));
  const mapBox = h("div", {});
  add(mapCard, mapBox);
  const mapData = (metric: PerCapitaMetric): LoadedChart => ({
    data: {
      kind: "map",
      metric,
      rows: overview.regions
        .filter((r) => r.kind === "district")
        .map((r) => {
          const absolute = (r[metric] as Count | null) ?? null;
          return { code: r.code, name: r.name, kind: r.kind, population: r.population, absolute, value: r.perHundredThousand?.[metric] ?? null };
        }),
    },
    computedAt: n.computedAt,
    window: n.window,
  });
  let mapDrawn: Awaited<ReturnType<typeof renderFigure>> | null = null;
  const drawMap = async () => {
    mapDrawn?.chart.destroy();
    clear(mapBox);
    mapDrawn = await renderFigure(mapBox, mapData(select.value as PerCapitaMetric), { locale: ctx.locale, height: 520, headingLevel: 2 });
  };
  select.addEventListener("change", () => void drawMap());

  const rankChartCard = h("section", { className: "card" });
  add(grid, rankChartCard);
  const rankingData: LoadedChart = {
    data: { kind: "ranking", metric: "cooperations", rows: mapData("cooperations").data.kind === "map" ? rankingRows(overview.regions) : [] },
    computedAt: n.computedAt,
    window: n.window,
  };
  // Trends by format (national, yearly).
  const trendCard = h("section", { className: "card" });
  add(main, trendCard);
  const formats = await loadChart("formats", { region: "DE", interval: "year" }, client);
  await renderFigure(trendCard, formats, { locale: ctx.locale, height: 320, headingLevel: 2 });

  const rankCard = section(t("rankingTitle"), uid("h"), h("p", { className: "hint" }, t("rankingIntro")));
  add(main, rankCard);
  add(rankCard, rankingTable(ctx, overview.regions));
  await Promise.all([drawMap(), renderFigure(rankChartCard, rankingData, { locale: ctx.locale, height: 560, headingLevel: 2 })]);
}

/** Ranking rows of districts and custom regions (states are not compared with districts). */
function rankingRows(regions: Row[]): RankingRow[] {
  return regions
    .filter((r) => r.kind !== "state")
    .map((r) => {
      const absolute = (r.cooperations as Count | null) ?? null;
      return { code: r.code, name: r.name, kind: r.kind, population: r.population, absolute, value: r.perHundredThousand?.cooperations ?? null };
    });
}

const RANK_COLUMNS: { key: string; metric: string; per?: boolean }[] = [
  { key: "cooperations", metric: "cooperations" },
  { key: "per.cooperations", metric: "cooperations", per: true },
  { key: "hours", metric: "hours" },
  { key: "per.hours", metric: "hours", per: true },
  { key: "valueEur", metric: "valueEur" },
  { key: "per.valueEur", metric: "valueEur", per: true },
  { key: "peopleReached", metric: "peopleReached" },
  { key: "per.peopleReached", metric: "peopleReached", per: true },
];

/** The ranking of regions as a sortable table (header buttons; aria-sort). */
function rankingTable(ctx: PageContext, regions: Row[]): HTMLElement {
  const { t, f } = ctx;
  let sortKey = "per.cooperations";
  let desc = true;
  const value = (r: Row, key: string): number | string | null => {
    if (key === "name") return r.name;
    if (key === "population") return r.population;
    if (key.startsWith("per.")) return r.perHundredThousand?.[key.slice(4) as PerCapitaMetric] ?? null;
    const v = r[key];
    return typeof v === "number" ? v : v === "<3" ? 1 : null;
  };
  const wrap = h("div", { className: "table-scroll", tabindex: 0, role: "region", "aria-label": t("rankingTitle") });
  const draw = () => {
    clear(wrap);
    const rows = regions.slice().sort((a, b) => {
      const x = value(a, sortKey);
      const y = value(b, sortKey);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (desc ? -1 : 1);
    });
    const header = (key: string, label: string, numeric = true) =>
      h(
        "th",
        { scope: "col", className: numeric ? "num" : "", "aria-sort": sortKey === key ? (desc ? "descending" : "ascending") : null },
        h(
          "button",
          {
            type: "button",
            className: "sort",
            onclick: () => {
              if (sortKey === key) desc = !desc;
              else (sortKey = key), (desc = key !== "name");
              draw();
              wrap.querySelector<HTMLButtonElement>(`th[aria-sort] button`)?.focus();
            },
          },
          label,
          h("span", { "aria-hidden": "true", className: "sort-mark" }, sortKey === key ? (desc ? " ▼" : " ▲") : " ↕"),
        ),
      );
    add(wrap, 
      h(
        "table",
        { className: "data ranking" },
        h("caption", { className: "visually-hidden" }, t("rankingTitle")),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            header("name", t("colRegion"), false),
            header("population", t("colPopulation")),
            RANK_COLUMNS.map((c) => header(c.key, c.per ? `${t(`m_${c.metric}`)} ${t("colPer100k")}` : t(`m_${c.metric}`))),
          ),
        ),
        h(
          "tbody",
          {},
          rows.map((r) =>
            h(
              "tr",
              { className: `kind-${r.kind}` },
              h("th", { scope: "row" }, h("a", { href: `/regions/${encodeURIComponent(r.code)}` }, r.name), h("span", { className: "sub" }, ` ${t(`rk_${r.kind}`)} · ${r.code}`)),
              h("td", { className: "num" }, f.int(r.population)),
              RANK_COLUMNS.map((c) => {
                const v = value(r, c.key);
                const raw = c.per ? v : r[c.metric];
                return h("td", { className: "num" }, c.per ? (v === null ? "–" : c.metric === "valueEur" ? f.eur(v as number) : f.dec1(v as number)) : formatMetric(ctx.locale, c.metric, raw as Count));
              }),
            ),
          ),
        ),
      ),
    );
  };
  draw();
  return wrap;
}
