/**
 * A stand-in for the Resend HTTP API on 127.0.0.1, so the real client code runs and
 * only the network edge is replaced. What it does as Resend documents:
 * - POST /emails (one email) and POST /emails/batch (an array of at most 100, all or none);
 * - Idempotency-Key: a repeat of a key with the same body returns the first answer and
 *   delivers nothing new; the same key with another body is 409 invalid_idempotent_request;
 *   the same key while the first request is still being answered is 409
 *   concurrent_idempotent_requests. A failed request stores nothing, so it may be retried.
 * - a rate limit (2 requests a second by default): a bucket of `ratePerSecond` requests
 *   refilled at that rate; a request beyond it is 429 rate_limit_exceeded with
 *   retry-after and ratelimit-reset in seconds, and every answer carries ratelimit-* headers.
 * It counts deliveries per email: `emailKey` is the email's `outbox_key` tag (the outbox row
 * it came from), or the request's idempotency key when it has none.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Delivered = {
  to: string;
  subject: string;
  html: string;
  text: string;
  from: string;
  /** The request's Idempotency-Key (a batch's key for each of its emails). */
  idempotencyKey?: string;
  /** The outbox row this email came from (its outbox_key tag), else the request's key. */
  emailKey?: string;
  tags?: Array<{ name: string; value: string }>;
  batch?: boolean;
  /** When it was delivered (epoch ms). */
  at?: number;
};
export type Behaviour = "ok" | "hang" | number;

type Email = Omit<Delivered, "idempotencyKey" | "emailKey" | "batch" | "at">;

/**
 * `delayMs` answers each request that much later, so a test can kill a sender mid-request.
 * `ratePerSecond` is the account's rate limit (Infinity: none).
 */
export async function startMockResend({ delayMs = 0, ratePerSecond = 2 }: { delayMs?: number; ratePerSecond?: number } = {}) {
  /** One entry per email of each request, with when the request arrived and how it was answered (undefined: still being answered). */
  const received: Array<{ path: string; headers: IncomingHttpHeaders; body: Delivered; status?: number; at: number }> = [];
  const delivered: Delivered[] = [];
  const byKey = new Map<string, { hash: string; answer: unknown } | "in-progress">();
  let behaviour: Behaviour = "ok";
  let counter = 0;
  let limited = 0;
  let tokens = ratePerSecond;
  let refilledAt = Date.now();

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  /** Takes a token, or says how many seconds until one is free. */
  const take = (): { ok: true; remaining: number } | { ok: false; waitSeconds: number } => {
    if (!Number.isFinite(ratePerSecond)) return { ok: true, remaining: 1000 };
    const now = Date.now();
    tokens = Math.min(ratePerSecond, tokens + ((now - refilledAt) / 1000) * ratePerSecond);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return { ok: true, remaining: Math.floor(tokens) };
    }
    return { ok: false, waitSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerSecond)) };
  };

  const server = createServer((req, res) => {
    // The rate limit counts a request when it arrives, as the provider's edge does.
    const slot = take();
    const arrivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const key = req.headers["idempotency-key"] as string | undefined;
      const path = (req.url ?? "").split("?")[0]!;
      const isBatch = path === "/emails/batch";
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw || "{}");
      } catch {
        parsed = null;
      }
      // One entry per email the request carried (a batch: each of them), all with its outcome.
      const carried = (Array.isArray(parsed) ? parsed : [parsed ?? {}]) as Email[];
      const entries = carried.map((email) => ({ path, headers: req.headers, body: { ...email, idempotencyKey: key, batch: isBatch } as Delivered, status: undefined as number | undefined, at: arrivedAt }));
      received.push(...entries);
      const entry = {
        set status(value: number | undefined) {
          for (const e of entries) e.status = value;
        },
      };
      const limitHeaders = { "ratelimit-limit": String(ratePerSecond), "ratelimit-policy": `${ratePerSecond};w=1` };
      if (!slot.ok) {
        limited += 1;
        entry.status = 429;
        const wait = String(slot.waitSeconds);
        return json(res, 429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." }, { ...limitHeaders, "ratelimit-remaining": "0", "ratelimit-reset": wait, "retry-after": wait });
      }
      const headers = { ...limitHeaders, "ratelimit-remaining": String(slot.remaining), "ratelimit-reset": "1" };
      const answer = () => {
        if (behaviour === "hang") return; // never answers: the client must time out
        if (typeof behaviour === "number") {
          entry.status = behaviour;
          return json(res, behaviour, { statusCode: behaviour, name: "internal_server_error", message: "mock failure" }, headers);
        }
        if (req.headers.authorization !== "Bearer re_test_key") {
          entry.status = 401;
          return json(res, 401, { statusCode: 401, name: "missing_api_key", message: "bad key" }, headers);
        }
        const emails = (isBatch ? parsed : [parsed]) as Email[];
        if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100 || emails.some((e) => !e || !e.to || !e.from || !e.subject)) {
          entry.status = 422;
          return json(res, 422, { statusCode: 422, name: "validation_error", message: "each email needs from, to and subject; a batch holds 1 to 100" }, headers);
        }
        const hash = createHash("sha256").update(`${path}\n${raw}`).digest("hex");
        const known = key ? byKey.get(key) : undefined;
        if (known === "in-progress") {
          entry.status = 409;
          return json(res, 409, { statusCode: 409, name: "concurrent_idempotent_requests", message: "Same idempotency key used while original request is still in progress." }, headers);
        }
        if (known) {
          if (known.hash !== hash) {
            entry.status = 409;
            return json(res, 409, { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload." }, headers);
          }
          entry.status = 200;
          return json(res, 200, known.answer, headers);
        }
        const ids = emails.map((email) => {
          const id = `mock-${++counter}`;
          const tag = email.tags?.find((t) => t.name === "outbox_key")?.value;
          delivered.push({ ...email, idempotencyKey: key, emailKey: tag ?? key, batch: isBatch, at: Date.now() });
          return id;
        });
        const body = isBatch ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
        if (key) byKey.set(key, { hash, answer: body });
        entry.status = 200;
        json(res, 200, body, headers);
      };
      // While a keyed request is being answered, a repeat of its key is "concurrent".
      const key0 = key && !byKey.has(key) ? key : undefined;
      if (key0) byKey.set(key0, "in-progress");
      const release = () => {
        if (key0 && byKey.get(key0) === "in-progress") byKey.delete(key0);
      };
      setTimeout(() => {
        release();
        answer();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    delivered,
    /** Requests answered 429. */
    get limited() {
      return limited;
    },
    /** Deliveries per email (emailKey): how many were delivered, and how many more than once. */
    counts() {
      const per = new Map<string, number>();
      for (const d of delivered) per.set(d.emailKey ?? "", (per.get(d.emailKey ?? "") ?? 0) + 1);
      return { delivered: delivered.length, distinct: per.size, twice: [...per.values()].filter((n) => n > 1).length, per };
    },
    set(next: Behaviour) {
      behaviour = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
