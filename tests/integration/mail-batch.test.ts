/**
 * Announcements through Resend's batch endpoint: up to 100 a request, a key per batch that
 * every retry reuses, the provider's rate limit kept and its 429s honoured, and a sign-in
 * link that never waits behind a publication (decision 035).
 */
import { asc, eq, like } from "drizzle-orm";
import { createElement } from "react";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import SignInLinkEmail from "#emails/sign-in-link";
import { startBackgroundWork } from "~/server/background";
import { db, schema } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv, resetEnv } from "~/utils/env.server";
import { retryEmail } from "~/models/outbox.server";
import { SYSTEM_ACTOR } from "~/utils/audit.server";
import { batchKeyOf, deliverDueEmails, MAX_ATTEMPTS, resetMailer } from "~/utils/mailer.server";
import { retryDelayMs } from "~/utils/request-pacer";
import { startMockResend } from "../support/mock-resend";
import { queueAnnouncements } from "../support/outbox";

type Mock = Awaited<ReturnType<typeof startMockResend>>;
let resend: Mock | undefined;

async function provider(options: Parameters<typeof startMockResend>[0] = {}, rate?: number) {
  resend = await startMockResend(options);
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resend.url;
  if (rate) process.env.RESEND_RATE_PER_SECOND = String(rate);
  else delete process.env.RESEND_RATE_PER_SECOND;
  resetEnv();
  resetMailer();
  return resend;
}

beforeEach(async () => {
  await db.update(schema.emailOutbox).set({ status: "sent" });
});
afterEach(async () => {
  await resend?.close();
  resend = undefined;
});
afterAll(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.RESEND_RATE_PER_SECOND;
  resetEnv();
  resetMailer();
});

const announcements = () => db.select().from(schema.emailOutbox).where(like(schema.emailOutbox.idempotencyKey, "csa-%")).orderBy(asc(schema.emailOutbox.id));

async function drain(until: () => Promise<boolean>, options: Parameters<typeof deliverDueEmails>[0] = {}, rounds = 40) {
  for (let i = 0; i < rounds && !(await until()); i++) {
    await deliverDueEmails({ baseBackoffMs: 0, ...options });
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("announcements in batches", () => {
  test("250 go out in three batch requests of at most 100, each with a key derived from its rows, once each", async () => {
    const mock = await provider();
    const keys = await queueAnnouncements(250, "b");
    const report = await deliverDueEmails({ lane: "bulk", limit: 1000 });
    expect(report).toEqual({ sent: 250, retried: 0, failed: 0 });
    // Counted by what the provider accepted: a request refused with 429 is sent again, whole.
    const batches = new Map<string, number>();
    for (const r of mock.received.filter((r) => r.status === 200)) batches.set(r.headers["idempotency-key"] as string, (batches.get(r.headers["idempotency-key"] as string) ?? 0) + 1);
    expect([...batches.values()].sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(mock.received.every((r) => r.path === "/emails/batch")).toBe(true);
    expect(mock.counts()).toMatchObject({ delivered: 250, distinct: 250, twice: 0 });
    const rows = (await announcements()).filter((r) => keys.includes(r.idempotencyKey));
    expect(rows.every((r) => r.status === "sent" && r.providerId?.startsWith("mock-"))).toBe(true);
    // The key is the rows' own: the same rows always make the same request.
    const first = rows.filter((r) => keys.slice(0, 100).includes(r.idempotencyKey));
    expect(new Set(first.map((r) => r.batchKey))).toEqual(new Set([batchKeyOf(keys.slice(0, 100))]));
    // Requests were spaced at the provider's rate. (This mock shares its event loop with an
    // in-process PGlite, which can hold two arrivals and stamp them together: at most a 429 or two.)
    expect(mock.limited).toBeLessThanOrEqual(2);
  });

  test("a batch whose answer was lost is sent again with the same key, and the provider delivers it once", async () => {
    // The provider takes 1.5 s; the sender gives up after 0.5 s, as a killed sender would.
    const mock = await provider({ delayMs: 1_500 });
    const keys = await queueAnnouncements(120, "lost");
    const first = await deliverDueEmails({ lane: "bulk", timeoutMs: 500, baseBackoffMs: 0 });
    expect(first.retried).toBe(120);
    await expect.poll(() => mock.counts().delivered, { timeout: 10_000 }).toBe(120);
    const before = new Set(mock.received.map((r) => r.headers["idempotency-key"]));
    await drain(async () => (await announcements()).filter((r) => keys.includes(r.idempotencyKey)).every((r) => r.status === "sent"), { lane: "bulk", timeoutMs: 5_000 });
    const rows = (await announcements()).filter((r) => keys.includes(r.idempotencyKey));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(new Set(mock.received.map((r) => r.headers["idempotency-key"]))).toEqual(before);
    expect(mock.counts()).toMatchObject({ delivered: 120, distinct: 120, twice: 0 });
  });

  test("over the provider's rate, its 429s are waited out (Retry-After) and nothing is lost or doubled", async () => {
    // The account allows 1 request a second; this server was told 20.
    const mock = await provider({ ratePerSecond: 1 }, 20);
    const keys = await queueAnnouncements(600, "fast");
    await drain(async () => mock.counts().distinct >= 600, { lane: "bulk", limit: 1000 });
    expect(mock.limited).toBeGreaterThan(0);
    expect(mock.counts()).toMatchObject({ distinct: 600, twice: 0 });
    const rows = (await announcements()).filter((r) => keys.includes(r.idempotencyKey));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    // A 429 is not the email's fault: no attempt was spent on it.
    expect(Math.max(...rows.map((r) => r.attempts))).toBe(1);
  });

  test("a batch the provider rejects as invalid is split, so one bad address does not hold back the rest", async () => {
    const mock = await provider();
    const keys = await queueAnnouncements(5, "bad");
    await db.update(schema.emailOutbox).set({ to: "" }).where(eq(schema.emailOutbox.idempotencyKey, keys[2]!));
    await drain(async () => mock.counts().distinct >= 4, { lane: "bulk" }, 10);
    expect(mock.counts()).toMatchObject({ distinct: 4, twice: 0 });
    const rows = (await announcements()).filter((r) => keys.includes(r.idempotencyKey));
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(4);
    expect(rows.find((r) => r.idempotencyKey === keys[2])?.batchKey).toBe(keys[2]);
  });
});

describe("after the last attempt", () => {
  test("a batch that failed is failed row by row, and one row an administrator retries goes alone with its own key", async () => {
    const mock = await provider();
    const keys = await queueAnnouncements(3, "gaveup");
    mock.set(500);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverDueEmails({ lane: "bulk", baseBackoffMs: 0 });
    let rows = (await announcements()).filter((r) => keys.includes(r.idempotencyKey));
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed", "failed"]);
    mock.set("ok");
    const retried = rows.find((r) => r.idempotencyKey === keys[1])!;
    expect(await retryEmail(retried.id, SYSTEM_ACTOR)).toBe(true);
    expect((await deliverDueEmails({ lane: "bulk" })).sent).toBe(1);
    rows = (await announcements()).filter((r) => keys.includes(r.idempotencyKey));
    expect(rows.map((r) => r.status)).toEqual(["failed", "sent", "failed"]);
    const last = mock.received.at(-1)!;
    expect(last.path).toBe("/emails");
    expect(last.headers["idempotency-key"]).toBe(keys[1]);
    expect(mock.counts()).toMatchObject({ delivered: 1, twice: 0 });
  });
});

describe("the mock provider", () => {
  test("answers 429 with retry-after and ratelimit-reset beyond 2 requests a second, and a replayed key delivers nothing", async () => {
    const mock = await provider();
    const post = (key: string, to = "x@example.test") =>
      fetch(`${mock.url}/emails`, {
        method: "POST",
        headers: { authorization: "Bearer re_test_key", "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ from: "a@example.test", to, subject: "s", text: "t" }),
      });
    const answers = await Promise.all([post("k1"), post("k2"), post("k3"), post("k4")]);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited[0]!.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    expect(retryDelayMs(Object.fromEntries(limited[0]!.headers))).toBeGreaterThanOrEqual(1000);
    await new Promise((r) => setTimeout(r, 1_100));
    const again = await post("k1");
    expect(again.status).toBe(200);
    expect(mock.counts().delivered).toBe(4 - limited.length);
    await new Promise((r) => setTimeout(r, 600));
    expect((await post("k1", "other@example.test")).status).toBe(409);
  });
});

describe("lanes", () => {
  test("a sign-in link is delivered in seconds while 8,000 announcements are queued", async () => {
    const mock = await provider();
    await queueAnnouncements(8_000, "big");
    const stop = startBackgroundWork(getEnv(), { intervalMs: 60_000, mailIntervalMs: 200 });
    try {
      // The publication is being sent.
      await expect.poll(() => mock.counts().delivered, { timeout: 30_000 }).toBeGreaterThanOrEqual(300);
      const queuedAt = Date.now();
      await db.transaction((tx) =>
        sendEmail(tx, {
          to: "signing-in@example.test",
          subject: "Your sign-in link",
          template: "sign-in-link",
          react: createElement(SignInLinkEmail, { name: "Zoë", url: "http://localhost:3000/login/link?token=abc", minutes: 15 }),
        }),
      );
      await expect.poll(() => mock.delivered.some((d) => d.to === "signing-in@example.test"), { timeout: 15_000 }).toBe(true);
      const waitedMs = Date.now() - queuedAt;
      // At 2 requests a second the announcements need 40 s; the link went between two batches.
      expect(mock.counts().delivered).toBeLessThan(8_001 - 1_000);
      expect(waitedMs).toBeLessThan(5_000);
      expect(mock.delivered.find((d) => d.to === "signing-in@example.test")?.batch).toBe(false);
      // A shutdown settles the requests in flight and leaves the rest for the next server.
      const stopping = Date.now();
      await stop();
      expect(Date.now() - stopping).toBeLessThan(10_000);
      const open = (await announcements()).filter((r) => r.idempotencyKey.startsWith("csa-big-") && r.status !== "sent");
      expect(open.length).toBeGreaterThan(0);
      expect(open.every((r) => r.status === "pending")).toBe(true);
    } finally {
      await stop();
    }
  });
});
