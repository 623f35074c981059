// The whole marketplace loop through the real pages (issue "Done when"; docs/marketplace.md): the
// organiser creates the event; six organisations register by link — three at phone size, one under
// another spelling of an existing organisation of Essen that has no partner yet; the organiser
// approves them; the board suggests talks with reasons and the organiser pins four; four deals are
// written on the phone deal sheet, one while the phone is offline, sent once when it is back;
// months later the partners answer their follow-up links; the event's results and the region's
// fulfilment rate, conversion by format and isolated list change accordingly.
//
// Time passes in one step: once registration is done, the organiser sets the event's date (the
// hall day) four months back in the settings form, so its deals are four months old and their
// three-month follow-ups due without waiting.
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
  const daysFrom = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const hallDay = (() => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 4);
    return d.toISOString().slice(0, 10);
  })();
  const german = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const run = Date.now() % 100000;
  const state = { regs: {} };

  /** A figures response once it is computed from the data as it is now (a write makes snapshots stale until recomputed). */
  async function fresh(path) {
    const until = Date.now() + 120_000;
    for (;;) {
      const body = await api("GET", path);
      if (body.stale !== true) return body;
      assert.ok(Date.now() < until, `${path} still stale after two minutes`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  /** The region's figures the loop should move (admin: unsuppressed). */
  async function regionFigures() {
    const m = await fresh("/regions/05113/metrics");
    const conv = await fresh("/conversion?region=05113&by=format");
    const rows = conv.rows.filter((r) => r.format === "marketplace");
    const sum = (k) => rows.filter((r) => r.year !== null).reduce((s, r) => s + r[k], 0);
    const total = rows.find((r) => r.year === null) ?? { pairs: sum("pairs"), pending: sum("pending") };
    const isolated = [];
    let cursor = null;
    do {
      const page = await fresh(`/regions/05113/isolated?status=isolated&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      isolated.push(...page.organisations);
      cursor = page.nextCursor ?? null;
    } while (cursor);
    return { total: m.cooperations.total, done: m.cooperations.byStatus.done, rate: m.cooperations.fulfilmentRate, marketplace: m.cooperations.byFormat.marketplace, pairs: total.pairs, pending: total.pending, isolated: isolated.map((o) => o.organisationId), isolatedRows: isolated };
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

  test("loop 6: the hall day — the organiser sets the event's date four months back", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${state.eventId}`);
    const settings = page.locator("form[data-form=marketplace-settings]");
    await settings.locator("input[name=date]").fill(german(hallDay));
    await settings.locator("button[type=submit]").click();
    await settings.locator(".form-status.ok").waitFor();
    assert.equal((await api("GET", `/marketplaces/${state.eventId}`)).date, hallDay);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  // What the phone records: three pinned pairs in two taps, the fourth from scratch while offline.
  const DEALS = [
    { pair: ["isolated", "steuer"], text: "Zwei Abende Buchhaltung mit dem Steuerbüro", value: "480,00" },
    { pair: ["tafel", "kaelte"], text: "Zwei Kühlschränke für die Ausgabe", value: "1.250,50" },
    { pair: ["kita", "stadtwerke"], text: "Zehn Azubis helfen beim Gartenfest", value: "600" },
  ];
  const nameOf = (key) => REGISTRANTS.find((r) => r.key === key).name;

  test("loop 7: four deals on the phone deal sheet, one while offline, sent once", async () => {
    const org = await t.newPage({ role: "coordinator" });
    await t.open(org, `/marketplaces/${state.eventId}/deals`);
    await org.getByRole("button", { name: "Link und QR-Code erzeugen" }).click();
    await org.locator("#md-link-box svg.qr-code").waitFor();
    const link = (await org.locator("#md-link-url").textContent()).trim();
    assert.match(link, /\/deal-sheet#kl_/);
    await t.screenshot(org, "loop-07-deals-link-qr");
    await org.close();

    const page = await t.newPage({ width: 390, height: 844 });
    await page.goto(link, { waitUntil: "networkidle" });
    await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"));
    await page.locator(".md-pair").first().waitFor();
    const dueBy = german(daysFrom(hallDay, 14));
    let sent = 0;
    for (const d of DEALS) {
      // Tap 1: the pinned pair; the figures in German; tap 2: save.
      const np = d.pair[0] === "isolated" ? state.existing.name : nameOf(d.pair[0]);
      const firstWord = new RegExp(np.split(" ")[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
      await page.locator(".md-pair", { hasText: nameOf(d.pair[1]) }).filter({ hasText: firstWord }).first().click();
      await page.getByLabel("Vereinbarung").fill(d.text);
      await page.getByLabel("Bis wann").fill(dueBy);
      await page.getByLabel("Geschätzter Wert (€)").fill(d.value);
      if (sent === 0) await t.screenshot(page, "loop-07-deal-sheet-phone-form");
      await page.getByRole("button", { name: "Deal speichern" }).click();
      await page.locator('.md-local[data-state="sent"]').nth(sent++).waitFor();
    }
    // The hall's Wi-Fi drops: the fourth deal, from scratch, stays on the phone.
    await t.context.setOffline(true);
    await page.locator("details.md-scratch summary").click();
    await page.getByLabel("Gemeinnützige Organisation").selectOption({ label: nameOf("tafel") });
    await page.getByLabel("Unternehmen").selectOption({ label: nameOf("steuer") });
    await page.getByLabel("Beitragsart").selectOption({ label: "Know-how" });
    await page.getByLabel("Vereinbarung").fill("Durchsicht der Spendenquittungen");
    await page.getByLabel("Bis wann").fill(dueBy);
    await page.getByLabel("Geschätzter Wert (€)").fill("240");
    await page.getByRole("button", { name: "Deal speichern" }).click();
    await page.locator('.md-local[data-state="queued"]').waitFor();
    assert.equal((await api("GET", `/marketplaces/${state.eventId}/deals`)).data.length, 3, "the offline deal has not reached the server");
    await t.screenshot(page, "loop-07-deal-sheet-offline");
    // Back online: sent by itself, once.
    await t.context.setOffline(false);
    await page.locator('.md-local[data-state="sent"]').nth(3).waitFor({ timeout: 40_000 });
    await page.reload({ waitUntil: "networkidle" });
    await page.waitForFunction(() => document.querySelectorAll('.md-local[data-state="sent"]').length === 4);
    await t.screenshot(page, "loop-07-deal-sheet-sent");
    const deals = (await api("GET", `/marketplaces/${state.eventId}/deals`)).data;
    assert.equal(deals.length, 4, `four deals, each once: ${deals.map((d) => d.agreedText).join(" | ")}`);
    const coops = await api("GET", `/cooperations?event=${state.eventId}&limit=50`);
    assert.equal(coops.data.length, 4, "four cooperations of the event");
    assert.ok(deals.every((d) => d.dateAgreed === hallDay));
    page.allowedErrors.push(/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("loop 8: months later the partners answer their follow-up links", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${state.eventId}/follow-ups`);
    assert.equal(await page.locator("tr[data-state=due]").count(), 8, "two partners of four deals");
    await t.screenshot(page, "loop-08-follow-ups-due");
    const file = await t.download(page, page.locator("[data-download=due]"));
    const lines = file.bytes.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    const links = lines.slice(1).map((l) => {
      const cells = l.split(";");
      const url = new URL(cells[10]);
      return { org: cells[2], path: url.pathname + url.search + url.hash };
    });
    assert.equal(links.length, 8);
    await page.close();
    let n = 0;
    for (const l of links) {
      const phone = await t.newPage({ width: 390, height: 844 });
      await t.open(phone, l.path);
      await phone.locator("label.choice", { hasText: "Erledigt" }).click();
      await phone.fill("input[name=hours]", "12,5");
      await phone.fill("input[name=volunteers]", "2");
      await phone.locator("label.choice", { hasText: "Ja" }).click();
      await phone.fill("input[name=answeredBy]", `Ansprechperson ${++n}`);
      if (n === 1) await t.screenshot(phone, "loop-08-follow-up-phone");
      await phone.click("button[type=submit]");
      await phone.locator("[data-answered]").waitFor();
      if (n === 1) await t.screenshot(phone, "loop-08-follow-up-answered");
      t.assertNoConsoleErrors(phone);
      await phone.close();
    }
    const board = await t.newPage({ role: "coordinator" });
    await t.open(board, `/marketplaces/${state.eventId}/follow-ups`);
    assert.equal(await board.locator("tr[data-state=answered]").count(), 8);
    await t.screenshot(board, "loop-08-follow-ups-answered");
    await board.close();
  });

  test("loop 9: the event's results", async () => {
    for (const width of [1280, 390]) {
      const page = await t.newPage({ role: "coordinator", width });
      await t.open(page, `/marketplaces/${state.eventId}/results`);
      await t.assertChartsDrawn(page.locator("[data-results-chart]"));
      assert.match(await page.textContent("[data-unmet-need]"), /Fahrten zum Großmarkt/);
      await t.screenshot(page, `loop-09-results-${width}`);
      t.assertNoConsoleErrors(page);
      await page.close();
    }
    const embed = await t.newPage({ width: 600 });
    await t.open(embed, `/embed/marketplace?event=${state.eventId}`);
    await t.assertChartsDrawn(embed);
    await t.screenshot(embed, "loop-09-results-embed");
    await embed.close();
    const r = await api("GET", `/marketplaces/${state.eventId}/results`);
    assert.deepEqual(r.deals.byStatus, { agreed: 0, done: 4, ongoing: 0, cancelled: 0, not_feasible: 0 });
    assert.equal(r.deals.fulfilmentRate, 1);
    assert.deepEqual(r.ties, { total: 4, new: 4, earlier: 0 });
    // Every partner found its first partner here: the isolated organisation and the five new ones.
    assert.equal(r.partners.firstPartner, 6);
    assert.ok(r.firstPartners.some((o) => o.id === state.existing.id));
    // The Tafel's transport need found no offer.
    assert.deepEqual(r.unmetNeeds.map((x) => [x.organisation.id, x.contributionType]), [[state.orgOf.tafel, "transport"]]);
    // Both partners of four deals answered the three-month round; the six-month round is not due yet.
    assert.deepEqual(r.followUps, { total: 16, answered: 8, overdue: 0 });
  });

  test("loop 10: the region's fulfilment rate, conversion by format and isolated list changed", async () => {
    const before = state.before;
    const after = await regionFigures();
    const shown = JSON.stringify({ before: { ...before, isolated: before.isolated.length, isolatedRows: undefined }, after: { ...after, isolated: after.isolated.length, isolatedRows: undefined } });
    assert.equal(after.total, before.total + 4, shown);
    assert.equal(after.done, before.done + 4);
    assert.ok(Math.abs(after.rate - (before.done + 4) / (before.total + 4)) < 1e-9, `fulfilment ${before.rate} → ${after.rate}`);
    assert.equal(after.marketplace, before.marketplace + 4);
    // Conversion by format: four new pairs first met at a marketplace, pending until their 24 months are over.
    assert.equal(after.pending, before.pending + 4, shown);
    assert.equal(after.pairs, before.pairs, shown);
    assert.ok(before.isolated.includes(state.existing.id) && !after.isolated.includes(state.existing.id), `${state.existing.name} is no longer isolated`);
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, "/regions/05113");
    await t.screenshot(page, "loop-10-region-after");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
