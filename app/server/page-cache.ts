/**
 * An in-process cache of public pages, in front of Remix (docs/decisions/009). It keeps an
 * answer only when a CDN could: a 200 with `public, s-maxage=N` and no Set-Cookie, to a GET
 * without a session or draft cookie; and for no longer than N seconds. It never answers a
 * request that carries a personal cookie, so no one's page reaches anyone else.
 *
 * The database tells every server when public content changes (a trigger NOTIFYs
 * 'csa_public_content' at commit; see db/migrations/0005); `invalidate` empties the cache.
 * A page stored while such a change was in flight is dropped, never served.
 *
 * Each answer from the cache carries a fresh CSP nonce: the stored HTML is split at the
 * nonce it was rendered with, and joined with the nonce of the request being answered.
 */
import type { RequestHandler, Response } from "express";
import { hasPersonalCookie, sharedMaxAge } from "~/domain/public-cache";

export const PUBLIC_CONTENT_CHANNEL = "csa_public_content";

type Entry = {
  status: number;
  headers: Record<string, string | number | string[]>;
  /** The HTML split at its nonce, or the whole body when it has none. */
  parts: string[] | null;
  body: Buffer;
  storedAt: number;
  expiresAt: number;
  generation: number;
};

// Headers that belong to one answer, not to the page: the server sets them afresh each time.
const PER_ANSWER = new Set(["content-security-policy", "content-length", "content-encoding", "transfer-encoding", "connection", "date", "set-cookie", "age", "keep-alive"]);

export type PageCache = {
  middleware: RequestHandler;
  invalidate(): void;
  readonly size: number;
  readonly stats: { hits: number; stores: number; invalidations: number };
};

export function createPageCache({ maxEntries = 500, maxBodyBytes = 2 * 1024 * 1024, now = () => Date.now() } = {}): PageCache {
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, stores: 0, invalidations: 0 };
  let generation = 0;

  const serve = (res: Response, entry: Entry) => {
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
    // A shared cache downstream keeps it only for what is left of s-maxage.
    res.setHeader("Age", String(Math.floor((now() - entry.storedAt) / 1000)));
    const nonce = res.locals.cspNonce;
    res.status(entry.status).end(entry.parts && typeof nonce === "string" ? entry.parts.join(nonce) : entry.body);
  };

  const middleware: RequestHandler = (req, res, next) => {
    if (req.method !== "GET" || hasPersonalCookie(req.headers.cookie) || req.headers.authorization) return next();
    const key = req.originalUrl;
    const hit = entries.get(key);
    if (hit && hit.generation === generation && hit.expiresAt > now()) {
      stats.hits += 1;
      return serve(res, hit);
    }
    if (hit) entries.delete(key);

    const startedIn = generation;
    const nonce = res.locals.cspNonce;
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > maxBodyBytes) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      store();
      return end(chunk, ...rest);
    }) as Response["end"];

    const store = () => {
      const maxAge = sharedMaxAge(res.getHeader("cache-control")?.toString());
      if (res.statusCode !== 200 || maxAge === 0 || res.getHeader("set-cookie") !== undefined) return;
      if (size > maxBodyBytes || startedIn !== generation) return;
      const body = Buffer.concat(chunks);
      const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
      const headers: Entry["headers"] = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (!PER_ANSWER.has(name) && value !== undefined) headers[name] = value;
      }
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, {
        status: 200,
        headers,
        parts: html && typeof nonce === "string" && nonce ? body.toString("utf8").split(nonce) : null,
        body,
        storedAt: now(),
        expiresAt: now() + maxAge * 1000,
        generation,
      });
      stats.stores += 1;
    };
    next();
  };

  return {
    middleware,
    invalidate() {
      generation += 1;
      entries.clear();
      stats.invalidations += 1;
    },
    get size() {
      return entries.size;
    },
    stats,
  };
}
