// Data entry: validation errors appear next to the fields (our checks and the API's
// details[].path); a deal sheet is saved; the deal sheet fits a 375 px phone screen.
export default function forms(t) {
  const { test, assert } = t;
  importScreen(t);
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

  test("API validation errors land next to their fields (details[].path)", async () => {
    const page = await t.newPage({ role: "coordinator" });
    page.allowedErrors.push(/422/);
    await t.open(page, "/entry#deal");
    await page.fill("input[name=partnerCompany]", await pick("company"));
    await page.fill("input[name=partnerNonprofit]", await pick("nonprofit"));
    await page.fill("input[name=hours]", "-5");
    await page.click("form[data-form=deal] button[type=submit]");
    await page.locator("[data-field=hours] .field-error:not(:empty)").waitFor();
    assert.equal(await page.getAttribute("input[name=hours]", "aria-invalid"), "true");
    await page.click("#tab-organisation");
    const form = page.locator("form[data-form=organisation]");
    await form.locator("input[name=name]").fill("Testverein e.V.");
    await form.locator("select[name=regionCode]").selectOption("05113");
    await form.locator("input[name=contactEmail]").fill("keine-mail");
    await form.locator("button[type=submit]").click();
    await page.locator("[data-field=contactEmail] .field-error:not(:empty)").waitFor();
    await t.screenshot(page, "entry-organisation-api-error-de");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

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

export function importScreen(t) {
  const { test, assert } = t;
  test("import screen: a template file is checked (dry run) and the report is shown", async () => {
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const res = await fetch(`${t.base}/api/v1/import/templates/organisations.csv?locale=de`);
    assert.equal(res.status, 200);
    const path = join(tmpdir(), `ka-e2e-organisations-${process.pid}.csv`);
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    const page = await t.newPage({ role: "admin" });
    page.allowedErrors.push(/422/);
    await t.open(page, "/import");
    await page.click("form[data-form=import] button[type=submit]");
    assert.match(await page.locator("[data-field=file] .field-error").textContent(), /Pflichtfeld/);
    await page.setInputFiles("input[name=file]", path);
    await page.click("form[data-form=import] button[type=submit]");
    await page.locator(".form-status:not(:empty)").waitFor();
    assert.match(await page.textContent(".form-status"), /Prüfung: \d+ Zeilen/);
    await t.screenshot(page, "import-dry-run-de");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
