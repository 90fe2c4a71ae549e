/** The results pages' overview figures: each category's decisions and scores, and the judges' comments. */
import { and, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Round } from "~/domain/judging";
import { IN_PLAY } from "~/domain/results";
import { db, schema } from "~/utils/db.server";
import { listActiveCategories } from "./cycle.server";

/** Each category's decisions so far, and its submitted scores in the round the results come from. */
export async function categorySummaries(cycleId: number, round: Round) {
  const categories = await listActiveCategories(cycleId);
  const counts = await db
    .select({ categoryId: schema.nominations.categoryId, status: schema.nominations.status, n: count() })
    .from(schema.nominations)
    .where(and(eq(schema.nominations.cycleId, cycleId), inArray(schema.nominations.status, IN_PLAY), isNull(schema.nominations.mergedIntoId)))
    .groupBy(schema.nominations.categoryId, schema.nominations.status);
  const scored = await db
    .select({ categoryId: schema.nominations.categoryId, n: count() })
    .from(schema.scores)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.scores.nominationId))
    .where(
      and(
        eq(schema.nominations.cycleId, cycleId),
        eq(schema.scores.round, round),
        isNotNull(schema.scores.submittedAt),
        isNull(schema.scores.voidedAt),
      ),
    )
    .groupBy(schema.nominations.categoryId);
  return categories.map((c) => {
    const mine = counts.filter((x) => x.categoryId === c.id);
    const of = (...statuses: string[]) => mine.filter((x) => statuses.includes(x.status)).reduce((a, x) => a + x.n, 0);
    return {
      id: c.id,
      name: c.name,
      inPlay: of(...IN_PLAY),
      undecided: of("eligible"),
      shortlisted: of("shortlisted", "winner", "highly_commended"),
      winners: of("winner"),
      scores: scored.find((x) => x.categoryId === c.id)?.n ?? 0,
    };
  });
}

/** Every judge's comment on these nominations in one round, from submitted, counted score sheets. */
export async function judgeComments(nominationIds: number[], round: Round) {
  if (nominationIds.length === 0) return [];
  return db
    .select({ nominationId: schema.scores.nominationId, judge: schema.people.name, comment: schema.scores.comment })
    .from(schema.scores)
    .innerJoin(schema.people, eq(schema.people.id, schema.scores.personId))
    .where(
      and(
        inArray(schema.scores.nominationId, nominationIds),
        eq(schema.scores.round, round),
        isNotNull(schema.scores.submittedAt),
        isNull(schema.scores.voidedAt),
      ),
    );
}
