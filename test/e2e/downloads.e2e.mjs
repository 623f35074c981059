// Downloads: PNG at print resolution (≥ 2400 px wide), SVG (vector, same labels as the chart),
// CSV (the chart's data, matching its table) — from an embed and from a dashboard figure; and the
// CSV export of the isolated organisations.
import { writeFileSync } from "node:fs";

const pngSize = (buf) => ({ width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });
const parseCsv = (text) =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/)
    .map((l) => l.split(","));

export default function downloads(t) {
  const { test, assert } = t;

  test("embed downloads: PNG ≥ 2400 px, SVG with the chart's labels, CSV matching the data", async () => {
    const page = await t.newPage({ width: 900 });
    await page.goto(`${t.base}/embed/formats?region=05113`, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    const png = await t.download(page, page.locator("[data-download=png]"), "embed-formats.png");
    assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature");
    const size = pngSize(png.bytes);
    assert.ok(size.width >= 2400, `PNG width ${size.width}`);
    assert.match(png.name, /\.png$/);

    const svg = await t.download(page, page.locator("[data-download=svg]"), "embed-formats.svg");
    const text = svg.bytes.toString("utf8");
    assert.match(text, /^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok((text.match(/<path /g) ?? []).length > 20, "vector shapes");
    for (const label of ["Marktplatz", "Aktionstag", "2024", "Kooperationen nach Format und Jahr"]) assert.ok(text.includes(label), `SVG has ${label}`);
    // Well-formed XML: the browser parses it without a parser error.
    const parseError = await page.evaluate((s) => new DOMParser().parseFromString(s, "image/svg+xml").querySelector("parsererror")?.textContent ?? null, text);
    assert.equal(parseError, null);

    const csv = await t.download(page, page.locator("[data-download=csv]"), "embed-formats.csv");
    const rows = parseCsv(csv.bytes.toString("utf8"));
    assert.equal(rows[0][0], "period");
    assert.ok(rows[0].includes("marketplace"));
    const tableRows = await page.locator("table tbody tr").count();
    assert.equal(rows.length - 1, tableRows, "one CSV row per table row");
    // The CSV equals the API's figures.
    const api = await (await fetch(`${t.base}/api/v1/regions/05113/trend?metric=cooperations&interval=year&format=marketplace`)).json();
    const col = rows[0].indexOf("marketplace");
    for (const p of api.points) {
      const line = rows.find((r) => r[0] === p.period);
      assert.equal(line[col], String(p.value), `marketplace ${p.period}`);
    }
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("map downloads: PNG and SVG of the choropleth with the BKG attribution", async () => {
    const page = await t.newPage({ width: 900 });
    await page.goto(`${t.base}/embed/map?metric=cooperations`, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    const png = await t.download(page, page.locator("[data-download=png]"), "embed-map.png");
    assert.ok(pngSize(png.bytes).width >= 2400);
    const svg = (await t.download(page, page.locator("[data-download=svg]"), "embed-map.svg")).bytes.toString("utf8");
    assert.ok((svg.match(/<path /g) ?? []).length >= 400, "one path per district at least");
    assert.ok(svg.includes("© GeoBasis-DE / BKG"), "attribution in the SVG");
    const csv = parseCsv((await t.download(page, page.locator("[data-download=csv]"), "embed-map.csv")).bytes.toString("utf8"));
    assert.deepEqual(csv[0], ["region_code", "region_name", "population", "cooperations", "cooperations_per_100k"]);
    assert.ok(csv.some((r) => r[0] === "05113"));
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("dashboard figure downloads and the isolated-organisations CSV export", async () => {
    const page = await t.newPage({ role: "admin" });
    await t.open(page, "/regions/05113");
    const fig = page.locator("figure[data-chart=network]");
    const png = await t.download(page, fig.locator("[data-download=png]"), "network.png");
    assert.ok(pngSize(png.bytes).width >= 2400);
    const svg = (await t.download(page, fig.locator("[data-download=svg]"), "network.svg")).bytes.toString("utf8");
    assert.ok((svg.match(/<path /g) ?? []).length > 100, "nodes and edges as vectors");
    const csv = (await t.download(page, fig.locator("[data-download=csv]"), "network.csv")).bytes.toString("utf8");
    assert.match(csv, /^\uFEFFid,name,kind,partners/);
    const iso = await t.download(page, page.locator("[data-export=isolated-csv]"), "isolated-05113.csv");
    const text = iso.bytes.toString("utf8");
    assert.match(text.replace(/^\uFEFF/, ""), /^organisation_id;name;kind;region;status/);
    assert.ok(text.split("\n").length > 10);
    assert.match(text, /same region|open to cooperation/);
    t.assertNoConsoleErrors(page);
    await page.close();
    writeFileSync(png.path + ".ok", "");
  });
}
