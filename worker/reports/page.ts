/**
 * @module
 * HTML of a regional impact report: four A4 sheets (overview and key figures; trend, formats and contributions;
 * conversion and network; methods and sources), laid out by /css/report.css for screen and print.
 * Everything is rendered here — charts as SVG — so the page prints complete without JavaScript,
 * and it has no inline script or style (CSP).
 */
import { escapeHtml } from "../../dashboard/src/charts/model";
import { formatters, LOCALES, translator, type Locale } from "../../dashboard/src/i18n";
import { CONTRIBUTION_COLOURS, FORMAT_COLOURS, OKABE_ITO } from "../../dashboard/src/palette";
import { barsSvg, trendSvg } from "./charts";
import type { ReportFigures } from "./figures";
import type { ServedReport } from "./store";
import { reportText } from "./text";

export interface ReportPageInput {
  served: ServedReport;
  locale: Locale;
  /** Origin of this server, for absolute links that still work on paper. */
  origin: string;
  /** The region locator SVG, or why there is none. */
  locator: { svg: string } | { missing: "none" | "unavailable" };
  /** This page is the region's latest report (not a permanent URL). */
  isLatest: boolean;
}

type Count = number | "<3";

const e = escapeHtml;

export const reportPath = (code: string, year: number, id: number) => `/reports/${encodeURIComponent(code)}/${year}/r${id}`;
export const latestPath = (code: string, year: number) => `/reports/${encodeURIComponent(code)}?year=${year}`;

export function renderReportPage(p: ReportPageInput): string {
  const { report } = p.served;
  const f: ReportFigures = report.figures;
  const t = translator(p.locale);
  const rt = reportText(p.locale);
  const fmt = formatters(p.locale);
  const m = f.metrics;
  const year = f.year;
  const region = f.region;
  const permanent = p.origin + reportPath(region.code, year, report.id);
  const latest = p.origin + latestPath(region.code, year) + (p.locale === "de" ? "" : `&locale=${p.locale}`);
  const withLocale = (url: string) => url + (p.locale === "de" ? "" : `${url.includes("?") ? "&" : "?"}locale=${p.locale}`);
  const made = fmt.date(report.createdAt);
  const per = m.perHundredThousand;
  const docs = (file: string) => `${p.origin}/docs/${file}`;
  const link = (href: string, text: string) => `<a href="${e(href)}">${e(text)}</a> <span class="url">${e(href)}</span>`;

  const eventsTotal = Object.values(m.events).reduce<number>((a, v) => a + (typeof v === "number" ? v : 0), 0);
  const keyRows: Array<[string, string, string]> = [
    [t("m_organisations"), fmt.int(m.organisations.total), per ? fmt.dec1(per.organisations) : ""],
    [t("m_activeOrganisations"), fmt.int(m.activeOrganisations), ""],
    [t("m_cooperations"), fmt.int(m.cooperations.total), per ? fmt.dec1(per.cooperations) : ""],
    [t("m_done"), fmt.int(m.cooperations.byStatus.done ?? 0), ""],
    [t("m_fulfilmentRate"), fmt.pct(m.cooperations.fulfilmentRate), ""],
    [t("m_volunteers"), fmt.int(m.inputs.volunteers), per ? fmt.dec1(per.volunteers) : ""],
    [t("m_hours"), fmt.int(m.inputs.hours), per ? fmt.dec1(per.hours) : ""],
    [t("m_valueEur"), fmt.eur(m.inputs.valueEur), per ? fmt.eur(per.valueEur) : ""],
    [t("m_peopleReached"), fmt.int(m.inputs.peopleReached), per ? fmt.dec1(per.peopleReached) : ""],
    [rt("events"), fmt.int(eventsTotal), ""],
  ];
  const keyTable = `<div class="table-scroll"><table class="figures" data-table="key-figures"><caption class="visually-hidden">${e(rt("keyFigures", { year }))}</caption>
<thead><tr><th scope="col">${e(rt("colFigure"))}</th><th scope="col" class="num">${e(rt("colValue"))}</th><th scope="col" class="num">${e(rt("colPer100k"))}</th></tr></thead>
<tbody>${keyRows.map(([label, v, x]) => `<tr><th scope="row">${e(label)}</th><td class="num">${e(v)}</td><td class="num">${e(x || "–")}</td></tr>`).join("")}</tbody></table></div>
<p class="note">${e(region.population ? rt("population", { n: fmt.int(region.population) }) : rt("populationUnknown"))}</p>`;

  const kinds = ["company", "nonprofit", "public", "intermediary"].filter((k) => k in m.organisations);
  const kindTable = `<table class="figures" data-table="kinds"><caption class="visually-hidden">${e(rt("byKind"))}</caption><tbody>${kinds
    .map((k) => `<tr><th scope="row">${e(t(`k_${k}`))}</th><td class="num">${e(fmt.int(m.organisations[k]))}</td></tr>`)
    .join("")}</tbody></table>`;

  const locator =
    "svg" in p.locator
      ? p.locator.svg
      : `<p class="note">${e(p.locator.missing === "none" ? rt("locatorNone") : rt("locatorMissing"))}</p>`;

  const formatRows = Object.keys(FORMAT_COLOURS)
    .filter((k) => k in m.cooperations.byFormat)
    .map((k) => ({ label: t(`f_${k}`), value: m.cooperations.byFormat[k] as Count, colour: FORMAT_COLOURS[k] }));
  const valueRows = Object.entries(m.inputs.valueByContributionType).map(([k, v]) => ({ label: t(`c_${k}`), value: v as Count, colour: CONTRIBUTION_COLOURS[k] ?? OKABE_ITO.grey }));

  // The pairs of a year are all still open at its end: the two years before show decided ones.
  const conversion = m.conversion
    .filter((r) => r.year >= year - 2 && r.year <= year && (r.pairs !== 0 || r.pending !== 0))
    .sort((x, y) => y.year - x.year || Object.keys(FORMAT_COLOURS).indexOf(x.format) - Object.keys(FORMAT_COLOURS).indexOf(y.format));
  const conversionTable = conversion.length
    ? `<div class="table-scroll"><table class="figures" data-table="conversion"><thead><tr><th scope="col">${e(rt("colYear"))}</th><th scope="col">${e(rt("colFormat"))}</th><th scope="col" class="num">${e(rt("colPairs"))}</th><th scope="col" class="num">${e(rt("colConverted"))}</th><th scope="col" class="num">${e(rt("colPending"))}</th><th scope="col" class="num">${e(rt("colRate"))}</th></tr></thead>
<tbody>${conversion.map((r) => `<tr><td>${r.year}</td><th scope="row">${e(t(`f_${r.format}`))}</th><td class="num">${e(fmt.int(r.pairs))}</td><td class="num">${e(fmt.int(r.converted))}</td><td class="num">${e(fmt.int(r.pending))}</td><td class="num">${e(fmt.pct(r.rate))}</td></tr>`).join("")}</tbody></table></div>`
    : `<p class="note">${e(rt("conversionNone"))}</p>`;

  const n = m.network as Record<string, unknown>;
  const num = (k: string, f: (v: number) => string) => (typeof n[k] === "number" ? f(n[k] as number) : n[k] === "<3" ? fmt.int("<3") : "–");
  const networkHidden = n.nodes === "<3";
  const networkRows: Array<[string, string]> = [
    [rt("nodes"), num("nodes", fmt.int)],
    [rt("edges"), num("edges", fmt.int)],
    [t("m_density"), num("density", fmt.dec3)],
    [rt("components"), num("components", fmt.int)],
    [t("m_largestComponentShare"), num("largestComponentShare", fmt.pct)],
    [rt("communities"), num("communities", fmt.int)],
    [t("m_modularity"), num("modularity", fmt.dec3)],
    [t("m_meanTwoStepReachNonprofits"), num("meanTwoStepReachNonprofits", fmt.dec1)],
    [t("m_degreeCentralisation"), num("degreeCentralisation", fmt.dec3)],
  ];
  const statusCounts = (n.statusCounts ?? {}) as Record<string, Count>;
  const isolated = statusCounts.isolated ?? 0;

  const summary = rt("summary", {
    year,
    region: region.name,
    cooperations: fmt.int(m.cooperations.total),
    per: per ? fmt.dec1(per.cooperations) : "–",
    done: fmt.int(m.cooperations.byStatus.done ?? 0),
    volunteers: fmt.int(m.inputs.volunteers),
    hours: fmt.int(m.inputs.hours),
    value: fmt.eur(m.inputs.valueEur),
    isolated: fmt.int(isolated),
  });
  const newer = p.served.newerData || p.served.latestId !== report.id;
  const status = p.isLatest && !newer ? `<p class="current" data-state="latest">${e(rt("latestNote"))}</p>` : newer ? `<p class="newer" data-state="newer">${e(rt("newerData"))} <a href="${e(latest)}">${e(latest)}</a></p>` : "";
  const partial = f.window.to < `${year}-12-31` ? `<p class="note">${e(rt("partialYear", { date: fmt.date(f.window.to) }))}</p>` : "";
  const title = `${rt("title", { year })} – ${region.name}`;
  const langLinks = LOCALES.map((l) =>
    l === p.locale ? `<strong>${l.toUpperCase()}</strong>` : `<a href="${e((p.isLatest ? latestPath(region.code, year) : reportPath(region.code, year, report.id)) + (l === "de" ? "" : `${p.isLatest ? "&" : "?"}locale=${l}`))}" hreflang="${l}">${l.toUpperCase()}</a>`,
  )
    .join(" · ");

  return `<!doctype html>
<html lang="${p.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)} – Kooperationsatlas</title>
<link rel="canonical" href="${e(withLocale(permanent))}">
<link rel="alternate" type="application/json" href="${e(`${p.origin}/api/v1/reports/${encodeURIComponent(region.code)}?year=${year}&revision=r${report.id}`)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/css/report.css">
</head>
<body class="report" data-report-id="${report.id}" data-revision="${report.dataRevision}" data-content-hash="${e(report.contentHash)}">
<nav class="toolbar" aria-label="${e(rt("language"))}"><span>${e(rt("language"))}: ${langLinks}</span><span>${e(rt("printHint"))}</span></nav>
<main>
<section class="sheet" data-sheet="1">
<header class="report-head">
<p class="brand">Kooperationsatlas</p>
<h1 id="title">${e(title)}</h1>
<p class="subtitle">${e(rt("subtitle"))}</p>
</header>
<div class="cite">
<h2>${e(rt("citeTitle"))}</h2>
<p data-meta="revision">${e(rt("revision", { id: report.id, date: made, revision: report.dataRevision }))}</p>
<p>${e(rt("coverage", { from: fmt.date(f.window.from), to: fmt.date(f.window.to) }))}</p>
<p>${e(rt("permanentUrl"))} <a href="${e(withLocale(permanent))}" data-meta="permanent">${e(permanent)}</a></p>
${status}
${partial}
</div>
<div class="overview">
<figure class="chart-figure locator-figure" aria-labelledby="cap-locator">
<figcaption id="cap-locator">${e(rt("locator"))}</figcaption>
${locator}
<p class="attribution">${e(t("mapAttribution"))}</p>
</figure>
<section class="key-figures" aria-labelledby="h-key">
<h2 id="h-key">${e(rt("keyFigures", { year }))}</h2>
${keyTable}
</section>
</div>
<section class="block glance" aria-labelledby="h-glance">
<h2 id="h-glance">${e(rt("atAGlance"))}</h2>
<p data-summary>${e(summary)}</p>
<h3>${e(rt("byKind"))}</h3>
${kindTable}
</section>
</section>
<section class="sheet" data-sheet="2">
<figure class="chart-figure" aria-labelledby="cap-trend">
<figcaption id="cap-trend">${e(rt("trend", { year }))}</figcaption>
${trendSvg(f.trend, fmt, fmt.period, "cap-trend")}
<p class="note">${e(rt("trendSummary", { year }))} ${f.trend.some((x) => x.partial) ? e(rt("trendPartial")) : ""}</p>
</figure>
<figure class="chart-figure" aria-labelledby="cap-formats">
<figcaption id="cap-formats">${e(rt("formats", { year }))}</figcaption>
${barsSvg(formatRows, fmt.int, "cap-formats", "formats")}
<p class="note">${e(rt("formatsSummary", { year }))}</p>
</figure>
<figure class="chart-figure" aria-labelledby="cap-values">
<figcaption id="cap-values">${e(rt("values", { year }))}</figcaption>
${barsSvg(valueRows, fmt.eur, "cap-values", "values")}
<p class="note">${e(rt("valuesSummary"))}</p>
</figure>
</section>
<section class="sheet" data-sheet="3">
<section class="block" aria-labelledby="h-conversion">
<h2 id="h-conversion">${e(rt("conversion"))}</h2>
<p class="note">${e(rt("conversionIntro", { date: fmt.date(f.window.to) }))}</p>
${conversionTable}
</section>
<section class="block" aria-labelledby="h-network">
<h2 id="h-network">${e(rt("network", { year }))}</h2>
<div class="network">
<table class="figures" data-table="network"><tbody>${networkRows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td class="num">${e(v)}</td></tr>`).join("")}</tbody></table>
<div class="callout" data-figure="isolated"><p class="big">${e(fmt.int(isolated))}</p><p><strong>${e(rt("isolated"))}</strong></p><p class="note">${e(rt("isolatedNote"))}</p></div>
</div>
<p class="note">${e(networkHidden ? rt("networkHidden") : rt("networkWindow"))}</p>
</section>
</section>
<section class="sheet" data-sheet="4">
<section class="block" aria-labelledby="h-methods">
<h2 id="h-methods">${e(rt("methods"))}</h2>
<p>${e(rt("methodsText"))}</p>
<p>${e(rt("methodsPinned"))}</p>
<ul class="links">
<li>${link(docs("metrics.md"), rt("docMetrics"))}</li>
<li>${link(docs("privacy.md"), rt("docPrivacy"))}</li>
<li>${link(docs("reports.md"), rt("docReports"))}</li>
</ul>
</section>
<section class="block" aria-labelledby="h-sources">
<h2 id="h-sources">${e(rt("sources"))}</h2>
<p>${e(rt("sourceData"))}</p>
<ul class="links sources">${f.sources.map((s) => `<li><span class="url">${e(`${p.origin}/api/v1${s}`)}</span></li>`).join("")}</ul>
<p>${e(rt("sourcePopulation"))}</p>
<p>${e(t("mapAttribution"))}, Datenlizenz Deutschland – Namensnennung 2.0.</p>
<p class="hash">${e(rt("hash", { hash: report.contentHash }))}</p>
<p class="citation">${e(rt("citation", { year, region: region.name, id: report.id, date: made, url: permanent }))}</p>
</section>
</section>
</main>
</body>
</html>`;
}

/** A small error page in the report's style. */
export function renderReportError(locale: Locale, message: string): string {
  const rt = reportText(locale);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(rt("error"))} – Kooperationsatlas</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/css/report.css"></head><body class="report"><main><section class="sheet"><h1>${e(rt("error"))}</h1><p role="alert">${e(message)}</p></section></main></body></html>`;
}
