import { describe, expect, test } from "vitest";
import { db, schema } from "~/utils/db.server";
import { hitRateLimit, pruneRateLimits, RATE_LIMIT_KEPT_MS } from "~/utils/rate-limit.server";

const HOUR = 60 * 60 * 1000;

describe("rate-limit counters", () => {
  test("count within a window, start again after it, and refuse past the limit", async () => {
    const rule = { limit: 2, windowMs: HOUR };
    const start = new Date("2031-03-01T10:00:00Z");
    expect((await hitRateLimit("test:count:a", rule, start)).allowed).toBe(true);
    expect((await hitRateLimit("test:count:a", rule, new Date(start.getTime() + 1000))).allowed).toBe(true);
    const third = await hitRateLimit("test:count:a", rule, new Date(start.getTime() + 2000));
    expect(third.allowed).toBe(false);
    expect(third.retryAfterSeconds).toBe(HOUR / 1000 - 2);
    expect((await hitRateLimit("test:count:a", rule, new Date(start.getTime() + HOUR + 1))).allowed).toBe(true);
  });

  test("a counter idle for more than a day is pruned; a recent one stays", async () => {
    const now = new Date("2031-04-01T12:00:00Z");
    const rule = { limit: 5, windowMs: HOUR };
    await hitRateLimit("test:prune:old-192.0.2.9", rule, new Date(now.getTime() - RATE_LIMIT_KEPT_MS - 1000));
    await hitRateLimit("test:prune:recent-192.0.2.10", rule, new Date(now.getTime() - HOUR));
    const gone = await pruneRateLimits(now);
    expect(gone).toBeGreaterThanOrEqual(1);
    const keys = (await db.select({ key: schema.rateLimits.key }).from(schema.rateLimits)).map((r) => r.key);
    expect(keys).not.toContain("test:prune:old-192.0.2.9");
    expect(keys).toContain("test:prune:recent-192.0.2.10");
  });
});
