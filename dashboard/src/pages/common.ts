/**
 * @module
 * Pieces shared by the pages: KPI tiles with change against the previous period, page headings,
 * the previous window of a window, and a region chooser.
 */
import { h } from "../dom";
import type { PageContext } from "../main";

export interface Tile {
  label: string;
  value: string;
  /** Relative change against the previous period (null: none). */
  change?: number | null;
  /** The change is a difference of shares (shown in percentage points). */
  points?: boolean;
  hint?: string;
}

export function tiles(ctx: PageContext, list: Tile[]): HTMLElement {
  return h(
    "ul",
    { className: "tiles" },
    list.map((x) =>
      h(
        "li",
        { className: "tile" },
        h("span", { className: "tile-label" }, x.label),
        h("span", { className: "tile-value" }, x.value),
        x.change === undefined
          ? null
          : h(
              "span",
              { className: `tile-change ${x.change === null ? "" : x.change > 0 ? "up" : x.change < 0 ? "down" : ""}` },
              x.change === null || !Number.isFinite(x.change)
                ? ctx.t("noPrevious")
                : ctx.t("vsPrevious", {
                    change: `${x.change > 0 ? "▲" : x.change < 0 ? "▼" : "■"} ${x.points ? `${x.change > 0 ? "+" : ""}${ctx.f.dec1(x.change * 100)} ${ctx.t("pp")}` : ctx.f.signedPct(x.change)}`,
                  }),
            ),
        x.hint ? h("span", { className: "tile-hint" }, x.hint) : null,
      ),
    ),
  );
}

/** Relative change of two numbers (null when not comparable). */
export function change(now: unknown, before: unknown): number | null {
  if (typeof now !== "number" || typeof before !== "number" || before === 0) return null;
  return (now - before) / before;
}

/** Difference of two shares (null when not comparable). */
export function diff(now: unknown, before: unknown): number | null {
  return typeof now === "number" && typeof before === "number" ? now - before : null;
}

/** The window of the same length just before `w`. */
export function previousWindow(w: { from: string; to: string }): { from: string; to: string } {
  const day = 86_400_000;
  const from = Date.parse(w.from + "T00:00:00Z");
  const to = Date.parse(w.to + "T00:00:00Z");
  const prevTo = from - day;
  const prevFrom = prevTo - (to - from);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(prevFrom), to: iso(prevTo) };
}

export function section(title: string, id: string, ...children: (Node | null)[]): HTMLElement {
  return h("section", { className: "card", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

/** Sets the document title for the page. */
export function pageTitle(ctx: PageContext, title: string) {
  document.title = `${title} – ${ctx.t("appName")}`;
}
