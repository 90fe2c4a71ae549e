/**
 * The optional final round: an admin starts it once the shortlist is published, judges
 * re-score the shortlist on fresh sheets (round "final"), and an admin closes it, after
 * which the winners are decided from its leaderboard. Each move is audited in its
 * transaction. The rules themselves are in app/domain/judging.ts.
 */
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { assignableStatuses, finalRoundStartProblem, type FinalRoundCategory } from "~/domain/judging";
import { effectivePhase } from "~/domain/phases";
import { IN_PLAY } from "~/domain/results";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";

type Cycle = typeof schema.cycles.$inferSelect;
export type FinalRoundMove = { ok: true } | { ok: false; message: string };

/** Each active category with how many nominations were judged and how many are shortlisted. */
export async function finalRoundCategories(cycleId: number, tx: Tx = db): Promise<FinalRoundCategory[]> {
  const n = schema.nominations;
  const categories = await tx
    .select({ id: schema.categories.id, name: schema.categories.name })
    .from(schema.categories)
    .where(and(eq(schema.categories.cycleId, cycleId), isNull(schema.categories.retiredAt)))
    .orderBy(schema.categories.position, schema.categories.id);
  const counts = await tx
    .select({ categoryId: n.categoryId, status: n.status, count: count() })
    .from(n)
    .where(and(eq(n.cycleId, cycleId), inArray(n.status, IN_PLAY), isNull(n.mergedIntoId), isNull(n.erasedAt)))
    .groupBy(n.categoryId, n.status);
  const finalists: string[] = assignableStatuses("final");
  return categories.map((c) => {
    const mine = counts.filter((x) => x.categoryId === c.id);
    return {
      name: c.name,
      inPlay: mine.reduce((sum, x) => sum + x.count, 0),
      shortlisted: mine.filter((x) => finalists.includes(x.status)).reduce((sum, x) => sum + x.count, 0),
    };
  });
}

/** Starts the final round inside the caller's transaction, with the cycle row already locked. */
export async function startFinalRoundIn(tx: Tx, cycle: Cycle, actor: Actor, now: Date): Promise<FinalRoundMove> {
  const categories = await finalRoundCategories(cycle.id, tx);
  const problem = finalRoundStartProblem(cycle, categories, now);
  if (problem) return { ok: false, message: problem };
  await tx.update(schema.cycles).set({ phase: "final_round", finalRoundStartedAt: now }).where(eq(schema.cycles.id, cycle.id));
  await audit(tx, {
    actor,
    action: "final_round.started",
    entityType: "cycle",
    entityId: cycle.id,
    before: { phase: effectivePhase(cycle, now) },
    after: {
      phase: "final_round",
      finalRoundCloseAt: cycle.finalRoundCloseAt,
      shortlisted: categories.reduce((sum, c) => sum + c.shortlisted, 0),
    },
  });
  return { ok: true };
}

/** Closes the final round inside the caller's transaction: the cycle moves on to winners decided. */
export async function closeFinalRoundIn(tx: Tx, cycle: Cycle, actor: Actor, now: Date): Promise<FinalRoundMove> {
  if (effectivePhase(cycle, now) !== "final_round") return { ok: false, message: "The final round is not open, so it cannot be closed." };
  await tx.update(schema.cycles).set({ phase: "winners_decided" }).where(eq(schema.cycles.id, cycle.id));
  const early = !cycle.finalRoundCloseAt || now.getTime() < cycle.finalRoundCloseAt.getTime();
  await audit(tx, {
    actor,
    action: "final_round.closed",
    entityType: "cycle",
    entityId: cycle.id,
    before: { phase: "final_round", finalRoundCloseAt: cycle.finalRoundCloseAt },
    after: { phase: "winners_decided", closedAt: now, beforeDeadline: early },
  });
  return { ok: true };
}

async function withLockedCycle(cycleId: number, move: (tx: Tx, cycle: Cycle) => Promise<FinalRoundMove>): Promise<FinalRoundMove> {
  return db.transaction(async (tx) => {
    const [cycle] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, cycleId)).for("update");
    if (!cycle) return { ok: false, message: "That cycle does not exist." };
    return move(tx, cycle);
  });
}

export function startFinalRound(cycleId: number, actor: Actor, now = new Date()) {
  return withLockedCycle(cycleId, (tx, cycle) => startFinalRoundIn(tx, cycle, actor, now));
}

export function closeFinalRound(cycleId: number, actor: Actor, now = new Date()) {
  return withLockedCycle(cycleId, (tx, cycle) => closeFinalRoundIn(tx, cycle, actor, now));
}
