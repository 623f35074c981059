/**
 * @module
 * An organiser edits its own directory entry (docs/directory.md, "Editing"), phone first:
 * `/directory/edit#kl_…` opened from its directory_edit link (the secret stays in the fragment
 * and travels as the `X-Link-Key` header), or `/directory/edit/<organisationId>` for a signed-in
 * coordinator of the organisation's region. Publishing needs the consent shown beside the
 * contact fields; the words shown are stored with the entry.
 */
import { ApiFailure, client, ok, type ErrorDetail, type Schemas } from "../api";
import { add, h } from "../dom";
import { checkGroup, clearErrors, field, input, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle } from "./common";
import { directoryStyles } from "./directory";

type Own = Schemas["DirectoryOwnEntry"];
type Input = Schemas["DirectoryEntryInput"];
const KINDS = ["action_day", "marketplace", "round_table", "action_72h", "social_day", "other"] as const;

export async function render(ctx: PageContext) {
  const { t, main, locale } = ctx;
  directoryStyles();
  pageTitle(ctx, t("dirEditTitle"));
  const organisationId = ctx.params.id ? Number(ctx.params.id) : null;
  const headers = { "X-Link-Key": location.hash.slice(1) };
  const load = () =>
    organisationId ? ok(client.GET("/directory/entries/{organisationId}", { params: { path: { organisationId } } })) : ok(client.GET("/public/directory-entry", { headers }));
  const save = (body: Input) =>
    organisationId
      ? ok(client.PUT("/directory/entries/{organisationId}", { params: { path: { organisationId } }, body }))
      : ok(client.PUT("/public/directory-entry", { headers, body }));
  let own: Own;
  try {
    own = await load();
  } catch (err) {
    if (!(err instanceof ApiFailure) || err.status !== 404 || organisationId) throw err;
    return add(main, h("h1", {}, t("dirEditTitle")), h("p", { className: "card", role: "alert", "data-link-problem": "" }, t("dirLinkInvalid")));
  }

  const text = (name: string, value: string | null, attrs: Record<string, string | number> = {}) => input(name, { value: value ?? "", ...attrs });
  const published = h("input", { type: "checkbox", name: "published", checked: own.published });
  const consent = h("input", { type: "checkbox", name: "consent", checked: own.published });
  const description = h("textarea", { name: "description", rows: 3, maxlength: 1000 }, own.description ?? "");
  const formats = checkGroup(t("dirFormatsDeclared"), "formats", KINDS.map((k) => [k, t(`f_${k}`)] as [string, string]));
  formats.querySelectorAll<HTMLInputElement>("input").forEach((box) => (box.checked = own.formats.includes(box.value as (typeof KINDS)[number])));
  const status = statusLine();
  // Said only while the box is unticked: saving then erases the contact details.
  const offlineHint = h("p", { className: "hint", hidden: published.checked }, t("dirOffline"));
  published.addEventListener("change", () => (offlineHint.hidden = published.checked));
  const consentText = own.consentText[locale] ?? own.consentText.de;
  const form = h(
    "form",
    { className: "dir-edit-form card", novalidate: true, "data-form": "directory-entry" },
    field(t("dirDescription"), description),
    field(t("dirPlace"), text("place", own.place, { maxlength: 120, autocomplete: "address-level2" })),
    field(t("dirPostcode"), text("postcode", own.postcode, { maxlength: 10, autocomplete: "postal-code", inputmode: "numeric" })),
    formats,
    field(t("dirContactName"), text("contactName", own.contactName, { maxlength: 200 })),
    field(t("dirContactEmail"), text("contactEmail", own.contactEmail, { type: "email", maxlength: 254, autocomplete: "email" })),
    field(t("dirContactPhone"), text("contactPhone", own.contactPhone, { type: "tel", maxlength: 40, autocomplete: "tel" })),
    field(t("dirWebsite"), text("website", own.website, { type: "url", maxlength: 300, autocomplete: "url" })),
    h("fieldset", { className: "field", "data-field": "consent" }, h("legend", {}, t("dirConsentLabel")), h("p", { className: "dir-consent" }, consentText), h("label", { className: "choice" }, consent, t("dirConsentLabel")), h("p", { className: "field-error" })),
    h("label", { className: "choice" }, published, t("dirPublished")),
    offlineHint,
    h("button", { className: "btn primary", type: "submit" }, t("dirSave")),
    status,
  );
  add(main, h("h1", {}, t("dirEditTitle")), h("p", { className: "lead" }, own.organisationName), h("p", {}, t("dirEditIntro")), form);
  if (organisationId) add(main, linkIssuer(ctx, organisationId));

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement).value.trim() || null);
    const body: Input = {
      published: published.checked,
      consent: consent.checked,
      locale,
      description: description.value.trim() || null,
      place: value("place"),
      postcode: value("postcode"),
      formats: [...formats.querySelectorAll<HTMLInputElement>("input:checked")].map((b) => b.value as (typeof KINDS)[number]),
      contactName: value("contactName"),
      contactEmail: value("contactEmail"),
      contactPhone: value("contactPhone"),
      website: value("website"),
    };
    try {
      own = await save(body);
      setStatus(status, "ok", t("dirSaved"));
      ctx.announce(t("dirSaved"));
    } catch (err) {
      if (!(err instanceof ApiFailure) || !err.details?.length) throw err;
      const details: ErrorDetail[] = localiseDetails(t, ctx.f, err.details);
      showErrors(form, details);
      setStatus(status, "err", err.message);
    }
  });
}

/** A coordinator gives the organiser its own directory_edit link (shown once, the older ones withdrawn). */
function linkIssuer(ctx: PageContext, organisationId: number): HTMLElement {
  const { t } = ctx;
  const out = h("p", { "data-directory-link": "" });
  const button = h("button", { className: "btn", type: "button" }, t("dirIssueLink"));
  button.addEventListener("click", async () => {
    const link = await ok(client.POST("/directory/entries/{organisationId}/link", { params: { path: { organisationId } } }));
    out.replaceChildren(h("a", { href: link.url }, link.url));
    ctx.announce(t("dirIssueLink"));
  });
  return h("section", { className: "card" }, h("p", { className: "hint" }, t("dirLinkHint")), button, out);
}
