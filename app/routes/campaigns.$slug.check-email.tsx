import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackTo } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { localised } from "~/domain/language";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { campaignPath } from "~/utils/campaign-paths";
import { requireCampaign } from "~/models/campaign.server";

export const handle: I18nHandle = { i18n: ["campaign"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "campaign")("checkEmail.title")) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  return { slug: campaign.slug, title: localised(campaign.title, campaign.titleCy, languageOf(request)) };
}

export default function CheckEmail() {
  const { slug, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{t("checkEmail.title")}</h1>
      <div className="panel-box">
        <p>{t("checkEmail.sent")}</p>
      </div>
      <p>{t("checkEmail.linkWorks")}</p>
      <p>
        <BackTo to={path(campaignPath(slug))} title={title} />
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
