/**
 * @module
 * What a chart says in words and numbers, independent of drawing: title, caption, an aria summary,
 * the data as a table (formatted) and as CSV (raw values). Pure; the embed pages render the table
 * on the server with it, the browser uses it for the table, the summary and the CSV download.
 */
import { currentDistrictCode } from "../../../schema/regions/district-merges";
import { formatters, translator, type Locale } from "../i18n";
import { toCsv, CSV_MEDIA_TYPE } from "../../../worker/export/csv";
import type { ExportCell } from "../../../worker/export/cells";
import { countValue, type ChartData, type Count, type LoadedChart, type RankingRow } from "./data";

/** The label of the period containing `today` (`2026`, `2026-Q4`, `2026-11`). */
export function currentPeriod(interval: string, today = new Date().toISOString().slice(0, 10)): string {
  if (interval === "month") return today.slice(0, 7);
  if (interval === "quarter") return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  return today.slice(0, 4);
}

/** The notes under a chart: source, attribution, partial period, suppression. */
export function chartNotes(model: ChartModel, locale: Locale): string {
  const t = translator(locale);
  return [model.rows.length ? null : t("noData"), model.source, model.attribution, model.partialNote, model.uncertainNote, model.suppressed ? t("suppressedNote") : null].filter(Boolean).join(" · ");
}

export interface ChartModel {
  title: string;
  summary: string;
  /** Table header and rows, formatted for the locale. */
  columns: string[];
  rows: string[][];
  /**
   * CSV header and rows with raw values (numbers unformatted, suppressed counts as "<3"): German
   * headers and labels for `de`, the API's keys for `en`. {@link chartCsv} writes the dialect.
   */
  csvColumns: string[];
  csvRows: ExportCell[][];
  /** True when some count is suppressed ("< 3"). */
  suppressed: boolean;
  /** Short text under the chart: source and date. */
  source: string;
  /** Extra attribution (map boundaries). */
  attribution?: string;
  /** Rates drawn from too few cases: what the hatching means. */
  uncertainNote?: string;
  /** Which period is not over yet (or cut by `to`) and how the chart marks it. */
  partialNote?: string;
  /** File name stem for downloads. */
  fileName: string;
}

const isPercentMetric = (m: string) => ["fulfilmentRate", "largestComponentShare", "isolatesShare"].includes(m);

/**
 * Fewest pairs behind a conversion rate that is drawn as certain: a rate from fewer pairs (e.g.
 * 2 of 7 = 29 %) moves by 10 points or more with a single pair, so it is hatched and noted as
 * uncertain (docs/charts.md).
 */
export const MIN_RATE_BASE = 20;

/** True when a rate's base (pairs) is below {@link MIN_RATE_BASE} or withheld. */
export const rateUncertain = (pairs: Count) => typeof pairs !== "number" || pairs < MIN_RATE_BASE;

/** The points of a trend of rates that are drawn uncertain: a rate from too small (or a withheld) base. */
export const trendUncertain = (points: { value: Count | null; n?: Count | null }[]) =>
  points.map((p) => p.n !== undefined && typeof p.value === "number" && rateUncertain(p.n ?? "<3"));

/** A rate with its base: "28,6 % (n = 7)". */
export function rateWithBase(locale: Locale, rate: number | null, pairs: Count | null): string {
  const f = formatters(locale);
  return translator(locale)("rateWithBase", { rate: f.pct(rate), n: f.count(pairs) });
}

/** Metrics that count things, with the unit word a tooltip puts after the number. */
const COUNT_UNITS = ["cooperations", "done", "volunteers", "hours", "peopleReached", "activeOrganisations", "newPairs", "organisations", "population", "pairs"];

/** A value with its unit, for tooltips: "154.389 Einwohner", "12 Kooperationen", "5.285 €", "28 %". */
export function withUnit(locale: Locale, metric: string, v: Count | number | null | undefined): string {
  const text = metric === "population" || metric === "pairs" ? formatters(locale).count(v ?? null) : formatMetric(locale, metric, v);
  return COUNT_UNITS.includes(metric) && v !== null && v !== undefined ? `${text} ${translator(locale)(`unit_${metric}`)}` : text;
}

/** A value of `metric` formatted for the locale. */
export function formatMetric(locale: Locale, metric: string, v: Count | number | null | undefined): string {
  const f = formatters(locale);
  if (v === null || v === undefined) return "–";
  if (typeof v === "string") return f.count(v);
  if (isPercentMetric(metric)) return f.pct(v);
  if (metric === "valueEur") return f.eur(v);
  if (["density", "degreeCentralisation", "modularity", "eiIndex"].includes(metric)) return f.dec3(v);
  if (metric === "meanTwoStepReachNonprofits") return f.dec1(v);
  return f.int(v);
}

/**
 * Ranking rows keyed by the district code of today's map: rows of merged districts (e.g. 16056 →
 * 16063) are added to their successor (counts, values and population summed; per-capita recomputed).
 */
export function mergeDistrictRows(rows: RankingRow[], asOf: string): RankingRow[] {
  const out = new Map<string, RankingRow>();
  for (const r of rows) {
    const code = r.kind === "district" ? currentDistrictCode(r.code, asOf) : r.code;
    const prev = out.get(code);
    if (!prev) {
      out.set(code, { ...r, code });
      continue;
    }
    const abs = (a: Count | null, b: Count | null): Count | null => (typeof a === "number" && typeof b === "number" ? a + b : a === null ? b : b === null ? a : "<3");
    const population = (prev.population ?? 0) + (r.population ?? 0) || null;
    const absolute = abs(prev.absolute, r.absolute);
    const total = (prev.value !== null && prev.population ? (prev.value * prev.population) / 1e5 : 0) + (r.value !== null && r.population ? (r.value * r.population) / 1e5 : 0);
    // A part without a per-capita figure (no population, or suppressed by the API) leaves the sum unknown.
    const unknown = (x: RankingRow) => x.value === null && x.absolute !== null && x.absolute !== 0;
    out.set(code, {
      ...prev,
      name: prev.code === code ? prev.name : r.name,
      population,
      absolute,
      value: population && !unknown(prev) && !unknown(r) ? (total * 1e5) / population : null,
    });
  }
  return [...out.values()];
}

/**
 * How partial periods are named: "laufendes Jahr" for the period containing today, "nur bis
 * <date> erfasst" for one cut by the window's end. Null when no period is partial.
 */
function partialInfo(periods: string[], interval: string, to: string | null, locale: Locale) {
  if (!periods.length) return null;
  const t = translator(locale);
  const f = formatters(locale);
  const now = currentPeriod(interval);
  const set = new Set(periods);
  const what = (p: string) => (p === now ? t(`partial_${interval}`) : to ? t("partialCut", { date: f.date(to) }) : t(`partial_${interval}`));
  return {
    /** Table label of a period, marked when partial. */
    label: (p: string) => (set.has(p) ? `${f.period(p)} ${p === now ? t("partialMark") : t("partialCutMark")}` : f.period(p)),
    /** The note, e.g. "2026: laufendes Jahr, Werte noch unvollständig (gestrichelt, hohler Punkt)." */
    note: (template: string) => periods.map((p) => template.split("{period}").join(f.period(p)).split("{what}").join(what(p))).join(" "),
  };
}

export function buildModel(loaded: LoadedChart, locale: Locale): ChartModel {
  const t = translator(locale);
  const f = formatters(locale);
  const d: ChartData = loaded.data;
  const source = t("source", { date: f.date(loaded.computedAt) });
  const metricName = (m: string) => t(`m_${m}`);
  // CSV headers and labels: German words for German Excel, the API's keys otherwise.
  const de = locale === "de";
  const key = (k: string, label: string) => (de ? label : k);
  const isSuppressed = (v: unknown) => v === "<3";
  switch (d.kind) {
    case "trend": {
      const values = d.points.map((p) => (typeof p.value === "number" ? p.value : null));
      const nums = values.filter((v): v is number => v !== null);
      const max = nums.length ? Math.max(...nums) : null;
      const maxAt = max === null ? "" : f.period(d.points[values.indexOf(max)].period);
      const first = d.points[0];
      const last = d.points[d.points.length - 1];
      const partial = partialInfo(d.points.filter((p) => p.partial).map((p) => p.period), d.interval, loaded.window.to, locale);
      // Rates and shares come with their base (n): shown beside each value, small bases uncertain.
      const based = d.points.some((p) => p.n !== undefined);
      const uncertain = trendUncertain(d.points);
      const uncertainNote = uncertain.some(Boolean) ? t("rateUncertainNoteLine", { min: MIN_RATE_BASE }) : undefined;
      const valueText = (p: (typeof d.points)[number], i: number) =>
        based && typeof p.value === "number" ? `${rateWithBase(locale, p.value, p.n ?? null)}${uncertain[i] ? ` – ${t("rateUncertainMark")}` : ""}` : formatMetric(locale, d.metric, p.value);
      return {
        title: `${t("chartTrend", { metric: metricName(d.metric), interval: t(`interval_${d.interval}`) })} – ${d.regionName}`,
        summary: first
          ? t("summaryTrend", {
              metric: metricName(d.metric),
              first: f.period(first.period),
              last: f.period(last.period),
              a: formatMetric(locale, d.metric, first.value),
              b: formatMetric(locale, d.metric, last.value),
              max: formatMetric(locale, d.metric, max),
              maxAt,
            }) + (partial ? ` ${partial.note(t("partialNote"))}` : "") + (uncertainNote ? ` ${uncertainNote}` : "")
          : "",
        columns: [t("period"), metricName(d.metric)],
        rows: d.points.map((p, i) => [partial?.label(p.period) ?? f.period(p.period), valueText(p, i)]),
        csvColumns: [
          key("period", t("period")),
          key(d.metric, metricName(d.metric)),
          ...(based ? [key("n", t("csvBase")), key("uncertain", t("csvUncertain"))] : []),
          key("partial", t("csvPartial")),
        ],
        csvRows: d.points.map((p, i) => [p.period, p.value, ...(based ? [p.n ?? null, typeof p.value === "number" ? uncertain[i] : null] : []), p.partial === true]),
        suppressed: d.points.some((p) => isSuppressed(p.value) || isSuppressed(p.n)),
        partialNote: partial?.note(t("partialNote")),
        uncertainNote,
        source,
        fileName: `kooperationsatlas-${d.region}-${d.metric}-${d.interval}`,
      };
    }
    case "formats": {
      const total = d.series.reduce((s, x) => s + x.values.reduce<number>((a, v) => a + (countValue(v as Count) ?? 0), 0), 0);
      const partial = partialInfo(d.periods.filter((_, i) => d.partial?.[i]), d.interval ?? "year", loaded.window.to, locale);
      return {
        title: `${t("chartTrendFormats")} – ${d.regionName}`,
        summary: t("summaryStacked", { n: d.periods.length, k: d.series.length, total: f.int(total) }) + (partial ? ` ${partial.note(t("partialNoteBars"))}` : ""),
        columns: [t("period"), ...d.series.map((s) => t(`f_${s.format}`))],
        rows: d.periods.map((p, i) => [partial?.label(p) ?? f.period(p), ...d.series.map((s) => f.count(s.values[i]))]),
        csvColumns: [key("period", t("period")), ...d.series.map((s) => key(s.format, t(`f_${s.format}`))), key("partial", t("csvPartial"))],
        csvRows: d.periods.map((p, i) => [p, ...d.series.map((s) => s.values[i]), d.partial?.[i] === true]),
        suppressed: d.series.some((s) => s.values.some(isSuppressed)),
        partialNote: partial?.note(t("partialNoteBars")),
        source,
        fileName: `kooperationsatlas-${d.region}-formats`,
      };
    }
    case "ranking":
    case "map": {
      const rows = (d.kind === "map" ? mergeDistrictRows(d.rows, loaded.window.to ?? new Date().toISOString().slice(0, 10)) : d.rows)
        .slice()
        .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
      const top = rows.find((r) => r.value !== null);
      const per = (v: number | null) => (v === null ? "–" : d.metric === "valueEur" ? f.eur(v) : f.dec1(v));
      return {
        title: t(d.kind === "map" ? "chartMap" : "chartRanking", { metric: metricName(d.metric) }),
        summary: top
          ? t(d.kind === "map" ? "summaryMap" : "summaryBars", { n: rows.filter((r) => r.value !== null).length, top: top.name, topValue: per(top.value) })
          : "",
        columns: [t("colRegion"), "AGS", t("colPopulation"), metricName(d.metric), `${metricName(d.metric)} ${t("colPer100k")}`],
        rows: rows.map((r) => [r.name, r.code, f.int(r.population), formatMetric(locale, d.metric, r.absolute), per(r.value)]),
        csvColumns: [
          key("region_code", "AGS"),
          key("region_name", t("colRegion")),
          key("population", t("colPopulation")),
          key(d.metric, metricName(d.metric)),
          key(`${d.metric}_per_100k`, `${metricName(d.metric)} ${t("colPer100k")}`),
        ],
        csvRows: rows.map((r) => [r.code, r.name, r.population, r.absolute, r.value === null ? null : Math.round(r.value * 100) / 100]),
        suppressed: rows.some((r) => isSuppressed(r.absolute)),
        source,
        attribution: d.kind === "map" ? `${t("mapNoData")} · ${t("mapAttribution")}` : undefined,
        fileName: `kooperationsatlas-${d.kind}-${d.metric}-per-100k`,
      };
    }
    case "conversion": {
      // The best format among rates with enough pairs behind them (a small base is not "best").
      const best = d.rows.filter((r) => r.rate !== null && !rateUncertain(r.pairs)).sort((a, b) => b.rate! - a.rate!)[0];
      const uncertain = d.rows.some((r) => r.rate !== null && rateUncertain(r.pairs));
      // A recent year of first contacts: its pairs are still within their 24 months.
      const allPending = d.cohort !== undefined && d.rows.every((r) => r.pairs === 0) && d.rows.some((r) => r.pending !== undefined && r.pending !== 0);
      return {
        title: `${t("chartConversion")}${d.cohort ? `, ${t("conversionCohort", { year: d.cohort })}` : ""} – ${d.regionName}`,
        summary: `${t("chartConversionSummary")} ${best ? t("summaryBars", { n: d.rows.length, top: t(`f_${best.format}`), topValue: rateWithBase(locale, best.rate, best.pairs) }) : ""}${uncertain ? ` ${t("rateUncertainNote", { min: MIN_RATE_BASE })}` : ""}`,
        columns: [t("format"), t("pairs"), t("converted"), t("rate")],
        rows: d.rows.map((r) => [
          t(`f_${r.format}`),
          f.count(r.pairs),
          f.count(r.converted),
          r.rate === null ? f.pct(null) : `${rateWithBase(locale, r.rate, r.pairs)}${rateUncertain(r.pairs) ? ` – ${t("rateUncertainMark")}` : ""}`,
        ]),
        csvColumns: [key("format", t("format")), key("pairs", t("pairs")), key("converted", t("converted")), key("rate", t("rate")), key("uncertain", t("csvUncertain"))],
        csvRows: d.rows.map((r) => [key(r.format, t(`f_${r.format}`)), r.pairs, r.converted, r.rate === null ? null : Math.round(r.rate * 10000) / 10000, r.rate === null ? null : rateUncertain(r.pairs)]),
        suppressed: d.rows.some((r) => isSuppressed(r.pairs) || isSuppressed(r.converted)),
        uncertainNote: uncertain ? t("rateUncertainNote", { min: MIN_RATE_BASE }) : undefined,
        partialNote: allPending ? t("conversionAllPending", { year: d.cohort! }) : undefined,
        source,
        fileName: `kooperationsatlas-${d.region}-conversion${d.cohort ? `-${d.cohort}` : ""}`,
      };
    }
    case "contributions": {
      // A share of a total with withheld parts would give them back: no shares then.
      const withheld = d.rows.some((r) => isSuppressed(r.value));
      const total = withheld ? null : d.rows.reduce((s, r) => s + (countValue(r.value) ?? 0), 0);
      const top = d.rows.find((r) => typeof r.value === "number");
      return {
        title: `${t("chartContributions")} – ${d.regionName}`,
        summary: top ? t("summaryBars", { n: d.rows.length, top: t(`c_${top.type}`), topValue: f.eur(top.value) }) : "",
        columns: [t("colKind"), t("colValue"), t("share")],
        rows: d.rows.map((r) => [t(`c_${r.type}`), f.eur(r.value), f.pct(total && typeof r.value === "number" ? r.value / total : null)]),
        csvColumns: [key("contribution_type", t("colKind")), key("value_eur", `${t("colValue")} (€)`)],
        csvRows: d.rows.map((r) => [key(r.type, t(`c_${r.type}`)), typeof r.value === "number" ? Math.round(r.value * 100) / 100 : r.value]),
        suppressed: withheld,
        source,
        fileName: `kooperationsatlas-${d.region}-contributions`,
      };
    }
    case "marketplace": {
      const figure = (k: string) => t(`mr_${k}`);
      const value = (k: string) => d.rows.find((r) => r.figure === k)?.value ?? 0;
      return {
        title: `${t("chartMarketplace")} – ${d.title}`,
        summary: t("summaryMarketplace", { date: f.date(d.date), deals: f.count(value("deals")), rate: f.pct(d.fulfilmentRate), newTies: f.count(value("newTies")), first: f.count(value("firstPartners")), unmet: f.count(value("unmetNeeds")) }),
        columns: [t("mrFigure"), t("mrCount")],
        rows: [...d.rows.map((r) => [figure(r.figure), f.count(r.value)]), [t("mr_fulfilmentRate"), f.pct(d.fulfilmentRate)]],
        csvColumns: [key("figure", t("mrFigure")), key("value", t("mrCount"))],
        csvRows: [...d.rows.map((r): ExportCell[] => [key(r.figure, figure(r.figure)), r.value]), [key("fulfilmentRate", t("mr_fulfilmentRate")), d.fulfilmentRate === null ? null : Math.round(d.fulfilmentRate * 10000) / 10000]],
        suppressed: d.rows.some((r) => isSuppressed(r.value)),
        source,
        fileName: `kooperationsatlas-marketplace-${d.event}`,
      };
    }
  }
}

/**
 * A chart's CSV download in the dialect of its locale, written by the same writer as the API's
 * list exports: `de` = German Excel (`;`, decimal comma, ja/nein), `en` = `,`; UTF-8 with BOM.
 */
export function chartCsv(model: Pick<ChartModel, "csvColumns" | "csvRows">, locale: Locale): Blob {
  // Dutch has no CSV dialect of its own yet: the international one (`,`, ISO dates) reads everywhere.
  return new Blob([toCsv(model.csvColumns, model.csvRows, locale === "nl" ? "en" : locale)], { type: CSV_MEDIA_TYPE });
}

/** Escapes text for HTML. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
