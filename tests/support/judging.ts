/** Integration fixtures for judging: a cycle in judging, a category with a rubric and panel, nominations, members. */
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { createPerson } from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;

export async function createJudgingCycle(overrides: Partial<typeof schema.cycles.$inferInsert> = {}) {
  counter += 1;
  const now = Date.now();
  const [cycle] = await db
    .insert(schema.cycles)
    .values({
      year: 3000 + counter,
      name: `Test cycle ${counter}`,
      phase: "judging",
      nominationsOpenAt: new Date(now - 60 * DAY),
      nominationsCloseAt: new Date(now - 10 * DAY),
      judgingOpenAt: new Date(now - 5 * DAY),
      judgingCloseAt: new Date(now + 10 * DAY),
      ...overrides,
    })
    .returning();
  return cycle;
}

export async function createJudgedCategory(cycleId: number, overrides: Partial<typeof schema.categories.$inferInsert> = {}) {
  counter += 1;
  const [category] = await db
    .insert(schema.categories)
    .values({ cycleId, slug: `category-${counter}`, name: `Category ${counter}`, nomineeTypes: ["group"], position: counter, ...overrides })
    .returning();
  const criteria = await db
    .insert(schema.criteria)
    .values([
      { categoryId: category.id, name: "Impact", guidance: "The difference made.", weight: 3, position: 0 },
      { categoryId: category.id, name: "Commitment", guidance: "Sustained effort.", weight: 1, position: 1 },
    ])
    .returning();
  await db.insert(schema.scaleAnchors).values(
    [1, 2, 3, 4, 5].map((value) => ({ categoryId: category.id, value, description: `Anchor ${value}` })),
  );
  const [question] = await db.insert(schema.questions).values({ categoryId: category.id, label: "What difference have they made?" }).returning();
  const [panel] = await db.insert(schema.panels).values({ categoryId: category.id }).returning();
  return { category, criteria, question, panel };
}

export async function createNomination(
  category: { id: number; cycleId: number },
  overrides: Partial<typeof schema.nominations.$inferInsert> = {},
  answer?: { questionId: number; text: string },
) {
  counter += 1;
  const [nomination] = await db
    .insert(schema.nominations)
    .values({
      cycleId: category.cycleId,
      categoryId: category.id,
      reference: `CSA-T-${counter}${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
      accessTokenHash: hashToken(generateToken()),
      status: "eligible",
      nomineeType: "group",
      nomineeName: `Nominee ${counter}`,
      nomineeOrganisation: `Organisation ${counter}`,
      nominatorName: `Nominator ${counter}`,
      // A domain of its own: a shared one would (rightly) raise a same-domain suspicion.
      nominatorEmail: `nominator@group-${counter}.example`,
      submittedAt: new Date(),
      ...overrides,
    })
    .returning();
  if (answer) await db.insert(schema.nominationAnswers).values({ nominationId: nomination.id, questionId: answer.questionId, answer: answer.text });
  return nomination;
}

export async function createJudge(overrides: Partial<typeof schema.people.$inferInsert> = {}) {
  return createPerson({ isJudge: true, name: `Judge ${++counter}`, ...overrides });
}

/** Puts a judge on a panel; by default they have accepted the statement and finished declaring. */
export async function addToPanel(
  panelId: number,
  personId: number,
  { ready = true, ...overrides }: { ready?: boolean } & Partial<typeof schema.panelMembers.$inferInsert> = {},
) {
  const at = ready ? new Date() : null;
  await db.insert(schema.panelMembers).values({ panelId, personId, confidentialityAcceptedAt: at, conflictsDeclaredAt: at, ...overrides });
}

export async function assign(nominationId: number, personId: number, round: "main" | "final" = "main") {
  await db.insert(schema.assignments).values({ nominationId, personId, round });
}

export async function giveScores(
  nominationId: number,
  personId: number,
  values: Record<string, number>,
  { submitted = true, comment = "", round = "main" }: { submitted?: boolean; comment?: string; round?: "main" | "final" } = {},
) {
  await db.insert(schema.scores).values({ nominationId, personId, round, values, comment, submittedAt: submitted ? new Date() : null });
}

export async function scoreRow(nominationId: number, personId: number) {
  const [row] = await db
    .select()
    .from(schema.scores)
    .where(and(eq(schema.scores.nominationId, nominationId), eq(schema.scores.personId, personId)));
  return row ?? null;
}

export async function outboxTo(email: string) {
  return db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, email));
}

/** The latest audit entry's id, so a test can read only the entries it caused. */
export async function auditMark(): Promise<number> {
  const [row] = await db.select({ id: schema.auditLog.id }).from(schema.auditLog).orderBy(desc(schema.auditLog.id)).limit(1);
  return row?.id ?? 0;
}

export async function auditActionsSince(mark: number, entityType?: string) {
  const rows = await db.select().from(schema.auditLog).where(gt(schema.auditLog.id, mark)).orderBy(asc(schema.auditLog.id));
  return rows.filter((r) => !entityType || r.entityType === entityType).map((r) => r.action);
}
