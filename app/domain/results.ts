/**
 * Rules for results that are not arithmetic: when a stage is public, which nominations
 * are in play, and how far judges may differ before the panel should talk.
 */
import type { NominationStatus } from "./vocabulary";
import { welshProblem, WELSH_LIMITS } from "./welsh-content";

/** Nominations that reached judging: eligible, and whatever they became after it. */
export const IN_PLAY: NominationStatus[] = ["eligible", "shortlisted", "not_shortlisted", "highly_commended", "winner"];

export type PublicationTimes = { shortlistPublishAt: Date | null; winnersPublishAt: Date | null };
export type PublicStage = "none" | "shortlist" | "winners";

/** What the public may see now. Nothing is public without a time, or before it. */
export function publicStage(times: PublicationTimes, now: Date): PublicStage {
  const reached = (at: Date | null) => at !== null && at.getTime() <= now.getTime();
  if (reached(times.winnersPublishAt)) return "winners";
  if (reached(times.shortlistPublishAt)) return "shortlist";
  return "none";
}

/**
 * Seconds a shared cache may keep a public results page: never past the next
 * publication, so a cached page cannot outlive an embargo's end by more than a moment.
 */
export function cacheSecondsUntilChange(times: PublicationTimes, now: Date, ceiling = 300): number {
  const upcoming = [times.shortlistPublishAt, times.winnersPublishAt]
    .filter((t): t is Date => t !== null && t.getTime() > now.getTime())
    .map((t) => Math.floor((t.getTime() - now.getTime()) / 1000));
  return Math.max(0, Math.min(ceiling, ...upcoming));
}

/**
 * Lets a CDN serve a public page for a while, but never across a publication moment.
 * Browsers ask again each time: their cache cannot tell a signed-in visit from an anonymous one.
 */
export function publicCacheControl(seconds: number): string {
  return seconds > 0 ? `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${seconds}` : "no-store";
}

/** Judges disagree when their scores span half the scale or more (2 points on 1–5). */
export function disagreementThreshold(scale: { min: number; max: number }): number {
  return (scale.max - scale.min) / 2;
}

export type Award = "winner" | "highly_commended" | "none";

/** `citationCy`: the citation in Welsh; absent leaves a Welsh citation already written as it is. */
export type AwardChoice = { nominationId: number; award: Award; citation: string; citationCy?: string | null };

/** Every winner and highly commended needs a citation, of a readable length. */
export function checkAwards(choices: AwardChoice[]): Record<number, string> {
  const problems: Record<number, string> = {};
  for (const choice of choices) {
    if (choice.award !== "none" && choice.citation.trim().length === 0) {
      problems[choice.nominationId] = "Write a citation for each winner and highly commended nomination";
    }
    if (choice.citation.length > 1200) problems[choice.nominationId] = "Citation must be 1,200 characters or fewer";
    const welsh = choice.award === "none" ? null : welshProblem(choice.citation, choice.citationCy, "citation", WELSH_LIMITS.citation);
    if (welsh) problems[choice.nominationId] = welsh;
  }
  return problems;
}

/** The leaderboard's note on scores waiting for a suspected conflict to be decided. */
export function heldBackLabel(held: number): string | null {
  if (held <= 0) return null;
  return held === 1
    ? "1 score is held back until a suspected conflict of its judge is decided."
    : `${held} scores are held back until suspected conflicts of their judges are decided.`;
}
