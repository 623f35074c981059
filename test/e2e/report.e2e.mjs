// Regional impact report: printed to PDF by Chromium (A4, four pages, no chart cut by a page
// break), screenshots of the print layout and the phone view; then a write through the API — the
// permanent URL shows the same figures, the latest URL the new ones.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const REGION = "05113";
const YEAR = 2025;
const MM = 96 / 25.4;
// A4 minus the @page margins of /css/report.css (14 mm top and bottom, 15 mm left and right).
const PAGE = { width: (210 - 30) * MM, height: (297 - 28) * MM };

/** Pages of a PDF (its page objects). */
const pdfPages = (buf) => (buf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** What the report shows: its id, hash and every figure, chart and table as text. */
async function shown(page) {
  return page.evaluate(() => ({
    id: document.body.dataset.reportId,
    hash: document.body.dataset.contentHash,
    revision: document.body.dataset.revision,
    keyFigures: document.querySelector("[data-table=key-figures]").innerText,
    network: document.querySelector("[data-table=network]").innerText,
    isolated: document.querySelector("[data-figure=isolated]").innerText,
    charts: [...document.querySelectorAll("svg.chart")].map((s) => s.outerHTML),
    permanent: document.querySelector("[data-meta=permanent]").getAttribute("href"),
    state: document.querySelector("[data-state]")?.dataset.state ?? null,
  }));
}

export default function report(t) {
  const { test, assert } = t;
  let first;

  test("report: A4 PDF of four pages, no chart cut by a page break, print layout and phone screenshots", async () => {
    const page = await t.newPage({ width: 1280 });
    const res = await page.goto(`${t.base}/reports/${REGION}?year=${YEAR}`, { waitUntil: "networkidle" });
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-security-policy"], /script-src 'self'/);
    assert.match(await page.locator("h1").textContent(), new RegExp(`Regionaler Wirkungsbericht ${YEAR} – Essen`));
    first = await shown(page);
    assert.equal(first.state, "latest");
    assert.match(first.permanent, new RegExp(`/reports/${REGION}/${YEAR}/r${first.id}$`));
    assert.ok(await page.locator("svg.locator path[data-region]").count() >= 1, "the region is on the locator map");
    assert.match(await page.locator(".locator-figure .attribution").textContent(), /© GeoBasis-DE \/ BKG/);
    assert.equal(await page.locator("svg.chart").count(), 3);
    // Four quarters, each a bar or a withheld mark.
    const trend = page.locator("svg[data-chart=trend]");
    assert.equal((await trend.locator("rect").count()) + (await trend.locator("text.withheld").count()), 4, "four quarters");
    assert.ok((await trend.locator("rect").count()) >= 1, "at least one bar");
    await t.screenshot(page, "report-screen");
    // The methods section's links work for a reader of the printed page: absolute, and served.
    const docs = await page.locator("ul.links a").evaluateAll((as) => as.map((a) => a.href));
    assert.deepEqual(docs.map((d) => new URL(d).pathname), ["/docs/metrics.md", "/docs/privacy.md", "/docs/reports.md"]);
    for (const href of docs) {
      const doc = await fetch(href);
      assert.equal(doc.status, 200, href);
      assert.match(await doc.text(), /^# /, `${href} is the document`);
    }

    // The print layout at the width of the printed page: every sheet fits one page, every chart lies inside its sheet.
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: Math.floor(PAGE.width), height: 1100 });
    const layout = await page.evaluate(() =>
      [...document.querySelectorAll(".sheet")].map((s) => {
        const box = s.getBoundingClientRect();
        const items = [...s.querySelectorAll("svg, figure, table, .callout")].map((el) => {
          const r = el.getBoundingClientRect();
          return { what: el.tagName + (el.getAttribute("data-chart") ? `[${el.getAttribute("data-chart")}]` : ""), top: r.top - box.top, bottom: r.bottom - box.top, right: r.right - box.left };
        });
        return { height: box.height, width: box.width, breakAfter: getComputedStyle(s).breakAfter, items };
      }),
    );
    assert.equal(layout.length, 4, "four sheets");
    // Each sheet starts a page and fits one: so no chart can lie across a page break.
    assert.deepEqual(layout.map((s) => s.breakAfter), ["page", "page", "page", "auto"], "a page break after every sheet but the last");
    for (const [i, sheet] of layout.entries()) {
      assert.ok(sheet.height <= PAGE.height, `sheet ${i + 1} is ${Math.round(sheet.height)} px high; a page holds ${Math.round(PAGE.height)}`);
      for (const item of sheet.items) {
        assert.ok(item.top >= 0 && item.bottom <= PAGE.height, `${item.what} on sheet ${i + 1} spans ${Math.round(item.top)}–${Math.round(item.bottom)} px of a ${Math.round(PAGE.height)} px page`);
        assert.ok(item.right <= sheet.width + 1, `${item.what} on sheet ${i + 1} is wider than the page`);
      }
    }
    await t.screenshot(page, "report-print-layout");

    // Chromium's own pagination: one page per sheet means no sheet, and so no chart, ran over a page break.
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    writeFileSync(join("test-output", "downloads", `report-${REGION}-${YEAR}.pdf`), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    assert.equal(pdfPages(pdf), 4, "the PDF has four pages");
    // …and each page of A4 size (595 × 842 pt).
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.equal(boxes.length, 4);
    for (const [w, h] of boxes) assert.ok(Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1, `A4 page: ${w} × ${h} pt`);
    t.assertNoConsoleErrors(page);
    await page.close();

    const phone = await t.newPage({ width: 390, height: 844 });
    await phone.goto(`${t.base}/reports/${REGION}?year=${YEAR}&locale=en`, { waitUntil: "networkidle" });
    assert.match(await phone.locator("h1").textContent(), /Regional impact report/);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow} px)`);
    await t.screenshot(phone, "report-phone-en", { fullPage: false });
    t.assertNoConsoleErrors(phone);
    await phone.close();
  });

  test("report: the region page links to the report of its calendar year, which opens as a page", async () => {
    const page = await t.newPage({ width: 1280 });
    await t.open(page, `/regions/${REGION}?year=${YEAR}`);
    const link = page.locator(".report-link a");
    assert.equal(await link.getAttribute("href"), `/reports/${REGION}?year=${YEAR}`);
    await Promise.all([page.waitForURL(`**/reports/${REGION}?year=${YEAR}`), link.click()]);
    await page.waitForLoadState("networkidle");
    assert.match(await page.locator("h1").textContent(), new RegExp(`Regionaler Wirkungsbericht ${YEAR}`));
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("report: after a write the permanent URL shows the same figures, the latest URL the new ones", async () => {
    assert.ok(first, "the first report test ran");
    const auth = { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json" };
    const orgs = await (await fetch(`${t.base}/api/v1/organisations?region=${REGION}&kind=company&limit=1`, { headers: auth })).json();
    const nps = await (await fetch(`${t.base}/api/v1/organisations?region=${REGION}&kind=nonprofit&limit=1`, { headers: auth })).json();
    const partnerIds = [orgs.data[0].id, nps.data[0].id];
    const write = await fetch(`${t.base}/api/v1/cooperations`, { method: "POST", headers: auth, body: JSON.stringify({ partnerIds, dateAgreed: `${YEAR}-06-15`, status: "done", dateDone: `${YEAR}-06-20`, hours: 40, volunteers: 5 }) });
    assert.equal(write.status, 201, await write.text());

    const page = await t.newPage({ width: 1280 });
    await page.goto(first.permanent, { waitUntil: "networkidle" });
    const pinned = await shown(page);
    assert.equal(pinned.id, first.id);
    assert.equal(pinned.hash, first.hash);
    assert.equal(pinned.keyFigures, first.keyFigures, "key figures unchanged");
    assert.deepEqual(pinned.charts, first.charts, "charts unchanged");
    assert.equal(pinned.network, first.network);
    assert.equal(pinned.isolated, first.isolated);
    assert.equal(pinned.state, "newer", "the permanent report says newer data exists");
    await page.emulateMedia({ media: "print" });
    assert.equal(pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true })), 4);
    await t.screenshot(page, "report-permanent-after-write");

    await page.goto(`${t.base}/reports/${REGION}?year=${YEAR}`, { waitUntil: "networkidle" });
    const latest = await shown(page);
    assert.notEqual(latest.id, first.id, "a new report was made");
    assert.notEqual(latest.hash, first.hash);
    assert.ok(Number(latest.revision) > Number(first.revision), "from a newer data revision");
    assert.notEqual(latest.keyFigures, first.keyFigures, "the latest key figures include the write");
    assert.equal(latest.state, "latest");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
