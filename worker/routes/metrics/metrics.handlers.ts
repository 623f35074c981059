/**
 * @module
 * Metric handlers: all figures come from snapshots (worker/network/snapshots.ts), never from a
 * per-request scan of raw cooperations, except the per-period flow sums of a trend (one GROUP BY).
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { requireRole, seesDetail, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { ApiError, forbidden, notFound } from "../../lib/errors";
import { createDb, type Db } from "../../db/client";
import { currentRevision, revisionOf } from "../../db/revisions";
import { NATIONAL, scopeCondition } from "../../network/load";
import { computeHistoryPoint, getSnapshot, RECOMPUTE_ON_READ_LIMIT, SCOPES_WITH_DATA, scopeSize, type Snapshot } from "../../network/snapshots";
import { firstPeriodStart, MAX_TREND_PERIODS, periods, type Interval, type Period } from "../../network/periods";
import { addNewPair, publicAggregates, publicConversion, publicNetwork, publicTrend, windowCells, type WindowCells } from "../../privacy/public-figures";
import { SUPPRESSED, type Sketch } from "../../privacy/suppression";
import { reuseWindowMs } from "../../network/recent-snapshots";
import { BOOKMARK_HEADER } from "../../db/session";
import { egoEdges, snapshotOrganisation } from "../../network/snapshot-reads";
import { DEFAULT_WINDOW_MONTHS, resolveWindow, today, windowEndingOn } from "../../network/window";
import { findOrganisation, visibleName } from "../../db/visibility";
import { assertScope } from "../../db/lookups";
import type * as routes from "./metrics.routes";

/** The summary of a snapshot as the viewer may see it, with the snapshot's meta data (anonymous callers: docs/privacy.md). */
export async function presentSnapshot(db: Db, s: Snapshot, viewer: Viewer, cells?: WindowCells) {
  const body = { ...s.summary, revision: s.revision, currentRevision: s.currentRevision, stale: s.stale, computedAt: s.computedAt, window: s.window };
  if (viewer.role !== "anonymous") return body;
  const shown = cells ?? (await windowCells(db, s.window));
  return {
    ...body,
    ...publicAggregates(s.summary, s.regionCode, shown),
    network: await publicNetwork(db, s, shown),
    conversion: await publicConversion(db, s.regionCode, s.window.to, s.summary.conversion),
  };
}

export const region: RouteHandler<typeof routes.region, AppEnv> = async (c) => {
  const { code } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const snapshot = await getSnapshot(db, code, resolveWindow(c.req.valid("query")), { scopeMustExist: true, reuseForMs: reuseWindowMs(c.env.SNAPSHOT_REUSE_MS, c.req.header(BOOKMARK_HEADER)) });
  return c.json((await presentSnapshot(db, snapshot, c.get("viewer"))) as never, 200);
};

/**
 * On-read computations (missing or stale snapshots) one overview request may do, and the time it
 * may spend on them; regions beyond either are left out of the ranking until later requests (or,
 * for the default window, the cron job) have computed them.
 */
const OVERVIEW_COMPUTE_BUDGET = 30;
const OVERVIEW_COMPUTE_MS = 5_000;

export const overview: RouteHandler<typeof routes.overview, AppEnv> = async (c) => {
  const q = c.req.valid("query");
  const viewer = c.get("viewer");
  const db = createDb(c.env.DB);
  const window = resolveWindow(q);
  const national = await getSnapshot(db, NATIONAL, window);
  const regions = await db.all<{ code: string }>(sql`
    WITH scopes(code) AS (${SCOPES_WITH_DATA})
    SELECT g.code FROM regions g JOIN scopes ON scopes.code = g.code
    WHERE g.deleted_at IS NULL ${q.kind ? sql`AND g.kind = ${q.kind}` : sql``} ORDER BY g.code`);
  let budget = OVERVIEW_COMPUTE_BUDGET;
  // Anonymous callers: every row is cut from the same tables as the region and national figures.
  const cells = viewer.role === "anonymous" ? await windowCells(db, window) : undefined;
  const rows = [];
  const shown = [];
  const started = Date.now();
  for (const { code } of regions) {
    // The stored snapshot's revision and the current one in one round trip.
    const stored = await db.get<{ revision: number | null; current: number }>(sql`
      SELECT s.revision, ${revisionOf(code)} AS current
      FROM (SELECT 1) LEFT JOIN metric_snapshots s ON s.region_code = ${code} AND s.window_from = ${window.from} AND s.window_to = ${window.to}`);
    const computes = stored?.revision == null || stored.revision !== stored.current;
    if (computes && (budget <= 0 || Date.now() - started >= OVERVIEW_COMPUTE_MS)) continue;
    if (computes) budget--;
    const s: Snapshot = await getSnapshot(db, code, window);
    rows.push(rankingRow(s, s.summary, s.summary.network));
    if (cells) shown.push(rankingRow(s, publicAggregates(s.summary, code, cells), networkHidden(code, cells) ? null : s.summary.network));
  }
  if (!cells) shown.push(...rows);
  if (q.sort) {
    const desc = q.sort.startsWith("-");
    const path = (desc ? q.sort.slice(1) : q.sort).split(".");
    const get = (r: unknown) => path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), r);
    if (rows.length && typeof get(rows[0]) !== "number" && path[0] !== "name" && path[0] !== "code") {
      throw new ApiError(422, "validation_failed", "Invalid sort", [{ path: "sort", message: `Not a sortable field: ${q.sort}` }]);
    }
    // Hidden figures sort as unknown (last): their place in the order would tell their size.
    const key = (r: unknown) => {
      const v = get(r) as number | string | null | undefined;
      return v === SUPPRESSED ? null : v;
    };
    shown.sort((x, y) => {
      const a = key(x);
      const b = key(y);
      if (a === b) return 0;
      if (a === null || a === undefined) return 1;
      if (b === null || b === undefined) return -1;
      return (a < b ? -1 : 1) * (desc ? -1 : 1);
    });
  }
  return c.json({ national: await presentSnapshot(db, national, viewer, cells), regions: shown } as never, 200);
};

/** Network figures are for anonymous callers only where the scope's organisations and active cooperations may be shown. */
const networkHidden = (code: string, cells: WindowCells) => cells.network(code);

type RankingAggregates = Pick<ReturnType<typeof publicAggregates> | Snapshot["summary"], "organisations" | "activeOrganisations" | "cooperations" | "inputs" | "perHundredThousand">;

/** One row of the ranking from a snapshot's aggregates (as the viewer may see them) and network figures (null: hidden). */
function rankingRow(s: Snapshot, a: RankingAggregates, network: Snapshot["summary"]["network"] | null) {
  const sum = s.summary;
  return {
    code: s.regionCode,
    name: sum.region.name,
    kind: sum.region.kind,
    population: sum.region.population,
    organisations: a.organisations.total,
    activeOrganisations: a.activeOrganisations,
    cooperations: a.cooperations.total,
    volunteers: a.inputs.volunteers,
    hours: a.inputs.hours,
    valueEur: a.inputs.valueEur,
    peopleReached: a.inputs.peopleReached,
    fulfilmentRate: a.cooperations.fulfilmentRate,
    done: a.cooperations.byStatus.done,
    perHundredThousand: a.perHundredThousand,
    density: network?.density ?? null,
    largestComponentShare: network?.largestComponentShare ?? null,
    isolatesShare: network?.isolatesShare ?? null,
    meanTwoStepReachNonprofits: network?.meanTwoStepReachNonprofits ?? null,
    revision: s.revision,
    computedAt: s.computedAt,
    stale: s.stale,
  };
}

function periodExpr(column: ReturnType<typeof sql>, interval: Interval) {
  if (interval === "month") return sql`substr(${column}, 1, 7)`;
  if (interval === "quarter") return sql`substr(${column}, 1, 4) || '-Q' || ((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3)`;
  return sql`substr(${column}, 1, 4)`;
}

/** The first day of the period containing `from` and the last day of the period containing `to`. */
function wholePeriods(from: string, to: string, interval: Interval): [string, string] {
  const months = interval === "year" ? 12 : interval === "quarter" ? 3 : 1;
  const startMonth = Math.floor((Number(from.slice(5, 7)) - 1) / months) * months + 1;
  const endMonth = Math.ceil(Number(to.slice(5, 7)) / months) * months;
  const y = Number(to.slice(0, 4));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lastDay = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][endMonth - 1];
  const mm = (m: number) => String(m).padStart(2, "0");
  return [`${from.slice(0, 4)}-${mm(startMonth)}-01`, `${to.slice(0, 4)}-${mm(endMonth)}-${lastDay}`];
}

/**
 * Network trend points computed on read at most, and the time one request may spend on them; the
 * rest stay null until later requests have computed them (each computation stores the month's
 * history row). Scopes too large to recompute on read show the history they have.
 */
const TREND_COMPUTE_BUDGET = 48;

/** Trend metrics that are rates or shares: their points carry the base `n`. */
export const RATE_BASES = new Set(["fulfilmentRate", "largestComponentShare", "isolatesShare"]);
const TREND_COMPUTE_MS = 5_000;

export const trend: RouteHandler<typeof routes.trend, AppEnv> = async (c) => {
  const { code } = c.req.valid("param");
  const q = c.req.valid("query");
  const db = createDb(c.env.DB);
  await assertScope(db, code);
  const asked = q.to ?? today();
  const firstRow = await db.get<{ d: string | null }>(sql`SELECT min(date_agreed) AS d FROM cooperations c WHERE c.deleted_at IS NULL AND ${scopeCondition(sql`c.region_code`, code)}`);
  const earliest = firstPeriodStart(asked, q.interval, MAX_TREND_PERIODS);
  const start = q.from ?? (firstRow?.d && firstRow.d > earliest ? firstRow.d : firstRow?.d ? earliest : asked);
  const flowMetrics = ["cooperations", "done", "fulfilmentRate", "volunteers", "hours", "valueEur", "peopleReached", "activeOrganisations", "newPairs"];
  const anonymous = c.get("viewer").role === "anonymous";
  // Anonymous flows come in whole calendar periods: a period cut at any day would be one public
  // cell minus another (docs/privacy.md).
  const whole = anonymous && flowMetrics.includes(q.metric);
  const [from, to] = whole ? wholePeriods(start, asked, q.interval) : [start, asked];
  const list = periods(from, to, q.interval).map((p) => (whole ? { ...p, partial: p.end > today() } : p));
  const newPairMembers = new Map<string, Sketch>();
  const values = new Map<string, number | null>();
  // The base of a rate or share, drawn beside it (docs/charts.md): cooperations of the period for
  // the fulfilment rate, organisations of the network for a network share.
  const bases = new Map<string, number | null>();
  const hasBase = RATE_BASES.has(q.metric);
  if (flowMetrics.includes(q.metric)) {
    const formatCond = q.format === "all" ? sql`1` : q.format === "none" ? sql`c.event_id IS NULL` : sql`c.event_id IN (SELECT id FROM events WHERE kind = ${q.format})`;
    const period = periodExpr(sql`c.date_agreed`, q.interval);
    const base = sql`c.deleted_at IS NULL AND c.date_agreed BETWEEN ${from} AND ${to} AND ${scopeCondition(sql`c.region_code`, code)} AND ${formatCond}`;
    if (q.metric === "activeOrganisations") {
      const rows = await db.all<{ p: string; v: number }>(sql`SELECT ${period} AS p, count(DISTINCT cp.organisation_id) AS v FROM cooperations c
        JOIN cooperation_partners cp ON cp.cooperation_id = c.id WHERE ${base} AND c.status NOT IN ('cancelled', 'not_feasible') GROUP BY p`);
      rows.forEach((r) => values.set(r.p, r.v));
    } else if (q.metric === "newPairs") {
      const rows = await db.all<{ p: string; v: number }>(sql`SELECT ${periodExpr(sql`f.first`, q.interval)} AS p, count(*) AS v FROM (
        SELECT min(c.date_agreed) AS first FROM cooperations c JOIN cooperation_partners a ON a.cooperation_id = c.id
        JOIN cooperation_partners b ON b.cooperation_id = c.id AND a.organisation_id < b.organisation_id
        WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND ${scopeCondition(sql`c.region_code`, code)} AND ${formatCond}
        GROUP BY a.organisation_id, b.organisation_id) f WHERE f.first BETWEEN ${from} AND ${to} GROUP BY p`);
      rows.forEach((r) => values.set(r.p, r.v));
      if (anonymous) {
        // Who the new pairs are, for the rule: their non-public members per month.
        const members = await db.all<{ m: string; a: number | null; b: number | null }>(sql`SELECT substr(f.first, 1, 7) AS m, f.a, f.b FROM (
          SELECT min(c.date_agreed) AS first, CASE WHEN oa.is_public = 0 THEN a.organisation_id END AS a, CASE WHEN ob.is_public = 0 THEN b.organisation_id END AS b
          FROM cooperations c JOIN cooperation_partners a ON a.cooperation_id = c.id
          JOIN cooperation_partners b ON b.cooperation_id = c.id AND a.organisation_id < b.organisation_id
          JOIN organisations oa ON oa.id = a.organisation_id JOIN organisations ob ON ob.id = b.organisation_id
          WHERE c.deleted_at IS NULL AND c.status NOT IN ('cancelled', 'not_feasible') AND ${scopeCondition(sql`c.region_code`, code)} AND ${formatCond}
          GROUP BY a.organisation_id, b.organisation_id) f WHERE f.first BETWEEN ${from} AND ${to}`);
        for (const r of members) addNewPair(newPairMembers, r.m, [r.a, r.b].filter((id): id is number => id !== null).sort((x, y) => x - y));
      }
    } else {
      const rows = await db.all<{ p: string; n: number; done: number; volunteers: number; hours: number; value: number; people: number }>(sql`
        SELECT ${period} AS p, count(*) AS n, total(c.status = 'done') AS done,
               total(CASE WHEN c.status NOT IN ('cancelled', 'not_feasible') THEN c.volunteers END) AS volunteers,
               total(CASE WHEN c.status NOT IN ('cancelled', 'not_feasible') THEN c.hours END) AS hours,
               total(CASE WHEN c.status NOT IN ('cancelled', 'not_feasible') THEN c.value_eur END) AS value,
               total(CASE WHEN c.status NOT IN ('cancelled', 'not_feasible') THEN c.people_reached END) AS people
        FROM cooperations c WHERE ${base} GROUP BY p`);
      const pick: Record<string, (r: (typeof rows)[number]) => number | null> = {
        cooperations: (r) => r.n,
        done: (r) => r.done,
        fulfilmentRate: (r) => (r.n ? r.done / r.n : null),
        volunteers: (r) => r.volunteers,
        hours: (r) => r.hours,
        valueEur: (r) => r.value,
        peopleReached: (r) => r.people,
      };
      rows.forEach((r) => {
        values.set(r.p, pick[q.metric](r));
        if (hasBase) bases.set(r.p, r.n);
      });
    }
  } else {
    const history = new Map(
      (
        await db.all<{ period: string; summary: string }>(sql`SELECT period, summary FROM metric_history
          WHERE region_code = ${code} AND period IN (SELECT value FROM json_each(${JSON.stringify(list.map((p) => p.end.slice(0, 7)))}))`)
      ).map((r) => [r.period, r.summary]),
    );
    const first = firstRow?.d;
    const now = today();
    // No cooperation before the window's end, or a period not begun: nothing to compute. A period
    // still running is computed up to today.
    const windowEnd = (p: Period) => (p.end < now ? p.end : now);
    const computable = (p: Period) => !!first && first <= p.end && p.end.slice(0, 7) <= now.slice(0, 7);
    let budget = first && (await scopeSize(db, code)) <= RECOMPUTE_ON_READ_LIMIT ? TREND_COMPUTE_BUDGET : 0;
    const started = Date.now();
    for (const p of list) {
      const stored = history.get(p.end.slice(0, 7));
      let network = stored ? (JSON.parse(stored).network as Record<string, number | null>) : null;
      if (!network && computable(p) && budget > 0 && Date.now() - started < TREND_COMPUTE_MS) {
        budget--;
        network = (await computeHistoryPoint(db, code, windowEndingOn(windowEnd(p), DEFAULT_WINDOW_MONTHS))).network as unknown as Record<string, number | null>;
      }
      values.set(p.label, network ? (network[q.metric] ?? null) : null);
      if (hasBase) bases.set(p.label, network ? (network.nodes ?? null) : null);
    }
  }
  const fill = flowMetrics.includes(q.metric) && q.metric !== "fulfilmentRate" ? 0 : null;
  // A flow period without cooperations has the base 0; a network point not computed has none.
  const baseFill = flowMetrics.includes(q.metric) ? 0 : null;
  const raw = list.map((p) => ({
    period: p.label,
    end: p.end,
    value: values.has(p.label) ? values.get(p.label)! : fill,
    ...(hasBase ? { n: bases.has(p.label) ? bases.get(p.label)! : baseFill } : {}),
  }));
  const networkWindow = (end: string) => windowEndingOn(end < today() ? end : today(), DEFAULT_WINDOW_MONTHS);
  const shown = anonymous ? await publicTrend(db, code, q.metric, q.format, raw, networkWindow, q.metric === "newPairs" ? newPairMembers : undefined) : raw.map((p) => ({ value: p.value, n: p.n }));
  const points = list.map((p, i) => ({ period: p.label, value: shown[i].value, ...(hasBase ? { n: shown[i].n ?? null } : {}), partial: p.partial }));
  return c.json({ region: code, metric: q.metric, interval: q.interval, points, computedAt: new Date().toISOString(), revision: await currentRevision(db, code) } as never, 200);
};

export const organisation: RouteHandler<typeof routes.organisation, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator", "funder");
  const { id } = c.req.valid("param");
  const db = createDb(c.env.DB);
  const org = await findOrganisation(db, viewer, id);
  if (viewer.role === "coordinator" && !org.isPublic && !seesDetail(viewer, org.regionCode)) throw forbidden("Outside this token's regions");
  const snapshot = await getSnapshot(db, org.regionCode, resolveWindow(c.req.valid("query")));
  const metrics = await snapshotOrganisation(db, snapshot.id, id);
  if (!metrics) throw notFound("Organisation metrics");
  const ego = await egoEdges(db, snapshot.id, id);
  const partners = new Set(ego.filter((e) => e.a === id || e.b === id).map((e) => (e.a === id ? e.b : e.a)));
  const ids = [id, ...partners];
  const infos = await db.all<{ id: number; name: string; kind: string; regionCode: string; isPublic: number }>(sql`
    SELECT id, name, kind, region_code AS regionCode, is_public AS isPublic FROM organisations WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  const nodes = infos.map((o) => ({ id: o.id, name: visibleName(viewer, o), kind: o.kind, regionCode: o.regionCode, distance: o.id === id ? 0 : 1 }));
  const edges = ego.map((e) => ({ source: e.a, target: e.b, weight: e.weight, hours: e.hours, valueEur: e.valueEur }));
  return c.json(
    {
      organisationId: id,
      metrics,
      ego: { nodes, edges },
      revision: snapshot.revision,
      currentRevision: snapshot.currentRevision,
      stale: snapshot.stale,
      computedAt: snapshot.computedAt,
      window: snapshot.window,
    } as never,
    200,
  );
};

export const conversion: RouteHandler<typeof routes.conversionRoute, AppEnv> = async (c) => {
  const q = c.req.valid("query");
  const db = createDb(c.env.DB);
  const snapshot = await getSnapshot(db, q.region, resolveWindow({ to: q.to }), { scopeMustExist: true, reuseForMs: reuseWindowMs(c.env.SNAPSHOT_REUSE_MS, c.req.header(BOOKMARK_HEADER)) });
  let rows: Array<{ format: string; year: number | null; pairs: number; converted: number; rate: number | null; pending: number }> = snapshot.summary.conversion;
  if (q.by === "format") {
    // Summed before suppression, so a format's rate is the same for every caller.
    const byFormat = new Map<string, { pairs: number; converted: number; pending: number }>();
    for (const r of rows) {
      const t = byFormat.get(r.format) ?? { pairs: 0, converted: 0, pending: 0 };
      t.pairs += r.pairs;
      t.converted += r.converted;
      t.pending += r.pending;
      byFormat.set(r.format, t);
    }
    rows = [...byFormat].map(([format, t]) => ({ format, year: null, ...t, rate: t.pairs ? t.converted / t.pairs : null }));
  }
  const shown = c.get("viewer").role === "anonymous" ? await publicConversion(db, q.region, snapshot.window.to, rows) : rows;
  return c.json({ region: q.region, revision: snapshot.revision, computedAt: snapshot.computedAt, stale: snapshot.stale, rows: shown } as never, 200);
};
