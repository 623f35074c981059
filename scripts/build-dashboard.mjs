// Builds the dashboard into dist/dashboard (the Worker's static assets): copies dashboard/public
// and bundles every dashboard/src/pages/*.ts entry with esbuild (minified, one file per page).
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const out = "dist/dashboard";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
if (existsSync("dashboard/public")) cpSync("dashboard/public", out, { recursive: true });
const pagesDir = "dashboard/src/pages";
const entries = existsSync(pagesDir) ? readdirSync(pagesDir).filter((f) => f.endsWith(".ts")).map((f) => join(pagesDir, f)) : [];
if (entries.length) {
  await build({
    entryPoints: entries,
    outdir: join(out, "js"),
    bundle: true,
    minify: true,
    format: "esm",
    splitting: true,
    target: "es2022",
    sourcemap: false,
    logLevel: "warning",
  });
}
console.log(`dashboard built into ${out} (${entries.length} page bundles)`);
