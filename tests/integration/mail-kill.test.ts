/**
 * Kill -9 in the middle of a batch send: the mail worker (the server's delivery loops in a
 * process of their own) is killed while the provider is answering a batch, then started
 * again. Every announcement reaches the provider exactly once: the killed batch is sent
 * again with the same idempotency key once its lease runs out, and the provider, which had
 * delivered it, answers from its record of that key (decision 035). PostgreSQL only: an
 * in-memory PGlite cannot be shared with another process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { like } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { db, schema } from "~/utils/db.server";
import { startMockResend } from "../support/mock-resend";
import { queueAnnouncements } from "../support/outbox";

const onPostgres = process.env.TEST_DB_KIND === "postgres";
const children: ChildProcess[] = [];

function startWorker(url: string, providerUrl: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/mail-worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "test", DATABASE_URL: url, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: providerUrl, MAIL_INTERVAL_MS: "200" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  children.push(child);
  return { child, output: () => output.slice(-4000) };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

describe.runIf(onPostgres)("kill -9 mid-batch", () => {
  test("a worker killed while the provider answers a batch, then restarted, delivers every announcement exactly once", async () => {
    const url = process.env.CURRENT_TEST_DATABASE_URL!;
    // Each request takes 0.8 s at the provider, so the kill lands while one is in flight.
    const mock = await startMockResend({ delayMs: 800 });
    try {
      const keys = await queueAnnouncements(1_000, "kill");
      let worker = startWorker(url, mock.url);
      const inFlight = () => mock.received.find((r) => r.status === undefined && r.path === "/emails/batch");
      await expect.poll(() => mock.counts().delivered >= 200 && Boolean(inFlight()), { timeout: 60_000, interval: 20, message: worker.output() }).toBe(true);
      const killedKey = inFlight()!.headers["idempotency-key"] as string;
      worker.child.kill("SIGKILL");
      await new Promise((r) => worker.child.once("exit", r));
      // The provider finishes the request it was answering, as Resend would.
      await expect.poll(() => mock.received.filter((r) => r.headers["idempotency-key"] === killedKey).every((r) => r.status !== undefined), { timeout: 10_000 }).toBe(true);
      const deliveredAtKill = mock.counts().delivered;
      expect(deliveredAtKill).toBeLessThan(1_000);

      worker = startWorker(url, mock.url);
      const open = async () => (await db.select({ status: schema.emailOutbox.status }).from(schema.emailOutbox).where(like(schema.emailOutbox.idempotencyKey, "csa-kill-%"))).filter((r) => r.status !== "sent").length;
      // The killed batch waits for its lease (15 s) to run out; everything else goes at 2 requests a second.
      const left = async () => JSON.stringify((await db.select({ s: schema.emailOutbox.status, e: schema.emailOutbox.lastError, a: schema.emailOutbox.attempts, n: schema.emailOutbox.nextAttemptAt, b: schema.emailOutbox.batchKey }).from(schema.emailOutbox).where(like(schema.emailOutbox.idempotencyKey, "csa-kill-%"))).filter((r) => r.s !== "sent").slice(0, 2));
      await expect.poll(open, { timeout: 90_000, interval: 500 }).toBe(0).catch(async (e) => {
        throw new Error(`${e}\n${await left()}\nkilled ${killedKey}\n${worker.output()}`);
      });

      const counts = mock.counts();
      expect(counts.twice).toBe(0);
      expect(counts.distinct).toBe(1_000);
      for (const key of keys) expect(counts.per.get(key), key).toBe(1);
      // The batch that was in flight was sent again, with the same key, and delivered once.
      const requests = new Set(mock.received.filter((r) => r.headers["idempotency-key"] === killedKey).map((r) => r.status));
      expect(mock.received.filter((r) => r.headers["idempotency-key"] === killedKey && r.status === 200).length).toBeGreaterThanOrEqual(200);
      expect(requests.has(200)).toBe(true);
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await mock.close();
    }
  });
});
