/**
 * An event's own results (docs/marketplace.md, "The event's results"): the organiser's figures and
 * lists, who may read them, and the public variant under the small-numbers rule (docs/privacy.md)
 * — a cell of 1 or 2 non-public organisations reads "<3" and is not given back by subtraction,
 * neither within the event nor as the region's month minus another event.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, tokenFor } from "./api";

const anonymous = (path: string) => call(path, { token: null });

let n = 0;
async function org(regionCode: string, kind: "company" | "nonprofit", isPublic = true) {
  const res = await call("/api/v1/organisations", { body: { name: `Markt ${kind} ${++n}`, kind, regionCode, isPublic } });
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id as number;
}

async function event(regionCode: string, date: string, kind = "marketplace") {
  const res = await call("/api/v1/events", { body: { kind, title: `Gute Geschäfte ${++n}`, date, regionCode } });
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id as number;
}

async function deal(partnerIds: number[], dateAgreed: string, status: string, eventId?: number, contributionTypes = ["time"]) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds, dateAgreed, status, eventId, contributionTypes, regionCode: undefined } });
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id as number;
}

/** An approved registration with need items; returns the item ids. */
async function registration(eventId: number, organisationId: number, needs: string[]) {
  const r = await env.DB.prepare(
    "INSERT INTO registrations (event_id, side, org_name, organisation_id, status) SELECT ?, 'nonprofit', name, id, 'approved' FROM organisations WHERE id = ? RETURNING id",
  )
    .bind(eventId, organisationId)
    .first<{ id: number }>();
  const ids: number[] = [];
  for (const type of needs) {
    const item = await env.DB.prepare("INSERT INTO registration_items (registration_id, kind, contribution_type, description) VALUES (?, 'need', ?, ?) RETURNING id")
      .bind(r!.id, type, `Wir brauchen ${type}`)
      .first<{ id: number }>();
    ids.push(item!.id);
  }
  return ids;
}

async function namesDeal(cooperationId: number, eventId: number, needItemId: number) {
  await env.DB.prepare("INSERT INTO event_deals (cooperation_id, event_id, client_id, need_item_id, agreed_text, recorded_by) VALUES (?, ?, ?, ?, 'Zwei Tage Hilfe', 'token:1')")
    .bind(cooperationId, eventId, `client-${cooperationId}-xyz`, needItemId)
    .run();
}

/** With a visible total, exactly one withheld part is the total minus the others. */
const oneWithheld = (total: unknown, parts: unknown[]) => typeof total === "number" && parts.filter((p) => p === "<3").length === 1;

describe("the organiser's results", () => {
  let essen: number;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    for (const k of ["n1", "n2", "n3", "n4"]) ids[k] = await org("05113", "nonprofit");
    for (const k of ["c1", "c2", "c3"]) ids[k] = await org("05113", "company");
    await deal([ids.c1, ids.n1], "2025-05-01", "done");
    // A cancelled earlier deal is no tie: c3 and n4 still count as without partner.
    await deal([ids.c3, ids.n4], "2025-06-01", "cancelled");
    essen = await event("05113", "2026-10-03");
    await deal([ids.c1, ids.n1], "2026-10-03", "done", essen);
    const d2 = await deal([ids.c1, ids.n2], "2026-10-03", "done", essen);
    await deal([ids.c2, ids.n3], "2026-10-03", "agreed", essen, ["know_how"]);
    await deal([ids.c3, ids.n4], "2026-10-03", "not_feasible", essen);
    const [named, premises] = await registration(essen, ids.n2, ["time", "premises"]);
    await namesDeal(d2, essen, named);
    // n3's know-how need is met by a deal written from scratch (no item named): same partner, same type.
    await registration(essen, ids.n3, ["know_how", "transport"]);
    expect(premises).toBeGreaterThan(named);
  });

  it("counts deals by status, fulfilment, new ties, first partners and unmet needs", async () => {
    const res = await call(`/api/v1/marketplaces/${essen}/results`);
    expect(res.status).toBe(200);
    const r = res.json;
    expect(r.event).toMatchObject({ id: essen, date: "2026-10-03", regionCode: "05113" });
    expect(r.deals).toEqual({ total: 4, active: 3, byStatus: { agreed: 1, done: 2, ongoing: 0, cancelled: 0, not_feasible: 1 }, fulfilmentRate: 0.5 });
    expect(r.ties).toEqual({ total: 3, new: 2, earlier: 1 });
    expect(r.partners).toEqual({ total: 5, firstPartner: 3 });
    expect(r.firstPartners.map((o: { id: number }) => o.id).sort()).toEqual([ids.n2, ids.c2, ids.n3].sort());
    expect(r.newTies.map((t: { a: { id: number }; b: { id: number } }) => [t.a.id, t.b.id])).toEqual([
      [ids.n2, ids.c1].sort((a, b) => a - b),
      [ids.n3, ids.c2].sort((a, b) => a - b),
    ].sort((x, y) => x[0] - y[0]));
    expect(r.needs).toEqual({ total: 4, met: 2, unmet: 2, unmetByType: { premises: 1, transport: 1 } });
    expect(r.unmetNeeds.map((x: { organisation: { id: number }; contributionType: string }) => [x.organisation.id, x.contributionType])).toEqual([
      [ids.n2, "premises"],
      [ids.n3, "transport"],
    ]);
    expect(r.followUps).toEqual({ total: 0, answered: 0, overdue: 0 });
  });

  it("flows into the region's fulfilment rate and its marketplace format", async () => {
    const m = (await call("/api/v1/regions/05113/metrics?from=2026-10-01&to=2026-10-31")).json;
    expect(m.cooperations.byFormat.marketplace).toBe(4);
    expect(m.cooperations.fulfilmentRateByFormat.marketplace).toBe(0.5);
  });

  it("is for the event's organisers only", async () => {
    const path = `/api/v1/marketplaces/${essen}/results`;
    expect((await call(path, { token: await tokenFor("coordinator", ["05113"]) })).status).toBe(200);
    expect((await call(path, { token: await tokenFor("coordinator", ["05"]) })).status).toBe(200);
    expectError(await call(path, { token: await tokenFor("coordinator", ["09162"]) }), 403, "forbidden");
    expectError(await call(path, { token: await tokenFor("funder") }), 403, "forbidden");
    expectError(await anonymous(path), 401, "unauthorized");
  });

  it("answers 404 for an event that is no marketplace, unknown or deleted, 422 for a bad id", async () => {
    const roundTable = await event("05113", "2026-10-04", "round_table");
    expectError(await call(`/api/v1/marketplaces/${roundTable}/results`), 404, "not_found");
    expectError(await anonymous(`/api/v1/public/marketplaces/${roundTable}/results`), 404, "not_found");
    expectError(await call("/api/v1/marketplaces/999999/results"), 404, "not_found");
    const gone = await event("05113", "2026-10-05");
    expect((await call(`/api/v1/events/${gone}`, { method: "DELETE" })).status).toBe(204);
    expectError(await anonymous(`/api/v1/public/marketplaces/${gone}/results`), 404, "not_found");
    expectError(await call("/api/v1/marketplaces/1e3/results"), 422, "validation_failed");
  });

  it("shows the public the same counts without names when no small cell is involved", async () => {
    const r = (await anonymous(`/api/v1/public/marketplaces/${essen}/results`)).json;
    expect(r.deals).toEqual({ total: 4, active: 3, byStatus: { agreed: 1, done: 2, ongoing: 0, cancelled: 0, not_feasible: 1 }, fulfilmentRate: 0.5 });
    expect(r.ties).toEqual({ total: 3, new: 2 });
    expect(r.partners).toEqual({ total: 5, firstPartner: 3 });
    expect(r.needs).toEqual({ total: 4, unmet: 2, unmetByType: { premises: 1, transport: 1 } });
    expect(JSON.stringify(r)).not.toMatch(/Markt (company|nonprofit)/);
  });
});

describe("the public results", () => {
  // Munich, October 2026: event P with two non-public organisations in its failed deal and an
  // unmet need of one of them; event Q in the same region and month with three others.
  let p: number;
  let q: number;
  beforeAll(async () => {
    const pub = [await org("09162", "company"), await org("09162", "nonprofit"), await org("09162", "company"), await org("09162", "nonprofit")];
    const x = await org("09162", "nonprofit", false);
    const y = await org("09162", "company", false);
    p = await event("09162", "2026-10-10");
    q = await event("09162", "2026-10-24");
    await deal([pub[0], pub[1]], "2026-10-10", "done", p);
    await deal([pub[2], pub[3]], "2026-10-10", "done", p);
    await deal([pub[0], pub[3]], "2026-10-10", "agreed", p);
    await deal([x, y], "2026-10-10", "not_feasible", p);
    // Q's three non-public partners make the region's month safe to show as a whole.
    const z = [await org("09162", "nonprofit", false), await org("09162", "company", false), await org("09162", "nonprofit", false)];
    await deal([z[0], z[1]], "2026-10-24", "done", q);
    await deal([z[2], pub[0]], "2026-10-24", "done", q);
    await deal([pub[0], pub[2]], "2026-10-24", "agreed", q);
    await registration(p, x, ["premises"]);
    await registration(p, pub[1], ["goods"]);
  });

  it("withholds a cell of 1–2 non-public organisations, and what would give it back", async () => {
    const r = (await anonymous(`/api/v1/public/marketplaces/${p}/results`)).json;
    const s = r.deals.byStatus;
    expect(s.not_feasible).toBe("<3");
    expect(r.deals.fulfilmentRate).toBeNull();
    expect(oneWithheld(r.deals.total, [s.agreed, s.done, s.ongoing, s.cancelled, s.not_feasible])).toBe(false);
    expect(oneWithheld(r.deals.total, [r.deals.active, s.cancelled, s.not_feasible])).toBe(false);
    expect(oneWithheld(r.deals.active, [s.agreed, s.done, s.ongoing])).toBe(false);
    // x's unmet premises: the need and every figure it could be read from.
    expect(r.needs.unmetByType.premises).toBe("<3");
    expect(oneWithheld(r.needs.unmet, Object.values(r.needs.unmetByType))).toBe(false);
    // Signed in: unchanged.
    const full = (await call(`/api/v1/public/marketplaces/${p}/results`)).json;
    expect(full.deals.byStatus.not_feasible).toBe(1);
    expect(full.needs.unmetByType).toEqual({ premises: 1, goods: 1 });
  });

  it("is not the region's month minus the other event", async () => {
    const [rp, rq, region] = await Promise.all([
      anonymous(`/api/v1/public/marketplaces/${p}/results`),
      anonymous(`/api/v1/public/marketplaces/${q}/results`),
      anonymous("/api/v1/regions/09162/metrics?from=2026-10-01&to=2026-10-31"),
    ]);
    const P = rp.json.deals;
    const Q = rq.json.deals;
    const R = region.json.cooperations;
    // Whatever one response withholds, the others must not give back: per status, the region's
    // month is P + Q (no other cooperations there). Non-public organisations stand behind P's and
    // the region's failed deals (x, y) and behind Q's done deals (z); a withheld cell of public
    // organisations only may be recomputed (it names no one).
    for (const status of ["done", "not_feasible"]) {
      const known = [R.byStatus[status], P.byStatus[status], Q.byStatus[status]];
      expect(known.filter((v) => v === "<3").length, status).not.toBe(1);
    }
    expect(R.byFormat.marketplace).toBe(7);
    expect(P.total).toBe("<3");
    expect([R.byFormat.marketplace, P.total, Q.total].filter((v) => v === "<3").length).not.toBe(1);
  });

  it("is embeddable as a chart of the public figures", async () => {
    const page = await call(`/embed/marketplace?event=${p}`, { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Ergebnisse des Marktplatzes");
    // The withheld cells read "< 3" in the table, and the note says why.
    expect(page.text).toMatch(/<td class="num">&lt; 3<\/td>/);
    expect(page.text).toContain("zum Schutz einzelner Organisationen");
    const data = JSON.parse(/<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(page.text)![1]);
    expect(data.loaded.data.rows.find((r: { figure: string }) => r.figure === "deals").value).toBe("<3");
    expect((await call("/embed/marketplace", { token: null })).status).toBe(422);
    expect((await call("/embed/marketplace?event=999999", { token: null })).status).toBe(404);
  });
});
