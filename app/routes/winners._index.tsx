import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { PublicResultsView, publicResultsMeta } from "~/components/public-results";
import { languageOfPath, localisedPath } from "~/domain/language-paths";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { publicHeaders } from "~/models/public-pages.server";
import { getPublicResults, listPublicYears } from "~/models/public-results.server";
import { getEnv } from "~/utils/env.server";

export const handle: I18nHandle = { i18n: ["results"] };

/** The latest year with published winners (or, failing that, a published shortlist). */
export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const years = await listPublicYears(now);
  const latest = years.find((y) => y.stage === "winners") ?? years[0];
  const results = latest ? await getPublicResults(latest.year, now) : null;
  return data(
    { results, url: `${getEnv().APP_URL}${localisedPath("/winners", languageOf(request))}`, years: years.map((y) => ({ year: y.year, stage: y.stage })) },
    { headers: await publicHeaders([], now) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data?.results
    ? publicResultsMeta(data.results, data.url, languageOfPath(location.pathname))
    : [{ title: titleFor(location.pathname, translatorFor(location.pathname, "results")("winners")) }];

export default function Winners() {
  const { results, years } = useLoaderData<typeof loader>();
  const { t } = useTranslation("results");
  const path = useLocalisedPath();
  if (!results) {
    return (
      <div className="prose">
        <h1>{t("winners")}</h1>
        <p>{t("noneYet")}</p>
      </div>
    );
  }
  return (
    <div className="prose">
      <p className="caption">{t("captionYear", { year: results.year })}</p>
      <h1>{results.stage === "winners" ? t("winnersYear", { year: results.year }) : t("shortlistYear", { year: results.year })}</h1>
      <PublicResultsView results={results} />
      {years.length > 1 ? (
        <>
          <h2>{t("pastYears")}</h2>
          <ul>
            {years
              .filter((y) => y.year !== results.year)
              .map((y) => (
                <li key={y.year}>
                  <Link to={path(`/winners/${y.year}`)}>{y.year}</Link>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={path("/archive")}>{t("archiveLink")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
