// Follow-up by the partners: a marketplace with one deal (made through the API), months later the
// organiser's board schedules the requests and — no mail set up locally — downloads the due links
// as a German mail-merge CSV; both partners answer at 390 px (German "1.250" and "12,5", the
// English partner in English); a used link says so; the board shows both answers and their
// disagreement, and the cooperation carries the answered figures.
export default function followUp(t) {
  const { test, assert } = t;
  const api = async (path, init = {}) => {
    const res = await fetch(`${t.base}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json", ...(init.headers ?? {}) } });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
  const post = (path, body) => api(path, { method: "POST", body: JSON.stringify(body) });
  const state = {};
  const nextYear = new Date().getUTCFullYear() + 1;

  test("a deal of a marketplace months ago: the board schedules it and downloads the due links as a German CSV", async () => {
    const stamp = Date.now() % 100000;
    const created = await post("/marketplaces", { title: `Gute Geschäfte Nachfrage ${stamp}`, date: `${nextYear}-10-03`, regionCode: "05113", place: "Zeche Zollverein", followUpMonths: [3] });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    state.eventId = created.json.eventId;
    const register = async (side, orgName, contactName, locale) => {
      const r = await api(`/public/registration/${created.json.registrationKey}`, {
        method: "POST",
        headers: { Authorization: "" },
        body: JSON.stringify({ side, orgName, items: [{ contributionType: "time", description: side === "company" ? "Zehn Azubis für einen Tag" : "Hilfe beim Streichen" }], contactName, contactEmail: `${locale}-${stamp}@example.org`, consent: true, locale }),
      });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      const approved = await post(`/marketplaces/${state.eventId}/registrations/${r.json.id}/approve`, {});
      assert.equal(approved.status, 200, JSON.stringify(approved.json));
      return approved.json.organisation.id;
    };
    state.nonprofit = `Tafel Nachfrage ${stamp} e.V.`;
    state.company = `Stadtwerke Nachfrage ${stamp} GmbH`;
    const np = await register("nonprofit", state.nonprofit, "Petra Schmidt", "de");
    const co = await register("company", state.company, "Sam Taylor", "en");
    const deal = await post(`/marketplaces/${state.eventId}/deals`, { clientId: `e2e-fu-${stamp}-x`, partnerIds: [np, co], contributionType: "time", agreedText: "Zehn Azubis streichen die Ausgabestelle" });
    assert.equal(deal.status, 201, JSON.stringify(deal.json));
    state.cooperationId = deal.json.cooperationId;
    // The event took place last January; its three-month round is due.
    const moved = await api(`/marketplaces/${state.eventId}`, { method: "PATCH", body: JSON.stringify({ date: `${nextYear - 2}-01-15`, registrationCloses: null }) });
    assert.equal(moved.status, 200, JSON.stringify(moved.json));

    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${state.eventId}/follow-ups`);
    assert.match(await page.textContent("h1"), /Nachfragen: Gute Geschäfte Nachfrage/);
    assert.equal(await page.getAttribute("[data-delivery]", "data-delivery"), "download");
    assert.equal(await page.locator("tr[data-state=due]").count(), 2);
    assert.equal(await page.getAttribute(".marketplace-nav a[aria-current=page]", "data-section"), "follow-ups");
    await t.screenshot(page, "follow-up-board-due");
    const file = await t.download(page, page.locator("[data-download=due]"));
    assert.match(file.name, new RegExp(`^nachfragen-${state.eventId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = file.bytes.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    assert.equal(lines[0], "E-Mail;Ansprechperson;Organisation;Partner;Veranstaltung;Datum;Vereinbarung;Runde (Monate);Fällig am;Erinnerung;Link;Gültig bis");
    assert.equal(lines.length, 3);
    for (const line of lines.slice(1)) {
      const cells = line.split(";");
      assert.match(cells[5], /^15\.01\.\d{4}$/);
      const url = new URL(cells[10]);
      if (cells[2] === state.nonprofit) state.nonprofitLink = url.pathname + url.search + url.hash;
      if (cells[2] === state.company) state.companyLink = url.pathname + url.search + url.hash;
    }
    assert.match(state.nonprofitLink, /^\/follow-up#kl_/);
    assert.match(state.companyLink, /^\/follow-up\?lang=en#kl_/);
    await page.locator(".form-status.ok", { hasText: "2 Links" }).waitFor();
    assert.equal(await page.locator("tr[data-state=sent]").count(), 2);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the non-profit answers at 390 px in German; the link is then used up", async () => {
    const page = await t.newPage({ width: 390, height: 844 });
    await t.open(page, state.nonprofitLink);
    assert.match(await page.textContent("h1"), /Wie ist es gelaufen/);
    assert.match(await page.textContent("[data-deal]"), /Zehn Azubis streichen die Ausgabestelle/);
    assert.match(await page.textContent("[data-deal]"), new RegExp(state.company));
    await page.locator("label.choice", { hasText: "Erledigt" }).click();
    await page.fill("input[name=hours]", "12,5");
    await page.fill("input[name=volunteers]", "10");
    await page.fill("input[name=peopleReached]", "1.250");
    await page.locator("input[name=peopleReached]").blur();
    assert.match(await page.textContent("[data-field=peopleReached] .understood"), /1\.250|1250/);
    await page.locator("[data-field=wouldRepeat] label.choice", { hasText: /^Ja$/ }).click();
    await page.fill("textarea[name=comment]", "Die Ausgabestelle strahlt – gern wieder!");
    await t.screenshot(page, "follow-up-answer-phone-de");
    // The name is required: the page says so before sending.
    await page.click("button[type=submit]");
    await page.locator("[data-field=answeredBy] .field-error", { hasText: /./ }).waitFor();
    await page.fill("input[name=answeredBy]", "Petra Schmidt");
    await page.click("button[type=submit]");
    await page.locator("[data-answered]").waitFor();
    assert.equal(await page.evaluate(() => location.hash), "");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling at 390 px (${width})`);
    await t.screenshot(page, "follow-up-answered-phone-de");
    // Opening the used link again answers 410 on purpose.
    page.allowedErrors.push(/status of 410/);
    await t.open(page, state.nonprofitLink);
    assert.match(await page.textContent("[data-link-problem]"), /bereits geantwortet/);
    await t.screenshot(page, "follow-up-used-link");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the company answers in English and disagrees; the board shows both answers and the disagreement", async () => {
    const phone = await t.newPage({ width: 390, height: 844 });
    await t.open(phone, state.companyLink);
    await t.screenshot(phone, "follow-up-question-phone-en");
    assert.match(await phone.textContent("h1"), /How did it go/);
    await phone.locator("label.choice", { hasText: "Not feasible" }).click();
    await phone.fill("input[name=hours]", "3");
    await phone.fill("input[name=answeredBy]", "Sam Taylor");
    await phone.locator("[data-field=wouldRepeat] label.choice", { hasText: /^No$/ }).click();
    await phone.click("button[type=submit]");
    await phone.locator("[data-answered]").waitFor();
    await t.screenshot(phone, "follow-up-answered-phone-en");
    t.assertNoConsoleErrors(phone);
    await phone.close();

    const coop = await api(`/cooperations/${state.cooperationId}`);
    assert.equal(coop.json.status, "not_feasible");
    assert.equal(coop.json.peopleReached, 1250);
    assert.equal(coop.json.volunteers, 10);

    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${state.eventId}/follow-ups`);
    assert.equal(await page.locator("tr[data-state=answered]").count(), 2);
    const dis = page.locator(`[data-disagreement="${state.cooperationId}"]`);
    assert.match(await dis.textContent(), /Widerspruch bei: Ergebnis, Stunden/);
    assert.match(await dis.textContent(), /Petra Schmidt/);
    assert.match(await dis.textContent(), /12,5 Stunden/);
    assert.match(await dis.textContent(), /Nicht umsetzbar/);
    assert.equal(await page.locator("tr[data-disagrees=true]").count(), 2);
    await t.screenshot(page, "follow-up-board-disagreement");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await t.screenshot(page, "follow-up-board-phone");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
