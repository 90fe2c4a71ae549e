import { expect, test } from "./fixtures";

test("a POST from another origin is refused with 403 and changes nothing", async ({ request, createPerson, sql }) => {
  const admin = await createPerson({ isAdmin: true });
  const before = await sql`select count(*)::int as n from email_outbox where "to" = ${admin.email}`;
  for (const headers of [{ Origin: "https://evil.example" }, {}] as Record<string, string>[]) {
    const response = await request.post("/login", { form: { email: admin.email }, headers, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("sent from another site");
  }
  const after = await sql`select count(*)::int as n from email_outbox where "to" = ${admin.email}`;
  expect(after[0].n).toBe(before[0].n);

  const same = await request.post("/login", {
    form: { email: admin.email },
    headers: { Origin: process.env.E2E_BASE_URL! },
  });
  expect(same.status()).toBe(200);
  const sent = await sql`select count(*)::int as n from email_outbox where "to" = ${admin.email}`;
  expect(sent[0].n).toBe(before[0].n + 1);
});

test("pages carry security headers and a nonce-based CSP", async ({ request }) => {
  // A draft's cookie makes the answer personal, so it is rendered now, never taken from memory
  // (a kept page's CSP names its scripts by hash: the next test).
  const response = await request.get("/", { headers: { "Accept-Encoding": "gzip", Cookie: `csa_nomination_group-of-the-year=${"a".repeat(32)}` } });
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline'; script");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-encoding"]).toBe("gzip");
  expect(headers["x-powered-by"]).toBeUndefined();
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

/** A public page's answer once it comes from the server's memory (other tests' writes may empty it: ask again). */
async function cachedAnswer(fetchOnce: () => Promise<{ headers(): Record<string, string> } | null>) {
  let answer: Awaited<ReturnType<typeof fetchOnce>> = null;
  await expect
    .poll(async () => {
      answer = await fetchOnce();
      return answer?.headers()["age"] ?? "rendered afresh";
    }, { timeout: 30_000 })
    .toMatch(/^\d+$/);
  return answer!;
}

test("a page from memory carries the same headers, and a CSP that names each of its inline scripts by hash", async ({ request }) => {
  const response = (await cachedAnswer(() => request.get("/", { headers: { "Accept-Encoding": "gzip" } }))) as Awaited<ReturnType<typeof request.get>>;
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
  expect(csp).not.toContain("nonce-");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["content-encoding"]).toBe("gzip");
  expect(headers["vary"]).toMatch(/Accept-Encoding/i);
  expect(headers["x-powered-by"]).toBeUndefined();
  const html = await response.text();
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline.length).toBeGreaterThan(0);
  const { createHash } = await import("node:crypto");
  for (const code of inline) expect(csp).toContain(`'sha256-${createHash("sha256").update(code).digest("base64")}'`);
  // No nonce left in the kept page: the one it was rendered with belonged to another answer.
  expect(html).not.toMatch(/<script\b[^>]*\bnonce=/);
});

test("a page from memory runs its own scripts and hydrates; Chromium refuses an inline script injected into it", async ({ page, request }) => {
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string }> = [];
    (window as unknown as { violations: typeof seen }).violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI }));
  });
  type Win = Window & { violations: Array<{ directive: string; blocked: string }>; injected?: boolean; __remixRouter?: { state: { initialized: boolean } } };
  const path = "/nominate";
  const response = await cachedAnswer(() => page.goto(path));
  expect(response.headers()["content-security-policy"]).toContain("'sha256-");
  // The page's own inline scripts (Remix's context and module loader) pass by hash, and what they import by 'self'.
  await page.waitForFunction(() => (window as unknown as Win).__remixRouter?.state.initialized === true);
  expect(await page.evaluate(() => (window as unknown as Win).violations)).toEqual([]);

  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true;";
    document.body.append(script);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as Win).violations.length)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as Win).violations[0])).toEqual({ directive: "script-src-elem", blocked: "inline" });
  expect(await page.evaluate(() => (window as unknown as Win).injected)).toBeUndefined();

  // Markup injected into the kept page itself, one script carrying the nonce of a fresh answer (as
  // an attacker could learn it): neither runs.
  const fresh = await request.get("/", { headers: { Cookie: `csa_nomination_group-of-the-year=${"a".repeat(32)}` } });
  const nonce = /'nonce-([^']+)'/.exec(fresh.headers()["content-security-policy"])![1];
  let servedFromMemory = false;
  await page.route(`**${path}`, async (route) => {
    const original = await route.fetch();
    servedFromMemory = /^\d+$/.test(original.headers()["age"] ?? "");
    const headers = Object.fromEntries(Object.entries(original.headers()).filter(([name]) => !["content-encoding", "content-length"].includes(name)));
    const body = (await original.text()).replace("<head>", `<head><script>window.injected = true;</script><script nonce="${nonce}">window.injected = true;</script>`);
    await route.fulfill({ status: original.status(), headers, body });
  });
  await expect.poll(async () => (await page.reload(), servedFromMemory), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.evaluate(() => (window as unknown as Win).violations.filter((v) => v.blocked === "inline").length)).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as Win).injected)).toBeUndefined();
});

test("hashed assets are cached for a year; pages are not", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const asset = html.match(/href="(\/assets\/[^"]+\.css)"/)![1];
  const response = await request.get(asset);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("max-age=31536000");
  expect(response.headers()["cache-control"]).toContain("immutable");
});

test("an oversize body is refused with 413", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { Origin: process.env.E2E_BASE_URL!, "Content-Type": "application/x-www-form-urlencoded" },
    data: "email=" + "a".repeat(36 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
});

test("an oversize body sent in chunks, with no length declared, is refused with 413 as it arrives", async () => {
  const { request } = await import("node:http");
  const base = new URL(process.env.E2E_BASE_URL!);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, path: "/login", method: "POST", headers: { Origin: base.origin, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      },
    );
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" || (error as NodeJS.ErrnoException).code === "EPIPE" ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 97);
    let sent = 0;
    const pump = () => {
      while (sent < 40 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
  expect(status).toBe(413);
});

test("/healthz answers 200 with the database kind", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "postgres" });
});
