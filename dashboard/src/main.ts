/**
 * @module
 * Dashboard entry: the shell (skip link, navigation by role, language switch), the path router,
 * and lazy loading of each page module (the map and graph plugins come only with the pages that
 * draw them).
 */
import { forgetMe, me, setToken, type Me } from "./api";
import { clear, h, add } from "./dom";
import { formatters, isLocale, LANGUAGE_NAMES, LOCALES, translator, type Formatters, type Locale, type Translate } from "./i18n";

export interface PageContext {
  locale: Locale;
  t: Translate;
  f: Formatters;
  me: Me;
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  navigate: (path: string) => void;
  /** Shows a status message in the live region. */
  announce: (text: string) => void;
}

type PageModule = { render: (ctx: PageContext) => Promise<void> };

const routes: { pattern: RegExp; keys: string[]; load: () => Promise<PageModule>; roles?: Me["role"][] }[] = [
  // A coordinator starts on their regions; everyone finds the national overview at /overview too.
  { pattern: /^\/$/, keys: [], load: () => (currentRole() === "coordinator" ? import("./pages/my-regions") : import("./pages/overview")) },
  { pattern: /^\/overview$/, keys: [], load: () => import("./pages/overview") },
  { pattern: /^\/regions\/([^/]+)$/, keys: ["code"], load: () => import("./pages/region") },
  { pattern: /^\/organisations\/(\d+)$/, keys: ["id"], load: () => import("./pages/organisation"), roles: ["admin", "coordinator", "funder"] },
  { pattern: /^\/entry$/, keys: [], load: () => import("./pages/entry"), roles: ["admin", "coordinator"] },
  { pattern: /^\/import$/, keys: [], load: () => import("./pages/import"), roles: ["admin", "coordinator"] },
  { pattern: /^\/marketplaces\/(\d+)\/results$/, keys: ["id"], load: () => import("./pages/marketplace-results"), roles: ["admin", "coordinator"] },
  { pattern: /^\/embed-builder$/, keys: [], load: () => import("./pages/embed-builder") },
  { pattern: /^\/signin$/, keys: [], load: () => import("./pages/signin") },
  { pattern: /^\/marketplaces\/(\d+)\/board$/, keys: ["id"], load: () => import("./pages/marketplace-board"), roles: ["admin", "coordinator"] },
  { pattern: /^\/marketplaces\/(\d+)\/board\/print$/, keys: ["id"], load: () => import("./pages/marketplace-board-print"), roles: ["admin", "coordinator"] },
  { pattern: /^\/marketplaces\/(\d+)\/board\/hall$/, keys: ["id"], load: () => import("./pages/marketplace-board-hall"), roles: ["admin", "coordinator"] },
  { pattern: /^\/marketplaces$/, keys: [], load: () => import("./pages/marketplaces"), roles: ["admin", "coordinator"] },
  { pattern: /^\/marketplaces\/(\d+)$/, keys: ["id"], load: () => import("./pages/marketplace"), roles: ["admin", "coordinator"] },
  { pattern: /^\/register\/edit\/(\d+)$/, keys: ["id"], load: () => import("./pages/register") },
  { pattern: /^\/register\/([A-Za-z0-9_-]+)$/, keys: ["key"], load: () => import("./pages/register") },
  { pattern: /^\/marketplaces\/(\d+)\/deals$/, keys: ["id"], load: () => import("./pages/marketplace-deals"), roles: ["admin", "coordinator"] },
  { pattern: /^\/marketplaces\/(\d+)\/deals\/print$/, keys: ["id"], load: () => import("./pages/marketplace-deals-print"), roles: ["admin", "coordinator"] },
  { pattern: /^\/deal-sheet$/, keys: [], load: () => import("./pages/deal-sheet") },
  { pattern: /^\/marketplaces\/(\d+)\/follow-ups$/, keys: ["id"], load: () => import("./pages/marketplace-follow-ups"), roles: ["admin", "coordinator"] },
  { pattern: /^\/follow-up$/, keys: [], load: () => import("./pages/follow-up") },
  { pattern: /^\/action-days$/, keys: [], load: () => import("./pages/action-day"), roles: ["admin", "coordinator"] },
  { pattern: /^\/action-days\/(\d+)$/, keys: ["id"], load: () => import("./pages/action-day"), roles: ["admin", "coordinator"] },
  { pattern: /^\/action-days\/(\d+)\/print$/, keys: ["id"], load: () => import("./pages/action-day-print"), roles: ["admin", "coordinator"] },
  { pattern: /^\/action-day\/(project|team|results)\/(\d+)$/, keys: ["side", "id"], load: () => import("./pages/action-day-public") },
  { pattern: /^\/action-day\/([A-Za-z0-9_-]+)$/, keys: ["key"], load: () => import("./pages/action-day-public") },
  { pattern: /^\/(?:events|marketplaces)\/(\d+)\/checklist$/, keys: ["id"], load: () => import("./pages/checklist"), roles: ["admin", "coordinator"] },
  { pattern: /^\/checklist-templates$/, keys: [], load: () => import("./pages/checklist-templates"), roles: ["admin", "coordinator"] },
  { pattern: /^\/forms\/print$/, keys: [], load: () => import("./pages/forms-print") },
  { pattern: /^\/round-tables$/, keys: [], load: () => import("./pages/round-tables"), roles: ["admin", "coordinator"] },
  { pattern: /^\/round-tables\/(\d+)$/, keys: ["id"], load: () => import("./pages/round-table"), roles: ["admin", "coordinator"] },
  { pattern: /^\/round-tables\/meetings\/(\d+)$/, keys: ["id"], load: () => import("./pages/round-table-meeting"), roles: ["admin", "coordinator"] },
  { pattern: /^\/round-tables\/meetings\/(\d+)\/print$/, keys: ["id"], load: () => import("./pages/round-table-print"), roles: ["admin", "coordinator"] },
  { pattern: /^\/directory$/, keys: [], load: () => import("./pages/directory") },
  { pattern: /^\/directory\/edit$/, keys: [], load: () => import("./pages/directory-edit") },
  { pattern: /^\/directory\/edit\/(\d+)$/, keys: ["id"], load: () => import("./pages/directory-edit"), roles: ["admin", "coordinator"] },
];

const LOCALE_KEY = "ka.locale";

function initialLocale(): Locale {
  const q = new URLSearchParams(location.search).get("lang");
  if (isLocale(q)) {
    localStorage.setItem(LOCALE_KEY, q);
    return q;
  }
  const stored = localStorage.getItem(LOCALE_KEY);
  return isLocale(stored) ? stored : "de";
}

let locale: Locale = initialLocale();
/** The signed-in role of the page being routed (the start page depends on it). */
let role: Me["role"] = "anonymous";
function currentRole() {
  return role;
}
let renderSeq = 0;

function navigate(path: string) {
  history.pushState(null, "", path);
  void route();
}

function announce(text: string) {
  const live = document.getElementById("live");
  if (live) {
    live.textContent = "";
    setTimeout(() => (live.textContent = text), 30);
  }
}

function renderShell(who: Me) {
  const t = translator(locale);
  document.documentElement.lang = locale;
  document.title = t("appName");
  const header = document.getElementById("site-header")!;
  clear(header);
  const path = location.pathname;
  const link = (href: string, label: string) =>
    h("li", {}, h("a", { href, "aria-current": (href === "/" ? path === "/" : path.startsWith(href)) ? "page" : null }, label));
  const canWrite = who.role === "admin" || who.role === "coordinator";
  const roleName = t(`role${who.role[0].toUpperCase()}${who.role.slice(1)}`);
  add(header, 
    h("a", { className: "skip-link", href: "#main" }, t("skip")),
    h(
      "div",
      { className: "bar" },
      h("a", { className: "brand", href: "/" }, h("span", { className: "brand-mark", "aria-hidden": "true" }, "◈"), t("appName")),
      h(
        "nav",
        { "aria-label": t("navMain") },
        h("ul", {}, who.role === "coordinator" ? [link("/", t("navMyRegions")), link("/overview", t("navOverview"))] : link("/", t("navOverview")), canWrite && link("/entry", t("navEntry")), canWrite && link("/import", t("navImport")), canWrite && link("/marketplaces", t("navMarketplaces")), canWrite && link("/action-days", t("ad_listTitle")), canWrite && link("/round-tables", t("rt_nav")), link("/directory", t("navDirectory")), link("/embed-builder", t("navEmbed"))),
      ),
      h(
        "div",
        { className: "bar-tools" },
        h("span", { className: "role-badge", "data-role": who.role }, who.role === "anonymous" ? t("roleAnonymous") : t("signedInAs", { role: roleName })),
        who.role === "anonymous"
          ? h("a", { className: "btn small", href: "/signin" }, t("navSignIn"))
          : h(
              "button",
              {
                type: "button",
                className: "btn small",
                id: "sign-out",
                onclick: () => {
                  setToken(null);
                  forgetMe();
                  announce(t("signedOut"));
                  navigate("/");
                },
              },
              t("navSignOut"),
            ),
        // One button per other language, named in its own language; the first (#lang-switch)
        // goes between German and English, as it always did.
        ...LOCALES.filter((l) => l !== locale).map((other, i) =>
          h(
            "button",
            {
              type: "button",
              className: "btn small",
              id: i === 0 ? "lang-switch" : `lang-switch-${other}`,
              lang: other,
              "aria-label": `${t("language")}: ${LANGUAGE_NAMES[other]}`,
              onclick: () => {
                locale = other;
                localStorage.setItem(LOCALE_KEY, locale);
                void route();
              },
            },
            LANGUAGE_NAMES[other],
          ),
        ),
      ),
    ),
  );
}

async function route() {
  const seq = ++renderSeq;
  const main = document.getElementById("main")!;
  const t = translator(locale);
  const who = await me().catch(() => ({ role: "anonymous", tokenId: null, regions: [] }) as Me);
  if (seq !== renderSeq) return;
  role = who.role;
  renderShell(who);
  const path = location.pathname.replace(/\/+$/, "") || "/";
  const match = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  clear(main);
  main.setAttribute("aria-busy", "true");
  add(main, h("p", { className: "loading" }, t("loading")));
  try {
    if (!match) {
      clear(main);
      add(main, h("h1", {}, t("notFound")), h("p", {}, h("a", { href: "/" }, t("navOverview"))));
      return;
    }
    if (match.r.roles && !match.r.roles.includes(who.role)) {
      clear(main);
      add(main, h("h1", {}, t("needSignIn")), h("p", {}, h("a", { href: `/signin?next=${encodeURIComponent(path)}` }, t("navSignIn"))));
      return;
    }
    const mod = await match.r.load();
    if (seq !== renderSeq) return;
    const params = Object.fromEntries(match.r.keys.map((k, i) => [k, decodeURIComponent(match.m![i + 1])]));
    const ctx: PageContext = { locale, t, f: formatters(locale), me: who, main, params, query: new URLSearchParams(location.search), navigate, announce };
    clear(main);
    await mod.render(ctx);
  } catch (e) {
    console.warn(e);
    if (seq !== renderSeq) return;
    clear(main);
    add(main, h("h1", {}, t("error")), h("p", { role: "alert" }, `${t("errorLoad")} ${(e as Error).message ?? ""}`));
  } finally {
    if (seq === renderSeq) main.removeAttribute("aria-busy");
  }
}

// Internal links navigate without reloading.
document.addEventListener("click", (e) => {
  const a = (e.target as Element).closest?.("a");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target || a.hasAttribute("download")) return;
  const url = new URL(a.href, location.href);
  // Pages the worker serves itself (API, embeds, reports, documents, public event pages) load as pages.
  if (url.origin !== location.origin || /^\/(api|embed|reports|docs|events)\//.test(url.pathname)) return;
  if (url.pathname === location.pathname && url.hash) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
  document.getElementById("main")?.focus();
});
window.addEventListener("popstate", () => void route());
void route();
