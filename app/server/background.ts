/**
 * Work the server does between requests: delivering the outbox, running scheduled jobs
 * (publication) and sending the automatic judging reminder. It all runs once at start-up,
 * so anything that fell due while the server was down happens now, and then every few seconds.
 */
import { sendDueJudgingReminders } from "~/models/reminders.server";
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
  await sendDueJudgingReminders();
  return report;
}

export function startBackgroundWork(env: Env, { intervalMs = 5_000 } = {}): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const tick = () => {
    // A slow round is not stacked on: the next tick waits for it to finish.
    if (stopped || busy) return;
    busy = true;
    running = (async () => {
      await runScheduledWork();
      if (env.mailConfigured) await deliverDueEmails();
    })()
      .catch((error) => console.error("Background work failed:", error))
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
