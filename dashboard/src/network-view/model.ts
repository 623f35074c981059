/**
 * @module
 * What the network view shows, without drawing: the graph as arrays (adjacency by index), a
 * node's one- and two-step neighbourhood, name search that folds German umlauts and case,
 * filters, node sizes by a chosen metric and which labels fit. Pure, so it is unit-tested and the
 * drawing stays a loop over arrays (2 000 nodes at 60 frames per second).
 */

/** A node as the network API gives it (metrics are absent for partners outside the region). */
export interface ApiNode {
  id: number;
  name: string;
  kind: string;
  x: number | null;
  y: number | null;
  inScope?: boolean;
  status?: string;
  community?: number | null;
  degree?: number;
  betweenness?: number;
  twoStepReach?: number;
  pagerank?: number;
  /** Field of work (non-profits, public bodies, intermediaries) or industry (companies), when the API sends them. */
  field?: string | null;
  industry?: string | null;
  sector?: string | null;
}

export interface ApiEdge {
  source: number;
  target: number;
  weight: number;
}

export const SIZE_METRICS = ["degree", "betweenness", "twoStepReach", "pagerank"] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

/** Status of a partner registered outside the region (the API computes no status for it). */
export const OUTSIDE = "outside";

export interface ViewNode {
  id: number;
  name: string;
  kind: string;
  status: string;
  community: number | null;
  sector: string | null;
  inScope: boolean;
  x: number;
  y: number;
  /** Metric values; null where the API has none (partners outside the region). */
  metrics: Record<SizeMetric, number | null>;
}

export interface NetworkModel {
  nodes: ViewNode[];
  /** Node index by organisation id. */
  index: Map<number, number>;
  /** Edges as index pairs (a, b) and their weights. */
  edgeA: Int32Array;
  edgeB: Int32Array;
  weight: Float64Array;
  adjacency: number[][];
  /** Folded names for the search, by index. */
  folded: string[];
  bare: string[];
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The field of work or industry of a node, whichever the API sends. */
export function sectorOf(n: ApiNode): string | null {
  return n.sector ?? (n.kind === "company" ? (n.industry ?? n.field) : (n.field ?? n.industry)) ?? null;
}

/**
 * The model of the nodes that have a position; edges to nodes without one are left out.
 * Organisations without any tie (isolated) are left out as well: they have no neighbourhood and
 * are listed on the page with their suggestions.
 */
export function buildModel(apiNodes: ApiNode[], apiEdges: ApiEdge[]): NetworkModel {
  const linked = new Set<number>();
  for (const e of apiEdges) {
    linked.add(e.source);
    linked.add(e.target);
  }
  const nodes: ViewNode[] = [];
  const index = new Map<number, number>();
  for (const n of apiNodes) {
    if (n.x === null || n.y === null || !Number.isFinite(n.x) || !Number.isFinite(n.y) || !linked.has(n.id) || index.has(n.id)) continue;
    const inScope = n.inScope !== false;
    index.set(n.id, nodes.length);
    nodes.push({
      id: n.id,
      name: n.name,
      kind: n.kind,
      status: inScope ? (n.status ?? "connected") : OUTSIDE,
      community: num(n.community),
      sector: sectorOf(n),
      inScope,
      x: n.x,
      y: n.y,
      metrics: { degree: num(n.degree), betweenness: num(n.betweenness), twoStepReach: num(n.twoStepReach), pagerank: num(n.pagerank) },
    });
  }
  const adjacency: number[][] = nodes.map(() => []);
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  for (const e of apiEdges) {
    const i = index.get(e.source);
    const j = index.get(e.target);
    if (i === undefined || j === undefined || i === j) continue;
    a.push(i);
    b.push(j);
    w.push(e.weight);
    adjacency[i].push(j);
    adjacency[j].push(i);
  }
  // Partners outside the region carry no metrics: their partners within this network stand in.
  nodes.forEach((n, i) => {
    if (n.metrics.degree === null) n.metrics.degree = new Set(adjacency[i]).size;
  });
  return {
    nodes,
    index,
    edgeA: Int32Array.from(a),
    edgeB: Int32Array.from(b),
    weight: Float64Array.from(w),
    adjacency,
    folded: nodes.map((n) => foldName(n.name)),
    bare: nodes.map((n) => bareName(n.name)),
  };
}

/**
 * Whether the API withheld a name: a non-public organisation the viewer may not see is sent as
 * "(nicht öffentlich #id)". Its page would be refused, so the view links nowhere.
 */
export const isWithheldName = (name: string) => /^\(nicht öffentlich #\d+\)$/.test(name);

/** Lower case with ä→ae, ö→oe, ü→ue, ß→ss and other accents dropped ("Müller" → "mueller"). */
export function foldName(s: string): string {
  return s
    .normalize("NFC")
    .toLocaleLowerCase("de-DE")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ");
}

/** Lower case without any accents ("Müller" → "muller"), for those who type without umlauts. */
export function bareName(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("de-DE").replace(/ß/g, "ss").replace(/\s+/g, " ");
}

/** Whether the node at `i` matches a search text (empty text: every node). */
export function matchesSearch(model: NetworkModel, i: number, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  return model.folded[i].includes(foldName(q)) || model.bare[i].includes(bareName(q));
}

/** Filters of the view; an empty string means "all". */
export interface Filters {
  kind: string;
  status: string;
  community: string;
  sector: string;
}

export const NO_FILTERS: Filters = { kind: "", status: "", community: "", sector: "" };

/** 1 for each node that passes the filters, else 0. */
export function filterMask(model: NetworkModel, f: Filters): Uint8Array {
  const mask = new Uint8Array(model.nodes.length);
  model.nodes.forEach((n, i) => {
    const ok =
      (!f.kind || n.kind === f.kind) &&
      (!f.status || n.status === f.status) &&
      (!f.community || String(n.community) === f.community) &&
      (!f.sector || n.sector === f.sector);
    mask[i] = ok ? 1 : 0;
  });
  return mask;
}

/** Distance from the focus node: 0 for itself, 1 and 2 for its neighbourhood, 255 beyond. */
export const FAR = 255;

export function neighbourhood(model: NetworkModel, focus: number): Uint8Array {
  const dist = new Uint8Array(model.nodes.length).fill(FAR);
  if (focus < 0 || focus >= model.nodes.length) return dist;
  dist[focus] = 0;
  for (const j of model.adjacency[focus]) dist[j] = 1;
  for (const j of model.adjacency[focus]) for (const k of model.adjacency[j]) if (dist[k] === FAR) dist[k] = 2;
  return dist;
}

/** Counts of one- and two-step neighbours in a distance array. */
export function neighbourCounts(dist: Uint8Array): { one: number; two: number } {
  let one = 0;
  let two = 0;
  for (const d of dist) {
    if (d === 1) one++;
    else if (d === 2) two++;
  }
  return { one, two };
}

export const MIN_RADIUS = 2.5;
export const MAX_RADIUS = 14;

/** The largest value of a metric over the nodes (at least a tiny positive number). */
export function metricMax(model: NetworkModel, metric: SizeMetric): number {
  let max = 0;
  for (const n of model.nodes) max = Math.max(max, n.metrics[metric] ?? 0);
  return max > 0 ? max : 1e-12;
}

/** Radius (CSS px) of a value: area proportional to the value, so big differences stay readable. */
export function radiusFor(value: number | null, max: number): number {
  const v = Math.max(0, value ?? 0);
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.min(1, v / max));
}

/** Node radii (CSS px) by a metric. */
export function radii(model: NetworkModel, metric: SizeMetric): Float32Array {
  const max = metricMax(model, metric);
  return Float32Array.from(model.nodes, (n) => radiusFor(n.metrics[metric], max));
}

/** Node indices ordered by a metric, largest first (ties by name, so the order is stable). */
export function rankBy(model: NetworkModel, metric: SizeMetric, among?: (i: number) => boolean): number[] {
  const idx: number[] = [];
  for (let i = 0; i < model.nodes.length; i++) if (!among || among(i)) idx.push(i);
  return idx.sort((i, j) => (model.nodes[j].metrics[metric] ?? -1) - (model.nodes[i].metrics[metric] ?? -1) || model.nodes[i].name.localeCompare(model.nodes[j].name, "de"));
}

export interface LabelBox {
  i: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Greedy label placement: candidates in order of importance, each placed right of its node unless
 * its box overlaps one already placed (or leaves the drawing); at most `max` labels.
 */
export function placeLabels(
  candidates: number[],
  at: (i: number) => { x: number; y: number; r: number },
  width: (i: number) => number,
  o: { height: number; max: number; bounds: { w: number; h: number } },
): LabelBox[] {
  const placed: LabelBox[] = [];
  for (const i of candidates) {
    if (placed.length >= o.max) break;
    const p = at(i);
    const w = width(i);
    const box = { i, x: p.x + p.r + 3, y: p.y - o.height / 2, w, h: o.height };
    // Right of the node, else left of it.
    const options = [box, { ...box, x: p.x - p.r - 3 - w }];
    const fit = options.find(
      (b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= o.bounds.w && b.y + b.h <= o.bounds.h && !placed.some((q) => b.x < q.x + q.w + 2 && q.x < b.x + b.w + 2 && b.y < q.y + q.h && q.y < b.y + b.h),
    );
    if (fit) placed.push(fit);
  }
  return placed;
}

/** A view transform: world (layout) coordinates → CSS pixels of the drawing. */
export interface Transform {
  scale: number;
  /** Screen position of world origin. */
  tx: number;
  ty: number;
}

/** The transform that fits the nodes into a box with a margin. */
export function fitTransform(model: NetworkModel, w: number, h: number, margin = 24): Transform {
  if (model.nodes.length === 0) return { scale: 1, tx: w / 2, ty: h / 2 };
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const n of model.nodes) {
    x0 = Math.min(x0, n.x);
    x1 = Math.max(x1, n.x);
    y0 = Math.min(y0, n.y);
    y1 = Math.max(y1, n.y);
  }
  const scale = Math.min((w - 2 * margin) / Math.max(x1 - x0, 1e-9), (h - 2 * margin) / Math.max(y1 - y0, 1e-9));
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return { scale: s, tx: w / 2 - ((x0 + x1) / 2) * s, ty: h / 2 - ((y0 + y1) / 2) * s };
}

/** Zooms by `factor` keeping the screen point (px, py) fixed; the scale stays within [min, max]. */
export function zoomAt(t: Transform, factor: number, px: number, py: number, min: number, max: number): Transform {
  const scale = Math.min(max, Math.max(min, t.scale * factor));
  const k = scale / t.scale;
  return { scale, tx: px - (px - t.tx) * k, ty: py - (py - t.ty) * k };
}
