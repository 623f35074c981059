/**
 * @module
 * The organiser's action days (docs/action-days.md): `/action-days` lists them and creates one;
 * `/action-days/<id>` shows the two registration pages, who registered (confirm as the matched
 * organisation or a new one), the suggested assignment per project and day with each pairing's
 * reason and the places left, moving a team by hand, and results per project (entered here, or
 * by the non-profit through a results link). `/action-days/<id>/print` holds the A4 lists.
 */
import { ApiFailure, client, ok, type Schemas } from "../api";
import { add, clear, h } from "../dom";
import { dateInput, field, input, readTyped, select, setStatus, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle } from "./common";
import { resultsForm } from "./action-day-public";
import { loadStylesheet } from "./marketplace-board-shared";

type ActionDay = Schemas["ActionDay"];
type Project = ActionDay["projects"][number];
type Team = ActionDay["teams"][number];

export async function render(ctx: PageContext) {
  if (ctx.params.id) return workspace(ctx, Number(ctx.params.id));
  return listPage(ctx);
}

const errorText = (ctx: PageContext, err: unknown) =>
  err instanceof ApiFailure ? [err.message, ...localiseDetails(ctx.t, ctx.f, err.details).map((d) => d.message)].join(" ") : (err as Error).message;

async function listPage(ctx: PageContext) {
  const { t, f, main } = ctx;
  pageTitle(ctx, t("ad_listTitle"));
  const list = (await ok(client.GET("/action-days"))).data;
  const kind = select("kind", (["action_day", "social_day", "action_72h"] as const).map((k): [string, string] => [k, t(`ad_kind_${k}`)]));
  const title = input("title", { maxlength: 300 });
  const date = dateInput("date", ctx);
  const endDate = dateInput("endDate", ctx);
  const region = input("regionCode", { maxlength: 32, value: ctx.me.regions?.[0] ?? "" });
  const status = statusLine();
  const form = h(
    "form",
    { className: "card", novalidate: true, "data-form": "action-day-create" },
    h("h2", {}, t("ad_new")),
    field(t("ad_kind"), kind),
    field(t("ad_eventTitle"), title, { required: true }),
    h("div", { className: "form-grid" }, field(t("ad_firstDay"), date, { required: true }), field(t("ad_lastDay"), endDate)),
    field(t("ad_region"), region, { required: true }),
    h("p", {}, h("button", { type: "submit", className: "btn primary" }, t("ad_create"))),
    status,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const first = readTyped(date);
    const last = readTyped(endDate);
    if ("error" in first || "error" in last || !("value" in first) || !first.value) return setStatus(status, "err", t("ad_fixErrors"));
    try {
      const a = await ok(
        client.POST("/action-days", {
          body: { kind: kind.value as ActionDay["kind"], title: title.value.trim(), date: String(first.value), ...("value" in last && last.value ? { endDate: String(last.value) } : {}), regionCode: region.value.trim() },
        }),
      );
      ctx.navigate(`/action-days/${a.eventId}`);
    } catch (err) {
      setStatus(status, "err", errorText(ctx, err));
    }
  });
  add(
    main,
    h("h1", {}, t("ad_listTitle")),
    h("p", {}, t("ad_listIntro")),
    list.length
      ? h("ul", { className: "card-list" }, list.map((a) => h("li", { className: "card" }, h("a", { href: `/action-days/${a.eventId}` }, a.title), h("br"), `${t(`ad_kind_${a.kind}`)} · ${f.date(a.date)}${a.endDate !== a.date ? `–${f.date(a.endDate)}` : ""} · ${t("ad_projectsCount", { n: a.projects })} · ${t("ad_teamsCount", { n: a.teams })}`)))
      : h("p", {}, t("ad_none")),
    form,
  );
}

/** A pairing's reason in words. */
function reasonText(ctx: PageContext, r: Team["assignment"] extends infer A ? (A extends { reason: infer R } ? R : never) : never): string {
  const { t } = ctx;
  if ("manual" in r) return t("ad_reasonManual");
  return [r.skills.length ? t("ad_reasonSkills", { skills: r.skills.join(", ") }) : null, r.field ? t("ad_reasonField") : null, r.newTie ? t("ad_reasonNewTie") : null].filter(Boolean).join(" · ") || "–";
}

async function workspace(ctx: PageContext, eventId: number) {
  const { t, f, main } = ctx;
  const status = statusLine();
  const body = h("div", {});
  const [first] = await Promise.all([ok(client.GET("/action-days/{eventId}", { params: { path: { eventId } } })), loadStylesheet("/css/action-day.css")]);
  let a = first;
  const act = async (fn: () => Promise<ActionDay>, done: string) => {
    try {
      a = await fn();
      draw();
      setStatus(status, "ok", done);
    } catch (err) {
      setStatus(status, "err", errorText(ctx, err));
    }
  };

  const registrant = (r: Project | Team) =>
    h(
      "li",
      { "data-registration": String(r.registrationId), "data-status": r.status },
      `${r.orgName}${r.postcode ? ` (${r.postcode})` : ""} – ${t(`ad_status_${r.status}`)} `,
      r.status === "pending"
        ? h(
            "button",
            {
              type: "button",
              className: "btn small",
              "data-approve": String(r.registrationId),
              onclick: () =>
                act(async () => {
                  await ok(client.POST("/action-days/{eventId}/registrations/{registrationId}/approve", { params: { path: { eventId, registrationId: r.registrationId } }, body: { organisationId: r.candidateOrganisationId } }));
                  return ok(client.GET("/action-days/{eventId}", { params: { path: { eventId } } }));
                }, t("ad_saved")),
            },
            t("ad_approve"),
          )
        : null,
    );

  const moveControl = (team: Team) => {
    const options: [string, string][] = [];
    for (const p of a.projects) for (const d of p.days) if (!team.day || team.day === d) options.push([`${p.id}@${d}`, `${p.title} · ${f.date(d)}`]);
    const choice = select("move", options, { "aria-label": t("ad_moveTo", { team: team.name ?? team.orgName }), "data-move-select": String(team.id) });
    if (team.assignment) choice.value = `${team.assignment.projectId}@${team.assignment.day}`;
    const button = h(
      "button",
      {
        type: "button",
        className: "btn small",
        "data-move": String(team.id),
        onclick: () => {
          const [projectId, day] = choice.value.split("@");
          return act(() => ok(client.PUT("/action-days/{eventId}/teams/{teamId}/assignment", { params: { path: { eventId, teamId: team.id } }, body: { projectId: Number(projectId), day } })), t("ad_moved"));
        },
      },
      t("ad_move"),
    );
    return h("span", { className: "ad-move" }, choice, " ", button);
  };

  const teamLine = (team: Team) =>
    h(
      "li",
      { "data-team": String(team.id) },
      h("strong", {}, team.name ? `${team.orgName} – ${team.name}` : team.orgName),
      ` · ${t("ad_people")}: ${f.int(team.size)}`,
      team.assignment ? h("span", { className: "ad-reason", "data-reason": "" }, ` (${reasonText(ctx, team.assignment.reason)})`) : null,
      h("br"),
      moveControl(team),
    );

  const projectCard = (p: Project) => {
    const placed = a.teams.filter((x) => x.assignment?.projectId === p.id);
    const capacity = p.days.map((d) => {
      const n = placed.filter((x) => x.assignment!.day === d).reduce((s, x) => s + x.size, 0);
      return h("li", { "data-capacity": `${p.id}@${d}`, "data-placed": String(n), "data-wanted": String(p.volunteersWanted), className: n > p.volunteersWanted ? "err" : "" }, t("ad_capacity", { placed: f.int(n), wanted: f.int(p.volunteersWanted), date: f.date(d) }), n > p.volunteersWanted ? ` – ${t("ad_over")}` : "");
    });
    const linkBox = h("div", {});
    const resultsBox = h("details", { className: "ad-results-box" }, h("summary", {}, t("ad_enterResults")));
    resultsBox.append(
      resultsForm(ctx, p.results, async (body) => {
        a = await ok(client.PUT("/action-days/{eventId}/projects/{projectId}/results", { params: { path: { eventId, projectId: p.id } }, body }));
        queueMicrotask(draw);
      }, t("ad_resultsSaved")),
    );
    return h(
      "section",
      { className: "card ad-project", "data-project": String(p.id) },
      h("h3", {}, p.title),
      h("p", {}, `${p.orgName} · ${p.place}`, p.skills.length ? h("br") : null, p.skills.length ? `${t("ad_skills")}: ${p.skills.join(", ")}` : null),
      h("ul", { className: "ad-capacity" }, capacity),
      placed.length ? h("ul", { className: "ad-teams" }, placed.map(teamLine)) : h("p", { className: "note" }, t("ad_noTeamsYet")),
      p.results ? h("p", { "data-results": "" }, `${t("ad_volunteers")}: ${f.int(p.results.volunteers)} · ${t("ad_hours")}: ${f.dec3(p.results.hours)} · ${t("ad_peopleReached")}: ${f.int(p.results.peopleReached)}`) : null,
      resultsBox,
      h(
        "p",
        {},
        h(
          "button",
          {
            type: "button",
            className: "btn small",
            "data-results-link": String(p.id),
            onclick: async () => {
              try {
                const l = await ok(client.POST("/action-days/{eventId}/projects/{projectId}/results-link", { params: { path: { eventId, projectId: p.id } } }));
                const url = new URL(l.path, location.origin).href;
                clear(linkBox);
                add(linkBox, h("p", {}, t("ad_resultsLinkIntro")), h("p", {}, h("a", { href: url, className: "break", "data-results-url": "" }, url)));
              } catch (err) {
                setStatus(status, "err", errorText(ctx, err));
              }
            },
          },
          t("ad_resultsLink"),
        ),
      ),
      linkBox,
    );
  };

  function draw() {
    clear(body);
    const abs = (p: string) => new URL(p, location.origin).href;
    const unassigned = a.teams.filter((x) => a.unassigned.includes(x.id));
    add(
      body,
      h("section", { className: "card" }, h("h2", {}, t("ad_links")), h("p", {}, t("ad_projectLink"), " ", h("a", { href: a.projectPath, className: "break", "data-project-page": "" }, abs(a.projectPath))), h("p", {}, t("ad_teamLink"), " ", h("a", { href: a.teamPath, className: "break", "data-team-page": "" }, abs(a.teamPath)))),
      h("section", { className: "card" }, h("h2", {}, t("ad_registrations")), h("ul", { className: "ad-registrations" }, [...a.projects, ...a.teams].map(registrant))),
      h(
        "h2",
        {},
        t("ad_assignment"),
        " ",
        h("button", { type: "button", className: "btn primary", "data-suggest": "", onclick: () => act(() => ok(client.POST("/action-days/{eventId}/assignment", { params: { path: { eventId } } })), t("ad_suggestDone")) }, t("ad_suggest")),
      ),
      h("p", { "data-cooperations": String(a.cooperations) }, t("ad_cooperations", { n: f.int(a.cooperations) })),
      h("div", { className: "ad-projects" }, a.projects.filter((p) => p.status === "pending" || p.status === "approved").map(projectCard)),
      ...(unassigned.length ? [h("section", { className: "card", "data-unassigned": "" }, h("h3", {}, t("ad_unassigned")), h("ul", { className: "ad-teams" }, unassigned.map(teamLine)))] : []),
    );
  }

  const title = a.title;
  pageTitle(ctx, title);
  const when = a.date === a.endDate ? f.date(a.date) : t("ad_days", { from: f.date(a.date), to: f.date(a.endDate) });
  add(main, h("h1", {}, title), h("p", { className: "lead" }, `${t(`ad_kind_${a.kind}`)} · ${when} · `, h("a", { href: `/action-days/${eventId}/print` }, t("ad_print"))), status, body);
  draw();
}
