import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { NomineeType } from "~/domain/vocabulary";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage } from "~/components/i18n";
import { localised } from "~/domain/language";
import { titleFor, translatorFor, validationIn, validationMessages, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { ErrorSummary, Field, Radios, SubmitButton, summariseErrors } from "~/components/forms";
import { JourneyHeading, useErrorsAtSubmit } from "~/components/nomination";
import { canChangeNominations, STEPS, stepNumber } from "~/domain/nomination";
import { nominatorFormValues, nominatorSchema } from "~/domain/nomination-forms";
import { limitNominationMail, nominatorStarted, requireOwnJourney, saveNominator } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { afterSave, closedMessage, rateLimited, refuseWrite } from "~/utils/nomination-journey.server";
import { stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";

export const handle: I18nHandle = { i18n: ["nomination", "validation"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "nomination");
  return [{ title: titleFor(location.pathname, t("steps.nominator"), data?.category.name.text ?? t("nominate")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  return {
    category: {
      slug: category.slug,
      name: localised(category.name, category.nameCy, language),
      nomineeTypes: category.nomineeTypes,
      selfNominationAllowed: category.selfNominationAllowed,
      nomineeUnder18: category.nomineeUnder18,
    },
    nomineeEmail: nomination.nomineeEmail,
    values: nominatorFormValues(nomination, nominatorStarted(nomination)),
    closed: canChangeNominations(journey.cycle, new Date()) ? null : closedMessage(journey, language),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  const language = languageOf(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: nominatorSchema(category, validationIn(language), nomination.nomineeEmail) });
  const refused = refuseWrite(journey, formData, submission, new Date(), language);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  // A new address gets the resume link, so it counts against the mail limits.
  if (nomination.status === "draft" && submission.value.nominatorEmail.toLowerCase() !== nomination.nominatorEmail) {
    const limit = await limitNominationMail(clientIp(context), submission.value.nominatorEmail);
    if (!limit.allowed) return rateLimited(submission, limit, { limit: "emailedYou", language });
  }
  const { nomination: saved } = await saveNominator(journey, submission.value);
  return redirect(afterSave(category.slug, saved, "nominator", language));
}

export default function NominatorStep() {
  const { category, values, nomineeEmail, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const language = useLanguage();
  const schema = useMemo(
    () => nominatorSchema({ ...category, nomineeTypes: category.nomineeTypes as NomineeType[] }, validationMessages(v), nomineeEmail),
    [category, nomineeEmail, v],
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
      <JourneyHeading
        category={<InLanguage text={category.name} />}
        step={stepNumber("nominator")}
        total={STEPS.length}
        back={stepPath(category.slug, "nominee", language)}
      >
        {t("steps.nominator")}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} />
      <p>{t("nominator.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <Field
          label={t("nominator.name")}
          errors={fields.nominatorName.errors}
          inputProps={{ ...getInputProps(fields.nominatorName, { type: "text" }), autoComplete: "name" }}
        />
        <Field
          label={t("nominator.email")}
          hint={t("nominator.emailHint")}
          errors={fields.nominatorEmail.errors}
          inputProps={{ ...getInputProps(fields.nominatorEmail, { type: "email" }), autoComplete: "email", spellCheck: false }}
        />
        <Field
          label={t("nominator.phone")}
          errors={fields.nominatorPhone.errors}
          inputProps={{ ...getInputProps(fields.nominatorPhone, { type: "tel" }), autoComplete: "tel" }}
        />
        <Field
          label={t("nominator.organisation")}
          errors={fields.nominatorOrganisation.errors}
          inputProps={{ ...getInputProps(fields.nominatorOrganisation, { type: "text" }), autoComplete: "organization" }}
        />
        <Field
          label={t("nominator.relationship")}
          hint={t("nominator.relationshipHint")}
          errors={fields.nominatorRelationship.errors}
          inputProps={{ ...getInputProps(fields.nominatorRelationship, { type: "text" }), autoComplete: "off" }}
        />
        <Radios
          field={fields.isSelfNomination}
          legend={t("nominator.self")}
          hint={category.selfNominationAllowed ? t("nominator.selfAllowed") : t("nominator.selfNotAllowed")}
          small
          options={[
            { value: "no", label: t("nominator.selfNo") },
            { value: "yes", label: t("nominator.selfYes") },
          ]}
        />
        <SubmitButton>{t("saveAndContinue")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
