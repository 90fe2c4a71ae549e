/** The admin's campaign form: the English and, beside each text the public reads, its Welsh (decision 031). */
import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { WELSH_HINT, welshInput } from "./category-forms";
import { Field, TextareaField } from "./forms";

type CampaignFieldNames =
  | "title"
  | "slug"
  | "summary"
  | "asks"
  | "letterGuidance"
  | "briefing"
  | "signedFormsTo"
  | "opensAt"
  | "closesAt"
  | "titleCy"
  | "summaryCy"
  | "asksCy"
  | "letterGuidanceCy"
  | "briefingCy";

export function CampaignFields({ fields, files }: { fields: Record<CampaignFieldNames, FieldMetadata<string>>; files: { commitmentForm: string | null; briefingPdf: string | null; errors: Record<string, string[] | undefined> } }) {
  return (
    <>
      <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
      <Field label="Title in Welsh (Cymraeg)" hint={WELSH_HINT} errors={fields.titleCy.errors} inputProps={{ ...getInputProps(fields.titleCy, { type: "text" }), ...welshInput }} />
      <Field label="Web address" hint="The page will be at /campaigns/ followed by this, like protect-sponsorship." errors={fields.slug.errors} inputProps={getInputProps(fields.slug, { type: "text" })} />
      <TextareaField label="Summary" errors={fields.summary.errors} textareaProps={{ ...getTextareaProps(fields.summary), rows: 4 }} />
      <TextareaField label="Summary in Welsh (Cymraeg)" errors={fields.summaryCy.errors} textareaProps={{ ...getTextareaProps(fields.summaryCy), rows: 4, ...welshInput }} />
      <TextareaField
        label="The asks"
        hint="One ask per paragraph: its first line is the ask's short title, the lines after it explain it. Leave a blank line between asks."
        errors={fields.asks.errors}
        textareaProps={{ ...getTextareaProps(fields.asks), rows: 10 }}
      />
      <TextareaField
        label="The asks in Welsh (Cymraeg)"
        hint="Written the same way: one ask per paragraph, its title on the first line."
        errors={fields.asksCy.errors}
        textareaProps={{ ...getTextareaProps(fields.asksCy), rows: 10, ...welshInput }}
      />
      <TextareaField label="Guidance for the letter" errors={fields.letterGuidance.errors} textareaProps={{ ...getTextareaProps(fields.letterGuidance), rows: 6 }} />
      <TextareaField label="Guidance for the letter in Welsh (Cymraeg)" errors={fields.letterGuidanceCy.errors} textareaProps={{ ...getTextareaProps(fields.letterGuidanceCy), rows: 6, ...welshInput }} />
      <TextareaField label="Briefing for the meeting" hint="Leave a blank line between paragraphs." errors={fields.briefing.errors} textareaProps={{ ...getTextareaProps(fields.briefing), rows: 10 }} />
      <TextareaField label="Briefing for the meeting in Welsh (Cymraeg)" errors={fields.briefingCy.errors} textareaProps={{ ...getTextareaProps(fields.briefingCy), rows: 10, ...welshInput }} />
      <Field label="Where signed forms should be sent" hint="An email or postal address of the campaign staff." errors={fields.signedFormsTo.errors} inputProps={getInputProps(fields.signedFormsTo, { type: "text" })} />
      <Field label="Opens (UK time)" hint="Leave empty to open now." errors={fields.opensAt.errors} inputProps={getInputProps(fields.opensAt, { type: "datetime-local" })} />
      <Field label="Closes (UK time)" hint="Leave empty to stay open." errors={fields.closesAt.errors} inputProps={getInputProps(fields.closesAt, { type: "datetime-local" })} />
      <Field
        label="Commitment form (PDF)"
        hint={files.commitmentForm ? `Now: ${files.commitmentForm}. Choose a file only to replace it.` : "Optional: without one, supporters get a clean form made from the asks."}
        errors={files.errors.commitmentForm}
        inputProps={{ id: "commitmentForm", name: "commitmentForm", type: "file", accept: ".pdf,application/pdf" }}
      />
      <Field
        label="Briefing (PDF, optional)"
        hint={files.briefingPdf ? `Now: ${files.briefingPdf}. Choose a file only to replace it.` : undefined}
        errors={files.errors.briefingPdf}
        inputProps={{ id: "briefingPdf", name: "briefingPdf", type: "file", accept: ".pdf,application/pdf" }}
      />
      {files.briefingPdf ? (
        <div className="field checkbox">
          <input type="checkbox" id="removeBriefingPdf" name="removeBriefingPdf" value="yes" />
          <label htmlFor="removeBriefingPdf">Remove the briefing PDF</label>
        </div>
      ) : null}
    </>
  );
}
