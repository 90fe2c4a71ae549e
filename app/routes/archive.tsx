import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { publicHeaders } from "~/models/public-pages.server";
import { getPublicResults, listPublicYears } from "~/models/results.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title = "Archive of past winners – Community Sponsorship Awards";
  const description = "Every year's winners of the Community Sponsorship Awards.";
  return [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: `${data?.origin ?? ""}/archive` },
    { property: "og:image", content: `${data?.origin ?? ""}/og-image.png` },
  ];
};

/** Every year with published winners, each with its winners by category. */
export async function loader() {
  const now = new Date();
  const years = (await listPublicYears(now)).filter((y) => y.stage === "winners");
  const summaries = [];
  for (const y of years) {
    const results = await getPublicResults(y.year, now);
    if (!results) continue;
    summaries.push({
      year: y.year,
      categories: results.categories.map((c) => ({ name: c.name, winners: c.winners.map((w) => w.name) })),
    });
  }
  return data({ years: summaries, origin: getEnv().APP_URL }, { headers: await publicHeaders([], now) });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export default function Archive() {
  const { years } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Past winners</h1>
      {years.length === 0 ? <p>No winners have been published yet.</p> : null}
      {years.map((y) => (
        <section key={y.year} aria-labelledby={`year-${y.year}`}>
          <h2 id={`year-${y.year}`}>
            <Link to={`/winners/${y.year}`}>{y.year}</Link>
          </h2>
          <dl className="summary-list">
            {y.categories.map((c) => (
              <div className="summary-list__row" key={c.name}>
                <dt>{c.name}</dt>
                <dd>{c.winners.join(" and ") || "–"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
