/**
 * @module
 * Client of the /embed/* pages: draws the chart from the JSON the server embedded, wires the
 * downloads, and tells the parent page its height (postMessage) so the iframe snippet resizes.
 */
import type { ChartKind, LoadedChart } from "./charts/data";
import { attachDownloads } from "./charts/figure";
import { drawChart } from "./charts/render";
import type { Locale } from "./i18n";
import type { Theme } from "./palette";

/** Message the embed sends to its parent: `{ type, height, src }`. */
export const RESIZE_MESSAGE = "kooperationsatlas:resize";

async function main() {
  const json = document.getElementById("chart-data")?.textContent;
  if (!json) return;
  const { loaded, locale, theme } = JSON.parse(json) as { kind: ChartKind; loaded: LoadedChart; locale: Locale; theme: Theme };
  const fig = document.querySelector<HTMLElement>("figure.chart-figure")!;
  const canvas = fig.querySelector("canvas")!;
  const drawn = await drawChart(canvas, loaded, { locale, theme });
  attachDownloads(fig, drawn, locale);
  document.body.dataset.ready = "true";

  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({ type: RESIZE_MESSAGE, height, src: location.href }, "*");
  };
  new ResizeObserver(report).observe(document.body);
  fig.querySelector("details")?.addEventListener("toggle", report);
  report();
}

void main();
