// Accessibility: axe-core runs on every dashboard page (each role that sees something different,
// German and English, desktop and phone), every embed type (both themes) and the regional report,
// and finds no serious or critical violation (WCAG 2.1 A/AA rules and axe's best practices).
// axe's script is evaluated through the browser's debugging channel, which the pages' CSP does
// not govern (the pages themselves allow no inline script).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe in a page or frame; returns the serious and critical violations, described. */
export async function seriousViolations(frame) {
  if (!(await frame.evaluate(() => typeof window.axe === "object"))) await frame.evaluate(AXE_SOURCE);
  const result = await frame.evaluate(() =>
    window.axe.run(document, { iframes: false, resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} (${(n.failureSummary ?? "").split("\n").slice(1, 2).join("").trim()})`).join("; ")}`);
}

export default function axe(t) {
  const { test, assert } = t;
  const orgId = async () => {
    const res = await fetch(`${t.base}/api/v1/regions/05113/network`, { headers: { Authorization: `Bearer ${t.adminToken}` } });
    const net = await res.json();
    return net.nodes.filter((n) => n.inScope).sort((a, b) => b.degree - a.degree)[0].id;
  };
  const pages = [
    ["overview", "/", "anonymous"],
    ["overview-coordinator", "/", "coordinator"],
    ["region-public", "/regions/05113", "anonymous"],
    ["region-admin", "/regions/05113", "admin"],
    ["region-state-funder", "/regions/12", "funder"],
    ["organisation", orgId, "admin"],
    ["entry", "/entry", "coordinator"],
    ["import", "/import", "admin"],
    ["embed-builder", "/embed-builder", "anonymous"],
    ["signin", "/signin", "anonymous"],
    ["marketplace-results", "/marketplaces/300/results", "coordinator"],
  ];
  for (const [name, path, role] of pages) {
    for (const [locale, width] of [
      ["de", 1280],
      ["en", 390],
    ]) {
      test(`axe: page ${name} (${role}, ${locale}, ${width} px) has no serious or critical violations`, async () => {
        const page = await t.newPage({ role, locale, width });
        try {
          await t.open(page, typeof path === "function" ? `/organisations/${await path()}` : path);
          const found = await seriousViolations(page);
          assert.deepEqual(found, [], `${name}: ${found.join("\n")}`);
        } finally {
          await page.close();
        }
      });
    }
  }

  const embeds = [
    ["trend", "region=05113&metric=cooperations"],
    ["formats", "region=05113"],
    ["ranking", "metric=hours"],
    ["map", "metric=cooperations"],
    ["conversion", "region=05113"],
    ["contributions", "region=12"],
    ["marketplace", "event=300"],
  ];
  for (const [chart, q] of embeds) {
    test(`axe: embed ${chart} (light de, dark en, table open) has no serious or critical violations`, async () => {
      for (const extra of ["", "&theme=dark&locale=en"]) {
        const page = await t.newPage({ width: 800 });
        try {
          await page.goto(`${t.base}/embed/${chart}?${q}${extra}`, { waitUntil: "networkidle" });
          await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
          await page.locator("details.chart-table summary").click();
          const found = await seriousViolations(page);
          assert.deepEqual(found, [], `${chart}${extra}: ${found.join("\n")}`);
        } finally {
          await page.close();
        }
      }
    });
  }

  test("axe: the regional report has no serious or critical violations", async () => {
    const page = await t.newPage();
    try {
      await page.goto(`${t.base}/reports/05113?year=2025`, { waitUntil: "networkidle" });
      const found = await seriousViolations(page);
      assert.deepEqual(found, [], found.join("\n"));
    } finally {
      await page.close();
    }
  });

  test("axe finds what it should: a page with a known violation fails (the check is live)", async () => {
    const page = await t.newPage();
    try {
      await page.goto(`${t.hostBase}/?snippet=${encodeURIComponent('<p style="color:#aaa;background:#fff">Dieser Satz ist zu hell gesetzt.</p><img src="data:,">')}`);
      const found = await seriousViolations(page);
      assert.ok(found.some((v) => v.includes("image-alt")), found.join("\n"));
      assert.ok(found.some((v) => v.includes("color-contrast")), found.join("\n"));
    } finally {
      await page.close();
    }
  });
}
