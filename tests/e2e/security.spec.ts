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
  const response = await request.get("/", { headers: { "Accept-Encoding": "gzip" } });
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
