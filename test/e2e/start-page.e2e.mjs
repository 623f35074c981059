// A coordinator's start page "Meine Regionen" at phone size: the organisations that need partners
// first (cards with their suggestions, no sideways scrolling), then the open deals, whose status and
// follow-up fields are set right there with the confirmation in view. Others still start on the
// national overview, whose per-100 000 figures are in the first screen.

export default function startPageSuite(t) {
  const { test, assert } = t;
  const auth = { Authorization: `Bearer ${t.adminToken}` };
  const apiJson = async (path) => (await fetch(t.base + path, { headers: auth })).json();

  /** Nothing wider than the screen: no horizontal scrolling, every card inside the viewport. */
  async function assertFits(page, selector, width) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px)`);
    const right = await page.locator(selector).evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    assert.ok(right <= width, `${selector} ends at ${right} px`);
  }

  // First, before the deal below is written (a write makes the national figures recompute).
  test("start page: others start on the national overview; its per-100 000 figures are in the first screen (390 px)", async () => {
    // The first public overview of a fresh database builds the country's public tables for two
    // periods (this one and the one before: tens of seconds on a busy machine); this test is about
    // the page's layout, so it waits for them longer than for other pages.
    for (const role of ["anonymous", "admin"]) {
      const page = await t.newPage({ role, width: 390, height: 844 });
      page.setDefaultNavigationTimeout(240_000);
      await t.open(page, "/");
      assert.notEqual(await page.textContent("h1"), "Meine Regionen", role);
      const per = page.locator(".tiles .tile-hint", { hasText: "je 100 000 Einw." }).first();
      const box = await per.boundingBox();
      assert.ok(box && box.y + box.height <= 844, `${role}: per-100 000 figure ends at ${box && box.y + box.height} px`);
      if (role === "anonymous") await t.screenshot(page, "overview-per-capita-390", { fullPage: false });
      t.assertNoConsoleErrors(page);
      await page.close();
    }
  });

  test("start page: the Essen coordinator lands on their region — who needs partners first, as cards at 390 px", async () => {
    const page = await t.newPage({ role: "coordinator", width: 390, height: 844 });
    await t.open(page, "/");
    assert.equal(await page.textContent("h1"), "Meine Regionen");
    assert.equal(await page.getAttribute("nav a[aria-current=page]", "href"), "/");
    // The first section after the heading: isolated organisations of Essen, in the API's order.
    const sections = await page.locator("main section.card").evaluateAll((s) => s.map((x) => x.id));
    assert.deepEqual(sections.slice(0, 2), ["isolated-05113", "deals-05113"]);
    const cards = page.locator("#isolated-05113 .org-card");
    const api = await apiJson("/api/v1/regions/05113/isolated?limit=25");
    assert.equal(await cards.count(), api.organisations.length);
    assert.deepEqual(await cards.evaluateAll((cs) => cs.slice(0, 5).map((c) => c.dataset.status)), api.organisations.slice(0, 5).map((o) => o.status));
    assert.equal(await cards.first().getAttribute("data-status"), "isolated");
    await t.screenshot(page, "start-coordinator-390", { fullPage: false });
    await assertFits(page, "#isolated-05113 .org-card", 390);
    // The suggestions sit inside their organisation's card, not in a column off to the right.
    const withSuggestions = page.locator("#isolated-05113 .org-card:has(.suggestions)");
    assert.ok((await withSuggestions.count()) > 0, "some organisations have suggestions");
    const inside = await withSuggestions.evaluateAll((cs) =>
      cs.every((c) => {
        const card = c.getBoundingClientRect();
        return [...c.querySelectorAll(".suggestions a")].every((a) => {
          const r = a.getBoundingClientRect();
          return r.left >= card.left && r.right <= card.right && r.top >= card.top && r.bottom <= card.bottom;
        });
      }),
    );
    assert.ok(inside, "every suggestion inside its card");
    // The national overview is one link away.
    await page.click("a[href='/overview']");
    await page.waitForFunction(() => location.pathname === "/overview" && !document.getElementById("main")?.hasAttribute("aria-busy") && document.querySelector(".tiles"));
    assert.notEqual(await page.textContent("h1"), "Meine Regionen");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("start page: a deal set to done with its follow-up (German numbers) and another to not feasible; the confirmation stays in view", async () => {
    const page = await t.newPage({ role: "coordinator", width: 390, height: 844 });
    await t.open(page, "/");
    const deals = page.locator("#deals-05113 .deal-card");
    assert.ok((await deals.count()) >= 2, "open deals listed");
    await assertFits(page, "#deals-05113 .deal-card", 390);
    const first = deals.first();
    const id = Number(await first.getAttribute("data-deal"));
    const before = await apiJson(`/api/v1/cooperations/${id}`);
    assert.ok(["agreed", "ongoing"].includes(before.status));

    await first.scrollIntoViewIfNeeded();
    await first.locator("select[name=status]").selectOption("done");
    await first.locator("details.deal-more summary").click();
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(await first.locator("input[name=dateDone]").inputValue(), today.split("-").reverse().join("."), "done today unless changed");
    await first.locator("input[name=hours]").fill("12,5");
    await first.locator("input[name=valueEur]").fill("1.250,50");
    await first.locator("input[name=volunteers]").fill("4");
    await first.locator("textarea[name=givesBack]").fill("Dankesurkunde");
    await first.locator("button[type=submit]").click();
    const saved = first.locator("[data-deal-saved]");
    await page.waitForFunction((el) => /Gespeichert/.test(el.textContent), await saved.elementHandle());
    assert.equal(await saved.textContent(), `Gespeichert: Kooperation Nr. ${id} ist jetzt „erledigt“.`);
    assert.equal(await saved.getAttribute("aria-live"), "polite");
    const box = await saved.boundingBox();
    // In view (scrolled to the nearest edge: allow the sub-pixel of a rounded scroll position).
    assert.ok(box.y >= 0 && box.y + box.height <= 845, `confirmation in view (${box.y}–${box.y + box.height})`);
    assert.equal(await first.locator("[data-deal-status]").textContent(), "erledigt");
    await t.screenshot(page, "start-deal-saved-390", { fullPage: false });
    const after = await apiJson(`/api/v1/cooperations/${id}`);
    assert.deepEqual(
      { status: after.status, dateDone: after.dateDone, hours: after.hours, valueEur: after.valueEur, volunteers: after.volunteers, givesBack: after.givesBack },
      { status: "done", dateDone: today, hours: 12.5, valueEur: 1250.5, volunteers: 4, givesBack: "Dankesurkunde" },
    );

    // Another one: not feasible; a refused number is named at its field, nothing saved.
    const second = deals.nth(1);
    const id2 = Number(await second.getAttribute("data-deal"));
    await second.locator("select[name=status]").selectOption("not_feasible");
    await second.locator("details.deal-more summary").click();
    await second.locator("input[name=hours]").fill("viele");
    await second.locator("button[type=submit]").click();
    await page.waitForFunction((el) => el.textContent.length > 0, await second.locator("[data-deal-saved]").elementHandle());
    assert.match(await second.locator("[data-field=hours] .field-error").textContent(), /\S/);
    assert.notEqual((await apiJson(`/api/v1/cooperations/${id2}`)).status, "not_feasible");
    await second.locator("input[name=hours]").fill("0");
    await second.locator("button[type=submit]").click();
    await page.waitForFunction((el) => /Gespeichert/.test(el.textContent), await second.locator("[data-deal-saved]").elementHandle());
    assert.equal((await apiJson(`/api/v1/cooperations/${id2}`)).status, "not_feasible");
    t.assertNoConsoleErrors(page);
    await page.close();
  });


  test("organisation page: its open deals carry the same status and follow-up form", async () => {
    const open = await apiJson("/api/v1/cooperations?region=05113&status=agreed&limit=1");
    const deal = open.data[0];
    const org = deal.partnerIds[0];
    const page = await t.newPage({ role: "coordinator", width: 390, height: 844 });
    await t.open(page, `/organisations/${org}`);
    const card = page.locator(`#open-deals .deal-card[data-deal="${deal.id}"]`);
    await card.locator("select[name=status]").selectOption("ongoing");
    await card.locator("button[type=submit]").click();
    await page.waitForFunction((el) => /Gespeichert/.test(el.textContent), await card.locator("[data-deal-saved]").elementHandle());
    assert.equal((await apiJson(`/api/v1/cooperations/${deal.id}`)).status, "ongoing");
    await t.screenshot(page, "organisation-open-deal-390", { locator: card });
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
