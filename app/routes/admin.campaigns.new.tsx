import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CampaignFields } from "~/components/campaign-admin";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { campaignSchema } from "~/domain/campaign-admin-forms";
import { createCampaign, slugInUse } from "~/models/campaign.server";
import { requireAdmin } from "~/utils/auth.server";
import { readCampaignForm } from "~/utils/campaign-upload.server";

export const meta: MetaFunction = () => [{ title: "Add a campaign – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const form = await readCampaignForm(request);
  const { submission, values, fileErrors } = form;
  if (!values || Object.keys(fileErrors).length) {
    return data({ result: submission.reply(), fileErrors }, { status: form.tooLarge ? 413 : 400 });
  }
  if (await slugInUse(values.slug)) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["Another campaign already uses that web address"] } }), fileErrors }, { status: 400 });
  }
  const id = await createCampaign(values, form.files, user);
  return redirect(`/admin/campaigns/${id}?saved=1`);
}

export default function NewCampaign() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "campaign",
    lastResult: actionData?.result,
    constraint: getZodConstraint(campaignSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const fileErrors = actionData?.fileErrors ?? {};
  return (
    <div className="prose">
      <h1>Add a campaign</h1>
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
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <CampaignFields fields={fields} files={{ commitmentForm: null, briefingPdf: null, errors: fileErrors }} />
        <SubmitButton>Add the campaign</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
