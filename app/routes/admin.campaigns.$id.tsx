import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CampaignFields } from "~/components/campaign-admin";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { campaignSchema, formatAsks } from "~/domain/campaign-admin-forms";
import { parseId } from "~/domain/ids";
import { getCampaign, slugInUse, updateCampaign } from "~/models/campaign.server";
import { requireAdmin } from "~/utils/auth.server";
import { readCampaignForm } from "~/utils/campaign-upload.server";
import { notFound } from "~/utils/responses.server";
import { toLondonInputValue } from "~/domain/time";
import { missingWelshInCampaign } from "~/domain/welsh-content";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? "Campaign"} – Administration – Community Sponsorship Awards` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const campaign = await getCampaign(parseId(params.id) ?? 0);
  if (!campaign) notFound("There is no such campaign.");
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      slug: campaign.slug,
      summary: campaign.summary,
      asks: formatAsks(campaign.asks),
      letterGuidance: campaign.letterGuidance,
      briefing: campaign.briefing,
      signedFormsTo: campaign.signedFormsTo,
      opensAt: toLondonInputValue(campaign.opensAt),
      closesAt: toLondonInputValue(campaign.closesAt),
      titleCy: campaign.titleCy ?? "",
      summaryCy: campaign.summaryCy ?? "",
      asksCy: campaign.asksCy ? formatAsks(campaign.asksCy) : "",
      letterGuidanceCy: campaign.letterGuidanceCy ?? "",
      briefingCy: campaign.briefingCy ?? "",
    },
    missingWelsh: missingWelshInCampaign({
      title: campaign.title,
      titleCy: campaign.titleCy,
      summary: campaign.summary,
      summaryCy: campaign.summaryCy,
      asks: formatAsks(campaign.asks),
      asksCy: campaign.asksCy ? formatAsks(campaign.asksCy) : null,
      letterGuidance: campaign.letterGuidance,
      letterGuidanceCy: campaign.letterGuidanceCy,
      briefing: campaign.briefing,
      briefingCy: campaign.briefingCy,
    }),
    files: { commitmentForm: campaign.commitmentFormName, briefingPdf: campaign.briefingPdfName },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const campaign = await getCampaign(parseId(params.id) ?? 0);
  if (!campaign) notFound("There is no such campaign.");
  const form = await readCampaignForm(request);
  const { submission, values, fileErrors } = form;
  if (!values || Object.keys(fileErrors).length) {
    return data({ result: submission.reply(), fileErrors }, { status: form.tooLarge ? 413 : 400 });
  }
  if (await slugInUse(values.slug, campaign.id)) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["Another campaign already uses that web address"] } }), fileErrors }, { status: 400 });
  }
  await updateCampaign(campaign.id, values, form.files, user);
  return redirect(`/admin/campaigns/${campaign.id}?saved=1`);
}

export default function EditCampaign() {
  const { campaign, files, missingWelsh } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "campaign",
    lastResult: actionData?.result,
    defaultValue: campaign,
    constraint: getZodConstraint(campaignSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const fileErrors = actionData?.fileErrors ?? {};
  return (
    <div className="prose">
      <p className="back-link">
        <Link to="/admin/campaigns">All campaigns</Link>
      </p>
      <h1>{campaign.title}</h1>
      {params.get("saved") ? (
        <div className="notice" role="status">
          <p>The campaign has been saved.</p>
        </div>
      ) : null}
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>See the public page</Link> · <Link to={`/admin/campaigns/${campaign.id}/dashboard`}>Dashboard</Link>
      </p>
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
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <CampaignFields fields={fields} files={{ ...files, errors: fileErrors }} />
        <SubmitButton>Save the campaign</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
