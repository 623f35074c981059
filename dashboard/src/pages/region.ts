/**
 * @module
 * Region page: KPIs with change against the previous period, trend lines, cooperations by format,
 * conversion by format, value by contribution type; with a token also the network (graphology
 * layout, drawn with chartjs-chart-graph), the top brokers, and the isolated/peripheral/fading
 * organisations with suggested partners and the reasons (CSV export).
 */
import { allRegions, api, apiBlob, ApiFailure, type Region } from "../api";
import { loadChart, TREND_METRICS, type Count } from "../charts/data";
import { renderFigure } from "../charts/figure";
import type { DrawnChart } from "../charts/render";
import { saveBlob } from "../charts/render";
import { clear, h, table, uid, add } from "../dom";
import { sectorLabel } from "../i18n";
import type { PageContext } from "../main";
import { STATUS_COLOURS } from "../palette";
import { change, diff, pageTitle, previousWindow, section, tiles } from "./common";

interface RegionMetrics {
  region: { code: string; name: string; kind: string; population: number | null };
  computedAt: string;
  window: { from: string; to: string };
  organisations: Record<string, Count>;
  activeOrganisations: Count;
  cooperations: { total: Count; fulfilmentRate: number | null };
  inputs: { volunteers: Count; hours: Count; valueEur: Count; peopleReached: Count };
  network: { isolatesShare: number | null; meanTwoStepReachNonprofits: number | null; density: number | null; nodes: Count; edges: number };
}

interface NetworkNode {
  id: number;
  name: string;
  kind: string;
  degree: number;
  betweenness: number;
  twoStepReach: number;
  x: number | null;
  y: number | null;
  inScope: boolean;
  regionCode: string;
}

/** A match suggestion; `reasonCodes` word the reasons in any language (`reasons`: the API's English). */
interface Suggestion {
  organisationId: number;
  name: string;
  kind: string;
  regionCode: string;
  score: number;
  reasons: string[];
  reasonCodes?: { code: string; params: Record<string, unknown> }[];
}

interface IsolatedRow {
  organisationId: number;
  name: string;
  kind: string;
  regionCode: string;
  status: string;
  degree: number;
  lastCooperation: string | null;
  suggestions: Suggestion[];
}

interface IsolatedPage {
  organisations: IsolatedRow[];
  nextCursor: string | null;
}

/** One reason in the reader's language; unknown codes keep the API's English sentence. */
export function reasonText(ctx: Pick<PageContext, "t" | "f">, r: { code: string; params: Record<string, unknown> }, fallback: string, regionName: (code: string) => string): string {
  const { t, f } = ctx;
  const p = r.params ?? {};
  switch (r.code) {
    case "same_region":
      return t("reason_same_region", { region: regionName(String(p.region)) });
    case "same_state":
      return t("reason_same_state", { region: regionName(String(p.region)) });
    case "field_affinity":
      return t("reason_field_affinity", { share: f.pct(Number(p.share)), field: sectorLabel(t, String(p.field)) });
    case "open_to_cooperation":
      return Number(p.partners) === 1 ? t("reason_open_to_cooperation_one") : t("reason_open_to_cooperation", { partners: f.int(Number(p.partners)) });
    case "recently_active":
      return t("reason_recently_active");
    case "shared_partners":
      return t("reason_shared_partners");
    default:
      return fallback;
  }
}

/** The reasons of a suggestion, worded per code (older answers without codes: the API's sentences). */
export function suggestionReasons(ctx: Pick<PageContext, "t" | "f">, s: Suggestion, regionName: (code: string) => string): string[] {
  if (!s.reasonCodes) return s.reasons;
  return s.reasonCodes.map((r, i) => reasonText(ctx, r, s.reasons[i] ?? r.code, regionName));
}

export async function render(ctx: PageContext) {
  const { t, f, main, locale } = ctx;
  const code = ctx.params.code;
  const metrics = await api<RegionMetrics>(`/api/v1/regions/${encodeURIComponent(code)}/metrics`);
  const r = metrics.region;
  pageTitle(ctx, r.name);
  add(main, 
    h("p", { className: "crumbs" }, h("a", { href: "/" }, t("navOverview")), " › ", t(`rk_${r.kind}`)),
    h("h1", {}, t("regionTitle", { name: r.name })),
    h("p", { className: "window" }, `${t(`rk_${r.kind}`)} · ${r.code} · ${t("colPopulation")}: ${f.int(r.population)} · ${t("windowLabel", { from: f.date(metrics.window.from), to: f.date(metrics.window.to) })}`),
  );
  if (ctx.me.role === "anonymous") add(main, h("p", { className: "note" }, t("publicView"), " ", h("a", { href: `/signin?next=/regions/${encodeURIComponent(code)}` }, t("navSignIn"))));

  // KPIs with change against the previous period of the same length.
  const kpiCard = section(t("kpiTitle"), uid("h"));
  add(main, kpiCard);
  const kpiBox = h("div", {});
  add(kpiCard, kpiBox);
  const drawKpis = (prev: RegionMetrics | null) => {
    clear(kpiBox);
    const cov = (m: RegionMetrics | null) => (m && m.network.isolatesShare !== null ? 1 - m.network.isolatesShare : null);
    const c = (a: unknown, b: unknown) => (prev ? change(a, b) : undefined);
    add(kpiBox, 
      tiles(ctx, [
        { label: t("tileCooperations"), value: f.count(metrics.cooperations.total), change: c(metrics.cooperations.total, prev?.cooperations.total) },
        { label: t("tileActive"), value: f.count(metrics.activeOrganisations), change: c(metrics.activeOrganisations, prev?.activeOrganisations) },
        { label: t("tileHours"), value: f.int(metrics.inputs.hours), change: c(metrics.inputs.hours, prev?.inputs.hours) },
        { label: t("tileValue"), value: f.eur(metrics.inputs.valueEur), change: c(metrics.inputs.valueEur, prev?.inputs.valueEur) },
        { label: t("tilePeople"), value: f.int(metrics.inputs.peopleReached), change: c(metrics.inputs.peopleReached, prev?.inputs.peopleReached) },
        { label: t("tileFulfilment"), value: f.pct(metrics.cooperations.fulfilmentRate), change: prev ? diff(metrics.cooperations.fulfilmentRate, prev.cooperations.fulfilmentRate) : undefined, points: true },
        { label: t("tileCoverage"), value: f.pct(cov(metrics)), change: prev ? diff(cov(metrics), cov(prev)) : undefined, points: true, hint: t("tileCoverageHint") },
        { label: t("tileReach"), value: f.dec1(metrics.network.meanTwoStepReachNonprofits), change: c(metrics.network.meanTwoStepReachNonprofits, prev?.network.meanTwoStepReachNonprofits) },
      ]),
    );
  };
  drawKpis(null);
  const prev = previousWindow(metrics.window);
  void api<RegionMetrics>(`/api/v1/regions/${encodeURIComponent(code)}/metrics?from=${prev.from}&to=${prev.to}`)
    .then(drawKpis)
    .catch(() => undefined);

  // Trends: a metric chosen by the reader, and cooperations by format.
  const trendCard = section(t("trendsTitle"), uid("h"));
  add(main, trendCard);
  const metricId = uid("metric");
  const intervalId = uid("interval");
  const metricSelect = h("select", { id: metricId, name: "metric" }, TREND_METRICS.map((m) => h("option", { value: m }, t(`m_${m}`))));
  const intervalSelect = h("select", { id: intervalId, name: "interval" }, (["year", "quarter", "month"] as const).map((i) => h("option", { value: i }, t(`interval_${i}`))));
  add(trendCard, 
    h(
      "div",
      { className: "toolbar" },
      h("div", { className: "field" }, h("label", { for: metricId }, t("trendMetric")), metricSelect),
      h("div", { className: "field" }, h("label", { for: intervalId }, t("trendInterval")), intervalSelect),
    ),
  );
  const trendBox = h("div", {});
  add(trendCard, trendBox);
  let trendDrawn: DrawnChart | null = null;
  const drawTrend = async () => {
    const loaded = await loadChart("trend", { region: code, metric: metricSelect.value, interval: intervalSelect.value as "year" }, (p) => api(p));
    trendDrawn?.chart.destroy();
    clear(trendBox);
    trendDrawn = await renderFigure(trendBox, loaded, { locale, height: 300 });
  };
  metricSelect.addEventListener("change", () => void drawTrend());
  intervalSelect.addEventListener("change", () => void drawTrend());

  const grid = h("div", { className: "grid-2" });
  add(main, grid);
  const formatsCard = h("section", { className: "card" });
  const conversionCard = h("section", { className: "card", id: "conversion" });
  add(grid, formatsCard, conversionCard);
  const contributionsCard = h("section", { className: "card" });
  add(main, contributionsCard);

  const fetchJson = (p: string) => api(p);
  await Promise.all([
    drawTrend(),
    loadChart("formats", { region: code, interval: "year" }, fetchJson).then((l) => renderFigure(formatsCard, l, { locale, height: 300, headingLevel: 2 })),
    loadChart("conversion", { region: code }, fetchJson).then((l) => renderFigure(conversionCard, l, { locale, height: 300, headingLevel: 2 })),
    loadChart("contributions", { region: code }, fetchJson).then((l) => renderFigure(contributionsCard, l, { locale, height: 240, headingLevel: 2 })),
  ]);

  if (ctx.me.role === "anonymous") return;
  await Promise.all([networkSection(ctx, code, r.name), isolatedSection(ctx, code)]);
}

async function networkSection(ctx: PageContext, code: string, regionName: string) {
  const { t, f, main, locale } = ctx;
  const card = section(t("networkTitle"), uid("h"), h("p", { className: "hint" }, t("networkIntro")));
  add(main, card);
  const brokersCard = section(t("brokersTitle"), uid("h"), h("p", { className: "hint" }, t("brokersIntro")));
  add(main, brokersCard);
  let net: { nodes: NetworkNode[]; edges: { source: number; target: number; weight: number }[]; computedAt: string };
  try {
    net = await api(`/api/v1/regions/${encodeURIComponent(code)}/network`);
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      card.remove();
      brokersCard.remove();
      return;
    }
    throw e;
  }
  const withLayout = net.nodes.filter((n) => n.x !== null && n.y !== null && n.degree !== 0);
  const isolates = net.nodes.filter((n) => n.inScope && n.degree === 0).length;
  if (withLayout.length === 0) {
    add(card, h("p", {}, t("networkTooLarge")));
  } else {
    const summary = `${t("summaryNetwork", { nodes: f.int(withLayout.length), edges: f.int(net.edges.length) })} ${isolates ? `${f.int(isolates)} ${t("st_isolated")}.` : ""}`;
    const { createNetworkView } = await import("../network-view/view");
    createNetworkView(card, net.nodes, net.edges, {
      locale,
      title: `${t("chartNetwork")} – ${regionName}`,
      summary,
      source: `${t("source", { date: f.date(net.computedAt) })} · ${summary}`,
      fileName: `kooperationsatlas-${code}-network`,
      organisationHref: (id) => `/organisations/${id}`,
      announce: ctx.announce,
    });
  }
  const brokers = net.nodes
    .filter((n) => n.inScope && n.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness)
    .slice(0, 10);
  add(brokersCard, 
    h(
      "div",
      { className: "table-scroll" },
      table(
        t("brokersTitle"),
        [t("colName"), t("colKind"), t("colPartners"), t("colReach"), t("colBetweenness")],
        brokers.map((b) => [h("a", { href: `/organisations/${b.id}` }, b.name), t(`k_${b.kind}`), f.int(b.degree), f.int(b.twoStepReach), f.dec3(b.betweenness)]),
        [false, false, true, true, true],
        { captionHidden: true },
      ),
    ),
  );
}

/** Rows per page of the isolated list ("mehr laden" fetches the next). */
const ISOLATED_PAGE = 25;

async function isolatedSection(ctx: PageContext, code: string) {
  const { t, f } = ctx;
  const card = section(t("isolatedTitle"), uid("h"), h("p", { className: "hint" }, t("isolatedIntro")));
  card.id = "isolated";
  add(ctx.main, card);
  const url = (status: string, cursor: string | null) =>
    `/api/v1/regions/${encodeURIComponent(code)}/isolated?limit=${ISOLATED_PAGE}${status ? `&status=${status}` : ""}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  let first: IsolatedPage;
  try {
    first = await api<IsolatedPage>(url("", null));
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      card.remove();
      return;
    }
    throw e;
  }
  const regions = await allRegions().catch(() => [] as Region[]);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const regionName = (c: string) => names.get(c) ?? c;

  const filterId = uid("status");
  const filter = h("select", { id: filterId }, h("option", { value: "" }, t("all")), ["isolated", "peripheral", "fading"].map((s) => h("option", { value: s }, t(`st_${s}`))));
  const exportButton = h(
    "button",
    {
      type: "button",
      className: "btn small",
      "data-export": "isolated-csv",
      onclick: async () => {
        const q = filter.value ? `&status=${filter.value}` : "";
        saveBlob(await apiBlob(`/api/v1/regions/${encodeURIComponent(code)}/isolated?format=csv${q}`), `kooperationsatlas-${code}-isolated${filter.value ? "-" + filter.value : ""}.csv`);
      },
    },
    t("exportCsv"),
  );
  add(card, h("div", { className: "toolbar" }, h("div", { className: "field" }, h("label", { for: filterId }, t("filterStatus")), filter), exportButton));
  const box = h("div", { className: "table-scroll" });
  const tbody = h("tbody", {});
  add(
    box,
    h(
      "table",
      { className: "data isolated" },
      h("caption", { className: "visually-hidden" }, t("isolatedTitle")),
      h("thead", {}, h("tr", {}, [t("colName"), t("colKind"), t("colStatus"), t("colPartners"), t("colLast"), t("colSuggestions")].map((c, i) => h("th", { scope: "col", className: i === 3 ? "num" : "" }, c)))),
      tbody,
    ),
  );
  const count = h("p", { className: "hint", role: "status", "aria-live": "polite", "data-isolated-count": "" });
  const more = h("button", { type: "button", className: "btn small", "data-load-more": "isolated" }, t("loadMore"));
  add(card, box, h("div", { className: "toolbar more-bar" }, more, count));

  const row = (o: IsolatedRow) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, h("a", { href: `/organisations/${o.organisationId}` }, o.name)),
      h("td", {}, t(`k_${o.kind}`)),
      h("td", {}, h("span", { className: "status", style: `color:${STATUS_COLOURS[o.status]}` }, t(`st_${o.status}`))),
      h("td", { className: "num" }, f.int(o.degree)),
      h("td", {}, f.date(o.lastCooperation)),
      h(
        "td",
        {},
        o.suggestions.length
          ? h(
              "ol",
              { className: "suggestions" },
              o.suggestions.slice(0, 2).map((s) =>
                h(
                  "li",
                  {},
                  h("a", { href: `/organisations/${s.organisationId}` }, s.name),
                  ` (${t(`k_${s.kind}`)}, ${t("score")} ${f.dec1(s.score)})`,
                  h("div", { className: "reasons" }, suggestionReasons(ctx, s, regionName).join(" · ")),
                ),
              ),
            )
          : t("none"),
      ),
    );

  let shown = 0;
  let cursor: string | null = null;
  let seq = 0;
  const append = (page: IsolatedPage) => {
    add(tbody, ...page.organisations.map(row));
    shown += page.organisations.length;
    cursor = page.nextCursor;
    more.hidden = !cursor;
    count.textContent = cursor ? t("rowsShownMore", { n: f.int(shown) }) : t("rowsAll", { n: f.int(shown) });
  };
  const loadNext = async (reset: boolean) => {
    const mine = ++seq;
    more.disabled = true;
    more.textContent = t("loadingMore");
    try {
      const page = await api<IsolatedPage>(url(filter.value, reset ? null : cursor));
      if (mine !== seq) return;
      if (reset) {
        clear(tbody);
        shown = 0;
      }
      append(page);
    } catch (e) {
      if (mine === seq) count.textContent = `${t("errorLoad")} ${(e as Error).message}`;
    } finally {
      if (mine === seq) {
        more.disabled = false;
        more.textContent = t("loadMore");
      }
    }
  };
  more.addEventListener("click", () => {
    const before = tbody.rows.length;
    void loadNext(false).then(() => tbody.rows[before]?.querySelector("a")?.focus());
  });
  filter.addEventListener("change", () => void loadNext(true));
  append(first);
}
