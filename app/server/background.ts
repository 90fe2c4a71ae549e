/** Work the server does between requests: delivering the outbox (and later, scheduled jobs). */
import { deliverDueEmails } from "~/utils/mailer.server";
import type { Env } from "~/utils/env.server";

export function startBackgroundWork(env: Env): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = deliverDueEmails().catch((error) => console.error("Mail delivery failed:", error));
  };
  const timer = env.mailConfigured ? setInterval(tick, 5_000) : undefined;
  timer?.unref();
  return async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    await running;
  };
}
