/**
 * @module
 * The figures of a regional impact report (docs/reports.md): read from the public API as an
 * anonymous caller sees it — so every figure has passed worker/privacy/ (docs/privacy.md) — and
 * kept without the snapshot's bookkeeping, so the same data always gives the same figures (and
 * the same content hash), in any locale.
 */
import { ApiError } from "../lib/errors";
import { sha256Hex } from "../lib/http-cache";

/** Sends a request to this app without credentials (the report is public). */
export type PublicApi = (path: string) => Promise<Response>;

type Count = number | "<3";

/** One period of the report's trend. */
export interface TrendPoint {
  period: string;
  value: Count | null;
  partial: boolean;
}

/** What a report shows, in no particular language. */
export interface ReportFigures {
  region: { code: string; name: string; kind: string; population: number | null };
  year: number;
  window: { from: string; to: string };
  /** The region's public metrics for the window (GET /regions/{code}/metrics, anonymous). */
  metrics: {
    organisations: Record<string, Count>;
    activeOrganisations: Count;
    events: Record<string, Count>;
    cooperations: { total: Count; byStatus: Record<string, Count>; byFormat: Record<string, Count>; fulfilmentRate: number | null; fulfilmentRateByFormat: Record<string, number | null> };
    inputs: { volunteers: Count; hours: Count; valueEur: Count; valueByContributionType: Record<string, Count>; peopleReached: Count };
    perHundredThousand: Record<string, number | null> | null;
    network: Record<string, unknown>;
    conversion: Array<{ format: string; year: number; pairs: Count; converted: Count; rate: number | null; pending: Count }>;
  };
  /** New cooperations per quarter of the year (GET /regions/{code}/trend, anonymous; quarters, because whole small months would mostly be withheld). */
  trend: TrendPoint[];
  /** The public API requests the figures were read from (relative to /api/v1). */
  sources: string[];
}

/** The figures, and what the reader needs to pin them. */
export interface ReadFigures {
  figures: ReportFigures;
  /** The region's data revision the figures were made from. */
  revision: number;
  /** False when the region's snapshot for the window could not be computed now (served stale or for another window): not to be frozen. */
  current: boolean;
}

/**
 * The last day a report of `year` covers when made on `day`: 31 December of a past year; in the
 * running year the end of the last complete month (so its figures, and its stored report, change
 * at most monthly without writes), or `day` itself in January.
 */
export function reportAsOf(year: number, day: string): string {
  const end = `${year}-12-31`;
  if (end < day) return end;
  const monthStart = Date.parse(`${day.slice(0, 7)}-01T00:00:00Z`);
  const lastMonthEnd = new Date(monthStart - 86_400_000).toISOString().slice(0, 10);
  return lastMonthEnd >= `${year}-01-01` ? lastMonthEnd : day;
}

async function readJson<T>(api: PublicApi, path: string): Promise<T> {
  const res = await api(`/api/v1${path}`);
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (res.status === 404) throw new ApiError(404, "not_found", body?.error?.message ?? "Not found");
  // Anything else is ours: the report asks only what the public API answers.
  throw new Error(`report figures: ${path} answered ${res.status} ${body?.error?.message ?? ""}`);
}

/** Reads a report's figures for a region and calendar year up to `asOf`. */
export async function readFigures(api: PublicApi, code: string, year: number, asOf: string): Promise<ReadFigures> {
  const window = { from: `${year}-01-01`, to: asOf };
  const c = encodeURIComponent(code);
  const metricsPath = `/regions/${c}/metrics?from=${window.from}&to=${window.to}`;
  const trendPath = `/regions/${c}/trend?metric=cooperations&interval=quarter&from=${window.from}&to=${window.to}`;
  type Metrics = ReportFigures["metrics"] & {
    region: ReportFigures["region"];
    currentRevision: number;
    stale: boolean;
    window: { from: string; to: string };
  };
  const [m, t] = await Promise.all([readJson<Metrics>(api, metricsPath), readJson<{ points: TrendPoint[] }>(api, trendPath)]);
  const figures: ReportFigures = {
    region: { code: m.region.code, name: m.region.name, kind: m.region.kind, population: m.region.population },
    year,
    window,
    metrics: {
      organisations: m.organisations,
      activeOrganisations: m.activeOrganisations,
      events: m.events,
      cooperations: m.cooperations,
      inputs: m.inputs,
      perHundredThousand: m.perHundredThousand,
      network: m.network,
      conversion: m.conversion,
    },
    trend: t.points.map((p) => ({ period: p.period, value: p.value, partial: p.partial })),
    sources: [metricsPath, trendPath],
  };
  const current = !m.stale && m.window.from === window.from && m.window.to === window.to;
  return { figures, revision: m.currentRevision, current };
}

/** JSON with object keys in sorted order: the same figures always give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** SHA-256 of the canonical JSON, hex. */
export async function contentHash(figures: ReportFigures): Promise<string> {
  return sha256Hex(canonicalJson(figures));
}
