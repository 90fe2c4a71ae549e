import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignForm } from "~/components/campaign-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice, withNotice } from "~/components/notice";
import { formatAsks } from "~/domain/campaign-admin-forms";
import { getCampaign, slugInUse, updateCampaign } from "~/models/campaign.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { readCampaignForm } from "~/utils/campaign-upload.server";
import { notFound } from "~/utils/responses.server";
import { toLondonInputValue } from "~/domain/time";
import { missingWelshInCampaign } from "~/domain/welsh-content";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? "Campaign"} – Administration – Community Sponsorship Awards` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const campaign = await getCampaign(requireId(params.id, "There is no such campaign."));
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
  const campaign = await getCampaign(requireId(params.id, "There is no such campaign."));
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
  return redirect(withNotice(`/admin/campaigns/${campaign.id}`, "campaign-saved"));
}

export default function EditCampaign() {
  const { campaign, files, missingWelsh } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose">
      <p className="back-link">
        <Link to="/admin/campaigns">All campaigns</Link>
      </p>
      <h1>{campaign.title}</h1>
      <Notice />
      <CampaignForm
        lastResult={actionData?.result}
        fileErrors={actionData?.fileErrors}
        defaultValue={campaign}
        files={files}
        missingWelsh={missingWelsh}
        submitLabel="Save the campaign"
      >
        <p>
          <Link to={`/campaigns/${campaign.slug}`}>See the public page</Link> · <Link to={`/admin/campaigns/${campaign.id}/dashboard`}>Dashboard</Link>
        </p>
      </CampaignForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
