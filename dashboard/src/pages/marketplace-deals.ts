/**
 * @module
 * The organiser's deals page (`/marketplaces/<id>/deals`): the deal-sheet link for the phones in
 * the hall as a QR code (shown once, when it is made), and the event's deals with a printable
 * sheet each.
 */
import { client, ok } from "../api";
import { add, h, table } from "../dom";
import { setStatus, statusLine } from "../forms";
import type { PageContext } from "../main";
import { qrSvg } from "../qr";
import { pageTitle, section } from "./common";
import { marketplaceNav } from "./marketplace-nav";

export async function render(ctx: PageContext): Promise<void> {
  const { t, f, main } = ctx;
  const eventId = Number(ctx.params.id);
  const [event, deals] = await Promise.all([
    ok(client.GET("/events/{id}", { params: { path: { id: eventId } } })),
    ok(client.GET("/marketplaces/{eventId}/deals", { params: { path: { eventId } } })),
  ]);
  pageTitle(ctx, `${t("md_deals_title")} · ${event.title}`);

  const linkBox = h("div", { className: "md-link-box", id: "md-link-box" });
  const linkStatus = statusLine();
  const createLink = h("button", { type: "button", className: "btn primary", id: "md-link-create" }, t("md_link_create"));
  const revokeLinks = h("button", { type: "button", className: "btn", id: "md-link-revoke" }, t("md_link_revoke"));
  createLink.addEventListener("click", async () => {
    try {
      const link = await ok(client.POST("/marketplaces/{eventId}/deal-sheet-links", { params: { path: { eventId } } }));
      const url = new URL(link.path, location.origin).href;
      linkBox.replaceChildren(
        qrSvg(url, t("md_link_qr")),
        h("p", { className: "md-link-url" }, h("a", { href: url, id: "md-link-url" }, url)),
        h("p", { className: "note" }, t("md_link_expires", { time: new Date(link.expiresAt).toLocaleString(f.tag, { dateStyle: "medium", timeStyle: "short" }) })),
      );
    } catch (e) {
      setStatus(linkStatus, "err", (e as Error).message);
    }
  });
  revokeLinks.addEventListener("click", async () => {
    try {
      await ok(client.DELETE("/marketplaces/{eventId}/deal-sheet-links", { params: { path: { eventId } } }));
      linkBox.replaceChildren();
      setStatus(linkStatus, "ok", t("md_link_revoked"));
    } catch (e) {
      setStatus(linkStatus, "err", (e as Error).message);
    }
  });

  const rows = deals.data.map((d) => [
    h("span", {}, d.partners.map((p) => p.name).join(" ↔ ")),
    d.agreedText,
    t(`c_${d.contributionType}`),
    d.dueBy ? f.date(d.dueBy) : "–",
    // To the cent, as on the signed sheet (the dashboard's tiles round to whole euros).
    d.valueEur ? new Intl.NumberFormat(f.tag, { style: "currency", currency: "EUR" }).format(d.valueEur) : "–",
    h("a", { href: `/marketplaces/${eventId}/deals/print?deal=${d.cooperationId}` }, t("md_print")),
  ]);
  add(
    main,
    h("p", { className: "mb-crumb" }, h("a", { href: `/marketplaces/${eventId}` }, event.title), ` · ${f.date(event.date)}`),
    h("h1", {}, t("md_deals_title")),
    marketplaceNav(ctx, eventId),
    h("p", {}, t("md_deals_intro")),
    section(t("md_link_title"), "md-link", h("p", {}, t("md_link_intro")), h("div", { className: "toolbar" }, createLink, revokeLinks), linkStatus, linkBox),
    section(
      `${t("md_list_caption")} (${f.int(deals.data.length)})`,
      "md-list",
      deals.data.length
        ? h("div", {}, h("p", {}, h("a", { className: "btn", href: `/marketplaces/${eventId}/deals/print` }, t("md_print_all"))), table(t("md_list_caption"), [t("md_col_partners"), t("md_col_agreed"), t("md_col_type"), t("md_col_due"), t("md_col_value"), t("md_col_sheet")], rows, [false, false, false, false, true, false], { captionHidden: true }))
        : h("p", { className: "note", id: "md-no-deals" }, t("md_no_deals")),
    ),
  );
}
