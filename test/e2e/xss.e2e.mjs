// Stored XSS: payloads stored through the API as organisation names, event titles, a region name,
// cooperation notes etc. show as text on every dashboard page and in every embed (phone and
// desktop) and never run. Every payload calls __xss(); the test defines it in every frame and
// watches for its calls, for CSP violations (a blocked inline script still means markup from the
// data reached the DOM), for elements a payload would create, and for console errors. Every page
// is served with the Content-Security-Policy that runs scripts from this origin only.
export default function xss(t) {
  const { test, assert } = t;
  const auth = { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json" };
  const REGION = "XSS-1";

  /** One payload per injection route: element, event handler, attribute breakout, URL, srcdoc, script-block breakout. */
  const PAYLOADS = [
    `<script>__xss("script")</script>`,
    `<img src=x onerror=__xss("img")>`,
    `"><svg onload=__xss("svg")>`,
    `javascript:__xss("url")`,
    `'><iframe srcdoc="<script>parent.__xss('srcdoc')</script>"></iframe>`,
    `</script><script>__xss("breakout")</script>`,
  ];
  const regionName = `Region <img src=x onerror=__xss("region")>`;
  const eventTitle = `Marktplatz "><svg onload=__xss("event")>`;
  /** Elements or URLs a payload would leave in the DOM if any data were parsed as HTML. */
  const INJECTED = 'img[src="x"], svg[onload], [onerror], [onload], iframe[srcdoc], a[href^="javascript:" i]';
  /** Our pages have no inline script at all (the host page of another site has the snippet's). */
  const INLINE_SCRIPT = 'script:not([src]):not([type="application/json"])';

  const post = async (path, body, method = "POST") => {
    const res = await fetch(t.base + path, { method, headers: auth, body: JSON.stringify(body) });
    const json = await res.json().catch(() => null);
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  /** Stores the payloads once (first test that needs them); returns the ids. */
  let stored = null;
  async function store() {
    if (stored) return stored;
    const existing = await fetch(`${t.base}/api/v1/regions/${REGION}`);
    if (existing.status === 404) await post("/api/v1/regions", { code: REGION, name: regionName, parentCode: "05", population: 50000 });
    const orgs = [];
    for (const [i, p] of PAYLOADS.entries()) {
      for (const regionCode of ["05113", REGION]) {
        const o = await post("/api/v1/organisations", {
          name: `${i % 2 ? "Firma" : "Verein"} ${p}`,
          kind: i % 2 ? "company" : "nonprofit",
          regionCode,
          isPublic: true,
          contactName: `Kontakt ${p}`,
        });
        orgs.push(o);
      }
    }
    const events = [];
    for (const regionCode of ["05113", REGION]) {
      const here = orgs.filter((o) => o.regionCode === regionCode).map((o) => o.id);
      events.push(await post("/api/v1/events", { kind: "marketplace", title: eventTitle, date: "2025-03-12", regionCode, organiserId: here[0], participantIds: here, notes: PAYLOADS.join(" ") }));
      // A small network: every company with every non-profit of the region, at the event; payloads in every text field.
      const companies = orgs.filter((o) => o.regionCode === regionCode && o.kind === "company");
      const nonprofits = orgs.filter((o) => o.regionCode === regionCode && o.kind === "nonprofit");
      let k = 0;
      for (const c of companies) {
        for (const n of nonprofits) {
          const p = PAYLOADS[k++ % PAYLOADS.length];
          await post("/api/v1/cooperations", {
            partnerIds: [c.id, n.id],
            regionCode,
            eventId: events.at(-1).id,
            dateAgreed: `2025-03-${String(12 + (k % 10)).padStart(2, "0")}`,
            status: "done",
            dateDone: "2025-04-01",
            contributionTypes: ["time"],
            volunteers: 3,
            hours: 12,
            valueEur: 400,
            peopleReached: 30,
            targetGroups: p,
            givesBack: p,
            notes: p,
          });
        }
      }
    }
    await post("/api/v1/tokens", { name: `Token ${PAYLOADS[1]}`, role: "funder" });
    stored = { orgs, events, orgInEssen: orgs.find((o) => o.regionCode === "05113").id };
    return stored;
  }

  /** A page that defines __xss in every frame before any script runs and records CSP violations. */
  async function watchedPage(opts) {
    const page = await t.newPage(opts);
    await page.addInitScript(() => {
      window.__xssRan = [];
      window.__xss = (what) => {
        window.__xssRan.push(String(what));
        console.error(`XSS-RAN ${what}`);
      };
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    page.xssLog = [];
    page.on("console", (m) => m.text().startsWith("XSS-RAN") && page.xssLog.push(m.text()));
    return page;
  }

  /** The CSP of a page's response: scripts from 'self' only, nothing inline, framing as expected. */
  function assertPolicy(response, where, frame) {
    assert.ok(response, `${where}: no response`);
    const policy = response.headers()["content-security-policy"] ?? "";
    const d = new Map(policy.split(";").map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(" ")]));
    assert.equal(d.get("default-src"), "'self'", `${where}: default-src in ${policy}`);
    assert.equal(d.get("script-src"), "'self'", `${where}: script-src in ${policy}`);
    assert.equal(d.get("frame-ancestors"), frame, `${where}: frame-ancestors in ${policy}`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, where);
  }

  /** No payload ran, no CSP violation, nothing injected — in the page and every frame in it. */
  async function assertClean(page, where) {
    await page.waitForTimeout(300);
    for (const frame of page.frames()) {
      const state = await frame
        .evaluate((sel) => ({ ran: window.__xssRan ?? [], csp: window.__csp ?? [], injected: [...document.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 120)) }), frame.url().startsWith(t.base) ? `${INJECTED}, ${INLINE_SCRIPT}` : INJECTED)
        .catch((e) => ({ ran: [], csp: [], injected: [], error: String(e) }));
      assert.deepEqual(state.ran, [], `${where} (${frame.url()}): payload ran`);
      assert.deepEqual(state.csp, [], `${where} (${frame.url()}): CSP violations`);
      assert.deepEqual(state.injected, [], `${where} (${frame.url()}): elements from the data`);
    }
    assert.deepEqual(page.xssLog, [], `${where}: payload ran`);
    t.assertNoConsoleErrors(page);
  }

  const SIZES = [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ];

  const pages = [
    { name: "overview", path: () => "/", role: "anonymous" },
    { name: "overview-admin", path: () => "/", role: "admin" },
    { name: "region-essen", path: () => "/regions/05113", role: "admin" },
    { name: "region-essen-public", path: () => "/regions/05113", role: "anonymous" },
    { name: "region-xss", path: () => `/regions/${REGION}`, role: "admin", shows: [regionName] },
    { name: "region-xss-public", path: () => `/regions/${REGION}`, role: "anonymous", shows: [regionName] },
    { name: "region-nrw", path: () => "/regions/05", role: "funder" },
    { name: "organisation", path: (s) => `/organisations/${s.orgInEssen}`, role: "admin", shows: [`Verein ${PAYLOADS[0]}`] },
    { name: "entry", path: () => "/entry", role: "coordinator", shows: [eventTitle] },
    { name: "import", path: () => "/import", role: "admin" },
    { name: "embed-builder", path: () => "/embed-builder", role: "anonymous", shows: [regionName] },
    { name: "signin", path: () => "/signin", role: "anonymous" },
  ];
  for (const c of pages) {
    for (const [size, viewport] of SIZES) {
      test(`xss: dashboard ${c.name} (${size}) shows stored payloads as text, runs none`, async () => {
        const s = await store();
        const page = await watchedPage({ role: c.role, ...viewport });
        try {
          const path = c.path(s);
          const response = await page.goto(t.base + path, { waitUntil: "networkidle" });
          assertPolicy(response, path, "'none'");
          await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"), null, { timeout: 60_000 });
          await page.waitForTimeout(300);
          // The page rendered: a heading, and the stored text where this page shows it.
          assert.ok(((await page.textContent("h1")) ?? "").trim().length > 0, "a heading");
          const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll("option")].map((o) => o.textContent).join("\n"));
          for (const shown of c.shows ?? []) assert.ok(text.includes(shown), `${path} shows ${shown} as text`);
          if (c.name === "embed-builder") {
            await page.selectOption("select[name=region]", REGION);
            await page.frameLocator("#embed-preview").locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
          }
          if (c.name === "entry") {
            // the organisation picker's suggestions come from the stored names
            const picker = page.locator("input[name=partnerCompany]");
            await picker.fill("Firma");
            await page.waitForFunction(() => [...document.querySelectorAll("datalist option")].some((o) => o.value.includes("__xss")), null, { timeout: 10_000 });
          }
          if (c.name === "import") {
            // a dry run whose report echoes names and refused values
            const csv = ["Name;Art;Region", ...PAYLOADS.map((p) => `Import ${p.replace(/;/g, ",")};company;05113`), `Abgelehnt;company;${PAYLOADS[1]}`].join("\n");
            await page.setInputFiles("input[name=file]", { name: `daten-${"<img src=x onerror=__xss('file')>"}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
            await page.click("button[data-action=check]");
            await page.locator("[data-report=dry-run] .import-summary").waitFor({ timeout: 60_000 });
            const report = await page.textContent("[data-report=dry-run]");
            assert.ok(report.includes(PAYLOADS[1]), "the report shows the refused value as text");
          }
          await t.screenshot(page, `xss-${c.name}-${size}`);
          await assertClean(page, path);
        } finally {
          await page.close();
        }
      });
    }
  }

  const embeds = [
    ["trend", `region=${REGION}&metric=cooperations&interval=month`],
    ["formats", `region=${REGION}`],
    ["ranking", "metric=hours"],
    ["map", "metric=cooperations"],
    ["conversion", `region=${REGION}`],
    ["contributions", `region=${REGION}`],
  ];
  for (const [chart, q] of embeds) {
    for (const [size, viewport] of SIZES) {
      test(`xss: embed ${chart} (${size}) shows stored payloads as text, runs none`, async () => {
        await store();
        const page = await watchedPage(viewport);
        try {
          const path = `/embed/${chart}?${q}`;
          const response = await page.goto(t.base + path, { waitUntil: "networkidle" });
          assert.equal(response.status(), 200, path);
          assertPolicy(response, path, "*");
          await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
          await t.assertChartsDrawn(page, 1);
          if (q.includes(REGION)) assert.ok((await page.textContent("figcaption")).includes(regionName), `${path}: the region's name as text in the caption`);
          await page.click("details.chart-table summary");
          await t.screenshot(page, `xss-embed-${chart}-${size}`);
          await assertClean(page, path);
        } finally {
          await page.close();
        }
      });
    }
  }

  test("xss: the API docs page is script-free, styled through its nonce, with the policy", async () => {
    for (const [size, viewport] of SIZES) {
      const page = await watchedPage(viewport);
      try {
        const response = await page.goto(`${t.base}/api/v1/docs`, { waitUntil: "networkidle" });
        assertPolicy(response, "/api/v1/docs", "'none'");
        assert.match(response.headers()["content-security-policy"], /style-src 'self' 'nonce-[^']+'/);
        assert.equal(await page.locator("script").count(), 0, "no script");
        // the inline style block applied (a refused one would leave the default body margin)
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("details")).borderTopStyle), "solid");
        await t.screenshot(page, `xss-api-docs-${size}`, { fullPage: false });
        await assertClean(page, "/api/v1/docs");
      } finally {
        await page.close();
      }
    }
  });

  test("xss: the embed builder's snippet in a page of another origin runs no payload", async () => {
    await store();
    const builder = await watchedPage();
    await t.open(builder, "/embed-builder");
    await builder.selectOption("select[name=chart]", "trend");
    await builder.selectOption("select[name=region]", REGION);
    const snippet = await builder.inputValue("#embed-snippet");
    await builder.close();
    const page = await watchedPage();
    try {
      await page.goto(`${t.hostBase}/?snippet=${encodeURIComponent(snippet)}`, { waitUntil: "networkidle" });
      await page.frameLocator("iframe[data-kooperationsatlas]").locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
      assert.equal(await page.locator("iframe").count(), 1, "one iframe, no other element from the title");
      assert.ok((await page.frameLocator("iframe[data-kooperationsatlas]").locator("figcaption").textContent()).includes(regionName), "the region's name as text in the framed embed");
      await t.screenshot(page, "xss-embed-host-page");
      await assertClean(page, "host page");
    } finally {
      await page.close();
    }
  });
}
