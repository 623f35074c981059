// `npm start`: builds the dashboard, migrates the local D1, loads the demo data into an empty
// database, and serves everything with `wrangler dev` on http://localhost:8787. Works offline.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" };
const wrangler = (args, opts = {}) => execFileSync("npx", ["wrangler", ...args], { env, encoding: "utf8", ...opts });
const port = process.env.PORT ?? "8787";

// 1. Static dashboard.
execFileSync("node", ["scripts/build-dashboard.mjs"], { stdio: "inherit" });

// 2. A local admin token in .dev.vars (read by wrangler dev as the ADMIN_TOKEN secret).
let token;
if (existsSync(".dev.vars")) token = /^ADMIN_TOKEN\s*=\s*"?([^"\n]+)"?/m.exec(readFileSync(".dev.vars", "utf8"))?.[1];
if (!token) {
  token = "ka_local_" + randomBytes(18).toString("base64url");
  writeFileSync(".dev.vars", `ADMIN_TOKEN="${token}"\n`, { flag: "a" });
}

// 3. Migrations.
wrangler(["d1", "migrations", "apply", "DB", "--local"], { stdio: "inherit" });

// 4. Demo data on first start.
const out = wrangler(["d1", "execute", "DB", "--local", "--json", "--command", "SELECT count(*) AS n FROM organisations"]);
const n = JSON.parse(out)[0].results[0].n;
if (n === 0) {
  mkdirSync(".dev", { recursive: true });
  console.log("Empty database: generating and loading the demo data …");
  execFileSync("npx", ["tsx", "scripts/demo/generate.ts", "--out", ".dev/demo.sql"], { stdio: "inherit", env });
  wrangler(["d1", "execute", "DB", "--local", "--file", ".dev/demo.sql"], { stdio: ["ignore", "ignore", "inherit"] });
  console.log("Demo data loaded.");
}

// 5. Serve.
const dev = spawn("npx", ["wrangler", "dev", "--port", port, "--ip", "127.0.0.1"], { env, stdio: ["inherit", "pipe", "inherit"] });
let announced = false;
dev.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready on/i.test(String(chunk))) {
    announced = true;
    console.log(`
  Kooperationsatlas is running.
    Dashboard:  http://localhost:${port}/
    API docs:   http://localhost:${port}/api/v1/docs
    Admin token (local only; sign in with it, or send "Authorization: Bearer <token>"):
      ${token}
    Example:    curl -H "Authorization: Bearer ${token}" http://localhost:${port}/api/v1/cooperations?limit=5
`);
  }
});
dev.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
