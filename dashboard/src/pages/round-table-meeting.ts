/**
 * @module
 * `/round-tables/meetings/<id>`: the minutes of one meeting — attendees (organisations; they form
 * the event tie layer), the minute-taker, decisions, and tasks with who and by when, ticked off as
 * they are done. A print view of the same minutes is one link away.
 */
import { ApiFailure, client, ok, type Schemas } from "../api";
import { add, clear, h } from "../dom";
import { clearErrors, dateInput, field, input, readTypedFields, select, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle, section } from "./common";
import { organisationPicker, pickedId } from "./entry";
import { taskLine } from "./round-table";

type Meeting = Schemas["RoundTableMeeting"];

export async function render(ctx: PageContext) {
  const { t, main } = ctx;
  const eventId = Number(ctx.params.id);
  let m: Meeting;
  try {
    m = await ok(client.GET("/round-table-meetings/{eventId}", { params: { path: { eventId } } }));
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) {
      add(main, h("h1", {}, t("rt_minutes")), h("p", { role: "alert" }, t("rt_notFound")));
      return;
    }
    throw e;
  }
  const root = h("div", { "data-meeting": String(eventId) });
  add(main, root);
  draw(ctx, root, m);
}

function draw(ctx: PageContext, root: HTMLElement, m: Meeting) {
  const { t, f } = ctx;
  clear(root);
  const eventId = m.eventId;
  const status = statusLine();
  const fail = (err: unknown) =>
    setStatus(status, "err", err instanceof ApiFailure ? [err.message, ...localiseDetails(t, f, err.details).map((d) => d.message)].join(" ") : (err as Error).message);
  const again = async (next?: Meeting) => draw(ctx, root, next ?? (await ok(client.GET("/round-table-meetings/{eventId}", { params: { path: { eventId } } }))));
  pageTitle(ctx, `${t("rt_minutes")} – ${m.title}`);
  add(
    root,
    h("p", {}, h("a", { href: `/round-tables/${m.series.id}` }, `← ${m.series.title}`)),
    h("h1", {}, `${t("rt_minutes")} – ${m.title}`),
    h("p", { className: "lead" }, [f.date(m.date), m.startsAt, m.place, m.series.organiserName].filter(Boolean).join(" · ")),
    h("p", {}, h("a", { className: "btn", href: `/round-tables/meetings/${eventId}/print` }, t("rt_print")), " ", h("a", { href: `/events/${eventId}/checklist` }, t("cl_title"))),
    status,
  );

  // Attendees: organisations picked by name; saving replaces the list (hidden ones stay).
  const ids = m.attendees.map((a) => a.id);
  const picker = organisationPicker("attendee", null, ctx);
  const addAttendee = h("button", { type: "button", className: "btn small" }, t("rt_addAttendeeSubmit"));
  const saveAttendees = async (next: number[]) => {
    try {
      await again(await ok(client.PATCH("/round-table-meetings/{eventId}", { params: { path: { eventId } }, body: { attendeeIds: next } })));
      ctx.announce(t("rt_saved"));
    } catch (err) {
      fail(err);
    }
  };
  addAttendee.addEventListener("click", () => {
    const id = pickedId(picker.value);
    if (id && !ids.includes(id)) void saveAttendees([...ids, id]);
  });
  add(
    root,
    section(
      t("rt_attendees"),
      "rt-attendees",
      m.attendees.length
        ? h(
            "ul",
            { className: "rt-attendees", "data-attendees": "" },
            m.attendees.map((a) =>
              h(
                "li",
                { "data-attendee": String(a.id) },
                h("a", { href: `/organisations/${a.id}` }, a.name),
                ` (${t(`k_${a.kind}`)}) `,
                h("button", { type: "button", className: "btn small link", "aria-label": `${t("rt_removeAttendee")}: ${a.name}`, onclick: () => void saveAttendees(ids.filter((x) => x !== a.id)) }, t("rt_removeAttendee")),
              ),
            ),
          )
        : h("p", {}, t("rt_noAttendees")),
      m.hiddenAttendees ? h("p", { className: "hint" }, t("rt_hiddenAttendees", { n: f.int(m.hiddenAttendees) })) : null,
      h("div", { className: "rt-inline" }, field(t("rt_addAttendee"), picker), addAttendee),
    ),
  );

  // Decisions.
  const decision = h("textarea", { name: "text", rows: 2, maxlength: 2000 });
  const decisionForm = h("form", { novalidate: true, "data-form": "decision" }, field(t("rt_addDecision"), decision, { required: true }), h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("rt_addDecisionSubmit"))));
  decisionForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!decision.value.trim()) return;
    try {
      await again(await ok(client.POST("/round-table-meetings/{eventId}/decisions", { params: { path: { eventId } }, body: { text: decision.value.trim() } })));
    } catch (err) {
      fail(err);
    }
  });
  add(
    root,
    section(
      t("rt_decisions"),
      "rt-decisions",
      m.decisions.length ? h("ol", { className: "rt-decisions", "data-decisions": "" }, m.decisions.map((d) => h("li", {}, d.text))) : h("p", {}, t("rt_noDecisions")),
      decisionForm,
    ),
  );

  // Tasks: what, who (an attendee and/or a person), by when; ticked off here.
  const task = input("task", { maxlength: 1000 });
  const owner = select("ownerOrganisationId", [["", t("rt_noOwner")], ...m.attendees.map((a): [string, string] => [String(a.id), a.name])]);
  const ownerName = input("ownerName", { maxlength: 200 });
  const dueOn = dateInput("dueOn", ctx);
  const taskStatus = statusLine();
  const taskForm = h(
    "form",
    { novalidate: true, "data-form": "task" },
    field(t("rt_task"), task, { required: true }),
    field(t("rt_owner"), owner),
    field(t("rt_ownerName"), ownerName),
    field(t("rt_dueOn"), dueOn),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("rt_addTaskSubmit"))),
    taskStatus,
  );
  taskForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(taskForm);
    const typed = readTypedFields(taskForm);
    const missing = task.value.trim() ? [] : [{ path: "task", message: t("required") }];
    if (typed.errors.length || missing.length) {
      showErrors(taskForm, [...typed.errors, ...missing]);
      setStatus(taskStatus, "err", t("fixErrors"));
      return;
    }
    try {
      await ok(
        client.POST("/round-table-meetings/{eventId}/tasks", {
          params: { path: { eventId } },
          body: { task: task.value.trim(), ownerOrganisationId: owner.value ? Number(owner.value) : null, ownerName: ownerName.value.trim() || null, dueOn: typed.values.dueOn ? String(typed.values.dueOn) : null },
        }),
      );
      await again();
    } catch (err) {
      if (err instanceof ApiFailure) {
        const rest = showErrors(taskForm, localiseDetails(t, f, err.details));
        setStatus(taskStatus, "err", [err.details.length ? t("fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(taskStatus, "err", (err as Error).message);
    }
  });
  const tick = (x: Schemas["RoundTableTask"]) => {
    const box = h("input", { type: "checkbox", checked: x.done, "aria-label": `${t("rt_done")}: ${x.task}` });
    box.addEventListener("change", async () => {
      try {
        await ok(client.PATCH("/round-table-tasks/{taskId}", { params: { path: { taskId: x.id } }, body: { done: box.checked } }));
        await again();
      } catch (err) {
        box.checked = !box.checked;
        fail(err);
      }
    });
    return box;
  };
  add(
    root,
    section(
      t("rt_tasks"),
      "rt-tasks",
      m.tasks.length ? h("ul", { className: "rt-tasks", "data-tasks": "" }, m.tasks.map((x) => taskLine(ctx, x, [document.createTextNode(" "), tick(x)]))) : h("p", {}, t("rt_noTasks")),
      taskForm,
    ),
  );
}
