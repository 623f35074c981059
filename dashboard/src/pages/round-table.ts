/**
 * @module
 * `/round-tables/<id>`: one series — its meetings (latest first, each with its counts), the open
 * tasks of all of them (overdue ones marked), and the form that adds a meeting.
 */
import { ApiFailure, client, ok, type Schemas } from "../api";
import { add, h } from "../dom";
import { clearErrors, dateInput, field, input, readTypedFields, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle, section } from "./common";

type Task = Schemas["RoundTableTask"];

/** A task as a list line: what, who, by when, overdue or done. */
export function taskLine(ctx: PageContext, task: Task, extra: (Node | null)[] = []): HTMLElement {
  const { t, f } = ctx;
  const who = [task.owner.organisationName, task.owner.name].filter(Boolean).join(", ") || t("rt_noOwner");
  return h(
    "li",
    { className: `rt-task${task.overdue ? " cl-overdue" : ""}${task.done ? " cl-done" : ""}`, "data-task": String(task.id), "data-overdue": task.overdue ? "true" : "false" },
    h("span", { className: "rt-task-what" }, task.task),
    h("span", { className: "rt-task-meta" }, ` – ${who}${task.dueOn ? ` · ${t("rt_dueOn")}: ${f.date(task.dueOn)}` : ""}`),
    task.overdue ? h("strong", { className: "cl-badge" }, t("rt_overdue")) : null,
    task.done ? h("span", { className: "cl-badge cl-badge-done" }, t("rt_done")) : null,
    ...extra,
  );
}

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  const seriesId = Number(ctx.params.id);
  let s: Schemas["RoundTable"];
  try {
    s = await ok(client.GET("/round-tables/{seriesId}", { params: { path: { seriesId } } }));
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) {
      add(main, h("h1", {}, t("rt_listTitle")), h("p", { role: "alert" }, t("rt_notFound")));
      return;
    }
    throw e;
  }
  pageTitle(ctx, s.title);
  add(
    main,
    h("p", {}, h("a", { href: "/round-tables" }, `← ${t("rt_listTitle")}`)),
    h("h1", {}, s.title),
    h("p", { className: "lead" }, [s.organiserName, s.regionCode].filter(Boolean).join(" · ")),
  );
  if (s.description) add(main, h("p", {}, s.description));
  add(
    main,
    section(
      t("rt_meetings"),
      "rt-meetings",
      s.meetings.length
        ? h(
            "ol",
            { className: "org-cards", "data-meetings": "" },
            s.meetings.map((m) =>
              h(
                "li",
                { className: "org-card" },
                h("div", { className: "org-card-head" }, h("a", { className: "org-card-name", href: `/round-tables/meetings/${m.eventId}` }, `${f.date(m.date)} – ${m.title}`)),
                h("p", { className: "org-card-meta" }, [m.place, m.startsAt].filter(Boolean).join(" · ")),
                h("p", { className: "org-card-sub" }, t("rt_meetingLine", { attendees: f.int(m.attendees), decisions: f.int(m.decisions), open: f.int(m.openTasks) })),
              ),
            ),
          )
        : h("p", {}, t("rt_noMeetings")),
    ),
    section(t("rt_openTasks"), "rt-open", s.openTasks.length ? h("ul", { className: "rt-tasks" }, s.openTasks.map((task) => taskLine(ctx, task))) : h("p", {}, t("rt_noOpenTasks"))),
  );

  const date = dateInput("date", ctx);
  const place = input("place", { maxlength: 300 });
  const startsAt = input("startsAt", { maxlength: 5, inputmode: "numeric", placeholder: "18:00" });
  const status = statusLine();
  const form = h(
    "form",
    { novalidate: true, "data-form": "meeting-create" },
    field(t("rt_date"), date, { required: true }),
    field(t("rt_place"), place),
    field(t("rt_startsAt"), startsAt),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("rt_addMeetingSubmit"))),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const typed = readTypedFields(form);
    const missing = !typed.values.date && !typed.errors.length ? [{ path: "date", message: t("required") }] : [];
    if (typed.errors.length || missing.length) {
      showErrors(form, [...typed.errors, ...missing]);
      setStatus(status, "err", t("fixErrors"));
      return;
    }
    try {
      const m = await ok(
        client.POST("/round-tables/{seriesId}/meetings", {
          params: { path: { seriesId } },
          body: { date: String(typed.values.date), place: place.value.trim() || null, startsAt: startsAt.value.trim() || null },
        }),
      );
      ctx.announce(t("rt_meetingCreated"));
      ctx.navigate(`/round-tables/meetings/${m.eventId}`);
    } catch (err) {
      if (err instanceof ApiFailure) {
        const rest = showErrors(form, localiseDetails(t, f, err.details));
        setStatus(status, "err", [err.details.length ? t("fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(status, "err", (err as Error).message);
    }
  });
  add(main, section(t("rt_addMeeting"), "rt-add-meeting", form));
}
