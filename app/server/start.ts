/**
 * Opens the database, applies migrations and seeds the demo cycle on an empty one.
 * Shared by the server and the command-line tools.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, type DatabaseHandle } from "#db/client";
import { seedDemoIfEmpty } from "#db/seed";
import { setDatabase } from "~/utils/db.server";
import type { Env } from "~/utils/env.server";

export async function openAppDatabase(env: Env, { seed = env.SEED_DEMO } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (env.DATABASE_URL) {
    handle = openDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  } else {
    mkdirSync(env.DATA_DIR, { recursive: true });
    const release = claimDataDir(env.DATA_DIR);
    const embedded = openDatabase({ dataDir: env.DATA_DIR });
    handle = {
      ...embedded,
      async close() {
        await embedded.close();
        release();
      },
    };
  }
  await handle.migrate();
  if (seed && (await seedDemoIfEmpty(handle.db))) {
    console.info("Seeded the demo cycle (an admin, three judges and seven categories).");
  }
  setDatabase(handle);
  return handle;
}

/** Reads ./.env when there is one; variables already in the environment win. */
export function loadDotEnv() {
  try {
    process.loadEnvFile(".env");
  } catch {
    // no .env file: the environment alone is used
  }
}

/**
 * PGlite allows one process per data folder; a second would corrupt it. A pid file
 * turns that into a clear refusal. A file left by a process that has died is taken over.
 */
export function claimDataDir(dataDir: string): () => void {
  const file = join(dataDir, "portal.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `Another process (pid ${owner}) is using the embedded database in ${dataDir}. Stop it first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not claim ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * postgres.js (3.4.x) can throw from a setImmediate when PostgreSQL closes a connection
 * while a small write is queued (porsager/postgres#1154, #1208): uncatchable by the query's
 * caller, it would take the whole server down on a database restart. The query it belonged
 * to has already failed with CONNECTION_CLOSED, so this one error is logged and survived;
 * any other uncaught error still stops the process.
 */
export function isPostgresClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "") &&
    /nextWrite/.test(error.stack ?? "")
  );
}
