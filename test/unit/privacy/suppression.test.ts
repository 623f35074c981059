/**
 * The small-numbers rule on hand-made tables (worker/privacy/suppression.ts, docs/privacy.md).
 */
import { describe, expect, it } from "vitest";
import { CellTable, isSensitive, mergeSketch, protect } from "../../../worker/privacy/suppression";

describe("sketches", () => {
  it("keep up to three ids, enough to tell a union's sensitivity", () => {
    expect(mergeSketch([5], [2])).toEqual([2, 5]);
    expect(mergeSketch([1, 2, 3], [0])).toEqual([1, 2, 3]);
    expect(mergeSketch([4], [4])).toEqual([4]);
    expect(isSensitive([])).toBe(false);
    expect(isSensitive([7])).toBe(true);
    expect(isSensitive([7, 8])).toBe(true);
    expect(isSensitive([7, 8, 9])).toBe(false);
  });
});

describe("protect", () => {
  it("withholds a cell of 1 or 2 non-public organisations, not one of none or of three", () => {
    const t = new CellTable();
    t.add("one", 5, [1]);
    t.add("public", 1, []);
    t.add("three", 3, [1, 2, 3]);
    expect([...protect(t)]).toEqual(["one"]);
  });

  it("withholds the smallest other part when one part of a visible total is withheld", () => {
    const t = new CellTable();
    t.add("state", 30, [1, 2, 3]);
    t.add("a", 1, [1]);
    t.add("b", 10, [2, 3, 4]);
    t.add("c", 4, [5, 6, 7]);
    t.group("state", ["a", "b", "c"]);
    // state − b − c would give a back: c (the smaller) goes too.
    expect([...protect(t)].sort()).toEqual(["a", "c"]);
  });

  it("adds parts until the withheld ones together name at least three organisations", () => {
    const t = new CellTable();
    t.add("total", 9, [1, 2, 3]);
    t.add("a", 1, [1]);
    t.add("b", 2, []); // public organisations only: hiding it would not help
    t.add("c", 3, [2]);
    t.add("d", 3, [3, 4, 5]);
    t.group("total", ["a", "b", "c", "d"]);
    // a+c name 1 and 2 only: d is needed as well.
    expect([...protect(t)].sort()).toEqual(["a", "c", "d"]);
  });

  it("withholds a total whose parts are all visible once it is withheld for another group", () => {
    const t = new CellTable();
    // year = Q1 + Q2; Q1 is also a part of another group that needs it withheld.
    t.add("year", 10, [1, 2, 3, 4]);
    t.add("Q1", 4, [1, 2, 3]);
    t.add("Q1a", 2, [1, 2, 3]);
    t.add("Q1b", 2, [4, 5, 6]);
    t.add("other", 1, [9]);
    t.add("Q2", 6, [4, 5, 6]);
    t.add("sum", 5, [1, 2, 3, 9]);
    t.group("sum", ["Q1", "other"]);
    t.group("year", ["Q1", "Q2"]);
    t.group("Q1", ["Q1a", "Q1b"]);
    const hidden = protect(t);
    // other is withheld; its partner in "sum" is Q1; Q1 = year − Q2 would give it back, so Q2 goes
    // too (or the year); and Q1 = Q1a + Q1b, so one of those goes as well.
    expect(hidden.has("other") && hidden.has("Q1") && (hidden.has("Q2") || hidden.has("year"))).toBe(true);
    expect(hidden.has("Q1a") || hidden.has("Q1b")).toBe(true);
  });

  it("withholds the total when no part can protect a withheld one", () => {
    const t = new CellTable();
    t.add("total", 3, [1, 2, 3, 4]);
    t.add("a", 1, [1]);
    t.add("direct", 2, []); // never shown, but derivable; public organisations only
    t.group("total", ["a", "direct"]);
    // Nothing else adds a non-public organisation: the total is withheld, although not sensitive
    // itself, so that total − direct no longer gives a.
    expect([...protect(t)].sort()).toEqual(["a", "total"]);
  });

  it("gives the same answer whatever the order the cells were added in", () => {
    const build = (order: number[]) => {
      const t = new CellTable();
      const cells: [string, number, number[]][] = [["t", 10, [1, 2, 3, 4]], ["a", 1, [1]], ["b", 2, [2, 3, 4]], ["c", 2, [5, 6, 7]]];
      for (const i of order) t.add(...cells[i]);
      t.group("t", ["a", "b", "c"]);
      return [...protect(t)].sort();
    };
    expect(build([0, 1, 2, 3])).toEqual(build([3, 2, 1, 0]));
    // b and c have the same size: the key decides.
    expect(build([0, 1, 2, 3])).toEqual(["a", "b"]);
  });
});
