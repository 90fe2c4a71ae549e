/** Whether the database answers: for /healthz. */
import { getDatabase } from "~/utils/db.server";

/**
 * Pings the database and returns its kind and how long the answer took; throws when it
 * does not answer within `timeoutMs` (or at all).
 */
export async function pingDatabase(timeoutMs: number): Promise<{ kind: string; ms: number }> {
  const started = Date.now();
  const handle = getDatabase();
  await Promise.race([
    handle.ping(),
    new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs).unref()),
  ]);
  return { kind: handle.kind, ms: Date.now() - started };
}
