/**
 * Work the server does between requests: delivering the outbox and running scheduled
 * jobs. Jobs run once at start-up, so anything that fell due while the server was down
 * happens now, and then every few seconds.
 */
import { publicationJobs, syncPublicationJobs } from "~/models/results.server";
import type { Env } from "~/utils/env.server";
import { runDueJobs, type JobHandlers } from "~/utils/jobs.server";
import { deliverDueEmails } from "~/utils/mailer.server";

export const jobHandlers: JobHandlers = { ...publicationJobs };

export async function runScheduledWork() {
  await syncPublicationJobs();
  const report = await runDueJobs(jobHandlers);
  for (const job of report.done) console.info(`Job done: ${job}`);
  for (const job of report.failed) console.error(`Job failed (will retry): ${job}`);
  return report;
}

export function startBackgroundWork(env: Env, { intervalMs = 5_000 } = {}): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = running
      .then(async () => {
        await runScheduledWork();
        if (env.mailConfigured) await deliverDueEmails();
      })
      .catch((error) => console.error("Background work failed:", error));
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
