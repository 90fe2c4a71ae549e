/**
 * Feedback to nominees: when judges' comments may be shared, which of them go out, and to whom.
 * Pure rules; app/models/feedback.server.ts enforces them where it reads and writes.
 */
import { publicStage, type PublicationTimes } from "./results";
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

export type FeedbackAudience = "nominator" | "nominee" | "guardian";
export type FeedbackRecipient = { to: string; name: string; audience: FeedbackAudience };

export type FeedbackNomination = {
  nominatorName: string;
  nominatorEmail: string;
  confirmedAt: Date | null;
  nomineeName: string;
  nomineeEmail: string | null;
  nomineeKnows: boolean | null;
  nomineeIsUnder18: boolean | null;
  guardianName: string | null;
  guardianEmail: string | null;
};

/**
 * Who hears the feedback: the nominator (and those of nominations merged into it); the
 * nominee when they know of the nomination and gave a contact; for an under-18 nominee, the
 * parent or guardian instead of the child. Each address once.
 */
export function feedbackRecipients(
  nomination: FeedbackNomination,
  options: { under18Category: boolean; merged?: FeedbackNomination[] },
): FeedbackRecipient[] {
  const list: FeedbackRecipient[] = [];
  const seen = new Set<string>();
  const add = (r: FeedbackRecipient) => {
    const key = r.to.trim().toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    list.push(r);
  };
  if (nomination.nominatorEmail) add({ to: nomination.nominatorEmail, name: nomination.nominatorName || "nominator", audience: "nominator" });
  const child = options.under18Category || nomination.nomineeIsUnder18 === true;
  if (child) {
    if (nomination.guardianEmail) add({ to: nomination.guardianEmail, name: nomination.guardianName || "parent or guardian", audience: "guardian" });
  } else if (nomination.nomineeEmail && nomination.nomineeKnows !== false) {
    add({ to: nomination.nomineeEmail, name: nomination.nomineeName, audience: "nominee" });
  }
  for (const m of options.merged ?? []) {
    if (m.nominatorEmail && m.confirmedAt) add({ to: m.nominatorEmail, name: m.nominatorName || "nominator", audience: "nominator" });
  }
  return list;
}
