/**
 * @module
 * The network metric kernel (docs/metrics.md): pure functions over a {@link CompactGraph}, each
 * verified against networkx on fixture graphs (`test/unit/graph/`).
 */
export type { CompactGraph } from "../compact-graph";
export { degree } from "./degree";
export { strength, sumPerNode } from "./strength";
export { twoStepReach } from "./two-step-reach";
export { betweenness, betweennessErrorBound, type BetweennessOptions, type BetweennessResult } from "./betweenness";
export { harmonicCloseness, type HarmonicClosenessOptions } from "./harmonic-closeness";
export {
  sampledHarmonicCloseness,
  harmonicErrorBound,
  type SampledHarmonicClosenessOptions,
  type SampledHarmonicClosenessResult,
} from "./harmonic-closeness-sampled";
export { pagerank, type PagerankOptions } from "./pagerank";
export { louvain, type LouvainOptions, type LouvainResult } from "./louvain";
export { modularity, type ModularityOptions } from "./modularity";
export {
  structuralHoles,
  structuralHolesColumns,
  effectiveSize,
  efficiency,
  constraint,
  type StructuralHoles,
  type StructuralHolesOptions,
} from "./structural-holes";
export { eiIndex, eiIndexColumn, graphEiIndex, type EiAttribute, type EiIndexOptions } from "./ei-index";
export { connectedComponents, type ComponentsResult } from "./components";
export { density, bipartiteDensity } from "./density";
export { degreeCentralisation } from "./degree-centralisation";
export { tiePersistence, persistentTies, isPersistentTie, type PairYears } from "./tie-persistence";
export {
  organisationStatus,
  classifyStatus,
  FADING_AFTER_MONTHS,
  type OrganisationStatus,
  type StatusFacts,
  type PairHistory,
} from "./status";
export {
  conversion,
  ConversionTally,
  type ConversionOptions,
  type ConversionRow,
  type PairCooperation,
  type PairCooperations,
} from "./conversion";
export { adamicAdar } from "./adamic-adar";
