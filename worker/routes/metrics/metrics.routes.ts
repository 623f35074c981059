/**
 * @module
 * Regional and national metrics, trends, organisation metrics and conversion (docs/metrics.md).
 * Every response carries the snapshot's `revision`, `computedAt` and whether it is `stale`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { DateString, errorResponses, IdParam, jsonContent } from "../../lib/schemas";
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

export const RegionMetricsSchema = z
  .object({
    ...SnapshotMeta,
    region: z.object({ code: z.string(), name: z.string(), kind: z.string(), population: z.number().nullable() }),
    organisations: z.record(z.string(), Count),
    activeOrganisations: Count,
    events: z.record(z.string(), Count),
    cooperations: z.object({
      total: Count,
      byStatus: z.record(z.string(), Count),
      byFormat: z.record(z.string(), Count),
      fulfilmentRate: Rate,
      fulfilmentRateByFormat: z.record(z.string(), Rate),
    }),
    inputs: z.object({
      volunteers: Count,
      hours: Count,
      valueEur: Count,
      valueByContributionType: z.record(z.string(), Count),
      peopleReached: Count,
    }),
    perHundredThousand: z.record(z.string(), Rate).nullable(),
    network: z.record(z.string(), z.unknown()).openapi({
      description: "density, bipartiteDensity, components, largestComponentShare, isolatesShare, meanTwoStepReachNonprofits, degreeCentralisation, modularity, communities, eiIndex, betweenness{exact,samples,estimatedError}, statusCounts",
    }),
    conversion: z.array(z.object({ format: z.string(), year: z.number(), pairs: Count, converted: Count, rate: Rate, pending: Count })),
  })
  .openapi("RegionMetrics");

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
    perHundredThousand: z.record(z.string(), Rate).nullable(),
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
  security: onlyFor("admin", "coordinator", "funder"),
  tags: ["Metrics"],
  summary: "Metrics of one organisation (in its region's snapshot) with its ego network",
  request: { params: IdParam, query: z.object(WindowQuery) },
  responses: {
    200: jsonContent(
      z.object({
        ...SnapshotMeta,
        organisationId: z.number().int(),
        metrics: z.record(z.string(), z.unknown()),
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
