/**
 * @module
 * HTML of an embed page: one chart as a figure with caption, aria summary, source line, download
 * buttons and the data as a real table — all rendered here, so the page is readable before (and
 * without) JavaScript; `/js/embed.js` then draws the canvas from the embedded JSON.
 */
import type { ChartKind, LoadedChart } from "../../dashboard/src/charts/data";
import { buildModel, chartNotes, escapeHtml } from "../../dashboard/src/charts/model";
import { translator, type Locale } from "../../dashboard/src/i18n";

export interface EmbedPageInput {
  kind: ChartKind;
  loaded: LoadedChart;
  locale: Locale;
  theme: "light" | "dark";
  /** Canonical URL of this embed (stable). */
  canonical: string;
  /** The author's alternative text (`alt`): the chart's accessible name instead of the title. */
  alt?: string;
}

/** JSON for a <script type="application/json"> block (no closing tags inside). */
const safeJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

export function renderEmbedPage(p: EmbedPageInput): string {
  const t = translator(p.locale);
  const model = buildModel(p.loaded, p.locale);
  const notes = chartNotes(model, p.locale);
  const numeric = model.columns.map((c, i) => i > 0 && c !== "AGS");
  const th = (c: string, i: number) => `<th scope="col"${numeric[i] ? ' class="num"' : ""}>${escapeHtml(c)}</th>`;
  const row = (r: string[]) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td${numeric[i] ? ' class="num"' : ""}>${escapeHtml(c)}</td>`)).join("")}</tr>`;
  return `<!doctype html>
<html lang="${p.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(model.title)} – Kooperationsatlas</title>
<link rel="canonical" href="${escapeHtml(p.canonical)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/css/app.css">
<script type="module" src="/js/embed.js"></script>
</head>
<body class="embed ${p.theme}">
<main>
<figure class="chart-figure" data-chart="${p.kind}" aria-labelledby="cap">
<figcaption id="cap"><h1 class="chart-title">${escapeHtml(model.title)}</h1></figcaption>
<div class="chart-box chart-${p.kind}"><canvas role="img" ${p.alt ? `aria-label="${escapeHtml(p.alt)}"` : 'aria-labelledby="cap"'} aria-describedby="summary"></canvas></div>
<p id="summary" class="visually-hidden">${escapeHtml(model.summary)}</p>
<p class="chart-source">${escapeHtml(notes)} · <a href="${escapeHtml(p.canonical)}" target="_blank" rel="noopener">Kooperationsatlas</a></p>
<div class="chart-actions" role="group" aria-label="${escapeHtml(t("download"))}">
<button type="button" class="btn small" data-download="png">${escapeHtml(t("downloadPng"))}</button>
<button type="button" class="btn small" data-download="svg">${escapeHtml(t("downloadSvg"))}</button>
<button type="button" class="btn small" data-download="csv">${escapeHtml(t("downloadCsv"))}</button>
</div>
<details class="chart-table"><summary>${escapeHtml(t("showTable"))}</summary>
<div class="table-scroll"><table class="data"><caption class="visually-hidden">${escapeHtml(model.title)}</caption>
<thead><tr>${model.columns.map(th).join("")}</tr></thead>
<tbody>${model.rows.map(row).join("")}</tbody></table></div>
</details>
</figure>
</main>
<script type="application/json" id="chart-data">${safeJson({ kind: p.kind, loaded: p.loaded, locale: p.locale, theme: p.theme })}</script>
</body>
</html>`;
}

/** A small error page (unknown chart, region, or a failed data request). */
export function renderEmbedError(locale: Locale, message: string): string {
  const t = translator(locale);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t("error"))} – Kooperationsatlas</title><link rel="stylesheet" href="/css/app.css"></head><body class="embed"><main><h1 class="chart-title">${escapeHtml(t("error"))}</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}
