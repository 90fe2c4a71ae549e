import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The demo runs on embedded PGlite. Stopping it with SIGTERM must close the database
 * cleanly, and a restart must find everything that was written before.
 */
// Beside the e2e server's port, so parallel checkouts running tests do not collide.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 90 + (Number(process.env.TEST_PARALLEL_INDEX) || 0);
const base = `http://localhost:${PORT}`;

function startServer(dataDir: string): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["build/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      APP_URL: base,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      RESEND_API_KEY: "",
      DEV_MAIL: "true",
    },
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return { child, output: () => output };
}

/** Until /healthz answers 200: a PGlite start-up (migrations, seed) is slow on a busy machine. */
async function waitForHealthy(timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not become healthy");
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  return exited;
}

test("SIGTERM closes PGlite cleanly and a restart keeps every write", async () => {
  // Two server start-ups of up to 90 s each.
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "csa-pglite-"));
  try {
    const first = startServer(dataDir);
    await waitForHealthy();
    expect(first.output()).toContain("Seeded the demo cycle");

    const sent = await fetch(`${base}/login`, {
      method: "POST",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40example.org",
    });
    expect(sent.status).toBe(200);
    const outboxBefore = await (await fetch(`${base}/dev/mail`)).text();
    expect(outboxBefore).toContain("admin@example.org");

    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain("Closed cleanly.");

    const second = startServer(dataDir);
    await waitForHealthy();
    expect(second.output()).not.toContain("Seeded the demo cycle");
    const outboxAfter = await (await fetch(`${base}/dev/mail`)).text();
    expect(outboxAfter).toContain("admin@example.org");
    expect(outboxAfter).toContain("Your sign-in link");
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain("Group of the Year");
    expect(await stop(second.child)).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
