/** Integration fixtures for the administration: cycles with categories, and nominations made directly. */
import { eq, sql } from "drizzle-orm";
import type { Nomination } from "#db/schema";
import { db, schema } from "~/utils/db.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

let yearCounter = 0;

/** A year no other test in this file has used (each file has its own database). */
export function freshYear() {
  yearCounter += 1;
  return 2000 + yearCounter;
}

export async function createCycle(overrides: Partial<typeof schema.cycles.$inferInsert> = {}) {
  const year = overrides.year ?? freshYear();
  const [cycle] = await db
    .insert(schema.cycles)
    .values({ year, name: `Awards ${year}`, phase: "nominations_open", ...overrides })
    .returning();
  return cycle;
}

/** A category with two questions, two criteria, a 1–5 scale and an empty panel. */
export async function createCategory(cycleId: number, overrides: Partial<typeof schema.categories.$inferInsert> = {}) {
  const slug = overrides.slug ?? `category-${Math.random().toString(36).slice(2, 8)}`;
  const [category] = await db
    .insert(schema.categories)
    .values({ cycleId, slug, name: `Category ${slug}`, nomineeTypes: ["group"], ...overrides })
    .returning();
  const questions = await db
    .insert(schema.questions)
    .values([
      { categoryId: category.id, label: "What difference have they made?", wordLimit: 300, position: 0 },
      { categoryId: category.id, label: "How did they do it?", wordLimit: 200, position: 1 },
    ])
    .returning();
  const criteria = await db
    .insert(schema.criteria)
    .values([
      { categoryId: category.id, name: "Impact", guidance: "The difference made", weight: 2, position: 0 },
      { categoryId: category.id, name: "Commitment", guidance: "Sustained effort", weight: 1, position: 1 },
    ])
    .returning();
  await db.insert(schema.scaleAnchors).values([1, 2, 3, 4, 5].map((value) => ({ categoryId: category.id, value, description: `Point ${value}` })));
  const [panel] = await db.insert(schema.panels).values({ categoryId: category.id }).returning();
  return { category, questions, criteria, panel };
}

let refCounter = 0;

/** A nomination written straight to the database, with answers when questions are given. */
export async function createNomination(
  cycle: { id: number; year: number },
  categoryId: number,
  overrides: Partial<typeof schema.nominations.$inferInsert> = {},
  answers: Array<{ questionId: number; answer: string }> = [],
): Promise<Nomination> {
  refCounter += 1;
  const reference = `CSA-${cycle.year}-${String(refCounter).padStart(3, "0")}${Math.random().toString(36).slice(2, 4).toUpperCase()}`;
  const [nomination] = await db
    .insert(schema.nominations)
    .values({
      cycleId: cycle.id,
      categoryId,
      reference,
      status: "submitted",
      accessTokenHash: hashToken(generateToken()),
      nomineeType: "group",
      nomineeName: "Hope Street Welcome Group",
      nomineeOrganisation: "St Mary's Church",
      nominatorName: "Nina Nominator",
      nominatorEmail: `nominator-${refCounter}@example.test`,
      submittedAt: new Date(),
      ...overrides,
    })
    .returning();
  if (answers.length) {
    await db.insert(schema.nominationAnswers).values(answers.map((a) => ({ nominationId: nomination.id, ...a })));
  }
  return nomination;
}

export async function auditEntries(action: string) {
  return db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
}

export async function auditCount() {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.auditLog);
  return row.n;
}

/**
 * Makes every audit insert fail for the duration of `fn`, with a real trigger (not a
 * mock): a change written in the same transaction as its audit entry must roll back.
 */
export async function withAuditFailing<T>(fn: () => Promise<T>): Promise<T> {
  await db.execute(sql`create or replace function test_refuse_audit() returns trigger as $$ begin raise exception 'audit refused for the test'; end; $$ language plpgsql`);
  await db.execute(sql`create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit()`);
  try {
    return await fn();
  } finally {
    await db.execute(sql`drop trigger test_refuse_audit on audit_log`);
  }
}

/** A fingerprint of every table an admin action could change, to prove nothing changed. */
export async function databaseFingerprint() {
  const tables = [
    "people",
    "sessions",
    "sign_in_tokens",
    "cycles",
    "categories",
    "questions",
    "criteria",
    "scale_anchors",
    "nominations",
    "nomination_answers",
    "nomination_files",
    "panels",
    "panel_members",
    "email_outbox",
    "audit_log",
  ];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = await db.execute<{ h: string | null }>(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`));
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: Array<{ h: string | null }> }).rows;
    out[table] = String(list[0]?.h);
  }
  return out;
}
