/**
 * Where a supporting file's bytes live (decision 016). On PostgreSQL, in the row (bytea),
 * streamed by the driver while other requests carry on. On PGlite, which runs PostgreSQL
 * inside this process, writing 10 MB into a row stops every request for seconds, so the
 * bytes go to `<DATA_DIR>/files/<sha256>` with the row keeping the hash and an empty
 * `content`. The file is written and flushed before the row commits; a file no row names
 * (a removed upload, an erased nomination) is deleted by `sweepUnreferencedFiles`.
 */
import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { db, getDatabase, schema } from "./db.server";

function filesDir(): string | null {
  const handle = getDatabase();
  return handle.kind === "pglite" && handle.dataDir ? join(handle.dataDir, "files") : null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What to put in the row's `content`: the bytes themselves, or nothing once they are on disk beside PGlite. */
export async function storeFileBytes(bytes: Uint8Array, hash = sha256(bytes)): Promise<Uint8Array> {
  const dir = filesDir();
  if (!dir || bytes.byteLength === 0) return bytes;
  await mkdir(dir, { recursive: true });
  const target = join(dir, hash);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, target);
  return new Uint8Array(0);
}

/** A file row's bytes, wherever they are. */
export async function fileBytes(file: { content: Uint8Array; size: number; sha256: string }): Promise<Uint8Array> {
  if (file.content.byteLength > 0 || file.size === 0) return file.content;
  const dir = filesDir();
  if (!dir || !/^[0-9a-f]{64}$/.test(file.sha256)) return file.content;
  return new Uint8Array(await readFile(join(dir, file.sha256)));
}

/** Deletes files on disk that no row names any more; spares ones younger than `graceMs` (an upload in flight). */
export async function sweepUnreferencedFiles(graceMs = 60 * 60 * 1000): Promise<number> {
  const dir = filesDir();
  if (!dir) return 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.length === 0) return 0;
  const referenced = new Set((await db.selectDistinct({ sha256: schema.nominationFiles.sha256 }).from(schema.nominationFiles)).map((r) => r.sha256));
  let removed = 0;
  for (const name of names) {
    if (referenced.has(name)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < graceMs) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}
