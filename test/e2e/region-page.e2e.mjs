// The public region page with a period: the period picker kept in the URL (a calendar year, the
// last 12/24 months, from–to typed as German dates), per-capita figures at the top beside the
// state's and the country's for the same period, and the summary in words — built only from what
// the anonymous API gives, so a withheld figure is never said.

const de1 = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
const eur = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const clean = (s) => s.replace(/[\u00a0\u202f]/g, " ").trim();
const shown = (metric, v) => clean(v === null || v === undefined ? "–" : metric === "valueEur" ? eur.format(v) : de1.format(v));

export default function regionPageSuite(t) {
  const { test, assert } = t;
  /** What an anonymous caller gets from the API. */
  const publicJson = async (path) => {
    const res = await fetch(t.base + path);
    assert.equal(res.status, 200, path);
    return res.json();
  };
  const PER = ["cooperations", "organisations", "volunteers", "hours", "valueEur", "peopleReached"];

  for (const width of [1280, 390]) {
    test(`region page: Essen in 2025 beside North Rhine-Westphalia and Germany, figures above the fold (${width} px)`, async () => {
      const page = await t.newPage({ width, height: width < 500 ? 844 : 900 });
      await t.open(page, "/regions/05113?year=2025");
      assert.equal(await page.inputValue("select[name=period]"), "year");
      assert.equal(await page.inputValue("select[name=year]"), "2025");
      assert.match(clean(await page.textContent("p.window")), /Zeitraum: 1\. Jan\. 2025 bis 31\. Dez\. 2025/);

      const w = "from=2025-01-01&to=2025-12-31";
      const [essen, nrw, germany] = await Promise.all(["05113", "05", "DE"].map((c) => publicJson(`/api/v1/regions/${c}/metrics?${w}`)));
      for (const m of PER) {
        const tile = page.locator(`#per-capita [data-metric=${m}]`);
        assert.equal(clean(await tile.locator(".tile-value").textContent()), shown(m, essen.perHundredThousand[m]), m);
        assert.equal(clean(await tile.locator("[data-compare=state]").textContent()), shown(m, nrw.perHundredThousand[m]), `${m}, state`);
        assert.equal(clean(await tile.locator("[data-compare=country]").textContent()), shown(m, germany.perHundredThousand[m]), `${m}, country`);
      }
      assert.match(await page.locator("#per-capita [data-metric=cooperations] dt").first().textContent(), /Nordrhein-Westfalen/);

      // The summary says the ratios of the public figures and the new partnerships of 2025.
      const summary = clean(await page.textContent("[data-summary]"));
      const r = (a, b) => de1.format(a / b);
      const pc = (x) => x.perHundredThousand.cooperations;
      assert.ok(summary.startsWith(`Essen hat ${r(pc(essen), pc(germany))}-mal so viele Kooperationen je Einwohner wie Deutschland und ${r(pc(essen), pc(nrw))}-mal so viele wie Nordrhein-Westfalen.`), summary);
      const pairs = await publicJson("/api/v1/regions/05113/trend?metric=newPairs&interval=year&from=2025-01-01&to=2025-12-31");
      assert.equal(pairs.points.length, 1);
      assert.ok(summary.endsWith(`${pairs.points[0].value} neue Partnerschaften im Jahr 2025.`), summary);

      // Above the fold: the first row of per-capita tiles ends within the first screen.
      const box = await page.locator("#per-capita [data-metric=cooperations]").boundingBox();
      assert.ok(box.y + box.height <= (width < 500 ? 844 : 900), `per-capita tile ends at ${box.y + box.height} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px)`);
      await t.screenshot(page, `region-2025-compared-${width}`, { fullPage: false });
      t.assertNoConsoleErrors(page);
      await page.close();
    });
  }

  test("region page: a funder choosing 2025 sees 2025 in every section — trend, formats, conversion, contributions, status counts, network, isolated — and Essen beside its state", async () => {
    const w = "from=2025-01-01&to=2025-12-31";
    const nums = (s) => s.replace(/[\s\u00a0\u202f]/g, "");
    const int = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
    const shownCount = (v) => (v === "<3" ? "<3" : int.format(v));
    const tableRows = (page, chart) =>
      page.locator(`figure[data-chart=${chart}] table tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));

    // Anonymous first: what the public API gives for 2025, section by section.
    const page = await t.newPage({ width: 1280, height: 900 });
    await t.open(page, "/regions/05113?year=2025");
    await page.locator("figure[data-chart=contributions] table").waitFor({ state: "attached" });
    // Every section the period picker governs; "Upcoming events" always starts today.
    const cards = await page.locator("main section.card:not(#calendar)").evaluateAll((els) =>
      els.map((e) => ({ title: e.querySelector("h2")?.textContent, note: e.querySelector("[data-period-note]")?.textContent ?? null })),
    );
    assert.ok(cards.length >= 7, `sections: ${cards.map((c) => c.title).join(", ")}`);
    for (const c of cards) assert.match(c.note ?? "", /2025/, `"${c.title}" says its period`);

    // Trend: the months of 2025 only, as the API gives them for 2025.
    const trend = await publicJson(`/api/v1/regions/05113/trend?metric=cooperations&interval=month&${w}`);
    const trendRows = await tableRows(page, "trend");
    assert.equal(trendRows.length, 12);
    assert.deepEqual(trendRows.map((r) => nums(r[1])), trend.points.map((p) => nums(shownCount(p.value))));
    assert.match(trendRows[0][0], /Jan\. 2025/);
    assert.match(trendRows[11][0], /Dez\. 2025/);

    // Formats: the quarters of 2025; the marketplace column is the API's marketplace trend.
    const formatRows = await tableRows(page, "formats");
    assert.deepEqual(formatRows.map((r) => r[0]), ["1. Quartal 2025", "2. Quartal 2025", "3. Quartal 2025", "4. Quartal 2025"]);
    const market = await publicJson(`/api/v1/regions/05113/trend?metric=cooperations&interval=quarter&format=marketplace&${w}`);
    const head = await page.locator("figure[data-chart=formats] table thead th").allTextContents();
    const col = head.findIndex((x) => x.trim() === "Marktplatz");
    assert.ok(col > 0, `formats columns: ${head}`);
    assert.deepEqual(formatRows.map((r) => nums(r[col])), market.points.map((p) => nums(shownCount(p.value))));

    // Conversion: the pairs that first met in 2025 (that year's own rows of the API).
    assert.match(await page.locator("figure[data-chart=conversion] figcaption").textContent(), /Erstkontakte 2025/);
    const conv = await publicJson("/api/v1/conversion?region=05113&by=year");
    const cohort = conv.rows.filter((r) => r.year === 2025);
    const convRows = await tableRows(page, "conversion");
    assert.equal(convRows.length, cohort.length);
    assert.deepEqual(convRows.map((r) => nums(r[1])), cohort.map((r) => nums(shownCount(r.pairs))));

    // Contributions and the organisations by status: the 2025 metrics.
    const essen = await publicJson(`/api/v1/regions/05113/metrics?${w}`);
    const contribRows = await tableRows(page, "contributions");
    assert.equal(contribRows.length, Object.keys(essen.inputs.valueByContributionType).length);
    for (const [, value] of contribRows) assert.ok(Object.values(essen.inputs.valueByContributionType).some((v) => nums(value) === nums(v === "<3" ? "<3" : eur.format(v))), value);
    for (const st of ["isolated", "peripheral", "fading", "connected"]) {
      assert.equal(nums(await page.locator(`#network-status [data-status=${st}] .tile-value`).textContent()), nums(shownCount(essen.network.statusCounts[st])), st);
    }
    await t.screenshot(page, "region-2025-whole-page-1280");
    t.assertNoConsoleErrors(page);
    await page.close();

    // Its state for the same year: the figure Essen's page puts beside its own.
    const state = await t.newPage({ width: 1280, height: 900 });
    await t.open(state, "/regions/05?year=2025");
    const nrw = await publicJson(`/api/v1/regions/05/metrics?${w}`);
    assert.equal(clean(await state.textContent("#per-capita [data-metric=cooperations] .tile-value")), shown("cooperations", nrw.perHundredThousand.cooperations));
    assert.equal(await state.locator("figure[data-chart=trend] table tbody tr").count(), 12);
    for (const c of await state.locator("main section.card [data-period-note]").allTextContents()) assert.match(c, /2025/);
    t.assertNoConsoleErrors(state);
    await state.close();

    // A funder (signed in): the network and the isolated list of 2025, on a phone.
    const funder = await t.newPage({ role: "funder", width: 390, height: 844 });
    await t.open(funder, "/regions/05113?year=2025");
    await funder.locator(".netview").waitFor();
    const token = await t.tokenFor("funder");
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const net = await (await fetch(`${t.base}/api/v1/regions/05113/network?${w}`, auth)).json();
    const linked = new Set(net.edges.flatMap((e) => [e.source, e.target]));
    const drawn = net.nodes.filter((n) => n.x !== null && n.y !== null && linked.has(n.id));
    assert.equal(Number(await funder.locator(".netview").getAttribute("data-shown")), drawn.length, "the network of 2025");
    const all24 = await (await fetch(`${t.base}/api/v1/regions/05113/network`, auth)).json();
    assert.notEqual(all24.nodes.length, net.nodes.length, "2025 differs from the last 24 months (else this test proves nothing)");
    const iso = await (await fetch(`${t.base}/api/v1/regions/05113/isolated?${w}&limit=25`, auth)).json();
    const cardsShown = await funder.locator("#isolated .org-card").evaluateAll((els) => els.map((e) => Number(e.dataset.organisation)));
    assert.deepEqual(cardsShown, iso.organisations.map((o) => o.organisationId));
    for (const c of await funder.locator("main section.card [data-period-note]").allTextContents()) assert.match(c, /2025/);
    const overflow = await funder.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px)`);
    // The brokers' table fits the phone: no column hidden to the right.
    const brokersOverflow = await funder.locator("#brokers .table-scroll").evaluate((e) => e.scrollWidth - e.clientWidth);
    assert.ok(brokersOverflow <= 0, `brokers table fits (${brokersOverflow} px hidden)`);
    // Organisations by status two by two on a phone (not four screens of single tiles).
    const tops = await funder.locator("#network-status .tile").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    assert.equal(new Set(tops).size, 2, `status tiles in two rows (${tops})`);
    await t.screenshot(funder, "region-2025-funder-390");
    t.assertNoConsoleErrors(funder);
    await funder.close();
  });

  test("region page: the period picker keeps the period in the URL (12 months, a year, German from–to, a refused date, back)", async () => {
    // Signed in: every month's count is there to be said.
    const page = await t.newPage({ role: "admin", width: 390, height: 844 });
    const adminJson = async (path) => (await fetch(t.base + path, { headers: { Authorization: `Bearer ${t.adminToken}` } })).json();
    await t.open(page, "/regions/05113");
    assert.equal(await page.inputValue("select[name=period]"), "24m");
    const settled = async (pathAndQuery) => {
      await page.waitForFunction((p) => location.pathname + location.search === p, pathAndQuery);
      await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy") && document.querySelector("[data-summary]")?.textContent);
    };
    await page.selectOption("select[name=period]", "12m");
    await settled("/regions/05113?period=12m");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "period", "focus stays on the picker");
    const twelve = await adminJson("/api/v1/regions/05113/metrics?window=12m");
    assert.equal(clean(await page.textContent("#per-capita [data-metric=cooperations] .tile-value")), shown("cooperations", twelve.perHundredThousand.cooperations));

    await page.selectOption("select[name=period]", "year");
    await settled(`/regions/05113?year=${new Date().getUTCFullYear() - 1}`);
    await page.selectOption("select[name=year]", "2024");
    await settled("/regions/05113?year=2024");
    assert.match(await page.textContent("[data-summary]"), /im Jahr 2024\.$/);

    // From–to, typed as a German reads dates; a day that does not exist is refused in words.
    await page.selectOption("select[name=period]", "custom");
    await page.fill("input[name=from]", "31.02.2025");
    await page.fill("input[name=to]", "31.08.2025");
    await page.click(".period-custom button[type=submit]");
    assert.match(await page.textContent("[data-field=from] .field-error"), /\S/);
    assert.equal(new URL(page.url()).search, "?year=2024", "nothing shown for a refused date");
    await page.fill("input[name=from]", "01.03.2025");
    assert.match(clean(await page.textContent("[data-field=from] .understood")), /1\. März 2025/);
    await page.click(".period-custom button[type=submit]");
    await settled("/regions/05113?from=2025-03-01&to=2025-08-31");
    assert.match(clean(await page.textContent("p.window")), /1\. März 2025 bis 31\. Aug\. 2025/);
    assert.equal(await page.inputValue("input[name=from]"), "01.03.2025");
    const months = await adminJson("/api/v1/regions/05113/trend?metric=newPairs&interval=month&from=2025-03-01&to=2025-08-31");
    const sum = months.points.reduce((a, p) => a + p.value, 0);
    assert.equal(months.points.length, 6);
    assert.match(clean(await page.textContent("[data-summary]")), new RegExp(` ${sum} neue Partnerschaften? von März 2025 bis August 2025\\.$`));
    await t.screenshot(page, "region-period-custom-390", { fullPage: false });

    await page.goBack();
    await settled("/regions/05113?year=2024");
    assert.equal(await page.inputValue("select[name=year]"), "2024");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("region page: a withheld figure is shown as – and never put into words; signed in, the same period says it", async () => {
    const auth = { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json" };
    const post = async (path, body) => {
      const res = await fetch(t.base + path, { method: "POST", headers: auth, body: JSON.stringify(body) });
      assert.equal(res.status, 201, `${path}: ${await res.clone().text()}`);
      return res.json();
    };
    // A small custom region: one deal between two organisations that are not public.
    await post("/api/v1/regions", { code: "E2E-KLEIN", name: "Kleinstadt", parentCode: "05", population: 10000 });
    const a = await post("/api/v1/organisations", { name: "Verein Klein e.V.", kind: "nonprofit", regionCode: "E2E-KLEIN", isPublic: false });
    const b = await post("/api/v1/organisations", { name: "Klein GmbH", kind: "company", regionCode: "E2E-KLEIN", isPublic: false });
    await post("/api/v1/cooperations", { partnerIds: [a.id, b.id], regionCode: "E2E-KLEIN", dateAgreed: "2025-06-01", status: "agreed" });

    const anon = await publicJson("/api/v1/regions/E2E-KLEIN/metrics?from=2025-01-01&to=2025-12-31");
    assert.equal(anon.cooperations.total, "<3");
    assert.equal(anon.perHundredThousand.cooperations, null);
    const page = await t.newPage({ width: 390, height: 844 });
    await t.open(page, "/regions/E2E-KLEIN?year=2025");
    assert.equal(clean(await page.textContent("#per-capita [data-metric=cooperations] .tile-value")), "–");
    const summary = clean(await page.textContent("[data-summary]"));
    assert.equal(summary, "Für diesen Zeitraum lässt sich aus den sichtbaren Zahlen keine Zusammenfassung bilden.");
    const text = clean(await page.textContent("main"));
    assert.doesNotMatch(text, /Kleinstadt hat|neue Partnerschaft/);
    await t.screenshot(page, "region-withheld-390", { fullPage: false });
    t.assertNoConsoleErrors(page);
    await page.close();

    // Signed in, the same page says it: 1 deal per 10 000 inhabitants = 10 per 100 000.
    const admin = await t.newPage({ role: "admin", width: 390, height: 844 });
    await t.open(admin, "/regions/E2E-KLEIN?year=2025");
    assert.equal(clean(await admin.textContent("#per-capita [data-metric=cooperations] .tile-value")), "10");
    assert.match(clean(await admin.textContent("[data-summary]")), /^Kleinstadt hat [\d,]+-mal so viele Kooperationen je Einwohner wie Deutschland und [\d,]+-mal so viele wie Nordrhein-Westfalen\. 1 neue Partnerschaft im Jahr 2025\.$/);
    t.assertNoConsoleErrors(admin);
    await admin.close();
  });
}
