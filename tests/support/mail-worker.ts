/**
 * The mail delivery loops of the server (both lanes), alone in a process of their own, on
 * the PostgreSQL database at DATABASE_URL, with RESEND_* from the environment. A test can
 * kill it with SIGKILL in the middle of a send and start it again.
 *
 *   DATABASE_URL=… RESEND_API_KEY=re_… RESEND_BASE_URL=… node --import tsx tests/support/mail-worker.ts
 */
import { openDatabase } from "#db/client";
import { startMailDelivery } from "~/server/background";
import { setDatabase } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
if (!getEnv().mailConfigured) throw new Error("RESEND_API_KEY is required");
setDatabase(openDatabase({ url, poolSize: 4 }));
startMailDelivery(Number(process.env.MAIL_INTERVAL_MS ?? 200));
console.log("mail worker ready");
// Keep the process alive; the loops' timers are unref'd.
setInterval(() => {}, 1 << 30);
