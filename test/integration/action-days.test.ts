/**
 * Action days (docs/action-days.md): projects and teams by link, approval, the suggested
 * assignment within every capacity, a hand move checked against it, results by link making one
 * cooperation per company–non-profit pair (entering again changes it, never doubles it), and the
 * errors of these routes with nothing written.
 */
import { describe, expect, it } from "vitest";
import { call, expectError, rows, tokenFor, uid } from "./api";

const today = new Date().toISOString().slice(0, 10);
const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function makeActionDay(fields: Record<string, unknown> = {}) {
  const res = await call("/api/v1/action-days", { body: { kind: "action_day", title: uid("Sozialer Tag Essen"), date: today, regionCode: "05113", ...fields } });
  if (res.status !== 201) throw new Error(`action day creation failed: ${res.status} ${res.text}`);
  return res.json;
}

const keyOf = (path: string) => path.split("/").pop()!;

function submitProject(a: { projectPath: string }, body: Record<string, unknown> = {}) {
  return call(`/api/v1/public/action-day/${keyOf(a.projectPath)}/projects`, {
    token: null,
    headers: { "CF-Connecting-IP": uid("ip") },
    body: { orgName: uid("Kita Sonnenschein e.V."), postcode: "45326", title: "Spielplatz streichen", description: "Zäune und Bänke streichen", place: "Essen-Altenessen", days: [today], volunteersWanted: 8, skills: ["Streichen"], bring: "Arbeitskleidung", ...body },
  });
}

function submitTeam(a: { teamPath: string }, body: Record<string, unknown> = {}) {
  return call(`/api/v1/public/action-day/${keyOf(a.teamPath)}/teams`, {
    token: null,
    headers: { "CF-Connecting-IP": uid("ip") },
    body: { orgName: uid("Stadtwerke Essen AG"), postcode: "45128", size: 5, skills: ["streichen"], day: today, ...body },
  });
}

const link = (path: string, id: number, key: string, opts: { method?: string; body?: unknown } = {}) =>
  call(`/api/v1/public/${path}/${id}`, { token: null, method: opts.method, body: opts.body, headers: { "X-Link-Key": key, "CF-Connecting-IP": uid("ip") } });

async function approveAll(eventId: number) {
  const a = (await call(`/api/v1/action-days/${eventId}`)).json;
  for (const r of [...a.projects, ...a.teams]) {
    if (r.status !== "pending") continue;
    const res = await call(`/api/v1/action-days/${eventId}/registrations/${r.registrationId}/approve`, { body: {} });
    expect(res.status).toBe(200);
  }
  return (await call(`/api/v1/action-days/${eventId}`)).json;
}

const load = (a: any) => {
  const byProjectDay = new Map<string, number>();
  for (const t of a.teams) if (t.assignment) byProjectDay.set(`${t.assignment.projectId}@${t.assignment.day}`, (byProjectDay.get(`${t.assignment.projectId}@${t.assignment.day}`) ?? 0) + t.size);
  return byProjectDay;
};

describe("an action day", () => {
  it("runs from registration by link to one cooperation per pair, within every capacity", async () => {
    const a = await makeActionDay({ kind: "action_72h", endDate: plusDays(2) });
    expect(a.days).toEqual([today, plusDays(1), plusDays(2)]);
    const page = await call(`/api/v1/public/action-day/${keyOf(a.teamPath)}`, { token: null });
    expect(page.json).toMatchObject({ side: "team", kind: "action_72h", open: true, days: a.days });
    expect(JSON.stringify(page.json)).not.toMatch(/ak_|projectKey|teamKey|contactName/);

    const p1 = await submitProject(a, { volunteersWanted: 8, contactName: "Anna Beispiel", contactEmail: "anna@example.org", consent: true });
    expect(p1.status).toBe(201);
    const p2 = await submitProject(a, { title: "Garten anlegen", skills: ["Garten"], volunteersWanted: 6, days: [today, plusDays(1)] });
    const t1 = await submitTeam(a, { size: 5 });
    const t2 = await submitTeam(a, { size: 4, skills: ["garten"], day: null });
    const t3 = await submitTeam(a, { size: 4, skills: [] });
    for (const r of [p2, t1, t2, t3]) expect(r.status).toBe(201);
    // The consent's words are stored with the contact.
    const [reg] = await rows<{ consent_text: string }>("SELECT consent_text FROM registrations r JOIN action_day_projects p ON p.registration_id = r.id WHERE p.id = ?", p1.json.id);
    expect(reg.consent_text).toContain("Aktionstag");

    await approveAll(a.eventId);
    const suggested = (await call(`/api/v1/action-days/${a.eventId}/assignment`, { method: "POST" })).json;
    for (const [slot, people] of load(suggested)) {
      const project = suggested.projects.find((p: any) => p.id === Number(slot.split("@")[0]));
      expect(people).toBeLessThanOrEqual(project.volunteersWanted);
    }
    const team2 = suggested.teams.find((t: any) => t.id === t2.json.id);
    expect(team2.assignment).toMatchObject({ projectId: p2.json.id, source: "suggested", reason: { skills: ["garten"], newTie: true } });
    const team1 = suggested.teams.find((t: any) => t.id === t1.json.id);
    expect(team1.assignment.projectId).toBe(p1.json.id);

    // A move that overfills the project is refused; one that fits is kept as the organiser's.
    const over = await call(`/api/v1/action-days/${a.eventId}/teams/${t3.json.id}/assignment`, { method: "PUT", body: { projectId: p1.json.id, day: today } });
    if (suggested.teams.find((t: any) => t.id === t3.json.id).assignment?.projectId !== p1.json.id) expectError(over, 409, "conflict");
    const moved = await call(`/api/v1/action-days/${a.eventId}/teams/${t2.json.id}/assignment`, { method: "PUT", body: { projectId: p2.json.id, day: plusDays(1) } });
    expect(moved.status).toBe(200);
    expect(moved.json.teams.find((t: any) => t.id === t2.json.id).assignment).toMatchObject({ day: plusDays(1), source: "manual", reason: { manual: true } });
    // Suggesting again keeps the hand move.
    const again = (await call(`/api/v1/action-days/${a.eventId}/assignment`, { method: "POST" })).json;
    expect(again.teams.find((t: any) => t.id === t2.json.id).assignment).toMatchObject({ day: plusDays(1), source: "manual" });

    // The team's edit link shows where it works.
    const ownTeam = await link("action-day-teams", t1.json.id, t1.json.editKey);
    expect(ownTeam.json.project).toMatchObject({ title: "Spielplatz streichen", bring: "Arbeitskleidung" });

    // Results by link: one cooperation per company–non-profit pair, linked to the event.
    const revBefore = await rows<{ revision: number }>("SELECT revision FROM region_revisions WHERE region_code = '05113'");
    const rl = await call(`/api/v1/action-days/${a.eventId}/projects/${p1.json.id}/results-link`, { method: "POST" });
    expect(rl.status).toBe(201);
    const entered = await link("action-day-results", p1.json.id, rl.json.key, { method: "PUT", body: { volunteers: 9, hours: 54.5, peopleReached: 120 } });
    expect(entered.status).toBe(200);
    const coops = () => rows<any>("SELECT c.id, c.volunteers, c.hours, c.people_reached, c.status, c.event_id, (SELECT group_concat(organisation_id) FROM cooperation_partners p WHERE p.cooperation_id = c.id) AS partners FROM cooperations c WHERE c.event_id = ? AND c.deleted_at IS NULL ORDER BY c.id", a.eventId);
    const first = await coops();
    const placedOnP1 = again.teams.filter((t: any) => t.assignment?.projectId === p1.json.id);
    expect(first).toHaveLength(placedOnP1.length);
    expect(first.reduce((n: number, c: any) => n + c.volunteers, 0)).toBe(9);
    expect(first.reduce((n: number, c: any) => n + c.hours, 0)).toBeCloseTo(54.5);
    expect(first.reduce((n: number, c: any) => n + c.people_reached, 0)).toBe(120);
    for (const c of first) expect(c.status).toBe("done");
    const revAfter = await rows<{ revision: number }>("SELECT revision FROM region_revisions WHERE region_code = '05113'");
    expect(revAfter[0].revision).toBeGreaterThan(revBefore[0]?.revision ?? 0);
    // Entering again changes the figures, never the number of cooperations.
    await link("action-day-results", p1.json.id, rl.json.key, { method: "PUT", body: { volunteers: 10, hours: 60, peopleReached: 120 } });
    const second = await coops();
    expect(second.map((c: any) => c.id)).toEqual(first.map((c: any) => c.id));
    expect(second.reduce((n: number, c: any) => n + c.volunteers, 0)).toBe(10);
    const audit = await rows("SELECT * FROM audit_log WHERE entity = 'action_day_results' AND entity_id = ?", String(p1.json.id));
    expect(audit).toHaveLength(2);
    // The link opens its own project only.
    expectError(await link("action-day-results", p2.json.id, rl.json.key), 404, "not_found");
  });

  it("refuses bad input and foreign or missing links with nothing written", async () => {
    const a = await makeActionDay();
    const before = await rows("SELECT count(*) AS n FROM action_day_projects");
    const notADay = expectError(await submitProject(a, { days: [plusDays(5)] }), 422, "validation_failed");
    expect(notADay.details?.[0].path).toBe("days[0]");
    expectError(await submitProject(a, { volunteersWanted: 0 }), 422, "validation_failed");
    expectError(await submitProject(a, { contactName: "Ohne Einwilligung" }), 422, "validation_failed");
    expectError(await submitProject(a, { description: "x".repeat(2001) }), 422, "validation_failed");
    // The team key does not take projects.
    expectError(await call(`/api/v1/public/action-day/${keyOf(a.teamPath)}/projects`, { token: null, body: { orgName: "X", title: "T", description: "D", place: "P", days: [today], volunteersWanted: 2 } }), 404, "not_found");
    expect(await rows("SELECT count(*) AS n FROM action_day_projects")).toEqual(before);
    // The honeypot: a success to the bot, nothing stored.
    const bot = await submitTeam(a, { website: "http://spam.example" });
    expect(bot.status).toBe(201);
    expect(await rows("SELECT count(*) AS n FROM action_day_projects")).toEqual(before);
    const p = await submitProject(a);
    const t = await submitTeam(a);
    expectError(await link("action-day-projects", p.json.id, t.json.editKey), 404, "not_found");
    expectError(await call(`/api/v1/public/action-day-projects/${p.json.id}`, { token: null }), 404, "not_found");
    const edited = await link("action-day-projects", p.json.id, p.json.editKey, { method: "PUT", body: { orgName: "Kita Sonnenschein e.V.", title: "Zaun streichen", description: "Der Zaun", place: "Essen", days: [today], volunteersWanted: 3 } });
    expect(edited.json).toMatchObject({ title: "Zaun streichen", volunteersWanted: 3 });
    // Consent is withdrawn through the edit link at any time, also after registration closed.
    const withContact = await submitProject(a, { contactName: "Erika Muster", contactEmail: "erika@example.org", consent: true });
    await rows("UPDATE action_days SET registration_closes = ? WHERE event_id = ?", plusDays(-1), a.eventId);
    expectError(await link("action-day-projects", withContact.json.id, withContact.json.editKey, { method: "PUT", body: { orgName: "X", title: "T", description: "D", place: "P", days: [today], volunteersWanted: 2 } }), 409, "conflict");
    // Another entry's link erases nothing.
    expectError(await call(`/api/v1/public/action-day-projects/${withContact.json.id}/contact`, { token: null, method: "DELETE", headers: { "X-Link-Key": t.json.editKey } }), 404, "not_found");
    const erased = await call(`/api/v1/public/action-day-projects/${withContact.json.id}/contact`, { token: null, method: "DELETE", headers: { "X-Link-Key": withContact.json.editKey } });
    expect(erased.status).toBe(204);
    const [reg] = await rows<any>("SELECT contact_name, contact_email, consent_text, consent_at FROM registrations r JOIN action_day_projects p ON p.registration_id = r.id WHERE p.id = ?", withContact.json.id);
    expect(reg).toEqual({ contact_name: null, contact_email: null, consent_text: null, consent_at: null });
    await rows("UPDATE action_days SET registration_closes = NULL WHERE event_id = ?", a.eventId);
    // A move into a project of another action day, a day the project does not take, too many people.
    const other = await makeActionDay();
    const q = await submitProject(other);
    expectError(await call(`/api/v1/action-days/${a.eventId}/teams/${t.json.id}/assignment`, { method: "PUT", body: { projectId: q.json.id, day: today } }), 422, "unknown_reference");
    expectError(await call(`/api/v1/action-days/${a.eventId}/teams/${t.json.id}/assignment`, { method: "PUT", body: { projectId: p.json.id, day: today } }), 409, "conflict");
    expectError(await call(`/api/v1/action-days/${a.eventId}/teams/${t.json.id}/assignment`, { method: "PUT", body: { projectId: p.json.id, day: "03.10.2026" } }), 422, "validation_failed");
    expectError(await call("/api/v1/action-days", { body: { kind: "action_day", title: "X", date: today, endDate: plusDays(-1), regionCode: "05113" } }), 422, "validation_failed");
    expectError(await call("/api/v1/action-days", { body: { kind: "marketplace", title: "X", date: today, regionCode: "05113" } }), 422, "validation_failed");
    // Roles before bodies; a coordinator of another region hears 403.
    expectError(await call(`/api/v1/action-days/${a.eventId}`, { token: null }), 401, "unauthorized");
    const berlin = await tokenFor("coordinator", ["11000"]);
    expectError(await call(`/api/v1/action-days/${a.eventId}`, { token: berlin }), 403, "forbidden");
    expectError(await call(`/api/v1/action-days/${a.eventId}/projects/${p.json.id}/results`, { method: "PUT", token: berlin, body: { volunteers: 1, hours: 1, peopleReached: 1 } }), 403, "forbidden");
  });
});
