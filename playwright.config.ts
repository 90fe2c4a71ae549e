import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests drive the built production server (npm run build first) in Chromium,
 * against a fresh PostgreSQL database that tests/e2e/serve.mjs creates and drops.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// Workers re-read this file; the environment pins one database name for the whole run.
process.env.E2E_DB_NAME ??= `csa_e2e_${process.pid}_${Date.now().toString(36)}`;
const e2eUrl = new URL(adminUrl);
e2eUrl.pathname = `/${process.env.E2E_DB_NAME}`;
process.env.E2E_DATABASE_URL = e2eUrl.href;
process.env.E2E_BASE_URL = `http://localhost:${PORT}`;

// This machine cannot download Playwright's browsers: use Debian's Chromium when present.
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  // Budgets for a machine whose two cores have other work too: a passing test never waits
  // for them. Long journeys set their own with journeyBudget() (tests/e2e/fixtures.ts).
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    command: "node tests/e2e/serve.mjs",
    url: `${process.env.E2E_BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      ADMIN_DATABASE_URL: adminUrl,
      E2E_DATABASE_URL: process.env.E2E_DATABASE_URL,
      E2E_DB_NAME: process.env.E2E_DB_NAME,
      PORT: String(PORT),
    },
  },
});
