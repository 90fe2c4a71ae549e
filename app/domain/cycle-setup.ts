/** Rules for setting up a cycle: the phase an admin may move to, and dates in order. */
import { PHASES, type Phase } from "./vocabulary";

/**
 * The phases an admin may move the cycle to from where it stands. The final round is
 * optional, so a published shortlist may go straight to winners decided.
 */
export function nextPhases(current: Phase): Phase[] {
  if (current === "shortlist_published") return ["final_round", "winners_decided"];
  const i = PHASES.indexOf(current);
  return i >= 0 && i < PHASES.length - 1 ? [PHASES[i + 1]] : [];
}

export type CycleDateFields = {
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  /** Judges may score from then; before it, nominators may still withdraw. */
  judgingOpenAt?: Date | null;
  judgingCloseAt: Date | null;
  shortlistPublishAt: Date | null;
  /** Only cycles with a final round need it; it falls between the shortlist and the winners. */
  finalRoundCloseAt?: Date | null;
  winnersPublishAt: Date | null;
};

export const CYCLE_DATE_LABELS: Record<keyof CycleDateFields, string> = {
  nominationsOpenAt: "Nominations open",
  nominationsCloseAt: "Nominations close",
  judgingOpenAt: "Judging opens",
  judgingCloseAt: "Judging closes",
  shortlistPublishAt: "Shortlist published",
  finalRoundCloseAt: "Final round closes",
  winnersPublishAt: "Winners published",
};

/** Each set date must come after the set dates before it. Returns one message per field. */
export function checkCycleDates(dates: CycleDateFields): Partial<Record<keyof CycleDateFields, string>> {
  const order = Object.keys(CYCLE_DATE_LABELS) as Array<keyof CycleDateFields>;
  const problems: Partial<Record<keyof CycleDateFields, string>> = {};
  for (let i = 1; i < order.length; i++) {
    const field = order[i];
    const value = dates[field];
    if (!value) continue;
    for (let j = i - 1; j >= 0; j--) {
      const earlier = dates[order[j]];
      if (earlier) {
        if (value.getTime() <= earlier.getTime()) {
          problems[field] = `${CYCLE_DATE_LABELS[field]} must be after ${CYCLE_DATE_LABELS[order[j]].toLowerCase()}`;
        }
        break;
      }
    }
  }
  return problems;
}

export const RANKING_METHODS = ["calibrated", "raw"] as const;
export const RANKING_METHOD_LABELS: Record<(typeof RANKING_METHODS)[number], string> = {
  calibrated: "Calibrated score (removes each judge's leniency or harshness)",
  raw: "Weighted mean of the judges' scores",
};
/** Below this many scores a judge's leniency is mostly noise; above it the guard is pointless. */
export const MIN_SCORES_PER_JUDGE = { min: 1, max: 50 } as const;
