/**
 * The leaderboard per category: raw and calibrated scores, the suggested shortlist, and
 * the chair's view of a panel's results.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { assignableStatuses, canSeeOthersScores, resultsRound, roundHasClosed, type Round } from "~/domain/judging";
import { buildLeaderboard, type Leaderboard } from "~/domain/leaderboard";
import { IN_PLAY, disagreementThreshold } from "~/domain/results";
import { weightedScore } from "~/domain/scoring";
import { intervalBar, scoreDotPlot } from "~/domain/svg-chart";
import { shortlistBoundary } from "~/domain/uncertainty";
import { suggestShortlist, type ShortlistSuggestion } from "~/domain/shortlist";
import { countedScore, scoreHeldBack, visibleNominationsFor } from "~/models/judge-visibility.server";
import { db, schema } from "~/utils/db.server";

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

export type { Leaderboard, ShortlistSuggestion };
