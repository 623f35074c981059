/**
 * @module
 * The directory's map: an SVG drawn from the district outlines shipped with the dashboard
 * (`/geo/districts.topo.json`, no tile server), the districts of the listed entries filled and a
 * point with the number of entries on each. Regions without an outline (custom regions abroad)
 * are placed by {@link PLACED}. Equirectangular, with longitudes shrunk by cos 51° so Germany
 * keeps its shape.
 */
import { h } from "../dom";

const SVG = "http://www.w3.org/2000/svg";
/** Where custom regions lie (longitude, latitude): data of this file, not of a map service. */
export const PLACED: Record<string, [number, number]> = { "NL-ARN": [5.91, 51.98] };

const WEST = 5.4;
const NORTH = 55.2;
const SCALE = 60;
const SHRINK = Math.cos((51 * Math.PI) / 180);
const WIDTH = Math.round((15.3 - WEST) * SHRINK * SCALE);
const HEIGHT = Math.round((NORTH - 47.1) * SCALE);
const project = ([lon, lat]: number[]) => [((lon - WEST) * SHRINK * SCALE).toFixed(1), ((NORTH - lat) * SCALE).toFixed(1)];

type Geometry = { type: string; coordinates: unknown };
type Feature = { id?: string | number; geometry: Geometry };
let shapes: Promise<{ features: Feature[]; borders: Geometry }> | null = null;

function loadShapes() {
  shapes ??= Promise.all([fetch("/geo/districts.topo.json").then((r) => r.json()), import("topojson-client")]).then(([topo, tc]) => {
    const t = topo as Parameters<typeof tc.feature>[0];
    const districts = t.objects.districts!;
    const fc = tc.feature(t, districts) as unknown as { features: Feature[] };
    const borders = tc.mesh(t, districts as Parameters<typeof tc.mesh>[1]) as unknown as Geometry;
    return { features: fc.features, borders };
  });
  return shapes;
}

/** SVG path data of a (Multi)Polygon or MultiLineString. */
function pathData(g: Geometry): string {
  const rings: number[][][] =
    g.type === "Polygon" || g.type === "MultiLineString"
      ? (g.coordinates as number[][][])
      : g.type === "MultiPolygon"
        ? (g.coordinates as number[][][][]).flat()
        : g.type === "LineString"
          ? [g.coordinates as number[][]]
          : [];
  return rings.map((ring) => "M" + ring.map((p) => project(p).join(",")).join("L")).join("");
}

/** Centre of a geometry's bounding box. */
function centre(g: Geometry): [number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const rings = g.type === "MultiPolygon" ? (g.coordinates as number[][][][]).flat() : (g.coordinates as number[][][]);
  for (const ring of rings) for (const [x, y] of ring) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

const svgEl = (tag: string, attrs: Record<string, string>, text?: string) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
};

/**
 * The map of `regions` (code, name, entries) as an SVG figure with a text summary for screen
 * readers; resolves once the outlines are loaded (the figure shows the summary before).
 */
export function directoryMap(regions: { code: string; name: string; entries: number }[], summary: string): HTMLElement {
  const figure = h("figure", { className: "directory-map", "data-map": "" }, h("figcaption", { className: "hint" }, summary));
  loadShapes()
    .then(({ features, borders }) => {
      const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": summary, "data-regions": regions.map((r) => r.code).join(",") });
      svg.append(svgEl("path", { d: pathData(borders), class: "dm-borders" }));
      const byCode = new Map(features.map((f) => [String(f.id), f]));
      for (const r of regions) {
        const feature = byCode.get(r.code);
        const at = feature ? centre(feature.geometry) : PLACED[r.code];
        if (feature) svg.append(svgEl("path", { d: pathData(feature.geometry), class: "dm-hit", "data-region": r.code }));
        if (!at) continue;
        const [x, y] = project(at);
        const g = svgEl("g", { class: "dm-point", "data-point": r.code });
        g.append(svgEl("title", {}, `${r.name}: ${r.entries}`), svgEl("circle", { cx: x, cy: y, r: "9" }), svgEl("text", { x, y: String(Number(y) + 4), "text-anchor": "middle" }, String(r.entries)));
        svg.append(g);
      }
      figure.prepend(svg);
    })
    .catch(() => undefined);
  return figure;
}
