/**
 * @module
 * What the matching board, its print views and the hall view share: loading the board, its
 * stylesheet, reasons worded in the reader's language, and lookups of items and registrations.
 */
import { client, ok, type Schemas } from "../api";
import { sectorLabel } from "../i18n";
import type { PageContext } from "../main";

export type Board = Schemas["MatchingBoard"];
export type BoardMatch = Board["matches"][number];
export type BoardItem = Board["items"][number];
export type BoardRegistration = Board["registrations"][number];

export const loadBoard = (eventId: number, perNeed?: number) =>
  ok(client.GET("/marketplaces/{eventId}/board", { params: { path: { eventId }, query: perNeed ? { perNeed } : {} } }));

/** The board's own stylesheet (a file, as the Content-Security-Policy wants), loaded once. */
export const boardStyles = () => loadStylesheet("/css/marketplace-board.css");

/** A page's own stylesheet `href`, loaded once; resolves when it applies (or failed to load). */
export function loadStylesheet(href: string): Promise<void> {
  const found = document.querySelector<HTMLLinkElement>(`link[href="${href}"]`);
  if (found) return found.dataset.loaded ? Promise.resolve() : new Promise((resolve) => found.addEventListener("load", () => resolve(), { once: true }));
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener("load", () => ((link.dataset.loaded = "1"), resolve()), { once: true });
    link.addEventListener("error", () => resolve(), { once: true });
  });
  document.head.appendChild(link);
  return loaded;
}

/** Sets a class on <body> while `root` is on the page (the hall and print views hide the shell). */
export function bodyClassWhileShown(root: HTMLElement, className: string, onLeave?: () => void) {
  document.body.classList.add(className);
  const main = document.getElementById("main")!;
  const observer = new MutationObserver(() => {
    if (root.isConnected) return;
    document.body.classList.remove(className);
    observer.disconnect();
    onLeave?.();
  });
  observer.observe(main, { childList: true });
}

export interface BoardIndex {
  item: (id: number) => BoardItem;
  registration: (id: number) => BoardRegistration;
  /** The registration an item belongs to. */
  owner: (itemId: number) => BoardRegistration;
  moderator: (id: number | null) => string | null;
}

export function indexBoard(b: Board): BoardIndex {
  const items = new Map(b.items.map((i) => [i.id, i]));
  const regs = new Map(b.registrations.map((r) => [r.id, r]));
  const mods = new Map(b.moderators.map((m) => [m.id, m.name]));
  return {
    item: (id) => items.get(id)!,
    registration: (id) => regs.get(id)!,
    owner: (itemId) => regs.get(items.get(itemId)!.registrationId)!,
    moderator: (id) => (id == null ? null : (mods.get(id) ?? null)),
  };
}

/** The reasons of a match in the reader's language. */
export function matchReasons(ctx: Pick<PageContext, "t" | "f">, m: BoardMatch): string[] {
  const { t, f } = ctx;
  const type = (k: string | undefined) => t(`c_${k}`);
  return m.reasonCodes.map((r, i) => {
    const p = r.params;
    switch (r.code) {
      case "same_type":
        return t("mb_reason_same_type", { type: type(p.type) });
      case "related_type":
        return t("mb_reason_related_type", { offer: type(p.offer), need: type(p.need) });
      case "sector_affinity":
        return t("mb_reason_sector_affinity", { share: f.pct(p.share ?? 0), industry: sectorLabel(t, p.industry ?? ""), field: sectorLabel(t, p.field ?? ""), n: f.int(p.cooperations ?? 0), of: f.int(p.of ?? 0) });
      case "shared_tags":
        return t("mb_reason_shared_tags", { tags: (p.tags ?? []).map((k) => sectorLabel(t, k)).join(", ") });
      case "same_district":
        return t("mb_reason_same_district");
      case "same_state":
        return t("mb_reason_same_state");
      case "first_tie":
        return t("mb_reason_first_tie", { org: p.organisation ?? "" });
      case "peripheral":
        return t(p.status === "fading" ? "mb_reason_fading" : "mb_reason_peripheral", { org: p.organisation ?? "" });
      case "bridges_communities":
        return t("mb_reason_bridges_communities");
      case "already_partners":
        return t("mb_reason_already_partners");
      case "pending_registration":
        return t("mb_reason_pending_registration", { org: p.organisation ?? "" });
      default:
        return m.reasons[i] ?? r.code;
    }
  });
}

/** Pinned talks of the board in slot order (open slots last). */
export const pinnedTalks = (b: Board) => b.matches.filter((m) => m.decision?.state === "pinned");

/** `/marketplaces/12/board/…` → 12. */
export const eventIdOf = (ctx: PageContext) => Number(ctx.params.id);
