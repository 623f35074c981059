// The network view's model (dashboard/src/network-view/model.ts): which nodes it draws, the one- and
// two-step neighbourhood of a focus, name search across umlauts and case, filters, sizes by a
// metric, label placement without overlaps, zoom about a point.
import { describe, expect, it } from "vitest";
import {
  buildModel,
  filterMask,
  FAR,
  fitTransform,
  foldName,
  isWithheldName,
  matchesSearch,
  neighbourCounts,
  neighbourhood,
  NO_FILTERS,
  OUTSIDE,
  placeLabels,
  radii,
  rankBy,
  zoomAt,
  type ApiNode,
} from "../../dashboard/src/network-view/model";

// A path 1–2–3–4–5 with a branch 2–6, an isolated 7 and 8 without a position.
const node = (id: number, name: string, extra: Partial<ApiNode> = {}): ApiNode => ({
  id,
  name,
  kind: "nonprofit",
  x: id,
  y: id % 2,
  inScope: true,
  status: "connected",
  community: 1,
  degree: 1,
  betweenness: 0,
  twoStepReach: 1,
  pagerank: 0.1,
  ...extra,
});
const nodes: ApiNode[] = [
  node(1, "Müller Bäckerei GmbH", { kind: "company", industry: "bakery_food", status: "peripheral", degree: 1, betweenness: 0 }),
  node(2, "Straßenkinder e.V.", { field: "youth_work", degree: 3, betweenness: 0.7, pagerank: 0.3 }),
  node(3, "ÖKO-Hof Überruhr", { degree: 2, betweenness: 0.5, community: 2 }),
  node(4, "Tafel Essen", { degree: 2, betweenness: 0.2, community: 2 }),
  node(5, "Sparkasse Dortmund", { kind: "company", inScope: false, status: undefined, degree: undefined, betweenness: undefined, twoStepReach: undefined, pagerank: undefined, community: null }),
  node(6, "Kita Sonnenschein", { degree: 1 }),
  node(7, "Allein e.V.", { degree: 0, status: "isolated" }),
  node(8, "Ohne Lage", { x: null, y: null }),
];
const edges = [
  { source: 1, target: 2, weight: 1 },
  { source: 2, target: 3, weight: 2 },
  { source: 3, target: 4, weight: 1 },
  { source: 4, target: 5, weight: 1 },
  { source: 2, target: 6, weight: 1 },
  { source: 2, target: 8, weight: 1 },
];
const model = buildModel(nodes, edges);
const at = (id: number) => model.index.get(id)!;

describe("buildModel", () => {
  it("draws linked nodes with a position; outside partners get a status and their partners here as degree", () => {
    expect(model.nodes.map((n) => n.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(model.edgeA.length).toBe(5);
    const outside = model.nodes[at(5)];
    expect(outside.status).toBe(OUTSIDE);
    expect(outside.metrics.degree).toBe(1);
    expect(outside.metrics.betweenness).toBeNull();
    expect(model.nodes[at(1)].sector).toBe("bakery_food");
    expect(model.nodes[at(2)].sector).toBe("youth_work");
  });
});

describe("neighbourhood", () => {
  it("marks the focus 0, its partners 1, their partners 2 and the rest far", () => {
    const d = neighbourhood(model, at(2));
    expect(model.nodes.map((n) => d[at(n.id)])).toEqual([1, 0, 1, 2, FAR, 1]);
    expect(neighbourCounts(d)).toEqual({ one: 3, two: 1 });
  });
  it("at the end of the path", () => {
    const d = neighbourhood(model, at(5));
    expect([d[at(5)], d[at(4)], d[at(3)], d[at(2)]]).toEqual([0, 1, 2, FAR]);
  });
});

describe("search", () => {
  const hits = (q: string) => model.nodes.filter((_, i) => matchesSearch(model, i, q)).map((n) => n.id);
  it.each([
    ["müller", [1]],
    ["MUELLER", [1]],
    ["muller", [1]],
    ["bäckerei", [1]],
    ["baeckerei", [1]],
    ["strasse", [2]],
    ["STRASSENKINDER", [2]],
    ["öko", [3]],
    ["oeko-hof", [3]],
    ["ueberruhr", [3]],
    ["  tafel  ", [4]],
    ["", [1, 2, 3, 4, 5, 6]],
    ["xyz", []],
  ])("%s → %j", (q, expected) => {
    expect(hits(q)).toEqual(expected);
  });
  it("folds decomposed umlauts like composed ones", () => {
    expect(foldName("Mu\u0308ller")).toBe("mueller");
  });
});

describe("filters", () => {
  const ids = (f: Partial<typeof NO_FILTERS>) => {
    const m = filterMask(model, { ...NO_FILTERS, ...f });
    return model.nodes.filter((_, i) => m[i]).map((n) => n.id);
  };
  it("by kind, status, community, field/industry, and together", () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids({ kind: "company" })).toEqual([1, 5]);
    expect(ids({ status: OUTSIDE })).toEqual([5]);
    expect(ids({ status: "peripheral" })).toEqual([1]);
    expect(ids({ community: "2" })).toEqual([3, 4]);
    expect(ids({ sector: "youth_work" })).toEqual([2]);
    expect(ids({ kind: "company", status: "connected" })).toEqual([]);
  });
});

describe("sizes and ranking", () => {
  it("radius grows with the metric; missing values get the smallest", () => {
    const r = radii(model, "betweenness");
    expect(r[at(2)]).toBeGreaterThan(r[at(3)]);
    expect(r[at(3)]).toBeGreaterThan(r[at(4)]);
    expect(r[at(5)]).toBe(r[at(1)]);
  });
  it("ranks by the chosen metric", () => {
    expect(rankBy(model, "betweenness").slice(0, 3).map((i) => model.nodes[i].id)).toEqual([2, 3, 4]);
    expect(rankBy(model, "pagerank")[0]).toBe(at(2));
  });
});

describe("placeLabels", () => {
  it("skips a label that would overlap one placed before, and tries the left side", () => {
    const pos: Record<number, { x: number; y: number; r: number }> = { 0: { x: 10, y: 50, r: 4 }, 1: { x: 12, y: 52, r: 4 }, 2: { x: 190, y: 50, r: 4 } };
    const boxes = placeLabels([0, 1, 2], (i) => pos[i], () => 60, { height: 14, max: 10, bounds: { w: 200, h: 100 } });
    expect(boxes.map((b) => b.i)).toEqual([0, 2]);
    expect(boxes[1].x + boxes[1].w).toBeLessThanOrEqual(190);
  });
  it("stops at the maximum", () => {
    const boxes = placeLabels([0, 1, 2], (i) => ({ x: 10, y: 10 + 30 * i, r: 2 }), () => 20, { height: 14, max: 2, bounds: { w: 200, h: 200 } });
    expect(boxes.length).toBe(2);
  });
});

describe("transform", () => {
  it("fits the layout and zooms about a fixed point", () => {
    const t = fitTransform(model, 400, 300, 20);
    for (const n of model.nodes) {
      const x = n.x * t.scale + t.tx;
      const y = n.y * t.scale + t.ty;
      expect(x).toBeGreaterThanOrEqual(19.999);
      expect(x).toBeLessThanOrEqual(380.001);
      expect(y).toBeGreaterThanOrEqual(19.999);
      expect(y).toBeLessThanOrEqual(280.001);
    }
    const z = zoomAt(t, 2, 100, 80, 0, 1e9);
    const world = { x: (100 - t.tx) / t.scale, y: (80 - t.ty) / t.scale };
    expect(world.x * z.scale + z.tx).toBeCloseTo(100);
    expect(world.y * z.scale + z.ty).toBeCloseTo(80);
    expect(zoomAt(t, 100, 0, 0, 0, t.scale * 3).scale).toBeCloseTo(t.scale * 3);
  });
});

it("recognises the API's withheld names", () => {
  expect(isWithheldName("(nicht öffentlich #12)")).toBe(true);
  expect(isWithheldName("Tafel Essen")).toBe(false);
});
