/**
 * THE judge-facing filter. Every read a judge can trigger (pages, lists, counts,
 * progress, averages, exports, file downloads and the emails written to them) selects
 * nominations through one of these conditions, so a conflict cannot leak through a
 * view someone forgot. Each is a drizzle condition on `schema.nominations`, correlated
 * by subqueries, so it works in any query, count or transaction.
 *
 * A nomination is hidden from a judge when any conflict record for the pair (or for a
 * duplicate merged into it) is suspected or confirmed: a suspicion hides until an
 * administrator dismisses it.
 */
import { and, eq, exists, inArray, isNotNull, isNull, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { FINAL_ROUND_PHASES, type Round } from "~/domain/judging";
import { db, schema } from "~/utils/db.server";

export const HIDING_CONFLICT_STATUSES = ["suspected", "confirmed"] as const;
/** Nominations judges work on: eligible ones, and later the same ones with their outcome. */
export const JUDGED_STATUSES = ["eligible", "shortlisted", "not_shortlisted", "highly_commended", "winner"] as const;

/** A round by name, or "current": the round the nomination's own cycle is in now. */
export type RoundOption = Round | "current";

const n = schema.nominations;
const merged = alias(schema.nominations, "merged_duplicate");

/**
 * The round judges work in for the nomination's cycle, in SQL: `currentRound` of
 * app/domain/judging.ts, read from the same list of phases. A judge on panels of two
 * cycles sees each in its own round.
 */
export function currentRoundOf(): SQL<Round> {
  const inFinal = exists(
    db
      .select({ one: schema.cycles.id })
      .from(schema.cycles)
      .where(and(eq(schema.cycles.id, n.cycleId), inArray(schema.cycles.phase, FINAL_ROUND_PHASES))),
  );
  return sql<Round>`(case when ${inFinal} then 'final' else 'main' end)`;
}

/** The SQL value of a round option. */
export function roundValue(round: RoundOption): SQL<Round> | Round {
  return round === "current" ? currentRoundOf() : round;
}

/** No suspected or confirmed conflict between this judge and the nomination or its merged duplicates. */
export function notConflictedFor(judgeId: number): SQL {
  return notExists(
    db
      .select({ one: schema.conflicts.id })
      .from(schema.conflicts)
      .where(
        and(
          eq(schema.conflicts.personId, judgeId),
          inArray(schema.conflicts.status, [...HIDING_CONFLICT_STATUSES]),
          or(
            eq(schema.conflicts.nominationId, n.id),
            inArray(
              schema.conflicts.nominationId,
              db.select({ id: merged.id }).from(merged).where(eq(merged.mergedIntoId, n.id)),
            ),
          ),
        ),
      ),
  );
}

/**
 * The judge sits on the nomination's panel and has accepted its confidentiality
 * statement; with `declared`, they have also finished declaring conflicts.
 */
function onPanelFor(judgeId: number, { declared }: { declared: boolean }): SQL {
  return exists(
    db
      .select({ one: schema.panelMembers.personId })
      .from(schema.panelMembers)
      .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
      .where(
        and(
          eq(schema.panels.categoryId, n.categoryId),
          eq(schema.panelMembers.personId, judgeId),
          isNotNull(schema.panelMembers.confidentialityAcceptedAt),
          declared ? isNotNull(schema.panelMembers.conflictsDeclaredAt) : undefined,
        ),
      ),
  );
}

function assignedTo(judgeId: number, round: RoundOption): SQL {
  return exists(
    db
      .select({ one: schema.assignments.id })
      .from(schema.assignments)
      .where(
        and(
          eq(schema.assignments.nominationId, n.id),
          eq(schema.assignments.personId, judgeId),
          eq(schema.assignments.round, roundValue(round)),
        ),
      ),
  );
}

const judgeable = () => and(isNull(n.mergedIntoId), isNull(n.erasedAt), inArray(n.status, [...JUDGED_STATUSES]))!;

/**
 * The nominations a judge may read and score: assigned to them in the round (by default
 * the round their cycle is in now), on a panel whose statement they accepted and whose
 * conflicts they declared, with no conflict. `scope: "panel"` drops the assignment
 * requirement, for a chair's view of the panel. Conflicts hide in every round alike.
 */
export function visibleNominationsFor(
  judgeId: number,
  { round = "current", scope = "assigned" }: { round?: RoundOption; scope?: "assigned" | "panel" } = {},
): SQL {
  return and(
    judgeable(),
    onPanelFor(judgeId, { declared: true }),
    notConflictedFor(judgeId),
    scope === "assigned" ? assignedTo(judgeId, round) : undefined,
  )!;
}

/**
 * The minimal list a judge declares conflicts against: every judged nomination of the
 * panel's category once they have accepted the statement, less anything they are
 * already conflicted on (a declared conflict takes the nomination off the list too).
 */
export function declarableNominationsFor(judgeId: number, categoryId: number): SQL {
  return and(
    judgeable(),
    eq(n.categoryId, categoryId),
    onPanelFor(judgeId, { declared: false }),
    notConflictedFor(judgeId),
  )!;
}

/** Whether one nomination passes `visibleNominationsFor`. */
export async function isVisibleToJudge(judgeId: number, nominationId: number, options?: { round?: RoundOption; scope?: "assigned" | "panel" }) {
  const [row] = await db
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.id, nominationId), visibleNominationsFor(judgeId, options)));
  return Boolean(row);
}

/**
 * Assigned and free of conflicts, whether or not the judge has passed the panel's
 * statement yet. For counting work still locked behind the statement ("3 nominations
 * are waiting"); never use it to show a nomination's details.
 */
export function assignedAndUnconflictedFor(judgeId: number, { round = "current" }: { round?: RoundOption } = {}): SQL {
  return and(judgeable(), assignedTo(judgeId, round), notConflictedFor(judgeId))!;
}

const s = schema.scores;

/**
 * A score is held back while its judge has a suspected (or confirmed) conflict with the
 * nomination or a duplicate merged into it: it counts again once the suspicion is
 * dismissed, and a confirmed conflict voids it for good.
 */
export function scoreHeldBack(): SQL {
  return exists(
    db
      .select({ one: schema.conflicts.id })
      .from(schema.conflicts)
      .where(
        and(
          eq(schema.conflicts.personId, s.personId),
          inArray(schema.conflicts.status, [...HIDING_CONFLICT_STATUSES]),
          or(
            eq(schema.conflicts.nominationId, s.nominationId),
            inArray(schema.conflicts.nominationId, db.select({ id: merged.id }).from(merged).where(eq(merged.mergedIntoId, s.nominationId))),
          ),
        ),
      ),
  );
}

/** THE condition for a score that counts in any result: submitted, not voided, not held back. */
export function countedScore(): SQL {
  return and(isNotNull(s.submittedAt), isNull(s.voidedAt), sql`not ${scoreHeldBack()}`)!;
}
