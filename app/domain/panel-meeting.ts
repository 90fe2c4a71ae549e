/**
 * The panel meeting (issue 16 item 2): after the main round closes, the chair and admins
 * read the raw and calibrated ranks side by side, see where the panel should talk
 * (disagreement flags), and record a note and the panel's decision with its reason for each
 * nomination. The agreed shortlist then goes to the existing shortlist step, whose rules
 * (app/domain/shortlist.ts, app/domain/phase-rules.ts) still decide what may be saved.
 */
import { z } from "zod";
import { parseId } from "./ids";
import { judgingHasClosed, type RoundCycle } from "./judging";
import { competitionRanks } from "./leaderboard";
import { shortlistProblem } from "./phase-rules";
import type { PublicationTimes } from "./results";
import type { Interval } from "./uncertainty";
import { PANEL_DECISIONS, type PanelDecision } from "./vocabulary";

export { PANEL_DECISIONS, type PanelDecision };

export const PANEL_DECISION_LABELS: Record<PanelDecision, string> = {
  shortlist: "Shortlist",
  reserve: "Reserve",
  not_shortlisted: "Not shortlisted",
};

/** Raw and calibrated ranks that differ by more than this many places are flagged. */
export const RANK_GAP = 2;
export const NOTE_MAX = 4000;
export const REASON_MAX = 2000;

// ---------------------------------------------------------------- when

/**
 * Why the panel meeting cannot be read now, or null: only once the main round has closed,
 * so no judge's score can still change what the panel discusses.
 */
export function panelMeetingProblem(cycle: RoundCycle, now: Date): string | null {
  return judgingHasClosed(cycle, now) ? null : "The panel meeting opens once judging has closed";
}

/**
 * Why a note or decision cannot be recorded now, or null: the meeting is open, and its
 * decisions can still reach the shortlist (the shortlist's own window).
 */
export function panelRecordProblem(cycle: RoundCycle & PublicationTimes, now: Date): string | null {
  const closed = panelMeetingProblem(cycle, now);
  if (closed) return closed;
  return shortlistProblem(cycle, now) ? "The shortlist has been decided for good, so the panel's record can no longer change" : null;
}

// ---------------------------------------------------------------- ranks and flags

export type RankPlace = { rank: number; tied: boolean };

/**
 * Each scored nomination's place by the raw mean and by the calibrated score, ranked among
 * the rows given (competition ranking, ties at 3 decimals, as the leaderboard ranks).
 */
export function sideBySideRanks(
  rows: { nominationId: number; mean: number | null; calibrated: number | null }[],
): Map<number, { raw: RankPlace | null; calibrated: RankPlace | null }> {
  const result = new Map<number, { raw: RankPlace | null; calibrated: RankPlace | null }>();
  for (const row of rows) result.set(row.nominationId, { raw: null, calibrated: null });
  const rank = (key: "mean" | "calibrated", into: "raw" | "calibrated") => {
    const scored = rows.filter((r) => r[key] !== null);
    const places = competitionRanks(scored.map((r) => r[key]!));
    scored.forEach((r, i) => (result.get(r.nominationId)![into] = places[i]));
  };
  rank("mean", "raw");
  rank("calibrated", "calibrated");
  return result;
}

/**
 * The score that separates the shortlist from the rest: halfway between the last entry in
 * and the first out, by the ranking method. Null when there is no edge (fewer ranked
 * entries than places, or none).
 */
export function shortlistCut(rankedValues: number[], size: number): number | null {
  if (size < 1 || rankedValues.length <= size) return null;
  const sorted = [...rankedValues].sort((a, b) => b - a);
  return (sorted[size - 1] + sorted[size]) / 2;
}

export type PanelFlag = "ranks-differ" | "judges-disagree" | "crosses-edge";

export const PANEL_FLAG_LABELS: Record<PanelFlag, string> = {
  "ranks-differ": "raw and calibrated ranks differ",
  "judges-disagree": "judges' scores spread widely",
  "crosses-edge": "interval crosses the shortlist edge",
};

/** Raw and calibrated places more than `gap` apart. Unranked on either side: no flag. */
export function ranksDiffer(raw: RankPlace | null, calibrated: RankPlace | null, gap = RANK_GAP): boolean {
  if (!raw || !calibrated) return false;
  return Math.abs(raw.rank - calibrated.rank) > gap;
}

/** The interval of the ranked-by score reaches across the shortlist's cut (inclusive). */
export function crossesEdge(interval: Interval | null, cut: number | null): boolean {
  if (!interval || cut === null) return false;
  return interval.low <= cut && cut <= interval.high;
}

/**
 * Where the panel should talk about a nomination: its ranks differ by method, its judges
 * disagree (the leaderboard's spread rule, app/domain/leaderboard.ts `hasDisagreement`),
 * or it could fall on either side of the shortlist's edge.
 */
export function panelFlags(input: {
  raw: RankPlace | null;
  calibrated: RankPlace | null;
  disagreement: boolean;
  interval: Interval | null;
  cut: number | null;
  gap?: number;
}): PanelFlag[] {
  const flags: PanelFlag[] = [];
  if (ranksDiffer(input.raw, input.calibrated, input.gap)) flags.push("ranks-differ");
  if (input.disagreement) flags.push("judges-disagree");
  if (crossesEdge(input.interval, input.cut)) flags.push("crosses-edge");
  return flags;
}

// ---------------------------------------------------------------- the record

export type PanelEntryInput = { note: string; decision: PanelDecision | null; reason: string };
export type PanelEntryProblems = Partial<Record<"note" | "decision" | "reason", string>>;

/** A decision needs its reason; note and reason are of a readable length. */
export function checkPanelEntry(input: PanelEntryInput): PanelEntryProblems {
  const problems: PanelEntryProblems = {};
  if (input.decision !== null && !PANEL_DECISIONS.includes(input.decision)) problems.decision = "Choose shortlist, reserve or not shortlisted";
  if (input.note.length > NOTE_MAX) problems.note = "Note must be 4,000 characters or fewer";
  if (input.reason.length > REASON_MAX) problems.reason = "Reason must be 2,000 characters or fewer";
  else if (input.decision !== null && input.reason.trim() === "") problems.reason = "Give the panel's reason for its decision";
  if (input.decision === null && input.note.trim() === "" && input.reason.trim() === "") {
    problems.note = "Write a note or record a decision";
  }
  return problems;
}

export type PanelShortlist = {
  /** Nominations the panel put on the shortlist, in the order given. */
  chosen: number[];
  /** Nominations with no decision yet. */
  undecided: number[];
  /** The reason the shortlist step keeps for departures from the suggestion; "" when there are none. */
  reason: string;
};

/**
 * The panel's shortlist as the shortlist step takes it: everything decided "shortlist";
 * reserves and the rest stay off. Where it departs from the suggestion, the panel's own
 * reasons for those nominations become the reason the shortlist step requires.
 */
export function panelShortlist(
  entries: { nominationId: number; label: string; decision: PanelDecision | null; reason: string }[],
  suggested: number[],
): PanelShortlist {
  const chosen = entries.filter((e) => e.decision === "shortlist").map((e) => e.nominationId);
  const undecided = entries.filter((e) => e.decision === null).map((e) => e.nominationId);
  const departures = entries.filter((e) => (e.decision === "shortlist") !== suggested.includes(e.nominationId));
  const reason = departures.length
    ? `Agreed at the panel meeting. ${departures
        .map((e) => `${e.label}: ${e.decision ? PANEL_DECISION_LABELS[e.decision].toLowerCase() : "no decision"}${e.reason.trim() ? ` (${e.reason.trim()})` : ""}`)
        .join("; ")}.`
    : "";
  return { chosen, undecided, reason };
}

const CHOOSE_NOMINATION = "Choose a nomination from this panel";
const CHOOSE_DECISION = "Choose shortlist, reserve or not shortlisted";
const sentText = z.string().optional().transform((v) => v ?? "");

/**
 * A posted record as the model takes it (parsed with `parseForm`): the nomination it is for,
 * and the entry. Text fields are kept as sent so a refused form comes back filled in; a blank
 * decision is none. Its problems are on `nominationId` (no such nomination: the page refuses
 * the request) or on `decision`.
 */
export const panelEntrySchema = z.object({
  nominationId: z.string({ error: CHOOSE_NOMINATION }).transform((v, ctx) => {
    const id = parseId(v);
    if (id === null) {
      ctx.addIssue({ code: "custom", message: CHOOSE_NOMINATION });
      return z.NEVER;
    }
    return id;
  }),
  note: sentText,
  decision: z
    .string()
    .optional()
    .refine((v) => v === undefined || (PANEL_DECISIONS as readonly string[]).includes(v), CHOOSE_DECISION)
    .transform((v) => (v === undefined ? null : (v as PanelDecision))),
  reason: sentText,
});
