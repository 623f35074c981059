/**
 * @module
 * An action day's printable lists (`/action-days/<id>/print`): one A4 sheet per project (who
 * comes, how many, on which day, with contacts) and one per team (where to go, what to bring).
 * The toolbar is not printed.
 */
import { client, ok, type Schemas } from "../api";
import { h } from "../dom";
import type { PageContext } from "../main";
import { pageTitle } from "./common";
import { bodyClassWhileShown, loadStylesheet } from "./marketplace-board-shared";

type ActionDay = Schemas["ActionDay"];

export async function render(ctx: PageContext) {
  const { t, f, main } = ctx;
  const eventId = Number(ctx.params.id);
  const [a] = await Promise.all([ok(client.GET("/action-days/{eventId}", { params: { path: { eventId } } })), loadStylesheet("/css/action-day.css")]);
  pageTitle(ctx, t("ad_printTitle", { title: a.title }));
  const when = a.date === a.endDate ? f.date(a.date) : t("ad_days", { from: f.date(a.date), to: f.date(a.endDate) });
  const head = `${a.title} · ${t(`ad_kind_${a.kind}`)} · ${when}`;
  const contact = (r: { contactName: string | null; contactEmail: string | null }) => [r.contactName, r.contactEmail].filter(Boolean).join(", ") || "–";
  const footer = () => h("p", { className: "ad-sheet-footer" }, t("ad_printFooter", { time: new Date().toLocaleString(f.tag, { dateStyle: "medium", timeStyle: "short" }) }));
  const row = (label: string, value: string | null) => (value ? [h("dt", {}, label), h("dd", {}, value)] : []);
  const live = (r: { status: string }) => r.status === "pending" || r.status === "approved";
  const projects = a.projects.filter(live);
  const projectSheet = (p: ActionDay["projects"][number]) => {
    const teams = a.teams.filter((x) => x.assignment?.projectId === p.id);
    return h(
      "section",
      { className: "ad-sheet", "data-sheet": "project" },
      h("p", { className: "ad-sheet-event" }, head),
      h("h1", {}, `${t("ad_perProject")}: ${p.title}`),
      h("dl", {}, row(t("ad_orgName"), p.orgName), row(t("ad_place"), p.place), row(t("ad_projectDays"), p.days.map(f.date).join(", ")), row(t("ad_volunteersWanted"), f.int(p.volunteersWanted)), row(t("ad_bring"), p.bring), row(t("ad_accessibility"), p.accessibility), row(t("ad_contact"), contact(p))),
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, [t("ad_company"), t("ad_team"), t("ad_people"), t("ad_day"), t("ad_contact")].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, teams.map((x) => h("tr", {}, h("td", {}, x.orgName), h("td", {}, x.name ?? "–"), h("td", {}, f.int(x.size)), h("td", {}, f.date(x.assignment!.day)), h("td", {}, contact(x))))),
      ),
      footer(),
    );
  };
  const teamSheet = (x: ActionDay["teams"][number]) => {
    const p = a.projects.find((q) => q.id === x.assignment?.projectId);
    return h(
      "section",
      { className: "ad-sheet", "data-sheet": "team" },
      h("p", { className: "ad-sheet-event" }, head),
      h("h1", {}, `${t("ad_perTeam")}: ${x.orgName}${x.name ? ` – ${x.name}` : ""}`),
      h(
        "dl",
        {},
        row(t("ad_people"), f.int(x.size)),
        row(t("ad_day"), x.assignment ? f.date(x.assignment.day) : t("ad_unassigned")),
        p ? [...row(t("ad_title"), p.title), ...row(t("ad_orgName"), p.orgName), ...row(t("ad_place"), p.place), ...row(t("ad_bring"), p.bring), ...row(t("ad_accessibility"), p.accessibility), ...row(t("ad_contact"), contact(p))] : [],
      ),
      footer(),
    );
  };
  const root = h(
    "div",
    { className: "ad-print" },
    h("div", { className: "ad-print-toolbar" }, h("a", { href: `/action-days/${eventId}`, className: "btn" }, "←"), h("button", { type: "button", className: "btn primary", onclick: () => window.print() }, t("ad_printNow"))),
    projects.map(projectSheet),
    a.teams.filter(live).map(teamSheet),
  );
  main.append(root);
  bodyClassWhileShown(root, "ad-printing");
}
