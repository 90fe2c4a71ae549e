/**
 * Judging rules that need no database: when the round counts as closed, who may see
 * other judges' scores, when the automatic reminder is due, and how progress reads.
 */
import { PHASES, type Phase } from "#db/schema";
import { effectivePhase, type CycleDates } from "./phases";

const DAY = 24 * 60 * 60 * 1000;

/**
 * The round has closed once judging's closing date has passed or an admin has moved the
 * cycle past judging. Before judging starts it has not closed (it has not opened either).
 */
export function judgingHasClosed(cycle: CycleDates, now: Date): boolean {
  const phase = effectivePhase(cycle, now);
  const at = PHASES.indexOf(phase);
  const judging = PHASES.indexOf("judging" satisfies Phase);
  if (at > judging) return true;
  if (at < judging) return false;
  return Boolean(cycle.judgingCloseAt && now.getTime() >= cycle.judgingCloseAt.getTime());
}

export type ScoreViewer = {
  /** Admins see every score at any time; everyone else is a judge of the panel. */
  role: "admin" | "judge";
  isChair: boolean;
  /** Whether the viewer was assigned this nomination. */
  assigned: boolean;
  /** Whether the viewer's own scores for it are submitted (and not voided). */
  ownSubmitted: boolean;
  roundClosed: boolean;
};

/**
 * Whether the viewer may see other judges' scores for one nomination. A judge needs
 * their own scores submitted and the round closed. A chair sees their panel's scores
 * once the round has closed, but on a nomination they scored themselves they too must
 * have submitted first. Abstaining or declaring a conflict never unlocks anything
 * (pretalx's "abstain" does): a conflicted judge is not assigned, so only a chair could
 * qualify, and conflicted nominations are removed before this rule is asked.
 */
export function canSeeOthersScores(viewer: ScoreViewer): boolean {
  if (viewer.role === "admin") return true;
  if (!viewer.roundClosed) return false;
  if (viewer.assigned) return viewer.ownSubmitted;
  return viewer.isChair;
}

/** When the automatic reminder goes out, or null when there is none. */
export function reminderDueAt(judgingCloseAt: Date | null, daysBefore: number | null): Date | null {
  if (!judgingCloseAt || daysBefore === null || daysBefore < 0) return null;
  return new Date(judgingCloseAt.getTime() - daysBefore * DAY);
}

/** Whether the automatic reminder should go out now: after it is due and before judging closes. */
export function reminderIsDue(cycle: CycleDates & { reminderDaysBefore: number | null }, now: Date): boolean {
  const due = reminderDueAt(cycle.judgingCloseAt, cycle.reminderDaysBefore);
  if (!due || effectivePhase(cycle, now) !== "judging") return false;
  return now.getTime() >= due.getTime() && now.getTime() < cycle.judgingCloseAt!.getTime();
}

/** "7 of 12 scored". */
export function progressLabel(scored: number, assigned: number): string {
  return `${scored} of ${assigned} scored`;
}

export const CONFLICT_KINDS = {
  personal: "Personal relationship (family, friend, partner)",
  professional: "Work or professional relationship",
  organisation: "I belong to or work with the nominee's or nominator's organisation",
  financial: "Financial interest",
  nominated: "I nominated them or supported the nomination",
  other: "Something else",
} as const;
export type ConflictKind = keyof typeof CONFLICT_KINDS;
export const CONFLICT_KIND_KEYS = Object.keys(CONFLICT_KINDS) as [ConflictKind, ...ConflictKind[]];
