/**
 * @module
 * Organisation page: the ego network (its partners and the ties among them), its metrics explained
 * in plain words, and its cooperation history.
 */
import { client, ok, type Schemas } from "../api";
import { completeFigure, figureShell } from "../charts/figure";
import { h, table, uid, add } from "../dom";
import { sectorLabel } from "../i18n";
import type { PageContext } from "../main";
import { KIND_COLOURS } from "../palette";
import { pageTitle, section } from "./common";
import { dealCard } from "../deal-follow-up";

type Organisation = Schemas["Organisation"];
type OrgMetrics = Awaited<ReturnType<typeof organisationMetrics>>;
const organisationMetrics = (id: number) => ok(client.GET("/organisations/{id}/metrics", { params: { path: { id } } }));

export async function render(ctx: PageContext) {
  const { t, f, main, locale } = ctx;
  const id = Number(ctx.params.id);
  const [org, m, coops] = await Promise.all([
    ok(client.GET("/organisations/{id}", { params: { path: { id } } })),
    organisationMetrics(id),
    ok(client.GET("/cooperations", { params: { query: { organisation: id, limit: 100 } } })),
  ]);
  pageTitle(ctx, org.name);
  const sector = org.kind === "company" ? org.industry : org.field;
  add(main, 
    h("p", { className: "crumbs" }, h("a", { href: "/" }, t("navOverview")), " › ", h("a", { href: `/regions/${org.regionCode}` }, org.regionCode), " › ", t("orgTitle")),
    h("h1", {}, org.name),
    h(
      "p",
      { className: "window" },
      h("span", { className: "swatch-inline", style: `color:${KIND_COLOURS[org.kind]}` }, "● "),
      [t(`k_${org.kind}`), sector ? sectorLabel(t, sector) : null, org.postcode, t("windowLabel", { from: f.date(m.window.from), to: f.date(m.window.to) })].filter(Boolean).join(" · "),
    ),
  );
  if (org.contactName || org.contactEmail) add(main, h("p", {}, `${t("fContactName")}: ${org.contactName ?? "–"} ${org.contactEmail ? `<${org.contactEmail}>` : ""}`));

  // The region's network with this organisation in focus (its partners and theirs highlighted);
  // where the region's network is not drawn (too large, or without this organisation), the ego network.
  const inRegion = await regionNetwork(ctx, org);
  const grid = h("div", { className: inRegion ? "" : "grid-2" });
  add(main, grid);
  if (!inRegion) await egoNetwork(ctx, grid, org, m);

  // Metrics in plain words.
  const mm = m.metrics;
  const explainCard = section(t("orgMetricsTitle"), uid("h"));
  add(grid, explainCard);
  const items: string[] = [];
  const num = (k: keyof typeof mm) => (typeof mm[k] === "number" ? (mm[k] as number) : null);
  if (!num("degree")) items.push(t("explain_missing"));
  items.push(t("explain_degree", { v: f.int(num("degree")) }), t("explain_strength", { v: f.int(num("strength")) }));
  items.push(t("explain_twoStepReach", { v: f.int(num("twoStepReach")) }));
  items.push(t("explain_betweenness", { v: f.dec3(num("betweenness")) }));
  if (num("effectiveSize") !== null) items.push(t("explain_effectiveSize", { v: f.dec1(num("effectiveSize")) }));
  if (num("constraint") !== null) items.push(t("explain_constraint", { v: f.dec3(num("constraint")) }));
  if (num("tiePersistence") !== null) items.push(t("explain_tiePersistence", { v: f.pct(num("tiePersistence")) }));
  items.push(t("explain_status", { v: t(`st_${mm.status}`) }));
  add(explainCard, 
    h("ul", { className: "explain" }, items.map((x) => h("li", {}, x))),
    h(
      "dl",
      { className: "facts" },
      [
        [t("tileHours"), f.int(num("hours"))],
        [t("tileValue"), f.eur(num("valueEur"))],
        [t("colLast"), f.date(mm.lastCooperation as string | null)],
      ].flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
    ),
  );

  // History.
  const names = new Map(m.ego.nodes.map((n) => [n.id, n.name]));
  // Partners of cooperations outside the window are not in the ego network: look their names up,
  // up to 500 per request.
  const unknown = [...new Set(coops.data.flatMap((c) => c.partnerIds))].filter((p) => p !== id && !names.has(p));
  const chunks: number[][] = [];
  for (let i = 0; i < unknown.length; i += 500) chunks.push(unknown.slice(i, i + 500));
  await Promise.all(
    chunks.map((ids) =>
      ok(client.GET("/organisations", { params: { query: { ids: ids.join(","), limit: ids.length } } }))
        .then((res) => res.data.forEach((o) => names.set(o.id, o.name)))
        .catch(() => undefined),
    ),
  );
  const histCard = section(t("historyTitle"), uid("h"));
  add(main, histCard);
  add(histCard, 
    h(
      "div",
      { className: "table-scroll" },
      table(
        t("historyTitle"),
        [t("colDate"), t("format"), t("colStatus"), t("colPartnersList"), t("fContribution"), t("colHours"), t("colValue")],
        coops.data.map((c) => [
          f.date(c.dateAgreed),
          t(`f_${c.format ?? "none"}`),
          t(`s_${c.status}`),
          h(
            "span",
            {},
            c.partnerIds
              .filter((p) => p !== id)
              .flatMap((p, i) => [i ? ", " : "", names.has(p) ? h("a", { href: `/organisations/${p}` }, names.get(p)!) : `#${p}`]),
          ),
          c.contributionTypes.map((x) => t(`c_${x}`)).join(", ") || "–",
          f.int(c.hours),
          f.eur(c.valueEur),
        ]),
        [false, false, false, false, false, true, true],
        { captionHidden: true },
      ),
    ),
  );

  // Open deals of this organisation: status and follow-up set here, as on the start page.
  const open = coops.data.filter((c) => c.status === "agreed" || c.status === "ongoing");
  if (open.length && (ctx.me.role === "admin" || ctx.me.role === "coordinator")) {
    const dealsCard = section(t("orgOpenDeals"), uid("h"));
    dealsCard.id = "open-deals";
    add(main, dealsCard);
    names.set(id, org.name);
    const partnerName = (p: number) => (p === id ? org.name : names.has(p) ? h("a", { href: `/organisations/${p}` }, names.get(p)!) : `#${p}`);
    add(dealsCard, h("ol", { className: "org-cards deal-cards", "aria-label": t("orgOpenDeals") }, open.map((c) => dealCard(ctx, c, partnerName))));
  }
}

/** The network view of the organisation's region focused on it; false when that cannot be drawn. */
async function regionNetwork(ctx: PageContext, org: Organisation): Promise<boolean> {
  const { t, f, main, locale } = ctx;
  let net: Schemas["Network"];
  try {
    net = await ok(client.GET("/regions/{code}/network", { params: { path: { code: org.regionCode } } }));
  } catch {
    return false;
  }
  const self = net.nodes.find((n) => n.id === org.id);
  if (!self || self.x === null || self.y === null || !net.edges.some((e) => e.source === org.id || e.target === org.id)) return false;
  const card = section(t("orgNetworkTitle"), uid("h"), h("p", { className: "hint" }, t("orgNetworkIntro", { name: org.name })));
  add(main, card);
  const [{ createNetworkView }, { readViewState, urlKeeper }] = await Promise.all([import("../network-view/view"), import("../network-view/url")]);
  const drawn = net.nodes.filter((n) => n.x !== null && n.y !== null && !(n.inScope && n.degree === 0)).length;
  const summary = t("summaryNetwork", { nodes: f.int(drawn), edges: f.int(net.edges.length) });
  createNetworkView(card, net.nodes, net.edges, {
    locale,
    title: t("orgNetworkChart", { name: org.name }),
    summary,
    source: `${t("source", { date: f.date(net.computedAt) })} · ${summary}`,
    fileName: `kooperationsatlas-organisation-${org.id}-network`,
    focusId: org.id,
    organisationHref: (n) => (n.id === org.id ? null : `/organisations/${n.id}`),
    announce: ctx.announce,
    initial: readViewState(ctx.query),
    onState: urlKeeper(org.id),
  });
  return true;
}

/** The ego network: the organisation in the middle, its partners on a circle. */
async function egoNetwork(ctx: PageContext, parent: HTMLElement, org: Organisation, m: OrgMetrics) {
  const { t, f, locale } = ctx;
  const id = org.id;
  const egoCard = h("section", { className: "card" });
  add(parent, egoCard);
  const title = `${t("chartEgo")} – ${org.name}`;
  const summary = t("summaryNetwork", { nodes: f.int(m.ego.nodes.length), edges: f.int(m.ego.edges.length) });
  const source = t("source", { date: f.date(m.computedAt) });
  const { fig, canvas } = figureShell(egoCard, { locale, title, summary, notes: `${source} · ${summary}`, height: 420, headingLevel: 2, kind: "ego" });
  const { drawNetwork, radialLayout } = await import("../charts/network");
  const degree = new Map<number, number>();
  for (const e of m.ego.edges) for (const x of [e.source, e.target]) degree.set(x, (degree.get(x) ?? 0) + 1);
  const nodes = radialLayout(
    m.ego.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, degree: degree.get(n.id) ?? 0 })),
    id,
  );
  const drawn = await drawNetwork(canvas, nodes, m.ego.edges, {
    locale,
    title,
    summary,
    source,
    fileName: `kooperationsatlas-organisation-${id}-ego`,
    focus: id,
    onClickNode: (other) => other !== id && ctx.navigate(`/organisations/${other}`),
  });
  completeFigure(fig, drawn, locale);
}
