/**
 * @module
 * Registration by link, phone first: `/register/<key>` (the published page of a marketplace; no
 * account) and `/register/edit/<id>#kl_…` (the registrant's own entry, opened by its edit link —
 * the secret stays in the fragment and travels as the `X-Link-Key` header). A non-profit enters
 * its needs, a company its offers, as items; quantities and hours are read as typed in the
 * page's language ("1.250,50"). A hidden field catches bots; contact data goes with consent.
 */
import { ApiFailure, client, ok, type ErrorDetail, type Schemas } from "../api";
import { add, clear, h } from "../dom";
import { clearErrors, field, input, numberInput, readTyped, select, setStatus, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { FIELD_KEYS, INDUSTRY_KEYS, sectorLabel } from "../i18n";
import { pageTitle } from "./common";

type Page = Schemas["RegistrationPage"];
type Own = Schemas["OwnRegistration"];
type Body = Schemas["RegistrationUpdate"];

export async function render(ctx: PageContext) {
  if (ctx.params.id) return editPage(ctx, Number(ctx.params.id), location.hash.slice(1));
  return newPage(ctx, ctx.params.key);
}

function eventFacts(ctx: PageContext, e: Pick<Page, "date" | "place" | "hallOpens" | "hallCloses" | "registrationCloses">) {
  const { t, f } = ctx;
  return h(
    "p",
    { className: "lead", "data-event-facts": "" },
    t("rg_when", { date: f.date(e.date), place: e.place }),
    e.hallOpens && e.hallCloses ? h("br") : null,
    e.hallOpens && e.hallCloses ? t("rg_hall", { from: e.hallOpens, to: e.hallCloses }) : null,
    h("br"),
    t("rg_until", { date: f.date(e.registrationCloses) }),
  );
}

async function newPage(ctx: PageContext, key: string) {
  const { t, main } = ctx;
  let page: Page;
  try {
    page = await ok(client.GET("/public/registration/{key}", { params: { path: { key } } }));
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 404) return add(main, h("h1", {}, t("error")), h("p", { role: "alert" }, t("rg_badLink")));
    throw err;
  }
  pageTitle(ctx, t("rg_title", { title: page.title }));
  add(main, h("h1", {}, t("rg_title", { title: page.title })), eventFacts(ctx, page));
  if (page.registrationState !== "open") return add(main, h("p", { className: "card", role: "status", "data-closed": page.registrationState }, t(`rg_closed_${page.registrationState}`)));
  add(main, h("p", {}, t("rg_intro")));
  const turnstile = page.turnstileSiteKey ? turnstileCheck(ctx, page.turnstileSiteKey) : null;
  const form = registrationForm(ctx, page, null, t("rg_submit"), async (body) => {
    const turnstileToken = turnstile?.token() ?? undefined;
    const res = await ok(client.POST("/public/registration/{key}", { params: { path: { key } }, body: { ...body, website: honeypotValue(form), turnstileToken } }));
    const url = new URL(res.editPath, location.origin).href;
    clear(main);
    add(
      main,
      h("h1", {}, t("rg_title", { title: page.title })),
      h(
        "section",
        { className: "card", "data-registered": String(res.id) },
        h("p", { role: "status" }, t("rg_done")),
        h("p", {}, t("rg_editLinkIntro")),
        h("p", {}, h("a", { href: url, "data-edit-link": "", className: "break" }, url)),
        copyButton(ctx, url),
      ),
    );
    main.focus();
  });
  if (turnstile) form.querySelector("button[type=submit]")?.parentElement?.before(turnstile.element);
  add(main, form);
}

type TurnstileApi = { render: (el: HTMLElement, o: { sitekey: string; language: string; callback: (token: string) => void; "expired-callback": () => void }) => string };

/**
 * Cloudflare Turnstile (only where the deployment set a site key): its script is loaded from
 * Cloudflare, which the page's policy allows on registration pages only then, and renders the
 * check into a box before the submit button; the answer goes with the registration.
 */
function turnstileCheck(ctx: PageContext, sitekey: string) {
  let answer: string | null = null;
  const box = h("div", { className: "field", "data-turnstile": "" });
  const element = h("div", { role: "group", "aria-label": ctx.t("rg_turnstile") }, box);
  const script = h("script", { src: "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit", async: true });
  script.addEventListener("load", () => {
    const api = (window as unknown as { turnstile?: TurnstileApi }).turnstile;
    api?.render(box, { sitekey, language: ctx.locale, callback: (token) => (answer = token), "expired-callback": () => (answer = null) });
  });
  document.head.append(script);
  return { element, token: () => answer };
}

async function editPage(ctx: PageContext, id: number, secret: string) {
  const { t, main } = ctx;
  const headers = { "X-Link-Key": secret };
  let own: Own;
  try {
    own = await ok(client.GET("/public/registrations/{id}", { params: { path: { id } }, headers }));
  } catch (err) {
    if (err instanceof ApiFailure && (err.status === 404 || err.status === 422)) return add(main, h("h1", {}, t("error")), h("p", { role: "alert" }, t("rg_badLink")));
    throw err;
  }
  const title = t("rg_editTitle", { title: own.event.title });
  pageTitle(ctx, title);
  add(
    main,
    h("h1", {}, title),
    eventFacts(ctx, { ...own.event, hallOpens: own.event.hallOpens, hallCloses: own.event.hallCloses }),
    h("p", { "data-status": own.status }, t("rg_status", { status: t(`mw_status_${own.status}`) })),
  );
  if (own.event.editable && own.status !== "rejected") {
    const pageLike = { contributionTypes: own.event.contributionTypes, consentText: own.event.consentText, limits: { maxItems: 20, maxDescription: 500 } };
    add(
      main,
      registrationForm(ctx, pageLike, own, t("rg_editSave"), async (body, status) => {
        own = await ok(client.PUT("/public/registrations/{id}", { params: { path: { id } }, headers, body }));
        setStatus(status, "ok", t("rg_editSaved"));
      }),
    );
  } else add(main, h("p", { className: "note" }, t("rg_notEditable")));

  // Withdrawing asks twice: the first press shows the consequence and the button that does it.
  const status = statusLine();
  const confirmBox = h("div", { hidden: true, className: "card" });
  const withdraw = h("button", { type: "button", className: "btn", "data-withdraw": "", onclick: () => (confirmBox.hidden = false) }, t("rg_withdraw"));
  add(
    confirmBox,
    h("p", {}, t("rg_withdrawConfirm")),
    h(
      "button",
      {
        type: "button",
        className: "btn primary",
        "data-withdraw-confirm": "",
        onclick: async () => {
          try {
            await ok(client.DELETE("/public/registrations/{id}", { params: { path: { id } }, headers }));
            clear(main);
            add(main, h("h1", {}, title), h("p", { role: "status", "data-withdrawn": "" }, t("rg_withdrawn")));
          } catch (err) {
            setStatus(status, "err", (err as Error).message);
          }
        },
      },
      t("rg_withdraw"),
    ),
  );
  add(main, h("div", { className: "card" }, withdraw, confirmBox, status));
}

function copyButton(ctx: PageContext, text: string) {
  const status = statusLine();
  return h(
    "p",
    {},
    h(
      "button",
      {
        type: "button",
        className: "btn",
        onclick: async () => {
          await navigator.clipboard?.writeText(text).catch(() => undefined);
          setStatus(status, "ok", ctx.t("mw_copied"));
        },
      },
      ctx.t("mw_copy"),
    ),
    status,
  );
}

const honeypotValue = (form: HTMLFormElement) => (form.querySelector<HTMLInputElement>("input[name=website]")?.value ?? "") || undefined;

type FormPage = Pick<Page, "contributionTypes" | "consentText" | "limits">;

/** The registration form (new or edit), calling `submit` with the body read from it. */
function registrationForm(ctx: PageContext, page: FormPage, own: Own | null, submitLabel: string, submit: (body: Body, status: HTMLElement) => Promise<void>) {
  const { t, locale } = ctx;
  const status = statusLine();
  const sideNonprofit = h("input", { type: "radio", name: "side", value: "nonprofit", checked: (own?.side ?? "nonprofit") === "nonprofit" });
  const sideCompany = h("input", { type: "radio", name: "side", value: "company", checked: own?.side === "company" });
  const orgName = input("orgName", { autocomplete: "organization", maxlength: 300, value: own?.orgName ?? "" });
  const postcode = input("postcode", { autocomplete: "postal-code", inputmode: "numeric", maxlength: 10, value: own?.postcode ?? "" });
  const listField = h("datalist", { id: "rg-fields" }, FIELD_KEYS.map((k) => h("option", { value: k }, sectorLabel(t, k))));
  const listIndustry = h("datalist", { id: "rg-industries" }, INDUSTRY_KEYS.map((k) => h("option", { value: k }, sectorLabel(t, k))));
  const fieldInput = input("field", { list: "rg-fields", autocomplete: "off", value: own?.field ?? "" });
  const industryInput = input("industry", { list: "rg-industries", autocomplete: "off", value: own?.industry ?? "" });
  const fieldWrap = field(t("rg_field"), fieldInput);
  const industryWrap = field(t("rg_industry"), industryInput);
  const itemsTitle = h("h2", {});
  const itemsBox = h("div", { className: "rg-items" });
  const addButton = h("button", { type: "button", className: "btn", "data-add-item": "" }, t("rg_addItem"));
  const contactName = input("contactName", { autocomplete: "name", maxlength: 200, value: own?.contactName ?? "" });
  const contactEmail = input("contactEmail", { type: "email", autocomplete: "email", maxlength: 254, value: own?.contactEmail ?? "" });
  const consent = h("input", { type: "checkbox", name: "consent", checked: !!own?.consentAt });
  const consentText = page.consentText[locale];
  const side = () => (sideCompany.checked ? "company" : "nonprofit");
  const showSide = () => {
    itemsTitle.textContent = side() === "company" ? t("rg_offersTitle") : t("rg_needsTitle");
    fieldWrap.hidden = side() === "company";
    industryWrap.hidden = side() !== "company";
  };
  sideNonprofit.addEventListener("change", showSide);
  sideCompany.addEventListener("change", showSide);

  const renumber = () => {
    itemsBox.querySelectorAll<HTMLElement>("fieldset.rg-item").forEach((box, i) => {
      box.querySelector("legend")!.textContent = t("rg_item", { n: i + 1 });
      box.querySelector<HTMLButtonElement>("[data-remove-item]")!.setAttribute("aria-label", t("rg_removeItem", { n: i + 1 }));
      box.querySelector<HTMLButtonElement>("[data-remove-item]")!.hidden = itemsBox.children.length === 1;
    });
    addButton.hidden = itemsBox.children.length >= page.limits.maxItems;
  };
  const addItem = (item?: Own["items"][number]) => {
    const type = select("contributionType", page.contributionTypes.map((c): [string, string] => [c, t(`c_${c}`)]));
    if (item) type.value = item.contributionType;
    const description = h("textarea", { name: "description", rows: 3, maxlength: page.limits.maxDescription });
    description.value = item?.description ?? "";
    const quantity = numberInput("quantity", ctx, { decimals: 2 });
    const hours = numberInput("hours", ctx, { decimals: 2 });
    if (item?.quantity != null) quantity.value = ctx.f.dec3(item.quantity);
    if (item?.hours != null) hours.value = ctx.f.dec3(item.hours);
    const when = input("wantedWhen", { maxlength: 200, value: item?.wantedWhen ?? "" });
    const tags = input("tags", { value: item?.tags.join(", ") ?? "" });
    const box = h(
      "fieldset",
      { className: "rg-item card", "data-item-id": item ? String(item.id) : "" },
      h("legend", {}),
      field(t("rg_type"), type),
      field(t("rg_description"), description, { required: true, hint: t("rg_descriptionHint", { n: page.limits.maxDescription }) }),
      h("div", { className: "form-grid" }, field(t("rg_quantity"), quantity), field(t("rg_hours"), hours)),
      field(t("rg_wantedWhen"), when, { hint: t("rg_wantedWhenHint") }),
      field(t("rg_tags"), tags, { hint: t("rg_tagsHint") }),
      h("button", { type: "button", className: "btn small", "data-remove-item": "", onclick: () => (box.remove(), renumber()) }, "✕"),
    );
    add(itemsBox, box);
    renumber();
    return box;
  };
  addButton.addEventListener("click", () => addItem().querySelector("select")?.focus());
  for (const item of own?.items ?? []) addItem(item);
  if (!own?.items.length) addItem();

  const form = h(
    "form",
    { className: "registration-form", novalidate: true, "data-form": "registration" },
    h(
      "fieldset",
      { className: "field card", "data-field": "side" },
      h("legend", {}, t("rg_side")),
      h("div", { className: "choices" }, h("label", { className: "choice" }, sideNonprofit, t("rg_sideNonprofit")), h("label", { className: "choice" }, sideCompany, t("rg_sideCompany"))),
    ),
    h("div", { className: "card" }, field(t("rg_orgName"), orgName, { required: true }), field(t("rg_postcode"), postcode), fieldWrap, industryWrap, listField, listIndustry),
    itemsTitle,
    itemsBox,
    h("p", {}, addButton),
    h(
      "fieldset",
      { className: "card" },
      h("legend", {}, t("rg_contactTitle")),
      field(t("rg_contactName"), contactName),
      field(t("rg_contactEmail"), contactEmail),
      h("div", { className: "field check", "data-field": "consent" }, h("label", {}, consent, h("span", {}, h("strong", {}, t("rg_consent")), " ", h("span", { "data-consent-text": "" }, consentText))), h("p", { className: "field-error" })),
    ),
    // Not for people: hidden from eyes, screen readers and the tab order; bots fill it.
    h("div", { className: "visually-hidden", "aria-hidden": "true" }, h("label", {}, t("rg_website"), h("input", { type: "text", name: "website", tabindex: "-1", autocomplete: "off" }))),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, submitLabel)),
    status,
  );
  showSide();

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const errors: ErrorDetail[] = [];
    if (!orgName.value.trim()) errors.push({ path: "orgName", message: t("required") });
    const items = [...itemsBox.querySelectorAll<HTMLElement>("fieldset.rg-item")].map((box, i) => {
      const read = (name: string) => {
        const r = readTyped(box.querySelector<HTMLInputElement>(`input[name=${name}]`)!);
        if ("error" in r) errors.push({ ...r.error, path: `items[${i}].${name}` });
        return "value" in r ? (r.value as number | null) : null;
      };
      const description = box.querySelector("textarea")!.value.trim();
      if (!description) errors.push({ path: `items[${i}].description`, message: t("required") });
      const tags = box.querySelector<HTMLInputElement>("input[name=tags]")!.value.split(",").map((s) => s.trim()).filter(Boolean);
      const id = Number(box.dataset.itemId) || undefined;
      return {
        ...(id ? { id } : {}),
        contributionType: box.querySelector("select")!.value as Body["items"][number]["contributionType"],
        description,
        quantity: read("quantity"),
        hours: read("hours"),
        wantedWhen: box.querySelector<HTMLInputElement>("input[name=wantedWhen]")!.value.trim() || null,
        tags,
      };
    });
    if (errors.length) {
      showFormErrors(form, itemsBox, errors);
      setStatus(status, "err", t("rg_fixErrors"));
      return;
    }
    const s = side();
    const body: Body = {
      side: s,
      orgName: orgName.value.trim(),
      postcode: postcode.value.trim() || null,
      field: s === "nonprofit" ? fieldInput.value.trim() || null : null,
      industry: s === "company" ? industryInput.value.trim() || null : null,
      items,
      contactName: contactName.value.trim() || null,
      contactEmail: contactEmail.value.trim() || null,
      consent: consent.checked,
      locale,
    };
    setStatus(status, "ok", t("rg_sending"));
    try {
      await submit(body, status);
    } catch (err) {
      if (err instanceof ApiFailure) {
        // The consent rule has no validation code to word it by: its own sentence.
        const details = localiseDetails(t, ctx.f, err.details).map((d) => (d.path === "consent" ? { ...d, message: t("rg_consentNeeded") } : d));
        const rest = showFormErrors(form, itemsBox, details);
        setStatus(status, "err", [err.status === 429 ? t("rg_tooMany") : err.details.length ? t("rg_fixErrors") : err.message, ...rest].join(" "));
      } else setStatus(status, "err", (err as Error).message);
    }
  });
  return form;
}

/**
 * Puts each error next to its field: `items[2].description` in the third item's box, other
 * paths in the form; returns the messages that found no field.
 */
function showFormErrors(form: HTMLFormElement, itemsBox: HTMLElement, details: ErrorDetail[]): string[] {
  const boxes = [...itemsBox.querySelectorAll<HTMLElement>("fieldset.rg-item")];
  const rest: string[] = [];
  let first: HTMLElement | null = null;
  for (const d of details) {
    const m = /^items\[(\d+)\]\.(\w+)$/.exec(d.path);
    const scope: ParentNode = m ? (boxes[Number(m[1])] ?? form) : form;
    const name = m ? m[2] : d.path;
    const wrap = scope.querySelector<HTMLElement>(`[data-field="${name}"]`);
    const err = wrap?.querySelector<HTMLElement>(".field-error");
    if (!wrap || !err) {
      rest.push(d.message);
      continue;
    }
    err.textContent = err.textContent ? `${err.textContent} ${d.message}` : d.message;
    const control = wrap.querySelector<HTMLElement>("input, select, textarea");
    control?.setAttribute("aria-invalid", "true");
    first ??= control;
  }
  first?.focus();
  return rest;
}
