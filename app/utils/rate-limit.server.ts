/**
 * Fixed-window rate limits kept in the database, so they hold across app servers.
 */
import { lt, sql } from "drizzle-orm";
import { db, schema } from "./db.server";

export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

export async function hitRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const cutoff = new Date(now.getTime() - rule.windowMs);
  const t = schema.rateLimits;
  const [row] = await db
    .insert(t)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        windowStart: sql`case when ${t.windowStart} < ${cutoff.toISOString()}::timestamptz then excluded.window_start else ${t.windowStart} end`,
        count: sql`case when ${t.windowStart} < ${cutoff.toISOString()}::timestamptz then 1 else ${t.count} + 1 end`,
      },
    })
    .returning({ count: t.count, windowStart: t.windowStart });
  const resetAt = row.windowStart.getTime() + rule.windowMs;
  return {
    allowed: row.count <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
  };
}

/**
 * Checks every rule (all are counted, so a blocked key stays blocked) and returns the strictest.
 * One statement for all the counters: each key's window is its own, picked by key.
 */
export async function hitRateLimits(hits: Array<{ key: string; rule: RateLimitRule }>, now = new Date()): Promise<RateLimitResult> {
  if (hits.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  // A statement may touch a row once: the same key twice is counted twice, one at a time.
  const keys = new Set(hits.map((h) => h.key));
  const results =
    keys.size === hits.length
      ? await hitTogether(hits, now)
      : await Promise.all(hits.map((h) => hitRateLimit(h.key, h.rule, now)));
  const blocked = results.filter((r) => !r.allowed);
  if (blocked.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...blocked.map((r) => r.retryAfterSeconds)) };
}

async function hitTogether(hits: Array<{ key: string; rule: RateLimitRule }>, now: Date): Promise<RateLimitResult[]> {
  const t = schema.rateLimits;
  const cutoff = sql`(case excluded.key ${sql.join(
    hits.map((h) => sql`when ${h.key} then ${new Date(now.getTime() - h.rule.windowMs).toISOString()}::timestamptz`),
    sql` `,
  )} end)`;
  const rows = await db
    .insert(t)
    // In key order, so two statements lock shared counters in the same order and never deadlock.
    .values([...hits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((h) => ({ key: h.key, windowStart: now, count: 1 })))
    .onConflictDoUpdate({
      target: t.key,
      set: {
        windowStart: sql`case when ${t.windowStart} < ${cutoff} then excluded.window_start else ${t.windowStart} end`,
        count: sql`case when ${t.windowStart} < ${cutoff} then 1 else ${t.count} + 1 end`,
      },
    })
    .returning({ key: t.key, count: t.count, windowStart: t.windowStart });
  return hits.map((h) => {
    const row = rows.find((r) => r.key === h.key)!;
    const resetAt = row.windowStart.getTime() + h.rule.windowMs;
    return { allowed: row.count <= h.rule.limit, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
  });
}

/**
 * Counters name addresses and emails, so none outlives the day after its window: every rule's
 * window is an hour or less, and a counter idle for a day has nothing left to limit.
 */
export const RATE_LIMIT_KEPT_MS = 24 * 60 * 60 * 1000;

/** Deletes counters whose window started more than a day ago; returns how many went. */
export async function pruneRateLimits(now = new Date()): Promise<number> {
  const gone = await db
    .delete(schema.rateLimits)
    .where(lt(schema.rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_KEPT_MS)))
    .returning({ key: schema.rateLimits.key });
  return gone.length;
}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}
