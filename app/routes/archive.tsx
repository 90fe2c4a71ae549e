import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage, useLocalisedPath } from "~/components/i18n";
import { categoryName } from "~/components/public-results";
import { localisedPath } from "~/domain/language-paths";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { publicHeaders } from "~/models/public-pages.server";
import { getPublicResults, listPublicYears } from "~/models/public-results.server";
import { getEnv } from "~/utils/env.server";

export const handle: I18nHandle = { i18n: ["results"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "results");
  const title = titleFor(location.pathname, t("archive.metaTitle"));
  const description = t("archive.description");
  return [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: `${data?.origin ?? ""}${data?.path ?? "/archive"}` },
    { property: "og:image", content: `${data?.origin ?? ""}/og-image.png` },
  ];
};

/** Every year with published winners, each with its winners by category. */
export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const years = (await listPublicYears(now)).filter((y) => y.stage === "winners");
  const summaries = [];
  for (const y of years) {
    const results = await getPublicResults(y.year, now);
    if (!results) continue;
    summaries.push({
      year: y.year,
      categories: results.categories.map((c) => ({
        name: c.name,
        nameCy: c.nameCy,
        winners: c.winners.map((w) => w.name),
        winnersCy: c.winners.map((w) => w.nameCy),
      })),
    });
  }
  return data(
    { years: summaries, origin: getEnv().APP_URL, path: localisedPath("/archive", languageOf(request)) },
    { headers: await publicHeaders([], now) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store",
});

/** Names joined with "a", or "ac" before a vowel ("Amira ac Owain", "Owain a Siân"). */
function joinWelsh(names: string[]): string {
  return names.reduce((text, name, i) => (i === 0 ? name : `${text} ${/^[aeiouwyâêîôûŵŷ]/i.test(name) ? "ac" : "a"} ${name}`), "");
}

export default function Archive() {
  const { years } = useLoaderData<typeof loader>();
  const { t } = useTranslation("results", { keyPrefix: "archive" });
  const language = useLanguage();
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{t("title")}</h1>
      {years.length === 0 ? <p>{t("none")}</p> : null}
      {years.map((y) => (
        <section key={y.year} aria-labelledby={`year-${y.year}`}>
          <h2 id={`year-${y.year}`}>
            <Link to={path(`/winners/${y.year}`)}>{y.year}</Link>
          </h2>
          <dl className="summary-list">
            {y.categories.map((c) => (
              <div className="summary-list__row" key={c.name}>
                <dt>
                  <InLanguage text={categoryName(c, language)} />
                </dt>
                <dd>{(language === "cy" ? joinWelsh(c.winnersCy) : c.winners.join(" and ")) || "–"}</dd>
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
