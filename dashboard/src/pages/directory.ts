/**
 * @module
 * The directory of local contacts, `/directory?q=…` (docs/directory.md): search by place, region
 * or postcode; each organiser with its formats, next events, published contact and broker score;
 * a map of the regions found. Public, phone first; the search is kept in the URL.
 */
import { client, ok, type Schemas } from "../api";
import { add, clear, h, uid } from "../dom";
import { field, input } from "../forms";
import type { PageContext } from "../main";
import { pageTitle } from "./common";
import { directoryMap } from "./directory-map";

type Entry = Schemas["DirectoryEntry"];

/** The directory's stylesheet (a file, as the Content-Security-Policy wants), loaded once. */
export function directoryStyles() {
  const href = "/css/directory.css";
  if (document.querySelector(`link[href="${href}"]`)) return;
  document.head.appendChild(h("link", { rel: "stylesheet", href }));
}

function entryCard(ctx: PageContext, e: Entry): HTMLElement {
  const { t, f } = ctx;
  const headingId = uid("dir");
  const facts: [string, Node | string][] = [];
  if (e.formats.length) facts.push([t("dirFormats"), h("ul", { className: "dir-formats" }, e.formats.map((k) => h("li", {}, t(`f_${k}`))))]);
  facts.push([
    t("dirNextEvents"),
    e.nextEvents.length
      ? h("ul", {}, e.nextEvents.map((ev) => h("li", {}, h("time", { dateTime: ev.date }, f.date(ev.date)), " ", h("a", { href: `/events/${ev.id}` }, ev.title), ev.registrationPath ? [" · ", h("a", { href: ev.registrationPath }, t("dirRegister"))] : [])))
      : t("dirNoEvents"),
  ]);
  if (e.contact) {
    const c = e.contact;
    facts.push([
      t("dirContact"),
      h(
        "span",
        { "data-contact": "" },
        [c.name, c.email ? h("a", { href: `mailto:${c.email}` }, c.email) : null, c.phone ? h("a", { href: `tel:${c.phone.replace(/[^0-9+]/g, "")}` }, c.phone) : null, c.website ? h("a", { href: c.website, rel: "noopener" }, c.website.replace(/^https?:\/\//, "")) : null]
          .filter((x): x is string | HTMLAnchorElement => !!x)
          .flatMap((x, i) => (i ? [h("br"), x] : [x])),
      ),
    ]);
  }
  if (e.brokerScore !== null) facts.push([t("dirBroker"), typeof e.brokerScore === "number" ? f.int(e.brokerScore) : e.brokerScore]);
  return h(
    "li",
    { className: "card dir-entry", "data-organisation-id": String(e.organisationId), "aria-labelledby": headingId },
    h("h2", { id: headingId }, e.name),
    h("p", { className: "dir-where" }, [e.place, e.postcode, h("a", { href: `/regions/${encodeURIComponent(e.regionCode)}` }, e.regionName)].filter(Boolean).flatMap((x, i) => (i ? [" · ", x!] : [x!]))),
    e.description ? h("p", {}, e.description) : null,
    h("dl", {}, facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    // Coordinators and admins edit entries (the API checks the region); everyone else only reads.
    ctx.me.role === "admin" || ctx.me.role === "coordinator" ? h("p", {}, h("a", { className: "btn small", href: `/directory/edit/${e.organisationId}` }, t("dirEdit"))) : null,
  );
}

export async function render(ctx: PageContext) {
  const { t, main } = ctx;
  directoryStyles();
  pageTitle(ctx, t("dirTitle"));
  const q = input("q", { type: "search", autocomplete: "postal-code", inputmode: "search", maxlength: 100, placeholder: t("dirSearchHint"), value: ctx.query.get("q") ?? "" });
  const form = h("form", { className: "directory-search card", role: "search", "data-form": "directory" }, field(t("dirSearchLabel"), q), h("button", { className: "btn primary", type: "submit" }, t("dirSearch")));
  const status = h("p", { className: "hint", role: "status", "aria-live": "polite", "data-directory-status": "" });
  const results = h("div", { className: "directory-layout" });
  add(main, h("h1", {}, t("dirTitle")), h("p", { className: "lead" }, t("dirIntro")), form, status, results);

  let seq = 0;
  async function show(text: string) {
    const mine = ++seq;
    status.textContent = t("dirLoading");
    const res = await ok(client.GET("/directory", { params: { query: text ? { q: text } : {} } }));
    if (mine !== seq) return;
    clear(results);
    status.textContent = res.entries.length ? t("dirResults", { n: res.entries.length }) + (res.truncated ? ` ${t("dirTruncated")}` : "") : t("dirNone");
    status.dataset.count = String(res.entries.length);
    if (!res.entries.length) return;
    const names = res.regions.map((r) => r.name).join(", ");
    add(results, h("ol", { className: "directory-list", "aria-label": t("dirTitle") }, res.entries.map((e) => entryCard(ctx, e))), directoryMap(res.regions, t("dirMapSummary", { regions: names })));
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = q.value.trim();
    const url = new URL(location.href);
    if (text) url.searchParams.set("q", text);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    void show(text);
  });
  await show(q.value.trim());
}
