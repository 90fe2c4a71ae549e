/**
 * Work the server does between requests: delivering the outbox, running scheduled jobs
 * (publication), the automatic judging reminder, turning unconfirmed nominations older than
 * seven days back into drafts, and once a day the retention rule and the pruning of
 * rate-limit counters.
 * It all runs once at start-up, so anything that fell due while the server was down
 * happens now, and then every few seconds. Each part is idempotent, so several servers,
 * or a restart, running it again change nothing.
 */
import { campaignJobs } from "~/models/campaign-letter.server";
import { DIRECTORY_JOB, refreshDirectoryJob, scheduleDirectoryRefresh } from "~/models/mp-directory.server";
import { expireUnconfirmedNominations, nominationJobs } from "~/models/nomination.server";
import { applyRetention } from "~/models/privacy.server";
import { sendDueJudgingReminders } from "~/models/reminders.server";
import { publicationJobs, syncPublicationJobs } from "~/models/results-publication.server";
import type { Env } from "~/utils/env.server";
import { runDueJobs, type JobHandlers } from "~/utils/jobs.server";
import { sweepUnreferencedFiles } from "~/utils/file-store.server";
import { deliverDueEmails, type Lane } from "~/utils/mailer.server";
import { pruneRateLimits } from "~/utils/rate-limit.server";

export const jobHandlers: JobHandlers = { ...publicationJobs, ...nominationJobs, ...campaignJobs, [DIRECTORY_JOB]: (tx, job) => refreshDirectoryJob(tx, job) };

const DAY = 24 * 60 * 60 * 1000;
/**
 * Rows one round of a mail lane may lease. A round ends when its last request is answered,
 * so a pause at each round's end would waste a slot of the provider's rate: the announcement
 * lane's round is as large as a publication.
 */
const MAIL_ROUND = { single: 1_000, bulk: 20_000 } as const;
const MAX_MAIL_ROUNDS_PER_TICK = 20;
let lastRetentionRun = 0;

export async function runScheduledWork() {
  await syncPublicationJobs();
  await scheduleDirectoryRefresh();
  const report = await runDueJobs(jobHandlers);
  for (const job of report.done) console.info(`Job done: ${job}`);
  for (const job of report.failed) console.error(`Job failed (will retry): ${job}`);
  await sendDueJudgingReminders();
  await expireUnconfirmedNominations(new Date());
  if (Date.now() - lastRetentionRun >= DAY) {
    lastRetentionRun = Date.now();
    await applyRetention();
    // Rate-limit counters hold addresses and emails: none is kept past the day after its window.
    await pruneRateLimits();
  }
  // Bytes beside PGlite that no row names any more (removed, erased, or never committed).
  await sweepUnreferencedFiles();
  return report;
}

export function startBackgroundWork(env: Env, { intervalMs = 5_000, mailIntervalMs = 1_000 } = {}): () => Promise<void> {
  const stops = [repeat(runScheduledWork, intervalMs, "Background work")];
  if (env.mailConfigured) stops.push(startMailDelivery(mailIntervalMs));
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

/**
 * Mail has loops of its own, so a slow provider never delays a publication job, nor the
 * reverse; and one per lane, so a sign-in link is never queued behind an announcement.
 */
export function startMailDelivery(intervalMs = 1_000): () => Promise<void> {
  // On shutdown a round stops leasing and settles what is in flight, rather than sending a
  // whole publication first; what is left is sent by the next server.
  let stopping = false;
  const isStopping = () => stopping;
  const stops = [repeat(() => deliverWaitingMail("single", isStopping), intervalMs, "Mail delivery"), repeat(() => deliverWaitingMail("bulk", isStopping), intervalMs, "Announcement delivery")];
  return async () => {
    stopping = true;
    await Promise.all(stops.map((stop) => stop()));
  };
}

async function deliverWaitingMail(lane: Lane, stopping: () => boolean) {
  // A full round means more may be waiting: keep going, up to a bound per tick.
  for (let round = 0; round < MAX_MAIL_ROUNDS_PER_TICK && !stopping(); round++) {
    const report = await deliverDueEmails({ lane, limit: MAIL_ROUND[lane], stopping });
    if (report.sent + report.retried + report.failed < MAIL_ROUND[lane]) break;
  }
}

/** Runs `work` now and every `intervalMs`; a slow round is not stacked on: the next tick waits for it. */
function repeat(work: () => Promise<unknown>, intervalMs: number, name: string): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const tick = () => {
    if (stopped || busy) return;
    busy = true;
    running = work()
      .catch((error) => console.error(`${name} failed:`, error))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
