/**
 * Randomised model test of the revision rule (README, Guarantees: never stale): a seeded
 * generator sends a long random sequence of writes of every kind through the API — organisations,
 * events, cooperations (single, bulk, import), region moves and populations, purges — reads
 * figures of random scopes and windows in between, and after every step checks that every stored
 * snapshot whose revision reads as current equals a from-scratch recomputation of the same scope
 * and window (summary, per-organisation metrics with suggestions, ties).
 *
 * A failure names the seed, the step and the writes so far; add a seed that once failed to
 * `SEEDS` so it keeps being checked.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDb } from "../../worker/db/client";
import { currentRevision } from "../../worker/db/revisions";
import { computeSnapshot } from "../../worker/network/snapshots";
import { call } from "./api";

const SEEDS = [20261130, 7, 4242];
const STEPS = 30;

/** mulberry32: a small seeded generator, so a seed replays the same sequence. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const some = <T,>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(int(copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, some, chance: (p: number) => next() < p };
}

const DISTRICTS = ["05111", "05112", "05113", "12060"];
const KINDS = ["company", "nonprofit", "nonprofit", "company", "public", "intermediary"];
const INDUSTRIES = ["it_services", "retail", "construction", "banking"];
const FIELDS = ["youth_work", "elderly_care", "sports", "migration"];
const EVENT_KINDS = ["action_day", "marketplace", "round_table", "social_day", "other"];
const STATUSES = ["agreed", "done", "ongoing", "cancelled", "not_feasible", "done"];
const WINDOWS = [
  { from: "2024-01-01", to: "2025-12-31" },
  { from: "2025-01-01", to: "2025-06-30" },
];

interface StoredSnapshot {
  summary: unknown;
  organisations: unknown[];
  edges: unknown[];
}

async function storedContent(id: number): Promise<StoredSnapshot> {
  const s = await env.DB.prepare("SELECT summary FROM metric_snapshots WHERE id = ?").bind(id).first<{ summary: string }>();
  const orgs = await env.DB.prepare("SELECT organisation_id, status, betweenness, metrics FROM organisation_metrics WHERE snapshot_id = ? ORDER BY organisation_id").bind(id).all();
  const edges = await env.DB.prepare("SELECT a, b, weight, hours, value_eur, first_date, last_date FROM snapshot_edges WHERE snapshot_id = ? ORDER BY a, b").bind(id).all();
  return {
    summary: JSON.parse(s!.summary),
    organisations: orgs.results.map((r) => ({ ...r, metrics: JSON.parse(r.metrics as string) })),
    edges: edges.results,
  };
}

/** Every stored snapshot that reads as current equals a recomputation now; returns how many were checked. */
async function checkCurrentSnapshots(context: () => string): Promise<number> {
  const db = createDb(env.DB);
  const { results } = await env.DB.prepare(
    "SELECT id, region_code AS scope, window_from AS fromDate, window_to AS toDate, revision FROM metric_snapshots WHERE region_code NOT LIKE '~%' ORDER BY id",
  ).all<{ id: number; scope: string; fromDate: string; toDate: string; revision: number }>();
  let checked = 0;
  for (const row of results) {
    if (row.revision !== (await currentRevision(db, row.scope))) continue;
    const before = await storedContent(row.id);
    const fresh = await computeSnapshot(db, row.scope, { from: row.fromDate, to: row.toDate });
    const after = await storedContent(fresh.id);
    const what = `snapshot ${row.scope} ${row.fromDate}..${row.toDate} (revision ${row.revision}) read as current but differs from a recomputation\n${context()}`;
    expect(before.summary, what).toEqual(after.summary);
    expect(before.edges, what).toEqual(after.edges);
    expect(before.organisations, what).toEqual(after.organisations);
    checked++;
  }
  return checked;
}

interface World {
  organisations: number[];
  cooperations: number[];
  events: number[];
  customRegions: string[];
}

async function ids(table: string): Promise<number[]> {
  const { results } = await env.DB.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).all<{ id: number }>();
  return results.map((r) => r.id);
}

function date(g: ReturnType<typeof generator>) {
  return `${g.pick(["2024", "2025"])}-${String(1 + g.int(12)).padStart(2, "0")}-${String(1 + g.int(28)).padStart(2, "0")}`;
}

/** One random write through the API; returns a line describing it (for the failure message). */
async function randomWrite(g: ReturnType<typeof generator>, w: World, seed: number, step: number): Promise<string> {
  const leaves = [...DISTRICTS, ...w.customRegions];
  const org = () => g.pick(w.organisations);
  const newOrg = () => {
    const kind = g.pick(KINDS);
    const company = kind === "company";
    return {
      name: `Org ${seed}-${step}-${g.int(1e6)}`,
      kind,
      regionCode: g.pick(leaves),
      industry: company ? g.pick(INDUSTRIES) : null,
      field: company ? null : g.pick(FIELDS),
      isPublic: g.chance(0.5),
    };
  };
  const newCoop = () => {
    const partners = g.some(w.organisations, 2 + g.int(2));
    return {
      partnerIds: partners,
      dateAgreed: date(g),
      status: g.pick(STATUSES),
      hours: g.int(50),
      valueEur: g.int(2000),
      contributionTypes: [g.pick(["time", "goods", "know_how", "money"])],
      ...(g.chance(0.5) ? { regionCode: g.pick(leaves) } : {}),
      ...(g.chance(0.4) && w.events.length ? { eventId: g.pick(w.events) } : {}),
    };
  };
  const kinds = [
    "createOrg", "createOrg", "patchOrg", "patchOrg", "deleteOrg", "createCoop", "createCoop", "createCoop", "patchCoop", "patchCoop",
    "deleteCoop", "createEvent", "patchEvent", "deleteEvent", "bulkOrgs", "bulkCoops", "importOrgs", "importCoops", "moveRegion",
    "population", "purge",
  ] as const;
  const kind = g.pick(kinds);
  let res: Awaited<ReturnType<typeof call>>;
  let line: string;
  switch (kind) {
    case "createOrg": {
      const body = newOrg();
      res = await call("/api/v1/organisations", { body });
      line = `POST organisations ${JSON.stringify(body)}`;
      break;
    }
    case "patchOrg": {
      const id = org();
      const body = g.pick([
        () => ({ industry: g.pick(INDUSTRIES) }),
        () => ({ field: g.pick(FIELDS) }),
        () => ({ kind: g.pick(KINDS) }),
        () => ({ isPublic: g.chance(0.5) }),
        () => ({ name: `Renamed ${seed}-${step}` }),
        () => ({ regionCode: g.pick(leaves) }),
      ])();
      res = await call(`/api/v1/organisations/${id}`, { method: "PATCH", body });
      line = `PATCH organisations/${id} ${JSON.stringify(body)}`;
      break;
    }
    case "deleteOrg": {
      const id = org();
      res = await call(`/api/v1/organisations/${id}`, { method: "DELETE" });
      line = `DELETE organisations/${id}`;
      break;
    }
    case "createCoop": {
      const body = newCoop();
      res = await call("/api/v1/cooperations", { body });
      line = `POST cooperations ${JSON.stringify(body)}`;
      break;
    }
    case "patchCoop": {
      if (!w.cooperations.length) return "no cooperation to patch";
      const id = g.pick(w.cooperations);
      const body = g.pick([
        () => ({ status: g.pick(STATUSES) }),
        () => ({ partnerIds: g.some(w.organisations, 2) }),
        () => ({ regionCode: g.pick(leaves) }),
        () => ({ dateAgreed: date(g), dateDone: null }),
        () => ({ hours: g.int(80), valueEur: g.int(5000) }),
        () => ({ eventId: w.events.length && g.chance(0.7) ? g.pick(w.events) : null }),
      ])();
      res = await call(`/api/v1/cooperations/${id}`, { method: "PATCH", body });
      line = `PATCH cooperations/${id} ${JSON.stringify(body)}`;
      break;
    }
    case "deleteCoop": {
      if (!w.cooperations.length) return "no cooperation to delete";
      const id = g.pick(w.cooperations);
      res = await call(`/api/v1/cooperations/${id}`, { method: "DELETE" });
      line = `DELETE cooperations/${id}`;
      break;
    }
    case "createEvent": {
      const body = {
        kind: g.pick(EVENT_KINDS),
        title: `Event ${seed}-${step}`,
        date: date(g),
        regionCode: g.pick(leaves),
        participantIds: g.some(w.organisations, g.int(4)),
        ...(g.chance(0.5) ? { organiserId: org() } : {}),
      };
      res = await call("/api/v1/events", { body });
      line = `POST events ${JSON.stringify(body)}`;
      break;
    }
    case "patchEvent": {
      if (!w.events.length) return "no event to patch";
      const id = g.pick(w.events);
      const body = g.pick([
        () => ({ kind: g.pick(EVENT_KINDS) }),
        () => ({ regionCode: g.pick(leaves) }),
        () => ({ participantIds: g.some(w.organisations, g.int(4)) }),
        () => ({ date: date(g) }),
        () => ({ organiserId: org() }),
      ])();
      res = await call(`/api/v1/events/${id}`, { method: "PATCH", body });
      line = `PATCH events/${id} ${JSON.stringify(body)}`;
      break;
    }
    case "deleteEvent": {
      if (!w.events.length) return "no event to delete";
      const id = g.pick(w.events);
      res = await call(`/api/v1/events/${id}`, { method: "DELETE" });
      line = `DELETE events/${id}`;
      break;
    }
    case "bulkOrgs": {
      // Stable references, so later bulk writes update earlier ones (also moving them).
      const records = Array.from({ length: 1 + g.int(3) }, () => ({ ...newOrg(), source: "model", externalRef: `o${g.int(6)}` }));
      const unique = [...new Map(records.map((r) => [r.externalRef, r])).values()];
      res = await call("/api/v1/organisations/bulk", { body: { records: unique } });
      line = `POST organisations/bulk ${JSON.stringify(unique)}`;
      break;
    }
    case "bulkCoops": {
      const records = Array.from({ length: 1 + g.int(3) }, () => ({ ...newCoop(), source: "model", externalRef: `c${g.int(6)}` }));
      const unique = [...new Map(records.map((r) => [r.externalRef, r])).values()];
      res = await call("/api/v1/cooperations/bulk", { body: { records: unique } });
      line = `POST cooperations/bulk ${JSON.stringify(unique)}`;
      break;
    }
    case "importOrgs": {
      // An existing organisation by name within its region (an update) and a new one.
      const id = org();
      const known = (await call(`/api/v1/organisations/${id}`)).json;
      const fresh = newOrg();
      const csv = [
        "Name;Kind;Region;Industry;Field of work;Public",
        `${known.name};${known.kind};${known.regionCode};${known.kind === "company" ? g.pick(INDUSTRIES) : ""};${known.kind === "company" ? "" : g.pick(FIELDS)};${g.chance(0.5) ? "ja" : "nein"}`,
        `${fresh.name};${fresh.kind};${fresh.regionCode};${fresh.industry ?? ""};${fresh.field ?? ""};nein`,
      ].join("\r\n");
      res = await call("/api/v1/import?type=organisations&dryRun=false", { rawBody: csv, contentType: "text/csv" });
      line = `import organisations\n${csv}`;
      break;
    }
    case "importCoops": {
      const partners = g.some(w.organisations, 2);
      const d = date(g);
      const csv = ["Partner IDs;Date;Status;Hours", `${partners.join("|")};${d.split("-").reverse().join(".")};${g.pick(["agreed", "done"])};${g.int(30)},5`].join("\r\n");
      res = await call("/api/v1/import?type=cooperations&dryRun=false", { rawBody: csv, contentType: "text/csv" });
      line = `import cooperations\n${csv}`;
      break;
    }
    case "moveRegion": {
      const code = g.pick(w.customRegions);
      const parentCode = g.pick(DISTRICTS);
      res = await call(`/api/v1/regions/${code}`, { method: "PATCH", body: { parentCode } });
      line = `PATCH regions/${code} ${JSON.stringify({ parentCode })}`;
      break;
    }
    case "population": {
      const code = g.pick([...leaves, "05", "12"]);
      const population = 1000 + g.int(1_000_000);
      res = await call(`/api/v1/regions/${code}`, { method: "PATCH", body: { population } });
      line = `PATCH regions/${code} ${JSON.stringify({ population })}`;
      break;
    }
    case "purge": {
      const id = org();
      res = await call(`/api/v1/organisations/${id}/personal-data?purge=true`, { method: "DELETE" });
      line = `DELETE organisations/${id}/personal-data?purge=true`;
      break;
    }
  }
  // A write may be refused (a deleted partner, too few partners): never with a server error.
  if (res.status >= 500) throw new Error(`seed ${seed} step ${step}: ${line} → ${res.status} ${res.text}`);
  return `${line} → ${res.status}`;
}

describe("revision rule: every snapshot that reads as current equals a recomputation", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ${STEPS} random writes of every kind, checked after each`, async () => {
      const g = generator(seed);
      const customRegions = [`M${seed}A`, `M${seed}B`];
      // Custom regions below districts of two states; their codes say nothing about their state.
      expect((await call("/api/v1/regions", { body: { code: customRegions[0], name: "Stadtteil A", kind: "custom", parentCode: "05113", population: 20000 } })).status).toBe(201);
      expect((await call("/api/v1/regions", { body: { code: customRegions[1], name: "Stadtteil B", kind: "custom", parentCode: "12060", population: 15000 } })).status).toBe(201);
      const w: World = { organisations: [], cooperations: [], events: [], customRegions };
      const leaves = [...DISTRICTS, ...customRegions];
      for (let i = 0; i < 10; i++) {
        const kind = KINDS[i % 4];
        const res = await call("/api/v1/organisations", {
          body: { name: `Start ${seed}-${i}`, kind, regionCode: g.pick(leaves), ...(kind === "company" ? { industry: g.pick(INDUSTRIES) } : { field: g.pick(FIELDS) }), isPublic: g.chance(0.5) },
        });
        expect(res.status).toBe(201);
      }
      const log: string[] = [];
      const scopes = [...leaves, "05", "12", "DE"];
      let checked = 0;
      for (let step = 0; step < STEPS; step++) {
        w.organisations = await ids("organisations");
        w.cooperations = await ids("cooperations");
        w.events = await ids("events");
        log.push(`${step}: ${await randomWrite(g, w, seed, step)}`);
        checked += await checkCurrentSnapshots(() => `seed ${seed}, after step ${step}; writes:\n${log.join("\n")}`);
        // Reads store snapshots of random scopes and windows, to be checked after the next writes.
        for (const scope of g.some(scopes, 3)) {
          const window = g.pick(WINDOWS);
          const path = scope === "DE" ? "/api/v1/metrics" : `/api/v1/regions/${scope}/metrics`;
          const res = await call(`${path}?from=${window.from}&to=${window.to}`);
          expect(res.status, `${path} after step ${step} (seed ${seed})`).toBe(200);
        }
      }
      // The check compared real snapshots, not an empty set.
      expect(checked).toBeGreaterThan(10);
    }, 240_000);
  }
});

/** The three findings the rule was written for, each on its own. */
describe("writes that used to leave figures marked current", () => {
  const metrics = async (code: string) => (await call(`/api/v1/regions/${code}/metrics?from=2025-01-01&to=2025-12-31`)).json;
  const storedRevision = async (code: string) =>
    (await env.DB.prepare("SELECT revision FROM metric_snapshots WHERE region_code = ? AND window_from = '2025-01-01' AND window_to = '2025-12-31'").bind(code).first<{ revision: number }>())!.revision;
  const isCurrent = async (code: string) => (await storedRevision(code)) === (await currentRevision(createDb(env.DB), code));

  it("a partner registered in another region changes its industry: the region whose graph shows it is stale", async () => {
    const company = (await call("/api/v1/organisations", { body: { name: "Partner Anderswo GmbH", kind: "company", regionCode: "05111", industry: "it_services" } })).json.id;
    const nonprofit = (await call("/api/v1/organisations", { body: { name: "Verein Hier", kind: "nonprofit", regionCode: "12060", field: "youth_work" } })).json.id;
    expect((await call("/api/v1/cooperations", { body: { partnerIds: [company, nonprofit], regionCode: "12060", dateAgreed: "2025-03-01", status: "done" } })).status).toBe(201);
    await metrics("12060");
    expect(await isCurrent("12060")).toBe(true);
    expect((await call(`/api/v1/organisations/${company}`, { method: "PATCH", body: { industry: "retail" } })).status).toBe(200);
    expect(await isCurrent("12060")).toBe(false);
  });

  it("a cooperation registered in another region: the regions of its partners are stale, and their networks show it", async () => {
    // Partners in two states, so that no common ancestor hides a missing bump.
    const a = (await call("/api/v1/organisations", { body: { name: "Firma Q", kind: "company", regionCode: "12060", industry: "banking" } })).json.id;
    const b = (await call("/api/v1/organisations", { body: { name: "Verein X", kind: "nonprofit", regionCode: "05111", field: "sports" } })).json.id;
    const before = await metrics("12060");
    expect(await isCurrent("12060")).toBe(true);
    expect((await call("/api/v1/cooperations", { body: { partnerIds: [a, b], regionCode: "05111", dateAgreed: "2025-05-01", status: "agreed" } })).status).toBe(201);
    expect(await isCurrent("12060")).toBe(false);
    const after = await metrics("12060");
    expect(after.activeOrganisations).toBe(before.activeOrganisations + 1);
    // Its network shows the tie: the organisation is no longer isolated there.
    expect(after.network.statusCounts.isolated).toBe(before.network.statusCounts.isolated - 1);
    expect(after.network.edges).toBe(before.network.edges + 1);
  });

  it("a sub-region moves to another parent: the old parent is stale too", async () => {
    expect((await call("/api/v1/regions", { body: { code: "MOVE1", name: "Quartier", kind: "custom", parentCode: "05113" } })).status).toBe(201);
    const org = (await call("/api/v1/organisations", { body: { name: "Quartiersverein", kind: "nonprofit", regionCode: "MOVE1" } })).json.id;
    expect(org).toBeGreaterThan(0);
    const before = await metrics("05113");
    expect(await isCurrent("05113")).toBe(true);
    // To another state, so that no common ancestor hides a missing bump of the old parent.
    expect((await call("/api/v1/regions/MOVE1", { method: "PATCH", body: { parentCode: "12060" } })).status).toBe(200);
    expect(await isCurrent("05113")).toBe(false);
    expect((await metrics("05113")).organisations.total).toBe(before.organisations.total - 1);
  });
});
