// Numbers and dates typed into the dashboard's forms are stored as the user meant them, at phone
// size (390×844): German "1.250,50" and "03.10.2026", English "1,250.50" and "03/10/2026"; each
// field shows what it understood before saving; nonsense is refused next to its field, nothing is
// sent. Checked through the API.
export default function numbers(t) {
  const { test, assert } = t;
  const phone = { width: 390, height: 844 };
  const get = async (path) => {
    const res = await fetch(`${t.base}${path}`, { headers: { Authorization: `Bearer ${t.adminToken}` } });
    assert.equal(res.status, 200, path);
    return res.json();
  };
  const pick = async (kind) => {
    const o = (await get(`/api/v1/organisations?region=05113&kind=${kind}&limit=1`)).data[0];
    return `${o.name} (#${o.id})`;
  };
  /** Types like a person (key by key) and leaves the field, as a phone user does. */
  const type = async (page, selector, text) => {
    const el = page.locator(selector);
    await el.fill("");
    await el.pressSequentially(text);
    await el.blur();
  };
  const understood = (page, name) => page.locator(`[data-field=${name}] .understood`).textContent();
  const fieldError = (page, name) => page.locator(`[data-field=${name}] .field-error`).textContent();
  const nbsp = (s) => s.replace(/[\u00a0\u202f]/g, " ").trim();

  /** Number and date controls are text fields with the decimal keyboard, never type=number/date. */
  const assertTextFields = async (page) => {
    const native = await page.locator("input[type=number], input[type=date]").count();
    assert.equal(native, 0, "no type=number or type=date inputs");
    for (const name of ["volunteers", "hours", "valueEur", "peopleReached"]) {
      const el = page.locator(`form[data-form=deal] input[name=${name}]`);
      assert.equal(await el.getAttribute("type"), "text", name);
      assert.equal(await el.getAttribute("inputmode"), "decimal", name);
    }
  };

  const cases = [
    {
      locale: "de",
      value: "1.250,50",
      hours: "12,5",
      people: "1.250",
      date: "03.10.2026",
      shows: { valueEur: "= 1.250,50 €", hours: "= 12,5", peopleReached: "= 1.250", dateAgreed: "= Samstag, 3. Oktober 2026" },
      saved: /Deal Nr\. (\d+) gespeichert/,
    },
    {
      locale: "en",
      value: "1,250.50",
      hours: "12.5",
      people: "1,250",
      date: "03/10/2026",
      shows: { valueEur: "= €1,250.50", hours: "= 12.5", peopleReached: "= 1,250", dateAgreed: /^= Saturday,? 3 October 2026$/ },
      saved: /Deal no\. (\d+) saved/i,
    },
  ];
  for (const c of cases) {
    test(`deal sheet on a phone (${c.locale}): "${c.value}" and "${c.date}" are stored as 1250.5 and 2026-10-03`, async () => {
      const page = await t.newPage({ role: "coordinator", locale: c.locale, ...phone });
      await t.open(page, "/entry#deal");
      await assertTextFields(page);
      await page.fill("input[name=partnerCompany]", await pick("company"));
      await page.fill("input[name=partnerNonprofit]", await pick("nonprofit"));
      await type(page, "input[name=valueEur]", c.value);
      await type(page, "input[name=hours]", c.hours);
      await type(page, "input[name=volunteers]", "3");
      await type(page, "input[name=peopleReached]", c.people);
      await type(page, "input[name=dateAgreed]", c.date);
      for (const [name, text] of Object.entries(c.shows)) {
        const shown = nbsp(await understood(page, name));
        if (text instanceof RegExp) assert.match(shown, text, name);
        else assert.equal(shown, text, name);
      }
      await t.screenshot(page, `numbers-deal-understood-${c.locale}`);
      await page.click("form[data-form=deal] button[type=submit]");
      await page.locator(".form-status.ok").waitFor();
      const id = c.saved.exec(await page.textContent(".form-status.ok"))?.[1];
      assert.ok(id, await page.textContent(".form-status"));
      const stored = await get(`/api/v1/cooperations/${id}`);
      assert.equal(stored.valueEur, 1250.5);
      assert.equal(stored.hours, 12.5);
      assert.equal(stored.volunteers, 3);
      assert.equal(stored.peopleReached, 1250);
      assert.equal(stored.dateAgreed, "2026-10-03");
      // Ready for the next deal: numbers and their readings are empty again.
      assert.equal(await page.inputValue("input[name=valueEur]"), "");
      assert.equal(await understood(page, "valueEur"), "");
      t.assertNoConsoleErrors(page);
      await page.close();
    });
  }

  test('deal sheet (de): the reported "480,50" is 480.5 €, not 48 050 €', async () => {
    const page = await t.newPage({ role: "coordinator", ...phone });
    await t.open(page, "/entry#deal");
    await page.fill("input[name=partnerCompany]", await pick("company"));
    await page.fill("input[name=partnerNonprofit]", await pick("nonprofit"));
    await type(page, "input[name=valueEur]", "480,50");
    await page.click("form[data-form=deal] button[type=submit]");
    await page.locator(".form-status.ok").waitFor();
    const id = /Nr\. (\d+)/.exec(await page.textContent(".form-status.ok"))[1];
    assert.equal((await get(`/api/v1/cooperations/${id}`)).valueEur, 480.5);
    // What the field understood was shown before saving (the sheet is empty again now).
    await type(page, "input[name=valueEur]", "480,50");
    assert.equal(nbsp(await understood(page, "valueEur")), "= 480,50 €");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  for (const locale of ["de", "en"]) {
    test(`deal sheet on a phone (${locale}): nonsense is refused next to its field and nothing is sent`, async () => {
      const words = {
        de: { nan: /^Keine Zahl\. Bitte so schreiben: 1\.250,50$/, negative: "Nur 0 oder mehr.", whole: "Bitte eine ganze Zahl.", day: "Diesen Tag gibt es nicht.", noDate: /^Kein Datum/, fix: /markierten Felder/ },
        en: { nan: /^Not a number\. Write it like this: 1,250\.50$/, negative: "Only 0 or more.", whole: "Please enter a whole number.", day: "This day does not exist.", noDate: /^Not a date/, fix: /marked fields/ },
      }[locale];
      const page = await t.newPage({ role: "coordinator", locale, ...phone });
      await t.open(page, "/entry#deal");
      const posts = [];
      page.on("request", (r) => r.method() === "POST" && r.url().includes("/api/v1/cooperations") && posts.push(r.url()));
      await page.fill("input[name=partnerCompany]", await pick("company"));
      await page.fill("input[name=partnerNonprofit]", await pick("nonprofit"));
      await type(page, "input[name=valueEur]", "1,2,3");
      await type(page, "input[name=hours]", "12abc");
      await type(page, "input[name=volunteers]", "-5");
      await type(page, "input[name=peopleReached]", "1.25.0");
      await type(page, "input[name=dateAgreed]", "31.02.2026");
      // Shown when the field is left, before any submit.
      assert.match((await fieldError(page, "valueEur")).trim(), words.nan);
      assert.match((await fieldError(page, "hours")).trim(), words.nan);
      assert.equal((await fieldError(page, "volunteers")).trim(), words.negative);
      assert.match((await fieldError(page, "peopleReached")).trim(), words.nan);
      assert.equal((await fieldError(page, "dateAgreed")).trim(), words.day);
      for (const name of ["valueEur", "hours", "volunteers", "peopleReached", "dateAgreed"]) {
        assert.equal(await page.getAttribute(`input[name=${name}]`, "aria-invalid"), "true", name);
        assert.equal(await understood(page, name), "", `${name}: nothing understood`);
      }
      await page.click("form[data-form=deal] button[type=submit]");
      assert.match(await page.textContent(".form-status.err"), words.fix);
      // The first refused field has the focus, its message is in its description.
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "volunteers");
      await t.screenshot(page, `numbers-deal-refused-${locale}`);
      // A fraction of a person, and a date that is no date.
      await type(page, "input[name=volunteers]", locale === "de" ? "2,5" : "2.5");
      assert.equal((await fieldError(page, "volunteers")).trim(), words.whole);
      await type(page, "input[name=dateAgreed]", "Oktober");
      assert.match((await fieldError(page, "dateAgreed")).trim(), words.noDate);
      // Correcting a field clears its message while typing.
      await page.locator("input[name=hours]").fill("12");
      assert.equal((await fieldError(page, "hours")).trim(), "");
      assert.equal(await page.getAttribute("input[name=hours]", "aria-invalid"), null);
      await page.click("form[data-form=deal] button[type=submit]");
      await page.waitForTimeout(300);
      assert.deepEqual(posts, [], "no request was sent");
      t.assertNoConsoleErrors(page);
      await page.close();
    });
  }

  test("cooperation and event forms (de): dates typed the German way are stored", async () => {
    const page = await t.newPage({ role: "coordinator", ...phone });
    await t.open(page, "/entry#cooperation");
    const form = "form[data-form=cooperation]";
    await page.fill(`${form} input[name=partnerCompany]`, await pick("company"));
    await page.fill(`${form} input[name=partnerNonprofit]`, await pick("nonprofit"));
    await page.selectOption(`${form} select[name=status]`, "done");
    await type(page, `${form} input[name=dateAgreed]`, "1.9.26");
    await type(page, `${form} input[name=dateDone]`, "03.10.2026");
    await type(page, `${form} input[name=valueEur]`, "€ 2.000");
    assert.equal(nbsp(await understood(page, "dateAgreed")), "= Dienstag, 1. September 2026");
    await page.click(`${form} button[type=submit]`);
    await page.locator(".form-status.ok").waitFor();
    const id = /Nr\. (\d+)/.exec(await page.textContent(".form-status.ok"))[1];
    const coop = await get(`/api/v1/cooperations/${id}`);
    assert.deepEqual([coop.dateAgreed, coop.dateDone, coop.valueEur], ["2026-09-01", "2026-10-03", 2000]);

    await page.click("#tab-event");
    const ev = "form[data-form=event]";
    await page.fill(`${ev} input[name=title]`, "Marktplatz Zahlenprobe");
    await page.selectOption(`${ev} select[name=regionCode]`, "05113");
    await type(page, `${ev} input[name=date]`, "03.10.2026");
    assert.equal(nbsp(await understood(page, "date")), "= Samstag, 3. Oktober 2026");
    await t.screenshot(page, "numbers-event-date-de");
    await page.click(`${ev} button[type=submit]`);
    await page.locator(".form-status.ok").waitFor();
    const eventId = /Nr\. (\d+)/.exec(await page.textContent(".form-status.ok"))[1];
    assert.equal((await get(`/api/v1/events/${eventId}`)).date, "2026-10-03");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("embed builder (de): typed dates go into the URL as ISO dates; a wrong one keeps the URL", async () => {
    const page = await t.newPage(phone);
    await t.open(page, "/embed-builder");
    assert.equal(await page.locator("input[type=number], input[type=date]").count(), 0);
    await type(page, "input[name=from]", "01.01.2024");
    await type(page, "input[name=to]", "31.12.2025");
    const url = await page.inputValue("#embed-url");
    assert.match(url, /from=2024-01-01/);
    assert.match(url, /to=2025-12-31/);
    await type(page, "input[name=to]", "31.13.2025");
    assert.equal((await fieldError(page, "to")).trim(), "Diesen Tag gibt es nicht.");
    assert.equal(await page.inputValue("#embed-url"), url);
    await t.screenshot(page, "numbers-embed-builder-de");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
