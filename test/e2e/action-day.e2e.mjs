// An action day through the real pages (issue "Done when"; docs/action-days.md): the organiser
// creates a social day in Bochum; two non-profits submit projects and three companies register
// teams by link (one of each at 390 px, with German input); the organiser confirms them and has
// the assignment suggested — every project's places per day hold — then moves one team by hand;
// after the day one non-profit enters its results through its link (German numbers) and the
// organiser enters the other's; one cooperation per company–non-profit pair follows, and the
// public region page shows the new cooperations and volunteer hours. The lists print on A4.
//
// The action day is today, so registration is still open and results may already be entered.
export default function actionDay(t) {
  const { test, assert } = t;
  const REGION = "05911";
  const call = async (method, path, body, token = t.adminToken) => {
    const res = await fetch(`${t.base}/api/v1${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  const today = new Date().toISOString().slice(0, 10);
  const german = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const run = Date.now() % 100000;
  const state = {};

  /** The region's figures once computed from the data as it is now (`token` null: as the public sees them). */
  async function fresh(token = t.adminToken) {
    const until = Date.now() + 120_000;
    for (;;) {
      const body = await call("GET", `/regions/${REGION}/metrics`, undefined, token);
      if (body.stale !== true) return body;
      assert.ok(Date.now() < until, "region figures still stale after two minutes");
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  const PROJECTS = [
    { key: "spielplatz", phone: true, org: `Kita Regenbogen Bochum ${run} e.V.`, postcode: "44787", title: "Spielplatz streichen", wanted: "8", skills: "Streichen", bring: "Arbeitskleidung, Handschuhe" },
    { key: "garten", phone: false, org: `Tafel Wattenscheid ${run} e.V.`, postcode: "44866", title: "Gemüsegarten anlegen", wanted: "8", skills: "Garten" },
  ];
  const TEAMS = [
    { key: "maler", phone: false, org: `Stadtwerke Bochum ${run} GmbH`, postcode: "44789", size: "5", skills: "streichen" },
    { key: "gaertner", phone: true, org: `Sparkasse Bochum ${run}`, postcode: "44787", size: "4", skills: "Garten" },
    { key: "azubis", phone: false, org: `Elektro Brandt ${run} GmbH`, postcode: "44791", size: "3", skills: "" },
  ];

  test("action day 1: the organiser creates a social day with German dates", async () => {
    state.before = await fresh();
    const page = await t.newPage({ role: "admin" });
    await t.open(page, "/action-days");
    const form = page.locator("form[data-form=action-day-create]");
    state.title = `Sozialer Tag Bochum ${run}`;
    await form.locator("select[name=kind]").selectOption("social_day");
    await form.locator("input[name=title]").fill(state.title);
    await form.locator("input[name=date]").fill(german(today));
    await form.locator("input[name=regionCode]").fill(REGION);
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/\/action-days\/\d+$/);
    await page.locator("[data-project-page]").waitFor();
    state.eventId = Number(new URL(page.url()).pathname.split("/").pop());
    state.projectPage = await page.getAttribute("[data-project-page]", "href");
    state.teamPage = await page.getAttribute("[data-team-page]", "href");
    assert.notEqual(state.projectPage, state.teamPage);
    await t.screenshot(page, "action-day-01-created");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  async function register(entry, n, fill) {
    const page = await t.newPage(entry.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 });
    await page.setExtraHTTPHeaders({ "CF-Connecting-IP": `203.0.113.${n}` });
    await t.open(page, fill.path);
    await page.fill("input[name=orgName]", entry.org);
    await page.fill("input[name=postcode]", entry.postcode);
    await fill.fields(page);
    if (entry.phone) await t.screenshot(page, `action-day-02-${entry.key}-phone-filled`);
    await page.click("form[data-form=action-day] button[type=submit]");
    await page.locator("[data-edit-link]").waitFor();
    const link = await page.getAttribute("[data-edit-link]", "href");
    if (entry.phone) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${entry.key}: no sideways scrolling at 390 px (${width} px)`);
      await t.screenshot(page, `action-day-02-${entry.key}-phone-done`);
    }
    t.assertNoConsoleErrors(page);
    await page.close();
    return link;
  }

  test("action day 2: two projects and three teams register by link (one each at 390 px)", async () => {
    state.links = {};
    let n = 0;
    for (const p of PROJECTS) {
      state.links[p.key] = await register(p, ++n, {
        path: state.projectPage,
        fields: async (page) => {
          await page.fill("input[name=title]", p.title);
          await page.fill("textarea[name=description]", `${p.title}: gemeinsam an einem Tag schaffen, was allein Wochen dauert.`);
          await page.fill("input[name=place]", "Bochum");
          await page.fill("input[name=volunteersWanted]", p.wanted);
          await page.fill("input[name=skills]", p.skills);
          if (p.bring) await page.fill("input[name=bring]", p.bring);
          if (p.phone) {
            await page.fill("input[name=contactName]", "Jürgen Weiß");
            await page.fill("input[name=contactEmail]", "juergen.weiss@example.org");
            await page.check("input[name=consent]");
          }
        },
      });
    }
    for (const x of TEAMS) {
      state.links[x.key] = await register(x, ++n, {
        path: state.teamPage,
        fields: async (page) => {
          await page.fill("input[name=size]", x.size);
          await page.fill("input[name=skills]", x.skills);
        },
      });
    }
    const a = await call("GET", `/action-days/${state.eventId}`);
    assert.equal(a.projects.length, 2);
    assert.equal(a.teams.length, 3);
    assert.equal(a.projects.find((p) => p.title === "Spielplatz streichen").contactName, "Jürgen Weiß");
    assert.deepEqual(a.teams.map((x) => x.size), [5, 4, 3]);
  });

  const capacities = (page) =>
    page.$$eval("[data-capacity]", (els) => els.map((e) => ({ slot: e.getAttribute("data-capacity"), placed: Number(e.getAttribute("data-placed")), wanted: Number(e.getAttribute("data-wanted")) })));

  test("action day 3: confirmed, the suggested assignment keeps every project's places; the organiser moves one team", async () => {
    const page = await t.newPage({ role: "admin" });
    await t.open(page, `/action-days/${state.eventId}`);
    for (;;) {
      const button = page.locator("[data-approve]").first();
      if (!(await button.count())) break;
      const id = await button.getAttribute("data-approve");
      await button.click();
      await page.locator(`[data-registration="${id}"][data-status=approved]`).waitFor();
    }
    await page.click("[data-suggest]");
    await page.locator("[data-team] [data-reason]").first().waitFor();
    const caps = await capacities(page);
    assert.equal(caps.length, 2);
    for (const c of caps) assert.ok(c.placed <= c.wanted, `${c.slot}: ${c.placed} of ${c.wanted}`);
    assert.equal(caps.reduce((s, c) => s + c.placed, 0), 12, "every team placed");
    await t.screenshot(page, "action-day-03-suggested");
    const a = await call("GET", `/action-days/${state.eventId}`);
    state.ids = {
      projects: Object.fromEntries(PROJECTS.map((p) => [p.key, a.projects.find((q) => q.title === p.title).id])),
      teams: Object.fromEntries(TEAMS.map((x) => [x.key, a.teams.find((q) => q.orgName === x.org).id])),
    };
    const team = (key) => a.teams.find((x) => x.id === state.ids.teams[key]);
    assert.equal(team("maler").assignment.projectId, state.ids.projects.spielplatz, "the painters go where painting is wanted");
    assert.equal(team("gaertner").assignment.projectId, state.ids.projects.garten, "the gardeners go to the garden");
    // The organiser moves the trainees to the other project than the one suggested.
    const from = team("azubis").assignment.projectId;
    const to = from === state.ids.projects.spielplatz ? state.ids.projects.garten : state.ids.projects.spielplatz;
    await page.selectOption(`[data-move-select="${state.ids.teams.azubis}"]`, `${to}@${today}`);
    await page.click(`[data-move="${state.ids.teams.azubis}"]`);
    await page.locator(`[data-project="${to}"] [data-team="${state.ids.teams.azubis}"]`).waitFor();
    for (const c of await capacities(page)) assert.ok(c.placed <= c.wanted, `after the move ${c.slot}: ${c.placed} of ${c.wanted}`);
    const after = await call("GET", `/action-days/${state.eventId}`);
    assert.deepEqual(after.teams.find((x) => x.id === state.ids.teams.azubis).assignment, { ...after.teams.find((x) => x.id === state.ids.teams.azubis).assignment, projectId: to, source: "manual" });
    state.pairs = new Set(after.teams.map((x) => `${x.assignment.projectId}:${x.organisationId}`)).size;
    await t.screenshot(page, "action-day-03-moved");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("action day 4: the lists print on A4, one sheet per project and per team", async () => {
    const page = await t.newPage({ role: "admin" });
    await t.open(page, `/action-days/${state.eventId}/print`);
    await page.emulateMedia({ media: "print" });
    const sheets = await page.$$eval(".ad-sheet", (els) => els.map((e) => ({ kind: e.getAttribute("data-sheet"), width: e.getBoundingClientRect().width })));
    assert.equal(sheets.filter((s) => s.kind === "project").length, 2);
    assert.equal(sheets.filter((s) => s.kind === "team").length, 3);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    assert.ok(pdf.length > 1000);
    await page.emulateMedia({ media: "screen" });
    await t.screenshot(page, "action-day-04-print");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("action day 5: results after the day — by the non-profit's link (German numbers, 390 px) and by the organiser", async () => {
    const organiser = await t.newPage({ role: "admin" });
    await t.open(organiser, `/action-days/${state.eventId}`);
    await organiser.click(`[data-results-link="${state.ids.projects.spielplatz}"]`);
    const url = await organiser.locator("[data-results-url]").getAttribute("href");
    t.assertNoConsoleErrors(organiser);
    // Pages of one browser share the sign-in: the organiser's tab closes while the link is used.
    await organiser.close();
    const phone = await t.newPage({ width: 390, height: 844 });
    await t.open(phone, new URL(url).pathname + new URL(url).hash);
    await phone.fill("form[data-form=results] input[name=volunteers]", "8");
    await phone.fill("form[data-form=results] input[name=hours]", "40,5");
    await phone.fill("form[data-form=results] input[name=peopleReached]", "1.250");
    await phone.click("form[data-form=results] button[type=submit]");
    await phone.locator(".form-status.ok", { hasText: /gespeichert/ }).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `results page: no sideways scrolling at 390 px (${width} px)`);
    await t.screenshot(phone, "action-day-05-results-phone");
    t.assertNoConsoleErrors(phone);
    await phone.close();

    const organiserAgain = await t.newPage({ role: "admin" });
    await t.open(organiserAgain, `/action-days/${state.eventId}`);
    const box = organiserAgain.locator(`[data-project="${state.ids.projects.garten}"] details.ad-results-box`);
    await box.locator("summary").click();
    await box.locator("input[name=volunteers]").fill("7");
    await box.locator("input[name=hours]").fill("36");
    await box.locator("input[name=peopleReached]").fill("60");
    await box.locator("button[type=submit]").click();
    await organiserAgain.locator(`[data-cooperations="${state.pairs}"]`).waitFor({ timeout: 20_000 }).catch(async (err) => {
      await t.screenshot(organiserAgain, "action-day-05-results-failed");
      throw err;
    });
    await t.screenshot(organiserAgain, "action-day-05-results-entered");
    t.assertNoConsoleErrors(organiserAgain);
    await organiserAgain.close();
    const a = await call("GET", `/action-days/${state.eventId}`);
    assert.equal(a.projects.find((p) => p.id === state.ids.projects.spielplatz).results.peopleReached, 1250);
    assert.equal(a.projects.find((p) => p.id === state.ids.projects.spielplatz).results.hours, 40.5);
    assert.equal(a.cooperations, state.pairs);
  });

  test("action day 6: the public region page shows the new cooperations and volunteer hours", async () => {
    const after = await fresh();
    assert.equal(after.cooperations.total - state.before.cooperations.total, state.pairs, "one cooperation per company–non-profit pair");
    assert.ok(Math.abs(after.inputs.hours - state.before.inputs.hours - 76.5) < 0.01, `hours grew by 76.5 (${state.before.inputs.hours} → ${after.inputs.hours})`);
    const pub = await fresh(null);
    const page = await t.newPage();
    await t.open(page, `/regions/${REGION}`);
    const tiles = await page.textContent("main");
    const de = (n) => Math.round(n).toLocaleString("de-DE");
    assert.ok(tiles.includes(de(pub.inputs.hours)), `the page shows ${de(pub.inputs.hours)} hours`);
    assert.ok(tiles.includes(de(pub.cooperations.total)), `the page shows ${de(pub.cooperations.total)} cooperations`);
    await t.screenshot(page, "action-day-06-region");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("action day 7: the non-profit withdraws its consent through its edit link; the contact is gone", async () => {
    const page = await t.newPage({ width: 390, height: 844 });
    const link = new URL(state.links.spielplatz, t.base);
    await t.open(page, link.pathname + link.hash);
    assert.equal(await page.inputValue("input[name=contactName]"), "Jürgen Weiß");
    await page.click("[data-erase-contact]");
    await page.locator(".form-status.ok", { hasText: /gelöscht/ }).waitFor();
    await t.screenshot(page, "action-day-07-consent-withdrawn");
    t.assertNoConsoleErrors(page);
    await page.close();
    const a = await call("GET", `/action-days/${state.eventId}`);
    const p = a.projects.find((x) => x.title === "Spielplatz streichen");
    assert.equal(p.contactName, null);
    assert.equal(p.contactEmail, null);
  });
}
