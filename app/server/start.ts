/**
 * Opens the database, applies migrations and seeds the demo cycle on an empty one.
 * Shared by the server and the command-line tools.
 */
import { mkdirSync } from "node:fs";
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
    handle = openDatabase({ dataDir: env.DATA_DIR });
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
