/** People's Choice on a year's results page: the way to vote while it is open, the counts once the winners are public. */
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { InLanguage, useLocalisedPath } from "~/components/i18n";
import type { LocalisedText } from "~/domain/language";

export type PeoplesChoiceSummary = { open: boolean; votePath: string; counts?: Array<{ name: string; votes: number }> };

export function PeoplesChoiceForCategory({ summary, category }: { summary: PeoplesChoiceSummary | undefined; category: LocalisedText }) {
  const { t } = useTranslation("results", { keyPrefix: "peoplesChoice" });
  const path = useLocalisedPath();
  if (!summary) return null;
  if (summary.counts) {
    const total = summary.counts.reduce((a, c) => a + c.votes, 0);
    return (
      <>
        <h3 className="result-heading">{t("heading")}</h3>
        <p>{t("total", { count: total })}</p>
        <ul className="result-list">
          {summary.counts.map((c) => (
            <li key={c.name} className="result">
              <span className="result__name">{c.name}</span>
              <span className="result__where">{t("votes", { count: c.votes })}</span>
            </li>
          ))}
        </ul>
      </>
    );
  }
  if (!summary.open) return null;
  return (
    <p>
      <Link to={path(summary.votePath)}>
        <Trans t={t} i18nKey="voteIn" values={{ category: category.text }} components={{ category: <InLanguage text={category} /> }} />
      </Link>
    </p>
  );
}
