/**
 * @module
 * The compact cooperation graph: undirected, weighted, stored in compressed-sparse-row typed
 * arrays so that the national graph (≈ 50 000 organisations, 500 000 cooperations) fits a
 * Worker's 128 MB with room for the metric buffers. Node `i`'s partners are
 * `neighbours[offsets[i] … offsets[i + 1] - 1]` (ascending), with the edge's weight (number of
 * cooperations) at the same position in `weights`. Every edge is stored once per endpoint.
 *
 * Metrics in `./metrics` take a {@link CompactGraph} and return arrays indexed like `nodeIds`.
 * {@link toGraphology} converts to a graphology graph for layout and export.
 */
import { UndirectedGraph } from "graphology";

/** Organisation kinds (schema/migrations), in the order of their codes in {@link CompactGraph.kinds}. */
export const NODE_KINDS = ["company", "nonprofit", "public", "intermediary"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** One organisation. `sector` is the field of work (non-profits) or the industry (companies). */
export interface CompactNodeInput {
  id: number;
  kind: NodeKind;
  region?: string | null;
  sector?: string | null;
}

/**
 * One tie between two organisations. Several inputs for the same pair are merged (weights,
 * hours and values summed); `weight` defaults to 1 (one cooperation).
 */
export interface CompactEdgeInput {
  a: number;
  b: number;
  weight?: number;
  hours?: number;
  value?: number;
}

export interface CompactGraphInput {
  nodes: ReadonlyArray<CompactNodeInput>;
  edges: ReadonlyArray<CompactEdgeInput>;
}

/** An undirected weighted graph in compressed-sparse-row form. Treat it as immutable. */
export interface CompactGraph {
  /** Number of nodes. */
  readonly order: number;
  /** Number of distinct undirected edges (partner pairs). */
  readonly size: number;
  /** Organisation id of node `i`. */
  readonly nodeIds: Int32Array;
  /** Node index of an organisation id. */
  readonly index: ReadonlyMap<number, number>;
  /** `order + 1` row offsets into `neighbours`/`weights`. */
  readonly offsets: Int32Array;
  /** Partner node indices, ascending within each row; length `2 · size`. */
  readonly neighbours: Int32Array;
  /** Edge weight (number of cooperations), aligned with `neighbours`. */
  readonly weights: Float64Array;
  /** Volunteer hours per edge, aligned with `neighbours`; null when no input edge had hours. */
  readonly hours: Float64Array | null;
  /** Estimated value (EUR) per edge, aligned with `neighbours`; null when no input edge had a value. */
  readonly value: Float64Array | null;
  /** Kind of node `i` as an index into {@link NODE_KINDS}. */
  readonly kinds: Uint8Array;
  /** Region code of node `i`. */
  readonly regions: ReadonlyArray<string | null>;
  /** Field of work / industry of node `i`. */
  readonly sectors: ReadonlyArray<string | null>;
}

function checkId(id: unknown, what: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < -0x80000000 || id > 0x7fffffff) {
    throw new Error(`buildCompactGraph: ${what} ${String(id)} is not a 32-bit integer id`);
  }
  return id;
}

function checkAmount(amount: number | undefined, fallback: number, what: string, positive: boolean): number {
  if (amount === undefined) return fallback;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0 || (positive && amount === 0)) {
    throw new Error(`buildCompactGraph: edge ${what} must be a ${positive ? "positive" : "non-negative"} finite number`);
  }
  return amount;
}

/**
 * Builds the compact graph. Nodes keep their input order (node `i` is `input.nodes[i]`); isolated
 * nodes are kept, self loops are ignored, several edges between the same pair are merged by
 * summing their weights (and hours and values).
 *
 * Memory: O(n + m) typed arrays; the duplicate-carrying rows are compacted in place.
 *
 * @throws on duplicate node ids, edges naming an unknown node, unknown kinds, or weights that are
 * not positive finite numbers.
 *
 * @example
 * const cg = buildCompactGraph({
 *   nodes: [{ id: 1, kind: "company" }, { id: 2, kind: "nonprofit" }],
 *   edges: [{ a: 1, b: 2 }, { a: 2, b: 1, weight: 2 }],
 * });
 * cg.size; // 1 — one pair, weight 3
 */
export function buildCompactGraph(input: CompactGraphInput): CompactGraph {
  const { nodes, edges } = input;
  const a = new Int32Array(edges.length);
  const b = new Int32Array(edges.length);
  const weight = new Float64Array(edges.length);
  const withHours = edges.some((edge) => edge.hours !== undefined);
  const withValue = edges.some((edge) => edge.value !== undefined);
  const hours = withHours ? new Float64Array(edges.length) : null;
  const value = withValue ? new Float64Array(edges.length) : null;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    a[e] = checkId(edge.a, "edge endpoint");
    b[e] = checkId(edge.b, "edge endpoint");
    weight[e] = checkAmount(edge.weight, 1, "weight", true);
    if (hours) hours[e] = checkAmount(edge.hours, 0, "hours", false);
    else checkAmount(edge.hours, 0, "hours", false);
    if (value) value[e] = checkAmount(edge.value, 0, "value", false);
    else checkAmount(edge.value, 0, "value", false);
  }
  return buildCompactGraphFromColumns({ nodes, a, b, weight, hours, value });
}

/**
 * Edges as typed columns (edge `e` joins organisations `a[e]` and `b[e]`), for callers that hold
 * many edges: no object per edge. Weights default to 1 when `weight` is omitted.
 */
export interface CompactColumnsInput {
  nodes: ReadonlyArray<CompactNodeInput>;
  a: Int32Array;
  b: Int32Array;
  weight?: Float64Array | null;
  hours?: Float64Array | null;
  value?: Float64Array | null;
}

/**
 * {@link buildCompactGraph} for edges given as typed columns; same rules, same result.
 *
 * @throws like {@link buildCompactGraph}.
 *
 * @example
 * buildCompactGraphFromColumns({ nodes, a: Int32Array.of(1), b: Int32Array.of(2), weight: Float64Array.of(3) });
 */
export function buildCompactGraphFromColumns(input: CompactColumnsInput): CompactGraph {
  const { nodes } = input;
  const edgeCount = input.a.length;
  if (input.b.length !== edgeCount) throw new Error("buildCompactGraph: a and b must have the same length");
  const inputWeight = input.weight ?? null;
  const inputHours = input.hours ?? null;
  const inputValue = input.value ?? null;
  for (const column of [inputWeight, inputHours, inputValue]) {
    if (column && column.length !== edgeCount) throw new Error("buildCompactGraph: edge columns must have the same length");
  }
  const n = nodes.length;
  const nodeIds = new Int32Array(n);
  const kinds = new Uint8Array(n);
  const regions: Array<string | null> = new Array(n);
  const sectors: Array<string | null> = new Array(n);
  const index = new Map<number, number>();

  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    const id = checkId(node.id, "node id");
    if (index.has(id)) throw new Error(`buildCompactGraph: duplicate node id ${id}`);
    const kind = NODE_KINDS.indexOf(node.kind);
    if (kind < 0) throw new Error(`buildCompactGraph: node ${id} has unknown kind "${String(node.kind)}"`);
    index.set(id, i);
    nodeIds[i] = id;
    kinds[i] = kind;
    regions[i] = node.region ?? null;
    sectors[i] = node.sector ?? null;
  }

  // Pass 1: resolve endpoints, validate, count half-edges per node.
  const count = new Int32Array(n + 1);
  const endpointA = new Int32Array(edgeCount);
  const endpointB = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = index.get(input.a[e]);
    const b = index.get(input.b[e]);
    if (a === undefined || b === undefined) {
      throw new Error(`buildCompactGraph: edge ${input.a[e]}–${input.b[e]} names an unknown node`);
    }
    if (inputWeight) checkAmount(inputWeight[e], 1, "weight", true);
    if (inputHours) checkAmount(inputHours[e], 0, "hours", false);
    if (inputValue) checkAmount(inputValue[e], 0, "value", false);
    endpointA[e] = a;
    endpointB[e] = b;
    if (a === b) continue; // self loop: no tie to oneself
    count[a + 1]++;
    count[b + 1]++;
  }
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const halfEdges = count[n];

  // Pass 2: scatter half-edges into their rows (still with duplicate pairs).
  const fill = count.slice(0, n);
  let neighbours = new Int32Array(halfEdges);
  let weights = new Float64Array(halfEdges);
  let hours = inputHours ? new Float64Array(halfEdges) : null;
  let value = inputValue ? new Float64Array(halfEdges) : null;
  for (let e = 0; e < edgeCount; e++) {
    const a = endpointA[e];
    const b = endpointB[e];
    if (a === b) continue;
    const pa = fill[a]++;
    const pb = fill[b]++;
    neighbours[pa] = b;
    neighbours[pb] = a;
    weights[pa] = weights[pb] = inputWeight ? inputWeight[e] : 1;
    if (hours) hours[pa] = hours[pb] = inputHours![e];
    if (value) value[pa] = value[pb] = inputValue![e];
  }

  // Pass 3: sort each row by partner and merge duplicates, compacting towards the front.
  // Ties keep input order, so duplicate weights are summed in the same order in both rows.
  let maxDegree = 0;
  for (let i = 0; i < n; i++) maxDegree = Math.max(maxDegree, count[i + 1] - count[i]);
  const order = new Int32Array(maxDegree);
  const rowNeighbours = new Int32Array(maxDegree);
  const rowWeights = new Float64Array(maxDegree);
  const rowHours = new Float64Array(hours ? maxDegree : 0);
  const rowValue = new Float64Array(value ? maxDegree : 0);
  const offsets = new Int32Array(n + 1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const start = count[i];
    const length = count[i + 1] - start;
    offsets[i] = write;
    let sorted = true;
    for (let k = 0; k < length; k++) {
      order[k] = k;
      rowNeighbours[k] = neighbours[start + k];
      rowWeights[k] = weights[start + k];
      if (hours) rowHours[k] = hours[start + k];
      if (value) rowValue[k] = value[start + k];
      if (k > 0 && rowNeighbours[k] <= rowNeighbours[k - 1]) sorted = false;
    }
    if (!sorted) order.subarray(0, length).sort((x, y) => rowNeighbours[x] - rowNeighbours[y] || x - y);
    let previous = -1;
    for (let k = 0; k < length; k++) {
      const source = order[k];
      const partner = rowNeighbours[source];
      if (partner === previous) {
        weights[write - 1] += rowWeights[source];
        if (hours) hours[write - 1] += rowHours[source];
        if (value) value[write - 1] += rowValue[source];
        continue;
      }
      neighbours[write] = partner;
      weights[write] = rowWeights[source];
      if (hours) hours[write] = rowHours[source];
      if (value) value[write] = rowValue[source];
      previous = partner;
      write++;
    }
  }
  offsets[n] = write;
  if (write < halfEdges) {
    neighbours = neighbours.slice(0, write);
    weights = weights.slice(0, write);
    if (hours) hours = hours.slice(0, write);
    if (value) value = value.slice(0, write);
  }

  return {
    order: n,
    size: write / 2,
    nodeIds,
    index,
    offsets,
    neighbours,
    weights,
    hours,
    value,
    kinds,
    regions,
    sectors,
  };
}

/**
 * The node index of an organisation id.
 *
 * @throws if the id is not in the graph.
 */
export function nodeIndex(cg: CompactGraph, id: number): number {
  const i = cg.index.get(id);
  if (i === undefined) throw new Error(`nodeIndex: organisation ${id} is not in the graph`);
  return i;
}

/**
 * Position of the edge i–j in `cg.neighbours`/`cg.weights` (row i), or −1 when i and j are not
 * partners. Binary search: O(log deg(i)).
 *
 * @example
 * cg.weights[edgePosition(cg, i, j)]; // cooperations of i and j (check for −1 first)
 */
export function edgePosition(cg: CompactGraph, i: number, j: number): number {
  let low = cg.offsets[i];
  let high = cg.offsets[i + 1] - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const partner = cg.neighbours[middle];
    if (partner === j) return middle;
    if (partner < j) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The kind of node `i`. */
export function nodeKind(cg: CompactGraph, i: number): NodeKind {
  return NODE_KINDS[cg.kinds[i]];
}

/** A per-node column with NaN for "undefined" as an array with null (the metrics' public form). */
export const nullWhereNaN = (column: Float64Array): Array<number | null> => Array.from(column, (v) => (Number.isNaN(v) ? null : v));

/**
 * Pairs per-node results with organisation ids, e.g. to serialise a metric.
 *
 * @example
 * byId(cg, degree(cg)).get(42); // degree of organisation 42
 */
export function byId<T>(cg: CompactGraph, values: ArrayLike<T>): Map<number, T> {
  if (values.length !== cg.order) throw new Error("byId: values must have one entry per node");
  const result = new Map<number, T>();
  for (let i = 0; i < cg.order; i++) result.set(cg.nodeIds[i], values[i]);
  return result;
}

/** Node attributes of the graphology conversion. */
export interface GraphologyNodeAttributes {
  kind: NodeKind;
  region: string | null;
  sector: string | null;
  [key: string]: unknown;
}

/** Edge attributes of the graphology conversion; `hours`/`value` only when the graph has them. */
export interface GraphologyEdgeAttributes {
  weight: number;
  hours?: number;
  value?: number;
  [key: string]: unknown;
}

/**
 * Converts to a graphology `UndirectedGraph` (node keys are the organisation ids as strings),
 * for layout and GEXF/GraphML export.
 *
 * Costs ≈ 0.3 KB per edge or more (attributes included): fine for a region or an ego network, too
 * much for the national graph in a 128 MB isolate.
 *
 * @example
 * const graph = toGraphology(cg);
 * graph.getEdgeAttribute(graph.edge("1", "2")!, "weight");
 */
export function toGraphology(cg: CompactGraph): UndirectedGraph<GraphologyNodeAttributes, GraphologyEdgeAttributes> {
  const graph = new UndirectedGraph<GraphologyNodeAttributes, GraphologyEdgeAttributes>();
  const keys = Array.from(cg.nodeIds, (id) => String(id));
  for (let i = 0; i < cg.order; i++) {
    graph.addNode(keys[i], { kind: nodeKind(cg, i), region: cg.regions[i], sector: cg.sectors[i] });
  }
  const { offsets, neighbours, weights, hours, value } = cg;
  for (let i = 0; i < cg.order; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = neighbours[p];
      if (j <= i) continue; // each undirected edge once
      const attributes: GraphologyEdgeAttributes = { weight: weights[p] };
      if (hours) attributes.hours = hours[p];
      if (value) attributes.value = value[p];
      graph.addUndirectedEdge(keys[i], keys[j], attributes);
    }
  }
  return graph;
}
