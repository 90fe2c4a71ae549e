/**
 * The cycle's phase. Admins move it by action; the dates move it through the
 * open and close steps, so the server enforces deadlines whatever the stored phase says.
 */
import type { Phase } from "./vocabulary";

export type CycleDates = {
  phase: Phase;
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  judgingOpenAt?: Date | null;
  judgingCloseAt: Date | null;
};

export const PHASE_LABELS: Record<Phase, string> = {
  draft: "Draft",
  nominations_open: "Nominations open",
  nominations_closed: "Nominations closed",
  judging: "Judging",
  shortlist_published: "Shortlist published",
  final_round: "Final round",
  winners_decided: "Winners decided",
  winners_published: "Winners published",
  archived: "Archived",
};

export function effectivePhase(cycle: CycleDates, now: Date): Phase {
  const { phase } = cycle;
  const t = now.getTime();
  if (phase === "draft") return "draft";
  if (phase === "nominations_open" || phase === "nominations_closed") {
    if (cycle.nominationsOpenAt && t < cycle.nominationsOpenAt.getTime()) return "draft";
    if (cycle.nominationsCloseAt && t >= cycle.nominationsCloseAt.getTime()) return "nominations_closed";
    return phase === "nominations_closed" ? "nominations_closed" : "nominations_open";
  }
  return phase;
}

/**
 * Nominations were closed by hand (the phase moved on) before their planned closing date:
 * pages then say so instead of showing a closing date still ahead.
 */
export function nominationsClosedEarly(cycle: CycleDates, now: Date): boolean {
  const phase = effectivePhase(cycle, now);
  if (phase === "draft" || phase === "nominations_open") return false;
  return Boolean(cycle.nominationsCloseAt && cycle.nominationsCloseAt.getTime() > now.getTime());
}

export function nominationsAreOpen(cycle: CycleDates, now: Date): boolean {
  return effectivePhase(cycle, now) === "nominations_open";
}

/** Judging runs from the judging phase until its closing date. */
export function judgingIsOpen(cycle: CycleDates, now: Date): boolean {
  if (effectivePhase(cycle, now) !== "judging") return false;
  return !cycle.judgingCloseAt || now.getTime() < cycle.judgingCloseAt.getTime();
}
