/**
 * The page cache in front of Remix, on a real HTTP server mounted as index.ts mounts it
 * (hits answered on node:http before Express; misses through Express and compression): what
 * it keeps, what it never keeps or serves, that a kept page's inline scripts are allowed by
 * hash and never by the nonce of the answer it was kept from, and that its stored gzip goes
 * out byte for byte.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createPageCache, hashedPolicy, inFrontOf, inlineScriptHashes } from "~/server/page-cache";

const PUBLIC = "public, max-age=60, s-maxage=300";
let clock = 1_000_000;
const cache = createPageCache({ now: () => clock, maxEntries: 3 });
let rendered = 0;
let onRender: (() => void) | null = null;
let reachedExpress = 0;

const app = express();
app.use((_req, res, next) => {
  reachedExpress += 1;
  res.locals.cspNonce = randomBytes(16).toString("base64");
  res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce}'`);
  next();
});
app.use(compression());
app.use(cache.middleware);
app.get("/page", (req, res) => {
  rendered += 1;
  onRender?.();
  // A careless route that greets the signed-in person yet says "public": the cache must still never share it.
  const who = /csa_session=(\w+)/.exec(req.headers.cookie ?? "")?.[1] ?? "visitor";
  res.setHeader("Cache-Control", String(req.query.cc ?? PUBLIC));
  if (req.query.cookie) res.setHeader("Set-Cookie", "csa_nomination_x=abc; Path=/nominate");
  res.type("html").send(`<p>Hello ${who}</p><script nonce="${res.locals.cspNonce}">go()</script>${"<p>Words to compress.</p>".repeat(80)}`);
});
// One route for both languages, as the Welsh twins are (docs/decisions/030): the language is in the address.
app.get(["/bilingual", "/cy/bilingual"], (req, res) => {
  rendered += 1;
  res.setHeader("Cache-Control", PUBLIC);
  res.type("html").send(req.path.startsWith("/cy/") ? '<html lang="cy"><p>Croeso</p></html>' : '<html lang="en-GB"><p>Welcome</p></html>');
});
app.get("/notes.txt", (_req, res) => {
  rendered += 1;
  res.setHeader("Cache-Control", PUBLIC);
  res.type("text/plain").send("Plain words.");
});
app.get("/missing", (_req, res) => {
  rendered += 1;
  res.status(404).setHeader("Cache-Control", PUBLIC).send("not here");
});

let base = "";
let server: Server;
beforeAll(async () => {
  server = createServer(inFrontOf(cache, app)).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  cache.invalidate();
  rendered = 0;
  reachedExpress = 0;
  onRender = null;
});

async function get(path: string, cookie?: string) {
  const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  const body = await response.text();
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonceInBody = /nonce="([^"]+)"/.exec(body)?.[1];
  return { status: response.status, body, headers: response.headers, csp, nonceMatches: Boolean(nonceInBody) && csp.includes(`'nonce-${nonceInBody}'`), nonce: nonceInBody };
}

/** The bytes as they came over the wire, not decompressed. */
function raw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("the page cache", () => {
  test("keeps a public page for anonymous visitors; its scripts are allowed by hash, never by an earlier answer's nonce", async () => {
    const first = await get("/page");
    const second = await get("/page");
    const third = await get("/page");
    expect(rendered).toBe(1);
    // Hits are answered before Express.
    expect(reachedExpress).toBe(1);
    expect(first.nonceMatches).toBe(true);
    // The kept page: the same HTML without the first answer's nonce, whose policy names the script by its hash.
    expect(second.body).toBe(first.body.replace(` nonce="${first.nonce}"`, ""));
    expect(second.nonce).toBeUndefined();
    expect(second.csp).toBe(`script-src ${sha256("go()")}`);
    expect(second.csp).not.toContain(first.nonce);
    expect(second.csp).not.toContain("nonce-");
    expect(third.body).toBe(second.body);
    expect(second.headers.get("cache-control")).toBe(PUBLIC);
    expect(second.headers.get("age")).toBe("0");
  });

  test("a kept answer that is not HTML carries no earlier nonce either", async () => {
    const first = await get("/notes.txt");
    const second = await get("/notes.txt");
    expect(rendered).toBe(1);
    expect(first.csp).toMatch(/'nonce-/);
    expect(second.csp).toBe("script-src");
    expect(second.body).toBe("Plain words.");
  });

  test("a kept page's gzip is made once and goes out byte for byte; brotli too once made", async () => {
    await get("/page");
    const first = await raw("/page", { "accept-encoding": "gzip, deflate" });
    const second = await raw("/page", { "accept-encoding": "gzip" });
    const stored = cache.peek("/page")!;
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(first.headers["content-length"])).toBe(stored.gzip!.length);
    expect(first.body.equals(stored.gzip!)).toBe(true);
    expect(second.body.equals(stored.gzip!)).toBe(true);
    expect(gunzipSync(first.body).equals(stored.identity)).toBe(true);
    // No Accept-Encoding, or gzip refused: the page itself.
    for (const encoding of [undefined, "gzip;q=0"]) {
      const plain = await raw("/page", encoding ? { "accept-encoding": encoding } : {});
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.equals(stored.identity)).toBe(true);
    }
    await vi.waitFor(() => expect(cache.peek("/page")!.br).not.toBeNull());
    const br = await raw("/page", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.equals(cache.peek("/page")!.br!)).toBe(true);
    expect(rendered).toBe(1);
  });

  test("a request with a body, or that is not a GET, is never answered before the app", async () => {
    await get("/page");
    const res = {} as ServerResponse;
    const ask = (method: string, headers: Record<string, string>) => cache.answer({ method, url: "/page", headers } as unknown as IncomingMessage, res);
    expect(ask("GET", { "content-length": "5" })).toBe(false);
    expect(ask("GET", { "transfer-encoding": "chunked" })).toBe(false);
    expect(ask("HEAD", {})).toBe(false);
    expect(ask("POST", {})).toBe(false);
    expect(ask("GET", { cookie: "csa_session=abc" })).toBe(false);
    expect(ask("GET", { authorization: "Basic eDp5" })).toBe(false);
  });

  test("never serves a signed-in person from it, nor keeps their page", async () => {
    await get("/page"); // an anonymous copy is kept
    const judge = await get("/page", "csa_session=judgeone");
    expect(judge.body).toContain("Hello judgeone");
    const nominator = await get("/page", "csa_nomination_group-of-the-year=abc");
    expect(nominator.body).toContain("Hello visitor");
    expect(rendered).toBe(3);
    // The judge's page was not stored: the next visitor gets the anonymous copy.
    cache.invalidate();
    await get("/page", "csa_session=judgetwo");
    const visitor = await get("/page");
    expect(visitor.body).toContain("Hello visitor");
    expect(visitor.body).not.toContain("judge");
  });

  test("keeps nothing that sets a cookie, is not public, or is not a 200", async () => {
    for (const path of ["/page?cookie=1", "/page?cc=no-store", "/page?cc=public,max-age=60", "/missing"]) {
      await get(path);
      await get(path);
    }
    expect(rendered).toBe(8);
    expect(cache.size).toBe(0);
  });

  test("lets a page go after its s-maxage, and on invalidation", async () => {
    await get("/page");
    clock += 299_000;
    await get("/page");
    expect(rendered).toBe(1);
    expect((await get("/page")).headers.get("age")).toBe("299");
    clock += 2_000;
    await get("/page");
    expect(rendered).toBe(2);
    cache.invalidate();
    await get("/page");
    expect(rendered).toBe(3);
  });

  test("drops a page rendered while its content changed", async () => {
    onRender = () => cache.invalidate();
    await get("/page");
    onRender = null;
    await get("/page");
    expect(rendered).toBe(2);
  });

  test("keeps a bounded number of pages", async () => {
    for (const q of ["a", "b", "c", "d"]) await get(`/page?v=${q}`);
    expect(cache.size).toBe(3);
    await get("/page?v=a");
    expect(rendered).toBe(5);
  });
});

describe("each language has its own cached copy", () => {
  test("a cached English page is never served for the Welsh address, nor the other way round", async () => {
    expect((await get("/bilingual")).body).toContain("Welcome");
    expect((await get("/bilingual")).headers.get("age")).not.toBeNull();
    const welsh = await get("/cy/bilingual");
    expect(welsh.body).toContain("Croeso");
    expect(welsh.body).not.toContain("Welcome");
    expect(welsh.headers.get("age")).toBeNull();
    expect((await get("/cy/bilingual")).body).toContain("Croeso");
    expect((await get("/bilingual")).body).toContain("Welcome");
    expect(rendered).toBe(2);
  });
});

describe("inline scripts by hash", () => {
  test("every inline script, classic or module, is hashed as a browser reads it; scripts with a source are not", () => {
    const html = '<script nonce="n">a()</script><script type="module" async="">import "/x.js";\r\nb()</script><script src="/y.js"></script><SCRIPT>c()</SCRIPT >';
    expect(inlineScriptHashes(html)).toEqual([sha256("a()"), sha256('import "/x.js";\nb()'), sha256("c()")]);
  });

  test("the nonce gives way to the hashes, and 'strict-dynamic' goes with it; nothing else changes", () => {
    const policy = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self'; object-src 'none'";
    expect(hashedPolicy(policy, "abc", ["'sha256-x'", "'sha256-y'"])).toBe("default-src 'self'; script-src 'self' 'sha256-x' 'sha256-y'; style-src 'self'; object-src 'none'");
    expect(hashedPolicy(policy, "other", ["'sha256-x'"])).toBe(policy);
  });
});
