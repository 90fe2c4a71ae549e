/**
 * What a judge reads and writes. Every query that returns a nomination, a count or a
 * score goes through app/models/judge-visibility.server.ts.
 */
import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { canSeeOthersScores, currentRound, roundCloseAt, roundHasClosed, roundIsOpen, type Round } from "~/domain/judging";
import { isCompleteScore, weightedScore } from "~/domain/scoring";
import { audit, SYSTEM_ACTOR } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";
import { fileBytes } from "~/utils/file-store.server";
import { formatLondon } from "~/domain/time";
import { detectConflictsAfter } from "./conflict-detection.server";
import {
  assignedAndUnconflictedFor,
  currentRoundOf,
  declarableNominationsFor,
  visibleNominationsFor,
} from "./judge-visibility.server";

const n = schema.nominations;
const s = schema.scores;

/** The score sheet that counts: this judge's, in the round the nomination's cycle is in, not voided. */
const ownSheet = (judgeId: number) =>
  and(eq(s.nominationId, n.id), eq(s.personId, judgeId), eq(s.round, currentRoundOf()), isNull(s.voidedAt));

export async function getJudgePanels(judgeId: number) {
  const panels = await db
    .select({
      panelId: schema.panels.id,
      categoryId: schema.categories.id,
      category: schema.categories.name,
      isChair: schema.panelMembers.isChair,
      acceptedAt: schema.panelMembers.confidentialityAcceptedAt,
      declaredAt: schema.panelMembers.conflictsDeclaredAt,
      cycle: {
        id: schema.cycles.id,
        year: schema.cycles.year,
        phase: schema.cycles.phase,
        nominationsOpenAt: schema.cycles.nominationsOpenAt,
        nominationsCloseAt: schema.cycles.nominationsCloseAt,
        judgingOpenAt: schema.cycles.judgingOpenAt,
        judgingCloseAt: schema.cycles.judgingCloseAt,
        finalRoundStartedAt: schema.cycles.finalRoundStartedAt,
        finalRoundCloseAt: schema.cycles.finalRoundCloseAt,
        blindJudging: schema.cycles.blindJudging,
      },
    })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
    .innerJoin(schema.cycles, eq(schema.cycles.id, schema.categories.cycleId))
    .where(and(eq(schema.panelMembers.personId, judgeId), ne(schema.cycles.phase, "archived")))
    .orderBy(desc(schema.cycles.year), asc(schema.categories.position), asc(schema.categories.id));

  const progress = await db
    .select({ categoryId: n.categoryId, assigned: count(), scored: count(s.submittedAt) })
    .from(n)
    .leftJoin(s, ownSheet(judgeId))
    .where(visibleNominationsFor(judgeId))
    .groupBy(n.categoryId);
  // Work still behind the statement is counted, never named.
  const waiting = await db
    .select({ categoryId: n.categoryId, count: count() })
    .from(n)
    .where(assignedAndUnconflictedFor(judgeId))
    .groupBy(n.categoryId);

  return panels.map((panel) => {
    const p = progress.find((row) => row.categoryId === panel.categoryId);
    const ready = Boolean(panel.acceptedAt && panel.declaredAt);
    return {
      ...panel,
      round: currentRound(panel.cycle),
      ready,
      assigned: p?.assigned ?? 0,
      scored: p?.scored ?? 0,
      waiting: ready ? 0 : (waiting.find((row) => row.categoryId === panel.categoryId)?.count ?? 0),
    };
  });
}

export async function getJudgePanel(judgeId: number, panelId: number) {
  const panels = await getJudgePanels(judgeId);
  return panels.find((p) => p.panelId === panelId) ?? null;
}

const memberOf = (judgeId: number, panelIds: number[]) =>
  and(inArray(schema.panelMembers.panelId, panelIds), eq(schema.panelMembers.personId, judgeId));

/**
 * One statement for all of a judge's panels: the panels the page listed are accepted in one
 * transaction, recorded (and audited) per panel membership. Panels already accepted are left
 * as they were, so a judge who joins a panel later is asked for that one only. Accepting is
 * when detection runs, so suspicions are hidden before the declaration list shows.
 * Answers how many panel memberships were accepted.
 */
export async function acceptConfidentiality(judge: { id: number; name: string }, panelIds: number | number[]) {
  const ids = [panelIds].flat();
  if (ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    const members = await tx
      .update(schema.panelMembers)
      .set({ confidentialityAcceptedAt: new Date() })
      .where(and(memberOf(judge.id, ids), isNull(schema.panelMembers.confidentialityAcceptedAt)))
      .returning({ panelId: schema.panelMembers.panelId });
    if (members.length === 0) return 0;
    for (const { panelId } of members.sort((a, b) => a.panelId - b.panelId)) {
      await audit(tx, { actor: { id: judge.id, name: judge.name }, action: "panel.confidentiality_accepted", entityType: "panel_member", entityId: `${panelId}:${judge.id}` });
    }
    await detectConflictsAfter(tx, { personIds: [judge.id] }, SYSTEM_ACTOR);
    return members.length;
  });
}

/**
 * One declaration for the panels the declaration page listed (those whose statement is
 * accepted): each membership is marked and audited, in one transaction.
 */
export async function finishDeclaring(judge: { id: number; name: string }, panelIds: number | number[]) {
  const ids = [panelIds].flat();
  if (ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    const members = await tx
      .update(schema.panelMembers)
      .set({ conflictsDeclaredAt: new Date() })
      .where(
        and(
          memberOf(judge.id, ids),
          isNotNull(schema.panelMembers.confidentialityAcceptedAt),
          isNull(schema.panelMembers.conflictsDeclaredAt),
        ),
      )
      .returning({ panelId: schema.panelMembers.panelId });
    for (const { panelId } of members.sort((a, b) => a.panelId - b.panelId)) {
      await audit(tx, { actor: { id: judge.id, name: judge.name }, action: "panel.conflicts_declared", entityType: "panel_member", entityId: `${panelId}:${judge.id}` });
    }
    return members.length;
  });
}

/**
 * The statement and declaration page of one cycle: the judge's panels in it, which still
 * need the statement, which still need the declaration, and the nominations to declare
 * against, grouped by category. Null when the judge has no panel in that cycle.
 */
export async function getJudgeCycleSteps(judgeId: number, year: number) {
  const panels = (await getJudgePanels(judgeId)).filter((p) => p.cycle.year === year);
  if (panels.length === 0) return null;
  const toAccept = panels.filter((p) => !p.acceptedAt);
  const toDeclare = panels.filter((p) => p.acceptedAt && !p.declaredAt);
  const groups = [];
  for (const panel of toDeclare) {
    groups.push({ panelId: panel.panelId, categoryId: panel.categoryId, category: panel.category, nominations: await listDeclarable(judgeId, panel.categoryId) });
  }
  return { cycle: panels[0].cycle, panels, toAccept, toDeclare, groups };
}

/**
 * The minimal list to declare conflicts against: nominee, organisation, nominator's name.
 * Under blind judging the nominator's name stays out (null); conflicts with nominators are
 * still found automatically.
 */
export async function listDeclarable(judgeId: number, categoryId: number) {
  const rows = await db
    .select({
      id: n.id,
      nomineeName: n.nomineeName,
      nomineeOrganisation: n.nomineeOrganisation,
      nominatorName: n.nominatorName,
      blind: schema.cycles.blindJudging,
    })
    .from(n)
    .innerJoin(schema.cycles, eq(schema.cycles.id, n.cycleId))
    .where(declarableNominationsFor(judgeId, categoryId))
    .orderBy(asc(n.nomineeName), asc(n.id));
  return rows.map(({ blind, nominatorName, ...row }) => ({ ...row, nominatorName: blind ? null : nominatorName }));
}

export type ScoreState = "not started" | "draft" | "submitted";

function scoreState(sheet: { submittedAt: Date | null; id: number | null } | null): ScoreState {
  if (!sheet?.id) return "not started";
  return sheet.submittedAt ? "submitted" : "draft";
}

/** The judge's assigned nominations, with nominator names hidden under blind judging. */
export async function listAssignedNominations(judgeId: number) {
  const rows = await db
    .select({
      id: n.id,
      reference: n.reference,
      nomineeName: n.nomineeName,
      nomineeOrganisation: n.nomineeOrganisation,
      nominatorName: n.nominatorName,
      categoryId: n.categoryId,
      category: schema.categories.name,
      blind: schema.cycles.blindJudging,
      phase: schema.cycles.phase,
      sheetId: s.id,
      submittedAt: s.submittedAt,
    })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .innerJoin(schema.cycles, eq(schema.cycles.id, n.cycleId))
    .leftJoin(s, ownSheet(judgeId))
    .where(visibleNominationsFor(judgeId))
    .orderBy(asc(schema.categories.position), asc(n.nomineeName), asc(n.id));
  return rows.map(({ blind, phase, sheetId, submittedAt, nominatorName, ...row }) => ({
    ...row,
    round: currentRound({ phase }),
    nominatorName: blind ? null : nominatorName,
    state: scoreState({ id: sheetId, submittedAt }),
  }));
}

/** One nomination as its judge sees it, or null (the route answers 404). */
export async function getNominationForJudge(judgeId: number, nominationId: number, now = new Date()) {
  const [row] = await db
    .select({ nomination: n, category: schema.categories, cycle: schema.cycles })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .innerJoin(schema.cycles, eq(schema.cycles.id, n.cycleId))
    .where(and(eq(n.id, nominationId), visibleNominationsFor(judgeId)));
  if (!row) return null;
  const { nomination, category, cycle } = row;
  const round = currentRound(cycle);

  // The entry judges see carries every merged duplicate's statement and files.
  const parts = await db
    .select({ id: n.id, nominatorName: n.nominatorName, relationship: n.nominatorRelationship, mergedIntoId: n.mergedIntoId })
    .from(n)
    .where(and(isNull(n.erasedAt), or(eq(n.id, nomination.id), eq(n.mergedIntoId, nomination.id))))
    .orderBy(asc(n.id));
  const partIds = parts.map((p) => p.id);
  const answers = await db
    .select({ nominationId: schema.nominationAnswers.nominationId, label: schema.questions.label, answer: schema.nominationAnswers.answer })
    .from(schema.nominationAnswers)
    .innerJoin(schema.questions, eq(schema.questions.id, schema.nominationAnswers.questionId))
    .where(inArray(schema.nominationAnswers.nominationId, partIds))
    .orderBy(asc(schema.questions.position), asc(schema.questions.id));
  const files = await db
    .select({ id: schema.nominationFiles.id, nominationId: schema.nominationFiles.nominationId, filename: schema.nominationFiles.filename, size: schema.nominationFiles.size, mediaType: schema.nominationFiles.mediaType })
    .from(schema.nominationFiles)
    .where(inArray(schema.nominationFiles.nominationId, partIds))
    .orderBy(asc(schema.nominationFiles.id));
  const statements = parts.map((p) => ({
    id: p.id,
    primary: p.id === nomination.id,
    // Blind judging keeps who nominated, and how they know the nominee, out of the page data.
    nominatorName: cycle.blindJudging ? null : p.nominatorName,
    relationship: cycle.blindJudging ? null : p.relationship,
    answers: answers.filter((a) => a.nominationId === p.id),
    files: files.filter((f) => f.nominationId === p.id),
  }));

  const criteria = await db
    .select()
    .from(schema.criteria)
    .where(and(eq(schema.criteria.categoryId, category.id), isNull(schema.criteria.retiredAt)))
    .orderBy(asc(schema.criteria.position), asc(schema.criteria.id));
  const anchors = await db
    .select()
    .from(schema.scaleAnchors)
    .where(eq(schema.scaleAnchors.categoryId, category.id))
    .orderBy(asc(schema.scaleAnchors.value));
  const [sheet] = await db
    .select()
    .from(s)
    .where(and(eq(s.nominationId, nomination.id), eq(s.personId, judgeId), eq(s.round, round), isNull(s.voidedAt)));
  const [member] = await db
    .select({ isChair: schema.panelMembers.isChair })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .where(and(eq(schema.panels.categoryId, category.id), eq(schema.panelMembers.personId, judgeId)));

  const roundClosed = roundHasClosed(cycle, round, now);
  const mayScore = roundIsOpen(cycle, round, now);
  const othersVisible = canSeeOthersScores({
    role: "judge",
    isChair: member?.isChair ?? false,
    assigned: true,
    ownSubmitted: Boolean(sheet?.submittedAt),
    roundClosed,
  });
  const others = othersVisible ? await othersScores(judgeId, nomination.id, round, criteria, category) : null;

  return {
    nomination: {
      id: nomination.id,
      reference: nomination.reference,
      nomineeName: nomination.nomineeName,
      nomineeType: nomination.nomineeType,
      nomineeOrganisation: nomination.nomineeOrganisation,
      nomineeLocalAuthority: nomination.nomineeLocalAuthority,
    },
    category: { id: category.id, name: category.name, scaleMin: category.scaleMin, scaleMax: category.scaleMax },
    cycle: { id: cycle.id, blindJudging: cycle.blindJudging, feedbackToNominees: cycle.feedbackToNominees, closeAt: roundCloseAt(cycle, round) },
    round,
    statements,
    criteria: criteria.map((c) => ({ id: c.id, name: c.name, guidance: c.guidance, weight: c.weight })),
    anchors: anchors.map((a) => ({ value: a.value, description: a.description })),
    sheet: sheet
      ? { values: sheet.values, comment: sheet.comment, commentPrivate: sheet.commentPrivate, submittedAt: sheet.submittedAt, version: sheetVersion(sheet) }
      : null,
    mayScore,
    roundClosed,
    others,
  };
}

/**
 * What saving a score sheet needs, for a nomination the judge can see (null otherwise: the
 * route answers 404), in one statement: the rubric and scale to read the form, and the
 * cycle the save is checked against. Lighter than the whole page.
 */
export async function getScoreSheetRubric(judgeId: number, nominationId: number) {
  const c = schema.criteria;
  const [row] = await db
    .select({
      id: n.id,
      scaleMin: schema.categories.scaleMin,
      scaleMax: schema.categories.scaleMax,
      cycle: schema.cycles,
      criteria: sql<string | Array<{ id: number; name: string; weight: number }>>`(
        select coalesce(json_agg(json_build_object('id', ${c.id}, 'name', ${c.name}, 'weight', ${c.weight}) order by ${c.position}, ${c.id}), '[]'::json)
        from ${c} where ${c.categoryId} = ${n.categoryId} and ${c.retiredAt} is null)`,
    })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .innerJoin(schema.cycles, eq(schema.cycles.id, n.cycleId))
    .where(and(eq(n.id, nominationId), visibleNominationsFor(judgeId)));
  if (!row) return null;
  // postgres.js hands json back parsed, PGlite too; a driver that does not gets it parsed here.
  const criteria = typeof row.criteria === "string" ? (JSON.parse(row.criteria) as Array<{ id: number; name: string; weight: number }>) : row.criteria;
  return { nominationId: row.id, criteria, scaleMin: row.scaleMin, scaleMax: row.scaleMax, cycle: row.cycle };
}

export type ScoreSheetRubric = NonNullable<Awaited<ReturnType<typeof getScoreSheetRubric>>>;

async function othersScores(
  judgeId: number,
  nominationId: number,
  round: Round,
  criteria: Array<{ id: number; weight: number }>,
  category: { scaleMin: number; scaleMax: number },
) {
  const rows = await db
    .select({ judgeName: schema.people.name, values: s.values, comment: s.comment })
    .from(s)
    .innerJoin(schema.people, eq(schema.people.id, s.personId))
    .where(and(eq(s.nominationId, nominationId), ne(s.personId, judgeId), eq(s.round, round), isNull(s.voidedAt), isNotNull(s.submittedAt)))
    .orderBy(asc(schema.people.name));
  return rows.map((r) => ({
    judgeName: r.judgeName,
    comment: r.comment,
    score: isCompleteScore(criteria, r.values, { min: category.scaleMin, max: category.scaleMax })
      ? Math.round(weightedScore(criteria, r.values) * 100) / 100
      : null,
  }));
}

export type SaveResult = { ok: true } | { ok: false; status: number; message: string };

/**
 * What the confirmation page showed: a submit carries it back, and is refused if the sheet
 * has been saved since (in another tab, say), so a judge never makes final what they have
 * not seen, and a save that was acknowledged is never overwritten by an older read.
 */
export function sheetVersion(sheet: { values: Record<string, number>; comment: string; updatedAt: Date }): string {
  const values = Object.entries(sheet.values).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify([values, sheet.comment, sheet.updatedAt.getTime()])).digest("base64url").slice(0, 22);
}

/**
 * Saves a judge's draft, or makes it final, on their sheet for the cycle's current round
 * (a final-round sheet is separate from the main round's). The server decides: an
 * unassigned or conflicted nomination is not found, and nothing is written outside the
 * round or after its deadline, or once the scores are final.
 */
export async function saveScores(
  judge: { id: number; name: string },
  nominationId: number,
  draft: DraftSheet | { final: true; version?: string },
  now = new Date(),
  rubric?: ScoreSheetRubric | null,
): Promise<SaveResult> {
  if (!draft.final) {
    // A draft, the busiest write while judging: one statement when nothing stands in its way.
    const read = rubric !== undefined && rubric?.nominationId === nominationId ? rubric : await getScoreSheetRubric(judge.id, nominationId);
    if (!read) return { ok: false, status: 404, message: "We could not find that nomination." };
    if (await saveDraftInOneStatement(judge.id, read, draft, now)) return { ok: true };
    // Not written: hidden since, voided, final, closed or changed. The transaction below
    // finds which and answers it (or saves, if the cycle merely changed and is still open).
  }
  return saveInTransaction(judge, nominationId, draft, now);
}

type DraftSheet = { values: Record<string, number>; comment: string; commentPrivate?: boolean; final: false };

/** The values on the category's active criteria and within its scale; anything else is dropped. */
function keptValues(criteria: Array<{ id: number }>, values: Record<string, number>, scale: { min: number; max: number }) {
  return Object.fromEntries(
    criteria.filter((c) => Number.isInteger(values[c.id]) && values[c.id] >= scale.min && values[c.id] <= scale.max).map((c) => [String(c.id), values[c.id]]),
  );
}

/**
 * A draft save as one statement (decision 037): the judge's visibility of the nomination
 * (decision 008: assigned in the round, statement accepted, conflicts declared, no
 * conflict), the cycle still as the rubric read it (so the round and its deadline checked
 * in app/domain still hold), the row lock and the upsert. The lock is the upsert's own:
 * an existing sheet is updated only while it is neither final nor voided, judged on the
 * row as it stands once any transaction holding it (a submit, a conflict's voiding) has
 * committed. Answers whether the draft was written; when not, nothing was.
 */
async function saveDraftInOneStatement(judgeId: number, rubric: ScoreSheetRubric, draft: DraftSheet, now: Date): Promise<boolean> {
  const { cycle } = rubric;
  const round = currentRound(cycle);
  if (!roundIsOpen(cycle, round, now)) return false;
  const kept = keptValues(rubric.criteria, draft.values, { min: rubric.scaleMin, max: rubric.scaleMax });
  // A comment may be shared only when the judge saved it under the notice that says so (app/domain/feedback.ts).
  const commentPrivate = !cycle.feedbackToNominees || (draft.commentPrivate ?? true);
  const at = (d: Date | null) => (d ? sql`${d.toISOString()}::timestamptz` : sql`null::timestamptz`);
  const cy = schema.cycles;
  const result = (await db.execute(sql`
    insert into ${s} (nomination_id, person_id, round, values, comment, comment_private, submitted_at, updated_at)
    select ${n.id}, ${judgeId}::integer, ${round}::text, ${JSON.stringify(kept)}::jsonb, ${draft.comment}::text, ${commentPrivate}::boolean, null::timestamptz, ${at(now)}
    from ${n}
    where ${and(
      eq(n.id, rubric.nominationId),
      visibleNominationsFor(judgeId, { round }),
      sql`exists (select 1 from ${cy} where ${cy.id} = ${n.cycleId} and ${cy.phase} = ${cycle.phase}::text
        and ${cy.judgingCloseAt} is not distinct from ${at(cycle.judgingCloseAt)}
        and ${cy.finalRoundCloseAt} is not distinct from ${at(cycle.finalRoundCloseAt)})`,
    )}
    on conflict (nomination_id, person_id, round) do update
      set values = excluded.values, comment = excluded.comment, comment_private = excluded.comment_private, updated_at = excluded.updated_at
      where ${s.submittedAt} is null and ${s.voidedAt} is null
    returning ${s.id}`)) as unknown;
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows.length === 1;
}

/**
 * The save in a transaction: reads the sheet under its row lock, then writes. Every submit
 * goes this way (it must compare what the page showed with the sheet as it stands), and so
 * does a draft the one statement did not write, to say why.
 */
async function saveInTransaction(
  judge: { id: number; name: string },
  nominationId: number,
  draft: DraftSheet | { final: true; version?: string },
  now: Date,
): Promise<SaveResult> {
  const { final } = draft;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ nomination: n, category: schema.categories, cycle: schema.cycles })
      .from(n)
      .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
      .innerJoin(schema.cycles, eq(schema.cycles.id, n.cycleId))
      .where(and(eq(n.id, nominationId), visibleNominationsFor(judge.id)));
    if (!row) return { ok: false, status: 404, message: "We could not find that nomination." };
    const round = currentRound(row.cycle);
    if (!roundIsOpen(row.cycle, round, now)) {
      const closeAt = roundCloseAt(row.cycle, round);
      const what = round === "main" ? "Judging" : "The final round";
      return {
        ok: false,
        status: 403,
        message: closeAt && now >= closeAt
          ? `${what} closed on ${formatLondon(closeAt)}, so scores can no longer be changed.`
          : `${what} is not open, so scores cannot be saved.`,
      };
    }
    const [existing] = await tx
      .select()
      .from(s)
      .where(and(eq(s.nominationId, nominationId), eq(s.personId, judge.id), eq(s.round, round)))
      .for("update");
    if (existing?.voidedAt) return { ok: false, status: 404, message: "We could not find that nomination." };
    if (existing?.submittedAt) {
      return { ok: false, status: 409, message: "Your scores for this nomination are final. Ask the awards team to reopen them if you need to change them." };
    }
    // Submitting makes final the sheet as it stands under the row lock, never values read
    // before the transaction: a save that raced in is either included or, when the page
    // that asked showed older values, the submit is refused.
    if (final && !existing) return { ok: false, status: 400, message: "Score every criterion before you submit." };
    if (final && draft.version !== undefined && draft.version !== sheetVersion(existing!)) {
      return {
        ok: false,
        status: 409,
        message: "Your scores were changed after this page was opened (perhaps in another tab). Check them below, then submit again.",
      };
    }
    const { values, comment } = final ? existing! : draft;
    const criteria = await tx
      .select({ id: schema.criteria.id, weight: schema.criteria.weight })
      .from(schema.criteria)
      .where(and(eq(schema.criteria.categoryId, row.category.id), isNull(schema.criteria.retiredAt)));
    const scale = { min: row.category.scaleMin, max: row.category.scaleMax };
    const kept = keptValues(criteria, values, scale);
    if (final && !isCompleteScore(criteria, kept, scale)) {
      return { ok: false, status: 400, message: "Score every criterion before you submit." };
    }
    const submittedAt = final ? now : null;
    // A comment may be shared only when the judge saved it under the notice that says so (app/domain/feedback.ts).
    const commentPrivate = final ? existing!.commentPrivate : !row.cycle.feedbackToNominees || (draft.commentPrivate ?? true);
    await tx
      .insert(s)
      .values({ nominationId, personId: judge.id, round, values: kept, comment, commentPrivate, submittedAt, updatedAt: now })
      .onConflictDoUpdate({ target: [s.nominationId, s.personId, s.round], set: { values: kept, comment, commentPrivate, submittedAt, updatedAt: now } });
    if (final) {
      await audit(tx, {
        actor: { id: judge.id, name: judge.name },
        action: "score.submitted",
        entityType: "score",
        entityId: `${nominationId}:${judge.id}:${round}`,
        after: { values: kept, weighted: weightedScore(criteria, kept) },
      });
    }
    return { ok: true };
  });
}

/** Rows for the judge's own CSV export: only what they can see, and only their own scores. */
export async function exportRowsForJudge(judgeId: number) {
  const rows = await listAssignedNominations(judgeId);
  const sheets = await db
    .select({ nominationId: n.id, values: s.values, comment: s.comment, submittedAt: s.submittedAt })
    .from(n)
    .innerJoin(s, ownSheet(judgeId))
    .where(visibleNominationsFor(judgeId));
  const categoryIds = [...new Set(rows.map((r) => r.categoryId))];
  const criteria = categoryIds.length
    ? await db
        .select({ id: schema.criteria.id, name: schema.criteria.name, categoryId: schema.criteria.categoryId })
        .from(schema.criteria)
        .where(and(inArray(schema.criteria.categoryId, categoryIds), isNull(schema.criteria.retiredAt)))
        .orderBy(asc(schema.criteria.position), asc(schema.criteria.id))
    : [];
  return rows.map((row) => {
    const sheet = sheets.find((x) => x.nominationId === row.id) ?? null;
    const scores = criteria
      .filter((c) => c.categoryId === row.categoryId && sheet?.values[c.id] !== undefined)
      .map((c) => `${c.name}: ${sheet!.values[c.id]}`)
      .join("; ");
    return { ...row, sheet, scores };
  });
}

/**
 * A supporting file, when its nomination (or the entry it was merged into) is visible to the
 * judge. Visibility is settled in the same query as the file's existence, before its bytes
 * are read, so a hidden file and a missing one cost the same and answer the same.
 */
export async function getFileForJudge(judgeId: number, fileId: number) {
  // The file's own nomination (perhaps a merged duplicate), and the entry judges see (`n`).
  const part = alias(n, "file_part");
  const [allowed] = await db
    .select({ id: schema.nominationFiles.id })
    .from(schema.nominationFiles)
    .innerJoin(part, eq(part.id, schema.nominationFiles.nominationId))
    .innerJoin(n, eq(n.id, sql`coalesce(${part.mergedIntoId}, ${part.id})`))
    .where(and(eq(schema.nominationFiles.id, fileId), isNull(part.erasedAt), visibleNominationsFor(judgeId)));
  if (!allowed) return null;
  const [file] = await db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.id, allowed.id));
  return file ? { ...file, content: await fileBytes(file) } : null;
}

