import { describe, expect, test } from "vitest";
import { nominatorOutcome, type PublicStage } from "~/domain/nomination-news";

describe("nominatorOutcome: the nominator's page shows only what is public or already told", () => {
  test.each([
    { status: "submitted", merged: false, stage: "none", heading: null },
    { status: "eligible", merged: false, stage: "none", heading: null },
    { status: "winner", merged: false, stage: "none", heading: null },
    { status: "winner", merged: false, stage: "shortlist", heading: "Shortlisted" },
    { status: "winner", merged: false, stage: "winners", heading: "Winner" },
    { status: "highly_commended", merged: false, stage: "winners", heading: "Highly commended" },
    { status: "shortlisted", merged: false, stage: "winners", heading: "Shortlisted" },
    { status: "not_shortlisted", merged: false, stage: "shortlist", heading: "Not shortlisted" },
    { status: "eligible", merged: false, stage: "winners", heading: "Not shortlisted" },
    { status: "ineligible", merged: false, stage: "none", heading: "Your nomination was not eligible" },
    { status: "submitted", merged: true, stage: "none", heading: "Your nomination was combined with another" },
  ] as Array<{ status: string; merged: boolean; stage: PublicStage; heading: string | null }>)(
    "$status (merged: $merged) at $stage: $heading",
    ({ status, merged, stage, heading }) => {
      expect(nominatorOutcome({ status, merged, nominee: "Amira" }, stage)?.heading ?? null).toBe(heading);
    },
  );
});
