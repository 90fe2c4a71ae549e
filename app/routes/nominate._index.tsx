import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Trans, useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLocalisedPath } from "~/components/i18n";
import { localised } from "~/domain/language";
import { nomineeTypesIn, titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { canChangeNominations } from "~/domain/nomination";
import { effectivePhase } from "~/domain/phases";
import { getCurrentCycle, listActiveCategories } from "~/models/cycle.server";
import { cycleMoments } from "~/domain/public-cache";
import { publicHeaders } from "~/models/public-pages.server";
import { formatLondon, isoString } from "~/domain/time";

export const handle: I18nHandle = { i18n: ["nomination"] };

export const meta: MetaFunction = ({ location }) => {
  const t = translatorFor(location.pathname, "nomination");
  return [{ title: titleFor(location.pathname, t("index.title")) }, { name: "description", content: t("index.description") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const now = new Date();
  const cycle = await getCurrentCycle();
  if (!cycle) return data({ cycle: null, open: false, opensLater: null, categories: [] }, { headers: await publicHeaders([], now) });
  const open = canChangeNominations(cycle, now);
  const categories = open ? await listActiveCategories(cycle.id) : [];
  return data({
    cycle: {
      name: localised(cycle.name, cycle.nameCy, language),
      closes: formatLondon(cycle.nominationsCloseAt, language),
      closesIso: isoString(cycle.nominationsCloseAt),
    },
    open,
    opensLater:
      effectivePhase(cycle, now) === "draft" && cycle.nominationsOpenAt && cycle.nominationsOpenAt > now
        ? { text: formatLondon(cycle.nominationsOpenAt, language), iso: isoString(cycle.nominationsOpenAt) }
        : null,
    categories: categories.map((c) => ({
      slug: c.slug,
      name: localised(c.name, c.nameCy, language),
      description: localised(c.description, c.descriptionCy, language),
      eligibility: localised(c.eligibility, c.eligibilityCy, language),
      nominees: nomineeTypesIn(c.nomineeTypes, language),
      sponsor: c.sponsor ? localised(c.sponsor, c.sponsorCy, language) : null,
    })),
  }, { headers: await publicHeaders(cycleMoments(cycle), now) });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export default function NominateIndex() {
  const { cycle, open, opensLater, categories } = useLoaderData<typeof loader>();
  const { t } = useTranslation("nomination");
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{t("index.heading")}</h1>
      {!open || !cycle ? (
        <div className="panel-box">
          <p>
            <strong>{t("index.closed")}</strong>{" "}
            {opensLater ? (
              <Trans t={t} i18nKey="index.opensOn" values={{ date: opensLater.text }} components={{ time: <time dateTime={opensLater.iso} /> }} />
            ) : (
              t("index.nextAwards")
            )}
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t("index.lead")}</p>
          <div className="panel-box">
            <p>
              <Trans
                t={t}
                i18nKey="index.closesOn"
                values={{ cycle: cycle.name.text, date: cycle.closes }}
                components={{ name: <InLanguage text={cycle.name} />, time: <time dateTime={cycle.closesIso} /> }}
              />
            </p>
          </div>
          <h2>{t("index.openNow")}</h2>
          <ul className="card-list nomination-categories">
            {categories.map((category) => (
              <li key={category.slug} className="card">
                <h3 className="card__title">
                  <Link to={path(`/nominate/${category.slug}`)}>
                    <InLanguage text={category.name} />
                  </Link>
                </h3>
                <InLanguage as="p" text={category.description} />
                <p>
                  <strong>{t("index.whoCanBeNominated")}</strong> {category.nominees}.
                </p>
                <p>
                  <strong>{t("index.eligibility")}</strong> <InLanguage text={category.eligibility} />
                </p>
                {category.sponsor ? (
                  <p className="card__meta">
                    <InLanguage text={category.sponsor} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Trans t={t} i18nKey="index.privacy" components={{ privacy: <Link to={path("/privacy")} /> }} />
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
