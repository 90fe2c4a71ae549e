import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { NomineeType } from "~/domain/vocabulary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { JourneyHeading, RadioGroup, useErrorsAtSubmit } from "~/components/nomination";
import { canChangeNominations, STEP_TITLES, STEPS, stepNumber } from "~/domain/nomination";
import { nominatorFormValues, nominatorSchema } from "~/domain/nomination-forms";
import { limitNominationMail, nominatorStarted, requireOwnJourney, saveNominator } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { afterSave, closedMessage, rateLimited, refuseWrite } from "~/utils/nomination-journey.server";
import { stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${STEP_TITLES.nominator} – ${data?.category.name ?? "Nominate"} – Community Sponsorship Awards` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  return {
    category: {
      slug: category.slug,
      name: category.name,
      nomineeTypes: category.nomineeTypes,
      selfNominationAllowed: category.selfNominationAllowed,
      nomineeUnder18: category.nomineeUnder18,
    },
    nomineeEmail: nomination.nomineeEmail,
    values: nominatorFormValues(nomination, nominatorStarted(nomination)),
    closed: canChangeNominations(journey.cycle, new Date()) ? null : closedMessage(journey),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: nominatorSchema(category, nomination.nomineeEmail) });
  const refused = refuseWrite(journey, formData, submission);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  // A new address gets the resume link, so it counts against the mail limits.
  if (nomination.status === "draft" && submission.value.nominatorEmail.toLowerCase() !== nomination.nominatorEmail) {
    const limit = await limitNominationMail(clientIp(context), submission.value.nominatorEmail);
    if (!limit.allowed) return rateLimited(submission, limit, "asked us to email you");
  }
  const { nomination: saved } = await saveNominator(journey, submission.value);
  return redirect(afterSave(category.slug, saved, "nominator"));
}

export default function NominatorStep() {
  const { category, values, nomineeEmail, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = useMemo(
    () => nominatorSchema({ ...category, nomineeTypes: category.nomineeTypes as NomineeType[] }, nomineeEmail),
    [category, nomineeEmail],
  );
  const [form, fields] = useForm({
    id: "nominator",
    lastResult: actionData?.result,
    defaultValue: values,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const summaryErrors = useErrorsAtSubmit(
    summariseErrors(form, [
      fields.nominatorName,
      fields.nominatorEmail,
      fields.nominatorPhone,
      fields.nominatorOrganisation,
      fields.nominatorRelationship,
      fields.isSelfNomination,
    ]),
    form.status,
    actionData?.result,
  );
  return (
    <div className="prose">
      <JourneyHeading category={category.name} step={stepNumber("nominator")} total={STEPS.length} back={stepPath(category.slug, "nominee")}>
        {STEP_TITLES.nominator}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
      <p>We use these details to confirm your nomination and, if we need to, to ask you about it. We do not publish them.</p>
      <Form method="post" {...getFormProps(form)}>
        <Field
          label="Your full name"
          errors={fields.nominatorName.errors}
          inputProps={{ ...getInputProps(fields.nominatorName, { type: "text" }), autoComplete: "name" }}
        />
        <Field
          label="Your email address"
          hint="We will email you a link to continue this nomination on any device, and a link to confirm it when you submit."
          errors={fields.nominatorEmail.errors}
          inputProps={{ ...getInputProps(fields.nominatorEmail, { type: "email" }), autoComplete: "email", spellCheck: false }}
        />
        <Field
          label="Your phone number (optional)"
          errors={fields.nominatorPhone.errors}
          inputProps={{ ...getInputProps(fields.nominatorPhone, { type: "tel" }), autoComplete: "tel" }}
        />
        <Field
          label="Your organisation (optional)"
          errors={fields.nominatorOrganisation.errors}
          inputProps={{ ...getInputProps(fields.nominatorOrganisation, { type: "text" }), autoComplete: "organization" }}
        />
        <Field
          label="How do you know who you are nominating?"
          hint="For example: I am a member of the group, I am the family's caseworker, I am their neighbour."
          errors={fields.nominatorRelationship.errors}
          inputProps={{ ...getInputProps(fields.nominatorRelationship, { type: "text" }), autoComplete: "off" }}
        />
        <RadioGroup
          field={fields.isSelfNomination}
          legend="Are you nominating yourself?"
          hint={category.selfNominationAllowed ? "You can nominate yourself in this category." : "You cannot nominate yourself in this category."}
          small
          options={[
            { value: "no", label: "No" },
            { value: "yes", label: "Yes" },
          ]}
        />
        <SubmitButton>Save and continue</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
