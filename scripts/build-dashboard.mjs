// Builds the dashboard into dist/dashboard (the Worker's static assets): copies dashboard/public
// and bundles two entries with esbuild — js/main.js (the dashboard; each page and the map/graph
// plugins are lazy chunks) and js/embed.js (the client of the /embed/* pages). Writes
// dist/dashboard-meta.json (esbuild metafile, outside the assets) for the size report of `npm run bench`.
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

const out = "dist/dashboard";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
if (existsSync("dashboard/public")) cpSync("dashboard/public", out, { recursive: true });
// The project's docs are served as they are (/docs/metrics.md …): printed reports link to them.
if (existsSync("docs")) cpSync("docs", join(out, "docs"), { recursive: true });
const entries = ["dashboard/src/main.ts", "dashboard/src/embed.ts"].filter((f) => existsSync(f));
const result = await build({
  entryPoints: entries,
  outdir: join(out, "js"),
  bundle: true,
  minify: true,
  format: "esm",
  splitting: true,
  target: "es2022",
  sourcemap: false,
  metafile: true,
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  logLevel: "warning",
});
writeFileSync("dist/dashboard-meta.json", JSON.stringify(result.metafile));
let total = 0;
for (const file of Object.keys(result.metafile.outputs)) total += gzipSync(readFileSync(file)).length;
console.log(`dashboard built into ${out} (${entries.length} entries, ${Object.keys(result.metafile.outputs).length} files, ${Math.round(total / 1024)} KB JS gzip in all)`);
