/**
 * Organisers in the network: an intermediary that organises events is not "isolated", and the
 * broker score counts the ties between organisations that met first at its events.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../worker/db/client";
import { scopeBrokerScores } from "../../worker/network/broker-score";
import { call, makeOrganisation } from "./api";

// Potsdam-Mittelmark (12069) is used by no other test file; the window ends 2024-06-30.
const R = "12069";
const TO = "2024-06-30";
let ids: Record<string, number>;

async function coop(partners: number[], date: string, extra: Record<string, unknown> = {}) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds: partners, dateAgreed: date, status: "done", contributionTypes: ["time"], ...extra } });
  if (res.status !== 201) throw new Error(res.text);
}

beforeAll(async () => {
  ids = {
    agency: await makeOrganisation({ name: "Freiwilligenagentur Mittelmark", kind: "intermediary", regionCode: R, isPublic: true }),
    idle: await makeOrganisation({ name: "Stiftung ohne Veranstaltung", kind: "intermediary", regionCode: R }),
    A: await makeOrganisation({ name: "Bau GmbH Werder", kind: "company", regionCode: R, industry: "construction" }),
    B: await makeOrganisation({ name: "Landbäckerei Beelitz", kind: "company", regionCode: R, industry: "food" }),
    N1: await makeOrganisation({ name: "Kita Sonnenschein e.V.", kind: "nonprofit", regionCode: R, field: "youth_work" }),
    N2: await makeOrganisation({ name: "Seniorentreff Teltow e.V.", kind: "nonprofit", regionCode: R, field: "elderly" }),
  };
  const ev = await call("/api/v1/events", {
    body: { kind: "marketplace", title: "Marktplatz Mittelmark 2024", date: "2024-03-01", regionCode: R, organiserId: ids.agency, participantIds: [ids.A, ids.B, ids.N1, ids.N2] },
  });
  expect(ev.status, ev.text).toBe(201);
  await coop([ids.A, ids.N1], "2024-03-01", { eventId: ev.json.id }); // made at the event: brokered
  await coop([ids.B, ids.N2], "2024-04-15"); // met there, cooperated later: brokered
  await coop([ids.A, ids.N2], "2023-01-10"); // cooperated before the event: not brokered
  await coop([ids.A, ids.N2], "2024-05-01");
});

describe("organisers in the network", () => {
  it("an intermediary that organised an event in the window is not isolated; one that did not, is", async () => {
    const agency = await call(`/api/v1/organisations/${ids.agency}/metrics?to=${TO}`);
    expect(agency.status, agency.text).toBe(200);
    expect(agency.json.metrics.degree).toBe(0);
    expect(agency.json.metrics.status).toBe("connected");
    const idle = await call(`/api/v1/organisations/${ids.idle}/metrics?to=${TO}`);
    expect(idle.json.metrics.status).toBe("isolated");
    const list = await call(`/api/v1/regions/${R}/isolated?to=${TO}`);
    expect(list.status, list.text).toBe(200);
    const listed = (list.json.organisations as { organisationId: number }[]).map((i) => i.organisationId);
    expect(listed).toContain(ids.idle);
    expect(listed).not.toContain(ids.agency);
  });

  it("counts the ties brokered at its events: the deal made there and the later one, not the older pair", async () => {
    const scores = await scopeBrokerScores(createDb(env.DB), R, { from: "2022-07-01", to: TO });
    expect(scores.get(ids.agency)?.score).toBe(2);
    expect(scores.get(ids.agency)?.pairs.sort()).toEqual([[ids.A, ids.N1], [ids.B, ids.N2]].sort());
    expect(scores.has(ids.idle)).toBe(false);
  });
});
