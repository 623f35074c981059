/**
 * The public event calendar of a region: JSON, the iCalendar feed (parsed with ical.js as a
 * calendar program would, and checked for RFC 5545's CRLF, folding and escaping) and the public
 * event page with its schema.org Event JSON-LD. Nothing non-public shows.
 */
import { env } from "cloudflare:test";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, makeOrganisation } from "./api";

// Erzgebirgskreis (14521) is used by no other test file.
const R = "14521";
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const LONG_TITLE = "Sozialer Tag im Erzgebirge; Unternehmen, Vereine & Schulen packen gemeinsam an – Ärmel hoch für Annaberg-Buchholz, Aue und Marienberg";
const PRIVATE_MAIL = "geheim@verein.example";
let ids: Record<string, number>;

beforeAll(async () => {
  ids = {
    publicOrganiser: await makeOrganisation({ name: "Bürgerstiftung Erzgebirge", kind: "intermediary", regionCode: R, isPublic: true }),
    privateOrganiser: await makeOrganisation({ name: "Verborgener Förderverein", kind: "intermediary", regionCode: R, contactEmail: PRIVATE_MAIL, contactName: "Heimlich" }),
  };
  const social = await call("/api/v1/events", { body: { kind: "social_day", title: LONG_TITLE, date: future(20), regionCode: R, organiserId: ids.publicOrganiser } });
  expect(social.status, social.text).toBe(201);
  ids.social = social.json.id;
  const hidden = await call("/api/v1/events", { body: { kind: "round_table", title: "Runder Tisch Wirtschaft </script><b>", date: future(30), regionCode: R, organiserId: ids.privateOrganiser } });
  ids.roundTable = hidden.json.id;
  const action = await call("/api/v1/events", { body: { kind: "action_72h", title: "72-Stunden-Aktion Erzgebirge", date: future(50), regionCode: R } });
  ids.action = action.json.id;
  // Three days: the action day's last day (migration 0010).
  await env.DB.prepare("INSERT INTO action_days (event_id, end_date, project_key, team_key) VALUES (?, ?, ?, ?)").bind(ids.action, future(52), "pk_calendar_test_0001", "tk_calendar_test_0001").run();
  const market = await call("/api/v1/marketplaces", { body: { title: "Gute Geschäfte Erzgebirge", date: future(60), regionCode: R, place: "Rathaus Annaberg, Markt 1" } });
  expect(market.status, market.text).toBe(201);
  ids.market = market.json.eventId;
  ids.registrationPath = market.json.registrationPath;
  await call("/api/v1/events", { body: { kind: "other", title: "Längst vorbei", date: "2020-05-01", regionCode: R } });
});

describe("GET /api/v1/regions/{code}/calendar", () => {
  it("lists the region's coming events with what a public page may show", async () => {
    const res = await call(`/api/v1/regions/${R}/calendar`, { token: null });
    expect(res.status, res.text).toBe(200);
    const byId = new Map(res.json.events.map((e: { id: number }) => [e.id, e]));
    expect(res.json.events.map((e: { id: number }) => e.id)).toEqual([ids.social, ids.roundTable, ids.action, ids.market]);
    expect(byId.get(ids.social)).toMatchObject({ kind: "social_day", organiserName: "Bürgerstiftung Erzgebirge", registrationPath: null });
    expect(byId.get(ids.roundTable)).toMatchObject({ organiserName: null });
    expect(byId.get(ids.action)).toMatchObject({ date: future(50), endDate: future(52), registrationPath: "/action-day/tk_calendar_test_0001", projectRegistrationPath: "/action-day/pk_calendar_test_0001" });
    expect(byId.get(ids.market)).toMatchObject({ projectRegistrationPath: null });
    expect(byId.get(ids.market)).toMatchObject({ place: "Rathaus Annaberg, Markt 1", registrationPath: ids.registrationPath });
    expect(res.text).not.toContain("Verborgener Förderverein");
    expect(res.text).not.toContain(PRIVATE_MAIL);
    expect(res.json.feedPath).toBe(`/api/v1/regions/${R}/calendar.ics`);
  });

  it("answers 404 for an unknown region", async () => {
    expectError(await call("/api/v1/regions/99999/calendar", { token: null }), 404, "not_found");
    expectError(await call("/api/v1/regions/99999/calendar.ics", { token: null }), 404, "not_found");
  });
});

describe("GET /api/v1/regions/{code}/calendar.ics", () => {
  it("is RFC 5545 text/calendar: CRLF only, lines folded at 75 octets", async () => {
    const res = await call(`/api/v1/regions/${R}/calendar.ics`, { token: null });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(res.text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(res.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of res.text.split("\r\n")) expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
    // The long title needed folding.
    expect(res.text).toMatch(/\r\n [^\r\n]/);
  });

  it("parses in a calendar library with every event, escaped text intact, stable UIDs and all-day dates", async () => {
    const res = await call(`/api/v1/regions/${R}/calendar.ics`, { token: null });
    const cal = new ICAL.Component(ICAL.parse(res.text));
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.getFirstPropertyValue("prodid")).toBeTruthy();
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([LONG_TITLE, "Runder Tisch Wirtschaft </script><b>", "72-Stunden-Aktion Erzgebirge", "Gute Geschäfte Erzgebirge"]);
    const [social, , action, market] = events;
    expect(social.uid).toBe(`event-${ids.social}@localhost`);
    expect(social.startDate.isDate).toBe(true);
    expect(social.startDate.toString()).toBe(future(20));
    expect(social.endDate.toString()).toBe(future(21));
    expect(social.description).toContain("Bürgerstiftung Erzgebirge");
    expect(action.endDate.toString()).toBe(future(53));
    expect(market.location).toBe("Rathaus Annaberg, Markt 1, Erzgebirgskreis");
    expect(market.description).toContain(`http://localhost${ids.registrationPath}`);
    for (const v of cal.getAllSubcomponents("vevent")) expect(v.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(res.text).not.toContain("Verborgener Förderverein");
    expect(res.text).not.toContain(PRIVATE_MAIL);
    // Escaping as the RFC says (a library also parses unescaped commas, so check the text too).
    expect(res.text.replace(/\r\n /g, "")).toContain("SUMMARY:Sozialer Tag im Erzgebirge\\; Unternehmen\\, Vereine & Schulen");
  });

  it("names the formats in the language asked for", async () => {
    const en = await call(`/api/v1/regions/${R}/calendar.ics?locale=en`, { token: null });
    expect(en.text).toContain("CATEGORIES:Social day");
    expectError(await call(`/api/v1/regions/${R}/calendar.ics?locale=fr`, { token: null }), 422, "validation_failed");
  });
});

describe("the public event page /events/{id}", () => {
  it("carries schema.org Event JSON-LD as a data block, allowed by the policy without inline scripts", async () => {
    const res = await call(`/events/${ids.market}`, { token: null });
    expect(res.status).toBe(200);
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.text);
    expect(block).not.toBeNull();
    const ld = JSON.parse(block![1]);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "Gute Geschäfte Erzgebirge",
      startDate: future(60),
      location: { "@type": "Place", name: "Rathaus Annaberg, Markt 1" },
      offers: { url: `http://localhost${ids.registrationPath}` },
    });
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    // No other script on the page.
    expect(res.text.match(/<script/g)).toHaveLength(1);
  });

  it("escapes what could close the data block, and names no hidden organiser", async () => {
    const res = await call(`/events/${ids.roundTable}`, { token: null });
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.text)!;
    expect(JSON.parse(block[1]).name).toBe("Runder Tisch Wirtschaft </script><b>");
    expect(JSON.parse(block[1]).organizer).toBeUndefined();
    expect(res.text).not.toContain("<b>");
    expect(res.text).not.toContain("Verborgener Förderverein");
  });

  it("is 404 for an unknown event", async () => {
    const res = await call("/events/999999", { token: null });
    expect(res.status).toBe(404);
  });
});
