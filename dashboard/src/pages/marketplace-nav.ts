/**
 * @module
 * The navigation bar of a marketplace's pages: workspace, board, deals, follow-ups, results, checklist.
 * Every marketplace page puts it under its heading, so the organiser moves between them in one tap.
 */
import { h } from "../dom";
import type { PageContext } from "../main";

export const MARKETPLACE_SECTIONS = [
  ["", "mw_workspace"],
  ["/board", "mw_board"],
  ["/deals", "mw_deals"],
  ["/follow-ups", "mw_followUps"],
  ["/results", "mw_results"],
  ["/checklist", "cl_tab"],
] as const;

/** `<nav>` with the marketplace's sections; the current one is marked `aria-current="page"`. */
export function marketplaceNav(ctx: PageContext, eventId: number | string): HTMLElement {
  const here = location.pathname.replace(/\/+$/, "");
  return h(
    "nav",
    { className: "marketplace-nav", "aria-label": ctx.t("mw_navLabel") },
    h(
      "ul",
      {},
      MARKETPLACE_SECTIONS.map(([suffix, key]) => {
        const href = `/marketplaces/${eventId}${suffix}`;
        return h("li", {}, h("a", { href, "aria-current": here === href ? "page" : null, "data-section": suffix.slice(1) || "workspace" }, ctx.t(key)));
      }),
      h("li", {}, h("a", { href: "/marketplaces" }, ctx.t("mw_list"))),
    ),
  );
}
