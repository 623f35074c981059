/**
 * The reported leaks of small numbers in public output, one test each (docs/privacy.md): sums and
 * network figures of a withheld count, rates in trends and embeds, an event's participant count,
 * and figures recoverable by subtraction (state minus districts, year minus months, all formats
 * minus each format, within one response and across responses).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "./api";

const anonymous = (path: string) => call(path, { token: null });

let n = 0;
async function org(regionCode: string, isPublic: boolean, kind = "nonprofit") {
  const res = await call("/api/v1/organisations", { body: { name: `Privatsphäre ${++n}`, kind, regionCode, isPublic } });
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id as number;
}

async function deal(partnerIds: number[], dateAgreed: string, extra: Record<string, unknown> = {}) {
  const res = await call("/api/v1/cooperations", {
    body: { partnerIds, dateAgreed, status: "done", hours: 10, volunteers: 2, valueEur: 500, peopleReached: 20, contributionTypes: ["time"], ...extra },
  });
  if (res.status !== 201) throw new Error(res.text);
}

/** With a visible total, exactly one withheld part is the total minus the others. */
function oneWithheld(total: unknown, parts: unknown[]) {
  return typeof total === "number" && parts.filter((p) => p === "<3").length === 1;
}

// 12060 (Barnim) in 2025: two non-public partners only. Saxony (14) in 2024: a district with one
// non-public partner next to one with three.
let event: number;
beforeAll(async () => {
  const p1 = await org("12060", false, "company");
  const p2 = await org("12060", false);
  const pub = await org("12060", true, "company");
  await deal([p1, p2], "2025-01-08", { hours: 55, valueEur: 5285 });
  await deal([p1, p2], "2025-03-03");
  await deal([p1, p2], "2025-03-20", { status: "agreed" });
  const ev = await call("/api/v1/events", { body: { kind: "marketplace", title: "Markt Barnim", date: "2025-05-01", regionCode: "12060", participantIds: [p1, pub] } });
  if (ev.status !== 201) throw new Error(ev.text);
  event = ev.json.id;

  const x1 = await org("14511", false);
  const pubA = await org("14511", true, "company");
  const [y1, y2, y3] = [await org("14521", false), await org("14521", false, "company"), await org("14521", false, "company")];
  const pubB = await org("14521", true, "company");
  const market = await call("/api/v1/events", { body: { kind: "marketplace", title: "Markt Erzgebirge", date: "2024-03-01", regionCode: "14521", participantIds: [y1, y2, y3] } });
  await deal([x1, pubA], "2024-05-10");
  for (const pair of [[y1, y2], [y2, y3], [y1, y3]]) await deal(pair, "2024-03-01", { eventId: market.json.id });
  await deal([y1, pubB], "2024-07-15");
});

describe("primary suppression", () => {
  it("withholds the sums, value split and per-capita figures of a withheld count", async () => {
    const m = (await anonymous("/api/v1/regions/12060/metrics?from=2025-01-08&to=2025-01-08")).json;
    expect(m.cooperations.total).toBe("<3");
    expect(m.inputs).toEqual({ volunteers: "<3", hours: "<3", valueEur: "<3", valueByContributionType: { time: "<3" }, peopleReached: "<3" });
    for (const k of ["cooperations", "volunteers", "hours", "valueEur", "peopleReached"]) expect(m.perHundredThousand[k], k).toBeNull();
    // Signed in: the figures themselves.
    const signedIn = (await call("/api/v1/regions/12060/metrics?from=2025-01-08&to=2025-01-08")).json;
    expect(signedIn.inputs.hours).toBe(55);
    expect(signedIn.inputs.valueEur).toBe(5285);
  });

  it("withholds network figures of a scope with fewer than 3 non-public organisations", async () => {
    const m = (await anonymous("/api/v1/regions/12060/metrics?from=2025-01-01&to=2025-12-31")).json;
    expect(m.network.edges).toBe("<3");
    expect(m.network.communities).toBe("<3");
    expect(m.network.density).toBeNull();
    const ranking = (await anonymous("/api/v1/metrics?from=2025-01-01&to=2025-12-31&kind=district")).json.regions.find((r: any) => r.code === "12060");
    expect(ranking).toMatchObject({ cooperations: "<3", hours: "<3", density: null, fulfilmentRate: null });
  });

  it("gives no rate of a withheld count in trends, nor in the embed that draws it", async () => {
    const t = (await anonymous("/api/v1/regions/12060/trend?metric=fulfilmentRate&interval=month&from=2025-01-01&to=2025-12-31")).json;
    expect(t.points.find((p: any) => p.period === "2025-03").value).toBeNull();
    const counts = (await anonymous("/api/v1/regions/12060/trend?metric=cooperations&interval=month&from=2025-01-01&to=2025-12-31")).json;
    expect(counts.points.find((p: any) => p.period === "2025-03").value).toBe("<3");
    const embed = await anonymous("/embed/trend?region=12060&metric=fulfilmentRate&interval=month&from=2025-01-01&to=2025-12-31");
    expect(embed.status).toBe(200);
    expect(embed.text).not.toMatch(/50[\s\u00a0\u202f]?%/);
    expect(embed.text).not.toContain('"value":0.5');
    const table = /<tbody>(.*?)<\/tbody>/s.exec(embed.text)![1];
    expect(table).toContain("–");
  });

  it("withholds a trend rate's base like the count it is, and a network share's base with the network", async () => {
    const path = "/api/v1/regions/12060/trend?metric=fulfilmentRate&interval=month&from=2025-01-01&to=2025-04-30";
    const pub = (await anonymous(path)).json.points;
    // January and March: deals of two non-public partners only; February and April: none (0 is no one).
    expect(pub.map((p: any) => [p.period, p.value, p.n])).toEqual([
      ["2025-01", null, "<3"],
      ["2025-02", null, 0],
      ["2025-03", null, "<3"],
      ["2025-04", null, 0],
    ]);
    const signedIn = (await call(path)).json.points;
    expect(signedIn.map((p: any) => [p.value, p.n])).toEqual([[1, 1], [null, 0], [0.5, 2], [null, 0]]);
    // The base is the count the cooperations trend shows for the same period.
    const counts = (await anonymous("/api/v1/regions/12060/trend?metric=cooperations&interval=month&from=2025-01-01&to=2025-04-30")).json.points;
    expect(pub.map((p: any) => p.n)).toEqual(counts.map((p: any) => p.value));

    const share = (await anonymous("/api/v1/regions/12060/trend?metric=isolatesShare&interval=year&from=2025-01-01&to=2025-12-31")).json.points[0];
    expect(share.value).toBeNull();
    expect(share.n).toBe("<3");
    const shareSignedIn = (await call("/api/v1/regions/12060/trend?metric=isolatesShare&interval=year&from=2025-01-01&to=2025-12-31")).json.points[0];
    expect(typeof shareSignedIn.n).toBe("number");
    expect(shareSignedIn.n).toBeGreaterThan(0);
  });

  it("gives an event's participant count only where it names no hidden participant", async () => {
    const e = (await anonymous(`/api/v1/events/${event}`)).json;
    expect(e.participantIds).toHaveLength(1);
    expect(e.participantCount).toBe("<3");
    const list = (await anonymous("/api/v1/events?q=Markt%20Barnim")).json.data;
    expect(list[0].participantCount).toBe("<3");
    expect((await call(`/api/v1/events/${event}`)).json.participantCount).toBe(2);
  });
});

describe("secondary suppression", () => {
  const year = "from=2024-01-01&to=2024-12-31";

  it("a state's figures minus its visible districts give no withheld district back", async () => {
    const state = (await anonymous(`/api/v1/regions/14/metrics?${year}`)).json;
    const districts = await Promise.all(["14511", "14521"].map(async (d) => (await anonymous(`/api/v1/regions/${d}/metrics?${year}`)).json));
    expect(districts[0].cooperations.total).toBe("<3");
    expect(oneWithheld(state.cooperations.total, districts.map((d) => d.cooperations.total))).toBe(false);
    expect(oneWithheld(state.inputs.hours, districts.map((d) => d.inputs.hours))).toBe(false);
    // The ranking answers the same.
    const rows = (await anonymous(`/api/v1/metrics?${year}`)).json.regions;
    const row = (code: string) => rows.find((r: any) => r.code === code);
    expect(oneWithheld(row("14").cooperations, [row("14511").cooperations, row("14521").cooperations])).toBe(false);
    expect([row("14511").cooperations, row("14521").cooperations]).toEqual(districts.map((d) => d.cooperations.total));
  });

  it("a year minus its visible months gives no withheld month back", async () => {
    const trend = async (interval: string) => (await anonymous(`/api/v1/regions/14521/trend?metric=cooperations&interval=${interval}&${year}`)).json.points.map((p: any) => p.value);
    const [total] = await trend("year");
    const months = await trend("month");
    expect(months[6]).toBe("<3"); // July: one deal with one non-public partner
    expect(oneWithheld(total, months)).toBe(false);
    const metricsYear = (await anonymous(`/api/v1/regions/14521/metrics?${year}`)).json.cooperations.total;
    expect(metricsYear).toBe(total);
    const quarters = await trend("quarter");
    expect(oneWithheld(total, quarters)).toBe(false);
  });

  it("all formats minus the visible formats give no withheld format back", async () => {
    const m = (await anonymous(`/api/v1/regions/14521/metrics?${year}`)).json;
    expect(oneWithheld(m.cooperations.total, Object.values(m.cooperations.byFormat))).toBe(false);
    const trend = async (format: string) => (await anonymous(`/api/v1/regions/14521/trend?metric=cooperations&interval=year&format=${format}&${year}`)).json.points[0].value;
    const all = await trend("all");
    const formats = await Promise.all(["marketplace", "none", "action_day"].map(trend));
    expect(formats[1]).toBe("<3");
    expect(oneWithheld(all, formats)).toBe(false);
  });
});
