import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { campaignState } from "~/domain/campaign";
import { listCampaigns } from "~/models/campaign.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatLondon } from "~/domain/time";

export const meta: MetaFunction = () => [{ title: "Campaigns – Administration – Community Sponsorship Awards" }];

const STATE_LABELS = { not_open: "Not open yet", open: "Open", closed: "Closed" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const now = new Date();
  const campaigns = await listCampaigns();
  return {
    campaigns: campaigns.map((c) => ({ id: c.id, slug: c.slug, title: c.title, state: STATE_LABELS[campaignState(c, now)], closes: c.closesAt ? formatLondon(c.closesAt) : "No closing date" })),
  };
}

export default function AdminCampaigns() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <h1>Campaigns</h1>
      <p>
        <Link to="/admin/campaigns/new" className="button">
          Add a campaign
        </Link>{" "}
        <Link to="/admin/campaigns/directory">The MP directory</Link>
      </p>
      {campaigns.length === 0 ? (
        <p>There are no campaigns yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Campaigns</caption>
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">State</th>
              <th scope="col">Closes</th>
              <th scope="col">Letters</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/campaigns/${c.id}`}>{c.title}</Link> <span className="caption">/campaigns/{c.slug}</span>
                </td>
                <td>{c.state}</td>
                <td>{c.closes}</td>
                <td>
                  <Link to={`/admin/campaigns/${c.id}/dashboard`}>
                    Dashboard<span className="visually-hidden"> for {c.title}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
