/**
 * Load and faults against the built server (build/server.mjs) on a PostgreSQL database of
 * its own. Virtual nominators walk the whole journey (nominee, about you, the case,
 * check and submit) with the site's Origin, each from an address of its own
 * (TRUST_PROXY with X-Forwarded-For, so per-address limits bite per person as in life).
 * A submission is acknowledged when the server answers the final POST with its redirect.
 * Afterwards: every acknowledged submission is exactly one submitted row, no submitted row
 * lacks a part, and every outbox email reached the (mock) provider exactly once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { startMockResend } from "../support/mock-resend";

export const SLUG = "group-of-the-year";

export type Server = { child: ChildProcess; output: () => string; url: string; port: number };

export function startServer(opts: { port: number; env: Record<string, string> }): Server {
  let output = "";
  const url = `http://localhost:${opts.port}`;
  const child = spawn(process.execPath, ["build/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(opts.port),
      APP_URL: url,
      TRUST_PROXY: "true",
      SEED_DEMO: "true",
      ...opts.env,
    },
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return { child, output: () => output, url, port: opts.port };
}

export async function waitForHealthy(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not become healthy`);
}

export async function stopServer(server: Server, signal: NodeJS.Signals = "SIGTERM") {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill(signal);
  await exited;
}

/** A database of its own on the server at TEST_DATABASE_URL; dropped by the returned function. */
export async function createDatabase(prefix = "csa_load") {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

type Step = { path: string; form: Record<string, string> };

export type LoadReport = {
  concurrency: number;
  seconds: number;
  started: number;
  acknowledged: string[];
  requests: number;
  status: Record<string, number>;
  fiveHundreds: number;
  connectionErrors: number;
  latenciesMs: number[];
};

/** Runs `concurrency` virtual nominators for `seconds`; `onTick` may kill and restart the server meanwhile. */
export async function runLoad(opts: {
  url: () => string;
  concurrency: number;
  seconds: number;
  questionIds: number[];
  tag?: string;
  /** Handed the report as it fills, so a scenario can act on progress (a kill once writes are acknowledged). */
  live?: (report: LoadReport) => void;
}): Promise<LoadReport> {
  const tag = opts.tag ?? Date.now().toString(36);
  const report: LoadReport = {
    concurrency: opts.concurrency,
    seconds: opts.seconds,
    started: Date.now(),
    acknowledged: [],
    requests: 0,
    status: {},
    fiveHundreds: 0,
    connectionErrors: 0,
    latenciesMs: [],
  };
  opts.live?.(report);
  const stopAt = Date.now() + opts.seconds * 1000;
  let serial = 0;

  async function post(step: Step, ip: string, cookie: string | null) {
    const base = opts.url();
    const started = performance.now();
    report.requests++;
    try {
      const response = await fetch(`${base}${step.path}`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Origin: base,
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-For": ip,
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: new URLSearchParams(step.form).toString(),
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      report.latenciesMs.push(performance.now() - started);
      report.status[response.status] = (report.status[response.status] ?? 0) + 1;
      if (response.status >= 500) report.fiveHundreds++;
      return response;
    } catch {
      report.connectionErrors++;
      return null;
    }
  }

  async function nominator(vu: number) {
    while (Date.now() < stopAt) {
      serial++;
      const n = serial;
      const ip = `10.${vu % 250}.${Math.floor(n / 250) % 250}.${n % 250}`;
      const email = `load-${tag}-${vu}-${n}@example.test`;
      const first = await post(
        { path: `/nominate/${SLUG}/nominee`, form: { nomineeType: "group", nomineeName: `Load Group ${n}`, nomineeKnows: "no" } },
        ip,
        null,
      );
      const cookie = first?.status === 302 ? (first.headers.get("set-cookie") ?? "").split(";")[0] : null;
      if (!cookie) continue;
      const steps: Step[] = [
        {
          path: `/nominate/${SLUG}/nominator`,
          form: { nominatorName: `Load ${n}`, nominatorEmail: email, nominatorRelationship: "Neighbour", isSelfNomination: "no" },
        },
        { path: `/nominate/${SLUG}/case`, form: Object.fromEntries(opts.questionIds.map((id) => [`answer${id}`, "They welcomed a family and stayed."])) },
        { path: `/nominate/${SLUG}/check`, form: { privacyConsent: "on" } },
      ];
      let ok = true;
      for (const [i, step] of steps.entries()) {
        const response = await post(step, ip, cookie);
        if (response?.status !== 302) {
          ok = false;
          break;
        }
        if (i === steps.length - 1 && response.headers.get("location") === `/nominate/${SLUG}`) report.acknowledged.push(email);
      }
      if (!ok) continue;
    }
  }

  await Promise.all(Array.from({ length: opts.concurrency }, (_, vu) => nominator(vu)));
  return report;
}

/** A way to query the portal's database: PostgreSQL by URL, or a PGlite folder once its server has stopped. */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export async function withQuery<T>(target: { url: string } | { dataDir: string }, fn: (q: Query) => Promise<T>): Promise<T> {
  if ("url" in target) {
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      return await fn((text, params) => sql.unsafe(text, (params ?? []) as never[]) as never);
    } finally {
      await sql.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = new PGlite(target.dataDir);
  try {
    return await fn(async (text, params) => (await pg.query(text, params)).rows as never);
  } finally {
    await pg.close();
  }
}

export async function questionIds(q: Query): Promise<number[]> {
  const rows = await q<{ id: number }>(
    `select q.id from questions q join categories c on c.id = q.category_id
     where c.slug = $1 and q.retired_at is null and c.cycle_id = (select id from cycles order by year desc limit 1)`,
    [SLUG],
  );
  return rows.map((r) => r.id);
}

export type Verdict = {
  acknowledged: number;
  acknowledgedMissing: string[];
  acknowledgedDuplicated: string[];
  submittedRows: number;
  partialSubmitted: number;
};

/** Every acknowledged submission is exactly one submitted row; no submitted row lacks its parts. */
export async function verifySubmissions(q: Query, report: LoadReport, questionCount: number): Promise<Verdict> {
  const rows = await q<{ email: string; n: number }>(
    `select nominator_email as email, count(*)::int as n from nominations
     where status = 'submitted' and nominator_email like 'load-%' group by nominator_email`,
  );
  const counts = new Map(rows.map((r) => [r.email, r.n]));
  const [partial] = await q<{ n: number }>(
    `select count(*)::int as n from nominations n
     where n.status = 'submitted' and n.nominator_email like 'load-%' and (
       n.nominator_name is null or n.nominator_name = '' or n.submitted_at is null
       or (select count(*) from nomination_answers a where a.nomination_id = n.id) < $1
       or not exists (select 1 from email_outbox e where e."to" = n.nominator_email and e.template = 'nomination-confirm'))`,
    [questionCount],
  );
  return {
    acknowledged: report.acknowledged.length,
    acknowledgedMissing: report.acknowledged.filter((e) => !counts.has(e)),
    acknowledgedDuplicated: [...counts].filter(([, n]) => n > 1).map(([e]) => e),
    submittedRows: rows.reduce((s, r) => s + r.n, 0),
    partialSubmitted: partial.n,
  };
}

export type MailVerdict = {
  outboxRows: number;
  notSent: number;
  delivered: number;
  deliveredTwice: number;
  rawRequests: number;
  undeliveredKeys: number;
  /** How long the outbox took to drain after the load stopped. */
  drainSeconds: number;
};

/**
 * Waits for the outbox to drain, then compares it with what the provider received. A row
 * left "sending" by a killed process is retried once its lease ends (LEASE_MS, 15 s in the
 * mailer); the wait is shortened by moving its timestamp back, not by sleeping.
 */
export async function drainAndVerifyMail(databaseUrl: string, mock: Awaited<ReturnType<typeof startMockResend>>, timeoutMs = 120_000): Promise<MailVerdict> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`update email_outbox set next_attempt_at = next_attempt_at - interval '6 minutes' where status = 'sending'`;
    const drainStarted = Date.now();
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [open] = await sql<{ n: number }[]>`select count(*)::int as n from email_outbox where status in ('pending', 'sending')`;
      if (open.n === 0 || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const rows = await sql<{ key: string; status: string }[]>`select idempotency_key as key, status from email_outbox`;
    const deliveredByKey = new Map<string, number>();
    for (const d of mock.delivered) deliveredByKey.set(d.emailKey ?? "", (deliveredByKey.get(d.emailKey ?? "") ?? 0) + 1);
    return {
      outboxRows: rows.length,
      notSent: rows.filter((r) => r.status !== "sent").length,
      delivered: mock.delivered.length,
      deliveredTwice: [...deliveredByKey.values()].filter((n) => n > 1).length,
      rawRequests: mock.received.length,
      undeliveredKeys: rows.filter((r) => !deliveredByKey.has(r.key)).length,
      drainSeconds: Math.round((Date.now() - drainStarted) / 1000),
    };
  } finally {
    await sql.end();
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const KILL_AFTER_ACKNOWLEDGED = 3;

/**
 * The whole scenario: a fresh database (PostgreSQL, or a PGlite folder), the server with
 * mail going to a mock provider (PostgreSQL only), load for a while, optionally `kill -9`
 * of the server part-way and a restart, then the verdicts.
 */
export async function loadScenario(opts: { port: number; concurrency: number; seconds: number; killAfterSeconds?: number; pglite?: boolean }) {
  const database = opts.pglite ? null : await createDatabase();
  const dataDir = opts.pglite ? mkdtempSync(join(tmpdir(), "csa-pglite-load-")) : "";
  const mock = await startMockResend({ delayMs: 20 });
  const env: Record<string, string> = database
    ? { DATABASE_URL: database.url, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: mock.url, DATABASE_POOL_SIZE: "10" }
    : { DATABASE_URL: "", DATA_DIR: dataDir, RESEND_API_KEY: "" };
  const target = database ? { url: database.url } : { dataDir };
  let server = startServer({ port: opts.port, env });
  const restarts: number[] = [];
  try {
    await waitForHealthy(server.url);
    // PGlite has one owner: its question ids are the seed's, read after the run; PostgreSQL's now.
    const ids = database ? await withQuery(target, questionIds) : [];
    let killer: Promise<void> | undefined;
    let live: LoadReport | undefined;
    if (opts.killAfterSeconds !== undefined) {
      killer = (async () => {
        // The kill comes mid-load with writes behind it: after the set seconds, and once a few
        // submissions are acknowledged (a busy machine is slower to get there), but with at
        // least two seconds of load still to run after the restart.
        const started = Date.now();
        const latest = started + Math.max(opts.killAfterSeconds!, opts.seconds - 2) * 1000;
        await new Promise((r) => setTimeout(r, opts.killAfterSeconds! * 1000));
        while ((live?.acknowledged.length ?? 0) < KILL_AFTER_ACKNOWLEDGED && Date.now() < latest) {
          await new Promise((r) => setTimeout(r, 100));
        }
        await stopServer(server, "SIGKILL");
        const down = Date.now();
        server = startServer({ port: opts.port, env });
        await waitForHealthy(server.url);
        restarts.push(Date.now() - down);
      })();
    }
    const seededIds = database ? ids : await pgliteQuestionIds(server.url);
    const report = await runLoad({
      url: () => server.url,
      concurrency: opts.concurrency,
      seconds: opts.seconds,
      questionIds: seededIds,
      live: (r) => (live = r),
    });
    await killer;
    let mail: MailVerdict | null = null;
    // The mailer sends a few at a time (SEND_CONCURRENCY); a big run still needs a while to drain.
    if (database) mail = await drainAndVerifyMail(database.url, mock, Math.max(120_000, opts.concurrency * opts.seconds * 100));
    else await stopServer(server);
    const submissions = await withQuery(target, (q) => verifySubmissions(q, report, seededIds.length));
    return { report, submissions, mail, restartMs: restarts[0] ?? null, serverOutput: server.output() };
  } finally {
    await stopServer(server);
    await mock.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The case step's field names, read from the page itself (the PGlite folder is the server's alone). */
async function pgliteQuestionIds(url: string): Promise<number[]> {
  const first = await fetch(`${url}/nominate/${SLUG}/nominee`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "10.255.255.1" },
    body: "nomineeType=group&nomineeName=Probe&nomineeKnows=no",
  });
  const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0];
  const html = await (await fetch(`${url}/nominate/${SLUG}/case`, { headers: { Cookie: cookie } })).text();
  return [...new Set([...html.matchAll(/name="answer(\d+)"/g)].map((m) => Number(m[1])))];
}
