import { add } from "../dom";
/**
 * @module
 * Chart.js configurations of the embeddable charts and the drawing/exports around them: the same
 * configuration draws the on-screen canvas, the print PNG (≥ 2400 px wide) and the SVG.
 * The map plugin (chartjs-chart-geo) is loaded only when a map is drawn.
 */
import {
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from "chart.js";
import { formatters, intlTag, translator, type Locale } from "../i18n";
import { CONTRIBUTION_COLOURS, FORMAT_COLOURS, OKABE_ITO, PARTIAL_HATCH, SEQUENTIAL, THEMES, type Theme } from "../palette";
import { countValue, type LoadedChart, type RankingRow } from "./data";
import { buildModel, chartNotes, mergeDistrictRows, rateUncertain, rateWithBase, trendUncertain, withUnit, type ChartModel } from "./model";
import { SvgContext } from "./svg-context";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, Title, SubTitle, Filler);

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
Chart.defaults.font.family = FONT_FAMILY;

/** Fills the background so exported images are not transparent. */
const background: Plugin = {
  id: "ka-background",
  beforeDraw(chart, _args, opts: { colour?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = opts.colour ?? "#fff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Everything a chart needs besides its data. */
export interface DrawOptions {
  locale: Locale;
  theme: Theme;
  /** Title and source drawn into the image (downloads). */
  forExport?: boolean;
  /** Map features (GeoJSON, with `id` = district code), required for the map. */
  features?: GeoFeatureLike[];
  /** State borders (and the national border) as one MultiLineString, drawn over the districts. */
  borders?: unknown;
}

export interface GeoFeatureLike {
  type: "Feature";
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

let geoRegistered: Promise<void> | null = null;
/** Registers chartjs-chart-geo once (lazy chunk). */
export function ensureGeo(): Promise<void> {
  geoRegistered ??= import("chartjs-chart-geo").then((geo) => {
    Chart.register(geo.ChoroplethController, geo.GeoFeature, geo.ColorScale, geo.ProjectionScale);
  });
  return geoRegistered;
}

/** District shapes of today's map (TopoJSON, simplified from BKG data) and state borders, loaded once. */
let districtsPromise: Promise<{ features: GeoFeatureLike[]; borders: unknown }> | null = null;
export function loadDistricts(base = ""): Promise<{ features: GeoFeatureLike[]; borders: unknown }> {
  districtsPromise ??= Promise.all([fetch(`${base}/geo/districts.topo.json`).then((r) => r.json()), import("topojson-client")]).then(([topo, tc]) => {
    const t = topo as Parameters<typeof tc.feature>[0];
    const districts = t.objects.districts!;
    const fc = tc.feature(t, districts) as unknown as { features: GeoFeatureLike[] };
    const state = (g: { id?: string | number }) => String(g.id).slice(0, 2);
    const borders = tc.mesh(t, districts as Parameters<typeof tc.mesh>[1], (a, b) => a === b || state(a) !== state(b));
    return { features: fc.features, borders };
  });
  return districtsPromise;
}

/**
 * Writes the value axis' tick labels to the canvas (`data-value-ticks`), so tools and tests can
 * read what the axis says without reading pixels.
 */
const axisLabels: Plugin = {
  id: "ka-axis-labels",
  afterUpdate(chart) {
    const horizontal = (chart.options as { indexAxis?: string }).indexAxis === "y";
    const scale = chart.scales[horizontal ? "x" : "y"];
    if (!scale || typeof HTMLCanvasElement === "undefined" || !(chart.canvas instanceof HTMLCanvasElement)) return;
    chart.canvas.dataset.valueTicks = JSON.stringify(scale.ticks.map((x) => (Array.isArray(x.label) ? x.label.join(" ") : String(x.label ?? ""))));
  },
};

/** Writes the shown tooltip's text to the canvas (`data-tooltip`), for tools and tests. */
const tooltipText: Plugin = {
  id: "ka-tooltip-text",
  afterTooltipDraw(chart, args) {
    if (typeof HTMLCanvasElement === "undefined" || !(chart.canvas instanceof HTMLCanvasElement)) return;
    const tt = args.tooltip;
    chart.canvas.dataset.tooltip = [...tt.title, ...tt.body.flatMap((b) => [...b.before, ...b.lines, ...b.after])].join("\n");
  },
};

/** Draws the state borders over the choropleth with the chart's own projection. */
const stateBorders: Plugin = {
  id: "ka-borders",
  afterDatasetsDraw(chart, _args, opts: { geometry?: unknown; colour?: string }) {
    const scale = chart.scales.projection as unknown as { geoPath?: { context: (c: unknown) => (g: unknown) => void } } | undefined;
    if (!opts.geometry || !scale?.geoPath) return;
    const ctx = chart.ctx;
    ctx.save();
    ctx.beginPath();
    scale.geoPath.context(ctx)(opts.geometry);
    ctx.strokeStyle = opts.colour ?? "#555";
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.restore();
    scale.geoPath.context(null);
  },
};

function baseOptions(model: ChartModel, o: DrawOptions) {
  const th = THEMES[o.theme];
  return {
    responsive: !o.forExport,
    maintainAspectRatio: false,
    animation: false as const,
    locale: intlTag(o.locale),
    color: th.text,
    layout: { padding: o.forExport ? 24 : 0 },
    plugins: {
      "ka-background": { colour: th.background },
      legend: { labels: { color: th.text, boxWidth: 14, usePointStyle: false } },
      title: { display: !!o.forExport, text: model.title, color: th.text, font: { size: 16, weight: "bold" as const }, align: "start" as const, padding: { bottom: 12 } },
      subtitle: {
        display: !!o.forExport,
        text: chartNotes(model, o.locale),
        position: "bottom" as const,
        color: th.muted,
        align: "start" as const,
        font: { size: 11 },
        padding: { top: 10 },
      },
      tooltip: { enabled: !o.forExport },
    },
  };
}

function axis(o: DrawOptions, extra: Record<string, unknown> = {}) {
  const th = THEMES[o.theme];
  return { ticks: { color: th.text }, grid: { color: th.grid }, border: { color: th.muted }, ...extra };
}

/** How a value axis labels its ticks. */
export type TickStyle = "count" | "decimal" | "percent" | "eur" | "compact" | "compactEur";

const PERCENT_METRICS = ["fulfilmentRate", "largestComponentShare", "isolatesShare"];
const COUNT_METRICS = ["cooperations", "done", "volunteers", "activeOrganisations", "newPairs", "peopleReached", "organisations", "hours"];

/** The tick style of a metric's value axis. */
export const metricTickStyle = (metric: string): TickStyle =>
  PERCENT_METRICS.includes(metric) ? "percent" : metric === "valueEur" ? "eur" : COUNT_METRICS.includes(metric) ? "count" : "decimal";

/** Fewest decimals (0–4) that tell every tick value apart (step 0.25 → 2). */
export function tickDecimals(values: number[], scale = 1): number {
  for (let d = 0; d < 4; d++) {
    const k = 10 ** d;
    if (values.every((v) => Math.abs(Math.round(v * scale * k) - v * scale * k) < 1e-6)) return d;
  }
  return 4;
}

/**
 * Tick options of a value axis: counts and amounts only on whole numbers (no "2, 2, 2, 1" for
 * small values), rates as percentages and decimals with as many digits as the step needs.
 */
export function valueTicks(o: DrawOptions, style: TickStyle, extra: Record<string, unknown> = {}) {
  const th = THEMES[o.theme];
  const f = formatters(o.locale);
  const whole = style === "count" || style === "eur" || style === "compactEur";
  const callback = (v: string | number, _i: number, ticks: { value: number }[]) => {
    const n = Number(v);
    const values = ticks.map((x) => x.value);
    switch (style) {
      case "count":
        return f.int(n);
      case "eur":
        return f.eur(n);
      case "percent":
        return f.withDecimals(n, tickDecimals(values, 100), "percent");
      case "compact":
        return Math.max(...values.map(Math.abs)) >= 10_000 ? f.compact(n) : f.withDecimals(n, tickDecimals(values));
      case "compactEur":
        return `${Math.max(...values.map(Math.abs)) >= 10_000 ? f.compact(n) : f.int(n)} €`;
      default:
        return f.withDecimals(n, tickDecimals(values));
    }
  };
  return { color: th.text, ...(whole ? { precision: 0 } : {}), callback, ...extra };
}

/**
 * Diagonal stripes in `colour` over the bars `hatched(dataset, index)` picks (partial periods,
 * rates from too few cases). Drawn with paths, so the SVG export has the same stripes.
 */
function hatch(id: string, hatched: (dataset: number, index: number) => boolean, colour: string): Plugin {
  return {
    id,
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      chart.data.datasets.forEach((_, di) => {
        const meta = chart.getDatasetMeta(di);
        if (meta.hidden) return;
        meta.data.forEach((el, i) => {
          if (!hatched(di, i)) return;
          const { x, y, base, width } = el.getProps(["x", "y", "base", "width"], true) as { x: number; y: number; base: number; width: number };
          const left = x - width / 2;
          const top = Math.min(y, base);
          const h = Math.abs(base - y);
          if (!(width > 0 && h > 0)) return;
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, top, width, h);
          ctx.clip();
          ctx.beginPath();
          const step = PARTIAL_HATCH.spacing * Math.SQRT2;
          for (let k = -h; k < width; k += step) {
            ctx.moveTo(left + k, top + h);
            ctx.lineTo(left + k + h, top);
          }
          ctx.strokeStyle = colour;
          ctx.lineWidth = PARTIAL_HATCH.width;
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };
}

/** Text above each bar (`labels[index]`), e.g. a rate with its base. */
function barLabels(labels: string[], colour: string): Plugin {
  return {
    id: "ka-bar-labels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.fillStyle = colour;
      ctx.font = `12px ${FONT_FAMILY}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "bottom";
      meta.data.forEach((el, i) => {
        if (!labels[i]) return;
        const { x, y, width } = el.getProps(["x", "y", "width"], true) as { x: number; y: number; width: number };
        // Narrow bars (phones): the base goes on a second line, "28,6 %" above "(n = 7)".
        const cut = labels[i].indexOf(" (");
        if (ctx.measureText(labels[i]).width > width + 8 && cut > 0) {
          ctx.fillText(labels[i].slice(0, cut), x, y - 18);
          ctx.fillText(labels[i].slice(cut + 1), x, y - 4);
        } else ctx.fillText(labels[i], x, y - 4);
      });
      ctx.restore();
    },
  };
}

/** "< 3" at the base of each withheld bar of a horizontal bar chart, so a gap reads as withheld, not as zero. */
function withheldLabels(withheld: boolean[], text: string, colour: string): Plugin {
  return {
    id: "ka-withheld-labels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const x0 = chart.scales.x.getPixelForValue(0);
      ctx.save();
      ctx.fillStyle = colour;
      ctx.font = `12px ${FONT_FAMILY}`;
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      chart.getDatasetMeta(0).data.forEach((el, i) => {
        if (withheld[i]) ctx.fillText(text, x0 + 4, (el.getProps(["y"], true) as { y: number }).y);
      });
      ctx.restore();
    },
  };
}

/**
 * The map's colour bar, drawn inside the plot area's top-left corner (below the title in
 * exports) with its tick labels right under it; chartjs-chart-geo's own legend is placed against
 * the canvas edge instead, above an exported title.
 */
function mapLegend(colours: string[], text: string, frame: string): Plugin {
  return {
    id: "ka-map-legend",
    afterDraw(chart) {
      const scale = chart.scales.color as unknown as { min: number; max: number; ticks: { value: number; label?: string | string[] }[] } | undefined;
      const area = chart.chartArea;
      if (!scale || !area) return;
      const length = Math.min(220, area.right - area.left);
      const height = 10;
      const x0 = area.left + 4;
      const y0 = area.top + 4;
      const ctx = chart.ctx;
      ctx.save();
      colours.forEach((c, i) => {
        ctx.fillStyle = c;
        ctx.fillRect(x0 + (i * length) / colours.length, y0, length / colours.length, height);
      });
      ctx.strokeStyle = frame;
      ctx.lineWidth = 1;
      ctx.strokeRect(x0, y0, length, height);
      ctx.fillStyle = text;
      ctx.font = `11px ${FONT_FAMILY}`;
      ctx.textBaseline = "top";
      const span = scale.max - scale.min || 1;
      scale.ticks.forEach((tk, i) => {
        const x = x0 + ((tk.value - scale.min) / span) * length;
        ctx.textAlign = i === 0 ? "left" : i === scale.ticks.length - 1 ? "right" : "center";
        ctx.beginPath();
        ctx.moveTo(x, y0 + height);
        ctx.lineTo(x, y0 + height + 3);
        ctx.stroke();
        ctx.fillText(Array.isArray(tk.label) ? tk.label.join(" ") : String(tk.label ?? ""), x, y0 + height + 4);
      });
      ctx.restore();
      if (typeof HTMLCanvasElement !== "undefined" && chart.canvas instanceof HTMLCanvasElement) {
        chart.canvas.dataset.legendBox = JSON.stringify({ x: x0, y: y0, width: length, height, ticksTop: y0 + height + 4, areaTop: area.top });
      }
    },
  };
}

/** Tooltip lines of a per-capita figure: "154,4 Kooperationen je 100 000 Einw.", the count and the population with units. */
function perCapitaTooltip(o: DrawOptions, metric: string, r: RankingRow): string[] {
  const t = translator(o.locale);
  const f = formatters(o.locale);
  const per = r.value === null ? "–" : metric === "valueEur" ? f.eur(r.value) : `${f.dec1(r.value)} ${t(`unit_${metric}`)}`;
  return [`${per} ${t("colPer100k")}`, `${withUnit(o.locale, metric, r.absolute)} · ${withUnit(o.locale, "population", r.population)}`];
}

/** The Chart.js configuration of a chart. */
export function chartConfig(loaded: LoadedChart, model: ChartModel, o: DrawOptions): ChartConfiguration {
  const t = translator(o.locale);
  const f = formatters(o.locale);
  const th = THEMES[o.theme];
  const d = loaded.data;
  const base = baseOptions(model, o);
  switch (d.kind) {
    case "trend": {
      // A partial period (not over yet, or cut by `to`): dashed segment towards it, hollow point.
      const partial = d.points.map((p) => p.partial === true);
      const small = d.points.length > 40;
      // A rate's base under its period ("n = 7"), like the conversion bars; a rate from too small a
      // base is drawn as a cross instead of a dot (uncertain, docs/charts.md).
      const based = d.points.some((p) => p.n !== undefined);
      const uncertain = trendUncertain(d.points);
      return {
        type: "line",
        data: {
          labels: d.points.map((p) => (based ? [f.period(p.period), `n = ${f.count(p.n ?? null)}`] : f.period(p.period))),
          datasets: [
            {
              label: t(`m_${d.metric}`),
              data: d.points.map((p) => countValue(p.value)),
              borderColor: th.line,
              backgroundColor: th.line,
              pointStyle: uncertain.map((x) => (x ? "crossRot" : "circle")),
              pointRadius: partial.map((x, i) => (uncertain[i] ? 6 : x ? 4.5 : small ? 0 : 3)),
              pointHoverRadius: 5,
              pointBackgroundColor: partial.map((x) => (x ? th.background : th.line)),
              pointBorderColor: th.line,
              pointBorderWidth: partial.map((x, i) => (x || uncertain[i] ? 2 : 1)),
              borderWidth: 2.5,
              spanGaps: false,
              // Points on the edges of the plot (the last, partial period; the maximum) stay whole.
              clip: false,
              segment: { borderDash: (c: { p1DataIndex: number }) => (partial[c.p1DataIndex] ? [6, 5] : undefined) },
            },
          ],
        },
        options: {
          ...base,
          plugins: {
            ...base.plugins,
            legend: { display: false },
            tooltip: {
              ...base.plugins.tooltip,
              callbacks: {
                label: (c: { dataIndex: number }) => {
                  const p = d.points[c.dataIndex];
                  const value = based && typeof p?.value === "number" ? rateWithBase(o.locale, p.value, p.n ?? null) : withUnit(o.locale, d.metric, p?.value);
                  return `${value}${uncertain[c.dataIndex] ? ` (${t("rateUncertainMark")})` : ""}${partial[c.dataIndex] ? ` (${t(`partial_${d.interval}`)})` : ""}`;
                },
              },
            },
          },
          scales: {
            x: axis(o),
            y: axis(o, { beginAtZero: !["eiIndex"].includes(d.metric), ticks: valueTicks(o, metricTickStyle(d.metric)) }),
          },
        },
        plugins: [background, axisLabels],
      } as ChartConfiguration;
    }
    case "formats":
      return {
        type: "bar",
        data: {
          labels: d.periods.map(f.period),
          datasets: d.series.map((s) => ({
            label: t(`f_${s.format}`),
            data: s.values.map((v) => countValue(v)),
            // Full colour: a partial period's columns are hatched (ka-hatch), not faded.
            backgroundColor: FORMAT_COLOURS[s.format],
            borderColor: th.background,
            borderWidth: 1,
          })),
        },
        options: {
          ...base,
          plugins: {
            ...base.plugins,
            legend: { ...base.plugins.legend, position: "bottom" },
            tooltip: {
              ...base.plugins.tooltip,
              callbacks: {
                label: (c: { datasetIndex: number; dataIndex: number; dataset: { label?: string } }) =>
                  `${c.dataset.label}: ${withUnit(o.locale, "cooperations", d.series[c.datasetIndex]?.values[c.dataIndex])}${d.partial?.[c.dataIndex] ? ` (${t(`partial_${d.interval ?? "year"}`)})` : ""}`,
              },
            },
          },
          scales: { x: axis(o, { stacked: true }), y: axis(o, { stacked: true, beginAtZero: true, ticks: valueTicks(o, "count") }) },
        },
        plugins: [background, axisLabels, hatch("ka-hatch", (_, i) => d.partial?.[i] === true, PARTIAL_HATCH.colour)],
      } as unknown as ChartConfiguration;
    case "ranking": {
      const rows = d.rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
      return {
        type: "bar",
        data: {
          labels: rows.map((r) => r.name),
          datasets: [{ label: `${t(`m_${d.metric}`)} ${t("colPer100k")}`, data: rows.map((r) => r.value), backgroundColor: OKABE_ITO.blue }],
        },
        options: {
          ...base,
          indexAxis: "y",
          plugins: {
            ...base.plugins,
            legend: { display: false },
            tooltip: { ...base.plugins.tooltip, callbacks: { label: (c: { dataIndex: number }) => perCapitaTooltip(o, d.metric, rows[c.dataIndex]) } },
          },
          scales: { x: axis(o, { beginAtZero: true, ticks: valueTicks(o, d.metric === "valueEur" ? "compactEur" : "compact") }), y: axis(o, { grid: { display: false } }) },
        },
        plugins: [background, axisLabels],
      } as ChartConfiguration;
    }
    case "map": {
      const rows = mergeDistrictRows(d.rows, loaded.window.to ?? new Date().toISOString().slice(0, 10));
      const byCode = new Map(rows.map((r) => [r.code, r]));
      const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
      const max = values.length ? Math.max(...values) : 1;
      const features = o.features ?? [];
      return {
        type: "choropleth",
        data: {
          labels: features.map((x) => String(x.properties.name ?? x.id)),
          datasets: [
            {
              label: model.title,
              outline: features,
              showOutline: false,
              borderColor: o.theme === "dark" ? "#555" : "#ffffff",
              borderWidth: 0.4,
              data: features.map((x) => ({ feature: x, value: byCode.get(String(x.id))?.value ?? null })),
            },
          ],
        },
        options: {
          ...base,
          plugins: {
            ...base.plugins,
            legend: { display: false },
            "ka-borders": { geometry: o.borders, colour: th.muted },
            tooltip: {
              ...base.plugins.tooltip,
              callbacks: {
                label: (c: { raw?: { feature?: GeoFeatureLike } }) => {
                  const code = String(c.raw?.feature?.id ?? "");
                  const row = byCode.get(code);
                  const name = String(c.raw?.feature?.properties.name ?? row?.name ?? code);
                  return row ? [name, ...perCapitaTooltip(o, d.metric, row)] : [name, t("mapNoData")];
                },
              },
            },
          },
          scales: {
            projection: { axis: "x", projection: "mercator" },
            color: {
              axis: "x",
              min: 0,
              max,
              quantize: SEQUENTIAL.length,
              interpolate: (v: number) => SEQUENTIAL[Math.min(SEQUENTIAL.length - 1, Math.floor(v * SEQUENTIAL.length))],
              missing: th.noData,
              // Not drawn here (its "top-left" is the canvas corner, above an exported title):
              // ka-map-legend draws the bar with these ticks inside the map area.
              display: false,
              legend: { position: "top-left", align: "bottom", length: 220, width: 38, indicatorWidth: 10, margin: 8 },
              ticks: { color: th.text, callback: (v: string | number) => f.compact(Number(v)) },
            },
          },
        },
        plugins: [background, stateBorders, mapLegend(SEQUENTIAL, th.text, th.muted)],
      } as unknown as ChartConfiguration;
    }
    case "conversion": {
      // Every rate with its base; rates from fewer than MIN_RATE_BASE pairs hatched (uncertain).
      const uncertain = d.rows.map((r) => r.rate !== null && rateUncertain(r.pairs));
      return {
        type: "bar",
        data: {
          labels: d.rows.map((r) => [t(`f_${r.format}`), `n = ${f.count(r.pairs)}`]),
          datasets: [{ label: t("rate"), data: d.rows.map((r) => r.rate), backgroundColor: d.rows.map((r) => FORMAT_COLOURS[r.format]), borderColor: th.background, borderWidth: 1 }],
        },
        options: {
          ...base,
          plugins: {
            ...base.plugins,
            legend: { display: false },
            tooltip: {
              ...base.plugins.tooltip,
              callbacks: {
                label: (c: { dataIndex: number }) => {
                  const r = d.rows[c.dataIndex];
                  return `${rateWithBase(o.locale, r.rate, r.pairs)} · ${withUnit(o.locale, "pairs", r.pairs)}${uncertain[c.dataIndex] ? ` (${t("rateUncertainMark")})` : ""}`;
                },
              },
            },
          },
          scales: { x: axis(o, { grid: { display: false } }), y: axis(o, { beginAtZero: true, grace: "18%", ticks: valueTicks(o, "percent") }) },
        },
        plugins: [
          background,
          axisLabels,
          hatch("ka-hatch", (_, i) => uncertain[i], PARTIAL_HATCH.colour),
          barLabels(d.rows.map((r) => (r.rate === null ? "" : rateWithBase(o.locale, r.rate, r.pairs))), th.text),
        ],
      } as ChartConfiguration;
    }
    case "contributions":
      return {
        type: "bar",
        data: {
          labels: d.rows.map((r) => t(`c_${r.type}`)),
          datasets: [{ label: t("colValue"), data: d.rows.map((r) => countValue(r.value)), backgroundColor: d.rows.map((r) => CONTRIBUTION_COLOURS[r.type] ?? OKABE_ITO.grey) }],
        },
        options: {
          ...base,
          indexAxis: "y",
          plugins: { ...base.plugins, legend: { display: false }, tooltip: { ...base.plugins.tooltip, callbacks: { label: (c: { dataIndex: number }) => withUnit(o.locale, "valueEur", d.rows[c.dataIndex]?.value) } } },
          scales: { x: axis(o, { beginAtZero: true, ticks: valueTicks(o, "compactEur") }), y: axis(o, { grid: { display: false } }) },
        },
        plugins: [background, axisLabels],
      } as ChartConfiguration;
    case "marketplace": {
      // Deals and what became of them in one colour family, the network's gains in another, the unmet needs apart.
      const colour: Record<string, string> = { deals: OKABE_ITO.blue, done: OKABE_ITO.bluishGreen, ongoing: OKABE_ITO.skyBlue, agreed: OKABE_ITO.grey, newTies: OKABE_ITO.orange, firstPartners: OKABE_ITO.reddishPurple, unmetNeeds: OKABE_ITO.vermillion };
      return {
        type: "bar",
        data: {
          labels: d.rows.map((r) => t(`mr_${r.figure}`)),
          datasets: [{ label: t("mrCount"), data: d.rows.map((r) => countValue(r.value)), backgroundColor: d.rows.map((r) => colour[r.figure]) }],
        },
        options: {
          ...base,
          indexAxis: "y",
          plugins: { ...base.plugins, legend: { display: false }, tooltip: { ...base.plugins.tooltip, callbacks: { label: (c: { dataIndex: number }) => f.count(d.rows[c.dataIndex]?.value ?? null) } } },
          // Every figure keeps its label, also on a small embed (a withheld one is an empty row).
          scales: { x: axis(o, { beginAtZero: true, ticks: valueTicks(o, "count") }), y: axis(o, { grid: { display: false }, ticks: { color: THEMES[o.theme].text, autoSkip: false } }) },
        },
        plugins: [background, axisLabels, withheldLabels(d.rows.map((r) => r.value === "<3"), f.count("<3"), th.muted)],
      } as ChartConfiguration;
    }
  }
}

/** Performance mark of the first chart drawn on a page (read by the benchmark). */
export function markFirstChart() {
  if (typeof performance !== "undefined" && performance.getEntriesByName("ka:first-chart").length === 0) performance.mark("ka:first-chart");
}

/** A chart drawn on screen, with what the downloads need. */
export interface DrawnChart {
  chart: Chart;
  model: ChartModel;
  /** Rebuilds the configuration for an export. */
  config: (forExport: boolean) => ChartConfiguration;
  aspect: number;
}

/** Draws a loaded chart into a canvas (its parent sizes it). */
export async function drawChart(canvas: HTMLCanvasElement, loaded: LoadedChart, o: DrawOptions): Promise<DrawnChart> {
  const model = buildModel(loaded, o.locale);
  if (loaded.data.kind === "map") {
    await ensureGeo();
    if (!o.features) {
      const geo = await loadDistricts();
      o = { ...o, features: geo.features, borders: geo.borders };
    }
  }
  const config = (forExport: boolean) => {
    const c = chartConfig(loaded, model, { ...o, forExport });
    if (!forExport) c.plugins = [...(c.plugins ?? []), tooltipText];
    return c;
  };
  const chart = new Chart(canvas, config(false));
  markFirstChart();
  const aspect = loaded.data.kind === "map" ? 1.25 : loaded.data.kind === "ranking" ? Math.max(0.6, 0.18 + loaded.data.rows.length * 0.045) : 0.56;
  return { chart, model, config, aspect };
}

/** Export width in CSS pixels; PNGs are drawn at 2× this (≥ 2400 px). */
export const EXPORT_WIDTH = 1200;
export const PNG_SCALE = 2;

function exportSize(drawn: DrawnChart) {
  return { width: EXPORT_WIDTH, height: Math.round(EXPORT_WIDTH * drawn.aspect) + 80 };
}

/** PNG at print resolution (2400 px wide) of the chart with title and source. */
export async function toPngBlob(drawn: DrawnChart): Promise<Blob> {
  const { width, height } = exportSize(drawn);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const cfg = drawn.config(true);
  cfg.options = { ...cfg.options, devicePixelRatio: PNG_SCALE, responsive: false };
  const chart = new Chart(canvas, cfg);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toPngBlob: no image"))), "image/png"));
  chart.destroy();
  return blob;
}

/** SVG (vector) of the chart with title and source, drawn by the same configuration. */
export function toSvgString(drawn: DrawnChart): string {
  const { width, height } = exportSize(drawn);
  const ctx = new SvgContext(width, height);
  const cfg = drawn.config(true);
  cfg.options = { ...cfg.options, devicePixelRatio: 1, responsive: false };
  (cfg as ChartConfiguration & { platform?: unknown }).platform = BasicPlatform;
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, cfg);
  const svg = ctx.toSvg(drawn.model.title, drawn.model.summary);
  chart.destroy();
  return svg;
}

/** Offers a blob as a file download. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  add(document.body, a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export { buildModel };
