import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { InLanguage, useLanguage } from "~/components/i18n";
import { localised, type Language } from "~/domain/language";
import { translator } from "~/i18n";
import type { PublicEntry, PublicResults } from "~/models/public-results.server";

function Entry({ entry }: { entry: PublicEntry }) {
  const language = useLanguage();
  const where = [entry.organisation !== entry.name ? entry.organisation : null, entry.area].filter(Boolean).join(", ");
  // The naming rule ran for both languages: a Welsh citation is cleaned like the English one.
  const name = language === "cy" ? entry.nameCy : entry.name;
  const citation = entry.citation ? localised(entry.citation, entry.citationCy, language) : null;
  return (
    <>
      <span className="result__name">{name}</span>
      {where ? <span className="result__where">{where}</span> : null}
      {citation ? (
        <blockquote className="result__citation" lang={citation.language === language ? undefined : "en-GB"}>
          {citation.text}
        </blockquote>
      ) : null}
    </>
  );
}

/** A category's name in the page's language (the English, marked as English, where no Welsh is written). */
export function categoryName(category: { name: string; nameCy: string | null }, language: Language) {
  return localised(category.name, category.nameCy, language);
}

/** A year's public results: the winners and highly commended, or, before them, the shortlist. */
export function PublicResultsView({ results, after }: { results: PublicResults; after?: (category: PublicResults["categories"][number]) => ReactNode }) {
  const { t } = useTranslation("results");
  const language = useLanguage();
  return (
    <>
      {results.categories.map((category) => (
        <section key={category.slug} className="result-category" aria-labelledby={`cat-${category.slug}`}>
          <h2 id={`cat-${category.slug}`}>
            <InLanguage text={categoryName(category, language)} />
          </h2>
          {category.sponsor ? <InLanguage as="p" className="muted" text={localised(category.sponsor, category.sponsorCy, language)} /> : null}
          {results.stage === "winners" ? (
            <>
              <h3 className="result-heading">{category.winners.length > 1 ? t("jointWinners") : t("winner")}</h3>
              <ul className="result-list result-list--winners">
                {category.winners.map((entry, i) => (
                  <li key={`${i}-${entry.name}`} className="result result--winner">
                    <Entry entry={entry} />
                  </li>
                ))}
              </ul>
              {category.highlyCommended.length ? (
                <>
                  <h3 className="result-heading">{t("highlyCommended")}</h3>
                  <ul className="result-list">
                    {category.highlyCommended.map((entry, i) => (
                      <li key={`${i}-${entry.name}`} className="result">
                        <Entry entry={entry} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <>
              <h3 className="result-heading">{t("shortlist")}</h3>
              <ul className="result-list">
                {category.shortlist.map((entry, i) => (
                  <li key={`${i}-${entry.name}`} className="result">
                    <Entry entry={entry} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {after?.(category)}
        </section>
      ))}
    </>
  );
}

/** The share preview names the winners, as the page does: only the names the naming rule let out. */
function sharedNames(results: PublicResults, language: Language): string {
  const winners = results.categories.flatMap((c) =>
    c.winners.map((w) => `${categoryName(c, language).text}: ${language === "cy" ? w.nameCy : w.name}`),
  );
  return winners.length ? ` ${winners.join("; ")}.` : "";
}

export function publicResultsMeta(results: PublicResults | null | undefined, url: string, language: Language) {
  const t = translator(language, "results");
  const siteName = translator(language, "common")("siteName");
  if (!results) return [{ title: `${t("notPublished")} – ${siteName}` }, { name: "robots", content: "noindex" }];
  const title = t("metaTitle", { stage: results.stage === "winners" ? t("winners") : t("shortlist"), year: results.year });
  const description =
    results.stage === "winners"
      ? `${t("winnersDescription", { year: results.year })}${sharedNames(results, language)}`
      : t("shortlistDescription", { year: results.year });
  return [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:image", content: `${new URL(url).origin}/og-image.png` },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
  ];
}
