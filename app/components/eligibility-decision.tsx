/** The eligibility decision, asked the same way of one nomination and of a selection of them. */
import { getTextareaProps } from "@conform-to/react";
import { z } from "zod";
import { ELIGIBILITY_DECISIONS } from "~/domain/eligibility";
import { Checkbox, Radios, SubmitButton, TextareaField, type FormFields } from "./forms";

/**
 * The decision's fields — eligible or ineligible, the reason (needed when ineligible, with
 * `reasonMissing` as its message) and whether the nominator is told it — after `shape`'s.
 */
export function decisionSchema<Shape extends z.ZodRawShape>(shape: Shape, reasonMissing: string) {
  return z
    .object({
      ...shape,
      decision: z.enum(ELIGIBILITY_DECISIONS, { error: "Choose eligible or ineligible" }),
      reason: z.string().trim().max(1000, "The reason must be 1000 characters or fewer").optional(),
      shareReason: z.boolean().optional(),
    })
    .superRefine((value, ctx) => {
      const { decision, reason } = value as { decision: string; reason?: string };
      if (decision === "ineligible" && !reason) ctx.addIssue({ code: "custom", path: ["reason"], message: reasonMissing });
    });
}


export function EligibilityDecisionFields({ fields, legend, reasonHint }: { fields: FormFields; legend: string; reasonHint: string }) {
  return (
    <>
      <Radios
        field={fields.decision}
        legend={legend}
        small
        options={ELIGIBILITY_DECISIONS.map((d) => ({ value: d, label: d === "eligible" ? "Eligible" : "Ineligible" }))}
      />
      <TextareaField label="Reason" hint={reasonHint} errors={fields.reason.errors} textareaProps={{ ...getTextareaProps(fields.reason), rows: 2 }} />
      <Checkbox
        field={fields.shareReason}
        label="Tell the nominator why, in their email"
        hint="The nominator of an ineligible nomination is always told. Without this, the email asks them to reply if they want to know why."
      />
      <SubmitButton>Record the decision</SubmitButton>
    </>
  );
}
