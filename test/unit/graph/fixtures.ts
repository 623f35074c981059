/**
 * @module
 * The networkx reference graphs of `test/fixtures/graphs/` (written by
 * `scripts/fixtures/generate-graph-fixtures.py`), typed, with their compact graphs.
 */
import bipartite from "../../fixtures/graphs/bipartite.json";
import florentine from "../../fixtures/graphs/florentine.json";
import fragmented from "../../fixtures/graphs/fragmented.json";
import karate from "../../fixtures/graphs/karate.json";
import { buildCompactGraph, type CompactGraph, type NodeKind } from "../../../worker/graph/compact-graph";

type PerNode = Record<string, number | null>;

export interface GraphFixture {
  name: string;
  description: string;
  generator: string;
  nodes: Array<{ id: number; label: string; kind: NodeKind; region: string | null; sector: string | null }>;
  edges: Array<{ a: number; b: number; weight: number; hours?: number; value?: number }>;
  partition: Record<string, number>;
  expected: {
    order: number;
    size: number;
    mergedEdges: Array<[number, number, number, number | null, number | null]>;
    degree: PerNode;
    strength: PerNode;
    twoStepReach: PerNode;
    betweenness: PerNode;
    betweennessRaw: PerNode;
    harmonic: PerNode;
    harmonicNormalized: PerNode;
    pagerank: PerNode;
    pagerankUnweighted: PerNode;
    effectiveSize: PerNode;
    effectiveSizeUnweighted: PerNode;
    efficiency: PerNode;
    efficiencyUnweighted: PerNode;
    constraint: PerNode;
    constraintUnweighted: PerNode;
    eiRegion: PerNode;
    eiRegionWeighted: PerNode;
    eiSector: PerNode;
    eiSectorWeighted: PerNode;
    graphEiRegion: number | null;
    graphEiRegionWeighted: number | null;
    graphEiSector: number | null;
    modularity: number;
    modularityUnweighted: number;
    modularityResolution: number;
    louvainReferenceModularity: number;
    density: number;
    bipartiteDensity: number | null;
    components: { count: number; sizes: number[]; largestShare: number; isolatesShare: number };
    degreeCentralisation: number | null;
    adamicAdar: Array<[number, number, number]>;
  };
}

export const FIXTURES = [karate, florentine, bipartite, fragmented] as unknown as GraphFixture[];

/** The fixture's compact graph. */
export function compactGraphOf(fixture: GraphFixture): CompactGraph {
  return buildCompactGraph({ nodes: fixture.nodes, edges: fixture.edges });
}

/** The fixture's partition as one community label per node of `cg`. */
export function partitionOf(fixture: GraphFixture, cg: CompactGraph): number[] {
  return Array.from(cg.nodeIds, (id) => {
    const community = fixture.partition[String(id)];
    if (community === undefined) throw new Error(`partitionOf: node ${id} has no community in ${fixture.name}`);
    return community;
  });
}
