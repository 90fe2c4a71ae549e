import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { campaignPath } from "~/utils/campaign-paths";
import { requireCampaign } from "~/models/campaign.server";

export const meta: MetaFunction = () => [{ title: "Check your email – Community Sponsorship Awards" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  return { slug: campaign.slug, title: campaign.title };
}

export default function CheckEmail() {
  const { slug, title } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Check your email</h1>
      <div className="panel-box">
        <p>We have sent you a link. Open it to send your letter: nothing goes to your MP until you do.</p>
      </div>
      <p>The link works for 7 days. Nothing arrived after a few minutes? Check your spam folder.</p>
      <p>
        <Link to={campaignPath(slug)}>Back to {title}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
