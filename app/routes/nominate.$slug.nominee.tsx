import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Field, SubmitButton, summariseErrors } from "~/components/forms";
import { Checkbox, Honeypot, JourneyHeading, RadioGroup, useErrorsAtSubmit } from "~/components/nomination";
import { asksAboutAge, canChangeNominations, isEditable, NOMINEE_TYPE_LABELS, nomineeNameLabel, STEP_TITLES, STEPS, stepNumber } from "~/domain/nomination";
import { HONEYPOT_FIELD, nomineeFormValues, nomineeSchema, type NomineeInput } from "~/domain/nomination-forms";
import { createDraft, limitNewDraft, loadJourney, saveNominee } from "~/models/nomination.server";
import { nominationCookie, readNominationToken } from "~/utils/nomination-access.server";
import { afterSave, closedMessage, rateLimited, refuseWrite } from "~/utils/nomination-journey.server";
import { statusPath, stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${STEP_TITLES.nominee} – ${data?.category.name ?? "Nominate"} – Community Sponsorship Awards` },
];

function rulesOf(category: { nomineeTypes: string[]; selfNominationAllowed: boolean; nomineeUnder18: boolean }) {
  return { ...category, nomineeTypes: category.nomineeTypes as (keyof typeof NOMINEE_TYPE_LABELS)[] };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  if (nomination && !isEditable(nomination)) throw redirect(statusPath(category.slug));
  const open = canChangeNominations(journey.cycle, new Date());
  // Without a draft there is nothing to keep, so a closed category sends people to its page.
  if (!nomination && !open) throw redirect(statusPath(category.slug));
  return {
    category: {
      slug: category.slug,
      name: category.name,
      nomineeTypes: category.nomineeTypes,
      selfNominationAllowed: category.selfNominationAllowed,
      nomineeUnder18: category.nomineeUnder18,
    },
    values: nomination ? nomineeFormValues(nomination) : { nomineeType: category.nomineeTypes.length === 1 ? category.nomineeTypes[0] : undefined },
    closed: open ? null : closedMessage(journey),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await loadJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  if (nomination && !isEditable(nomination)) throw redirect(statusPath(category.slug));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: nomineeSchema(category) });
  const refused = refuseWrite(journey, formData, submission);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  if (!nomination || !journey.token) {
    const limit = await limitNewDraft(clientIp(context));
    if (!limit.allowed) return rateLimited(submission, limit, "started a nomination");
    const { token } = await createDraft(journey, submission.value);
    return redirect(stepPath(category.slug, "nominator"), {
      headers: { "Set-Cookie": nominationCookie(category.slug, token) },
    });
  }
  const saved = await saveNominee({ ...journey, nomination }, submission.value);
  return redirect(afterSave(category.slug, saved, "nominee"));
}

export default function NomineeStep() {
  const { category, values, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = useMemo(() => nomineeSchema(rulesOf(category)), [category]);
  const [form, fields] = useForm<NomineeInput>({
    id: "nominee",
    lastResult: actionData?.result,
    defaultValue: values,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const rules = rulesOf(category);
  const single = category.nomineeTypes.length === 1;
  const typeNow = fields.nomineeType.value ?? values.nomineeType;
  const showAge = asksAboutAge(rules);
  const guardianFields = [fields.guardianName, fields.guardianEmail, fields.guardianPhone, fields.guardianConsent];

  const summaryErrors = useErrorsAtSubmit(
    summariseErrors(form, [
      fields.nomineeType,
      fields.nomineeName,
      fields.nomineeOrganisation,
      fields.nomineeLocalAuthority,
      fields.nomineeEmail,
      fields.nomineeKnows,
      fields.nomineeIsUnder18,
      ...guardianFields,
    ]),
    form.status,
    actionData?.result,
  );
  return (
    <div className="prose">
      <JourneyHeading
        category={category.name}
        step={stepNumber("nominee")}
        total={STEPS.length}
        back={statusPath(category.slug)}
      >
        {STEP_TITLES.nominee}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
      <Form method="post" {...getFormProps(form)}>
        <Honeypot name={HONEYPOT_FIELD} />
        {single ? (
          <>
            <input type="hidden" name={fields.nomineeType.name} value={category.nomineeTypes[0]} />
            <p>This category is for {NOMINEE_TYPE_LABELS[rules.nomineeTypes[0]].toLowerCase()}.</p>
          </>
        ) : (
          <RadioGroup
            field={fields.nomineeType}
            legend="Who are you nominating?"
            options={rules.nomineeTypes.map((t) => ({ value: t, label: NOMINEE_TYPE_LABELS[t] }))}
          />
        )}
        <Field
          label={nomineeNameLabel(typeNow, rules.nomineeTypes)}
          errors={fields.nomineeName.errors}
          inputProps={{ ...getInputProps(fields.nomineeName, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label="Organisation (optional)"
          hint="For example the church, mosque, charity or company the group or person belongs to."
          errors={fields.nomineeOrganisation.errors}
          inputProps={{ ...getInputProps(fields.nomineeOrganisation, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label="Local authority area (optional)"
          hint="The council area where they do their sponsorship work, for example Leeds or Cardiff."
          errors={fields.nomineeLocalAuthority.errors}
          inputProps={{ ...getInputProps(fields.nomineeLocalAuthority, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label="Their email address (optional)"
          hint="Only if you know it. We will not contact them until the shortlist is decided."
          errors={fields.nomineeEmail.errors}
          inputProps={{ ...getInputProps(fields.nomineeEmail, { type: "email" }), autoComplete: "off", spellCheck: false }}
        />
        <RadioGroup
          field={fields.nomineeKnows}
          legend="Do they know you are nominating them?"
          small
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
        />
        {showAge ? (
          <RadioGroup
            field={fields.nomineeIsUnder18}
            legend="If you are nominating a person, are they under 18?"
            small
            options={[
              { value: "no", label: "No, they are 18 or over" },
              { value: "yes", label: "Yes, they are under 18" },
            ]}
          />
        ) : null}
        {category.nomineeUnder18 || showAge ? (
          <fieldset className="fieldset nomination-guardian">
            <legend className="fieldset__legend">Their parent or guardian</legend>
            <p className="field__hint">
              {category.nomineeUnder18
                ? "Nominees in this category are under 18, so we need a parent or guardian's contact details and agreement."
                : "Only if the person you are nominating is under 18."}
            </p>
            <Field
              label="Parent or guardian's full name"
              errors={fields.guardianName.errors}
              inputProps={{ ...getInputProps(fields.guardianName, { type: "text" }), autoComplete: "off" }}
            />
            <Field
              label="Parent or guardian's email address"
              errors={fields.guardianEmail.errors}
              inputProps={{ ...getInputProps(fields.guardianEmail, { type: "email" }), autoComplete: "off", spellCheck: false }}
            />
            <Field
              label="Parent or guardian's phone number (optional)"
              errors={fields.guardianPhone.errors}
              inputProps={{ ...getInputProps(fields.guardianPhone, { type: "tel" }), autoComplete: "off" }}
            />
            <Checkbox
              field={fields.guardianConsent}
              label="Their parent or guardian knows about this nomination and agrees to it"
            />
          </fieldset>
        ) : null}
        <SubmitButton>Save and continue</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
