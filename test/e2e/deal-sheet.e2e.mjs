// The deal sheet in the browser (docs/marketplace.md, "Deal sheet"): a marketplace with two
// approved registrations and a pinned talk; the organiser makes the deal-sheet link (QR code);
// a phone (390 px) records a deal from the pinned pair in two taps with German input, then one
// from scratch while the page is offline — kept on the phone, kept across a reload without
// connection, sent once when the connection returns (the API holds it exactly once); the
// organiser's deals list and the printed A4 sheet with both names and signature lines.
export default function dealSheet(t) {
  const { test, assert } = t;
  const api = async (method, path, body) => {
    const res = await fetch(`${t.base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${t.adminToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  let setup;
  const marketplace = () =>
    (setup ??= (async () => {
      const m = await api("POST", "/marketplaces", { title: "Gute Geschäfte Essen – Deal-Test", date: "2026-12-15", regionCode: "05113", place: "Rathaus Essen, Foyer" });
      const id = m.eventId;
      const register = (body) =>
        fetch(`${t.base}/api/v1/public/registration/${m.registrationKey}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": "192.0.2.88" },
          body: JSON.stringify({ locale: "de", ...body }),
        }).then(async (r) => {
          const json = await r.json();
          assert.equal(r.status, 201, JSON.stringify(json));
          return json.id;
        });
      const regs = [
        await register({ side: "nonprofit", orgName: "Tafel Altenessen e.V.", postcode: "45326", items: [{ contributionType: "transport", description: "Fahrten zum Großmarkt" }] }),
        await register({ side: "company", orgName: "Spedition Bergeborbeck GmbH", postcode: "45356", items: [{ contributionType: "transport", description: "Kühltransporter mit Fahrer" }] }),
        await register({ side: "nonprofit", orgName: "Jugendtreff Vogelheim e.V.", postcode: "45356", items: [{ contributionType: "know_how", description: "Hilfe bei der Buchhaltung" }] }),
      ];
      for (const r of regs) await api("POST", `/marketplaces/${id}/registrations/${r}/approve`, { organisationId: null });
      // The hall day itself, once registration is done: deals are due after it ("03.10.2026").
      await api("PATCH", `/marketplaces/${id}`, { date: "2026-09-24" });
      const board = await api("GET", `/marketplaces/${id}/board`);
      const item = (text) => board.items.find((i) => i.description.startsWith(text)).id;
      await api("PUT", `/marketplaces/${id}/board/decisions`, { decisions: [{ needItemId: item("Fahrten"), offerItemId: item("Kühltransporter"), state: "pinned", talkSlot: "16:30" }] });
      return { id };
    })());

  let linkUrl;
  test("organiser: deal-sheet link with its QR code", async () => {
    const { id } = await marketplace();
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${id}/deals`);
    assert.match(await page.textContent("h1"), /Deals/);
    await page.getByRole("button", { name: "Link und QR-Code erzeugen" }).click();
    const qr = page.locator("#md-link-box svg.qr-code");
    await qr.waitFor();
    linkUrl = await page.locator("#md-link-url").textContent();
    assert.match(linkUrl, /\/deal-sheet#kl_[A-Za-z0-9_-]{43}$/);
    const box = await qr.boundingBox();
    assert.ok(box.width >= 150, `QR code ${box.width}px wide`);
    await t.screenshot(page, "deal-sheet-organiser-link");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("phone (390 px): a pinned pair in two taps, then a deal made offline is kept, survives a reload and is sent once", async () => {
    const { id } = await marketplace();
    assert.ok(linkUrl, "the organiser's test made the link");
    const page = await t.newPage({ width: 390, height: 844 });
    await page.goto(linkUrl, { waitUntil: "networkidle" });
    await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"));
    await page.locator(".md-pair").first().waitFor();
    // Let the service worker take the page's files (it does so after the first load).
    await page.waitForFunction(async () => (await navigator.serviceWorker?.getRegistration("/deal-sheet"))?.active != null && (await (await caches.open("deal-sheet-v1")).keys()).length >= 3);

    // Tap 1: the pair; the German figures; tap 2: save.
    await page.locator(".md-pair").first().click();
    await page.getByLabel("Vereinbarung").fill("Vier Fahrten zum Großmarkt im Oktober");
    await page.getByLabel("Bis wann").fill("03.10.2026");
    await page.getByLabel("Geschätzter Wert (€)").fill("1.250,50");
    await page.getByLabel("Stunden").fill("12,5");
    await t.screenshot(page, "deal-sheet-phone-form");
    await page.getByRole("button", { name: "Deal speichern" }).click();
    await page.locator('.md-local[data-state="sent"]').first().waitFor();
    let deals = (await api("GET", `/marketplaces/${id}/deals`)).data;
    assert.equal(deals.length, 1);
    assert.deepEqual([deals[0].dueBy, deals[0].valueEur, deals[0].hours, deals[0].contributionType], ["2026-10-03", 1250.5, 12.5, "transport"]);
    assert.deepEqual(deals[0].partners.map((p) => p.name), ["Tafel Altenessen e.V.", "Spedition Bergeborbeck GmbH"]);

    // Offline: the deal from scratch is saved on the phone and marked as waiting.
    await t.context.setOffline(true);
    // Online again even when a step fails, so no later test runs in an offline browser.
    try {
      await page.locator("details.md-scratch summary").click();
      await page.getByLabel("Gemeinnützige Organisation").selectOption({ label: "Jugendtreff Vogelheim e.V." });
      await page.getByLabel("Unternehmen").selectOption({ label: "Spedition Bergeborbeck GmbH" });
      await page.getByLabel("Beitragsart").selectOption({ label: "Know-how" });
      await page.getByLabel("Vereinbarung").fill("Buchhaltung: zwei Abende mit der Lohnbuchhalterin");
      await page.getByLabel("Bis wann").fill("30.11.2026");
      await page.getByLabel("Geschätzter Wert (€)").fill("480,00");
      await page.getByRole("button", { name: "Deal speichern" }).click();
      const queued = page.locator('.md-local[data-state="queued"]');
      await queued.waitFor();
      assert.match(await queued.textContent(), /Auf diesem Handy gespeichert – wird gesendet/);
      assert.match(await page.locator("#md-pending").textContent(), /^1 Deal wartet auf Verbindung\.$/);
      await t.screenshot(page, "deal-sheet-phone-offline");

      // Still offline: the phone reloads (the tab was closed, the battery ran out): the deal is still there.
      await page.reload({ waitUntil: "domcontentloaded" });
      await page.locator('.md-local[data-state="queued"]').waitFor();
      assert.match(await page.locator("#md-offline").textContent(), /Ohne Verbindung/);
      assert.equal((await api("GET", `/marketplaces/${id}/deals`)).data.length, 1, "nothing reached the server while offline");
      await t.screenshot(page, "deal-sheet-phone-offline-reloaded");
    } finally {
      await t.context.setOffline(false);
    }
    // Back online: sent by itself, once; a second send (the button) changes nothing.
    await page.locator('.md-local[data-state="sent"]').nth(1).waitFor({ timeout: 40_000 });
    assert.equal(await page.locator('.md-local[data-state="queued"]').count(), 0);
    await page.evaluate(() => {
      // The same deal once more, as a lost answer would resend it.
      const key = Object.keys(localStorage).find((k) => k.startsWith("ka.dealSheet."));
      const s = JSON.parse(localStorage.getItem(key));
      s.deals = s.deals.map((d) => ({ ...d, state: "queued" }));
      localStorage.setItem(key, JSON.stringify(s));
    });
    await page.reload({ waitUntil: "networkidle" });
    await page.waitForFunction(() => document.querySelectorAll('.md-local[data-state="sent"]').length === 2);
    deals = (await api("GET", `/marketplaces/${id}/deals`)).data;
    assert.equal(deals.length, 2, `stored exactly once each: ${JSON.stringify(deals.map((d) => d.agreedText))}`);
    const offline = deals.find((d) => d.agreedText.startsWith("Buchhaltung"));
    assert.deepEqual([offline.dueBy, offline.valueEur, offline.contributionType], ["2026-11-30", 480, "know_how"]);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no horizontal scrolling at 390 px");
    await t.screenshot(page, "deal-sheet-phone-sent");
    page.allowedErrors.push(/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("organiser: deals list and the printed A4 sheet with both names and signature lines", async () => {
    const { id } = await marketplace();
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${id}/deals`);
    const rows = page.locator("section[aria-labelledby=md-list] tbody tr");
    assert.equal(await rows.count(), 2);
    assert.match(await page.locator("section[aria-labelledby=md-list]").textContent(), /Tafel Altenessen e\.V\. ↔ Spedition Bergeborbeck GmbH/);
    assert.match((await page.locator("section[aria-labelledby=md-list]").textContent()).replace(/\u00a0/g, " "), /1\.250,50 €/);
    await t.screenshot(page, "deal-sheet-organiser-list");
    await page.getByRole("link", { name: "Alle Zettel drucken" }).click();
    await page.locator(".md-sheet").nth(1).waitFor();
    const sheet = page.locator(".md-sheet", { hasText: "Vier Fahrten" });
    const text = (await sheet.textContent()).replace(/\u00a0/g, " ");
    for (const part of ["Tafel Altenessen e.V.", "Spedition Bergeborbeck GmbH", "Vier Fahrten zum Großmarkt im Oktober", "3. Okt. 2026", "1.250,50 €"]) assert.ok(text.includes(part), `${part} on the sheet: ${text}`);
    assert.equal(await sheet.locator(".md-sign-line").count(), 2);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".site-header").isVisible(), false, "no site header in print");
    await t.screenshot(page, "deal-sheet-print");
    const pdf = await page.pdf({ format: "A4" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 2, `one A4 page per deal, got ${pages}`);
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
