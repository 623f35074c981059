// The matching board in the browser (docs/marketplace.md, "Matching board"): a marketplace with
// four registrations (made through the public registration route, three approved, one pending);
// the board at 390 px and on a desktop with reasons per suggestion; pin with moderator and time,
// dismiss and restore; "your talks" and the moderator's list printed on A4 (one page per sheet);
// the hall view on a large screen.
export default function marketplaceBoard(t) {
  const { test, assert } = t;
  const api = async (method, path, body, headers = {}) => {
    const res = await fetch(`${t.base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${t.adminToken}`, ...(body ? { "Content-Type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  let setup;
  /** The marketplace, made once for the suite: { id, moderators, regs: name → registration id }. */
  const marketplace = () =>
    (setup ??= (async () => {
      const m = await api("POST", "/marketplaces", {
        title: "Gute Geschäfte Essen – Board-Test",
        date: "2026-12-15",
        regionCode: "05113",
        place: "Zeche Zollverein, Halle 12",
        hallOpens: "16:00",
        hallCloses: "18:00",
        moderators: ["Anna Beispiel", "Ben Muster"],
      });
      const id = m.eventId;
      const register = (body) =>
        fetch(`${t.base}/api/v1/public/registration/${m.registrationKey}`, {
          method: "POST",
          // An address of its own, so other suites' registrations do not count against it.
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": "192.0.2.77" },
          body: JSON.stringify({ locale: "de", ...body }),
        }).then(async (r) => {
          const json = await r.json();
          assert.equal(r.status, 201, JSON.stringify(json));
          return json.id;
        });
      const regs = {
        kinderhilfe: await register({
          side: "nonprofit",
          orgName: "Kinderhilfe Steele e.V.",
          postcode: "45276",
          field: "youth_work",
          items: [
            { contributionType: "know_how", description: "Hilfe bei der neuen Website", tags: ["youth_work"] },
            { contributionType: "goods", description: "Zwei Laptops für die Hausaufgabenhilfe" },
          ],
        }),
        tafel: await register({
          side: "nonprofit",
          orgName: "Tafel Katernberg e.V.",
          postcode: "45327",
          field: "poverty_relief",
          items: [
            { contributionType: "transport", description: "Lieferwagen für die Abholung am Samstag" },
            { contributionType: "time", description: "Helfende für die Ausgabe", hours: 12 },
          ],
        }),
        it: await register({
          side: "company",
          orgName: "Ruhr IT Service GmbH",
          postcode: "45127",
          industry: "it_services",
          items: [
            { contributionType: "know_how", description: "Website-Sprechstunde mit zwei Entwicklern", tags: ["youth_work"] },
            { contributionType: "goods", description: "Gebrauchte Laptops, frisch aufgesetzt" },
          ],
        }),
        spedition: await register({
          side: "company",
          orgName: "Spedition Kray GmbH",
          postcode: "45307",
          industry: "logistics",
          items: [
            { contributionType: "transport", description: "Transporter mit Fahrer für einen Tag" },
            { contributionType: "time", description: "Azubi-Team für einen Tag" },
          ],
        }),
      };
      // Three approved as new organisations; the Spedition stays pending (marked on the board).
      for (const r of [regs.kinderhilfe, regs.tafel, regs.it]) await api("POST", `/marketplaces/${id}/registrations/${r}/approve`, { organisationId: null });
      const board = await api("GET", `/marketplaces/${id}/board`);
      return { id, moderators: m.moderators, regs, board };
    })());
  const itemId = (board, text) => board.items.find((i) => i.description.startsWith(text)).id;
  const card = (page, need, offer) => page.locator(`.mb-card[data-need="${need}"][data-offer="${offer}"]`);

  test("board on a phone (390 px): suggestions per need with score, reasons and the pending mark", async () => {
    const { id, board } = await marketplace();
    const page = await t.newPage({ role: "coordinator", width: 390, height: 844 });
    await t.open(page, `/marketplaces/${id}/board`);
    assert.match(await page.textContent("h1"), /Matching-Board: Gute Geschäfte Essen – Board-Test/);
    const website = card(page, itemId(board, "Hilfe bei der neuen Website"), itemId(board, "Website-Sprechstunde"));
    await website.waitFor();
    const reasons = await website.locator(".mb-reasons li").allTextContents();
    assert.ok(reasons.includes("beide zu Know-how"), reasons.join(" | "));
    assert.ok(reasons.some((r) => /erste Verbindung für Kinderhilfe Steele e\.V\./.test(r)), reasons.join(" | "));
    assert.ok(reasons.some((r) => /gemeinsame Stichworte/.test(r)), reasons.join(" | "));
    assert.match(await website.locator(".mb-score").textContent(), /^\d+$/);
    // The pending company is on the board, marked.
    const transport = card(page, itemId(board, "Lieferwagen"), itemId(board, "Transporter mit Fahrer"));
    assert.match(await transport.textContent(), /noch nicht freigegeben/);
    // Nothing wider than the phone; buttons large enough to tap.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no horizontal scrolling at 390 px");
    const box = await website.getByRole("button", { name: "Anheften" }).boundingBox();
    assert.ok(box.height >= 44, `pin button ${box.height}px high`);
    await t.screenshot(page, "marketplace-board-phone");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("board on a desktop: pin with moderator and time, dismiss, restore", async () => {
    const { id, board, moderators } = await marketplace();
    const need = itemId(board, "Hilfe bei der neuen Website");
    const offer = itemId(board, "Website-Sprechstunde");
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${id}/board`);
    await card(page, need, offer).getByRole("button", { name: "Anheften" }).click();
    const form = card(page, need, offer).locator("form");
    await form.getByLabel("Moderation").selectOption({ label: "Anna Beispiel" });
    // A time the hall cannot have: refused in the form, nothing sent.
    await form.getByLabel("Uhrzeit des Gesprächs").fill("25:00");
    await form.getByRole("button", { name: "Speichern" }).click();
    assert.match(await form.locator(".field-error").textContent(), /Uhrzeit wie 16:30/);
    assert.equal((await api("GET", `/marketplaces/${id}/board`)).matches.filter((m) => m.decision).length, 0);
    await form.getByLabel("Uhrzeit des Gesprächs").fill("16.30");
    await form.getByRole("button", { name: "Speichern" }).click();
    await page.locator(".form-status.ok").waitFor();
    const pinned = page.locator("section[aria-labelledby=mb-pinned] .mb-card.mb-pinned");
    assert.equal(await pinned.count(), 1);
    assert.match(await pinned.textContent(), /16:30 Uhr/);
    assert.match(await pinned.textContent(), /Moderation: Anna Beispiel/);
    let stored = (await api("GET", `/marketplaces/${id}/board`)).matches.find((m) => m.needItemId === need && m.offerItemId === offer);
    assert.deepEqual([stored.decision.state, stored.decision.talkSlot, stored.decision.moderatorId], ["pinned", "16:30", moderators.find((m) => m.name === "Anna Beispiel").id]);

    // A second talk for the moderator list, then a dismissal and its restoration.
    await api("PUT", `/marketplaces/${id}/board/decisions`, {
      decisions: [{ needItemId: itemId(board, "Lieferwagen"), offerItemId: itemId(board, "Transporter mit Fahrer"), state: "pinned", moderatorId: moderators.find((m) => m.name === "Anna Beispiel").id, talkSlot: "17:00" }],
    });
    const laptops = [itemId(board, "Zwei Laptops"), itemId(board, "Gebrauchte Laptops")];
    await t.open(page, `/marketplaces/${id}/board`);
    await card(page, ...laptops).getByRole("button", { name: "Verwerfen" }).click();
    await page.locator(".form-status.ok").waitFor();
    assert.equal(await page.locator("section[aria-labelledby=mb-suggestions]").locator(`.mb-card[data-need="${laptops[0]}"][data-offer="${laptops[1]}"]`).count(), 0);
    await page.locator(".mb-dismissed summary").click();
    await t.screenshot(page, "marketplace-board-desktop");
    await card(page, ...laptops).getByRole("button", { name: "Wiederherstellen" }).click();
    await page.locator(".form-status.ok").waitFor();
    stored = (await api("GET", `/marketplaces/${id}/board`)).matches.find((m) => m.needItemId === laptops[0] && m.offerItemId === laptops[1]);
    assert.equal(stored.decision, null);

    // Two talks of the same participants at 17:00: the board names the double booking.
    const helpers = { needItemId: itemId(board, "Helfende für die Ausgabe"), offerItemId: itemId(board, "Azubi-Team") };
    await api("PUT", `/marketplaces/${id}/board/decisions`, { decisions: [{ ...helpers, state: "pinned", talkSlot: "17:00" }] });
    await t.open(page, `/marketplaces/${id}/board`);
    const note = await page.locator(".mb-conflicts").textContent();
    assert.match(note, /17:00 Uhr: Tafel Katernberg e\.V\. hat 2 Gespräche zugleich/);
    assert.match(note, /17:00 Uhr: Spedition Kray GmbH hat 2 Gespräche zugleich/);
    assert.equal(await page.locator("section[aria-labelledby=mb-pinned] .mb-card.mb-conflict").count(), 2);
    await t.screenshot(page, "marketplace-board-conflict", { locator: page.locator("section[aria-labelledby=mb-pinned]") });
    await api("PUT", `/marketplaces/${id}/board/decisions`, { decisions: [{ ...helpers, state: "open" }] });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("print views: \"your talks\" and the moderator's list fit A4, one page per sheet", async () => {
    const { id, regs, moderators } = await marketplace();
    const page = await t.newPage({ role: "coordinator", width: 794, height: 1123 });
    await t.open(page, `/marketplaces/${id}/board/print?participant=${regs.kinderhilfe}`);
    const sheet = page.locator(".mb-sheet");
    assert.equal(await sheet.count(), 1);
    assert.match(await sheet.textContent(), /Ihre Gespräche/);
    assert.match(await sheet.textContent(), /16:30.*Ruhr IT Service GmbH.*Ihr Bedarf: Hilfe bei der neuen Website.*Anna Beispiel/s);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".site-header").isVisible(), false, "no site header on paper");
    assert.ok(await page.evaluate(() => [...document.querySelectorAll(".mb-sheet, .mb-sheet table")].every((e) => e.scrollWidth <= e.clientWidth + 1)), "nothing wider than the sheet");
    await t.screenshot(page, "marketplace-board-print-participant");
    const pages = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages(await page.pdf({ format: "A4", printBackground: true })), 1, "one participant: one A4 page");

    await page.emulateMedia({ media: "screen" });
    await t.open(page, `/marketplaces/${id}/board/print`);
    assert.equal(await page.locator(".mb-sheet").count(), 4, "every participant, pending ones included");
    await page.emulateMedia({ media: "print" });
    assert.equal(pages(await page.pdf({ format: "A4" })), 4, "one A4 page per participant");

    await page.emulateMedia({ media: "screen" });
    const anna = moderators.find((m) => m.name === "Anna Beispiel").id;
    await t.open(page, `/marketplaces/${id}/board/print?moderator=${anna}`);
    const rows = await page.locator(".mb-sheet tbody tr").allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^16:30.*Kinderhilfe Steele.*Ruhr IT Service/);
    assert.match(rows[1], /^17:00.*Tafel Katernberg.*Spedition Kray/);
    await page.emulateMedia({ media: "print" });
    await t.screenshot(page, "marketplace-board-print-moderator");
    assert.equal(pages(await page.pdf({ format: "A4" })), 1);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("hall view on a large screen: the agreed talks by time, without the site's frame", async () => {
    const { id } = await marketplace();
    const page = await t.newPage({ role: "coordinator", width: 1920, height: 1080 });
    await t.open(page, `/marketplaces/${id}/board/hall`);
    assert.equal(await page.locator(".site-header").isVisible(), false);
    const rows = await page.locator(".mb-hall-table tbody tr").allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^16:30/);
    const size = await page.locator(".mb-hall-table td").first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 30, `hall text ${size}px`);
    await t.screenshot(page, "marketplace-board-hall", { fullPage: false });
    // Leaving the hall view brings the site's frame back.
    await page.evaluate(() => document.querySelector("a.brand").click());
    await page.waitForFunction(() => !document.body.classList.contains("mb-hall-shown"));
    assert.equal(await page.locator(".site-header").isVisible(), true);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("board in English: reasons and actions worded in the reader's language", async () => {
    const { id, board } = await marketplace();
    const page = await t.newPage({ role: "coordinator", locale: "en", width: 390, height: 844 });
    await t.open(page, `/marketplaces/${id}/board`);
    assert.match(await page.textContent("h1"), /^Matching board: /);
    const transport = card(page, itemId(board, "Lieferwagen"), itemId(board, "Transporter mit Fahrer"));
    const reasons = await transport.locator(".mb-reasons li").allTextContents();
    assert.ok(reasons.includes("both about Transport"), reasons.join(" | "));
    assert.ok(reasons.includes("registration of Spedition Kray GmbH not yet approved"), reasons.join(" | "));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no horizontal scrolling at 390 px");
    await t.screenshot(page, "marketplace-board-phone-en", { fullPage: false });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the board is for organisers: anonymous visitors are asked to sign in", async () => {
    const { id } = await marketplace();
    const page = await t.newPage();
    await t.open(page, `/marketplaces/${id}/board`);
    assert.match(await page.textContent("main"), /Anmelden/);
    assert.equal(await page.locator(".mb-card").count(), 0);
    await page.close();
  });
}
