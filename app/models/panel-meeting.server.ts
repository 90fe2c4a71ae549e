/**
 * The panel meeting (issue 16 item 2, docs/decisions/032): after the main round closes, the
 * panel's chair and admins read the raw and calibrated ranks side by side with intervals and
 * flags, and record per nomination a note and the panel's decision with its reason. A chair
 * reads through THE chair function (chairView): whatever they are conflicted on is gone before
 * any figure, and so is its record. The agreed shortlist is applied through decideShortlist,
 * whose rules still hold.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import {
  checkPanelEntry,
  panelFlags,
  panelMeetingProblem,
  panelRecordProblem,
  panelShortlist,
  shortlistCut,
  sideBySideRanks,
  type PanelDecision,
  type PanelEntryProblems,
} from "~/domain/panel-meeting";
import { IN_PLAY } from "~/domain/results";
import { isVisibleToJudge } from "~/models/judge-visibility.server";
import { chairView, getCategoryResults, leaderboardRows, type CategoryResults } from "~/models/results-leaderboard.server";
import { decideShortlist, type ShortlistOutcome } from "~/models/results-decisions.server";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";

const { panelDecisions, nominations, categories, cycles, panels, panelMembers } = schema;

/** Who is at the meeting: an admin sees the whole category; a chair sees it through chairView. */
export type PanelViewer = { kind: "admin" } | { kind: "chair"; judgeId: number };

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; message: string };

async function categoryWithCycle(categoryId: number) {
  const [row] = await db
    .select({ category: categories, cycle: cycles })
    .from(categories)
    .innerJoin(cycles, eq(cycles.id, categories.cycleId))
    .where(eq(categories.id, categoryId));
  return row ?? null;
}

async function isChairOf(judgeId: number, categoryId: number) {
  const [membership] = await db
    .select({ isChair: panelMembers.isChair })
    .from(panelMembers)
    .innerJoin(panels, eq(panels.id, panelMembers.panelId))
    .where(and(eq(panels.categoryId, categoryId), eq(panelMembers.personId, judgeId)));
  if (!membership) return { ok: false as const, status: 404 as const, message: "There is no such panel." };
  if (!membership.isChair) return { ok: false as const, status: 403 as const, message: "Only the panel's chair and administrators hold the panel meeting." };
  return { ok: true as const };
}

/** The records of these nominations only: never read one the viewer may not see. */
async function recordsOf(ids: number[]) {
  if (ids.length === 0) return new Map<number, typeof panelDecisions.$inferSelect>();
  const rows = await db.select().from(panelDecisions).where(inArray(panelDecisions.nominationId, ids));
  return new Map(rows.map((r) => [r.nominationId, r]));
}

export type PanelMeeting = Awaited<ReturnType<typeof buildMeeting>>;

async function buildMeeting(
  results: NonNullable<CategoryResults>,
  rows: Array<ReturnType<typeof leaderboardRows>[number] & { hidden: boolean }>,
  now: Date,
) {
  const method = results.board.method;
  const shown = rows.filter((r) => !r.hidden);
  const ranks = sideBySideRanks(shown);
  const cut = shortlistCut(
    shown.filter((r) => r.rank !== null).map((r) => (method === "raw" ? r.mean : r.calibrated)).filter((v): v is number => v !== null),
    results.category.shortlistSize,
  );
  const records = await recordsOf(rows.map((r) => r.nominationId));
  const visible = new Set(rows.map((r) => r.nominationId));
  const entries = rows.map((row) => {
    const place = ranks.get(row.nominationId) ?? { raw: null, calibrated: null };
    const interval = method === "raw" ? row.meanInterval : row.calibratedInterval;
    const record = records.get(row.nominationId);
    return {
      ...row,
      rawRank: place.raw,
      calibratedRank: place.calibrated,
      flags: row.hidden ? [] : panelFlags({ raw: place.raw, calibrated: place.calibrated, disagreement: row.disagreement, interval, cut }),
      note: record?.note ?? "",
      decision: (record?.decision ?? null) as PanelDecision | null,
      reason: record?.reason ?? "",
      recordedAt: record?.updatedAt ?? null,
    };
  });
  const suggested = results.suggestion.suggested.filter((id) => visible.has(id));
  const recordProblem = panelRecordProblem(results.cycle, now);
  return {
    category: { id: results.category.id, name: results.category.name, shortlistSize: results.category.shortlistSize },
    year: results.cycle.year,
    method,
    alpha: results.board.alpha,
    held: results.held,
    cut,
    suggested,
    recordProblem,
    entries,
    agreed: panelShortlist(entries, suggested),
  };
}

/**
 * The meeting's page data for one category: refused before the main round has closed (409),
 * to anyone but the panel's chair (403) or an admin. A chair's data holds nothing of a
 * nomination they are conflicted on: not the row, not its figures, not its record.
 */
export async function getPanelMeeting(viewer: PanelViewer, categoryId: number, now = new Date()): Promise<Refusal | { ok: true; meeting: PanelMeeting }> {
  const found = await categoryWithCycle(categoryId);
  if (!found) return { ok: false, status: 404, message: "There is no such category." };
  if (viewer.kind === "chair") {
    const chair = await isChairOf(viewer.judgeId, categoryId);
    if (!chair.ok) return chair;
  }
  const closed = panelMeetingProblem(found.cycle, now);
  if (closed) return { ok: false, status: 409, message: closed };
  if (viewer.kind === "chair") {
    const view = await chairView(viewer.judgeId, categoryId, now, { round: "main" });
    if (!view.ok) return view;
    return { ok: true, meeting: await buildMeeting(view.results, view.rows, now) };
  }
  const results = await getCategoryResults(categoryId, { round: "main" });
  if (!results) return { ok: false, status: 404, message: "There is no such category." };
  return { ok: true, meeting: await buildMeeting(results, leaderboardRows(results).map((r) => ({ ...r, hidden: false })), now) };
}

export type RecordOutcome = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; message: string; problems: PanelEntryProblems };

/**
 * Records the note and the panel's decision on one nomination, with the audit entry in the
 * same transaction. Enforces the meeting's window (under a share lock on the cycle), the
 * chair's right to see the nomination (the judge-facing filter), and that a decision has
 * its reason.
 */
export async function recordPanelEntry(input: {
  viewer: PanelViewer;
  actor: Actor;
  categoryId: number;
  nominationId: number;
  note: string;
  decision: PanelDecision | null;
  reason: string;
  now?: Date;
}): Promise<RecordOutcome> {
  const now = input.now ?? new Date();
  const refuse = (status: 400 | 403 | 404 | 409, message: string, problems: PanelEntryProblems = {}): RecordOutcome => ({ ok: false, status, message, problems });
  const found = await categoryWithCycle(input.categoryId);
  if (!found) return refuse(404, "There is no such category.");
  if (input.viewer.kind === "chair") {
    const chair = await isChairOf(input.viewer.judgeId, input.categoryId);
    if (!chair.ok) return refuse(chair.status, chair.message);
    // The one judge-facing filter: a conflicted (or suspected) nomination does not exist for the chair.
    if (!(await isVisibleToJudge(input.viewer.judgeId, input.nominationId, { round: "main", scope: "panel" }))) {
      return refuse(404, "There is no such nomination in this panel.");
    }
  }
  const [nomination] = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.id, input.nominationId),
        eq(nominations.categoryId, input.categoryId),
        inArray(nominations.status, IN_PLAY),
        isNull(nominations.mergedIntoId),
      ),
    );
  if (!nomination) return refuse(404, "There is no such nomination in this panel.");
  const entry = { note: input.note.trim(), decision: input.decision, reason: input.reason.trim() };
  const problems = checkPanelEntry(entry);
  if (Object.keys(problems).length) return refuse(400, Object.values(problems)[0]!, problems);

  return db.transaction(async (tx) => {
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, found.cycle.id)).for("share");
    const closed = panelRecordProblem(cycle, now);
    if (closed) return refuse(409, closed);
    const [before] = await tx.select().from(panelDecisions).where(eq(panelDecisions.nominationId, input.nominationId)).for("update");
    const same = before && before.note === entry.note && before.decision === entry.decision && before.reason === entry.reason;
    if (same) return { ok: true } as const;
    const values = { ...entry, reason: entry.decision === null ? "" : entry.reason, updatedById: input.actor.id, updatedAt: now };
    await tx
      .insert(panelDecisions)
      .values({ nominationId: input.nominationId, ...values })
      .onConflictDoUpdate({ target: panelDecisions.nominationId, set: values });
    await audit(tx, {
      actor: input.actor,
      action: "panel.recorded",
      entityType: "nomination",
      entityId: input.nominationId,
      before: before ? { note: before.note, decision: before.decision, reason: before.reason } : null,
      after: { categoryId: input.categoryId, note: values.note, decision: values.decision, reason: values.reason, as: input.viewer.kind },
    });
    return { ok: true } as const;
  });
}

/** What the shortlist step shows of the panel's record: every decision, and the shortlist it adds up to. */
export async function panelDecisionsFor(categoryId: number) {
  const results = await getCategoryResults(categoryId, { round: "main" });
  if (!results) return null;
  const records = await recordsOf(results.entries.map((e) => e.id));
  if (records.size === 0) return null;
  const entries = results.board.rows.map((r) => {
    const record = records.get(r.nominationId);
    return { nominationId: r.nominationId, label: r.label, decision: (record?.decision ?? null) as PanelDecision | null, reason: record?.reason ?? "" };
  });
  return { entries, agreed: panelShortlist(entries, results.suggestion.suggested) };
}

/**
 * Applies the panel's agreed shortlist in one action, through THE shortlist writer
 * (decideShortlist): its phase rule, its choice of nominations and its audit entry hold.
 * The panel's reasons for departing from the suggestion become the shortlist's reason.
 */
export async function applyPanelShortlist(input: { categoryId: number; actor: Actor; now?: Date }): Promise<ShortlistOutcome> {
  const panel = await panelDecisionsFor(input.categoryId);
  if (!panel || panel.agreed.chosen.length === 0) {
    return { ok: false, field: "form", message: "The panel has not put any nomination on the shortlist yet", status: 400 };
  }
  return decideShortlist({ categoryId: input.categoryId, chosen: panel.agreed.chosen, reason: panel.agreed.reason, actor: input.actor, now: input.now });
}
