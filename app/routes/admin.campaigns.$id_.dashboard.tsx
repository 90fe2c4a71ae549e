import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConstituencyChart } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { constituencyBarChart, formatRate } from "~/domain/campaign";
import { campaignDashboard, getCampaign } from "~/models/campaign.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Dashboard: ${data?.campaign.title ?? "Campaign"} – Administration – Community Sponsorship Awards` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const campaign = await getCampaign(requireId(params.id, "There is no such campaign."));
  if (!campaign) notFound("There is no such campaign.");
  const dashboard = await campaignDashboard(campaign.id);
  return {
    campaign: { id: campaign.id, title: campaign.title },
    ...dashboard,
    chart: constituencyBarChart(dashboard.rows),
    replyRate: formatRate(dashboard.rates.replyRate),
    commitmentRate: formatRate(dashboard.rates.commitmentRate),
  };
}

export default function CampaignDashboard() {
  const { campaign, rows, rates, chart, replyRate, commitmentRate, feedback } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <p className="back-link">
        <Link to={`/admin/campaigns/${campaign.id}`}>Back to {campaign.title}</Link>
      </p>
      <h1>Dashboard: {campaign.title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Letters sent</dt>
          <dd>{rates.sent}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Awaiting the sender&rsquo;s confirmation</dt>
          <dd>{rates.awaiting}</dd>
        </div>
        <div className="summary-list__row">
          <dt>MPs who replied</dt>
          <dd>
            {replyRate} <span className="caption">of senders who answered the follow-up ({rates.answered})</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>MPs who signed the commitment</dt>
          <dd>{commitmentRate}</dd>
        </div>
        <div className="summary-list__row">
          <dt>&ldquo;Tell us how it went&rdquo;</dt>
          <dd>
            {feedback.total} answers: {feedback.met} met their MP, {feedback.signed} signed
          </dd>
        </div>
      </dl>
      <p>
        <a href={`/admin/campaigns/${campaign.id}/export`} download>
          Download the letters as a spreadsheet (CSV)
        </a>
      </p>
      <h2>By constituency</h2>
      {rows.length === 0 ? (
        <p>No letters yet.</p>
      ) : (
        <>
          <ConstituencyChart chart={chart} />
          <p className="caption">Dark: sent. Light: awaiting the sender&rsquo;s confirmation.</p>
          <div className="table-scroll" role="region" aria-label="Letters by constituency" tabIndex={0}>
            <table className="table">
              <caption>Letters by constituency</caption>
              <thead>
                <tr>
                  <th scope="col">Constituency</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Awaiting confirmation</th>
                  <th scope="col">MP replied</th>
                  <th scope="col">MP signed</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.constituency}>
                    <th scope="row">{r.constituency}</th>
                    <td>{r.sent}</td>
                    <td>{r.awaiting}</td>
                    <td>{r.replied}</td>
                    <td>{r.signed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
