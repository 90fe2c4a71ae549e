/**
 * What a nominator's own page says about what happened to their nomination. The emails
 * that told them (combined, not eligible, updated) are in emails/ with their words in the
 * emails catalogue, app/locales/<language>/emails.json (decisions 018 and 031).
 */
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
