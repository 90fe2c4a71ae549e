/**
 * Work the server does between requests: delivering the outbox, and once a day (and once
 * shortly after start) the retention rule, which is idempotent, so several servers or a
 * restart running it again change nothing.
 */
import { applyRetention } from "~/models/privacy.server";
import { deliverDueEmails } from "~/utils/mailer.server";
import type { Env } from "~/utils/env.server";

const DAY = 24 * 60 * 60 * 1000;
const RETENTION_FIRST_RUN_MS = 30_000;

export function startBackgroundWork(env: Env): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let retention: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = deliverDueEmails().catch((error) => console.error("Mail delivery failed:", error));
  };
  const timer = env.mailConfigured ? setInterval(tick, 5_000) : undefined;
  timer?.unref();

  const retain = () => {
    if (stopped) return;
    retention = applyRetention()
      .then((report) => {
        for (const r of report) if (r.erased > 0) console.info(`Retention: personal data removed from ${r.erased} nominations of ${r.year}.`);
      })
      .catch((error) => console.error("Retention rule failed:", error));
  };
  const firstRetention = setTimeout(retain, RETENTION_FIRST_RUN_MS);
  firstRetention.unref();
  const retentionTimer = setInterval(retain, DAY);
  retentionTimer.unref();

  return async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    clearTimeout(firstRetention);
    clearInterval(retentionTimer);
    await Promise.all([running, retention]);
  };
}
