/**
 * What a hostile visitor can send, sent to the real built server (build/server.mjs) on a
 * PostgreSQL database of its own: sparse arrays, floods of one field name, every content
 * type, Conform's reserved names, NUL and control characters in every text field of the
 * public, judge and admin forms, the file names Chromium sends, ids past 32 bits, a lying
 * Content-Length and a chunked body over the limit. Throughout: no 5xx, every answer within
 * 2 s, /healthz within 1 s, peak RSS under 400 MB, and a refused request changes nothing
 * in the database (docs/SECURITY.md lists the classes).
 */
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { createDatabase, SLUG, startServer, stopServer, waitForHealthy, type Server } from "../load/harness";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const ANSWER_MS = 2_000;
test.describe.configure({ mode: "serial" });

let server: Server;
let database: Awaited<ReturnType<typeof createDatabase>>;
let sql: postgres.Sql;
let cookies: { admin: string; judge: string; nominator: string };
const slowest: Array<{ what: string; ms: number; status: number }> = [];
let health: { stop: () => Promise<number[]> };

type Answer = { status: number; body: string; ms: number; headers: Record<string, string | string[] | undefined> };

let ipCounter = 0;
/** One raw HTTP request, as a client would send it, with its time. */
function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; cookie?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  const ip = `10.77.${Math.floor(++ipCounter / 250) % 250}.${ipCounter % 250}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: PORT,
        path,
        method: opts.method ?? "POST",
        headers: {
          Origin: server.url,
          Host: `localhost:${PORT}`,
          "X-Forwarded-For": ip,
          ...(opts.cookie ? { Cookie: opts.cookie } : {}),
          ...(opts.body !== undefined ? { "Content-Length": String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started, headers: res.headers };
          slowest.push({ what: `${opts.method ?? "POST"} ${path}`, ms: answer.ms, status: answer.status });
          resolve(answer);
        });
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${path} in 15 s`)));
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const form = (body: string, cookie?: string) => ({ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body, cookie });

function expectSafe(answer: Answer, what: string) {
  expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.status, what).toBeGreaterThan(0);
  expect(answer.ms, `${what} took ${Math.round(answer.ms)} ms`).toBeLessThan(ANSWER_MS);
}

/** Row counts and a hash of every table (rate-limit counters move on every request: that is their job). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await sql<{ tablename: string }[]>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like '\_\_%' and tablename <> 'rate_limits' order by tablename`;
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await sql.unsafe<{ n: number; h: string }[]>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${tablename}" t`,
    );
    out[tablename] = `${row.n}:${row.h}`;
  }
  return out;
}

/** Sends each request, expects a refusal (4xx) within 2 s, and the database exactly as before. */
async function expectRefusedUnchanged(cases: Array<[string, string, Parameters<typeof send>[1]]>) {
  const before = await fingerprint();
  for (const [what, path, opts] of cases) {
    const answer = await send(path, opts);
    expectSafe(answer, what);
    expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  }
  expect(await fingerprint()).toEqual(before);
}

async function sessionCookie(where: string): Promise<string> {
  const [person] = await sql<{ id: number }[]>`select id from people where ${sql.unsafe(where)} order by id limit 1`;
  const token = generateToken();
  await sql`insert into sessions (id, person_id, expires_at) values (${hashToken(token)}, ${person.id}, now() + interval '1 day')`;
  return `csa_session=${token}`;
}

function watchHealth() {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        latencies.push(response.ok ? performance.now() - started : 99_999);
      } catch {
        latencies.push(99_999);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return latencies;
    },
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await createDatabase("csa_hostile");
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
  server = startServer({
    port: PORT,
    env: { DATABASE_URL: database.url, RESEND_API_KEY: "", BODY_LIMIT_MB: "12", BODY_IDLE_SECONDS: "1", BACKGROUND_WORK: "false" },
  });
  await waitForHealthy(server.url);
  const nominee = await send(`/nominate/${SLUG}/nominee`, form("nomineeType=group&nomineeName=Hostile+Test+Group&nomineeKnows=no"));
  expect(nominee.status, nominee.body.slice(0, 300)).toBe(302);
  cookies = {
    admin: await sessionCookie("is_admin"),
    judge: await sessionCookie("is_judge and not is_admin"),
    nominator: String(nominee.headers["set-cookie"]).split(";")[0]!,
  };
  health = watchHealth();
});

test.afterAll(async () => {
  await stopServer(server);
  await sql?.end();
  await database?.drop();
});

const WRITE_TARGETS = () => [
  ["/login", undefined],
  [`/nominate/${SLUG}/nominee`, undefined],
  [`/nominate/${SLUG}/case`, cookies.nominator],
  ["/admin/cycles", cookies.admin],
  ["/admin/people", cookies.admin],
  ["/judge", cookies.judge],
] as const;

test("sparse arrays, floods of one name, reserved names and broken text are refused at the gate", async () => {
  const flood = Array(40_000).fill("f=1").join("&");
  const cases: Array<[string, string, Parameters<typeof send>[1]]> = [];
  for (const [path, cookie] of WRITE_TARGETS()) {
    cases.push(
      [`sparse array on ${path}`, path, form("email[100000000]=x", cookie)],
      [`sparse array, 10 million, on ${path}`, path, form("email[10000000]=x&email[0]=y", cookie)],
      [`deep indexes on ${path}`, path, form("a[1][1][1][1][1]=x", cookie)],
      [`40,000 repeats of one name on ${path}`, path, form(flood, cookie)],
      [`__intent__ on ${path}`, path, form("__intent__=reset&email=a%40example.org", cookie)],
      [`__state__ on ${path}`, path, form("__state__=%7B%7D", cookie)],
      [`__proto__ on ${path}`, path, form("__proto__.x=1", cookie)],
      [`invalid UTF-8 on ${path}`, path, form("email=%FF%FE%40example.org", cookie)],
      [`a broken escape on ${path}`, path, form("email=%zz", cookie)],
      [`a NUL in a field name on ${path}`, path, form("em%00ail=x", cookie)],
      [`a bidi override in a field name on ${path}`, path, form("em%E2%80%AEail=x", cookie)],
      [`a 200 KB value on ${path}`, path, form(`email=${"a".repeat(200_000)}`, cookie)],
    );
  }
  await expectRefusedUnchanged(cases);
});

test("every content type and method other than a form is answered 4xx, never run", async () => {
  const cases: Array<[string, string, Parameters<typeof send>[1]]> = [];
  const boundary = "----hostileBoundary";
  for (const [path, cookie] of WRITE_TARGETS()) {
    cases.push(
      [`JSON on ${path}`, path, { cookie, headers: { "Content-Type": "application/json" }, body: '{"email":"a@example.org"}' }],
      [`text/plain on ${path}`, path, { cookie, headers: { "Content-Type": "text/plain" }, body: "email=a@example.org" }],
      [`no content type on ${path}`, path, { cookie, body: "email=a%40example.org" }],
      [`a form in Latin-1 on ${path}`, path, { cookie, headers: { "Content-Type": "application/x-www-form-urlencoded; charset=iso-8859-1" }, body: "email=x" }],
      [`multipart on a form without files, ${path}`, path, { cookie, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.org\r\n--${boundary}--\r\n` }],
      [`DELETE on ${path}`, path, { cookie, method: "DELETE" }],
      [`PUT with JSON on ${path}`, path, { cookie, method: "PUT", headers: { "Content-Type": "application/json" }, body: "{}" }],
      [`PATCH with nothing on ${path}`, path, { cookie, method: "PATCH", body: "" }],
    );
  }
  const files = `/nominate/${SLUG}/files`;
  const c = cookies.nominator;
  cases.push(
    ["multipart without a boundary", files, { cookie: c, headers: { "Content-Type": "multipart/form-data" }, body: "--x\r\n\r\n" }],
    ["multipart with the wrong boundary", files, { cookie: c, headers: { "Content-Type": "multipart/form-data; boundary=other" }, body: `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n--${boundary}--\r\n` }],
    ["truncated multipart", files, { cookie: c, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 and then noth` }],
    ["two files where one is allowed", files, { cookie: c, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: [1, 2].map((n) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${n}.pdf"\r\n\r\n%PDF-1.7\r\n`).join("") + `--${boundary}--\r\n` }],
    ["__intent__ in multipart", files, { cookie: c, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: `--${boundary}\r\nContent-Disposition: form-data; name="__intent__"\r\n\r\nx\r\n--${boundary}--\r\n` }],
  );
  await expectRefusedUnchanged(cases);
});

test("ids past 32 bits and NUL in admin filters and addresses get 4xx", async () => {
  const admin = cookies.admin;
  const reads = [
    "/admin/nominations?year=99999999999",
    "/admin/nominations?year=-1",
    "/admin/nominations?q=%00",
    "/admin/nominations?q=%C0%AF",
    "/admin/audit?actor=%00",
    "/admin/audit?actor=99999999999",
    "/admin/results?year=99999999999",
    "/admin/judging?year=99999999999",
    "/admin/nominations/99999999999",
    "/admin/people/99999999999",
    "/admin/categories/99999999999",
    "/admin/cycles/99999999999",
    "/admin/results/99999999999",
    "/admin/panels/99999999999",
    "/judge/nominations/99999999999",
    "/judge/panels/99999999999",
    "/winners/99999999999",
    `/nominate/${SLUG}%00/nominee`,
  ];
  const before = await fingerprint();
  for (const path of reads) {
    const answer = await send(path, { method: "GET", cookie: path.startsWith("/judge") ? cookies.judge : admin });
    expectSafe(answer, path);
  }
  expect(await fingerprint()).toEqual(before);
});

/** Multipart exactly as Chromium writes it: `"` as %22, CR and LF as %0D %0A, everything else as UTF-8 bytes. */
function chromiumUpload(filename: Buffer, bytes: Buffer, boundary = "----WebKitFormBoundaryHostile1234") {
  return {
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
      filename,
      Buffer.from(`"\r\nContent-Type: application/pdf\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n--${boundary}--\r\n`),
    ]),
  };
}

const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

test("the file names Chromium sends are stored cleaned; a broken DOCX and an oversize file are refused in words", async () => {
  const path = `/nominate/${SLUG}/files`;
  const names: Array<[string, Buffer]> = [
    ["an equals sign", Buffer.from("report=final.pdf")],
    ["a semicolon", Buffer.from("minutes; March.pdf")],
    ["a quote", Buffer.from("the %22final%22 report.pdf")],
    ["CR and LF", Buffer.from("line%0D%0Abreak.pdf")],
    ["a bidi override", Buffer.from("invoice\u202efdp.pdf")],
    ["accents and Arabic", Buffer.from("café مرحبا.pdf")],
    ["folders", Buffer.from("../../etc/passwd.pdf")],
    ["a 1,000-character name", Buffer.from(`${"n".repeat(1000)}.pdf`)],
  ];
  for (const [what, name] of names) {
    await sql`delete from nomination_files`;
    const answer = await send(path, { cookie: cookies.nominator, ...chromiumUpload(name, PDF) });
    expectSafe(answer, what);
    expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBe(302);
    const stored = await sql<{ filename: string }[]>`select filename from nomination_files`;
    expect(stored, what).toHaveLength(1);
    // eslint-disable-next-line no-control-regex
    expect(stored[0]!.filename, what).toMatch(/^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\]{1,120}\.pdf$/);
  }

  await sql`delete from nomination_files`;
  await expectRefusedUnchanged([
    // Chromium sends an empty name only when no file was chosen: "Choose a file", in words.
    ["a file with no name", path, { cookie: cookies.nominator, ...chromiumUpload(Buffer.from(""), PDF) }],
    ["a file name that is not UTF-8", path, { cookie: cookies.nominator, ...chromiumUpload(Buffer.from([0x66, 0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66]), PDF) }],
    ["a DOCX whose end record claims one more entry", path, { cookie: cookies.nominator, ...chromiumUpload(Buffer.from("claims.docx"), docxClaimingOneMore()) }],
    ["a file one byte over 10 MB", path, { cookie: cookies.nominator, ...chromiumUpload(Buffer.from("big.pdf"), Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length)])) }],
  ]);
});

test("NUL, control characters and bidi overrides in every public, judge and admin text field: never a 500, never stored", async () => {
  test.setTimeout(120_000);
  const [cycle] = await sql<{ year: number }[]>`select year from cycles order by year desc limit 1`;
  const [category] = await sql<{ id: number }[]>`select id from categories order by id limit 1`;
  const [person] = await sql<{ id: number }[]>`select id from people order by id limit 1`;
  const pages: Array<[string, string | undefined]> = [
    ["/login", undefined],
    [`/nominate/${SLUG}/nominee`, cookies.nominator],
    [`/nominate/${SLUG}/nominator`, cookies.nominator],
    [`/nominate/${SLUG}/case`, cookies.nominator],
    ["/nominate/resume", undefined],
    ["/judge", cookies.judge],
    ["/admin/nominations", cookies.admin],
    ["/admin/audit", cookies.admin],
    ["/admin/people", cookies.admin],
    [`/admin/people/${person.id}`, cookies.admin],
    ["/admin/cycles", cookies.admin],
    [`/admin/cycles/${cycle.year}`, cookies.admin],
    ["/admin/categories/new", cookies.admin],
    [`/admin/categories/${category.id}`, cookies.admin],
    ["/admin/judging", cookies.admin],
  ];
  const nasty = "x\u0000y\u0007z\u001b\u202eoverride\u0085end";
  let forms = 0;
  for (const [page, cookie] of pages) {
    const html = (await send(page, { method: "GET", cookie })).body;
    for (const f of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
      const attrs = f[1]!;
      const method = /method="(\w+)"/i.exec(attrs)?.[1]?.toLowerCase() ?? "get";
      const action = (/action="([^"]*)"/.exec(attrs)?.[1] ?? page).replace(/&amp;/g, "&");
      if (action.startsWith("/logout") || /privacy|erase|delete/.test(action)) continue;
      const fields = new URLSearchParams();
      for (const input of f[2]!.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
        const name = /name="([^"]+)"/.exec(input[2]!)?.[1];
        if (!name) continue;
        const type = /type="(\w+)"/.exec(input[2]!)?.[1] ?? (input[1] === "input" ? "text" : input[1]);
        const value = /value="([^"]*)"/.exec(input[2]!)?.[1] ?? "";
        if (type === "hidden" || type === "radio" || type === "checkbox" || type === "submit") {
          if (!fields.has(name)) fields.set(name, value || "on");
        } else if (type === "number" || type === "date" || type === "datetime-local") {
          fields.set(name, `1${nasty}`);
        } else if (type !== "file") {
          fields.set(name, nasty);
        }
      }
      const target = method === "get" ? `${action}${action.includes("?") ? "&" : "?"}${fields}` : action;
      const answer = await send(target, method === "get" ? { method: "GET", cookie } : form(fields.toString(), cookie));
      expectSafe(answer, `${method} ${action} with ${[...fields.keys()].join(", ")}`);
      forms++;
    }
  }
  expect(forms).toBeGreaterThan(15);
  // Nothing stored anywhere holds a control character or a bidi override.
  const columns = await sql<{ table_name: string; column_name: string }[]>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying') and table_name <> 'audit_log'`;
  for (const { table_name, column_name } of columns) {
    const [row] = await sql.unsafe<{ n: number }[]>(
      `select count(*)::int as n from "${table_name}" where "${column_name}" ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]'`,
    );
    expect(row.n, `${table_name}.${column_name}`).toBe(0);
  }
});

test("a Content-Length larger than the body is cut off after BODY_IDLE_SECONDS, not held for minutes", async () => {
  const before = await fingerprint();
  const started = performance.now();
  const answer = await new Promise<{ head: string; closed: boolean }>((resolve, reject) => {
    const socket = connect(PORT, "127.0.0.1");
    let head = "";
    socket.on("data", (d) => (head += d.toString("latin1")));
    socket.on("close", () => resolve({ head, closed: true }));
    socket.on("error", reject);
    socket.setTimeout(10_000, () => {
      socket.destroy();
      resolve({ head, closed: false });
    });
    socket.write(
      `POST /login HTTP/1.1\r\nHost: localhost:${PORT}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a%40example.org`,
    );
  });
  const ms = performance.now() - started;
  expect(answer.head).toMatch(/^HTTP\/1\.1 408/);
  expect(answer.closed).toBe(true);
  expect(ms).toBeLessThan(1_000 + ANSWER_MS);
  expect(await fingerprint()).toEqual(before);
});

test("a chunked body over the limit gets 413 as it arrives and the action never runs", async () => {
  const before = await fingerprint();
  const started = performance.now();
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: PORT,
        path: "/login",
        method: "POST",
        headers: { Host: `localhost:${PORT}`, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      },
    );
    // The server answers and closes while we are still writing, so our write may fail with
    // EPIPE or a reset before the answer has been read: give the answer a moment to arrive.
    req.on("error", (error) => {
      if (!["ECONNRESET", "EPIPE"].includes((error as NodeJS.ErrnoException).code ?? "")) return reject(error);
      setTimeout(() => reject(new Error(`the connection closed (${(error as NodeJS.ErrnoException).code}) and no answer came`)), 5_000).unref();
    });
    req.write("email=hostile%40example.org&pad=");
    const chunk = Buffer.alloc(256 * 1024, 97);
    let sent = 0;
    const pump = () => {
      while (sent < 20 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
  expect(status).toBe(413);
  expect(performance.now() - started).toBeLessThan(ANSWER_MS * 2);
  expect(await fingerprint()).toEqual(before);
});

test("throughout: /healthz answered within 1 s, every answer within 2 s, peak RSS under 400 MB", async () => {
  const latencies = await health.stop();
  expect(latencies.length).toBeGreaterThan(10);
  expect(Math.max(...latencies)).toBeLessThan(1_000);
  const slow = slowest.filter((s) => s.ms >= ANSWER_MS && !s.what.includes("Content-Length"));
  expect(slow).toEqual([]);
  const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  expect(peakKb).toBeGreaterThan(0);
  expect(peakKb / 1024).toBeLessThan(400);
});

/** A stored ZIP with [Content_Types].xml and word/document.xml whose end record claims three entries. */
function docxClaimingOneMore(): Buffer {
  const u16 = (v: number) => Buffer.from([v & 0xff, (v >> 8) & 0xff]);
  const u32 = (v: number) => Buffer.from([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff]);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of ["[Content_Types].xml", "word/document.xml"]) {
    const n = Buffer.from(name);
    const data = Buffer.from("<x/>");
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(0), u16(0), u16(0), u32(0), u32(data.length), u32(data.length), u16(n.length), u16(0), n, data]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0), u16(0), u16(0), u16(0), u32(0), u32(data.length), u32(data.length), u16(n.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), n]));
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(3), u16(3), u32(dir.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, dir, eocd]);
}
