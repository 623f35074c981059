// Every dashboard page loads in German and English without console errors, its charts draw
// (non-blank canvases), and a screenshot of it is saved.
export default function pages(t) {
  const { test, assert } = t;
  const orgId = async () => {
    const res = await fetch(`${t.base}/api/v1/regions/05113/network`, { headers: { Authorization: `Bearer ${t.adminToken}` } });
    const net = await res.json();
    return net.nodes.filter((n) => n.inScope).sort((a, b) => b.degree - a.degree)[0].id;
  };
  const cases = [
    { name: "overview", path: "/", role: "anonymous", charts: 3, h1: { de: "Kooperationen in den Regionen", en: "Cooperations across the regions" } },
    { name: "overview-admin", path: "/", role: "admin", charts: 3, h1: { de: "Kooperationen in den Regionen", en: "Cooperations across the regions" } },
    { name: "region-05113", path: "/regions/05113", role: "admin", charts: 5, h1: { de: "Region Essen, Stadt", en: "Region Essen, Stadt" } },
    { name: "region-05113-public", path: "/regions/05113", role: "anonymous", charts: 4, h1: { de: "Region Essen, Stadt", en: "Region Essen, Stadt" } },
    { name: "region-state-12", path: "/regions/12", role: "funder", charts: 5, h1: { de: "Region Brandenburg", en: "Region Brandenburg" } },
    { name: "region-NL-ARN", path: "/regions/NL-ARN", role: "admin", charts: 5, h1: { de: "Region Arnhem (NL)", en: "Region Arnhem (NL)" } },
    { name: "organisation", path: async () => `/organisations/${await orgId()}`, role: "admin", charts: 1 },
    { name: "entry", path: "/entry", role: "coordinator", charts: 0, h1: { de: "Daten erfassen", en: "Data entry" } },
    { name: "import", path: "/import", role: "admin", charts: 0, h1: { de: "Daten importieren", en: "Import data" } },
    { name: "embed-builder", path: "/embed-builder", role: "anonymous", charts: 0, h1: { de: "Diagramm einbetten", en: "Embed a chart" } },
    { name: "signin", path: "/signin", role: "anonymous", charts: 0, h1: { de: "Anmelden", en: "Sign in" } },
  ];
  for (const c of cases) {
    for (const locale of ["de", "en"]) {
      test(`page ${c.name} (${locale}) loads, draws its charts, no console errors`, async () => {
        const page = await t.newPage({ role: c.role, locale });
        try {
          const path = typeof c.path === "function" ? await c.path() : c.path;
          await t.open(page, path);
          assert.equal(await page.getAttribute("html", "lang"), locale);
          if (c.h1) assert.equal((await page.textContent("h1"))?.trim(), c.h1[locale]);
          if (c.charts) await t.assertChartsDrawn(page, c.charts);
          if (c.name === "embed-builder") await page.frameLocator("#embed-preview").locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
          await t.screenshot(page, `${c.name}-${locale}`);
          t.assertNoConsoleErrors(page);
        } finally {
          await page.close();
        }
      });
    }
  }

  test("numbers are formatted per locale (de: 1.500, en: 1,500)", async () => {
    // The demo has 1 500 organisations (plus any an import suite added before this one).
    for (const [locale, pattern] of [
      ["de", /Organisationen1\.5\d\d$/],
      ["en", /Organisations1,5\d\d$/],
    ]) {
      const page = await t.newPage({ locale });
      await t.open(page, "/");
      const tile = await page.locator(".tile").first().textContent();
      assert.match(tile.trim(), pattern, locale);
      await page.close();
    }
  });

  test("language switch changes the page to English and back", async () => {
    const page = await t.newPage({ locale: "de" });
    await t.open(page, "/");
    await page.click("#lang-switch");
    await page.waitForFunction(() => document.documentElement.lang === "en" && document.querySelector("h1")?.textContent === "Cooperations across the regions");
    await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"));
    await page.click("#lang-switch");
    await page.waitForFunction(() => document.documentElement.lang === "de");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the district map colours districts with data, including merged codes", async () => {
    const page = await t.newPage();
    await t.open(page, "/");
    const topo = await (await fetch(`${t.base}/geo/districts.topo.json`)).json();
    const ids = topo.objects.districts.geometries.map((g) => g.id);
    assert.ok(ids.includes("05113") && ids.includes("16063") && ids.includes("03159"), "current district codes");
    assert.ok(!ids.includes("16056") && !ids.includes("03152"), "merged districts are dissolved");
    const table = await page.locator('[data-chart=map] table').textContent();
    assert.match(table, /Essen/);
    assert.match(await page.locator("[data-chart=map] .chart-source").textContent(), /© GeoBasis-DE \/ BKG/);
    await page.close();
  });
}
