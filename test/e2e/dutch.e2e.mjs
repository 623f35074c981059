// Dutch (nl) in the browser: the Arnhem region page and the registration form at phone size
// (390 px) in Dutch with Dutch numbers ("1.250,50", "12,5"), the organiser typing a Dutch date
// ("03-10-2027"), and the language switch reaching Dutch from German.
import { seriousViolations } from "./axe.e2e.mjs";

export default function dutch(t) {
  const { test, assert } = t;
  const api = async (path, init = {}) => {
    const res = await fetch(`${t.base}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json", ...(init.headers ?? {}) } });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
  const state = {};
  const nextYear = new Date().getUTCFullYear() + 1;
  const noSidewaysScroll = async (page) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling at 390 px (page is ${width} px wide)`);
  };

  test("the language switch reaches Dutch from German and back", async () => {
    const page = await t.newPage({ locale: "de" });
    await t.open(page, "/");
    assert.equal(await page.textContent("#lang-switch"), "English");
    await page.click("#lang-switch-nl");
    await page.waitForFunction(() => document.documentElement.lang === "nl" && document.querySelector("h1")?.textContent === "Samenwerkingen in de regio's");
    await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"));
    // Figures in Dutch: thousands with a dot, no German or English words left in the tiles.
    const tiles = await page.locator(".tile").allTextContents();
    assert.ok(tiles.some((s) => /Samenwerkingen/.test(s)), tiles.join(" | "));
    assert.ok(!tiles.some((s) => /Kooperationen|Cooperations/.test(s)), tiles.join(" | "));
    assert.deepEqual(await page.locator("header button[lang]").allTextContents(), ["Deutsch", "English"]);
    await t.screenshot(page, "dutch-overview");
    await page.click("#lang-switch");
    await page.waitForFunction(() => document.documentElement.lang === "de");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the Arnhem region page reads in Dutch at 390 px", async () => {
    const page = await t.newPage({ locale: "nl", width: 390, height: 844 });
    await t.open(page, "/regions/NL-ARN");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "nl");
    assert.match(await page.textContent("h1"), /^Regio Arnhem/);
    const text = await page.textContent("main");
    assert.match(text, /Kerncijfers/);
    assert.match(text, /Periode: \d{1,2} [a-z]{3} \d{4} tot en met \d{1,2} [a-z]{3} \d{4}/);
    assert.ok(!/Kooperationen|Zeitraum|Cooperations/.test(text), "no German or English words on the page");
    await noSidewaysScroll(page);
    const found = await seriousViolations(page);
    assert.deepEqual(found, [], `region page: ${found.join("\n")}`);
    await t.screenshot(page, "dutch-region-arnhem-phone");
    await t.screenshot(page, "dutch-region-arnhem-phone-top", { fullPage: false });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the organiser creates a marketplace in Dutch, typing the date the Dutch way", async () => {
    const page = await t.newPage({ role: "admin", locale: "nl" });
    await t.open(page, "/marketplaces");
    const form = page.locator("form[data-form=marketplace-create]");
    state.title = `Beursvloer Arnhem ${nextYear} (${Date.now() % 100000})`;
    await form.locator("input[name=title]").fill(state.title);
    assert.equal(await form.locator("input[name=date]").getAttribute("placeholder"), "DD-MM-JJJJ");
    await form.locator("input[name=date]").fill(`03-10-${nextYear}`);
    assert.match(await form.locator("[data-field=date] .understood").textContent(), new RegExp(`zaterdag 3 oktober ${nextYear}|3 oktober ${nextYear}`));
    await form.locator("select[name=regionCode]").selectOption("NL-ARN");
    await form.locator("input[name=place]").fill("Musis Sacrum, Velperbuitensingel 25");
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/\/marketplaces\/\d+$/);
    await page.locator("[data-registration-link]").waitFor();
    state.eventId = Number(new URL(page.url()).pathname.split("/").pop());
    assert.match(await page.textContent("[data-facts]"), new RegExp(`3 okt ${nextYear}`));
    const stored = await api(`/marketplaces/${state.eventId}`);
    assert.equal(stored.json.date, `${nextYear}-10-03`);
    await api(`/marketplaces/${state.eventId}`, { method: "PATCH", body: JSON.stringify({ hallOpens: "16:00", hallCloses: "18:30" }) });
    state.link = await page.getAttribute("[data-registration-link]", "href");
    await t.screenshot(page, "dutch-marketplace-workspace");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("a non-profit registers in Dutch at 390 px with Dutch numbers", async () => {
    const page = await t.newPage({ locale: "nl", width: 390, height: 844 });
    await t.open(page, state.link);
    assert.equal(await page.textContent("h1"), `Aanmelden: ${state.title}`);
    assert.match(await page.textContent("[data-event-facts]"), new RegExp(`3 okt ${nextYear}, Musis Sacrum.*Zaal open 16:00–18:30 uur`));
    assert.equal(await page.textContent("form[data-form=registration] h2"), "Wat hebt u nodig?");
    assert.match(await page.textContent("[data-consent-text]"), /^Ik ga ermee akkoord dat de organisator/);
    await page.fill("input[name=orgName]", `Stichting Buurtwerk Presikhaaf ${Date.now() % 10000}`);
    await page.fill("input[name=postcode]", "6826 AB");
    const first = page.locator("fieldset.rg-item").nth(0);
    await first.locator("select[name=contributionType]").selectOption("goods");
    await first.locator("textarea[name=description]").fill("Stellingkasten en kledingrekken voor de kledingbank");
    await first.locator("input[name=quantity]").fill("1.250,50");
    assert.match(await first.locator("[data-field=quantity] .understood").textContent(), /1\.250,5/);
    await first.locator("input[name=wantedWhen]").fill(`vanaf 03-10-${nextYear}`);
    await page.click("[data-add-item]");
    const second = page.locator("fieldset.rg-item").nth(1);
    await second.locator("select[name=contributionType]").selectOption("time");
    await second.locator("textarea[name=description]").fill("Twee vrijwilligers bij de verhuizing");
    await second.locator("input[name=hours]").fill("12,5");
    assert.match(await second.locator("[data-field=hours] .understood").textContent(), /12,5/);
    await page.fill("input[name=contactName]", "Anouk de Vries");
    await page.fill("input[name=contactEmail]", "anouk@buurtwerk.example");
    // Contact data without consent: the Dutch reason next to the box.
    page.allowedErrors.push(/422/);
    await page.click("form[data-form=registration] button[type=submit]");
    await page.locator("[data-field=consent] .field-error:not(:empty)").waitFor();
    assert.match(await page.textContent("[data-field=consent] .field-error"), /alleen met uw toestemming/);
    await page.check("input[name=consent]");
    await noSidewaysScroll(page);
    await t.screenshot(page, "dutch-register-phone-filled");
    const found = await seriousViolations(page);
    assert.deepEqual(found, [], `registration page: ${found.join("\n")}`);
    await page.click("form[data-form=registration] button[type=submit]");
    await page.locator("[data-edit-link]").waitFor();
    assert.match(await page.textContent("main"), /Hartelijk dank! Uw aanmelding is binnen/);
    const id = Number(new URL(await page.getAttribute("[data-edit-link]", "href")).pathname.split("/").pop());
    await noSidewaysScroll(page);
    await t.screenshot(page, "dutch-register-phone-done");
    t.assertNoConsoleErrors(page);
    await page.close();

    const regs = await api(`/marketplaces/${state.eventId}/registrations`);
    const mine = regs.json.data.find((r) => r.id === id);
    assert.deepEqual(mine.items.map((i) => [i.contributionType, i.quantity, i.hours]), [["goods", 1250.5, null], ["time", null, 12.5]]);
    assert.equal(mine.locale, "nl");
    assert.match(mine.consentText, /^Ik ga ermee akkoord/);
  });
}
