import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLocalisedPath } from "~/components/i18n";
import { campaignState } from "~/domain/campaign";
import { localised } from "~/domain/language";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { listCampaigns } from "~/models/campaign.server";
import { campaignPath } from "~/utils/campaign-paths";

export const handle: I18nHandle = { i18n: ["campaign"] };

export const meta: MetaFunction = ({ location }) => {
  const t = translatorFor(location.pathname, "campaign");
  return [{ title: titleFor(location.pathname, t("list.title")) }, { name: "description", content: t("list.lead") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const now = new Date();
  const campaigns = await listCampaigns();
  return {
    campaigns: campaigns
      .filter((c) => campaignState(c, now) !== "not_open")
      .map((c) => ({
        slug: c.slug,
        title: localised(c.title, c.titleCy, language),
        summary: localised(c.summary, c.summaryCy, language),
        open: campaignState(c, now) === "open",
      })),
  };
}

export default function Campaigns() {
  const { campaigns } = useLoaderData<typeof loader>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.lead")}</p>
      {campaigns.length === 0 ? <p>{t("list.none")}</p> : null}
      {campaigns.map((c) => (
        <section key={c.slug}>
          <h2>
            <Link to={path(campaignPath(c.slug))}>
              <InLanguage text={c.title} />
            </Link>
          </h2>
          <InLanguage as="p" text={c.summary} />
          {c.open ? null : <p className="caption">{t("list.closed")}</p>}
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
