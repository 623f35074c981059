// Checklists, printable forms and round-table minutes through the real pages (docs/checklists.md,
// docs/round-tables.md): a coordinator makes the checklist of a new action day from the template
// at phone size; the items due before today show as overdue; ticking one clears it; an own item
// typed with a German date ("03.10.2026") is added; a marketplace shows its checklist as a tab;
// each blank form's print view is exactly one A4 page (all four: four pages); the minutes of a
// round-table meeting are kept on a phone and print on one A4 page; the demo data's round tables
// of Brandenburg and Arnhem (Dutch) have minutes, and its events have checklists.
export default function checklists(t) {
  const { test, assert } = t;
  const api = async (method, path, body) => {
    const res = await fetch(`${t.base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${t.adminToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const today = new Date().toISOString().slice(0, 10);
  const daysFrom = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const german = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const pdfPages = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const run = Date.now() % 100000;

  test("a new action day's checklist from the template at 390 px: overdue items show, ticking clears one, an own item with a German date", async () => {
    // Five weeks ahead: "win partners" (six months before), "invite" (three months) … are overdue.
    const date = daysFrom(today, 35);
    const event = await api("POST", "/events", { kind: "action_day", title: `Aktionstag Essen ${run}`, date, regionCode: "05113" });
    const page = await t.newPage({ role: "coordinator", width: 390, height: 844 });
    await t.open(page, `/events/${event.id}/checklist`);
    await page.getByRole("button", { name: "Checkliste aus der Vorlage anlegen" }).click();
    await page.locator(".cl-item").first().waitFor();
    const items = page.locator(".cl-item");
    const overdue = page.locator('.cl-item[data-overdue="true"]');
    const total = await items.count();
    const late = await overdue.count();
    assert.ok(total >= 8, `the action-day template has its items (${total})`);
    assert.ok(late >= 3, `items due more than five weeks before the day are overdue (${late})`);
    assert.equal(await overdue.first().locator(".cl-badge").textContent(), "überfällig");
    assert.match(await overdue.first().textContent(), /Partner gewinnen/);
    assert.match(await page.locator("[data-counts]").textContent(), new RegExp(`0 von ${total} erledigt · ${late} überfällig`));
    // Not overdue: what is due after today.
    const lastDue = await items.last().locator("time").getAttribute("datetime");
    assert.ok(lastDue > today, "the items after the day are not due yet");
    assert.equal(await items.last().getAttribute("data-overdue"), "false");
    await t.screenshot(page, "checklist-phone-created");

    // Tick the first overdue item: it is done and no longer overdue.
    // By its id: once ticked it is no longer "the first overdue item".
    const id = await overdue.first().getAttribute("data-item");
    await page.locator(`.cl-item[data-item="${id}"] input[type=checkbox]`).check();
    await page.locator(`.cl-item[data-item="${id}"][data-overdue="false"].cl-done`).waitFor();
    assert.match(await page.locator("[data-counts]").textContent(), new RegExp(`1 von ${total} erledigt · ${late - 1} überfällig`));

    // Assign an item.
    const second = page.locator(".cl-item").nth(1);
    await second.locator("input[name=assignee]").fill("Frau Yılmaz");
    await second.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Gespeichert.").waitFor();

    // An own item, due yesterday, typed the German way: it is overdue at once.
    const yesterday = daysFrom(today, -1);
    await page.getByLabel("Was ist zu tun?").fill("Getränke beim Großmarkt bestellen");
    await page.getByLabel("Fällig am").fill(german(yesterday));
    await page.getByRole("button", { name: "Hinzufügen" }).click();
    const own = page.locator(".cl-item", { hasText: "Getränke beim Großmarkt bestellen" });
    await own.waitFor();
    assert.equal(await own.getAttribute("data-overdue"), "true");
    assert.equal(await own.locator("time").getAttribute("datetime"), yesterday);

    const stored = await api("GET", `/events/${event.id}/checklist`);
    assert.equal(stored.counts.total, total + 1);
    assert.equal(stored.counts.done, 1);
    assert.equal(stored.counts.overdue, late);
    assert.equal(stored.items.find((i) => i.title === "Getränke beim Großmarkt bestellen").dueOn, yesterday);
    assert.ok(stored.items.some((i) => i.assignee === "Frau Yılmaz"));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no horizontal scrolling at 390 px");
    await t.screenshot(page, "checklist-phone-worked");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("a marketplace's checklist is a tab of its workspace; in English the built-in items are English", async () => {
    const m = await api("POST", "/marketplaces", { title: `Gute Geschäfte Essen ${run}`, date: daysFrom(today, 100), regionCode: "05113", place: "Rathaus Essen" });
    await api("POST", `/events/${m.eventId}/checklist`, {});
    const page = await t.newPage({ role: "coordinator", locale: "en" });
    await t.open(page, `/marketplaces/${m.eventId}`);
    await page.locator('.marketplace-nav a[data-section="checklist"]').click();
    await page.locator(".cl-item").first().waitFor();
    assert.equal(await page.locator('.marketplace-nav a[data-section="checklist"]').getAttribute("aria-current"), "page");
    assert.match(await page.locator(".cl-items").textContent(), /Win partners/);
    assert.match(await page.locator(".cl-items").textContent(), /Thank everyone involved/);
    await t.screenshot(page, "checklist-marketplace-tab-en");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("each blank form prints on exactly one A4 page; all four on four pages", async () => {
    const page = await t.newPage({ role: "coordinator" });
    for (const [form, heading] of [["registration", "Anmeldung"], ["project", "Projektbeschreibung"], ["deal", "Deal-Bogen"], ["feedback", "Rückmeldung"]]) {
      await page.emulateMedia({ media: "screen" });
      await t.open(page, `/forms/print?form=${form}`);
      const sheet = page.locator(`.fp-sheet[data-form="${form}"]`);
      assert.equal(await sheet.locator("h1").textContent(), heading);
      assert.ok((await sheet.locator(".fp-line").count()) >= 6, `${form}: lines to write on`);
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator(".site-header").isVisible(), false, "no site header in print");
      assert.equal(await page.locator(".fp-toolbar").isVisible(), false, "no toolbar in print");
      await t.screenshot(page, `form-print-${form}`);
      assert.equal(pdfPages(await page.pdf({ format: "A4" })), 1, `${form}: one A4 page`);
    }
    await page.emulateMedia({ media: "screen" });
    await t.open(page, "/forms/print");
    assert.equal(await page.locator(".fp-sheet").count(), 4);
    await page.emulateMedia({ media: "print" });
    assert.equal(pdfPages(await page.pdf({ format: "A4" })), 4, "four forms, four pages");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("demo data: the round tables of Brandenburg and Arnhem with minutes (Arnhem's in Dutch), and checklists of the demo events", async () => {
    const brandenburg = (await api("GET", "/round-tables?region=12")).data.find((s) => s.title === "Runder Tisch engagierter Unternehmen Brandenburg");
    const arnhem = (await api("GET", "/round-tables?region=NL-ARN")).data.find((s) => s.title.startsWith("Ronde tafel"));
    assert.ok(brandenburg && brandenburg.meetings.length >= 3, "Brandenburg's series with its meetings");
    assert.ok(arnhem && arnhem.meetings.length >= 3, "Arnhem's series with its meetings");
    const latest = arnhem.meetings[0];
    assert.match(latest.title, /bijeenkomst/);
    const minutes = await api("GET", `/round-table-meetings/${latest.eventId}`);
    assert.ok(minutes.attendees.length >= 3 && minutes.decisions.length >= 1 && minutes.tasks.length >= 1, "minutes with attendees, decisions and tasks");
    const series = await api("GET", `/round-tables/${brandenburg.id}`);
    assert.ok(series.openTasks.some((x) => x.overdue), "an overdue open task in Brandenburg");
    const page = await t.newPage({ role: "admin", locale: "nl", width: 390, height: 844 });
    await t.open(page, `/round-tables/meetings/${latest.eventId}`);
    assert.equal(await page.locator("h2", { hasText: "Besluiten" }).count(), 1);
    assert.equal(await page.locator("[data-decisions] li").count(), minutes.decisions.length);
    await t.screenshot(page, "round-table-arnhem-nl");
    const event = (await api("GET", `/events?region=05113&kind=marketplace&to=${daysFrom(today, -400)}&limit=1`)).data[0];
    const list = await api("GET", `/events/${event.id}/checklist`);
    assert.equal(list.created, true, "a demo event has its checklist");
    assert.ok(list.counts.done > 0, "past items ticked in the demo");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("round table: the minutes of a meeting are kept on a phone and print on one A4 page", async () => {
    const org = await api("GET", "/organisations?region=05113&kind=company&limit=2");
    assert.equal(org.data.length, 2, "two companies of Essen in the demo data");
    const series = await api("POST", "/round-tables", { title: `Runder Tisch engagierter Unternehmen Essen ${run}`, regionCode: "05113" });
    const page = await t.newPage({ role: "coordinator", width: 390, height: 844 });
    await t.open(page, `/round-tables/${series.id}`);
    await page.getByLabel("Datum").fill(german(daysFrom(today, -14)));
    await page.getByLabel("Ort").fill("Haus der Technik");
    await page.getByRole("button", { name: "Treffen anlegen" }).click();
    await page.waitForURL(/\/round-tables\/meetings\/\d+$/);
    await page.locator("[data-meeting]").waitFor();
    const eventId = Number(page.url().split("/").pop());
    await api("PATCH", `/round-table-meetings/${eventId}`, { attendeeIds: org.data.map((o) => o.id) });
    await t.open(page, `/round-tables/meetings/${eventId}`);
    assert.equal(await page.locator("[data-attendee]").count(), 2);
    await page.getByLabel("Beschluss").fill("Im Frühjahr gibt es einen Aktionstag mit allen Mitgliedern.");
    await page.getByRole("button", { name: "Beschluss festhalten" }).click();
    await page.locator("[data-decisions] li").waitFor();
    await page.locator("form[data-form=task] input[name=task]").fill("Projektideen bei den Trägern sammeln");
    await page.getByLabel("Wer (teilnehmende Organisation)").selectOption({ index: 1 });
    await page.getByLabel("Bis wann").fill(german(daysFrom(today, -2)));
    await page.getByRole("button", { name: "Aufgabe festhalten" }).click();
    const task = page.locator("[data-tasks] li", { hasText: "Projektideen" });
    await task.waitFor();
    assert.equal(await task.getAttribute("data-overdue"), "true");
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no horizontal scrolling at 390 px");
    await t.screenshot(page, "round-table-minutes-phone");
    // The meeting is an event of kind round_table with both companies as participants.
    const event = await api("GET", `/events/${eventId}`);
    assert.equal(event.kind, "round_table");
    assert.deepEqual([...event.participantIds].sort(), org.data.map((o) => o.id).sort());

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("link", { name: "Protokoll drucken" }).click();
    await page.locator(".rt-minutes").waitFor();
    assert.match(await page.locator(".rt-minutes").textContent(), /Im Frühjahr gibt es einen Aktionstag/);
    await page.emulateMedia({ media: "print" });
    await t.screenshot(page, "round-table-minutes-print");
    assert.equal(pdfPages(await page.pdf({ format: "A4" })), 1, "the minutes on one A4 page");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
