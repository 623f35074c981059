/**
 * @module
 * The region locator of a report: the region's state (or, for a state or the country, Germany)
 * with its districts outlined and the region filled, drawn as SVG on the server from the
 * district map the dashboard uses (`/geo/districts.topo.json`, simplified from BKG data; every
 * map carries the BKG attribution).
 */
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";

interface Shape {
  id: string;
  /** Rings of [lon, lat] points. */
  rings: number[][][];
}

let districts: Promise<Shape[] | null> | null = null;

/** The district shapes from the assets (read once per isolate); null when the assets are not bound. */
export function loadDistrictShapes(assets: Fetcher | undefined): Promise<Shape[] | null> {
  if (!assets) return Promise.resolve(null);
  districts ??= assets
    .fetch(new Request("https://assets.local/geo/districts.topo.json"))
    .then(async (res) => {
      if (!res.ok) return null;
      const topo = (await res.json()) as Topology<{ districts: GeometryCollection }>;
      const fc = feature(topo, topo.objects.districts);
      return fc.features.map((f) => {
        const g = f.geometry as { type: string; coordinates: number[][][] | number[][][][] };
        const rings = g.type === "Polygon" ? (g.coordinates as number[][][]) : (g.coordinates as number[][][][]).flat();
        return { id: String(f.id), rings };
      });
    })
    .catch(() => null);
  const pending = districts;
  // A failed read is tried again by the next report.
  void pending.then((s) => {
    if (!s && districts === pending) districts = null;
  });
  return pending;
}

/** Which districts form the context and which the region, by the region's code and kind; null: no map for this region. */
export function locatorSelection(code: string, kind: string): { context: (id: string) => boolean; region: (id: string) => boolean } | null {
  if (code === "DE") return { context: () => true, region: () => true };
  if (kind === "state") return { context: () => true, region: (id) => id.startsWith(code) };
  if (kind === "district" && /^\d{5}$/.test(code)) return { context: (id) => id.startsWith(code.slice(0, 2)), region: (id) => id === code };
  return null;
}

/** The locator as SVG (null when no district of the region is on the map). */
export function locatorSvg(shapes: Shape[], code: string, kind: string, labelId: string): string | null {
  const sel = locatorSelection(code, kind);
  if (!sel) return null;
  const context = shapes.filter((s) => sel.context(s.id));
  if (!context.some((s) => sel.region(s.id))) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of context) for (const ring of s.rings) for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // Equirectangular with the longitude shrunk at the middle latitude: true enough at this scale.
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const width = 300;
  const scale = width / ((maxX - minX) * k || 1);
  const height = Math.ceil((maxY - minY) * scale) || 1;
  const pt = ([x, y]: number[]) => `${((x - minX) * k * scale).toFixed(1)} ${((maxY - y) * scale).toFixed(1)}`;
  const path = (s: Shape) => s.rings.map((r) => `M${r.map(pt).join("L")}Z`).join("");
  const paths = context
    .map((s) => {
      const inRegion = sel.region(s.id);
      return `<path d="${path(s)}" fill="${inRegion ? "#0072B2" : "#eef1f4"}" stroke="${inRegion ? "#003f63" : "#9aa3ad"}" stroke-width="0.6" data-district="${s.id}"${inRegion ? ' data-region="1"' : ""}/>`;
    })
    .join("");
  return `<svg class="locator" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${labelId}" data-chart="locator">${paths}</svg>`;
}
