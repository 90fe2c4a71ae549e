/**
 * Each integration test file gets a database of its own, migrated and empty: PGlite
 * from the dump, or a fresh PostgreSQL database copied from the template.
 */
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "#db/client";
import { setDatabase } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { adminUrl, databaseUrl } from "../support/postgres";

process.env.NODE_ENV = "test";
process.env.APP_URL = "http://localhost:3000";
delete process.env.RESEND_API_KEY;
delete process.env.RESEND_BASE_URL;
delete process.env.DATABASE_URL;
resetEnv();

let handle: DatabaseHandle;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (process.env.TEST_DB_KIND === "postgres") {
    const name = `csa_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${inject("postgresTemplate")}"`);
    handle = openDatabase({ url: databaseUrl(name), poolSize: 5 });
    process.env.CURRENT_TEST_DATABASE_URL = databaseUrl(name);
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  } else {
    const dump = readFileSync(inject("pgliteDump"));
    handle = openDatabase({ memory: true, loadDataDir: new Blob([dump]) });
  }
  setDatabase(handle);
});

afterAll(async () => {
  await handle?.close();
  setDatabase(undefined);
  await dropDatabase?.();
});
