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

/** Checks every rule (all are counted, so a blocked key stays blocked) and returns the strictest. */
export async function hitRateLimits(hits: Array<{ key: string; rule: RateLimitRule }>): Promise<RateLimitResult> {
  const results = await Promise.all(hits.map((h) => hitRateLimit(h.key, h.rule)));
  const blocked = results.filter((r) => !r.allowed);
  if (blocked.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...blocked.map((r) => r.retryAfterSeconds)) };
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
