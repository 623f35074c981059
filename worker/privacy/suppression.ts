/**
 * @module
 * The small-numbers rule of public output (docs/privacy.md), as one pure function over a table of
 * cells: which figures anonymous callers must not see.
 *
 * A cell is one figure's set of records (the cooperations of a region, period, format and status;
 * the organisations of a region and kind; …). What matters about it is which non-public
 * organisations stand behind it. A cell is *sensitive* when 1 or 2 non-public organisations do:
 * its figure, and every sum, rate and per-capita figure computed from it, would describe them.
 *
 * Cells come in *groups*: a total and the parts it is the sum of (a state and its districts plus
 * what is registered directly in the state; a year and its quarters; all formats and each format).
 * Subtracting the visible parts from a visible total gives the sum of the hidden ones, so hiding a
 * sensitive cell alone is not enough (secondary suppression). {@link protect} hides cells until, in
 * every group:
 * - the hidden parts of a visible total, taken together, are not sensitive (they concern no or at
 *   least 3 non-public organisations), and
 * - no cell with non-public organisations behind it is the group's only hidden member (it would
 *   be the total minus the others, or their sum — and a cell hidden to protect another must not be
 *   recoverable either).
 * The cell hidden next is the smallest visible part (fewest records, then key), preferring one that
 * adds a non-public organisation to the hidden ones; a group without a fitting part hides its
 * total. The result is a function of the table alone, so every request that builds the same table
 * hides the same cells.
 */

/** How a hidden count or sum appears on the wire (rates, shares and per-capita figures become null). */
export const SUPPRESSED = "<3" as const;
export type Suppressed = typeof SUPPRESSED;

/** A figure's non-public organisations are safe to aggregate from this many on. */
export const MIN_ORGANISATIONS = 3;

/**
 * Up to {@link MIN_ORGANISATIONS} ids of the non-public organisations behind a cell, ascending.
 * Enough to decide sensitivity of any union of cells: a set with 3 or more members keeps 3.
 */
export type Sketch = readonly number[];

export const EMPTY_SKETCH: Sketch = [];

/** The sketch of the union of two cells. */
export function mergeSketch(a: Sketch, b: Sketch): Sketch {
  if (a.length >= MIN_ORGANISATIONS || b.length === 0) return a;
  if (b.length >= MIN_ORGANISATIONS || a.length === 0) return b;
  return [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, MIN_ORGANISATIONS);
}

/** True when 1 or 2 non-public organisations stand behind the cell. */
export const isSensitive = (s: Sketch) => s.length > 0 && s.length < MIN_ORGANISATIONS;

export interface Cell {
  /** Records behind the cell (the complement is chosen among the smallest). */
  size: number;
  sketch: Sketch;
  /** Withheld already by a table this one is checked against (e.g. the total a breakdown adds up to). */
  withheld?: boolean;
}

export interface Group {
  total: string;
  /** Cells whose figures add up to the total's (every record of the total is in one of them). */
  parts: string[];
}

/** A table of cells keyed by string and the groups among them. Missing cells are empty (0, shown). */
export class CellTable {
  readonly cells = new Map<string, Cell>();
  readonly groups: Group[] = [];

  /** Adds records to a cell (creating it). */
  add(key: string, size: number, sketch: Sketch, withheld = false) {
    const c = this.cells.get(key);
    if (c) {
      c.size += size;
      c.sketch = mergeSketch(c.sketch, sketch);
    } else this.cells.set(key, { size, sketch, withheld });
  }

  /**
   * Groups from the cells themselves: `parents(key)` names, per dimension, the total a cell is a
   * part of. Every cell that names the same total in the same dimension is a part of that group.
   */
  groupByParents(parents: (key: string) => [dimension: string, total: string][]) {
    const byTotal = new Map<string, { total: string; parts: string[] }>();
    for (const key of this.cells.keys()) {
      for (const [dimension, total] of parents(key)) {
        const id = `${dimension}\u0000${total}`;
        const g = byTotal.get(id);
        if (g) g.parts.push(key);
        else byTotal.set(id, { total, parts: [key] });
      }
    }
    // In key order, so the result never depends on the order the rows came in.
    for (const id of [...byTotal.keys()].sort()) {
      const g = byTotal.get(id)!;
      if (this.cells.has(g.total)) this.groups.push({ total: g.total, parts: g.parts.sort() });
    }
  }

  group(total: string, parts: string[]) {
    const present = parts.filter((p) => this.cells.has(p));
    if (this.cells.has(total) && present.length > 0) this.groups.push({ total, parts: present });
  }
}

/**
 * The keys of the cells anonymous callers must not see. A cell that is never shown on its own (what
 * is registered directly in a region with sub-regions) counts as visible: it may be derived.
 */
export function protect(table: CellTable): Set<string> {
  const { cells, groups } = table;
  const hidden = new Set<string>();
  for (const [key, c] of cells) if (c.withheld || isSensitive(c.sketch)) hidden.add(key);

  const groupsOf = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const k of [g.total, ...g.parts]) {
      const list = groupsOf.get(k);
      if (list) list.push(i);
      else groupsOf.set(k, [i]);
    }
  });
  const hide = (key: string) => {
    hidden.add(key);
    for (const i of groupsOf.get(key) ?? []) if (!queued.has(i)) (queued.add(i), queue.push(i));
  };
  const queue = groups.map((_, i) => i);
  const queued = new Set(queue);
  while (queue.length) {
    const i = queue.pop()!;
    queued.delete(i);
    const g = groups[i];
    let union: Sketch = EMPTY_SKETCH;
    const hiddenMembers: string[] = [];
    for (const p of g.parts) {
      if (!hidden.has(p)) continue;
      hiddenMembers.push(p);
      union = mergeSketch(union, cells.get(p)!.sketch);
    }
    const totalHidden = hidden.has(g.total);
    if (totalHidden) hiddenMembers.push(g.total);
    // A visible total minus the visible parts is the sum of the hidden parts; a group's only hidden
    // member is the total minus (or the sum of) the others.
    const single = hiddenMembers.length === 1 && cells.get(hiddenMembers[0])!.sketch.length > 0;
    if (!single && (totalHidden || !isSensitive(union))) continue;
    let best: string | null = null;
    let bestRank = 3;
    for (const p of g.parts) {
      if (hidden.has(p)) continue;
      const c = cells.get(p)!;
      // Best: a part that adds a non-public organisation; then one with any; then any records.
      const rank = c.sketch.some((id) => !union.includes(id)) ? 0 : c.sketch.length > 0 ? 1 : c.size > 0 ? 2 : 3;
      if (rank === 3) continue;
      const b = best === null ? null : cells.get(best)!;
      if (b === null || rank < bestRank || (rank === bestRank && (c.size < b.size || (c.size === b.size && p < best!)))) {
        best = p;
        bestRank = rank;
      }
    }
    // A sensitive union needs a part that adds someone, a single hidden member any other part with
    // records; without one, the total goes (when it is not hidden already).
    const needsNewOrganisation = !totalHidden && isSensitive(union);
    const next = needsNewOrganisation ? (bestRank === 0 ? best : g.total) : (best ?? (totalHidden ? null : g.total));
    if (next === null) continue;
    // hide() re-queues this group too: one more part may not be enough.
    hide(next);
  }
  return hidden;
}
