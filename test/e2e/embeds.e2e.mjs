// Embeds: every chart page renders on its own (figure, caption, summary, table), in both themes and
// languages; a snippet in a page of another origin shows the chart and resizes the iframe;
// framing is allowed on /embed/* only; public embeds suppress small counts.
export default function embeds(t) {
  const { test, assert } = t;
  const charts = [
    ["trend", "region=05113&metric=cooperations&interval=year"],
    ["formats", "region=DE"],
    ["ranking", "metric=hours"],
    ["map", "metric=cooperations"],
    ["conversion", "region=05113"],
    ["contributions", "region=12"],
    // Gute Geschäfte Essen 2025 of the demo data: one marketplace's own results.
    ["marketplace", "event=300"],
  ];
  for (const [chart, q] of charts) {
    for (const [theme, locale] of [
      ["light", "de"],
      ["dark", "en"],
    ]) {
      test(`embed ${chart} (${theme}, ${locale}) renders accessibly`, async () => {
        const page = await t.newPage({ width: 800 });
        await page.goto(`${t.base}/embed/${chart}?${q}&theme=${theme}&locale=${locale}`, { waitUntil: "networkidle" });
        await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
        assert.equal(await page.getAttribute("html", "lang"), locale);
        assert.ok((await page.textContent("figcaption")).length > 5, "caption");
        assert.equal(await page.locator("h1").count(), 1, "one h1: the chart's title");
        assert.equal((await page.textContent("h1")).trim(), (await page.textContent("figcaption")).trim());
        assert.ok((await page.textContent("#summary")).length > 10, "aria summary");
        assert.ok((await page.locator("table tbody tr").count()) > 0, "data table");
        assert.equal(await page.getAttribute("canvas", "aria-describedby"), "summary");
        await t.assertChartsDrawn(page, 1);
        await t.screenshot(page, `embed-${chart}-${theme}-${locale}`);
        t.assertNoConsoleErrors(page);
        await page.close();
      });
    }
  }

  test("embed in an iframe of another origin shows the chart and resizes (postMessage)", async () => {
    const src = `${t.base}/embed/formats?region=05113`;
    // The snippet exactly as the embed builder produces it.
    const builder = await t.newPage();
    await t.open(builder, "/embed-builder");
    await builder.selectOption("select[name=chart]", "formats");
    await builder.selectOption("select[name=region]", "05113");
    const snippet = await builder.inputValue("#embed-snippet");
    assert.ok(snippet.includes(src), `snippet points at ${src}: ${snippet}`);
    await builder.close();

    const page = await t.newPage();
    await page.goto(`${t.hostBase}/?snippet=${encodeURIComponent(snippet)}`, { waitUntil: "networkidle" });
    const frame = page.frameLocator("iframe[data-kooperationsatlas]");
    await frame.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
    const iframe = page.locator("iframe[data-kooperationsatlas]");
    await page.waitForFunction(() => parseFloat(document.querySelector("iframe").style.height) > 0, null, { timeout: 10_000 });
    const h1 = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.locator("html").evaluate((d) => d.getBoundingClientRect().height);
    assert.ok(Math.abs(h1 - inner) <= 2, `iframe height ${h1} follows its content ${inner}`);
    const f = page.frames().find((x) => x.url().startsWith(src));
    await t.assertChartsDrawn(f, 1);
    await t.screenshot(page, "embed-host-page");
    // Opening the data table makes the content taller: the iframe follows.
    await frame.locator("details.chart-table summary").click();
    await page.waitForFunction((before) => document.querySelector("iframe").getBoundingClientRect().height > before + 50, h1, { timeout: 10_000 });
    await t.screenshot(page, "embed-host-page-table-open");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the author's alternative text: set in the builder, kept in the URL, read as the chart's name", async () => {
    const alt = 'Kooperationen in Essen steigen seit 2022 <b>deutlich</b> & "stetig"';
    const builder = await t.newPage();
    await t.open(builder, "/embed-builder");
    await builder.selectOption("select[name=chart]", "trend");
    await builder.selectOption("select[name=region]", "05113");
    await builder.fill("textarea[name=alt]", `  ${alt}\n `);
    await builder.locator("textarea[name=alt]").blur();
    const url = await builder.inputValue("#embed-url");
    assert.equal(new URL(url).searchParams.get("alt"), alt, url);
    assert.ok((await builder.inputValue("#embed-snippet")).includes(url), "the snippet carries the alt text");
    await builder.frameLocator("#embed-preview").locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
    await builder.close();

    const page = await t.newPage({ width: 800 });
    await page.goto(url, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    assert.equal(await page.getAttribute("canvas", "aria-label"), alt, "escaped text arrives unchanged");
    assert.equal(await page.locator("figure b").count(), 0, "no markup from the URL");
    const name = await page.locator("canvas").evaluate((c) => c.getAttribute("aria-label"));
    assert.equal(name, alt);
    const canonical = await page.getAttribute("link[rel=canonical]", "href");
    assert.equal(new URL(canonical).searchParams.get("alt"), alt, "stable URL keeps the alt text");
    t.assertNoConsoleErrors(page);
    await page.close();
    // Length limit: documented in the embed index; longer is refused with a message, not cut.
    const index = await (await fetch(`${t.base}/embed/`)).json();
    assert.ok(index.parameters.includes("alt") && index.altMaxLength > 0);
    const ok = await fetch(`${t.base}/embed/trend?region=05113&alt=${"ä".repeat(index.altMaxLength)}`);
    assert.equal(ok.status, 200);
    const long = await fetch(`${t.base}/embed/trend?region=05113&alt=${"ä".repeat(index.altMaxLength + 1)}`);
    assert.equal(long.status, 400);
    assert.match(await long.text(), /<h1[^>]*>[^<]+<\/h1>[\s\S]*alt/);
  });

  test("security headers: /embed/* may be framed, the dashboard and API may not", async () => {
    const embed = await fetch(`${t.base}/embed/trend?region=05113`);
    assert.equal(embed.status, 200);
    assert.match(embed.headers.get("content-security-policy") ?? "", /frame-ancestors \*/);
    assert.equal(embed.headers.get("x-frame-options"), null);
    for (const path of ["/", "/regions/05113", "/api/v1/metrics"]) {
      const r = await fetch(t.base + path);
      assert.equal(r.headers.get("x-frame-options"), "DENY", path);
      assert.match(r.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/, path);
    }
    // And the browser enforces it: the dashboard in a foreign iframe stays empty.
    const page = await t.newPage();
    page.allowedErrors.push(/Refused to display|frame-ancestors|X-Frame-Options/i);
    const html = `<iframe src="${t.base}/" width=400 height=300></iframe>`;
    await page.goto(`${t.hostBase}/?snippet=${encodeURIComponent(html)}`, { waitUntil: "networkidle" });
    const framed = page.frames().find((x) => x !== page.mainFrame());
    const text = framed ? await framed.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
    assert.ok(!text.includes("Kooperationsatlas"), "dashboard must not render inside a foreign frame");
    await page.close();
  });

  test("public embeds show aggregates only: small counts appear as '< 3'", async () => {
    const res = await fetch(`${t.base}/embed/conversion?region=05113`);
    const html = await res.text();
    assert.ok(!/"name":"[^"]*e\.V\./.test(html), "no organisation names in the embedded data");
    const json = JSON.parse(html.match(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/)[1]);
    // The embed shows what the public API shows (docs/privacy.md: a count of 1 or 2 is shown only
    // when every organisation behind it is public), and no rate of a withheld count.
    const api = await (await fetch(`${t.base}/api/v1/conversion?region=05113&by=format`)).json();
    const pick = (rows) => rows.map(({ format, pairs, converted, rate }) => ({ format, pairs, converted, rate })).sort((a, b) => a.format.localeCompare(b.format));
    assert.deepEqual(pick(json.loaded.data.rows), pick(api.rows));
    for (const r of json.loaded.data.rows) if (r.pairs === "<3" || r.converted === "<3") assert.equal(r.rate, null, r.format);
    const unknown = await fetch(`${t.base}/embed/nonsense`);
    assert.equal(unknown.status, 404);
    const badRegion = await fetch(`${t.base}/embed/trend?region=99999`);
    assert.equal(badRegion.status, 404);
  });

  test("embed URLs are stable: same parameters, same canonical address", async () => {
    const a = await (await fetch(`${t.base}/embed/trend?metric=hours&region=05113`)).text();
    const b = await (await fetch(`${t.base}/embed/trend?region=05113&metric=hours`)).text();
    const canon = (s) => s.match(/<link rel="canonical" href="([^"]+)"/)[1];
    assert.equal(canon(a), canon(b));
    const v1 = await fetch(`${t.base}/embed/v1/trend?region=05113&metric=hours`);
    assert.equal(v1.status, 200);
  });
}
