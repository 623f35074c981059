/**
 * @module
 * Region reference data: the 16 German states, all districts (Kreise and kreisfreie Städte) and the
 * custom regions the seed text mentions. Built from npm `landkreise-deutschland` (Destatis,
 * Gemeindeverzeichnis GV-ISys, Stand 31.12.2018, © Statistisches Bundesamt, CC BY 4.0).
 *
 * Pure data transformation, no I/O: `build-regions-migration.ts` writes it as SQL, the demo data
 * generator reads it to place organisations in regions that exist.
 */
import districts from "landkreise-deutschland/data/districts.json";

/** One row of the `regions` table, as inserted by migration 0002. */
export interface RegionRow {
  code: string;
  name: string;
  kind: "state" | "district" | "custom";
  parentCode: string | null;
  population: number | null;
  /** NUTS-3 code for districts, NUTS-1 code for states, null for custom regions. */
  nuts3: string | null;
  boundaryVintage: string | null;
}

/** Reference date of the Destatis district list (territorial status and population). */
export const BOUNDARY_VINTAGE = "2018-12-31";

/** German states by 2-digit AGS Land code. */
export const STATE_NAMES: ReadonlyArray<readonly [code: string, name: string]> = [
  ["01", "Schleswig-Holstein"],
  ["02", "Hamburg"],
  ["03", "Niedersachsen"],
  ["04", "Bremen"],
  ["05", "Nordrhein-Westfalen"],
  ["06", "Hessen"],
  ["07", "Rheinland-Pfalz"],
  ["08", "Baden-Württemberg"],
  ["09", "Bayern"],
  ["10", "Saarland"],
  ["11", "Berlin"],
  ["12", "Brandenburg"],
  ["13", "Mecklenburg-Vorpommern"],
  ["14", "Sachsen"],
  ["15", "Sachsen-Anhalt"],
  ["16", "Thüringen"],
];

/**
 * Regions outside the German AGS system. Arnhem (NL) hosts the round tables of engaged companies
 * named in the seed text; population: municipality of Arnhem, approx. 2022 (CBS).
 */
export const CUSTOM_REGIONS: readonly RegionRow[] = [
  { code: "NL-ARN", name: "Arnhem (NL)", kind: "custom", parentCode: null, population: 164_000, nuts3: null, boundaryVintage: null },
];

interface SourceDistrict {
  AGS: string | number;
  type: string;
  name: string;
  NUTS3: string;
  population: number;
}

const CITY_TYPES = new Set(["Kreisfreie Stadt", "Stadtkreis"]);

/** "Oldenburg (Oldenburg), Stadt" → "Oldenburg": the place a name refers to, for collision checks. */
function baseName(name: string): string {
  return name.split(",")[0].replace(/\s*\(.*\)\s*$/, "").trim();
}

/**
 * Unique, readable district names. Destatis uses the same name for a city and the district around it
 * ("München, Landeshauptstadt" / "München"; "Heilbronn" twice): such districts get the suffix
 * "(Landkreis)" / "(Kreis)", such cities without a suffix get ", Stadt".
 */
function districtName(d: SourceDistrict, cityBases: Set<string>, districtBases: Set<string>): string {
  const base = baseName(d.name);
  if (CITY_TYPES.has(d.type)) {
    return !d.name.includes(",") && districtBases.has(base) ? `${d.name}, Stadt` : d.name;
  }
  if ((d.type === "Landkreis" || d.type === "Kreis") && cityBases.has(base)) return `${d.name} (${d.type})`;
  return d.name;
}

/** All regions in insertion order (parents before children): states, districts, custom regions. */
export function buildRegionRows(source: readonly SourceDistrict[] = districts as SourceDistrict[]): RegionRow[] {
  const cityBases = new Set(source.filter((d) => CITY_TYPES.has(d.type)).map((d) => baseName(d.name)));
  const districtBases = new Set(source.filter((d) => !CITY_TYPES.has(d.type)).map((d) => baseName(d.name)));

  const districtRows: RegionRow[] = source
    .map((d) => {
      const code = String(d.AGS).padStart(5, "0");
      if (!/^\d{5}$/.test(code)) throw new Error(`buildRegionRows: unexpected AGS ${d.AGS}`);
      return {
        code,
        name: districtName(d, cityBases, districtBases),
        kind: "district" as const,
        parentCode: code.slice(0, 2),
        population: d.population,
        nuts3: d.NUTS3,
        boundaryVintage: BOUNDARY_VINTAGE,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  const stateRows: RegionRow[] = STATE_NAMES.map(([code, name]) => {
    const children = districtRows.filter((d) => d.parentCode === code);
    if (children.length === 0) throw new Error(`buildRegionRows: no districts for state ${code}`);
    const nuts1 = new Set(children.map((d) => d.nuts3!.slice(0, 3)));
    if (nuts1.size !== 1) throw new Error(`buildRegionRows: state ${code} spans NUTS-1 codes ${[...nuts1].join(", ")}`);
    return {
      code,
      name,
      kind: "state",
      parentCode: null,
      population: children.reduce((sum, d) => sum + (d.population ?? 0), 0),
      nuts3: [...nuts1][0],
      boundaryVintage: BOUNDARY_VINTAGE,
    };
  });

  const rows = [...stateRows, ...districtRows, ...CUSTOM_REGIONS];
  const seen = new Map<string, string>();
  for (const r of rows) {
    const other = seen.get(r.name);
    if (other) throw new Error(`buildRegionRows: name "${r.name}" used by ${other} and ${r.code}`);
    seen.set(r.name, r.code);
  }
  return rows;
}

/** Short place name for display in running text: "München, Landeshauptstadt" → "München". */
export function shortRegionName(row: RegionRow): string {
  if (row.kind === "custom") return row.name.replace(/\s*\(.*\)$/, "");
  const m = /^(.*) \((Landkreis|Kreis)\)$/.exec(row.name);
  if (m) return `${m[2]} ${m[1]}`;
  return row.name.split(",")[0].trim();
}
