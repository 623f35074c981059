/**
 * @module
 * The printable minutes of a round-table meeting (`/round-tables/meetings/<id>/print`, A4): the
 * series, date and place, attendees, decisions and tasks with who and by when. Person names are
 * printed only for the organiser's own copy (the page needs an organiser's sign-in).
 */
import { client, ok } from "../api";
import { add, h } from "../dom";
import type { PageContext } from "../main";
import { pageTitle } from "./common";
import { printing } from "./marketplace-deals-print";

export async function render(ctx: PageContext): Promise<void> {
  const { t, f, main } = ctx;
  const eventId = Number(ctx.params.id);
  const m = await ok(client.GET("/round-table-meetings/{eventId}", { params: { path: { eventId } } }));
  pageTitle(ctx, `${t("rt_printTitle")} – ${m.title}`);
  const toolbar = h(
    "div",
    { className: "md-toolbar toolbar" },
    h("a", { href: `/round-tables/meetings/${eventId}` }, `← ${t("rt_back")}`),
    h("button", { type: "button", className: "btn primary", onclick: () => window.print() }, t("rt_print")),
  );
  const who = (x: (typeof m.tasks)[number]) => [x.owner.organisationName, x.owner.name].filter(Boolean).join(", ") || "–";
  const sheet = h(
    "article",
    { className: "md-sheet rt-minutes" },
    h("p", { className: "md-sheet-event" }, [m.series.title, m.series.organiserName].filter(Boolean).join(" · ")),
    h("h1", {}, `${t("rt_printTitle")}: ${m.title}`),
    h("p", {}, [f.date(m.date), m.startsAt, m.place].filter(Boolean).join(" · ")),
    m.minutesBy ? h("p", {}, `${t("rt_minutesBy")}: ${m.minutesBy}`) : null,
    h("h2", {}, t("rt_attendees")),
    m.attendees.length ? h("ul", { className: "rt-print-list" }, m.attendees.map((a) => h("li", {}, a.name))) : h("p", {}, t("rt_noAttendees")),
    m.hiddenAttendees ? h("p", {}, t("rt_hiddenAttendees", { n: f.int(m.hiddenAttendees) })) : null,
    h("h2", {}, t("rt_decisions")),
    m.decisions.length ? h("ol", {}, m.decisions.map((d) => h("li", {}, d.text))) : h("p", {}, t("rt_noDecisions")),
    h("h2", {}, t("rt_tasks")),
    m.tasks.length
      ? h(
          "table",
          { className: "rt-print-tasks" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("rt_task")), h("th", { scope: "col" }, t("cl_assignee")), h("th", { scope: "col" }, t("rt_dueOn")), h("th", { scope: "col" }, t("rt_done")))),
          h("tbody", {}, m.tasks.map((x) => h("tr", {}, h("td", {}, x.task), h("td", {}, who(x)), h("td", {}, x.dueOn ? f.date(x.dueOn) : "–"), h("td", {}, x.done ? "✓" : "")))),
        )
      : h("p", {}, t("rt_noTasks")),
  );
  const root = h("div", { className: "md-print" }, toolbar, sheet);
  add(main, root);
  printing(root);
}
