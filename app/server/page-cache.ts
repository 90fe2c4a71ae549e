/**
 * An in-process cache of public pages, in front of Remix (docs/decisions/009 and 036). It
 * keeps an answer only when a CDN could: a 200 with `public, s-maxage=N` and no Set-Cookie,
 * to a GET without a session or draft cookie; and for no longer than N seconds. It never
 * answers a request that carries a personal cookie, so no one's page reaches anyone else.
 *
 * The database tells every server when public content changes (a trigger NOTIFYs
 * 'csa_public_content' at commit; see db/migrations/0005); `invalidate` empties the cache.
 * A page stored while such a change was in flight is dropped, never served.
 *
 * A page is stored once and then sent as it is. Its inline scripts are allowed by their
 * SHA-256 hashes, computed when it is stored, instead of the nonce it was rendered with: the
 * nonce attributes are taken out of the stored HTML, and the stored Content-Security-Policy
 * lists the hashes in the nonce's place (see `hashedPolicy` for why without 'strict-dynamic').
 * A gzip of the page is made then too (and a brotli copy soon after, off the main thread),
 * with every header of each copy, so a hit is one `writeHead` and one `end` of stored bytes,
 * from a plain node:http handler (`inFrontOf`) before Express and Remix.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { brotliCompress, constants as zlib, gzipSync } from "node:zlib";
import type { RequestHandler, Response } from "express";
import { hasPersonalCookie, sharedMaxAge } from "~/domain/public-cache";

export const PUBLIC_CONTENT_CHANNEL = "csa_public_content";

type Headers = Record<string, string | number | string[]>;
/** One encoding of a stored page, with every header it goes out with but Age and Date. */
type Copy = { body: Buffer; headers: Headers };

type Entry = {
  identity: Copy;
  gzip: Copy | null;
  br: Copy | null;
  storedAt: number;
  expiresAt: number;
  generation: number;
};

// Headers that belong to one answer, not to the page: the cache sets them for each copy.
const PER_ANSWER = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "date", "set-cookie", "age", "keep-alive"]);

export type PageCache = {
  /**
   * Answers a request from memory if it can, straight on node:http; false when the request
   * must go on to the app: a write, a request with a body, a personal cookie or
   * credentials, or a page not (or no longer) kept.
   */
  answer(req: IncomingMessage, res: ServerResponse): boolean;
  /** Express middleware behind the security headers and compression: keeps what may be kept. */
  middleware: RequestHandler;
  invalidate(): void;
  /** The stored bytes of a page, for tests and diagnostics. */
  peek(url: string): { identity: Buffer; gzip: Buffer | null; br: Buffer | null } | undefined;
  readonly size: number;
  readonly stats: { hits: number; stores: number; invalidations: number };
};

/** A node:http listener that answers from `cache` what it can and hands the rest to `app`. */
export function inFrontOf(cache: PageCache, app: RequestListener): RequestListener {
  return (req, res) => {
    if (!cache.answer(req, res)) app(req, res);
  };
}

/** SHA-256 CSP sources for every inline script of a page, as a browser hashes them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(` ${match[1]}`)) continue;
    // The HTML parser turns CR LF and lone CR into LF before a script sees its text.
    const text = match[2].replace(/\r\n?/g, "\n");
    hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The policy a stored page goes out with: the page's own policy with its nonce replaced by
 * the hashes of its inline scripts. 'strict-dynamic' goes too: under it Chromium refuses
 * the `import()` of the client entry in Remix's hash-allowed inline module script (the
 * import is parser-inserted and carries no valid nonce), so the page would never hydrate.
 * Without it, 'self' decides which script files may load, which for this site means its
 * own built assets only: uploads are served as attachments in a sandbox, and nosniff stops
 * anything without a JavaScript type from running. An injected inline script, with or
 * without a guessed or old nonce, matches no hash and is refused.
 */
export function hashedPolicy(policy: string, nonce: string, hashes: string[]): string {
  return policy
    .split(";")
    .map((directive) => {
      const words = directive.trim().split(/\s+/);
      if (!words.includes(`'nonce-${nonce}'`)) return directive.trim();
      return words.flatMap((w) => (w === `'nonce-${nonce}'` ? hashes : w === "'strict-dynamic'" ? [] : [w])).join(" ");
    })
    .join("; ");
}

/** The best stored encoding the request accepts: brotli, then gzip, else the page itself. */
function chooseCopy(entry: Entry, acceptEncoding: string | undefined): Copy {
  if (!acceptEncoding || (!entry.gzip && !entry.br)) return entry.identity;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(coding.trim());
  }
  const any = accepted.has("*");
  if (entry.br && (accepted.has("br") || any)) return entry.br;
  if (entry.gzip && (accepted.has("gzip") || any)) return entry.gzip;
  return entry.identity;
}

function withVary(headers: Headers, token: string): Headers {
  const vary = headers.vary === undefined ? [] : String(headers.vary).split(",").map((v) => v.trim()).filter(Boolean);
  if (!vary.some((v) => v.toLowerCase() === token.toLowerCase())) vary.push(token);
  return { ...headers, vary: vary.join(", ") };
}

export function createPageCache({ maxEntries = 500, maxBodyBytes = 2 * 1024 * 1024, now = () => Date.now() } = {}): PageCache {
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, stores: 0, invalidations: 0 };
  let generation = 0;

  const current = (key: string): Entry | undefined => {
    const hit = entries.get(key);
    if (hit && hit.generation === generation && hit.expiresAt > now()) return hit;
    if (hit) entries.delete(key);
    return undefined;
  };

  const serve = (req: IncomingMessage, res: ServerResponse, entry: Entry) => {
    stats.hits += 1;
    const copy = chooseCopy(entry, req.headers["accept-encoding"]);
    // A shared cache downstream keeps it only for what is left of s-maxage.
    res.setHeader("Age", String(Math.floor((now() - entry.storedAt) / 1000)));
    res.writeHead(200, copy.headers);
    res.end(copy.body);
  };

  const shareable = (req: IncomingMessage) => req.method === "GET" && !hasPersonalCookie(req.headers.cookie) && !req.headers.authorization;

  const answer: PageCache["answer"] = (req, res) => {
    // A request with a body goes through the body gate, whatever it asks for.
    if (!shareable(req) || req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0) return false;
    const hit = current(req.url ?? "");
    if (!hit) return false;
    serve(req, res, hit);
    return true;
  };

  const middleware: RequestHandler = (req, res, next) => {
    if (!shareable(req)) return next();
    const key = req.originalUrl;
    const hit = current(key);
    if (hit) return serve(req, res, hit);

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
      let body = Buffer.concat(chunks);
      let headers: Headers = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (!PER_ANSWER.has(name) && value !== undefined) headers[name] = value;
      }
      const html = String(headers["content-type"] ?? "").startsWith("text/html");
      if (typeof nonce === "string" && nonce) {
        // The nonce belonged to the first visitor's answer: the stored page names its scripts by hash.
        let hashes: string[] = [];
        if (html) {
          const page = body.toString("utf8").split(` nonce="${nonce}"`).join("");
          hashes = inlineScriptHashes(page);
          body = Buffer.from(page, "utf8");
        }
        const policy = headers["content-security-policy"];
        if (typeof policy === "string") headers["content-security-policy"] = hashedPolicy(policy, nonce, hashes);
      }
      const compress = html || /^(text\/|application\/(json|javascript|xml))/.test(String(headers["content-type"] ?? ""));
      if (compress) headers = withVary(headers, "Accept-Encoding");
      const copy = (bytes: Buffer, encoding?: string): Copy => ({
        body: bytes,
        headers: { ...headers, ...(encoding ? { "content-encoding": encoding } : {}), "content-length": String(bytes.length) },
      });
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      const entry: Entry = {
        identity: copy(body),
        gzip: compress ? copy(gzipSync(body, { level: 9 }), "gzip") : null,
        br: null,
        storedAt: now(),
        expiresAt: now() + maxAge * 1000,
        generation,
      };
      entries.set(key, entry);
      stats.stores += 1;
      if (compress) {
        // Brotli at its best level takes some milliseconds: made on the thread pool, used once ready.
        brotliCompress(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }, (error, bytes) => {
          if (!error) entry.br = copy(bytes, "br");
        });
      }
    };
    next();
  };

  return {
    answer,
    middleware,
    invalidate() {
      generation += 1;
      entries.clear();
      stats.invalidations += 1;
    },
    peek(url) {
      const entry = current(url);
      return entry && { identity: entry.identity.body, gzip: entry.gzip?.body ?? null, br: entry.br?.body ?? null };
    },
    get size() {
      return entries.size;
    },
    stats,
  };
}
