import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { campaignState } from "~/domain/campaign";
import { listCampaigns } from "~/models/campaign.server";
import { campaignPath } from "~/utils/campaign-paths";

export const meta: MetaFunction = () => [{ title: "Campaigns – Community Sponsorship Awards" }];

export async function loader() {
  const now = new Date();
  const campaigns = await listCampaigns();
  return {
    campaigns: campaigns
      .filter((c) => campaignState(c, now) !== "not_open")
      .map((c) => ({ slug: c.slug, title: c.title, summary: c.summary, open: campaignState(c, now) === "open" })),
  };
}

export default function Campaigns() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Campaigns</h1>
      <p className="lead">Help protect and grow community sponsorship: find your MP, write to them in your own words, and meet them.</p>
      {campaigns.length === 0 ? <p>There are no campaigns at the moment.</p> : null}
      {campaigns.map((c) => (
        <section key={c.slug}>
          <h2>
            <Link to={campaignPath(c.slug)}>{c.title}</Link>
          </h2>
          <p>{c.summary}</p>
          {c.open ? null : <p className="caption">This campaign has closed.</p>}
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
