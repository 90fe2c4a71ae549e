import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { InLanguage, useLocalisedPath } from "~/components/i18n";
import { localised } from "~/domain/language";
import { effectivePhase, nominationsClosedEarly } from "~/domain/phases";
import { translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { getCurrentCycle, listActiveCategories } from "~/models/cycle.server";
import { cycleMoments } from "~/domain/public-cache";
import { publicHeaders } from "~/models/public-pages.server";
import { formatLondon, isoString } from "~/domain/time";

export const handle: I18nHandle = { i18n: ["home"] };

export const meta: MetaFunction = ({ location }) => {
  const t = translatorFor(location.pathname, "home");
  return [{ title: t("title") }, { name: "description", content: t("description") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const now = new Date();
  const cycle = await getCurrentCycle();
  if (!cycle) return data({ cycle: null, categories: [] }, { headers: await publicHeaders([], now) });
  const categories = await listActiveCategories(cycle.id);
  const phase = effectivePhase(cycle, now);
  return data({
    cycle: {
      year: cycle.year,
      name: localised(cycle.name, cycle.nameCy, language),
      phase,
      nominationsOpenAt: isoString(cycle.nominationsOpenAt),
      nominationsCloseAt: isoString(cycle.nominationsCloseAt),
      opens: formatLondon(cycle.nominationsOpenAt, language),
      closes: formatLondon(cycle.nominationsCloseAt, language),
      closedEarly: nominationsClosedEarly(cycle, now),
    },
    categories: categories.map((c) => ({
      slug: c.slug,
      name: localised(c.name, c.nameCy, language),
      description: localised(c.description, c.descriptionCy, language),
      sponsor: c.sponsor ? localised(c.sponsor, c.sponsorCy, language) : null,
    })),
  }, { headers: await publicHeaders(cycleMoments(cycle), now) });
}

// The same for everyone, so a CDN may serve it (never past the cycle's next date).
export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

export default function Home() {
  const { cycle, categories } = useLoaderData<typeof loader>();
  const { t } = useTranslation("home");
  const path = useLocalisedPath();
  if (!cycle) {
    return (
      <div className="prose">
        <h1>{t("title")}</h1>
        <p>{t("notAnnounced")}</p>
      </div>
    );
  }
  const open = cycle.phase === "nominations_open";
  const closes = <time dateTime={cycle.nominationsCloseAt} />;
  return (
    <div className="prose">
      <p className="caption">{t("yearAwards", { year: cycle.year })}</p>
      <h1>
        <InLanguage text={cycle.name} />
      </h1>
      <p className="lead">{t("lead")}</p>
      <div className="panel-box" aria-live="polite">
        <p>
          <strong>{t(`phases.${cycle.phase}`)}.</strong>{" "}
          {open ? (
            <Trans t={t} i18nKey="closesOn" values={{ date: cycle.closes }} components={{ time: closes }} />
          ) : cycle.phase === "draft" ? (
            <Trans t={t} i18nKey="opensOn" values={{ date: cycle.opens }} components={{ time: <time dateTime={cycle.nominationsOpenAt} /> }} />
          ) : null}
        </p>
        {open ? (
          <p>
            <Link to={path("/nominate")} className="button">
              {t("nominateSomeone")}
            </Link>
          </p>
        ) : null}
      </div>
      <h2>{t("lobbyHeading")}</h2>
      <p>
        <Trans t={t} i18nKey="lobby" components={{ campaigns: <Link to={path("/campaigns")} /> }} />
      </p>
      <h2>{t("categories")}</h2>
      <ul className="card-list">
        {categories.map((category) => (
          <li key={category.slug} className="card">
            <h3 className="card__title">
              <InLanguage text={category.name} />
            </h3>
            <InLanguage as="p" text={category.description} />
            {category.sponsor ? <InLanguage as="p" className="card__meta" text={category.sponsor} /> : null}
          </li>
        ))}
      </ul>
      <h2>{t("keyDates")}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("nominationsOpen")}</dt>
          <dd>
            <time dateTime={cycle.nominationsOpenAt}>{cycle.opens}</time>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{cycle.closedEarly ? t("nominationsClosed") : t("nominationsClose")}</dt>
          <dd>
            {cycle.closedEarly ? (
              <Trans t={t} i18nKey="closedEarly" values={{ date: cycle.closes }} components={{ time: closes }} />
            ) : (
              <time dateTime={cycle.nominationsCloseAt}>{cycle.closes}</time>
            )}
          </dd>
        </div>
      </dl>
      <p>
        <Trans t={t} i18nKey="signIn" components={{ login: <Link to={path("/login")} /> }} />
      </p>
    </div>
  );
}
