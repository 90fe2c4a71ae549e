import { getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage } from "~/components/i18n";
import { parseForm } from "~/components/schema-form";
import { WordCountedTextarea } from "~/components/nomination";
import { NominationStep, StepForm, stepHandle, stepMeta, useStepForm } from "~/components/nomination-step";
import { answerField, caseFormValues, caseSchema } from "~/domain/nomination-forms";
import { validationIn, validationMessages } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { listAnswers, requireOwnJourney, saveAnswers } from "~/models/nomination.server";
import { journeyKey } from "~/utils/nomination-access.server";
import { afterSave, parseStep, questionsIn, stepPage } from "~/utils/nomination-journey.server";

export const handle = stepHandle;
export const meta = stepMeta("case");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const answers = await listAnswers(journey.nomination.id);
  return {
    ...stepPage(journey, language),
    questions: questionsIn(journey.questions, language),
    values: caseFormValues(answers),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const language = languageOf(request);
  const formData = await request.formData();
  const questions = questionsIn(journey.questions, language).map((q) => ({ ...q, label: q.label.text }));
  const v = validationIn(language);
  // Saved as typed (over a word limit too); the limits are then checked, and enforced at submit.
  const draft = parseStep(journey, formData, caseSchema(questions, v, "draft"), language);
  if (draft.refused) return draft.refused;
  await saveAnswers(journey, draft.value);
  const complete = parseForm(formData, caseSchema(questions, v));
  if (complete.status !== "success") return data({ result: complete.reply(), saved: true }, { status: 400 });
  return redirect(afterSave(journey.category.slug, journey.nomination, "case", language));
}

export default function CaseStep() {
  const { category, questions, values, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  // The browser checks only what would stop a save; the server saves, then reports every limit at once.
  const schema = useMemo(
    () => caseSchema(questions.map((q) => ({ ...q, label: q.label.text })), validationMessages(v), "draft"),
    [questions, v],
  );
  const { form, fields, errors } = useStepForm(
    { id: "case", schema, lastResult: actionData?.result, defaultValue: values, validate: "onBlur" },
    (f) => questions.map((q) => f[answerField(q.id)]),
  );
  return (
    <NominationStep step="case" category={category} closed={closed} errors={errors}>
      {actionData && "saved" in actionData && actionData.saved && errors.length > 0 ? (
        <div className="panel-box" role="status">
          <p>{t("case.savedAsTheyAre")}</p>
        </div>
      ) : null}
      <p>{t("case.intro")}</p>
      <StepForm form={form}>
        {questions.map((question) => {
          const field = fields[answerField(question.id)];
          return (
            <WordCountedTextarea
              key={question.id}
              label={question.required ? <InLanguage text={question.label} /> : t("optional", { label: question.label.text })}
              hint={question.help ? <InLanguage text={question.help} /> : undefined}
              errors={field.errors}
              limit={question.wordLimit}
              textareaProps={{ ...getTextareaProps(field), required: question.required, rows: 10 }}
            />
          );
        })}
      </StepForm>
    </NominationStep>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
