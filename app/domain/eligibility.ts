/** Who may be judged eligible or ineligible, and what a decision needs. */
import type { NominationStatus } from "./vocabulary";

export const ELIGIBILITY_DECISIONS = ["eligible", "ineligible"] as const;
export type EligibilityDecision = (typeof ELIGIBILITY_DECISIONS)[number];

/** Submitted entries get a decision; a decision can be changed until judging moves them on. */
const DECIDABLE: ReadonlySet<NominationStatus> = new Set(["submitted", "eligible", "ineligible"]);

export function canDecideEligibility(n: { status: NominationStatus; mergedIntoId: number | null }): boolean {
  return n.mergedIntoId === null && DECIDABLE.has(n.status);
}

export function whyNotDecidable(n: { status: NominationStatus; mergedIntoId: number | null; reference: string }): string | null {
  if (n.mergedIntoId !== null) return `${n.reference} has been merged into another entry`;
  if (n.status === "draft") return `${n.reference} is still a draft`;
  if (n.status === "withdrawn") return `${n.reference} has been withdrawn`;
  if (!DECIDABLE.has(n.status)) return `${n.reference} has already moved on to judging results`;
  return null;
}
