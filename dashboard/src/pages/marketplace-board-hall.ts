/**
 * @module
 * The hall view of the matching board (`/marketplaces/<id>/board/hall`): the agreed talks by
 * time in large type for a screen in the hall, read again every 30 seconds while shown.
 */
import { clear, h } from "../dom";
import type { PageContext } from "../main";
import { bodyClassWhileShown, boardStyles, eventIdOf, indexBoard, loadBoard, pinnedTalks, type Board } from "./marketplace-board-shared";

const REFRESH_MS = 30_000;

export async function render(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  const eventId = eventIdOf(ctx);
  const [b] = await Promise.all([loadBoard(eventId), boardStyles()]);
  const root = h("div", { className: "mb-hall" });
  root.append(...hall(ctx, b));
  main.append(root);
  const timer = setInterval(() => {
    loadBoard(eventId)
      .then((fresh) => {
        if (!root.isConnected) return;
        clear(root);
        root.append(...hall(ctx, fresh));
      })
      // A failed refresh keeps the last board on the screen (the hall's Wi-Fi is bad).
      .catch(() => undefined);
  }, REFRESH_MS);
  bodyClassWhileShown(root, "mb-hall-shown", () => clearInterval(timer));
}

function hall(ctx: PageContext, b: Board): HTMLElement[] {
  const { t, f } = ctx;
  const ix = indexBoard(b);
  const talks = pinnedTalks(b);
  const now = new Date().toLocaleTimeString(f.tag, { hour: "2-digit", minute: "2-digit" });
  return [
    h(
      "header",
      { className: "mb-hall-head" },
      h("h1", {}, b.event.title),
      h("p", {}, [t("mb_hall_heading"), b.event.place].filter(Boolean).join(" · ")),
      h("p", { className: "mb-hall-updated" }, t("mb_hall_updated", { time: now })),
    ),
    talks.length
      ? h(
          "table",
          { className: "mb-hall-table" },
          h("thead", {}, h("tr", {}, [t("mb_col_time"), t("mb_need"), t("mb_offer"), t("mb_col_moderator")].map((c) => h("th", { scope: "col" }, c)))),
          h(
            "tbody",
            {},
            talks.map((m) =>
              h(
                "tr",
                {},
                h("td", { className: "mb-col-time" }, m.decision?.talkSlot ?? "–"),
                h("td", {}, h("strong", {}, ix.owner(m.needItemId).orgName), h("div", { className: "mb-other" }, ix.item(m.needItemId).description)),
                h("td", {}, h("strong", {}, ix.owner(m.offerItemId).orgName), h("div", { className: "mb-other" }, ix.item(m.offerItemId).description)),
                h("td", {}, ix.moderator(m.decision?.moderatorId ?? null) ?? "–"),
              ),
            ),
          ),
        )
      : h("p", { className: "mb-hall-none" }, t("mb_hall_none")),
  ];
}
