// Sign-in with a token and role hiding: what a role may not see is not shown.
export default function access(t) {
  const { test, assert } = t;

  test("anonymous: no data entry, no network or isolated list, entry asks to sign in", async () => {
    const page = await t.newPage();
    await t.open(page, "/regions/05113");
    assert.equal(await page.locator("nav a[href='/entry']").count(), 0);
    assert.equal(await page.locator("figure[data-chart=network]").count(), 0);
    assert.equal(await page.locator("#isolated").count(), 0);
    assert.ok(await page.locator(".note").isVisible(), "public-view note");
    await t.open(page, "/entry");
    assert.match(await page.textContent("h1"), /Anmeldung/);
    await t.open(page, "/organisations/1");
    assert.match(await page.textContent("h1"), /Anmeldung/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("sign-in: a wrong token shows the error next to the field; a right one signs in", async () => {
    const page = await t.newPage();
    page.allowedErrors.push(/401/);
    await t.open(page, "/signin");
    await page.click("form button[type=submit]");
    assert.match(await page.locator("[data-field=token] .field-error").textContent(), /Token eingeben/);
    await page.fill("input[name=token]", "ka_wrong");
    await page.click("form button[type=submit]");
    await page.locator("[data-field=token] .field-error:not(:empty)").waitFor();
    assert.match(await page.locator("[data-field=token] .field-error").textContent(), /unbekannt/);
    assert.equal(await page.getAttribute("input[name=token]", "aria-invalid"), "true");
    await t.screenshot(page, "signin-error-de");
    await page.fill("input[name=token]", await t.tokenFor("funder"));
    await page.click("form button[type=submit]");
    await page.waitForFunction(() => location.pathname === "/" && document.querySelector(".role-badge")?.textContent.includes("Förderer"));
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("funder: sees networks and isolated organisations, no data entry", async () => {
    const page = await t.newPage({ role: "funder" });
    await t.open(page, "/regions/05113");
    assert.equal(await page.locator("nav a[href='/entry']").count(), 0);
    assert.equal(await page.locator("figure[data-chart=network]").count(), 1);
    assert.equal(await page.locator("#isolated").count(), 1);
    await t.open(page, "/entry");
    assert.match(await page.textContent("h1"), /Anmeldung/);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("coordinator: data entry visible; sign-out returns to the public view", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, "/");
    assert.equal(await page.locator("nav a[href='/entry']").count(), 1);
    assert.equal(await page.locator("nav a[href='/import']").count(), 1);
    await page.click("#sign-out");
    await page.waitForFunction(() => document.querySelector(".role-badge")?.textContent === "öffentlich");
    assert.equal(await page.locator("nav a[href='/entry']").count(), 0);
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
