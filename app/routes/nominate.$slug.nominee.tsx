import { getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguage } from "~/components/i18n";
import { Checkbox, Field, Radios } from "~/components/forms";
import { NominationStep, StepForm, stepHandle, stepMeta, useStepForm } from "~/components/nomination-step";
import { PublicationConsentFieldset } from "~/components/publication-consent";
import { asksAboutAge, isEditable, nomineeNameLabelKey } from "~/domain/nomination";
import { nomineeFormValues, nomineeSchema } from "~/domain/nomination-forms";
import { createDraft, limitNewDraft, loadJourney, saveNominee } from "~/models/nomination.server";
import { journeyKey, nominationCookieHeaders } from "~/utils/nomination-access.server";
import { afterSave, parseStep, rateLimited, rulesOf, stepPage } from "~/utils/nomination-journey.server";
import { statusPath, stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";
import { nomineeTypesIn, validationIn, validationMessages } from "~/i18n";
import { languageOf } from "~/i18n.server";

export const handle = stepHandle;
export const meta = stepMeta("nominee");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await loadJourney(...journeyKey(request, params));
  const { category, nomination } = journey;
  if (nomination && !isEditable(nomination)) throw redirect(statusPath(category.slug, language));
  const page = stepPage(journey, language);
  // Without a draft there is nothing to keep, so a closed category sends people to its page.
  if (!nomination && page.closed) throw redirect(statusPath(category.slug, language));
  return {
    ...page,
    category: { ...page.category, ...rulesOf(category) },
    values: nomination ? nomineeFormValues(nomination) : { nomineeType: category.nomineeTypes.length === 1 ? category.nomineeTypes[0] : undefined },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await loadJourney(...journeyKey(request, params));
  const { category, nomination } = journey;
  const language = languageOf(request);
  if (nomination && !isEditable(nomination)) throw redirect(statusPath(category.slug, language));
  const formData = await request.formData();
  const schema = nomineeSchema(category, validationIn(language), nomineeTypesIn(category.nomineeTypes, language));
  const parsed = parseStep(journey, formData, schema, language);
  if (parsed.refused) return parsed.refused;

  if (!nomination || !journey.token) {
    const limit = await limitNewDraft(clientIp(context));
    if (!limit.allowed) return rateLimited(parsed.submission, limit, { limit: "startedNomination", language });
    // The nomination remembers the language of the journey it was started in.
    const { token } = await createDraft(journey, parsed.value, language);
    return redirect(stepPath(category.slug, "nominator", language), {
      headers: nominationCookieHeaders(category.slug, token),
    });
  }
  const saved = await saveNominee({ ...journey, nomination }, parsed.value);
  return redirect(afterSave(category.slug, saved, "nominee", language));
}

export default function NomineeStep() {
  const { category, values, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const language = useLanguage();
  const schema = useMemo(
    () => nomineeSchema(category, validationMessages(v), nomineeTypesIn(category.nomineeTypes, language)),
    [category, v, language],
  );
  const { form, fields, errors } = useStepForm(
    { id: "nominee", schema, lastResult: actionData?.result, defaultValue: values, validate: "onBlur" },
    (f) => [
      f.nomineeType,
      f.nomineeName,
      f.nomineeOrganisation,
      f.nomineeLocalAuthority,
      f.nomineeEmail,
      f.nomineeKnows,
      f.nomineeIsUnder18,
      f.guardianName,
      f.guardianEmail,
      f.guardianPhone,
      f.guardianConsent,
      f.guardianPublicationConsent,
    ],
  );
  const single = category.nomineeTypes.length === 1;
  const typeNow = (fields.nomineeType.value as string | undefined) ?? values.nomineeType;
  const showAge = asksAboutAge(category);
  return (
    <NominationStep step="nominee" category={category} closed={closed} errors={errors}>
      <StepForm form={form}>
        {single ? (
          <>
            <input type="hidden" name={fields.nomineeType.name} value={category.nomineeTypes[0]} />
            <p>{t("nominee.categoryIsFor", { type: t(`nomineeTypes.${category.nomineeTypes[0]}`).toLowerCase() })}</p>
          </>
        ) : (
          <Radios
            field={fields.nomineeType}
            legend={t("nominee.legend")}
            options={category.nomineeTypes.map((type) => ({ value: type, label: t(`nomineeTypes.${type}`) }))}
          />
        )}
        <Field
          label={t(`nameLabels.${nomineeNameLabelKey(typeNow, category.nomineeTypes)}`)}
          errors={fields.nomineeName.errors}
          inputProps={{ ...getInputProps(fields.nomineeName, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label={t("nominee.organisation")}
          hint={t("nominee.organisationHint")}
          errors={fields.nomineeOrganisation.errors}
          inputProps={{ ...getInputProps(fields.nomineeOrganisation, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label={t("nominee.localAuthority")}
          hint={t("nominee.localAuthorityHint")}
          errors={fields.nomineeLocalAuthority.errors}
          inputProps={{ ...getInputProps(fields.nomineeLocalAuthority, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label={t("nominee.email")}
          hint={t("nominee.emailHint")}
          errors={fields.nomineeEmail.errors}
          inputProps={{ ...getInputProps(fields.nomineeEmail, { type: "email" }), autoComplete: "off", spellCheck: false }}
        />
        <Radios
          field={fields.nomineeKnows}
          legend={t("nominee.knows")}
          small
          options={[
            { value: "yes", label: t("yes") },
            { value: "no", label: t("no") },
          ]}
        />
        {showAge ? (
          <Radios
            field={fields.nomineeIsUnder18}
            legend={t("nominee.under18")}
            small
            options={[
              { value: "no", label: t("nominee.over18Option") },
              { value: "yes", label: t("nominee.under18Option") },
            ]}
          />
        ) : null}
        {category.nomineeUnder18 || showAge ? (
          <fieldset className="fieldset nomination-guardian">
            <legend className="fieldset__legend">{t("nominee.guardian")}</legend>
            <p className="field__hint">
              {category.nomineeUnder18
                ? t("nominee.guardianAlways")
                : t("nominee.guardianIfUnder18")}
            </p>
            <Field
              label={t("nominee.guardianName")}
              errors={fields.guardianName.errors}
              inputProps={{ ...getInputProps(fields.guardianName, { type: "text" }), autoComplete: "off" }}
            />
            <Field
              label={t("nominee.guardianEmail")}
              errors={fields.guardianEmail.errors}
              inputProps={{ ...getInputProps(fields.guardianEmail, { type: "email" }), autoComplete: "off", spellCheck: false }}
            />
            <Field
              label={t("nominee.guardianPhone")}
              errors={fields.guardianPhone.errors}
              inputProps={{ ...getInputProps(fields.guardianPhone, { type: "tel" }), autoComplete: "off" }}
            />
            <Checkbox
              field={fields.guardianConsent}
              label={t("nominee.guardianConsent")}
            />
            <PublicationConsentFieldset field={fields.guardianPublicationConsent} />
          </fieldset>
        ) : null}
      </StepForm>
    </NominationStep>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
