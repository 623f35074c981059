// The whole marketplace loop through the real pages (issue "Done when"; docs/marketplace.md): the
// organiser creates the event; six organisations register by link — three at phone size, one under
// another spelling of an existing organisation of Essen that has no partner yet; the organiser
// approves them; the board suggests talks with reasons and the organiser pins four; four deals are
// written on the phone deal sheet, one while the phone is offline, sent once when it is back;
// months later the partners answer their follow-up links; the event's results and the region's
// fulfilment rate, conversion by format and isolated list change accordingly.
//
// Time passes in one step: after the deals the organiser's event date is moved four months back
// (the deals keep their date), so the three-month follow-ups are due without waiting.
export default function marketplaceLoop(t) {
  const { test, assert } = t;
  const call = async (method, path, body, token = t.adminToken) => {
    const res = await fetch(`${t.base}/api/v1${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json, text };
  };
  const api = async (method, path, body) => {
    const res = await call(method, path, body);
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
    return res.json;
  };
  const today = new Date().toISOString().slice(0, 10);
  const german = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const run = Date.now() % 100000;
  const state = { regs: {} };

  /** The region's figures the loop should move (admin: unsuppressed). */
  async function regionFigures() {
    const m = await api("GET", "/regions/05113/metrics");
    const conv = await api("GET", "/conversion?region=05113&by=format");
    const rows = conv.rows.filter((r) => r.format === "marketplace");
    const total = rows.find((r) => r.year === null) ?? { pairs: rows.reduce((s, r) => s + r.pairs, 0), converted: rows.reduce((s, r) => s + r.converted, 0) };
    const isolated = [];
    let cursor = null;
    do {
      const page = await api("GET", `/regions/05113/isolated?status=isolated&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      isolated.push(...page.organisations);
      cursor = page.nextCursor ?? null;
    } while (cursor);
    return { total: m.cooperations.total, done: m.cooperations.byStatus.done, rate: m.cooperations.fulfilmentRate, marketplace: m.cooperations.byFormat.marketplace, pairs: total.pairs, isolated: isolated.map((o) => o.organisationId), isolatedRows: isolated };
  }

  // The six registrants: three non-profits with needs, three companies with offers; the first
  // non-profit is an existing organisation of Essen (chosen below), typed in another spelling.
  const REGISTRANTS = [
    { key: "isolated", side: "nonprofit", phone: true, items: [["know_how", "Hilfe bei der Vereinsbuchhaltung"]] },
    { key: "tafel", side: "nonprofit", name: `Tafel Karnap ${run} e.V.`, postcode: "45329", phone: true, items: [["goods", "Zwei Kühlschränke für die Ausgabe"], ["transport", "Fahrten zum Großmarkt"]] },
    { key: "kita", side: "nonprofit", name: `Kita Sonnenblume Kray ${run}`, postcode: "45307", phone: false, items: [["time", "Helfende Hände beim Gartenfest"]] },
    { key: "steuer", side: "company", name: `Steuerbüro Brandt ${run}`, postcode: "45127", phone: true, items: [["know_how", "Zwei Stunden Beratung zur Buchhaltung"]] },
    { key: "kaelte", side: "company", name: `Kältetechnik Ruhr ${run} GmbH`, postcode: "45143", phone: false, items: [["goods", "Gebrauchte Kühlgeräte"]] },
    { key: "stadtwerke", side: "company", name: `Energiehandel Essen ${run} GmbH`, postcode: "45128", phone: false, items: [["time", "Ein Team für einen Aktionstag"]] },
  ];

  test("loop 1: the region before, and an Essen non-profit without any partner", async () => {
    state.before = await regionFigures();
    // An isolated non-profit with a postcode: it will register under another spelling and find its first partner.
    for (const row of state.before.isolatedRows) {
      if (row.kind !== "nonprofit") continue;
      const o = await api("GET", `/organisations/${row.organisationId}`);
      if (o.postcode && /[A-Za-zÄÖÜäöüß]{4}/.test(o.name)) {
        state.existing = o;
        break;
      }
    }
    assert.ok(state.existing, "an isolated non-profit of Essen with a postcode in the demo data");
    REGISTRANTS[0].name = state.existing.name.replace(/\s*e\.\s?V\.?$/i, "").replace(/ü/g, "ue").replace(/ä/g, "ae").replace(/ö/g, "oe").toUpperCase();
    REGISTRANTS[0].postcode = state.existing.postcode;
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, "/regions/05113");
    await t.screenshot(page, "loop-01-region-before");
    await page.close();
  });

  test("loop 2: the organiser creates the marketplace", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, "/marketplaces");
    const form = page.locator("form[data-form=marketplace-create]");
    state.title = `Gute Geschäfte Essen – Ganze Runde ${run}`;
    await form.locator("input[name=title]").fill(state.title);
    await form.locator("input[name=date]").fill(german(today));
    await form.locator("select[name=regionCode]").selectOption("05113");
    await form.locator("input[name=place]").fill("Zeche Zollverein, Halle 12");
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/\/marketplaces\/\d+$/);
    await page.locator("[data-registration-link]").waitFor();
    state.eventId = Number(new URL(page.url()).pathname.split("/").pop());
    state.link = await page.getAttribute("[data-registration-link]", "href");
    assert.equal(await page.getAttribute("[data-registration-state]", "data-registration-state"), "open");
    await page.locator("form[data-form=moderator] input[name=name]").fill("Jürgen Weiß");
    await page.locator("form[data-form=moderator] button[type=submit]").click();
    await page.locator("[data-moderators] li", { hasText: "Jürgen Weiß" }).waitFor();
    await t.screenshot(page, "loop-02-workspace-created");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("loop 3: six organisations register by link, three of them at 390 px", async () => {
    let n = 0;
    for (const r of REGISTRANTS) {
      n++;
      const page = await t.newPage(r.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 });
      // One address per registrant, as six different organisations would have.
      await page.setExtraHTTPHeaders({ "CF-Connecting-IP": `198.51.100.${n}` });
      await t.open(page, state.link);
      if (r.side === "company") await page.check("input[name=side][value=company]");
      await page.fill("input[name=orgName]", r.name);
      await page.fill("input[name=postcode]", r.postcode);
      for (let i = 0; i < r.items.length; i++) {
        if (i > 0) await page.click("[data-add-item]");
        const item = page.locator("fieldset.rg-item").nth(i);
        await item.locator("select[name=contributionType]").selectOption(r.items[i][0]);
        await item.locator("textarea[name=description]").fill(r.items[i][1]);
        if (r.items[i][0] === "goods") await item.locator("input[name=quantity]").fill("2");
        if (r.items[i][0] === "time" || r.items[i][0] === "know_how") await item.locator("input[name=hours]").fill("12,5");
      }
      if (n === 1) await t.screenshot(page, "loop-03-register-phone-filled");
      await page.click("form[data-form=registration] button[type=submit]");
      await page.locator("[data-edit-link]").waitFor();
      state.regs[r.key] = Number(new URL(await page.getAttribute("[data-edit-link]", "href"), t.base).pathname.split("/").pop());
      if (r.phone) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `${r.key}: no sideways scrolling at 390 px (${width} px)`);
      }
      if (n === 1 || n === 4) await t.screenshot(page, `loop-03-register-${r.key}-done`);
      t.assertNoConsoleErrors(page);
      await page.close();
    }
    const regs = await api("GET", `/marketplaces/${state.eventId}/registrations`);
    assert.equal(regs.data.length, 6);
    const mine = regs.data.find((x) => x.id === state.regs.isolated);
    assert.equal(mine.candidate?.id, state.existing.id, `"${REGISTRANTS[0].name}" matched to "${state.existing.name}"`);
  });

  test("loop 4: the organiser approves them, the isolated one as the existing organisation", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${state.eventId}`);
    const card = page.locator(`[data-registration="${state.regs.isolated}"]`);
    await card.locator("[data-candidate]").waitFor();
    await t.screenshot(page, "loop-04-workspace-pending");
    await card.locator("button[data-action=match]").click();
    await page.locator(`[data-registration="${state.regs.isolated}"][data-status=approved]`).waitFor();
    for (const r of REGISTRANTS.slice(1)) {
      const c = page.locator(`[data-registration="${state.regs[r.key]}"]`);
      await c.locator("button[data-action=new]").click();
      await page.locator(`[data-registration="${state.regs[r.key]}"][data-status=approved]`).waitFor();
    }
    assert.match(await page.textContent("[data-registration-state]"), /6 freigegeben/);
    await t.screenshot(page, "loop-04-workspace-approved");
    t.assertNoConsoleErrors(page);
    await page.close();
    const regs = await api("GET", `/marketplaces/${state.eventId}/registrations`);
    state.orgOf = Object.fromEntries(REGISTRANTS.map((r) => [r.key, regs.data.find((x) => x.id === state.regs[r.key]).organisation.id]));
    state.items = Object.fromEntries(regs.data.flatMap((x) => x.items.map((i) => [`${REGISTRANTS.find((r) => state.regs[r.key] === x.id).key}:${i.contributionType}`, i.id])));
    assert.equal(state.orgOf.isolated, state.existing.id);
  });

  // The four talks the organiser pins: need → offer.
  const PAIRS = [
    ["isolated:know_how", "steuer:know_how"],
    ["tafel:goods", "kaelte:goods"],
    ["kita:time", "stadtwerke:time"],
    ["tafel:transport", "stadtwerke:time"],
  ];

  test("loop 5: the board suggests talks with reasons; the organiser pins four", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${state.eventId}/board`);
    const card = (need, offer) => page.locator(`.mb-card[data-need="${state.items[need]}"][data-offer="${state.items[offer]}"]`);
    const first = card(...PAIRS[0]);
    await first.waitFor();
    const reasons = await first.locator(".mb-reasons li").allTextContents();
    assert.ok(reasons.length >= 2, `reasons: ${reasons.join(" | ")}`);
    // The isolated non-profit's first tie is the network reason.
    assert.ok(reasons.some((r) => /ersten Partner|erste Verbindung|isoliert/i.test(r)), `network reason among: ${reasons.join(" | ")}`);
    await t.screenshot(page, "loop-05-board-suggestions");
    let slot = 0;
    for (const [need, offer] of PAIRS.slice(0, 3)) {
      const c = card(need, offer);
      await c.getByRole("button", { name: "Anheften" }).click();
      const form = c.locator("form");
      await form.getByLabel("Moderation").selectOption({ label: "Jürgen Weiß" });
      await form.getByLabel("Uhrzeit des Gesprächs").fill(`17.${String(10 * ++slot).padStart(2, "0")}`);
      await form.getByRole("button", { name: "Speichern" }).click();
      await page.locator(`section[aria-labelledby=mb-pinned] .mb-card.mb-pinned[data-need="${state.items[need]}"]`).waitFor();
    }
    await t.screenshot(page, "loop-05-board-pinned");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
