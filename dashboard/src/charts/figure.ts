/**
 * @module
 * A chart as an accessible figure: caption, canvas with an aria summary, source line, downloads
 * (PNG for print, SVG, CSV) and the data as a real table. Used by the dashboard pages; the embed
 * pages render the same markup on the server and only attach the canvas and buttons.
 */
import { h, table, uid, add } from "../dom";
import { translator, type Locale } from "../i18n";
import type { Theme } from "../palette";
import type { LoadedChart } from "./data";
import { buildModel, chartCsv, chartNotes, type ChartModel } from "./model";
import { drawChart, saveBlob, toPngBlob, toSvgString, type DrawnChart } from "./render";

export interface FigureOptions {
  locale: Locale;
  theme?: Theme;
  /** Height of the drawing area in CSS pixels (the width follows the container). */
  height?: number;
  /** Shown above the caption as the section heading level (h2/h3); default: caption only. */
  headingLevel?: 2 | 3;
}

/** Wires the download buttons of a figure to a drawn chart. */
export function attachDownloads(container: Element, drawn: DrawnChart, locale: Locale) {
  const name = drawn.model.fileName;
  container.querySelector<HTMLButtonElement>("[data-download=png]")?.addEventListener("click", async () => saveBlob(await toPngBlob(drawn), `${name}.png`));
  container.querySelector<HTMLButtonElement>("[data-download=svg]")?.addEventListener("click", () => saveBlob(new Blob([toSvgString(drawn)], { type: "image/svg+xml" }), `${name}.svg`));
  container.querySelector<HTMLButtonElement>("[data-download=csv]")?.addEventListener("click", () =>
    saveBlob(chartCsv(drawn.model, locale), `${name}.csv`),
  );
}

/** The download buttons (PNG, SVG, CSV). */
export function downloadButtons(locale: Locale): HTMLElement {
  const t = translator(locale);
  return h(
    "div",
    { className: "chart-actions", role: "group", "aria-label": t("download") },
    h("button", { type: "button", className: "btn small", "data-download": "png" }, t("downloadPng")),
    h("button", { type: "button", className: "btn small", "data-download": "svg" }, t("downloadSvg")),
    h("button", { type: "button", className: "btn small", "data-download": "csv" }, t("downloadCsv")),
  );
}

/** The data table of a chart model inside a disclosure. */
export function dataTable(model: ChartModel, locale: Locale, open = false): HTMLElement {
  const t = translator(locale);
  const numeric = model.columns.map((_, i) => i > 0);
  if (model.columns[1] === "AGS") numeric[1] = false;
  return h("details", { className: "chart-table", open }, h("summary", {}, t("showTable")), table(model.title, model.columns, model.rows, numeric, { captionHidden: true }));
}

/** A figure without a chart yet: caption, canvas, summary, source line and download buttons. */
export function figureShell(parent: Element, opts: { locale: Locale; title: string; summary: string; notes: string; height: number; headingLevel?: 2 | 3; kind: string }) {
  const capId = uid("cap");
  const sumId = uid("sum");
  const canvas = h("canvas", { role: "img", "aria-labelledby": capId, "aria-describedby": sumId });
  const fig = h(
    "figure",
    { className: "chart-figure", "data-chart": opts.kind },
    h("figcaption", { id: capId }, opts.headingLevel ? h(`h${opts.headingLevel}` as "h2", { className: "chart-title" }, opts.title) : opts.title),
    h("div", { className: "chart-box", style: `height:${opts.height}px` }, canvas),
    h("p", { id: sumId, className: "visually-hidden" }, opts.summary),
    h("p", { className: "chart-source" }, opts.notes),
    downloadButtons(opts.locale),
  );
  add(parent, fig);
  return { fig, canvas };
}

/** Completes a figure once its chart is drawn: the data table and the downloads. */
export function completeFigure(fig: HTMLElement, drawn: DrawnChart, locale: Locale) {
  add(fig, dataTable(drawn.model, locale));
  attachDownloads(fig, drawn, locale);
}

/** Renders a loaded chart as a figure into `parent` and draws it. */
export async function renderFigure(parent: Element, loaded: LoadedChart, o: FigureOptions): Promise<DrawnChart> {
  const model = buildModel(loaded, o.locale);
  const notes = chartNotes(model, o.locale);
  const { fig, canvas } = figureShell(parent, { locale: o.locale, title: model.title, summary: model.summary, notes, height: o.height ?? 320, headingLevel: o.headingLevel, kind: loaded.data.kind });
  const drawn = await drawChart(canvas, loaded, { locale: o.locale, theme: o.theme ?? "light" });
  completeFigure(fig, drawn, o.locale);
  return drawn;
}
