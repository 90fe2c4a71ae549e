/** The small forms of the category editor: details, one question, one criterion, the scale. */
import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { NOMINEE_TYPE_LABELS, NOMINEE_TYPES } from "~/domain/vocabulary";
import { checkScale, SLUG_PATTERN } from "~/domain/category-setup";
import { categoryWelshProblems, questionWelshProblems, WELSH_LIMITS } from "~/domain/welsh-content";
import { Checkbox, Checkboxes, ErrorSummary, Field, SubmitButton, summariseErrors, TextareaField, type FormFields } from "./forms";
import { useSchemaForm } from "./schema-form";

const text = (max: number, what: string) => z.string().trim().max(max, `${what} must be ${max} characters or fewer`).default("");
/** A Welsh field beside its English one: optional (the English shows until it is written). */
const welsh = (max: number, what: string) => z.string().trim().max(max, `The Welsh ${what} must be ${max} characters or fewer`).optional();

/** Adds the Welsh rules that need two fields (no Welsh without its English) as field errors. */
function welshRules<T>(problems: (value: T) => Record<string, string>) {
  return (value: T, ctx: z.RefinementCtx) => {
    for (const [field, message] of Object.entries(problems(value))) ctx.addIssue({ code: "custom", path: [field], message });
  };
}

/** What a Welsh field needs in the admin (which stays English): its own lang, no English spell-check. */
export const welshInput = { lang: "cy", spellCheck: true } as const;

export const CategorySchema = z.object({
  name: z.string({ error: "Enter the category's name" }).trim().min(1, "Enter the category's name").max(120, "The name must be 120 characters or fewer"),
  slug: z
    .string({ error: "Enter a short web address, like group-of-the-year" })
    .trim()
    .max(60, "The web address must be 60 characters or fewer")
    .regex(SLUG_PATTERN, "Use only lower-case letters, digits and single dashes, like group-of-the-year"),
  description: text(2000, "The description"),
  eligibility: text(2000, "The eligibility text"),
  nomineeTypes: z.array(z.enum(NOMINEE_TYPES), { error: "Choose at least one kind of nominee" }).min(1, "Choose at least one kind of nominee"),
  selfNominationAllowed: z.boolean().default(false),
  nomineeUnder18: z.boolean().default(false),
  sponsor: z.string().trim().max(200, "The sponsor line must be 200 characters or fewer").optional(),
  shortlistSize: z
    .number({ error: "Enter the shortlist size, like 3" })
    .int("Enter a whole number")
    .min(1, "The shortlist needs at least 1 place")
    .max(50, "The shortlist can have at most 50 places"),
  judgesPerNomination: z
    .number({ error: "Enter how many judges score each nomination, like 3" })
    .int("Enter a whole number of judges")
    .min(1, "Each nomination needs at least 1 judge")
    .max(20, "Each nomination can have at most 20 judges")
    .default(3),
  nameCy: welsh(WELSH_LIMITS.categoryName, "name"),
  descriptionCy: welsh(WELSH_LIMITS.categoryDescription, "description"),
  eligibilityCy: welsh(WELSH_LIMITS.categoryEligibility, "eligibility text"),
  sponsorCy: welsh(WELSH_LIMITS.categorySponsor, "sponsor line"),
}).superRefine(
  welshRules((v: { name: string; description: string; eligibility: string; sponsor?: string; nameCy?: string; descriptionCy?: string; eligibilityCy?: string; sponsorCy?: string }) =>
    categoryWelshProblems({
      name: v.name,
      nameCy: v.nameCy ?? null,
      description: v.description,
      descriptionCy: v.descriptionCy ?? null,
      eligibility: v.eligibility,
      eligibilityCy: v.eligibilityCy ?? null,
      sponsor: v.sponsor ?? null,
      sponsorCy: v.sponsorCy ?? null,
    }),
  ),
);

export const QuestionSchema = z.object({
  label: z.string({ error: "Enter the question" }).trim().min(1, "Enter the question").max(300, "The question must be 300 characters or fewer"),
  help: text(1000, "The help text"),
  wordLimit: z
    .number({ error: "Enter the word limit, like 300" })
    .int("Enter a whole number of words")
    .min(10, "The word limit must be at least 10")
    .max(2000, "The word limit must be 2000 or fewer"),
  required: z.boolean().default(false),
  labelCy: welsh(WELSH_LIMITS.questionLabel, "question"),
  helpCy: welsh(WELSH_LIMITS.questionHelp, "help text"),
}).superRefine(
  welshRules((v: { label: string; help: string; labelCy?: string; helpCy?: string }) =>
    questionWelshProblems({ label: v.label, labelCy: v.labelCy ?? null, help: v.help, helpCy: v.helpCy ?? null }),
  ),
);

export const CriterionSchema = z.object({
  name: z.string({ error: "Enter the criterion's name" }).trim().min(1, "Enter the criterion's name").max(120, "The name must be 120 characters or fewer"),
  guidance: text(1000, "The guidance"),
  weight: z
    .number({ error: "Enter the weight, like 1 or 2.5" })
    .min(0.1, "The weight must be at least 0.1")
    .max(100, "The weight must be 100 or less"),
});

/** Said once beside the first Welsh field of a form. */
export const WELSH_HINT = "Until the Welsh is written, Welsh pages show the English, marked as English.";

/** A form's fields as useSchemaForm gives them (named by the schema's keys). */

export function CategoryFields({ fields }: { fields: FormFields }) {
  return (
    <>
      <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
      <Field label="Name in Welsh (Cymraeg)" hint={WELSH_HINT} errors={fields.nameCy.errors} inputProps={{ ...getInputProps(fields.nameCy, { type: "text" }), ...welshInput }} />
      <Field
        label="Web address (slug)"
        hint="Lower-case letters, digits and dashes. It appears in the nomination link."
        errors={fields.slug.errors}
        inputProps={{ ...getInputProps(fields.slug, { type: "text" }), spellCheck: false, autoComplete: "off" }}
      />
      <TextareaField label="Description" errors={fields.description.errors} textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }} />
      <TextareaField label="Description in Welsh (Cymraeg)" errors={fields.descriptionCy.errors} textareaProps={{ ...getTextareaProps(fields.descriptionCy), rows: 3, ...welshInput }} />
      <TextareaField label="Who is eligible" errors={fields.eligibility.errors} textareaProps={{ ...getTextareaProps(fields.eligibility), rows: 3 }} />
      <TextareaField label="Who is eligible, in Welsh (Cymraeg)" errors={fields.eligibilityCy.errors} textareaProps={{ ...getTextareaProps(fields.eligibilityCy), rows: 3, ...welshInput }} />
      <Checkboxes
        field={fields.nomineeTypes}
        legend="Who can be nominated"
        small
        options={NOMINEE_TYPES.map((type) => ({ value: type, label: NOMINEE_TYPE_LABELS[type] }))}
      />
      <Checkbox field={fields.selfNominationAllowed} label="People may nominate themselves" />
      <Checkbox field={fields.nomineeUnder18} label={<>Nominees are under 18 (a guardian&rsquo;s contact and consent are needed)</>} />
      <Field label="Sponsor line (optional)" hint="For example: Supported by Reset Communities and Refugees" errors={fields.sponsor.errors} inputProps={getInputProps(fields.sponsor, { type: "text" })} />
      <Field label="Sponsor line in Welsh (Cymraeg)" errors={fields.sponsorCy.errors} inputProps={{ ...getInputProps(fields.sponsorCy, { type: "text" }), ...welshInput }} />
      <Field label="Shortlist size" errors={fields.shortlistSize.errors} className="field--short" inputProps={{ ...getInputProps(fields.shortlistSize, { type: "text" }), inputMode: "numeric" }} />
      <Field
        label="Judges per nomination"
        hint="How many judges the assignment gives each nomination. Running it again adds judges where there are too few and keeps those already assigned."
        errors={fields.judgesPerNomination.errors}
        className="field--short"
        inputProps={{ ...getInputProps(fields.judgesPerNomination, { type: "text" }), inputMode: "numeric" }}
      />
    </>
  );
}

export function QuestionFields({ fields }: { fields: FormFields }) {
  return (
    <>
      <Field label="Question" errors={fields.label.errors} inputProps={getInputProps(fields.label, { type: "text" })} />
      <Field label="Question in Welsh (Cymraeg)" hint={WELSH_HINT} errors={fields.labelCy.errors} inputProps={{ ...getInputProps(fields.labelCy, { type: "text" }), ...welshInput }} />
      <TextareaField label="Help text (optional)" errors={fields.help.errors} textareaProps={{ ...getTextareaProps(fields.help), rows: 2 }} />
      <TextareaField label="Help text in Welsh (Cymraeg)" errors={fields.helpCy.errors} textareaProps={{ ...getTextareaProps(fields.helpCy), rows: 2, ...welshInput }} />
      <Field label="Word limit" errors={fields.wordLimit.errors} className="field--short" inputProps={{ ...getInputProps(fields.wordLimit, { type: "text" }), inputMode: "numeric" }} />
      <Checkbox field={fields.required} label="An answer is required" />
    </>
  );
}

export function CriterionFields({ fields }: { fields: FormFields }) {
  return (
    <>
      <Field label="Criterion" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
      <TextareaField label="Guidance for judges" errors={fields.guidance.errors} textareaProps={{ ...getTextareaProps(fields.guidance), rows: 2 }} />
      <Field label="Weight" hint="How much it counts against the other criteria, like 1 or 2.5" errors={fields.weight.errors} className="field--short" inputProps={{ ...getInputProps(fields.weight, { type: "text" }), inputMode: "decimal" }} />
    </>
  );
}

/** One organisation per line (or separated by semicolons), trimmed, without blanks or repeats. */
export function splitOrganisations(text: string | undefined): string[] {
  return [...new Set((text ?? "").split(/[\n;]+/).map((s) => s.trim()).filter(Boolean))];
}

// ---------------------------------------------------------------- the scale

/** A number typed in a form: blank is not a number (rather than 0). */
const typedNumber = (value: string | undefined) => (value?.trim() ? Number(value) : NaN);

/**
 * The points a scale form describes: the typed range when it is a valid scale, or else the
 * category's current one (so a wrong range still asks for the descriptions it has).
 */
export function scalePoints(typed: { scaleMin?: unknown; scaleMax?: unknown }, current: { min: number; max: number }): number[] {
  const min = typedNumber(typeof typed.scaleMin === "string" ? typed.scaleMin : undefined);
  const max = typedNumber(typeof typed.scaleMax === "string" ? typed.scaleMax : undefined);
  const [from, to] = checkScale(min, max) ? [current.min, current.max] : [min, max];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

type ScaleValues = { scaleMin?: string; scaleMax?: string; [anchor: string]: string | undefined };

/**
 * The scale as the model takes it, read from the form's values, with any problems found: the
 * ends (app/domain's checkScale) and a description of each point, named `anchor-<point>`.
 * `current` is the category's range, whose points are described when the typed range is wrong.
 */
export function readScale(values: ScaleValues, current: { min: number; max: number }) {
  const scaleMin = typedNumber(values.scaleMin);
  const scaleMax = typedNumber(values.scaleMax);
  const problems: Array<{ field: string; message: string }> = [];
  const problem = checkScale(scaleMin, scaleMax);
  if (problem) problems.push({ field: Number.isInteger(scaleMin) && scaleMin >= 0 ? "scaleMax" : "scaleMin", message: problem });
  const anchors = scalePoints(values, current).map((value) => {
    const description = (values[`anchor-${value}`] ?? "").trim();
    if (!description) problems.push({ field: `anchor-${value}`, message: `Describe what a ${value} means` });
    else if (description.length > 300) problems.push({ field: `anchor-${value}`, message: `The description of ${value} must be 300 characters or fewer` });
    return { value, description };
  });
  return { scale: { scaleMin, scaleMax, anchors }, problems };
}

/** The scale form's schema: its problems are those `readScale` finds. */
export function scaleSchema(current: { min: number; max: number }) {
  return z
    .object({ scaleMin: z.string().optional(), scaleMax: z.string().optional() })
    .catchall(z.string().optional())
    .superRefine((values, ctx) => {
      for (const { field, message } of readScale(values, current).problems) ctx.addIssue({ code: "custom", path: [field], message });
    });
}

// ---------------------------------------------------------------- editing one question or criterion

type LastResult = SubmissionResult<string[]> | null | undefined;

/** The frame both item editors share: back to the category, the title, the summary, what editing will do, the form. */
function ItemEditorPage({
  category,
  title,
  errors,
  warning,
  children,
}: {
  category: { id: number; name: string };
  title: string;
  errors: ReturnType<typeof summariseErrors>;
  warning: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="prose">
      <p className="caption">
        <Link to={`/admin/categories/${category.id}`}>{category.name}</Link>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      {warning ? <p className="panel-box">{warning}</p> : null}
      {children}
    </div>
  );
}

export function QuestionEditor({
  category,
  question,
  lastResult,
}: {
  category: { id: number; name: string };
  question: { label: string; labelCy: string | null; help: string; helpCy: string | null; wordLimit: number; required: boolean; answers: number };
  lastResult: LastResult;
}) {
  const [form, fields] = useSchemaForm({
    id: "question",
    schema: QuestionSchema,
    lastResult,
    defaultValue: {
      label: question.label,
      labelCy: question.labelCy ?? "",
      help: question.help,
      helpCy: question.helpCy ?? "",
      wordLimit: String(question.wordLimit),
      required: question.required ? "on" : undefined,
    },
  });
  const warning =
    question.answers > 0
      ? `This question has ${question.answers} ${question.answers === 1 ? "answer" : "answers"}. Changing its wording or word limit retires it, keeping those answers with the words they were written for, and adds the new wording in its place. Help text and whether it is required change in place.`
      : null;
  return (
    <ItemEditorPage
      category={category}
      title="Edit a question"
      errors={summariseErrors(form, [fields.label, fields.labelCy, fields.help, fields.helpCy, fields.wordLimit])}
      warning={warning}
    >
      <Form method="post" {...getFormProps(form)}>
        <QuestionFields fields={fields} />
        <SubmitButton>Save the question</SubmitButton>
      </Form>
    </ItemEditorPage>
  );
}

export function CriterionEditor({
  category,
  criterion,
  lastResult,
}: {
  category: { id: number; name: string };
  criterion: { name: string; guidance: string; weight: number; scored: boolean };
  lastResult: LastResult;
}) {
  const [form, fields] = useSchemaForm({
    id: "criterion",
    schema: CriterionSchema,
    lastResult,
    defaultValue: { name: criterion.name, guidance: criterion.guidance, weight: String(criterion.weight) },
  });
  const warning = criterion.scored
    ? "Judges have scored this criterion. Changing it retires it, keeping their scores with the criterion they scored, and adds the new version in its place."
    : null;
  return (
    <ItemEditorPage
      category={category}
      title="Edit a criterion"
      errors={summariseErrors(form, [fields.name, fields.guidance, fields.weight])}
      warning={warning}
    >
      <Form method="post" {...getFormProps(form)}>
        <CriterionFields fields={fields} />
        <SubmitButton>Save the criterion</SubmitButton>
      </Form>
    </ItemEditorPage>
  );
}
