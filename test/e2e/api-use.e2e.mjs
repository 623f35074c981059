// How the dashboard and the embeds use the API: suggestion reasons worded per reason code, the
// isolated list loaded page by page ("mehr laden"), conversion by format from the API, partner
// names in one request, partial periods marked, per-capita figures of suppressed counts shown as
// "–", and value axes that never repeat a label.
export default function apiUse(t) {
  const { test, assert } = t;
  const auth = { Authorization: `Bearer ${t.adminToken}` };

  for (const locale of ["de", "en"]) {
    test(`isolated organisations: reasons worded per code, loaded page by page (${locale})`, async () => {
      const all = await (await fetch(`${t.base}/api/v1/regions/05113/isolated?limit=1000`, { headers: auth })).json();
      const total = all.organisations.length;
      assert.ok(total > 50, `enough rows for several pages (${total})`);
      const page = await t.newPage({ role: "admin", locale });
      const isolatedRequests = [];
      page.on("request", (r) => r.url().includes("/isolated") && isolatedRequests.push(new URL(r.url()).search));
      await t.open(page, "/regions/05113");
      const rows = page.locator("#isolated .org-card");
      assert.equal(await rows.count(), 25, "first page");
      const reasons = await page.locator("#isolated .reasons").allTextContents();
      assert.ok(reasons.length > 10);
      const text = reasons.join("\n");
      if (locale === "de") {
        assert.match(text, /gleiche Region \(Essen, Stadt\)/, "region by name, in German");
        assert.match(text, /der bisherigen Partner aus dem Bereich (Kultur|Sport|Bildung|Jugendarbeit|Migrationsarbeit|Altenhilfe|Gesundheit|[A-ZÄÖÜ])/);
        assert.doesNotMatch(text, /same region|open to cooperation|partners work in|_/, "no English sentence or raw key");
      } else {
        assert.match(text, /same region \(Essen, Stadt\)/);
        assert.match(text, /of its past partners are in [a-z]/);
        assert.doesNotMatch(text, /gleiche Region|[a-z]_[a-z]/);
      }
      // "Mehr laden" appends the next page and moves the focus to its first row.
      await page.click("[data-load-more=isolated]");
      await page.waitForFunction(() => document.querySelectorAll("#isolated .org-card").length === 50);
      assert.equal(await page.evaluate(() => document.activeElement?.closest("li.org-card") === document.querySelectorAll("#isolated .org-card")[25]), true);
      while (await page.isVisible("[data-load-more=isolated]")) {
        const n = await rows.count();
        await page.click("[data-load-more=isolated]");
        await page.waitForFunction((before) => document.querySelectorAll("#isolated .org-card").length > before, n);
      }
      assert.equal(await rows.count(), total, "every page loaded, none twice");
      const names = await page.locator("#isolated .org-card-name a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.equal(new Set(names).size, total, "no organisation twice");
      assert.match(await page.textContent("[data-isolated-count]"), new RegExp(String(total)));
      assert.equal(isolatedRequests.filter((q) => q.includes("cursor=")).length, Math.ceil(total / 25) - 1, `paged requests: ${isolatedRequests}`);
      // The status filter asks the API (a page of that status), not the rows loaded so far.
      await page.selectOption("#isolated select", "fading");
      await page.waitForFunction(() => [...document.querySelectorAll("#isolated .org-card")].every((r) => /verblassend|fading/.test(r.textContent)));
      assert.ok(isolatedRequests.some((q) => q.includes("status=fading")));
      await t.screenshot(page, `region-isolated-${locale}`, { locator: page.locator("#isolated") });
      t.assertNoConsoleErrors(page);
      await page.close();
    });
  }

  test("conversion by format comes from the API (by=format), in the dashboard and the embed", async () => {
    const page = await t.newPage({ role: "anonymous" });
    const conversion = [];
    page.on("request", (r) => r.url().includes("/api/v1/conversion") && conversion.push(new URL(r.url()).searchParams.get("by")));
    await t.open(page, "/regions/05113");
    assert.deepEqual(conversion, ["format"]);
    const api = await (await fetch(`${t.base}/api/v1/conversion?region=05113&by=format`)).json();
    const rows = await page.locator("figure[data-chart=conversion] table tbody tr").count();
    assert.equal(rows, api.rows.length, "one table row per format");
    await page.close();
    const html = await (await fetch(`${t.base}/embed/conversion?region=05113`)).text();
    const json = JSON.parse(html.match(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/)[1]);
    const byFormat = Object.fromEntries(api.rows.map((r) => [r.format, r]));
    for (const r of json.loaded.data.rows) {
      assert.deepEqual([r.pairs, r.converted, r.rate], [byFormat[r.format].pairs, byFormat[r.format].converted, byFormat[r.format].rate], r.format);
    }
  });

  test("organisation page: partner names in one request (ids=…), not one per partner", async () => {
    const net = await (await fetch(`${t.base}/api/v1/regions/05113/network`, { headers: auth })).json();
    const id = net.nodes.filter((n) => n.inScope).sort((a, b) => b.degree - a.degree)[0].id;
    const page = await t.newPage({ role: "admin" });
    const single = [];
    const batch = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (/^\/api\/v1\/organisations\/\d+$/.test(u.pathname) && u.pathname !== `/api/v1/organisations/${id}`) single.push(u.pathname);
      if (u.pathname === "/api/v1/organisations" && u.searchParams.has("ids")) batch.push(u.searchParams.get("ids").split(",").length);
    });
    await t.open(page, `/organisations/${id}`);
    assert.deepEqual(single, [], "no request per partner");
    assert.ok(batch.length <= 1 && batch.every((n) => n <= 500), `batched: ${batch}`);
    // Every partner in the history has a name (a link), none is left as "#id".
    const history = await page.locator("section.card table tbody").last().textContent();
    assert.doesNotMatch(history, /#\d+/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("partial periods: marked in the table, the note and the CSV (dashboard and embed)", async () => {
    const year = new Date().toISOString().slice(0, 4);
    const page = await t.newPage({ role: "anonymous" });
    await t.open(page, "/regions/05113");
    const fig = page.locator("figure[data-chart=trend]");
    // Years (the last 24 months are drawn in quarters by default).
    await page.selectOption("select[name=interval]", "year");
    await page.waitForFunction(() => /laufendes Jahr/.test(document.querySelector("figure[data-chart=trend] .chart-source")?.textContent ?? ""));
    assert.match(await fig.locator(".chart-source").textContent(), new RegExp(`${year}: laufendes Jahr`));
    assert.match(await fig.locator("table").textContent(), new RegExp(`${year} \\(laufend\\)`));
    assert.match(await fig.locator("p.visually-hidden").textContent(), /laufendes Jahr/, "the aria summary says it too");
    const csv = (await t.download(page, fig.locator("[data-download=csv]"), "trend-partial.csv")).bytes.toString("utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
    // The German page downloads German Excel's dialect (docs/charts.md): ';', German headers, ja/nein.
    assert.deepEqual(csv[0].split(";"), ["Zeitraum", "Kooperationen", "unvollständig"]);
    assert.equal(csv[csv.length - 1].split(";")[2], "ja");
    assert.equal(csv[1].split(";")[2], "nein");
    // Quarters: the running quarter.
    await page.selectOption("select[name=interval]", "quarter");
    await page.waitForFunction(() => /laufendes Quartal/.test(document.querySelector("figure[data-chart=trend] .chart-source")?.textContent ?? ""));
    await t.screenshot(page, "region-trend-quarter-partial-de", { locator: page.locator("figure[data-chart=trend]") });
    const formats = page.locator("figure[data-chart=formats]");
    assert.match(await formats.locator(".chart-source").textContent(), /schraffierte Säule/);
    t.assertNoConsoleErrors(page);
    await page.close();

    for (const [locale, re] of [
      ["de", new RegExp(`${year}: laufendes Jahr`)],
      ["en", new RegExp(`${year}: year in progress`)],
    ]) {
      const html = await (await fetch(`${t.base}/embed/trend?region=05113&locale=${locale}`)).text();
      assert.match(html, re, `embed note (${locale})`);
    }
    // Cut by `to`: a public trend comes in whole periods (docs/privacy.md: a cut period would be one
    // public figure minus another), so the embed shows all of 2024, not "only recorded up to" …
    const cut = await (await fetch(`${t.base}/embed/trend?region=05113&to=2024-06-30`)).text();
    assert.doesNotMatch(cut, /nur bis 30\. Jun/);
    const whole = await (await fetch(`${t.base}/api/v1/regions/05113/trend?metric=cooperations&interval=year&from=2024-01-01&to=2024-06-30`)).json();
    assert.deepEqual(whole.points, [{ period: "2024", value: whole.points[0].value, partial: false }]);
    // … while signed-in callers get the period cut where they asked.
    const signedIn = await (await fetch(`${t.base}/api/v1/regions/05113/trend?metric=cooperations&interval=year&from=2024-01-01&to=2024-06-30`, { headers: auth })).json();
    assert.equal(signedIn.points[0].partial, true);
  });

  test("per capita: a null figure (suppressed count) shows as '–' in the ranking table and chart data", async () => {
    const page = await t.newPage({ role: "anonymous" });
    let changed = null;
    await page.route("**/api/v1/metrics", async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      const r = body.regions.find((x) => x.code === "05113");
      r.cooperations = "<3";
      r.perHundredThousand.cooperations = null;
      changed = r;
      await route.fulfill({ response: res, json: body });
    });
    await t.open(page, "/");
    assert.ok(changed, "a region was changed");
    const row = page.locator("table.ranking tbody tr", { has: page.locator(`a[href='/regions/${changed.code}']`) });
    const cells = await row.locator("td").allTextContents();
    // population, cooperations, per 100 000, …
    assert.equal(cells[1].trim(), "< 3");
    assert.equal(cells[2].trim(), "–");
    const map = await page.locator("figure[data-chart=map] table tbody tr", { hasText: changed.name }).first().locator("td").allTextContents();
    assert.equal(map[map.length - 1].trim(), "–");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("value axes never repeat a label (every chart, small and large values, both languages)", async () => {
    for (const [locale, path, role] of [
      ["de", "/regions/05113", "admin"],
      ["en", "/regions/05113", "anonymous"],
      ["de", "/", "anonymous"],
      ["en", "/regions/NL-ARN", "admin"],
    ]) {
      const page = await t.newPage({ role, locale });
      await t.open(page, path);
      const axes = await page.locator("canvas[data-value-ticks]").evaluateAll((cs) => cs.map((c) => JSON.parse(c.dataset.valueTicks)));
      assert.ok(axes.length >= (path === "/" ? 2 : 3), `${path}: ${axes.length} value axes`);
      for (const ticks of axes) assert.equal(new Set(ticks).size, ticks.length, `${path} (${locale}): ${ticks.join(" | ")}`);
      // Every trend metric, including rates and small network figures.
      if (path === "/regions/05113" && role === "admin") {
        const select = page.locator("select[name=metric]");
        for (const metric of ["fulfilmentRate", "density", "eiIndex", "valueEur", "newPairs"]) {
          await select.selectOption(metric);
          await page.waitForFunction((m) => document.querySelector("figure[data-chart=trend] figcaption")?.textContent.includes(m), metric === "fulfilmentRate" ? "Erfüllungsquote" : metric === "density" ? "Dichte" : metric === "eiIndex" ? "E-I-Index" : metric === "valueEur" ? "Wert" : "Neue Partnerschaften");
          const ticks = JSON.parse(await page.getAttribute("figure[data-chart=trend] canvas", "data-value-ticks"));
          assert.equal(new Set(ticks).size, ticks.length, `${metric}: ${ticks.join(" | ")}`);
          if (metric === "fulfilmentRate") assert.ok(ticks.every((x) => /%$/.test(x)), `${metric}: ${ticks}`);
          if (metric === "valueEur") assert.ok(ticks.every((x) => /€/.test(x)), `${metric}: ${ticks}`);
          if (metric === "newPairs") assert.ok(ticks.every((x) => /^[\d.]+$/.test(x)), `${metric}: ${ticks}`);
        }
      }
      t.assertNoConsoleErrors(page);
      await page.close();
    }
  });
}
