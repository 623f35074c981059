// Data entry: validation errors appear next to the fields (our checks and the API's
// details[].path, worded per details[].code in German and English); a deal sheet is saved; the
// deal sheet fits a 375 px phone screen. (The import screen has its own suite.)
export default function forms(t) {
  const { test, assert } = t;
  const pick = async (kind) => {
    const res = await fetch(`${t.base}/api/v1/organisations?region=05113&kind=${kind}&limit=1`, { headers: { Authorization: `Bearer ${t.adminToken}` } });
    const o = (await res.json()).data[0];
    return `${o.name} (#${o.id})`;
  };

  test("deal sheet: empty submit marks the required fields, a complete deal is saved", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, "/entry#deal");
    await page.click("form[data-form=deal] button[type=submit]");
    for (const f of ["partnerCompany", "partnerNonprofit"]) {
      assert.match(await page.locator(`[data-field=${f}] .field-error`).textContent(), /Pflichtfeld/, f);
      assert.equal(await page.getAttribute(`[data-field=${f}] input`, "aria-invalid"), "true");
    }
    await t.screenshot(page, "entry-deal-errors-de");
    await page.fill("input[name=partnerCompany]", "Irgendwer");
    await page.click("form[data-form=deal] button[type=submit]");
    assert.match(await page.locator("[data-field=partnerCompany] .field-error").textContent(), /aus der Liste/);
    await page.fill("input[name=partnerCompany]", await pick("company"));
    await page.fill("input[name=partnerNonprofit]", await pick("nonprofit"));
    await page.check("input[name=contributionTypes][value=time]");
    await page.fill("input[name=hours]", "12");
    await page.fill("input[name=volunteers]", "3");
    await page.click("form[data-form=deal] button[type=submit]");
    await page.locator(".form-status.ok").waitFor();
    assert.match(await page.textContent(".form-status.ok"), /Deal Nr\. \d+ gespeichert/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  for (const locale of ["de", "en"]) {
    test(`API validation errors land next to their fields, worded per code (${locale})`, async () => {
      const words = {
        de: { hours: "Höchstens 10.000.000.", big: "20.000.000", email: "Keine gültige E-Mail-Adresse.", postcode: "Keine gültige Postleitzahl.", key: "Nur Kleinbuchstaben" },
        en: { hours: "At most 10,000,000.", big: "20,000,000", email: "Not a valid e-mail address.", postcode: "Not a valid postcode.", key: "Lowercase letters, digits and _ only" },
      }[locale];
      const page = await t.newPage({ role: "coordinator", locale });
      page.allowedErrors.push(/422/);
      await t.open(page, "/entry#deal");
      await page.fill("input[name=partnerCompany]", await pick("company"));
      await page.fill("input[name=partnerNonprofit]", await pick("nonprofit"));
      // The API's bound (the form itself refuses only what is not a number).
      await page.fill("input[name=hours]", words.big);
      await page.click("form[data-form=deal] button[type=submit]");
      await page.locator("[data-field=hours] .field-error:not(:empty)").waitFor();
      assert.equal(await page.getAttribute("input[name=hours]", "aria-invalid"), "true");
      // details[].code too_big with the bound from the API: no English zod sentence.
      assert.equal((await page.textContent("[data-field=hours] .field-error")).trim(), words.hours);
      await page.click("#tab-organisation");
      const form = page.locator("form[data-form=organisation]");
      await form.locator("input[name=name]").fill("Testverein e.V.");
      await form.locator("select[name=regionCode]").selectOption("05113");
      await form.locator("input[name=contactEmail]").fill("keine-mail");
      await form.locator("input[name=postcode]").fill("!!");
      await form.locator("input[name=field]").fill("Jugend Arbeit");
      await form.locator("button[type=submit]").click();
      await page.locator("[data-field=contactEmail] .field-error:not(:empty)").waitFor();
      assert.equal((await page.textContent("[data-field=contactEmail] .field-error")).trim(), words.email);
      assert.equal((await page.textContent("[data-field=postcode] .field-error")).trim(), words.postcode);
      assert.match(await page.textContent("[data-field=field] .field-error"), new RegExp(words.key));
      await t.screenshot(page, `entry-organisation-api-error-${locale}`);
      t.assertNoConsoleErrors(page);
      await page.close();
    });
  }

  test("deal sheet on a phone (375 px): no horizontal scrolling, large touch targets", async () => {
    for (const locale of ["de", "en"]) {
      const page = await t.newPage({ role: "coordinator", width: 375, height: 812, locale });
      await t.open(page, "/entry#deal");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("form[data-form=deal] input:not([type=checkbox]), form[data-form=deal] select, form[data-form=deal] button")].filter((e) => e.getBoundingClientRect().height < 40).length,
      );
      assert.equal(small, 0, "controls at least 40 px high");
      await t.screenshot(page, `entry-deal-mobile-${locale}`);
      t.assertNoConsoleErrors(page);
      await page.close();
    }
  });

  test("import screen on a phone (375 px): no horizontal scrolling, the report table scrolls inside its box", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "ka-e2e-phone-"));
    const file = join(dir, "deals.csv");
    writeFileSync(file, "Datum;Unternehmen;Organisation;Stunden\n17.05.2024;Niemand GmbH;Niemand e.V.;viele\n");
    for (const locale of ["de", "en"]) {
      const page = await t.newPage({ role: "coordinator", width: 375, height: 812, locale });
      await t.open(page, "/import?type=cooperations");
      await page.setInputFiles("input[name=file]", file);
      await page.click("button[data-action=check]");
      await page.locator("[data-report=dry-run] table").waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
      await t.screenshot(page, `import-mobile-${locale}`);
      t.assertNoConsoleErrors(page);
      await page.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test("overview and region page on a phone (375 px)", async () => {
    const page = await t.newPage({ width: 375, height: 812 });
    await t.open(page, "/");
    await t.assertChartsDrawn(page, 3);
    await t.screenshot(page, "overview-mobile-de");
    await t.open(page, "/regions/05113");
    await t.screenshot(page, "region-mobile-de");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
