// Keyboard: the skip link comes first, every control of a page is reached with Tab, and the focus
// is visible.
export default function keyboard(t) {
  const { test, assert } = t;
  const cases = [
    ["/", "anonymous"],
    ["/regions/05113", "admin"],
    ["/entry#deal", "coordinator"],
    ["/import", "admin"],
    ["/embed-builder", "anonymous"],
    ["/signin", "anonymous"],
  ];
  for (const [path, role] of cases) {
    test(`keyboard reaches every control on ${path} (${role})`, async () => {
      const page = await t.newPage({ role });
      await t.open(page, path);
      const r = await t.keyboardSweep(page, 700);
      assert.equal(r.first?.cls, "skip-link", "first Tab stop is the skip link");
      assert.deepEqual(r.missing, [], "controls never reached by Tab");
      assert.deepEqual(r.noOutline, [], "focused controls without a visible focus indicator");
      await page.keyboard.press("Shift+Tab");
      t.assertNoConsoleErrors(page);
      await page.close();
    });
  }

  test("keyboard reaches every control of an embed", async () => {
    const page = await t.newPage({ width: 800 });
    await page.goto(`${t.base}/embed/trend?region=05113`, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    const r = await t.keyboardSweep(page, 50);
    assert.deepEqual(r.missing, []);
    assert.deepEqual(r.noOutline, []);
    await page.close();
  });

  test("skip link moves the focus to the main content", async () => {
    const page = await t.newPage();
    await t.open(page, "/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    await page.close();
  });
}
