/**
 * @module
 * The printable deal sheet (A4): both partners' names, what was agreed, by when, the figures,
 * and a signature line for each partner. `/marketplaces/<id>/deals/print` prints every deal of
 * the event, `?deal=<cooperation id>` one; the toolbar is not printed.
 */
import { client, ok, type Schemas } from "../api";
import { h } from "../dom";
import type { PageContext } from "../main";

export interface PrintableDeal {
  id?: number;
  partners: { name: string; side: "nonprofit" | "company" }[];
  agreedText: string;
  dueBy: string | null;
  contributionType: string;
  hours: number;
  volunteers: number;
  valueEur: number;
  event: { title: string; date: string; place?: string };
}

/** One A4 sheet of a deal. */
export function dealSheetPage(ctx: PageContext, d: PrintableDeal): HTMLElement {
  const { t, f } = ctx;
  const figures = [
    t(`c_${d.contributionType}`),
    d.hours ? `${f.dec1(d.hours)} ${t("md_hours")}` : null,
    d.volunteers ? `${f.int(d.volunteers)} ${t("md_volunteers")}` : null,
    d.valueEur ? new Intl.NumberFormat(f.tag, { style: "currency", currency: "EUR" }).format(d.valueEur) : null,
  ].filter(Boolean);
  const [first, second] = d.partners;
  return h(
    "article",
    { className: "md-sheet" },
    h("p", { className: "md-sheet-event" }, [d.event.title, f.date(d.event.date), d.event.place].filter(Boolean).join(" · ")),
    h("h1", {}, t("md_sheet_heading")),
    h("p", { className: "md-sheet-between" }, t("md_sheet_between")),
    h("p", { className: "md-sheet-partner" }, first?.name ?? "–"),
    h("p", { className: "md-sheet-between" }, t("md_sheet_and")),
    h("p", { className: "md-sheet-partner" }, second?.name ?? "–"),
    h("h2", {}, t("md_sheet_what")),
    h("p", { className: "md-sheet-text" }, d.agreedText),
    h(
      "dl",
      { className: "md-sheet-facts" },
      h("dt", {}, t("md_sheet_by")),
      h("dd", {}, d.dueBy ? f.date(d.dueBy) : t("md_sheet_open")),
      h("dt", {}, t("md_sheet_figures")),
      h("dd", {}, figures.join(" · ")),
    ),
    h(
      "div",
      { className: "md-sheet-signatures" },
      d.partners.slice(0, 2).map((p) => h("div", { className: "md-sign" }, h("div", { className: "md-sign-line" }), h("p", {}, t("md_sheet_sign")), h("p", { className: "md-sign-name" }, p.name))),
    ),
    h("p", { className: "md-sheet-footer" }, t("md_sheet_footer", { id: d.id ?? "–" })),
  );
}

/** Prints while the sheets are shown: the page's header and toolbar are hidden in print. */
export function printing(root: HTMLElement) {
  document.body.classList.add("md-printing");
  const main = document.getElementById("main")!;
  const observer = new MutationObserver(() => {
    if (root.isConnected) return;
    document.body.classList.remove("md-printing");
    observer.disconnect();
  });
  observer.observe(main, { childList: true });
}

export async function render(ctx: PageContext): Promise<void> {
  const { t, main, query } = ctx;
  const eventId = Number(ctx.params.id);
  const [event, deals] = await Promise.all([
    ok(client.GET("/events/{id}", { params: { path: { id: eventId } } })),
    ok(client.GET("/marketplaces/{eventId}/deals", { params: { path: { eventId } } })),
  ]);
  const chosen = query.get("deal");
  const list: Schemas["Deal"][] = chosen ? deals.data.filter((d) => String(d.cooperationId) === chosen) : deals.data;
  const toolbar = h(
    "div",
    { className: "md-toolbar toolbar" },
    h("a", { href: `/marketplaces/${eventId}/deals` }, `← ${t("md_back")}`),
    h("button", { type: "button", className: "btn primary", onclick: () => window.print() }, t("md_print")),
  );
  const sheets = list.map((d) => dealSheetPage(ctx, { ...d, id: d.cooperationId, event: { title: event.title, date: event.date } }));
  const root = h("div", { className: "md-print" }, toolbar, sheets.length ? sheets : h("p", { className: "note" }, t("md_no_deals")));
  main.append(root);
  printing(root);
}
