/** Work the server does between requests: delivering the outbox (and later, scheduled jobs). */
import { expireUnconfirmedNominations } from "~/models/nomination.server";
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

  // Unconfirmed nominations go back to drafts after 7 days; checking every 10 minutes is plenty.
  let expiring: Promise<unknown> = Promise.resolve();
  const expire = () => {
    if (stopped) return;
    expiring = expireUnconfirmedNominations(new Date()).catch((error) => console.error("Expiring unconfirmed nominations failed:", error));
  };
  const expiryTimer = setInterval(expire, 10 * 60_000);
  expiryTimer.unref();

  return async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    clearInterval(expiryTimer);
    await Promise.all([running, expiring]);
  };
}
