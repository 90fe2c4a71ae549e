/**
 * Supporting files beside PGlite (decision 016): with a data folder, a file's bytes go to
 * `<DATA_DIR>/files/<sha256>`, the row keeps an empty `content`, reading gives the same
 * bytes back, storing 10 MB never stops the event loop for long, and a file no row names
 * is swept. On PostgreSQL (and in-memory PGlite) the bytes stay in the row.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type DatabaseHandle } from "#db/client";
import { getDatabase, setDatabase } from "~/utils/db.server";
import { fileBytes, sha256, storeFileBytes, sweepUnreferencedFiles } from "~/utils/file-store.server";

const onPglite = process.env.TEST_DB_KIND !== "postgres";

test.runIf(!onPglite)("on PostgreSQL the bytes stay in the row", async () => {
  const bytes = new TextEncoder().encode("%PDF-1.4 kept in the row");
  expect(await storeFileBytes(bytes)).toEqual(bytes);
});

describe.runIf(onPglite)("PGlite with a data folder", () => {
  let folder: string;
  let handle: DatabaseHandle;
  let previous: DatabaseHandle;

  beforeAll(async () => {
    previous = getDatabase();
    folder = mkdtempSync(join(tmpdir(), "csa-files-"));
    handle = openDatabase({ dataDir: join(folder, "db") });
    await handle.migrate();
    setDatabase(handle);
  }, 120_000);

  afterAll(async () => {
    setDatabase(previous);
    await handle?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test("10 MB go to a file named by their hash, the row keeps nothing, and reading gives them back", async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024).map((_, i) => (i * 31) % 251);
    const hash = sha256(bytes);
    // A timer that should tick every 10 ms: the longest gap says how long the loop was held.
    let last = performance.now();
    let longest = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    const content = await storeFileBytes(bytes, hash);
    clearInterval(tick);
    expect(content.byteLength).toBe(0);
    const onDisk = join(handle.dataDir!, "files", hash);
    expect(existsSync(onDisk)).toBe(true);
    expect(sha256(new Uint8Array(readFileSync(onDisk)))).toBe(hash);
    expect(longest).toBeLessThan(1000);
    const back = await fileBytes({ content, size: bytes.byteLength, sha256: hash });
    expect(sha256(back)).toBe(hash);
    expect(back.byteLength).toBe(bytes.byteLength);
  });

  test("a file no row names is swept once it is older than the grace period; a young one is spared", async () => {
    const bytes = new TextEncoder().encode("an upload that was removed");
    const hash = sha256(bytes);
    await storeFileBytes(bytes, hash);
    const onDisk = join(handle.dataDir!, "files", hash);
    expect(await sweepUnreferencedFiles(60_000)).toBe(0);
    expect(existsSync(onDisk)).toBe(true);
    const old = new Date(Date.now() - 2 * 60_000);
    utimesSync(onDisk, old, old);
    expect(await sweepUnreferencedFiles(60_000)).toBeGreaterThanOrEqual(1);
    expect(existsSync(onDisk)).toBe(false);
  });
});
