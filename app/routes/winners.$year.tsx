import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PeoplesChoiceForCategory } from "~/components/peoples-choice";
import { PublicResultsView, publicResultsMeta } from "~/components/public-results";
import { getPublicPeoplesChoice } from "~/models/peoples-choice.server";
import { publicHeaders } from "~/models/public-pages.server";
import { getPublicResults } from "~/models/results.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const year = Number(params.year);
  if (!/^\d{4}$/.test(params.year ?? "")) notFound();
  const now = new Date();
  const results = await getPublicResults(year, now);
  // Before its time, a year's results do not exist as far as the public can tell.
  if (!results) notFound("There are no published results for that year.");
  // People's Choice: a link while a vote is open, counts only once the winners are public.
  const peoplesChoice = await getPublicPeoplesChoice(year, now);
  return data(
    { results, peoplesChoice: peoplesChoice.categories, url: `${getEnv().APP_URL}/winners/${year}` },
    { headers: await publicHeaders(peoplesChoice.moments, now) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export const meta: MetaFunction<typeof loader> = ({ data }) => publicResultsMeta(data?.results, data?.url ?? "");

export default function WinnersYear() {
  const { results, peoplesChoice } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <p className="caption">Community Sponsorship Awards</p>
      <h1>
        {results.stage === "winners" ? "Winners" : "Shortlist"} {results.year}
      </h1>
      {results.stage === "shortlist" ? (
        <p className="lead">The judges have chosen this year&apos;s shortlist. The winners will be announced soon.</p>
      ) : (
        <p className="lead">Congratulations to every winner and highly commended nominee, and thank you to all who took part.</p>
      )}
      <PublicResultsView results={results} after={(c) => <PeoplesChoiceForCategory summary={peoplesChoice[c.slug]} category={c.name} />} />
      <p>
        <Link to="/archive">Past years</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
