import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, summariseErrors } from "~/components/forms";
import { JourneyHeading, WordCountedTextarea, useErrorsAtSubmit } from "~/components/nomination";
import { canChangeNominations, STEP_TITLES, STEPS, stepNumber } from "~/domain/nomination";
import { answerField, caseFormValues, caseSchema } from "~/domain/nomination-forms";
import { listAnswers, requireOwnJourney, saveAnswers } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { afterSave, closedMessage, refuseWrite } from "~/utils/nomination-journey.server";
import { stepPath } from "~/utils/nomination-paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${STEP_TITLES.case} – ${data?.category.name ?? "Nominate"} – Community Sponsorship Awards` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const answers = await listAnswers(journey.nomination.id);
  return {
    category: { slug: journey.category.slug, name: journey.category.name },
    questions: journey.questions.map((q) => ({ id: q.id, label: q.label, help: q.help, wordLimit: q.wordLimit, required: q.required })),
    values: caseFormValues(answers),
    closed: canChangeNominations(journey.cycle, new Date()) ? null : closedMessage(journey),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const formData = await request.formData();
  // Saved as typed (over a word limit too); the limits are then checked, and enforced at submit.
  const draft = parseWithZod(formData, { schema: caseSchema(journey.questions, "draft") });
  const refused = refuseWrite(journey, formData, draft);
  if (refused) return refused;
  if (draft.status !== "success") return data({ result: draft.reply(), saved: false }, { status: 400 });
  await saveAnswers(journey, draft.value);
  const complete = parseWithZod(formData, { schema: caseSchema(journey.questions) });
  if (complete.status !== "success") return data({ result: complete.reply(), saved: true }, { status: 400 });
  return redirect(afterSave(journey.category.slug, journey.nomination, "case"));
}

export default function CaseStep() {
  const { category, questions, values, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The browser checks only what would stop a save; the server saves, then reports every limit at once.
  const schema = useMemo(() => caseSchema(questions, "draft"), [questions]);
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
      <JourneyHeading category={category.name} step={stepNumber("case")} total={STEPS.length} back={stepPath(category.slug, "nominator")}>
        {STEP_TITLES.case}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
      {actionData && "saved" in actionData && actionData.saved && summaryErrors.length > 0 ? (
        <div className="panel-box" role="status">
          <p>We have saved your answers as they are. Shorten them to fit the limits before you send your nomination.</p>
        </div>
      ) : null}
      <p>
        The judges read these answers. Examples and facts help them more than adjectives. Each answer has a word limit.
      </p>
      <Form method="post" {...getFormProps(form)}>
        {questionFields.map(({ question, field }) => {
          const props = getTextareaProps(field);
          return (
            <WordCountedTextarea
              key={question.id}
              label={question.required ? question.label : `${question.label} (optional)`}
              hint={question.help || undefined}
              errors={field.errors}
              limit={question.wordLimit}
              textareaProps={{ ...props, required: question.required, rows: 10 }}
            />
          );
        })}
        <SubmitButton>Save and continue</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
