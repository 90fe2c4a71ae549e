/**
 * The page cache in front of Remix, on a real HTTP server: what it keeps, what it never
 * keeps or serves, and that every answer from it has a CSP nonce of its own.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createPageCache } from "~/server/page-cache";

const PUBLIC = "public, max-age=60, s-maxage=300";
let clock = 1_000_000;
const cache = createPageCache({ now: () => clock, maxEntries: 3 });
let rendered = 0;
let onRender: (() => void) | null = null;

const app = express();
app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce}'`);
  next();
});
app.use(cache.middleware);
app.get("/page", (req, res) => {
  rendered += 1;
  onRender?.();
  // A careless route that greets the signed-in person yet says "public": the cache must still never share it.
  const who = /csa_session=(\w+)/.exec(req.headers.cookie ?? "")?.[1] ?? "visitor";
  res.setHeader("Cache-Control", String(req.query.cc ?? PUBLIC));
  if (req.query.cookie) res.setHeader("Set-Cookie", "csa_nomination_x=abc; Path=/nominate");
  res.type("html").send(`<p>Hello ${who}</p><script nonce="${res.locals.cspNonce}">go()</script>`);
});
// One route for both languages, as the Welsh twins are (docs/decisions/030): the language is in the address.
app.get(["/bilingual", "/cy/bilingual"], (req, res) => {
  rendered += 1;
  res.setHeader("Cache-Control", PUBLIC);
  res.type("html").send(req.path.startsWith("/cy/") ? '<html lang="cy"><p>Croeso</p></html>' : '<html lang="en-GB"><p>Welcome</p></html>');
});
app.get("/missing", (_req, res) => {
  rendered += 1;
  res.status(404).setHeader("Cache-Control", PUBLIC).send("not here");
});

let base = "";
let server: ReturnType<typeof app.listen>;
beforeAll(async () => {
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  cache.invalidate();
  rendered = 0;
  onRender = null;
});

async function get(path: string, cookie?: string) {
  const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  const body = await response.text();
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonceInBody = /nonce="([^"]+)"/.exec(body)?.[1];
  return { status: response.status, body, headers: response.headers, nonceMatches: Boolean(nonceInBody) && csp.includes(`'nonce-${nonceInBody}'`), nonce: nonceInBody };
}

describe("the page cache", () => {
  test("keeps a public page for anonymous visitors, with a fresh nonce each time", async () => {
    const first = await get("/page");
    const second = await get("/page");
    expect(rendered).toBe(1);
    expect(second.body.replace(second.nonce!, "N")).toBe(first.body.replace(first.nonce!, "N"));
    expect(second.nonce).not.toBe(first.nonce);
    expect(first.nonceMatches && second.nonceMatches).toBe(true);
    expect(second.headers.get("cache-control")).toBe(PUBLIC);
    expect(second.headers.get("age")).toBe("0");
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
