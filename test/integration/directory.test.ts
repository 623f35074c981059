/**
 * The directory of local contacts: who is listed, search by place and postcode, published contact
 * only with consent, broker scores suppressed for anonymous callers, editing by coordinator and by
 * directory_edit link.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, makeOrganisation, tokenFor, uid } from "./api";

const JENA = "16053";
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const past = (days: number) => future(-days);
let ids: Record<string, number>;
const PRIVATE_MAIL = "privat.leitung@example.org";

async function coop(partners: number[], date: string, extra: Record<string, unknown> = {}) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds: partners, dateAgreed: date, status: "done", contributionTypes: ["time"], ...extra } });
  if (res.status !== 201) throw new Error(res.text);
}

beforeAll(async () => {
  ids = {
    agency: await makeOrganisation({ name: "Freiwilligenagentur Saale", kind: "intermediary", regionCode: JENA, postcode: "07743", contactEmail: PRIVATE_MAIL, contactName: "Erika Privat" }),
    chamber: await makeOrganisation({ name: "Wirtschaftskammer Ostthüringen", kind: "public", regionCode: JENA, postcode: "07745", isPublic: true }),
    hidden: await makeOrganisation({ name: "Stille Bürgerstiftung", kind: "intermediary", regionCode: JENA, postcode: "07747" }),
    A: await makeOrganisation({ name: "Optikwerk Jena", kind: "company", regionCode: JENA, postcode: "07743" }),
    N: await makeOrganisation({ name: "Kinderhaus Lobeda e.V.", kind: "nonprofit", regionCode: JENA, postcode: "07747" }),
    essen: await makeOrganisation({ name: "Ehrenamtsagentur Essen", kind: "intermediary", regionCode: "05113", postcode: "45127", isPublic: true }),
  };
  const met = await call("/api/v1/events", { body: { kind: "action_day", title: "Aktionstag Jena", date: past(60), regionCode: JENA, organiserId: ids.agency, participantIds: [ids.A, ids.N] } });
  expect(met.status, met.text).toBe(201);
  await coop([ids.A, ids.N], past(30));
  const next = await call("/api/v1/events", { body: { kind: "marketplace", title: "Gute Geschäfte Jena", date: future(40), regionCode: JENA, organiserId: ids.chamber } });
  expect(next.status, next.text).toBe(201);
  const saved = await call(`/api/v1/directory/entries/${ids.agency}`, {
    method: "PUT",
    body: { published: true, consent: true, place: "Jena-Zentrum", postcode: "07743", description: "Vermittelt Engagement in Jena", formats: ["social_day"], contactName: "Servicebüro", contactEmail: "info@fa-saale.example", contactPhone: "03641 123456", website: "https://fa-saale.example" },
  });
  expect(saved.status, saved.text).toBe(200);
});

const names = (res: Awaited<ReturnType<typeof call>>) => (res.json.entries as { name: string }[]).map((e) => e.name);

describe("GET /api/v1/directory", () => {
  it("lists organisers and intermediaries that may be named: public ones and published entries, not the rest", async () => {
    const res = await call(`/api/v1/directory?region=${JENA}`, { token: null });
    expect(res.status, res.text).toBe(200);
    expect(names(res)).toEqual(expect.arrayContaining(["Freiwilligenagentur Saale", "Wirtschaftskammer Ostthüringen"]));
    expect(names(res)).not.toContain("Stille Bürgerstiftung");
    expect(names(res)).not.toContain("Optikwerk Jena");
    const agency = res.json.entries.find((e: { organisationId: number }) => e.organisationId === ids.agency);
    expect(agency).toMatchObject({
      regionCode: JENA,
      place: "Jena-Zentrum",
      postcode: "07743",
      formats: ["action_day", "social_day"],
      contact: { name: "Servicebüro", email: "info@fa-saale.example", phone: "03641 123456", website: "https://fa-saale.example" },
    });
    const chamber = res.json.entries.find((e: { organisationId: number }) => e.organisationId === ids.chamber);
    expect(chamber.contact).toBeNull();
    expect(chamber.nextEvents).toEqual([expect.objectContaining({ kind: "marketplace", title: "Gute Geschäfte Jena", date: future(40), registrationPath: null })]);
    expect(res.json.regions).toContainEqual(expect.objectContaining({ code: JENA, name: expect.stringContaining("Jena") }));
  });

  it("finds Jena's organisers by the place name and by a Jena postcode (prefix too), not Essen's", async () => {
    for (const q of ["Jena", "jena", "07743", "0774", "07745"]) {
      const res = await call(`/api/v1/directory?q=${encodeURIComponent(q)}`, { token: null });
      expect(res.status, res.text).toBe(200);
      expect(names(res), q).toEqual(expect.arrayContaining(["Freiwilligenagentur Saale", "Wirtschaftskammer Ostthüringen"]));
      expect(names(res), q).not.toContain("Ehrenamtsagentur Essen");
    }
    expect(names(await call("/api/v1/directory?q=45127", { token: null }))).toEqual(["Ehrenamtsagentur Essen"]);
    expect(names(await call("/api/v1/directory?q=Zentrum", { token: null }))).toContain("Freiwilligenagentur Saale");
    expect((await call("/api/v1/directory?q=%25", { token: null })).json.entries).toEqual([]);
  });

  it("never shows a non-public contact: the organisation's own contact person and e-mail stay out", async () => {
    const res = await call(`/api/v1/directory?region=${JENA}`, { token: null });
    expect(res.text).not.toContain(PRIVATE_MAIL);
    expect(res.text).not.toContain("Erika Privat");
    const admin = await call(`/api/v1/directory?region=${JENA}`);
    expect(admin.text).not.toContain(PRIVATE_MAIL);
  });

  it("shows the broker score, 1 and 2 as \"<3\" to anonymous callers", async () => {
    const pick = (res: Awaited<ReturnType<typeof call>>) => res.json.entries.find((e: { organisationId: number }) => e.organisationId === ids.agency).brokerScore;
    expect(pick(await call(`/api/v1/directory?region=${JENA}`, { token: null }))).toBe("<3");
    expect(pick(await call(`/api/v1/directory?region=${JENA}`))).toBe(1);
  });

  it("bounds its parameters", async () => {
    expectError(await call(`/api/v1/directory?q=${"x".repeat(101)}`, { token: null }), 422, "validation_failed");
    expectError(await call("/api/v1/directory?limit=101", { token: null }), 422, "validation_failed");
    const one = await call(`/api/v1/directory?region=${JENA}&limit=1`, { token: null });
    expect(one.json.entries).toHaveLength(1);
    expect(one.json.truncated).toBe(true);
  });
});

describe("editing an entry", () => {
  it("publishing needs the consent; taking it offline erases the contact and the consent", async () => {
    const body = { published: true, contactEmail: "kontakt@kammer.example" };
    const res = await call(`/api/v1/directory/entries/${ids.chamber}`, { method: "PUT", body });
    expect(expectError(res, 422, "validation_failed").details?.map((d) => d.path)).toEqual(["consent"]);
    const ok = await call(`/api/v1/directory/entries/${ids.chamber}`, { method: "PUT", body: { ...body, consent: true, locale: "en" } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ published: true, contactEmail: "kontakt@kammer.example", consentAt: expect.any(String) });
    const off = await call(`/api/v1/directory/entries/${ids.chamber}`, { method: "PUT", body: { published: false, contactEmail: "kontakt@kammer.example" } });
    expect(off.json).toMatchObject({ published: false, contactEmail: null, consentAt: null });
    const listed = await call(`/api/v1/directory?region=${JENA}`, { token: null });
    expect(listed.text).not.toContain("kontakt@kammer.example");
  });

  it("only a coordinator of the organisation's region (or admin) reads and edits it", async () => {
    const essenCoordinator = await tokenFor("coordinator", ["05113"]);
    const jenaCoordinator = await tokenFor("coordinator", [JENA]);
    expectError(await call(`/api/v1/directory/entries/${ids.agency}`, { token: null }), 401, "unauthorized");
    expectError(await call(`/api/v1/directory/entries/${ids.agency}`, { token: essenCoordinator }), 403, "forbidden");
    expectError(await call(`/api/v1/directory/entries/${ids.agency}`, { token: essenCoordinator, method: "PUT", body: { published: false } }), 403, "forbidden");
    const own = await call(`/api/v1/directory/entries/${ids.agency}`, { token: jenaCoordinator });
    expect(own.status, own.text).toBe(200);
    expect(own.json).toMatchObject({ organisationName: "Freiwilligenagentur Saale", published: true, contactName: "Servicebüro" });
    expect(own.json.consentText.de).toMatch(/Einwilligung|einverstanden/);
    expectError(await call("/api/v1/directory/entries/999999", { token: jenaCoordinator }), 404, "not_found");
  });

  it("a directory_edit link opens and saves its own entry only; a wrong or withdrawn link is 404", async () => {
    const issued = await call(`/api/v1/directory/entries/${ids.hidden}/link`, { method: "POST" });
    expect(issued.status, issued.text).toBe(201);
    const secret = issued.json.url.split("#")[1];
    expect(issued.json.url).toMatch(/\/directory\/edit#kl_/);
    const byLink = (opts: { key?: string; method?: string; body?: unknown } = {}) =>
      call("/api/v1/public/directory-entry", { token: null, method: opts.method, body: opts.body, headers: { ...(opts.key ? { "X-Link-Key": opts.key } : {}), "CF-Connecting-IP": uid("ip") } });
    const read = await byLink({ key: secret });
    expect(read.status, read.text).toBe(200);
    expect(read.json).toMatchObject({ organisationId: ids.hidden, published: false });
    const saved = await byLink({ key: secret, method: "PUT", body: { published: true, consent: true, place: "Lobeda", contactEmail: "hallo@stiftung.example" } });
    expect(saved.status, saved.text).toBe(200);
    expect(names(await call("/api/v1/directory?q=Lobeda", { token: null }))).toContain("Stille Bürgerstiftung");
    expect(res404(await byLink())).toBe(true);
    expect(res404(await byLink({ key: "kl_" + "B".repeat(43) }))).toBe(true);
    // A new link withdraws the old one.
    await call(`/api/v1/directory/entries/${ids.hidden}/link`, { method: "POST" });
    expect(res404(await byLink({ key: secret }))).toBe(true);
  });
});

describe("an organisation's personal data", () => {
  it("export shows its directory contact; erasure takes the entry offline with the published contact", async () => {
    const org = await makeOrganisation({ name: "Agentur zum Löschen", kind: "intermediary", regionCode: JENA });
    const saved = await call(`/api/v1/directory/entries/${org}`, { method: "PUT", body: { published: true, consent: true, place: "Winzerla", contactEmail: "weg@agentur.example" } });
    expect(saved.status, saved.text).toBe(200);
    expect((await call("/api/v1/directory?q=Winzerla", { token: null })).text).toContain("weg@agentur.example");
    // The export shows the published contact and the consent it was published with.
    const exported = (await call(`/api/v1/organisations/${org}/personal-data`)).json;
    expect(exported.directoryEntry).toMatchObject({ published: true, contactEmail: "weg@agentur.example" });
    expect(exported.directoryEntry.consentAt).toBeTruthy();
    expect(exported.directoryEntry.consentText).toBeTruthy();
    expect((await call(`/api/v1/organisations/${org}/personal-data`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/api/v1/organisations/${org}/personal-data`)).json.directoryEntry).toMatchObject({ published: false, contactEmail: null, consentText: null });
    expect((await call("/api/v1/directory?q=Winzerla", { token: null })).text).not.toContain("weg@agentur.example");
    expect((await call(`/api/v1/directory/entries/${org}`)).json).toMatchObject({ published: false, contactEmail: null, consentAt: null });
  });
});

function res404(res: Awaited<ReturnType<typeof call>>) {
  expectError(res, 404, "not_found");
  return true;
}
