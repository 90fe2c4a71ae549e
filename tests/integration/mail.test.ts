import { eq } from "drizzle-orm";
import { createElement } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import SignInLinkEmail from "#emails/sign-in-link";
import { db, schema } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { resetEnv } from "~/utils/env.server";
import { deliverDueEmails, LEASE_MS, MAX_ATTEMPTS, resetMailer } from "~/utils/mailer.server";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { startMockResend } from "../support/mock-resend";

let resend: Awaited<ReturnType<typeof startMockResend>>;

function useProvider(on: boolean) {
  if (on) {
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = resend.url;
  } else {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
  }
  resetEnv();
  resetMailer();
}

async function queue(to: string) {
  return db.transaction((tx) =>
    sendEmail(tx, {
      to,
      subject: "Your sign-in link",
      template: "sign-in-link",
      react: createElement(SignInLinkEmail, { name: "Zoë", url: "http://localhost:3000/login/link?token=abc", minutes: 15 }),
    }),
  );
}

const row = async (id: number) => (await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.id, id)))[0];

beforeAll(async () => {
  resend = await startMockResend();
});
afterAll(async () => {
  useProvider(false);
  await resend.close();
});
beforeEach(async () => {
  resend.set("ok");
  // Earlier cases leave rows behind; park them so each case sees only its own.
  await db.update(schema.emailOutbox).set({ status: "sent" });
});

describe("the outbox", () => {
  test("an email is written in the caller's transaction, as HTML and text", async () => {
    const id = await queue("zoe@example.test");
    const email = await row(id);
    expect(email.status).toBe("pending");
    expect(email.html).toContain("<html");
    expect(email.html).toContain("Zoë");
    expect(email.text).toContain("http://localhost:3000/login/link?token=abc");
    expect(email.text).not.toContain("<");
    expect(email.idempotencyKey).toMatch(/^csa-[a-z2-7]+$/);
  });

  test("a rolled-back change leaves no email behind", async () => {
    const before = await db.select().from(schema.emailOutbox);
    await expect(
      db.transaction(async (tx) => {
        await sendEmail(tx, {
          to: "ghost@example.test",
          subject: "never",
          template: "sign-in-link",
          react: createElement(SignInLinkEmail, { name: "x", url: "http://x", minutes: 15 }),
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select().from(schema.emailOutbox)).toHaveLength(before.length);
  });

  test("without a provider, mail stays in the outbox", async () => {
    useProvider(false);
    const id = await queue("stays@example.test");
    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect((await row(id)).status).toBe("pending");
  });
});

describe("delivery through Resend", () => {
  beforeAll(() => useProvider(true));

  test("sends with the row's idempotency key and records the provider id", async () => {
    const id = await queue("deliver@example.test");
    const report = await deliverDueEmails();
    expect(report.sent).toBe(1);
    const email = await row(id);
    expect(email).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(email.providerId).toMatch(/^mock-/);
    const sent = resend.delivered.find((d) => d.to === "deliver@example.test");
    expect(sent?.idempotencyKey).toBe(email.idempotencyKey);
    expect(sent?.text).toContain("token=abc");
    // Delivered rows are not sent again.
    expect((await deliverDueEmails()).sent).toBe(0);
  });

  test("a 500 is retried with backoff, with the same key, and nothing is sent twice", async () => {
    const id = await queue("retry@example.test");
    resend.set(500);
    expect(await deliverDueEmails({ baseBackoffMs: 0 })).toMatchObject({ retried: 1 });
    let email = await row(id);
    expect(email).toMatchObject({ status: "pending", attempts: 1 });
    expect(email.lastError).toBeTruthy();

    resend.set("ok");
    expect((await deliverDueEmails({ baseBackoffMs: 0 })).sent).toBe(1);
    email = await row(id);
    expect(email).toMatchObject({ status: "sent", attempts: 2 });
    const tries = resend.received.filter((r) => r.body.idempotencyKey === email.idempotencyKey);
    expect(tries).toHaveLength(2);
    expect(resend.delivered.filter((d) => d.idempotencyKey === email.idempotencyKey)).toHaveLength(1);
  });

  test("the next attempt waits for the backoff", async () => {
    const id = await queue("later@example.test");
    resend.set(503);
    await deliverDueEmails({ baseBackoffMs: 60_000 });
    resend.set("ok");
    expect((await deliverDueEmails()).sent).toBe(0);
    const email = await row(id);
    expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  test("after the last attempt the email is marked failed", async () => {
    const id = await queue("fail@example.test");
    resend.set(500);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverDueEmails({ baseBackoffMs: 0 });
    const email = await row(id);
    expect(email).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliverDueEmails({ baseBackoffMs: 0 })).toEqual({ sent: 0, retried: 0, failed: 0 });
    // Each attempt used the same key, and the administrators see it failed, with the reason.
    const keys = new Set(resend.received.filter((r) => r.body.to === "fail@example.test").map((r) => r.body.idempotencyKey));
    expect([...keys]).toEqual([email.idempotencyKey]);
    const admin = await createPerson({ isAdmin: true });
    const listed = await run<{ emails: Array<{ id: number; status: string; lastError: string | null }> }>(async () =>
      outboxLoader(loaderArgs(makeRequest("/admin/outbox?status=failed", { cookie: await cookieFor(admin.id) }))),
    );
    expect(listed.data.emails.find((e) => e.id === id)).toMatchObject({ status: "failed", lastError: expect.stringContaining("mock failure") });
  });

  test("a provider that never answers times out and is retried", async () => {
    const id = await queue("slow@example.test");
    resend.set("hang");
    const report = await deliverDueEmails({ baseBackoffMs: 0, timeoutMs: 300 });
    expect(report.retried).toBe(1);
    expect((await row(id)).status).toBe("pending");
  });

  test("a row left sending by a process that died is sent again once its lease of seconds runs out, not minutes", async () => {
    const id = await queue("killed@example.test");
    // What a kill -9 mid-send leaves: leased, attempt counted, never settled.
    await db.update(schema.emailOutbox).set({ status: "sending", attempts: 1, nextAttemptAt: new Date(Date.now() + LEASE_MS) }).where(eq(schema.emailOutbox.id, id));
    expect((await deliverDueEmails()).sent).toBe(0);
    expect(LEASE_MS).toBeLessThanOrEqual(30_000);
    await db.update(schema.emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1) }).where(eq(schema.emailOutbox.id, id));
    expect((await deliverDueEmails()).sent).toBe(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(resend.delivered.filter((d) => d.to === "killed@example.test")).toHaveLength(1);
  });

  test("slow answers are waited for concurrently, with a bound", async () => {
    const slow = await startMockResend({ delayMs: 600 });
    process.env.RESEND_BASE_URL = slow.url;
    resetEnv();
    resetMailer();
    try {
      const ids = [];
      for (let i = 0; i < 8; i++) ids.push(await queue(`many-${i}@example.test`));
      const started = Date.now();
      const report = await deliverDueEmails({ concurrency: 8 });
      expect(report.sent).toBe(8);
      // One at a time would take 8 × 600 ms.
      expect(Date.now() - started).toBeLessThan(3_500);
      for (const id of ids) expect((await row(id)).status).toBe("sent");
    } finally {
      await slow.close();
      useProvider(true);
    }
  });
});
