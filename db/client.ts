/**
 * Opens the database: postgres.js with a pool when a URL is given, otherwise embedded
 * PGlite in a data folder (or in memory, for tests). Both sit behind one drizzle type.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction or the database itself: model functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type DatabaseHandle = {
  kind: "postgres" | "pglite";
  db: Db;
  /** PGlite's data folder (absent in memory and on PostgreSQL): supporting files are kept beside it. */
  dataDir?: string;
  /** Applies committed migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` committed by anyone, and once more each
   * time the listening connection is (re)established, since notices sent while it was down
   * are lost. Resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { url: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true; loadDataDir?: Blob };

/** Finds db/migrations whether we run from source or from the bundled build/. */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "db", "migrations");
    if (existsSync(candidate)) return candidate;
    const sibling = join(dir, "migrations");
    if (existsSync(join(sibling, "meta", "_journal.json"))) return sibling;
    dir = dirname(dir);
  }
  return resolve("db/migrations");
}

// Serialises migrations across app servers sharing one PostgreSQL.
const MIGRATION_LOCK = 727_271;

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if ("url" in options) {
    const client = postgres(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 30,
    });
    const db = drizzlePostgres(client, { schema });
    return {
      kind: "postgres",
      db,
      async migrate() {
        // A session lock on a one-connection client: the migrator opens its own transaction.
        const single = postgres(options.url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
        try {
          await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(drizzlePostgres(single, { schema }), { migrationsFolder: migrationsFolder() });
        } finally {
          await single.end({ timeout: 5 });
        }
      },
      async ping() {
        await client`select 1`;
      },
      async listen(channel, onNotify) {
        const { unlisten } = await client.listen(channel, () => onNotify(), () => onNotify());
        return unlisten;
      },
      async close() {
        await client.end({ timeout: 5 });
      },
    };
  }

  const client =
    "dataDir" in options
      ? new PGlite(options.dataDir)
      : new PGlite({ loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    dataDir: "dataDir" in options ? options.dataDir : undefined,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
    },
    async ping() {
      if (client.closed) throw new Error("database is closed");
      await db.execute(sql`select 1`);
    },
    async listen(channel, onNotify) {
      const stop = await client.listen(channel, () => onNotify());
      onNotify();
      return async () => {
        if (!client.closed) await stop();
      };
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

export { schema };
