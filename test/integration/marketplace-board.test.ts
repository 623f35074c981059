/**
 * The matching board (docs/marketplace.md, "Matching board"): suggestions with score and reasons
 * read from the event's registrations, the region's network and past cooperations; pin/dismiss
 * with moderator and talk slot; roles, scope and other events' items; nothing written on bad input.
 * Registrations are inserted straight into D1 (their public routes are another suite's).
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, count, expectError, expectRejectedWithoutChange, makeCooperation, makeEvent, makeOrganisation, rows, tokenFor, detailPaths } from "./api";

async function insert(query: string, ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`${query} RETURNING rowid AS id`).bind(...binds).first<{ id: number }>();
  return row!.id;
}
const registration = (eventId: number, side: string, name: string, status: string, organisationId: number | null, field: string | null = null, industry: string | null = null) =>
  insert("INSERT INTO registrations (event_id, side, org_name, status, organisation_id, field, industry) VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, side, name, status, organisationId, field, industry);
const item = (registrationId: number, kind: string, type: string, description: string, tags = "") =>
  insert("INSERT INTO registration_items (registration_id, kind, contribution_type, description, tags) VALUES (?, ?, ?, ?, ?)", registrationId, kind, type, description, tags);

const ids: Record<string, number> = {};
const tokens: Record<string, string> = {};
const board = (eventId = ids.event, token?: string | null, query = "") => call(`/api/v1/marketplaces/${eventId}/board${query}`, { token });
const decide = (body: unknown, eventId = ids.event, token?: string | null) => call(`/api/v1/marketplaces/${eventId}/board/decisions`, { method: "PUT", body, token });
const find = (list: any[], need: number, offer: number) => list.find((m) => m.needItemId === need && m.offerItemId === offer);

beforeAll(async () => {
  tokens.essen = await tokenFor("coordinator", ["05113"]);
  tokens.nrw = await tokenFor("coordinator", ["05"]);
  tokens.duesseldorf = await tokenFor("coordinator", ["05111"]);
  tokens.funder = await tokenFor("funder");
  ids.tafel = await makeOrganisation({ name: "Tafel Essen e.V.", field: "food" });
  ids.jugend = await makeOrganisation({ name: "Jugendhaus Essen", field: "youth_work" });
  ids.it = await makeOrganisation({ name: "Essen IT GmbH", kind: "company", industry: "it" });
  // History: the youth centre already works with the IT company; another IT company once helped a food project.
  await makeCooperation({ partnerIds: [ids.jugend, ids.it], dateAgreed: "2026-06-01" });
  const food2 = await makeOrganisation({ name: "Suppenküche", field: "food" });
  const it2 = await makeOrganisation({ name: "Byte AG", kind: "company", industry: "it" });
  await makeCooperation({ partnerIds: [food2, it2], dateAgreed: "2026-05-01" });

  ids.event = await makeEvent({ title: "Gute Geschäfte Essen 2026", date: "2026-12-10" });
  ids.other = await makeEvent({ title: "Gute Geschäfte Ruhr 2026", date: "2026-12-11" });
  ids.actionDay = await makeEvent({ kind: "action_day", title: "Aktionstag" });
  await env.DB.prepare("INSERT INTO marketplaces (event_id, place, hall_opens, hall_closes, registration_key) VALUES (?, 'Zeche Zollverein', '16:00', '18:00', ?)")
    .bind(ids.event, "board-test-key-000001")
    .run();
  ids.moderator = await insert("INSERT INTO event_moderators (event_id, name) VALUES (?, 'Anna Moderatorin')", ids.event);
  ids.otherModerator = await insert("INSERT INTO event_moderators (event_id, name) VALUES (?, 'Bernd')", ids.other);

  const rTafel = await registration(ids.event, "nonprofit", "Tafel Essen e.V.", "approved", ids.tafel);
  const rJugend = await registration(ids.event, "nonprofit", "Jugendhaus Essen", "approved", ids.jugend);
  const rIt = (ids.rIt = await registration(ids.event, "company", "Essen IT GmbH", "approved", ids.it, null, "it"));
  const rSpedition = await registration(ids.event, "company", "Spedition Neu", "pending", null, null, "logistics");
  const rRejected = await registration(ids.event, "company", "Abgelehnt AG", "rejected", null);
  ids.needWebsite = await item(rTafel, "need", "know_how", "Hilfe bei der Website", "food");
  ids.needFridge = await item(rTafel, "need", "goods", "Kühlschrank");
  ids.needVolunteers = await item(rJugend, "need", "time", "Ehrenamtliche für Ferienfreizeit", "youth_work");
  ids.needRoom = await item(rJugend, "need", "premises", "Raum für Elternabend");
  ids.offerKnowHow = await item(rIt, "offer", "know_how", "IT-Beratung", "it,youth_work");
  ids.offerTransport = await item(rSpedition, "offer", "transport", "Lkw für einen Tag");
  ids.offerRejected = await item(rRejected, "offer", "know_how", "Beratung");

  const rOther = await registration(ids.other, "company", "Fremd GmbH", "approved", it2);
  ids.otherOffer = await item(rOther, "offer", "know_how", "Beratung woanders");
});

describe("matching board", () => {
  it("suggests talks with score and reasons from registrations, network and history", async () => {
    const res = await board();
    expect(res.status).toBe(200);
    const b = res.json;
    expect(b.event).toMatchObject({ id: ids.event, place: "Zeche Zollverein", hallOpens: "16:00" });
    expect(b.moderators).toEqual([{ id: ids.moderator, name: "Anna Moderatorin" }]);
    // Rejected registrations take no part.
    expect(b.registrations.map((r: any) => r.orgName).sort()).toEqual(["Essen IT GmbH", "Jugendhaus Essen", "Spedition Neu", "Tafel Essen e.V."]);
    expect(b.items.some((i: any) => i.id === ids.offerRejected)).toBe(false);
    expect(b.registrations.find((r: any) => r.orgName === "Tafel Essen e.V.").networkStatus).toBe("isolated");

    const first = find(b.matches, ids.needWebsite, ids.offerKnowHow);
    // 4·1 + 2·(1 of 2 IT cooperations with food) + 0 + 2·same district + 3·first tie (and the IT company's community differs) → 10/12
    expect(first.components).toEqual({ type: 1, affinity: 0.5, tags: 0, distance: 1, network: 1 });
    expect(first.score).toBe(83);
    expect(first.reasonCodes.map((r: any) => r.code)).toEqual(expect.arrayContaining(["same_type", "sector_affinity", "same_district", "first_tie"]));
    expect(first.reasons).toContain("first tie for Tafel Essen e.V., which has no partner yet");
    expect(b.matches[0]).toEqual(first);

    const repeat = find(b.matches, ids.needVolunteers, ids.offerKnowHow);
    expect(repeat.components.network).toBe(0);
    expect(repeat.reasons).toContain("already partners (no new tie)");

    const pending = find(b.matches, ids.needFridge, ids.offerTransport);
    expect(pending.pending).toBe(true);
    expect(pending.reasonCodes).toContainEqual({ code: "pending_registration", params: { organisation: "Spedition Neu" } });

    // The room finds no offer; items of another event never appear.
    expect(b.unmatchedNeedIds).toEqual([ids.needRoom]);
    expect(b.matches.some((m: any) => m.offerItemId === ids.otherOffer)).toBe(false);
    expect((await board(ids.event, undefined, "?perNeed=1")).json.matches.filter((m: any) => m.needItemId === ids.needWebsite)).toHaveLength(1);
  });

  it("is for the organisers of the event's region only", async () => {
    expectError(await board(ids.event, null), 401, "unauthorized");
    expectError(await board(ids.event, tokens.funder), 403, "forbidden");
    expectError(await board(ids.event, tokens.duesseldorf), 403, "forbidden");
    expect((await board(ids.event, tokens.essen)).status).toBe(200);
    expect((await board(ids.event, tokens.nrw)).status).toBe(200);
  });

  it("answers 404 for anything but a marketplace and 422 for bad parameters", async () => {
    expectError(await board(999_999), 404, "not_found");
    expectError(await board(ids.actionDay), 404, "not_found");
    expectError(await call("/api/v1/marketplaces/1e3/board"), 422, "validation_failed");
    expectError(await board(ids.event, undefined, "?perNeed=0"), 422, "validation_failed");
    for (const bad of ["21", "0x10", "1e1", " 3", "3.0", "-1"]) expectError(await board(ids.event, undefined, `?perNeed=${encodeURIComponent(bad)}`), 422, "validation_failed");
  });

  it("pins with moderator and slot, dismisses and reopens", async () => {
    const pin = await decide({ decisions: [{ needItemId: ids.needVolunteers, offerItemId: ids.offerKnowHow, state: "pinned", moderatorId: ids.moderator, talkSlot: "16:30" }] }, ids.event, tokens.essen);
    expect(pin.status).toBe(200);
    expect(pin.json.decisions).toEqual([
      expect.objectContaining({ needItemId: ids.needVolunteers, offerItemId: ids.offerKnowHow, state: "pinned", moderatorId: ids.moderator, talkSlot: "16:30", decidedBy: expect.stringMatching(/^token:/) }),
    ]);
    const audit = await rows<{ action: string; entity: string }>("SELECT action, entity FROM audit_log WHERE entity = 'match_decisions'");
    expect(audit).toHaveLength(1);

    let b = (await board()).json;
    expect(b.matches[0]).toMatchObject({ needItemId: ids.needVolunteers, offerItemId: ids.offerKnowHow, decision: { state: "pinned", talkSlot: "16:30" } });

    await decide({ decisions: [{ needItemId: ids.needWebsite, offerItemId: ids.offerKnowHow, state: "dismissed" }] });
    b = (await board()).json;
    expect(find(b.matches, ids.needWebsite, ids.offerKnowHow)).toBeUndefined();
    expect(find(b.dismissed, ids.needWebsite, ids.offerKnowHow).decision.state).toBe("dismissed");
    // Its need has no other fitting offer now.
    expect(b.unmatchedNeedIds).toContain(ids.needWebsite);

    // A pinned pair whose types do not fit still shows, with type 0.
    await decide({ decisions: [{ needItemId: ids.needRoom, offerItemId: ids.offerTransport, state: "pinned" }] });
    b = (await board()).json;
    expect(find(b.matches, ids.needRoom, ids.offerTransport).components.type).toBe(0);

    const reopen = await decide({ decisions: [{ needItemId: ids.needWebsite, offerItemId: ids.offerKnowHow, state: "open" }, { needItemId: ids.needRoom, offerItemId: ids.offerTransport, state: "open" }] });
    expect(reopen.json.decisions).toEqual([]);
    b = (await board()).json;
    expect(find(b.matches, ids.needWebsite, ids.offerKnowHow).decision).toBeNull();
    expect(await count("match_decisions")).toBe(1);
  });

  it("writes nothing on bad input, another event's items or moderators, or without the right", async () => {
    const ok = { needItemId: ids.needWebsite, offerItemId: ids.offerKnowHow, state: "pinned" };
    const refused = async (body: unknown, status: number, code: string, eventId = ids.event, token?: string | null) => {
      const before = await rows("SELECT * FROM match_decisions ORDER BY need_item_id, offer_item_id");
      const err = await expectRejectedWithoutChange(() => decide(body, eventId, token), status, code);
      expect(await rows("SELECT * FROM match_decisions ORDER BY need_item_id, offer_item_id")).toEqual(before);
      return err;
    };
    let err = await refused({ decisions: [ok, { ...ok, offerItemId: ids.otherOffer }] }, 422, "unknown_reference");
    expect(detailPaths(err)).toEqual(["decisions[1].offerItemId"]);
    err = await refused({ decisions: [{ ...ok, moderatorId: ids.otherModerator }] }, 422, "unknown_reference");
    expect(detailPaths(err)).toEqual(["decisions[0].moderatorId"]);
    err = await refused({ decisions: [{ ...ok, needItemId: ids.offerKnowHow, offerItemId: ids.needWebsite }] }, 422, "validation_failed");
    expect(detailPaths(err)).toEqual(["decisions[0].needItemId", "decisions[0].offerItemId"]);
    await refused({ decisions: [{ ...ok, offerItemId: ids.offerRejected }] }, 422, "validation_failed");
    await refused({ decisions: [{ ...ok, state: "dismissed", moderatorId: ids.moderator }] }, 422, "validation_failed");
    await refused({ decisions: [ok, ok] }, 422, "validation_failed");
    await refused({ decisions: [{ ...ok, talkSlot: "25:00" }] }, 422, "validation_failed");
    await refused({ decisions: [{ ...ok, talkSlot: "16.30" }] }, 422, "validation_failed");
    await refused({ decisions: [{ ...ok, state: "maybe" }] }, 422, "validation_failed");
    await refused({ decisions: [{ ...ok, note: "x" }] }, 422, "validation_failed");
    await refused({ decisions: [] }, 422, "validation_failed");
    await refused({ decisions: Array.from({ length: 201 }, () => ok) }, 422, "validation_failed");
    // The items are this event's, the path names another one.
    await refused({ decisions: [ok] }, 422, "unknown_reference", ids.other);
    await refused({ decisions: [ok] }, 404, "not_found", ids.actionDay);
    await refused({ decisions: [ok] }, 404, "not_found", 999_999);
    await refused({ decisions: [ok] }, 401, "unauthorized", ids.event, null);
    await refused({ decisions: [ok] }, 403, "forbidden", ids.event, tokens.funder);
    await refused({ decisions: [ok] }, 403, "forbidden", ids.event, tokens.duesseldorf);
    expectError(await call(`/api/v1/marketplaces/${ids.event}/board/decisions`, { method: "PUT", rawBody: "{", contentType: "application/json" }), 400, "malformed_json");
    expectError(await call(`/api/v1/marketplaces/${ids.event}/board/decisions`, { method: "PUT", rawBody: "a", contentType: "text/plain" }), 415, "unsupported_media_type");
  });

  it("names double bookings of a participant or a moderator at one time", async () => {
    const at = (needItemId: number, talkSlot: string) => ({ needItemId, offerItemId: ids.offerKnowHow, state: "pinned", moderatorId: ids.moderator, talkSlot });
    await decide({ decisions: [at(ids.needWebsite, "17:00"), at(ids.needVolunteers, "17:00")] });
    const talks = [
      { needItemId: ids.needWebsite, offerItemId: ids.offerKnowHow },
      { needItemId: ids.needVolunteers, offerItemId: ids.offerKnowHow },
    ];
    expect((await board()).json.conflicts).toEqual([
      { talkSlot: "17:00", registrationId: ids.rIt, moderatorId: null, talks },
      { talkSlot: "17:00", registrationId: null, moderatorId: ids.moderator, talks },
    ]);
    await decide({ decisions: [at(ids.needVolunteers, "17:30")] });
    expect((await board()).json.conflicts).toEqual([]);
  });

  it("bounds a read: pending registrations are left out past the pair limit, approved ones past it are a 422", async () => {
    const big = await makeEvent({ title: "Großer Marktplatz" });
    const needs = await registration(big, "nonprofit", "Viele Bedarfe e.V.", "approved", ids.jugend);
    const offers = await registration(big, "company", "Viele Angebote GmbH", "pending", null);
    // 448 × 448 = 200 704 pairs, just over the limit of 200 000.
    for (const [reg, kind] of [[needs, "need"], [offers, "offer"]] as const) {
      await env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 448)
         INSERT INTO registration_items (registration_id, kind, contribution_type, description) SELECT ?, ?, 'time', 'Posten ' || i FROM n`,
      )
        .bind(reg, kind)
        .run();
    }
    const res = await board(big);
    expect(res.status).toBe(200);
    expect(res.json.pendingLeftOut).toBe(true);
    expect(res.json.registrations.map((r: any) => r.orgName)).toEqual(["Viele Bedarfe e.V."]);
    expect(res.json.matches).toEqual([]);
    expect((await board()).json.pendingLeftOut).toBe(false);

    await env.DB.prepare("UPDATE registrations SET status = 'approved', organisation_id = ? WHERE id = ?").bind(ids.it, offers).run();
    const err = expectError(await board(big), 422, "validation_failed");
    expect(err.message).toMatch(/at most 200000 need × offer pairs/);
  });
});
