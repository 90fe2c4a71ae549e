import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AskList, StepHeading } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SubmitButton } from "~/components/forms";
import { closedCampaignMessage } from "~/utils/campaign-journey.server";
import { requireCampaign } from "~/models/campaign.server";
import { formPath, meetPath, writePath } from "~/utils/campaign-paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.campaign.title ?? "Campaign"} – Community Sponsorship Awards` },
  { name: "description", content: data?.campaign.summary ?? "Lobby your MP in three steps." },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  return {
    campaign: { slug: campaign.slug, title: campaign.title, summary: campaign.summary, asks: campaign.asks },
    closed: closedCampaignMessage(campaign),
  };
}

/** The campaign's three steps on one page; each step's link or form works without JavaScript. */
export default function CampaignPage() {
  const { campaign, closed } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <span className="caption">Campaign</span>
      <h1>{campaign.title}</h1>
      <p className="lead">{campaign.summary}</p>
      <h2>What we are asking MPs to do</h2>
      <AskList asks={campaign.asks} />
      <p>Lobby your MP in three steps.</p>

      <StepHeading number={1}>Download the commitment form</StepHeading>
      <p>
        Your MP can sign this form to commit to the asks. <a href={formPath(campaign.slug)}>Download the commitment form (PDF)</a>.
        Once you have found your MP in step 2, you can download it with their name and constituency filled in.
      </p>

      <StepHeading number={2}>Write to your MP</StepHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : (
        <>
          <p>Enter your postcode to find your MP. Then write to them, in your own words, asking to meet a delegation of local leaders.</p>
          <Form method="get" action={writePath(campaign.slug)} className="narrow">
            <Field label="Your postcode" hint="For example, SW1A 1AA" inputProps={{ id: "postcode", name: "postcode", type: "text", autoComplete: "postal-code", spellCheck: false, className: "input--10" }} />
            <SubmitButton>Find my MP</SubmitButton>
          </Form>
        </>
      )}

      <StepHeading number={3}>Meet your MP</StepHeading>
      <p>
        When your MP agrees to meet, take the briefing with you. <Link to={meetPath(campaign.slug)}>Read the briefing and tell us how it went</Link>.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
