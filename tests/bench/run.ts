/**
 * `npm run bench`: seeds a large synthetic cycle in a fresh database (PostgreSQL when
 * DATABASE_URL is set, PGlite otherwise), drives the built production server over HTTP from
 * this process, and prints one table in which every figure sits beside its ceiling or goal.
 *
 *   BENCH_SIZE=smoke       tiny sizes and 1 s loads (the test suite runs this)
 *   BENCH_LIGHTHOUSE=0|1   skip or run Lighthouse (default: on in a full run, off in smoke)
 *   BENCH_PORT=3610        the portal's port (the ceiling uses the next one); default: free ports
 *   BENCH_JSON=file        also write the figures as JSON
 *   BENCH_ONLY=parts       only these parts, comma-separated: pages, submissions, scores, js,
 *                          lighthouse, mail, leaderboard, assignment (e.g. BENCH_ONLY=mail or
 *                          BENCH_ONLY=pages,js). Server peak RSS is reported whenever the
 *                          first server ran. Default: everything.
 *   BENCH_MAIL=8000        how many announcement emails the mail part sends (twice: once
 *                          clean, once with a kill -9 of the server mid-send)
 *
 * See docs/benchmarks.md for what each figure means and the latest results.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, hostname, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "#db/client";
import * as schema from "#db/schema";
import { solveAssignments } from "~/domain/assignment";
import { setDatabase } from "~/utils/db.server";
import { closedLoop, form, median, percentile, send, throughput } from "./load";
import { CATEGORIES, lighthouseAvailable, runLighthouse, type LighthouseScores } from "./lighthouse";
import { freePort, ROOT, startCeiling, startPortal, type Running } from "./processes";
import { CRITERIA, seedBenchmark, SUBMIT_SLUG, type BenchSizes, type Seeded } from "./seed";

const smoke = process.env.BENCH_SIZE === "smoke";
const SIZES: BenchSizes = smoke
  ? { nominations: 20, judges: 6, perNomination: 3, openPerJudge: 2, drafts: 20, largeNominations: 200 }
  : { nominations: 2000, judges: 60, perNomination: 3, openPerJudge: 5, drafts: 1000, largeNominations: 20000 };
const LOAD = smoke
  ? { pageSeconds: 1, warmupSeconds: 0, connections: 8, scoreSeconds: 1.5, submitConcurrency: 8, timingRuns: 2 }
  : { pageSeconds: 10, warmupSeconds: 2, connections: 32, scoreSeconds: 15, submitConcurrency: 32, timingRuns: 5 };
const PARTS = ["pages", "submissions", "scores", "js", "lighthouse", "mail", "leaderboard", "assignment"] as const;
type Part = (typeof PARTS)[number];
const chosen = new Set((process.env.BENCH_ONLY ?? "").split(",").map((p) => p.trim()).filter(Boolean));
for (const part of chosen) if (!PARTS.includes(part as Part)) throw new Error(`BENCH_ONLY: unknown part "${part}" (one of ${PARTS.join(", ")})`);
const withLighthouse = process.env.BENCH_LIGHTHOUSE ? process.env.BENCH_LIGHTHOUSE === "1" : !smoke;
const want = (part: Part) => (chosen.size === 0 ? part !== "lighthouse" || withLighthouse : chosen.has(part));
/** The first server runs for pages, submissions, scores, JavaScript and Lighthouse. */
const serverOne = () => (["pages", "submissions", "scores", "js", "lighthouse"] as const).some(want);
const MAIL_COUNT = Number(process.env.BENCH_MAIL ?? (smoke ? 300 : 8000));
/** Resend's default rate limit, which the mock keeps. */
const MAIL_RATE = 2;

// ---------------------------------------------------------------- the table

type Row = { figure: string; measured: string; ceiling: string; ratio: string; goal: string; met: "yes" | "no" | "–" | "FAILED"; note?: string };
const rows: Row[] = [];
let failures = 0;

function fail(figure: string, goal: string, error: unknown) {
  failures += 1;
  const message = error instanceof Error ? error.message : String(error);
  rows.push({ figure, measured: "–", ceiling: "–", ratio: "–", goal, met: "FAILED", note: message.split("\n")[0] });
  console.error(`\n${figure} failed:\n${error instanceof Error ? error.stack : message}\n`);
}

async function measure(figure: string, goal: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (error) {
    fail(figure, goal, error);
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;
const yes = (ok: boolean) => (ok ? "yes" : "no") as Row["met"];
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------- build and database

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds unless build/ is newer than every source file it is made from. */
function buildIfNeeded() {
  let built = 0;
  try {
    built = Math.min(statSync(join(ROOT, "build/server.mjs")).mtimeMs, statSync(join(ROOT, "build/server/index.js")).mtimeMs);
  } catch {
    built = 0;
  }
  const sources = Math.max(...["app", "db", "emails", "public"].map((d) => newestMtime(join(ROOT, d))));
  if (built > sources) return;
  log("building the production server (npm run build)");
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

type BenchDatabase = { kind: "postgres" | "pglite"; label: string; databaseUrl?: string; dataDir?: string; open(): DatabaseHandle; drop(): Promise<void> };

/** A database of the benchmark's own: csa_bench_<random> on DATABASE_URL's server, or a scratch PGlite folder. */
async function createDatabase(scratch: string): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = join(scratch, "data");
    mkdirSync(dataDir, { recursive: true });
    return { kind: "pglite", label: "PGlite (embedded)", dataDir, open: () => openDatabase({ dataDir }), drop: async () => {} };
  }
  const name = `csa_bench_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const [{ version }] = await admin<{ version: string }[]>`select current_setting('server_version') as version`;
  return {
    kind: "postgres",
    label: `PostgreSQL ${version} (${url.host}, database ${name})`,
    databaseUrl: url.href,
    open: () => openDatabase({ url: url.href }),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

async function withDatabase<T>(database: BenchDatabase, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = database.open();
  setDatabase(handle);
  try {
    return await fn(handle);
  } finally {
    setDatabase(undefined);
    await handle.close();
  }
}

// ---------------------------------------------------------------- the measurements

async function pageThroughput(portal: Running, scratch: string, path: string, ceilingPort: number) {
  const figure = `requests/s \`${path.replace(/\/\d{4}$/, "/<year>").replace(SUBMIT_SLUG, "<slug>")}\``;
  await measure(figure, "≥ 0.6 of ceiling", async () => {
    const first = await send(`${portal.url}${path}`);
    if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`);
    const bodyFile = join(scratch, `page-${randomBytes(4).toString("hex")}.html`);
    writeFileSync(bodyFile, first.body);
    const keep = ["content-type", "cache-control", "content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy", "vary"];
    const headers = Object.fromEntries(keep.filter((h) => first.headers[h]).map((h) => [h, String(first.headers[h])]));
    log(`${path}: portal`);
    const app = await throughput(`${portal.url}${path}`, { seconds: LOAD.pageSeconds, warmupSeconds: LOAD.warmupSeconds, connections: LOAD.connections });
    if (app.non2xx > 0 || app.errors > 0) throw new Error(`${path}: ${app.non2xx} answers were not 2xx and ${app.errors} failed`);
    log(`${path}: ceiling`);
    const ceiling = await startCeiling({ port: ceilingPort, cwd: scratch, bodyFile, headers });
    let bare;
    try {
      bare = await throughput(`${ceiling.url}${path}`, { seconds: LOAD.pageSeconds, warmupSeconds: LOAD.warmupSeconds, connections: LOAD.connections });
    } finally {
      await ceiling.stop();
    }
    const ratio = app.requestsPerSecond / bare.requestsPerSecond;
    rows.push({
      figure,
      measured: `${fmt(app.requestsPerSecond)} req/s (p99 ${fmt(app.p99Ms)} ms)`,
      ceiling: `${fmt(bare.requestsPerSecond)} req/s`,
      ratio: fmt(ratio, 2),
      goal: "≥ 0.6 of ceiling",
      met: yes(ratio >= 0.6),
      note: `${fmt(first.body.length / 1024, 1)} KB page, cache-control: ${first.headers["cache-control"] ?? "none"}`,
    });
  });
}

/** Module scripts and modulepreloads the page references, as sent (gzip), plus its inline scripts gzipped. */
async function javascriptPerPage(portal: Running, path: string, cookie?: string) {
  const label = path.replace(/\/\d{4}$/, "/<year>").replace(SUBMIT_SLUG, "<slug>");
  const figure = `JavaScript per page, gzipped: \`${label}\``;
  await measure(figure, "≤ 100 KB", async () => {
    const page = await send(`${portal.url}${path}`, { headers: cookie ? { cookie } : {} });
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
    const html = page.body.toString("utf8");
    const urls = new Set<string>();
    for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(match[1]);
    for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(match[1]);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    for (const code of inline) for (const match of code.matchAll(/(?:import|from)\s*\(?\s*"(\/[^"]+\.js)"/g)) urls.add(match[1]);
    let external = 0;
    for (const url of urls) {
      const asset = await send(`${portal.url}${url}`, { headers: { "accept-encoding": "gzip" } });
      if (asset.status !== 200) throw new Error(`${url} answered ${asset.status}`);
      external += asset.headers["content-encoding"] === "gzip" ? asset.body.length : gzipSync(asset.body).length;
    }
    const inlineBytes = inline.length ? gzipSync(inline.join("\n")).length : 0;
    const total = external + inlineBytes;
    rows.push({
      figure,
      measured: `${fmt(total / 1024, 1)} KB`,
      ceiling: "–",
      ratio: "–",
      goal: "≤ 100 KB",
      met: yes(total <= 100 * 1024),
      note: `${urls.size} module files ${fmt(external / 1024, 1)} KB + inline scripts ${fmt(inlineBytes / 1024, 1)} KB${cookie ? " (with a draft's cookie)" : ""}`,
    });
  });
}

type Confirmation = { token: string; confirm: string };

async function submitDrafts(portal: Running, seeded: Seeded) {
  log(`submitting ${seeded.drafts.length} drafts`);
  let ip = 0;
  return closedLoop(
    async (i) => {
      ip += 1;
      const draft = seeded.drafts[i];
      const reply = await send(`${portal.url}/nominate/${SUBMIT_SLUG}/check`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: portal.url,
          cookie: `csa_nomination_${SUBMIT_SLUG}=${draft.token}`,
          "x-forwarded-for": `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
        },
        body: form({ privacyConsent: "on" }),
      });
      return { ok: reply.status === 302, detail: `submit answered ${reply.status}: ${reply.body.toString().slice(0, 300)}` };
    },
    { concurrency: LOAD.submitConcurrency, count: seeded.drafts.length },
  );
}

async function confirmSubmissions(portal: Running, confirmations: Confirmation[]) {
  log(`confirming ${confirmations.length} submissions`);
  return closedLoop(
    async (i) => {
      const reply = await send(`${portal.url}/nominate/confirm`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: portal.url },
        body: form({ t: confirmations[i].token, c: confirmations[i].confirm }),
      });
      return { ok: reply.status === 302, detail: `confirm answered ${reply.status}: ${reply.body.toString().slice(0, 300)}` };
    },
    { concurrency: LOAD.submitConcurrency, count: confirmations.length },
  );
}

/** The confirmation links the submissions emailed, read from the outbox. */
async function readConfirmations(handle: DatabaseHandle, seeded: Seeded): Promise<{ links: Confirmation[]; html: string; text: string }> {
  const mail = await handle.db
    .select({ to: schema.emailOutbox.to, text: schema.emailOutbox.text, html: schema.emailOutbox.html })
    .from(schema.emailOutbox)
    .where(eq(schema.emailOutbox.template, "nomination-confirm"));
  const links = mail.flatMap((m) => {
    const match = m.text.match(/\/nominate\/confirm\?t=([a-z2-7]+)&c=([a-z2-7]+)/);
    return match ? [{ token: match[1], confirm: match[2] }] : [];
  });
  const drafts = new Set(seeded.drafts.map((d) => d.token));
  const mine = links.filter((l) => drafts.has(l.token));
  if (mine.length !== seeded.drafts.length) throw new Error(`found ${mine.length} confirmation links for ${seeded.drafts.length} submissions`);
  return { links: mine, html: mail[0].html, text: mail[0].text };
}

/**
 * The ceiling for submissions: what a confirmed submission leaves in the database (the
 * nomination row, its answers, its two emails in the outbox and two audit entries), each
 * written in one transaction directly with the driver, from this one process.
 */
async function insertCeiling(handle: DatabaseHandle, count: number, mail: { html: string; text: string }) {
  const { db } = handle;
  const [category] = await db.select().from(schema.categories).where(eq(schema.categories.slug, SUBMIT_SLUG));
  const questions = await db.select().from(schema.questions).where(eq(schema.questions.categoryId, category.id));
  const answer = "They met the family at the airport, found a home, helped with school places and English classes, and are still there every week.";
  const now = new Date();
  return closedLoop(
    async (i) => {
      await db.transaction(async (tx) => {
        const key = randomBytes(8).toString("hex");
        const [row] = await tx
          .insert(schema.nominations)
          .values({
            cycleId: category.cycleId,
            categoryId: category.id,
            reference: `CSA-0000-C${key}`,
            accessTokenHash: randomBytes(32).toString("hex"),
            confirmTokenHash: randomBytes(32).toString("hex"),
            status: "submitted",
            step: "check",
            nomineeType: "group",
            nomineeName: `Ceiling Group ${i}`,
            nomineeOrganisation: `Ceiling Parish ${i}`,
            nomineeLocalAuthority: "Bristol",
            nomineeKnows: false,
            nominatorName: `Ceiling Nominator ${i}`,
            nominatorEmail: `ceiling-${key}@example.org`,
            nominatorRelationship: "I volunteer alongside them",
            duplicateKey: `ceiling group ${i}|ceiling parish ${i}`,
            submittedAt: now,
            privacyConsentAt: now,
            confirmExpiresAt: now,
            confirmedAt: now,
          })
          .returning({ id: schema.nominations.id });
        await tx.insert(schema.nominationAnswers).values(questions.map((q) => ({ nominationId: row.id, questionId: q.id, answer })));
        await tx.insert(schema.emailOutbox).values(
          ["nomination-confirm", "nomination-receipt"].map((template) => ({
            idempotencyKey: `${template}-${key}`,
            template,
            to: `ceiling-${key}@example.org`,
            subject: "Confirm your nomination for the Community Sponsorship Awards",
            html: mail.html,
            text: mail.text,
            meta: { nominationIds: [row.id] },
          })),
        );
        await tx.insert(schema.auditLog).values(
          ["nomination.submitted", "nomination.confirmed"].map((action) => ({ actorLabel: "nominator", action, entityType: "nomination", entityId: String(row.id) })),
        );
      });
      return { ok: true };
    },
    { concurrency: 10, count },
  );
}

async function saveScores(portal: Running, seeded: Seeded, pauseMs = 0) {
  log(`${seeded.judges.length} judges saving score drafts for ${LOAD.scoreSeconds} s${pauseMs ? `, each every ${pauseMs / 1000} s` : ", as fast as they can"}`);
  const turns = new Array<number>(seeded.judges.length).fill(0);
  return closedLoop(
    async (_i, worker) => {
      const judge = seeded.judges[worker];
      const nominationId = judge.open[turns[worker]++ % judge.open.length];
      const values = Object.fromEntries(seeded.criterionIds.map((id, c) => [`criterion-${id}`, String(1 + ((turns[worker] + c) % 5))]));
      const reply = await send(`${portal.url}/judge/nominations/${nominationId}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: portal.url, cookie: `csa_session=${judge.token}` },
        body: form({ intent: "save", ...values, comment: `Draft ${turns[worker]}: strong evidence of impact; check the second statement.` }),
      });
      return { ok: reply.status === 302, detail: `save answered ${reply.status}: ${reply.body.toString().slice(0, 300)}` };
    },
    { concurrency: seeded.judges.length, seconds: LOAD.scoreSeconds, pauseMs },
  );
}

async function timed(fn: () => unknown, runs: number) {
  await fn(); // warm-up: JIT and the database's caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

// ---------------------------------------------------------------- announcement mail

/** A winner's announcement of about the real size (the template renders some 7 KB of HTML). */
const ANNOUNCEMENT_HTML = `<!DOCTYPE html><html lang="en"><body>${"<p>Congratulations: your nomination has won this year's award. ".repeat(110)}</p></body></html>`;

async function queueAnnouncements(handle: DatabaseHandle, count: number, run: string) {
  for (let start = 0; start < count; start += 1000) {
    await handle.db.insert(schema.emailOutbox).values(
      Array.from({ length: Math.min(1000, count - start) }, (_, j) => ({
        idempotencyKey: `bench-${run}-${start + j}`,
        template: "result-winner",
        to: `bench-winner-${run}-${start + j}@example.org`,
        subject: "Your nomination has won a Community Sponsorship Award",
        html: ANNOUNCEMENT_HTML,
        text: "Congratulations: your nomination has won this year's award.",
      })),
    );
  }
}

/**
 * `count` announcements queued, then the built server started with mail going to the mock
 * Resend at 2 requests a second; the time from its first request to the last delivery. With
 * `kill`, the server is killed with SIGKILL while a batch request is in flight (a third of the
 * way through; the mock answers each request 250 ms after it arrives) and started again; then every email must reach the mock exactly once.
 */
async function announcementBurst(database: BenchDatabase, port: number, count: number, kill: boolean) {
  const run = kill ? "kill" : "clean";
  await withDatabase(database, (handle) => queueAnnouncements(handle, count, run));
  const { startMockResend } = await import("../support/mock-resend");
  // Each request is answered 250 ms after it arrives, about what the real API takes for a batch.
  const mock = await startMockResend({ ratePerSecond: MAIL_RATE, delayMs: 250 });
  const mine = () => [...mock.counts().per].filter(([key]) => key.startsWith(`bench-${run}-`));
  let portal: Running | null = null;
  let restartMs = NaN;
  try {
    portal = await startPortal({ port, databaseUrl: database.databaseUrl, dataDir: database.dataDir, mail: { url: mock.url, ratePerSecond: MAIL_RATE } });
    const deadline = Date.now() + Math.max(120_000, (count / 100 / MAIL_RATE) * 4_000);
    const wait = async (ok: () => boolean, what: string) => {
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`${what}: ${mine().length} of ${count} delivered; server said: ${portal?.output?.().slice(-1500)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    if (kill) {
      const inFlight = () => mock.received.some((r) => r.status === undefined && r.path === "/emails/batch");
      await wait(() => mine().length >= count / 3 && inFlight(), "waiting for a batch in flight");
      const down = Date.now();
      const atKill = mine().length;
      await portal.kill!();
      log(`killed the server with ${atKill} of ${count} delivered and a batch in flight`);
      portal = await startPortal({ port, databaseUrl: database.databaseUrl, dataDir: database.dataDir, mail: { url: mock.url, ratePerSecond: MAIL_RATE } });
      restartMs = Date.now() - down;
    }
    await wait(() => mine().length >= count, "waiting for every announcement");
    // A moment more, so a late duplicate would be counted.
    await new Promise((r) => setTimeout(r, kill ? 3_000 : 500));
    await portal.stop();
    portal = null;
    // The clock starts at the first request carrying one of these announcements: in a full run
    // the earlier parts leave some 4,000 confirmation and receipt emails in the outbox, which
    // the server sends first, and they are not this figure's.
    const ours = (r: (typeof mock.received)[number]) => r.body.tags?.some((t) => t.name === "outbox_key" && t.value.startsWith(`bench-${run}-`)) ?? false;
    const times = mock.received.filter((r) => r.path === "/emails/batch" && ours(r)).map((r) => r.at);
    const before = mock.received.filter((r) => !ours(r)).length;
    const delivered = mine();
    const notSent = await withDatabase(database, async (handle) =>
      (await handle.db.select({ status: schema.emailOutbox.status }).from(schema.emailOutbox).where(sql`${schema.emailOutbox.idempotencyKey} like ${`bench-${run}-%`}`)).filter((r) => r.status !== "sent").length,
    );
    return {
      seconds: (Math.max(...mock.delivered.filter((d) => d.emailKey?.startsWith(`bench-${run}-`)).map((d) => d.at ?? 0)) - Math.min(...times)) / 1000,
      duplicates: delivered.filter(([, n]) => n > 1).length,
      lost: count - delivered.length,
      notSent,
      requests: new Set(mock.received.map((r) => `${r.path} ${r.headers["idempotency-key"]} ${r.at}`)).size,
      limited: mock.limited,
      restartMs,
      before,
    };
  } finally {
    if (portal) await portal.stop();
    await mock.close();
  }
}

// ---------------------------------------------------------------- the run

async function main() {
  const started = new Date();
  const needsBuild = serverOne() || want("mail");
  if (needsBuild) buildIfNeeded();
  const loadBefore = loadavg()[0];
  const scratch = mkdtempSync(join(tmpdir(), "csa-bench-"));
  const database = await createDatabase(scratch);
  const cleanup = async () => {
    await database.drop().catch((e) => console.error(`could not drop the benchmark database: ${e}`));
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  process.once("SIGTERM", () => void cleanup().then(() => process.exit(143)));

  const basePort = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const ceilingPort = process.env.BENCH_PORT ? basePort + 1 : await freePort();
  const rss: number[] = [];
  let seeded: Seeded | null = null;
  let portal: Running | null = null;
  try {
    const needsSeed = serverOne() || want("leaderboard");
    if (needsSeed) log(`seeding ${SIZES.nominations} nominations, ${SIZES.judges} judges × ${SIZES.perNomination}, ${SIZES.drafts} drafts, ${SIZES.largeNominations} for the leaderboard, on ${database.label}`);
    const t0 = performance.now();
    seeded = await withDatabase(database, async (handle) => {
      await handle.migrate();
      return needsSeed ? seedBenchmark(handle.db, SIZES) : null;
    });
    if (needsSeed) log(`seeded in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    const s = seeded as Seeded;
    const scoreGoal = database.kind === "postgres" ? 50 : 500;

    // ---- server 1: pages, submissions, scores, Lighthouse
    let lighthouse: Map<string, LighthouseScores> | null = null;
    if (serverOne()) {
    portal = await startPortal({ port: basePort, databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    const startRss = portal.startRss ?? NaN;
    const pages = ["/", `/nominate/${SUBMIT_SLUG}`, `/winners/${s.winnersYear}`];
    if (want("pages")) for (const path of pages) await pageThroughput(portal, scratch, path, ceilingPort);

    // JavaScript on every public page, each journey step with a draft's cookie (before the
    // drafts are submitted), and the sign-in page, in English and under /cy.
    if (want("js")) {
      const cookie = `csa_nomination_${SUBMIT_SLUG}=${s.drafts[0].token}`;
      for (const prefix of ["", "/cy"]) {
        for (const path of [...pages, "/nominate", "/winners", "/archive", "/login"]) await javascriptPerPage(portal, `${prefix}${path}`.replace(/^\/cy\/$/, "/cy"));
        for (const step of ["nominee", "nominator", "case", "files", "check"]) await javascriptPerPage(portal, `${prefix}/nominate/${SUBMIT_SLUG}/${step}`, cookie);
      }
    }

    let submitted: Awaited<ReturnType<typeof submitDrafts>> | null = null;
    if (want("submissions")) await measure("confirmed submissions/s", "≥ 0.3 of ceiling", async () => {
      submitted = await submitDrafts(portal!, s);
      if (submitted.failed > 0) throw new Error(`${submitted.failed} of ${submitted.done} submissions failed; first: ${submitted.firstFailure}`);
    });

    // Once with every judge saving back to back (a stress test: latency is mostly queueing),
    // once with each judge saving every 2 s, which is already far busier than people score.
    if (want("scores")) for (const [label, pauseMs] of [[`${SIZES.judges} judges at once, back to back`, 0], [`${SIZES.judges} judges, each every 2 s`, 2000]] as const) {
      await measure(`save a score, ${label}`, `p99 < ${scoreGoal} ms`, async () => {
        const saved = await saveScores(portal!, s, pauseMs);
        if (saved.failed > 0) throw new Error(`${saved.failed} of ${saved.done} saves failed; first: ${saved.firstFailure}`);
        const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(saved.latenciesMs, p));
        rows.push({
          figure: `save a score, ${label}: p50 / p95 / p99`,
          measured: `${ms(p50)} / ${ms(p95)} / ${ms(p99)}`,
          ceiling: "–",
          ratio: "–",
          goal: `p99 < ${scoreGoal} ms`,
          met: yes(p99 < scoreGoal),
          note: `${fmt(saved.done)} saves in ${fmt(saved.seconds, 1)} s (${fmt(saved.done / saved.seconds)}/s); slowest ${ms(Math.max(...saved.latenciesMs))}, ${saved.latenciesMs.filter((l) => l > 1000).length} over 1 s`,
        });
      });
    }

    if (want("lighthouse")) {
      const missing = lighthouseAvailable();
      await measure("Lighthouse (mobile)", "≥ 0.95 in every category", async () => {
        if (missing) throw new Error(missing);
        log("Lighthouse");
        lighthouse = await runLighthouse(pages.map((p) => `${portal!.url}${p}`));
      });
    }
    rss.push(portal.peakRss() ?? NaN);
    await portal.stop();
    portal = null;

    // ---- between servers: the confirmation links, and the driver-level ceiling
    let confirmations: Confirmation[] = [];
    let ceilingRate = NaN;
    if (submitted) await measure("confirmed submissions/s (ceiling)", "≥ 0.3 of ceiling", async () => {
      await withDatabase(database, async (handle) => {
        const read = await readConfirmations(handle, s);
        confirmations = read.links;
        log(`ceiling: ${s.drafts.length} submissions written directly with the driver`);
        const ceiling = await insertCeiling(handle, s.drafts.length, read);
        if (ceiling.failed > 0) throw new Error(`ceiling inserts failed: ${ceiling.firstFailure}`);
        ceilingRate = ceiling.done / ceiling.seconds;
      });
    });

    // ---- server 2: confirmations
    if (confirmations.length > 0 && submitted) {
      const sub = submitted as Awaited<ReturnType<typeof submitDrafts>>;
      portal = await startPortal({ port: basePort, databaseUrl: database.databaseUrl, dataDir: database.dataDir });
      await measure("confirmed submissions/s", "≥ 0.3 of ceiling", async () => {
        const confirmed = await confirmSubmissions(portal!, confirmations);
        if (confirmed.failed > 0) throw new Error(`${confirmed.failed} of ${confirmed.done} confirmations failed; first: ${confirmed.firstFailure}`);
        const seconds = sub.seconds + confirmed.seconds;
        const rate = s.drafts.length / seconds;
        const ratio = rate / ceilingRate;
        const both = [...sub.latenciesMs, ...confirmed.latenciesMs];
        rows.push({
          figure: "confirmed submissions/s (submit + confirm over HTTP)",
          measured: `${fmt(rate, 1)}/s`,
          ceiling: `${fmt(ceilingRate, 1)}/s`,
          ratio: fmt(ratio, 2),
          goal: "≥ 0.3 of ceiling",
          met: yes(ratio >= 0.3),
          note: `${s.drafts.length} submissions, ${LOAD.submitConcurrency} at a time: submit ${fmt(sub.seconds, 1)} s + confirm ${fmt(confirmed.seconds, 1)} s; request p99 ${ms(percentile(both, 99))}`,
        });
      });
      rss.push(portal.peakRss() ?? NaN);
      await portal.stop();
      portal = null;
    }

    const peak = Math.max(...rss.filter((r) => !Number.isNaN(r)));
    if (Number.isFinite(peak)) {
      const postgresRun = database.kind === "postgres";
      rows.push({
        figure: "server peak RSS under the load above",
        measured: `${fmt(peak / 2 ** 20, 1)} MB`,
        ceiling: "–",
        ratio: "–",
        goal: postgresRun ? "≤ 200 MB" : "report (≤ 200 MB on PostgreSQL)",
        met: postgresRun ? yes(peak <= 200 * 2 ** 20) : "–",
        note: `VmHWM of the server process over both runs (before and after the confirmations); ${fmt(startRss / 2 ** 20, 1)} MB once started${chosen.size ? `; parts run: ${[...chosen].join(", ")}` : ""}`,
      });
    } else {
      fail("server peak RSS under the load above", "≤ 200 MB", new Error("no /proc/<pid>/status to read VmHWM from"));
    }

    }

    // ---- announcement mail: the built server against the mock Resend at 2 requests/s
    if (want("mail")) {
      const label = `${fmt(MAIL_COUNT)} announcement emails, mock API at ${MAIL_RATE} requests/s`;
      const goalSeconds = (45 * MAIL_COUNT) / 8000;
      await measure(label, `< ${fmt(goalSeconds)} s`, async () => {
        log(`mail: ${MAIL_COUNT} announcements`);
        const clean = await announcementBurst(database, basePort, MAIL_COUNT, false);
        rows.push({
          figure: label,
          measured: `${fmt(clean.seconds, 1)} s`,
          ceiling: `${fmt((Math.ceil(MAIL_COUNT / 100) - 1) / MAIL_RATE + 0.25, 1)} s`,
          ratio: "–",
          goal: `< ${fmt(goalSeconds)} s`,
          met: yes(clean.seconds < goalSeconds && clean.duplicates === 0 && clean.lost === 0),
          note: `first request to last delivery; ceiling: ${fmt(Math.ceil(MAIL_COUNT / 100))} batch requests of 100 spaced at the rate limit, the last answered in 250 ms; ${clean.limited} answered 429; ${clean.duplicates} duplicates, ${clean.lost} lost${clean.before ? `; ${fmt(clean.before)} earlier emails (the parts above) went out first, not counted` : ""}`,
        });
      });
      const killLabel = `${fmt(MAIL_COUNT)} announcement emails, kill -9 of the server mid-batch: duplicates / lost`;
      await measure(killLabel, "0 / 0", async () => {
        log(`mail: ${MAIL_COUNT} announcements with a kill -9`);
        const killed = await announcementBurst(database, basePort, MAIL_COUNT, true);
        rows.push({
          figure: killLabel,
          measured: `${killed.duplicates} / ${killed.lost}`,
          ceiling: "–",
          ratio: "–",
          goal: "0 / 0",
          met: yes(killed.duplicates === 0 && killed.lost === 0 && killed.notSent === 0),
          note: `all delivered ${fmt(killed.seconds, 1)} s after the first request, restart ${fmt(killed.restartMs / 1000, 1)} s, the killed batch re-sent with its key when its 15 s lease ran out; ${killed.limited} answered 429; outbox rows not marked sent: ${killed.notSent}`,
        });
      });
    }

    // ---- in this process: leaderboard and assignment
    if (want("leaderboard")) await measure("leaderboard with calibration", "< 300 ms at 2,000; ≤ 12× at 10×", async () => {
      const { getCategoryResults } = await import("~/models/results-leaderboard.server");
      await withDatabase(database, async (handle) => {
        // The seeded submissions really went through: every draft is now a confirmed nomination.
        const confirmed = await handle.db
          .select({ id: schema.nominations.id })
          .from(schema.nominations)
          .where(and(inArray(schema.nominations.accessTokenHash, await hashes(s)), eq(schema.nominations.status, "submitted"), isNotNull(schema.nominations.confirmedAt)));
        if (want("submissions") && serverOne() && confirmed.length !== s.drafts.length) throw new Error(`${confirmed.length} of ${s.drafts.length} drafts ended up confirmed`);
        const small = await timed(() => getCategoryResults(s.judgingCategoryId), LOAD.timingRuns);
        const large = s.largeCategoryId ? await timed(() => getCategoryResults(s.largeCategoryId!), LOAD.timingRuns) : NaN;
        const growth = large / small;
        rows.push({ figure: `leaderboard with calibration, ${fmt(SIZES.nominations)} nominations`, measured: ms(small), ceiling: "–", ratio: "–", goal: "< 300 ms", met: yes(small < 300), note: `median of ${LOAD.timingRuns}: queries, weighted scores, calibration with intervals and ranking probabilities, identifiability, alpha, ranks` });
        rows.push({ figure: `leaderboard with calibration, ${fmt(SIZES.largeNominations)} nominations`, measured: ms(large), ceiling: "–", ratio: `${fmt(growth, 1)}× (growth)`, goal: "≤ 12× the time at 10× the data", met: yes(growth <= 12) });
      });
    });

    if (want("assignment")) await measure("assignment solve", "< 1 s at 2,000", async () => {
      const solve = (n: number) => {
        const nominations = Array.from({ length: n }, (_, i) => i + 1);
        const judges = Array.from({ length: SIZES.judges }, (_, j) => ({ id: j + 1 }));
        // About one conflict in a hundred pairs, spread evenly.
        const conflicts = nominations.filter((id) => id % 2 === 0).map((id) => ({ nominationId: id, judgeId: (id % SIZES.judges) + 1 }));
        return () => {
          const result = solveAssignments({ nominations, judges, k: SIZES.perNomination, conflicts, existing: [] });
          if (result.shortfalls.length > 0) throw new Error(`the solver left ${result.shortfalls.length} nominations short`);
        };
      };
      const small = await timed(solve(SIZES.nominations), LOAD.timingRuns);
      const large = await timed(solve(SIZES.largeNominations), Math.min(3, LOAD.timingRuns));
      rows.push({ figure: `assignment solve, ${fmt(SIZES.nominations)} nominations × ${SIZES.judges} judges, k = ${SIZES.perNomination}`, measured: ms(small), ceiling: "–", ratio: "–", goal: "< 1 s", met: yes(small < 1000) });
      rows.push({ figure: `assignment solve, ${fmt(SIZES.largeNominations)} nominations`, measured: ms(large), ceiling: "–", ratio: `${fmt(large / small, 1)}× (growth)`, goal: "report the growth", met: "–" });
    });

    const scores = lighthouse as Map<string, LighthouseScores> | null;
    if (scores) {
      for (const [url, score] of scores) {
        const values = CATEGORIES.map((c) => score[c]);
        rows.push({
          figure: `Lighthouse (mobile) \`${new URL(url).pathname.replace(/\/\d{4}$/, "/<year>").replace(SUBMIT_SLUG, "<slug>")}\`: ${CATEGORIES.join(" / ")}`,
          measured: values.map((v) => (v === null ? "n/a" : fmt(v, 2))).join(" / "),
          ceiling: "–",
          ratio: "–",
          goal: "≥ 0.95 each",
          met: yes(values.every((v) => v !== null && v >= 0.95)),
        });
      }
    }
  } catch (error) {
    fail("benchmark", "runs to the end", error);
  } finally {
    if (portal) await portal.stop();
    await cleanup();
  }

  const order = ["requests/s", `${fmt(MAIL_COUNT)} announcement`, "confirmed", "save a score", "leaderboard", "assignment", "server peak", "JavaScript", "Lighthouse", "benchmark"];
  rows.sort((a, b) => order.findIndex((o) => a.figure.startsWith(o)) - order.findIndex((o) => b.figure.startsWith(o)));
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${fmt(totalmem() / 2 ** 30, 1)} GB RAM (${fmt(freemem() / 2 ** 30, 1)} GB free), Node.js ${process.version}, ${process.platform} ${process.arch}`;
  const lines = [
    `## Benchmark ${smoke ? "(smoke sizes) " : ""}on ${database.label.replace(/, database csa_bench_\w+/, "")}`,
    "",
    `${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${hostname()}: ${machine}. Load average ${fmt(loadBefore, 1)} at the start, ${fmt(loadavg()[0], 1)} at the end (other work on the machine competes for its cores).`,
    `${fmt(SIZES.nominations)} nominations, ${SIZES.judges} judges, ${SIZES.perNomination} judges per nomination, ${CRITERIA.length} criteria; ${fmt(SIZES.drafts)} drafts submitted; pages loaded for ${LOAD.pageSeconds} s each over ${LOAD.connections} connections.`,
    "",
    "| figure | measured | ceiling | ratio | goal | met | notes |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.figure} | ${r.measured} | ${r.ceiling} | ${r.ratio} | ${r.goal} | ${r.met} | ${r.note ?? ""} |`),
  ];
  console.log(lines.join("\n"));
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ started, database: database.kind, machine, sizes: SIZES, load: LOAD, rows }, null, 2));
  process.exit(failures > 0 ? 1 : 0);
}

async function hashes(seeded: Seeded) {
  const { hashToken } = await import("~/utils/tokens.server");
  return seeded.drafts.map((d) => hashToken(d.token));
}

await main();
