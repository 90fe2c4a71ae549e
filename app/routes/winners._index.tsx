import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PublicResultsView, publicResultsMeta } from "~/components/public-results";
import { publicHeaders } from "~/models/public-pages.server";
import { getPublicResults, listPublicYears } from "~/models/results.server";
import { getEnv } from "~/utils/env.server";

/** The latest year with published winners (or, failing that, a published shortlist). */
export async function loader() {
  const now = new Date();
  const years = await listPublicYears(now);
  const latest = years.find((y) => y.stage === "winners") ?? years[0];
  const results = latest ? await getPublicResults(latest.year, now) : null;
  return data(
    { results, url: `${getEnv().APP_URL}/winners`, years: years.map((y) => ({ year: y.year, stage: y.stage })) },
    { headers: await publicHeaders([], now) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data?.results ? publicResultsMeta(data.results, data.url) : [{ title: "Winners – Community Sponsorship Awards" }];

export default function Winners() {
  const { results, years } = useLoaderData<typeof loader>();
  if (!results) {
    return (
      <div className="prose">
        <h1>Winners</h1>
        <p>No results have been published yet. The winners are announced at the awards ceremony each autumn.</p>
      </div>
    );
  }
  return (
    <div className="prose">
      <p className="caption">Community Sponsorship Awards {results.year}</p>
      <h1>{results.stage === "winners" ? `Winners ${results.year}` : `Shortlist ${results.year}`}</h1>
      <PublicResultsView results={results} />
      {years.length > 1 ? (
        <>
          <h2>Past years</h2>
          <ul>
            {years
              .filter((y) => y.year !== results.year)
              .map((y) => (
                <li key={y.year}>
                  <Link to={`/winners/${y.year}`}>{y.year}</Link>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to="/archive">The archive of every year</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
