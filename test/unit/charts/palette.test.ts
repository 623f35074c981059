/**
 * The series colours stay apart for colour-blind readers: every pair of format colours, and each
 * with the partial-period style (the colour under background stripes, averaged), differs by at
 * least MIN_SERIES_DELTA_E (CIEDE2000) with normal vision and simulated deuteranopia, protanopia
 * and tritanopia.
 */
import { describe, expect, it } from "vitest";
import { FORMAT_COLOURS, MIN_SERIES_DELTA_E, PARTIAL_HATCH } from "../../../dashboard/src/palette";
import { blend, CVD_MATRICES, deltaE2000, hexToRgb, simulate, toLab, type Rgb } from "./colour-science";

describe("colour science", () => {
  it("CIEDE2000 matches Sharma et al.'s reference pairs", () => {
    // Test data of Sharma, Wu & Dalal (2005), pairs 1, 7 and 17.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });
  it("simulation keeps greys grey and merges red and green for deuteranopes", () => {
    const grey: Rgb = [0.5, 0.5, 0.5];
    for (const m of Object.values(CVD_MATRICES)) for (const c of simulate(grey, m)) expect(c).toBeCloseTo(0.5, 2);
    const red = toLab(simulate(hexToRgb("#d62728"), CVD_MATRICES.deuteranopia));
    const green = toLab(simulate(hexToRgb("#2ca02c"), CVD_MATRICES.deuteranopia));
    expect(deltaE2000(toLab(hexToRgb("#d62728")), toLab(hexToRgb("#2ca02c")))).toBeGreaterThan(40);
    expect(deltaE2000(red, green)).toBeLessThan(MIN_SERIES_DELTA_E + 8);
  });
});

describe("series palette", () => {
  const coverage = PARTIAL_HATCH.width / PARTIAL_HATCH.spacing;
  {
    it(`every pair of format colours and partial styles differs by ΔE2000 ≥ ${MIN_SERIES_DELTA_E}`, () => {
      const bg = hexToRgb(PARTIAL_HATCH.colour);
      const styles = Object.entries(FORMAT_COLOURS).flatMap(([format, hex]) => [
        { format, style: format, rgb: hexToRgb(hex) },
        { format, style: `${format} (partial)`, rgb: blend(hexToRgb(hex), 1 - coverage, bg) },
      ]);
      const failures: string[] = [];
      for (const [vision, m] of [["normal", null], ...Object.entries(CVD_MATRICES)] as [string, number[][] | null][]) {
        const seen = (rgb: Rgb) => toLab(m ? simulate(rgb, m) : rgb);
        for (let i = 0; i < styles.length; i++)
          for (let j = i + 1; j < styles.length; j++) {
            if (styles[i].format === styles[j].format) continue;
            const d = deltaE2000(seen(styles[i].rgb), seen(styles[j].rgb));
            if (d < MIN_SERIES_DELTA_E) failures.push(`${vision}: ${styles[i].style} / ${styles[j].style} ΔE ${d.toFixed(1)}`);
          }
      }
      expect(failures).toEqual([]);
    });
  }
});
