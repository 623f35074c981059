/**
 * @module
 * Network drawings (region network, ego network) with chartjs-chart-graph, loaded lazily. Node
 * positions come from the API (graphology ForceAtlas2) or, for ego networks, a radial layout.
 * Colour and shape per organisation kind; size by degree. Returns the same {@link DrawnChart} as
 * the other charts, so PNG/SVG/CSV downloads work alike.
 */
import { Chart, type ChartConfiguration, type Plugin } from "chart.js";
import { translator, type Locale } from "../i18n";
import { KIND_COLOURS, KIND_SHAPES, THEMES, type Theme } from "../palette";
import type { ChartModel } from "./model";
import { markFirstChart, type DrawnChart } from "./render";

export interface NetNode {
  id: number;
  name: string;
  kind: string;
  degree: number;
  x: number;
  y: number;
  betweenness?: number;
}
export interface NetEdge {
  source: number;
  target: number;
  weight: number;
}

let registered: Promise<void> | null = null;
function ensureGraph(): Promise<void> {
  registered ??= import("chartjs-chart-graph").then((g) => {
    Chart.register(g.GraphController, g.EdgeLine);
  });
  return registered;
}

const background: Plugin = {
  id: "ka-net-background",
  beforeDraw(chart, _a, opts: { colour?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = opts.colour ?? "#fff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Ego-centred layout: the organisation in the middle, its partners on a circle. */
export function radialLayout<T extends { id: number }>(nodes: T[], centre: number): (T & { x: number; y: number })[] {
  const others = nodes.filter((n) => n.id !== centre);
  return nodes.map((n) => {
    if (n.id === centre) return { ...n, x: 0, y: 0 };
    const i = others.indexOf(n);
    const a = (2 * Math.PI * i) / Math.max(1, others.length) - Math.PI / 2;
    return { ...n, x: Math.cos(a) * 10, y: Math.sin(a) * 10 };
  });
}

export interface NetworkDrawOptions {
  locale: Locale;
  theme?: Theme;
  title: string;
  summary: string;
  source: string;
  fileName: string;
  /** Node to highlight (ego). */
  focus?: number;
  onClickNode?: (id: number) => void;
}

/** Draws a network into a canvas. */
export async function drawNetwork(canvas: HTMLCanvasElement, nodes: NetNode[], edges: NetEdge[], o: NetworkDrawOptions): Promise<DrawnChart> {
  await ensureGraph();
  const t = translator(o.locale);
  const th = THEMES[o.theme ?? "light"];
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const shown = edges.filter((e) => index.has(e.source) && index.has(e.target));
  const maxDeg = Math.max(1, ...nodes.map((n) => n.degree));
  const radius = (n: NetNode) => 3 + 9 * Math.sqrt(n.degree / maxDeg) + (n.id === o.focus ? 4 : 0);
  const sorted = nodes.slice().sort((a, b) => b.degree - a.degree);
  const model: ChartModel = {
    title: o.title,
    summary: o.summary,
    columns: [t("colName"), t("colKind"), t("colPartners"), t("colBetweenness")],
    rows: sorted.map((n) => [n.name, t(`k_${n.kind}`), String(n.degree), n.betweenness === undefined ? "–" : n.betweenness.toFixed(4)]),
    // German headers and kind labels for German Excel, the API's keys otherwise.
    csvColumns: o.locale === "de" ? ["ID", t("colName"), t("colKind"), t("colPartners"), t("colBetweenness"), "x", "y"] : ["id", "name", "kind", "partners", "betweenness", "x", "y"],
    csvRows: sorted.map((n) => [n.id, n.name, o.locale === "de" ? t(`k_${n.kind}`) : n.kind, n.degree, n.betweenness ?? null, Math.round(n.x * 100) / 100, Math.round(n.y * 100) / 100]),
    suppressed: false,
    source: o.source,
    fileName: o.fileName,
  };
  const kindsPresent = [...new Set(nodes.map((n) => n.kind))];
  // Fit the axes to the layout (with a margin for the largest dots).
  const extent = (vals: number[]) => {
    const min = Math.min(...vals);
    const max = Math.max(...vals);
    const pad = (max - min || 1) * 0.04;
    return { min: min - pad, max: max + pad };
  };
  const xr = extent(nodes.map((n) => n.x));
  const yr = extent(nodes.map((n) => n.y));
  const config = (forExport: boolean): ChartConfiguration =>
    ({
      type: "graph",
      data: {
        labels: nodes.map((n) => n.name),
        datasets: [
          {
            label: o.title,
            data: nodes.map((n) => ({ x: n.x, y: n.y })),
            edges: shown.map((e) => ({ source: index.get(e.source)!, target: index.get(e.target)! })),
            pointBackgroundColor: nodes.map((n) => KIND_COLOURS[n.kind] ?? "#888"),
            pointBorderColor: nodes.map((n) => (n.id === o.focus ? th.text : th.background)),
            pointBorderWidth: nodes.map((n) => (n.id === o.focus ? 2.5 : 0.8)),
            pointStyle: nodes.map((n) => KIND_SHAPES[n.kind] ?? "circle"),
            pointRadius: nodes.map(radius),
            pointHoverRadius: nodes.map((n) => radius(n) + 2),
            edgeLineBorderColor: th.edge,
            edgeLineBorderWidth: shown.map((e) => Math.min(4, 0.6 + 0.5 * Math.log2(e.weight + 1))),
          },
        ],
      },
      options: {
        responsive: !forExport,
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: 16 },
        scales: { x: { type: "linear", display: false, ...xr }, y: { type: "linear", display: false, ...yr } },
        onClick: o.onClickNode
          ? (_e: unknown, els: { index: number }[]) => {
              if (els[0]) o.onClickNode!(nodes[els[0].index].id);
            }
          : undefined,
        plugins: {
          "ka-net-background": { colour: th.background },
          legend: {
            display: true,
            position: "bottom",
            labels: {
              color: th.text,
              usePointStyle: true,
              generateLabels: () =>
                kindsPresent.map((k) => ({ text: t(`k_${k}`), fillStyle: KIND_COLOURS[k], strokeStyle: KIND_COLOURS[k], pointStyle: KIND_SHAPES[k], hidden: false, lineWidth: 0, fontColor: th.text })),
            },
            onClick: () => undefined,
          },
          title: { display: forExport, text: o.title, color: th.text, align: "start", font: { size: 16, weight: "bold" } },
          subtitle: { display: forExport, text: o.source, position: "bottom", color: th.muted, align: "start", font: { size: 11 } },
          tooltip: {
            enabled: !forExport,
            callbacks: { label: (c: { dataIndex: number }) => `${nodes[c.dataIndex].name} (${t(`k_${nodes[c.dataIndex].kind}`)}, ${t("colPartners")}: ${nodes[c.dataIndex].degree})` },
          },
        },
      },
      plugins: [background],
    }) as unknown as ChartConfiguration;
  const chart = new Chart(canvas, config(false));
  markFirstChart();
  return { chart, model, config, aspect: 0.75 };
}
