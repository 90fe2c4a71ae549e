import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, type SummaryError } from "~/components/forms";
import { Checkbox, Honeypot, JourneyHeading, useErrorsAtSubmit } from "~/components/nomination";
import { canChangeNominations, STEP_TITLES, STEPS, stepNumber, nominatorStatus } from "~/domain/nomination";
import { checkSchema, HONEYPOT_FIELD, incompleteSteps } from "~/domain/nomination-forms";
import {
  limitNominationMail,
  listAnswers,
  nominatorStarted,
  requireOwnJourney,
  submitNomination,
  summarise,
  type OwnedJourney,
} from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { closedMessage, rateLimited, refuseWrite } from "~/utils/nomination-journey.server";
import { statusPath, stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";
import { formatLondon } from "~/domain/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${STEP_TITLES.check} – ${data?.category.name ?? "Nominate"} – Community Sponsorship Awards` },
];

async function problems(journey: OwnedJourney) {
  const answers = await listAnswers(journey.nomination.id);
  return incompleteSteps(journey.category, journey.questions, journey.nomination, answers, nominatorStarted(journey.nomination));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  const open = canChangeNominations(journey.cycle, new Date());
  return {
    category: { slug: category.slug, name: category.name },
    reference: nomination.reference,
    status: nominatorStatus(nomination.status),
    sections: await summarise(journey),
    incomplete: await problems(journey),
    closes: formatLondon(journey.cycle.nominationsCloseAt),
    closed: open ? null : closedMessage(journey),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  if (nomination.status !== "draft") throw redirect(statusPath(category.slug));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: checkSchema });
  const refused = refuseWrite(journey, formData, submission);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  const incomplete = await problems(journey);
  if (incomplete.length > 0) {
    return data(
      { result: submission.reply({ formErrors: incomplete.map((p) => `${STEP_TITLES[p.step]}: ${p.message}`) }) },
      { status: 400 },
    );
  }
  const limit = await limitNominationMail(clientIp(context), nomination.nominatorEmail);
  if (!limit.allowed) return rateLimited(submission, limit, "submitted nominations");
  await submitNomination(journey);
  return redirect(statusPath(category.slug));
}

export default function CheckAnswers() {
  const { category, sections, incomplete, status, closed, closes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "check",
    lastResult: actionData?.result,
    constraint: getZodConstraint(checkSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const submitted = status !== "draft";
  const live: SummaryError[] = [
    ...(form.errors ?? []).map((message, i) => {
      const step = STEPS.find((s) => message.startsWith(`${STEP_TITLES[s]}:`));
      // The first carries the form's error id, which the form's aria-describedby names.
      return { ...(step ? { fieldId: `section-${step}` } : {}), id: i === 0 ? form.errorId : undefined, message };
    }),
    ...(fields.privacyConsent.errors?.[0] ? [{ fieldId: fields.privacyConsent.id, message: fields.privacyConsent.errors[0] }] : []),
  ];
  const summaryErrors = useErrorsAtSubmit(live, form.status, actionData?.result);
  return (
    <div className="prose">
      <JourneyHeading
        category={category.name}
        step={stepNumber("check")}
        total={STEPS.length}
        back={submitted ? statusPath(category.slug) : stepPath(category.slug, "files")}
      >
        {STEP_TITLES.check}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
      {submitted ? (
        <p>
          Your nomination has been submitted. Any change you make is saved straight away. You can make changes until{" "}
          {closes} (UK time).
        </p>
      ) : null}
      {sections.map((section) => {
        const missing = incomplete.find((p) => p.step === section.step);
        return (
          <section key={section.step} id={`section-${section.step}`} className="nomination-section" tabIndex={-1}>
            <div className="nomination-section__heading">
              <h2>{section.title}</h2>
              <Link to={stepPath(category.slug, section.step)} className="nomination-change">
                Change<span className="visually-hidden"> {section.title.toLowerCase()}</span>
              </Link>
            </div>
            {missing ? <p className="field-error">Not finished: {missing.message}.</p> : null}
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
      {submitted ? (
        <p>
          <Link to={statusPath(category.slug)} className="button">
            Back to your nomination
          </Link>
        </p>
      ) : (
        <>
          <h2>Now send your nomination</h2>
          <p>
            When you send it, we will email you a link. Your nomination counts once you have opened that link, which
            shows us your email address is yours.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <Honeypot name={HONEYPOT_FIELD} />
            <Checkbox
              field={fields.privacyConsent}
              label={
                <>
                  I have read the <Link to="/privacy">privacy notice</Link> and agree to the awards team using these
                  details to run the awards
                </>
              }
            />
            <SubmitButton>Send nomination</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
