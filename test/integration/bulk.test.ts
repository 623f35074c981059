/**
 * Bulk writes (`POST /organisations/bulk`, `POST /cooperations/bulk`): all or nothing with per-row
 * error details, idempotent by source + externalRef, partners by reference, 5 000 records.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, count, detailPaths, expectError, expectRejectedWithoutChange, makeOrganisation, rows, snapshot, tokenFor } from "./api";

const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);

/** Partners of each cooperation as stored, by cooperation id. */
async function storedPartners(ids: number[]) {
  const found = await rows<{ cooperation_id: number; organisation_id: number }>(
    "SELECT cooperation_id, organisation_id FROM cooperation_partners WHERE cooperation_id IN (SELECT value FROM json_each(?)) ORDER BY 1, 2",
    JSON.stringify(ids),
  );
  const byId = new Map<number, number[]>();
  for (const f of found) byId.set(f.cooperation_id, [...(byId.get(f.cooperation_id) ?? []), f.organisation_id]);
  return byId;
}

let company: number, nonprofit: number, dortmundNonprofit: number, frankfurtNonprofit: number, frankfurtCompany: number;
let coordinatorEssen: string;
beforeAll(async () => {
  company = await makeOrganisation({ kind: "company", name: "Bulk Bau GmbH", regionCode: "05113" });
  nonprofit = await makeOrganisation({ kind: "nonprofit", name: "Bulk Jugendhilfe", regionCode: "05113" });
  dortmundNonprofit = await makeOrganisation({ kind: "nonprofit", name: "Bulk Sport Dortmund", regionCode: "05913" });
  frankfurtNonprofit = await makeOrganisation({ kind: "nonprofit", name: "Bulk Hilfe Frankfurt", regionCode: "06412" });
  frankfurtCompany = await makeOrganisation({ kind: "company", name: "Bulk Bank Frankfurt", regionCode: "06412" });
  coordinatorEssen = await tokenFor("coordinator", ["05113"]);
});

const record = (i: number, extra: Record<string, unknown> = {}) => ({
  partnerIds: [company, nonprofit],
  dateAgreed: `2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
  status: "agreed",
  hours: i,
  ...extra,
});

describe("cooperations/bulk: all or nothing", () => {
  const tables = ["cooperations", "cooperation_partners", "audit_log"];
  async function expectNothingWritten(send: () => ReturnType<typeof call>, status: number, code: string) {
    const before = await Promise.all(tables.map(count));
    const err = await expectRejectedWithoutChange(send, status, code);
    expect(await Promise.all(tables.map(count))).toEqual(before);
    return err;
  }

  it("one record with a bad type → 422 naming records[3].hours; nothing written", async () => {
    const records = [record(0), record(1), record(2), record(3, { hours: "viele" }), record(4)];
    const err = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { body: { records } }), 422, "validation_failed");
    expect(detailPaths(err)).toEqual(["records[3].hours"]);
  });

  it("one record with an unknown partner → 422 unknown_reference naming records[3].partnerIds[1]; nothing written", async () => {
    const records = [record(0, { externalRef: "aon-0" }), record(1), record(2), record(3, { partnerIds: [company, 424242] }), record(4)];
    const err = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { body: { records } }), 422, "unknown_reference");
    expect(detailPaths(err)).toEqual(["records[3].partnerIds[1]"]);
    expect(err.message).toMatch(/1 of 5/);
  });

  it("unknown partnerRef, event, follow-up and region are reported per row; nothing written", async () => {
    const records = [
      record(0),
      record(1, { partnerIds: [company], partnerRefs: [{ source: "crm", externalRef: "gibt-es-nicht" }] }),
      record(2, { eventId: 515151 }),
      record(3, { followUpOf: 616161 }),
      record(4, { regionCode: "00000" }),
    ];
    const err = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { body: { records } }), 422, "unknown_reference");
    expect(detailPaths(err).sort()).toEqual(["records[1].partnerRefs[0]", "records[2].eventId", "records[3].followUpOf", "records[4].regionCode"]);
  });

  it("a duplicate externalRef within the batch → 422 naming records[3].externalRef; nothing written", async () => {
    const records = [record(0, { externalRef: "dup-a" }), record(1, { externalRef: "dup-b" }), record(2), record(3, { externalRef: "dup-a" })];
    const err = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { body: { records } }), 422, "validation_failed");
    expect(detailPaths(err)).toEqual(["records[3].externalRef"]);
  });

  it("a coordinator's record outside its regions → 403 naming records[1].regionCode; nothing written", async () => {
    // partners it cannot see (not public, outside its regions) read as unknown ids, whether they exist or not
    const records = [record(0), record(1), record(2), record(3, { partnerIds: [frankfurtCompany, frankfurtNonprofit] }), record(4)];
    const err = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { token: coordinatorEssen, body: { records } }), 422, "unknown_reference");
    expect(detailPaths(err)).toEqual(["records[3].partnerIds[0]", "records[3].partnerIds[1]"]);
    // explicit region outside the scope
    const explicit = await expectNothingWritten(
      () => call("/api/v1/cooperations/bulk", { token: coordinatorEssen, body: { records: [record(0), record(1, { regionCode: "05913" })] } }),
      403,
      "forbidden",
    );
    expect(detailPaths(explicit)).toEqual(["records[1].regionCode"]);
  });

  it("a coordinator may not take over (update) a record stored outside its regions via externalRef", async () => {
    const stored = await call("/api/v1/cooperations/bulk", { body: { records: [record(0, { partnerIds: [frankfurtCompany, frankfurtNonprofit], externalRef: "ffm-1" })] } });
    expect(stored.status, stored.text).toBe(200);
    const err = await expectNothingWritten(
      () => call("/api/v1/cooperations/bulk", { token: coordinatorEssen, body: { records: [record(0, { externalRef: "ffm-1" })] } }),
      403,
      "forbidden",
    );
    expect(detailPaths(err)).toEqual(["records[0].externalRef"]);
    expect((await call(`/api/v1/cooperations/${stored.json.ids[0]}`)).json.regionCode).toBe("06412");
  });

  it("empty, missing or oversized record lists are rejected", async () => {
    const empty = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { body: { records: [] } }), 422, "validation_failed");
    expect(detailPaths(empty)).toEqual(["records"]);
    const missing = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { body: {} }), 422, "validation_failed");
    expect(detailPaths(missing)).toEqual(["records"]);
    const tooMany = Array.from({ length: 5001 }, (_, i) => record(i));
    const err = await expectNothingWritten(() => call("/api/v1/cooperations/bulk", { body: { records: tooMany } }), 422, "validation_failed");
    expect(detailPaths(err)).toEqual(["records"]);
  });
});

describe("cooperations/bulk: idempotent upsert", () => {
  let refA: number, refB: number;
  beforeAll(async () => {
    const orgs = await call("/api/v1/organisations/bulk", {
      body: {
        records: [
          { name: "Ref Firma A", kind: "company", regionCode: "05913", source: "crm", externalRef: "org-A" },
          { name: "Ref Verein B", kind: "nonprofit", regionCode: "05913", source: "crm", externalRef: "org-B" },
        ],
      },
    });
    expect(orgs.status, orgs.text).toBe(200);
    [refA, refB] = orgs.json.ids;
  });

  const batch = () => [
    { partnerRefs: [{ source: "crm", externalRef: "org-A" }, { source: "crm", externalRef: "org-B" }], dateAgreed: "2024-02-01", status: "agreed", hours: 1, source: "sheet", externalRef: "idem-1" },
    { partnerIds: [company], partnerRefs: [{ source: "crm", externalRef: "org-B" }], dateAgreed: "2024-02-02", status: "done", dateDone: "2024-03-01", hours: 2, contributionTypes: ["goods"], source: "sheet", externalRef: "idem-2" },
    { partnerIds: [company, nonprofit, dortmundNonprofit], dateAgreed: "2024-02-03", status: "ongoing", volunteers: 3, source: "sheet", externalRef: "idem-3" },
    { partnerIds: [company, nonprofit], dateAgreed: "2024-02-04", status: "agreed", valueEur: 99.5, notes: "Sachspende", source: "sheet", externalRef: "idem-4" },
  ];
  const storedRows = async () =>
    (await rows<Record<string, unknown>>("SELECT * FROM cooperations WHERE source = 'sheet' ORDER BY id")).map(({ updated_at: _u, ...rest }) => rest);

  it("first send creates, second send reports updated and leaves rows and partners identical", async () => {
    const first = await call("/api/v1/cooperations/bulk", { body: { records: batch() } });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ created: 4, updated: 0 });
    expect(first.json.ids).toHaveLength(4);
    expect(new Set(first.json.ids).size).toBe(4);

    // partnerRefs resolved; default region = the non-profit partner's region
    const read = await Promise.all(first.json.ids.map((id: number) => call(`/api/v1/cooperations/${id}`)));
    expect(read.map((r) => r.json.partnerIds)).toEqual([
      sorted([refA, refB]),
      sorted([company, refB]),
      sorted([company, nonprofit, dortmundNonprofit]),
      sorted([company, nonprofit]),
    ]);
    expect(read.map((r) => r.json.regionCode)).toEqual(["05913", "05913", "05113", "05113"]);
    expect(read.map((r) => r.json.externalRef)).toEqual(["idem-1", "idem-2", "idem-3", "idem-4"]);
    expect(read[1].json).toMatchObject({ status: "done", dateDone: "2024-03-01", contributionTypes: ["goods"], hours: 2 });
    expect(read[3].json).toMatchObject({ valueEur: 99.5, notes: "Sachspende" });

    const rowsBefore = await storedRows();
    const partnersBefore = await storedPartners(first.json.ids);
    const counts = [await count("cooperations"), await count("cooperation_partners")];
    const audit = await count("audit_log");

    const second = await call("/api/v1/cooperations/bulk", { body: { records: batch() } });
    expect(second.status, second.text).toBe(200);
    expect(second.json).toEqual({ created: 0, updated: 4, ids: first.json.ids });
    expect(await storedRows()).toEqual(rowsBefore);
    expect(await storedPartners(first.json.ids)).toEqual(partnersBefore);
    expect([await count("cooperations"), await count("cooperation_partners")]).toEqual(counts);
    // One audit entry per region the batch touched (05913 and 05113).
    expect(await count("audit_log")).toBe(audit + 2);
  });

  it("a changed field or partner list in a resend updates in place", async () => {
    const first = await call("/api/v1/cooperations/bulk", { body: { records: batch() } });
    const changed = batch();
    changed[0].hours = 40;
    changed[2].partnerIds = [company, dortmundNonprofit];
    (changed[3] as Record<string, unknown>).status = "cancelled";
    const before = await count("cooperations");
    const res = await call("/api/v1/cooperations/bulk", { body: { records: changed } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ created: 0, updated: 4, ids: first.json.ids });
    expect(await count("cooperations")).toBe(before);
    const [a, , c, d] = await Promise.all(first.json.ids.map(async (id: number) => (await call(`/api/v1/cooperations/${id}`)).json));
    expect(a.hours).toBe(40);
    expect(c.partnerIds).toEqual(sorted([company, dortmundNonprofit]));
    expect(d.status).toBe("cancelled");
    expect((await storedPartners([c.id])).get(c.id)).toEqual(sorted([company, dortmundNonprofit]));
  });

  it("a mixed batch inserts new refs, updates known refs and always inserts records without ref", async () => {
    const known = await call("/api/v1/cooperations/bulk", { body: { records: [record(0, { source: "mix", externalRef: "m-1" })] } });
    const before = await count("cooperations");
    const res = await call("/api/v1/cooperations/bulk", {
      body: { records: [record(10, { partnerIds: [company, dortmundNonprofit] }), record(11, { source: "mix", externalRef: "m-1" }), record(12, { source: "mix", externalRef: "m-2" }), record(13)] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.created).toBe(3);
    expect(res.json.updated).toBe(1);
    expect(res.json.ids[1]).toBe(known.json.ids[0]);
    expect(await count("cooperations")).toBe(before + 3);
    const got = await Promise.all(res.json.ids.map(async (id: number) => (await call(`/api/v1/cooperations/${id}`)).json));
    expect(got.map((c) => c.hours)).toEqual([10, 11, 12, 13]);
    expect(got[0].partnerIds).toEqual(sorted([company, dortmundNonprofit]));
    expect(got[0].regionCode).toBe("05913");
  });
});

describe("cooperations/bulk: 5 000 records", () => {
  it("stores 5 000 records atomically; returned ids match rows with the right partners", async () => {
    const orgs: number[] = [];
    for (let k = 0; k < 12; k++) orgs.push(await makeOrganisation({ kind: k % 2 ? "company" : "nonprofit", name: `Massen ${k}`, regionCode: k < 6 ? "05113" : "05913" }));
    const partnersOf = (i: number) => [...new Set(i % 3 === 0 ? [orgs[i % 12], orgs[(i + 1) % 12], orgs[(i + 5) % 12]] : [orgs[i % 12], orgs[(i + 7) % 12]])];
    const records = Array.from({ length: 5000 }, (_, i) => ({
      partnerIds: partnersOf(i),
      dateAgreed: `20${20 + (i % 5)}-0${(i % 9) + 1}-1${i % 10}`,
      status: ["agreed", "done", "ongoing"][i % 3],
      hours: i,
      source: "massen",
      ...(i % 2 === 0 ? { externalRef: `m-${i}` } : {}),
    }));
    const body = JSON.stringify({ records });
    expect(body.length).toBeGreaterThan(256 * 1024); // more than a normal route accepts
    const before = { coops: await count("cooperations"), partners: await count("cooperation_partners") };

    const res = await call("/api/v1/cooperations/bulk", { body: { records } });
    expect(res.status, res.text.slice(0, 500)).toBe(200);
    expect(res.json.created).toBe(5000);
    expect(res.json.updated).toBe(0);
    expect(res.json.ids).toHaveLength(5000);
    expect(new Set(res.json.ids).size).toBe(5000);

    const totalPartners = records.reduce((n, r) => n + r.partnerIds.length, 0);
    expect(await count("cooperations")).toBe(before.coops + 5000);
    expect(await count("cooperation_partners")).toBe(before.partners + totalPartners);

    const stored = await rows<{ id: number; hours: number; external_ref: string | null; date_agreed: string; partners: string }>(
      `SELECT c.id, c.hours, c.external_ref, c.date_agreed,
              (SELECT group_concat(organisation_id) FROM (SELECT organisation_id FROM cooperation_partners WHERE cooperation_id = c.id ORDER BY organisation_id)) AS partners
       FROM cooperations c WHERE c.source = 'massen'`,
    );
    const byId = new Map(stored.map((s) => [s.id, s]));
    expect(byId.size).toBe(5000);
    res.json.ids.forEach((id: number, i: number) => {
      const row = byId.get(id);
      if (!row) throw new Error(`records[${i}]: id ${id} not stored`);
      if (row.hours !== i || row.date_agreed !== records[i].dateAgreed || row.external_ref !== (records[i].externalRef ?? null)) {
        throw new Error(`records[${i}] → id ${id} holds another record: ${JSON.stringify(row)}`);
      }
      if (row.partners !== sorted(records[i].partnerIds).join(",")) throw new Error(`records[${i}] → id ${id} has partners ${row.partners}, expected ${sorted(records[i].partnerIds)}`);
    });

    // resend: all with a ref update, all without are inserted again
    const again = await call("/api/v1/cooperations/bulk", { body: { records } });
    expect(again.status, again.text.slice(0, 500)).toBe(200);
    expect(again.json).toMatchObject({ created: 2500, updated: 2500 });
    res.json.ids.forEach((id: number, i: number) => {
      if (i % 2 === 0 && again.json.ids[i] !== id) throw new Error(`records[${i}] got a new id on resend`);
    });
    expect(await count("cooperations")).toBe(before.coops + 7500);
  });
});

describe("organisations/bulk", () => {
  const records = () => [
    { name: "Import Firma 1", kind: "company", regionCode: "05113", industry: "retail", source: "import", externalRef: "o-1" },
    { name: "Import Verein 2", kind: "nonprofit", regionCode: "05113", field: "youth_work", isPublic: true, contactEmail: "a@b.example", source: "import", externalRef: "o-2" },
    { name: "Import Amt 3", kind: "public", regionCode: "05913", source: "import", externalRef: "o-3" },
    { name: "Import ohne Ref", kind: "intermediary", regionCode: "NL-ARN" },
  ];

  it("creates, then updates by source + externalRef; returned ids match the rows", async () => {
    const first = await call("/api/v1/organisations/bulk", { body: { records: records() } });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ created: 4, updated: 0 });
    const read = await Promise.all(first.json.ids.map(async (id: number) => (await call(`/api/v1/organisations/${id}`)).json));
    expect(read.map((o) => o.name)).toEqual(records().map((r) => r.name));
    expect(read[1]).toMatchObject({ isPublic: true, contactEmail: "a@b.example", field: "youth_work" });

    const snapBefore = (await rows<Record<string, unknown>>("SELECT * FROM organisations WHERE source = 'import' ORDER BY id")).map(({ updated_at: _u, ...r }) => r);
    const again = await call("/api/v1/organisations/bulk", { body: { records: records().slice(0, 3) } });
    expect(again.json).toEqual({ created: 0, updated: 3, ids: first.json.ids.slice(0, 3) });
    const snapAfter = (await rows<Record<string, unknown>>("SELECT * FROM organisations WHERE source = 'import' ORDER BY id")).map(({ updated_at: _u, ...r }) => r);
    expect(snapAfter).toEqual(snapBefore);

    const changed = records().slice(0, 3);
    changed[2].name = "Import Amt 3 (neu)";
    const before = await count("organisations");
    const upd = await call("/api/v1/organisations/bulk", { body: { records: changed } });
    expect(upd.json).toEqual({ created: 0, updated: 3, ids: first.json.ids.slice(0, 3) });
    expect(await count("organisations")).toBe(before);
    expect((await call(`/api/v1/organisations/${first.json.ids[2]}`)).json.name).toBe("Import Amt 3 (neu)");
  });

  it("one bad row → nothing written, per-row details", async () => {
    const bad = records().map((r, i) => ({ ...r, externalRef: `bad-${i}` }));
    const typed = [...bad, { name: "Falsch", kind: "verein", regionCode: "05113" }];
    const err = await expectRejectedWithoutChange(() => call("/api/v1/organisations/bulk", { body: { records: typed } }), 422, "validation_failed");
    expect(detailPaths(err)).toEqual(["records[4].kind"]);

    const dup = [...bad.slice(0, 3), { ...bad[3], externalRef: "bad-1", source: "import" }];
    const dupErr = await expectRejectedWithoutChange(() => call("/api/v1/organisations/bulk", { body: { records: dup } }), 422, "validation_failed");
    expect(detailPaths(dupErr)).toEqual(["records[3].externalRef"]);

    const scoped = await expectRejectedWithoutChange(() => call("/api/v1/organisations/bulk", { token: coordinatorEssen, body: { records: bad } }), 403, "forbidden");
    expect(detailPaths(scoped).sort()).toEqual(["records[2].regionCode", "records[3].regionCode"]);
  });

  it("an unknown region in one row → 422 unknown_reference naming records[1].regionCode; nothing written", async () => {
    const recs = [records()[0], { name: "Irgendwo", kind: "company", regionCode: "99999" }].map((r, i) => ({ ...r, externalRef: `unk-${i}` }));
    const err = await expectRejectedWithoutChange(() => call("/api/v1/organisations/bulk", { body: { records: recs } }), 422, "unknown_reference");
    expect(detailPaths(err)).toEqual(["records[1].regionCode"]);
  });

  it("a coordinator may not take over an organisation outside its regions via externalRef", async () => {
    const stored = await call("/api/v1/organisations/bulk", { body: { records: [{ name: "Frankfurter Stiftung", kind: "nonprofit", regionCode: "06412", source: "import", externalRef: "ffm-org" }] } });
    expect(stored.status, stored.text).toBe(200);
    const err = await expectRejectedWithoutChange(
      () => call("/api/v1/organisations/bulk", { token: coordinatorEssen, body: { records: [{ name: "Übernommen", kind: "nonprofit", regionCode: "05113", source: "import", externalRef: "ffm-org" }] } }),
      403,
      "forbidden",
    );
    expect(detailPaths(err)).toEqual(["records[0].externalRef"]);
    expect((await call(`/api/v1/organisations/${stored.json.ids[0]}`)).json).toMatchObject({ name: "Frankfurter Stiftung", regionCode: "06412" });
  });

  it("5 001 records → 422", async () => {
    const many = Array.from({ length: 5001 }, (_, i) => ({ name: `N${i}`, kind: "company", regionCode: "05113" }));
    const err = await expectRejectedWithoutChange(() => call("/api/v1/organisations/bulk", { body: { records: many } }), 422, "validation_failed");
    expect(detailPaths(err)).toEqual(["records"]);
  });

  it("funders and anonymous callers may not bulk-write", async () => {
    const funder = await tokenFor("funder");
    const snap = await snapshot();
    expectError(await call("/api/v1/organisations/bulk", { token: funder, body: { records: records() } }), 403, "forbidden");
    expectError(await call("/api/v1/organisations/bulk", { token: null, body: { records: records() } }), 401, "unauthorized");
    expectError(await call("/api/v1/cooperations/bulk", { token: funder, body: { records: [record(0)] } }), 403, "forbidden");
    expectError(await call("/api/v1/cooperations/bulk", { token: null, body: { records: [record(0)] } }), 401, "unauthorized");
    expect(await snapshot()).toEqual(snap);
  });
});
