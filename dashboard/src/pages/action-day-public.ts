/**
 * @module
 * An action day's public pages, phone first (docs/action-days.md): `/action-day/<key>` (a
 * non-profit submits a project or a company registers a team — the key decides which),
 * `/action-day/project/<id>#kl_…` and `/action-day/team/<id>#kl_…` (the own entry, opened by its
 * edit link; a team sees where it works once assigned), `/action-day/results/<id>#kl_…` (the
 * project's results after the day). The secret stays in the fragment and travels as the
 * `X-Link-Key` header. Numbers are read as typed in the page's language ("54,5").
 */
import { ApiFailure, client, ok, type ErrorDetail, type Schemas } from "../api";
import { add, clear, h } from "../dom";
import { checkGroup, clearErrors, field, input, numberInput, readTyped, select, setStatus, showErrors, statusLine } from "../forms";
import { FIELD_KEYS, INDUSTRY_KEYS, sectorLabel } from "../i18n";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle } from "./common";

type PublicPage = Schemas["PublicActionDay"];
type Event = Pick<PublicPage, "kind" | "title" | "date" | "endDate" | "days" | "registrationCloses" | "open" | "consentText">;
type OwnProject = Schemas["OwnActionDayProject"];
type OwnTeam = Schemas["OwnActionDayTeam"];
type ProjectBody = Schemas["ActionDayProjectUpdate"];
type TeamBody = Schemas["ActionDayTeamUpdate"];

export async function render(ctx: PageContext) {
  const secret = location.hash.slice(1);
  const { side, id, key } = ctx.params;
  if (side === "results") return resultsPage(ctx, Number(id), secret);
  if (side === "project" || side === "team") return editPage(ctx, side, Number(id), secret);
  return newPage(ctx, key);
}

const badLink = (ctx: PageContext) => add(ctx.main, h("h1", {}, ctx.t("error")), h("p", { role: "alert" }, ctx.t("ad_badLink")));

/** Loads through a link; a link that opens nothing shows the one "not valid" page. */
async function load<T>(ctx: PageContext, p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiFailure && (err.status === 404 || err.status === 422)) {
      badLink(ctx);
      return null;
    }
    throw err;
  }
}

function facts(ctx: PageContext, e: Pick<Event, "kind" | "date" | "endDate" | "registrationCloses">) {
  const { t, f } = ctx;
  const when = e.date === e.endDate ? f.date(e.date) : t("ad_days", { from: f.date(e.date), to: f.date(e.endDate) });
  return h("p", { className: "lead", "data-event-facts": "" }, `${t(`ad_kind_${e.kind}`)} · ${when}`, h("br"), t("ad_until", { date: f.date(e.registrationCloses) }));
}

async function newPage(ctx: PageContext, key: string) {
  const { t, main } = ctx;
  const page = await load(ctx, ok(client.GET("/public/action-day/{key}", { params: { path: { key } } })));
  if (!page) return;
  const title = t(page.side === "project" ? "ad_projectTitle" : "ad_teamTitle", { title: page.title });
  pageTitle(ctx, title);
  add(main, h("h1", {}, title), facts(ctx, page));
  if (!page.open) return add(main, h("p", { className: "card", role: "status", "data-closed": "" }, t("ad_closed")));
  add(main, h("p", {}, t(page.side === "project" ? "ad_projectIntro" : "ad_teamIntro")));
  const done = (res: Schemas["ActionDaySubmitted"]) => {
    const url = new URL(res.editPath, location.origin).href;
    clear(main);
    add(
      main,
      h("h1", {}, title),
      h("section", { className: "card", "data-registered": String(res.id) }, h("p", { role: "status" }, t("ad_done")), h("p", {}, t("ad_editLinkIntro")), h("p", {}, h("a", { href: url, "data-edit-link": "", className: "break" }, url))),
    );
    main.focus();
  };
  if (page.side === "project") {
    const form = projectForm(ctx, page, null, t("ad_submitProject"), async (body) => {
      done(await ok(client.POST("/public/action-day/{key}/projects", { params: { path: { key } }, body: { ...body, website: honeypot(form) } })));
    });
    add(main, form);
  } else {
    const form = teamForm(ctx, page, null, t("ad_submitTeam"), async (body) => {
      done(await ok(client.POST("/public/action-day/{key}/teams", { params: { path: { key } }, body: { ...body, website: honeypot(form) } })));
    });
    add(main, form);
  }
}

async function editPage(ctx: PageContext, side: "project" | "team", id: number, secret: string) {
  const { t, f, main } = ctx;
  const headers = { "X-Link-Key": secret };
  const own =
    side === "project"
      ? await load(ctx, ok(client.GET("/public/action-day-projects/{id}", { params: { path: { id } }, headers })))
      : await load(ctx, ok(client.GET("/public/action-day-teams/{id}", { params: { path: { id } }, headers })));
  if (!own) return;
  const title = t("ad_editTitle", { title: own.event.title });
  pageTitle(ctx, title);
  add(main, h("h1", {}, title), facts(ctx, own.event), h("p", { "data-status": own.status }, t("ad_status", { status: t(`ad_status_${own.status}`) })));
  if ("project" in own) {
    if (own.project) add(main, h("p", { className: "card", "data-assigned": "" }, t("ad_yourProject", { title: own.project.title, org: own.project.orgName, place: own.project.place, date: f.date(own.project.day) }), own.project.bring ? h("br") : null, own.project.bring ? `${t("ad_bring")} ${own.project.bring}` : null));
  } else {
    add(
      main,
      h("section", { className: "card" }, h("h2", {}, t("ad_yourTeams")), own.teams.length ? h("ul", {}, own.teams.map((x) => h("li", {}, `${x.orgName}${x.teamName ? ` (${x.teamName})` : ""}: ${f.int(x.size ?? 0)} · ${f.date(x.day)}`))) : h("p", {}, t("ad_noTeamsYet"))),
    );
  }
  if (own.contactName || own.contactEmail) {
    // Consent can be withdrawn at any time, also after registration closed.
    const status = statusLine();
    const erase = h("button", { type: "button", className: "btn", "data-erase-contact": "" }, t("ad_eraseContact"));
    erase.addEventListener("click", async () => {
      try {
        if (side === "project") await ok(client.DELETE("/public/action-day-projects/{id}/contact", { params: { path: { id } }, headers }));
        else await ok(client.DELETE("/public/action-day-teams/{id}/contact", { params: { path: { id } }, headers }));
        erase.remove();
        main.querySelectorAll<HTMLInputElement>("input[name=contactName], input[name=contactEmail]").forEach((el) => (el.value = ""));
        main.querySelectorAll<HTMLInputElement>("input[name=consent]").forEach((el) => (el.checked = false));
        setStatus(status, "ok", t("ad_contactErased"));
      } catch (err) {
        setStatus(status, "err", (err as Error).message);
      }
    });
    add(main, h("div", { className: "card" }, erase, status));
  }
  if (!own.event.open || own.status === "rejected") return;
  if ("project" in own) {
    add(main, teamForm(ctx, own.event, own, t("ad_save"), async (body, status) => {
      await ok(client.PUT("/public/action-day-teams/{id}", { params: { path: { id } }, headers, body }));
      setStatus(status, "ok", t("ad_saved"));
    }));
  } else {
    add(main, projectForm(ctx, own.event, own, t("ad_save"), async (body, status) => {
      await ok(client.PUT("/public/action-day-projects/{id}", { params: { path: { id } }, headers, body }));
      setStatus(status, "ok", t("ad_saved"));
    }));
  }
}

const honeypot = (form: HTMLFormElement) => (form.querySelector<HTMLInputElement>("input[name=website]")?.value ?? "") || undefined;
const words = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/** The parts both forms share: who registers, the contact with consent, the bot field, submit. */
function shell(ctx: PageContext, e: Pick<Event, "consentText">, own: { orgName: string; postcode: string | null; contactName: string | null; contactEmail: string | null } | null, nameLabel: string, fields: HTMLElement[], submitLabel: string) {
  const { t, locale } = ctx;
  const status = statusLine();
  const orgName = input("orgName", { autocomplete: "organization", maxlength: 300, value: own?.orgName ?? "" });
  const postcode = input("postcode", { autocomplete: "postal-code", inputmode: "numeric", maxlength: 10, value: own?.postcode ?? "" });
  const contactName = input("contactName", { autocomplete: "name", maxlength: 200, value: own?.contactName ?? "" });
  const contactEmail = input("contactEmail", { type: "email", autocomplete: "email", maxlength: 254, value: own?.contactEmail ?? "" });
  const consent = h("input", { type: "checkbox", name: "consent", checked: !!(own?.contactName || own?.contactEmail) });
  const form = h(
    "form",
    { className: "registration-form", novalidate: true, "data-form": "action-day" },
    h("div", { className: "card" }, field(nameLabel, orgName, { required: true }), field(t("ad_postcode"), postcode)),
    h("div", { className: "card" }, fields),
    h(
      "fieldset",
      { className: "card" },
      h("legend", {}, t("ad_contactTitle")),
      field(t("ad_contactName"), contactName),
      field(t("ad_contactEmail"), contactEmail),
      h("div", { className: "field check", "data-field": "consent" }, h("label", {}, consent, h("span", {}, h("strong", {}, t("ad_consent")), " ", h("span", { "data-consent-text": "" }, e.consentText[locale]))), h("p", { className: "field-error" })),
    ),
    // Not for people: hidden from eyes, screen readers and the tab order; bots fill it.
    h("div", { className: "visually-hidden", "aria-hidden": "true" }, h("label", {}, "Website", h("input", { type: "text", name: "website", tabindex: "-1", autocomplete: "off" }))),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, submitLabel)),
    status,
  );
  const common = () => ({
    orgName: orgName.value.trim(),
    postcode: postcode.value.trim() || null,
    contactName: contactName.value.trim() || null,
    contactEmail: contactEmail.value.trim() || null,
    consent: consent.checked,
    locale,
  });
  return { form, status, common };
}

/** Sends `body` with `submit`; errors go next to their fields. */
function onSubmit<B>(ctx: PageContext, form: HTMLFormElement, status: HTMLElement, read: (errors: ErrorDetail[]) => B, submit: (body: B, status: HTMLElement) => Promise<void>) {
  const { t } = ctx;
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const errors: ErrorDetail[] = [];
    form.querySelectorAll<HTMLElement>("[aria-required=true]").forEach((el) => {
      if (!(el as HTMLInputElement).value.trim()) errors.push({ path: (el as HTMLInputElement).name, message: t("required") });
    });
    const body = read(errors);
    if (errors.length) {
      showErrors(form, errors);
      return setStatus(status, "err", t("ad_fixErrors"));
    }
    setStatus(status, "ok", t("ad_sending"));
    try {
      await submit(body, status);
    } catch (err) {
      if (!(err instanceof ApiFailure)) return setStatus(status, "err", (err as Error).message);
      const details = localiseDetails(t, ctx.f, err.details).map((d) => (d.path === "consent" ? { ...d, message: t("ad_consentNeeded") } : d));
      const rest = showErrors(form, details);
      setStatus(status, "err", [err.status === 429 ? t("ad_tooMany") : err.details.length ? t("ad_fixErrors") : err.message, ...rest].join(" "));
    }
  });
}

function readCount(el: HTMLInputElement, errors: ErrorDetail[]): number {
  const r = readTyped(el);
  if ("error" in r) errors.push(r.error);
  return "value" in r && typeof r.value === "number" ? r.value : 0;
}

function projectForm(ctx: PageContext, e: Event, own: OwnProject | null, submitLabel: string, submit: (body: ProjectBody, status: HTMLElement) => Promise<void>) {
  const { t, f } = ctx;
  const title = input("title", { maxlength: 200, value: own?.title ?? "" });
  const description = h("textarea", { name: "description", rows: 4, maxlength: 2000 });
  description.value = own?.description ?? "";
  const place = input("place", { maxlength: 300, value: own?.place ?? "" });
  const fieldSelect = select("field", [["", "–"], ...FIELD_KEYS.map((k): [string, string] => [k, sectorLabel(t, k)])]);
  fieldSelect.value = own?.field ?? "";
  const wanted = numberInput("volunteersWanted", ctx, { integer: true });
  if (own) wanted.value = String(own.volunteersWanted);
  const skills = input("skills", { value: own?.skills.join(", ") ?? "" });
  const accessibility = input("accessibility", { maxlength: 500, value: own?.accessibility ?? "" });
  const bring = input("bring", { maxlength: 500, value: own?.bring ?? "" });
  const days = checkGroup(t("ad_projectDays"), "days", e.days.map((d): [string, string] => [d, f.date(d)]));
  days.querySelectorAll<HTMLInputElement>("input").forEach((c, i) => (c.checked = own ? own.days.includes(c.value) : e.days.length === 1 || i === 0));
  const { form, status, common } = shell(ctx, e, own, t("ad_orgName"), [
    field(t("ad_field"), fieldSelect),
    field(t("ad_title"), title, { required: true }),
    field(t("ad_description"), description, { required: true }),
    field(t("ad_place"), place, { required: true }),
    days,
    field(t("ad_volunteersWanted"), wanted, { required: true }),
    field(t("ad_skills"), skills, { hint: t("ad_skillsHint") }),
    field(t("ad_accessibility"), accessibility),
    field(t("ad_bring"), bring),
  ], submitLabel);
  onSubmit(ctx, form, status, (errors) => {
    const chosen = [...days.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value);
    if (!chosen.length) errors.push({ path: "days", message: t("required") });
    return {
      ...common(),
      field: fieldSelect.value || null,
      title: title.value.trim(),
      description: description.value.trim(),
      place: place.value.trim(),
      days: chosen,
      volunteersWanted: readCount(wanted, errors),
      skills: words(skills.value),
      accessibility: accessibility.value.trim() || null,
      bring: bring.value.trim() || null,
    };
  }, submit);
  return form;
}

function teamForm(ctx: PageContext, e: Event, own: OwnTeam | null, submitLabel: string, submit: (body: TeamBody, status: HTMLElement) => Promise<void>) {
  const { t, f } = ctx;
  const industry = select("industry", [["", "–"], ...INDUSTRY_KEYS.map((k): [string, string] => [k, sectorLabel(t, k)])]);
  industry.value = own?.industry ?? "";
  const name = input("name", { maxlength: 200, value: own?.name ?? "" });
  const size = numberInput("size", ctx, { integer: true });
  if (own) size.value = String(own.size);
  const skills = input("skills", { value: own?.skills.join(", ") ?? "" });
  const preferred = checkGroup(t("ad_preferredFields"), "preferredFields", FIELD_KEYS.map((k): [string, string] => [k, sectorLabel(t, k)]));
  preferred.querySelectorAll<HTMLInputElement>("input").forEach((c) => (c.checked = !!own?.preferredFields.includes(c.value)));
  const day = select("day", [...(e.days.length > 1 ? [["", t("ad_anyDay")] as [string, string]] : []), ...e.days.map((d): [string, string] => [d, f.date(d)])]);
  day.value = own?.day ?? (e.days.length > 1 ? "" : e.days[0]);
  const { form, status, common } = shell(ctx, e, own, t("ad_company"), [
    field(t("ad_industry"), industry),
    field(t("ad_teamName"), name),
    field(t("ad_size"), size, { required: true }),
    field(t("ad_teamSkills"), skills, { hint: t("ad_skillsHint") }),
    preferred,
    field(t("ad_day"), day),
  ], submitLabel);
  onSubmit(ctx, form, status, (errors) => ({
    ...common(),
    industry: industry.value || null,
    name: name.value.trim() || null,
    size: readCount(size, errors),
    skills: words(skills.value),
    preferredFields: [...preferred.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value),
    day: day.value || null,
  }), submit);
  return form;
}

async function resultsPage(ctx: PageContext, id: number, secret: string) {
  const { t, f, main } = ctx;
  const headers = { "X-Link-Key": secret };
  const r = await load(ctx, ok(client.GET("/public/action-day-results/{id}", { params: { path: { id } }, headers })));
  if (!r) return;
  const title = t("ad_resultsTitle", { title: r.title });
  pageTitle(ctx, title);
  add(
    main,
    h("h1", {}, title),
    h("p", { className: "lead" }, `${r.orgName} · ${r.event.title}`),
    h("p", {}, t("ad_resultsIntro")),
    h("section", { className: "card" }, h("h2", {}, t("ad_yourTeams")), r.teams.length ? h("ul", {}, r.teams.map((x) => h("li", {}, `${x.orgName}: ${f.int(x.size ?? 0)} · ${f.date(x.day)}`))) : h("p", {}, t("ad_noTeamsYet")), h("p", {}, t("ad_placed", { n: f.int(r.volunteersPlaced) }))),
  );
  main.append(resultsForm(ctx, r.results, async (body) => {
    await ok(client.PUT("/public/action-day-results/{id}", { params: { path: { id } }, headers, body }));
  }, t("ad_resultsSaved")));
}

/** The results form (the non-profit's link page and the organiser's page). */
export function resultsForm(ctx: PageContext, current: { volunteers: number; hours: number; peopleReached: number; comment?: string | null } | null, send: (body: Schemas["ActionDayResultsInput"]) => Promise<void>, doneText: string) {
  const { t, f } = ctx;
  const volunteers = numberInput("volunteers", ctx, { integer: true });
  const hours = numberInput("hours", ctx, { decimals: 2 });
  const reached = numberInput("peopleReached", ctx, { integer: true });
  const comment = h("textarea", { name: "comment", rows: 2, maxlength: 2000 });
  if (current) {
    volunteers.value = f.int(current.volunteers);
    hours.value = f.dec3(current.hours);
    reached.value = f.int(current.peopleReached);
    comment.value = current.comment ?? "";
  }
  const status = statusLine();
  const form = h(
    "form",
    { className: "card ad-results", novalidate: true, "data-form": "results" },
    h("div", { className: "form-grid" }, field(t("ad_volunteers"), volunteers, { required: true }), field(t("ad_hours"), hours, { required: true }), field(t("ad_peopleReached"), reached, { required: true })),
    field(t("ad_comment"), comment),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("ad_saveResults"))),
    status,
  );
  onSubmit(ctx, form, status, (errors) => ({ volunteers: readCount(volunteers, errors), hours: readCount(hours, errors), peopleReached: readCount(reached, errors), comment: comment.value.trim() || null }), async (body) => {
    await send(body);
    setStatus(status, "ok", doneText);
  });
  return form;
}
