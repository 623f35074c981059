// The directory of local contacts at phone size (390 px): /directory finds the organisers of Jena
// by "Jena" and by a Jena postcode, with the map of their region; the organising intermediary of
// the demo data is not "isolated"; an organiser edits its own entry through its directory_edit
// link in German; the region page lists its upcoming events with the iCalendar feed; the event
// page carries schema.org Event data.

const JENA = "16053";

export default function directory(t) {
  const { test, assert } = t;
  const api = async (path, init = {}) => {
    const res = await fetch(`${t.base}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${t.adminToken}`, "Content-Type": "application/json", ...(init.headers ?? {}) } });
    return { status: res.status, json: await res.json().catch(() => null), headers: res.headers };
  };
  const state = {};

  const search = async (page, text) => {
    const form = page.locator("form[data-form=directory]");
    await form.locator("input[name=q]").fill(text);
    await form.locator("button[type=submit]").click();
    await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q && document.querySelector("[data-directory-status]")?.dataset.count !== undefined, text);
    await page.waitForFunction(() => !document.querySelector("[data-directory-status]")?.textContent?.includes("…"));
    return page.$$eval(".dir-entry", (els) => els.map((e) => ({ id: Number(e.getAttribute("data-organisation-id")), name: e.querySelector("h2").textContent, region: e.querySelector(".dir-where a")?.getAttribute("href") })));
  };

  test("/directory finds Jena's organisers by \"Jena\" and by a Jena postcode, at 390 px with the map", async () => {
    const page = await t.newPage({ width: 390, height: 844 });
    await t.open(page, "/directory");
    await page.locator(".dir-entry").first().waitFor();
    const byName = await search(page, "Jena");
    assert.ok(byName.length >= 1, "Jena has organisers in the directory");
    for (const e of byName) assert.equal(e.region, `/regions/${JENA}`, `${e.name} lies in Jena`);
    // The map draws Jena's district and its point.
    await page.locator(`.directory-map svg [data-point="${JENA}"]`).waitFor();
    assert.match(await page.getAttribute(".directory-map svg", "data-regions"), new RegExp(JENA));
    // The demo's main organiser published a contact with consent: a function mailbox.
    const contacts = await page.$$eval("[data-contact] a[href^='mailto:']", (as) => as.map((a) => a.textContent));
    assert.ok(contacts.some((m) => /@engagement-jena\.example$/.test(m)), `a published contact of Jena: ${contacts}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling at 390 px (${width})`);
    await t.screenshot(page, "directory-jena-390");
    state.jena = byName;

    const byPostcode = await search(page, "07743");
    assert.deepEqual(byPostcode.map((e) => e.id).sort(), byName.map((e) => e.id).sort(), "the postcode finds the same organisers");
    const byPrefix = await search(page, "0774");
    for (const e of byName) assert.ok(byPrefix.some((x) => x.id === e.id), `${e.name} by the postcode prefix`);
    await t.screenshot(page, "directory-07743-390", { fullPage: false });
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the organising intermediaries of Jena's demo data are brokers, not isolated", async () => {
    // Organisers of events in the default window (24 months to today), as the status rule reads them.
    const from = new Date(Date.now() - 720 * 86_400_000).toISOString().slice(0, 10);
    const events = await api(`/events?region=${JENA}&from=${from}&limit=200`);
    const organising = new Set(events.json.data.map((e) => e.organiserId).filter((id) => id !== null));
    const list = await api(`/directory?region=${JENA}`);
    const organisers = list.json.entries.filter((e) => e.kind === "intermediary" && organising.has(e.organisationId));
    assert.ok(organisers.length >= 1, "Jena's demo data has an intermediary organising in the window");
    for (const o of organisers) {
      const m = await api(`/organisations/${o.organisationId}/metrics`);
      assert.equal(m.status, 200);
      assert.notEqual(m.json.metrics.status, "isolated", `${o.name} organises events`);
      assert.equal(typeof o.brokerScore, "number");
    }
    state.organiser = organisers[0];
  });

  test("an organiser edits its own entry through its link, in German at 390 px", async () => {
    // One of Jena's organisers changes its entry (place, contact) by the link a coordinator gave it.
    const target = state.jena[state.jena.length - 1];
    const link = await api(`/directory/entries/${target.id}/link`, { method: "POST" });
    assert.equal(link.status, 201);
    const page = await t.newPage({ width: 390, height: 844 });
    await t.open(page, new URL(link.json.url).pathname + new URL(link.json.url).hash);
    const form = page.locator("form[data-form=directory-entry]");
    await form.waitFor();
    await form.locator("textarea[name=description]").fill("Wir vermitteln Engagement in Jena-Lobeda.");
    await form.locator("input[name=place]").fill("Lobeda-Ost");
    await form.locator("input[name=postcode]").fill("07747");
    await form.locator("input[name=contactName]").fill("Stadtteilbüro");
    await form.locator("input[name=contactEmail]").fill("lobeda@stadtteil.example");
    await form.locator("input[name=contactPhone]").fill("03641 50 50 50");
    await form.locator("input[value=action_day]").check();
    await form.locator("input[name=published]").check();
    // Publishing without the consent is refused at the consent box (the browser logs the 422).
    page.allowedErrors.push(/status of 422/);
    await form.locator("input[name=consent]").uncheck();
    await form.locator("button[type=submit]").click();
    await form.locator("[data-field=consent] .field-error").filter({ hasText: /./ }).waitFor();
    await form.locator("input[name=consent]").check();
    await form.locator("button[type=submit]").click();
    await form.locator(".form-status.ok").waitFor();
    await t.screenshot(page, "directory-edit-390");
    t.assertNoConsoleErrors(page);
    await t.open(page, "/directory?q=Lobeda-Ost");
    await page.locator(`.dir-entry[data-organisation-id="${target.id}"]`).waitFor();
    assert.match(await page.textContent(`.dir-entry[data-organisation-id="${target.id}"] [data-contact]`), /lobeda@stadtteil\.example/);
    await page.close();
  });

  test("a coordinator opens an entry from the directory and creates the organiser's link", async () => {
    const page = await t.newPage({ role: "admin" });
    await t.open(page, `/directory?q=Jena`);
    const entry = state.jena[0];
    await page.locator(`.dir-entry[data-organisation-id="${entry.id}"] a[href="/directory/edit/${entry.id}"]`).click();
    await page.locator("form[data-form=directory-entry]").waitFor();
    await page.locator("button", { hasText: "Link für den Veranstalter erstellen" }).click();
    const href = await page.locator("[data-directory-link] a").getAttribute("href");
    assert.match(href, /\/directory\/edit#kl_[A-Za-z0-9_-]{43}$/);
    const opened = await fetch(`${t.base}/api/v1/public/directory-entry`, { headers: { "X-Link-Key": href.split("#")[1] } });
    assert.equal((await opened.json()).organisationId, entry.id);
    await t.screenshot(page, "directory-edit-coordinator");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("the region page lists the coming events with the feed; the event page carries schema.org Event", async () => {
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const ev = await api("/events", { method: "POST", body: JSON.stringify({ kind: "social_day", title: "Sozialer Tag Jena (Browsertest)", date, regionCode: JENA, organiserId: state.organiser.organisationId }) });
    assert.equal(ev.status, 201);
    const page = await t.newPage({ width: 390, height: 844 });
    await t.open(page, `/regions/${JENA}`);
    const item = page.locator(`#calendar [data-event-id="${ev.json.id}"]`);
    await item.waitFor();
    assert.match(await item.textContent(), /Sozialer Tag Jena \(Browsertest\)/);
    const feed = await page.getAttribute("#calendar [data-calendar-feed]", "href");
    const ics = await fetch(t.base + feed);
    assert.match(ics.headers.get("content-type"), /^text\/calendar/);
    assert.match(await ics.text(), new RegExp(`UID:event-${ev.json.id}@`));
    await t.screenshot(page, "region-calendar-390", { locator: page.locator("#calendar") });
    await item.locator(`a[href="/events/${ev.json.id}"]`).click();
    await page.waitForURL(new RegExp(`/events/${ev.json.id}$`));
    const ld = JSON.parse(await page.textContent('script[type="application/ld+json"]'));
    assert.equal(ld["@type"], "Event");
    assert.equal(ld.startDate, date);
    assert.equal(ld.organizer?.name, state.organiser.name);
    await t.screenshot(page, "event-page-390");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
