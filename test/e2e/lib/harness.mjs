// The e2e harness: a tiny test registry (sequential, each test isolated in its own page) and
// helpers for what every suite checks — console errors, drawn canvases, screenshots, downloads,
// signing in as a role, and keyboard reachability.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function createContext({ context, base, hostBase, adminToken, outDir }) {
  const tests = [];
  let passed = 0;
  let failed = 0;
  const tokens = {};

  /** Registers a test: `test("name", async (page) => …)`. */
  const test = (name, fn) => tests.push({ name, fn });

  /** A fresh page that records console errors and uncaught exceptions. */
  async function newPage({ role = "anonymous", locale = "de", width = 1280, height = 900 } = {}) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    page.errors = [];
    page.allowedErrors = [];
    page.on("console", (m) => {
      if (m.type() === "error") page.errors.push(`console.error: ${m.text()}`);
    });
    page.on("pageerror", (e) => page.errors.push(`pageerror: ${e.message}`));
    page.setDefaultTimeout(60_000);
    // Role and language live in localStorage of the dashboard's origin: set them before the first
    // script of the first page in this tab runs (later sign-ins/outs in the tab then stick).
    const token = role === "anonymous" ? null : await tokenFor(role);
    await page.addInitScript(
      ([origin, t, l]) => {
        if (location.origin !== origin || window.top !== window) return;
        try {
          if (sessionStorage.getItem("ka.e2e")) return;
          sessionStorage.setItem("ka.e2e", "1");
          if (t) localStorage.setItem("ka.token", t);
          else localStorage.removeItem("ka.token");
          localStorage.setItem("ka.locale", l);
        } catch {
          /* storage not available in this document */
        }
      },
      [base, token, locale],
    );
    return page;
  }

  /** A bearer token of a role (admin: the bootstrap secret; others created once through the API). */
  async function tokenFor(role) {
    if (role === "admin") return adminToken;
    if (tokens[role]) return tokens[role];
    const body = { name: `e2e ${role}`, role, regions: role === "coordinator" ? ["05113"] : [] };
    const res = await fetch(`${base}/api/v1/tokens`, { method: "POST", headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    assert.equal(res.status, 201, `creating a ${role} token`);
    tokens[role] = (await res.json()).token;
    return tokens[role];
  }

  /** Opens a dashboard path and waits until the page has rendered (no aria-busy, network idle). */
  async function open(page, path) {
    await page.goto(base + path, { waitUntil: "networkidle" });
    await page.waitForFunction(() => !document.getElementById("main")?.hasAttribute("aria-busy"), null, { timeout: 60_000 });
    await page.waitForTimeout(150);
  }

  /** Asserts that no console error or uncaught exception happened (except allowed patterns). */
  function assertNoConsoleErrors(page) {
    const errors = page.errors.filter((e) => !page.allowedErrors.some((re) => re.test(e)));
    assert.deepEqual(errors, [], "console errors");
  }

  /** Every canvas in the page (or frame, or element of a locator) is drawn: several distinct colours, not just a background. */
  async function assertChartsDrawn(frame, min = 1) {
    const stats = await frame.evaluate((el) =>
      [...(el instanceof Element ? el : document).querySelectorAll("canvas")].map((c) => {
        const ctx = c.getContext("2d");
        if (!c.width || !c.height || !ctx) return { w: c.width, h: c.height, colours: 0 };
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2] | (data[i + 3] === 0 ? 1 << 24 : 0));
        return { w: c.width, h: c.height, colours: colours.size };
      }),
    );
    assert.ok(stats.length >= min, `expected at least ${min} canvases, found ${stats.length}`);
    for (const s of stats) assert.ok(s.colours >= 4, `a canvas (${s.w}×${s.h}) looks blank (${s.colours} colours)`);
    return stats.length;
  }

  /** Saves a screenshot of the page (full length) or, with `opts.locator`, of one element. */
  async function screenshot(page, name, opts = {}) {
    const path = join(outDir, "screenshots", `${name}.png`);
    if (opts.locator) await opts.locator.screenshot({ path });
    else await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  }

  /** Clicks a download button and returns { name, path, bytes }. */
  async function download(page, locator, saveAs) {
    const [d] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), locator.click()]);
    const path = join(outDir, "downloads", saveAs ?? d.suggestedFilename());
    await d.saveAs(path);
    return { name: d.suggestedFilename(), path, bytes: readFileSync(path) };
  }

  /**
   * Tabs through the page and returns the set of interactive elements that never got focus (and
   * whether the focused element always showed a visible outline).
   */
  async function keyboardSweep(page, maxTabs = 400) {
    await page.evaluate(() => {
      document.querySelectorAll("[data-kbd-id]").forEach((e) => e.removeAttribute("data-kbd-id"));
      let i = 0;
      const visible = (e) => {
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && !e.closest("[hidden]") && !e.closest("details:not([open]) > :not(summary)");
      };
      // A radio group is one Tab stop (its checked radio); arrow keys move within it.
      for (const e of document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([type=radio]):not([disabled]), input[type=radio]:checked:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex="0"], iframe')) {
        if (visible(e) || e.classList.contains("skip-link")) e.setAttribute("data-kbd-id", String(i++));
      }
      // Start the Tab sequence at the top of the document.
      document.body.setAttribute("tabindex", "-1");
      document.body.focus();
      document.body.removeAttribute("tabindex");
      window.scrollTo(0, 0);
    });
    const reached = new Set();
    const noOutline = [];
    let first = null;
    for (let n = 0; n < maxTabs; n++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const outlined = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
        return { id: e.getAttribute("data-kbd-id"), tag: e.tagName, text: (e.textContent ?? "").trim().slice(0, 40), cls: e.className, outlined, iframe: e.tagName === "IFRAME" };
      });
      if (!info) continue;
      if (n === 0) first = info;
      if (info.id !== null) {
        // Back at the first stop: the sequence has wrapped around. (Date inputs keep the focus
        // for several Tabs while moving between day, month and year.)
        if (first && info.id === first.id && reached.size > 1) break;
        reached.add(info.id);
      }
      if (!info.outlined && !info.iframe) noOutline.push(`${info.tag}.${info.cls} "${info.text}"`);
    }
    const missing = await page.evaluate(
      (ids) =>
        [...document.querySelectorAll("[data-kbd-id]")]
          .filter((e) => !ids.includes(e.getAttribute("data-kbd-id")))
          .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? e.getAttribute("name") ?? "").trim().slice(0, 40)}"`),
      [...reached],
    );
    return { first, reached: reached.size, missing, noOutline };
  }

  async function runAll() {
    for (const t of tests) {
      const started = Date.now();
      try {
        await t.fn();
        passed++;
        console.log(`  ✔ ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`  ✘ ${t.name}\n      ${String(e?.stack ?? e).split("\n").slice(0, 6).join("\n      ")}`);
      }
    }
  }

  return { base, hostBase, adminToken, context, test, newPage, open, tokenFor, assertNoConsoleErrors, assertChartsDrawn, screenshot, download, keyboardSweep, runAll, summary: () => ({ passed, failed }), assert };
}
