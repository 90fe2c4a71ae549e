/**
 * Judging rules that need no database: which round judges work in and when it is open
 * or closed, who may see other judges' scores, when the automatic reminder is due, and
 * how progress reads.
 */
import { PHASES, type NominationStatus, type Phase, type Round } from "./vocabulary";
import { effectivePhase, judgingIsOpen, type CycleDates } from "./phases";

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

// ---------------------------------------------------------------- rounds

/** The main round scores every eligible nomination; the optional final round re-scores the shortlist. */
export type { Round };

export const ROUND_LABELS: Record<Round, string> = { main: "Main round", final: "Final round" };

/** A cycle's dates and settings as the round rules read them. */
export type RoundCycle = CycleDates & { finalRoundCloseAt?: Date | null; finalRoundStartedAt?: Date | null };

/** Judges work in the final round while the cycle is in the final_round phase, in the main round otherwise. */
export function roundOfPhase(phase: Phase): Round {
  return phase === "final_round" ? "final" : "main";
}

/** The phases in which judges work in the final round (the SQL form of the rule reads this list). */
export const FINAL_ROUND_PHASES: Phase[] = PHASES.filter((p) => roundOfPhase(p) === "final");

/** The round judges of this cycle work in now: the one their pages, scores and reminders are about. */
export function currentRound(cycle: { phase: Phase }): Round {
  return roundOfPhase(cycle.phase);
}

/** The round's scoring deadline, if one is set. */
export function roundCloseAt(cycle: RoundCycle, round: Round): Date | null {
  return (round === "main" ? cycle.judgingCloseAt : cycle.finalRoundCloseAt) ?? null;
}

/** Whether scores may be saved in the round now: its phase, and before its deadline. */
export function roundIsOpen(cycle: RoundCycle, round: Round, now: Date): boolean {
  if (round === "main") return judgingIsOpen(cycle, now);
  if (effectivePhase(cycle, now) !== "final_round") return false;
  const closeAt = roundCloseAt(cycle, "final");
  return !closeAt || now.getTime() < closeAt.getTime();
}

/**
 * Whether the round has closed: its deadline has passed or the cycle has moved past it.
 * Before the round starts it has not closed. Other judges' scores unlock only then.
 */
export function roundHasClosed(cycle: RoundCycle, round: Round, now: Date): boolean {
  if (round === "main") return judgingHasClosed(cycle, now);
  const at = PHASES.indexOf(effectivePhase(cycle, now));
  const final = PHASES.indexOf("final_round" satisfies Phase);
  if (at !== final) return at > final;
  const closeAt = roundCloseAt(cycle, "final");
  return Boolean(closeAt && now.getTime() >= closeAt.getTime());
}

/** The round whose leaderboard decides the winners: the final round once one has started. */
export function resultsRound(cycle: { phase: Phase; finalRoundStartedAt?: Date | null }): Round {
  return cycle.finalRoundStartedAt || cycle.phase === "final_round" ? "final" : "main";
}

/** The nominations a round assigns to judges: the eligible ones, then the shortlist. */
export function assignableStatuses(round: Round): NominationStatus[] {
  return round === "main" ? ["eligible"] : ["shortlisted", "highly_commended", "winner"];
}

export type FinalRoundCategory = { name: string; inPlay: number; shortlisted: number };

/**
 * Why the final round cannot start now, or null when it can: the shortlist must be
 * published (the phase), every category with judged nominations must have a shortlist,
 * and a deadline, if set, must still be ahead.
 */
export function finalRoundStartProblem(cycle: RoundCycle, categories: FinalRoundCategory[], now: Date): string | null {
  const phase = effectivePhase(cycle, now);
  if (phase === "final_round") return "The final round has already started.";
  if (phase !== "shortlist_published") {
    return PHASES.indexOf(phase) < PHASES.indexOf("shortlist_published")
      ? "The final round starts once the shortlist is published."
      : "The winners have been decided, so a final round can no longer start.";
  }
  const undecided = categories.filter((c) => c.inPlay > 0 && c.shortlisted === 0).map((c) => c.name);
  if (undecided.length) return `Decide the shortlist first in: ${undecided.join(", ")}.`;
  if (!categories.some((c) => c.shortlisted > 0)) return "No category has a shortlist to re-score.";
  const closeAt = roundCloseAt(cycle, "final");
  if (closeAt && closeAt.getTime() <= now.getTime()) {
    return "The final round's closing date has passed. Set a later one on the cycle's page first.";
  }
  return null;
}

/** When the automatic reminder goes out, or null when there is none. */
export function reminderDueAt(judgingCloseAt: Date | null, daysBefore: number | null): Date | null {
  if (!judgingCloseAt || daysBefore === null || daysBefore < 0) return null;
  return new Date(judgingCloseAt.getTime() - daysBefore * DAY);
}

/**
 * Whether the automatic reminder for the cycle's current round should go out now: after
 * it is due and while the round is open (so before its deadline).
 */
export function reminderIsDue(cycle: RoundCycle & { reminderDaysBefore: number | null }, now: Date): boolean {
  const round = currentRound(cycle);
  const due = reminderDueAt(roundCloseAt(cycle, round), cycle.reminderDaysBefore);
  if (!due || !roundIsOpen(cycle, round, now)) return false;
  return now.getTime() >= due.getTime();
}

/** "7 of 12 scored". */
export function progressLabel(scored: number, assigned: number): string {
  return `${scored} of ${assigned} scored`;
}

/**
 * The sentence at the top of a judge's page. Before the statement and declaration, the
 * nominations are counted as waiting, not as "0 of 0 scored".
 */
export function judgeProgressLead(scored: number, assigned: number, waiting: number): string {
  const waitingText = `${waiting} ${waiting === 1 ? "nomination is" : "nominations are"} waiting for you`;
  if (assigned === 0 && waiting > 0) return `${waitingText}. Accept the confidentiality statement and declare any conflicts to see them.`;
  if (assigned === 0) return "You have no nominations to score yet.";
  const lead = `You have ${progressLabel(scored, assigned)}.`;
  return waiting > 0 ? `${lead} ${waitingText} once you accept the statement for their panel.` : lead;
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
