/**
 * Delivers the outbox through Resend in three steps: lease due rows (SKIP LOCKED, so
 * several app servers never hold one row at once), send them concurrently with a bound,
 * and settle each row. A lease is a few seconds (the send timeout and a margin): a row
 * left "sending" by a process killed mid-send is sent again soon, with the same
 * idempotency key, so the provider delivers it once. Retries back off exponentially.
 * The send step takes a list and returns one outcome per row, so it can become one call
 * to Resend's batch endpoint without touching the leasing or the settling.
 */
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { Resend } from "resend";
import { db, schema } from "./db.server";
import { getEnv } from "./env.server";

export const MAX_ATTEMPTS = 5;
const SEND_TIMEOUT_MS = 10_000;
/** How long a claimed row stays ours: one send and a margin. Then anyone may take it. */
export const LEASE_MS = SEND_TIMEOUT_MS + 5_000;
/** Emails in flight at once from one process. */
export const SEND_CONCURRENCY = 8;

export function backoffMs(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

let client: Resend | undefined;
function resend(): Resend {
  const env = getEnv();
  client ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return client;
}

/** For tests that change RESEND_BASE_URL between cases. */
export function resetMailer() {
  client = undefined;
}

export type DeliveryReport = { sent: number; retried: number; failed: number };

type Outbox = typeof schema.emailOutbox.$inferSelect;
type Outcome = { ok: true; providerId: string } | { ok: false; error: string };

export async function deliverDueEmails(
  options: { limit?: number; baseBackoffMs?: number; timeoutMs?: number; concurrency?: number } = {},
): Promise<DeliveryReport> {
  const env = getEnv();
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  if (!env.mailConfigured) return report;
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const leased = await lease(options.limit ?? 20, timeoutMs + 5_000);
  await mapBounded(leased, options.concurrency ?? SEND_CONCURRENCY, async (email) => {
    const outcome = await send(email, env.MAIL_FROM, timeoutMs);
    const result = await settle(email, outcome, options.baseBackoffMs);
    if (result) report[result]++;
  });
  return report;
}

/**
 * Due rows, and rows whose lease has run out (their sender died), marked "sending" until
 * the lease ends. `next_attempt_at` holds the end of the lease while a row is "sending".
 */
async function lease(limit: number, leaseMs: number): Promise<Outbox[]> {
  const o = schema.emailOutbox;
  return db.transaction(async (tx) => {
    const now = new Date();
    const due = await tx
      .select({ id: o.id })
      .from(o)
      .where(and(or(eq(o.status, "pending"), eq(o.status, "sending")), lte(o.nextAttemptAt, now)))
      .orderBy(asc(o.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(o)
      .set({ status: "sending", attempts: sql`${o.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(o.id, due.map((d) => d.id)))
      .returning();
  });
}

async function send(email: Outbox, from: string, timeoutMs: number): Promise<Outcome> {
  try {
    const { data, error } = await resend().emails.send(
      { from, to: email.to, subject: email.subject, html: email.html, text: email.text, ...(email.replyTo ? { replyTo: email.replyTo } : {}) },
      { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) } as never,
    );
    return data && !error ? { ok: true, providerId: data.id } : { ok: false, error: error?.message ?? "unknown error" };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Records the outcome, only while the lease is still this attempt's (another server may have taken an expired one). */
async function settle(email: Outbox, outcome: Outcome, baseBackoffMs?: number): Promise<keyof DeliveryReport | null> {
  const o = schema.emailOutbox;
  const ours = and(eq(o.id, email.id), eq(o.status, "sending"), eq(o.attempts, email.attempts));
  if (outcome.ok) {
    const done = await db.update(o).set({ status: "sent", providerId: outcome.providerId, sentAt: new Date(), lastError: null }).where(ours).returning({ id: o.id });
    return done.length ? "sent" : null;
  }
  const giveUp = email.attempts >= MAX_ATTEMPTS;
  const done = await db
    .update(o)
    .set({ status: giveUp ? "failed" : "pending", lastError: outcome.error, nextAttemptAt: new Date(Date.now() + backoffMs(email.attempts, baseBackoffMs)) })
    .where(ours)
    .returning({ id: o.id });
  if (!done.length) return null;
  return giveUp ? "failed" : "retried";
}

/** Runs `fn` over `items` with at most `limit` at once. */
async function mapBounded<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
