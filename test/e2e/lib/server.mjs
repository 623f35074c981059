// Starts the Worker for browser tests and benchmarks: builds the dashboard, migrates a fresh local
// D1 in a temporary --persist-to folder, loads the demo data and runs `wrangler dev` on a free
// port. `stop()` ends wrangler (its whole process group) and removes the state.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export async function waitFor(url, ms) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
      last = r.status;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after ${ms} ms (${last})`);
}

/** Builds, seeds and serves; returns { base, adminToken, stop }. */
export async function startWorker({ log = () => undefined, build = true } = {}) {
  if (build) {
    log("building the dashboard");
    execFileSync("node", ["scripts/build-dashboard.mjs"], { cwd: root, stdio: "inherit", env });
  }
  const state = mkdtempSync(join(tmpdir(), "ka-dev-"));
  const wrangler = (args) => execFileSync("npx", ["wrangler", ...args, "--persist-to", state], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  let dev = null;
  const stop = async () => {
    if (dev && dev.exitCode === null) {
      await new Promise((resolve) => {
        dev.once("exit", resolve);
        try {
          process.kill(-dev.pid, "SIGTERM");
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            process.kill(-dev.pid, "SIGKILL");
          } catch {
            /* already gone */
          }
          resolve();
        }, 5000).unref();
      });
    }
    rmSync(state, { recursive: true, force: true });
  };
  try {
    log("migrating a fresh local D1 and loading the demo data");
    wrangler(["d1", "migrations", "apply", "DB", "--local"]);
    const demo = join(state, "demo.sql");
    execFileSync("npx", ["tsx", "scripts/demo/generate.ts", "--out", demo], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    wrangler(["d1", "execute", "DB", "--local", "--file", demo]);
    const port = await freePort();
    const adminToken = "ka_test_" + randomBytes(16).toString("hex");
    log(`starting wrangler dev on :${port}`);
    dev = spawn("npx", ["wrangler", "dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--var", `ADMIN_TOKEN:${adminToken}`], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let devLog = "";
    dev.stdout.on("data", (c) => (devLog = (devLog + c).slice(-20_000)));
    dev.stderr.on("data", (c) => (devLog = (devLog + c).slice(-20_000)));
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/me`, 90_000).catch((e) => {
      console.error(devLog.slice(-3000));
      throw e;
    });
    return { base, adminToken, stop, log: () => devLog };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Chromium launch options (Debian's browser, no downloads of its own). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
