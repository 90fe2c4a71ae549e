/**
 * Finding a supporter's MP: postcode → constituency (postcodes.io, cached 30 days) and
 * constituency → current MP (the directory, refreshed daily from the Members API, or
 * imported from CSV). When a service cannot answer, the caller offers the constituency
 * list from the directory instead (docs/decisions/019).
 */
import { and, asc, count, desc, eq, gte, max } from "drizzle-orm";
import type { MpEntry } from "#db/schema";
import { constituencyKey, type DirectoryRow } from "~/domain/campaign";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import type { Job } from "~/utils/jobs.server";
import { fetchAllCurrentMps, findCurrentMp, membersApiConfigured } from "~/utils/members-api.server";
import { lookUpPostcode, postcodesIoConfigured } from "~/utils/postcodes-io.server";

export const POSTCODE_CACHE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
export const DIRECTORY_JOB = "mp-directory-refresh";

export type Mp = Pick<MpEntry, "constituency" | "name" | "party" | "email" | "photoUrl">;

export type ConstituencyResult =
  | { kind: "found"; constituency: string }
  | { kind: "not_found" }
  | { kind: "unavailable" };

/** The constituency of a normalised postcode: from the cache, else postcodes.io (and then cached). */
export async function constituencyForPostcode(postcode: string, { now = new Date(), store = true } = {}): Promise<ConstituencyResult> {
  const live = postcodesIoConfigured();
  const [cached] = await db
    .select()
    .from(schema.postcodeCache)
    .where(
      live
        ? and(eq(schema.postcodeCache.postcode, postcode), gte(schema.postcodeCache.fetchedAt, new Date(now.getTime() - POSTCODE_CACHE_DAYS * DAY_MS)))
        : eq(schema.postcodeCache.postcode, postcode),
    );
  if (cached) return { kind: "found", constituency: cached.constituency };
  if (!live) return { kind: "unavailable" };
  const answer = await lookUpPostcode(postcode);
  if (answer.kind === "not_found") return { kind: "not_found" };
  if (answer.kind === "unavailable") {
    console.warn(`postcodes.io unavailable: ${answer.reason}`);
    return { kind: "unavailable" };
  }
  const values = { postcode, constituency: answer.constituency, constituencyCode: answer.constituencyCode, fetchedAt: now };
  if (!store) return { kind: "found", constituency: answer.constituency };
  await db.insert(schema.postcodeCache).values(values).onConflictDoUpdate({ target: schema.postcodeCache.postcode, set: values });
  return { kind: "found", constituency: answer.constituency };
}

export type MpResult = { kind: "found"; mp: Mp } | { kind: "no_mp"; constituency: string } | { kind: "unavailable"; constituency: string };

/** The constituency's MP: from the directory, else (and then stored) from the Members API. */
export async function mpForConstituency(constituency: string, now = new Date()): Promise<MpResult> {
  const key = constituencyKey(constituency);
  const [entry] = await db.select().from(schema.mpDirectory).where(eq(schema.mpDirectory.key, key));
  if (entry) return { kind: "found", mp: entry };
  if (!membersApiConfigured()) return { kind: "unavailable", constituency };
  const answer = await findCurrentMp(constituency, (a, b) => constituencyKey(a) === constituencyKey(b));
  if (answer.kind === "not_found") return { kind: "no_mp", constituency };
  if (answer.kind === "unavailable") {
    console.warn(`Members API unavailable: ${answer.reason}`);
    return { kind: "unavailable", constituency };
  }
  const values = { ...answer.mp, key, source: "members_api" as const, refreshedAt: now };
  await db.insert(schema.mpDirectory).values(values).onConflictDoUpdate({ target: schema.mpDirectory.key, set: values });
  return { kind: "found", mp: values };
}

/** For the constituency picker: every constituency in the directory, A to Z. */
export async function listConstituencies(): Promise<string[]> {
  const rows = await db.select({ constituency: schema.mpDirectory.constituency }).from(schema.mpDirectory).orderBy(asc(schema.mpDirectory.constituency));
  return rows.map((r) => r.constituency);
}

export async function directoryEntry(constituency: string): Promise<Mp | null> {
  const [entry] = await db.select().from(schema.mpDirectory).where(eq(schema.mpDirectory.key, constituencyKey(constituency)));
  return entry ?? null;
}

// ---------------------------------------------------------------- keeping the directory

async function replaceDirectory(tx: Tx, rows: Array<DirectoryRow & { memberId?: number | null }>, source: MpEntry["source"], now: Date) {
  const before = await tx.select({ n: count() }).from(schema.mpDirectory);
  await tx.delete(schema.mpDirectory);
  const seen = new Set<string>();
  const values = rows
    .map((r) => ({ ...r, memberId: r.memberId ?? null, key: constituencyKey(r.constituency), source, refreshedAt: now }))
    .filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
  for (let i = 0; i < values.length; i += 200) await tx.insert(schema.mpDirectory).values(values.slice(i, i + 200));
  return { before: before[0].n, after: values.length };
}

/**
 * The daily job: the whole current House of Commons from the Members API. Any failure
 * throws before the directory is touched, so the last good copy stays (and the job retries).
 */
export async function refreshDirectoryJob(tx: Tx, _job: Job, now = new Date()) {
  if (!membersApiConfigured()) return;
  const mps = await fetchAllCurrentMps();
  if (mps.length === 0) throw new Error("the Members API listed no current MPs; keeping the directory we have");
  const counts = await replaceDirectory(tx, mps, "members_api", now);
  await audit(tx, { actor: SYSTEM_ACTOR, action: "mp_directory.refreshed", entityType: "mp_directory", after: counts });
}

/** One refresh job a day (UTC date as its key); runs at once when due, then the runner retries failures. */
export async function scheduleDirectoryRefresh(now = new Date()) {
  if (!membersApiConfigured()) return;
  await db
    .insert(schema.jobs)
    .values({ kind: DIRECTORY_JOB, key: now.toISOString().slice(0, 10), runAt: now })
    .onConflictDoNothing();
}

export async function importDirectory(rows: DirectoryRow[], actor: Actor, now = new Date()) {
  return db.transaction(async (tx) => {
    const counts = await replaceDirectory(tx, rows, "csv", now);
    await audit(tx, { actor, action: "mp_directory.imported", entityType: "mp_directory", after: counts });
    return counts;
  });
}

export async function directoryStatus() {
  const [summary] = await db.select({ entries: count(), refreshedAt: max(schema.mpDirectory.refreshedAt) }).from(schema.mpDirectory);
  const sources = await db.select({ source: schema.mpDirectory.source, n: count() }).from(schema.mpDirectory).groupBy(schema.mpDirectory.source);
  const [lastJob] = await db.select().from(schema.jobs).where(eq(schema.jobs.kind, DIRECTORY_JOB)).orderBy(desc(schema.jobs.id)).limit(1);
  const sample = await db.select().from(schema.mpDirectory).orderBy(asc(schema.mpDirectory.constituency)).limit(50);
  return {
    entries: summary.entries,
    refreshedAt: summary.refreshedAt,
    sources: sources.map((s) => `${s.source}: ${s.n}`),
    lastJob: lastJob ? { status: lastJob.status, key: lastJob.key, attempts: lastJob.attempts, lastError: lastJob.lastError } : null,
    live: { postcodesIo: postcodesIoConfigured(), membersApi: membersApiConfigured() },
    sample,
  };
}

export type FindMpResult =
  | { kind: "found"; mp: Mp }
  | { kind: "postcode_not_found" }
  | { kind: "no_mp"; constituency: string }
  | { kind: "unavailable"; constituencies: string[] };

/** The supporter's MP from a normalised postcode, or from the constituency they picked from the list. */
export async function findMp(query: { postcode: string } | { constituency: string }): Promise<FindMpResult> {
  let constituency: string;
  if ("postcode" in query) {
    const found = await constituencyForPostcode(query.postcode);
    if (found.kind === "not_found") return { kind: "postcode_not_found" };
    if (found.kind === "unavailable") return { kind: "unavailable", constituencies: await listConstituencies() };
    constituency = found.constituency;
  } else {
    const entry = await directoryEntry(query.constituency);
    if (entry) return { kind: "found", mp: entry };
    constituency = query.constituency;
  }
  const mp = await mpForConstituency(constituency);
  if (mp.kind === "found") return mp;
  if (mp.kind === "no_mp") return mp;
  return { kind: "unavailable", constituencies: await listConstituencies() };
}
