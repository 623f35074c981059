/**
 * @module
 * Districts merged since the boundary vintage of the reference data (31.12.2018). The old district
 * stays in `regions` because earlier records may refer to it; maps and time series use this table
 * to draw or count it as part of its successor from the merge date on.
 */

export interface DistrictMerge {
  /** AGS of the district that absorbed the old one. */
  into: string;
  /** First day (YYYY-MM-DD) on which the old district no longer exists. */
  since: string;
}

/** Old district AGS → merge. */
export const DISTRICT_MERGES: Readonly<Record<string, DistrictMerge>> = {
  // Eisenach lost its status as a kreisfreie Stadt and joined the Wartburgkreis.
  "16056": { into: "16063", since: "2021-07-01" },
};

/** The code a district is known by on `date` (YYYY-MM-DD), following merges transitively. */
export function currentDistrictCode(code: string, date: string): string {
  let current = code;
  for (let hops = 0; hops < 10; hops++) {
    const merge = DISTRICT_MERGES[current];
    if (!merge || date < merge.since) return current;
    current = merge.into;
  }
  throw new Error(`currentDistrictCode: merge cycle at ${code}`);
}
