/**
 * @module
 * The interactive network view of the region and organisation pages: search, filters, size by a
 * metric, focus on a node with its one- and two-step neighbourhood, labels, legend, zoom and pan
 * (wheel, pinch, buttons), and a keyboard list beside the drawing that does the same. Draws on a
 * canvas only when something changed, one frame per animation frame at most.
 *
 * Its state is mirrored on the root element for tests and the benchmark: `data-focus` (id),
 * `data-near1`/`data-near2` (neighbourhood sizes), `data-shown`, `data-matches`, `data-size-by`,
 * `data-scale`, `data-labels` (ids with a label), `data-draws` (frames drawn) and `data-draw-ms` (the
 * last frame's drawing time).
 */
import { h, uid, add, clear } from "../dom";
import { formatters, sectorLabel, translator, type Locale } from "../i18n";
import { KIND_COLOURS, KIND_SHAPES, OKABE_ITO, THEMES } from "../palette";
import { chartCsv } from "../charts/model";
import { markFirstChart, saveBlob } from "../charts/render";
import { SvgContext } from "../charts/svg-context";
import { drawCursorRing, drawFrame, LABEL_FONT, zoomGrowth, type Ctx } from "./draw";
import {
  buildModel,
  filterMask,
  fitTransform,
  isWithheldName,
  matchesSearch,
  metricMax,
  neighbourCounts,
  neighbourhood,
  NO_FILTERS,
  OUTSIDE,
  radii,
  radiusFor,
  rankBy,
  SIZE_METRICS,
  zoomAt,
  type ApiEdge,
  type ApiNode,
  type Filters,
  type SizeMetric,
  type Transform,
} from "./model";
import type { NamedViewState, ViewState } from "./url";

export interface NetworkViewOptions {
  locale: Locale;
  title: string;
  /** One sentence for screen readers: what the drawing shows. */
  summary: string;
  source: string;
  fileName: string;
  /** Height of the drawing on wide screens (CSS px); phones get less. */
  height?: number;
  /** Node focused at the start (organisation page). */
  focusId?: number;
  /** Link target of an organisation's own page, or null where none is shown. */
  organisationHref?: (node: { id: number; name: string }) => string | null;
  announce?: (text: string) => void;
  /** State to start from (read from the page URL); names of options the data lacks are ignored. */
  initial?: NamedViewState;
  /** Called after every change of search, filters, size or focus (the page keeps it in its URL). */
  onState?: (s: ViewState) => void;
}

/** Rows of the keyboard list at most (search and filters reach every node). */
export const LIST_MAX = 100;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 40;
const TAP_SLOP = 6;

export interface NetworkView {
  root: HTMLElement;
  focus: (id: number | null) => void;
  /** Where a node is drawn (CSS px from the canvas' top left), or null when it is not in the model. */
  positionOf: (id: number) => { x: number; y: number } | null;
  destroy: () => void;
}

const svgNs = "http://www.w3.org/2000/svg";
function shapeIcon(kind: string, size = 16): SVGSVGElement {
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("viewBox", "-8 -8 16 16");
  svg.setAttribute("aria-hidden", "true");
  const shape = KIND_SHAPES[kind] ?? "circle";
  const el = document.createElementNS(svgNs, shape === "circle" ? "circle" : shape === "rect" ? "rect" : "polygon");
  if (shape === "circle") el.setAttribute("r", "6");
  else if (shape === "rect") {
    el.setAttribute("x", "-5.5");
    el.setAttribute("y", "-5.5");
    el.setAttribute("width", "11");
    el.setAttribute("height", "11");
  } else el.setAttribute("points", shape === "triangle" ? "0,-7 6.5,4.5 -6.5,4.5" : "0,-7 7,0 0,7 -7,0");
  el.setAttribute("fill", KIND_COLOURS[kind] ?? OKABE_ITO.grey);
  svg.appendChild(el);
  return svg;
}

function sizeIcon(r: number): SVGSVGElement {
  const d = Math.ceil(2 * r + 2);
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("width", String(d));
  svg.setAttribute("height", String(d));
  svg.setAttribute("aria-hidden", "true");
  const c = document.createElementNS(svgNs, "circle");
  c.setAttribute("cx", String(d / 2));
  c.setAttribute("cy", String(d / 2));
  c.setAttribute("r", String(r));
  c.setAttribute("fill", "#8c8c8c");
  svg.appendChild(c);
  return svg;
}

/** Builds the view into `parent`. */
export function createNetworkView(parent: HTMLElement, apiNodes: ApiNode[], apiEdges: ApiEdge[], o: NetworkViewOptions): NetworkView {
  const t = translator(o.locale);
  const f = formatters(o.locale);
  const theme = THEMES.light;
  const model = buildModel(apiNodes, apiEdges);
  const n = model.nodes.length;

  // ---- state
  let sizeBy: SizeMetric = "degree";
  let filters: Filters = { ...NO_FILTERS };
  let query = "";
  let focus = -1;
  let cursor = -1; // keyboard list position (node index)
  let hover = -1;
  let nodeRadii = radii(model, sizeBy);
  let labelOrder = rankBy(model, sizeBy);
  let shown = filterMask(model, filters);
  let matches: Uint8Array | null = null;
  let dist: Uint8Array | null = null;
  let transform: Transform = { scale: 1, tx: 0, ty: 0 };
  let baseScale = 1;
  let fitted = false;
  let width = 0;
  let height = 0;

  const metricValue = (i: number, m: SizeMetric = sizeBy) => {
    const v = model.nodes[i].metrics[m];
    if (v === null) return "–";
    return m === "degree" || m === "twoStepReach" ? f.int(v) : m === "pagerank" ? f.withDecimals(v, 4) : f.dec3(v);
  };
  const metricName = (m: SizeMetric) => t(`nv_m_${m}`);
  const statusName = (s: string) => (s === OUTSIDE ? t("nv_st_outside") : t(`st_${s}`));

  // ---- DOM
  const select = (label: string, name: string, options: [string, string][]) => {
    const id = uid("nv");
    const sel = h("select", { id, name }, options.map(([v, l]) => h("option", { value: v }, l)));
    return { wrap: h("div", { className: "nv-field" }, h("label", { for: id }, label), sel), sel };
  };
  const all: [string, string] = ["", t("nv_all")];
  const count = (key: (i: number) => string | null) => {
    const m = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const k = key(i);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const kinds = count((i) => model.nodes[i].kind);
  const statuses = count((i) => model.nodes[i].status);
  const communities = count((i) => (model.nodes[i].community === null ? null : String(model.nodes[i].community)));
  const sectors = count((i) => model.nodes[i].sector);
  const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

  const searchId = uid("nv");
  const searchInput = h("input", { id: searchId, type: "search", name: "nv-search", autocomplete: "off", spellcheck: "false", "aria-describedby": `${searchId}-hint` });
  const searchField = h(
    "div",
    { className: "nv-field nv-search" },
    h("label", { for: searchId }, t("nv_search")),
    searchInput,
    h("span", { id: `${searchId}-hint`, className: "nv-hint" }, t("nv_searchHint")),
  );
  const kindSel = select(t("nv_kind"), "nv-kind", [all, ...byCount(kinds).map(([k, c]): [string, string] => [k, `${t(`k_${k}`)} (${f.int(c)})`])]);
  const statusSel = select(t("nv_status"), "nv-status", [all, ...byCount(statuses).map(([k, c]): [string, string] => [k, `${statusName(k)} (${f.int(c)})`])]);
  const communitySel = select(t("nv_community"), "nv-community", [
    all,
    ...byCount(communities).map(([k, c]): [string, string] => [k, t("nv_communityN", { n: k, count: f.int(c) })]),
  ]);
  const sectorSel = select(t("nv_sector"), "nv-sector", [all]);
  // Fields of work and industries in two groups (a company's sector is its industry).
  const industries = new Set(model.nodes.filter((x) => x.kind === "company" && x.sector).map((x) => x.sector!));
  for (const [label, keep] of [[t("nv_fields"), (k: string) => !industries.has(k)], [t("nv_industries"), (k: string) => industries.has(k)]] as const) {
    const entries = byCount(sectors).filter(([k]) => keep(k));
    if (entries.length) add(sectorSel.sel, h("optgroup", { label }, entries.map(([k, c]) => h("option", { value: k }, `${sectorLabel(t, k)} (${f.int(c)})`))));
  }
  const sizeSel = select(t("nv_sizeBy"), "nv-size", SIZE_METRICS.map((m): [string, string] => [m, metricName(m)]));
  const controls = h(
    "div",
    { className: "nv-controls", role: "group", "aria-label": t("nv_controls") },
    searchField,
    kindSel.wrap,
    statusSel.wrap,
    communities.size > 1 ? communitySel.wrap : null,
    sectors.size > 0 ? sectorSel.wrap : null,
    sizeSel.wrap,
  );

  const capId = uid("cap");
  const sumId = uid("sum");
  const canvas = h("canvas", { className: "nv-canvas", role: "img", "aria-labelledby": capId, "aria-describedby": sumId });
  const tip = h("div", { className: "nv-tip", hidden: true, "aria-hidden": "true" });
  const zoomBtn = (label: string, text: string, act: () => void) => h("button", { type: "button", className: "btn small", "aria-label": label, title: label, onclick: act as EventListener }, text);
  const zoomBar = h(
    "div",
    { className: "nv-zoom", role: "group", "aria-label": t("nv_zoom") },
    zoomBtn(t("nv_zoomIn"), "+", () => zoomBy(1.5)),
    zoomBtn(t("nv_zoomOut"), "−", () => zoomBy(1 / 1.5)),
    zoomBtn(t("nv_fit"), "⤢", () => fit()),
  );
  const stage = h("div", { className: "nv-stage" }, canvas, zoomBar, tip);
  const legend = h("div", { className: "nv-legend", role: "group", "aria-label": t("nv_legend") });
  const downloads = h(
    "div",
    { className: "chart-actions", role: "group", "aria-label": t("download") },
    h("button", { type: "button", className: "btn small", "data-download": "png", onclick: (() => void downloadPng()) as EventListener }, t("downloadPng")),
    h("button", { type: "button", className: "btn small", "data-download": "svg", onclick: (() => downloadSvg()) as EventListener }, t("downloadSvg")),
    h("button", { type: "button", className: "btn small", "data-download": "csv", onclick: (() => downloadCsv()) as EventListener }, t("downloadCsv")),
  );
  const figure = h(
    "figure",
    { className: "chart-figure nv-figure", "data-chart": "network" },
    h("figcaption", { id: capId }, o.title),
    stage,
    h("p", { id: sumId, className: "visually-hidden" }, `${o.summary} ${t("nv_canvasHint")}`),
    h("p", { className: "nv-hint" }, t("nv_canvasHint")),
    legend,
    h("p", { className: "chart-source" }, o.source),
    downloads,
  );

  const details = h("div", { className: "nv-details", "aria-live": "polite" });
  const listHeadId = uid("nv");
  const listHintId = uid("nv");
  const listStatus = h("p", { className: "nv-hint", role: "status" });
  const list = h("ul", { className: "nv-list", role: "listbox", tabindex: 0, "aria-labelledby": listHeadId, "aria-describedby": listHintId });
  const side = h(
    "div",
    { className: "nv-side" },
    details,
    h("h3", { id: listHeadId, className: "nv-list-title" }, t("nv_list")),
    h("p", { id: listHintId, className: "nv-hint" }, t("nv_listHint")),
    listStatus,
    list,
  );
  const root = h("div", { className: "netview", "data-size-by": sizeBy }, controls, h("div", { className: "nv-body" }, figure, side));
  add(parent, root);

  // ---- derived state
  /** Set once the starting state is applied: from then on every change is reported (o.onState). */
  let started = false;
  const passes = (i: number) => shown[i] === 1 && (!matches || matches[i] === 1);
  let listItems: number[] = [];

  function recomputeMatches() {
    if (!query.trim()) matches = null;
    else {
      const m = new Uint8Array(n);
      for (let i = 0; i < n; i++) m[i] = matchesSearch(model, i, query) ? 1 : 0;
      matches = m;
    }
  }

  function mirrorState() {
    root.dataset.focus = focus >= 0 ? String(model.nodes[focus].id) : "";
    const counts = dist ? neighbourCounts(dist) : { one: 0, two: 0 };
    root.dataset.near1 = String(counts.one);
    root.dataset.near2 = String(counts.two);
    let s = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      s += shown[i];
      if (passes(i)) m++;
    }
    root.dataset.shown = String(s);
    root.dataset.matches = String(m);
    root.dataset.sizeBy = sizeBy;
    if (started) o.onState?.({ search: query, filters: { ...filters }, sizeBy, focus: focus >= 0 ? model.nodes[focus].id : null });
  }

  function renderLegend() {
    clear(legend);
    const kindsShown = ["company", "nonprofit", "public", "intermediary"].filter((k) => kinds.has(k));
    const max = metricMax(model, sizeBy);
    const values = [max, max / 4, max / 25].filter((v, i, a) => v > 0 && a.indexOf(v) === i);
    const fmtV = (v: number) => (sizeBy === "degree" || sizeBy === "twoStepReach" ? f.int(Math.max(1, Math.round(v))) : sizeBy === "pagerank" ? f.withDecimals(v, 4) : f.dec3(v));
    add(
      legend,
      h("ul", { className: "nv-legend-row", "aria-label": t("nv_legendColour") }, kindsShown.map((k) => h("li", {}, shapeIcon(k), ` ${t(`k_${k}`)}`))),
      h(
        "ul",
        { className: "nv-legend-row", "aria-label": t("nv_legendSize", { metric: metricName(sizeBy) }) },
        h("li", { className: "nv-legend-label" }, `${t("nv_legendSize", { metric: metricName(sizeBy) })}:`),
        values.map((v) => h("li", {}, sizeIcon(radiusFor(v, max)), ` ${fmtV(v)}`)),
      ),
      h(
        "ul",
        { className: "nv-legend-row", "aria-label": t("nv_legendFocusTitle") },
        h("li", {}, h("span", { className: "nv-key nv-key-focus", "aria-hidden": "true" }), ` ${t("nv_legendFocus")}`),
        h("li", {}, h("span", { className: "nv-key nv-key-one", "aria-hidden": "true" }), ` ${t("nv_legendStep1")}`),
        h("li", {}, h("span", { className: "nv-key nv-key-two", "aria-hidden": "true" }), ` ${t("nv_legendStep2")}`),
        h("li", {}, h("span", { className: "nv-key nv-key-faint", "aria-hidden": "true" }), ` ${t("nv_legendFaint")}`),
      ),
    );
  }

  function renderDetails() {
    clear(details);
    if (focus < 0) {
      add(details, h("p", { className: "nv-hint" }, t("nv_focusHint")));
      return;
    }
    const node = model.nodes[focus];
    const { one, two } = neighbourCounts(dist!);
    const href = isWithheldName(node.name) ? null : (o.organisationHref?.(node) ?? null);
    add(
      details,
      h("h3", { className: "nv-details-title" }, shapeIcon(node.kind), ` ${node.name}`),
      h("p", {}, t("nv_focusCounts", { one: f.int(one), two: f.int(two) })),
      h(
        "dl",
        { className: "nv-facts" },
        [
          [t("nv_kind"), t(`k_${node.kind}`)],
          [t("nv_status"), statusName(node.status)],
          node.sector ? [t("nv_sector"), sectorLabel(t, node.sector)] : null,
          node.community !== null ? [t("nv_community"), String(node.community)] : null,
          ...SIZE_METRICS.map((m) => [metricName(m), metricValue(focus, m)]),
        ]
          .filter((x): x is string[] => x !== null)
          .flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
      ),
      h(
        "p",
        { className: "nv-details-actions" },
        href ? h("a", { href }, t("nv_open")) : null,
        h("button", { type: "button", className: "btn small", "data-action": "clear-focus", onclick: (() => setFocus(-1)) as EventListener }, t("nv_clearFocus")),
      ),
    );
  }

  function renderList() {
    let items: number[];
    if (focus >= 0 && dist) {
      const d = dist;
      // The neighbourhood is listed whatever the search found (the filters still apply).
      const ranked = rankBy(model, sizeBy, (i) => d[i] <= 2 && (i === focus || shown[i] === 1));
      items = [focus, ...ranked.filter((i) => d[i] === 1), ...ranked.filter((i) => d[i] === 2)];
    } else items = rankBy(model, sizeBy, passes);
    const total = items.length;
    listItems = items.slice(0, LIST_MAX);
    clear(list);
    for (const i of listItems) {
      const node = model.nodes[i];
      const step = dist ? dist[i] : null;
      const stepText = step === 0 ? t("nv_step0") : step === 1 ? t("nv_step1") : step === 2 ? t("nv_step2") : null;
      add(
        list,
        h(
          "li",
          { id: `${list.getAttribute("aria-labelledby")}-o${node.id}`, role: "option", "aria-selected": i === focus ? "true" : "false", "data-id": node.id, className: step !== null ? `nv-step${step}` : "" },
          shapeIcon(node.kind, 12),
          h("span", { className: "nv-name" }, node.name),
          h("span", { className: "nv-meta" }, [t(`k_${node.kind}`), stepText, `${metricName(sizeBy)} ${metricValue(i)}`].filter(Boolean).join(" · ")),
        ),
      );
    }
    if (!listItems.includes(cursor)) cursor = listItems.includes(focus) ? focus : -1;
    syncCursor(false);
    listStatus.textContent = total === 0 ? t("nv_none") : total > LIST_MAX ? t("nv_listMore", { shown: f.int(LIST_MAX), total: f.int(total) }) : total === 1 ? t("nv_listOne") : t("nv_listCount", { n: f.int(total) });
  }

  function syncCursor(scroll: boolean) {
    list.querySelectorAll(".nv-active").forEach((e) => e.classList.remove("nv-active"));
    if (cursor < 0) {
      list.removeAttribute("aria-activedescendant");
      return;
    }
    const li = list.querySelector<HTMLElement>(`[data-id="${model.nodes[cursor].id}"]`);
    if (!li) return;
    li.classList.add("nv-active");
    list.setAttribute("aria-activedescendant", li.id);
    if (scroll) li.scrollIntoView({ block: "nearest" });
  }

  // ---- drawing
  // A full drawing goes to an offscreen copy first. While the drawing is dragged, pinched or
  // wheeled, frames only move and scale that copy (one image copy instead of rasterising thousands
  // of ties and nodes in software); the full drawing follows once the motion rests.
  const copy = document.createElement("canvas");
  let copyTransform: Transform | null = null;
  let frame = 0;
  let draws = 0;
  let wantFull = true;
  let settle = 0;
  const SETTLE_MS = 120;
  const requestDraw = (motion = false) => {
    if (!motion) wantFull = true;
    if (!frame) frame = requestAnimationFrame(draw);
  };
  function draw() {
    frame = 0;
    if (!width || !height) return;
    const start = performance.now();
    const ctx = canvas.getContext("2d");
    const copyCtx = copy.getContext("2d");
    if (!ctx || !copyCtx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (!wantFull && copyTransform) {
      // world → copy: w·s0 + t0; world → screen: w·s1 + t1; so screen = (copy − t0)·k + t1.
      const k = transform.scale / copyTransform.scale;
      ctx.fillStyle = theme.background;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(copy, (transform.tx - copyTransform.tx * k) * dpr, (transform.ty - copyTransform.ty * k) * dpr, copy.width * k, copy.height * k);
      if (transform.scale !== copyTransform.scale || transform.tx !== copyTransform.tx || transform.ty !== copyTransform.ty) {
        clearTimeout(settle);
        settle = window.setTimeout(() => requestDraw(), SETTLE_MS);
      }
    } else {
      wantFull = false;
      clearTimeout(settle);
      if (copy.width !== canvas.width || copy.height !== canvas.height) {
        copy.width = canvas.width;
        copy.height = canvas.height;
      }
      copyCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const labels = drawFrame(copyCtx as unknown as Ctx, frameInput(width, height, transform, maxLabels(width, height)));
      copyTransform = { ...transform };
      ctx.drawImage(copy, 0, 0);
      root.dataset.labels = labels.map((b) => model.nodes[b.i].id).join(",");
    }
    const active = hover >= 0 ? hover : cursor;
    if (active >= 0 && shown[active]) {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawCursorRing(ctx as unknown as Ctx, model, active, nodeRadii[active], transform, baseScale);
    }
    root.dataset.scale = (transform.scale / baseScale).toFixed(3);
    root.dataset.drawMs = (performance.now() - start).toFixed(2);
    root.dataset.draws = String(++draws);
  }
  const maxLabels = (w: number, hgt: number) => Math.max(6, Math.min(30, Math.round((w * hgt) / 22000)));
  function frameInput(w: number, hgt: number, tr: Transform, labels: number) {
    // Labels: the focus and its partners first, then the most central nodes.
    const order = focus >= 0 && dist ? [focus, ...labelOrder.filter((i) => dist![i] === 1), ...labelOrder.filter((i) => dist![i] !== 0 && dist![i] !== 1)] : labelOrder;
    return {
      model,
      radii: nodeRadii,
      shown,
      matches,
      dist,
      focus,
      labelOrder: order,
      transform: tr,
      baseScale,
      width: w,
      height: hgt,
      theme,
      maxLabels: labels,
    };
  }

  function resize() {
    const rect = stage.getBoundingClientRect();
    const w = Math.round(rect.width);
    const hgt = Math.round(rect.height);
    if (w === width && hgt === height) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(w * dpr));
    canvas.height = Math.max(1, Math.round(hgt * dpr));
    const fitNow = fitTransform(model, w, hgt);
    if (!fitted) {
      transform = fitNow;
      // A node focused from the start (organisation page) sits in the middle.
      width = w;
      height = hgt;
      if (focus >= 0) reveal(focus, true);
    } else transform = { ...transform, tx: transform.tx + (w - width) / 2, ty: transform.ty + (hgt - height) / 2 };
    baseScale = fitNow.scale;
    fitted = true;
    width = w;
    height = hgt;
    wantFull = true;
    draw();
  }

  function fit() {
    transform = fitTransform(model, width, height);
    requestDraw();
  }
  function zoomBy(factor: number, px = width / 2, py = height / 2, motion = false) {
    transform = zoomAt(transform, factor, px, py, baseScale * MIN_ZOOM, baseScale * MAX_ZOOM);
    requestDraw(motion);
  }
  /** Pans so that node i is in view (centred when `centre`). */
  function reveal(i: number, centre: boolean) {
    const x = model.nodes[i].x * transform.scale + transform.tx;
    const y = model.nodes[i].y * transform.scale + transform.ty;
    const margin = 40;
    if (!centre && x > margin && x < width - margin && y > margin && y < height - margin) return;
    transform = { ...transform, tx: transform.tx + width / 2 - x, ty: transform.ty + height / 2 - y };
  }

  // ---- actions
  function setFocus(i: number, opts: { fromList?: boolean } = {}) {
    focus = i;
    dist = i >= 0 ? neighbourhood(model, i) : null;
    if (i >= 0) {
      cursor = i;
      // Chosen in the list: the drawing brings it to the middle; clicked: it is already in view.
      reveal(i, opts.fromList === true);
      const { one, two } = neighbourCounts(dist!);
      o.announce?.(t("nv_focused", { name: model.nodes[i].name, one: f.int(one), two: f.int(two) }));
    } else o.announce?.(t("nv_unfocused"));
    renderDetails();
    renderList();
    mirrorState();
    requestDraw();
    if (opts.fromList) syncCursor(true);
  }
  function onFilters() {
    filters = { kind: kindSel.sel.value, status: statusSel.sel.value, community: communitySel.sel.value, sector: sectorSel.sel.value };
    shown = filterMask(model, filters);
    renderList();
    mirrorState();
    requestDraw();
  }
  for (const s of [kindSel, statusSel, communitySel, sectorSel]) s.sel.addEventListener("change", onFilters);
  sizeSel.sel.addEventListener("change", () => {
    sizeBy = sizeSel.sel.value as SizeMetric;
    nodeRadii = radii(model, sizeBy);
    labelOrder = rankBy(model, sizeBy);
    renderLegend();
    renderList();
    mirrorState();
    requestDraw();
  });
  searchInput.addEventListener("input", () => {
    query = searchInput.value;
    recomputeMatches();
    // A new search looks for another organisation: the list shows the matches, not a neighbourhood.
    if (focus >= 0) setFocus(-1);
    else {
      renderList();
      mirrorState();
      requestDraw();
    }
  });
  searchInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const first = listItems.find((i) => i !== focus && (!matches || matches[i])) ?? listItems[0];
      if (first !== undefined) setFocus(first, { fromList: true });
    } else if (e.key === "ArrowDown" && listItems.length) {
      e.preventDefault();
      list.focus();
      if (cursor < 0) moveCursor(listItems[0]);
    }
  });

  function moveCursor(i: number) {
    cursor = i;
    syncCursor(true);
    // The drawing follows the keyboard: the node under the cursor gets a ring and comes into view.
    reveal(i, false);
    requestDraw(true);
  }
  list.addEventListener("keydown", (e) => {
    if (!listItems.length) return;
    const pos = listItems.indexOf(cursor);
    let next = -2;
    if (e.key === "ArrowDown") next = listItems[Math.min(listItems.length - 1, pos + 1)];
    else if (e.key === "ArrowUp") next = listItems[Math.max(0, pos - 1)];
    else if (e.key === "Home") next = listItems[0];
    else if (e.key === "End") next = listItems[listItems.length - 1];
    else if (e.key === "PageDown") next = listItems[Math.min(listItems.length - 1, pos + 10)];
    else if (e.key === "PageUp") next = listItems[Math.max(0, pos - 10)];
    else if ((e.key === "Enter" || e.key === " ") && cursor >= 0) {
      e.preventDefault();
      setFocus(cursor === focus ? -1 : cursor, { fromList: true });
      return;
    } else if (e.key === "Escape" && focus >= 0) {
      e.preventDefault();
      setFocus(-1, { fromList: true });
      return;
    } else return;
    e.preventDefault();
    moveCursor(next);
  });
  list.addEventListener("focus", () => {
    if (cursor < 0 && listItems.length) moveCursor(listItems.includes(focus) ? focus : listItems[0]);
  });
  list.addEventListener("click", (e) => {
    const li = (e.target as Element).closest<HTMLElement>("[role=option]");
    if (!li) return;
    const i = model.index.get(Number(li.dataset.id));
    if (i !== undefined) setFocus(i, { fromList: true });
  });

  // ---- pointer: pan, pinch, tap to focus, hover for the name
  const pointers = new Map<number, { x: number; y: number }>();
  let moved = 0;
  let pinch: { d: number; mx: number; my: number } | null = null;
  const local = (e: PointerEvent | WheelEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  function nodeAt(x: number, y: number, slop: number): number {
    let best = -1;
    let bestD = Infinity;
    const zoomR = zoomGrowth(transform.scale, baseScale);
    for (let i = 0; i < n; i++) {
      if (!shown[i]) continue;
      const dx = model.nodes[i].x * transform.scale + transform.tx - x;
      const dy = model.nodes[i].y * transform.scale + transform.ty - y;
      const d = Math.hypot(dx, dy);
      if (d <= nodeRadii[i] * zoomR + slop && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }
  canvas.addEventListener("pointerdown", (e) => {
    canvas.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, local(e));
    moved = 0;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2 };
    }
  });
  canvas.addEventListener("pointermove", (e) => {
    const p = local(e);
    const prev = pointers.get(e.pointerId);
    if (!prev) {
      if (e.pointerType === "mouse") {
        const i = nodeAt(p.x, p.y, 3);
        if (i !== hover) {
          hover = i;
          showTip(i, p);
          requestDraw(true);
        }
      }
      return;
    }
    pointers.set(e.pointerId, p);
    if (pointers.size >= 2 && pinch) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      transform = { ...transform, tx: transform.tx + mx - pinch.mx, ty: transform.ty + my - pinch.my };
      if (pinch.d > 0) transform = zoomAt(transform, d / pinch.d, mx, my, baseScale * MIN_ZOOM, baseScale * MAX_ZOOM);
      pinch = { d, mx, my };
      moved += TAP_SLOP + 1;
    } else {
      moved += Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y);
      transform = { ...transform, tx: transform.tx + p.x - prev.x, ty: transform.ty + p.y - prev.y };
    }
    if (hover >= 0) {
      hover = -1;
      showTip(-1, p);
    }
    requestDraw(true);
  });
  const endPointer = (e: PointerEvent) => {
    if (!pointers.has(e.pointerId)) return;
    const p = local(e);
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    if (e.type === "pointerup" && pointers.size === 0 && moved <= TAP_SLOP) {
      const i = nodeAt(p.x, p.y, e.pointerType === "mouse" ? 3 : 12);
      setFocus(i === focus ? -1 : i);
    }
  };
  canvas.addEventListener("pointerup", endPointer);
  canvas.addEventListener("pointercancel", endPointer);
  canvas.addEventListener("pointerleave", () => {
    if (hover >= 0 && pointers.size === 0) {
      hover = -1;
      showTip(-1, { x: 0, y: 0 });
      requestDraw(true);
    }
  });
  canvas.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const p = local(e);
      // Lines or pixels: a notch of a mouse wheel zooms by about 20 %.
      const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      zoomBy(Math.exp(-dy / 500), p.x, p.y, true);
    },
    { passive: false },
  );

  function showTip(i: number, p: { x: number; y: number }) {
    if (i < 0) {
      tip.hidden = true;
      return;
    }
    const node = model.nodes[i];
    tip.textContent = `${node.name} · ${t(`k_${node.kind}`)} · ${metricName(sizeBy)} ${metricValue(i)}`;
    tip.hidden = false;
    tip.style.left = `${Math.min(p.x + 12, Math.max(0, width - 220))}px`;
    tip.style.top = `${p.y + 14}px`;
  }

  // ---- downloads: the picture as it is on screen (filters, focus, zoom), title and source added
  const EXPORT_W = 1200;
  const exportSize = () => ({ w: EXPORT_W, h: Math.round((EXPORT_W * height) / Math.max(1, width)) + 90 });
  function drawExport(ctx: Ctx & Pick<CanvasRenderingContext2D, "translate">, w: number, hgt: number) {
    const k = w / Math.max(1, width);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, w, hgt);
    ctx.fillStyle = theme.text;
    ctx.font = `bold 18px ${LABEL_FONT.replace(/^\d+px /, "")}`;
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    ctx.fillText(o.title, 16, 24);
    ctx.save();
    ctx.translate(0, 48);
    drawFrame(ctx, { ...frameInput(w, hgt - 90, { scale: transform.scale * k, tx: transform.tx * k, ty: transform.ty * k }, maxLabels(w, hgt - 90)), baseScale: baseScale * k, perNode: true });
    ctx.restore();
    ctx.font = `12px ${LABEL_FONT.replace(/^\d+px /, "")}`;
    ctx.fillStyle = theme.muted;
    const legendText = ["company", "nonprofit", "public", "intermediary"].filter((x) => kinds.has(x)).map((x) => t(`k_${x}`));
    ctx.fillText(`${legendText.join(" · ")} · ${t("nv_legendSize", { metric: metricName(sizeBy) })}`, 16, hgt - 32);
    ctx.fillText(o.source, 16, hgt - 14);
  }
  async function downloadPng() {
    const { w, h: hgt } = exportSize();
    const c = document.createElement("canvas");
    c.width = w * 2;
    c.height = hgt * 2;
    const ctx = c.getContext("2d")!;
    ctx.scale(2, 2);
    drawExport(ctx as unknown as Ctx & Pick<CanvasRenderingContext2D, "translate">, w, hgt);
    const blob = await new Promise<Blob>((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error("downloadPng: no image"))), "image/png"));
    saveBlob(blob, `${o.fileName}.png`);
  }
  function downloadSvg() {
    const { w, h: hgt } = exportSize();
    const ctx = new SvgContext(w, hgt);
    drawExport(ctx as unknown as Ctx & Pick<CanvasRenderingContext2D, "translate">, w, hgt);
    saveBlob(new Blob([ctx.toSvg(o.title, o.summary)], { type: "image/svg+xml" }), `${o.fileName}.svg`);
  }
  function downloadCsv() {
    const order = rankBy(model, "degree");
    const rows = order.map((i) => {
      const x = model.nodes[i];
      return [x.id, x.name, x.kind, x.metrics.degree, x.metrics.betweenness, x.metrics.twoStepReach, x.metrics.pagerank, x.status, x.community, x.sector, Math.round(x.x * 100) / 100, Math.round(x.y * 100) / 100];
    });
    const columns =
      o.locale === "de"
        ? ["ID", t("colName"), t("nv_kind"), t("nv_m_degree"), t("nv_m_betweenness"), t("nv_m_twoStepReach"), t("nv_m_pagerank"), t("nv_status"), t("nv_community"), t("nv_sector"), "x", "y"]
        : ["id", "name", "kind", "partners", "betweenness", "two_step_reach", "pagerank", "status", "community", "field_or_industry", "x", "y"];
    // German Excel dialect for de (';', decimal comma, German headers), like every chart CSV.
    saveBlob(chartCsv({ csvColumns: columns, csvRows: rows }, o.locale), `${o.fileName}.csv`);
  }

  // ---- start: the state named by the page (URL), else the page's own focus
  const init = o.initial ?? {};
  const pick = (sel: HTMLSelectElement, v: string | undefined) => {
    if (v && [...sel.options].some((x) => x.value === v)) sel.value = v;
  };
  pick(kindSel.sel, init.filters?.kind);
  pick(statusSel.sel, init.filters?.status);
  pick(communitySel.sel, init.filters?.community);
  pick(sectorSel.sel, init.filters?.sector);
  filters = { kind: kindSel.sel.value, status: statusSel.sel.value, community: communitySel.sel.value, sector: sectorSel.sel.value };
  shown = filterMask(model, filters);
  if (init.search) {
    searchInput.value = init.search;
    query = init.search;
    recomputeMatches();
  }
  if (init.sizeBy) {
    sizeBy = init.sizeBy;
    sizeSel.sel.value = sizeBy;
    nodeRadii = radii(model, sizeBy);
    labelOrder = rankBy(model, sizeBy);
  }
  renderLegend();
  const startFocus = init.focus !== undefined ? init.focus : (o.focusId ?? null);
  if (startFocus !== null && model.index.has(startFocus)) {
    focus = model.index.get(startFocus)!;
    dist = neighbourhood(model, focus);
    cursor = focus;
  }
  renderDetails();
  renderList();
  started = true;
  mirrorState();
  const observer = new ResizeObserver(() => resize());
  observer.observe(stage);
  markFirstChart();

  const api: NetworkView = {
    root,
    focus: (id) => setFocus(id === null ? -1 : (model.index.get(id) ?? -1)),
    positionOf: (id) => {
      const i = model.index.get(id);
      return i === undefined ? null : { x: model.nodes[i].x * transform.scale + transform.tx, y: model.nodes[i].y * transform.scale + transform.ty };
    },
    destroy: () => {
      observer.disconnect();
      clearTimeout(settle);
      if (frame) cancelAnimationFrame(frame);
    },
  };
  // Reachable from the element for browser tests and the benchmark (clicking a node by its id).
  Object.defineProperty(root, "networkView", { value: api });
  return api;
}
