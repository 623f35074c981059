/**
 * @module
 * Region page: KPIs with change against the previous period, trend lines, cooperations by format,
 * conversion by format, value by contribution type; with a token also the network (graphology
 * layout, drawn with chartjs-chart-graph), the top brokers, and the isolated/peripheral/fading
 * organisations with suggested partners and the reasons (CSV export).
 */
import { allRegions, ApiFailure, client, ok, type Region, type Schemas } from "../api";
import { isolatedSection } from "./isolated-list";
import { calendarSection } from "./region-calendar";
import { cohortYear, loadChart, TREND_METRICS, type Count } from "../charts/data";
import { renderFigure } from "../charts/figure";
import type { DrawnChart } from "../charts/render";
import { clear, h, table, uid, add } from "../dom";
import type { PageContext } from "../main";
import { change, diff, pageTitle, previousWindow, section, tiles } from "./common";
import { dateInput, field, readTyped } from "../forms";
import { intlTag } from "../i18n";
import { FIRST_YEAR, isRunning, monthSpan, periodQuery, readPeriod, windowQuery, type Period } from "../period";
import { summarySentences, type Comparison } from "../region-summary";
import { copyViewParams, readViewState, urlKeeper } from "../network-view/url";
import { PER_CAPITA_METRICS } from "../charts/data";

type RegionMetrics = Schemas["RegionMetrics"];
type ScopeNode = Schemas["NetworkNode"];

/** The picker was used: after the new period is drawn, focus returns to it. */
let focusPicker = false;

export async function render(ctx: PageContext) {
  const { t, f, main, locale } = ctx;
  const code = ctx.params.code;
  const today = new Date().toISOString().slice(0, 10);
  const period = readPeriod(ctx.query, today);
  const wq = windowQuery(period);
  const regions = await allRegions().catch(() => [] as Region[]);
  const state = stateOf(code, regions);
  const windowParams: { from?: string; to?: string; window?: string } = Object.fromEntries(new URLSearchParams(wq));
  const metricsOf = (c: string) => ok(client.GET("/regions/{code}/metrics", { params: { path: { code: c }, query: windowParams } }));
  // The same period for the region, its state and the country: one comparison, one table of figures.
  const [metrics, stateMetrics, national] = await Promise.all([
    metricsOf(code),
    state ? metricsOf(state.code).catch(() => null) : Promise.resolve(null),
    metricsOf("DE").catch(() => null),
  ]);
  const r = metrics.region;
  const periodText = t("windowLabel", { from: f.date(metrics.window.from), to: f.date(metrics.window.to) });
  pageTitle(ctx, r.name);
  add(
    main,
    h("p", { className: "crumbs" }, h("a", { href: "/" }, t("navOverview")), " › ", t(`rk_${r.kind}`)),
    h("h1", {}, t("regionTitle", { name: r.name })),
    h("p", { className: "window" }, `${t(`rk_${r.kind}`)} · ${r.code} · ${t("colPopulation")}: ${f.int(r.population)} · ${t("windowLabel", { from: f.date(metrics.window.from), to: f.date(metrics.window.to) })}`),
  );
  add(main, periodPicker(ctx, code, period, today));
  // The region's coming events and their calendar feed (public, docs/directory.md).
  const calendarCard = calendarSection(ctx, code);
  // The printable report of the chosen calendar year (else of the last complete one).
  const reportYear = period.kind === "year" ? period.year : Number(today.slice(0, 4)) - 1;
  // Reports cover the running year and the 10 before it (docs/reports.md).
  if (reportYear >= Number(today.slice(0, 4)) - 10) {
    add(main, h("p", { className: "report-link" }, h("a", { href: `/reports/${encodeURIComponent(code)}?year=${reportYear}${ctx.locale === "de" ? "" : `&locale=${ctx.locale}`}` }, t("reportLink", { year: reportYear }))));
  }

  // Per-capita figures beside the state's and the country's, with the summary in words on top.
  const country: Comparison = { name: t("countryName"), perHundredThousand: national?.perHundredThousand?.cooperations ?? null };
  const summaryBox = h("p", { className: "summary", "data-summary": "" });
  const perCard = section(t("perCapitaTitle"), uid("h"), periodNote(periodText), summaryBox);
  perCard.id = "per-capita";
  add(main, perCard);
  add(perCard, perCapitaTiles(ctx, metrics, stateMetrics, national), h("p", { className: "hint" }, t("perCapitaHint"), isRunning(period, today) ? ` ${t("periodRunning")}` : ""));
  const newPairs = await newPairsIn(code, period, metrics.window).catch(() => null);
  const sentences = summarySentences(
    t,
    f,
    {
      region: { name: shortName(r.name), perHundredThousand: metrics.perHundredThousand?.cooperations ?? null },
      state: stateMetrics ? { name: shortName(stateMetrics.region.name), perHundredThousand: stateMetrics.perHundredThousand?.cooperations ?? null } : null,
      country,
      newPairs,
      span:
        period.kind === "year"
          ? String(period.year) === today.slice(0, 4)
            ? { kind: "thisYear" }
            : { kind: "year", year: period.year }
          : { kind: "months", ...monthSpan(metrics.window) },
    },
    (ym) => new Intl.DateTimeFormat(intlTag(ctx.locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`)),
  );
  summaryBox.textContent = sentences.length ? sentences.join(" ") : t("summaryNone");
  // Below the figures, so they start above the fold on a phone.
  if (ctx.me.role === "anonymous") add(main, h("p", { className: "note" }, t("publicView"), " ", h("a", { href: `/signin?next=/regions/${encodeURIComponent(code)}` }, t("navSignIn"))));
  if (focusPicker) {
    focusPicker = false;
    main.querySelector<HTMLSelectElement>("select[name=period]")?.focus();
  }

  // KPIs with change against the previous period of the same length (a year: the year before).
  const kpiCard = section(t("kpiTitle"), uid("h"), periodNote(periodText));
  add(main, kpiCard);
  add(main, calendarCard);
  const kpiBox = h("div", {});
  add(kpiCard, kpiBox);
  const drawKpis = (prev: RegionMetrics | null) => {
    clear(kpiBox);
    const cov = (m: RegionMetrics | null) => (m && m.network.isolatesShare !== null ? 1 - m.network.isolatesShare : null);
    const c = (a: unknown, b: unknown) => (prev ? change(a, b) : undefined);
    add(kpiBox, 
      tiles(ctx, [
        { label: t("tileCooperations"), value: f.count(metrics.cooperations.total), change: c(metrics.cooperations.total, prev?.cooperations.total) },
        { label: t("tileActive"), value: f.count(metrics.activeOrganisations), change: c(metrics.activeOrganisations, prev?.activeOrganisations) },
        { label: t("tileHours"), value: f.int(metrics.inputs.hours), change: c(metrics.inputs.hours, prev?.inputs.hours) },
        { label: t("tileValue"), value: f.eur(metrics.inputs.valueEur), change: c(metrics.inputs.valueEur, prev?.inputs.valueEur) },
        { label: t("tilePeople"), value: f.int(metrics.inputs.peopleReached), change: c(metrics.inputs.peopleReached, prev?.inputs.peopleReached) },
        { label: t("tileFulfilment"), value: f.pct(metrics.cooperations.fulfilmentRate), change: prev ? diff(metrics.cooperations.fulfilmentRate, prev.cooperations.fulfilmentRate) : undefined, points: true },
        { label: t("tileCoverage"), value: f.pct(cov(metrics)), change: prev ? diff(cov(metrics), cov(prev)) : undefined, points: true, hint: t("tileCoverageHint") },
        { label: t("tileReach"), value: f.dec1(metrics.network.meanTwoStepReachNonprofits), change: c(metrics.network.meanTwoStepReachNonprofits, prev?.network.meanTwoStepReachNonprofits) },
      ]),
    );
  };
  drawKpis(null);
  const prev = period.kind === "year" ? { from: `${period.year - 1}-01-01`, to: `${period.year - 1}-12-31` } : previousWindow(metrics.window);
  void ok(client.GET("/regions/{code}/metrics", { params: { path: { code }, query: prev } }))
    .then(drawKpis)
    .catch(() => undefined);

  // Everything below shows the chosen period: the window the API resolved for the top figures.
  const w = metrics.window;
  const span = monthsIn(w);
  // Trends: a metric chosen by the reader, and cooperations by format — both within the period.
  const trendCard = section(t("trendsTitle"), uid("h"));
  add(main, trendCard);
  const metricId = uid("metric");
  const intervalId = uid("interval");
  const trendInterval = span <= 24 ? "month" : span <= 60 ? "quarter" : "year";
  const metricSelect = h("select", { id: metricId, name: "metric" }, TREND_METRICS.map((m) => h("option", { value: m }, t(`m_${m}`))));
  const intervalSelect = h(
    "select",
    { id: intervalId, name: "interval" },
    (["year", "quarter", "month"] as const).map((i) => h("option", { value: i, selected: i === trendInterval }, t(`interval_${i}`))),
  );
  add(trendCard, 
    h(
      "div",
      { className: "toolbar" },
      h("div", { className: "field" }, h("label", { for: metricId }, t("trendMetric")), metricSelect),
      h("div", { className: "field" }, h("label", { for: intervalId }, t("trendInterval")), intervalSelect),
    ),
  );
  const trendBox = h("div", {});
  const trendNote = periodNote();
  add(trendCard, trendNote, trendBox);
  let trendDrawn: DrawnChart | null = null;
  let trendSeq = 0;
  const drawTrend = async () => {
    const mine = ++trendSeq;
    const interval = intervalSelect.value as "year" | "quarter" | "month";
    const loaded = await loadChart("trend", { region: code, metric: metricSelect.value, interval, from: w.from, to: w.to }, client);
    if (mine !== trendSeq) return;
    trendDrawn?.chart.destroy();
    clear(trendBox);
    const points = loaded.data.kind === "trend" ? loaded.data.points : [];
    // Anonymous trends come in whole periods (docs/privacy.md): say the periods actually drawn.
    trendNote.textContent = points.length
      ? t("periodNoteTrend", { from: f.period(points[0].period), to: f.period(points[points.length - 1].period), interval: t(`interval_${interval}`) })
      : periodText;
    trendDrawn = await renderFigure(trendBox, loaded, { locale, height: 300 });
  };
  metricSelect.addEventListener("change", () => void drawTrend());
  intervalSelect.addEventListener("change", () => void drawTrend());

  const grid = h("div", { className: "grid-2" });
  add(main, grid);
  const formatsCard = h("section", { className: "card" });
  const conversionCard = h("section", { className: "card", id: "conversion" });
  add(grid, formatsCard, conversionCard);
  const contributionsCard = h("section", { className: "card" });
  add(main, contributionsCard);

  const year = cohortYear(w);
  const conversionNote =
    year === null ? t("periodNoteConversionUpTo", { date: f.date(w.to) }) : t("periodNoteConversionYear", { year, date: f.date(w.to) });
  const formatsInterval = span <= 24 ? "quarter" : "year";
  await Promise.all([
    drawTrend(),
    loadChart("formats", { region: code, interval: formatsInterval, from: w.from, to: w.to }, client).then(async (l) => {
      await renderFigure(formatsCard, l, { locale, height: 300, headingLevel: 2 });
      const periods = l.data.kind === "formats" ? l.data.periods : [];
      notePeriod(
        formatsCard,
        periods.length ? t("periodNoteTrend", { from: f.period(periods[0]), to: f.period(periods[periods.length - 1]), interval: t(`interval_${formatsInterval}`) }) : periodText,
      );
    }),
    loadChart("conversion", { region: code, from: w.from, to: w.to }, client).then(async (l) => {
      await renderFigure(conversionCard, l, { locale, height: 300, headingLevel: 2 });
      notePeriod(conversionCard, conversionNote);
    }),
    loadChart("contributions", { region: code, from: w.from, to: w.to }, client).then(async (l) => {
      await renderFigure(contributionsCard, l, { locale, height: 240, headingLevel: 2 });
      notePeriod(contributionsCard, periodText);
    }),
  ]);

  // The organisations by how they are tied in: public figures of the period (withheld ones "< 3").
  const statusCard = section(t("networkStatusTitle"), uid("h"), periodNote(periodText), h("p", { className: "hint" }, t("networkStatusHint")));
  statusCard.id = "network-status";
  add(main, statusCard);
  const sc = metrics.network.statusCounts;
  const statusTiles = tiles(
    ctx,
    (["isolated", "peripheral", "fading", "connected"] as const).map((st) => ({ label: t(`st_${st}`), value: f.count(sc[st]) })),
  );
  statusTiles.classList.add("status-counts");
  statusTiles.querySelectorAll(".tile").forEach((el, i) => el.setAttribute("data-status", ["isolated", "peripheral", "fading", "connected"][i]));
  add(statusCard, statusTiles);

  if (ctx.me.role === "anonymous") return;
  await Promise.all([networkSection(ctx, code, r.name, windowParams, periodText), isolatedSection(ctx, code, { window: { from: w.from, to: w.to }, periodText })]);
}

/** Whole months from a window's first to its last day (a calendar year: 12). */
function monthsIn(w: { from: string; to: string }): number {
  const m = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return m(w.to) - m(w.from) + 1;
}

/** The line that says which period a section shows (`data-period-note`, read by the browser tests). */
function periodNote(text = ""): HTMLElement {
  return h("p", { className: "hint period-note", "data-period-note": "" }, text);
}

/** Puts the period line under a figure's title. */
function notePeriod(card: HTMLElement, text: string) {
  const after = card.querySelector("figcaption") ?? card.querySelector("h2");
  after?.after(periodNote(text));
}

/** The state a region lies in (walking up its parents); null for a state itself or a region outside the tree. */
export function stateOf(code: string, regions: Region[]): Region | null {
  const byCode = new Map(regions.map((x) => [x.code, x]));
  let parent = byCode.get(code)?.parentCode ?? null;
  for (let guard = 0; parent && guard < 10; guard++) {
    const p = byCode.get(parent);
    if (!p) return null;
    if (p.kind === "state") return p;
    parent = p.parentCode;
  }
  return null;
}

/** "Essen, Stadt" → "Essen": the name as a sentence uses it. */
const shortName = (name: string) => name.replace(/,.*$/, "");

/** Per-capita tiles: the region's figure large, the state's and the country's for the same period beside it. */
function perCapitaTiles(ctx: PageContext, m: RegionMetrics, state: RegionMetrics | null, national: RegionMetrics | null): HTMLElement {
  const { t, f } = ctx;
  if (!m.perHundredThousand) return h("p", { className: "hint" }, t("perCapitaNone"));
  const fmt = (metric: string, v: number | null | undefined) => (v === null || v === undefined ? "–" : metric === "valueEur" ? f.eur(v) : f.dec1(v));
  return h(
    "ul",
    { className: "tiles per-capita" },
    PER_CAPITA_METRICS.map((metric) =>
      h(
        "li",
        { className: "tile", "data-metric": metric },
        h("span", { className: "tile-label" }, `${t(`m_${metric}`)} ${t("colPer100k")}`),
        h("span", { className: "tile-value" }, fmt(metric, m.perHundredThousand?.[metric])),
        h(
          "dl",
          { className: "compare" },
          state ? [h("dt", {}, shortName(state.region.name)), h("dd", { "data-compare": "state" }, fmt(metric, state.perHundredThousand?.[metric]))] : null,
          national ? [h("dt", {}, t("countryName")), h("dd", { "data-compare": "country" }, fmt(metric, national.perHundredThousand?.[metric]))] : null,
        ),
      ),
    ),
  );
}

/**
 * New partnerships (a pair's first deal) in the months of the period, as the trend gives them to
 * this viewer; null when any month is withheld ("<3" said in words would reveal it).
 */
async function newPairsIn(code: string, period: Period, w: { from: string; to: string }): Promise<number | null> {
  const query =
    period.kind === "year"
      ? ({ metric: "newPairs", interval: "year", from: `${period.year}-01-01`, to: `${period.year}-12-31` } as const)
      : ({ metric: "newPairs", interval: "month", from: `${w.from.slice(0, 7)}-01`, to: w.to } as const);
  const trend = await ok(client.GET("/regions/{code}/trend", { params: { path: { code }, query } }));
  let sum = 0;
  for (const p of trend.points) {
    if (typeof p.value !== "number") return null;
    sum += p.value;
  }
  return sum;
}

/** Period picker: last 24/12 months, a calendar year, or from–to (German dates accepted); kept in the URL. */
function periodPicker(ctx: PageContext, code: string, period: Period, today: string): HTMLElement {
  const { t } = ctx;
  const go = (p: Period) => {
    // A new period keeps the network view's search, filters and focus.
    const q = copyViewParams(new URLSearchParams(location.search), new URLSearchParams(periodQuery(p))).toString();
    focusPicker = true;
    ctx.navigate(`/regions/${encodeURIComponent(code)}${q ? `?${q}` : ""}`);
  };
  const kind = period.kind === "rolling" ? `${period.months}m` : period.kind;
  const kindSelect = h("select", { name: "period" }, ["24m", "12m", "year", "custom"].map((k) => h("option", { value: k, selected: k === kind }, t(`period_${k}`))));
  const thisYear = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push(y);
  const yearSelect = h("select", { name: "year" }, years.map((y) => h("option", { value: String(y), selected: period.kind === "year" ? y === period.year : y === thisYear - 1 }, String(y))));
  const from = dateInput("from", ctx, period.kind === "custom" ? period.from : "");
  const to = dateInput("to", ctx, period.kind === "custom" ? period.to : "");
  const yearField = field(t("periodYear"), yearSelect);
  const customFields = h("div", { className: "period-custom" }, field(t("periodFrom"), from), field(t("periodTo"), to), h("button", { type: "submit", className: "btn" }, t("periodShow")));
  const sync = () => {
    yearField.hidden = kindSelect.value !== "year";
    customFields.hidden = kindSelect.value !== "custom";
  };
  sync();
  kindSelect.addEventListener("change", () => {
    sync();
    const k = kindSelect.value;
    if (k === "24m" || k === "12m") go({ kind: "rolling", months: k === "12m" ? 12 : 24 });
    else if (k === "year") go({ kind: "year", year: Number(yearSelect.value) });
    else from.focus();
  });
  yearSelect.addEventListener("change", () => go({ kind: "year", year: Number(yearSelect.value) }));
  const form = h(
    "form",
    {
      className: "period-picker toolbar",
      "aria-label": t("periodLabel"),
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const a = readTyped(from);
        const b = readTyped(to);
        const err = (el: HTMLInputElement, text: string) => {
          const box = el.parentElement?.querySelector(".field-error");
          if (box) box.textContent = text;
          el.setAttribute("aria-invalid", "true");
          el.focus();
        };
        if ("error" in a) return err(from, a.error.message);
        if ("error" in b) return err(to, b.error.message);
        if (!a.value) return err(from, t("required"));
        if (!b.value) return err(to, t("required"));
        if (String(a.value) > String(b.value)) return err(from, t("periodFromAfterTo"));
        go({ kind: "custom", from: String(a.value), to: String(b.value) });
      },
    },
    field(t("periodLabel"), kindSelect),
    yearField,
    customFields,
  );
  return form;
}

async function networkSection(ctx: PageContext, code: string, regionName: string, window: { from?: string; to?: string; window?: string }, periodText: string) {
  const { t, f, main, locale } = ctx;
  const card = section(t("networkTitle"), uid("h"), periodNote(periodText), h("p", { className: "hint" }, t("networkIntro")));
  card.id = "network";
  add(main, card);
  const brokersCard = section(t("brokersTitle"), uid("h"), periodNote(periodText), h("p", { className: "hint" }, t("brokersIntro")));
  brokersCard.id = "brokers";
  add(main, brokersCard);
  let net: Schemas["Network"];
  try {
    net = await ok(client.GET("/regions/{code}/network", { params: { path: { code }, query: window } }));
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      card.remove();
      brokersCard.remove();
      return;
    }
    throw e;
  }
  // Partners outside the region (no metrics of their own) are drawn too; the region's isolates are not.
  const withLayout = net.nodes.filter((n) => n.x !== null && n.y !== null && !(n.inScope && n.degree === 0));
  const isolates = net.nodes.filter((n) => n.inScope && n.degree === 0).length;
  if (withLayout.length === 0) {
    add(card, h("p", {}, t("networkTooLarge")));
  } else {
    const summary = `${t("summaryNetwork", { nodes: f.int(withLayout.length), edges: f.int(net.edges.length) })} ${isolates ? `${f.int(isolates)} ${t("st_isolated")}.` : ""}`;
    const { createNetworkView } = await import("../network-view/view");
    createNetworkView(card, net.nodes, net.edges, {
      locale,
      title: `${t("chartNetwork")} – ${regionName}`,
      summary,
      source: `${t("source", { date: f.date(net.computedAt) })} · ${summary}`,
      fileName: `kooperationsatlas-${code}-network`,
      organisationHref: (n) => `/organisations/${n.id}`,
      announce: ctx.announce,
      // Search, filters, size and focus live in the URL: a view can be shared and survives a reload.
      initial: readViewState(ctx.query),
      onState: urlKeeper(),
    });
  }
  const brokers = net.nodes
    .filter((n): n is ScopeNode => n.inScope && n.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness)
    .slice(0, 10);
  const columns = [t("colName"), t("colPartners"), t("colReach"), t("colBetweenness")];
  const brokersTable = table(
    t("brokersTitle"),
    columns,
    // The kind under the name; on a phone each row stacks (its name across, the figures under it).
    brokers.map((b) => [
      h("span", {}, h("a", { href: `/organisations/${b.id}` }, b.name), h("span", { className: "cell-sub" }, t(`k_${b.kind}`))),
      f.int(b.degree),
      f.int(b.twoStepReach),
      f.dec3(b.betweenness),
    ]),
    [false, true, true, true],
    { captionHidden: true },
  );
  // The column names the stacked rows show above each figure.
  brokersTable.querySelectorAll("tbody tr").forEach((tr) => tr.querySelectorAll("td").forEach((td, i) => td.setAttribute("data-label", columns[i + 1])));
  add(brokersCard, h("div", { className: "table-scroll stacked" }, brokersTable));
}
