/**
 * Network analytics through the API on a small, hand-made region: figures, snapshot staleness and
 * recomputation (on read and by the cron job), monthly history, exports and role rules.
 */
import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { createDb, readTogether } from "../../worker/db/client";
import { currentRevision } from "../../worker/db/revisions";
import { edgePageQuery, edgePages, organisationPageQuery, organisationPages, organisationRows } from "../../worker/network/snapshot-reads";
import type { SnapshotEdge } from "../../worker/network/snapshots";
import { call, makeOrganisation, tokenFor } from "./api";

// Jena (16053) is used by no other test file; the window ends 2024-06-30.
const R = "16053";
const TO = "2024-06-30";
let ids: Record<string, number>;
let marketplace: number;

async function coop(partners: number[], date: string, extra: Record<string, unknown> = {}) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds: partners, dateAgreed: date, status: "done", hours: 10, volunteers: 2, valueEur: 500, contributionTypes: ["time"], ...extra } });
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id as number;
}

beforeAll(async () => {
  ids = {
    A: await makeOrganisation({ name: "Jenoptik Test AG", kind: "company", regionCode: R, industry: "optics", isPublic: true }),
    B: await makeOrganisation({ name: "Stadtwerke Jena Test GmbH", kind: "company", regionCode: R, industry: "utilities" }),
    C: await makeOrganisation({ name: "Bäckerei Test", kind: "company", regionCode: R, industry: "food" }),
    N1: await makeOrganisation({ name: "Jugendhilfe Jena e.V.", kind: "nonprofit", regionCode: R, field: "youth_work", isPublic: true }),
    N2: await makeOrganisation({ name: "Tafel Jena e.V.", kind: "nonprofit", regionCode: R, field: "poverty" }),
    N3: await makeOrganisation({ name: "Lebenshilfe Jena e.V.", kind: "nonprofit", regionCode: R, field: "youth_work" }),
    N4: await makeOrganisation({ name: "Sportverein Jena 1920 e.V.", kind: "nonprofit", regionCode: R, field: "sports" }),
  };
  const ev = await call("/api/v1/events", { body: { kind: "marketplace", title: "Gute Geschäfte Jena 2023", date: "2023-05-10", regionCode: R, participantIds: [ids.A, ids.B, ids.N1, ids.N2] } });
  marketplace = ev.json.id;
  await coop([ids.A, ids.N1], "2022-03-01", { eventId: marketplace });
  await coop([ids.A, ids.N1], "2023-04-01");
  await coop([ids.A, ids.N2], "2023-05-10", { eventId: marketplace });
  await coop([ids.B, ids.N2], "2023-05-10", { eventId: marketplace, status: "agreed" });
  await coop([ids.B, ids.N4], "2023-05-10", { eventId: marketplace, status: "cancelled" });
  await coop([ids.C, ids.N4], "2022-09-01", { hours: 4 });
});

describe("region metrics", () => {
  it("computes counts, inputs, network figures and status from the data", async () => {
    const res = await call(`/api/v1/regions/${R}/metrics?to=${TO}`);
    expect(res.status, res.text).toBe(200);
    const m = res.json;
    expect(m.window).toEqual({ from: "2022-07-01", to: TO });
    // In the window (2022-07-01 … 2024-06-30): 5 deals (the 2022-03-01 one is outside).
    expect(m.cooperations.total).toBe(5);
    expect(m.cooperations.byStatus).toMatchObject({ done: 3, agreed: 1, cancelled: 1 });
    expect(m.cooperations.byFormat).toMatchObject({ marketplace: 3, none: 2 });
    expect(m.cooperations.fulfilmentRate).toBeCloseTo(3 / 5, 12);
    expect(m.cooperations.fulfilmentRateByFormat.marketplace).toBeCloseTo(1 / 3, 12);
    // Cancelled deals bring no inputs: 4 deals × 10 h … except the 4 h one.
    expect(m.inputs.hours).toBe(34);
    expect(m.inputs.valueByContributionType.time).toBe(2000);
    expect(m.organisations).toMatchObject({ company: 3, nonprofit: 4, total: 7 });
    // Ties: A–N1, A–N2, B–N2, C–N4 (cancelled B–N4 forms none); N3 isolated.
    expect(m.network.nodes).toBe(7);
    expect(m.network.edges).toBe(4);
    expect(m.network.density).toBeCloseTo(4 / 21, 12);
    expect(m.network.components).toBe(3);
    expect(m.network.isolatesShare).toBeCloseTo(1 / 7, 12);
    // A–N1 recurs (2022 and 2023, the first before the window): A connected. N2's two ties are
    // one-off and its last deal (2023-05-10) is older than 12 months at the window end: fading.
    expect(m.network.statusCounts).toEqual({ isolated: 1, peripheral: 4, fading: 1, connected: 1 });
    // Non-profits' two-step reach: N1 {A, N2}=2, N2 {A, B, N1}=3, N3 0, N4 {C}=1.
    expect(m.network.meanTwoStepReachNonprofits).toBeCloseTo(6 / 4, 12);
    expect(m.revision).toBeGreaterThan(0);
    expect(m.stale).toBe(false);
    expect(typeof m.computedAt).toBe("string");
  });

  it("marks a write's region stale and recomputes on the next read", async () => {
    const before = await call(`/api/v1/regions/${R}/metrics?to=${TO}`);
    await coop([ids.C, ids.N3], "2024-01-15");
    const after = await call(`/api/v1/regions/${R}/metrics?to=${TO}`);
    expect(after.json.revision).toBeGreaterThan(before.json.revision);
    expect(after.json.stale).toBe(false);
    expect(after.json.cooperations.total).toBe(before.json.cooperations.total + 1);
    expect(after.json.network.statusCounts.isolated).toBe(0);
    // The state (16) is an ancestor: its revision moved too.
    const rev = await env.DB.prepare("SELECT revision FROM region_revisions WHERE region_code = '16'").first<{ revision: number }>();
    expect(rev!.revision).toBeGreaterThan(0);
  });

  it("lets the cron job recompute stale snapshots and appends monthly history that is never overwritten", async () => {
    await call(`/api/v1/regions/${R}/metrics?to=2024-05-31`);
    await call(`/api/v1/regions/${R}/metrics?to=2024-06-30`);
    const history = await env.DB.prepare("SELECT period, computed_at FROM metric_history WHERE region_code = ? ORDER BY period").bind(R).all<{ period: string; computed_at: string }>();
    const periods = history.results.map((h) => h.period);
    expect(periods).toEqual(expect.arrayContaining(["2024-05", "2024-06"]));
    const june = history.results.find((h) => h.period === "2024-06")!;

    // A write makes the current default-window snapshot stale; the scheduled handler sends it to
    // the recomputation queue, whose consumer (Miniflare's local queue) recomputes it.
    await call(`/api/v1/regions/${R}/metrics`);
    await coop([ids.B, ids.N1], new Date().toISOString().slice(0, 10));
    const latestRevision = async () => (await env.DB.prepare("SELECT revision FROM metric_snapshots WHERE region_code = ? ORDER BY computed_at DESC LIMIT 1").bind(R).first<{ revision: number }>())!.revision;
    expect(await latestRevision()).toBeLessThan(await currentRevision(createDb(env.DB), R));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/15 * * * *" }), env as never, ctx);
    await waitOnExecutionContext(ctx);
    const until = Date.now() + 30_000;
    while ((await latestRevision()) !== (await currentRevision(createDb(env.DB), R)) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(await latestRevision()).toBe(await currentRevision(createDb(env.DB), R));
    while (!(await env.DB.prepare("SELECT 1 FROM metric_snapshots WHERE region_code = 'DE'").first()) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    const national = await env.DB.prepare("SELECT count(*) AS n FROM metric_snapshots WHERE region_code = 'DE'").first<{ n: number }>();
    expect(national!.n).toBeGreaterThan(0);

    // Recomputing June again (after the writes) leaves June's history row as it was.
    await call(`/api/v1/regions/${R}/metrics?to=2024-06-30`);
    const juneAgain = await env.DB.prepare("SELECT computed_at FROM metric_history WHERE region_code = ? AND period = '2024-06'").bind(R).first<{ computed_at: string }>();
    expect(juneAgain!.computed_at).toBe(june.computed_at);
  });
});

describe("isolated organisations and suggestions", () => {
  it("lists isolated/peripheral organisations with ranked, explained suggestions of the other side", async () => {
    const res = await call(`/api/v1/regions/${R}/isolated?to=2023-12-31`);
    expect(res.status, res.text).toBe(200);
    const byId = new Map(res.json.organisations.map((o: any) => [o.organisationId, o]));
    const n3: any = byId.get(ids.N3);
    expect(n3.status).toBe("isolated");
    expect(n3.suggestions.length).toBeGreaterThan(0);
    for (const s of n3.suggestions) {
      expect(s.kind).toBe("company");
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    // A has the most partners and a youth_work partner (N1): it ranks first for N3 (youth_work).
    expect(n3.suggestions[0].organisationId).toBe(ids.A);
    expect(n3.suggestions[0].reasons.join(" ")).toMatch(/youth_work/);
    const scores = n3.suggestions.map((s: any) => s.score);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    // Existing partners are never suggested.
    const n1: any = byId.get(ids.N1);
    if (n1) expect(n1.suggestions.map((s: any) => s.organisationId)).not.toContain(ids.A);
    const csv = await call(`/api/v1/regions/${R}/isolated?to=2023-12-31&format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const raw = new Uint8Array(await (await SELF.fetch(`http://localhost/api/v1/regions/${R}/isolated?to=2023-12-31&format=csv`, { headers: { Authorization: "Bearer test-admin-token" } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    expect(csv.text).toContain("Lebenshilfe Jena e.V.");
  });
});

describe("network and organisation endpoints", () => {
  it("returns nodes with metrics and layout, edges, and standard export formats", async () => {
    const res = await call(`/api/v1/regions/${R}/network?to=${TO}`);
    expect(res.status, res.text).toBe(200);
    const a = res.json.nodes.find((n: any) => n.id === ids.A);
    expect(a).toMatchObject({ degree: 2, kind: "company", inScope: true });
    expect(typeof a.x).toBe("number");
    expect(res.json.edges.length).toBe(res.json.metrics.edges);
    const gexf = await call(`/api/v1/regions/${R}/network?to=${TO}&format=gexf`);
    expect(gexf.text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect((gexf.text.match(/<node /g) ?? []).length).toBe(res.json.nodes.length);
    const graphml = await call(`/api/v1/regions/${R}/network?to=${TO}&format=graphml`);
    expect((graphml.text.match(/<edge /g) ?? []).length).toBe(res.json.edges.length);
    const csv = await call(`/api/v1/regions/${R}/network?to=${TO}&format=csv`);
    expect(csv.text.trim().split("\r\n").length).toBe(res.json.edges.length + 1);
    // The layout is computed once per snapshot and stored: a second request gives the same positions.
    const again = await call(`/api/v1/regions/${R}/network?to=${TO}`);
    expect(again.json.nodes.find((n: any) => n.id === ids.A).x).toBe(a.x);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM snapshot_layouts").first<{ n: number }>();
    expect(stored!.n).toBeGreaterThanOrEqual(res.json.nodes.length);
  });

  it("reads organisations and ties page by page after a first page read in a batch", async () => {
    const res = await call(`/api/v1/regions/${R}/network?to=${TO}`);
    expect(res.status).toBe(200);
    const db = createDb(env.DB);
    const { id } = (await env.DB.prepare("SELECT id FROM metric_snapshots WHERE region_code = ? AND window_to = ?").bind(R, TO).first<{ id: number }>())!;
    const collect = async <T>(pages: AsyncGenerator<T[]>) => {
      const out: T[][] = [];
      for await (const page of pages) out.push(page);
      return out;
    };
    const [firstOrganisations, firstEdges] = await readTogether(db, [organisationPageQuery(id, { limit: 2, withoutSuggestions: true }), edgePageQuery(id, { a: -1, b: -1 }, 2)]);
    const organisations = await collect(organisationPages(db, id, { pageSize: 2, withoutSuggestions: true, firstPage: organisationRows(firstOrganisations as { metrics: string }[]) }));
    // Pages of 2: full pages, then the rest (none when the count is even).
    const pageLengths = (n: number) => [...Array(Math.floor(n / 2)).fill(2), ...(n % 2 ? [1] : [])];
    const inScope = res.json.nodes.filter((n: any) => n.inScope);
    expect(inScope.length).toBeGreaterThan(4);
    expect(organisations.map((p) => p.length)).toEqual(pageLengths(inScope.length));
    expect(organisations.flat().map((o) => o.organisationId).sort()).toEqual(inScope.map((n: any) => n.id).sort());
    expect(organisations.flat().every((o) => o.suggestions === undefined)).toBe(true);
    const edges = await collect(edgePages(db, id, 2, firstEdges as unknown as SnapshotEdge[]));
    expect(res.json.edges.length).toBeGreaterThan(2);
    expect(edges.map((p) => p.length)).toEqual(pageLengths(res.json.edges.length));
    expect(edges.flat().map((e) => `${e.a}-${e.b}`)).toEqual(res.json.edges.map((e: any) => `${e.source}-${e.target}`));
  });

  it("pages the isolated list with a cursor and explains suggestions as codes too", async () => {
    const all = await call(`/api/v1/regions/${R}/isolated?to=2023-12-31`);
    const first = await call(`/api/v1/regions/${R}/isolated?to=2023-12-31&limit=2`);
    expect(first.json.organisations.length).toBe(2);
    expect(first.json.nextCursor).not.toBeNull();
    const second = await call(`/api/v1/regions/${R}/isolated?to=2023-12-31&limit=100&cursor=${first.json.nextCursor}`);
    const seen = [...first.json.organisations, ...second.json.organisations].map((o: any) => o.organisationId).sort();
    expect(seen).toEqual(all.json.organisations.map((o: any) => o.organisationId).sort());
    const s = all.json.organisations.find((o: any) => o.organisationId === ids.N3).suggestions[0];
    expect(s.reasonCodes.map((r: any) => r.code)).toContain("same_region");
    expect(s.reasonCodes.length).toBe(s.reasons.length);
  });

  it("adds the weaker event co-participation layer on request", async () => {
    const res = await call(`/api/v1/regions/${R}/network?to=${TO}&eventTies=true`);
    // The 2023 marketplace had A, B, N1, N2: six pairs attended one event together.
    expect(res.json.eventTies.length).toBe(6);
    expect(res.json.eventTies.every((t: any) => t.layer === "event" && t.events === 1)).toBe(true);
    expect((await call(`/api/v1/regions/${R}/network?to=${TO}`)).json.eventTies).toBeUndefined();
    const gexf = await call(`/api/v1/regions/${R}/network?to=${TO}&format=gexf&eventTies=true`);
    expect((gexf.text.match(/<edge /g) ?? []).length).toBe(res.json.edges.length + 6);
  });

  it("gives an organisation's metrics with its ego network", async () => {
    const res = await call(`/api/v1/organisations/${ids.A}/metrics?to=${TO}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.metrics.degree).toBe(2);
    expect(res.json.metrics.twoStepReach).toBe(3); // N1, N2, and B via N2
    expect(res.json.ego.nodes.map((n: any) => n.id).sort()).toEqual([ids.A, ids.N1, ids.N2].sort());
  });

  it("gives trends per year and conversion by format", async () => {
    const trend = await call(`/api/v1/regions/${R}/trend?metric=cooperations&interval=year&from=2022-01-01&to=2023-12-31`);
    expect(trend.status, trend.text).toBe(200);
    expect(trend.json.points).toEqual([{ period: "2022", value: 2, partial: false }, { period: "2023", value: 4, partial: false }]);
    const cut = await call(`/api/v1/regions/${R}/trend?metric=cooperations&interval=year&from=2023-01-01&to=2023-06-30`);
    expect(cut.json.points).toEqual([{ period: "2023", value: 4, partial: true }]);
    const network = await call(`/api/v1/regions/${R}/trend?metric=density&interval=year&from=2023-01-01&to=2023-12-31`);
    expect(network.json.points[0].value).toBeGreaterThan(0);
    const conv = await call(`/api/v1/conversion?region=${R}&to=2025-06-30`);
    expect(trend.json.points[0]).not.toHaveProperty("n");
    const row = conv.json.rows.find((r: any) => r.format === "marketplace" && r.year === 2022);
    // A–N1 met at the 2022 marketplace and cooperated again in 2023: converted.
    expect(row).toMatchObject({ pairs: 1, converted: 1, rate: 1 });
    // Per format over all years: summed before any suppression.
    const byFormat = await call(`/api/v1/conversion?region=${R}&to=2025-06-30&by=format`);
    const market = byFormat.json.rows.find((r: any) => r.format === "marketplace");
    const perYear = conv.json.rows.filter((r: any) => r.format === "marketplace");
    expect(market.year).toBeNull();
    expect(market.pairs).toBe(perYear.reduce((s: number, r: any) => s + r.pairs, 0));
    expect(market.converted).toBe(perYear.reduce((s: number, r: any) => s + r.converted, 0));
  });
});

describe("the base of a trend's rates", () => {
  it("gives the fulfilment rate with its base: the period's cooperations", async () => {
    const res = await call(`/api/v1/regions/${R}/trend?metric=fulfilmentRate&interval=year&from=2021-01-01&to=2023-12-31`);
    expect(res.status, res.text).toBe(200);
    // 2022: A–N1 and C–N4, both done; 2023: 2 of 4 done (B–N2 agreed, B–N4 cancelled); 2021: none.
    expect(res.json.points).toEqual([
      { period: "2021", value: null, n: 0, partial: false },
      { period: "2022", value: 1, n: 2, partial: false },
      { period: "2023", value: 0.5, n: 4, partial: false },
    ]);
  });

  it("gives a network share with its base: the organisations of the network the share is of", async () => {
    const res = await call(`/api/v1/regions/${R}/trend?metric=isolatesShare&interval=year&from=2023-01-01&to=2023-12-31`);
    expect(res.status, res.text).toBe(200);
    const m = (await call(`/api/v1/regions/${R}/metrics?to=2023-12-31`)).json;
    expect(res.json.points[0].n).toBe(m.network.nodes);
    expect(res.json.points[0].value).toBeCloseTo(m.network.isolatesShare, 12);
    expect(res.json.points[0].n).toBeGreaterThan(0);
  });
});

describe("role rules", () => {
  it("gives anonymous callers aggregates only, with small counts suppressed", async () => {
    const res = await call(`/api/v1/regions/${R}/metrics?to=${TO}`, { token: null });
    expect(res.status).toBe(200);
    // B–N2 (agreed) and B–N4 (cancelled) each name two non-public organisations.
    expect(res.json.cooperations.byStatus.agreed).toBe("<3");
    expect(res.json.cooperations.byStatus.cancelled).toBe("<3");
    // The total minus the visible statuses is agreed + cancelled together: B, N2 and N4, three
    // non-public organisations, so no further status needs to be withheld for them (docs/privacy.md).
    expect(Object.values(res.json.cooperations.byStatus).filter((v) => v === "<3").length).toBeGreaterThanOrEqual(2);
    // All deals concern at least 3 non-public organisations: the total and its per-capita figure stay.
    expect(typeof res.json.cooperations.total).toBe("number");
    expect(res.json.perHundredThousand.cooperations).toBeGreaterThan(0);
    // A rate over a suppressed count would give the count back: hidden. Marketplaces: 3 deals, 1 done.
    expect(res.json.cooperations.fulfilmentRateByFormat.marketplace).toBeNull();
    const signedIn = await call(`/api/v1/regions/${R}/metrics?to=${TO}`);
    expect(signedIn.json.cooperations.fulfilmentRateByFormat.marketplace).toBeCloseTo(1 / 3, 12);
    const conv = await call(`/api/v1/conversion?region=${R}&to=2025-06-30`, { token: null });
    for (const row of conv.json.rows) if (row.converted === "<3" || row.pairs === "<3") expect(row.rate).toBeNull();
    for (const path of [`/api/v1/regions/${R}/network`, `/api/v1/regions/${R}/isolated`, `/api/v1/organisations/${ids.A}/metrics`]) {
      expect((await call(path, { token: null })).status).toBe(401);
    }
  });

  it("lets funders see networks; masks non-public names for coordinators of other regions", async () => {
    const funder = await tokenFor("funder");
    expect((await call(`/api/v1/regions/${R}/network?to=${TO}`, { token: funder })).status).toBe(200);
    const other = await tokenFor("coordinator", ["05113"]);
    const res = await call(`/api/v1/regions/${R}/network?to=${TO}`, { token: other });
    const names = res.json.nodes.map((n: any) => n.name);
    expect(names).toContain("Jenoptik Test AG");
    expect(names).not.toContain("Tafel Jena e.V.");
  });

  it("answers 404 for a deleted region although its snapshot is still stored", async () => {
    const code = "NL-DEL";
    expect((await call("/api/v1/regions", { body: { code, name: "Gelöschte Region" } })).status).toBe(201);
    const paths = [`/api/v1/regions/${code}/metrics`, `/api/v1/regions/${code}/network`, `/api/v1/regions/${code}/isolated`, `/api/v1/conversion?region=${code}`];
    for (const path of paths) expect((await call(path)).status, path).toBe(200);
    expect((await call(`/api/v1/regions/${code}`, { method: "DELETE" })).status).toBe(204);
    for (const path of paths) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect(res.json.error).toMatchObject({ code: "not_found", message: `Region ${code} not found` });
    }
  });

  it("answers 404 for unknown regions and 422 for bad windows", async () => {
    for (const path of ["/metrics", "/network", "/isolated"]) expect((await call(`/api/v1/regions/99999${path}`)).status, path).toBe(404);
    expect((await call("/api/v1/conversion?region=99999")).status).toBe(404);
    expect((await call(`/api/v1/regions/${R}/metrics?window=abc`)).json.error.code).toBe("validation_failed");
    expect((await call(`/api/v1/regions/${R}/metrics?from=2024-01-01&to=2023-01-01`)).status).toBe(422);
  });
});
