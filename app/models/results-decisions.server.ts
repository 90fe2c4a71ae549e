/**
 * The decisions per category: the shortlist, the awards, and each category's decisions so far.
 */
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { normaliseWelsh } from "~/domain/welsh-content";
import type { Round } from "~/domain/judging";
import { awardsProblem, shortlistProblem } from "~/domain/phase-rules";
import { IN_PLAY, checkAwards, publicStage, type AwardChoice } from "~/domain/results";
import { applyAdjustment, ShortlistAdjustmentError } from "~/domain/shortlist";
import { countedScore } from "~/models/judge-visibility.server";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { getCategoryResults } from "./results-leaderboard.server";

const { nominations, categories, scores } = schema;

/**
 * A refusal says which field it is about and its status: 409 once the shortlist is public
 * (the state forbids it, whatever is sent), 400 for anything else.
 */
export type ShortlistOutcome = { ok: true } | { ok: false; field: "shortlist" | "reason" | "form"; message: string; status: 400 | 409 };

/** Saves the shortlist. A list that differs from the suggestion needs a reason, kept in the audit log. */
export async function decideShortlist(input: {
  categoryId: number;
  chosen: number[];
  reason: string;
  actor: Actor;
  now?: Date;
}): Promise<ShortlistOutcome> {
  // The shortlist is always decided from the main round: the final round re-scores it.
  const results = await getCategoryResults(input.categoryId, { round: "main" });
  if (!results) return { ok: false, field: "form", message: "That category does not exist", status: 400 };
  const now = input.now ?? new Date();
  const refused = shortlistProblem(results.cycle, now);
  if (refused) return { ok: false, field: "form", message: refused, status: publicStage(results.cycle, now) === "none" ? 400 : 409 };
  const inPlay = new Set(results.entries.map((e) => e.id));
  const chosen = [...new Set(input.chosen)];
  if (chosen.some((id) => !inPlay.has(id))) {
    return { ok: false, field: "shortlist", message: "Choose only nominations from this category's results", status: 400 };
  }
  const suggested = results.suggestion.suggested;
  const add = chosen.filter((id) => !suggested.includes(id));
  const remove = suggested.filter((id) => !chosen.includes(id));
  try {
    applyAdjustment(suggested, { add, remove, reason: input.reason });
  } catch (error) {
    if (error instanceof ShortlistAdjustmentError) {
      return { ok: false, field: error.field === "reason" ? "reason" : "shortlist", message: error.message, status: 400 };
    }
    throw error;
  }
  if (chosen.length === 0) return { ok: false, field: "shortlist", message: "Choose at least one nomination for the shortlist", status: 400 };

  await db.transaction(async (tx) => {
    const before = results.entries.filter((e) => e.status === "shortlisted").map((e) => e.id);
    const others = [...inPlay].filter((id) => !chosen.includes(id));
    await tx.update(nominations).set({ status: "shortlisted", updatedAt: now }).where(inArray(nominations.id, chosen));
    if (others.length) {
      await tx
        .update(nominations)
        .set({ status: "not_shortlisted", citation: null, updatedAt: now })
        .where(inArray(nominations.id, others));
    }
    await audit(tx, {
      actor: input.actor,
      action: "shortlist.decided",
      entityType: "category",
      entityId: input.categoryId,
      before: { shortlisted: before },
      after: {
        shortlisted: chosen,
        suggested,
        method: results.board.method,
        added: add,
        removed: remove,
        reason: input.reason.trim() || null,
      },
    });
  });
  return { ok: true };
}

/** A refusal of the awards, with its status as for the shortlist: 409 once the winners are public. */
export type AwardsOutcome = { ok: true } | { ok: false; problems: Record<number, string>; form?: string; status: 400 | 409 };

/** Records winners (one or joint) and highly commended, each with a citation. */
export async function recordAwards(input: { categoryId: number; choices: AwardChoice[]; actor: Actor; now?: Date }): Promise<AwardsOutcome> {
  const results = await getCategoryResults(input.categoryId);
  if (!results) return { ok: false, problems: {}, form: "That category does not exist", status: 400 };
  const now = input.now ?? new Date();
  const refused = awardsProblem(results.cycle, now);
  if (refused) return { ok: false, problems: {}, form: refused, status: publicStage(results.cycle, now) === "winners" ? 409 : 400 };
  const eligible = new Set(results.entries.filter((e) => ["shortlisted", "winner", "highly_commended"].includes(e.status)).map((e) => e.id));
  if (input.choices.some((c) => !eligible.has(c.nominationId))) {
    return { ok: false, problems: {}, form: "Awards can only go to shortlisted nominations", status: 400 };
  }
  const problems = checkAwards(input.choices);
  if (Object.keys(problems).length) return { ok: false, problems, status: 400 };
  if (!input.choices.some((c) => c.award === "winner")) {
    return { ok: false, problems: {}, form: "Choose at least one winner", status: 400 };
  }

  await db.transaction(async (tx) => {
    const before = results.entries
      .filter((e) => eligible.has(e.id))
      .map((e) => ({ id: e.id, status: e.status, citation: e.citation, citationCy: e.citationCy }));
    for (const choice of input.choices) {
      // No award: no citation in either language. Welsh left out is left as it is.
      const citationCy = choice.award === "none" ? null : choice.citationCy === undefined ? undefined : normaliseWelsh(choice.citationCy);
      await tx
        .update(nominations)
        .set({
          status: choice.award === "none" ? "shortlisted" : choice.award,
          citation: choice.award === "none" ? null : choice.citation.trim(),
          ...(citationCy === undefined ? {} : { citationCy }),
          updatedAt: now,
        })
        .where(eq(nominations.id, choice.nominationId));
    }
    await audit(tx, {
      actor: input.actor,
      action: "awards.recorded",
      entityType: "category",
      entityId: input.categoryId,
      before,
      after: input.choices.map((c) => ({
        id: c.nominationId,
        award: c.award,
        citation: c.citation.trim() || null,
        ...(c.citationCy === undefined ? {} : { citationCy: c.award === "none" ? null : normaliseWelsh(c.citationCy) }),
      })),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------- publication

/** Each category's decisions so far, and its submitted scores in the round the results come from. */
export async function categorySummaries(cycleId: number, round: Round, tx: Tx = db) {
  const categoryRows = await tx
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(and(eq(categories.cycleId, cycleId), isNull(categories.retiredAt)))
    .orderBy(asc(categories.position), asc(categories.id));
  const counts = await tx
    .select({ categoryId: nominations.categoryId, status: nominations.status, n: count() })
    .from(nominations)
    .where(and(eq(nominations.cycleId, cycleId), inArray(nominations.status, IN_PLAY), isNull(nominations.mergedIntoId)))
    .groupBy(nominations.categoryId, nominations.status);
  const scored = await tx
    .select({ categoryId: nominations.categoryId, n: count() })
    .from(scores)
    .innerJoin(nominations, eq(nominations.id, scores.nominationId))
    .where(and(eq(nominations.cycleId, cycleId), eq(scores.round, round), countedScore()))
    .groupBy(nominations.categoryId);
  return categoryRows.map((c) => {
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
