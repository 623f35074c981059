// Browser tests: start `wrangler dev` on a free port with a fresh local D1, drive Debian's
// Chromium with playwright-core, save screenshots under test-output/. (Suites: test/e2e/*.e2e.mjs)
import { readdirSync } from "node:fs";
const suites = readdirSync(new URL(".", import.meta.url)).filter((f) => f.endsWith(".e2e.mjs"));
if (suites.length === 0) console.log("no browser suites yet");
for (const s of suites) await import(new URL(s, import.meta.url));
