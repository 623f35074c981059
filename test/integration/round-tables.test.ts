/**
 * Round tables (docs/round-tables.md): a series of meetings; each meeting an event of kind
 * round_table whose attendees are event participants (the weaker event tie layer), with revisions
 * bumped; minutes with decisions and tasks (who, by when, done, overdue); organisers only.
 */
import { describe, expect, it } from "vitest";
import { call, expectError, makeOrganisation, rows, tokenFor } from "./api";

const revision = async (code: string) => (await rows<{ revision: number }>("SELECT revision FROM region_revisions WHERE region_code = ?", code))[0]?.revision ?? 0;

async function makeSeries(fields: Record<string, unknown> = {}, token?: string) {
  const res = await call("/api/v1/round-tables", { token, body: { title: "Runder Tisch engagierter Unternehmen", regionCode: "12", ...fields } });
  if (res.status !== 201) throw new Error(`series: ${res.status} ${res.text}`);
  return res.json;
}

describe("round tables: series, meetings and attendance", () => {
  it("a meeting is an event of kind round_table with its attendees as participants, and bumps the revisions", async () => {
    const agency = await makeOrganisation({ kind: "intermediary", name: "Freiwilligenagentur Potsdam", regionCode: "12054" });
    const a = await makeOrganisation({ kind: "company", name: "Stadtwerke Potsdam", regionCode: "12054" });
    const b = await makeOrganisation({ kind: "company", name: "Bäckerei Potsdam", regionCode: "12054" });
    const series = await makeSeries({ organiserId: agency, description: "Viermal im Jahr" });
    expect(series).toMatchObject({ title: "Runder Tisch engagierter Unternehmen", regionCode: "12", organiserId: agency, organiserName: "Freiwilligenagentur Potsdam", meetings: [], openTasks: [] });

    const before = await revision("12");
    const meeting = await call(`/api/v1/round-tables/${series.id}/meetings`, { body: { date: "2026-03-12", place: "IHK Potsdam", startsAt: "18:00", attendeeIds: [a, b, agency, a] } });
    expect(meeting.status, meeting.text).toBe(201);
    expect(await revision("12")).toBeGreaterThan(before);
    expect(meeting.json).toMatchObject({ title: series.title, date: "2026-03-12", place: "IHK Potsdam", startsAt: "18:00", hiddenAttendees: 0 });
    expect(meeting.json.attendees.map((x: any) => x.id).sort()).toEqual([a, b, agency].sort());

    const event = (await call(`/api/v1/events/${meeting.json.eventId}`)).json;
    expect(event).toMatchObject({ kind: "round_table", regionCode: "12", organiserId: agency, date: "2026-03-12", participantCount: 3 });
    const stored = await rows<{ organisation_id: number }>("SELECT organisation_id FROM event_participants WHERE event_id = ? ORDER BY organisation_id", meeting.json.eventId);
    expect(stored.map((r) => r.organisation_id)).toEqual([a, b, agency].sort((x, y) => x - y));

    // Changing the attendees replaces the participants and bumps again — the old attendees' regions
    // and the new ones' (a guest from Jena) —; the place alone does not.
    const guest = await makeOrganisation({ kind: "intermediary", name: "Bürgerstiftung Jena", regionCode: "16053" });
    const mid = await revision("12");
    const jenaBefore = await revision("16053");
    const changed = await call(`/api/v1/round-table-meetings/${meeting.json.eventId}`, { method: "PATCH", body: { attendeeIds: [a, agency, guest] } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.attendees.map((x: any) => x.id).sort()).toEqual([a, agency, guest].sort());
    const after = await revision("12");
    expect(after).toBeGreaterThan(mid);
    expect(await revision("16053")).toBeGreaterThan(jenaBefore);
    await call(`/api/v1/round-table-meetings/${meeting.json.eventId}`, { method: "PATCH", body: { place: "Rathaus Potsdam", minutesBy: "Frau Kühn" } });
    expect(await revision("12")).toBe(after);

    const read = await call(`/api/v1/round-tables/${series.id}`);
    expect(read.json.meetings).toEqual([expect.objectContaining({ eventId: meeting.json.eventId, attendees: 3, place: "Rathaus Potsdam" })]);
    const listed = await call("/api/v1/round-tables?region=12");
    expect(listed.json.data.map((s: any) => s.id)).toContain(series.id);
  });

  it("minutes: decisions and tasks (what, who, by when, done, overdue); open tasks of the series", async () => {
    const company = await makeOrganisation({ kind: "company", name: "Zimmerei Arnhem", regionCode: "NL-ARN" });
    const series = await makeSeries({ title: "Ronde tafel maatschappelijk betrokken ondernemen", regionCode: "NL-ARN" });
    const m = (await call(`/api/v1/round-tables/${series.id}/meetings`, { body: { date: "2026-02-05", attendeeIds: [company] } })).json;
    const decided = await call(`/api/v1/round-table-meetings/${m.eventId}/decisions`, { body: { text: "We organiseren in mei een beursvloer." } });
    expect(decided.status, decided.text).toBe(201);
    expect(decided.json.decisions).toEqual([expect.objectContaining({ text: "We organiseren in mei een beursvloer." })]);

    const late = await call(`/api/v1/round-table-meetings/${m.eventId}/tasks`, { body: { task: "Zaal reserveren", ownerOrganisationId: company, ownerName: "Jan de Vries", dueOn: "2026-02-20" } });
    expect(late.status, late.text).toBe(201);
    expect(late.json).toMatchObject({ task: "Zaal reserveren", owner: { organisationId: company, organisationName: "Zimmerei Arnhem", name: "Jan de Vries" }, dueOn: "2026-02-20", done: false, overdue: true });
    const future = await call(`/api/v1/round-table-meetings/${m.eventId}/tasks`, { body: { task: "Uitnodigingen versturen", dueOn: "2099-01-01" } });
    expect(future.json.overdue).toBe(false);

    let s = (await call(`/api/v1/round-tables/${series.id}`)).json;
    expect(s.openTasks.map((t: any) => t.id)).toEqual([late.json.id, future.json.id]);
    const done = await call(`/api/v1/round-table-tasks/${late.json.id}`, { method: "PATCH", body: { done: true } });
    expect(done.json).toMatchObject({ done: true, overdue: false });
    s = (await call(`/api/v1/round-tables/${series.id}`)).json;
    expect(s.openTasks.map((t: any) => t.id)).toEqual([future.json.id]);
    expect(s.meetings[0]).toMatchObject({ decisions: 1, openTasks: 1 });

    // The owner must have attended; the person's name is kept out of the audit log.
    const stranger = await makeOrganisation({ kind: "company", regionCode: "NL-ARN" });
    expectError(await call(`/api/v1/round-table-meetings/${m.eventId}/tasks`, { body: { task: "x", ownerOrganisationId: stranger } }), 422, "validation_failed");
    const audit = await rows<{ detail: string }>("SELECT detail FROM audit_log WHERE entity = 'round_table_tasks'");
    expect(audit.map((r) => r.detail).join(" ")).not.toContain("Jan de Vries");

    const decision = decided.json.decisions[0].id;
    expect((await call(`/api/v1/round-table-meetings/${m.eventId}/decisions/${decision}`, { method: "DELETE" })).status).toBe(204);
    expectError(await call(`/api/v1/round-table-meetings/${m.eventId}/decisions/${decision}`, { method: "DELETE" }), 404, "not_found");
  });

  it("refuses bad input and unknown references without writing, in the one error shape", async () => {
    expectError(await call("/api/v1/round-tables", { body: { title: "x", regionCode: "99999" } }), 422, "unknown_reference");
    expectError(await call("/api/v1/round-tables", { body: { title: "", regionCode: "12" } }), 422, "validation_failed");
    expectError(await call("/api/v1/round-tables", { body: { title: "x", regionCode: "12", organiserId: 987654 } }), 422, "unknown_reference");
    const series = await makeSeries();
    expectError(await call(`/api/v1/round-tables/${series.id}/meetings`, { body: { date: "12.03.2026" } }), 422, "validation_failed");
    expectError(await call(`/api/v1/round-tables/${series.id}/meetings`, { body: { date: "2026-03-12", startsAt: "25:00" } }), 422, "validation_failed");
    expectError(await call(`/api/v1/round-tables/${series.id}/meetings`, { body: { date: "2026-03-12", attendeeIds: [987654] } }), 422, "unknown_reference");
    expect(await rows("SELECT * FROM round_table_meetings WHERE series_id = ?", series.id)).toEqual([]);
    expectError(await call("/api/v1/round-tables/987654"), 404, "not_found");
    expectError(await call("/api/v1/round-table-meetings/987654"), 404, "not_found");
    expectError(await call("/api/v1/round-table-tasks/987654", { method: "PATCH", body: { done: true } }), 404, "not_found");
  });

  it("organisers only: anonymous 401, funders 403, coordinators of another region 403", async () => {
    const series = await makeSeries({ regionCode: "12" });
    const funder = await tokenFor("funder");
    const elsewhere = await tokenFor("coordinator", ["05113"]);
    const here = await tokenFor("coordinator", ["12"]);
    expectError(await call(`/api/v1/round-tables/${series.id}`, { token: null }), 401, "unauthorized");
    expectError(await call(`/api/v1/round-tables/${series.id}`, { token: funder }), 403, "forbidden");
    expectError(await call(`/api/v1/round-tables/${series.id}`, { token: elsewhere }), 403, "forbidden");
    expectError(await call(`/api/v1/round-tables/${series.id}/meetings`, { token: elsewhere, body: { date: "2026-01-01" } }), 403, "forbidden");
    expectError(await call("/api/v1/round-tables", { token: elsewhere, body: { title: "x", regionCode: "12" } }), 403, "forbidden");
    expect((await call(`/api/v1/round-tables/${series.id}/meetings`, { token: here, body: { date: "2026-01-01" } })).status).toBe(201);
    const mine = await call("/api/v1/round-tables", { token: elsewhere });
    expect(mine.json.data.map((s: any) => s.id)).not.toContain(series.id);
  });
});
