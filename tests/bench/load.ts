/**
 * Load generation: autocannon for page throughput, and a small closed-loop driver for
 * journeys whose every request differs (a draft's cookie, a judge's session), which
 * records each request's latency.
 */
import { Agent, request as httpRequest } from "node:http";
import autocannon from "autocannon";

export type Throughput = { requestsPerSecond: number; requests: number; non2xx: number; errors: number; p99Ms: number };

/** Requests per second for one URL, after a warm-up that is not counted. */
export async function throughput(url: string, { seconds, connections, warmupSeconds = 0, headers = {} }: { seconds: number; connections: number; warmupSeconds?: number; headers?: Record<string, string> }): Promise<Throughput> {
  if (warmupSeconds > 0) await autocannon({ url, connections, duration: warmupSeconds, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.total / seconds,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p99Ms: result.latency.p99,
  };
}

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function send(
  url: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent, headers: body ? { "content-length": Buffer.byteLength(body).toString(), ...headers } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timed out: ${method} ${url}`)));
    if (body) req.write(body);
    req.end();
  });
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

export type LoopResult = { done: number; failed: number; seconds: number; latenciesMs: number[]; firstFailure: string | null };

/**
 * Runs `task(i)` for i = 0, 1, 2 … with `concurrency` workers, until `count` tasks are done or
 * `seconds` have passed; each worker waits `pauseMs` after each task (a person reading).
 * A task resolves to ok when its answer was the expected one.
 */
export async function closedLoop(
  task: (i: number, worker: number) => Promise<{ ok: boolean; detail?: string }>,
  { concurrency, count = Infinity, seconds = Infinity, pauseMs = 0 }: { concurrency: number; count?: number; seconds?: number; pauseMs?: number },
): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      // Paced workers start spread over one pause, as people do, not all in the same instant.
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, (pauseMs * worker) / concurrency));
      while (next < count && performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        const result = await task(i, worker).catch((error: unknown) => ({ ok: false, detail: String(error) }));
        latenciesMs.push(performance.now() - t0);
        if (!result.ok) {
          failed += 1;
          firstFailure ??= result.detail ?? "unexpected answer";
        }
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      }
    }),
  );
  return { done: latenciesMs.length, failed, seconds: (performance.now() - started) / 1000, latenciesMs, firstFailure };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
