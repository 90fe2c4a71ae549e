/** The small forms of the category editor: details, one question, one criterion. */
import { getCollectionProps, getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { z } from "zod";
import { NOMINEE_TYPE_LABELS, NOMINEE_TYPES } from "~/domain/vocabulary";
import { SLUG_PATTERN } from "~/domain/category-setup";
import { categoryWelshProblems, questionWelshProblems, WELSH_LIMITS } from "~/domain/welsh-content";
import { ErrorList, Field, TextareaField } from "./forms";

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

type Fields<T extends Record<string, unknown>> = { [K in keyof T]-?: FieldMetadata<T[K]> };

export function CategoryFields({ fields }: { fields: Fields<z.input<typeof CategorySchema>> }) {
  const typeErrorId = fields.nomineeTypes.errors ? `${fields.nomineeTypes.id}-error` : undefined;
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
      <div className={`field${typeErrorId ? " field--error" : ""}`}>
        <fieldset className="fieldset" aria-describedby={typeErrorId} id={fields.nomineeTypes.id}>
          <legend className="field__label">Who can be nominated</legend>
          <ErrorList id={typeErrorId} errors={fields.nomineeTypes.errors} />
          {getCollectionProps(fields.nomineeTypes, { type: "checkbox", options: [...NOMINEE_TYPES] }).map((props) => (
            <div className="checkbox" key={props.key}>
              <input {...props} key={props.key} />
              <label htmlFor={props.id}>{NOMINEE_TYPE_LABELS[props.value as keyof typeof NOMINEE_TYPE_LABELS]}</label>
            </div>
          ))}
        </fieldset>
      </div>
      <div className="field">
        <div className="checkbox">
          <input {...getInputProps(fields.selfNominationAllowed, { type: "checkbox" })} />
          <label htmlFor={fields.selfNominationAllowed.id}>People may nominate themselves</label>
        </div>
        <div className="checkbox">
          <input {...getInputProps(fields.nomineeUnder18, { type: "checkbox" })} />
          <label htmlFor={fields.nomineeUnder18.id}>Nominees are under 18 (a guardian&rsquo;s contact and consent are needed)</label>
        </div>
      </div>
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

export function QuestionFields({ fields }: { fields: Fields<z.input<typeof QuestionSchema>> }) {
  return (
    <>
      <Field label="Question" errors={fields.label.errors} inputProps={getInputProps(fields.label, { type: "text" })} />
      <Field label="Question in Welsh (Cymraeg)" hint={WELSH_HINT} errors={fields.labelCy.errors} inputProps={{ ...getInputProps(fields.labelCy, { type: "text" }), ...welshInput }} />
      <TextareaField label="Help text (optional)" errors={fields.help.errors} textareaProps={{ ...getTextareaProps(fields.help), rows: 2 }} />
      <TextareaField label="Help text in Welsh (Cymraeg)" errors={fields.helpCy.errors} textareaProps={{ ...getTextareaProps(fields.helpCy), rows: 2, ...welshInput }} />
      <Field label="Word limit" errors={fields.wordLimit.errors} className="field--short" inputProps={{ ...getInputProps(fields.wordLimit, { type: "text" }), inputMode: "numeric" }} />
      <div className="field checkbox">
        <input {...getInputProps(fields.required, { type: "checkbox" })} />
        <label htmlFor={fields.required.id}>An answer is required</label>
      </div>
    </>
  );
}

export function CriterionFields({ fields }: { fields: Fields<z.input<typeof CriterionSchema>> }) {
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
