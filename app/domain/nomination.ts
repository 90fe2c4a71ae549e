/**
 * The rules of a public nomination, as pure functions: the journey's steps, word counts,
 * who a category accepts, when a nomination may be changed or withdrawn, references,
 * duplicate keys and the expiry of unconfirmed submissions.
 */
import type { NominationStatus, NomineeType } from "./vocabulary";
import { effectivePhase, nominationsAreOpen, type CycleDates } from "./phases";

// ---------------------------------------------------------------- steps

export const STEPS = ["nominee", "nominator", "case", "files", "check"] as const;
export type Step = (typeof STEPS)[number];

export const STEP_TITLES: Record<Step, string> = {
  nominee: "Who are you nominating?",
  nominator: "About you",
  case: "Your case for the nomination",
  files: "Supporting files",
  check: "Check your answers",
};

export function isStep(value: unknown): value is Step {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

export function stepNumber(step: Step): number {
  return STEPS.indexOf(step) + 1;
}

export function nextStep(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)];
}

/** The step before this one; none before the first (its back link is the category's page). */
export function previousStep(step: Step): Step | null {
  const index = STEPS.indexOf(step);
  return index > 0 ? STEPS[index - 1] : null;
}

/** The furthest step reached: a draft remembers it so "Continue" lands there. */
export function furthestStep(a: string, b: Step): Step {
  const current = isStep(a) ? a : "nominee";
  return STEPS.indexOf(b) > STEPS.indexOf(current) ? b : current;
}

// ---------------------------------------------------------------- words

/** Words as a person counts them: runs of characters between spaces. */
export function countWords(text: string | null | undefined): number {
  if (!text) return 0;
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** How many words an answer runs over its limit (0 when it fits). */
export function wordsOverLimit(limit: number, count: number): number {
  return Math.max(0, count - limit);
}

export function wordLimitMessage(limit: number, count: number): string | null {
  if (count <= limit) return null;
  const over = count - limit;
  return `must be ${limit} words or fewer (you have ${over} ${over === 1 ? "word" : "words"} too many)`;
}

// ---------------------------------------------------------------- who can be nominated

const NAME_LABELS: Record<NomineeType, string> = {
  group: "Name of the group",
  individual: "Their full name",
  council: "Name of the council",
  international: "Name of the group or person",
};

/** The nominee's name field says what kind of name: the chosen type's, or one that fits every type the category allows. */
export function nomineeNameLabel(chosen: string | null | undefined, allowed: readonly NomineeType[]): string {
  if (chosen && chosen in NAME_LABELS) return NAME_LABELS[chosen as NomineeType];
  if (allowed.length === 1) return NAME_LABELS[allowed[0]];
  return "Name of who you are nominating";
}

/** Which name label fits: the chosen type's, the only allowed type's, or "any" (the catalogue's keys). */
export function nomineeNameLabelKey(chosen: string | null | undefined, allowed: readonly NomineeType[]): NomineeType | "any" {
  if (chosen && chosen in NAME_LABELS) return chosen as NomineeType;
  if (allowed.length === 1) return allowed[0];
  return "any";
}

export const NOMINEE_TYPE_NOUNS: Record<NomineeType, string> = {
  group: "sponsor groups",
  individual: "individual people",
  council: "local authorities",
  international: "groups or people outside the UK",
};

export function describeNomineeTypes(types: readonly NomineeType[]): string {
  const nouns = types.map((t) => NOMINEE_TYPE_NOUNS[t]);
  if (nouns.length <= 1) return nouns[0] ?? "";
  return `${nouns.slice(0, -1).join(", ")} or ${nouns[nouns.length - 1]}`;
}

export type CategoryRules = {
  nomineeTypes: readonly NomineeType[];
  selfNominationAllowed: boolean;
  nomineeUnder18: boolean;
};

export function nomineeTypeProblem(category: CategoryRules, type: string | null | undefined): string | null {
  if (type && (category.nomineeTypes as readonly string[]).includes(type)) return null;
  return `This category is for ${describeNomineeTypes(category.nomineeTypes)}. Choose one of those`;
}

/** A person may be asked whether the nominee is under 18; some categories are under 18 by definition. */
export function needsGuardian(category: Pick<CategoryRules, "nomineeUnder18">, nominee: { type?: string | null; isUnder18?: boolean | null }): boolean {
  if (category.nomineeUnder18) return true;
  return nominee.type === "individual" && nominee.isUnder18 === true;
}

export function asksAboutAge(category: CategoryRules): boolean {
  return !category.nomineeUnder18 && category.nomineeTypes.includes("individual");
}

export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
}

/** Which self-nomination rule a nomination breaks, if any: its message is in the validation catalogue. */
export function selfNominationProblemKind(
  category: Pick<CategoryRules, "selfNominationAllowed">,
  nomination: { isSelfNomination: boolean; nominatorEmail?: string | null; nomineeEmail?: string | null },
): "selfNotAllowed" | "sameEmail" | null {
  if (category.selfNominationAllowed) return null;
  if (nomination.isSelfNomination) return "selfNotAllowed";
  if (sameEmail(nomination.nominatorEmail, nomination.nomineeEmail)) return "sameEmail";
  return null;
}

/** Self-nomination: declared by the nominator, or the nominee's email is the nominator's own. */
export function selfNominationProblem(
  category: Pick<CategoryRules, "selfNominationAllowed">,
  nomination: { isSelfNomination: boolean; nominatorEmail?: string | null; nomineeEmail?: string | null },
): string | null {
  if (category.selfNominationAllowed) return null;
  if (nomination.isSelfNomination) {
    return "You cannot nominate yourself in this category. Ask someone who knows your work to nominate you";
  }
  if (sameEmail(nomination.nominatorEmail, nomination.nomineeEmail)) {
    return "The nominee's email address is the same as yours. You cannot nominate yourself in this category";
  }
  return null;
}

// ---------------------------------------------------------------- when things may happen

/** Drafts, submissions and edits: only while nominations are open. The server checks on every write. */
/** Nominations a nominator may still change: drafts, and submitted ones until the deadline. */
export function isEditable(nomination: { status: NominationStatus }): boolean {
  return nomination.status === "draft" || nomination.status === "submitted";
}

export function canChangeNominations(cycle: CycleDates, now: Date): boolean {
  return nominationsAreOpen(cycle, now);
}

/** A nominator may withdraw until judging starts, by phase or by the judging date. */
export function canWithdraw(cycle: CycleDates, now: Date): boolean {
  const phase = effectivePhase(cycle, now);
  if (phase !== "nominations_open" && phase !== "nominations_closed") return false;
  return !cycle.judgingOpenAt || now.getTime() < cycle.judgingOpenAt.getTime();
}

export const UNCONFIRMED_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Submitted nominations whose email was never confirmed stop waiting after 7 days. */
export function unconfirmedCutoff(now: Date): Date {
  return new Date(now.getTime() - UNCONFIRMED_LIFETIME_MS);
}

export function isUnconfirmedExpired(
  nomination: { status: string; submittedAt: Date | null; confirmedAt: Date | null },
  now: Date,
): boolean {
  return (
    nomination.status === "submitted" &&
    nomination.confirmedAt === null &&
    nomination.submittedAt !== null &&
    nomination.submittedAt.getTime() <= unconfirmedCutoff(now).getTime()
  );
}

// ---------------------------------------------------------------- references

/** No 0/O or 1/I, so a reference read aloud over the phone cannot be misheard. */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function makeReference(year: number, random: Uint8Array): string {
  if (random.length < 5) throw new Error("makeReference needs 5 random bytes");
  let code = "";
  // 32 symbols: a byte modulo 32 is uniform.
  for (let i = 0; i < 5; i++) code += REFERENCE_ALPHABET[random[i] % REFERENCE_ALPHABET.length];
  return `CSA-${year}-${code}`;
}

export function isReference(value: string): boolean {
  return /^CSA-\d{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}$/.test(value);
}

// ---------------------------------------------------------------- duplicates

const FILLER = new Set(["the", "a", "an", "of", "and"]);

/** Lower case, no accents, no punctuation, "&" as "and", filler words dropped. */
export function normaliseForMatch(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    // "St Mary's" and "St Marys" are the same name.
    .replace(/['‘’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w && !FILLER.has(w))
    .join(" ");
}

/** Two nominations of the same nominee in one category have equal keys. */
export function duplicateKey(name: string, organisation: string | null | undefined): string | null {
  const n = normaliseForMatch(name);
  if (!n) return null;
  return `${n}|${normaliseForMatch(organisation)}`;
}

/**
 * What a nominator's own pages may say of the status. Eligibility and results stay
 * inside until they are published and emailed, so page data cannot leak them early.
 */
export type NominatorStatus = "draft" | "submitted" | "withdrawn" | "in_review";
export function nominatorStatus(status: NominationStatus): NominatorStatus {
  return status === "draft" || status === "submitted" || status === "withdrawn" ? status : "in_review";
}
