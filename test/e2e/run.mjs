// Browser tests. Starts `wrangler dev` on a free port with a fresh local D1 (migrations + demo
// data), serves a plain HTML page on another port that iframes an embed, drives Debian's Chromium
// through playwright-core, runs every test/e2e/*.e2e.mjs suite, saves screenshots under
// test-output/screenshots/, prints "N passed, M failed" and exits non-zero on any failure.
// wrangler, the host server and the browser are always stopped.
//
//   npm run test:e2e            (E2E_ONLY=overview to run the suites whose file name contains it)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { createContext } from "./lib/harness.mjs";
import { CHROMIUM, CHROMIUM_ARGS, freePort, root, startWorker } from "./lib/server.mjs";

const cleanups = [];
let exitCode = 1;

const step = (msg) => console.log(`e2e: ${msg}`);

try {
  if (!existsSync(CHROMIUM)) throw new Error(`e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  const worker = await startWorker({ log: step });
  cleanups.push(() => worker.stop());
  const { base, adminToken } = worker;
  step("warming the snapshots (first metrics request computes them)");
  await fetch(`${base}/api/v1/metrics`, { headers: { Authorization: `Bearer ${adminToken}` } }).then((r) => r.text());

  // A plain page of "another website" that embeds a chart with the builder's snippet.
  const hostPort = await freePort();
  const host = createServer((req, res) => {
    const url = new URL(req.url, `http://localhost:${hostPort}`);
    const snippet = url.searchParams.get("snippet") ?? "";
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Jahresbericht (Testseite)</title><link rel="icon" href="data:,"></head>
<body style="font-family:sans-serif;max-width:900px;margin:2rem auto"><h1>Jahresbericht 2026</h1><p>Ein Diagramm aus dem Kooperationsatlas:</p>
${snippet}
<p id="after">Text nach dem Diagramm.</p></body></html>`);
  });
  await new Promise((r) => host.listen(hostPort, "127.0.0.1", r));
  cleanups.push(() => new Promise((r) => host.close(r)));
  // "localhost" vs "127.0.0.1": a different origin than the dashboard, as on a real website.
  const hostBase = `http://localhost:${hostPort}`;

  const userDataDir = mkdtempSync(join(tmpdir(), "ka-chromium-"));
  cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
  step("launching Chromium");
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: "de-DE",
  });
  cleanups.push(() => context.close().catch(() => undefined));

  const outDir = join(root, "test-output");
  rmSync(join(outDir, "screenshots"), { recursive: true, force: true });
  mkdirSync(join(outDir, "screenshots"), { recursive: true });
  mkdirSync(join(outDir, "downloads"), { recursive: true });
  const ctx = createContext({ context, base, hostBase, adminToken, outDir });

  const only = process.env.E2E_ONLY;
  const suites = readdirSync(new URL(".", import.meta.url))
    .filter((f) => f.endsWith(".e2e.mjs") && (!only || f.includes(only)))
    .sort();
  for (const s of suites) {
    step(`suite ${s}`);
    const mod = await import(new URL(s, import.meta.url));
    await mod.default(ctx);
  }
  await ctx.runAll();
  const { passed, failed } = ctx.summary();
  console.log(`\nscreenshots: ${join("test-output", "screenshots")}`);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (e) {
  console.error(e?.stack ?? e);
  exitCode = 1;
} finally {
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch {
      /* keep cleaning */
    }
  }
  process.exit(exitCode);
}
