/**
 * Assignments of judges to nominations: running the solver for a category, editing by
 * hand, and what follows a conflict (scores voided, pair removed, nomination reassigned).
 * Each round has its own assignments: the main round's cover the eligible nominations,
 * the final round's the shortlist; the solver, conflicts and balancing are the same.
 * Every function takes the caller's transaction, so audit entries and emails commit with it.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, notInArray, or } from "drizzle-orm";
import JudgingAssignmentsEmail from "#emails/judging-assignments";
import { solveAssignments, type AssignmentPair, type AssignmentResult } from "~/domain/assignment";
import { assignableStatuses, currentRound, roundCloseAt, type Round } from "~/domain/judging";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv } from "~/utils/env.server";
import { formatLondon } from "~/domain/time";
import { detectConflictsAfter } from "./conflict-detection.server";
import { listActiveCategories } from "./cycle.server";
import {
  assignedAndUnconflictedFor,
  HIDING_CONFLICT_STATUSES,
  JUDGED_STATUSES,
  visibleNominationsFor,
} from "./judge-visibility.server";

const n = schema.nominations;

export type AssignmentRun = AssignmentResult & { categoryId: number; k: number; round: Round };

/** The round a category's cycle is in now. */
export async function roundOfCategory(tx: Tx, categoryId: number): Promise<Round> {
  const [row] = await tx
    .select({ phase: schema.cycles.phase })
    .from(schema.categories)
    .innerJoin(schema.cycles, eq(schema.cycles.id, schema.categories.cycleId))
    .where(eq(schema.categories.id, categoryId));
  if (!row) throw new Error(`category ${categoryId} not found`);
  return currentRound(row);
}

/**
 * Runs detection, then the solver for one category in one round (by default the round
 * its cycle is in), keeping every pair that still stands. Dropped pairs are removed
 * (and, for a conflict, the judge's scores voided); added pairs are stored; each judge
 * with new pairs gets one email.
 */
export async function runAssignments(tx: Tx, categoryId: number, actor: Actor, options: { round?: Round } = {}): Promise<AssignmentRun> {
  await detectConflictsAfter(tx, { categoryIds: [categoryId] }, actor);
  const [category] = await tx.select().from(schema.categories).where(eq(schema.categories.id, categoryId));
  if (!category) throw new Error(`category ${categoryId} not found`);
  const round = options.round ?? (await roundOfCategory(tx, categoryId));

  const nominations = await tx
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.categoryId, categoryId), inArray(n.status, assignableStatuses(round)), isNull(n.mergedIntoId), isNull(n.erasedAt)));
  const nominationIds = nominations.map((x) => x.id);

  const judges = await tx
    .select({ id: schema.panelMembers.personId, cap: schema.panelMembers.cap })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(and(eq(schema.panels.categoryId, categoryId), eq(schema.people.isJudge, true), isNull(schema.people.deactivatedAt)));

  // Pairs on nominations already decided past this round (shortlisted after the main round) are
  // history, not the solver's to drop; pairs on nominations no longer judged at all are.
  const existing = await tx
    .select({ judgeId: schema.assignments.personId, nominationId: schema.assignments.nominationId })
    .from(schema.assignments)
    .innerJoin(n, eq(n.id, schema.assignments.nominationId))
    .where(
      and(
        eq(n.categoryId, categoryId),
        eq(schema.assignments.round, round),
        or(inArray(n.status, assignableStatuses(round)), notInArray(n.status, [...JUDGED_STATUSES]), isNotNull(n.mergedIntoId)),
      ),
    );

  const conflicts = await hidingConflictPairs(tx, nominationIds);

  const result = solveAssignments({
    nominations: nominationIds,
    judges,
    k: category.judgesPerNomination,
    conflicts,
    existing,
  });

  for (const { pair, reason } of result.dropped) {
    await tx
      .delete(schema.assignments)
      .where(
        and(
          eq(schema.assignments.nominationId, pair.nominationId),
          eq(schema.assignments.personId, pair.judgeId),
          eq(schema.assignments.round, round),
        ),
      );
    await audit(tx, { actor, action: "assignment.dropped", entityType: "assignment", entityId: `${pair.nominationId}:${pair.judgeId}`, before: { ...pair, round }, after: { reason } });
    // A confirmed conflict voids the judge's scores; a suspicion only holds them back from results until it is decided.
    if (conflicts.some((c) => c.judgeId === pair.judgeId && c.nominationId === pair.nominationId && c.status === "confirmed")) {
      await voidScores(tx, pair, `Removed from the nomination: ${reason}`, actor);
    }
  }
  if (result.added.length > 0) {
    await tx.insert(schema.assignments).values(result.added.map((p) => ({ nominationId: p.nominationId, personId: p.judgeId, round })));
  }
  await audit(tx, {
    actor,
    action: "assignments.computed",
    entityType: "category",
    entityId: categoryId,
    after: {
      round,
      k: category.judgesPerNomination,
      kept: result.kept.length,
      added: result.added,
      dropped: result.dropped,
      shortfalls: result.shortfalls,
    },
  });
  await notifyNewAssignments(tx, result.added);
  return { ...result, categoryId, k: category.judgesPerNomination, round };
}

/** Suspected or confirmed conflicts with these nominations or the duplicates merged into them. */
async function hidingConflictPairs(tx: Tx, nominationIds: number[]): Promise<Array<AssignmentPair & { status: string }>> {
  if (nominationIds.length === 0) return [];
  const rows = await tx
    .select({ judgeId: schema.conflicts.personId, nominationId: n.id, mergedIntoId: n.mergedIntoId, status: schema.conflicts.status })
    .from(schema.conflicts)
    .innerJoin(n, eq(n.id, schema.conflicts.nominationId))
    .where(
      and(
        inArray(schema.conflicts.status, [...HIDING_CONFLICT_STATUSES]),
        or(inArray(n.id, nominationIds), inArray(n.mergedIntoId, nominationIds)),
      ),
    );
  return rows.map((r) => ({ judgeId: r.judgeId, nominationId: r.mergedIntoId ?? r.nominationId, status: r.status }));
}

/** Voids the pair's scores: in one round, or (for a conflict) in every round. */
async function voidScores(tx: Tx, pair: AssignmentPair, reason: string, actor: Actor, round?: Round) {
  const voided = await tx
    .update(schema.scores)
    .set({ voidedAt: new Date(), voidReason: reason })
    .where(
      and(
        eq(schema.scores.nominationId, pair.nominationId),
        eq(schema.scores.personId, pair.judgeId),
        round ? eq(schema.scores.round, round) : undefined,
        isNull(schema.scores.voidedAt),
      ),
    )
    .returning({ id: schema.scores.id, round: schema.scores.round, submittedAt: schema.scores.submittedAt });
  for (const score of voided) {
    await audit(tx, { actor, action: "score.voided", entityType: "score", entityId: score.id, after: { ...pair, round: score.round, reason, wasSubmitted: Boolean(score.submittedAt) } });
  }
  return voided.length;
}

/**
 * What a confirmed conflict does to judging: the judge's scores for the nomination are
 * voided in every round (kept for audit, never counted), the assignments are removed,
 * and if there was one the category's solver runs again, in the current round, to find
 * another judge.
 */
export async function applyConflictConsequences(tx: Tx, pair: AssignmentPair, actor: Actor) {
  const [nomination] = await tx.select({ id: n.id, categoryId: n.categoryId, mergedIntoId: n.mergedIntoId }).from(n).where(eq(n.id, pair.nominationId));
  if (!nomination) return;
  const target = { judgeId: pair.judgeId, nominationId: nomination.mergedIntoId ?? nomination.id };
  await voidScores(tx, target, "The judge has a conflict of interest with this nomination", actor);
  const removed = await tx
    .delete(schema.assignments)
    .where(and(eq(schema.assignments.nominationId, target.nominationId), eq(schema.assignments.personId, target.judgeId)))
    .returning({ id: schema.assignments.id, round: schema.assignments.round });
  for (const row of removed) {
    await audit(tx, { actor, action: "assignment.removed", entityType: "assignment", entityId: row.id, before: { ...target, round: row.round }, after: { reason: "conflict of interest" } });
  }
  if (removed.length > 0) await runAssignments(tx, nomination.categoryId, actor);
}

/** One email per judge listing their new pairs, naming only what the judge can see. */
export async function notifyNewAssignments(tx: Tx, added: AssignmentPair[]) {
  const byJudge = new Map<number, number[]>();
  for (const p of added) byJudge.set(p.judgeId, [...(byJudge.get(p.judgeId) ?? []), p.nominationId]);
  const env = getEnv();
  for (const [judgeId, nominationIds] of byJudge) {
    const [judge] = await tx.select().from(schema.people).where(eq(schema.people.id, judgeId));
    if (!judge) continue;
    const visible = await tx
      .select({ id: n.id, reference: n.reference, nomineeName: n.nomineeName, category: schema.categories.name, cycle: schema.cycles })
      .from(n)
      .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
      .innerJoin(schema.cycles, eq(schema.cycles.id, n.cycleId))
      .where(and(inArray(n.id, nominationIds), visibleNominationsFor(judgeId)))
      .orderBy(asc(n.reference));
    const shown = new Set(visible.map((v) => v.id));
    const waiting = await tx
      .select({ category: schema.categories.name, count: count(), cycleId: schema.cycles.id })
      .from(n)
      .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
      .innerJoin(schema.cycles, eq(schema.cycles.id, n.cycleId))
      .where(and(inArray(n.id, nominationIds.filter((id) => !shown.has(id))), assignedAndUnconflictedFor(judgeId)))
      .groupBy(schema.categories.name, schema.cycles.id);
    if (visible.length === 0 && waiting.length === 0) continue;
    const [cycle] = visible.length
      ? [visible[0].cycle]
      : await tx.select().from(schema.cycles).where(eq(schema.cycles.id, waiting[0].cycleId));
    const round = currentRound(cycle);
    const closes = roundCloseAt(cycle, round);
    await sendEmail(tx, {
      to: judge.email,
      subject: "You have new nominations to judge",
      template: "judging-assignments",
      react: (
        <JudgingAssignmentsEmail
          name={judge.name}
          url={`${env.APP_URL}/judge`}
          nominations={visible}
          waitingPanels={waiting}
          finalRound={round === "final"}
          deadline={closes ? formatLondon(closes) : null}
        />
      ),
      meta: { personId: judgeId, nominationIds: visible.map((v) => v.id) },
    });
  }
}

/**
 * An admin adds one pair by hand, in the round the cycle is in: refused when the judge is
 * not on the panel or is conflicted, or (in the final round) the nomination is not shortlisted.
 */
export async function addAssignment(tx: Tx, pair: AssignmentPair, actor: Actor): Promise<string | null> {
  const [nomination] = await tx.select().from(n).where(eq(n.id, pair.nominationId));
  if (!nomination || nomination.mergedIntoId || !(JUDGED_STATUSES as readonly string[]).includes(nomination.status)) {
    return "That nomination cannot be judged (it is not eligible, or was merged into another).";
  }
  const round = await roundOfCategory(tx, nomination.categoryId);
  if (round === "final" && !assignableStatuses("final").includes(nomination.status)) {
    return "Only shortlisted nominations are judged in the final round.";
  }
  const [member] = await tx
    .select({ personId: schema.panelMembers.personId })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .where(and(eq(schema.panels.categoryId, nomination.categoryId), eq(schema.panelMembers.personId, pair.judgeId)));
  if (!member) return "That judge is not on this category's panel.";
  await detectConflictsAfter(tx, { nominationIds: [nomination.id] }, actor);
  const conflicts = await hidingConflictPairs(tx, [nomination.id]);
  if (conflicts.some((c) => c.judgeId === pair.judgeId)) {
    return "That judge has a suspected or confirmed conflict with this nomination, so they cannot be assigned it.";
  }
  const [row] = await tx
    .insert(schema.assignments)
    .values({ nominationId: pair.nominationId, personId: pair.judgeId, round })
    .onConflictDoNothing()
    .returning();
  if (!row) return "That judge is already assigned this nomination.";
  await audit(tx, { actor, action: "assignment.added", entityType: "assignment", entityId: row.id, after: { ...pair, round } });
  await notifyNewAssignments(tx, [pair]);
  return null;
}

/**
 * An admin removes one pair by hand, in one round; the judge's scores for it in that
 * round are voided, not deleted (a final-round removal leaves the main round's sheet alone).
 */
export async function removeAssignment(tx: Tx, pair: AssignmentPair, actor: Actor, round: Round): Promise<boolean> {
  const removed = await tx
    .delete(schema.assignments)
    .where(and(eq(schema.assignments.nominationId, pair.nominationId), eq(schema.assignments.personId, pair.judgeId), eq(schema.assignments.round, round)))
    .returning({ id: schema.assignments.id });
  if (removed.length === 0) return false;
  await audit(tx, { actor, action: "assignment.removed", entityType: "assignment", entityId: removed[0].id, before: { ...pair, round }, after: { reason: "removed by an administrator" } });
  await voidScores(tx, pair, "The assignment was removed by an administrator", actor, round);
  return true;
}

// ---------------------------------------------------------------- for the admin pages, each in its own transaction

/** Runs the fair assignment for one category (runAssignments) in a transaction of its own. */
export async function runCategoryAssignments(categoryId: number, actor: Actor, options: { round?: Round } = {}): Promise<AssignmentRun> {
  return db.transaction((tx) => runAssignments(tx, categoryId, actor, options));
}

/** Adds one pair by hand (addAssignment) in a transaction of its own: the refusal, or null. */
export async function assignJudge(pair: AssignmentPair, actor: Actor): Promise<string | null> {
  return db.transaction((tx) => addAssignment(tx, pair, actor));
}

/** Removes one pair by hand (removeAssignment) in a transaction of its own. */
export async function unassignJudge(pair: AssignmentPair, actor: Actor, round: Round): Promise<boolean> {
  return db.transaction((tx) => removeAssignment(tx, pair, actor, round));
}

export type CategoryRunReport = {
  categoryId: number;
  name: string;
  k: number;
  added: number;
  kept: number;
  dropped: number;
  shortfalls: { nominationId: number; nomineeName: string; wanted: number; assigned: number; reason: string }[];
};

/**
 * Runs the fair assignment for every active category of a cycle, one transaction per
 * category (a category's run commits whole, with its audit entries and emails), and
 * reports per category what was assigned and which nominations lack judges and why.
 */
export async function runCycleAssignments(cycleId: number, actor: Actor, options: { round?: Round } = {}): Promise<CategoryRunReport[]> {
  const report: CategoryRunReport[] = [];
  for (const category of await listActiveCategories(cycleId)) {
    const run = await runCategoryAssignments(category.id, actor, options);
    const short = run.shortfalls.map((s) => s.nominationId);
    const names = short.length
      ? new Map((await db.select({ id: n.id, name: n.nomineeName }).from(n).where(inArray(n.id, short))).map((r) => [r.id, r.name]))
      : new Map<number, string>();
    report.push({
      categoryId: category.id,
      name: category.name,
      k: run.k,
      added: run.added.length,
      kept: run.kept.length,
      dropped: run.dropped.length,
      shortfalls: run.shortfalls.map((s) => ({ ...s, nomineeName: names.get(s.nominationId) ?? `#${s.nominationId}` })),
    });
  }
  return report;
}
