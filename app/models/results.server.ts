/**
 * Results per category: the leaderboard (raw and calibrated), the shortlist decision,
 * the awards, and what the public may see of them at a given moment.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { emailText } from "#emails/i18n";
import { ResultAnnouncementEmail, subjectFor, type Outcome } from "#emails/result-announcement";
import { PHASES } from "#db/schema";
import { localised, type Language } from "~/domain/language";
import { normaliseWelsh } from "~/domain/welsh-content";
import { assignableStatuses, canSeeOthersScores, resultsRound, roundHasClosed, type Round } from "~/domain/judging";
import { buildLeaderboard, type Leaderboard } from "~/domain/leaderboard";
import { awardsProblem, publicationProblems, shortlistProblem, type PublicationField } from "~/domain/phase-rules";
import { publicationWindowProblems } from "~/domain/peoples-choice";
import { IN_PLAY, cacheSecondsUntilChange, checkAwards, disagreementThreshold, publicStage, type AwardChoice, type PublicStage } from "~/domain/results";
import { isUnder18, publicNamingSummary, publicNominee } from "~/domain/public-naming";
import { outcomeRecipients, type Audience } from "~/domain/recipients";
import { formatLondon } from "~/domain/time";
import { weightedScore } from "~/domain/scoring";
import { intervalBar, scoreDotPlot } from "~/domain/svg-chart";
import { shortlistBoundary } from "~/domain/uncertainty";
import { applyAdjustment, suggestShortlist, ShortlistAdjustmentError, type ShortlistSuggestion } from "~/domain/shortlist";
import { countedScore, scoreHeldBack, visibleNominationsFor } from "~/models/judge-visibility.server";
import { votingWindowsOf } from "~/models/peoples-choice.server";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv } from "~/utils/env.server";
import { scheduleJob, type JobHandlers } from "~/utils/jobs.server";

const { nominations, categories, cycles, criteria, scores, people } = schema;

export function nomineeLabel(n: { nomineeName: string; nomineeOrganisation: string | null }) {
  return n.nomineeOrganisation && n.nomineeOrganisation !== n.nomineeName
    ? `${n.nomineeName} (${n.nomineeOrganisation})`
    : n.nomineeName;
}

export type CategoryResults = Awaited<ReturnType<typeof getCategoryResults>>;

/**
 * Everything the leaderboard page needs, for one round: by default the round the winners
 * are decided from (the final round once one has started). The final round's board holds
 * only the shortlist it re-scored. With `viewerId` (a panel chair), whatever that person
 * is conflicted on is left out before any figure is computed.
 */
export async function getCategoryResults(categoryId: number, options: { viewerId?: number; round?: Round } = {}) {
  const [row] = await db
    .select({ category: categories, cycle: cycles })
    .from(categories)
    .innerJoin(cycles, eq(cycles.id, categories.cycleId))
    .where(eq(categories.id, categoryId));
  if (!row) return null;
  const { category, cycle } = row;
  const { viewerId } = options;
  const round = options.round ?? resultsRound(cycle);

  const rubric = await db
    .select({ id: criteria.id, weight: criteria.weight, retiredAt: criteria.retiredAt })
    .from(criteria)
    .where(eq(criteria.categoryId, categoryId))
    .orderBy(asc(criteria.position));

  const conditions = [
    eq(nominations.categoryId, categoryId),
    inArray(nominations.status, round === "final" ? assignableStatuses("final") : IN_PLAY),
    isNull(nominations.mergedIntoId),
  ];
  // A chair reads through the one judge-facing filter: what they are conflicted on is gone before any figure.
  if (viewerId !== undefined) conditions.push(visibleNominationsFor(viewerId, { round, scope: "panel" }));
  const entries = await db
    .select({
      id: nominations.id,
      reference: nominations.reference,
      nomineeName: nominations.nomineeName,
      nomineeOrganisation: nominations.nomineeOrganisation,
      status: nominations.status,
      citation: nominations.citation,
      citationCy: nominations.citationCy,
    })
    .from(nominations)
    .where(and(...conditions))
    .orderBy(asc(nominations.id));

  const ids = entries.map((e) => e.id);
  const sheets = ids.length
    ? await db
        .select({ nominationId: scores.nominationId, judgeId: scores.personId, values: scores.values, judgeName: people.name })
        .from(scores)
        .innerJoin(people, eq(people.id, scores.personId))
        .where(and(inArray(scores.nominationId, ids), eq(scores.round, round), countedScore()))
    : [];
  // Scores of a judge under suspicion wait, counted but not used, until an admin decides.
  const [{ held }] = ids.length
    ? await db
        .select({ held: count() })
        .from(scores)
        .where(and(inArray(scores.nominationId, ids), eq(scores.round, round), isNotNull(scores.submittedAt), isNull(scores.voidedAt), scoreHeldBack()))
    : [{ held: 0 }];

  // A score counts on the rubric it was given against: the criteria it has values for.
  const judgeNames = new Map<number, string>();
  const judgeScores = sheets.flatMap((sheet) => {
    const used = rubric.filter((c) => sheet.values[String(c.id)] !== undefined);
    if (used.length === 0) return [];
    const values = Object.fromEntries(used.map((c) => [c.id, sheet.values[String(c.id)]]));
    judgeNames.set(sheet.judgeId, sheet.judgeName);
    return [{ nominationId: sheet.nominationId, judgeId: sheet.judgeId, score: weightedScore(used, values) }];
  });

  const scale = { min: category.scaleMin, max: category.scaleMax };
  const board = buildLeaderboard({
    nominations: entries.map((e) => ({ id: e.id, label: nomineeLabel(e) })),
    scores: judgeScores,
    minScoresPerJudge: cycle.minScoresPerJudge,
    disagreementThreshold: disagreementThreshold(scale),
    method: cycle.rankingMethod,
  });
  const suggestion = suggestShortlist(board, category.shortlistSize);
  // Where the top `shortlistSize` ends, and whether the ranking is sure of that edge.
  const boundary = shortlistBoundary(
    board.rows.filter((r) => r.rank !== null),
    category.shortlistSize,
  );
  return { category, cycle, round, scale, board, suggestion, entries, judgeNames, boundary, held };
}

/** Rows as the leaderboard table shows them, each with its dot plot. */
export function leaderboardRows(results: NonNullable<CategoryResults>) {
  const byId = new Map(results.entries.map((e) => [e.id, e]));
  return results.board.rows.map((row) => ({
    nominationId: row.nominationId,
    label: row.label,
    reference: byId.get(row.nominationId)?.reference ?? "",
    rank: row.rank,
    tied: row.tied,
    mean: row.mean,
    calibrated: row.calibrated,
    count: row.count,
    sd: row.sd,
    range: row.range,
    disagreement: row.disagreement,
    plot: scoreDotPlot(
      row.judgeScores.map((s) => s.score),
      results.scale,
    ),
    status: byId.get(row.nominationId)?.status ?? "eligible",
    calibratedInterval: row.calibratedInterval,
    meanInterval: row.meanInterval,
    intervalPlot:
      row.calibrated !== null && row.calibratedInterval
        ? intervalBar(row.calibrated, row.calibratedInterval, results.scale, { confidence: results.board.confidence })
        : null,
    aboveNext: row.aboveNext,
    boundary: boundaryMark(results.boundary, row.nominationId),
  }));
}

function boundaryMark(boundary: NonNullable<CategoryResults>["boundary"], nominationId: number) {
  if (!boundary || boundary.clear) return null;
  if (boundary.lastIn === nominationId) return "last-in" as const;
  if (boundary.firstOut === nominationId) return "first-out" as const;
  return null;
}

/**
 * What the calibration cannot compare, in people's words: the separate parts of the
 * judge–nomination graph and the judges linked to the others by too few nominations.
 */
export function calibrationWarnings(results: NonNullable<CategoryResults>) {
  const labels = new Map(results.board.rows.map((r) => [r.nominationId, r.label]));
  const judge = (id: number) => results.judgeNames.get(id) ?? `Judge ${id}`;
  const { parts, connected, weaklyLinked } = results.board.identifiability;
  return {
    parts: connected
      ? []
      : parts.map((p) => ({ judges: p.judgeIds.map(judge), nominations: p.nominationIds.map((id) => labels.get(id) ?? `Nomination ${id}`) })),
    weaklyLinked: weaklyLinked.map((w) => ({ judge: judge(w.judgeId), common: w.common })),
  };
}

export type ChairView =
  | { ok: false; status: 403 | 404; message: string }
  | { ok: true; results: NonNullable<CategoryResults>; rows: Array<ReturnType<typeof leaderboardRows>[number] & { hidden: boolean }> };

/**
 * THE chair's view of a panel's results, for every chair page: only the panel's chair, only
 * once the round the results come from has closed, nothing the chair is conflicted on (gone
 * before any figure is computed), and on a nomination the chair was assigned, no figure until
 * the chair's own scores are submitted (the judges' rule, app/domain/judging.ts). `round`
 * picks a round other than the one the winners come from (the panel meeting reads the main round).
 */
export async function chairView(judgeId: number, categoryId: number, now = new Date(), options: { round?: Round } = {}): Promise<ChairView> {
  const [membership] = await db
    .select({ isChair: schema.panelMembers.isChair })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .where(and(eq(schema.panels.categoryId, categoryId), eq(schema.panelMembers.personId, judgeId)));
  if (!membership) return { ok: false, status: 404, message: "There is no such panel." };
  if (!membership.isChair) return { ok: false, status: 403, message: "Only the panel's chair sees its results." };
  const results = await getCategoryResults(categoryId, { viewerId: judgeId, round: options.round });
  if (!results) return { ok: false, status: 404, message: "There is no such panel." };
  const roundClosed = roundHasClosed(results.cycle, results.round, now);
  if (!roundClosed) return { ok: false, status: 403, message: "The panel's results are shown once scoring has closed." };
  const own = await db
    .select({ nominationId: schema.assignments.nominationId, submittedAt: scores.submittedAt })
    .from(schema.assignments)
    .leftJoin(
      scores,
      and(eq(scores.nominationId, schema.assignments.nominationId), eq(scores.personId, judgeId), eq(scores.round, results.round), isNull(scores.voidedAt)),
    )
    .where(and(eq(schema.assignments.personId, judgeId), eq(schema.assignments.round, results.round)));
  const rows = leaderboardRows(results).map((row) => {
    const mine = own.find((o) => o.nominationId === row.nominationId);
    const visible = canSeeOthersScores({ role: "judge", isChair: true, assigned: Boolean(mine), ownSubmitted: Boolean(mine?.submittedAt), roundClosed });
    if (visible) return { ...row, hidden: false };
    return {
      ...row,
      hidden: true,
      rank: null,
      tied: false,
      mean: null,
      calibrated: null,
      count: 0,
      sd: null,
      range: null,
      disagreement: false,
      plot: scoreDotPlot([], results.scale),
      calibratedInterval: null,
      meanInterval: null,
      intervalPlot: null,
      aboveNext: null,
      boundary: null,
    };
  });
  // A hidden row keeps no place in the ranking: it goes last.
  rows.sort((a, b) => Number(a.hidden) - Number(b.hidden));
  return { ok: true, results, rows };
}

export type ShortlistOutcome = { ok: true } | { ok: false; field: "shortlist" | "reason" | "form"; message: string };

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
  if (!results) return { ok: false, field: "form", message: "That category does not exist" };
  const now = input.now ?? new Date();
  const refused = shortlistProblem(results.cycle, now);
  if (refused) return { ok: false, field: "form", message: refused };
  const inPlay = new Set(results.entries.map((e) => e.id));
  const chosen = [...new Set(input.chosen)];
  if (chosen.some((id) => !inPlay.has(id))) {
    return { ok: false, field: "shortlist", message: "Choose only nominations from this category's results" };
  }
  const suggested = results.suggestion.suggested;
  const add = chosen.filter((id) => !suggested.includes(id));
  const remove = suggested.filter((id) => !chosen.includes(id));
  try {
    applyAdjustment(suggested, { add, remove, reason: input.reason });
  } catch (error) {
    if (error instanceof ShortlistAdjustmentError) {
      return { ok: false, field: error.field === "reason" ? "reason" : "shortlist", message: error.message };
    }
    throw error;
  }
  if (chosen.length === 0) return { ok: false, field: "shortlist", message: "Choose at least one nomination for the shortlist" };

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

export type AwardsOutcome = { ok: true } | { ok: false; problems: Record<number, string>; form?: string };

/** Records winners (one or joint) and highly commended, each with a citation. */
export async function recordAwards(input: { categoryId: number; choices: AwardChoice[]; actor: Actor; now?: Date }): Promise<AwardsOutcome> {
  const results = await getCategoryResults(input.categoryId);
  if (!results) return { ok: false, problems: {}, form: "That category does not exist" };
  const now = input.now ?? new Date();
  const refused = awardsProblem(results.cycle, now);
  if (refused) return { ok: false, problems: {}, form: refused };
  const eligible = new Set(results.entries.filter((e) => ["shortlisted", "winner", "highly_commended"].includes(e.status)).map((e) => e.id));
  if (input.choices.some((c) => !eligible.has(c.nominationId))) {
    return { ok: false, problems: {}, form: "Awards can only go to shortlisted nominations" };
  }
  const problems = checkAwards(input.choices);
  if (Object.keys(problems).length) return { ok: false, problems };
  if (!input.choices.some((c) => c.award === "winner")) {
    return { ok: false, problems: {}, form: "Choose at least one winner" };
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

export const PUBLISH_SHORTLIST = "publish_shortlist";
export const PUBLISH_WINNERS = "publish_winners";

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

export type PublicationOutcome = { ok: true } | { ok: false; problems: Partial<Record<PublicationField, string>> };

/**
 * THE writer of publication times, for every page that sets them (results, cycle settings):
 * the shortlist rule of app/domain/phase-rules.ts under a lock on the cycle, then the
 * times, the jobs that publish and email at those moments, and the audit entry.
 */
export async function setPublicationTimes(
  tx: Tx,
  input: { cycleId: number; shortlistPublishAt: Date | null; winnersPublishAt: Date | null; actor: Actor; now?: Date },
): Promise<PublicationOutcome> {
  const [before] = await tx.select().from(cycles).where(eq(cycles.id, input.cycleId)).for("update");
  if (!before) return { ok: false, problems: { shortlistPublishAt: "That cycle does not exist" } };
  const requested = { shortlistPublishAt: input.shortlistPublishAt, winnersPublishAt: input.winnersPublishAt };
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  if (same(before.shortlistPublishAt, requested.shortlistPublishAt) && same(before.winnersPublishAt, requested.winnersPublishAt)) {
    return { ok: true };
  }
  const problems = {
    ...publicationWindowProblems({ windows: await votingWindowsOf(tx, before.id), current: before, requested }),
    ...publicationProblems({
      cycle: before,
      categories: await categorySummaries(before.id, resultsRound(before), tx),
      requested,
      now: input.now ?? new Date(),
    }),
  };
  if (Object.keys(problems).length) return { ok: false, problems };
  await tx.update(cycles).set(requested).where(eq(cycles.id, input.cycleId));
  await syncPublicationJobsFor(tx, { id: input.cycleId, ...requested });
  await audit(tx, {
    actor: input.actor,
    action: "publication.scheduled",
    entityType: "cycle",
    entityId: input.cycleId,
    before: { shortlistPublishAt: before.shortlistPublishAt, winnersPublishAt: before.winnersPublishAt },
    after: requested,
  });
  return { ok: true };
}

/** Sets the publication times from the results page. */
export async function schedulePublication(input: {
  cycleId: number;
  shortlistPublishAt: Date | null;
  winnersPublishAt: Date | null;
  actor: Actor;
  now?: Date;
}): Promise<PublicationOutcome> {
  return db.transaction((tx) => setPublicationTimes(tx, input));
}

async function syncPublicationJobsFor(
  tx: Tx,
  cycle: { id: number; shortlistPublishAt: Date | null; winnersPublishAt: Date | null },
) {
  for (const [kind, at] of [
    [PUBLISH_SHORTLIST, cycle.shortlistPublishAt],
    [PUBLISH_WINNERS, cycle.winnersPublishAt],
  ] as const) {
    const key = `cycle:${cycle.id}`;
    if (at) await scheduleJob(tx, { kind, key, runAt: at, payload: { cycleId: cycle.id } });
    else
      await tx
        .update(schema.jobs)
        .set({ status: "cancelled" })
        .where(and(eq(schema.jobs.kind, kind), eq(schema.jobs.key, key), eq(schema.jobs.status, "pending")));
  }
}

/**
 * Makes sure every cycle's publication times have their jobs, whichever page set them.
 * Cheap, and run before each round of jobs.
 */
export async function syncPublicationJobs() {
  const all = await db
    .select({ id: cycles.id, shortlistPublishAt: cycles.shortlistPublishAt, winnersPublishAt: cycles.winnersPublishAt })
    .from(cycles)
    .where(sql`${cycles.shortlistPublishAt} is not null or ${cycles.winnersPublishAt} is not null`);
  for (const cycle of all) {
    await db.transaction((tx) => syncPublicationJobsFor(tx, cycle));
  }
}

const fallbackName = (language: Language, who: Audience) => emailText(language).t(`fallbackName.${who === "guardian" ? "guardian" : "nominator"}`);

/**
 * When the winners are public by the time the shortlist is announced (both at one moment,
 * or the shortlist late), the shortlist announcement tells only those not shortlisted: the
 * rest hear once, in the winners' email, which says both.
 */
function winnersAnnouncedTogether(cycle: typeof cycles.$inferSelect, now = new Date()) {
  return cycle.winnersPublishAt !== null && cycle.winnersPublishAt.getTime() <= now.getTime();
}

async function announce(tx: Tx, cycleId: number, stage: "shortlist" | "winners") {
  const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) return;
  const statuses: (typeof nominations.$inferSelect.status)[] =
    stage === "shortlist" ? ["shortlisted", "not_shortlisted", "eligible", "winner", "highly_commended"] : ["shortlisted", "winner", "highly_commended"];
  const rows = await tx
    .select({ nomination: nominations, categoryName: categories.name, categoryNameCy: categories.nameCy, nomineeUnder18: categories.nomineeUnder18 })
    .from(nominations)
    .innerJoin(categories, eq(categories.id, nominations.categoryId))
    .where(and(eq(nominations.cycleId, cycleId), inArray(nominations.status, statuses), isNull(nominations.mergedIntoId)))
    .orderBy(asc(nominations.id));
  // The Welsh pages are the English ones under /cy.
  const resultsUrl = (language: Language) => `${getEnv().APP_URL}${language === "cy" ? "/cy" : ""}/winners/${cycle.year}`;
  const together = stage === "shortlist" && winnersAnnouncedTogether(cycle);
  const mergedAway = rows.length
    ? await tx.select().from(nominations).where(inArray(nominations.mergedIntoId, rows.map((r) => r.nomination.id)))
    : [];
  for (const { nomination, categoryName, categoryNameCy, nomineeUnder18 } of rows) {
    let outcome: Outcome;
    if (stage === "shortlist") {
      const onList = ["shortlisted", "winner", "highly_commended"].includes(nomination.status);
      outcome = onList ? "shortlisted" : "not_shortlisted";
      if (nomination.status === "eligible") {
        // Never decided: at publication it was not on the list.
        await tx.update(nominations).set({ status: "not_shortlisted" }).where(eq(nominations.id, nomination.id));
      }
    } else {
      outcome = nomination.status === "winner" ? "winner" : nomination.status === "highly_commended" ? "highly_commended" : "not_winner";
    }
    if (together && outcome === "shortlisted") continue;
    const recipients = outcomeRecipients(nomination, { under18Category: nomineeUnder18, merged: mergedAway.filter((m) => m.mergedIntoId === nomination.id) });
    const category = { nomineeUnder18 };
    const shown = publicNominee(nomination, category);
    // The guardian of a nominee on a public list reads how their child is named there.
    const naming = outcome !== "not_shortlisted" && isUnder18(nomination, category) ? { kind: shown.naming, shownName: shown.name } : null;
    for (const r of recipients) {
      const categoryText = localised(categoryName, categoryNameCy, r.language);
      // The public form of the citation (names taken out) is made from the English; a reader who is not named it reads that, marked as English.
      const citation =
        stage !== "winners" || !nomination.citation
          ? null
          : r.named
            ? localised(nomination.citation, nomination.citationCy, r.language)
            : shown.citation
              ? localised(shown.citation, null, r.language)
              : null;
      await sendEmail(tx, {
        to: r.to,
        subject: subjectFor({ language: r.language, outcome, categoryName: categoryText, year: cycle.year }),
        template: `result-${outcome}`,
        react: createElement(ResultAnnouncementEmail, {
          language: r.language,
          outcome,
          audience: r.audience,
          recipientName: r.name ?? fallbackName(r.language, r.audience),
          nomineeName: r.named ? nomination.nomineeName : shown.name,
          categoryName: categoryText,
          year: cycle.year,
          citation,
          naming: r.audience === "guardian" ? naming : null,
          resultsUrl: resultsUrl(r.language),
        }),
        meta: { nominationIds: [nomination.id], stage },
      });
    }
  }
  // The phase only moves forward: a late shortlist publication must not end a final round already under way.
  const reached = stage === "shortlist" ? "shortlist_published" : "winners_published";
  const phase = PHASES.indexOf(cycle.phase) < PHASES.indexOf(reached) ? reached : cycle.phase;
  await tx.update(cycles).set({ phase }).where(eq(cycles.id, cycleId));
  if (phase !== cycle.phase) {
    await audit(tx, { actor: SYSTEM_ACTOR, action: "cycle.phase_changed", entityType: "cycle", entityId: cycleId, before: { phase: cycle.phase }, after: { phase } });
  }
  await audit(tx, {
    actor: { id: null, name: "system" },
    action: stage === "shortlist" ? "shortlist.published" : "winners.published",
    entityType: "cycle",
    entityId: cycleId,
    after: { emails: rows.length, phase },
  });
}

export const publicationJobs: JobHandlers = {
  [PUBLISH_SHORTLIST]: (tx, job) => announce(tx, Number(job.payload.cycleId), "shortlist"),
  [PUBLISH_WINNERS]: (tx, job) => announce(tx, Number(job.payload.cycleId), "winners"),
};

// ---------------------------------------------------------------- public pages

export type PublicResults = {
  year: number;
  name: string;
  stage: Exclude<PublicStage, "none">;
  /** How long a shared cache may keep this page: never past the next publication. */
  cacheSeconds: number;
  /** The cycle's Welsh name, null where none is written. */
  nameCy: string | null;
  categories: Array<{
    slug: string;
    name: string;
    nameCy: string | null;
    sponsor: string | null;
    sponsorCy: string | null;
    winners: PublicEntry[];
    highlyCommended: PublicEntry[];
    shortlist: PublicEntry[];
  }>;
};
/**
 * One nominee as the public may see them. `nameCy` and `citationCy` are the same naming rule
 * applied for a Welsh page: the Welsh citation cleaned like the English one (null where no
 * Welsh citation is written, so the English shows, marked as English).
 */
export type PublicEntry = {
  name: string;
  nameCy: string;
  organisation: string | null;
  area: string | null;
  citation: string | null;
  citationCy: string | null;
};

/** What anyone may see of a year's results now; null while nothing is public. */
export async function getPublicResults(year: number, now: Date): Promise<PublicResults | null> {
  const [cycle] = await db.select().from(cycles).where(eq(cycles.year, year));
  if (!cycle) return null;
  const stage = publicStage(cycle, now);
  if (stage === "none") return null;

  const cats = await db
    .select()
    .from(categories)
    .where(and(eq(categories.cycleId, cycle.id), isNull(categories.retiredAt)))
    .orderBy(asc(categories.position));
  const rows = await db
    .select({
      categoryId: nominations.categoryId,
      status: nominations.status,
      nomineeName: nominations.nomineeName,
      nomineeOrganisation: nominations.nomineeOrganisation,
      nomineeLocalAuthority: nominations.nomineeLocalAuthority,
      nomineeIsUnder18: nominations.nomineeIsUnder18,
      guardianPublicationConsent: nominations.guardianPublicationConsent,
      citation: nominations.citation,
      citationCy: nominations.citationCy,
    })
    .from(nominations)
    .where(
      and(
        eq(nominations.cycleId, cycle.id),
        inArray(nominations.status, ["shortlisted", "winner", "highly_commended"]),
        isNull(nominations.mergedIntoId),
        isNull(nominations.erasedAt),
      ),
    )
    .orderBy(asc(nominations.id));

  return {
    year: cycle.year,
    name: cycle.name,
    nameCy: cycle.nameCy,
    stage,
    cacheSeconds: cacheSecondsUntilChange(cycle, now),
    categories: cats
      .map((c) => {
        // In order of the names shown, so the order gives away nothing of a name that is not.
        const mine = rows
          .filter((r) => r.categoryId === c.id)
          .map((r) => ({ ...r, shown: publicNominee(r, c), shownCy: publicNominee({ ...r, citation: r.citationCy }, c, "cy") }))
          .sort((a, b) => a.shown.name.localeCompare(b.shown.name, "en-GB"));
        // Only what the naming rule lets out leaves this function: an under-18 nominee as their guardian agreed.
        const entry = ({ shown, shownCy }: (typeof mine)[number], withCitation: boolean): PublicEntry => ({
          name: shown.name,
          nameCy: shownCy.name,
          organisation: shown.organisation,
          area: shown.area,
          citation: withCitation ? shown.citation : null,
          citationCy: withCitation ? shownCy.citation : null,
        });
        return {
          slug: c.slug,
          name: c.name,
          nameCy: c.nameCy,
          sponsor: c.sponsor,
          sponsorCy: c.sponsorCy,
          // Before the winners' time, awards are not known publicly: every finalist is "shortlisted".
          winners: stage === "winners" ? mine.filter((r) => r.status === "winner").map((r) => entry(r, true)) : [],
          highlyCommended:
            stage === "winners" ? mine.filter((r) => r.status === "highly_commended").map((r) => entry(r, true)) : [],
          shortlist: mine.map((r) => entry(r, false)),
        };
      })
      .filter((c) => c.shortlist.length > 0),
  };
}

/**
 * Before publishing: every under-18 nominee on a shortlist or among the winners, with the
 * consent their guardian gave to publication and the name the public pages will show.
 */
export async function underEighteenOnPublicLists(cycleId: number) {
  const rows = await db
    .select({
      id: nominations.id,
      reference: nominations.reference,
      status: nominations.status,
      category: categories.name,
      nomineeUnder18: categories.nomineeUnder18,
      nomineeName: nominations.nomineeName,
      nomineeOrganisation: nominations.nomineeOrganisation,
      nomineeLocalAuthority: nominations.nomineeLocalAuthority,
      nomineeIsUnder18: nominations.nomineeIsUnder18,
      guardianPublicationConsent: nominations.guardianPublicationConsent,
      guardianPublicationConsentAt: nominations.guardianPublicationConsentAt,
    })
    .from(nominations)
    .innerJoin(categories, eq(categories.id, nominations.categoryId))
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        inArray(nominations.status, ["shortlisted", "winner", "highly_commended"]),
        isNull(nominations.mergedIntoId),
        isNull(nominations.erasedAt),
      ),
    )
    .orderBy(asc(categories.position), asc(nominations.id));
  return rows.flatMap((r) => {
    const naming = publicNamingSummary(r, { nomineeUnder18: r.nomineeUnder18 });
    if (!naming) return [];
    return [
      {
        id: r.id,
        reference: r.reference,
        status: r.status,
        category: r.category,
        nomineeName: r.nomineeName,
        consent: naming.consent,
        shownAs: naming.shownAs,
        consentAt: r.guardianPublicationConsentAt ? formatLondon(r.guardianPublicationConsentAt) : null,
      },
    ];
  });
}

/** Years with anything public, newest first, with the stage each has reached. */
export async function listPublicYears(now: Date) {
  const all = await db
    .select({
      year: cycles.year,
      name: cycles.name,
      shortlistPublishAt: cycles.shortlistPublishAt,
      winnersPublishAt: cycles.winnersPublishAt,
    })
    .from(cycles)
    .orderBy(desc(cycles.year));
  return all
    .map((c) => ({ year: c.year, name: c.name, stage: publicStage(c, now), times: c }))
    .filter((c) => c.stage !== "none");
}

export type { Leaderboard, ShortlistSuggestion };
