/**
 * @module
 * Regional and national metrics, trends, organisation metrics and conversion (docs/metrics.md).
 * Every response carries the snapshot's `revision`, `computedAt` and whether it is `stale`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { ContributionType, CooperationStatus, DateString, errorResponses, EventKind, IdParam, jsonContent, OrganisationKind } from "../../lib/schemas";
import { MAX_TREND_PERIODS, periodCount } from "../../network/periods";
import { today } from "../../network/window";

export const WindowQuery = {
  from: DateString.optional().openapi({ description: "Window start (default: window months before `to`)" }),
  to: DateString.optional().openapi({ description: "Window end (default: today)" }),
  window: z.string().max(5).optional().openapi({ description: "Window length like 24m (default 24m)", example: "24m" }),
};

const CodeParam = z.object({ code: z.string().min(1).max(32).openapi({ param: { name: "code", in: "path" }, example: "05113" }) });

const SnapshotMeta = {
  revision: z.number().int().openapi({ description: "Data revision the figures were computed from" }),
  currentRevision: z.number().int(),
  stale: z.boolean().openapi({ description: "True when data changed since; a recomputation is pending" }),
  computedAt: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
};

const Count = z.union([z.number(), z.literal("<3")]).openapi({
  description: "Anonymous callers: \"<3\" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md)",
});
/** A rate, share or per-capita figure: null for anonymous callers when computed from a hidden count. */
const Rate = z.number().nullable().openapi({ description: "null for anonymous callers when computed from a hidden figure (docs/privacy.md)" });

/** How a figure computed from sampled sources was computed, with its error bounds (95 %; docs/metrics.md). */
const SamplingInfo = z
  .object({
    exact: z.boolean(),
    samples: z.number().int(),
    estimatedError: z.number().openapi({ description: "Absolute bound on every value's error at once (0 when exact)" }),
    topRelativeError: z.number().nullable().optional().openapi({ description: "Betweenness: the largest error of the 50 largest values as a share of the value (95 %, normal approximation); 0 when exact" }),
  })
  .openapi("SamplingInfo", { example: { exact: true, samples: 0, estimatedError: 0 } });

export const OrganisationStatus = z.enum(["isolated", "peripheral", "fading", "connected"]).openapi({ description: "docs/metrics.md, \"Isolated, peripheral, fading\"" });

/** A network index: null when it is not defined for the network, or hidden from anonymous callers. */
const Index = z.number().nullable();

export const NetworkFiguresSchema = z
  .object({
    nodes: Count,
    edges: Count,
    density: Index,
    bipartiteDensity: Index.openapi({ description: "Edges ÷ (companies × non-profits), when the network is company–non-profit only" }),
    components: Count,
    largestComponentShare: Index,
    isolatesShare: Index,
    meanTwoStepReachNonprofits: Index,
    degreeCentralisation: Index,
    modularity: Index,
    communities: Count.nullable(),
    eiIndex: Index.openapi({ description: "E-I index of the scope's ties over regions: +1 all ties leave the region, −1 all stay inside" }),
    betweenness: SamplingInfo.nullable(),
    harmonicCloseness: SamplingInfo.nullable(),
    statusCounts: z.object({ isolated: Count, peripheral: Count, fading: Count, connected: Count }),
  })
  .openapi("NetworkFigures", {
    example: {
      nodes: 412, edges: 655, density: 0.0077, bipartiteDensity: 0.018, components: 31, largestComponentShare: 0.86, isolatesShare: 0.05,
      meanTwoStepReachNonprofits: 14.2, degreeCentralisation: 0.061, modularity: 0.58, communities: 12, eiIndex: -0.71,
      betweenness: { exact: true, samples: 0, estimatedError: 0 }, harmonicCloseness: { exact: true, samples: 0, estimatedError: 0 },
      statusCounts: { isolated: 21, peripheral: 88, fading: 40, connected: 263 },
    },
    description: "The network of a scope's cooperations (docs/metrics.md). Anonymous callers: counts \"<3\" and indices null where the network is withheld (docs/privacy.md).",
  });

/** One figure per key (all keys always present): `{ company: Count, nonprofit: Count, … }`. */
const figuresBy = <K extends string, V extends z.ZodType>(keys: readonly K[], value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K]: V });

const FORMAT_KEYS = [...EventKind.options, "none"] as const;
/** The figures the API also gives per 100 000 inhabitants (null without a population). */
const PerHundredThousand = figuresBy(["organisations", "cooperations", "volunteers", "hours", "valueEur", "peopleReached"], Rate)
  .nullable()
  .openapi({ description: "Per 100 000 inhabitants; null without a population" });

export const RegionMetricsSchema = z
  .object({
    ...SnapshotMeta,
    region: z.object({ code: z.string(), name: z.string(), kind: z.string(), population: z.number().nullable() }),
    organisations: figuresBy([...OrganisationKind.options, "total"], Count),
    activeOrganisations: Count,
    events: figuresBy([...EventKind.options, "total"], Count),
    cooperations: z.object({
      total: Count,
      byStatus: figuresBy(CooperationStatus.options, Count),
      byFormat: figuresBy(FORMAT_KEYS, Count).openapi({ description: "By the format of the event a cooperation started at (none: without event)" }),
      fulfilmentRate: Rate,
      fulfilmentRateByFormat: figuresBy(FORMAT_KEYS, Rate),
    }),
    inputs: z.object({
      volunteers: Count,
      hours: Count,
      valueEur: Count,
      valueByContributionType: z
        .partialRecord(ContributionType, Count)
        .openapi({ description: "Value in euros by contribution type (types without any value are left out)", example: { time: 12500, money: 3000 } }),
      peopleReached: Count,
    }),
    perHundredThousand: PerHundredThousand,
    network: NetworkFiguresSchema,
    conversion: z.array(z.object({ format: z.string(), year: z.number(), pairs: Count, converted: Count, rate: Rate, pending: Count })),
  })
  .openapi("RegionMetrics");

export const OrganisationMetricsSchema = z
  .object({
    organisationId: z.number().int(),
    name: z.string(),
    kind: OrganisationKind,
    regionCode: z.string(),
    isPublic: z.boolean(),
    degree: z.number().int().openapi({ description: "Partners" }),
    strength: z.number().openapi({ description: "Cooperations with all partners" }),
    hours: z.number(),
    valueEur: z.number(),
    firstCooperation: z.string().nullable(),
    lastCooperation: z.string().nullable(),
    twoStepReach: z.number().int(),
    betweenness: z.number(),
    harmonicCloseness: z.number().nullable(),
    pagerank: z.number(),
    community: z.number().int().nullable(),
    effectiveSize: z.number().nullable(),
    efficiency: z.number().nullable(),
    constraint: z.number().nullable(),
    eiIndexRegion: z.number().nullable(),
    eiIndexSector: z.number().nullable(),
    tiePersistence: z.number().nullable(),
    status: OrganisationStatus,
  })
  .openapi("OrganisationMetrics", { description: "An organisation's metrics in its scope's network (docs/metrics.md)" });

const ReasonCode = z
  .object({
    code: z.enum(["same_region", "same_state", "field_affinity", "open_to_cooperation", "recently_active", "shared_partners"]),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi({ example: { code: "field_affinity", params: { share: 0.4, field: "education" } } });

export const SuggestionSchema = z
  .object({
    organisationId: z.number().int(),
    name: z.string(),
    kind: z.string(),
    regionCode: z.string(),
    score: z.number().openapi({ description: "Σ weight × component (see components)" }),
    components: z
      .object({ region: z.number(), affinity: z.number(), openness: z.number(), recency: z.number(), adamicAdar: z.number() })
      .openapi({ description: "Each in [0, 1]" }),
    reasons: z.array(z.string()).openapi({ description: "The reasons in English words" }),
    reasonCodes: z.array(ReasonCode).openapi({ description: "The same reasons as codes with parameters, for wording in any language" }),
  })
  .openapi("Suggestion", {
    description: "A suggested partner with the reasons (docs/metrics.md)",
    example: {
      organisationId: 812, name: "Stadtwerke Essen AG", kind: "company", regionCode: "05113", score: 7.4,
      components: { region: 1, affinity: 0.4, openness: 0.8, recency: 1, adamicAdar: 0.3 },
      reasons: ["Same district", "Companies of this industry often support this field (40 %)"],
      reasonCodes: [{ code: "same_region", params: { region: "05113" } }, { code: "field_affinity", params: { share: 0.4, field: "youth_work" } }],
    },
  });

export const RankingRow = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    population: z.number().nullable(),
    organisations: Count,
    activeOrganisations: Count,
    cooperations: Count,
    done: Count.openapi({ description: "Cooperations with status done" }),
    volunteers: Count,
    hours: Count,
    valueEur: Count,
    peopleReached: Count,
    fulfilmentRate: Rate,
    perHundredThousand: PerHundredThousand,
    density: z.number().nullable(),
    largestComponentShare: z.number().nullable(),
    isolatesShare: z.number().nullable(),
    meanTwoStepReachNonprofits: z.number().nullable(),
    revision: z.number().int(),
    computedAt: z.string(),
    stale: z.boolean(),
  })
  .openapi("RegionRankingRow");

export const overview = createRoute({
  method: "get",
  path: "/metrics",
  operationId: "getMetricsOverview",
  tags: ["Metrics"],
  summary: "National figures and one row per region with data (sortable ranking)",
  request: {
    query: z.object({
      ...WindowQuery,
      kind: z.enum(["state", "district", "custom"]).optional(),
      sort: z.string().optional().openapi({ description: "Any numeric row field, e.g. -cooperations or -perHundredThousand.hours" }),
    }),
  },
  responses: {
    200: jsonContent(z.object({ national: RegionMetricsSchema, regions: z.array(RankingRow) }), "National and regional figures"),
    ...errorResponses(422),
  },
});

export const region = createRoute({
  method: "get",
  path: "/regions/{code}/metrics",
  operationId: "getRegionMetrics",
  tags: ["Metrics"],
  summary: "Metrics of a region (with sub-regions) for a window",
  request: { params: CodeParam, query: z.object(WindowQuery) },
  responses: { 200: jsonContent(RegionMetricsSchema, "Region metrics"), ...errorResponses(404, 422) },
});

export const TREND_METRICS = [
  "cooperations", "done", "fulfilmentRate", "volunteers", "hours", "valueEur", "peopleReached", "activeOrganisations", "newPairs",
  "density", "largestComponentShare", "isolatesShare", "meanTwoStepReachNonprofits", "degreeCentralisation", "modularity", "eiIndex",
] as const;

export const trend = createRoute({
  method: "get",
  path: "/regions/{code}/trend",
  operationId: "getRegionTrend",
  tags: ["Metrics"],
  summary: "A metric per month, quarter or year (flows per period; network figures over the 24 months ending with each period)",
  description: `At most ${MAX_TREND_PERIODS} periods per request (months, quarters or years alike); a longer range is a 422. Without \`from\` the trend starts at the scope's first cooperation, at most ${MAX_TREND_PERIODS} periods before \`to\`.`,
  request: {
    params: CodeParam,
    query: z.object({
      metric: z.enum(TREND_METRICS),
      interval: z.enum(["month", "quarter", "year"]).default("year"),
      from: DateString.optional(),
      to: DateString.optional(),
      format: z.enum(["all", "action_day", "marketplace", "round_table", "action_72h", "social_day", "other", "none"]).default("all").openapi({ description: "Only flows from this event format" }),
    }).superRefine((q, ctx) => {
      // Without `from` the handler starts at the scope's first cooperation, at most MAX_TREND_PERIODS back.
      if (!q.from) return;
      const to = q.to ?? today();
      if (q.from > to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must not be after to" });
      const n = periodCount(q.from, to, q.interval);
      if (n > MAX_TREND_PERIODS) {
        ctx.addIssue({
          code: "custom",
          path: ["from"],
          message: `At most ${MAX_TREND_PERIODS} periods per trend; ${q.from} to ${to} are ${n} ${q.interval}s (choose a later from, an earlier to or a longer interval)`,
        });
      }
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        region: z.string(),
        metric: z.string(),
        interval: z.string(),
        points: z.array(
          z.object({
            period: z.string(),
            value: z.union([z.number(), z.literal("<3")]).nullable(),
            n: Count.nullable()
              .optional()
              .openapi({
                description:
                  "Rates and shares only (fulfilmentRate: the period's cooperations; largestComponentShare, isolatesShare: the organisations of the network): the base the rate is computed from, withheld like any count (docs/charts.md, docs/privacy.md)",
              }),
            partial: z.boolean().openapi({ description: "The period is not over yet (or cut by `to`): flows are incomplete" }),
          }),
        ),
        computedAt: z.string(),
        revision: z.number().int(),
      }),
      "Trend",
    ),
    ...errorResponses(404, 422),
  },
});

export const organisation = createRoute({
  method: "get",
  path: "/organisations/{id}/metrics",
  operationId: "getOrganisationMetrics",
  security: onlyFor("admin", "coordinator", "funder"),
  tags: ["Metrics"],
  summary: "Metrics of one organisation (in its region's snapshot) with its ego network",
  request: { params: IdParam, query: z.object(WindowQuery) },
  responses: {
    200: jsonContent(
      z.object({
        ...SnapshotMeta,
        organisationId: z.number().int(),
        metrics: OrganisationMetricsSchema.extend({ suggestions: z.array(SuggestionSchema) }),
        ego: z.object({
          nodes: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), regionCode: z.string(), distance: z.number().int() })),
          edges: z.array(z.object({ source: z.number().int(), target: z.number().int(), weight: z.number(), hours: z.number(), valueEur: z.number() })),
        }),
      }),
      "Organisation metrics",
    ),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const conversionRoute = createRoute({
  method: "get",
  path: "/conversion",
  operationId: "getConversion",
  tags: ["Metrics"],
  summary: "Conversion of first contacts into lasting ties, by event format and year",
  request: {
    query: z.object({
      region: z.string().max(32).default("DE").openapi({ description: "Region code or DE" }),
      to: DateString.optional(),
      by: z.enum(["year", "format"]).default("year").openapi({ description: "One row per format and year, or per format over all years" }),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        region: z.string(),
        revision: z.number().int(),
        computedAt: z.string(),
        stale: z.boolean(),
        rows: z.array(z.object({ format: z.string(), year: z.number().nullable().openapi({ description: "null when by=format" }), pairs: Count, converted: Count, rate: z.number().nullable(), pending: Count })),
      }),
      "Conversion",
    ),
    ...errorResponses(404, 422),
  },
});
