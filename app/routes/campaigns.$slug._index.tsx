import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AskList, StepHeading } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SubmitButton } from "~/components/forms";
import { InLanguage, useLocalisedPath } from "~/components/i18n";
import { localisedAsks } from "~/domain/campaign";
import { localised } from "~/domain/language";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { closedCampaignMessage } from "~/utils/campaign-journey.server";
import { requireCampaign } from "~/models/campaign.server";
import { formPath, meetPath, writePath } from "~/utils/campaign-paths";

export const handle: I18nHandle = { i18n: ["campaign"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "campaign");
  return [
    { title: titleFor(location.pathname, data?.campaign.title.text ?? t("caption")) },
    { name: "description", content: data?.campaign.summary.text || t("description") },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const language = languageOf(request);
  return {
    campaign: {
      slug: campaign.slug,
      title: localised(campaign.title, campaign.titleCy, language),
      summary: localised(campaign.summary, campaign.summaryCy, language),
      asks: localisedAsks(campaign.asks, campaign.asksCy, language),
    },
    closed: closedCampaignMessage(campaign, language),
  };
}

/** The campaign's three steps on one page; each step's link or form works without JavaScript. */
export default function CampaignPage() {
  const { campaign, closed } = useLoaderData<typeof loader>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <span className="caption">{t("caption")}</span>
      <h1>
        <InLanguage text={campaign.title} />
      </h1>
      <InLanguage as="p" text={campaign.summary} className="lead" />
      <h2>{t("page.asksHeading")}</h2>
      <AskList asks={campaign.asks} />
      <p>{t("page.threeSteps")}</p>

      <StepHeading number={1}>{t("page.step1")}</StepHeading>
      <p>
        <Trans t={t} i18nKey="page.step1Text" components={{ form: <a href={path(formPath(campaign.slug))} /> }} />
      </p>

      <StepHeading number={2}>{t("page.step2")}</StepHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : (
        <>
          <p>{t("page.step2Text")}</p>
          <Form method="get" action={path(writePath(campaign.slug))} className="narrow">
            <Field
              label={t("postcode.label")}
              hint={t("postcode.hint")}
              inputProps={{ id: "postcode", name: "postcode", type: "text", autoComplete: "postal-code", spellCheck: false, className: "input--10" }}
            />
            <SubmitButton>{t("postcode.find")}</SubmitButton>
          </Form>
        </>
      )}

      <StepHeading number={3}>{t("page.step3")}</StepHeading>
      <p>
        <Trans t={t} i18nKey="page.step3Text" components={{ meet: <Link to={path(meetPath(campaign.slug))} /> }} />
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
