// `wrangler dev` instances for the benchmarks: each gets a fresh local D1 in its own temporary
// --persist-to folder (removed by `stop()`), listens on loopback on a free port of the benchmark's
// range (BENCH_PORTS, default 8800-8899) and keeps the tail of its log for error messages.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };

const [PORT_LOW, PORT_HIGH] = (process.env.BENCH_PORTS ?? "8800-8899").split("-").map(Number);
const taken = new Set();

function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

/** A free loopback port of the benchmark's range (not handed out before by this process). */
export async function freePort() {
  for (let port = PORT_LOW; port <= PORT_HIGH; port++) {
    if (taken.has(port)) continue;
    if (await portFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${PORT_LOW}-${PORT_HIGH}`);
}

export async function waitFor(url, ms, isAlive = () => true) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    if (!isAlive()) throw new Error(`${url}: server exited`);
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.status < 500) return;
      last = r.status;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${ms} ms (${last})`);
}

/**
 * Runs a command in its own process group; kills the whole group after `timeoutMs` (wrangler's
 * local D1 commands start workerd, which now and then never answers) and rejects.
 */
export function run(cmd, args, { timeoutMs = 120_000, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out = (out + c).slice(-100_000)));
    child.stderr.on("data", (c) => (err = (err + c).slice(-20_000)));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
      reject(new Error(`${cmd} ${args.slice(0, 4).join(" ")}: no answer after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.slice(0, 4).join(" ")} exited with ${code}: ${err.slice(-2000)}`));
    });
  });
}

/** Runs wrangler with the given config against a persist folder. */
export function wranglerCli(args, { config, persistTo, timeoutMs }) {
  return run("npx", ["wrangler", ...args, ...(config ? ["-c", config] : []), "--persist-to", persistTo], { timeoutMs });
}

/**
 * A fresh temporary state folder, migrated; with the default demo data unless `demo` is false.
 * A wrangler command that hangs is retried with a new folder (up to three attempts).
 */
export async function prepareState({ config = null, demo = true, log = () => undefined } = {}) {
  for (let attempt = 1; ; attempt++) {
    const state = mkdtempSync(join(tmpdir(), "ka-bench-"));
    try {
      await wranglerCli(["d1", "migrations", "apply", "DB", "--local"], { config, persistTo: state, timeoutMs: 90_000 });
      if (demo) {
        const file = join(state, "demo.sql");
        log(`loading the demo data into a fresh local D1${config ? ` (${config})` : ""}`);
        await run("npx", ["tsx", "scripts/demo/generate.ts", "--out", file]);
        await wranglerCli(["d1", "execute", "DB", "--local", "--file", file], { config, persistTo: state, timeoutMs: 120_000 });
      }
      return state;
    } catch (e) {
      removeState(state);
      if (attempt >= 3) throw e;
      log(`${e.message.split("\n")[0]}; retrying`);
    }
  }
}

/**
 * Starts `wrangler dev` (the application, or another config) on `state`; returns
 * { base, port, adminToken, stop, log }. A start that fails or hangs is retried once.
 */
export async function startDev({ config = null, state, vars = {}, adminToken = null, log = () => undefined, timeoutMs = 90_000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDevOnce({ config, state, vars, adminToken: adminToken ?? "ka_bench_" + randomBytes(16).toString("hex"), log, timeoutMs });
    } catch (e) {
      if (attempt >= 2 || /Build failed/.test(e.message)) throw e;
      log(`${e.message.split("\n")[0]}; retrying`);
    }
  }
}

async function startDevOnce({ config, state, vars, adminToken, log, timeoutMs }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const varArgs = Object.entries({ ADMIN_TOKEN: adminToken, ...vars }).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const args = ["wrangler", "dev", ...(config ? ["-c", config] : []), "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspectorPort), "--persist-to", state, "--show-interactive-dev-session=false", "--live-reload=false", ...varArgs];
  log(`wrangler dev${config ? ` -c ${config}` : ""} on 127.0.0.1:${port}`);
  const dev = spawn("npx", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let devLog = "";
  const keep = (c) => (devLog = (devLog + c).slice(-20_000));
  dev.stdout.on("data", keep);
  dev.stderr.on("data", keep);
  const stop = async () => {
    taken.delete(port);
    taken.delete(inspectorPort);
    if (dev.exitCode === null && dev.signalCode === null) {
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
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/`, timeoutMs, () => dev.exitCode === null && !/Build failed/.test(devLog));
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n${devLog.slice(-3000)}`);
  }
  return { base, port, adminToken, stop, log: () => devLog };
}

/** Removes a state folder of {@link prepareState}. */
export function removeState(state) {
  rmSync(state, { recursive: true, force: true });
}

/**
 * The application on workerd without wrangler dev's proxy: the Worker as `wrangler deploy` bundles
 * it, with wrangler.toml's bindings and vars, run by Miniflare on the same local D1 (`state`) that
 * `wrangler dev --persist-to state` uses. This is the request path of production (workerd, no dev
 * proxy in front); the static dashboard assets are left out. Returns { base, port, adminToken, stop, log }.
 */
export async function startWorkerd({ state, adminToken, vars = {}, log = () => undefined }) {
  const outdir = mkdtempSync(join(tmpdir(), "ka-bundle-"));
  await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir]);
  const { Miniflare } = await import("miniflare");
  const { unstable_getMiniflareWorkerOptions } = await import("wrangler");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(root, "wrangler.toml"));
  const port = await freePort();
  log(`workerd (Miniflare, no dev proxy) on 127.0.0.1:${port}`);
  const mf = new Miniflare({
    ...workerOptions,
    assets: undefined,
    modules: true,
    scriptPath: join(outdir, "index.js"),
    modulesRoot: outdir,
    d1Persist: join(state, "v3", "d1"),
    bindings: { ...workerOptions.bindings, ...vars, ADMIN_TOKEN: adminToken },
    host: "127.0.0.1",
    port,
  });
  const stop = async () => {
    taken.delete(port);
    await mf.dispose().catch(() => undefined);
    rmSync(outdir, { recursive: true, force: true });
  };
  try {
    await mf.ready;
  } catch (e) {
    await stop();
    throw e;
  }
  return { base: `http://127.0.0.1:${port}`, port, adminToken, stop, log: () => "" };
}
