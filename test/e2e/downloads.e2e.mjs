// Downloads: PNG at print resolution (≥ 2400 px wide), SVG (vector, same labels as the chart),
// CSV (the chart's data, matching its table) — from an embed and from a dashboard figure; and the
// CSV export of the isolated organisations.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";

const pngSize = (buf) => ({ width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });
/** Rows of a CSV file (no quoted separators in these files); German Excel dialect uses ";". */
const parseCsv = (text, sep = ";") => {
  assert.ok(text.startsWith("\uFEFF"), "UTF-8 byte-order mark (Excel reads umlauts)");
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/)
    .map((l) => l.split(sep));
};

export default function downloads(t) {
  const { test, assert } = t;

  test("embed downloads: PNG ≥ 2400 px, SVG with the chart's labels, CSV matching the data", async () => {
    // Essen, after earlier suites wrote deals there and the axe suite loaded this very embed in the
    // same browser: the page is revalidated (ETag), so it shows today's figures, as the API does.
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

    // German Excel dialect (the embed's locale is de): ";", German headers, ja/nein.
    const csv = await t.download(page, page.locator("[data-download=csv]"), "embed-formats.csv");
    const rows = parseCsv(csv.bytes.toString("utf8"));
    assert.equal(rows[0][0], "Zeitraum");
    assert.ok(rows[0].includes("Marktplatz") && rows[0].includes("Aktionstag"), rows[0].join("|"));
    assert.equal(rows[0].at(-1), "unvollständig");
    assert.ok(rows.slice(1).every((r) => r.length === rows[0].length && ["ja", "nein"].includes(r.at(-1))), "one cell per column, ja/nein");
    const tableRows = await page.locator("table tbody tr").count();
    assert.equal(rows.length - 1, tableRows, "one CSV row per table row");
    // The CSV equals the API's figures.
    const api = await (await fetch(`${t.base}/api/v1/regions/05113/trend?metric=cooperations&interval=year&format=marketplace`)).json();
    const col = rows[0].indexOf("Marktplatz");
    for (const p of api.points) {
      const line = rows.find((r) => r[0] === p.period);
      assert.equal(line[col], String(p.value), `marketplace ${p.period}`);
    }
    t.assertNoConsoleErrors(page);
    await page.close();
  });

  test("chart CSVs: English with ',' and the API's keys for locale=en; decimal comma for de", async () => {
    const page = await t.newPage({ width: 900 });
    await page.goto(`${t.base}/embed/formats?region=05113&locale=en`, { waitUntil: "networkidle" });
    await page.locator("body[data-ready=true]").waitFor();
    const en = parseCsv((await t.download(page, page.locator("[data-download=csv]"), "embed-formats-en.csv")).bytes.toString("utf8"), ",");
    assert.equal(en[0][0], "period");
    assert.ok(en[0].includes("marketplace"));
    assert.equal(en[0].at(-1), "partial");
    assert.ok(en.slice(1).every((r) => ["yes", "no"].includes(r.at(-1))));
    // Rates: decimal comma in German, point in English; same figures as the API.
    const api = await (await fetch(`${t.base}/api/v1/conversion?region=05113&by=format`)).json();
    const withRate = api.rows.find((r) => typeof r.rate === "number" && r.rate % 1 !== 0);
    assert.ok(withRate, "a fractional rate in the demo data");
    for (const [locale, sep, file] of [
      ["de", ";", "conv-de.csv"],
      ["en", ",", "conv-en.csv"],
    ]) {
      await page.goto(`${t.base}/embed/conversion?region=05113&locale=${locale}`, { waitUntil: "networkidle" });
      await page.locator("body[data-ready=true]").waitFor();
      const rows = parseCsv((await t.download(page, page.locator("[data-download=csv]"), file)).bytes.toString("utf8"), sep);
      const rateCol = rows[0].indexOf(locale === "de" ? "Quote" : "rate");
      assert.ok(rateCol > 0, rows[0].join("|"));
      const expected = String(Math.round(withRate.rate * 10000) / 10000);
      const cell = locale === "de" ? expected.replace(".", ",") : expected;
      assert.ok(rows.some((r) => r[rateCol] === cell), `${locale}: rate ${cell} in ${JSON.stringify(rows)}`);
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
    assert.deepEqual(csv[0], ["AGS", "Region", "Einwohner", "Kooperationen", "Kooperationen je 100 000 Einw."]);
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
    assert.match(csv, /^\uFEFFID;Name;Art;Partner;Betweenness \(Vermittlung\);Zwei-Schritt-Reichweite;PageRank;/);
    assert.match(csv, /\r\n\d+;[^\r\n]*;\d+,\d+;/, "decimal comma in German");
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
