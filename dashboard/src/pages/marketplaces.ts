/**
 * @module
 * `/marketplaces`: the marketplaces the organiser runs (a coordinator: those of their regions),
 * each with its registration state and counts, and the form that creates a new one.
 */
import { allRegions, ApiFailure, client, ok, type Schemas } from "../api";
import { add, h } from "../dom";
import { clearErrors, dateInput, field, input, readTypedFields, select, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle, section } from "./common";

type Marketplace = Schemas["Marketplace"];

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  pageTitle(ctx, t("mw_listTitle"));
  const [list, regions] = await Promise.all([ok(client.GET("/marketplaces", { params: { query: { limit: 100 } } })), allRegions()]);
  add(main, h("h1", {}, t("mw_listTitle")), h("p", { className: "lead" }, t("mw_listIntro")));
  add(
    main,
    list.data.length
      ? h(
          "ol",
          { className: "org-cards", "data-marketplaces": "" },
          list.data.map((m: Marketplace) =>
            h(
              "li",
              { className: "org-card" },
              h("div", { className: "org-card-head" }, h("a", { className: "org-card-name", href: `/marketplaces/${m.eventId}` }, m.title)),
              h("p", { className: "org-card-meta" }, `${f.date(m.date)} · ${m.place} · ${t(`mw_state_${m.registrationState}`)}`),
              h("p", { className: "org-card-sub" }, t("mw_counts", { pending: f.int(m.registrations.pending), approved: f.int(m.registrations.approved), rejected: f.int(m.registrations.rejected), withdrawn: f.int(m.registrations.withdrawn) })),
            ),
          ),
        )
      : h("p", {}, t("mw_none")),
  );

  const writable = regions.filter((r) => ctx.me.role === "admin" || ctx.me.regions.some((c) => r.code === c || r.parentCode === c));
  const title = input("title", { maxlength: 300 });
  const date = dateInput("date", ctx);
  const region = select("regionCode", writable.map((r): [string, string] => [r.code, `${r.name} (${r.code})`]));
  const place = input("place", { maxlength: 300 });
  const status = statusLine();
  const form = h(
    "form",
    { novalidate: true, "data-form": "marketplace-create" },
    field(t("mw_title"), title, { required: true }),
    field(t("mw_date"), date, { required: true }),
    field(t("mw_region"), region, { required: true }),
    field(t("mw_place"), place, { required: true, hint: t("mw_placeHint") }),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("mw_createSubmit"))),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const typed = readTypedFields(form);
    const missing = [title, place].filter((el) => !el.value.trim()).map((el) => ({ path: el.name, message: t("required") }));
    if (!typed.values.date) missing.push({ path: "date", message: t("required") });
    if (typed.errors.length || missing.length) {
      showErrors(form, [...typed.errors, ...missing]);
      setStatus(status, "err", t("fixErrors"));
      return;
    }
    try {
      const m = await ok(client.POST("/marketplaces", { body: { title: title.value.trim(), date: String(typed.values.date), regionCode: region.value, place: place.value.trim() } }));
      ctx.announce(t("mw_created"));
      ctx.navigate(`/marketplaces/${m.eventId}`);
    } catch (err) {
      if (err instanceof ApiFailure) {
        const rest = showErrors(form, localiseDetails(t, f, err.details));
        setStatus(status, "err", [err.details.length ? t("fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(status, "err", (err as Error).message);
    }
  });
  add(main, section(t("mw_create"), "mw-create", form));
}
