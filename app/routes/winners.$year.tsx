import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguage, useLocalisedPath } from "~/components/i18n";
import { PeoplesChoiceForCategory } from "~/components/peoples-choice";
import { PublicResultsView, categoryName, publicResultsMeta } from "~/components/public-results";
import { languageOfPath, localisedPath } from "~/domain/language-paths";
import type { I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { getPublicPeoplesChoice } from "~/models/peoples-choice.server";
import { publicHeaders } from "~/models/public-pages.server";
import { getPublicResults } from "~/models/public-results.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/responses.server";
import { requireId } from "~/utils/params.server";

export const handle: I18nHandle = { i18n: ["results"] };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const year = requireId(params.year);
  const now = new Date();
  const results = await getPublicResults(year, now);
  // Before its time, a year's results do not exist as far as the public can tell.
  if (!results) notFound("There are no published results for that year.");
  // People's Choice: a link while a vote is open, counts only once the winners are public.
  const peoplesChoice = await getPublicPeoplesChoice(year, now);
  return data(
    { results, peoplesChoice: peoplesChoice.categories, url: `${getEnv().APP_URL}${localisedPath(`/winners/${year}`, languageOf(request))}` },
    { headers: await publicHeaders(peoplesChoice.moments, now) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  publicResultsMeta(data?.results, data?.url ?? "", languageOfPath(location.pathname));

export default function WinnersYear() {
  const { results, peoplesChoice } = useLoaderData<typeof loader>();
  const { t } = useTranslation("results");
  const common = useTranslation("common").t;
  const language = useLanguage();
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <p className="caption">{common("siteName")}</p>
      <h1>{results.stage === "winners" ? t("winnersYear", { year: results.year }) : t("shortlistYear", { year: results.year })}</h1>
      {results.stage === "shortlist" ? <p className="lead">{t("shortlistLead")}</p> : <p className="lead">{t("winnersLead")}</p>}
      <PublicResultsView
        results={results}
        after={(c) => <PeoplesChoiceForCategory summary={peoplesChoice[c.slug]} category={categoryName(c, language)} />}
      />
      <p>
        <Link to={path("/archive")}>{t("pastYears")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
