/**
 * The role × region matrix (README, Access): admin (bootstrap and a created admin token);
 * coordinator scoped to Essen (05113); coordinator scoped to the state NRW (05: covers 05113 and
 * 05913); funder; anonymous. Reads (which rows, which fields), writes in and outside the scope,
 * token management, audit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, call, expectError, expectRejectedWithoutChange, makeCooperation, makeEvent, makeOrganisation, tokenFor, walk } from "./api";
import { importFile } from "../fixtures/import/report";

type Viewer = "admin" | "adminToken" | "coordEssen" | "coordNRW" | "funder" | "anonymous";
const VIEWERS: Viewer[] = ["admin", "adminToken", "coordEssen", "coordNRW", "funder", "anonymous"];
const tokens = {} as Record<Viewer, string | null>;

type Org = "essenPublic" | "essenPrivate" | "dortmundPublic" | "dortmundPrivate" | "frankfurtPublic" | "frankfurtPrivate";
const ORGS: Org[] = ["essenPublic", "essenPrivate", "dortmundPublic", "dortmundPrivate", "frankfurtPublic", "frankfurtPrivate"];
const REGION_OF: Record<string, string> = { essen: "05113", dortmund: "05913", frankfurt: "06412" };
const org = {} as Record<Org, number>;
const contact = (o: Org) => ({ contactName: `Kontakt ${o}`, contactEmail: `${o.toLowerCase()}@example.org` });

type Coop = "essen" | "dortmund" | "frankfurt";
const coop = {} as Record<Coop, number>;
const event = {} as Record<Coop, number>;

/** What each viewer may see. */
const SEES: Record<Viewer, { orgs: Org[]; contacts: Org[]; coops: Coop[] | "401"; essenParticipants: Org[] }> = {
  admin: { orgs: ORGS, contacts: ORGS, coops: ["essen", "dortmund", "frankfurt"], essenParticipants: ["essenPublic", "essenPrivate", "frankfurtPrivate"] },
  adminToken: { orgs: ORGS, contacts: ORGS, coops: ["essen", "dortmund", "frankfurt"], essenParticipants: ["essenPublic", "essenPrivate", "frankfurtPrivate"] },
  coordEssen: {
    orgs: ["essenPublic", "essenPrivate", "dortmundPublic", "frankfurtPublic"],
    contacts: ["essenPublic", "essenPrivate"],
    coops: ["essen"],
    essenParticipants: ["essenPublic", "essenPrivate"],
  },
  coordNRW: {
    orgs: ["essenPublic", "essenPrivate", "dortmundPublic", "dortmundPrivate", "frankfurtPublic"],
    contacts: ["essenPublic", "essenPrivate", "dortmundPublic", "dortmundPrivate"],
    coops: ["essen", "dortmund"],
    essenParticipants: ["essenPublic", "essenPrivate"],
  },
  funder: { orgs: ORGS, contacts: [], coops: ["essen", "dortmund", "frankfurt"], essenParticipants: ["essenPublic", "essenPrivate", "frankfurtPrivate"] },
  anonymous: { orgs: ["essenPublic", "dortmundPublic", "frankfurtPublic"], contacts: [], coops: "401", essenParticipants: ["essenPublic"] },
};

/** Region-scoped writes: which regions each viewer may write to (null = no write at all). */
const WRITES: Record<Viewer, { status: number; code: string } | string[]> = {
  admin: ["05113", "05913", "06412"],
  adminToken: ["05113", "05913", "06412"],
  coordEssen: ["05113"],
  coordNRW: ["05113", "05913"],
  funder: { status: 403, code: "forbidden" },
  anonymous: { status: 401, code: "unauthorized" },
};

const sortIds = (ids: number[]) => [...ids].sort((a, b) => a - b);

beforeAll(async () => {
  tokens.admin = ADMIN;
  tokens.adminToken = await tokenFor("admin");
  tokens.coordEssen = await tokenFor("coordinator", ["05113"]);
  tokens.coordNRW = await tokenFor("coordinator", ["05"]);
  tokens.funder = await tokenFor("funder");
  tokens.anonymous = null;
  for (const o of ORGS) {
    const city = o.replace(/(Public|Private)$/, "");
    org[o] = await makeOrganisation({
      name: `Matrix ${o}`,
      kind: o.endsWith("Public") ? "nonprofit" : "company",
      regionCode: REGION_OF[city],
      isPublic: o.endsWith("Public"),
      ...contact(o),
    });
  }
  for (const city of ["essen", "dortmund", "frankfurt"] as Coop[]) {
    coop[city] = (await makeCooperation({ partnerIds: [org[`${city}Public` as Org], org[`${city}Private` as Org]], notes: "Matrix" })).id;
    expect((await call(`/api/v1/cooperations/${coop[city]}`)).json.regionCode).toBe(REGION_OF[city]);
  }
  event.essen = await makeEvent({ title: "Matrix Essen", regionCode: "05113", participantIds: [org.essenPublic, org.essenPrivate, org.frankfurtPrivate] });
  event.dortmund = await makeEvent({ title: "Matrix Dortmund", regionCode: "05913" });
  event.frankfurt = await makeEvent({ title: "Matrix Frankfurt", regionCode: "06412", participantIds: [org.frankfurtPublic] });
});

function expectOrgFields(viewer: Viewer, o: Org, body: any) {
  const sees = SEES[viewer].contacts.includes(o);
  expect({ id: body.id, contactName: body.contactName, contactEmail: body.contactEmail }, `${viewer} reading ${o}`).toEqual({
    id: org[o],
    ...(sees ? contact(o) : { contactName: null, contactEmail: null }),
  });
}

describe("reading", () => {
  it.each(VIEWERS)("%s: organisation list has the right rows and personal fields", async (viewer) => {
    const res = await call("/api/v1/organisations?q=Matrix&limit=500", { token: tokens[viewer] });
    expect(res.status, res.text).toBe(200);
    expect(sortIds(res.json.data.map((o: any) => o.id))).toEqual(sortIds(SEES[viewer].orgs.map((o) => org[o])));
    for (const item of res.json.data) expectOrgFields(viewer, ORGS.find((o) => org[o] === item.id)!, item);
    if (SEES[viewer].contacts.length === 0) {
      expect(res.text).not.toMatch(/Kontakt |@example\.org/);
    }
  });

  it.each(VIEWERS)("%s: single organisations: visible → 200 with the right fields, else 404", async (viewer) => {
    for (const o of ORGS) {
      const res = await call(`/api/v1/organisations/${org[o]}`, { token: tokens[viewer] });
      if (SEES[viewer].orgs.includes(o)) {
        expect(res.status, `${viewer} ${o}: ${res.text}`).toBe(200);
        expectOrgFields(viewer, o, res.json);
      } else {
        expectError(res, 404, "not_found");
      }
    }
  });

  it.each(VIEWERS)("%s: region filter respects the viewer (region=05)", async (viewer) => {
    const res = await call("/api/v1/organisations?q=Matrix&region=05&limit=500", { token: tokens[viewer] });
    const expected = SEES[viewer].orgs.filter((o) => !o.startsWith("frankfurt")).map((o) => org[o]);
    expect(sortIds(res.json.data.map((o: any) => o.id))).toEqual(sortIds(expected));
  });

  it.each(VIEWERS)("%s: cooperation list and single cooperations", async (viewer) => {
    const sees = SEES[viewer].coops;
    const list = await call("/api/v1/cooperations?q=Matrix&limit=500", { token: tokens[viewer] });
    const state = await call("/api/v1/cooperations?q=Matrix&region=05&limit=500", { token: tokens[viewer] });
    if (sees === "401") {
      expectError(list, 401, "unauthorized");
      expectError(state, 401, "unauthorized");
      for (const c of Object.values(coop)) expectError(await call(`/api/v1/cooperations/${c}`, { token: null }), 401, "unauthorized");
      return;
    }
    expect(list.status, list.text).toBe(200);
    expect(sortIds(list.json.data.map((c: any) => c.id))).toEqual(sortIds(sees.map((c) => coop[c])));
    expect(sortIds(state.json.data.map((c: any) => c.id))).toEqual(sortIds(sees.filter((c) => c !== "frankfurt").map((c) => coop[c])));
    for (const c of ["essen", "dortmund", "frankfurt"] as Coop[]) {
      const res = await call(`/api/v1/cooperations/${coop[c]}`, { token: tokens[viewer] });
      if (sees.includes(c)) {
        expect(res.status, res.text).toBe(200);
        expect(res.json.partnerIds).toEqual(sortIds([org[`${c}Public` as Org], org[`${c}Private` as Org]]));
      } else expectError(res, 404, "not_found");
    }
  });

  it.each(VIEWERS)("%s: events are public; participants only where the organisation is visible", async (viewer) => {
    const list = await call("/api/v1/events?q=Matrix&sort=id", { token: tokens[viewer] });
    expect(list.status, list.text).toBe(200);
    expect(list.json.data.map((e: any) => e.id)).toEqual([event.essen, event.dortmund, event.frankfurt]);
    const essen = list.json.data[0];
    expect(essen.participantIds).toEqual(sortIds(SEES[viewer].essenParticipants.map((o) => org[o])));
    // Anonymous callers: 3 minus the visible ids would name the hidden participants (docs/privacy.md).
    expect(essen.participantCount).toBe(viewer === "anonymous" ? "<3" : 3);
    const single = await call(`/api/v1/events/${event.essen}`, { token: tokens[viewer] });
    expect(single.json).toEqual(essen);
  });

  it.each(VIEWERS)("%s: personal-data export", async (viewer) => {
    for (const o of ["essenPrivate", "dortmundPublic", "frankfurtPrivate"] as Org[]) {
      const res = await call(`/api/v1/organisations/${org[o]}/personal-data`, { token: tokens[viewer] });
      if (viewer === "anonymous") expectError(res, 401, "unauthorized");
      else if (viewer === "funder") expectError(res, 403, "forbidden");
      else if (SEES[viewer].contacts.includes(o)) {
        expect(res.status, res.text).toBe(200);
        expect(res.json).toMatchObject({ organisationId: org[o], ...contact(o) });
      } else if (SEES[viewer].orgs.includes(o)) expectError(res, 403, "forbidden");
      else expectError(res, 404, "not_found");
    }
  });
});

describe("writing", () => {
  const allowed = (viewer: Viewer, region: string) => {
    const w = WRITES[viewer];
    return Array.isArray(w) ? w.includes(region) : false;
  };
  /** Status and code of a refused write: 401 anonymous, 403 otherwise. */
  const refusal = (viewer: Viewer): [number, string] => (viewer === "anonymous" ? [401, "unauthorized"] : [403, "forbidden"]);

  it.each(VIEWERS)("%s: create organisation in 05113 / 05913 / 06412", async (viewer) => {
    for (const region of ["05113", "05913", "06412"]) {
      const send = () => call("/api/v1/organisations", { token: tokens[viewer], body: { name: `Neu ${viewer} ${region}`, kind: "company", regionCode: region } });
      if (allowed(viewer, region)) {
        const res = await send();
        expect(res.status, `${viewer} ${region}: ${res.text}`).toBe(201);
        expect(res.json.regionCode).toBe(region);
      } else await expectRejectedWithoutChange(send, ...refusal(viewer));
    }
  });

  it.each(VIEWERS)("%s: update organisations in and outside the scope", async (viewer) => {
    for (const o of ["essenPrivate", "essenPublic", "dortmundPublic", "dortmundPrivate", "frankfurtPublic", "frankfurtPrivate"] as Org[]) {
      const region = REGION_OF[o.replace(/(Public|Private)$/, "")];
      const send = () => call(`/api/v1/organisations/${org[o]}`, { token: tokens[viewer], method: "PATCH", body: { postcode: "45127" } });
      if (allowed(viewer, region)) {
        const res = await send();
        expect(res.status, `${viewer} ${o}: ${res.text}`).toBe(200);
        expect(res.json.postcode).toBe("45127");
      } else if (viewer !== "anonymous" && viewer !== "funder" && !SEES[viewer].orgs.includes(o)) {
        // invisible to this coordinator: answered like a missing record, without revealing it
        await expectRejectedWithoutChange(send, 404, "not_found");
      } else await expectRejectedWithoutChange(send, ...refusal(viewer));
    }
  });

  it.each(["coordEssen", "coordNRW"] as Viewer[])("%s: cannot move an own organisation out of its regions", async (viewer) => {
    const id = await makeOrganisation({ name: "Umzug", regionCode: "05113" });
    await expectRejectedWithoutChange(() => call(`/api/v1/organisations/${id}`, { token: tokens[viewer], method: "PATCH", body: { regionCode: "06412" } }), 403, "forbidden");
  });

  it.each(VIEWERS)("%s: delete organisations in and outside the scope", async (viewer) => {
    for (const city of ["essen", "dortmund", "frankfurt"]) {
      for (const isPublic of [true, false]) {
        const id = await makeOrganisation({ name: `Löschziel ${city}`, regionCode: REGION_OF[city], isPublic });
        const send = () => call(`/api/v1/organisations/${id}`, { token: tokens[viewer], method: "DELETE" });
        const visible = isPublic || viewer === "funder" || viewer.startsWith("admin") || allowed(viewer, REGION_OF[city]);
        if (allowed(viewer, REGION_OF[city])) {
          expect((await send()).status, `${viewer} ${city}`).toBe(204);
          expect((await call(`/api/v1/organisations/${id}`)).status).toBe(404);
        } else if (viewer !== "anonymous" && !visible) await expectRejectedWithoutChange(send, 404, "not_found");
        else await expectRejectedWithoutChange(send, ...refusal(viewer));
      }
    }
  });

  it.each(VIEWERS)("%s: create, update, delete events in and outside the scope", async (viewer) => {
    for (const city of ["essen", "dortmund", "frankfurt"] as Coop[]) {
      const region = REGION_OF[city];
      const create = () => call("/api/v1/events", { token: tokens[viewer], body: { kind: "social_day", title: `Neu ${viewer}`, date: "2024-07-01", regionCode: region } });
      const update = () => call(`/api/v1/events/${event[city]}`, { token: tokens[viewer], method: "PATCH", body: { notes: `von ${viewer}` } });
      const target = await makeEvent({ regionCode: region });
      const remove = () => call(`/api/v1/events/${target}`, { token: tokens[viewer], method: "DELETE" });
      if (allowed(viewer, region)) {
        expect((await create()).status, `${viewer} create ${city}`).toBe(201);
        const upd = await update();
        expect(upd.status, upd.text).toBe(200);
        expect(upd.json.notes).toBe(`von ${viewer}`);
        expect((await remove()).status).toBe(204);
      } else {
        await expectRejectedWithoutChange(create, ...refusal(viewer));
        await expectRejectedWithoutChange(update, ...refusal(viewer));
        await expectRejectedWithoutChange(remove, ...refusal(viewer));
      }
    }
  });

  it.each(VIEWERS)("%s: create cooperations in and outside the scope (default and explicit region)", async (viewer) => {
    for (const city of ["essen", "dortmund", "frankfurt"] as Coop[]) {
      const region = REGION_OF[city];
      const byPartners = () => call("/api/v1/cooperations", { token: tokens[viewer], body: { partnerIds: [org[`${city}Public` as Org], org[`${city}Private` as Org]], dateAgreed: "2024-08-01", status: "agreed" } });
      // partners from Essen, but explicitly placed in `region`
      const explicit = () => call("/api/v1/cooperations", { token: tokens[viewer], body: { partnerIds: [org.essenPublic, org.essenPrivate], regionCode: region, dateAgreed: "2024-08-01", status: "agreed" } });
      for (const send of [byPartners, explicit]) {
        if (allowed(viewer, region)) {
          const res = await send();
          expect(res.status, `${viewer} ${city}: ${res.text}`).toBe(201);
          expect(res.json.regionCode).toBe(region);
        } else await expectRejectedWithoutChange(send, ...refusal(viewer));
      }
    }
  });

  it.each(VIEWERS)("%s: update and delete cooperations in and outside the scope", async (viewer) => {
    for (const city of ["essen", "dortmund", "frankfurt"] as Coop[]) {
      const region = REGION_OF[city];
      const update = () => call(`/api/v1/cooperations/${coop[city]}`, { token: tokens[viewer], method: "PATCH", body: { hours: 7 } });
      const target = (await makeCooperation({ partnerIds: [org[`${city}Public` as Org], org[`${city}Private` as Org]] })).id;
      const remove = () => call(`/api/v1/cooperations/${target}`, { token: tokens[viewer], method: "DELETE" });
      if (allowed(viewer, region)) {
        const upd = await update();
        expect(upd.status, upd.text).toBe(200);
        expect(upd.json.hours).toBe(7);
        expect((await remove()).status).toBe(204);
      } else if (viewer === "coordEssen" || viewer === "coordNRW") {
        // cooperations outside a coordinator's regions are invisible to it: 404, not revealed
        await expectRejectedWithoutChange(update, 404, "not_found");
        await expectRejectedWithoutChange(remove, 404, "not_found");
      } else {
        await expectRejectedWithoutChange(update, ...refusal(viewer));
        await expectRejectedWithoutChange(remove, ...refusal(viewer));
      }
    }
  });

  it.each(["coordEssen", "coordNRW"] as Viewer[])("%s: cannot move an own cooperation out of its regions", async (viewer) => {
    await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${coop.essen}`, { token: tokens[viewer], method: "PATCH", body: { regionCode: "06412" } }), 403, "forbidden");
  });

  it.each(VIEWERS)("%s: personal-data erasure in and outside the scope", async (viewer) => {
    for (const city of ["essen", "dortmund", "frankfurt"]) {
      const id = await makeOrganisation({ name: `Erase ${city}`, regionCode: REGION_OF[city], isPublic: true, contactName: "Person", contactEmail: "p@example.org" });
      const send = () => call(`/api/v1/organisations/${id}/personal-data`, { token: tokens[viewer], method: "DELETE" });
      if (allowed(viewer, REGION_OF[city])) expect((await send()).status).toBe(204);
      else await expectRejectedWithoutChange(send, ...refusal(viewer));
    }
  });

  it.each(VIEWERS)("%s: token management and region writes are admin only", async (viewer) => {
    const isAdmin = viewer === "admin" || viewer === "adminToken";
    const list = await call("/api/v1/tokens", { token: tokens[viewer] });
    const createToken = () => call("/api/v1/tokens", { token: tokens[viewer], body: { name: `von ${viewer}`, role: "funder" } });
    const victim = (await call("/api/v1/tokens", { body: { name: "Ziel", role: "funder" } })).json.id;
    const revoke = () => call(`/api/v1/tokens/${victim}`, { token: tokens[viewer], method: "DELETE" });
    const region = () => call("/api/v1/regions", { token: tokens[viewer], body: { code: `X-${viewer}`, name: `Region ${viewer}` } });
    if (isAdmin) {
      expect(list.status).toBe(200);
      expect((await createToken()).status).toBe(201);
      expect((await revoke()).status).toBe(204);
      expect((await region()).status).toBe(201);
    } else {
      expectError(list, ...refusal(viewer));
      await expectRejectedWithoutChange(createToken, ...refusal(viewer));
      await expectRejectedWithoutChange(revoke, ...refusal(viewer));
      await expectRejectedWithoutChange(region, ...refusal(viewer));
    }
  });

  it.each(VIEWERS)("%s: bulk writes in and outside the scope", async (viewer) => {
    for (const region of ["05113", "05913", "06412"]) {
      const send = () => call("/api/v1/organisations/bulk", { token: tokens[viewer], body: { records: [{ name: `Bulk ${viewer}`, kind: "company", regionCode: region }] } });
      if (allowed(viewer, region)) expect((await send()).status).toBe(200);
      else await expectRejectedWithoutChange(send, ...refusal(viewer));
      const coopSend = () =>
        call("/api/v1/cooperations/bulk", { token: tokens[viewer], body: { records: [{ partnerIds: [org.essenPublic, org.essenPrivate], regionCode: region, dateAgreed: "2024-01-01", status: "agreed" }] } });
      if (allowed(viewer, region)) expect((await coopSend()).status).toBe(200);
      else await expectRejectedWithoutChange(coopSend, ...refusal(viewer));
    }
  });
});

describe("audit log", () => {
  it.each(VIEWERS)("%s: sees all entries (admin), its regions' entries (coordinator), or nothing", async (viewer) => {
    const first = await call("/api/v1/audit?limit=500", { token: tokens[viewer] });
    if (viewer === "anonymous") return void expectError(first, 401, "unauthorized");
    if (viewer === "funder") return void expectError(first, 403, "forbidden");
    expect(first.status, first.text).toBe(200);
    const res = { json: { data: (await walk("/api/v1/audit?limit=500", tokens[viewer])).items } };
    const regions = new Set(res.json.data.map((e: any) => e.regionCode));
    if (viewer === "admin" || viewer === "adminToken") {
      for (const r of ["05113", "05913", "06412", null]) expect(regions.has(r), `admin sees ${r}`).toBe(true);
    } else {
      const scope = viewer === "coordEssen" ? ["05113"] : ["05", "05113", "05913"];
      expect([...regions].every((r) => scope.includes(r as string)), `${viewer} sees ${[...regions]}`).toBe(true);
      expect(regions.has("05113")).toBe(true);
      if (viewer === "coordNRW") expect(regions.has("05913")).toBe(true);
      // the entries of the fixture organisations in its regions are there
      const orgIds = res.json.data.filter((e: any) => e.entity === "organisations" && e.action === "create").map((e: any) => Number(e.entityId));
      expect(orgIds).toEqual(expect.arrayContaining([org.essenPublic, org.essenPrivate]));
      expect(orgIds).not.toContain(org.frankfurtPublic);
    }
  });
});

describe("access before validation: who may call a route is settled before the request is read", () => {
  /** Every operation the OpenAPI document lists with the roles it needs: every write, and reads of non-public records. */
  async function guardedOperations() {
    const doc = (await call("/api/v1/openapi.json", { token: null })).json;
    return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        // A route open to anyone is documented as `[{}, { bearer: [] }]` (no token, or any token).
        .map(([method, op]) => ({ method, path, op, roles: ((op.security as Record<string, string[]>[] | undefined)?.find((s) => s.bearer?.length)?.bearer ?? null) as string[] | null }))
        // Writes opened by a capability link or open to anyone on purpose (public forms under
        // /public/, openapi.test.ts) have no roles: their own tests cover their limits.
        .filter(({ method, op, roles }) => (["post", "put", "patch", "delete"].includes(method) && !op.security?.some((s: object) => "linkKey" in s || Object.keys(s).length === 0)) || roles)
        .map(({ method, path, op, roles }) => ({ method: method.toUpperCase(), path, roles, hasBody: !!op.requestBody })),
    );
  }
  /** Bad every way a request can be bad: path ids that are no ids, unknown query values, a body that fails the schema. */
  const badRequests = (method: string, path: string) => {
    const url = "/api/v1" + path.replace(/\{[^}]+\}/g, "x!") + "?type=bogus&dryRun=maybe&limit=abc&sort=__proto__&from=0000-13-01";
    const bodies = method === "DELETE" || method === "GET" ? [undefined] : [{ bogus: true, name: 7, records: "none" }, "{not json", ""];
    return bodies.map((body) => ({ url, body }));
  };
  const send = (method: string, url: string, token: string | null, body: unknown) =>
    call(url, { method, token, ...(typeof body === "string" ? { rawBody: body, contentType: body ? "text/plain" : "application/json" } : body === undefined ? {} : { body }) });

  it("every write route, and every read of non-public records, documents the roles that may call it", async () => {
    const ops = await guardedOperations();
    expect(ops.filter((o) => o.method !== "GET").length).toBeGreaterThanOrEqual(18);
    for (const path of ["/cooperations", "/cooperations/{id}", "/audit", "/tokens", "/regions/{code}/network", "/organisations/{id}/personal-data"]) {
      expect(ops.some((o) => o.method === "GET" && o.path === path), `GET ${path}`).toBe(true);
    }
    for (const op of ops) expect(op.roles, `${op.method} ${op.path}`).toEqual(expect.arrayContaining(["admin"]));
    const docs = (await call("/api/v1/docs", { token: null })).text;
    expect(docs.match(/<p>Roles: /g)?.length).toBe(ops.length);
  });

  // Every guarded route × every bad request, each checked row by row against the tables before: grows with the API.
  it("anonymous → 401 on every such route, whatever the path, query and body, naming no field", async () => {
    for (const op of await guardedOperations()) {
      for (const { url, body } of badRequests(op.method, op.path)) {
        const err = await expectRejectedWithoutChange(() => send(op.method, url, null, body), 401, "unauthorized");
        expect(err.details, `${op.method} ${url}`).toBeUndefined();
      }
    }
  }, 240_000);

  // Every guarded route × every bad request, each checked row by row against the tables before: grows with the API.
  it("a role the route does not admit (funder on writes, coordinator on admin-only routes) → 403 before validation", async () => {
    for (const op of await guardedOperations()) {
      const refused = (["funder", "coordEssen"] as Viewer[]).filter((v) => !op.roles!.includes(v === "funder" ? "funder" : "coordinator"));
      for (const viewer of refused) {
        for (const { url, body } of badRequests(op.method, op.path)) {
          const err = await expectRejectedWithoutChange(() => send(op.method, url, tokens[viewer], body), 403, "forbidden");
          expect(err.details, `${viewer} ${op.method} ${url}`).toBeUndefined();
        }
      }
    }
  }, 240_000);

  it("those who may call them get the validation errors", async () => {
    for (const op of await guardedOperations()) {
      if (op.method === "DELETE" || op.path === "/import" || op.path === "/tokens") continue; // nothing to validate
      // A write without a body has only its path to validate.
      const path = `/api/v1${op.path.replace(/\{[^}]+\}/g, !op.hasBody ? "x!" : op.path.includes("{code}") ? "NL-ARN" : "1")}`;
      const res = op.method === "GET" ? await call(`/api/v1${op.path.replace(/\{[^}]+\}/g, "x!")}?limit=abc&from=bogus`) : await send(op.method, path, ADMIN, { bogus: true });
      const err = expectError(res, 422, "validation_failed");
      expect(err.details?.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
    }
  });
});

describe("references a coordinator sends: only organisations it may see, ties with a partner in its regions", () => {
  const NOWHERE = 987654;
  const coordEssen = () => tokens.coordEssen!;
  /** The error with every id replaced, to compare a hidden id's answer with an unknown id's. */
  const shape = (err: unknown, id: number) => JSON.stringify(err).replaceAll(String(id), "#");
  const coopBody = (partnerIds: number[], extra: Record<string, unknown> = {}) => ({ partnerIds, regionCode: "05113", dateAgreed: "2024-09-01", status: "agreed", ...extra });

  it("a hidden partner is answered exactly like an id that does not exist (single, bulk, update)", async () => {
    const sends = [
      (id: number) => call("/api/v1/cooperations", { token: coordEssen(), body: coopBody([org.dortmundPublic, id]) }),
      (id: number) => call("/api/v1/cooperations/bulk", { token: coordEssen(), body: { records: [coopBody([org.essenPublic, id])] } }),
      (id: number) => call(`/api/v1/cooperations/${coop.essen}`, { token: coordEssen(), method: "PATCH", body: { partnerIds: [org.essenPublic, id] } }),
    ];
    for (const send of sends) {
      const hidden = await expectRejectedWithoutChange(() => send(org.dortmundPrivate), 422, "unknown_reference");
      const unknown = await expectRejectedWithoutChange(() => send(NOWHERE), 422, "unknown_reference");
      expect(shape(hidden, org.dortmundPrivate)).toBe(shape(unknown, NOWHERE));
    }
  });

  it("05113 cannot record a tie between two organisations of 05913 by placing it in 05113", async () => {
    // the finding: one partner not public → unknown; both public → no partner in scope
    await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { token: coordEssen(), body: coopBody([org.dortmundPublic, org.dortmundPrivate]) }), 422, "unknown_reference");
    const both = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { token: coordEssen(), body: coopBody([org.dortmundPublic, org.frankfurtPublic]) }), 403, "forbidden");
    expect(JSON.stringify(both)).toMatch(/at least one must be registered/);
    await expectRejectedWithoutChange(
      () => call("/api/v1/cooperations/bulk", { token: coordEssen(), body: { records: [coopBody([org.essenPublic, org.dortmundPublic]), coopBody([org.dortmundPublic, org.frankfurtPublic])] } }),
      403,
      "forbidden",
    );
    // one partner in its regions: fine
    const ok = await call("/api/v1/cooperations", { token: coordEssen(), body: coopBody([org.essenPublic, org.dortmundPublic]) });
    expect(ok.status, ok.text).toBe(201);
  });

  it("partner references (source + externalRef) follow the same rule", async () => {
    const hiddenRef = `hidden-${Date.now()}`;
    await makeOrganisation({ name: "Ref privat Dortmund", regionCode: "05913", isPublic: false, source: "crm", externalRef: hiddenRef });
    const send = (ref: string) => call("/api/v1/cooperations", { token: coordEssen(), body: { ...coopBody([org.essenPublic]), partnerRefs: [{ source: "crm", externalRef: ref }] } });
    const hidden = await expectRejectedWithoutChange(() => send(hiddenRef), 422, "unknown_reference");
    const unknown = await expectRejectedWithoutChange(() => send("gibt-es-nicht"), 422, "unknown_reference");
    expect(JSON.stringify(hidden).replaceAll(hiddenRef, "#")).toBe(JSON.stringify(unknown).replaceAll("gibt-es-nicht", "#"));
  });

  it("a cooperation in 05113 without a partner there can be neither changed nor deleted by 05113", async () => {
    const id = (await makeCooperation({ partnerIds: [org.dortmundPublic, org.frankfurtPublic], regionCode: "05113" })).id;
    await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${id}`, { token: coordEssen(), method: "PATCH", body: { hours: 3 } }), 403, "forbidden");
    await expectRejectedWithoutChange(() => call(`/api/v1/cooperations/${id}`, { token: coordEssen(), method: "DELETE" }), 403, "forbidden");
    expect((await call(`/api/v1/cooperations/${id}`, { token: coordEssen() })).status).toBe(200);
  });

  it("a current partner the coordinator cannot see may stay or go, but no hidden one may be added", async () => {
    const ref = `keep-${Date.now()}`;
    const created = await makeCooperation({ partnerIds: [org.essenPublic, org.dortmundPrivate], regionCode: "05113", source: "crm", externalRef: ref });
    const patch = await call(`/api/v1/cooperations/${created.id}`, { token: coordEssen(), method: "PATCH", body: { partnerIds: [org.essenPublic, org.essenPrivate, org.dortmundPrivate] } });
    expect(patch.status, patch.text).toBe(200);
    expect(patch.json.partnerIds).toEqual(sortIds([org.essenPublic, org.essenPrivate, org.dortmundPrivate]));
    const bulk = await call("/api/v1/cooperations/bulk", { token: coordEssen(), body: { records: [coopBody([org.essenPublic, org.dortmundPrivate], { source: "crm", externalRef: ref })] } });
    expect(bulk.status, bulk.text).toBe(200);
    await expectRejectedWithoutChange(
      () => call(`/api/v1/cooperations/${created.id}`, { token: coordEssen(), method: "PATCH", body: { partnerIds: [org.essenPublic, org.dortmundPrivate, org.frankfurtPrivate] } }),
      422,
      "unknown_reference",
    );
  });

  it("a follow-up of a cooperation the coordinator cannot see reads like one that does not exist", async () => {
    const hidden = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { token: coordEssen(), body: coopBody([org.essenPublic, org.essenPrivate], { followUpOf: coop.dortmund }) }), 422, "unknown_reference");
    const unknown = await expectRejectedWithoutChange(() => call("/api/v1/cooperations", { token: coordEssen(), body: coopBody([org.essenPublic, org.essenPrivate], { followUpOf: NOWHERE }) }), 422, "unknown_reference");
    expect(shape(hidden, coop.dortmund)).toBe(shape(unknown, NOWHERE));
  });

  it("import: hidden partners read as unknown, and a row needs a partner in the coordinator's regions", async () => {
    const csv = (ids: number[]) => `Region;Partner-IDs;Datum;Status\n05113;${ids.join("|")};2024-09-02;vereinbart\n`;
    const run = async (ids: number[]) => {
      const res = await importFile("cooperations", csv(ids), { token: coordEssen() });
      expect(res.status, res.text).toBe(200);
      return res.json.rows[0];
    };
    const hidden = await run([org.essenPublic, org.dortmundPrivate]);
    const unknown = await run([org.essenPublic, NOWHERE]);
    expect(hidden.outcome).toBe("rejected");
    expect(shape(hidden.issues, org.dortmundPrivate)).toBe(shape(unknown.issues, NOWHERE));
    const outside = await run([org.dortmundPublic, org.frankfurtPublic]);
    expect(outside.outcome).toBe("rejected");
    expect(outside.issues.map((i: any) => i.code)).toEqual(["outside_scope"]);
    expect((await run([org.essenPublic, org.dortmundPublic])).outcome).toBe("created");
  });

  it("import: the coordinator's own export imports again unchanged, hidden partners included", async () => {
    await makeCooperation({ partnerIds: [org.essenPrivate, org.dortmundPrivate], regionCode: "05113", notes: "Rundreise" });
    const exported = await call("/api/v1/cooperations?format=csv&q=Rundreise", { token: coordEssen() });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.text).toContain(String(org.dortmundPrivate));
    const res = await importFile("cooperations", exported.text, { token: coordEssen() });
    expect(res.status, res.text).toBe(200);
    expect(res.json.rows.map((r: any) => [r.outcome, r.issues ?? []])).toEqual([["unchanged", []]]);
  });

  it("a taken reference does not tell the id or region of a record the coordinator cannot see", async () => {
    const ref = `taken-${Date.now()}`;
    const hiddenOrg = await makeOrganisation({ name: "Ref belegt", regionCode: "05913", isPublic: false, source: "crm", externalRef: ref });
    const hiddenCoop = (await makeCooperation({ partnerIds: [org.dortmundPublic, org.dortmundPrivate], source: "crm", externalRef: ref })).id;
    const leaks = (err: unknown) => new RegExp(`\\b(${hiddenOrg}|${hiddenCoop}|05913)\\b`).test(JSON.stringify(err));
    const sends = [
      () => call("/api/v1/organisations", { token: coordEssen(), body: { name: "Neu", kind: "company", regionCode: "05113", source: "crm", externalRef: ref } }),
      () => call("/api/v1/organisations/bulk", { token: coordEssen(), body: { records: [{ name: "Neu", kind: "company", regionCode: "05113", source: "crm", externalRef: ref }] } }),
      () => call("/api/v1/cooperations", { token: coordEssen(), body: coopBody([org.essenPublic, org.essenPrivate], { source: "crm", externalRef: ref }) }),
      () => call("/api/v1/cooperations/bulk", { token: coordEssen(), body: { records: [coopBody([org.essenPublic, org.essenPrivate], { source: "crm", externalRef: ref })] } }),
    ];
    for (const [i, send] of sends.entries()) {
      const res = await send();
      expect(res.status, `${i}: ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(leaks(res.json), `${i}: ${res.text}`).toBe(false);
    }
  });

  it("import of organisations: a row naming an organisation the coordinator cannot see learns neither its id nor whether it matches", async () => {
    const ref = `import-hidden-${Date.now()}`;
    const hidden = await makeOrganisation({ name: "Versteckt Dortmund", kind: "company", regionCode: "05913", isPublic: false, source: "crm", externalRef: ref });
    const csv = ["Name;Art;Region;Quelle;Referenz", `Versteckt Dortmund;company;05913;crm;${ref}`, "Matrix dortmundPrivate;company;05913;;"].join("\n");
    const res = await importFile("organisations", csv, { token: coordEssen() });
    expect(res.status, res.text).toBe(200);
    expect(res.json.rows.map((r: any) => [r.outcome, r.id, (r.issues ?? []).map((i: any) => i.code)])).toEqual([
      ["rejected", null, ["reference_taken"]],
      ["rejected", null, ["outside_scope"]],
    ]);
    expect(res.text).not.toMatch(new RegExp(`\\b(${hidden}|${org.dortmundPrivate})\\b`));
  });

  it("import of cooperations: a reference of a cooperation outside the coordinator's regions tells neither id nor region", async () => {
    const ref = `coop-hidden-${Date.now()}`;
    const hidden = (await makeCooperation({ partnerIds: [org.essenPublic, org.dortmundPublic], regionCode: "05913", source: "crm", externalRef: ref, dateAgreed: "2024-09-03" })).id;
    const csv = `Region;Partner-IDs;Datum;Status;Quelle;Referenz\n05913;${org.essenPublic}|${org.dortmundPublic};2024-09-03;vereinbart;crm;${ref}\n`;
    const res = await importFile("cooperations", csv, { token: coordEssen() });
    expect(res.status, res.text).toBe(200);
    expect(res.json.rows.map((r: any) => [r.outcome, r.id, (r.issues ?? []).map((i: any) => i.code)])).toEqual([["rejected", null, ["reference_taken"]]]);
    expect(res.text).not.toMatch(new RegExp(`\\b${hidden}\\b`));
  });

  it("events: a hidden organiser or participant is answered like an unknown one", async () => {
    const body = (fields: Record<string, unknown>) => ({ kind: "round_table", title: "Verweise", date: "2024-10-01", regionCode: "05113", ...fields });
    for (const field of ["organiserId", "participantIds"]) {
      const value = (id: number) => (field === "organiserId" ? id : [org.essenPublic, id]);
      const hidden = await expectRejectedWithoutChange(() => call("/api/v1/events", { token: coordEssen(), body: body({ [field]: value(org.dortmundPrivate) }) }), 422, "unknown_reference");
      const unknown = await expectRejectedWithoutChange(() => call("/api/v1/events", { token: coordEssen(), body: body({ [field]: value(NOWHERE) }) }), 422, "unknown_reference");
      expect(shape(hidden, org.dortmundPrivate)).toBe(shape(unknown, NOWHERE));
      const patchHidden = await expectRejectedWithoutChange(() => call(`/api/v1/events/${event.essen}`, { token: coordEssen(), method: "PATCH", body: { [field]: value(org.dortmundPrivate) } }), 422, "unknown_reference");
      expect(shape(patchHidden, org.dortmundPrivate)).toBe(shape(unknown, NOWHERE));
    }
  });

  it("events: replacing the participant list keeps the participants the caller cannot see, and a hidden organiser", async () => {
    const id = await makeEvent({ regionCode: "05113", organiserId: org.frankfurtPrivate, participantIds: [org.essenPublic, org.essenPrivate, org.frankfurtPrivate, org.dortmundPrivate] });
    const seen = await call(`/api/v1/events/${id}`, { token: coordEssen() });
    expect(seen.json.participantIds).toEqual(sortIds([org.essenPublic, org.essenPrivate]));
    expect(seen.json.organiserId).toBeNull();
    // sends back what it saw, minus one, plus one it may see, and the organiser it was shown
    const res = await call(`/api/v1/events/${id}`, { token: coordEssen(), method: "PATCH", body: { participantIds: [org.essenPublic, org.dortmundPublic], organiserId: null, notes: "neu" } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ participantIds: sortIds([org.essenPublic, org.dortmundPublic]), participantCount: 4, organiserId: null, notes: "neu" });
    const all = await call(`/api/v1/events/${id}`);
    expect(all.json.participantIds).toEqual(sortIds([org.essenPublic, org.dortmundPublic, org.frankfurtPrivate, org.dortmundPrivate]));
    expect(all.json.organiserId).toBe(org.frankfurtPrivate);
    // an empty list clears only what the caller sees
    await call(`/api/v1/events/${id}`, { token: coordEssen(), method: "PATCH", body: { participantIds: [] } });
    expect((await call(`/api/v1/events/${id}`)).json.participantIds).toEqual(sortIds([org.frankfurtPrivate, org.dortmundPrivate]));
    // the admin sees everything and replaces everything
    await call(`/api/v1/events/${id}`, { method: "PATCH", body: { participantIds: [org.essenPublic], organiserId: null } });
    expect((await call(`/api/v1/events/${id}`)).json).toMatchObject({ participantIds: [org.essenPublic], organiserId: null });
  });
});
