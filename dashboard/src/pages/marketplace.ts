/**
 * @module
 * A marketplace's workspace for its organiser, `/marketplaces/<eventId>`: the registration link
 * with its QR code, the registrations (pending first) with the existing organisation each was
 * matched to and approve/decline, the settings (date, place, hall time, capacity, registration
 * window, the money house rule, follow-up months) and the moderators. The bar under the heading
 * leads to the board, deals, follow-ups and results.
 */
import { ApiFailure, client, ok, type ErrorDetail, type Schemas } from "../api";
import { add, clear, h } from "../dom";
import { clearErrors, dateInput, field, input, numberInput, readTyped, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { sectorLabel } from "../i18n";
import { writeDate } from "../number-input";
import { qrSvg } from "../qr";
import { pageTitle, section } from "./common";
import { marketplaceNav } from "./marketplace-nav";

type Marketplace = Schemas["Marketplace"];
type Registration = Schemas["Registration"];

const STATUS_ORDER = { pending: 0, approved: 1, rejected: 2, withdrawn: 3 } as const;

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  const eventId = Number(ctx.params.id);
  const path = { params: { path: { eventId } } };
  let m = await ok(client.GET("/marketplaces/{eventId}", path));
  pageTitle(ctx, m.title);
  const facts = h("p", { className: "lead", "data-facts": "" });
  const showFacts = () => {
    clear(facts);
    add(facts, `${f.date(m.date)} · ${m.place}${m.hallOpens && m.hallCloses ? ` · ${m.hallOpens}–${m.hallCloses}` : ""}`);
  };
  showFacts();
  add(main, h("h1", {}, m.title), facts, marketplaceNav(ctx, eventId));

  // The registration link: what the organiser sends or posts in the hall.
  const url = new URL(m.registrationPath, location.origin).href;
  const stateLine = h("p", { "data-registration-state": m.registrationState });
  const showState = () => {
    stateLine.dataset.registrationState = m.registrationState;
    stateLine.textContent = `${t(`mw_state_${m.registrationState}`)} · ${t("mw_counts", { pending: f.int(m.registrations.pending), approved: f.int(m.registrations.approved), rejected: f.int(m.registrations.rejected), withdrawn: f.int(m.registrations.withdrawn) })}`;
  };
  showState();
  const copied = statusLine();
  add(
    main,
    section(
      t("mw_link"),
      "mw-link",
      h("p", { className: "hint" }, t("mw_linkIntro")),
      h(
        "div",
        { className: "mw-link" },
        h("div", { className: "mw-qr" }, qrSvg(url, t("mw_qrLabel"))),
        h(
          "div",
          {},
          h("p", {}, h("a", { href: m.registrationPath, "data-registration-link": "", className: "break" }, url)),
          h(
            "p",
            {},
            h(
              "button",
              {
                type: "button",
                className: "btn",
                onclick: async () => {
                  await navigator.clipboard?.writeText(url).catch(() => undefined);
                  setStatus(copied, "ok", t("mw_copied"));
                },
              },
              t("mw_copy"),
            ),
          ),
          copied,
          stateLine,
        ),
      ),
    ),
  );

  // Registrations, pending first: each approve/decline redraws the list and the counts.
  const regBox = h("div", { "data-registrations": "" });
  const regStatus = statusLine();
  add(main, section(t("mw_registrations"), "mw-registrations", regStatus, regBox));
  const refresh = async () => {
    const [fresh, regs] = await Promise.all([ok(client.GET("/marketplaces/{eventId}", path)), ok(client.GET("/marketplaces/{eventId}/registrations", { params: { path: { eventId }, query: {} } }))]);
    m = fresh;
    showState();
    clear(regBox);
    if (!regs.data.length) return add(regBox, h("p", {}, t("mw_noRegistrations")));
    const sorted = [...regs.data].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.id - b.id);
    add(regBox, h("ol", { className: "org-cards" }, sorted.map((r) => registrationCard(ctx, r, decide))));
  };
  const decide = async (r: Registration, action: "match" | "new" | "reject") => {
    try {
      const params = { params: { path: { eventId, registrationId: r.id } } };
      if (action === "reject") await ok(client.POST("/marketplaces/{eventId}/registrations/{registrationId}/reject", { ...params, body: {} }));
      else await ok(client.POST("/marketplaces/{eventId}/registrations/{registrationId}/approve", { ...params, body: action === "match" ? { organisationId: r.candidate!.id } : {} }));
      const text = t(action === "reject" ? "mw_rejectedDone" : "mw_approved", { name: action === "match" ? r.candidate!.name : r.orgName });
      setStatus(regStatus, "ok", text);
      ctx.announce(text);
      await refresh();
    } catch (err) {
      setStatus(regStatus, "err", (err as Error).message);
    }
  };
  await refresh();

  add(
    main,
    h(
      "div",
      { className: "grid-2" },
      section(t("mw_settings"), "mw-settings", settingsForm(ctx, m, (fresh) => ((m = fresh), showFacts(), showState()))),
      section(t("mw_moderators"), "mw-moderators", moderatorsBox(ctx, m)),
    ),
  );
}

function registrationCard(ctx: PageContext, r: Registration, decide: (r: Registration, action: "match" | "new" | "reject") => Promise<void>) {
  const { t, f } = ctx;
  const amount = (i: Registration["items"][number]) =>
    [i.quantity != null ? t("mw_quantityShort", { n: f.dec1(i.quantity) }) : null, i.hours != null ? t("mw_hoursShort", { n: f.dec1(i.hours) }) : null, i.wantedWhen].filter(Boolean).join(" · ");
  const buttons = (...b: (HTMLButtonElement | null)[]) => h("p", { className: "toolbar" }, b);
  const button = (label: string, action: "match" | "new" | "reject", primary = false) =>
    h("button", { type: "button", className: `btn small${primary ? " primary" : ""}`, "data-action": action, onclick: (e: Event) => ((e.currentTarget as HTMLButtonElement).disabled = true, void decide(r, action)) }, label);
  return h(
    "li",
    { className: "org-card", "data-registration": String(r.id), "data-status": r.status },
    h("div", { className: "org-card-head" }, h("span", { className: "org-card-name" }, r.orgName), h("span", { className: `status mw-status-${r.status}` }, t(`mw_status_${r.status}`))),
    h("p", { className: "org-card-meta" }, [t(`mw_side_${r.side}`), r.postcode, r.field || r.industry ? sectorLabel(t, (r.field ?? r.industry)!) : null].filter(Boolean).join(" · ")),
    r.organisation
      ? h("p", { "data-counts-for": String(r.organisation.id) }, t("mw_countsFor", { name: r.organisation.name }))
      : r.status === "pending"
        ? r.candidate
          ? h("p", { className: "note", "data-candidate": String(r.candidate.id), title: t("mw_matchHint") }, t("mw_match", { name: `${r.candidate.name}${r.candidate.postcode ? ` (${r.candidate.postcode})` : ""}` }))
          : h("p", { className: "hint" }, t("mw_noMatch"))
        : null,
    h("p", { className: "org-card-sub" }, h("strong", {}, r.side === "company" ? t("mw_offers") : t("mw_needs"))),
    h("ul", { className: "mw-items" }, r.items.map((i) => h("li", {}, h("strong", {}, t(`c_${i.contributionType}`)), ": ", i.description, amount(i) ? ` (${amount(i)})` : "", i.tags.length ? h("span", { className: "hint" }, ` · ${i.tags.join(", ")}`) : null))),
    r.contactName || r.contactEmail ? h("p", { className: "org-card-sub" }, t("mw_contact", { name: [r.contactName, r.contactEmail].filter(Boolean).join(", ") }), r.consentAt ? ` · ${t("mw_consentAt", { date: f.date(r.consentAt) })}` : "") : null,
    r.status === "pending"
      ? buttons(r.candidate ? button(t("mw_approveAsMatch", { name: r.candidate.name }), "match", true) : null, button(t("mw_approveNew"), "new", !r.candidate), button(t("mw_reject"), "reject"))
      : r.status === "rejected"
        ? buttons(r.candidate ? button(t("mw_approveAsMatch", { name: r.candidate.name }), "match") : null, button(t("mw_approveNew"), "new"))
        : null,
  );
}

function settingsForm(ctx: PageContext, m: Marketplace, saved: (m: Marketplace) => void) {
  const { t, f, locale } = ctx;
  const title = input("title", { maxlength: 300, value: m.title });
  const date = dateInput("date", ctx, m.date);
  const place = input("place", { maxlength: 300, value: m.place });
  const hallOpens = input("hallOpens", { inputmode: "numeric", placeholder: "16:00", maxlength: 5, value: m.hallOpens ?? "" });
  const hallCloses = input("hallCloses", { inputmode: "numeric", placeholder: "18:00", maxlength: 5, value: m.hallCloses ?? "" });
  const capacity = numberInput("capacity", ctx, { integer: true });
  if (m.capacity != null) capacity.value = f.int(m.capacity);
  const opens = dateInput("registrationOpens", ctx, m.registrationOpens ?? "");
  const closes = dateInput("registrationCloses", ctx, m.registrationCloses ?? "");
  const money = h("input", { type: "checkbox", name: "moneyAllowed", checked: m.moneyAllowed });
  const months = input("followUpMonths", { inputmode: "numeric", value: m.followUpMonths.join(", ") });
  const status = statusLine();
  const form = h(
    "form",
    { novalidate: true, "data-form": "marketplace-settings" },
    field(t("mw_title"), title, { required: true }),
    h("div", { className: "form-grid" }, field(t("mw_date"), date, { required: true }), field(t("mw_place"), place, { required: true, hint: t("mw_placeHint") })),
    h("div", { className: "form-grid" }, field(t("mw_hallOpens"), hallOpens), field(t("mw_hallCloses"), hallCloses)),
    field(t("mw_capacity"), capacity, { hint: t("mw_capacityHint") }),
    h("div", { className: "form-grid" }, field(t("mw_regOpens"), opens), field(t("mw_regCloses"), closes, { hint: t("mw_regClosesHint") })),
    h("div", { className: "field check", "data-field": "moneyAllowed" }, h("label", {}, money, t("mw_money")), h("p", { className: "hint" }, t("mw_moneyHint")), h("p", { className: "field-error" })),
    field(t("mw_followUp"), months, { hint: t("mw_followUpHint") }),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("mw_save"))),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const errors: ErrorDetail[] = [];
    const typed = (el: HTMLInputElement) => {
      const r = readTyped(el);
      if ("error" in r) errors.push(r.error);
      return "value" in r ? r.value : null;
    };
    const body = {
      title: title.value.trim(),
      date: String(typed(date) ?? ""),
      place: place.value.trim(),
      hallOpens: hallOpens.value.trim() || null,
      hallCloses: hallCloses.value.trim() || null,
      capacity: typed(capacity) as number | null,
      registrationOpens: (typed(opens) as string | null) ?? null,
      registrationCloses: (typed(closes) as string | null) ?? null,
      moneyAllowed: money.checked,
      followUpMonths: months.value.split(/[,;\s]+/).filter(Boolean).map(Number),
    };
    if (errors.length) {
      showErrors(form, errors);
      setStatus(status, "err", t("fixErrors"));
      return;
    }
    try {
      const fresh = await ok(client.PATCH("/marketplaces/{eventId}", { params: { path: { eventId: m.eventId } }, body }));
      saved(fresh);
      // Show the dates as the page writes them (the API answers ISO dates).
      if (fresh.registrationCloses) closes.value = writeDate(fresh.registrationCloses, locale);
      setStatus(status, "ok", t("mw_saved"));
    } catch (err) {
      if (err instanceof ApiFailure) {
        const rest = showErrors(form, localiseDetails(t, f, err.details));
        setStatus(status, "err", [err.details.length ? t("fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(status, "err", (err as Error).message);
    }
  });
  return form;
}

function moderatorsBox(ctx: PageContext, m: Marketplace) {
  const { t } = ctx;
  const list = h("ul", { className: "chips", "data-moderators": "" });
  const status = statusLine();
  const show = (mods: Marketplace["moderators"]) => {
    clear(list);
    if (!mods.length) add(list, h("li", { className: "hint" }, t("mw_noModerators")));
    for (const mod of mods) {
      add(
        list,
        h(
          "li",
          {},
          mod.name,
          " ",
          h(
            "button",
            {
              type: "button",
              className: "btn small",
              "aria-label": t("mw_removeModerator", { name: mod.name }),
              onclick: async () => {
                await ok(client.DELETE("/marketplaces/{eventId}/moderators/{moderatorId}", { params: { path: { eventId: m.eventId, moderatorId: mod.id } } })).catch((err) => setStatus(status, "err", (err as Error).message));
                mods = mods.filter((x) => x.id !== mod.id);
                show(mods);
              },
            },
            "✕",
          ),
        ),
      );
    }
  };
  let mods = [...m.moderators];
  show(mods);
  const name = input("name", { maxlength: 200, autocomplete: "off" });
  const form = h("form", { novalidate: true, className: "toolbar", "data-form": "moderator" }, field(t("mw_moderatorName"), name), h("button", { type: "submit", className: "btn" }, t("mw_addModerator")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!name.value.trim()) return;
    try {
      const added = await ok(client.POST("/marketplaces/{eventId}/moderators", { params: { path: { eventId: m.eventId } }, body: { name: name.value.trim() } }));
      mods = [...mods, added];
      show(mods);
      name.value = "";
      setStatus(status, "ok", t("mw_saved"));
    } catch (err) {
      setStatus(status, "err", (err as Error).message);
    }
  });
  return h("div", {}, list, form, status);
}
