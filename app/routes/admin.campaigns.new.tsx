import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CampaignForm } from "~/components/campaign-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { withNotice } from "~/components/notice";
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
  return redirect(withNotice(`/admin/campaigns/${id}`, "campaign-saved"));
}

export default function NewCampaign() {
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose">
      <h1>Add a campaign</h1>
      <CampaignForm lastResult={actionData?.result} fileErrors={actionData?.fileErrors} submitLabel="Add the campaign" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
