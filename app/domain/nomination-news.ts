/**
 * What we tell the people a nomination concerns when something happens to it, one message
 * per moment: its nominator when it is merged with another or found ineligible, and when
 * an edit is saved. The words live here, in one place, for a later translation pass.
 */
export type NewsMessage = { subject: string; heading: string; paragraphs: string[] };

type About = { reference: string; nominee: string; category: string };

export function mergedNews({ reference, nominee, category }: About, primaryReference: string): NewsMessage {
  return {
    subject: `Your nomination ${reference} has been combined with another`,
    heading: "Your nomination has been combined with another",
    paragraphs: [
      `Someone else also nominated ${nominee} for ${category}. So that the judges see one entry, we have combined your nomination (reference ${reference}) with theirs (reference ${primaryReference}).`,
      "The judges read every supporting statement, yours included. You do not need to do anything. We will email you when the shortlist is published.",
    ],
  };
}

/** `reason` is included only when the administrator chose to share it. */
export function ineligibleNews({ reference, nominee, category }: About, reason: string | null): NewsMessage {
  return {
    subject: `Your nomination ${reference} is not eligible`,
    heading: "Your nomination is not eligible this year",
    paragraphs: [
      `Thank you for nominating ${nominee} for ${category} (reference ${reference}). We have checked it against the category's eligibility rules, and it cannot go forward to the judges this year.`,
      reason ? `The reason: ${reason}` : "If you would like to know why, reply to this email and the awards team will explain.",
      "The work you described matters, and we hope you will nominate again.",
    ],
  };
}

export function updatedReceiptHeading(reference: string) {
  return { subject: `Nomination updated: ${reference}`, heading: "Nomination updated" };
}

export type PublicStage = "none" | "shortlist" | "winners";

/**
 * What a nominator's own page says about their nomination's outcome: only what is public
 * (a winner stays "on the shortlist" until the winners are published), or what they were
 * told by email (ineligible, combined). Null: still with the awards team and the judges.
 */
export function nominatorOutcome(
  n: { status: string; merged: boolean; nominee: string },
  stage: PublicStage,
): { heading: string; text: string } | null {
  if (n.merged) {
    return {
      heading: "Your nomination was combined with another",
      text: `Someone else also nominated ${n.nominee}, so the judges see one entry with every supporting statement, yours included.`,
    };
  }
  if (n.status === "ineligible") {
    return { heading: "Your nomination was not eligible", text: `We emailed you when we checked your nomination of ${n.nominee}.` };
  }
  const onShortlist = ["shortlisted", "winner", "highly_commended"].includes(n.status);
  if (stage === "winners") {
    if (n.status === "winner") return { heading: "Winner", text: `${n.nominee} won this award.` };
    if (n.status === "highly_commended") return { heading: "Highly commended", text: `${n.nominee} was highly commended.` };
    if (onShortlist) return { heading: "Shortlisted", text: `${n.nominee} was shortlisted. The award went to another nominee this year.` };
  }
  if (stage === "shortlist" || stage === "winners") {
    if (onShortlist) return { heading: "Shortlisted", text: `${n.nominee} is on the shortlist. The winners will be announced soon.` };
    if (n.status === "not_shortlisted" || n.status === "eligible") {
      return { heading: "Not shortlisted", text: `The judges read your nomination of ${n.nominee} with care; it was not shortlisted this year.` };
    }
  }
  return null;
}
