/**
 * The Express layer in front of Remix (app/server/app.ts), mounted for real on a port of
 * its own: security headers on every answer (HSTS only when the site is served over
 * HTTPS), the Origin check on writes, and the body limit, declared or chunked.
 * No request here reaches Remix: a static file answers reads, and writes are refused first.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { contentSecurityPolicy, createApp } from "~/server/app";
import { isPostgresClosedSocketWrite } from "~/server/start";
import { parseEnv } from "~/utils/env.server";

const clientDir = mkdtempSync(join(tmpdir(), "csa-client-"));
writeFileSync(join(clientDir, "hello.txt"), "hello");
const neverCalled = (() => Promise.reject(new Error("this test never reaches Remix"))) as unknown as () => Promise<ServerBuild>;

async function serve(vars: Record<string, string>) {
  const app = createApp({ env: parseEnv({ NODE_ENV: "production", BODY_LIMIT_MB: "1", ...vars }), build: neverCalled, clientDir });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let plain: Awaited<ReturnType<typeof serve>>;
let https: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  plain = await serve({ APP_URL: "http://localhost:3000" });
  https = await serve({ APP_URL: "https://awards.example.org" });
});
afterAll(() => {
  plain.server.close();
  https.server.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe("security headers", () => {
  test("every answer carries them; HSTS only when the site is served over HTTPS", async () => {
    const overHttp = await fetch(`${plain.url}/hello.txt`);
    const overHttps = await fetch(`${https.url}/hello.txt`);
    for (const response of [overHttp, overHttps]) {
      expect(response.status).toBe(200);
      const h = response.headers;
      expect(h.get("x-content-type-options")).toBe("nosniff");
      expect(h.get("x-frame-options")).toBe("DENY");
      expect(h.get("referrer-policy")).toBe("same-origin");
      expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(h.get("permissions-policy")).toContain("camera=()");
      expect(h.get("x-powered-by")).toBeNull();
      expect(h.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    }
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  test("each answer gets a fresh nonce", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const csp = (await fetch(`${plain.url}/hello.txt`)).headers.get("content-security-policy")!;
      nonces.add(csp.match(/'nonce-([^']+)'/)![1]);
    }
    expect(nonces.size).toBe(5);
  });

  test("the production CSP allows no inline script, style, plugin, frame or base other than its own", () => {
    const csp = contentSecurityPolicy("abc", false);
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(directives["style-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'none'"]);
    expect(directives["form-action"]).toEqual(["'self'"]);
  });
});

describe("writes", () => {
  test("a write with no Origin, a foreign one or a malformed one is refused with 403", async () => {
    for (const origin of [undefined, "https://evil.example", "null", "http://localhost:3000.evil.example", "not a url"]) {
      const response = await fetch(`${plain.url}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...(origin ? { Origin: origin } : {}) },
        body: "email=a%40b.org",
      });
      expect(response.status, String(origin)).toBe(403);
      expect(await response.text()).toContain("sent from another site");
    }
  });

  test("a body declared over the limit is refused with 413 (chunked bodies: tests/e2e/security.spec.ts)", async () => {
    const declared = await fetch(`${plain.url}/login`, {
      method: "POST",
      headers: { Origin: plain.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=" + "a".repeat(1024 * 1024 + 10),
    });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain("The limit is 1 MB");

  });
});

test("only postgres.js's write to a closed socket is survived; any other uncaught error stops the server", () => {
  const known = new TypeError("Cannot read properties of null (reading 'write')");
  known.stack = `${known.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)`;
  expect(isPostgresClosedSocketWrite(known)).toBe(true);
  const other = new TypeError("Cannot read properties of null (reading 'write')");
  other.stack = `${other.message}\n    at render (file:///app/build/server/index.js:1:1)`;
  expect(isPostgresClosedSocketWrite(other)).toBe(false);
  expect(isPostgresClosedSocketWrite(new Error("boom"))).toBe(false);
});
