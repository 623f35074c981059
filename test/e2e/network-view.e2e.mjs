// The network view (dashboard/src/network-view): focus by keyboard and by click with the one- and
// two-step neighbourhood highlighted (checked against the network API and on the canvas' pixels),
// name search across umlauts and case, filters, size by a metric, and the phone layout.
export default function networkView(t) {
  const { test, assert } = t;
  const REGION = "05113";

  /** The network as the API gives it, and what the view should make of it. */
  async function expected() {
    const res = await fetch(`${t.base}/api/v1/regions/${REGION}/network`, { headers: { Authorization: `Bearer ${t.adminToken}` } });
    const net = await res.json();
    const linked = new Set(net.edges.flatMap((e) => [e.source, e.target]));
    const drawn = net.nodes.filter((n) => n.x !== null && n.y !== null && linked.has(n.id));
    const ids = new Set(drawn.map((n) => n.id));
    const adj = new Map(drawn.map((n) => [n.id, new Set()]));
    for (const e of net.edges) {
      if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
      adj.get(e.source).add(e.target);
      adj.get(e.target).add(e.source);
    }
    const near = (id) => {
      const one = adj.get(id);
      const two = new Set();
      for (const j of one) for (const k of adj.get(j)) if (k !== id && !one.has(k)) two.add(k);
      return { one, two };
    };
    return { net, drawn, adj, near };
  }

  const state = (page) => page.locator(".netview").evaluate((e) => ({ ...e.dataset }));
  const optionIds = (page) => page.locator(".nv-list [role=option]").evaluateAll((els) => els.map((e) => Number(e.dataset.id)));

  /** RGB at a node's centre on the canvas (device pixels). */
  const pixelAt = (page, id) =>
    page.locator(".netview").evaluate((root, id) => {
      const p = root.networkView.positionOf(id);
      const c = root.querySelector("canvas");
      const dpr = c.width / c.getBoundingClientRect().width;
      const d = c.getContext("2d").getImageData(Math.round(p.x * dpr), Math.round(p.y * dpr), 1, 1).data;
      return [d[0], d[1], d[2]];
    }, id);

  async function openView(page, width) {
    await t.open(page, `/regions/${REGION}`);
    await page.locator(".netview").waitFor();
    await page.locator(".nv-canvas").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Number(document.querySelector(".netview")?.dataset.draws) > 0);
    if (width) assert.ok((await page.locator(".nv-canvas").boundingBox()).width <= width);
  }

  test("network view: focus by keyboard — Tab to the list, arrows, Enter; neighbourhood listed and highlighted; Esc clears", async () => {
    const { drawn, near } = await expected();
    const page = await t.newPage({ role: "admin" });
    await openView(page);
    assert.equal(Number((await state(page)).shown), drawn.length);
    // From the search field the keyboard reaches the list with Tab only.
    await page.locator(".nv-search input").focus();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.classList.contains("nv-list"));
    }
    assert.ok(reached, "the list is reached with Tab");
    const before = await optionIds(page);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const active = await page.evaluate(() => document.getElementById(document.activeElement.getAttribute("aria-activedescendant"))?.dataset.id);
    assert.equal(Number(active), before[2], "the cursor moved two rows down");
    await page.keyboard.press("Enter");
    const s = await state(page);
    const id = before[2];
    const { one, two } = near(id);
    assert.equal(Number(s.focus), id);
    assert.equal(Number(s.near1), one.size, "direct partners as in the API's edges");
    assert.equal(Number(s.near2), two.size, "two steps away as in the API's edges");
    assert.ok(one.size > 0);
    // The list now holds the focus, then its partners, then those two steps away.
    const listed = await optionIds(page);
    assert.equal(listed[0], id);
    assert.deepEqual(new Set(listed.slice(1, 1 + one.size)), one);
    assert.equal(await page.locator(`.nv-list [data-id="${id}"]`).getAttribute("aria-selected"), "true");
    assert.equal(await page.locator(".nv-list .nv-step1").count(), one.size);
    const name = drawn.find((n) => n.id === id).name;
    assert.match(await page.locator(".nv-details-title").textContent(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await page.waitForFunction(() => /im Fokus: \d+ direkte Partner/.test(document.getElementById("live")?.textContent ?? ""), null, { timeout: 5000 });
    // The focus node keeps its colour; the drawing marks it with a ring.
    await page.waitForTimeout(200);
    await t.screenshot(page, "network-view-keyboard-focus", { locator: page.locator(".netview") });
    await page.keyboard.press("Escape");
    assert.equal((await state(page)).focus, "");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("nv-list")), true, "the keyboard stays in the list");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("network view: click a node — its neighbourhood stays bright, the rest fades (canvas pixels)", async () => {
    const { drawn, near, adj } = await expected();
    const page = await t.newPage({ role: "admin" });
    await openView(page);
    const hub = drawn.filter((n) => n.inScope).sort((a, b) => b.degree - a.degree)[0];
    const { one, two } = near(hub.id);
    const far = drawn.filter((n) => n.id !== hub.id && !one.has(n.id) && !two.has(n.id)).map((n) => n.id);
    assert.ok(far.length > 5, "the demo network has organisations beyond two steps of its hub");
    const brightness = async (ids) => Promise.all(ids.map(async (id) => (await pixelAt(page, id)).reduce((a, b) => a + b, 0)));
    const farBefore = await brightness(far);
    const p = await page.locator(".netview").evaluate((e, id) => e.networkView.positionOf(id), hub.id);
    await page.locator(".nv-canvas").click({ position: p });
    const s = await state(page);
    assert.equal(Number(s.focus), hub.id);
    assert.equal(Number(s.near1), one.size);
    assert.equal(Number(s.near2), two.size);
    assert.equal(one.size, adj.get(hub.id).size);
    await page.waitForFunction(() => document.querySelector(".netview").dataset.draws !== undefined);
    await page.waitForTimeout(250);
    const farAfter = await brightness(far);
    const faded = farAfter.filter((v, i) => v > farBefore[i] + 60).length;
    assert.ok(faded >= far.length * 0.7, `most organisations beyond two steps fade (${faded} of ${far.length})`);
    // The hub itself is drawn in full colour (its kind's colour, not faded towards white).
    const hubPixel = await pixelAt(page, hub.id);
    assert.ok(hubPixel.reduce((a, b) => a + b, 0) < 600, `focus drawn in full colour (${hubPixel})`);
    assert.ok((await page.locator(".nv-details-title").textContent()).includes(hub.name));
    assert.equal(await page.locator(".nv-details a").getAttribute("href"), `/organisations/${hub.id}`, "link to the organisation's page");
    await t.screenshot(page, "network-view-click-focus", { locator: page.locator(".netview") });
    // Clicking it again clears the focus.
    await page.locator(".nv-canvas").click({ position: await page.locator(".netview").evaluate((e, id) => e.networkView.positionOf(id), hub.id) });
    assert.equal((await state(page)).focus, "");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("network view: search ignores case and umlaut spelling; Enter focuses the first match", async () => {
    const { drawn } = await expected();
    const want = drawn.filter((n) => n.name.toLowerCase().includes("rüttenscheid")).map((n) => n.id);
    assert.ok(want.length >= 1, "the demo data has organisations in Rüttenscheid");
    const page = await t.newPage({ role: "admin" });
    await openView(page);
    for (const q of ["RÜTTENSCHEID", "ruettenscheid", "Rüttensch"]) {
      await page.locator(".nv-search input").fill(q);
      assert.equal(Number((await state(page)).matches), want.length, `matches for ${q}`);
      assert.deepEqual(new Set(await optionIds(page)), new Set(want), `listed for ${q}`);
    }
    await t.screenshot(page, "network-view-search", { locator: page.locator(".netview") });
    await page.locator(".nv-search input").press("Enter");
    const s = await state(page);
    assert.ok(want.includes(Number(s.focus)), "Enter focuses a match");
    await page.locator(".nv-search input").fill("gibt es nicht xyz");
    assert.equal(Number((await state(page)).matches), 0);
    assert.match(await page.locator(".nv-side [role=status]").textContent(), /Keine Organisation/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("network view: filters by kind, network status and field/industry; size by betweenness", async () => {
    const { drawn } = await expected();
    const page = await t.newPage({ role: "admin" });
    await openView(page);
    await page.locator(".netview").getByLabel("Art", { exact: true }).selectOption("company");
    const companies = drawn.filter((n) => n.kind === "company").map((n) => n.id);
    assert.equal(Number((await state(page)).shown), companies.length);
    const listed = await optionIds(page);
    assert.ok(listed.length > 0 && listed.every((id) => companies.includes(id)), "only companies listed");
    await page.locator(".netview").getByLabel("Netzwerkstatus").selectOption("peripheral");
    const both = drawn.filter((n) => n.kind === "company" && n.status === "peripheral").length;
    assert.equal(Number((await state(page)).shown), both);
    await page.locator(".netview").getByLabel("Art", { exact: true }).selectOption("");
    await page.locator(".netview").getByLabel("Netzwerkstatus").selectOption("");
    assert.equal(Number((await state(page)).shown), drawn.length);

    // Field of work / industry: the API's field for non-profits, its industry for companies.
    const sectorOf = (n) => (n.kind === "company" ? n.industry : n.field);
    const counts = new Map();
    for (const n of drawn) if (sectorOf(n)) counts.set(sectorOf(n), (counts.get(sectorOf(n)) ?? 0) + 1);
    const [sector, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
    await page.locator(".netview").getByLabel("Bereich / Branche").selectOption(sector);
    assert.equal(Number((await state(page)).shown), count);
    const inSector = drawn.filter((n) => sectorOf(n) === sector).map((n) => n.id);
    assert.deepEqual(new Set(await optionIds(page)), new Set(inSector));
    await t.screenshot(page, "network-view-filter-sector", { locator: page.locator(".netview") });
    await page.locator(".netview").getByLabel("Bereich / Branche").selectOption("");

    await page.locator(".netview").getByLabel("Größe nach").selectOption("betweenness");
    const s = await state(page);
    assert.equal(s.sizeBy, "betweenness");
    const top = drawn.filter((n) => typeof n.betweenness === "number").sort((a, b) => b.betweenness - a.betweenness)[0];
    assert.equal((await optionIds(page))[0], top.id, "the list is ranked by the chosen metric");
    await page.waitForTimeout(100);
    assert.equal(Number((await state(page)).labels.split(",")[0]), top.id, "the most central node is labelled first");
    assert.match(await page.locator(".nv-legend").textContent(), /Größe: Betweenness/);
    await t.screenshot(page, "network-view-size-betweenness", { locator: page.locator(".netview") });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("network view: zoom buttons and the wheel change the scale; the view fits again", async () => {
    const page = await t.newPage({ role: "admin" });
    await openView(page);
    await page.getByRole("button", { name: "Vergrößern" }).click();
    await page.waitForTimeout(50);
    assert.ok(Number((await state(page)).scale) > 1.4);
    const box = await page.locator(".nv-canvas").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(250);
    assert.ok(Number((await state(page)).scale) < 1.4);
    await page.getByRole("button", { name: "Ganzes Netzwerk zeigen" }).click();
    await page.waitForTimeout(50);
    assert.equal(Number((await state(page)).scale), 1);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("network view at 390 px: no sideways scrolling, the list below the drawing, a tap focuses, a pinch zooms", async () => {
    const { near, drawn } = await expected();
    const page = await t.newPage({ role: "admin", width: 390, height: 844 });
    await openView(page, 390);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "no horizontal overflow");
    const canvasBox = await page.locator(".nv-canvas").boundingBox();
    const listBox = await page.locator(".nv-list").boundingBox();
    assert.ok(listBox.y > canvasBox.y + canvasBox.height, "list below the drawing");
    const hub = drawn.filter((n) => n.inScope).sort((a, b) => b.degree - a.degree)[0];
    // Touch: a tap focuses, two fingers moving apart zoom in (about their midpoint).
    const canvasAt = await page.locator(".nv-canvas").boundingBox();
    const p = await page.locator(".netview").evaluate((e, id) => e.networkView.positionOf(id), hub.id);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map(([x, y], id) => ({ x: canvasAt.x + x, y: canvasAt.y + y, id })) });
    await touch("touchStart", [[p.x, p.y]]);
    await touch("touchEnd", []);
    await page.waitForFunction((id) => document.querySelector(".netview").dataset.focus === String(id), hub.id, { timeout: 5000 });
    assert.equal(Number((await state(page)).near1), near(hub.id).one.size);
    const [cx, cy] = [canvasAt.width / 2, canvasAt.height / 2];
    await touch("touchStart", [[cx - 20, cy], [cx + 20, cy]]);
    for (let d = 25; d <= 60; d += 5) await touch("touchMove", [[cx - d, cy], [cx + d, cy]]);
    await touch("touchEnd", []);
    await page.waitForTimeout(200);
    assert.ok(Math.abs(Number((await state(page)).scale) - 3) < 0.05, "pinching from 40 to 120 px zooms in threefold");
    assert.equal(Number((await state(page)).focus), hub.id, "a pinch is no tap");
    await cdp.detach();
    for (const b of await page.locator(".nv-zoom .btn").all()) {
      const bb = await b.boundingBox();
      assert.ok(bb.width >= 44 && bb.height >= 44, "touch targets of 44 px");
    }
    await t.screenshot(page, "network-view-phone", { locator: page.locator(".netview") });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("network view on the organisation page: the organisation in focus with its neighbourhood", async () => {
    const { drawn, near } = await expected();
    const org = drawn.filter((n) => n.inScope).sort((a, b) => b.betweenness - a.betweenness)[0];
    const page = await t.newPage({ role: "admin" });
    await t.open(page, `/organisations/${org.id}`);
    await page.locator(".netview").waitFor();
    const s = await state(page);
    assert.equal(Number(s.focus), org.id);
    assert.equal(Number(s.near1), near(org.id).one.size);
    assert.equal(Number(s.near2), near(org.id).two.size);
    assert.equal((await optionIds(page))[0], org.id);
    // Choosing a partner in the list moves the focus there.
    const partner = [...near(org.id).one][0];
    await page.locator(`.nv-list [data-id="${partner}"]`).click();
    assert.equal(Number((await state(page)).focus), partner);
    assert.equal(Number((await state(page)).near1), near(partner).one.size);
    await t.screenshot(page, "network-view-organisation", { locator: page.locator(".netview") });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("network view: search, filters, size and focus kept in the URL — a shared link and a reload restore them, a new period keeps them", async () => {
    const { drawn, near } = await expected();
    const page = await t.newPage({ role: "admin" });
    await openView(page);
    const view = page.locator(".netview");
    await view.getByLabel("Art", { exact: true }).selectOption("nonprofit");
    await view.getByLabel("Größe nach").selectOption("betweenness");
    await page.locator(".nv-search input").fill("e.V.");
    const nonprofits = drawn.filter((n) => n.kind === "nonprofit");
    const first = (await optionIds(page))[0];
    assert.ok(nonprofits.some((n) => n.id === first), "a non-profit listed first");
    await page.locator(`.nv-list [data-id="${first}"]`).click();
    const before = await state(page);
    assert.equal(Number(before.focus), first);
    const url = new URL(page.url());
    assert.equal(url.pathname, `/regions/${REGION}`);
    assert.equal(url.searchParams.get("nv-kind"), "nonprofit");
    assert.equal(url.searchParams.get("nv-size"), "betweenness");
    assert.equal(url.searchParams.get("nv-q"), "e.V.");
    assert.equal(url.searchParams.get("nv-focus"), String(first));

    // The link opened elsewhere (another tab, another person): the same view.
    const shared = await t.newPage({ role: "admin" });
    await t.open(shared, url.pathname + url.search);
    await shared.locator(".netview").waitFor();
    const after = await state(shared);
    for (const k of ["focus", "near1", "near2", "shown", "matches", "sizeBy"]) assert.equal(after[k], before[k], k);
    assert.equal(Number(after.near1), near(first).one.size);
    assert.equal(await shared.locator(".netview").getByLabel("Art", { exact: true }).inputValue(), "nonprofit");
    assert.equal(await shared.locator(".netview").getByLabel("Größe nach").inputValue(), "betweenness");
    assert.equal(await shared.locator(".nv-search input").inputValue(), "e.V.");
    assert.equal(await shared.locator(`.nv-list [data-id="${first}"]`).getAttribute("aria-selected"), "true");
    await t.screenshot(shared, "network-view-shared-link", { locator: shared.locator(".netview") });

    // Clearing the focus and the filter takes them out of the URL; a reload keeps what is left.
    await shared.locator("[data-action=clear-focus]").click();
    await shared.locator(".netview").getByLabel("Art", { exact: true }).selectOption("");
    await shared.waitForFunction(() => !location.search.includes("nv-focus") && !location.search.includes("nv-kind"));
    await shared.reload();
    await shared.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy") && document.querySelector(".netview"));
    const reloaded = await state(shared);
    assert.equal(reloaded.focus, "");
    assert.equal(reloaded.sizeBy, "betweenness");
    assert.equal(await shared.locator(".nv-search input").inputValue(), "e.V.");

    // A new period keeps the view's parameters.
    await shared.selectOption("select[name=period]", "12m");
    await shared.waitForFunction(() => new URLSearchParams(location.search).get("period") === "12m");
    const q = new URL(shared.url()).searchParams;
    assert.equal(q.get("nv-size"), "betweenness");
    assert.equal(q.get("nv-q"), "e.V.");
    t.assertNoConsoleErrors(page);
    t.assertNoConsoleErrors(shared);
    await page.close();
    await shared.close();
  });

  test("network view shows only what the network API gives: anonymous nothing, another region's coordinator no withheld names", async () => {
    // Anonymous: the page neither asks for the network nor shows a view.
    const anon = await t.newPage();
    const asked = [];
    anon.on("request", (r) => /\/network(\?|$)/.test(new URL(r.url()).pathname + "?") && asked.push(r.url()));
    await t.open(anon, `/regions/${REGION}`);
    assert.equal(await anon.locator(".netview").count(), 0);
    assert.deepEqual(asked, []);

    // A coordinator of Dortmund looks at Essen: non-public Essen organisations come without names.
    const res = await fetch(`${t.base}/api/v1/tokens`, {
      method: "POST",
      headers: { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "e2e coordinator Dortmund", role: "coordinator", regions: ["05913"] }),
    });
    const token = (await res.json()).token;
    const api = await (await fetch(`${t.base}/api/v1/regions/${REGION}/network`, { headers: { Authorization: `Bearer ${token}` } })).json();
    const apiNames = new Set(api.nodes.map((n) => n.name));
    const withheld = api.nodes.filter((n) => /^\(nicht öffentlich #\d+\)$/.test(n.name) && api.edges.some((e) => e.source === n.id || e.target === n.id));
    assert.ok(withheld.length > 0, "the demo data has non-public organisations in Essen's network");
    const page = anon;
    await page.evaluate((tk) => localStorage.setItem("ka.token", tk), token);
    await openView(page);
    await page.locator(".nv-search input").fill("öffentlich");
    const listed = await page.locator(".nv-list [role=option] .nv-name").allTextContents();
    assert.ok(listed.length > 0 && listed.every((n) => apiNames.has(n)), "every listed name is the API's");
    // Focusing a withheld organisation (found by the placeholder the API sends) links to no page of it.
    await page.locator(".nv-search input").fill(withheld[0].name);
    await page.locator(".nv-search input").press("Enter");
    assert.equal(Number((await state(page)).focus), withheld[0].id);
    assert.equal(await page.locator(".nv-details a").count(), 0);
    const names = await page.locator(".nv-list [role=option] .nv-name").allTextContents();
    assert.ok(names.every((n) => apiNames.has(n)));
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
