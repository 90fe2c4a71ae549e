import { getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, Radios } from "~/components/forms";
import { NominationStep, StepForm, stepHandle, stepMeta, useStepForm } from "~/components/nomination-step";
import { nominatorFormValues, nominatorSchema } from "~/domain/nomination-forms";
import { validationIn, validationMessages } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { limitNominationMail, nominatorStarted, requireOwnJourney, saveNominator } from "~/models/nomination.server";
import { journeyKey } from "~/utils/nomination-access.server";
import { afterSave, parseStep, rateLimited, rulesOf, stepPage } from "~/utils/nomination-journey.server";
import { clientIp } from "~/utils/request.server";

export const handle = stepHandle;
export const meta = stepMeta("nominator");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const { category, nomination } = journey;
  const page = stepPage(journey, language);
  return {
    ...page,
    category: { ...page.category, ...rulesOf(category) },
    nomineeEmail: nomination.nomineeEmail,
    values: nominatorFormValues(nomination, nominatorStarted(nomination)),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await requireOwnJourney(...journeyKey(request, params));
  const { category, nomination } = journey;
  const language = languageOf(request);
  const formData = await request.formData();
  const parsed = parseStep(journey, formData, nominatorSchema(category, validationIn(language), nomination.nomineeEmail), language);
  if (parsed.refused) return parsed.refused;

  // A new address gets the resume link, so it counts against the mail limits.
  if (nomination.status === "draft" && parsed.value.nominatorEmail.toLowerCase() !== nomination.nominatorEmail) {
    const limit = await limitNominationMail(clientIp(context), parsed.value.nominatorEmail);
    if (!limit.allowed) return rateLimited(parsed.submission, limit, { limit: "emailedYou", language });
  }
  const { nomination: saved } = await saveNominator(journey, parsed.value);
  return redirect(afterSave(category.slug, saved, "nominator", language));
}

export default function NominatorStep() {
  const { category, values, nomineeEmail, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const schema = useMemo(() => nominatorSchema(category, validationMessages(v), nomineeEmail), [category, nomineeEmail, v]);
  const { form, fields, errors } = useStepForm(
    { id: "nominator", schema, lastResult: actionData?.result, defaultValue: values, validate: "onBlur" },
    (f) => [f.nominatorName, f.nominatorEmail, f.nominatorPhone, f.nominatorOrganisation, f.nominatorRelationship, f.isSelfNomination],
  );
  return (
    <NominationStep step="nominator" category={category} closed={closed} errors={errors}>
      <p>{t("nominator.intro")}</p>
      <StepForm form={form}>
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
      </StepForm>
    </NominationStep>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
