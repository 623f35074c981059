// Charts: the map's exported colour bar sits below the title with its tick labels right under it
// (PNG and SVG); tooltips carry units; conversion rates are drawn with their base (n) and small
// bases hatched as uncertain; the unfinished period is hatched in the series' own colour.
import { readFileSync } from "node:fs";

/** Text elements of an exported SVG: { text, x, y, size, bold }. */
const svgTexts = (svg) =>
  [...svg.matchAll(/<text[^>]* x="([-\d.]+)" y="([-\d.]+)"[^>]*font-size="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    size: Number(m[3]),
    bold: /font-weight="(bold|[6-9]00)"/.test(m[4]),
    text: m[5],
  }));

/** Moves the mouse over a grid of the canvas until its tooltip text matches `re`; returns the text. */
async function hoverUntil(page, re, selector = "canvas") {
  const box = await page.locator(selector).boundingBox();
  for (let gy = 0.05; gy < 1; gy += 0.04) {
    for (let gx = 0.03; gx < 1; gx += 0.03) {
      await page.mouse.move(box.x + box.width * gx, box.y + box.height * gy);
      const text = await page.locator(selector).getAttribute("data-tooltip");
      if (text && re.test(text)) return text;
    }
  }
  return (await page.locator(selector).getAttribute("data-tooltip")) ?? "";
}

export default function charts(t) {
  const { test, assert } = t;

  test("map export: colour bar below the title, tick labels right under the bar (SVG positions, PNG saved)", async () => {
    const page = await t.newPage({ width: 900 });
    await page.goto(`${t.base}/embed/map?metric=cooperations`, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    // On screen: the bar inside the map area, labels under it.
    const box = JSON.parse(await page.getAttribute("canvas", "data-legend-box"));
    assert.ok(box.y >= box.areaTop && box.ticksTop >= box.y + box.height && box.ticksTop - (box.y + box.height) <= 8, JSON.stringify(box));
    const svg = (await t.download(page, page.locator("[data-download=svg]"), "charts-map.svg")).bytes.toString("utf8");
    const png = await t.download(page, page.locator("[data-download=png]"), "charts-map.png");
    await t.screenshot(page, "charts-map-embed");
    const title = await page.textContent("h1");
    const texts = svgTexts(svg);
    const titleText = texts.find((x) => x.text === title.trim());
    assert.ok(titleText, `title in the SVG: ${title}`);
    // The legend frame: an unfilled 10 px high rectangle.
    const frames = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+)L([\d.]+) [\d.]+L[\d.]+ ([\d.]+)L[\d.]+ [\d.]+Z" fill="none"/g)].map((m) => ({
      x: Number(m[1]),
      top: Number(m[2]),
      right: Number(m[3]),
      bottom: Number(m[4]),
    }));
    const frame = frames.find((f) => Math.abs(f.bottom - f.top - 10) < 0.5 && f.right - f.x > 100);
    assert.ok(frame, "colour bar frame in the SVG");
    assert.ok(titleText.y + titleText.size * 0.3 < frame.top, `title (y ${titleText.y}) above the colour bar (top ${frame.top})`);
    const ticks = texts.filter((x) => x.x >= frame.x - 1 && x.x <= frame.right + 1 && x.y > frame.top && x.y < frame.bottom + 30);
    assert.ok(ticks.length >= 2, `tick labels next to the bar: ${JSON.stringify(ticks)}`);
    for (const tk of ticks) assert.ok(tk.y - frame.bottom >= 0 && tk.y - frame.bottom <= 8, `tick "${tk.text}" at ${tk.y}, bar bottom ${frame.bottom}`);
    assert.ok(ticks.some((x) => x.text === "0"), "the scale starts at 0");
    // One colour bar only (the map plugin's own legend, placed against the canvas corner, is off).
    for (const tk of ticks) assert.equal(texts.filter((x) => x.text === tk.text && !ticks.includes(x)).length, 0, `"${tk.text}" drawn once`);
    // The PNG is the same drawing at twice the size (looked at: test-output/downloads/charts-map.png).
    assert.ok(png.bytes.readUInt32BE(16) >= 2400);
    assert.ok(readFileSync(png.path).length > 10_000);
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("tooltips carry units: per-capita with inhabitants, counts, euros, rates with their base", async () => {
    const cases = [
      ["map?metric=cooperations", /Kooperationen je 100 000 Einw\.[\s\S]*\d Kooperationen · [\d.]+ Einwohner/],
      ["ranking?metric=cooperations", /Kooperationen je 100 000 Einw\.[\s\S]*[\d.]+ Einwohner/],
      ["formats?region=05113", /: \d+ Kooperationen/],
      ["contributions?region=DE", /[\d.]+\s€/],
      ["conversion?region=05113", /[\d,]+\s%\s\(n = [\d.]+\) · [\d.]+ Paare/],
      ["trend?region=05113&metric=hours", /[\d.]+ Stunden/],
      ["trend?region=05113&metric=cooperations&locale=en", /\d+ cooperations/],
    ];
    for (const [path, re] of cases) {
      const page = await t.newPage({ width: 800 });
      // Ready when the chart is drawn (the embed sets data-ready); no wait for network silence.
      await page.goto(`${t.base}/embed/${path}`, { waitUntil: "load" });
      await page.locator("body[data-ready=true]").waitFor();
      const text = await hoverUntil(page, re);
      assert.match(text, re, path);
      if (path.startsWith("map")) await t.screenshot(page, "charts-map-tooltip", { fullPage: false });
      t.assertNoConsoleErrors(page);
      await page.close();
    }
  });

  test("conversion: every rate with its base (n), rates from few pairs hatched and noted as uncertain", async () => {
    const api = await (await fetch(`${t.base}/api/v1/conversion?region=05113&by=format`)).json();
    const page = await t.newPage({ width: 800 });
    await page.goto(`${t.base}/embed/conversion?region=05113`, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    const index = JSON.parse(await page.textContent("#chart-data"));
    const rows = index.loaded.data.rows.filter((r) => r.rate !== null);
    assert.ok(rows.length > 0);
    const cells = await page.locator("table tbody tr td:last-child").allTextContents();
    for (const r of rows) assert.ok(cells.some((c) => c.includes(`(n = ${r.pairs})`)), `rate cell with n = ${r.pairs}: ${cells}`);
    const small = rows.filter((r) => typeof r.pairs === "number" && r.pairs < 20);
    const source = await page.textContent(".chart-source");
    if (small.length) assert.match(source, /Schraffiert: Quote aus weniger als 20 Paaren, unsicher/);
    assert.equal(cells.filter((c) => c.includes("unsicher")).length, small.length);
    const svg = (await t.download(page, page.locator("[data-download=svg]"), "charts-conversion.svg")).bytes.toString("utf8");
    for (const r of rows) assert.ok(svg.includes(`(n = ${r.pairs})`), `SVG label with n = ${r.pairs}`);
    const stripes = (svg.match(/stroke="#ffffff" stroke-width="1\.5"/g) ?? []).length;
    assert.ok(small.length === 0 || stripes >= small.length, `hatched bars: ${stripes}`);
    assert.deepEqual(
      index.loaded.data.rows.map((r) => r.pairs),
      index.loaded.data.rows.map((r) => api.rows.find((x) => x.format === r.format).pairs),
    );
    await t.download(page, page.locator("[data-download=png]"), "charts-conversion.png");
    await t.screenshot(page, "charts-conversion");
    // At phone size the labels still fit (rate above its base), looked at in the screenshot.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.waitForTimeout(300);
    await t.screenshot(page, "charts-conversion-390");
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("partial period: hatched columns in the series' full colour (SVG), noted under the chart", async () => {
    const page = await t.newPage({ width: 800 });
    await page.goto(`${t.base}/embed/formats?region=DE`, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    const data = JSON.parse(await page.textContent("#chart-data")).loaded.data;
    assert.ok(data.partial.some(Boolean), "the demo's current year is partial");
    assert.match(await page.textContent(".chart-source"), /schraffierte Säule/);
    const svg = (await t.download(page, page.locator("[data-download=svg]"), "charts-formats.svg")).bytes.toString("utf8");
    assert.ok(!/fill-opacity/.test(svg.replace(/<text[^>]*>/g, "")), "no faded fills");
    assert.ok((svg.match(/stroke="#ffffff" stroke-width="1\.5"/g) ?? []).length >= 1, "stripes over the partial columns");
    await t.download(page, page.locator("[data-download=png]"), "charts-formats.png");
    await t.screenshot(page, "charts-formats-partial");
    t.assertNoConsoleErrors(page);
    await page.close();
  });
}
