/**
 * One zod schema per step of the nomination journey. Each serves the browser (Conform's
 * getZodConstraint and live validation) and the server (parseWithZod), and the submit
 * check re-runs all of them on what was saved, so the two can never disagree.
 */
import { z } from "zod";
import { PUBLICATION_CONSENTS, type NomineeType, type PublicationConsent } from "./vocabulary";
import { PUBLICATION_CONSENT_LABELS } from "./public-naming";
import { MAX_FILE_BYTES } from "./files";
import {
  asksAboutAge,
  countWords,
  needsGuardian,
  nomineeTypeProblem,
  selfNominationProblem,
  wordLimitMessage,
  type CategoryRules,
  type Step,
} from "./nomination";

export const HONEYPOT_FIELD = "website";

/** PostgreSQL cannot store a NUL character in text; no honest form sends one. */
export const NO_NUL_MESSAGE = "Remove the invisible control character (NUL) from this text";
export const hasNoNul = (text: string | undefined) => !text || !text.includes("\u0000");

const required = (message: string, max: number, what: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${what} must be ${max} characters or fewer`)
    .refine(hasNoNul, NO_NUL_MESSAGE);

const optional = (max: number, what: string) =>
  z.string().trim().max(max, `${what} must be ${max} characters or fewer`).refine(hasNoNul, NO_NUL_MESSAGE).optional();

const email = (message: string, what: string) =>
  z
    .string({ error: message })
    .trim()
    .max(254, `${what} must be 254 characters or fewer`)
    .pipe(z.email({ error: `Enter ${what.toLowerCase()} in the correct format, like name@example.org` }));

const optionalEmail = (what: string) =>
  z
    .string()
    .trim()
    .max(254, `${what} must be 254 characters or fewer`)
    .pipe(z.email({ error: `Enter ${what.toLowerCase()} in the correct format, like name@example.org` }))
    .optional();

const phone = (what: string) =>
  z
    .string()
    .trim()
    .max(30, `${what} must be 30 characters or fewer`)
    .regex(/^[0-9+()\s-]{6,30}$/, `Enter ${what.toLowerCase()} using numbers, like 07700 900 982`)
    .optional();

/** Runs an object's cross-field check even when a field failed, so every error shows on the first send. */
const ALWAYS = { when: () => true };

const yesNo = (message: string) => z.enum(["yes", "no"], { error: message });

// ---------------------------------------------------------------- the nominee

export const PUBLICATION_CONSENT_MESSAGE = "Choose how their parent or guardian agrees they may be named if they are shortlisted or win";

export function nomineeSchema(category: CategoryRules) {
  return z
    .object({
      nomineeType: z
        .string({ error: "Choose who you are nominating" })
        .refine((v) => nomineeTypeProblem(category, v) === null, { error: nomineeTypeProblem(category, null) ?? "" }),
      nomineeName: required("Enter the name of who you are nominating", 200, "The name"),
      nomineeOrganisation: optional(200, "The organisation"),
      nomineeLocalAuthority: optional(120, "The local authority area"),
      nomineeEmail: optionalEmail("Their email address"),
      nomineeKnows: yesNo("Say whether they know you are nominating them"),
      nomineeIsUnder18: yesNo("Say whether they are under 18").optional(),
      guardianName: optional(200, "The parent or guardian's name"),
      guardianEmail: optionalEmail("The parent or guardian's email address"),
      guardianPhone: phone("The parent or guardian's phone number"),
      guardianConsent: z.boolean().optional(),
      guardianPublicationConsent: z.enum(PUBLICATION_CONSENTS, { error: PUBLICATION_CONSENT_MESSAGE }).optional(),
    })
    // `when`: the conditional fields are checked in the same pass as the rest, so one send shows every error.
    .superRefine((value, ctx) => {
      if (asksAboutAge(category) && value.nomineeType === "individual" && !value.nomineeIsUnder18) {
        ctx.addIssue({ code: "custom", path: ["nomineeIsUnder18"], message: "Say whether they are under 18" });
      }
      if (!needsGuardian(category, { type: value.nomineeType, isUnder18: value.nomineeIsUnder18 === "yes" })) return;
      if (!value.guardianName) {
        ctx.addIssue({ code: "custom", path: ["guardianName"], message: "Enter the name of their parent or guardian" });
      }
      if (!value.guardianEmail) {
        ctx.addIssue({ code: "custom", path: ["guardianEmail"], message: "Enter their parent or guardian's email address" });
      }
      if (!value.guardianConsent) {
        ctx.addIssue({
          code: "custom",
          path: ["guardianConsent"],
          message: "Confirm that their parent or guardian agrees to this nomination",
        });
      }
      if (!value.guardianPublicationConsent) {
        ctx.addIssue({ code: "custom", path: ["guardianPublicationConsent"], message: PUBLICATION_CONSENT_MESSAGE });
      }
    }, ALWAYS);
}
export type NomineeValues = z.infer<ReturnType<typeof nomineeSchema>>;
export type NomineeInput = z.input<ReturnType<typeof nomineeSchema>>;

// ---------------------------------------------------------------- the nominator

export function nominatorSchema(category: CategoryRules, nomineeEmail?: string | null) {
  return z
    .object({
      nominatorName: required("Enter your name", 200, "Your name"),
      nominatorEmail: email("Enter your email address", "Your email address"),
      nominatorPhone: phone("Your phone number"),
      nominatorOrganisation: optional(200, "Your organisation"),
      nominatorRelationship: required("Tell us how you know who you are nominating", 300, "How you know them"),
      isSelfNomination: yesNo("Say whether you are nominating yourself"),
    })
    .superRefine((value, ctx) => {
      const problem = selfNominationProblem(category, {
        isSelfNomination: value.isSelfNomination === "yes",
        nominatorEmail: value.nominatorEmail,
        nomineeEmail,
      });
      if (problem) ctx.addIssue({ code: "custom", path: ["isSelfNomination"], message: problem });
    }, ALWAYS);
}
export type NominatorValues = z.infer<ReturnType<typeof nominatorSchema>>;

// ---------------------------------------------------------------- the case

export type QuestionRules = { id: number; label: string; wordLimit: number; required: boolean };

export const answerField = (questionId: number) => `answer${questionId}`;

/** The most a draft answer may hold: far above any word limit, only a guard against abuse. */
export const draftAnswerMaxChars = (wordLimit: number) => Math.max(wordLimit * 20, 10_000);

/**
 * `complete` (the default) is what submitting needs: every required answer, within its word
 * limit. `draft` is what saving needs: any text as typed, so nothing is lost when an answer
 * runs over its limit; the limit is enforced when the nomination is sent.
 */
export function caseSchema(questions: readonly QuestionRules[], mode: "complete" | "draft" = "complete") {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const q of questions) {
    const stored = z
      .string({ error: `Answer "${q.label}"` })
      .max(draftAnswerMaxChars(q.wordLimit), `Your answer to "${q.label}" is too long`)
      .refine(hasNoNul, NO_NUL_MESSAGE);
    if (mode === "draft") {
      shape[answerField(q.id)] = stored.optional();
      continue;
    }
    const counted = stored.superRefine((text, ctx) => {
      const tooMany = wordLimitMessage(q.wordLimit, countWords(text));
      if (tooMany) ctx.addIssue({ code: "custom", message: `Your answer to "${q.label}" ${tooMany}` });
    });
    shape[answerField(q.id)] = q.required ? counted : counted.optional();
  }
  return z.object(shape);
}

// ---------------------------------------------------------------- files and the check

export const fileSchema = z.object({
  file: z
    .file({ error: "Choose a file to upload" })
    .max(MAX_FILE_BYTES, "The file must be 10 MB or smaller"),
});

export const checkSchema = z.object({
  privacyConsent: z
    .boolean({ error: "Confirm that you have read the privacy notice and agree to it" })
    .refine((v) => v, "Confirm that you have read the privacy notice and agree to it"),
});

// ---------------------------------------------------------------- saved values as form values

/** What a nomination row holds, in the shape the step forms use. */
export type SavedNomination = {
  nomineeType: NomineeType | null;
  nomineeName: string;
  nomineeOrganisation: string | null;
  nomineeLocalAuthority: string | null;
  nomineeEmail: string | null;
  nomineeKnows: boolean | null;
  nomineeIsUnder18: boolean | null;
  guardianName: string | null;
  guardianEmail: string | null;
  guardianPhone: string | null;
  guardianConsent: boolean;
  guardianPublicationConsent: PublicationConsent | null;
  nominatorName: string;
  nominatorEmail: string;
  nominatorPhone: string | null;
  nominatorOrganisation: string | null;
  nominatorRelationship: string | null;
  isSelfNomination: boolean;
};

const yn = (v: boolean | null | undefined) => (v === true ? "yes" : v === false ? "no" : undefined);
const str = (v: string | null | undefined) => (v ? v : undefined);

export function nomineeFormValues(n: SavedNomination) {
  return {
    nomineeType: n.nomineeType ?? undefined,
    nomineeName: str(n.nomineeName),
    nomineeOrganisation: str(n.nomineeOrganisation),
    nomineeLocalAuthority: str(n.nomineeLocalAuthority),
    nomineeEmail: str(n.nomineeEmail),
    nomineeKnows: yn(n.nomineeKnows),
    nomineeIsUnder18: yn(n.nomineeIsUnder18),
    guardianName: str(n.guardianName),
    guardianEmail: str(n.guardianEmail),
    guardianPhone: str(n.guardianPhone),
    guardianConsent: n.guardianConsent ? "on" : undefined,
    guardianPublicationConsent: n.guardianPublicationConsent ?? undefined,
  };
}

export function nominatorFormValues(n: SavedNomination, started: boolean) {
  return {
    nominatorName: str(n.nominatorName),
    nominatorEmail: str(n.nominatorEmail),
    nominatorPhone: str(n.nominatorPhone),
    nominatorOrganisation: str(n.nominatorOrganisation),
    nominatorRelationship: str(n.nominatorRelationship),
    // A boolean column cannot say "not answered yet": only a visited step has an answer.
    isSelfNomination: started ? yn(n.isSelfNomination) : undefined,
  };
}

export function caseFormValues(answers: ReadonlyMap<number, string>) {
  return Object.fromEntries([...answers].map(([id, text]) => [answerField(id), text]));
}

/** Runs the step schemas over what was saved; each step that fails is named with its first problem. */
export function incompleteSteps(
  category: CategoryRules,
  questions: readonly QuestionRules[],
  nomination: SavedNomination,
  answers: ReadonlyMap<number, string>,
  nominatorStarted: boolean,
): Array<{ step: Step; message: string }> {
  const problems: Array<{ step: Step; message: string }> = [];
  const checks: Array<[Step, z.ZodType, Record<string, unknown>]> = [
    ["nominee", nomineeSchema(category), { ...nomineeFormValues(nomination), guardianConsent: nomination.guardianConsent || undefined }],
    ["nominator", nominatorSchema(category, nomination.nomineeEmail), nominatorFormValues(nomination, nominatorStarted)],
    ["case", caseSchema(questions), caseFormValues(answers)],
  ];
  for (const [step, schema, values] of checks) {
    const result = schema.safeParse(withoutUndefined(values));
    if (!result.success) problems.push({ step, message: result.error.issues[0]?.message ?? "This section is not finished" });
  }
  return problems;
}

function withoutUndefined(values: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ""));
}

// ---------------------------------------------------------------- a summary, for "check your answers" and the receipt

export type SummaryRow = { label: string; value: string; field?: string };
export type SummarySection = { step: Step; title: string; rows: SummaryRow[] };

const shown = (v: string | null | undefined) => (v && v.trim() ? v : "Not given");
const yesNoText = (v: boolean | null | undefined) => (v === true ? "Yes" : v === false ? "No" : "Not given");

export function summariseNomination(
  category: CategoryRules,
  questions: readonly QuestionRules[],
  n: SavedNomination,
  answers: ReadonlyMap<number, string>,
  files: ReadonlyArray<{ filename: string }>,
  typeLabels: Record<string, string>,
): SummarySection[] {
  const nominee: SummaryRow[] = [
    { label: "Who you are nominating", value: n.nomineeType ? typeLabels[n.nomineeType] : "Not given", field: "nomineeType" },
    { label: "Name", value: shown(n.nomineeName), field: "nomineeName" },
    { label: "Organisation", value: shown(n.nomineeOrganisation), field: "nomineeOrganisation" },
    { label: "Local authority area", value: shown(n.nomineeLocalAuthority), field: "nomineeLocalAuthority" },
    { label: "Their email address", value: shown(n.nomineeEmail), field: "nomineeEmail" },
    { label: "They know about this nomination", value: yesNoText(n.nomineeKnows), field: "nomineeKnows" },
  ];
  if (asksAboutAge(category) && n.nomineeType === "individual") {
    nominee.push({ label: "Under 18", value: yesNoText(n.nomineeIsUnder18), field: "nomineeIsUnder18" });
  }
  if (needsGuardian(category, { type: n.nomineeType, isUnder18: n.nomineeIsUnder18 })) {
    nominee.push(
      { label: "Parent or guardian", value: shown(n.guardianName), field: "guardianName" },
      { label: "Parent or guardian's email", value: shown(n.guardianEmail), field: "guardianEmail" },
      { label: "Parent or guardian's phone", value: shown(n.guardianPhone), field: "guardianPhone" },
      { label: "Parent or guardian agrees", value: n.guardianConsent ? "Yes" : "No", field: "guardianConsent" },
      {
        label: "How they may be named in public",
        value: n.guardianPublicationConsent ? PUBLICATION_CONSENT_LABELS[n.guardianPublicationConsent] : "Not given",
        field: "guardianPublicationConsent",
      },
    );
  }
  return [
    { step: "nominee", title: "The nominee", rows: nominee },
    {
      step: "nominator",
      title: "About you",
      rows: [
        { label: "Your name", value: shown(n.nominatorName), field: "nominatorName" },
        { label: "Your email address", value: shown(n.nominatorEmail), field: "nominatorEmail" },
        { label: "Your phone number", value: shown(n.nominatorPhone), field: "nominatorPhone" },
        { label: "Your organisation", value: shown(n.nominatorOrganisation), field: "nominatorOrganisation" },
        { label: "How you know them", value: shown(n.nominatorRelationship), field: "nominatorRelationship" },
        { label: "Nominating yourself", value: n.isSelfNomination ? "Yes" : "No", field: "isSelfNomination" },
      ],
    },
    {
      step: "case",
      title: "Your case",
      rows: questions.map((q) => ({ label: q.label, value: shown(answers.get(q.id)), field: answerField(q.id) })),
    },
    {
      step: "files",
      title: "Supporting files",
      rows: [{ label: "Files", value: files.length ? files.map((f) => f.filename).join(", ") : "None", field: "file" }],
    },
  ];
}
