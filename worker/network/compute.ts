/**
 * @module
 * Turns loaded rows into the network part of a snapshot: builds the compact graph, runs every
 * metric of DESIGN.md §4 once, and returns the region's network figures plus one metrics record
 * per organisation registered in the scope.
 */
import { buildCompactGraph, type CompactGraph } from "../graph/compact-graph";
import {
  betweenness,
  bipartiteDensity,
  connectedComponents,
  degree,
  degreeCentralisation,
  density,
  eiIndex,
  graphEiIndex,
  harmonicCloseness,
  louvain,
  organisationStatus,
  pagerank,
  strength,
  structuralHoles,
  sumPerNode,
  tiePersistence,
  twoStepReach,
  type OrganisationStatus,
} from "../graph/metrics";
import type { NetworkData } from "./load";

/** Above this many nodes, harmonic closeness (one BFS per node) is left out of a snapshot. */
export const HARMONIC_EXACT_LIMIT = 5000;
/** Above this many ties, Louvain communities and modularity are left out (memory of the graphology copy). */
export const LOUVAIN_EDGE_LIMIT = 150_000;

export interface OrganisationMetrics {
  organisationId: number;
  name: string;
  kind: string;
  regionCode: string;
  isPublic: boolean;
  degree: number;
  strength: number;
  hours: number;
  valueEur: number;
  firstCooperation: string | null;
  lastCooperation: string | null;
  twoStepReach: number;
  betweenness: number;
  harmonicCloseness: number | null;
  pagerank: number;
  community: number | null;
  effectiveSize: number | null;
  efficiency: number | null;
  constraint: number | null;
  eiIndexRegion: number | null;
  eiIndexSector: number | null;
  tiePersistence: number | null;
  status: OrganisationStatus;
}

export interface NetworkFigures {
  nodes: number;
  edges: number;
  density: number;
  /** Set when the graph is company–non-profit only: edges ÷ (companies × non-profits). */
  bipartiteDensity: number | null;
  components: number;
  largestComponentShare: number;
  isolatesShare: number;
  meanTwoStepReachNonprofits: number | null;
  degreeCentralisation: number | null;
  modularity: number | null;
  communities: number | null;
  /** E-I index of the scope's ties over regions: +1 all ties leave the region, −1 all inward. */
  eiIndex: number | null;
  betweenness: { exact: boolean; samples: number; estimatedError: number };
  harmonicClosenessComputed: boolean;
  statusCounts: Record<OrganisationStatus, number>;
}

export interface NetworkResult {
  graph: CompactGraph;
  figures: NetworkFigures;
  organisations: OrganisationMetrics[];
}

export function computeNetwork(data: NetworkData): NetworkResult {
  const sectorOf = (o: NetworkData["organisations"][number]) => (o.kind === "company" ? o.industry : o.field);
  const graph = buildCompactGraph({
    nodes: data.organisations.map((o) => ({ id: o.id, kind: o.kind, region: o.regionCode, sector: sectorOf(o) })),
    edges: data.pairs.map((p) => ({ a: p.a, b: p.b, weight: p.weight, hours: p.hours, value: p.value })),
  });
  const n = graph.order;
  const deg = degree(graph);
  const str = strength(graph);
  const hours = sumPerNode(graph, graph.hours);
  const value = sumPerNode(graph, graph.value);
  const reach = twoStepReach(graph);
  const btw = betweenness(graph);
  const harmonic = n <= HARMONIC_EXACT_LIMIT ? harmonicCloseness(graph) : null;
  const pr = pagerank(graph);
  // Louvain runs on a graphology copy (≈ 0.3 KB per edge); above its limit no communities are given.
  const communities = graph.size <= LOUVAIN_EDGE_LIMIT ? louvain(graph, { seed: 1 }) : null;
  const holes = structuralHoles(graph);
  const eiRegion = eiIndex(graph, { attribute: "region" });
  const eiSector = eiIndex(graph, { attribute: "sector" });
  const years = data.pairs.map((p) => ({ a: p.a, b: p.b, years: p.years.split(",").map(Number), followUp: p.followUp === 1 }));
  const persistence = tiePersistence(graph, years);
  const status = organisationStatus(
    graph,
    // Distinct years stand in for the dates (recurrence); the last date decides "fading".
    data.pairs.map((p) => ({ a: p.a, b: p.b, dates: [...p.years.split(",").map((y) => `${y}-01-01`), p.last], followUp: p.followUp === 1 })),
    data.window.to,
  );
  const comps = connectedComponents(graph);

  const first = new Map<number, string>();
  const last = new Map<number, string>();
  for (const p of data.pairs) {
    for (const id of [p.a, p.b]) {
      if (!first.has(id) || p.first < first.get(id)!) first.set(id, p.first);
      if (!last.has(id) || p.last > last.get(id)!) last.set(id, p.last);
    }
  }

  // Region-level E-I: a tie is external when its partners are registered in different regions of
  // the scope or one is outside it; the scope's own figure counts each tie once.
  const scopeAttr = data.organisations.map((o) => (o.inScope ? "in" : `out:${o.id}`));
  const organisations: OrganisationMetrics[] = [];
  const statusCounts: Record<OrganisationStatus, number> = { isolated: 0, peripheral: 0, fading: 0, connected: 0 };
  let reachSum = 0;
  let nonprofits = 0;
  data.organisations.forEach((o) => {
    const i = graph.index.get(o.id)!;
    if (!o.inScope) return;
    statusCounts[status[i]]++;
    if (o.kind === "nonprofit") {
      reachSum += reach[i];
      nonprofits++;
    }
    organisations.push({
      organisationId: o.id,
      name: o.name,
      kind: o.kind,
      regionCode: o.regionCode,
      isPublic: o.isPublic === 1,
      degree: deg[i],
      strength: str[i],
      hours: hours[i],
      valueEur: value[i],
      firstCooperation: first.get(o.id) ?? null,
      lastCooperation: last.get(o.id) ?? null,
      twoStepReach: reach[i],
      betweenness: btw.values[i],
      harmonicCloseness: harmonic ? harmonic[i] : null,
      pagerank: pr[i],
      community: communities ? communities.communities[i] : null,
      effectiveSize: holes.effectiveSize[i],
      efficiency: holes.efficiency[i],
      constraint: holes.constraint[i],
      eiIndexRegion: eiRegion[i],
      eiIndexSector: eiSector[i],
      tiePersistence: persistence[i],
      status: status[i],
    });
  });

  const figures: NetworkFigures = {
    nodes: n,
    edges: graph.size,
    density: density(graph),
    bipartiteDensity: bipartiteDensity(graph),
    components: comps.count,
    largestComponentShare: comps.largestShare,
    isolatesShare: comps.isolatesShare,
    meanTwoStepReachNonprofits: nonprofits ? reachSum / nonprofits : null,
    degreeCentralisation: degreeCentralisation(graph),
    modularity: communities ? communities.modularity : null,
    communities: communities ? communities.count : null,
    eiIndex: graphEiIndex(graph, { attribute: scopeAttr }),
    betweenness: { exact: btw.exact, samples: btw.samples, estimatedError: btw.estimatedError },
    harmonicClosenessComputed: harmonic !== null,
    statusCounts,
  };
  return { graph, figures, organisations };
}
