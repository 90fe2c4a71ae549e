/**
 * Scheduled work kept in the database and run in-process: it survives restarts, catches
 * up on start-up, and runs once even with several app servers, because each job is
 * claimed with FOR UPDATE SKIP LOCKED and marked done in the transaction that does it.
 */
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { db, schema, type Tx } from "./db.server";

export type Job = typeof schema.jobs.$inferSelect;
export type JobHandler = (tx: Tx, job: Job) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export const MAX_JOB_ATTEMPTS = 5;

/** Creates the job, or moves a job that has not run yet to its new time. Done jobs stay done. */
export async function scheduleJob(
  tx: Tx,
  job: { kind: string; key: string; runAt: Date; payload?: Record<string, unknown> },
) {
  await tx
    .insert(schema.jobs)
    .values({ kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload ?? {} })
    .onConflictDoUpdate({
      target: [schema.jobs.kind, schema.jobs.key],
      set: { runAt: job.runAt, payload: job.payload ?? {}, status: "pending", attempts: 0, lastError: null },
      setWhere: sql`${schema.jobs.status} in ('pending', 'cancelled', 'failed')`,
    });
}

export async function cancelJob(tx: Tx, kind: string, key: string) {
  await tx
    .update(schema.jobs)
    .set({ status: "cancelled" })
    .where(and(eq(schema.jobs.kind, kind), eq(schema.jobs.key, key), eq(schema.jobs.status, "pending")));
}

export type JobRunReport = { done: string[]; failed: string[] };

/** Runs every due job once; call it on start-up and then on a timer. */
export async function runDueJobs(handlers: JobHandlers, now = () => new Date()): Promise<JobRunReport> {
  const report: JobRunReport = { done: [], failed: [] };
  for (;;) {
    let claimed: Job | undefined;
    try {
      claimed = await db.transaction(async (tx) => {
        const [job] = await tx
          .select()
          .from(schema.jobs)
          .where(and(eq(schema.jobs.status, "pending"), lte(schema.jobs.runAt, now())))
          .orderBy(asc(schema.jobs.runAt), asc(schema.jobs.id))
          .limit(1)
          .for("update", { skipLocked: true });
        if (!job) return undefined;
        const handler = handlers[job.kind];
        if (!handler) throw new JobError(job, `no handler for job kind "${job.kind}"`);
        try {
          await handler(tx, job);
        } catch (error) {
          throw new JobError(job, error instanceof Error ? error.message : String(error));
        }
        await tx
          .update(schema.jobs)
          .set({ status: "done", doneAt: new Date(), attempts: job.attempts + 1, lastError: null })
          .where(eq(schema.jobs.id, job.id));
        return job;
      });
    } catch (error) {
      // The transaction rolled back; record the failure on its own and go on.
      if (!(error instanceof JobError)) throw error;
      const job = error.job;
      await recordFailure(job, error);
      report.failed.push(`${job.kind}:${job.key}`);
      continue;
    }
    if (!claimed) return report;
    report.done.push(`${claimed.kind}:${claimed.key}`);
  }
}

class JobError extends Error {
  constructor(
    readonly job: Job,
    message: string,
  ) {
    super(message);
  }
}

async function recordFailure(job: Job, error: unknown) {
  const attempts = job.attempts + 1;
  const message = error instanceof Error ? error.message : String(error);
  await db
    .update(schema.jobs)
    .set({
      attempts,
      lastError: message,
      status: attempts >= MAX_JOB_ATTEMPTS ? "failed" : "pending",
      runAt: new Date(Date.now() + Math.min(60_000 * 2 ** (attempts - 1), 3_600_000)),
    })
    .where(eq(schema.jobs.id, job.id));
}
