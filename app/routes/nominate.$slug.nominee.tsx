import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage } from "~/components/i18n";
import { Checkbox, ErrorSummary, Field, Radios, SubmitButton, summariseErrors } from "~/components/forms";
import { Honeypot, JourneyHeading, useErrorsAtSubmit } from "~/components/nomination";
import { PublicationConsentFieldset } from "~/components/publication-consent";
import { localised } from "~/domain/language";
import { asksAboutAge, canChangeNominations, isEditable, nomineeNameLabelKey, STEPS, stepNumber } from "~/domain/nomination";
import type { NomineeType } from "~/domain/vocabulary";
import { HONEYPOT_FIELD, nomineeFormValues, nomineeSchema, type NomineeInput } from "~/domain/nomination-forms";
import { createDraft, limitNewDraft, loadJourney, saveNominee } from "~/models/nomination.server";
import { nominationCookieHeaders, readNominationToken } from "~/utils/nomination-access.server";
import { afterSave, closedMessage, rateLimited, refuseWrite } from "~/utils/nomination-journey.server";
import { statusPath, stepPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";
import { nomineeTypesIn, titleFor, translatorFor, validationIn, validationMessages, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";

export const handle: I18nHandle = { i18n: ["nomination", "validation"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "nomination");
  return [{ title: titleFor(location.pathname, t("steps.nominee"), data?.category.name.text ?? t("nominate")) }];
};

function rulesOf(category: { nomineeTypes: string[]; selfNominationAllowed: boolean; nomineeUnder18: boolean }) {
  return { ...category, nomineeTypes: category.nomineeTypes as NomineeType[] };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await loadJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  if (nomination && !isEditable(nomination)) throw redirect(statusPath(category.slug, language));
  const open = canChangeNominations(journey.cycle, new Date());
  // Without a draft there is nothing to keep, so a closed category sends people to its page.
  if (!nomination && !open) throw redirect(statusPath(category.slug, language));
  return {
    category: {
      slug: category.slug,
      name: localised(category.name, category.nameCy, language),
      nomineeTypes: category.nomineeTypes,
      selfNominationAllowed: category.selfNominationAllowed,
      nomineeUnder18: category.nomineeUnder18,
    },
    values: nomination ? nomineeFormValues(nomination) : { nomineeType: category.nomineeTypes.length === 1 ? category.nomineeTypes[0] : undefined },
    closed: open ? null : closedMessage(journey, language),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await loadJourney(params.slug!, readNominationToken(request, params.slug!));
  const { category, nomination } = journey;
  const language = languageOf(request);
  if (nomination && !isEditable(nomination)) throw redirect(statusPath(category.slug, language));
  const formData = await request.formData();
  const schema = nomineeSchema(category, validationIn(language), nomineeTypesIn(category.nomineeTypes, language));
  const submission = parseWithZod(formData, { schema });
  const refused = refuseWrite(journey, formData, submission, new Date(), language);
  if (refused) return refused;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  if (!nomination || !journey.token) {
    const limit = await limitNewDraft(clientIp(context));
    if (!limit.allowed) return rateLimited(submission, limit, { limit: "startedNomination", language });
    // The nomination remembers the language of the journey it was started in.
    const { token } = await createDraft(journey, submission.value, language);
    return redirect(stepPath(category.slug, "nominator", language), {
      headers: nominationCookieHeaders(category.slug, token),
    });
  }
  const saved = await saveNominee({ ...journey, nomination }, submission.value);
  return redirect(afterSave(category.slug, saved, "nominee", language));
}

export default function NomineeStep() {
  const { category, values, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: v } = useTranslation("validation");
  const language = useLanguage();
  const rules = rulesOf(category);
  const schema = useMemo(
    () => nomineeSchema(rulesOf(category), validationMessages(v), nomineeTypesIn(rulesOf(category).nomineeTypes, language)),
    [category, v, language],
  );
  const [form, fields] = useForm<NomineeInput>({
    id: "nominee",
    lastResult: actionData?.result,
    defaultValue: values,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const single = category.nomineeTypes.length === 1;
  const typeNow = fields.nomineeType.value ?? values.nomineeType;
  const showAge = asksAboutAge(rules);
  const guardianFields = [fields.guardianName, fields.guardianEmail, fields.guardianPhone, fields.guardianConsent, fields.guardianPublicationConsent];

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
        category={<InLanguage text={category.name} />}
        step={stepNumber("nominee")}
        total={STEPS.length}
        back={statusPath(category.slug, language)}
      >
        {t("steps.nominee")}
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
            <p>{t("nominee.categoryIsFor", { type: t(`nomineeTypes.${rules.nomineeTypes[0]}`).toLowerCase() })}</p>
          </>
        ) : (
          <Radios
            field={fields.nomineeType}
            legend={t("nominee.legend")}
            options={rules.nomineeTypes.map((type) => ({ value: type, label: t(`nomineeTypes.${type}`) }))}
          />
        )}
        <Field
          label={t(`nameLabels.${nomineeNameLabelKey(typeNow, rules.nomineeTypes)}`)}
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
        <SubmitButton>{t("saveAndContinue")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
