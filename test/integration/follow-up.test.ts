/**
 * Follow-up by the partners (docs/marketplace.md, "Follow-up"): scheduling per deal, partner and
 * round; links mailed through the recording transport or downloaded as a mail-merge CSV; the
 * public answer page's API with every bad input (expired, reused, another partner's, oversize,
 * flood, racing answers) refused without a write; the answer updating the cooperation; the
 * organiser's board with disagreements and reminders.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { recordedMail } from "../../worker/mail/recording";
import { mailTransport } from "../../worker/mail/transport";
import { disagreement, followUpState } from "../../worker/marketplace/follow-up";
import { ADMIN, call, expectError, expectRejectedWithoutChange, makeCooperation, makeEvent, makeOrganisation, rows, tokenFor, uid } from "./api";

let ipCounter = 0;
/** Each test speaks from its own address, so the flood brake of one test does not touch another. */
const newAddress = () => `203.0.113.${++ipCounter}`;

interface Deal {
  eventId: number;
  cooperationId: number;
  nonprofit: number;
  company: number;
}

/** A marketplace event (in 05113) with one deal between a non-profit and a company, made directly in D1. */
async function marketplaceWithDeal(opts: { months?: string; dueBy?: string | null; eventDate?: string; mail?: boolean; locale?: string } = {}): Promise<Deal> {
  const eventDate = opts.eventDate ?? "2026-01-15";
  const eventId = await makeEvent({ date: eventDate });
  await env.DB.prepare("INSERT INTO marketplaces (event_id, place, follow_up_months, registration_key) VALUES (?, 'Zeche Zollverein', ?, ?)")
    .bind(eventId, opts.months ?? "3,6", uid("key-0123456789abcdef"))
    .run();
  const nonprofit = await makeOrganisation({ kind: "nonprofit", name: uid("Tafel Essen e.V.") });
  const company = await makeOrganisation({ kind: "company", name: uid("Stadtwerke"), contactEmail: opts.mail === false ? null : "csr@stadtwerke.example" });
  // The non-profit's address comes from its registration for the event (with consent), in English unless told.
  await env.DB.prepare(
    `INSERT INTO registrations (event_id, side, org_name, organisation_id, status, contact_name, contact_email, consent_text, consent_at, locale)
     VALUES (?, 'nonprofit', 'Tafel', ?, 'approved', 'Petra Schmidt', ?, 'Ich willige ein …', '2026-01-01T00:00:00Z', ?)`,
  )
    .bind(eventId, nonprofit, opts.mail === false ? null : "petra@tafel.example", opts.locale ?? "en")
    .run();
  const coop = await makeCooperation({ eventId, partnerIds: [nonprofit, company], dateAgreed: eventDate, contributionTypes: ["time"], regionCode: "05113" });
  await env.DB.prepare("INSERT INTO event_deals (cooperation_id, event_id, client_id, agreed_text, due_by, recorded_by) VALUES (?, ?, ?, 'Zehn Azubis streichen die Ausgabestelle', ?, 'token:test')")
    .bind(coop.id, eventId, uid("client-id"), opts.dueBy === undefined ? "2026-03-01" : opts.dueBy)
    .run();
  return { eventId, cooperationId: coop.id, nonprofit, company };
}

/** Issues links for the due requests through the mail-merge download; returns secret by organisation and round. */
async function downloadLinks(eventId: number, which: "due" | "reminders" = "due") {
  const res = await call(`/api/v1/marketplaces/${eventId}/follow-ups/download`, { body: { which } });
  expect(res.status).toBe(200);
  const lines = res.text.replace(/^\uFEFF/, "").trim().split("\r\n");
  const links = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const cells = line.split(";");
    const secret = /#(kl_[A-Za-z0-9_-]+)/.exec(line)![1];
    links.set(`${cells[2]}|${cells[7]}`, secret);
  }
  return { res, lines, links };
}

async function linksOf(deal: Deal) {
  await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/schedule`, { method: "POST" });
  const names = await rows<{ id: number; name: string }>("SELECT id, name FROM organisations WHERE id IN (?, ?)", deal.nonprofit, deal.company);
  const nameOf = (id: number) => names.find((n) => n.id === id)!.name;
  const { links } = await downloadLinks(deal.eventId);
  return (org: number, round = 3) => links.get(`${nameOf(org)}|${round}`)!;
}

const answerBody = { outcome: "done", hours: 40, volunteers: 10, peopleReached: 250, wouldRepeat: true, comment: "Hat gut geklappt.", answeredBy: "Petra Schmidt" };

function answer(secret: string | null, body: unknown = answerBody, address = newAddress()) {
  return call("/api/v1/public/follow-up", { token: null, body, headers: { ...(secret ? { "X-Link-Key": secret } : {}), "CF-Connecting-IP": address } });
}
function question(secret: string | null, address = newAddress()) {
  return call("/api/v1/public/follow-up", { token: null, headers: { ...(secret ? { "X-Link-Key": secret } : {}), "CF-Connecting-IP": address } });
}

/** Every follow-up and link row, to prove a refused answer wrote nothing there either. */
const marketplaceState = () => rows("SELECT * FROM follow_up_requests ORDER BY id").then(async (f) => JSON.stringify([f, await rows("SELECT * FROM capability_links ORDER BY id")]));

async function refusedWithoutWrite(write: () => ReturnType<typeof call>, status: number, code: string) {
  const before = await marketplaceState();
  const err = await expectRejectedWithoutChange(write, status, code);
  expect(await marketplaceState()).toBe(before);
  return err;
}

describe("scheduling", () => {
  it("asks each partner of each deal once per round, months after 'by when' (or the event), idempotently", async () => {
    const deal = await marketplaceWithDeal();
    const first = await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/schedule`, { method: "POST" });
    expect(first.status).toBe(200);
    expect(first.json.created).toBe(4);
    expect((await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/schedule`, { method: "POST" })).json.created).toBe(0);
    const due = await rows<{ organisation_id: number; round_months: number; due_on: string }>(
      "SELECT organisation_id, round_months, due_on FROM follow_up_requests WHERE cooperation_id = ? ORDER BY round_months, organisation_id",
      deal.cooperationId,
    );
    expect(due.map((r) => [r.round_months, r.due_on])).toEqual([[3, "2026-06-01"], [3, "2026-06-01"], [6, "2026-09-01"], [6, "2026-09-01"]]);

    const noDueBy = await marketplaceWithDeal({ dueBy: null, months: "12" });
    await call(`/api/v1/marketplaces/${noDueBy.eventId}/follow-ups/schedule`, { method: "POST" });
    expect((await rows<{ due_on: string }>("SELECT DISTINCT due_on FROM follow_up_requests WHERE cooperation_id = ?", noDueBy.cooperationId)).map((r) => r.due_on)).toEqual(["2027-01-15"]);
    // A round taken out of the settings drops its requests that were never sent.
    await env.DB.prepare("UPDATE marketplaces SET follow_up_months = '3' WHERE event_id = ?").bind(deal.eventId).run();
    await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/schedule`, { method: "POST" });
    expect((await rows("SELECT 1 FROM follow_up_requests WHERE cooperation_id = ? AND round_months = 6", deal.cooperationId)).length).toBe(0);
  });
});

describe("delivery", () => {
  it("mails due links through the configured transport (recording in tests), in the partner's language", async () => {
    expect(mailTransport({ DB: env.DB })).toBeNull();
    const deal = await marketplaceWithDeal();
    const before = recordedMail.length;
    const res = await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/send`, { body: { which: "due" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sent: 4, withoutAddress: 0, failed: 0, more: false });
    const mails = recordedMail.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(["csr@stadtwerke.example", "csr@stadtwerke.example", "petra@tafel.example", "petra@tafel.example"]);
    const english = mails.find((m) => m.to === "petra@tafel.example")!;
    expect(english.subject).toContain("How did your deal");
    expect(english.text).toContain("Zehn Azubis streichen die Ausgabestelle");
    const german = mails.find((m) => m.to === "csr@stadtwerke.example")!;
    expect(german.subject).toContain("Wie ist Ihre Vereinbarung");
    const secret = /#(kl_[A-Za-z0-9_-]{43})/.exec(german.text)![1];
    expect((await question(secret)).status).toBe(200);
    // Sent once: a second run finds nothing due.
    expect((await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/send`, { body: { which: "due" } })).json.sent).toBe(0);
  });

  it("mails a partner who registered in Dutch in Dutch, with the page opening in Dutch", async () => {
    const deal = await marketplaceWithDeal({ locale: "nl" });
    const before = recordedMail.length;
    expect((await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/send`, { body: { which: "due" } })).json.sent).toBe(4);
    const dutch = recordedMail.slice(before).find((m) => m.to === "petra@tafel.example")!;
    expect(dutch.subject).toMatch(/^Hoe is uw afspraak van „.+” verlopen\?$/);
    expect(dutch.text).toContain("op 15-01-2026 heeft");
    expect(dutch.text).toContain("„Zehn Azubis streichen die Ausgabestelle”");
    expect(dutch.text).toMatch(/http:\/\/localhost\/follow-up\?lang=nl#kl_[A-Za-z0-9_-]{43}/);
    const secret = /#(kl_[A-Za-z0-9_-]{43})/.exec(dutch.text)![1];
    expect((await question(secret)).json.locale).toBe("nl");
  });

  it("leaves partners without an address to the mail-merge CSV (German Excel dialect)", async () => {
    const deal = await marketplaceWithDeal({ mail: false });
    const sent = await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/send`, { body: { which: "due" } });
    expect(sent.json).toMatchObject({ sent: 0, withoutAddress: 4 });
    const { res, lines } = await downloadLinks(deal.eventId);
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="follow-ups-\d+-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(lines[0]).toBe("E-Mail;Ansprechperson;Organisation;Partner;Veranstaltung;Datum;Vereinbarung;Runde (Monate);Fällig am;Erinnerung;Link;Gültig bis");
    expect(lines.length).toBe(5);
    expect(lines[1]).toContain(";15.01.2026;");
    expect(lines[1]).toMatch(/;01\.06\.2026;nein;http:\/\/localhost\/follow-up(\?lang=en)?#kl_[A-Za-z0-9_-]{43};\d{2}\.\d{2}\.\d{4}$/);
    const stored = await rows<{ sent_via: string }>("SELECT DISTINCT sent_via FROM follow_up_requests WHERE cooperation_id = ?", deal.cooperationId);
    expect(stored).toEqual([{ sent_via: "download" }]);
    // Downloaded once: the next file has only its header, with the BOM Excel needs for umlauts.
    const { SELF } = await import("cloudflare:test");
    const again = await SELF.fetch(`http://localhost/api/v1/marketplaces/${deal.eventId}/follow-ups/download`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ which: "due", locale: "en" }),
    });
    const bytes = new Uint8Array(await again.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).trim()).toBe("Email,Contact,Organisation,Partners,Event,Date,Agreed,Round (months),Due on,Reminder,Link,Valid until");
  });
});

describe("answering by link", () => {
  let deal: Deal;
  let linkOf: Awaited<ReturnType<typeof linksOf>>;
  beforeAll(async () => {
    deal = await marketplaceWithDeal();
    linkOf = await linksOf(deal);
  });

  it("shows the deal it asks about, then stores the answer on the cooperation, audited with who answered", async () => {
    const q = await question(linkOf(deal.company));
    expect(q.status).toBe(200);
    expect(q.json).toMatchObject({ agreedText: "Zehn Azubis streichen die Ausgabestelle", roundMonths: 3, locale: "de", event: { place: "Zeche Zollverein" } });
    expect(q.json.partnerNames).toHaveLength(1);
    expect(q.headers.get("Cache-Control")).toBe("no-store");
    const revBefore = await rows<{ revision: number }>("SELECT revision FROM region_revisions WHERE region_code = '05113'");
    const res = await answer(linkOf(deal.company));
    expect(res.status).toBe(200);
    expect(res.json.updatesCooperation).toBe(true);
    const [coop] = await rows<Record<string, unknown>>("SELECT status, date_done, hours, volunteers, people_reached FROM cooperations WHERE id = ?", deal.cooperationId);
    expect(coop).toMatchObject({ status: "done", hours: 40, volunteers: 10, people_reached: 250 });
    expect(coop.date_done).toBe(new Date().toISOString().slice(0, 10));
    const [audit] = await rows<{ actor: string; role: string; action: string; detail: string }>("SELECT actor, role, action, detail FROM audit_log WHERE action = 'follow_up_answer' AND entity_id = ?", String(deal.cooperationId));
    expect(audit.actor).toMatch(/^link:\d+$/);
    expect(JSON.parse(audit.detail)).toMatchObject({ answeredBy: "Petra Schmidt", organisationId: deal.company, outcome: "done" });
    const revAfter = await rows<{ revision: number }>("SELECT revision FROM region_revisions WHERE region_code = '05113'");
    expect(revAfter[0].revision).toBeGreaterThan(revBefore[0]?.revision ?? 0);
    // Only its own request is answered.
    const answered = await rows<{ organisation_id: number }>("SELECT organisation_id FROM follow_up_requests WHERE cooperation_id = ? AND answered_at IS NOT NULL", deal.cooperationId);
    expect(answered).toEqual([{ organisation_id: deal.company }]);
  });

  it("refuses a reused link with 410 and writes nothing", async () => {
    const err = await refusedWithoutWrite(() => answer(linkOf(deal.company), { ...answerBody, outcome: "not_feasible" }), 410, "gone");
    expect(err.message).toContain("already been used");
    const again = await question(linkOf(deal.company));
    expect(again.status).toBe(410);
    // One URL for every link: no answer may be cached, or a browser shows this 410 for the next link.
    expect(again.headers.get("Cache-Control")).toBe("no-store");
    expect((await question("kl_" + "C".repeat(43))).headers.get("Cache-Control")).toBe("no-store");
    expect((await answer(linkOf(deal.nonprofit, 6), { outcome: "maybe", answeredBy: "x" })).headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers 404 for a missing, malformed, unknown or expired link, or a link for another purpose", async () => {
    for (const secret of [null, "kl_short", "kl_" + "A".repeat(43), linkOf(deal.nonprofit) + "x"]) {
      expectError(await question(secret), 404, "not_found");
      await refusedWithoutWrite(() => answer(secret), 404, "not_found");
    }
    const other = await marketplaceWithDeal();
    const otherLinks = await linksOf(other);
    await env.DB.prepare("UPDATE capability_links SET expires_at = '2020-01-01T00:00:00.000Z' WHERE subject_id = (SELECT id FROM follow_up_requests WHERE cooperation_id = ? AND organisation_id = ? AND round_months = 3) AND purpose = 'follow_up'")
      .bind(other.cooperationId, other.company)
      .run();
    const err = await refusedWithoutWrite(() => answer(otherLinks(other.company)), 404, "not_found");
    expect(err.message).toBe("This link is not valid (unknown, expired or withdrawn)");
    // The same secret stored for another purpose opens nothing here.
    await env.DB.prepare("UPDATE capability_links SET purpose = 'registration_edit', expires_at = '2099-01-01T00:00:00.000Z' WHERE subject_id = (SELECT id FROM follow_up_requests WHERE cooperation_id = ? AND organisation_id = ? AND round_months = 3) AND purpose = 'follow_up'")
      .bind(other.cooperationId, other.company)
      .run();
    await refusedWithoutWrite(() => answer(otherLinks(other.company)), 404, "not_found");
  });

  it("answers 404 when the link's organisation is no longer a partner of the deal (another partner's request)", async () => {
    const other = await marketplaceWithDeal();
    const links = await linksOf(other);
    const stranger = await makeOrganisation({ kind: "company", name: uid("Fremdfirma") });
    // The company leaves the deal; a stranger takes its place. Its old link opens nothing now.
    const res = await call(`/api/v1/cooperations/${other.cooperationId}`, { method: "PATCH", body: { partnerIds: [other.nonprofit, stranger] } });
    expect(res.status).toBe(200);
    await refusedWithoutWrite(() => answer(links(other.company)), 404, "not_found");
    expectError(await question(links(other.company)), 404, "not_found");
  });

  it("refuses oversize and invalid answers with 422 and leaves the link usable", async () => {
    const secret = linkOf(deal.nonprofit, 6);
    const err = await refusedWithoutWrite(() => answer(secret, { ...answerBody, comment: "x".repeat(2001) }), 422, "validation_failed");
    expect(err.details!.map((d) => d.path)).toEqual(["comment"]);
    const many = await refusedWithoutWrite(
      () => answer(secret, { outcome: "maybe", hours: -1, volunteers: 1.5, answeredBy: "", extra: 1 }),
      422,
      "validation_failed",
    );
    expect(many.details!.map((d) => d.path)).toEqual(expect.arrayContaining(["outcome", "hours", "volunteers", "answeredBy", "extra"]));
    await refusedWithoutWrite(() => call("/api/v1/public/follow-up", { token: null, rawBody: "outcome=done", contentType: "text/plain", headers: { "X-Link-Key": secret } }), 415, "unsupported_media_type");
    expect((await question(secret)).status).toBe(200);
  });

  it("brakes a flood from one address with 429 and Retry-After, before reading the link", async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await question("kl_" + "B".repeat(43), address)).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    const res = await answer(linkOf(deal.nonprofit, 6), answerBody, address);
    expectError(res, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await rows("SELECT 1 FROM follow_up_requests WHERE cooperation_id = ? AND organisation_id = ? AND round_months = 6 AND answered_at IS NOT NULL", deal.cooperationId, deal.nonprofit)).length).toBe(0);
    // Another address is not braked.
    expect((await question(linkOf(deal.nonprofit, 6))).status).toBe(200);
  });

  it("stores exactly one of two answers racing with the same link", async () => {
    const race = await marketplaceWithDeal();
    const links = await linksOf(race);
    const auditBefore = (await rows("SELECT 1 FROM audit_log WHERE action = 'follow_up_answer'")).length;
    const [a, b] = await Promise.all([answer(links(race.nonprofit), { ...answerBody, hours: 1 }), answer(links(race.nonprofit), { ...answerBody, hours: 2 })]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    expectError(a.status === 410 ? a : b, 410, "gone");
    const stored = await rows<{ hours: number }>("SELECT hours FROM follow_up_requests WHERE cooperation_id = ? AND answered_at IS NOT NULL", race.cooperationId);
    expect(stored).toHaveLength(1);
    const [coop] = await rows<{ hours: number }>("SELECT hours FROM cooperations WHERE id = ?", race.cooperationId);
    expect(coop.hours).toBe(stored[0].hours);
    expect((await rows("SELECT 1 FROM audit_log WHERE action = 'follow_up_answer'")).length).toBe(auditBefore + 1);
  });

  it("does not let a late answer of an earlier round undo a later round's answer", async () => {
    const late = await marketplaceWithDeal();
    const links = await linksOf(late);
    expect((await answer(links(late.company, 6), { ...answerBody, outcome: "done", hours: 80 })).status).toBe(200);
    const res = await answer(links(late.nonprofit, 3), { ...answerBody, outcome: "ongoing", hours: 5 });
    expect(res.json.updatesCooperation).toBe(false);
    expect((await rows<{ status: string; hours: number }>("SELECT status, hours FROM cooperations WHERE id = ?", late.cooperationId))[0]).toEqual({ status: "done", hours: 80 });
  });
});

describe("the organiser's board", () => {
  it("shows due, answered and disagreeing requests, and sends reminders for overdue ones", async () => {
    const deal = await marketplaceWithDeal();
    const links = await linksOf(deal);
    await answer(links(deal.company), { ...answerBody, outcome: "done", hours: 40 });
    await answer(links(deal.nonprofit), { ...answerBody, outcome: "not_feasible", hours: 40, answeredBy: "Max Muster" });
    const res = await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups`);
    expect(res.status).toBe(200);
    expect(res.json.mail).toEqual({ configured: true, transport: "recording" });
    expect(res.json.counts).toMatchObject({ answered: 2, sent: 2, due: 0, disagreeing: 1 });
    expect(res.json.disagreements).toEqual([expect.objectContaining({ cooperationId: deal.cooperationId, roundMonths: 3, on: ["outcome"] })]);
    const answered = res.json.items.filter((i: any) => i.state === "answered");
    expect(answered.map((i: any) => [i.answeredBy, i.outcome, i.disagrees]).sort()).toEqual([["Max Muster", "not_feasible", true], ["Petra Schmidt", "done", true]]);

    // Fifteen days without an answer: overdue, a reminder goes out with a fresh link; the old one is withdrawn.
    await env.DB.prepare("UPDATE follow_up_requests SET sent_at = ? WHERE cooperation_id = ? AND round_months = 6").bind(new Date(Date.now() - 15 * 86_400_000).toISOString(), deal.cooperationId).run();
    const overdue = await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups`);
    expect(overdue.json.counts).toMatchObject({ overdue: 2, remindable: 2 });
    const before = recordedMail.length;
    const sent = await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/send`, { body: { which: "reminders" } });
    expect(sent.json.sent).toBe(2);
    const reminder = recordedMail.slice(before).find((m) => m.to === "csr@stadtwerke.example")!;
    expect(reminder.subject).toMatch(/^Erinnerung: /);
    expectError(await question(links(deal.company, 6)), 404, "not_found");
    expect((await question(/#(kl_[A-Za-z0-9_-]{43})/.exec(reminder.text)![1])).status).toBe(200);
    const after = await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups`);
    expect(after.json.items.filter((i: any) => i.roundMonths === 6).map((i: any) => [i.state, i.reminders])).toEqual([["sent", 1], ["sent", 1]]);
  });

  it("is the organiser's: 401 without a token, 403 for another region's coordinator, 404 for an unknown or non-marketplace event", async () => {
    const deal = await marketplaceWithDeal();
    expectError(await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups`, { token: null }), 401, "unauthorized");
    const stranger = await tokenFor("coordinator", ["09162"]);
    expectError(await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups`, { token: stranger }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/send`, { token: stranger, body: { which: "due" } }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/download`, { token: stranger, body: { which: "due" } }), 403, "forbidden");
    const own = await tokenFor("coordinator", ["05113"]);
    expect((await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups`, { token: own })).status).toBe(200);
    const funder = await tokenFor("funder");
    expectError(await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups`, { token: funder }), 403, "forbidden");
    expectError(await call(`/api/v1/marketplaces/999999/follow-ups`), 404, "not_found");
    const plain = await makeEvent({ kind: "action_day" });
    expectError(await call(`/api/v1/marketplaces/${plain}/follow-ups`), 404, "not_found");
    const bad = expectError(await call(`/api/v1/marketplaces/${deal.eventId}/follow-ups/send`, { body: { which: "everyone" } }), 422, "validation_failed");
    expect(bad.details!.map((d) => d.path)).toEqual(["which"]);
    expectError(await call(`/api/v1/marketplaces/0x10/follow-ups`, { token: ADMIN }), 422, "validation_failed");
  });
});

describe("states and disagreement (pure)", () => {
  it("moves a request from upcoming through due and sent to overdue", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const base = { dueOn: "2026-12-01", sentAt: null, lastRemindedAt: null, answeredAt: null };
    expect(followUpState(base, now)).toBe("upcoming");
    expect(followUpState({ ...base, dueOn: "2026-11-30" }, now)).toBe("due");
    expect(followUpState({ ...base, dueOn: "2026-11-01", sentAt: "2026-11-20T00:00:00Z" }, now)).toBe("sent");
    expect(followUpState({ ...base, dueOn: "2026-11-01", sentAt: "2026-11-10T00:00:00Z" }, now)).toBe("overdue");
    expect(followUpState({ ...base, dueOn: "2026-11-01", sentAt: "2026-11-01T00:00:00Z", lastRemindedAt: "2026-11-25T00:00:00Z" }, now)).toBe("sent");
    expect(followUpState({ ...base, answeredAt: "2026-11-02T00:00:00Z" }, now)).toBe("answered");
  });

  it("disagrees on the outcome and on figures more than a quarter apart", () => {
    const a = { outcome: "done" as const, hours: 40, volunteers: 10, peopleReached: null };
    expect(disagreement(a, { ...a, hours: 42 })).toEqual([]);
    expect(disagreement(a, { ...a, hours: 20, outcome: "ongoing" })).toEqual(["outcome", "hours"]);
    expect(disagreement(a, { ...a, volunteers: null, peopleReached: 300 })).toEqual([]);
  });
});
