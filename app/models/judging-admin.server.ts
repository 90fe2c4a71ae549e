/** Admin-side judging queries: the assignment board and reopening scores. */
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { assignableStatuses, type Round } from "~/domain/judging";
import { listActiveCategories } from "~/models/cycle.server";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";

const n = schema.nominations;
const s = schema.scores;

/** One category's nominations in a round with their judges and the state of each score sheet. */
export async function assignmentBoard(cycleId: number, categoryId: number | null, round: Round) {
  const categories = await listActiveCategories(cycleId);
  const category = categories.find((c) => c.id === categoryId) ?? categories[0];
  if (!category) return { categories, category: null, nominations: [], panel: [] };
  const panel = await db
    .select({ id: schema.people.id, name: schema.people.name, cap: schema.panelMembers.cap, isChair: schema.panelMembers.isChair })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(eq(schema.panels.categoryId, category.id))
    .orderBy(asc(schema.people.name));
  const nominations = await db
    .select({ id: n.id, reference: n.reference, nomineeName: n.nomineeName })
    .from(n)
    .where(and(eq(n.categoryId, category.id), inArray(n.status, assignableStatuses(round)), isNull(n.mergedIntoId), isNull(n.erasedAt)))
    .orderBy(asc(n.nomineeName), asc(n.id));
  const ids = nominations.map((x) => x.id);
  const pairs = ids.length
    ? await db
        .select({
          nominationId: schema.assignments.nominationId,
          judgeId: schema.people.id,
          judgeName: schema.people.name,
          scoreId: s.id,
          submittedAt: s.submittedAt,
        })
        .from(schema.assignments)
        .innerJoin(schema.people, eq(schema.people.id, schema.assignments.personId))
        .leftJoin(s, and(eq(s.nominationId, schema.assignments.nominationId), eq(s.personId, schema.assignments.personId), eq(s.round, round), isNull(s.voidedAt)))
        .where(and(inArray(schema.assignments.nominationId, ids), eq(schema.assignments.round, round)))
        .orderBy(asc(schema.people.name))
    : [];
  return {
    categories,
    category,
    panel,
    nominations: nominations.map((nom) => ({
      ...nom,
      judges: pairs
        .filter((p) => p.nominationId === nom.id)
        .map((p) => ({ id: p.judgeId, name: p.judgeName, state: p.submittedAt ? "submitted" : p.scoreId ? "draft" : "not started" })),
    })),
  };
}

/** An admin reopens a judge's submitted scores in one round, so the judge can change them. */
export async function reopenScores(pair: { judgeId: number; nominationId: number }, actor: Actor, round: Round): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(s)
      .set({ submittedAt: null, updatedAt: new Date() })
      .where(and(eq(s.nominationId, pair.nominationId), eq(s.personId, pair.judgeId), eq(s.round, round), isNull(s.voidedAt), isNotNull(s.submittedAt)))
      .returning({ id: s.id });
    if (!row) return false;
    await audit(tx, { actor, action: "score.reopened", entityType: "score", entityId: row.id, after: { ...pair, round } });
    return true;
  });
}
