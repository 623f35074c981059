/**
 * @module
 * Network handlers: read the region's snapshot and shape it. The network is streamed page by page
 * (JSON, GEXF, GraphML, CSV) so a national snapshot never sits in memory whole; the layout of
 * networks up to {@link LAYOUT_LIMIT} nodes is computed once per snapshot and stored with it.
 * Organisation-level detail is for tokens: anonymous callers get 401; coordinators see names of
 * non-public organisations only in their regions.
 */
import type { RouteHandler, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { sql } from "drizzle-orm";
import { UndirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { requireRole, type Viewer } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { chunkForJson } from "../../db/bulk";
import { createDb, inBatch, readTogether, type Db } from "../../db/client";
import { createRng } from "../../graph/random";
import { radiusFor } from "../../../dashboard/src/network-view/model";
import { KIND_COLOURS, OKABE_ITO } from "../../../dashboard/src/palette";
import { csvLine as dialectCsvLine } from "../../export/csv";
import type { ExportCell } from "../../export/cells";
import { csvLine, gexfWriter, graphmlWriter, rgb, toCsv, zipStream, type AttributeSchema, type AttributeValue, type ExportEdge, type ExportNode, type GraphWriter, type NodeViz } from "../../network/export-formats";
import {
  EDGE_PAGE,
  edgePageQuery,
  edgePages,
  eventTiePages,
  maxDegree,
  ORGANISATION_PAGE,
  organisationPageQuery,
  organisationPages,
  organisationRows,
  outsidePartnersQuery,
  snapshotOrganisationPage,
  snapshotSize,
  type OutsidePartner,
} from "../../network/snapshot-reads";
import { getSnapshot, type Snapshot, type SnapshotEdge, type StoredOrganisationMetrics } from "../../network/snapshots";
import { cachedNetworkResponse } from "../../network/response-cache";
import { reuseWindowMs } from "../../network/recent-snapshots";
import { BOOKMARK_HEADER } from "../../db/session";
import { waitUntilOf } from "../../lib/background";
import { resolveWindow } from "../../network/window";
import { visibleName } from "../../db/visibility";
import type * as routes from "./network.routes";

/** Networks up to this many organisations get a layout; larger ones are for analysis tools. */
export const LAYOUT_LIMIT = 3000;

/** Node attributes of the network files, typed (docs/network-files.md); x and y are GEXF's viz:position. */
const NODE_ATTRIBUTES: AttributeSchema = [
  ["kind", "string"], ["regionCode", "string"], ["field", "string"], ["industry", "string"], ["isPublic", "boolean"], ["inScope", "boolean"], ["status", "string"],
  ["degree", "integer"], ["strength", "integer"], ["hours", "double"], ["valueEur", "double"],
  ["firstCooperation", "string"], ["lastCooperation", "string"], ["twoStepReach", "integer"], ["betweenness", "double"],
  ["harmonicCloseness", "double"], ["pagerank", "double"], ["community", "integer"], ["effectiveSize", "double"],
  ["efficiency", "double"], ["constraint", "double"], ["eiIndexRegion", "double"], ["eiIndexSector", "double"],
  ["tiePersistence", "double"],
];
const POSITION_ATTRIBUTES: AttributeSchema = [["x", "double"], ["y", "double"]];
const EDGE_ATTRIBUTES: AttributeSchema = [["layer", "string"], ["hours", "double"], ["valueEur", "double"], ["firstDate", "string"], ["lastDate", "string"]];
const DATE_ATTRIBUTES = new Set(["firstCooperation", "lastCooperation", "firstDate", "lastDate"]);

/**
 * GEXF's drawing as the network view shows it by default: colour by kind (the dashboard's
 * palette), size by partners (the view's radius, area proportional to partners), position from
 * the stored layout.
 */
function vizOf(n: NodeOut, mostPartners: number): NodeViz {
  const partners = typeof n.degree === "number" ? n.degree : 0;
  return {
    position: typeof n.x === "number" && typeof n.y === "number" ? { x: n.x, y: n.y } : null,
    size: radiusFor(partners, Math.max(1, mostPartners)),
    color: rgb(KIND_COLOURS[String(n.kind)] ?? OKABE_ITO.grey),
  };
}

/** A cell of the ZIP's CSV files: dates per dialect, numbers with a decimal comma in German. */
const csvCell = (name: string, v: AttributeValue): ExportCell => (v === undefined ? null : typeof v === "string" && DATE_ATTRIBUTES.has(name) ? { date: v } : v);

type Positions = Map<number, { x: number; y: number }>;
type NodeOut = Record<string, unknown> & { id: number; name: string };

type LayoutRow = { id: number; x: number; y: number };

/** What a network read streams first, read in one D1 round trip. */
interface FirstPages {
  /** The stored layout (empty when none is stored yet, or the network is too large for one). */
  layout: LayoutRow[];
  organisations: StoredOrganisationMetrics[];
  outside: OutsidePartner[];
  edges: SnapshotEdge[];
}

async function readFirstPages(db: Db, snapshotId: number): Promise<FirstPages> {
  const [layout, organisations, outside, edges] = await readTogether(db, [
    sql`SELECT organisation_id AS id, x, y FROM snapshot_layouts WHERE snapshot_id = ${snapshotId}`,
    organisationPageQuery(snapshotId, { limit: ORGANISATION_PAGE, withoutSuggestions: true }),
    outsidePartnersQuery(snapshotId),
    edgePageQuery(snapshotId, { a: -1, b: -1 }, EDGE_PAGE),
  ]);
  return {
    layout: layout as LayoutRow[],
    organisations: organisationRows(organisations as { metrics: string }[]),
    outside: outside as unknown as OutsidePartner[],
    edges: edges as unknown as SnapshotEdge[],
  };
}

/** The stored layout, or one computed (ForceAtlas2, seeded) and stored for small networks. */
async function layoutOf(db: Db, snapshot: Snapshot, pages: FirstPages): Promise<Positions | null> {
  // Only small networks have stored layouts, so a warm read of one needs no size query.
  const stored = pages.layout;
  if (stored.length > 0) return new Map(stored.map((p) => [p.id, { x: p.x, y: p.y }]));
  if ((await snapshotSize(db, snapshot.id)) > LAYOUT_LIMIT) return null;
  const g = new UndirectedGraph();
  const rng = createRng(7);
  const add = (id: number) => g.hasNode(String(id)) || g.addNode(String(id), { x: rng() * 100, y: rng() * 100 });
  for await (const page of organisationPages(db, snapshot.id, { withoutSuggestions: true, firstPage: pages.organisations })) page.forEach((o) => add(o.organisationId));
  for await (const page of edgePages(db, snapshot.id, EDGE_PAGE, pages.edges)) {
    for (const e of page) {
      add(e.a);
      add(e.b);
      g.mergeEdge(String(e.a), String(e.b), { weight: e.weight });
    }
  }
  if (g.order === 0) return new Map();
  const settings = forceAtlas2.inferSettings(g);
  forceAtlas2.assign(g, { iterations: g.order > 1000 ? 60 : 150, settings: { ...settings, gravity: 1, scalingRatio: 4 }, getEdgeWeight: "weight" });
  const positions: Positions = new Map(g.mapNodes((id, a) => [Number(id), { x: a.x as number, y: a.y as number }]));
  const rows = [...positions].map(([id, p]) => [id, p.x, p.y]);
  // Stored alongside the snapshot; a concurrent request storing the same layout is harmless.
  const statements = chunkForJson(rows).map((chunk) =>
    inBatch(db, db.run(sql`INSERT OR IGNORE INTO snapshot_layouts (snapshot_id, organisation_id, x, y)
      SELECT ${snapshot.id}, j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(${JSON.stringify(chunk)}) j`)),
  );
  if (statements.length) await db.batch([statements[0], ...statements.slice(1)]);
  return positions;
}

function nodeOut(viewer: Viewer, m: StoredOrganisationMetrics, positions: Positions | null): NodeOut {
  const { suggestions: _s, ...metrics } = m;
  const p = positions?.get(m.organisationId);
  return { ...metrics, id: m.organisationId, name: visibleName(viewer, m), inScope: true, x: p?.x ?? null, y: p?.y ?? null };
}

function outsideOut(viewer: Viewer, o: OutsidePartner, positions: Positions | null): NodeOut {
  const p = positions?.get(o.id);
  return {
    id: o.id,
    organisationId: o.id,
    name: visibleName(viewer, o),
    kind: o.kind,
    regionCode: o.regionCode,
    field: o.field,
    industry: o.industry,
    isPublic: o.isPublic === 1,
    inScope: false,
    degree: o.degree,
    community: o.community,
    x: p?.x ?? null,
    y: p?.y ?? null,
  };
}

const edgeOut = (e: SnapshotEdge) => ({ source: e.a, target: e.b, weight: e.weight, hours: e.hours, valueEur: e.valueEur, firstDate: e.firstDate, lastDate: e.lastDate });

/** Every node of the snapshot (scope's organisations, then outside partners), page by page. */
async function* nodePages(db: Db, viewer: Viewer, snapshot: Snapshot, positions: Positions | null, first: FirstPages): AsyncGenerator<NodeOut[]> {
  for await (const page of organisationPages(db, snapshot.id, { withoutSuggestions: true, firstPage: first.organisations })) yield page.map((m) => nodeOut(viewer, m, positions));
  if (first.outside.length) yield first.outside.map((o) => outsideOut(viewer, o, positions));
}

/** A streamed response body from an async sequence of text pieces. */
function streamOf(pieces: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pieces();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

/**
 * What both endpoints do: organisation-level access, the scope's current snapshot, and the body
 * for `query` shaped once per snapshot and audience, then served from memory or the Cache API
 * (network/response-cache.ts).
 */
async function cachedRegionResponse(c: Context<AppEnv>, code: string, window: { from?: string; to?: string; window?: string }, query: Record<string, string | undefined>, build: (db: Db, snapshot: Snapshot) => Promise<Response>) {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator", "funder");
  const db = createDb(c.env.DB);
  const resolved = resolveWindow(window);
  // A cached body is found by the snapshot's id and revision only, so the isolate may reuse what
  // D1 just said about them (never for a client that has written: it sends its bookmark).
  const reuseForMs = reuseWindowMs(c.env.SNAPSHOT_REUSE_MS, c.req.header(BOOKMARK_HEADER));
  const snapshot = await getSnapshot(db, code, resolved, { scopeMustExist: true, reuseForMs });
  const background = waitUntilOf(c);
  return cachedNetworkResponse({
    viewer,
    scope: code,
    snapshot,
    confirm: reuseForMs > 0 ? () => getSnapshot(db, code, resolved, { scopeMustExist: true }) : async () => snapshot,
    query,
    ifNoneMatch: c.req.header("If-None-Match"),
    enabled: c.env.NETWORK_CACHE !== "off",
    // No execution context (a direct app.fetch): the put finishes on its own.
    waitUntil: (p) => (background ? background(p) : void p),
    build: (confirmed) => build(db, confirmed),
  });
}

export const network: RouteHandler<typeof routes.network, AppEnv> = async (c) => {
  const { code } = c.req.valid("param");
  const q = c.req.valid("query");
  return cachedRegionResponse(c, code, q, { format: q.format, locale: q.locale, eventTies: q.eventTies }, (db, snapshot) => shapeNetwork(c, db, snapshot, code, q)) as never;
};

type NetworkQuery = z.output<(typeof routes.network)["request"]["query"]>;

async function shapeNetwork(c: Context<AppEnv>, db: Db, snapshot: Snapshot, code: string, q: NetworkQuery): Promise<Response> {
  const viewer = c.get("viewer");
  const pages = await readFirstPages(db, snapshot.id);
  const positions = await layoutOf(db, snapshot, pages);
  const withEvents = q.eventTies === "true";
  const name = `kooperationsatlas-${code}-${snapshot.window.from}-${snapshot.window.to}`;
  const headers = (type: string, ext?: string) => ({
    "Content-Type": type,
    ...(ext ? { "Content-Disposition": `attachment; filename="${name}.${ext}"` } : {}),
    "X-Revision": String(snapshot.revision),
    "X-Computed-At": snapshot.computedAt,
  });

  if (q.format === "json") {
    const meta = { region: code, revision: snapshot.revision, currentRevision: snapshot.currentRevision, computedAt: snapshot.computedAt, stale: snapshot.stale, window: snapshot.window, metrics: snapshot.summary.network };
    const body = streamOf(async function* () {
      yield JSON.stringify(meta).slice(0, -1) + ',"nodes":[';
      let first = true;
      // One chunk per page, not per node: every chunk is a write on the way to the client.
      for await (const page of nodePages(db, viewer, snapshot, positions, pages)) {
        yield (first ? "" : ",") + page.map((n) => JSON.stringify(n)).join(",");
        first = false;
      }
      yield '],"edges":[';
      first = true;
      for await (const page of edgePages(db, snapshot.id, EDGE_PAGE, pages.edges)) {
        yield (first ? "" : ",") + page.map((e) => JSON.stringify(edgeOut(e))).join(",");
        first = false;
      }
      if (withEvents) {
        yield '],"eventTies":[';
        first = true;
        for await (const page of eventTiePages(db, snapshot.id, code, snapshot.window)) {
          yield (first ? "" : ",") + page.map((t) => JSON.stringify({ source: t.a, target: t.b, events: t.events, layer: "event" })).join(",");
          first = false;
        }
      }
      yield "]}";
    });
    return c.body(body, 200, headers("application/json; charset=utf-8")) as never;
  }

  if (q.format === "csv") {
    const body = streamOf(async function* () {
      yield csvLine(["source", "target", "weight", "hours", "value_eur", "first_date", "last_date", "layer"]);
      for await (const page of edgePages(db, snapshot.id, EDGE_PAGE, pages.edges)) yield page.map((e) => csvLine([e.a, e.b, e.weight, e.hours, e.valueEur, e.firstDate, e.lastDate, "cooperation"])).join("");
      if (withEvents) for await (const page of eventTiePages(db, snapshot.id, code, snapshot.window)) yield page.map((t) => csvLine([t.a, t.b, t.events, "", "", "", "", "event"])).join("");
    });
    return c.body(body, 200, headers("text/csv; charset=utf-8", "csv")) as never;
  }

  if (q.format === "zip") {
    const locale = q.locale;
    const nodeColumns = [...NODE_ATTRIBUTES, ...POSITION_ATTRIBUTES].map(([k]) => k);
    const edgeColumns = EDGE_ATTRIBUTES.map(([k]) => k);
    const bom = "\uFEFF"; // Excel reads UTF-8 (umlauts) only with it
    const body = zipStream([
      {
        name: "nodes.csv",
        pieces: async function* () {
          yield bom + dialectCsvLine(["id", "label", ...nodeColumns], locale);
          for await (const page of nodePages(db, viewer, snapshot, positions, pages)) {
            yield page.map((n) => dialectCsvLine([n.id, n.name, ...nodeColumns.map((k) => csvCell(k, n[k] as AttributeValue))], locale)).join("");
          }
        },
      },
      {
        name: "edges.csv",
        pieces: async function* () {
          yield bom + dialectCsvLine(["source", "target", "weight", ...edgeColumns], locale);
          for await (const page of edgePages(db, snapshot.id, EDGE_PAGE, pages.edges)) {
            yield page.map((e) => {
              const a: Record<string, AttributeValue> = { ...edgeOut(e), layer: "cooperation" };
              return dialectCsvLine([e.a, e.b, e.weight, ...edgeColumns.map((k) => csvCell(k, a[k]))], locale);
            }).join("");
          }
          if (withEvents) {
            for await (const page of eventTiePages(db, snapshot.id, code, snapshot.window)) {
              yield page.map((t) => dialectCsvLine([t.a, t.b, t.events, "event", ...edgeColumns.slice(1).map(() => null)], locale)).join("");
            }
          }
        },
      },
    ]);
    return c.body(body, 200, headers("application/zip", "zip")) as never;
  }

  const mostPartners = q.format === "gexf" ? Math.max(await maxDegree(db, snapshot.id), ...pages.outside.map((o) => o.degree)) : 0;
  const writer: GraphWriter =
    q.format === "gexf"
      ? gexfWriter(NODE_ATTRIBUTES, EDGE_ATTRIBUTES, `Cooperation network ${code}, ${snapshot.window.from} – ${snapshot.window.to}`)
      : graphmlWriter([...NODE_ATTRIBUTES, ...POSITION_ATTRIBUTES], EDGE_ATTRIBUTES);
  const body = streamOf(async function* () {
    yield writer.header();
    for await (const page of nodePages(db, viewer, snapshot, positions, pages)) {
      yield page
        .map((n) => writer.node({ id: n.id, label: n.name, attributes: n as ExportNode["attributes"], viz: q.format === "gexf" ? vizOf(n, mostPartners) : undefined }))
        .join("");
    }
    yield writer.between();
    for await (const page of edgePages(db, snapshot.id, EDGE_PAGE, pages.edges)) {
      yield page.map((e) => writer.edge({ source: e.a, target: e.b, weight: e.weight, attributes: { ...edgeOut(e), layer: "cooperation" } as ExportEdge["attributes"] })).join("");
    }
    if (withEvents) {
      for await (const page of eventTiePages(db, snapshot.id, code, snapshot.window)) {
        yield page.map((t) => writer.edge({ source: t.a, target: t.b, weight: t.events, attributes: { layer: "event" } })).join("");
      }
    }
    yield writer.footer();
  });
  return c.body(body, 200, headers(q.format === "gexf" ? "application/gexf+xml; charset=utf-8" : "application/graphml+xml; charset=utf-8", q.format)) as never;
};

/** Page size of the isolated list (coordinators work through a region's list page by page). */
const ISOLATED_PAGE_MAX = 1000;

export const isolated: RouteHandler<typeof routes.isolated, AppEnv> = async (c) => {
  const { code } = c.req.valid("param");
  const q = c.req.valid("query");
  // Each page of the list is a body of its own, like each format of the network.
  const query = { list: "isolated", status: q.status, kind: q.kind, format: q.format, limit: q.limit === undefined ? undefined : String(q.limit), cursor: q.cursor };
  return cachedRegionResponse(c, code, q, query, (db, snapshot) => isolatedPage(c, db, snapshot, code, q)) as never;
};

type IsolatedQuery = z.output<(typeof routes.isolated)["request"]["query"]>;

async function isolatedPage(c: Context<AppEnv>, db: Db, snapshot: Snapshot, code: string, q: IsolatedQuery): Promise<Response> {
  const viewer = c.get("viewer");
  const statuses = q.status ? [q.status] : ["isolated", "peripheral", "fading"];
  const limit = Math.min(q.limit ?? ISOLATED_PAGE_MAX, ISOLATED_PAGE_MAX);
  const page = await snapshotOrganisationPage(db, snapshot.id, { statuses, kind: q.kind, afterId: q.cursor ? Number(q.cursor) : undefined, limit: limit + 1 });
  const hasMore = page.length > limit;
  const order = { isolated: 0, peripheral: 1, fading: 2, connected: 3 };
  const rows = page
    .slice(0, limit)
    .map((m) => ({
      organisationId: m.organisationId,
      name: visibleName(viewer, m),
      kind: m.kind,
      regionCode: m.regionCode,
      status: m.status,
      degree: m.degree,
      lastCooperation: m.lastCooperation,
      suggestions: (m.suggestions ?? []).map((s) => ({ ...s, name: visibleName(viewer, { ...s, isPublic: false }) })),
    }))
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, "de"));
  const nextCursor = hasMore ? String(page[limit - 1].organisationId) : null;
  if (q.format === "csv") {
    const csv = toCsv(
      ["organisation_id", "name", "kind", "region", "status", "partners", "last_cooperation", "suggestion_rank", "suggested_id", "suggested_name", "score", "reasons"],
      rows.flatMap((r) =>
        (r.suggestions.length ? r.suggestions : [null]).map((s, i) => [r.organisationId, r.name, r.kind, r.regionCode, r.status, r.degree, r.lastCooperation, s ? i + 1 : "", s?.organisationId ?? "", s?.name ?? "", s?.score ?? "", s?.reasons.join("; ") ?? ""]),
      ),
      ";",
    );
    return c.body("\uFEFF" + csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="isolated-${code}.csv"`,
      ...(nextCursor ? { "X-Next-Cursor": nextCursor } : {}),
    });
  }
  return c.json({ region: code, revision: snapshot.revision, computedAt: snapshot.computedAt, stale: snapshot.stale, window: snapshot.window, organisations: rows, nextCursor } as never, 200);
}
