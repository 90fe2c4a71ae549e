/**
 * Delivers the outbox through Resend in three steps: lease a group of due rows (SKIP LOCKED,
 * so several app servers never hold one row at once), send the group in one request, and
 * settle it. See decision 035.
 *
 * - A group is one row, sent to POST /emails with the row's own idempotency key, or up to
 *   100 rows, sent to POST /emails/batch with a key derived from the rows' keys. The group
 *   and its key are written on the rows (`batch_key`) when they are first leased, so every
 *   later attempt, including one after the sender was killed mid-request, sends the same
 *   emails with the same key, and the provider delivers them once.
 * - Two lanes: announcements (`result-*`, thousands at a publication) and everything else
 *   (sign-in links, confirmations, receipts). Each lane leases on its own, and the pacer
 *   that keeps all requests under the provider's rate (RESEND_RATE_PER_SECOND, 2 by
 *   default) gives the next slot to the single lane first, so a sign-in link never waits
 *   behind a publication.
 * - A 429 pauses the pacer for Retry-After / RateLimit-Reset and the same request is sent
 *   again, without counting an attempt. Other failures back off exponentially, batch by
 *   batch; a batch the provider rejects as invalid (400/422: nothing was sent) is split so
 *   each email is tried alone and one bad address cannot hold back ninety-nine.
 * - A lease is the send timeout and a margin: rows left "sending" by a process killed
 *   mid-send are sent again soon after, as the same group with the same key.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { Resend } from "resend";
import { db, schema } from "./db.server";
import { getEnv } from "./env.server";
import { RequestPacer, retryDelayMs } from "./request-pacer";

export const MAX_ATTEMPTS = 5;
const SEND_TIMEOUT_MS = 10_000;
/** How long a claimed row stays ours: one send and a margin. Then anyone may take it. */
export const LEASE_MS = SEND_TIMEOUT_MS + 5_000;
/** Requests in flight at once per lane from one process (each waits for the pacer). */
export const SEND_CONCURRENCY = 3;
/** Resend's batch endpoint takes at most 100 emails a call. */
export const BATCH_SIZE = 100;
/** A 429 inside a lease is retried this many times before the rows are handed back. */
const RATE_LIMIT_RETRIES = 3;

export type Lane = "single" | "bulk";
const o = schema.emailOutbox;
const BULK_PREFIX = "result-";

/** Announcements go in the bulk lane; every other email is someone waiting for it. */
export function laneOf(template: string): Lane {
  return template.startsWith(BULK_PREFIX) ? "bulk" : "single";
}

function laneWhere(lane: Lane): SQL {
  return lane === "bulk" ? sql`${o.template} like ${`${BULK_PREFIX}%`}` : sql`${o.template} not like ${`${BULK_PREFIX}%`}`;
}

export function backoffMs(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

/** The batch's idempotency key: the same rows always give the same key (at most 256 characters). */
export function batchKeyOf(rowKeys: string[]): string {
  return `csa-batch-${createHash("sha256").update(rowKeys.join("\n")).digest("hex").slice(0, 40)}`;
}

let client: Resend | undefined;
let pacer: RequestPacer | undefined;
function resend(): Resend {
  const env = getEnv();
  client ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return client;
}
function requestPacer(): RequestPacer {
  pacer ??= new RequestPacer(getEnv().RESEND_RATE_PER_SECOND);
  return pacer;
}

/** For tests that change RESEND_BASE_URL (or the rate) between cases. */
export function resetMailer() {
  client = undefined;
  pacer?.reset();
  pacer = undefined;
}

export type DeliveryReport = { sent: number; retried: number; failed: number };

type Outbox = typeof schema.emailOutbox.$inferSelect;
type Group = { rows: Outbox[]; key: string; lane: Lane; leaseUntil: Date };
type Outcome =
  | { kind: "sent"; providerIds: string[] }
  | { kind: "later"; waitMs: number; error: string }
  | { kind: "invalid"; error: string }
  | { kind: "failed"; error: string };

export type DeliveryOptions = {
  /** Which lane to serve; both by default. */
  lane?: Lane | "all";
  /** At most this many rows per lane in this call. */
  limit?: number;
  batchSize?: number;
  baseBackoffMs?: number;
  timeoutMs?: number;
  /** Requests in flight at once per lane. */
  concurrency?: number;
  /** Asked before each lease: true stops the call once the requests in flight are settled (shutdown). */
  stopping?: () => boolean;
};

export async function deliverDueEmails(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const env = getEnv();
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  if (!env.mailConfigured) return report;
  const lanes: Lane[] = !options.lane || options.lane === "all" ? ["single", "bulk"] : [options.lane];
  const limit = options.limit ?? BATCH_SIZE * 2;
  const batchSize = Math.min(options.batchSize ?? BATCH_SIZE, BATCH_SIZE);
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const concurrency = options.concurrency ?? SEND_CONCURRENCY;
  // Only rows due when the call began: a row that failed in it waits for the next call.
  const dueBy = new Date();
  await Promise.all(
    lanes.map(async (lane) => {
      let leased = 0;
      const worker = async () => {
        while (leased < limit && !options.stopping?.()) {
          const group = await lease(lane, Math.min(batchSize, limit - leased), timeoutMs + 5_000, dueBy);
          if (!group) return;
          leased += group.rows.length;
          const outcome = await send(group, env.MAIL_FROM, timeoutMs);
          const result = await settle(group, outcome, options.baseBackoffMs);
          if (result) report[result.as] += result.rows;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    }),
  );
  return report;
}

/**
 * Leases one group of the lane: first a group fixed earlier that is due again (it failed, or
 * its sender died), whole; otherwise due rows not yet in a group, in order, up to `max`.
 * `next_attempt_at` holds the end of the lease while rows are "sending", and the lease's end
 * is how settling knows the rows are still this attempt's.
 */
async function lease(lane: Lane, max: number, leaseMs: number, dueBy: Date): Promise<Group | null> {
  return db.transaction(async (tx) => {
    const now = dueBy;
    const leaseUntil = new Date(Date.now() + leaseMs);
    const open = inArray(o.status, ["pending", "sending"]);
    const claim = { status: "sending" as const, attempts: sql`${o.attempts} + 1`, nextAttemptAt: leaseUntil };

    // A group fixed earlier is taken whole or not at all: one transaction-scoped advisory
    // lock per group key, so two servers never split it (a part would be a different body
    // under the same key) nor deadlock over its rows.
    const again = await tx
      .selectDistinct({ key: o.batchKey })
      .from(o)
      .where(and(isNotNull(o.batchKey), open, lte(o.nextAttemptAt, now), laneWhere(lane)))
      .limit(4);
    for (const { key } of again) {
      if (!key) continue;
      const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`csa-outbox:${key}`})) as locked`)) as unknown;
      // postgres.js answers an array of rows, PGlite an object with `rows`.
      const rows0 = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ locked: boolean }>;
      if (!rows0[0]?.locked) continue;
      const rows = await tx
        .update(o)
        .set(claim)
        .where(and(eq(o.batchKey, key), open, lte(o.nextAttemptAt, now)))
        .returning();
      if (rows.length > 0) return { rows: rows.sort((a, b) => a.id - b.id), key, lane, leaseUntil };
    }

    const candidates = await tx
      .select({ id: o.id, key: o.idempotencyKey, status: o.status })
      .from(o)
      .where(and(isNull(o.batchKey), open, lte(o.nextAttemptAt, now), laneWhere(lane)))
      .orderBy(asc(o.id))
      .limit(max)
      .for("update", { skipLocked: true });
    if (candidates.length === 0) return null;
    // A row left "sending" without a group was sent alone with its own key: it stays alone.
    const group = candidates[0]!.status === "sending" ? [candidates[0]!] : candidates.filter((c) => c.status === "pending");
    const key = group.length === 1 ? group[0]!.key : batchKeyOf(group.map((c) => c.key));
    const rows = await tx
      .update(o)
      .set({ ...claim, batchKey: key })
      .where(inArray(o.id, group.map((c) => c.id)))
      .returning();
    return { rows: rows.sort((a, b) => a.id - b.id), key, lane, leaseUntil };
  });
}

/** Tags travel with each email (and come back in the provider's webhooks): the row it came from. */
function tagValue(key: string) {
  return key.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256);
}

function payload(email: Outbox, from: string) {
  return {
    from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    tags: [{ name: "outbox_key", value: tagValue(email.idempotencyKey) }],
  };
}

type Answer = { ids: string[] | null; error: { message?: string; statusCode?: number | null; name?: string } | null; headers: Record<string, string> | null };

async function request(group: Group, from: string, timeoutMs: number): Promise<Answer> {
  const options = { idempotencyKey: group.key, signal: AbortSignal.timeout(timeoutMs) };
  try {
    if (group.rows.length === 1) {
      const { data, error, headers } = await resend().emails.send(payload(group.rows[0]!, from), options as never);
      return { ids: data ? [data.id] : null, error, headers };
    }
    const { data, error, headers } = await resend().batch.send(group.rows.map((r) => payload(r, from)), options as never);
    return { ids: data ? data.data.map((d) => d.id) : null, error, headers };
  } catch (e) {
    return { ids: null, error: { message: e instanceof Error ? e.message : String(e) }, headers: null };
  }
}

async function send(group: Group, from: string, timeoutMs: number): Promise<Outcome> {
  const p = requestPacer();
  for (let attempt = 0; ; attempt++) {
    await p.acquire(group.lane === "single" ? 0 : 1);
    // The lease must outlast the request, or another server could take the rows meanwhile.
    if (Date.now() + timeoutMs > group.leaseUntil.getTime() - 1_000) return { kind: "later", waitMs: 0, error: "waited for the rate limit past the lease" };
    const answer = await request(group, from, timeoutMs);
    if (answer.ids && !answer.error) {
      if (answer.ids.length !== group.rows.length) return { kind: "failed", error: `the provider answered ${answer.ids.length} ids for ${group.rows.length} emails` };
      return { kind: "sent", providerIds: answer.ids };
    }
    const status = answer.error?.statusCode ?? null;
    const message = `${status ?? "no answer"}: ${answer.error?.message ?? "unknown error"}`;
    if (status === 429) {
      const waitMs = retryDelayMs(answer.headers);
      p.pause(Date.now() + waitMs);
      if (attempt < RATE_LIMIT_RETRIES) continue;
      return { kind: "later", waitMs, error: message };
    }
    // The same key still in flight at the provider (an earlier attempt of ours): ask again shortly.
    if (status === 409 && answer.error?.name === "concurrent_idempotent_requests") return { kind: "later", waitMs: 1_000, error: message };
    if ((status === 400 || status === 422) && group.rows.length > 1) return { kind: "invalid", error: message };
    return { kind: "failed", error: message };
  }
}

/** Records the outcome, only while the lease is still this attempt's (another server may have taken an expired one). */
async function settle(group: Group, outcome: Outcome, baseBackoffMs?: number): Promise<{ as: keyof DeliveryReport; rows: number } | null> {
  const ours = and(eq(o.batchKey, group.key), eq(o.status, "sending"), eq(o.nextAttemptAt, group.leaseUntil));
  const ids = group.rows.map((r) => r.id);
  const n = (rows: unknown[]) => rows.length;
  switch (outcome.kind) {
    case "sent": {
      const pairs = JSON.stringify(ids.map((id, i) => ({ id, pid: outcome.providerIds[i] })));
      const done = await db
        .update(o)
        .set({ status: "sent", providerId: sql`v.pid`, sentAt: new Date(), lastError: null })
        .from(sql`json_to_recordset(${pairs}::json) as v(id int, pid text)`)
        .where(and(ours, sql`${o.id} = v.id`))
        .returning({ id: o.id });
      return done.length ? { as: "sent", rows: n(done) } : null;
    }
    case "later": {
      // Not the email's fault: the attempt is given back.
      const done = await db
        .update(o)
        .set({ status: "pending", attempts: sql`greatest(${o.attempts} - 1, 0)`, lastError: outcome.error, nextAttemptAt: new Date(Date.now() + outcome.waitMs) })
        .where(ours)
        .returning({ id: o.id });
      return done.length ? { as: "retried", rows: n(done) } : null;
    }
    case "invalid": {
      // Nothing of a rejected batch was sent: each email goes alone, with its own key.
      const done = await db
        .update(o)
        .set({ status: "pending", batchKey: sql`${o.idempotencyKey}`, lastError: outcome.error, nextAttemptAt: new Date() })
        .where(ours)
        .returning({ id: o.id });
      return done.length ? { as: "retried", rows: n(done) } : null;
    }
    case "failed": {
      const attempts = Math.max(...group.rows.map((r) => r.attempts));
      const giveUp = attempts >= MAX_ATTEMPTS;
      const done = await db
        .update(o)
        .set({ status: giveUp ? "failed" : "pending", lastError: outcome.error, nextAttemptAt: new Date(Date.now() + backoffMs(attempts, baseBackoffMs)) })
        .where(ours)
        .returning({ id: o.id });
      return done.length ? { as: giveUp ? "failed" : "retried", rows: n(done) } : null;
    }
  }
}
