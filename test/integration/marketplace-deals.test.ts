/**
 * Deals at the marketplace (docs/marketplace.md, "Deal sheet"): the organiser's routes and the
 * phone's deal-sheet link. A deal becomes one cooperation of the event, once per client id — also
 * when it is resent or sent twice at the same time; a dead link is a 404; items and partners of
 * another event are refused; nothing is written on bad input; the regions' revisions move.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymousViewer } from "../../worker/lib/auth";
import { createDb } from "../../worker/db/client";
import { MAX_DEALS_PER_EVENT } from "../../worker/lib/limits";
import { issueLink } from "../../worker/links/capability";
import { findMarketplace, recordDeal } from "../../worker/marketplace/deals";
import { call, count, expectError, expectRejectedWithoutChange, makeOrganisation, rows, tokenFor, uid } from "./api";

const LINK = "X-Link-Key";

interface Market {
  eventId: number;
  np: number;
  co: number;
  needId: number;
  offerId: number;
  pendingOrg: number;
}

/** A marketplace in `region` with an approved non-profit (need) and company (offer), and a pending registrant. */
async function market(region = "05113", date = "2026-10-01", moneyAllowed = false): Promise<Market> {
  const np = await makeOrganisation({ name: uid("Tafel"), kind: "nonprofit", regionCode: region });
  // The company is registered in a neighbouring district: its region's revision must move too.
  const co = await makeOrganisation({ name: uid("Bäckerei"), kind: "company", regionCode: "05111" });
  const pendingOrg = await makeOrganisation({ name: uid("Verein"), kind: "nonprofit", regionCode: region });
  const ev = await call("/api/v1/events", { body: { kind: "marketplace", title: uid("Gute Geschäfte"), date, regionCode: region } });
  expect(ev.status).toBe(201);
  const eventId = ev.json.id as number;
  // Registrations are written directly (the workspace's routes make them in the product).
  await env.DB.batch([
    env.DB.prepare("INSERT INTO marketplaces (event_id, place, money_allowed, registration_key) VALUES (?, 'Rathaus', ?, ?)").bind(eventId, moneyAllowed ? 1 : 0, uid("key-0123456789abcdef")),
    env.DB.prepare("INSERT INTO registrations (event_id, side, org_name, organisation_id, status) VALUES (?, 'nonprofit', 'Tafel', ?, 'approved')").bind(eventId, np),
    env.DB.prepare("INSERT INTO registrations (event_id, side, org_name, organisation_id, status) VALUES (?, 'company', 'Bäckerei', ?, 'approved')").bind(eventId, co),
    env.DB.prepare("INSERT INTO registrations (event_id, side, org_name, candidate_organisation_id, status) VALUES (?, 'nonprofit', 'Verein', ?, 'pending')").bind(eventId, pendingOrg),
  ]);
  const regs = await rows<{ id: number; side: string; status: string }>("SELECT id, side, status FROM registrations WHERE event_id = ? ORDER BY id", eventId);
  await env.DB.batch([
    env.DB.prepare("INSERT INTO registration_items (registration_id, kind, contribution_type, description) VALUES (?, 'need', 'transport', 'Lebensmittel abholen')").bind(regs[0].id),
    env.DB.prepare("INSERT INTO registration_items (registration_id, kind, contribution_type, description) VALUES (?, 'offer', 'transport', 'Transporter mit Fahrer')").bind(regs[1].id),
  ]);
  const items = await rows<{ id: number; kind: string }>(
    "SELECT i.id, i.kind FROM registration_items i JOIN registrations r ON r.id = i.registration_id WHERE r.event_id = ? ORDER BY i.id",
    eventId,
  );
  return { eventId, np, co, pendingOrg, needId: items[0].id, offerId: items[1].id };
}

async function dealSheetLink(eventId: number, token?: string) {
  const res = await call(`/api/v1/marketplaces/${eventId}/deal-sheet-links`, { method: "POST", token });
  expect(res.status).toBe(201);
  expect(res.json.path).toBe(`/deal-sheet#${res.json.secret}`);
  return res.json.secret as string;
}

const sendByLink = (secret: string, body: unknown) => call("/api/v1/public/deal-sheet/deals", { token: null, headers: { [LINK]: secret }, body });

/** Rows of the marketplace tables the core snapshot does not cover. */
const marketCounts = async () => ({ deals: await count("event_deals"), links: await count("capability_links") });

const revisions = async () =>
  Object.fromEntries((await rows<{ region_code: string; revision: number }>("SELECT region_code, revision FROM region_revisions")).map((r) => [r.region_code, r.revision]));

let m: Market;
let secret: string;
beforeAll(async () => {
  m = await market();
  secret = await dealSheetLink(m.eventId);
});

describe("recording a deal", () => {
  it("from a pinned pair: one cooperation of the event, with partners, region, type, date, audit and revisions", async () => {
    const before = await revisions();
    const res = await call(`/api/v1/marketplaces/${m.eventId}/deals`, {
      body: { clientId: uid("c"), needItemId: m.needId, offerItemId: m.offerId, agreedText: "Zwei Fahrten im Oktober", dueBy: "2026-10-31", hours: 6, valueEur: 1250.5 },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ eventId: m.eventId, contributionType: "transport", dateAgreed: "2026-10-01", dueBy: "2026-10-31", status: "agreed", valueEur: 1250.5 });
    expect(res.json.partners.map((p: { id: number; side: string }) => [p.id, p.side])).toEqual([
      [m.np, "nonprofit"],
      [m.co, "company"],
    ]);
    const coop = await call(`/api/v1/cooperations/${res.json.cooperationId}`);
    expect(coop.json).toMatchObject({ eventId: m.eventId, regionCode: "05113", status: "agreed", dateAgreed: "2026-10-01", contributionTypes: ["transport"], format: "marketplace" });
    expect([...coop.json.partnerIds].sort()).toEqual([m.np, m.co].sort());
    const audit = await rows<{ actor: string; entity: string; entity_id: string }>("SELECT actor, entity, entity_id FROM audit_log WHERE entity = 'cooperations' AND entity_id = ?", String(res.json.cooperationId));
    expect(audit).toEqual([{ actor: "bootstrap", entity: "cooperations", entity_id: String(res.json.cooperationId) }]);
    // Figures of the event's region, the company's region and their state are marked stale.
    const after = await revisions();
    for (const code of ["05113", "05111", "05"]) expect(after[code] ?? 0).toBeGreaterThan(before[code] ?? 0);
  });

  it("by the deal-sheet link, from scratch: recorded by the link; a resend answers 200 with the stored deal", async () => {
    const clientId = uid("phone");
    const body = { clientId, partnerIds: [m.co, m.np], contributionType: "know_how", agreedText: "Bewerbungstraining", dueBy: "2026-12-01", valueEur: 1250.5 };
    const first = await sendByLink(secret, body);
    expect(first.status).toBe(201);
    const coops = await count("cooperations");
    const again = await sendByLink(secret, { ...body, agreedText: "changed on the phone meanwhile" });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await count("cooperations")).toBe(coops);
    const [deal] = await rows<{ recorded_by: string }>("SELECT recorded_by FROM event_deals WHERE client_id = ?", clientId);
    expect(deal.recorded_by).toMatch(/^link:\d+$/);
    // The organiser sees it in the event's list.
    const list = await call(`/api/v1/marketplaces/${m.eventId}/deals`);
    expect(list.json.data.map((d: { clientId: string }) => d.clientId)).toContain(clientId);
  });

  it("two concurrent sends of one deal store it once", async () => {
    const before = { coops: await count("cooperations"), deals: await count("event_deals"), partners: await count("cooperation_partners"), audit: await count("audit_log") };
    const body = { clientId: uid("race"), partnerIds: [m.np, m.co], contributionType: "goods", agreedText: "Brot für das Sommerfest" };
    const results = await Promise.all([sendByLink(secret, body), sendByLink(secret, body), call(`/api/v1/marketplaces/${m.eventId}/deals`, { body })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json.cooperationId)).size).toBe(1);
    expect(await count("cooperations")).toBe(before.coops + 1);
    expect(await count("event_deals")).toBe(before.deals + 1);
    expect(await count("cooperation_partners")).toBe(before.partners + 2);
    expect(await count("audit_log")).toBe(before.audit + 1);

    // Both past the "already stored?" check before either writes: the second batch fails on the
    // client id as a whole and answers the first one's deal.
    const event = await findMarketplace(createDb(env.DB), m.eventId);
    const input = { ...body, clientId: uid("race"), contributionType: "goods" as const };
    const raced = await Promise.all([recordDeal(createDb(env.DB), event, input, anonymousViewer), recordDeal(createDb(env.DB), event, input, anonymousViewer)]);
    expect(raced.map((r) => r.created).sort()).toEqual([false, true]);
    expect(raced[0].deal).toEqual(raced[1].deal);
    expect(await count("cooperations")).toBe(before.coops + 2);
    expect(await count("cooperation_partners")).toBe(before.partners + 4);
  });

  it("the deal sheet lists the approved partners, their items and pinned pairs — no contact data", async () => {
    await env.DB.prepare("UPDATE registrations SET contact_name = 'Erika Muster', contact_email = 'erika@example.org', consent_text = 'ok', consent_at = '2026-09-01' WHERE event_id = ? AND side = 'company'").bind(m.eventId).run();
    await env.DB.prepare("INSERT INTO match_decisions (event_id, need_item_id, offer_item_id, state, talk_slot, decided_by) VALUES (?, ?, ?, 'pinned', '10:30', 'token:1')").bind(m.eventId, m.needId, m.offerId).run();
    const res = await call("/api/v1/public/deal-sheet", { token: null, headers: { [LINK]: secret } });
    expect(res.status).toBe(200);
    expect(res.json.partners.map((p: { id: number }) => p.id).sort()).toEqual([m.np, m.co].sort());
    expect(res.json.partners.map((p: { id: number }) => p.id)).not.toContain(m.pendingOrg);
    expect(res.json.items.map((i: { id: number }) => i.id)).toEqual([m.needId, m.offerId]);
    expect(res.json.pairs).toEqual([{ needItemId: m.needId, offerItemId: m.offerId, talkSlot: "10:30", hasDeal: true }]);
    expect(res.text).not.toMatch(/Erika|example\.org/);
  });
});

describe("links that do not open the deal sheet", () => {
  const body = () => ({ clientId: uid("x"), partnerIds: [m.np, m.co], contributionType: "time", agreedText: "x" });

  it("unknown, missing, expired, withdrawn, another purpose or a deleted event: the same 404, nothing written", async () => {
    const expired = await issueLink(env.DB, "deal_sheet", m.eventId, "2020-01-01T00:00:00.000Z");
    const otherPurpose = await issueLink(env.DB, "registration_edit", m.eventId);
    await env.DB.batch([expired.statement, otherPurpose.statement]);
    const flipped = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    for (const key of [flipped, expired.secret, otherPurpose.secret, "kl_short", ""]) {
      const before = await marketCounts();
      await expectRejectedWithoutChange(() => call("/api/v1/public/deal-sheet/deals", { token: null, headers: key ? { [LINK]: key } : {}, body: body() }), 404, "not_found");
      expectError(await call("/api/v1/public/deal-sheet", { token: null, headers: key ? { [LINK]: key } : {} }), 404, "not_found");
      expect(await marketCounts()).toEqual(before);
    }
    // A dead link is a 404 even when the body is bad: the link is checked first.
    expectError(await call("/api/v1/public/deal-sheet/deals", { token: null, headers: { [LINK]: flipped }, body: { nonsense: true } }), 404, "not_found");

    const gone = await market();
    const goneSecret = await dealSheetLink(gone.eventId);
    expect((await call(`/api/v1/events/${gone.eventId}`, { method: "DELETE" })).status).toBe(204);
    expectError(await sendByLink(goneSecret, { ...body(), partnerIds: [gone.np, gone.co] }), 404, "not_found");
  });

  it("withdrawn by the organiser", async () => {
    const other = await market();
    const s = await dealSheetLink(other.eventId);
    expect((await call("/api/v1/public/deal-sheet", { token: null, headers: { [LINK]: s } })).status).toBe(200);
    expect((await call(`/api/v1/marketplaces/${other.eventId}/deal-sheet-links`, { method: "DELETE" })).status).toBe(204);
    await expectRejectedWithoutChange(() => sendByLink(s, { ...body(), partnerIds: [other.np, other.co] }), 404, "not_found");
  });
});

describe("refused deals write nothing", () => {
  it("items and partners of another event, pending registrants", async () => {
    const other = await market();
    const cases: [unknown, number, string, string][] = [
      [{ needItemId: other.needId, offerItemId: m.offerId }, 422, "unknown_reference", "needItemId"],
      [{ needItemId: m.needId, offerItemId: other.offerId }, 422, "unknown_reference", "offerItemId"],
      [{ needItemId: m.offerId, offerItemId: m.needId }, 422, "unknown_reference", "needItemId"],
      [{ partnerIds: [m.np, other.co], contributionType: "time" }, 422, "unknown_reference", "partnerIds[1]"],
      [{ partnerIds: [m.pendingOrg, m.co], contributionType: "time" }, 422, "unknown_reference", "partnerIds[0]"],
    ];
    for (const [fields, status, code, path] of cases) {
      const before = await marketCounts();
      const err = await expectRejectedWithoutChange(() => sendByLink(secret, { clientId: uid("bad"), agreedText: "x", ...(fields as object) }), status, code);
      expect(err.details?.map((d) => d.path)).toContain(path);
      expect(await marketCounts()).toEqual(before);
    }
    // The organiser of one event cannot record into another event's link or path.
    const otherSecret = await dealSheetLink(other.eventId);
    await expectRejectedWithoutChange(() => sendByLink(otherSecret, { clientId: uid("bad"), needItemId: m.needId, offerItemId: m.offerId, agreedText: "x" }), 422, "unknown_reference");
    // A client id already used at another event is a conflict, not that event's deal.
    const used = await sendByLink(secret, { clientId: uid("shared"), partnerIds: [m.np, m.co], contributionType: "time", agreedText: "x" });
    expect(used.status).toBe(201);
    await expectRejectedWithoutChange(() => sendByLink(otherSecret, { clientId: used.json.clientId, partnerIds: [other.np, other.co], contributionType: "time", agreedText: "x" }), 409, "conflict");
  });

  it("bad and oversized input", async () => {
    const base = { clientId: uid("v"), partnerIds: [m.np, m.co], contributionType: "time", agreedText: "Ein Tag im Garten" };
    const cases: [Record<string, unknown>, string][] = [
      [{ agreedText: "x".repeat(2001) }, "agreedText"],
      [{ agreedText: "   " }, "agreedText"],
      [{ clientId: "short" }, "clientId"],
      [{ clientId: "a".repeat(65) }, "clientId"],
      [{ contributionType: undefined }, "contributionType"],
      [{ contributionType: "money" }, "contributionType"],
      [{ partnerIds: [m.np, m.np] }, "partnerIds[1]"],
      [{ partnerIds: [m.np] }, "partnerIds"],
      [{ needItemId: m.needId }, "partnerIds"],
      [{ dueBy: "2026-09-30" }, "dueBy"],
      [{ dueBy: "03.10.2026" }, "dueBy"],
      [{ hours: -1 }, "hours"],
      [{ valueEur: "1.250,50" }, "valueEur"],
      [{ volunteers: 1.5 }, "volunteers"],
      [{ extra: 1 }, "extra"],
    ];
    for (const [patch, path] of cases) {
      const before = await marketCounts();
      const err = await expectRejectedWithoutChange(() => sendByLink(secret, { ...base, clientId: uid("v"), ...patch }), 422, "validation_failed");
      expect(err.details?.map((d) => d.path), JSON.stringify(patch)).toContain(path);
      expect(await marketCounts()).toEqual(before);
    }
    await expectRejectedWithoutChange(() => sendByLink(secret, { ...base, agreedText: "x".repeat(300_000) }), 413, "payload_too_large");
    await expectRejectedWithoutChange(
      () => call("/api/v1/public/deal-sheet/deals", { token: null, headers: { [LINK]: secret }, rawBody: JSON.stringify(base), contentType: "text/plain" }),
      415,
      "unsupported_media_type",
    );
  });

  it("an event stores at most MAX_DEALS_PER_EVENT deals; a resend of a stored one still answers", async () => {
    const full = await market();
    const s = await dealSheetLink(full.eventId);
    const first = await sendByLink(s, { clientId: uid("full"), partnerIds: [full.np, full.co], contributionType: "time", agreedText: "x" });
    expect(first.status).toBe(201);
    // The rest of the event's deals written directly (a hall's worth of sends would take minutes).
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO cooperations (region_code, event_id, date_agreed, status, source, external_ref) SELECT '05113', ?, '2026-10-01', 'agreed', 'fill', 'fill-' || ? || '-' || i FROM n`,
    ).bind(MAX_DEALS_PER_EVENT - 1, full.eventId, full.eventId).run();
    await env.DB.prepare(
      `INSERT INTO event_deals (cooperation_id, event_id, client_id, agreed_text, recorded_by) SELECT id, event_id, 'fill-client-' || id, 'x', 'test' FROM cooperations WHERE source = 'fill' AND event_id = ?`,
    ).bind(full.eventId).run();
    const err = await expectRejectedWithoutChange(() => sendByLink(s, { clientId: uid("over"), partnerIds: [full.np, full.co], contributionType: "time", agreedText: "x" }), 409, "conflict");
    expect(err.message).toMatch(String(MAX_DEALS_PER_EVENT));
    expect((await sendByLink(s, { clientId: first.json.clientId, partnerIds: [full.np, full.co], contributionType: "time", agreedText: "x" })).status).toBe(200);
  });

  it("money where the house rule allows it", async () => {
    const rich = await market("05113", "2026-10-01", true);
    const s = await dealSheetLink(rich.eventId);
    expect((await sendByLink(s, { clientId: uid("m"), partnerIds: [rich.np, rich.co], contributionType: "money", agreedText: "Spende" })).status).toBe(201);
  });
});

describe("organiser routes", () => {
  it("a coordinator of the region may; another region's coordinator, a funder and anonymous callers may not", async () => {
    const own = await tokenFor("coordinator", ["05113"]);
    const elsewhere = await tokenFor("coordinator", ["09162"]);
    const funder = await tokenFor("funder");
    expect((await call(`/api/v1/marketplaces/${m.eventId}/deals`, { token: own })).status).toBe(200);
    await dealSheetLink(m.eventId, own);
    const body = { clientId: uid("o"), partnerIds: [m.np, m.co], contributionType: "time", agreedText: "x" };
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}/deals`, { token: elsewhere, body }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}/deals`, { token: funder, body }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${m.eventId}/deals`, { token: null, body }), 401, "unauthorized");
    const links = await count("capability_links");
    expectError(await call(`/api/v1/marketplaces/${m.eventId}/deal-sheet-links`, { method: "POST", token: elsewhere }), 403, "forbidden");
    expectError(await call(`/api/v1/marketplaces/${m.eventId}/deals`, { token: funder }), 403, "forbidden");
    expect(await count("capability_links")).toBe(links);
  });

  it("an event that is no marketplace, or none at all: 404", async () => {
    const ev = await call("/api/v1/events", { body: { kind: "action_day", title: uid("Aktionstag"), date: "2026-06-01", regionCode: "05113" } });
    for (const id of [ev.json.id, 999999]) {
      expectError(await call(`/api/v1/marketplaces/${id}/deals`), 404, "not_found");
      await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${id}/deals`, { body: { clientId: uid("n"), partnerIds: [m.np, m.co], contributionType: "time", agreedText: "x" } }), 404, "not_found");
      expectError(await call(`/api/v1/marketplaces/${id}/deal-sheet-links`, { method: "POST" }), 404, "not_found");
    }
  });
});
