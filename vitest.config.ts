import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Every test runs inside workerd with the real local D1 (miniflare), migrated from schema/migrations.
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL("./schema/migrations", import.meta.url))),
          ADMIN_TOKEN: "test-admin-token",
          // Every read asks D1 (test/integration/snapshot-reuse.test.ts turns reuse on where it tests it).
          SNAPSHOT_REUSE_MS: "0",
          // Tests never send mail: follow-ups go to worker/mail/recording.ts.
          MAIL_TRANSPORT: "record",
        },
        // wrangler.toml's queues with one retry, so the dead-letter test waits one retry delay, not three.
        queueConsumers: {
          "kooperationsatlas-recompute": { maxBatchSize: 1, maxBatchTimeout: 1, maxRetries: 1, deadLetterQueue: "kooperationsatlas-recompute-failed" },
          "kooperationsatlas-recompute-failed": { maxBatchSize: 10, maxBatchTimeout: 1 },
        },
      },
    })),
  ],
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    setupFiles: ["./test/apply-migrations.ts"],
    testTimeout: 60_000,
  },
});
