/**
 * Delivers the outbox through Resend: claimed with SKIP LOCKED so several app servers
 * never send one row twice, retried with exponential backoff, and sent with the row's
 * idempotency key so a retry after a lost answer is not a second email.
 */
import { and, asc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import { Resend } from "resend";
import { db, schema } from "./db.server";
import { getEnv } from "./env.server";

export const MAX_ATTEMPTS = 5;
const SEND_TIMEOUT_MS = 10_000;
// A row left in "sending" this long belonged to a process that died mid-send.
const STALE_SENDING_MS = 5 * 60 * 1000;

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

export async function deliverDueEmails(
  options: { limit?: number; baseBackoffMs?: number; timeoutMs?: number } = {},
): Promise<DeliveryReport> {
  const env = getEnv();
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  if (!env.mailConfigured) return report;

  await db
    .update(schema.emailOutbox)
    .set({ status: "pending" })
    .where(
      and(
        eq(schema.emailOutbox.status, "sending"),
        lt(schema.emailOutbox.nextAttemptAt, new Date(Date.now() - STALE_SENDING_MS)),
      ),
    );

  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: schema.emailOutbox.id })
      .from(schema.emailOutbox)
      .where(and(eq(schema.emailOutbox.status, "pending"), lte(schema.emailOutbox.nextAttemptAt, new Date())))
      .orderBy(asc(schema.emailOutbox.id))
      .limit(options.limit ?? 20)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(schema.emailOutbox)
      .set({ status: "sending", attempts: sql`${schema.emailOutbox.attempts} + 1`, nextAttemptAt: new Date() })
      .where(inArray(schema.emailOutbox.id, due.map((d) => d.id)))
      .returning();
  });

  for (const email of claimed) {
    const { data, error } = await resend().emails.send(
      { from: env.MAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text, ...(email.replyTo ? { replyTo: email.replyTo } : {}) },
      { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS) } as never,
    ).catch((e: unknown) => ({ data: null, error: { message: e instanceof Error ? e.message : String(e) } }));

    if (data && !error) {
      report.sent++;
      await db
        .update(schema.emailOutbox)
        .set({ status: "sent", providerId: data.id, sentAt: new Date(), lastError: null })
        .where(eq(schema.emailOutbox.id, email.id));
    } else {
      const lastError = error?.message ?? "unknown error";
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      if (giveUp) report.failed++;
      else report.retried++;
      await db
        .update(schema.emailOutbox)
        .set({
          status: giveUp ? "failed" : "pending",
          lastError,
          nextAttemptAt: new Date(Date.now() + backoffMs(email.attempts, options.baseBackoffMs)),
        })
        .where(eq(schema.emailOutbox.id, email.id));
    }
  }
  return report;
}
