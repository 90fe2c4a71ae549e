/**
 * One zod schema per step of the nomination journey. Each serves the browser (Conform's
 * getZodConstraint and live validation) and the server (parseWithZod), and the submit
 * check re-runs all of them on what was saved, so the two can never disagree. Written with
 * `zod/mini`, whose functions a bundler can leave out when unused, so the browser loads only
 * the checks these forms use (decision 038).
 */
import * as z from "zod/mini";
import type englishValidation from "~/locales/en/validation.json";
import { PUBLICATION_CONSENTS, type NomineeType, type PublicationConsent } from "./vocabulary";
import { PUBLICATION_CONSENT_LABELS } from "./public-naming";
import { MAX_FILE_BYTES } from "./files";
import {
  asksAboutAge,
  countWords,
  needsGuardian,
  nomineeTypeProblem,
  selfNominationProblemKind,
  wordsOverLimit,
  type CategoryRules,
  type Step,
} from "./nomination";

export const HONEYPOT_FIELD = "website";

/** PostgreSQL cannot store a NUL character in text; no honest form sends one. */
export const NO_NUL_MESSAGE = "Remove the invisible control character (NUL) from this text";
export const hasNoNul = (text: string | undefined) => !text || !text.includes("\u0000");

/**
 * Validation messages come from the catalogue (app/locales/<language>/validation.json): each
 * schema is built with the page's translator, the same in the browser and on the server, so
 * one schema gives Welsh messages on a Welsh page and English ones on an English page.
 */
type ValidationCatalogue = typeof englishValidation;
type WithoutPlural<K> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;
export type ValidationKey = WithoutPlural<keyof ValidationCatalogue>;
export type Translate = (key: ValidationKey, values?: Record<string, string | number>) => string;

const required = (t: Translate, key: ValidationKey, max: number, tooLong: ValidationKey) =>
  z.string({ error: t(key) }).check(z.trim(), z.minLength(1, t(key)), z.maxLength(max, t(tooLong, { max })), z.refine(hasNoNul, t("noNul")));

const optional = (t: Translate, max: number, tooLong: ValidationKey) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, t(tooLong, { max })), z.refine(hasNoNul, t("noNul"))));

const email = (t: Translate, key: ValidationKey, tooLong: ValidationKey, format: ValidationKey) =>
  z.pipe(z.string({ error: t(key) }).check(z.trim(), z.maxLength(254, t(tooLong, { max: 254 }))), z.email({ error: t(format) }));

const optionalEmail = (t: Translate, tooLong: ValidationKey, format: ValidationKey) =>
  z.optional(z.pipe(z.string().check(z.trim(), z.maxLength(254, t(tooLong, { max: 254 }))), z.email({ error: t(format) })));

const phone = (t: Translate, tooLong: ValidationKey, format: ValidationKey) =>
  z.optional(z.string().check(z.trim(), z.maxLength(30, t(tooLong, { max: 30 })), z.regex(/^[0-9+()\s-]{6,30}$/, t(format))));

/** Runs an object's cross-field check even when a field failed, so every error shows on the first send. */
const ALWAYS = { when: () => true };

const yesNo = (message: string) => z.enum(["yes", "no"], { error: message });

// ---------------------------------------------------------------- the nominee

/** `nomineeTypes` names the allowed types in the page's language ("sponsor groups or local authorities"). */
export function nomineeSchema(category: CategoryRules, t: Translate, nomineeTypes: string) {
  return z
    .object({
      nomineeType: z
        .string({ error: t("nomineeType") })
        .check(z.refine((v) => nomineeTypeProblem(category, v) === null, { error: t("nomineeTypeNotHere", { types: nomineeTypes }) })),
      nomineeName: required(t, "nomineeName", 200, "nomineeNameTooLong"),
      nomineeOrganisation: optional(t, 200, "nomineeOrganisationTooLong"),
      nomineeLocalAuthority: optional(t, 120, "nomineeLocalAuthorityTooLong"),
      nomineeEmail: optionalEmail(t, "nomineeEmailTooLong", "nomineeEmailFormat"),
      nomineeKnows: yesNo(t("nomineeKnows")),
      nomineeIsUnder18: z.optional(yesNo(t("nomineeIsUnder18"))),
      guardianName: optional(t, 200, "guardianNameTooLong"),
      guardianEmail: optionalEmail(t, "guardianEmailTooLong", "guardianEmailFormat"),
      guardianPhone: phone(t, "guardianPhoneTooLong", "guardianPhoneFormat"),
      guardianConsent: z.optional(z.boolean()),
      guardianPublicationConsent: z.optional(z.enum(PUBLICATION_CONSENTS, { error: t("guardianPublicationConsent") })),
    })
    // `when`: the conditional fields are checked in the same pass as the rest, so one send shows every error.
    .check(z.superRefine((value, ctx) => {
      if (asksAboutAge(category) && value.nomineeType === "individual" && !value.nomineeIsUnder18) {
        ctx.addIssue({ code: "custom", path: ["nomineeIsUnder18"], message: t("nomineeIsUnder18") });
      }
      if (!needsGuardian(category, { type: value.nomineeType, isUnder18: value.nomineeIsUnder18 === "yes" })) return;
      if (!value.guardianName) {
        ctx.addIssue({ code: "custom", path: ["guardianName"], message: t("guardianName") });
      }
      if (!value.guardianEmail) {
        ctx.addIssue({ code: "custom", path: ["guardianEmail"], message: t("guardianEmail") });
      }
      if (!value.guardianConsent) {
        ctx.addIssue({ code: "custom", path: ["guardianConsent"], message: t("guardianConsent") });
      }
      if (!value.guardianPublicationConsent) {
        ctx.addIssue({ code: "custom", path: ["guardianPublicationConsent"], message: t("guardianPublicationConsent") });
      }
    }, ALWAYS));
}
export type NomineeValues = z.infer<ReturnType<typeof nomineeSchema>>;
export type NomineeInput = z.input<ReturnType<typeof nomineeSchema>>;

// ---------------------------------------------------------------- the nominator

export function nominatorSchema(category: CategoryRules, t: Translate, nomineeEmail?: string | null) {
  return z
    .object({
      nominatorName: required(t, "nominatorName", 200, "nominatorNameTooLong"),
      nominatorEmail: email(t, "nominatorEmail", "nominatorEmailTooLong", "nominatorEmailFormat"),
      nominatorPhone: phone(t, "nominatorPhoneTooLong", "nominatorPhoneFormat"),
      nominatorOrganisation: optional(t, 200, "nominatorOrganisationTooLong"),
      nominatorRelationship: required(t, "nominatorRelationship", 300, "nominatorRelationshipTooLong"),
      isSelfNomination: yesNo(t("isSelfNomination")),
    })
    .check(z.superRefine((value, ctx) => {
      const problem = selfNominationProblemKind(category, {
        isSelfNomination: value.isSelfNomination === "yes",
        nominatorEmail: value.nominatorEmail,
        nomineeEmail,
      });
      if (problem) ctx.addIssue({ code: "custom", path: ["isSelfNomination"], message: t(problem) });
    }, ALWAYS));
}
export type NominatorValues = z.infer<ReturnType<typeof nominatorSchema>>;

// ---------------------------------------------------------------- the case

/** `label` is the question as the page shows it (in Welsh where an administrator wrote it). */
export type QuestionRules = { id: number; label: string; wordLimit: number; required: boolean };

export const answerField = (questionId: number) => `answer${questionId}`;

/** The most a draft answer may hold: far above any word limit, only a guard against abuse. */
export const draftAnswerMaxChars = (wordLimit: number) => Math.max(wordLimit * 20, 10_000);

/**
 * `complete` (the default) is what submitting needs: every required answer, within its word
 * limit. `draft` is what saving needs: any text as typed, so nothing is lost when an answer
 * runs over its limit; the limit is enforced when the nomination is sent.
 */
export function caseSchema(questions: readonly QuestionRules[], t: Translate, mode: "complete" | "draft" = "complete") {
  const shape: Record<string, z.ZodMiniType<string | undefined>> = {};
  for (const q of questions) {
    const stored = () =>
      z
        .string({ error: t("answer", { label: q.label }) })
        .check(z.maxLength(draftAnswerMaxChars(q.wordLimit), t("answerTooLong", { label: q.label })), z.refine(hasNoNul, t("noNul")));
    if (mode === "draft") {
      shape[answerField(q.id)] = z.optional(stored());
      continue;
    }
    const counted = stored().check(
      z.superRefine((text, ctx) => {
        const over = wordsOverLimit(q.wordLimit, countWords(text));
        if (over > 0) ctx.addIssue({ code: "custom", message: t("answerOverLimit", { label: q.label, limit: q.wordLimit, count: over }) });
      }),
    );
    shape[answerField(q.id)] = q.required ? counted : z.optional(counted);
  }
  return z.object(shape);
}

// ---------------------------------------------------------------- files and the check

export function fileSchema(t: Translate) {
  return z.object({
    file: z.file({ error: t("file") }).check(z.maxSize(MAX_FILE_BYTES, t("fileTooLarge"))),
  });
}

export function checkSchema(t: Translate) {
  return z.object({
    privacyConsent: z.boolean({ error: t("privacyConsent") }).check(z.refine((v) => v, t("privacyConsent"))),
  });
}

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
  t: Translate,
  nomineeTypes: string,
): Array<{ step: Step; message: string }> {
  const problems: Array<{ step: Step; message: string }> = [];
  const checks: Array<[Step, z.ZodMiniType, Record<string, unknown>]> = [
    ["nominee", nomineeSchema(category, t, nomineeTypes), { ...nomineeFormValues(nomination), guardianConsent: nomination.guardianConsent || undefined }],
    ["nominator", nominatorSchema(category, t, nomination.nomineeEmail), nominatorFormValues(nomination, nominatorStarted)],
    ["case", caseSchema(questions, t), caseFormValues(answers)],
  ];
  for (const [step, schema, values] of checks) {
    const result = z.safeParse(schema, withoutUndefined(values));
    if (!result.success) problems.push({ step, message: result.error.issues[0]?.message ?? t("unfinished") });
  }
  return problems;
}

function withoutUndefined(values: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ""));
}

// ---------------------------------------------------------------- a summary, for "check your answers" and the receipt

export type SummaryRow = { label: string; value: string; field?: string };
export type SummarySection = { step: Step; title: string; rows: SummaryRow[] };

/** The words of a summary: English here; a page in another language passes its catalogue's ("summary" in nomination.json). */
export type SummaryWords = {
  notGiven: string;
  none: string;
  yes: string;
  no: string;
  /** How a guardian lets an under-18 nominee be named in public (PUBLICATION_CONSENT_LABELS in English). */
  publicationConsent: Record<PublicationConsent, string>;
  sections: Record<Exclude<Step, "check">, string>;
  labels: Record<
    | "nomineeType" | "nomineeName" | "nomineeOrganisation" | "nomineeLocalAuthority" | "nomineeEmail" | "nomineeKnows"
    | "nomineeIsUnder18" | "guardianName" | "guardianEmail" | "guardianPhone" | "guardianConsent" | "guardianPublicationConsent" | "nominatorName"
    | "nominatorEmail" | "nominatorPhone" | "nominatorOrganisation" | "nominatorRelationship" | "isSelfNomination" | "file",
    string
  >;
};

export const ENGLISH_SUMMARY_WORDS: SummaryWords = {
  notGiven: "Not given",
  none: "None",
  yes: "Yes",
  no: "No",
  publicationConsent: PUBLICATION_CONSENT_LABELS,
  sections: { nominee: "The nominee", nominator: "About you", case: "Your case", files: "Supporting files" },
  labels: {
    nomineeType: "Who you are nominating",
    nomineeName: "Name",
    nomineeOrganisation: "Organisation",
    nomineeLocalAuthority: "Local authority area",
    nomineeEmail: "Their email address",
    nomineeKnows: "They know about this nomination",
    nomineeIsUnder18: "Under 18",
    guardianName: "Parent or guardian",
    guardianEmail: "Parent or guardian's email",
    guardianPhone: "Parent or guardian's phone",
    guardianConsent: "Parent or guardian agrees",
    guardianPublicationConsent: "How they may be named in public",
    nominatorName: "Your name",
    nominatorEmail: "Your email address",
    nominatorPhone: "Your phone number",
    nominatorOrganisation: "Your organisation",
    nominatorRelationship: "How you know them",
    isSelfNomination: "Nominating yourself",
    file: "Files",
  },
};

export function summariseNomination(
  category: CategoryRules,
  questions: readonly QuestionRules[],
  n: SavedNomination,
  answers: ReadonlyMap<number, string>,
  files: ReadonlyArray<{ filename: string }>,
  typeLabels: Record<string, string>,
  words: SummaryWords = ENGLISH_SUMMARY_WORDS,
): SummarySection[] {
  const w = words;
  const shown = (v: string | null | undefined) => (v && v.trim() ? v : w.notGiven);
  const yesNoText = (v: boolean | null | undefined) => (v === true ? w.yes : v === false ? w.no : w.notGiven);
  const row = (field: keyof SummaryWords["labels"], value: string): SummaryRow => ({ label: w.labels[field], value, field });
  const nominee: SummaryRow[] = [
    row("nomineeType", n.nomineeType ? typeLabels[n.nomineeType] : w.notGiven),
    row("nomineeName", shown(n.nomineeName)),
    row("nomineeOrganisation", shown(n.nomineeOrganisation)),
    row("nomineeLocalAuthority", shown(n.nomineeLocalAuthority)),
    row("nomineeEmail", shown(n.nomineeEmail)),
    row("nomineeKnows", yesNoText(n.nomineeKnows)),
  ];
  if (asksAboutAge(category) && n.nomineeType === "individual") {
    nominee.push(row("nomineeIsUnder18", yesNoText(n.nomineeIsUnder18)));
  }
  if (needsGuardian(category, { type: n.nomineeType, isUnder18: n.nomineeIsUnder18 })) {
    nominee.push(
      row("guardianName", shown(n.guardianName)),
      row("guardianEmail", shown(n.guardianEmail)),
      row("guardianPhone", shown(n.guardianPhone)),
      row("guardianConsent", n.guardianConsent ? w.yes : w.no),
      row("guardianPublicationConsent", n.guardianPublicationConsent ? w.publicationConsent[n.guardianPublicationConsent] : w.notGiven),
    );
  }
  return [
    { step: "nominee", title: w.sections.nominee, rows: nominee },
    {
      step: "nominator",
      title: w.sections.nominator,
      rows: [
        row("nominatorName", shown(n.nominatorName)),
        row("nominatorEmail", shown(n.nominatorEmail)),
        row("nominatorPhone", shown(n.nominatorPhone)),
        row("nominatorOrganisation", shown(n.nominatorOrganisation)),
        row("nominatorRelationship", shown(n.nominatorRelationship)),
        row("isSelfNomination", n.isSelfNomination ? w.yes : w.no),
      ],
    },
    {
      step: "case",
      title: w.sections.case,
      rows: questions.map((q) => ({ label: q.label, value: shown(answers.get(q.id)), field: answerField(q.id) })),
    },
    {
      step: "files",
      title: w.sections.files,
      rows: [row("file", files.length ? files.map((f) => f.filename).join(", ") : w.none)],
    },
  ];
}
