/**
 * @module
 * The charts that can be embedded and shown in the dashboard, their parameters, and how their data
 * is loaded from the public API. Pure (the typed API client is passed in), so the server-rendered
 * embed pages and the browser use the same code.
 */
import { ok, type ApiClient } from "../api-client";

export const CHART_KINDS = ["trend", "formats", "ranking", "map", "conversion", "contributions", "marketplace"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];
export const isChartKind = (s: unknown): s is ChartKind => (CHART_KINDS as readonly string[]).includes(s as string);

export const FORMATS = ["action_day", "marketplace", "round_table", "action_72h", "social_day", "other", "none"] as const;
export const ORG_KINDS = ["company", "nonprofit", "public", "intermediary"] as const;
export const CONTRIBUTION_TYPES = ["time", "goods", "know_how", "premises", "transport", "network", "money"] as const;
export const TREND_METRICS = ["cooperations", "done", "fulfilmentRate", "volunteers", "hours", "valueEur", "peopleReached", "activeOrganisations", "newPairs", "density", "largestComponentShare", "isolatesShare", "meanTwoStepReachNonprofits", "degreeCentralisation", "modularity", "eiIndex"] as const;
/** Ranking/map metrics: the figures the API also gives per 100 000 inhabitants. */
export const PER_CAPITA_METRICS = ["cooperations", "organisations", "volunteers", "hours", "valueEur", "peopleReached"] as const;
export type PerCapitaMetric = (typeof PER_CAPITA_METRICS)[number];
export const INTERVALS = ["year", "quarter", "month"] as const;

/** A count as the API returns it: a number, or "<3" for anonymous callers. */
export type Count = number | "<3";

export interface ChartParams {
  region: string;
  from?: string;
  to?: string;
  metric?: string;
  interval?: "year" | "quarter" | "month";
  /** The marketplace event of a `marketplace` chart. */
  event?: string;
}

/** A trend point; `partial`: the period is not over yet (or cut by `to`), its flows are incomplete. */
export interface TrendPoint {
  period: string;
  value: Count | null;
  /** A rate's or share's base (the period's cooperations; the network's organisations); absent for other metrics. */
  n?: Count | null;
  partial?: boolean;
}

export interface TrendData {
  kind: "trend";
  region: string;
  regionName: string;
  metric: string;
  interval: string;
  points: TrendPoint[];
}

export interface FormatsData {
  kind: "formats";
  region: string;
  regionName: string;
  interval?: string;
  periods: string[];
  /** Per period: not over yet (or cut by `to`). */
  partial?: boolean[];
  series: { format: string; values: (Count | null)[] }[];
}

export interface RankingRow {
  code: string;
  name: string;
  kind: string;
  population: number | null;
  absolute: Count | null;
  /** Per 100 000 inhabitants; null without population or when the count is suppressed. */
  value: number | null;
}

export interface RankingData {
  kind: "ranking" | "map";
  metric: PerCapitaMetric;
  rows: RankingRow[];
}

/** One row per event format, summed over the years by the API (suppressed after summing for anonymous callers). */
export interface ConversionData {
  kind: "conversion";
  region: string;
  regionName: string;
  /** Only the pairs whose first contact lay in this year (`from`–`to` a calendar year). */
  cohort?: number;
  /** `pending`: pairs still within their 24 months (neither converted nor not). */
  rows: { format: string; pairs: Count; converted: Count; rate: number | null; pending?: Count }[];
}

export interface ContributionsData {
  kind: "contributions";
  region: string;
  regionName: string;
  /** Value per contribution type; "<3" where withheld for anonymous callers. */
  rows: { type: string; value: Count }[];
}

/** The figures an event's results chart shows, in this order. */
export const MARKETPLACE_FIGURES = ["deals", "done", "ongoing", "agreed", "newTies", "firstPartners", "unmetNeeds"] as const;

/** One marketplace's own results (docs/marketplace.md), as the public API gives them. */
export interface MarketplaceData {
  kind: "marketplace";
  event: string;
  title: string;
  date: string;
  regionCode: string;
  rows: { figure: (typeof MARKETPLACE_FIGURES)[number]; value: Count }[];
  /** Done ÷ all deals; null when withheld or without deals. */
  fulfilmentRate: number | null;
}

export type ChartData = TrendData | FormatsData | RankingData | ConversionData | ContributionsData | MarketplaceData;

/** Envelope around any chart's data: when and for which window it was computed. */
export interface LoadedChart {
  data: ChartData;
  computedAt: string;
  window: { from: string | null; to: string | null };
}

const qs = (o: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
};

async function regionName(api: ApiClient, code: string): Promise<string> {
  if (code === "DE") return "Deutschland";
  const r = await ok(api.GET("/regions/{code}", { params: { path: { code } } }));
  return r.name;
}

/** The calendar year `from`–`to` spans exactly, else null. */
export function cohortYear(p: Pick<ChartParams, "from" | "to">): number | null {
  const y = p.from?.slice(0, 4);
  return y && p.from === `${y}-01-01` && p.to === `${y}-12-31` ? Number(y) : null;
}

/** Numeric value of a count (suppressed counts → null). */
export const countValue = (c: Count | null | undefined): number | null => (typeof c === "number" ? c : null);

/** Normalises chart parameters from a query string (unknown values fall back to defaults). */
export function parseParams(kind: ChartKind, q: URLSearchParams): ChartParams {
  const date = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  const region = (q.get("region") ?? "").trim();
  const metricRaw = q.get("metric") ?? "";
  const interval = q.get("interval");
  let metric: string | undefined;
  if (kind === "trend") metric = (TREND_METRICS as readonly string[]).includes(metricRaw) ? metricRaw : "cooperations";
  if (kind === "ranking" || kind === "map") metric = (PER_CAPITA_METRICS as readonly string[]).includes(metricRaw) ? metricRaw : "cooperations";
  const event = q.get("event") ?? "";
  return {
    event: kind === "marketplace" && /^[1-9][0-9]{0,15}$/.test(event) ? event : undefined,
    region: /^[A-Za-z0-9_-]{1,32}$/.test(region) ? region : "DE",
    from: date(q.get("from")),
    to: date(q.get("to")),
    metric,
    interval: interval === "month" || interval === "quarter" || interval === "year" ? interval : "year",
  };
}

/** The canonical query string of a chart (stable key order: region, metric, interval, from, to). */
export function paramsQuery(kind: ChartKind, p: ChartParams, extra: Record<string, string | undefined> = {}): string {
  if (kind === "marketplace") return qs({ event: p.event, ...extra });
  return qs({
    region: kind === "ranking" || kind === "map" ? undefined : p.region,
    metric: kind === "trend" || kind === "ranking" || kind === "map" ? p.metric : undefined,
    interval: kind === "trend" ? p.interval : undefined,
    from: p.from,
    to: p.to,
    ...extra,
  });
}

/** Loads one chart's data through the API. */
export async function loadChart(kind: ChartKind, p: ChartParams, api: ApiClient): Promise<LoadedChart> {
  const now = new Date().toISOString();
  const path = { code: p.region };
  if (kind === "trend") {
    const metric = (TREND_METRICS as readonly string[]).includes(p.metric ?? "") ? (p.metric as (typeof TREND_METRICS)[number]) : "cooperations";
    const r = await ok(api.GET("/regions/{code}/trend", { params: { path, query: { metric, interval: p.interval ?? "year", from: p.from, to: p.to } } }));
    return {
      data: { kind, region: p.region, regionName: await regionName(api, p.region), metric: p.metric ?? "cooperations", interval: p.interval ?? "year", points: r.points },
      computedAt: r.computedAt,
      window: { from: p.from ?? r.points[0]?.period ?? null, to: p.to ?? null },
    };
  }
  if (kind === "formats") {
    const results = await Promise.all(
      FORMATS.map((format) => ok(api.GET("/regions/{code}/trend", { params: { path, query: { metric: "cooperations", interval: p.interval ?? "year", format, from: p.from, to: p.to } } }))),
    );
    const periods = results[0]?.points.map((x) => x.period) ?? [];
    const partial = results[0]?.points.map((x) => x.partial === true) ?? [];
    const series = FORMATS.map((format, i) => ({ format, values: results[i].points.map((x) => x.value) })).filter((s) => s.values.some((v) => v !== 0 && v !== null));
    return {
      data: { kind, region: p.region, regionName: await regionName(api, p.region), interval: p.interval ?? "year", periods, partial, series },
      computedAt: results[0]?.computedAt ?? now,
      window: { from: p.from ?? periods[0] ?? null, to: p.to ?? null },
    };
  }
  if (kind === "ranking" || kind === "map") {
    const metric = (p.metric ?? "cooperations") as PerCapitaMetric;
    const r = await ok(api.GET("/metrics", { params: { query: { kind: kind === "map" ? "district" : undefined, from: p.from, to: p.to } } }));
    const rows: RankingRow[] = r.regions
      .filter((x) => kind === "map" || x.kind !== "state")
      .map((x) => {
        const absolute = x[metric] ?? null;
        // The API nulls the per-capita figure of a suppressed count for anonymous callers.
        return { code: x.code, name: x.name, kind: x.kind, population: x.population, absolute, value: x.perHundredThousand?.[metric] ?? null };
      });
    return { data: { kind, metric, rows }, computedAt: r.national.computedAt, window: r.national.window };
  }
  if (kind === "conversion") {
    // A calendar year: the pairs that first met in that year (its own public cells), judged with
    // all data known today (a pair has 24 months to meet again); any other range: every first
    // contact up to `to` (conversion is counted per year of first contact).
    const year = cohortYear(p);
    const r = await ok(api.GET("/conversion", { params: { query: { region: p.region, to: year === null ? p.to : undefined, by: year === null ? "format" : "year" } } }));
    const rows = FORMATS.flatMap((format) => r.rows.filter((x) => x.format === format && (year === null || x.year === year))).map(({ format, pairs, converted, rate, pending }) => ({
      format,
      pairs,
      converted,
      rate,
      pending,
    }));
    return {
      data: { kind, region: p.region, regionName: await regionName(api, p.region), rows, ...(year === null ? {} : { cohort: year }) },
      computedAt: r.computedAt,
      window: { from: year === null ? null : (p.from ?? null), to: p.to ?? null },
    };
  }
  if (kind === "marketplace") {
    // An unknown or missing event reads like any unknown id: the API's 404.
    const r = await ok(api.GET("/public/marketplaces/{eventId}/results", { params: { path: { eventId: Number(p.event ?? 0) } } }));
    const value: Record<(typeof MARKETPLACE_FIGURES)[number], Count> = {
      deals: r.deals.total,
      done: r.deals.byStatus.done,
      ongoing: r.deals.byStatus.ongoing,
      agreed: r.deals.byStatus.agreed,
      newTies: r.ties.new,
      firstPartners: r.partners.firstPartner,
      unmetNeeds: r.needs.unmet,
    };
    return {
      data: { kind, event: String(r.event.id), title: r.event.title, date: r.event.date, regionCode: r.event.regionCode, rows: MARKETPLACE_FIGURES.map((figure) => ({ figure, value: value[figure] })), fulfilmentRate: r.deals.fulfilmentRate },
      computedAt: now,
      window: { from: r.event.date, to: null },
    };
  }
  const r = await ok(api.GET("/regions/{code}/metrics", { params: { path, query: { from: p.from, to: p.to } } }));
  const rows = Object.entries(r.inputs.valueByContributionType)
    .map(([type, value]) => ({ type, value }))
    .sort((a, b) => (countValue(b.value) ?? -1) - (countValue(a.value) ?? -1));
  return { data: { kind: "contributions", region: p.region, regionName: p.region === "DE" ? "Deutschland" : r.region.name, rows }, computedAt: r.computedAt, window: r.window };
}
