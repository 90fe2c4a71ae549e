/** The judges' comments for the printable report. */
import { and, eq, inArray } from "drizzle-orm";
import type { Round } from "~/domain/judging";
import { db, schema } from "~/utils/db.server";
import { countedScore } from "./judge-visibility.server";

/** Every judge's comment on these nominations in one round, from counted score sheets only (not voided, not held back). */
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
        countedScore(),
      ),
    );
}
