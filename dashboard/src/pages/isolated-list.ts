/**
 * @module
 * Organisations that need partners — isolated, peripheral, fading (in that order, as the API
 * sorts them) — each as a card with its suggested partners and the reasons in the reader's
 * language; a status filter, CSV export and "mehr laden". Cards, not a table: on a phone the
 * suggestions stay beside the organisation instead of 800 px to the right. Used by the region page
 * and the coordinator's start page.
 */
import { allRegions, ApiFailure, client, ok, type Region, type Schemas } from "../api";
import { saveBlob } from "../charts/render";
import { clear, h, uid, add } from "../dom";
import { sectorLabel } from "../i18n";
import type { PageContext } from "../main";
import { STATUS_TEXT_COLOURS } from "../palette";
import { section } from "./common";

/** A match suggestion; `reasonCodes` word the reasons in any language (`reasons`: the API's English). */
export type Suggestion = Schemas["Suggestion"];
export type IsolatedPage = Awaited<ReturnType<typeof isolatedPage>>;
export type IsolatedRow = IsolatedPage["organisations"][number];
type IsolatedStatus = "isolated" | "peripheral" | "fading";

const isolatedPage = (code: string, query: { limit?: number; status?: IsolatedStatus; cursor?: string; from?: string; to?: string }) =>
  ok(client.GET("/regions/{code}/isolated", { params: { path: { code }, query } }));

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

/** Cards per page ("mehr laden" fetches the next). */
const PAGE = 25;

/** One organisation as a card: name, status, kind, partners, last deal, suggestions with reasons. */
function orgCard(ctx: PageContext, o: IsolatedRow, regionName: (code: string) => string, headingLevel: "h3" | "h4"): HTMLElement {
  const { t, f } = ctx;
  return h(
    "li",
    { className: "org-card", "data-status": o.status, "data-organisation": String(o.organisationId) },
    h(
      "div",
      { className: "org-card-head" },
      h(headingLevel, { className: "org-card-name" }, h("a", { href: `/organisations/${o.organisationId}` }, o.name)),
      h("span", { className: "status", style: `color:${STATUS_TEXT_COLOURS[o.status]}` }, t(`st_${o.status}`)),
    ),
    h("p", { className: "org-card-meta" }, `${t(`k_${o.kind}`)} · ${t("colPartners")}: ${f.int(o.degree)} · ${t("colLast")}: ${f.date(o.lastCooperation)}`),
    o.suggestions.length
      ? h(
          "div",
          { className: "org-card-suggestions" },
          h("p", { className: "org-card-sub" }, t("colSuggestions")),
          h(
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
          ),
        )
      : h("p", { className: "org-card-sub" }, `${t("colSuggestions")}: ${t("none")}`),
  );
}

/**
 * The section for one region: appended to `parent` (default: the page), removed again when the
 * viewer may not see the list (401/403). `title` replaces the default heading (the start page names
 * the region).
 */
export async function isolatedSection(
  ctx: PageContext,
  code: string,
  opts: { parent?: HTMLElement; title?: string; id?: string; headingLevel?: "h3" | "h4"; window?: { from: string; to: string }; periodText?: string } = {},
): Promise<HTMLElement | null> {
  const { t, f } = ctx;
  const card = section(
    opts.title ?? t("isolatedTitle"),
    uid("h"),
    opts.periodText ? h("p", { className: "hint period-note", "data-period-note": "" }, opts.periodText) : null,
    h("p", { className: "hint" }, t("isolatedIntro")),
  );
  card.id = opts.id ?? "isolated";
  card.setAttribute("data-isolated-region", code);
  add(opts.parent ?? ctx.main, card);
  const page = (status: string, cursor: string | null) =>
    isolatedPage(code, { limit: PAGE, status: (status || undefined) as IsolatedStatus | undefined, cursor: cursor ?? undefined, ...opts.window });
  let first: IsolatedPage;
  try {
    first = await page("", null);
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      card.remove();
      return null;
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
        const query = { format: "csv" as const, status: (filter.value || undefined) as IsolatedStatus | undefined, ...opts.window };
        saveBlob(await ok(client.GET("/regions/{code}/isolated", { params: { path: { code }, query }, parseAs: "blob" })), `kooperationsatlas-${code}-isolated${filter.value ? "-" + filter.value : ""}.csv`);
      },
    },
    t("exportCsv"),
  );
  add(card, h("div", { className: "toolbar" }, h("div", { className: "field" }, h("label", { for: filterId }, t("filterStatus")), filter), exportButton));
  const list = h("ol", { className: "org-cards", "aria-label": opts.title ?? t("isolatedTitle") });
  const count = h("p", { className: "hint", role: "status", "aria-live": "polite", "data-isolated-count": "" });
  const more = h("button", { type: "button", className: "btn small", "data-load-more": "isolated" }, t("loadMore"));
  add(card, list, h("div", { className: "toolbar more-bar" }, more, count));

  let shown = 0;
  let cursor: string | null = null;
  let seq = 0;
  const append = (page: IsolatedPage) => {
    add(list, ...page.organisations.map((o) => orgCard(ctx, o, regionName, opts.headingLevel ?? "h3")));
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
      const next = await page(filter.value, reset ? null : cursor);
      if (mine !== seq) return;
      if (reset) {
        clear(list);
        shown = 0;
      }
      append(next);
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
    const before = list.children.length;
    void loadNext(false).then(() => list.children[before]?.querySelector("a")?.focus());
  });
  filter.addEventListener("change", () => void loadNext(true));
  append(first);
  return card;
}
