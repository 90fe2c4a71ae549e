/**
 * The one frame of the nomination journey's five steps (nominee, nominator, case, files,
 * check): the back link, the category and "Step n of 5", the step's heading, the message once
 * nominations have closed, the error summary, and the step's form with the honeypot and its
 * button. A step's route gives only its fields; its loader's data comes from `stepPage`
 * (app/utils/nomination-journey.server.ts).
 */
import { getFormProps, type FormMetadata } from "@conform-to/react";
import type { MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LocalisedText } from "~/domain/language";
import { previousStep, STEPS, stepNumber, type Step } from "~/domain/nomination";
import { HONEYPOT_FIELD } from "~/domain/nomination-forms";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { statusPath, stepPath } from "~/utils/nomination-paths";
import { ErrorSummary, SubmitButton, summariseErrors, type ListOfErrors, type SummaryError } from "./forms";
import { useSchemaForm } from "./schema-form";
import { InLanguage, useLanguage } from "./i18n";
import { Honeypot, JourneyHeading, useErrorsAtSubmit } from "./nomination";

/** Every step's catalogues: its words, and the schema's messages. */
export const stepHandle: I18nHandle = { i18n: ["nomination", "validation"] };

/** "Your details – Volunteer of the Year – …": the step, then the category (once loaded). */
export function stepMeta(step: Step): MetaFunction {
  return ({ data, location }) => {
    const t = translatorFor(location.pathname, "nomination");
    const category = (data as { category?: { name?: LocalisedText } } | undefined)?.category?.name?.text;
    return [{ title: titleFor(location.pathname, t(`steps.${step}`), category ?? t("nominate")) }];
  };
}

/**
 * A step's form built from its schema, with the error summary GOV.UK's way: the problems
 * found when the form was last sent, in the order of `summary`'s fields.
 */
export function useStepForm(
  options: Parameters<typeof useSchemaForm>[0],
  summary: (fields: ReturnType<typeof useSchemaForm>[1]) => Array<{ id: string; errors?: ListOfErrors }>,
) {
  const [form, fields] = useSchemaForm(options);
  const errors = useErrorsAtSubmit(summariseErrors(form, summary(fields)), form.status, options.lastResult);
  return { form, fields, errors };
}

/** The page around a step: `back` defaults to the step before (the category's page before the first). */
export function NominationStep({
  step,
  category,
  closed,
  errors,
  back,
  children,
}: {
  step: Step;
  category: { slug: string; name: LocalisedText };
  closed: string | null;
  errors: SummaryError[];
  back?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("nomination");
  const language = useLanguage();
  const previous = previousStep(step);
  return (
    <div className="prose">
      <JourneyHeading
        category={<InLanguage text={category.name} />}
        step={stepNumber(step)}
        total={STEPS.length}
        back={back ?? (previous ? stepPath(category.slug, previous, language) : statusPath(category.slug, language))}
      >
        {t(`steps.${step}`)}
      </JourneyHeading>
      {closed ? (
        <div className="panel-box">
          <p>{closed}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      {children}
    </div>
  );
}

/** A step's form: the honeypot, the fields, and its button ("Save and continue" unless told). */
export function StepForm({
  form,
  submit,
  intent,
  secondary,
  encType,
  children,
}: {
  form: FormMetadata<Record<string, unknown>, string[]>;
  submit?: ReactNode;
  /** The button's `intent`, where the action has more than one. */
  intent?: string;
  secondary?: boolean;
  encType?: "multipart/form-data";
  children: ReactNode;
}) {
  const { t } = useTranslation("nomination");
  return (
    <Form method="post" encType={encType} {...getFormProps(form)}>
      <Honeypot name={HONEYPOT_FIELD} />
      {children}
      <SubmitButton secondary={secondary} name={intent ? "intent" : undefined} value={intent}>
        {submit ?? t("saveAndContinue")}
      </SubmitButton>
    </Form>
  );
}
