/**
 * Regional impact reports (worker/reports/, docs/reports.md): a report is pinned to the figures it
 * was made from — its permanent id shows them unchanged after writes, while the latest report
 * follows the data; requests without a change of data store nothing new; storage stays within
 * its caps (oldest evicted, answered 410); the figures are the anonymous public ones.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { reportAsOf } from "../../worker/reports/figures";
import { REPORT_LIMITS } from "../../worker/reports/store";
import { call, expectError, makeOrganisation } from "./api";

// Stuttgart (08111), Böblingen (08115) and Esslingen (08116) are used by no other test file.
const R = "08111";
const YEAR = new Date().getUTCFullYear() - 1;
let company: number;
let nonprofit: number;

const report = (code: string, query: string) => call(`/api/v1/reports/${code}?${query}`, { token: null });
const rows = async (code: string, year: number) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM reports WHERE region_code = ? AND year = ?").bind(code, year).first<{ n: number }>())!.n;

async function cooperate(dateAgreed: string, partnerIds = [company, nonprofit]) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds, dateAgreed, status: "done", dateDone: dateAgreed, hours: 10 } });
  expect(res.status, res.text).toBe(201);
}

beforeAll(async () => {
  company = await makeOrganisation({ kind: "company", regionCode: R, isPublic: true });
  nonprofit = await makeOrganisation({ kind: "nonprofit", regionCode: R, isPublic: true });
  await cooperate(`${YEAR}-03-10`);
});

describe("pinning", () => {
  it("a report's permanent id shows the same figures after a write; the latest report follows the data", async () => {
    const first = await report(R, `year=${YEAR}`);
    expect(first.status, first.text).toBe(200);
    expect(first.json.figures.metrics.cooperations.total).toBe(1);
    expect(first.json.permanentUrl).toBe(`/reports/${R}/${YEAR}/r${first.json.id}`);
    expect(first.json.newerData).toBe(false);

    await cooperate(`${YEAR}-06-01`);

    const pinned = await report(R, `year=${YEAR}&revision=r${first.json.id}`);
    expect(pinned.status, pinned.text).toBe(200);
    expect(pinned.json.figures, "the permanent report's figures are unchanged").toEqual(first.json.figures);
    expect(pinned.json.contentHash).toBe(first.json.contentHash);
    expect(pinned.json.newerData, "the permanent report says newer data exists").toBe(true);

    const latest = await report(R, `year=${YEAR}`);
    expect(latest.json.id).not.toBe(first.json.id);
    expect(latest.json.figures.metrics.cooperations.total).toBe(2);
    expect(latest.json.dataRevision).toBeGreaterThan(first.json.dataRevision);
    expect(latest.json.newerData).toBe(false);

    const again = await report(R, `year=${YEAR}&revision=${first.json.id}`);
    expect(again.json.figures.metrics.cooperations.total, "still the first figures").toBe(1);
    expect((await report(R, `year=${YEAR}&revision=r${first.json.id}`)).json.latestId).toBe(latest.json.id);

    // The pages show the same: the permanent page the first figures, the latest page the new ones.
    const page = await call(`/reports/${R}/${YEAR}/r${first.json.id}`, { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-content-hash="${first.json.contentHash}"`);
    expect(page.text).toContain(`http://localhost/reports/${R}/${YEAR}/r${first.json.id}`);
    expect(page.text).toContain('data-state="newer"');
    const latestPage = await call(`/reports/${R}?year=${YEAR}&locale=en`, { token: null });
    expect(latestPage.status).toBe(200);
    expect(latestPage.text).toContain(`data-content-hash="${latest.json.contentHash}"`);
    expect(latestPage.text).toContain('data-state="latest"');
    expect(latestPage.text).toContain("Regional impact report");
    // In Dutch: the same figures, Dutch words, and the language kept in its own links.
    const dutch = await call(`/reports/${R}?year=${YEAR}&locale=nl`, { token: null });
    expect(dutch.status).toBe(200);
    expect(dutch.text).toContain('<html lang="nl">');
    expect(dutch.text).toContain(`data-content-hash="${latest.json.contentHash}"`);
    expect(dutch.text).toContain(`Regionaal impactrapport ${YEAR}`);
    expect(dutch.text).toContain("Kerncijfers");
    expect(dutch.text).toContain(`href="http://localhost/reports/${R}/${YEAR}/r${latest.json.id}?locale=nl"`);
    expect(dutch.text).toContain(`<a href="/reports/${R}?year=${YEAR}" hreflang="de">DE</a> · <a href="/reports/${R}?year=${YEAR}&amp;locale=en" hreflang="en">EN</a> · <strong>NL</strong>`);
  });

  it("a report of the running year covers it to the end of the last complete month", async () => {
    const running = new Date().getUTCFullYear();
    const res = await report(R, `year=${running}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.figures.window).toEqual({ from: `${running}-01-01`, to: reportAsOf(running, new Date().toISOString().slice(0, 10)) });
    expect(res.json.asOf).toBe(res.json.figures.window.to);
    expect((await report(R, `year=${running}`)).json.id).toBe(res.json.id);
  });

  it("the same data gives the same stored report: repeated requests and writes that change nothing in the figures add no row", async () => {
    const before = await report(R, `year=${YEAR}`);
    const n = await rows(R, YEAR);
    for (let i = 0; i < 20; i++) expect((await report(R, `year=${YEAR}`)).json.id).toBe(before.json.id);
    expect(await rows(R, YEAR)).toBe(n);
    // A write elsewhere in the state moves the region's data revision (the state's counter) but not its figures.
    await makeOrganisation({ kind: "company", regionCode: "08115", isPublic: true });
    const after = await report(R, `year=${YEAR}`);
    expect(after.json.id, "same figures, same report").toBe(before.json.id);
    expect(await rows(R, YEAR)).toBe(n);
  });
});

describe("public figures only", () => {
  it("counts behind one or two non-public organisations show as <3, in the stored report too", async () => {
    const a = await makeOrganisation({ kind: "company", regionCode: "08116", isPublic: false });
    const b = await makeOrganisation({ kind: "nonprofit", regionCode: "08116", isPublic: false });
    await cooperate(`${YEAR}-04-02`, [a, b]);
    const res = await report("08116", `year=${YEAR}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.figures.metrics.cooperations.total).toBe("<3");
    expect(res.json.figures.metrics.inputs.hours).toBe("<3");
    const stored = await env.DB.prepare("SELECT figures FROM reports WHERE id = ?").bind(res.json.id).first<{ figures: string }>();
    expect(stored!.figures).not.toMatch(/"hours":10\b/);
  });
});

describe("bounded storage", () => {
  it(`keeps at most ${REPORT_LIMITS.perRegionYear} reports per region and year, the oldest removed and answered 410`, async () => {
    const year = YEAR - 1;
    await cooperate(`${year}-05-05`);
    const real = await report(R, `year=${year}`);
    expect(real.status).toBe(200);
    // Older reports of the same region and year, as many as the cap allows.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?4)
       INSERT INTO reports (region_code, year, data_revision, confirmed_revision, as_of, content_hash, figures, created_at, confirmed_at)
       SELECT ?1, ?2, 0, 0, ?2 || '-12-31', 'old' || i, ?3, '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:' || printf('%02d', i) || '.000Z' FROM n`,
    )
      .bind(R, year, JSON.stringify(real.json.figures), REPORT_LIMITS.perRegionYear)
      .run();
    const oldest = (await env.DB.prepare("SELECT id FROM reports WHERE content_hash = 'old1' AND region_code = ?").bind(R).first<{ id: number }>())!.id;
    await cooperate(`${year}-07-07`);
    const next = await report(R, `year=${year}`);
    expect(next.status).toBe(200);
    expect(await rows(R, year)).toBe(REPORT_LIMITS.perRegionYear);
    expectError(await report(R, `year=${year}&revision=r${oldest}`), 410, "gone");
    expect((await report(R, `year=${year}&revision=r${real.json.id}`)).status, "a newer one is kept").toBe(200);
    const gonePage = await call(`/reports/${R}/${year}/r${oldest}`, { token: null });
    expect(gonePage.status).toBe(410);
  });

  it(`keeps at most ${REPORT_LIMITS.total} reports in all, removing the least recently confirmed`, async () => {
    const filler = REPORT_LIMITS.total - (await env.DB.prepare("SELECT count(*) AS n FROM reports").first<{ n: number }>())!.n;
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO reports (region_code, year, data_revision, confirmed_revision, as_of, content_hash, figures, created_at, confirmed_at)
       SELECT 'filler', 2000 + i % 20, 0, 0, '2000-12-31', 'f' || i, '{}', '2001-01-01T00:00:00.000Z', '2001-01-01T00:00:00.000Z' FROM n`,
    )
      .bind(filler)
      .run();
    await cooperate(`${YEAR}-09-09`);
    const res = await report(R, `year=${YEAR}`);
    expect(res.status).toBe(200);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM reports").first<{ n: number }>())!.n).toBe(REPORT_LIMITS.total);
    expect(await env.DB.prepare("SELECT id FROM reports WHERE id = ?").bind(res.json.id).first(), "the new report is kept").not.toBeNull();
    await env.DB.prepare("DELETE FROM reports WHERE region_code = 'filler'").run();
  });
});

describe("requests", () => {
  it("refuses years outside the covered ones, unknown regions and reports of another region, in the one error shape", async () => {
    const running = new Date().getUTCFullYear();
    expectError(await report(R, `year=${running - REPORT_LIMITS.pastYears - 1}`), 422, "validation_failed");
    expectError(await report(R, `year=${running + 1}`), 422, "validation_failed");
    expectError(await report(R, "year=20x5"), 422, "validation_failed");
    expectError(await report(R, ""), 422, "validation_failed");
    expectError(await report(R, `year=${YEAR}&revision=latest`), 422, "validation_failed");
    expectError(await report("99999", `year=${YEAR}`), 404, "not_found");
    const own = await report(R, `year=${YEAR}`);
    expectError(await report("08116", `year=${YEAR}&revision=r${own.json.id}`), 404, "not_found");
    expectError(await report(R, `year=${YEAR - 1}&revision=r${own.json.id}`), 404, "not_found");
    expect((await call(`/reports/${R}?year=${YEAR}&locale=fr`, { token: null })).status).toBe(422);
    expect((await call(`/reports/${R}/${YEAR}/x1`, { token: null })).status).toBe(422);
    expect((await call(`/reports/99999?year=${YEAR}`, { token: null })).status).toBe(404);
  });

  it("the page has no inline script or style and names its sources, docs and the BKG attribution", async () => {
    const page = await call(`/reports/${R}?year=${YEAR}`, { token: null });
    expect(page.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script|<style|\sstyle=/i);
    // Each chart's values are its description for screen readers.
    expect(page.text).toMatch(/<desc id="cap-trend-desc">1\. Quartal \d{4}: [^<]+; 2\. Quartal/);
    expect(page.text).toMatch(/<desc id="cap-formats-desc">Aktionstag: /);
    for (const s of ["/docs/metrics.md", "/docs/privacy.md", "© GeoBasis-DE / BKG", `/api/v1/regions/${R}/metrics?from=${YEAR}-01-01&amp;to=${YEAR}-12-31`]) expect(page.text).toContain(s);
  });

  it("is in the OpenAPI document as a public route", async () => {
    const doc = await call("/api/v1/openapi.json", { token: null });
    const op = doc.json.paths["/reports/{code}"]?.get;
    expect(op).toBeTruthy();
    // Public: an empty security requirement lets callers without a token in.
    expect(op.security ?? [{}]).toContainEqual({});
  });
});
