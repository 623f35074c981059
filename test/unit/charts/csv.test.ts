/**
 * Chart CSV downloads (embeds and dashboard figures): German Excel dialect for `de` (`;`, decimal
 * comma, German headers and labels, ja/nein, BOM), English with `,` and the API's keys otherwise —
 * written by the same writer as the API's list exports.
 */
import { describe, expect, it } from "vitest";
import type { LoadedChart } from "../../../dashboard/src/charts/data";
import { buildModel, chartCsv } from "../../../dashboard/src/charts/model";

const formats: LoadedChart = {
  data: {
    kind: "formats",
    region: "05113",
    regionName: "Essen, Stadt",
    interval: "year",
    periods: ["2025", "2026"],
    partial: [false, true],
    series: [
      { format: "marketplace", values: [12, "<3"] },
      { format: "other", values: [4, 3] },
    ],
  },
  computedAt: "2026-11-30T10:00:00.000Z",
  window: { from: "2025-01-01", to: null },
};

const conversion: LoadedChart = {
  data: {
    kind: "conversion",
    region: "05113",
    regionName: "Essen, Stadt",
    rows: [
      { format: "other", pairs: 7, converted: 2, rate: 2 / 7 },
      { format: "marketplace", pairs: 40, converted: 10, rate: 0.25 },
    ],
  },
  computedAt: "2026-11-30T10:00:00.000Z",
  window: { from: null, to: null },
};

const text = async (loaded: LoadedChart, locale: "de" | "en") => {
  const blob = chartCsv(buildModel(loaded, locale), locale);
  expect(blob.type).toMatch(/^text\/csv; ?charset=utf-8$/);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await blob.arrayBuffer());
};

describe("chart CSV dialects", () => {
  it("de: BOM, ';', German headers and labels, ja/nein, '<3' kept", async () => {
    const csv = await text(formats, "de");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual(["Zeitraum;Marktplatz;Sonstiges;unvollständig", "2025;12;4;nein", "2026;<3;3;ja", ""]);
  });

  it("en: ',' and the API's keys", async () => {
    const csv = await text(formats, "en");
    expect(csv.slice(1).split("\r\n")).toEqual(["period,marketplace,other,partial", "2025,12,4,no", "2026,<3,3,yes", ""]);
  });

  it("rates: decimal comma in German, point in English", async () => {
    const de = (await text(conversion, "de")).slice(1).split("\r\n");
    const en = (await text(conversion, "en")).slice(1).split("\r\n");
    expect(de[0].split(";").slice(0, 4)).toEqual(["Format", "Paare", "erneut kooperiert", "Quote"]);
    expect(de[1].split(";").slice(0, 4)).toEqual(["Sonstiges", "7", "2", "0,2857"]);
    expect(en[0].split(",").slice(0, 4)).toEqual(["format", "pairs", "converted", "rate"]);
    expect(en[1].split(",").slice(0, 4)).toEqual(["other", "7", "2", "0.2857"]);
  });
});

describe("a trend of rates with their base", () => {
  const trend: LoadedChart = {
    data: {
      kind: "trend",
      region: "05113",
      regionName: "Essen, Stadt",
      metric: "fulfilmentRate",
      interval: "year",
      points: [
        { period: "2024", value: 0.5, n: 40, partial: false },
        { period: "2025", value: 0.25, n: 8, partial: false },
        { period: "2026", value: null, n: "<3", partial: true },
      ],
    },
    computedAt: "2026-11-30T10:00:00.000Z",
    window: { from: "2024-01-01", to: null },
  };

  it("shows each rate with its n, marks a small base uncertain and says why", () => {
    const m = buildModel(trend, "de");
    const clean = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
    expect(m.rows.map((r) => clean(r[1]))).toEqual(["50 % (n = 40)", "25 % (n = 8) – unsicher", "–"]);
    expect(m.uncertainNote).toBe("Kreuz statt Punkt: Quote aus weniger als 20 Fällen (n), unsicher.");
    expect(m.summary).toContain(m.uncertainNote);
    expect(m.suppressed).toBe(true);
  });

  it("writes n and the uncertainty into the CSV", async () => {
    expect((await text(trend, "de")).slice(1).split("\r\n")).toEqual([
      "Zeitraum;Erfüllungsquote;Basis (n);unsicher;unvollständig",
      "2024;0,5;40;nein;nein",
      "2025;0,25;8;ja;nein",
      "2026;;<3;;ja",
      "",
    ]);
    expect((await text(trend, "en")).slice(1).split("\r\n")[0]).toBe("period,fulfilmentRate,n,uncertain,partial");
  });

  it("leaves counts without a base as they were", () => {
    const counts = buildModel({ ...trend, data: { ...trend.data, metric: "cooperations", points: [{ period: "2025", value: 12, partial: false }] } } as LoadedChart, "de");
    expect(counts.csvColumns).toEqual(["Zeitraum", "Kooperationen", "unvollständig"]);
    expect(counts.uncertainNote).toBeUndefined();
  });
});
