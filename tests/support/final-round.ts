/**
 * Integration fixtures for the optional final round: a cycle whose shortlist is published,
 * one category with a panel of judges, main-round assignments and submitted scores, and
 * a shortlist of two out of three nominations.
 */
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { addToPanel, assign, createJudge, createJudgedCategory, createJudgingCycle, createNomination, giveScores } from "./judging";

const DAY = 24 * 60 * 60 * 1000;

/** Every criterion gets the same value, so a sheet's weighted score is that value. */
export const sheet = (criteria: { id: number }[], value: number) => Object.fromEntries(criteria.map((c) => [String(c.id), value]));

export async function createShortlistedWorld(
  cycleOverrides: Partial<typeof schema.cycles.$inferInsert> = {},
  { judges: judgeCount = 3, k = 2 }: { judges?: number; k?: number } = {},
) {
  const now = Date.now();
  const cycle = await createJudgingCycle({
    phase: "shortlist_published",
    judgingCloseAt: new Date(now - 5 * DAY),
    shortlistPublishAt: new Date(now - 2 * DAY),
    finalRoundCloseAt: new Date(now + 7 * DAY),
    ...cycleOverrides,
  });
  const { category, criteria, panel, question } = await createJudgedCategory(cycle.id, { judgesPerNomination: k, shortlistSize: 2 });
  const judges = [];
  for (let i = 0; i < judgeCount; i++) {
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    judges.push(judge);
  }
  const alder = await createNomination(category, { nomineeName: "Alder Welcome", status: "shortlisted" });
  const birch = await createNomination(category, { nomineeName: "Birch Sponsors", status: "shortlisted" });
  const cedar = await createNomination(category, { nomineeName: "Cedar Circle", status: "not_shortlisted" });
  // Main round: every judge scored every nomination; Alder came first, Birch second.
  const mainScores = new Map([
    [alder.id, 5],
    [birch.id, 4],
    [cedar.id, 2],
  ]);
  for (const judge of judges) {
    for (const [nominationId, value] of mainScores) {
      await assign(nominationId, judge.id, "main");
      await giveScores(nominationId, judge.id, sheet(criteria, value), { comment: `main round ${value}` });
    }
  }
  return { cycle, category, criteria, panel, question, judges, alder, birch, cedar };
}

export async function assignmentsOf(categoryId: number, round: "main" | "final") {
  return db
    .select({ nominationId: schema.assignments.nominationId, judgeId: schema.assignments.personId })
    .from(schema.assignments)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.assignments.nominationId))
    .where(and(eq(schema.nominations.categoryId, categoryId), eq(schema.assignments.round, round)));
}

export async function sheetsOf(nominationId: number, personId: number) {
  return db
    .select()
    .from(schema.scores)
    .where(and(eq(schema.scores.nominationId, nominationId), eq(schema.scores.personId, personId)))
    .orderBy(schema.scores.round);
}

export async function cycleRow(id: number) {
  const [row] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, id));
  return row;
}
