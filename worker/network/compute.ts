/**
 * @module
 * Turns loaded rows into the network part of a snapshot: builds the compact graph, runs every
 * metric of docs/metrics.md once, and returns the region's network figures plus the metrics of every
 * organisation registered in the scope.
 *
 * Memory (README, "How the design stays inside the platform's limits"): everything per organisation stays in typed arrays indexed like the graph's
 * nodes; the record of one organisation ({@link OrganisationMetrics}) is built only when asked for
 * ({@link NetworkResult.organisationAt}), so storing the national snapshot can stream its records
 * in chunks instead of holding 50 000 objects at once.
 */
import { buildCompactGraphFromColumns } from "../graph/compact-graph";
import {
  betweenness,
  bipartiteDensity,
  classifyStatus,
  connectedComponents,
  degree,
  degreeCentralisation,
  density,
  eiIndexColumn,
  graphEiIndex,
  louvain,
  pagerank,
  sampledHarmonicCloseness,
  strength,
  structuralHolesColumns,
  twoStepReach,
  type OrganisationStatus,
} from "../graph/metrics";
import { isoDate, ORG_KINDS, type NetworkData } from "./load";

/** Up to this many nodes, harmonic closeness is exact; above, sampled. */
export const EXACT_LIMIT = 5000;
/** Source nodes sampled for harmonic closeness above {@link EXACT_LIMIT}. */
export const SAMPLED_SOURCES = 500;
/**
 * Betweenness (docs/metrics.md): exact while its work (Σ nodes × ties per component) is at most
 * 10⁸ — about 2 s of CPU, 25 000 organisations of the demo's 24-month network; above, the large
 * components are sampled, from 1 000 sources doubled up to 4 000 (and 10⁸ ties visited) until each
 * of the 50 largest values is known within ±20 % (95 %). Measured at 50 000 organisations: Spearman
 * ρ 0.996 and 47 of the top 50 against exact values (bench, graph section).
 */
export const BETWEENNESS = { exactWork: 1e8, samples: 1000, maxSamples: 4000, sampleWork: 1e8, targetRelativeError: 0.2, top: 50 } as const;

export interface OrganisationMetrics {
  organisationId: number;
  name: string;
  kind: string;
  regionCode: string;
  /** Field of work (non-profits, public bodies, intermediaries) and industry (companies), as stored at computation. */
  field: string | null;
  industry: string | null;
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

/** How a metric computed from sampled sources was computed, with its error bound (95 %). */
export interface SamplingInfo {
  exact: boolean;
  samples: number;
  estimatedError: number;
  /** Betweenness only: the largest relative half-width (95 %) among the 50 largest values; 0 when exact, null when not given. */
  topRelativeError?: number | null;
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
  /** Exact or sampled by work ({@link BETWEENNESS}). */
  betweenness: SamplingInfo;
  /** Exact up to {@link EXACT_LIMIT} nodes, sampled above. */
  harmonicCloseness: SamplingInfo;
  statusCounts: Record<OrganisationStatus, number>;
}

/**
 * What a computation keeps: no graph — its typed rows (≈ 2.6 MB at the national 24-month scale)
 * and id index can go while the snapshot is stored.
 */
export interface NetworkResult {
  figures: NetworkFigures;
  /** Node indices (= indices into `data.organisations`) of the organisations registered in the scope. */
  inScope: Int32Array;
  /** Status of node `i`. */
  status: OrganisationStatus[];
  /** The metrics record of the k-th organisation registered in the scope (node `inScope[k]`). */
  organisationAt(k: number): OrganisationMetrics;
  /** Partners registered outside the scope: their community in this network (exports colour them like the scope's organisations). */
  outsidePartners(): { organisationId: number; community: number | null }[];
}

/** NaN (a metric undefined for the node) as null. */
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

export function computeNetwork(data: NetworkData): NetworkResult {
  const { organisations, pairs } = data;
  const companyCode = ORG_KINDS.indexOf("company");
  const sectorOf = (i: number) => (organisations.kind[i] === companyCode ? organisations.industry[i] : organisations.field[i]);
  const graph = buildCompactGraphFromColumns({
    nodes: Array.from({ length: organisations.length }, (_, i) => ({ id: organisations.id[i], kind: ORG_KINDS[organisations.kind[i]], region: organisations.regionCode[i], sector: sectorOf(i) })),
    a: pairs.a,
    b: pairs.b,
    weight: pairs.weight,
  });
  const n = graph.order;
  const deg = degree(graph);
  const str = strength(graph);
  const reach = twoStepReach(graph);
  const btw = betweenness(graph, BETWEENNESS);
  const harmonic = sampledHarmonicCloseness(graph, { exactLimit: EXACT_LIMIT, samples: SAMPLED_SOURCES });
  const pr = pagerank(graph);
  const communities = louvain(graph, { seed: 1 });
  // Columns (NaN = undefined), not arrays of boxed numbers: at 50 000 organisations that is 5 MB of heap less.
  const holes = structuralHolesColumns(graph);
  const eiRegion = eiIndexColumn(graph, { attribute: "region" });
  const eiSector = eiIndexColumn(graph, { attribute: "sector" });
  const comps = connectedComponents(graph);

  // Per node from its pairs: first/last cooperation and persistent ties (cooperations in two
  // distinct years, or a follow-up — tie persistence and the "fading" rule of docs/metrics.md). The
  // pairs are distinct and each is one tie of the graph.
  // Hours and value per node are summed from the pairs, so the graph need not carry them (2 × 16 bytes per tie saved).
  const hours = new Float64Array(n);
  const value = new Float64Array(n);
  const firstDay = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const persistent = new Int32Array(n);
  for (let k = 0; k < pairs.length; k++) {
    const a = graph.index.get(pairs.a[k])!;
    const b = graph.index.get(pairs.b[k])!;
    const isPersistent = pairs.followUp[k] === 1 || pairs.firstYear[k] !== pairs.lastYear[k];
    for (const i of [a, b]) {
      hours[i] += pairs.hours[k];
      value[i] += pairs.value[k];
      if (firstDay[i] === 0 || pairs.first[k] < firstDay[i]) firstDay[i] = pairs.first[k];
      if (pairs.last[k] > lastDay[i]) lastDay[i] = pairs.last[k];
      if (isPersistent) persistent[i]++;
    }
  }
  const status: OrganisationStatus[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const lastOrganised = isoDate(data.organised?.get(organisations.id[i]) ?? 0);
    status[i] = classifyStatus({ partners: deg[i], lastCooperation: isoDate(lastDay[i]), recurring: persistent[i] > 0, lastOrganised }, data.window.to);
  }

  const inScopeList: number[] = [];
  const statusCounts: Record<OrganisationStatus, number> = { isolated: 0, peripheral: 0, fading: 0, connected: 0 };
  let reachSum = 0;
  let nonprofits = 0;
  for (let i = 0; i < n; i++) {
    if (!organisations.inScope[i]) continue;
    inScopeList.push(i);
    statusCounts[status[i]]++;
    if (ORG_KINDS[organisations.kind[i]] === "nonprofit") {
      reachSum += reach[i];
      nonprofits++;
    }
  }
  const inScope = Int32Array.from(inScopeList);

  // Region-level E-I: a tie is external when its partners are registered in different regions of
  // the scope or one is outside it; the scope's own figure counts each tie once.
  const scopeAttr = Array.from({ length: n }, (_, i) => (organisations.inScope[i] ? "in" : `out:${organisations.id[i]}`));

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
    modularity: communities.modularity,
    communities: communities.count,
    eiIndex: graphEiIndex(graph, { attribute: scopeAttr }),
    betweenness: { exact: btw.exact, samples: btw.samples, estimatedError: btw.estimatedError, topRelativeError: btw.topRelativeError },
    harmonicCloseness: { exact: harmonic.exact, samples: harmonic.samples, estimatedError: harmonic.estimatedError },
    statusCounts,
  };

  const organisationAt = (k: number): OrganisationMetrics => {
    const i = inScope[k];
    const o = organisations.at(i);
    return {
      organisationId: o.id,
      name: o.name,
      kind: o.kind,
      regionCode: o.regionCode,
      field: o.field,
      industry: o.industry,
      isPublic: o.isPublic === 1,
      degree: deg[i],
      strength: str[i],
      hours: hours[i],
      valueEur: value[i],
      firstCooperation: isoDate(firstDay[i]),
      lastCooperation: isoDate(lastDay[i]),
      twoStepReach: reach[i],
      betweenness: btw.values[i],
      harmonicCloseness: harmonic.values[i],
      pagerank: pr[i],
      community: communities.communities[i],
      effectiveSize: orNull(holes.effectiveSize[i]),
      efficiency: orNull(holes.efficiency[i]),
      constraint: orNull(holes.constraint[i]),
      eiIndexRegion: orNull(eiRegion[i]),
      eiIndexSector: orNull(eiSector[i]),
      tiePersistence: deg[i] > 0 ? persistent[i] / deg[i] : null,
      status: status[i],
    };
  };
  const outsidePartners = () => {
    const list: { organisationId: number; community: number | null }[] = [];
    for (let i = 0; i < n; i++) if (!organisations.inScope[i]) list.push({ organisationId: organisations.id[i], community: communities.communities[i] });
    return list;
  };
  return { figures, inScope, status, organisationAt, outsidePartners };
}
