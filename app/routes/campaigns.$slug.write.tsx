import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Trans, useTranslation } from "react-i18next";
import { AskList, BackTo, MpCard, Paragraphs } from "~/components/campaign";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SelectField, SubmitButton, summariseErrors, TextareaField } from "~/components/forms";
import { parseForm, useSchemaForm } from "~/components/schema-form";
import { useLocalisedPath } from "~/components/i18n";
import { Honeypot, useErrorsAtSubmit } from "~/components/nomination";
import { constituencyKey, localisedAsks, MIN_LETTER_WORDS, normalisePostcode } from "~/domain/campaign";
import { HONEYPOT_FIELD, letterSchema } from "~/domain/campaign-forms";
import { localised, type Language } from "~/domain/language";
import { localisedPath } from "~/domain/language-paths";
import { PRIVATE_NO_STORE } from "~/domain/public-cache";
import { campaignValidation, campaignValidationIn, titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { createLetter, letterProblem, limitLetter } from "~/models/campaign-letter.server";
import { constituencyForPostcode, findMp, type FindMpResult } from "~/models/mp-directory.server";
import { closedCampaignMessage, refuseCampaignWrite } from "~/utils/campaign-journey.server";
import { requireCampaign } from "~/models/campaign.server";
import { campaignPath, checkEmailPath, formPath, writePath } from "~/utils/campaign-paths";
import { rateLimited } from "~/utils/nomination-journey.server";
import { clientIp } from "~/utils/request.server";

export const handle: I18nHandle = { i18n: ["campaign"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "campaign");
  return [{ title: titleFor(location.pathname, data?.mp ? t("write.writeTitle", { name: data.mp.name }) : t("write.findTitle"), data?.campaign.title.text ?? t("caption")) }];
};

type Found = Extract<FindMpResult, { kind: "found" }>["mp"];

/** What the page shows for a postcode or a chosen constituency, and with which status. */
async function lookUp(
  url: URL,
  language: Language,
): Promise<{ status: number; postcode: string; postcodeError: string | null; constituencies: string[] | null; pickError: string | null; mp: Found | null }> {
  const t = translator(language, "campaign");
  const rawPostcode = url.searchParams.get("postcode")?.slice(0, 40) ?? "";
  const chosen = url.searchParams.get("constituency")?.slice(0, 200) ?? "";
  const none = { postcode: rawPostcode, postcodeError: null, constituencies: null, pickError: null, mp: null };
  if (chosen) {
    const result = await findMp({ constituency: chosen });
    if (result.kind === "found") return { ...none, status: 200, mp: result.mp };
    if (result.kind === "unavailable") return { ...none, status: 400, constituencies: result.constituencies, pickError: t("errors.chooseConstituency") };
    return { ...none, status: 404, postcodeError: t("postcode.noMp", { constituency: chosen }) };
  }
  if (!url.searchParams.has("postcode")) return { ...none, status: 200 };
  const postcode = normalisePostcode(rawPostcode);
  if (!postcode) return { ...none, status: 400, postcodeError: rawPostcode.trim() ? t("errors.postcodeFormat") : t("errors.postcode") };
  const result = await findMp({ postcode });
  switch (result.kind) {
    case "found":
      return { ...none, postcode, status: 200, mp: result.mp };
    case "postcode_not_found":
      return { ...none, postcode, status: 404, postcodeError: t("postcode.notFound", { postcode }) };
    case "no_mp":
      return { ...none, postcode, status: 404, postcodeError: t("postcode.noMp", { constituency: result.constituency }) };
    case "unavailable":
      return { ...none, postcode, status: 503, constituencies: result.constituencies };
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const language = languageOf(request);
  const found = await lookUp(new URL(request.url), language);
  return data(
    {
      campaign: {
        slug: campaign.slug,
        title: localised(campaign.title, campaign.titleCy, language),
        asks: localisedAsks(campaign.asks, campaign.asksCy, language),
        letterGuidance: localised(campaign.letterGuidance, campaign.letterGuidanceCy, language),
      },
      closed: closedCampaignMessage(campaign, language),
      ...found,
    },
    { status: found.status, headers: { "Cache-Control": PRIVATE_NO_STORE } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const campaign = await requireCampaign(params.slug);
  const language = languageOf(request);
  const t = translator(language, "campaign");
  const formData = await request.formData();
  const submission = parseForm(formData, letterSchema(campaignValidationIn(language)));
  const refused = refuseCampaignWrite(campaign, formData, submission, language);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const letter = submission.value;

  const limit = await limitLetter(clientIp(context), letter.senderEmail);
  if (!limit.allowed) return rateLimited(submission, limit, { message: (wait) => t("errors.rateLimited", { wait }), language });

  const found = await findMp({ constituency: letter.constituency });
  if (found.kind !== "found" || !found.mp.email) {
    return data({ result: submission.reply({ formErrors: [t("write.mpUnreachable")] }) }, { status: 503 });
  }
  const problem = await letterProblem(campaign.id, letter.body);
  if (problem) return data({ result: submission.reply({ fieldErrors: { body: [t(`errors.${problem}`, { words: MIN_LETTER_WORDS })] } }) }, { status: 400 });
  // MPs answer their own constituents: the sender's address must be in this constituency.
  // (A refused letter writes nothing, so this look-up is not cached.)
  const home = await constituencyForPostcode(letter.senderPostcode, { store: false });
  if (home.kind === "not_found") {
    return data({ result: submission.reply({ fieldErrors: { senderPostcode: [t("postcode.notFound", { postcode: letter.senderPostcode })] } }) }, { status: 400 });
  }
  if (home.kind === "found" && constituencyKey(home.constituency) !== constituencyKey(found.mp.constituency)) {
    return data(
      {
        result: submission.reply({
          fieldErrors: {
            senderPostcode: [t("write.wrongConstituency", { postcode: letter.senderPostcode, home: home.constituency, constituency: found.mp.constituency })],
          },
        }),
      },
      { status: 400 },
    );
  }
  await createLetter(campaign, { ...letter, constituency: found.mp.constituency, mp: { ...found.mp, email: found.mp.email }, language });
  return redirect(localisedPath(checkEmailPath(campaign.slug), language));
}

export default function WriteToYourMp() {
  const loaded = useLoaderData<typeof loader>();
  const { campaign, closed, mp } = loaded;
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <p className="back-link">
        <BackTo to={path(campaignPath(campaign.slug))} title={campaign.title} />
      </p>
      <span className="caption">{t("step", { number: 2 })}</span>
      <h1>{mp ? t("write.writeTitle", { name: mp.name }) : t("write.findTitle")}</h1>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      {mp ? <Letter /> : loaded.constituencies ? <Picker /> : <PostcodeForm />}
    </div>
  );
}

function PostcodeForm() {
  const { campaign, postcode, postcodeError } = useLoaderData<typeof loader>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  return (
    <>
      <ErrorSummary errors={postcodeError ? [{ fieldId: "postcode", message: postcodeError }] : []} />
      <Form method="get" action={path(writePath(campaign.slug))} className="narrow">
        <Field
          label={t("postcode.label")}
          hint={t("postcode.hint")}
          errors={postcodeError ? [postcodeError] : undefined}
          inputProps={{ id: "postcode", name: "postcode", type: "text", autoComplete: "postal-code", spellCheck: false, defaultValue: postcode }}
        />
        <SubmitButton>{t("postcode.find")}</SubmitButton>
      </Form>
    </>
  );
}

function Picker() {
  const { campaign, constituencies, pickError, postcode } = useLoaderData<typeof loader>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  return (
    <>
      <ErrorSummary errors={pickError ? [{ fieldId: "constituency", message: pickError }] : []} />
      <div className="panel-box" role="status">
        <p>{t("postcode.unavailable")}</p>
      </div>
      {constituencies && constituencies.length > 0 ? (
        <Form method="get" action={path(writePath(campaign.slug))} className="narrow">
          <input type="hidden" name="from" value={postcode} />
          <SelectField
            field={{ id: "constituency", name: "constituency", errors: [pickError] }}
            label={t("postcode.constituency")}
            options={constituencies.map((c) => ({ value: c, label: c }))}
          />
          <SubmitButton>{t("postcode.continue")}</SubmitButton>
        </Form>
      ) : (
        <p>{t("postcode.noList")}</p>
      )}
    </>
  );
}

function Letter() {
  const { campaign, mp, postcode, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  const schema = useMemo(() => letterSchema(campaignValidation(t)), [t]);
  const [form, fields] = useSchemaForm({
    id: "letter",
    schema,
    lastResult: actionData?.result,
    defaultValue: { constituency: mp!.constituency, senderPostcode: postcode },
  });
  const summary = useErrorsAtSubmit(
    summariseErrors(form, [fields.body, fields.senderName, fields.senderAddress, fields.senderPostcode, fields.senderEmail]),
    form.status,
    actionData?.result,
  );
  if (!mp) return null;
  return (
    <>
      <ErrorSummary errors={summary} />
      <MpCard mp={mp} />
      <p>
        <Trans t={t} i18nKey="write.downloadForm" values={{ name: mp.name }} components={{ form: <a href={path(formPath(campaign.slug, mp.constituency))} /> }} />
      </p>
      {closed ? null : !mp.email ? (
        <p>{t("write.noEmail", { name: mp.name })}</p>
      ) : (
        <>
          <h2>{t("write.whatToAsk")}</h2>
          <AskList asks={campaign.asks} />
          {campaign.letterGuidance.text ? (
            <div className="inset">
              <h3>{t("write.guidanceHeading")}</h3>
              <Paragraphs text={campaign.letterGuidance} />
            </div>
          ) : null}
          <Form method="post" {...getFormProps(form)}>
            <input {...getInputProps(fields.constituency, { type: "hidden" })} />
            <Honeypot name={HONEYPOT_FIELD} />
            <TextareaField
              label={t("write.letter")}
              hint={t("write.letterHint", { words: MIN_LETTER_WORDS, name: mp.name })}
              errors={fields.body.errors}
              textareaProps={{ ...getTextareaProps(fields.body), rows: 14 }}
            />
            <h2>{t("write.aboutYou")}</h2>
            <p>{t("write.aboutYouText")}</p>
            <Field label={t("write.name")} errors={fields.senderName.errors} inputProps={{ ...getInputProps(fields.senderName, { type: "text" }), autoComplete: "name" }} />
            <Field label={t("write.address")} errors={fields.senderAddress.errors} inputProps={{ ...getInputProps(fields.senderAddress, { type: "text" }), autoComplete: "street-address" }} />
            <Field
              label={t("write.senderPostcode")}
              hint={t("write.senderPostcodeHint", { constituency: mp.constituency })}
              errors={fields.senderPostcode.errors}
              inputProps={{ ...getInputProps(fields.senderPostcode, { type: "text" }), autoComplete: "postal-code" }}
            />
            <Field
              label={t("write.email")}
              hint={t("write.emailHint")}
              errors={fields.senderEmail.errors}
              inputProps={{ ...getInputProps(fields.senderEmail, { type: "email" }), autoComplete: "email", spellCheck: false }}
            />
            <p>
              <Trans t={t} i18nKey="write.privacy" components={{ privacy: <Link to={path("/privacy")} /> }} />
            </p>
            <SubmitButton>{t("write.send")}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
