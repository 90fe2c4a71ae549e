import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { Trans, useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguage, useLocalisedPath } from "~/components/i18n";
import type { Language } from "~/domain/vocabulary";
import { nomineeTypesIn, translator, validationIn, validationMessages } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { Checkbox, type SummaryError } from "~/components/forms";
import { useSchemaForm } from "~/components/schema-form";
import { useErrorsAtSubmit } from "~/components/nomination";
import { NominationStep, StepForm, stepHandle, stepMeta } from "~/components/nomination-step";
import { Notice, withNotice } from "~/components/notice";
import { EMAIL_LANGUAGE_FIELD, EMAIL_LANGUAGE_INTENT, EmailLanguageFieldset, EmailLanguageForm } from "~/components/email-language";
import { STEPS, nominatorStatus } from "~/domain/nomination";
import { checkSchema, incompleteSteps, type SummaryWords } from "~/domain/nomination-forms";
import { NOMINEE_TYPES } from "~/domain/vocabulary";
import {
  limitNominationMail,
  listAnswers,
  nominatorStarted,
  requireOwnJourney,
  setNominationLanguage,
  submitNomination,
  summarise,
  type OwnedJourney,
} from "~/models/nomination.server";
import { journeyKey } from "~/utils/nomination-access.server";
import { parseStep, questionsIn, rateLimited, stepPage } from "~/utils/nomination-journey.server";
import { statusPath, stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";
import { formatLondon } from "~/domain/time";

export const handle = stepHandle;
export const meta = stepMeta("check");

/** The notice after the emails' language is saved on its own (the words are the page's, in its language). */
const LANGUAGE_SAVED = "language-saved";

/** The questions' labels as the page shows them (Welsh where an administrator wrote it). */
function questionLabels(journey: OwnedJourney, language: Language) {
  return questionsIn(journey.questions, language).map((q) => ({ ...q, label: q.label.text }));
}

async function problems(journey: OwnedJourney, language: Language) {
  const answers = await listAnswers(journey.nomination.id);
  return incompleteSteps(
    journey.category,
    questionLabels(journey, language),
    journey.nomination,
    answers,
    nominatorStarted(journey.nomination),
    validationIn(language),
    nomineeTypesIn(journey.category.nomineeTypes, language),
  );
}

/** The summary's words in a language other than English, from the catalogue. */
function summaryWords(journey: OwnedJourney, language: Language) {
  if (language === "en") return undefined;
  const t = translator(language, "nomination");
  return {
    summary: t("summary", { returnObjects: true }) as SummaryWords,
    typeLabels: Object.fromEntries(NOMINEE_TYPES.map((type) => [type, t(`nomineeTypes.${type}`)])),
    questionLabels: new Map(questionLabels(journey, language).map((q) => [q.id, q.label])),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const { nomination } = journey;
  return {
    ...stepPage(journey, language),
    reference: nomination.reference,
    status: nominatorStatus(nomination.status),
    sections: await summarise(journey, summaryWords(journey, language)),
    incomplete: await problems(journey, language),
    closes: formatLondon(journey.cycle.nominationsCloseAt, language),
    emailLanguage: nomination.language,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const { category, nomination } = journey;
  const language = languageOf(request);
  const t = translator(language, "nomination");
  const formData = await request.formData();
  // The language of the emails, changed on its own (also once the nomination is sent).
  if (formData.get("intent") === EMAIL_LANGUAGE_INTENT) {
    const saved = await setNominationLanguage(nomination, formData.get(EMAIL_LANGUAGE_FIELD));
    if (!saved.ok) return data({ result: undefined, languageError: saved.message }, { status: 400 });
    return redirect(withNotice(stepPath(category.slug, "check", language), LANGUAGE_SAVED));
  }
  if (nomination.status !== "draft") throw redirect(statusPath(category.slug, language));
  const parsed = parseStep(journey, formData, checkSchema(validationIn(language)), language);
  if (parsed.refused) return parsed.refused;

  const incomplete = await problems(journey, language);
  if (incomplete.length > 0) {
    return data(
      { result: parsed.submission.reply({ formErrors: incomplete.map((p) => `${t(`steps.${p.step}`)}: ${p.message}`) }) },
      { status: 400 },
    );
  }
  const limit = await limitNominationMail(clientIp(context), nomination.nominatorEmail);
  if (!limit.allowed) return rateLimited(parsed.submission, limit, { limit: "submitted", language });
  // The language chosen beside "Send nomination": the confirmation email is already in it.
  if (formData.has(EMAIL_LANGUAGE_FIELD)) {
    const saved = await setNominationLanguage(nomination, formData.get(EMAIL_LANGUAGE_FIELD));
    if (!saved.ok) return data({ result: parsed.submission.reply(), languageError: saved.message }, { status: 400 });
  }
  await submitNomination(journey);
  return redirect(statusPath(category.slug, language));
}

export default function CheckAnswers() {
  const { category, sections, incomplete, status, closed, closes, emailLanguage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const language = useLanguage();
  const path = useLocalisedPath();
  const schema = useMemo(() => checkSchema(validationMessages(v)), [v]);
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useSchemaForm({ id: "check", schema, lastResult });
  const submitted = status !== "draft";
  // A problem with an unfinished step links to that step's section of the summary.
  const live: SummaryError[] = [
    ...(form.errors ?? []).map((message, i) => {
      const step = STEPS.find((s) => message.startsWith(`${t(`steps.${s}`)}:`));
      // The first carries the form's error id, which the form's aria-describedby names.
      return { ...(step ? { fieldId: `section-${step}` } : {}), id: i === 0 ? form.errorId : undefined, message };
    }),
    ...(fields.privacyConsent.errors?.[0] ? [{ fieldId: fields.privacyConsent.id, message: fields.privacyConsent.errors[0] }] : []),
  ];
  const languageError = actionData && "languageError" in actionData ? actionData.languageError : undefined;
  if (languageError) live.push({ fieldId: "email-language", message: languageError });
  const errors = useErrorsAtSubmit(live, form.status, lastResult);
  return (
    <NominationStep
      step="check"
      category={category}
      closed={closed}
      errors={errors}
      back={submitted ? statusPath(category.slug, language) : undefined}
    >
      {submitted ? (
        <p>{t("check.submitted", { date: closes })}</p>
      ) : null}
      {sections.map((section) => {
        const missing = incomplete.find((p) => p.step === section.step);
        return (
          <section key={section.step} id={`section-${section.step}`} className="nomination-section" tabIndex={-1}>
            <div className="nomination-section__heading">
              <h2>{section.title}</h2>
              <Link to={stepPath(category.slug, section.step, language)} className="nomination-change">
                {t("check.change")}
                <span className="visually-hidden"> {section.title.toLowerCase()}</span>
              </Link>
            </div>
            {missing ? <p className="field-error">{t("check.notFinished", { message: missing.message })}</p> : null}
            <dl className="summary-list">
              {section.rows.map((row) => (
                <div className="summary-list__row" key={row.label}>
                  <dt>{row.label}</dt>
                  <dd className="nomination-answer">{row.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      {searchParams.get("notice") === LANGUAGE_SAVED ? (
        <Notice>
          <p>{t("check.languageSaved")}</p>
        </Notice>
      ) : null}
      {submitted ? (
        <>
          <EmailLanguageForm current={emailLanguage} error={languageError} saveLabel={t("check.saveLanguage")} />
          <p>
            <Link to={statusPath(category.slug, language)} className="button">
              {t("check.backToNomination")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <h2>{t("check.sendHeading")}</h2>
          <p>{t("check.sendText")}</p>
          <StepForm form={form} submit={t("check.send")}>
            <Checkbox
              field={fields.privacyConsent}
              label={<Trans t={t} i18nKey="check.consent" components={{ privacy: <Link to={path("/privacy")} /> }} />}
            />
            <EmailLanguageFieldset current={emailLanguage} error={languageError} />
          </StepForm>
        </>
      )}
    </NominationStep>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
