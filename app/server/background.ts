/** Work the server does between requests: delivering the outbox and the automatic judging reminder. */
import { sendDueJudgingReminders } from "~/models/reminders.server";
import { deliverDueEmails } from "~/utils/mailer.server";
import type { Env } from "~/utils/env.server";

const REMINDER_CHECK_MS = 60_000;

export function startBackgroundWork(env: Env): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let reminding: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = deliverDueEmails().catch((error) => console.error("Mail delivery failed:", error));
  };
  const remind = () => {
    if (stopped) return;
    reminding = sendDueJudgingReminders().catch((error) => console.error("Judging reminders failed:", error));
  };
  const timer = env.mailConfigured ? setInterval(tick, 5_000) : undefined;
  timer?.unref();
  const reminderTimer = setInterval(remind, REMINDER_CHECK_MS);
  reminderTimer.unref();
  return async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    clearInterval(reminderTimer);
    await Promise.all([running, reminding]);
  };
}
