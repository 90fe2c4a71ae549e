/** The outbox as administrators see it, and retrying a failed email. */
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { OutboxEmail } from "#db/schema";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox({ status, page }: { status?: OutboxEmail["status"]; page: number }) {
  const where: SQL | undefined = status ? eq(schema.emailOutbox.status, status) : undefined;
  const rows = await db
    .select({
      id: schema.emailOutbox.id,
      to: schema.emailOutbox.to,
      subject: schema.emailOutbox.subject,
      template: schema.emailOutbox.template,
      status: schema.emailOutbox.status,
      attempts: schema.emailOutbox.attempts,
      lastError: schema.emailOutbox.lastError,
      nextAttemptAt: schema.emailOutbox.nextAttemptAt,
      sentAt: schema.emailOutbox.sentAt,
      createdAt: schema.emailOutbox.createdAt,
    })
    .from(schema.emailOutbox)
    .where(where)
    .orderBy(desc(schema.emailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE + 1)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  const counts = await db.select({ status: schema.emailOutbox.status, n: count() }).from(schema.emailOutbox).groupBy(schema.emailOutbox.status);
  return {
    emails: rows.slice(0, OUTBOX_PAGE_SIZE),
    hasMore: rows.length > OUTBOX_PAGE_SIZE,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<OutboxEmail["status"], number>>,
  };
}

/**
 * A failed email goes back in the queue now. It is sent alone, with its own idempotency key
 * (decision 035): the rest of the batch it failed in may not be retried with it, and the same
 * batch key with fewer emails would be a different request under a key already used.
 */
export async function retryEmail(id: number, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [email] = await tx
      .update(schema.emailOutbox)
      .set({ status: "pending", nextAttemptAt: new Date(), batchKey: schema.emailOutbox.idempotencyKey })
      .where(and(eq(schema.emailOutbox.id, id), eq(schema.emailOutbox.status, "failed")))
      .returning({ id: schema.emailOutbox.id, attempts: schema.emailOutbox.attempts, lastError: schema.emailOutbox.lastError });
    if (!email) return false;
    await audit(tx, {
      actor,
      action: "email.retried",
      entityType: "email",
      entityId: id,
      before: { status: "failed", attempts: email.attempts, lastError: email.lastError },
      after: { status: "pending" },
    });
    return true;
  });
}

/** The latest emails in the outbox, newest first, for the development mail page. */
export async function listRecentEmails(limit: number) {
  return db
    .select({
      id: schema.emailOutbox.id,
      to: schema.emailOutbox.to,
      subject: schema.emailOutbox.subject,
      template: schema.emailOutbox.template,
      createdAt: schema.emailOutbox.createdAt,
    })
    .from(schema.emailOutbox)
    .orderBy(desc(schema.emailOutbox.id))
    .limit(limit);
}

export async function getOutboxEmail(id: number) {
  const [email] = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.id, id));
  return email ?? null;
}
