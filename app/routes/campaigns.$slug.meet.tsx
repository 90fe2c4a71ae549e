import { getFormProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { BackTo, Paragraphs } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, Radios, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { useLocalisedPath } from "~/components/i18n";
import { Honeypot } from "~/components/nomination";
import { feedbackSchema, HONEYPOT_FIELD } from "~/domain/campaign-forms";
import { localised } from "~/domain/language";
import { localisedPath } from "~/domain/language-paths";
import { campaignValidation, campaignValidationIn, titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { saveFeedback } from "~/models/campaign-letter.server";
import { briefingPdfPath, campaignPath, meetPath } from "~/utils/campaign-paths";
import { HONEYPOT_MESSAGE } from "~/utils/nomination-journey.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { rateLimited } from "~/utils/nomination-journey.server";
import { requireCampaign } from "~/models/campaign.server";

export const handle: I18nHandle = { i18n: ["campaign"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => [
  { title: titleFor(location.pathname, translatorFor(location.pathname, "campaign")("meet.title"), data?.campaign.title.text) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const language = languageOf(request);
  const url = new URL(request.url);
  return {
    campaign: {
      slug: campaign.slug,
      title: localised(campaign.title, campaign.titleCy, language),
      briefing: localised(campaign.briefing, campaign.briefingCy, language),
      hasBriefingPdf: Boolean(campaign.briefingPdfName),
      signedFormsTo: campaign.signedFormsTo,
    },
    sent: url.searchParams.get("sent") === "1",
    thanks: url.searchParams.get("thanks") === "1",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const language = languageOf(request);
  const formData = await request.formData();
  const submission = parseForm(formData, feedbackSchema(campaignValidationIn(language)));
  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim()) {
    const message = language === "en" ? HONEYPOT_MESSAGE : translator(language, "nomination")("honeypot");
    return data({ result: submission.reply({ formErrors: [message] }) }, { status: 400 });
  }
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const limit = await hitRateLimit(`campaign:feedback:ip:${clientIp(context)}`, { limit: 30, windowMs: 60 * 60 * 1000 });
  if (!limit.allowed) return rateLimited(submission, limit, { message: (wait) => translator(language, "campaign")("errors.rateLimitedFeedback", { wait }), language });
  await saveFeedback(campaign.id, submission.value);
  return redirect(localisedPath(`${meetPath(campaign.slug)}?thanks=1`, language));
}

export default function MeetYourMp() {
  const { campaign, sent, thanks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  const schema = useMemo(() => feedbackSchema(campaignValidation(t)), [t]);
  const [form, fields] = useSchemaForm({
    id: "feedback",
    schema,
    lastResult: actionData?.result,
  });
  return (
    <div className="prose">
      <p className="back-link">
        <BackTo to={path(campaignPath(campaign.slug))} title={campaign.title} />
      </p>
      {sent ? (
        <div className="confirmation-panel">
          <h1>{t("meet.sentHeading")}</h1>
          <p>{t("meet.sentText")}</p>
        </div>
      ) : null}
      <span className="caption">{t("step", { number: 3 })}</span>
      {sent ? <h2>{t("meet.title")}</h2> : <h1>{t("meet.title")}</h1>}
      {campaign.briefing.text ? <Paragraphs text={campaign.briefing} /> : <p>{t("meet.noBriefing")}</p>}
      {campaign.hasBriefingPdf ? (
        <p>
          <a href={path(briefingPdfPath(campaign.slug))}>{t("meet.briefingPdf")}</a>
        </p>
      ) : null}
      {campaign.signedFormsTo ? <p>{t("meet.signedFormsTo", { to: campaign.signedFormsTo })}</p> : null}

      <h2 id="how-it-went">{t("meet.howItWent")}</h2>
      {thanks ? (
        <div className="panel-box" role="status">
          <p>{t("meet.thanks")}</p>
        </div>
      ) : (
        <>
          <ErrorSummary errors={summariseErrors(form, [fields.met, fields.constituency, fields.story])} />
          <Form method="post" {...getFormProps(form)} aria-labelledby="how-it-went">
            <Honeypot name={HONEYPOT_FIELD} />
            <Radios
              field={fields.met}
              legend={t("meet.met")}
              options={[
                { value: "yes", label: t("meet.metYes") },
                { value: "no", label: t("meet.notYet") },
              ]}
            />
            <Radios
              field={fields.signed}
              legend={t("meet.signed")}
              options={[
                { value: "yes", label: t("meet.yes") },
                { value: "no", label: t("meet.no") },
                { value: "not-yet", label: t("meet.notYet") },
              ]}
            />
            <Field label={t("meet.constituency")} errors={fields.constituency.errors} inputProps={{ id: fields.constituency.id, name: fields.constituency.name, type: "text" }} />
            <TextareaField label={t("meet.story")} hint={t("meet.storyHint")} errors={fields.story.errors} textareaProps={{ ...getTextareaProps(fields.story), rows: 6 }} />
            <SubmitButton>{t("meet.send")}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
