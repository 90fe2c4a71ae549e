/**
 * What may happen in each phase, as data (pretalx keeps phase settings as data, not ifs),
 * and the rules built on it: deciding the shortlist, recording awards, setting publication
 * times, and which cycle the public sees. Every model that writes asks these; pages only mirror them.
 */
import { PHASES, type Phase } from "./vocabulary";
import { judgingHasClosed, roundHasClosed, resultsRound, type RoundCycle } from "./judging";
import { effectivePhase } from "./phases";
import { publicStage, type PublicationTimes } from "./results";

export type PhaseRule = {
  /** The public pages and nominators' links follow this cycle (a draft never displaces the live one). */
  publicFacing: boolean;
  /** An admin may decide the shortlist: only once judging has closed (checked beside the phase). */
  shortlist: boolean;
  /** An admin may record winners and highly commended: only after the shortlist. */
  awards: boolean;
};

export const PHASE_RULES: Record<Phase, PhaseRule> = {
  draft: { publicFacing: false, shortlist: false, awards: false },
  nominations_open: { publicFacing: true, shortlist: false, awards: false },
  nominations_closed: { publicFacing: true, shortlist: false, awards: false },
  judging: { publicFacing: true, shortlist: true, awards: true },
  shortlist_published: { publicFacing: true, shortlist: false, awards: true },
  final_round: { publicFacing: true, shortlist: false, awards: true },
  winners_decided: { publicFacing: true, shortlist: false, awards: true },
  winners_published: { publicFacing: true, shortlist: false, awards: false },
  archived: { publicFacing: false, shortlist: false, awards: false },
};

type RulesCycle = RoundCycle & PublicationTimes;

/** Why the shortlist cannot be decided now, or null. */
export function shortlistProblem(cycle: RulesCycle, now: Date): string | null {
  if (publicStage(cycle, now) !== "none") return "The shortlist has been published, so it can no longer change";
  const phase = effectivePhase(cycle, now);
  if (PHASES.indexOf(phase) < PHASES.indexOf("judging") || (phase === "judging" && !judgingHasClosed(cycle, now))) {
    return "The shortlist is decided once judging has closed";
  }
  if (!PHASE_RULES[phase].shortlist) return "The shortlist can no longer change in this phase";
  return null;
}

/** Why awards cannot be recorded now, or null. The category's shortlist is checked by the caller. */
export function awardsProblem(cycle: RulesCycle, now: Date): string | null {
  if (publicStage(cycle, now) === "winners") return "The winners have been published, so the awards can no longer change";
  const phase = effectivePhase(cycle, now);
  if (!PHASE_RULES[phase].awards || (phase === "judging" && !judgingHasClosed(cycle, now))) {
    return "Winners are chosen after judging has closed and the shortlist is decided";
  }
  if (resultsRound(cycle) === "final" && !roundHasClosed(cycle, "final", now)) {
    return "The final round is still open: close it before choosing the winners";
  }
  return null;
}

export type PublicationCategory = { name: string; inPlay: number; undecided: number; shortlisted: number; winners: number };
export type PublicationField = "shortlistPublishAt" | "winnersPublishAt";

/**
 * THE rule for publication times, whichever page sets them. A time that changes must
 * leave nothing half-decided: the shortlist needs every category with judged
 * nominations decided (and some shortlist at all); the winners need the shortlist's time
 * first, a winner in every shortlisted category, and the final round (if any) closed.
 * A time that has already been reached cannot change. Unchanged times are not re-judged.
 */
export function publicationProblems(input: {
  cycle: RulesCycle & { finalRoundCloseAt?: Date | null };
  categories: PublicationCategory[];
  requested: PublicationTimes;
  now: Date;
}): Partial<Record<PublicationField, string>> {
  const { cycle, categories, requested, now } = input;
  const problems: Partial<Record<PublicationField, string>> = {};
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  const stage = publicStage(cycle, now);
  const { shortlistPublishAt: shortlist, winnersPublishAt: winners } = requested;

  if (!same(cycle.shortlistPublishAt, shortlist)) {
    if (stage !== "none") problems.shortlistPublishAt = "The shortlist is already public; its time cannot change";
    else if (shortlist) {
      const undecided = categories.filter((c) => c.inPlay > 0 && c.undecided === c.inPlay).map((c) => c.name);
      if (undecided.length) problems.shortlistPublishAt = `Decide the shortlist first in: ${undecided.join(", ")}`;
      else if (!categories.some((c) => c.shortlisted > 0)) problems.shortlistPublishAt = "No category has a shortlist to publish yet";
    }
  }
  if (!same(cycle.winnersPublishAt, winners)) {
    if (stage === "winners") problems.winnersPublishAt = "The winners are already public; their time cannot change";
    else if (winners) {
      const noWinner = categories.filter((c) => c.shortlisted > 0 && c.winners === 0).map((c) => c.name);
      const closes = cycle.finalRoundCloseAt ?? null;
      if (!shortlist) problems.winnersPublishAt = "Set when the shortlist is published first";
      else if (winners.getTime() < shortlist.getTime()) problems.winnersPublishAt = "The winners cannot be published before the shortlist";
      else if (noWinner.length) problems.winnersPublishAt = `Choose the winners first in: ${noWinner.join(", ")}`;
      else if (!categories.some((c) => c.winners > 0)) problems.winnersPublishAt = "No category has a winner to publish yet";
      else if (closes && resultsRound(cycle) === "final" && winners.getTime() <= closes.getTime()) {
        problems.winnersPublishAt = "The winners cannot be published before the final round closes";
      }
    }
  }
  return problems;
}

/**
 * The cycle the public pages and nominators' links follow: the latest whose stored phase
 * faces the public (an admin has opened it), so next year's draft never displaces this year's; failing that, the latest
 * that is not a draft, then the latest.
 */
export function publicCycleOf<C extends { year: number; phase: Phase }>(cycles: C[]): C | null {
  const byYear = [...cycles].sort((a, b) => b.year - a.year);
  return (
    byYear.find((c) => PHASE_RULES[c.phase].publicFacing) ??
    byYear.find((c) => c.phase !== "draft") ??
    byYear[0] ??
    null
  );
}
