/**
 * @module
 * Burt's structural holes on the one-mode organisation graph: effective size, efficiency and
 * constraint, as defined by networkx (`effective_size`, `constraint`; efficiency = effective size
 * ÷ degree as in networkx's documentation).
 *
 * With w_uv the edge weight (cooperations; 1 when unweighted), N(u) the partners of u,
 * p_uv = w_uv / Σ_x w_ux (proportional tie strength) and m_vw = w_vw / max_x w_vx (tie strength
 * relative to v's strongest tie) — networkx's "mutual weights" are 2·w_uv on an undirected graph,
 * and the factor cancels:
 *
 *   effective size  e(u) = Σ_{v ∈ N(u)} (1 − Σ_{w ∈ N(u)} p_uw · m_vw)
 *   efficiency           = e(u) / |N(u)|
 *   constraint      c(u) = Σ_{v ∈ N(u)} (p_uv + Σ_{w ∈ N(u)} p_uw · p_wv)²
 *
 * Unweighted, e(u) reduces to Borgatti's n − 2t/n (t = ties among u's n partners), which is what
 * networkx computes for `weight=None`. All three are undefined for isolated nodes (networkx: NaN),
 * here null.
 */
import { nullWhereNaN, type CompactGraph } from "../compact-graph";

export interface StructuralHolesOptions {
  /** Use cooperation counts as weights (default `true`); `false` is networkx `weight=None`. */
  weighted?: boolean;
}

export interface StructuralHoles {
  effectiveSize: Array<number | null>;
  efficiency: Array<number | null>;
  constraint: Array<number | null>;
}

/** The same in typed columns, NaN where undefined (no boxed number per node: the snapshot's form). */
export interface StructuralHolesColumns {
  effectiveSize: Float64Array;
  efficiency: Float64Array;
  constraint: Float64Array;
}

/**
 * Effective size, efficiency and constraint per node (indexed like `cg.nodeIds`) in one pass.
 *
 * Time O(Σ deg(v)²); memory three n-sized typed arrays besides the results.
 *
 * @example
 * const { effectiveSize, efficiency, constraint } = structuralHoles(cg, { weighted: true });
 */
export function structuralHoles(cg: CompactGraph, options: StructuralHolesOptions = {}): StructuralHoles {
  const columns = structuralHolesColumns(cg, options);
  return { effectiveSize: nullWhereNaN(columns.effectiveSize), efficiency: nullWhereNaN(columns.efficiency), constraint: nullWhereNaN(columns.constraint) };
}

/** {@link structuralHoles} in typed columns (NaN for isolated nodes). */
export function structuralHolesColumns(cg: CompactGraph, options: StructuralHolesOptions = {}): StructuralHolesColumns {
  const { weighted = true } = options;
  const { order: n, offsets, neighbours, weights } = cg;
  const weightAt = (p: number) => (weighted ? weights[p] : 1);

  const strengthOf = new Float64Array(n);
  const strongest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let max = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const w = weightAt(p);
      sum += w;
      if (w > max) max = w;
    }
    strengthOf[i] = sum;
    strongest[i] = max;
  }

  const effectiveSize = new Float64Array(n).fill(NaN);
  const efficiency = new Float64Array(n).fill(NaN);
  const constraint = new Float64Array(n).fill(NaN);
  // mark[w] === u while visiting u: w is a partner of u, with p_uw in proportion[w].
  const mark = new Int32Array(n).fill(-1);
  const proportion = new Float64Array(n);

  for (let u = 0; u < n; u++) {
    const degreeU = offsets[u + 1] - offsets[u];
    if (degreeU === 0) continue;
    for (let p = offsets[u]; p < offsets[u + 1]; p++) {
      mark[neighbours[p]] = u;
      proportion[neighbours[p]] = weightAt(p) / strengthOf[u];
    }
    let size = 0;
    let constraintU = 0;
    for (let p = offsets[u]; p < offsets[u + 1]; p++) {
      const v = neighbours[p];
      let redundancy = 0; // Σ_w p_uw · m_vw
      let indirect = 0; // Σ_w p_uw · p_wv
      for (let q = offsets[v]; q < offsets[v + 1]; q++) {
        const w = neighbours[q];
        if (mark[w] !== u) continue; // only w ∈ N(u) ∩ N(v) contribute
        const wvw = weightAt(q);
        redundancy += proportion[w] * (wvw / strongest[v]);
        indirect += proportion[w] * (wvw / strengthOf[w]);
      }
      size += 1 - redundancy;
      const local = proportion[v] + indirect;
      constraintU += local * local;
    }
    effectiveSize[u] = size;
    efficiency[u] = size / degreeU;
    constraint[u] = constraintU;
  }
  return { effectiveSize, efficiency, constraint };
}

/** Burt's effective size per node (null for isolated nodes); see {@link structuralHoles}. */
export function effectiveSize(cg: CompactGraph, options: StructuralHolesOptions = {}): Array<number | null> {
  return structuralHoles(cg, options).effectiveSize;
}

/** Burt's efficiency (effective size ÷ degree) per node (null for isolated nodes). */
export function efficiency(cg: CompactGraph, options: StructuralHolesOptions = {}): Array<number | null> {
  return structuralHoles(cg, options).efficiency;
}

/** Burt's constraint per node (null for isolated nodes); see {@link structuralHoles}. */
export function constraint(cg: CompactGraph, options: StructuralHolesOptions = {}): Array<number | null> {
  return structuralHoles(cg, options).constraint;
}
