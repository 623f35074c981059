/**
 * @module
 * An event's own results for its organiser (`/marketplaces/<id>/results`): tiles, the chart, the
 * lists with names (new ties, first partners, needs without an offer) and the public view as the
 * embed shows it, with its snippet. Cards rather than tables, so a phone reads them too.
 */
import { ApiFailure, client, ok, type Schemas } from "../api";
import { loadChart } from "../charts/data";
import { renderFigure } from "../charts/figure";
import { h, add, uid } from "../dom";
import type { PageContext } from "../main";
import { pageTitle, section, tiles } from "./common";
import { marketplaceNav } from "./marketplace-nav";
import { snippet } from "./embed-builder";

type Results = Schemas["EventResults"];
type Organisation = Results["firstPartners"][number];

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  const eventId = Number(ctx.params.id);
  let r: Results;
  try {
    r = await ok(client.GET("/marketplaces/{eventId}/results", { params: { path: { eventId } } }));
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) {
      pageTitle(ctx, t("mrTitle"));
      add(main, h("h1", {}, t("mrTitle")), h("p", { role: "alert" }, t("mrNotFound")));
      return;
    }
    throw e;
  }
  pageTitle(ctx, `${t("mrTitle")} – ${r.event.title}`);
  const org = (o: Organisation) => h("a", { href: `/organisations/${o.id}` }, o.name);
  const list = (items: HTMLElement[]) => (items.length ? h("ul", { className: "result-list" }, items) : h("p", { className: "hint" }, t("mrNone")));
  add(
    main,
    h("h1", {}, `${t("mrTitle")} – ${r.event.title}`),
    marketplaceNav(ctx, eventId),
    h("p", { className: "lead" }, `${f.date(r.event.date)} · ${t("mrIntro")}`),
    tiles(ctx, [
      { label: t("mr_deals"), value: f.int(r.deals.total), hint: `${t("mr_done")}: ${f.int(r.deals.byStatus.done)} · ${t("mr_ongoing")}: ${f.int(r.deals.byStatus.ongoing)}` },
      { label: t("mrFulfilment"), value: f.pct(r.deals.fulfilmentRate) },
      { label: t("mr_newTies"), value: f.int(r.ties.new), hint: `${f.int(r.ties.total)} ${t("unit_pairs")}` },
      { label: t("mr_firstPartners"), value: f.int(r.partners.firstPartner) },
      { label: t("mr_unmetNeeds"), value: f.int(r.needs.unmet), hint: `${f.int(r.needs.total)} ${t("mrNeedsAll")}` },
      { label: t("mrFollowUps"), value: `${f.int(r.followUps.answered)} / ${f.int(r.followUps.total)}`, hint: t("mrOverdue", { overdue: f.int(r.followUps.overdue) }) },
    ]),
  );
  const chartCard = h("section", { className: "card", "data-results-chart": "" });
  add(main, chartCard);
  const loaded = await loadChart("marketplace", { region: r.event.regionCode, event: String(eventId) }, client);
  await renderFigure(chartCard, loaded, { locale: ctx.locale, headingLevel: 2, height: 300 });

  add(
    main,
    section(
      t("mrNewTiesTitle"),
      uid("h"),
      h("p", { className: "hint" }, t("mrNewTiesIntro")),
      list(r.newTies.map((x) => h("li", { "data-tie": `${x.a.id}-${x.b.id}` }, org(x.a), " – ", org(x.b)))),
    ),
    section(
      t("mrFirstTitle"),
      uid("h"),
      h("p", { className: "hint" }, t("mrFirstIntro")),
      list(r.firstPartners.map((o) => h("li", { "data-first-partner": String(o.id) }, org(o), ` (${t(`k_${o.kind}`)})`))),
    ),
    section(
      t("mrUnmetTitle"),
      uid("h"),
      h("p", { className: "hint" }, t("mrUnmetIntro")),
      list(r.unmetNeeds.map((n) => h("li", { "data-unmet-need": String(n.itemId) }, h("strong", {}, t(`c_${n.contributionType}`)), `: ${n.description} – `, org(n.organisation)))),
    ),
  );

  // The public view: the embed itself (anonymous, small numbers withheld) and its snippet.
  const src = `${location.origin}/embed/marketplace?event=${eventId}`;
  const frame = h("iframe", { src, title: t("mrPublicTitle"), style: "width:100%;border:0;height:520px", loading: "lazy", id: "results-embed" });
  window.addEventListener("message", (e) => {
    if (e.source === frame.contentWindow && e.data?.type === "kooperationsatlas:resize") frame.style.height = `${e.data.height}px`;
  });
  add(
    main,
    section(
      t("mrPublicTitle"),
      uid("h"),
      h("p", { className: "hint" }, t("mrPublicIntro")),
      h("textarea", { className: "snippet", readonly: true, rows: 6, id: "results-snippet", "aria-label": t("embedSnippet") }, snippet(src, `Kooperationsatlas: ${t("chartMarketplace")} – ${r.event.title}`)),
      h("p", {}, h("a", { href: `/embed-builder?chart=marketplace&event=${eventId}` }, t("embedTitle"))),
      h("div", { className: "preview-frame" }, frame),
    ),
  );
}
