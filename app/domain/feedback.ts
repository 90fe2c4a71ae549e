/**
 * Feedback to nominees: when judges' comments may be shared and which of them go out (who
 * hears is the one rule of app/domain/recipients.ts).
 * Pure rules; app/models/feedback.server.ts enforces them where it reads and writes.
 */
import { publicStage, type PublicationTimes } from "./results";
import type { RecipientNomination } from "./recipients";
import { formatLondon } from "./time";

export type FeedbackCycle = PublicationTimes & { feedbackToNominees: boolean };

/**
 * Why feedback cannot be reviewed or released now, or null. Nothing of it exists for anyone
 * before the winners are public: the comments speak of the outcome.
 */
export function feedbackProblem(cycle: FeedbackCycle, now: Date): string | null {
  if (!cycle.feedbackToNominees) return "Feedback to nominees is not turned on for this cycle.";
  if (publicStage(cycle, now) !== "winners") {
    return cycle.winnersPublishAt
      ? `Feedback can be reviewed and released once the winners are published, on ${formatLondon(cycle.winnersPublishAt)}.`
      : "Feedback can be reviewed and released once the winners are published, and their time is not set yet.";
  }
  return null;
}

/** Why the cycle's feedback setting cannot change so, or null: released feedback cannot be taken back. */
export function feedbackSettingProblem(input: { before: boolean; after: boolean; released: number }): string | null {
  if (input.before && !input.after && input.released > 0) {
    return `Feedback has already been released for ${input.released} ${input.released === 1 ? "nomination" : "nominations"}, so it stays on.`;
  }
  return null;
}

/** A judge's comment as it may reach the nominee: only shared, submitted, counted and not empty. */
export type JudgeComment = {
  scoreId: number;
  comment: string;
  commentPrivate: boolean;
  submitted: boolean;
  voided: boolean;
  /** The admin's edit, if any. */
  edit: { text: string; excluded: boolean } | null;
};

export function shareable(c: Pick<JudgeComment, "comment" | "commentPrivate" | "submitted" | "voided">): boolean {
  return !c.commentPrivate && c.submitted && !c.voided && c.comment.trim() !== "";
}

/** The comments that would go out now, in order, as the admin last left them. */
export function releasedText(comments: JudgeComment[]): string[] {
  return comments
    .filter(shareable)
    .filter((c) => !c.edit?.excluded)
    .map((c) => (c.edit ? c.edit.text : c.comment).trim())
    .filter((text) => text !== "");
}

export type FeedbackNomination = RecipientNomination;
