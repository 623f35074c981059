/**
 * @module
 * An event's working checklist (`/events/<id>/checklist`; for marketplaces also
 * `/marketplaces/<id>/checklist`, under the marketplace's navigation): made once from the format's
 * template, then ticked, assigned and extended. Items are listed by due date; overdue ones are
 * marked in words and colour. Cards rather than a table, so a phone reads them too.
 */
import { ApiFailure, client, ok, type Schemas } from "../api";
import { add, clear, h, uid } from "../dom";
import { clearErrors, dateInput, field, input, readTypedFields, setStatus, setTyped, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle, section } from "./common";
import { marketplaceNav } from "./marketplace-nav";

type Checklist = Schemas["Checklist"];
type Item = Schemas["ChecklistItem"];

/** Whole days from `from` to `to` (YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function render(ctx: PageContext) {
  const { t, main } = ctx;
  const eventId = Number(ctx.params.id);
  const inMarketplace = location.pathname.startsWith("/marketplaces/");
  let event: Schemas["Event"];
  try {
    event = await ok(client.GET("/events/{id}", { params: { path: { id: eventId } } }));
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) {
      pageTitle(ctx, t("cl_title"));
      add(main, h("h1", {}, t("cl_title")), h("p", { role: "alert" }, t("cl_notFound")));
      return;
    }
    throw e;
  }
  pageTitle(ctx, `${t("cl_title")} – ${event.title}`);
  add(main, h("h1", {}, `${t("cl_title")} – ${event.title}`));
  if (inMarketplace) add(main, marketplaceNav(ctx, eventId));
  add(main, h("p", { className: "lead" }, `${t(`f_${event.kind}`)} · ${ctx.f.date(event.date)}`), h("p", { className: "hint" }, t("cl_intro")));
  const body = h("div", { "data-checklist": "" });
  add(main, body);
  add(
    main,
    h(
      "p",
      { className: "cl-links" },
      h("a", { href: "/forms/print" }, t("cl_forms")),
      " · ",
      h("a", { href: `/checklist-templates?format=${event.kind}${event.organiserId ? `&organiser=${event.organiserId}` : ""}` }, t("cl_templates")),
    ),
  );

  if (event.kind === "other") {
    add(body, h("p", {}, t("cl_noFormat")));
    return;
  }
  const list: Checklist = await ok(client.GET("/events/{eventId}/checklist", { params: { path: { eventId } } }));
  if (!list.created) {
    const status = statusLine();
    const button = h("button", { type: "button", className: "btn primary", "data-action": "create-checklist" }, t("cl_create"));
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await ok(client.POST("/events/{eventId}/checklist", { params: { path: { eventId } }, body: {} }));
        ctx.announce(t("cl_created"));
        ctx.navigate(location.pathname);
      } catch (err) {
        button.disabled = false;
        setStatus(status, "err", (err as Error).message);
      }
    });
    add(body, h("p", {}, t("cl_none")), h("p", { className: "hint" }, list.templateSource === "organiser" ? t("cl_fromOrganiser") : t("cl_fromBuiltin")), h("p", {}, button), status);
    return;
  }
  renderList(ctx, body, list, eventId, event.date);
}

function renderList(ctx: PageContext, body: HTMLElement, list: Checklist, eventId: number, eventDate: string) {
  const { t, f } = ctx;
  const counts = h("p", { className: "cl-counts", "data-counts": "" });
  const showCounts = () => {
    const done = list.items.filter((i) => i.done).length;
    const overdue = list.items.filter((i) => i.overdue).length;
    counts.textContent = t("cl_counts", { done: f.int(done), total: f.int(list.items.length), overdue: f.int(overdue) });
    counts.classList.toggle("cl-has-overdue", overdue > 0);
  };
  showCounts();
  const status = statusLine();
  const ol = h("ol", { className: "cl-items" });
  const title = (i: Item) => i.titles?.[ctx.locale] ?? i.title;
  const relative = (days: number) => (days === 0 ? t("cl_dueOnDay") : days < 0 ? t("cl_dueRelative", { days: f.int(-days) }) : t("cl_dueAfter", { days: f.int(days) }));

  const itemCard = (item: Item): HTMLElement => {
    const li = h("li", { className: `cl-item${item.overdue ? " cl-overdue" : ""}${item.done ? " cl-done" : ""}`, "data-item": String(item.id), "data-overdue": item.overdue ? "true" : "false" });
    const checkId = uid("cl-check");
    const box = h("input", { type: "checkbox", id: checkId, checked: item.done });
    box.addEventListener("change", async () => {
      box.disabled = true;
      try {
        const next = await ok(client.PATCH("/events/{eventId}/checklist/items/{itemId}", { params: { path: { eventId, itemId: item.id } }, body: { done: box.checked } }));
        replace(item, next);
        ctx.announce(next.done ? `${title(next)}: ${t("cl_done")}` : title(next));
      } catch (err) {
        box.checked = !box.checked;
        setStatus(status, "err", (err as Error).message);
      } finally {
        box.disabled = false;
      }
    });
    const who = input("assignee", { maxlength: 200, value: item.assignee ?? "", "aria-label": `${t("cl_assignee")}: ${title(item)}` });
    const save = h("button", { type: "button", className: "btn small" }, t("cl_assigneeSave"));
    save.addEventListener("click", async () => {
      try {
        const next = await ok(client.PATCH("/events/{eventId}/checklist/items/{itemId}", { params: { path: { eventId, itemId: item.id } }, body: { assignee: who.value.trim() || null } }));
        replace(item, next);
        setStatus(status, "ok", t("cl_saved"));
      } catch (err) {
        setStatus(status, "err", err instanceof ApiFailure ? localiseDetails(t, f, err.details).map((d) => d.message).join(" ") || err.message : (err as Error).message);
      }
    });
    const remove = h("button", { type: "button", className: "btn small link", "aria-label": `${t("cl_remove")}: ${title(item)}` }, t("cl_remove"));
    remove.addEventListener("click", async () => {
      try {
        await ok(client.DELETE("/events/{eventId}/checklist/items/{itemId}", { params: { path: { eventId, itemId: item.id } } }));
        list.items = list.items.filter((x) => x.id !== item.id);
        li.remove();
        showCounts();
        ctx.announce(t("cl_removed"));
      } catch (err) {
        setStatus(status, "err", (err as Error).message);
      }
    });
    add(
      li,
      h("div", { className: "cl-item-head" }, box, h("label", { for: checkId, className: "cl-item-title" }, title(item))),
      h(
        "p",
        { className: "cl-item-due" },
        `${t("cl_due")}: `,
        h("time", { datetime: item.dueOn }, f.date(item.dueOn)),
        ` (${relative(item.offsetDays)})`,
        item.overdue ? h("strong", { className: "cl-badge" }, t("cl_overdue")) : null,
        item.done ? h("span", { className: "cl-badge cl-badge-done" }, t("cl_done")) : null,
      ),
      h("div", { className: "cl-item-who" }, h("span", { className: "cl-who-label" }, t("cl_assignee")), who, save, remove),
    );
    return li;
  };

  const replace = (old: Item, next: Item) => {
    list.items = list.items.map((x) => (x.id === old.id ? next : x));
    ol.querySelector(`[data-item="${old.id}"]`)?.replaceWith(itemCard(next));
    showCounts();
  };

  const draw = () => {
    clear(ol);
    const sorted = [...list.items].sort((a, b) => a.offsetDays - b.offsetDays || a.position - b.position || a.id - b.id);
    add(ol, ...sorted.map(itemCard));
    showCounts();
  };
  draw();
  add(body, h("p", { className: "hint" }, list.templateSource === "organiser" ? t("cl_fromOrganiser") : t("cl_fromBuiltin")), counts, ol, status);

  // An item of the organiser's own, due on a typed date ("03.10.2026").
  const what = input("title", { maxlength: 300 });
  const due = dateInput("dueOn", ctx);
  const formStatus = statusLine();
  const form = h(
    "form",
    { novalidate: true, "data-form": "checklist-add" },
    field(t("cl_addTitle"), what, { required: true }),
    field(t("cl_addDue"), due, { required: true }),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("cl_addSubmit"))),
    formStatus,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const typed = readTypedFields(form);
    const missing = [];
    if (!what.value.trim()) missing.push({ path: "title", message: t("required") });
    if (!typed.values.dueOn && !typed.errors.length) missing.push({ path: "dueOn", message: t("required") });
    if (typed.errors.length || missing.length) {
      showErrors(form, [...typed.errors, ...missing]);
      setStatus(formStatus, "err", t("fixErrors"));
      return;
    }
    try {
      const item = await ok(
        client.POST("/events/{eventId}/checklist/items", { params: { path: { eventId } }, body: { title: what.value.trim(), offsetDays: daysBetween(eventDate, String(typed.values.dueOn)) } }),
      );
      list.items = [...list.items, item];
      draw();
      form.reset();
      setTyped(due, "");
      setStatus(formStatus, "ok", t("cl_added"));
      ctx.announce(t("cl_added"));
    } catch (err) {
      if (err instanceof ApiFailure) {
        const rest = showErrors(form, localiseDetails(t, f, err.details), { offsetDays: "dueOn" });
        setStatus(formStatus, "err", [err.details.length ? t("fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(formStatus, "err", (err as Error).message);
    }
  });
  add(body, section(t("cl_add"), "cl-add", form));
}
