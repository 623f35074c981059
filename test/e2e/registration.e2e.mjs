// Registration by link and the organiser's workspace: the organiser creates a marketplace
// (German date input), two organisations register at phone size (390 px) with German numbers
// ("1.250,50", "12,5") — one under a spelling of an existing organisation's name ("e.V." left
// off, "ü" typed as "ue", upper case) — the edit link changes the entry and opens nothing else,
// and the organiser approves the matched registration as the existing organisation.
import { seriousViolations } from "./axe.e2e.mjs";

export default function registration(t) {
  const { test, assert } = t;
  const api = async (path, init = {}) => {
    const res = await fetch(`${t.base}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json", ...(init.headers ?? {}) } });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
  const state = {};
  const nextYear = new Date().getUTCFullYear() + 1;

  test("the organiser creates a marketplace and sees its workspace with the registration link", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, "/marketplaces");
    await t.screenshot(page, "marketplaces-list");
    const form = page.locator("form[data-form=marketplace-create]");
    state.title = `Gute Geschäfte Essen ${nextYear} (${Date.now() % 100000})`;
    await form.locator("input[name=title]").fill(state.title);
    await form.locator("input[name=date]").fill(`03.10.${nextYear}`);
    await form.locator("select[name=regionCode]").selectOption("05113");
    await form.locator("input[name=place]").fill("Zeche Zollverein, Halle 12");
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/\/marketplaces\/\d+$/);
    await page.locator("[data-registration-link]").waitFor();
    state.eventId = Number(new URL(page.url()).pathname.split("/").pop());
    assert.match(await page.textContent("h1"), /Gute Geschäfte Essen/);
    assert.match(await page.textContent("[data-facts]"), new RegExp(`3\\. Okt\\. ${nextYear}`));
    assert.equal(await page.getAttribute("[data-registration-state]", "data-registration-state"), "open");
    // The QR code encodes the link the page shows; the bar leads to the other marketplace pages.
    assert.equal(await page.locator(".mw-qr svg path").count() > 0, true);
    for (const s of ["board", "deals", "follow-ups", "results"]) assert.equal(await page.getAttribute(`.marketplace-nav a[data-section=${s}]`, "href"), `/marketplaces/${state.eventId}/${s}`);
    state.link = await page.getAttribute("[data-registration-link]", "href");
    assert.match(state.link, /^\/register\/mk_/);
    // Settings in German: hall time, capacity and the window.
    const settings = page.locator("form[data-form=marketplace-settings]");
    await settings.locator("input[name=hallOpens]").fill("16:00");
    await settings.locator("input[name=hallCloses]").fill("18:30");
    await settings.locator("input[name=capacity]").fill("1.200");
    await settings.locator("input[name=registrationCloses]").fill(`26.09.${nextYear}`);
    await settings.locator("button[type=submit]").click();
    await settings.locator(".form-status.ok").waitFor();
    const stored = await api(`/marketplaces/${state.eventId}`);
    assert.equal(stored.json.capacity, 1200);
    assert.equal(stored.json.registrationCloses, `${nextYear}-09-26`);
    assert.equal(stored.json.hallCloses, "18:30");
    await page.locator("form[data-form=moderator] input[name=name]").fill("Jürgen Weiß");
    await page.locator("form[data-form=moderator] button[type=submit]").click();
    await page.locator("[data-moderators] li", { hasText: "Jürgen Weiß" }).waitFor();
    await t.screenshot(page, "marketplace-workspace-created");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("a non-profit registers at 390 px in German under another spelling of its name", async () => {
    // An existing non-profit of Essen with a postcode: the registrant types its name differently.
    const orgs = await api("/organisations?region=05113&kind=nonprofit&limit=200");
    const existing = orgs.json.data.find((o) => o.postcode && /[A-Za-zÄÖÜäöüß]{3}/.test(o.name));
    assert.ok(existing, "an Essen non-profit with a postcode in the demo data");
    state.existing = existing;
    const typed = existing.name.replace(/\s*e\.\s?V\.?$/i, "").replace(/ü/g, "ue").replace(/ä/g, "ae").replace(/ö/g, "oe").toUpperCase();
    const page = await t.newPage({ width: 390, height: 844 });
    await t.open(page, state.link);
    assert.match(await page.textContent("h1"), /Anmeldung: Gute Geschäfte Essen/);
    assert.match(await page.textContent("[data-event-facts]"), /Halle 16:00–18:30 Uhr/);
    // Money is not offered under the default house rule.
    assert.equal(await page.locator("select[name=contributionType] option[value=money]").count(), 0);
    await page.fill("input[name=orgName]", typed);
    await page.fill("input[name=postcode]", existing.postcode);
    const first = page.locator("fieldset.rg-item").nth(0);
    await first.locator("select[name=contributionType]").selectOption("goods");
    await first.locator("textarea[name=description]").fill("Regale und Kleiderstangen für die Kleiderkammer");
    await first.locator("input[name=quantity]").fill("1.250,50");
    await first.locator("input[name=wantedWhen]").fill("ab 03.10.2026");
    await first.locator("input[name=tags]").fill("Soziales, Kleidung");
    await page.click("[data-add-item]");
    const second = page.locator("fieldset.rg-item").nth(1);
    await second.locator("select[name=contributionType]").selectOption("time");
    await second.locator("textarea[name=description]").fill("Zwei Helfende beim Umzug");
    await second.locator("input[name=hours]").fill("12,5");
    assert.match(await second.locator("[data-field=hours] .understood").textContent(), /12,5/);
    await page.fill("input[name=contactName]", "Petra Müller");
    await page.fill("input[name=contactEmail]", "petra.mueller@example.org");
    // Contact data without consent is refused next to the consent box.
    page.allowedErrors.push(/422/);
    await page.click("form[data-form=registration] button[type=submit]");
    await page.locator("[data-field=consent] .field-error:not(:empty)").waitFor();
    assert.match(await page.textContent("[data-field=consent] .field-error"), /nur mit Ihrer Einwilligung/);
    assert.match(await page.textContent("[data-consent-text]"), /Einwilligung/);
    await t.screenshot(page, "register-phone-consent-missing");
    await page.check("input[name=consent]");
    await t.screenshot(page, "register-phone-filled");
    const found = await seriousViolations(page);
    assert.deepEqual(found, [], `registration page: ${found.join("\n")}`);
    await page.click("form[data-form=registration] button[type=submit]");
    await page.locator("[data-edit-link]").waitFor();
    state.editUrl = await page.getAttribute("[data-edit-link]", "href");
    assert.match(state.editUrl, /\/register\/edit\/\d+#kl_/);
    state.registrationId = Number(new URL(state.editUrl).pathname.split("/").pop());
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling at 390 px (page is ${width} px wide)`);
    await t.screenshot(page, "register-phone-done");
    t.assertNoConsoleErrors(page);
    await page.close();

    const regs = await api(`/marketplaces/${state.eventId}/registrations`);
    const mine = regs.json.data.find((r) => r.id === state.registrationId);
    assert.deepEqual(mine.items.map((i) => [i.contributionType, i.quantity, i.hours]), [["goods", 1250.5, null], ["time", null, 12.5]]);
    assert.equal(mine.candidate?.id, existing.id, `"${typed}" matched to "${existing.name}"`);
    assert.match(mine.consentText, /einverstanden/);
  });

  test("a company registers at 390 px; the edit link changes the own entry and opens no other", async () => {
    const page = await t.newPage({ width: 390, height: 844 });
    await t.open(page, state.link);
    await page.check("input[name=side][value=company]");
    assert.equal(await page.textContent("form[data-form=registration] h2"), "Was bieten Sie an?");
    await page.fill("input[name=orgName]", `Bäckerei Kühne GmbH ${Date.now() % 10000}`);
    await page.fill("input[name=postcode]", "45127");
    await page.fill("input[name=industry]", "bakery_food");
    const item = page.locator("fieldset.rg-item").nth(0);
    await item.locator("select[name=contributionType]").selectOption("goods");
    await item.locator("textarea[name=description]").fill("Brot und Brötchen für das Sommerfest");
    await item.locator("input[name=quantity]").fill("80");
    await page.click("form[data-form=registration] button[type=submit]");
    await page.locator("[data-edit-link]").waitFor();
    const editUrl = await page.getAttribute("[data-edit-link]", "href");
    await page.close();

    const edit = await t.newPage({ width: 390, height: 844 });
    await edit.goto(editUrl, { waitUntil: "networkidle" });
    await edit.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"));
    assert.match(await edit.textContent("h1"), /Ihre Anmeldung/);
    assert.equal(await edit.inputValue("fieldset.rg-item input[name=quantity]"), "80");
    await edit.fill("fieldset.rg-item input[name=quantity]", "1.000");
    await edit.click("form[data-form=registration] button[type=submit]");
    await edit.locator(".form-status.ok").waitFor();
    await t.screenshot(edit, "register-phone-edit-saved");
    const found = await seriousViolations(edit);
    assert.deepEqual(found, [], `edit page: ${found.join("\n")}`);
    // The same key on the other registrant's entry: the one "not valid" answer.
    const secret = new URL(editUrl).hash;
    edit.allowedErrors.push(/404/);
    await edit.goto(`${t.base}/register/edit/${state.registrationId}${secret}`, { waitUntil: "networkidle" });
    await edit.locator("[role=alert]").waitFor();
    assert.match(await edit.textContent("[role=alert]"), /nicht \(mehr\) gültig/);
    await t.screenshot(edit, "register-phone-foreign-entry");
    t.assertNoConsoleErrors(edit);
    await edit.close();
    const regs = await api(`/marketplaces/${state.eventId}/registrations`);
    assert.ok(regs.json.data.some((r) => r.side === "company" && r.items[0].quantity === 1000));
  });

  test("the registration page speaks English at 390 px", async () => {
    const page = await t.newPage({ width: 390, height: 844, locale: "en" });
    await t.open(page, state.link);
    assert.match(await page.textContent("h1"), /^Registration: Gute Geschäfte Essen/);
    assert.equal(await page.textContent("form[data-form=registration] h2"), "What do you need?");
    assert.match(await page.textContent("[data-consent-text]"), /^I agree that the organiser stores/);
    await page.locator("fieldset.rg-item input[name=hours]").fill("1,250.5");
    assert.match(await page.locator("fieldset.rg-item [data-field=hours] .understood").textContent(), /1,250\.5/);
    await t.screenshot(page, "register-phone-en");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the organiser approves the matched registration as the existing organisation", async () => {
    const page = await t.newPage({ role: "coordinator" });
    await t.open(page, `/marketplaces/${state.eventId}`);
    const card = page.locator(`[data-registration="${state.registrationId}"]`);
    assert.equal(await card.getAttribute("data-status"), "pending");
    assert.match(await card.locator("[data-candidate]").textContent(), new RegExp(`Bekannt als: ${state.existing.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    assert.match(await card.textContent(), /1\.250,5/);
    await t.screenshot(page, "marketplace-workspace-pending");
    const found = await seriousViolations(page);
    assert.deepEqual(found, [], `workspace: ${found.join("\n")}`);
    await card.locator("button[data-action=match]").click();
    await page.locator(`[data-registration="${state.registrationId}"][data-status=approved]`).waitFor();
    assert.match(await page.locator(`[data-registration="${state.registrationId}"]`).textContent(), /Zählt für/);
    assert.match(await page.textContent("[data-registration-state]"), /1 freigegeben/);
    await t.screenshot(page, "marketplace-workspace-approved");
    t.assertNoConsoleErrors(page);
    await page.close();
    const event = await api(`/events/${state.eventId}`);
    assert.ok(event.json.participantIds.includes(state.existing.id), "the existing organisation takes part in the event");
  });
}
