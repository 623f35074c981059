/**
 * @module
 * `/round-tables`: the round-table series the organiser runs (a coordinator: those of their
 * regions), and the form that starts a new one.
 */
import { allRegions, ApiFailure, client, ok } from "../api";
import { add, h } from "../dom";
import { clearErrors, field, input, select, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle, section } from "./common";
import { organisationPicker, pickedId } from "./entry";

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  pageTitle(ctx, t("rt_listTitle"));
  const [list, regions] = await Promise.all([ok(client.GET("/round-tables", { params: { query: { limit: 100 } } })), allRegions()]);
  add(main, h("h1", {}, t("rt_listTitle")), h("p", { className: "lead" }, t("rt_listIntro")));
  add(
    main,
    list.data.length
      ? h(
          "ol",
          { className: "org-cards", "data-round-tables": "" },
          list.data.map((s) =>
            h(
              "li",
              { className: "org-card" },
              h("div", { className: "org-card-head" }, h("a", { className: "org-card-name", href: `/round-tables/${s.id}` }, s.title)),
              h("p", { className: "org-card-meta" }, [regions.find((r) => r.code === s.regionCode)?.name ?? s.regionCode, s.organiserName, t("rt_meetingsCount", { n: f.int(s.meetings.length) })].filter(Boolean).join(" · ")),
              s.meetings[0] ? h("p", { className: "org-card-sub" }, `${f.date(s.meetings[0].date)} · ${s.meetings[0].title}`) : null,
            ),
          ),
        )
      : h("p", {}, t("rt_none")),
  );

  const writable = regions.filter((r) => ctx.me.role === "admin" || ctx.me.regions.some((c) => r.code === c || r.parentCode === c));
  const title = input("title", { maxlength: 300 });
  const region = select("regionCode", writable.map((r): [string, string] => [r.code, `${r.name} (${r.code})`]));
  const organiser = organisationPicker("organiserId", null, ctx);
  const description = h("textarea", { name: "description", rows: 3, maxlength: 2000 });
  const status = statusLine();
  const form = h(
    "form",
    { novalidate: true, "data-form": "round-table-create" },
    field(t("rt_title"), title, { required: true }),
    field(t("rt_region"), region, { required: true }),
    field(t("rt_organiser"), organiser),
    field(t("rt_description"), description),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("rt_createSubmit"))),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!title.value.trim()) {
      showErrors(form, [{ path: "title", message: t("required") }]);
      setStatus(status, "err", t("fixErrors"));
      return;
    }
    try {
      const s = await ok(
        client.POST("/round-tables", {
          body: { title: title.value.trim(), regionCode: region.value, organiserId: pickedId(organiser.value), description: description.value.trim() || null },
        }),
      );
      ctx.announce(t("rt_created"));
      ctx.navigate(`/round-tables/${s.id}`);
    } catch (err) {
      if (err instanceof ApiFailure) {
        const rest = showErrors(form, localiseDetails(t, f, err.details));
        setStatus(status, "err", [err.details.length ? t("fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(status, "err", (err as Error).message);
    }
  });
  add(main, section(t("rt_create"), "rt-create", form));
}
