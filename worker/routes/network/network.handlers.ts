/**
 * @module
 * Network handlers: read the region's snapshot (ties and per-organisation metrics) and shape it.
 * Organisation-level detail is for tokens: anonymous callers get 401; coordinators see names of
 * non-public organisations only in their regions.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { UndirectedGraph } from "graphology";
import { requireRole } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { createDb } from "../../db/client";
import { createRng } from "../../graph/random";
import { toCsv, toGexf, toGraphml } from "../../network/export-formats";
import { getSnapshot, snapshotEdges, snapshotOrganisations } from "../../network/snapshots";
import { resolveWindow } from "../../network/window";
import { sql } from "drizzle-orm";
import { assertScope, visibleName } from "../metrics/metrics.handlers";
import type * as routes from "./network.routes";

/** Above this many nodes no layout is computed (clients draw large networks by community instead). */
const LAYOUT_LIMIT = 3000;

export const network: RouteHandler<typeof routes.network, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator", "funder");
  const { code } = c.req.valid("param");
  const q = c.req.valid("query");
  const db = createDb(c.env.DB);
  await assertScope(db, code);
  const snapshot = await getSnapshot(db, code, resolveWindow(q));
  const metrics = await snapshotOrganisations(db, snapshot.id);
  const edges = await snapshotEdges(db, snapshot.id);
  // Partners from outside the scope appear as nodes too, with their basic attributes only.
  const known = new Set(metrics.map((m) => m.organisationId));
  const outsideIds = [...new Set(edges.flatMap((e) => [e.a, e.b]).filter((id) => !known.has(id)))];
  const outside = outsideIds.length
    ? await db.all<{ id: number; name: string; kind: string; regionCode: string; isPublic: number }>(sql`
        SELECT id, name, kind, region_code AS regionCode, is_public AS isPublic FROM organisations WHERE id IN (SELECT value FROM json_each(${JSON.stringify(outsideIds)}))`)
    : [];
  const nodes = [
    ...metrics.map(({ suggestions: _s, ...m }) => ({ ...m, id: m.organisationId, name: visibleName(viewer, m), inScope: true })),
    ...outside.map((o) => ({ id: o.id, organisationId: o.id, name: visibleName(viewer, o), kind: o.kind, regionCode: o.regionCode, isPublic: o.isPublic === 1, inScope: false })),
  ];

  let positions: Map<number, { x: number; y: number }> | null = null;
  if (nodes.length <= LAYOUT_LIMIT) {
    const g = new UndirectedGraph();
    const rng = createRng(7);
    for (const n of nodes) g.addNode(String(n.id), { x: rng() * 100, y: rng() * 100 });
    for (const e of edges) g.mergeEdge(String(e.a), String(e.b), { weight: e.weight });
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, { iterations: nodes.length > 1000 ? 60 : 150, settings: { ...settings, gravity: 1, scalingRatio: 4 }, getEdgeWeight: "weight" });
    positions = new Map(g.mapNodes((id, a) => [Number(id), { x: a.x as number, y: a.y as number }]));
  }
  const withLayout = nodes.map((n) => ({ ...n, x: positions?.get(n.id)?.x ?? null, y: positions?.get(n.id)?.y ?? null }));
  const edgeOut = edges.map((e) => ({ source: e.a, target: e.b, weight: e.weight, hours: e.hours, valueEur: e.valueEur }));

  if (q.format === "json") {
    return c.json(
      { region: code, revision: snapshot.revision, computedAt: snapshot.computedAt, stale: snapshot.stale, window: snapshot.window, metrics: snapshot.summary.network, nodes: withLayout, edges: edgeOut } as never,
      200,
    );
  }
  const exportNodes = withLayout.map(({ id, name, ...rest }) => ({
    id,
    label: name,
    attributes: Object.fromEntries(Object.entries(rest).filter(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v))) as Record<string, string | number | boolean | null>,
  }));
  const exportEdges = edgeOut.map((e) => ({ source: e.source, target: e.target, weight: e.weight, attributes: { hours: e.hours, valueEur: e.valueEur } }));
  const name = `kooperationsatlas-${code}-${snapshot.window.from}-${snapshot.window.to}`;
  const headers = (type: string, ext: string) => ({
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${name}.${ext}"`,
    "X-Revision": String(snapshot.revision),
    "X-Computed-At": snapshot.computedAt,
  });
  if (q.format === "gexf") return c.body(toGexf(exportNodes, exportEdges, { description: `Cooperation network ${code}, ${snapshot.window.from} – ${snapshot.window.to}` }), 200, headers("application/gexf+xml; charset=utf-8", "gexf"));
  if (q.format === "graphml") return c.body(toGraphml(exportNodes, exportEdges), 200, headers("application/graphml+xml; charset=utf-8", "graphml"));
  const csv = toCsv(
    ["source", "target", "source_name", "target_name", "weight", "hours", "value_eur"],
    edgeOut.map((e) => [e.source, e.target, withLayout.find((n) => n.id === e.source)?.name, withLayout.find((n) => n.id === e.target)?.name, e.weight, e.hours, e.valueEur]),
  );
  return c.body(csv, 200, headers("text/csv; charset=utf-8", "csv"));
};

export const isolated: RouteHandler<typeof routes.isolated, AppEnv> = async (c) => {
  const viewer = c.get("viewer");
  requireRole(viewer, "admin", "coordinator", "funder");
  const { code } = c.req.valid("param");
  const q = c.req.valid("query");
  const db = createDb(c.env.DB);
  await assertScope(db, code);
  const snapshot = await getSnapshot(db, code, resolveWindow(q));
  const statuses = q.status ? [q.status] : ["isolated", "peripheral", "fading"];
  const order = { isolated: 0, peripheral: 1, fading: 2, connected: 3 };
  const rows = (await snapshotOrganisations(db, snapshot.id, statuses))
    .filter((m) => !q.kind || m.kind === q.kind)
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, "de"))
    .map((m) => ({
      organisationId: m.organisationId,
      name: visibleName(viewer, m),
      kind: m.kind,
      regionCode: m.regionCode,
      status: m.status,
      degree: m.degree,
      lastCooperation: m.lastCooperation,
      suggestions: m.suggestions.map((s) => ({ ...s, name: visibleName(viewer, { ...s, isPublic: false }) })),
    }));
  if (q.format === "csv") {
    const csv = toCsv(
      ["organisation_id", "name", "kind", "region", "status", "partners", "last_cooperation", "suggestion_rank", "suggested_id", "suggested_name", "score", "reasons"],
      rows.flatMap((r) =>
        (r.suggestions.length ? r.suggestions : [null]).map((s, i) => [r.organisationId, r.name, r.kind, r.regionCode, r.status, r.degree, r.lastCooperation, s ? i + 1 : "", s?.organisationId ?? "", s?.name ?? "", s?.score ?? "", s?.reasons.join("; ") ?? ""]),
      ),
      ";",
    );
    return c.body("\uFEFF" + csv, 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="isolated-${code}.csv"` });
  }
  return c.json({ region: code, revision: snapshot.revision, computedAt: snapshot.computedAt, stale: snapshot.stale, window: snapshot.window, organisations: rows } as never, 200);
};
