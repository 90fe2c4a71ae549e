import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Trans, useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage, useLocalisedPath } from "~/components/i18n";
import { localised } from "~/domain/language";
import type { Language } from "~/domain/vocabulary";
import { nomineeTypesIn, titleFor, translator, translatorFor, validationIn, validationMessages, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { Checkbox, ErrorSummary, SubmitButton, type SummaryError } from "~/components/forms";
import { Honeypot, JourneyHeading, useErrorsAtSubmit } from "~/components/nomination";
import { EMAIL_LANGUAGE_FIELD, EMAIL_LANGUAGE_INTENT, EmailLanguageFieldset, EmailLanguageForm } from "~/components/email-language";
import { canChangeNominations, STEPS, stepNumber, nominatorStatus } from "~/domain/nomination";
import { checkSchema, HONEYPOT_FIELD, incompleteSteps, type SummaryWords } from "~/domain/nomination-forms";
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
import { readNominationToken } from "~/utils/nomination-access.server";
import { closedMessage, rateLimited, refuseWrite } from "~/utils/nomination-journey.server";
import { statusPath, stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";
import { formatLondon } from "~/domain/time";

export const handle: I18nHandle = { i18n: ["nomination", "validation"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "nomination");
  return [{ title: titleFor(location.pathname, t("steps.check"), data?.category.name.text ?? t("nominate")) }];
};

/** The questions' labels as the page shows them (Welsh where an administrator wrote it). */
function questionsIn(journey: OwnedJourney, language: Language) {
  return journey.questions.map((q) => ({ ...q, label: localised(q.label, q.labelCy, language).text }));
}

async function problems(journey: OwnedJourney, language: Language) {
  const answers = await listAnswers(journey.nomination.id);
  return incompleteSteps(
    journey.category,
    questionsIn(journey, language),
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
    questionLabels: new Map(questionsIn(journey, language).map((q) => [q.id, q.label])),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  const open = canChangeNominations(journey.cycle, new Date());
  return {
    category: { slug: category.slug, name: localised(category.name, category.nameCy, language) },
    reference: nomination.reference,
    status: nominatorStatus(nomination.status),
    sections: await summarise(journey, summaryWords(journey, language)),
    incomplete: await problems(journey, language),
    closes: formatLondon(journey.cycle.nominationsCloseAt, language),
    closed: open ? null : closedMessage(journey, language),
    emailLanguage: nomination.language,
    languageSaved: new URL(request.url).searchParams.get("language") === "saved",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  const language = languageOf(request);
  const t = translator(language, "nomination");
  const formData = await request.formData();
  // The language of the emails, changed on its own (also once the nomination is sent).
  if (formData.get("intent") === EMAIL_LANGUAGE_INTENT) {
    const saved = await setNominationLanguage(nomination, formData.get(EMAIL_LANGUAGE_FIELD));
    if (!saved.ok) return data({ result: undefined, languageError: saved.message }, { status: 400 });
    return redirect(`${stepPath(category.slug, "check", language)}?language=saved`);
  }
  if (nomination.status !== "draft") throw redirect(statusPath(category.slug, language));
  const submission = parseWithZod(formData, { schema: checkSchema(validationIn(language)) });
  const refused = refuseWrite(journey, formData, submission, new Date(), language);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  const incomplete = await problems(journey, language);
  if (incomplete.length > 0) {
    return data(
      { result: submission.reply({ formErrors: incomplete.map((p) => `${t(`steps.${p.step}`)}: ${p.message}`) }) },
      { status: 400 },
    );
  }
  const limit = await limitNominationMail(clientIp(context), nomination.nominatorEmail);
  if (!limit.allowed) return rateLimited(submission, limit, { limit: "submitted", language });
  // The language chosen beside "Send nomination": the confirmation email is already in it.
  if (formData.has(EMAIL_LANGUAGE_FIELD)) {
    const saved = await setNominationLanguage(nomination, formData.get(EMAIL_LANGUAGE_FIELD));
    if (!saved.ok) return data({ result: submission.reply(), languageError: saved.message }, { status: 400 });
  }
  await submitNomination(journey);
  return redirect(statusPath(category.slug, language));
}

export default function CheckAnswers() {
  const { category, sections, incomplete, status, closed, closes, emailLanguage, languageSaved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const language = useLanguage();
  const path = useLocalisedPath();
  const schema = useMemo(() => checkSchema(validationMessages(v)), [v]);
  const [form, fields] = useForm({
    id: "check",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const submitted = status !== "draft";
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
  const summaryErrors = useErrorsAtSubmit(live, form.status, actionData && "result" in actionData ? actionData.result : undefined);
  return (
    <div className="prose">
      <JourneyHeading
        category={<InLanguage text={category.name} />}
        step={stepNumber("check")}
        total={STEPS.length}
        back={submitted ? statusPath(category.slug, language) : stepPath(category.slug, "files", language)}
      >
        {t("steps.check")}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
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
      {languageSaved ? (
        <p className="panel-box" role="status">
          {t("check.languageSaved")}
        </p>
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
          <Form method="post" {...getFormProps(form)}>
            <Honeypot name={HONEYPOT_FIELD} />
            <Checkbox
              field={fields.privacyConsent}
              label={<Trans t={t} i18nKey="check.consent" components={{ privacy: <Link to={path("/privacy")} /> }} />}
            />
            <EmailLanguageFieldset current={emailLanguage} error={languageError} />
            <SubmitButton>{t("check.send")}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
