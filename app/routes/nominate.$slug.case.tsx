import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage } from "~/components/i18n";
import { localised } from "~/domain/language";
import { titleFor, translatorFor, validationIn, validationMessages, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { JourneyHeading, WordCountedTextarea, useErrorsAtSubmit } from "~/components/nomination";
import { canChangeNominations, STEPS, stepNumber } from "~/domain/nomination";
import { answerField, caseFormValues, caseSchema } from "~/domain/nomination-forms";
import { listAnswers, requireOwnJourney, saveAnswers } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { afterSave, closedMessage, refuseWrite } from "~/utils/nomination-journey.server";
import { stepPath } from "~/utils/nomination-paths";

export const handle: I18nHandle = { i18n: ["nomination", "validation"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "nomination");
  return [{ title: titleFor(location.pathname, t("steps.case"), data?.category.name.text ?? t("nominate")) }];
};

/** The questions as a page in `language` shows them: Welsh where written, English marked as such. */
function questionsIn(questions: ReadonlyArray<{ id: number; label: string; labelCy: string | null; help: string | null; helpCy: string | null; wordLimit: number; required: boolean }>, language: "en" | "cy") {
  return questions.map((q) => {
    const label = localised(q.label, q.labelCy, language);
    return { id: q.id, label, help: q.help ? localised(q.help, q.helpCy, language) : null, wordLimit: q.wordLimit, required: q.required };
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const answers = await listAnswers(journey.nomination.id);
  return {
    category: { slug: journey.category.slug, name: localised(journey.category.name, journey.category.nameCy, language) },
    questions: questionsIn(journey.questions, language),
    values: caseFormValues(answers),
    closed: canChangeNominations(journey.cycle, new Date()) ? null : closedMessage(journey, language),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const language = languageOf(request);
  const formData = await request.formData();
  const questions = questionsIn(journey.questions, language).map((q) => ({ ...q, label: q.label.text }));
  const v = validationIn(language);
  // Saved as typed (over a word limit too); the limits are then checked, and enforced at submit.
  const draft = parseWithZod(formData, { schema: caseSchema(questions, v, "draft") });
  const refused = refuseWrite(journey, formData, draft, new Date(), language);
  if (refused) return refused;
  if (draft.status !== "success") return data({ result: draft.reply(), saved: false }, { status: 400 });
  await saveAnswers(journey, draft.value);
  const complete = parseWithZod(formData, { schema: caseSchema(questions, v) });
  if (complete.status !== "success") return data({ result: complete.reply(), saved: true }, { status: 400 });
  return redirect(afterSave(journey.category.slug, journey.nomination, "case", language));
}

export default function CaseStep() {
  const { category, questions, values, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const language = useLanguage();
  // The browser checks only what would stop a save; the server saves, then reports every limit at once.
  const schema = useMemo(
    () => caseSchema(questions.map((q) => ({ ...q, label: q.label.text })), validationMessages(v), "draft"),
    [questions, v],
  );
  const [form, fields] = useForm({
    id: "case",
    lastResult: actionData?.result,
    defaultValue: values,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const questionFields = questions.map((q) => ({ question: q, field: fields[answerField(q.id)] }));
  const summaryErrors = useErrorsAtSubmit(
    summariseErrors(form, questionFields.map((q) => q.field)),
    form.status,
    actionData?.result,
  );
  return (
    <div className="prose">
      <JourneyHeading
        category={<InLanguage text={category.name} />}
        step={stepNumber("case")}
        total={STEPS.length}
        back={stepPath(category.slug, "nominator", language)}
      >
        {t("steps.case")}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
      {actionData && "saved" in actionData && actionData.saved && summaryErrors.length > 0 ? (
        <div className="panel-box" role="status">
          <p>{t("case.savedAsTheyAre")}</p>
        </div>
      ) : null}
      <p>{t("case.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        {questionFields.map(({ question, field }) => {
          const props = getTextareaProps(field);
          return (
            <WordCountedTextarea
              key={question.id}
              label={
                question.required ? (
                  <InLanguage text={question.label} />
                ) : (
                  t("optional", { label: question.label.text })
                )
              }
              hint={question.help ? <InLanguage text={question.help} /> : undefined}
              errors={field.errors}
              limit={question.wordLimit}
              textareaProps={{ ...props, required: question.required, rows: 10 }}
            />
          );
        })}
        <SubmitButton>{t("saveAndContinue")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
