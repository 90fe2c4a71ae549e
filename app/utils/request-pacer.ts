/**
 * Paces requests to a rate-limited API: starts are spaced evenly, 1000 / rate ms apart, so
 * a provider that allows `rate` requests a second (a bucket of `rate` refilled at `rate` a
 * second, or a one-second window) never sees more, even with some jitter on the way. Waiters
 * of a lower `priority` number go first: a sign-in link takes the next slot ahead of any
 * number of queued announcement batches. `pause` stops every start until a time (a 429's
 * Retry-After or RateLimit-Reset).
 */
export class RequestPacer {
  private nextStart = 0;
  private pausedUntil = 0;
  private readonly waiting: Array<{ priority: number; seq: number; resolve: () => void }> = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly ratePerSecond: number) {}

  get spacingMs() {
    return 1000 / this.ratePerSecond;
  }

  /** Resolves when this request may start. */
  acquire(priority = 0): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push({ priority, seq: this.seq++, resolve });
      this.pump();
    });
  }

  /** No request starts before `untilMs` (epoch ms). */
  pause(untilMs: number) {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
    this.nextStart = Math.max(this.nextStart, untilMs);
  }

  /** How many are waiting for a slot. */
  get queued() {
    return this.waiting.length;
  }

  private pump = () => {
    this.timer = null;
    while (this.waiting.length > 0) {
      const now = Date.now();
      const at = Math.max(this.nextStart, this.pausedUntil);
      if (at > now) {
        this.timer = setTimeout(this.pump, at - now);
        return;
      }
      let best = 0;
      for (let i = 1; i < this.waiting.length; i++) {
        const w = this.waiting[i]!;
        const b = this.waiting[best]!;
        if (w.priority < b.priority || (w.priority === b.priority && w.seq < b.seq)) best = i;
      }
      const [next] = this.waiting.splice(best, 1);
      this.nextStart = Math.max(now, this.nextStart) + this.spacingMs;
      next!.resolve();
    }
  };

  /** For tests: forget the schedule. */
  reset() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextStart = 0;
    this.pausedUntil = 0;
  }
}

/**
 * How long a 429 asks us to wait, in ms: the larger of Retry-After (seconds or an HTTP date)
 * and RateLimit-Reset (seconds until the window resets), at least `floorMs`.
 */
export function retryDelayMs(headers: Record<string, string> | null | undefined, floorMs = 1000, now = Date.now()): number {
  const h = Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const seconds = (value: string | undefined): number => {
    if (!value) return 0;
    const n = Number(value);
    if (Number.isFinite(n)) return Math.max(0, n * 1000);
    const date = Date.parse(value);
    return Number.isFinite(date) ? Math.max(0, date - now) : 0;
  };
  const wait = Math.max(seconds(h["retry-after"]), seconds(h["ratelimit-reset"]));
  return Math.min(Math.max(wait, floorMs), 10 * 60 * 1000);
}
