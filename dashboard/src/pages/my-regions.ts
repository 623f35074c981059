/**
 * @module
 * A coordinator's start page, "Meine Regionen": for each of the token's regions the organisations
 * that need partners first (isolated, peripheral, fading, with suggestions), then the open deals
 * (agreed or ongoing, newest first) whose status and follow-up fields can be set right there.
 * Everything as cards that fit a phone; the national overview is one link away.
 */
import { allRegions, client, ok, type Region } from "../api";
import { dealCard, type Deal } from "../deal-follow-up";
import { add, h, uid } from "../dom";
import type { PageContext } from "../main";
import { pageTitle, section } from "./common";
import { isolatedSection } from "./isolated-list";

/** Open deals shown per region and status. */
const OPEN_DEALS = 20;

export async function render(ctx: PageContext) {
  const { t, main } = ctx;
  pageTitle(ctx, t("myRegionsTitle"));
  const regions = await allRegions().catch(() => [] as Region[]);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const mine = ctx.me.regions.map((c) => byCode.get(c) ?? { code: c, name: c, kind: "custom" as const, parentCode: null, population: null });
  add(
    main,
    h("h1", {}, t("myRegionsTitle")),
    h("p", { className: "lead" }, t("myRegionsIntro")),
    h(
      "ul",
      { className: "my-region-links" },
      mine.map((r) => h("li", {}, h("a", { href: `/regions/${encodeURIComponent(r.code)}`, "data-region-link": r.code }, r.name), ` · ${r.code}`)),
      h("li", {}, h("a", { href: "/overview" }, t("myRegionsNational"))),
    ),
  );
  for (const r of mine) {
    // The organisations that need partners first, then the deals to follow up.
    await isolatedSection(ctx, r.code, { title: t("myRegionsNeedPartners", { region: r.name }), id: `isolated-${r.code}` });
    await openDeals(ctx, r);
  }
}

async function openDeals(ctx: PageContext, r: Pick<Region, "code" | "name">) {
  const { t, f } = ctx;
  const card = section(t("myRegionsDeals", { region: r.name }), uid("h"), h("p", { className: "hint" }, t("myRegionsDealsIntro")));
  card.id = `deals-${r.code}`;
  card.setAttribute("data-deals-region", r.code);
  add(ctx.main, card);
  const q = (status: "agreed" | "ongoing") => ok(client.GET("/cooperations", { params: { query: { region: r.code, status, sort: "-dateAgreed", limit: OPEN_DEALS } } }));
  const [agreed, ongoing] = await Promise.all([q("agreed"), q("ongoing")]);
  const deals = [...agreed.data, ...ongoing.data].sort((a, b) => (a.dateAgreed < b.dateAgreed ? 1 : a.dateAgreed > b.dateAgreed ? -1 : b.id - a.id));
  if (!deals.length) {
    add(card, h("p", {}, t("myRegionsNoDeals")));
    return;
  }
  // Partner names in one request.
  const ids = [...new Set(deals.flatMap((d) => d.partnerIds))];
  const names = new Map<number, string>();
  await ok(client.GET("/organisations", { params: { query: { ids: ids.join(","), limit: Math.min(ids.length, 500) } } }))
    .then((res) => res.data.forEach((o) => names.set(o.id, o.name)))
    .catch(() => undefined);
  const partnerName = (id: number) => (names.has(id) ? h("a", { href: `/organisations/${id}` }, names.get(id)!) : `#${id}`);
  add(card, h("ol", { className: "org-cards deal-cards", "aria-label": t("myRegionsDeals", { region: r.name }) }, deals.map((d) => dealCard(ctx, d, partnerName))));
  add(card, h("p", { className: "hint" }, t("myRegionsDealsShown", { n: f.int(deals.length) })));
}
