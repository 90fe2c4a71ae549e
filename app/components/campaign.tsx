/** UI pieces for the public campaign pages: the steps, the asks, the MP's card, and the dashboard's chart. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import type { BarChart, LocalisedAsks } from "~/domain/campaign";
import { HTML_LANG, type Language, type LocalisedText } from "~/domain/language";
import { InLanguage, useLanguage } from "./i18n";

export function StepHeading({ number, children }: { number: 1 | 2 | 3; children: ReactNode }) {
  const { t } = useTranslation("campaign");
  return (
    <h2 className="campaign-step__heading">
      <span className="caption">{t("step", { number })}</span> {children}
    </h2>
  );
}

/** Wraps text an administrator wrote in its own language when it is not the page's (the Welsh is still missing). */
function InOwnLanguage({ language, children }: { language: Language; children: ReactNode }) {
  const page = useLanguage();
  return language === page ? <>{children}</> : <div lang={HTML_LANG[language]}>{children}</div>;
}

/** An administrator's text, one paragraph per blank-line-separated block. */
export function Paragraphs({ text }: { text: LocalisedText }) {
  return (
    <InOwnLanguage language={text.language}>
      {text.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </InOwnLanguage>
  );
}

/** The campaign's asks in the page's language, or in English (marked as English) while their Welsh is missing. */
export function AskList({ asks }: { asks: LocalisedAsks }) {
  return (
    <InOwnLanguage language={asks.language}>
      <ol className="campaign-asks">
        {asks.asks.map((ask) => (
          <li key={ask.title}>
            <strong>{ask.title}</strong>
            {ask.body ? <p>{ask.body}</p> : null}
          </li>
        ))}
      </ol>
    </InOwnLanguage>
  );
}

export function MpCard({ mp }: { mp: { name: string; party: string; constituency: string; photoUrl: string | null } }) {
  const { t } = useTranslation("campaign");
  return (
    <div className="panel-box mp-card">
      {mp.photoUrl ? <img src={mp.photoUrl} alt="" width={80} height={80} className="mp-card__photo" /> : null}
      <p>
        <Trans
          t={t}
          i18nKey="mp.card"
          values={{ name: mp.name, party: mp.party ? ` (${mp.party})` : "", constituency: mp.constituency }}
          components={{ strong: <strong /> }}
        />
      </p>
    </div>
  );
}

/** "Back to <the campaign>", the campaign's title marked with its own language. */
export function BackTo({ to, title }: { to: string; title: LocalisedText }) {
  const { t } = useTranslation("campaign");
  return (
    <Link to={to}>
      <Trans t={t} i18nKey="back" values={{ campaign: title.text }} components={{ campaign: <InLanguage text={title} /> }} />
    </Link>
  );
}

export function ConstituencyChart({ chart }: { chart: BarChart }) {
  return (
    <svg width={chart.width} height={chart.height} viewBox={chart.viewBox} role="img" aria-label={chart.label} className="campaign-chart">
      <title>{chart.label}</title>
      {chart.bars.map((bar) => (
        <g key={bar.title}>
          <title>{bar.title}</title>
          <text x={0} y={bar.labelY} className="campaign-chart__label">
            {bar.label}
          </text>
          <rect x={chart.labelWidth} y={bar.y} width={bar.sentWidth} height={18} className="campaign-chart__sent" />
          <rect x={chart.labelWidth + bar.sentWidth} y={bar.y} width={bar.awaitingWidth} height={18} className="campaign-chart__awaiting" />
        </g>
      ))}
    </svg>
  );
}
