/**
 * @module
 * The region page's section "Upcoming events" (docs/directory.md, "Event calendar"): the coming
 * events of the region with their public pages and registration links, and the iCalendar feed to
 * subscribe to. Filled once its data arrives, so the rest of the page does not wait for it.
 */
import { client, ok } from "../api";
import { add, clear, h, uid } from "../dom";
import type { PageContext } from "../main";
import { section } from "./common";

/** Events listed on the page; the feed has them all. */
const SHOWN = 8;

export function calendarSection(ctx: PageContext, code: string): HTMLElement {
  const { t, f } = ctx;
  const list = h("div", { "data-calendar": code }, h("p", { className: "hint" }, t("dirLoading")));
  const card = section(t("calTitle"), uid("h"), list);
  card.id = "calendar";
  const today = new Date().toISOString().slice(0, 10);
  ok(client.GET("/regions/{code}/calendar", { params: { path: { code } } }))
    .then((cal) => {
      clear(list);
      const coming = cal.events.filter((e) => e.endDate >= today).slice(0, SHOWN);
      add(
        list,
        coming.length === 0
          ? h("p", { className: "hint" }, t("calNone"))
          : h(
              "ul",
              { className: "calendar-list" },
              coming.map((e) =>
                h(
                  "li",
                  { "data-event-id": String(e.id) },
                  h("time", { dateTime: e.date }, e.endDate > e.date ? `${f.date(e.date)} – ${f.date(e.endDate)}` : f.date(e.date)),
                  " ",
                  h("a", { href: `/events/${e.id}` }, e.title),
                  ` · ${t(`f_${e.kind}`)}`,
                  e.organiserName ? ` · ${e.organiserName}` : "",
                  e.registrationPath ? [" · ", h("a", { href: e.registrationPath }, t(e.projectRegistrationPath ? "calRegisterTeam" : "calRegister"))] : [],
                  e.projectRegistrationPath ? [" · ", h("a", { href: e.projectRegistrationPath }, t("calRegisterProject"))] : [],
                ),
              ),
            ),
        h("p", {}, h("a", { href: cal.feedPath, "data-calendar-feed": "" }, t("calSubscribe")), " · ", h("a", { href: "/directory" }, t("calDirectory"))),
      );
    })
    .catch(() => {
      clear(list);
      add(list, h("p", { className: "hint" }, t("calNone")));
    });
  return card;
}
