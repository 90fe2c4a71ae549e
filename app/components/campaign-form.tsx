/** The admin's campaign form, the same for a new campaign and an existing one, English and Welsh side by side. */
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { campaignSchema } from "~/domain/campaign-admin-forms";
import { CampaignFields } from "./campaign-admin";
import { ErrorSummary, SubmitButton, summariseErrors } from "./forms";
import { useSchemaForm } from "./schema-form";

type FileErrors = Record<string, string[] | undefined>;
type Fields = Parameters<typeof CampaignFields>[0]["fields"];

export function CampaignForm({
  lastResult,
  fileErrors = {},
  defaultValue,
  files = { commitmentForm: null, briefingPdf: null },
  missingWelsh,
  submitLabel,
  children,
}: {
  lastResult?: SubmissionResult<string[]>;
  fileErrors?: FileErrors;
  defaultValue?: Record<string, unknown>;
  files?: { commitmentForm: string | null; briefingPdf: string | null };
  /** For an existing campaign: what the Welsh pages still show in English. */
  missingWelsh?: Array<{ field: string; what: string }>;
  submitLabel: string;
  /** Shown before the summary of problems. */
  children?: ReactNode;
}) {
  const [form, rawFields] = useSchemaForm({ id: "campaign", schema: campaignSchema, lastResult, defaultValue });
  const fields = rawFields as unknown as Fields;
  return (
    <>
      {children}
      <ErrorSummary
        errors={[
          ...summariseErrors(form, [
            fields.title,
            fields.titleCy,
            fields.slug,
            fields.summary,
            fields.summaryCy,
            fields.asks,
            fields.asksCy,
            fields.letterGuidance,
            fields.letterGuidanceCy,
            fields.briefing,
            fields.briefingCy,
            fields.signedFormsTo,
            fields.opensAt,
            fields.closesAt,
          ]),
          ...Object.entries(fileErrors).map(([fieldId, m]) => ({ fieldId, message: m?.[0] ?? "" })),
        ]}
      />
      {missingWelsh ? (
        <section aria-labelledby="welsh">
          <h2 id="welsh">Welsh still to write</h2>
          {missingWelsh.length === 0 ? (
            <p>Everything the public sees of this campaign is written in Welsh too.</p>
          ) : (
            <>
              <p>Welsh pages show these in English, marked as English, until their Welsh is written:</p>
              <ul id="welsh-missing">
                {missingWelsh.map((m) => (
                  <li key={m.field}>
                    <a href={`#${fields[m.field as "titleCy"].id}`}>{m.what}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <CampaignFields fields={fields} files={{ ...files, errors: fileErrors }} />
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
