// The import screen as a new user meets it (docs/import.md, last section): choose the type,
// download the templates, pick or drop the file, check it (dry run with the per-row report,
// rejected rows first), import it with the progress stream, and find the new cooperations in the
// API and on the region page. Errors (409/413/415/422) are shown in words, not as raw JSON.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A file with this name in a fresh temporary folder (the name shows in the report). */
const tmpFile = (name, content) => {
  const path = join(mkdtempSync(join(tmpdir(), "ka-e2e-import-")), name);
  writeFileSync(path, content);
  return path;
};
const removeTmp = (path) => rmSync(dirname(path), { recursive: true, force: true });

export default function importSuite(t) {
  const { test, assert } = t;
  const auth = { Authorization: `Bearer ${t.adminToken}` };
  const apiJson = async (path) => (await fetch(t.base + path, { headers: auth })).json();

  /** Drops a file on the drop zone as a browser would (DataTransfer with a File). */
  async function dropFile(page, path, name, type) {
    const b64 = readFileSync(path).toString("base64");
    const dt = await page.evaluateHandle(
      ({ b64, name, type }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const d = new DataTransfer();
        d.items.add(new File([bytes], name, { type }));
        return d;
      },
      { b64, name, type },
    );
    await page.dispatchEvent(".dropzone", "dragenter", { dataTransfer: dt });
    assert.ok(await page.locator(".dropzone.dragging").count(), "the drop zone shows it is ready for the file");
    await page.dispatchEvent(".dropzone", "drop", { dataTransfer: dt });
  }

  /** Chooses the type, checks the file and returns the summary counts shown. */
  async function check(page) {
    await page.click("button[data-action=check]");
    await page.locator("[data-report=dry-run] .import-summary, .import-error .form-status").first().waitFor();
    const counts = {};
    for (const k of ["created", "updated", "unchanged", "rejected", "warnings"]) {
      const n = page.locator(`[data-report=dry-run] [data-count=${k}] .n`);
      counts[k] = (await n.count()) ? Number((await n.textContent()).replace(/\D/g, "")) : null;
    }
    return counts;
  }

  async function run(page) {
    assert.equal(await page.isDisabled("button[data-action=run]"), false, "Import is enabled after a clean check");
    await page.click("button[data-action=run]");
    await page.locator("[data-report=done] [data-done]").waitFor({ timeout: 60_000 });
  }

  test("import: templates for every type in XLSX and CSV, German and English", async () => {
    const page = await t.newPage({ role: "admin" });
    await t.open(page, "/import");
    assert.equal(await page.isChecked("input[name=type][value=organisations]"), true, "organisations first");
    for (const type of ["organisations", "events", "cooperations"]) {
      await page.check(`input[name=type][value=${type}]`);
      const hrefs = await page.locator("a[data-template]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.deepEqual(
        hrefs.sort(),
        ["csv?locale=de", "csv?locale=en", "xlsx?locale=de", "xlsx?locale=en"].map((x) => `/api/v1/import/templates/${type}.${x}`).sort(),
        type,
      );
    }
    const xlsx = await t.download(page, page.locator("a[data-template=xlsx-de]"), "template-cooperations-de.xlsx");
    assert.deepEqual([...xlsx.bytes.subarray(0, 2)], [0x50, 0x4b], "XLSX is a ZIP archive");
    const csv = await t.download(page, page.locator("a[data-template=csv-en]"), "template-cooperations-en.csv");
    assert.match(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""), /^Reference,Region,Company,Non-profit/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("import: a new user's path — template, dry run, import with progress, new cooperations in the API and on the region page", async () => {
    const before = await apiJson("/api/v1/cooperations?region=05358&limit=500");
    assert.ok(!before.data.some((c) => c.externalRef === "GG-2024-001"), "the template's cooperations are not there yet");
    const trendBefore = await apiJson("/api/v1/regions/05358/trend?metric=cooperations&interval=year");
    const in2024 = (trend) => Number(trend.points.find((p) => p.period === "2024")?.value ?? 0);

    const page = await t.newPage({ role: "admin" });
    const accepts = [];
    const streamed = [];
    page.on("request", (r) => r.url().includes("/api/v1/import?") && accepts.push(r.headers().accept));
    page.on("response", (r) => r.url().includes("/api/v1/import?") && streamed.push(r.headers()["content-type"]));
    await t.open(page, "/import");

    // 1. Organisations: the German Excel template, chosen with the file picker.
    const orgs = await t.download(page, page.locator("a[data-template=xlsx-de]"), "import-organisations-de.xlsx");
    await page.setInputFiles("input[name=file]", orgs.path);
    assert.match(await page.textContent(".file-info"), /import-organisations-de\.xlsx/);
    let counts = await check(page);
    assert.deepEqual(counts, { created: 3, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
    assert.match(await page.textContent(".run-state"), /Bereit: 3 neu/);
    await t.screenshot(page, "import-check-organisations-de");
    await run(page);
    assert.match(await page.textContent("[data-report=done] [data-done]"), /3 neu angelegt/);
    assert.equal(await page.getAttribute("[data-step=run] .import-progress", "data-phase"), "done");
    assert.equal(await page.locator("[data-step=run] .import-progress progress").evaluate((p) => p.value), 100);
    // Organisations link to their new pages.
    assert.ok((await page.locator("[data-report=done] .new-records a[href^='/organisations/']").count()) === 3);
    await page.click("button[data-action=again]");

    // 2. Events: the German CSV template, dropped on the drop zone.
    await page.check("input[name=type][value=events]");
    const events = await t.download(page, page.locator("a[data-template=csv-de]"), "import-events-de.csv");
    await dropFile(page, events.path, "veranstaltungen.csv", "text/csv");
    assert.match(await page.textContent(".file-info"), /veranstaltungen\.csv/);
    counts = await check(page);
    assert.equal(counts.created, 1);
    assert.equal(counts.rejected, 0);
    await run(page);
    await page.click("button[data-action=again]");

    // 3. Cooperations: the German CSV template.
    await page.check("input[name=type][value=cooperations]");
    const coops = await t.download(page, page.locator("a[data-template=csv-de]"), "import-cooperations-de.csv");
    await page.setInputFiles("input[name=file]", coops.path);
    counts = await check(page);
    assert.deepEqual(counts, { created: 2, updated: 0, unchanged: 0, rejected: 0, warnings: 0 });
    const rows = await page.locator("[data-report=dry-run] table.import-rows tbody").evaluateAll((bs) => bs.map((b) => b.dataset.row));
    assert.deepEqual(rows, ["2", "3"], "row numbers as the spreadsheet shows them (header = row 1)");
    await t.screenshot(page, "import-check-cooperations-de");
    await run(page);
    const done = await page.textContent("[data-report=done]");
    assert.match(done, /2 neu angelegt, 0 geändert, 0 unverändert/);
    assert.match(done, /GG-2024-001/);
    await t.screenshot(page, "import-done-de");

    // Every request asked for the progress stream and got it.
    assert.equal(accepts.length, 6, "three checks and three imports");
    assert.ok(accepts.every((a) => a.includes("application/x-ndjson")), `Accept headers: ${accepts}`);
    assert.ok(streamed.every((c) => c.includes("application/x-ndjson")), `answers: ${streamed}`);

    // The cooperations are stored …
    const after = await apiJson("/api/v1/cooperations?region=05358&limit=500");
    const refs = after.data.map((c) => c.externalRef);
    assert.ok(refs.includes("GG-2024-001") && refs.includes("GG-2024-002"), `stored: ${refs}`);
    const gg1 = after.data.find((c) => c.externalRef === "GG-2024-001");
    assert.equal(gg1.hours, 36.5);
    assert.equal(gg1.status, "done");
    assert.equal(gg1.format, "marketplace", "linked to the imported event");

    // … and the region page shows them: the link leads there, the 2024 figures grew by two.
    await page.click("[data-region-link='05358']");
    await page.waitForFunction(() => location.pathname === "/regions/05358" && document.querySelector("h1")?.textContent === "Region Düren");
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"));
    await page.locator("figure[data-chart=trend] canvas[data-value-ticks]").waitFor();
    // The page shows the last 24 months by default; 2024 as a year is one choice away.
    await page.goto(`${t.base}/regions/05358?year=2024`, { waitUntil: "networkidle" });
    await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"));
    await page.selectOption("figure[data-chart=trend] select[name=interval], select[name=interval]", "year");
    await page.waitForFunction(() => /Kooperationen je Jahr/.test(document.querySelector("figure[data-chart=trend]")?.textContent ?? ""));
    await page.locator("figure[data-chart=trend] canvas[data-value-ticks]").waitFor();
    const trendAfter = await apiJson("/api/v1/regions/05358/trend?metric=cooperations&interval=year");
    assert.equal(in2024(trendAfter), in2024(trendBefore) + 2);
    const table = await page.locator("figure[data-chart=trend] table").textContent();
    assert.match(table, new RegExp(`2024\\s*${in2024(trendAfter)}`), `trend table: ${table}`);
    const formats = await page.locator("figure[data-chart=formats] table").textContent();
    assert.match(formats, /Marktplatz/);
    // Small counts: whole-number ticks, each label once (no "2, 2, 2, 1 …").
    const ticks = JSON.parse(await page.getAttribute("figure[data-chart=trend] canvas", "data-value-ticks"));
    assert.equal(new Set(ticks).size, ticks.length, `y-axis labels repeat: ${ticks}`);
    assert.ok(ticks.every((x) => /^\d+$/.test(x)), `whole numbers: ${ticks}`);
    // Drawn (the cooperations of 2024 lie before the page's default window, so only the trend
    // and the formats show them).
    for (const chart of ["trend", "formats"]) await t.assertChartsDrawn(page.locator(`figure[data-chart=${chart}]`), 1);
    await t.screenshot(page, "import-region-trend-de", { locator: page.locator("figure[data-chart=trend]") });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("import: the Essen coordinator's templates are set in Essen and import unchanged (German XLSX, then CSV again: unchanged)", async () => {
    const page = await t.newPage({ role: "coordinator", width: 390, height: 844 });
    await t.open(page, "/import");
    assert.match(await page.textContent(".templates .hint"), /Region 05113/);
    const downloaded = {};
    for (const type of ["organisations", "events", "cooperations"]) {
      await page.check(`input[name=type][value=${type}]`);
      assert.match(await page.getAttribute("a[data-template=xlsx-de]", "href"), new RegExp(`/api/v1/import/templates/${type}\\.xlsx\\?locale=de&region=05113$`));
      const file = await t.download(page, page.locator("a[data-template=xlsx-de]"), `essen-${type}-de.xlsx`);
      downloaded[type] = await t.download(page, page.locator("a[data-template=csv-de]"), `essen-${type}-de.csv`);
      await page.setInputFiles("input[name=file]", file.path);
      const counts = await check(page);
      assert.equal(counts.rejected, 0, `${type}: ${await page.textContent("[data-report=dry-run]")}`);
      assert.ok(counts.created > 0, type);
      await run(page);
      await page.click("button[data-action=again]");
    }
    assert.match(downloaded.organisations.bytes.toString("utf8"), /ORG-05113-001;Arbeiterwohlfahrt Kreisverband Essen e\.V\. \(Beispiel\);Gemeinnützige Organisation;05113/);
    assert.doesNotMatch(downloaded.cooperations.bytes.toString("utf8"), /Jülich|Düren|05358/);
    // The same rows again as CSV: every row unchanged, and the filter names them.
    await page.check("input[name=type][value=cooperations]");
    await page.setInputFiles("input[name=file]", downloaded.cooperations.path);
    const again = await check(page);
    assert.deepEqual(again, { created: 0, updated: 0, unchanged: 2, rejected: 0, warnings: 0 });
    const options = await page.locator("select[name=show] option").allTextContents();
    assert.ok(options.includes("unverändert (2)"), `filter options: ${options}`);
    assert.ok(!options.some((o) => o.includes("importFilter_")), `untranslated: ${options}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${overflow} px)`);
    await t.screenshot(page, "import-coordinator-essen-390");
    const stored = await apiJson("/api/v1/cooperations?region=05113&limit=500");
    const mine = stored.data.filter((c) => c.externalRef?.startsWith("GG-05113-"));
    assert.deepEqual(mine.map((c) => c.regionCode), ["05113", "05113"]);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("import: rejected rows first, with column, value and reason; Import stays disabled; CSV report", async () => {
    const csv = [
      "Datum;Unternehmen;Organisation;Stunden;Status;Region",
      "17.05.2024;Muster Bau GmbH;Jugendzentrum Düren-Nord;4;vereinbart;05358",
      "18.05.2024;Muster Bau GmbH;Jugendzentrum Düren-Nord;viele;vereinbart;05358",
      "05/06/2024;Gibt es nicht GmbH;Jugendzentrum Düren-Nord;2;vielleicht;05358",
    ].join("\r\n");
    const path = tmpFile("kooperationen-2024.csv", "\uFEFF" + csv);
    try {
      for (const locale of ["de", "en"]) {
        const page = await t.newPage({ role: "admin", locale });
        await t.open(page, "/import?type=cooperations");
        assert.equal(await page.isChecked("input[name=type][value=cooperations]"), true);
        await page.setInputFiles("input[name=file]", path);
        const counts = await check(page);
        assert.equal(counts.rejected, 2);
        assert.equal(counts.created, 1);
        assert.equal(await page.isDisabled("button[data-action=run]"), true, "no import with rejected rows");
        assert.match(await page.textContent(".run-state"), locale === "de" ? /2 Zeilen werden abgelehnt/ : /2 rows are rejected/);
        // Default view: the rejected rows, in file order.
        assert.equal(await page.inputValue("select[name=show]"), "rejected");
        const groups = page.locator("table.import-rows tbody");
        assert.deepEqual(await groups.evaluateAll((bs) => bs.map((b) => b.dataset.row)), ["3", "4"]);
        const row3 = await groups.nth(0).textContent();
        assert.match(row3, /Stunden/);
        assert.match(row3, /viele/);
        assert.match(row3, locale === "de" ? /keine Zahl/ : /is not a number/);
        const row4 = await groups.nth(1).textContent();
        assert.match(row4, /05\/06\/2024/);
        assert.match(row4, locale === "de" ? /mehrdeutig/ : /ambiguous/);
        assert.match(row4, /Gibt es nicht GmbH/);
        // "All" lists rejected rows before the others.
        await page.selectOption("select[name=show]", "all");
        assert.deepEqual(await groups.evaluateAll((bs) => bs.map((b) => b.dataset.row)), ["3", "4", "2"]);
        await t.screenshot(page, `import-rejected-${locale}`);
        const report = await t.download(page, page.locator("[data-download=report-csv]"), `import-report-${locale}.csv`);
        const text = report.bytes.toString("utf8");
        assert.ok(text.startsWith("\uFEFF"), "BOM for spreadsheet programs");
        const lines = text.trim().split(/\r\n/);
        assert.match(lines[0], locale === "de" ? /^Zeile;Ergebnis;Spalte;Wert/ : /^Row,Outcome,Column,Value/);
        assert.ok(lines.some((l) => l.includes("viele")), "the rejected value is in the report");
        t.assertNoConsoleErrors(page);
        await page.close();
      }
    } finally {
      removeTmp(path);
    }
  });

  test("import: errors in words — 415 (PDF), 422 (unknown columns), 413 (too many rows), 409 (changed meanwhile)", async () => {
    const pdf = tmpFile("bericht.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\n");
    const unknown = tmpFile("liste.csv", "Vorname;Nachname\nErika;Mustermann\n");
    const many = tmpFile("gross.csv", "Name;Art;Region\r\n" + Array.from({ length: 25_001 }, (_, i) => `Verein ${i};Verein;05113`).join("\r\n"));
    const page = await t.newPage({ role: "admin" });
    page.allowedErrors.push(/the server responded with a status of (409|413|415|422)/);
    try {
      await t.open(page, "/import");
      await page.setInputFiles("input[name=file]", pdf);
      await check(page);
      assert.equal(await page.getAttribute("[data-step=check] .import-error [data-status]", "data-status"), "415");
      assert.match(await page.textContent("[data-step=check] .import-error"), /Dateiformat wird nicht unterstützt/);
      assert.equal(await page.locator("[data-report=dry-run] table").count(), 0);
      await t.screenshot(page, "import-error-415-de");

      await page.setInputFiles("input[name=file]", unknown);
      await check(page);
      assert.equal(await page.getAttribute("[data-step=check] .import-error [data-status]", "data-status"), "422");
      assert.match(await page.textContent("[data-step=check] .import-error"), /passt nicht zur Vorlage/);
      assert.match(await page.textContent("[data-step=check] .import-error"), /No known column headers/);

      await page.setInputFiles("input[name=file]", many);
      await check(page);
      assert.equal(await page.getAttribute("[data-step=check] .import-error [data-status]", "data-status"), "413");
      assert.match(await page.textContent("[data-step=check] .import-error"), /zu groß/);
      await t.screenshot(page, "import-error-413-de");

      // 409: another write raced the import. The dry run is real; the import answers 409.
      const ok = tmpFile("organisationen.csv", "Name;Art;Region\nE2E Konfliktverein;Verein;05113\n");
      await page.setInputFiles("input[name=file]", ok);
      const counts = await check(page);
      assert.equal(counts.created, 1);
      await page.route("**/api/v1/import?*dryRun=false*", (route) =>
        route.fulfill({
          status: 409,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "conflict", message: "Data in region 05113 changed while the file was being imported; nothing was written. Run the import again." } }),
        }),
      );
      await page.click("button[data-action=run]");
      await page.locator("[data-step=run] .import-error [data-status='409']").waitFor();
      assert.match(await page.textContent("[data-step=run] .import-error"), /in der Zwischenzeit geändert/);
      assert.equal(await page.isDisabled("button[data-action=run]"), true, "check again before importing");
      await t.screenshot(page, "import-error-409-de");
      await page.unroute("**/api/v1/import?*dryRun=false*");
      await page.click("button[data-action=check-again]");
      await page.locator("[data-report=dry-run] .import-summary").waitFor();
      assert.equal(await page.isDisabled("button[data-action=run]"), false);
      removeTmp(ok);
      t.assertNoConsoleErrors(page);
    } finally {
      for (const p of [pdf, unknown, many]) removeTmp(p);
      await page.close();
    }
  });

  test("import: the file is required; a changed type asks for a new check", async () => {
    const page = await t.newPage({ role: "coordinator", locale: "en" });
    await t.open(page, "/import");
    await page.click("button[data-action=check]");
    assert.match(await page.locator("[data-field=file] .field-error").textContent(), /Required/);
    assert.equal(await page.getAttribute("input[name=file]", "aria-invalid"), "true");
    // A coordinator with one region gets it preset as the default region.
    assert.equal(await page.inputValue("select[name=region]"), "05113");
    const path = tmpFile("orgs-en.csv", "Name,Kind,Region\nE2E Sports Club,nonprofit,05113\n");
    try {
      await page.setInputFiles("input[name=file]", path);
      const counts = await check(page);
      assert.equal(counts.created, 1);
      assert.equal(await page.isDisabled("button[data-action=run]"), false);
      await page.check("input[name=type][value=events]");
      assert.equal(await page.isDisabled("button[data-action=run]"), true);
      assert.match(await page.textContent(".run-state"), /check again/);
      await t.screenshot(page, "import-coordinator-en");
      t.assertNoConsoleErrors(page);
    } finally {
      removeTmp(path);
      await page.close();
    }
  });
}
