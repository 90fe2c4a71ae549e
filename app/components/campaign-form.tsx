/** The admin's campaign form, the same for a new campaign and an existing one. */
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { campaignSchema } from "~/domain/campaign-forms";
import { CampaignFields } from "./campaign";
import { ErrorSummary, SubmitButton, summariseErrors, useSchemaForm } from "./forms";

type FileErrors = Record<string, string[] | undefined>;

export function CampaignForm({
  lastResult,
  fileErrors = {},
  defaultValue,
  files = { commitmentForm: null, briefingPdf: null },
  submitLabel,
  children,
}: {
  lastResult?: SubmissionResult<string[]>;
  fileErrors?: FileErrors;
  defaultValue?: Record<string, unknown>;
  files?: { commitmentForm: string | null; briefingPdf: string | null };
  submitLabel: string;
  /** Shown between the summary of problems and the form. */
  children?: ReactNode;
}) {
  const [form, fields] = useSchemaForm({ id: "campaign", schema: campaignSchema, lastResult, defaultValue });
  return (
    <>
      {children}
      <ErrorSummary
        errors={[
          ...summariseErrors(form, [fields.title, fields.slug, fields.summary, fields.asks, fields.letterGuidance, fields.briefing, fields.signedFormsTo, fields.opensAt, fields.closesAt]),
          ...Object.entries(fileErrors).map(([fieldId, m]) => ({ fieldId, message: m?.[0] ?? "" })),
        ]}
      />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <CampaignFields fields={fields as Parameters<typeof CampaignFields>[0]["fields"]} files={{ ...files, errors: fileErrors }} />
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
