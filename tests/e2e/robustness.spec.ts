/**
 * Load, crashes and outages against the built server, at a size CI can afford. The same
 * code runs at full size by hand: `npm run load` and `npm run faults` (tests/load/run.ts).
 */
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { startMockResend } from "../support/mock-resend";
import { loadScenario, questionIds, runLoad, startServer, stopServer, verifySubmissions, waitForHealthy, withQuery } from "../load/harness";
import { postgresBinDir, startPrivateCluster } from "../load/private-postgres";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
test.describe.configure({ mode: "serial" });

test("load: concurrent nominators on PostgreSQL, every acknowledged submission one row, no 5xx, every email sent once", async () => {
  test.setTimeout(180_000);
  const result = await loadScenario({ port: BASE_PORT, concurrency: 20, seconds: 5 });
  const { report, submissions, mail } = result;
  expect(report.acknowledged.length, result.serverOutput.slice(-2000)).toBeGreaterThan(10);
  expect(report.fiveHundreds).toBe(0);
  expect(report.connectionErrors).toBe(0);
  expect(submissions.acknowledgedMissing).toEqual([]);
  expect(submissions.acknowledgedDuplicated).toEqual([]);
  expect(submissions.submittedRows).toBe(report.acknowledged.length);
  expect(submissions.partialSubmitted).toBe(0);
  expect(mail).toMatchObject({ notSent: 0, deliveredTwice: 0, undeliveredKeys: 0 });
  expect(mail!.delivered).toBe(mail!.outboxRows);
});

test("kill -9 of the server mid-load, then a restart: nothing acknowledged lost, nothing partial, every email sent exactly once", async () => {
  test.setTimeout(180_000);
  const result = await loadScenario({ port: BASE_PORT + 1, concurrency: 10, seconds: 8, killAfterSeconds: 3 });
  const { report, submissions, mail } = result;
  expect(result.restartMs).not.toBeNull();
  expect(report.acknowledged.length).toBeGreaterThan(5);
  // Requests in flight at the kill lose their connection; none gets a 5xx.
  expect(report.fiveHundreds).toBe(0);
  expect(submissions.acknowledgedMissing).toEqual([]);
  expect(submissions.acknowledgedDuplicated).toEqual([]);
  expect(submissions.partialSubmitted).toBe(0);
  expect(mail).toMatchObject({ notSent: 0, deliveredTwice: 0, undeliveredKeys: 0 });
  expect(mail!.delivered).toBe(mail!.outboxRows);
  expect(mail!.rawRequests).toBeGreaterThanOrEqual(mail!.delivered);
});

test("kill -9 of a PGlite server during writes, then a restart: every acknowledged write is there", async () => {
  test.setTimeout(180_000);
  const result = await loadScenario({ port: BASE_PORT + 2, concurrency: 4, seconds: 6, killAfterSeconds: 2, pglite: true });
  expect(result.restartMs).not.toBeNull();
  expect(result.report.acknowledged.length).toBeGreaterThan(2);
  expect(result.submissions.acknowledgedMissing).toEqual([]);
  expect(result.submissions.acknowledgedDuplicated).toEqual([]);
  expect(result.submissions.partialSubmitted).toBe(0);
});

test("PostgreSQL stops and starts mid-run: /healthz answers 503 then 200, and the app recovers without a restart", async () => {
  test.skip(!postgresBinDir(), "PostgreSQL server binaries (initdb, pg_ctl) are not installed, so no private cluster can be started");
  test.setTimeout(180_000);
  const cluster = startPrivateCluster();
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database csa_restart");
  await admin.end();
  const databaseUrl = cluster.url.replace(/\/postgres$/, "/csa_restart");
  const mock = await startMockResend();
  const server = startServer({ port: BASE_PORT + 3, env: { DATABASE_URL: databaseUrl, RESEND_API_KEY: "", DATABASE_POOL_SIZE: "5" } });
  try {
    await waitForHealthy(server.url);
    const ids = await withQuery({ url: databaseUrl }, questionIds);
    const health: number[] = [];
    const watch = (async () => {
      for (let i = 0; i < 400 && !(health.includes(503) && health.at(-1) === 200 && health.length > 20); i++) {
        try {
          health.push((await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) })).status);
        } catch {
          health.push(0);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const load = runLoad({ url: () => server.url, concurrency: 4, seconds: 8, questionIds: ids, tag: "restart" });
    await new Promise((r) => setTimeout(r, 2_000));
    cluster.stop("fast");
    const story = () => `health: ${health.join(" ")}; exit: ${server.child.exitCode}; server said: ${server.output().slice(-3000)}`;
    await expect.poll(() => health.at(-1), { timeout: 20_000, message: story() }).toBe(503);
    await new Promise((r) => setTimeout(r, 1_000));
    cluster.start();
    await expect.poll(() => health.at(-1), { timeout: 30_000, message: story() }).toBe(200);
    const report = await load;
    await watch;

    // The same process, never restarted, serves a whole new submission after the outage.
    expect(server.child.exitCode).toBeNull();
    const after = await runLoad({ url: () => server.url, concurrency: 1, seconds: 1, questionIds: ids, tag: "after" });
    expect(after.acknowledged.length).toBeGreaterThan(0);
    expect(after.fiveHundreds).toBe(0);

    const verdict = await withQuery({ url: databaseUrl }, (q) =>
      verifySubmissions(q, { ...report, acknowledged: [...report.acknowledged, ...after.acknowledged] }, ids.length),
    );
    expect(verdict.acknowledgedMissing).toEqual([]);
    expect(verdict.acknowledgedDuplicated).toEqual([]);
    expect(verdict.partialSubmitted).toBe(0);
  } finally {
    await stopServer(server);
    await mock.close();
    cluster.destroy();
  }
});
