/**
 * What every step of the nomination journey does the same way: what its page shows of the
 * journey, the form parsed with the step's schema after the refusals the rules make (with a
 * clear message, and the text kept), and where a save goes next. A step's route loads the
 * journey (app/models/nomination.server.ts), then hands it here.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { $ZodType } from "zod/v4/core";
import type { Nomination } from "#db/schema";
import { parseForm } from "~/components/schema-form";
import { localised } from "~/domain/language";
import { canChangeNominations, nextStep, type CategoryRules, type Step } from "~/domain/nomination";
import { HONEYPOT_FIELD } from "~/domain/nomination-forms";
import type { CycleDates } from "~/domain/phases";
import { formatLondon } from "~/domain/time";
import type { Language, NomineeType } from "~/domain/vocabulary";
import { translator } from "~/i18n";
import { describeWait, type RateLimitResult } from "./rate-limit.server";
import { stepPath } from "./nomination-paths";

/** What the refusals need to know of a journey: its cycle's dates. */
type JourneyCycle = { cycle: CycleDates };

/** What a step's page needs of its journey. */
type StepJourney = JourneyCycle & { category: { slug: string; name: string; nameCy: string | null } };

/**
 * What every step's page shows of its journey: the category (its name in the page's
 * language) and, once nominations have closed, the message that nothing can be saved.
 */
export function stepPage(journey: StepJourney, language: Language, now = new Date()) {
  const { category } = journey;
  return {
    category: { slug: category.slug, name: localised(category.name, category.nameCy, language) },
    closed: canChangeNominations(journey.cycle, now) ? null : closedMessage(journey, language),
  };
}

/** Who the category accepts, as the nominee and nominator steps' schemas need it in the browser. */
export function rulesOf(category: { nomineeTypes: NomineeType[]; selfNominationAllowed: boolean; nomineeUnder18: boolean }) {
  return {
    nomineeTypes: category.nomineeTypes,
    selfNominationAllowed: category.selfNominationAllowed,
    nomineeUnder18: category.nomineeUnder18,
  } satisfies CategoryRules;
}

type JourneyQuestion = { id: number; label: string; labelCy: string | null; help: string | null; helpCy: string | null; wordLimit: number; required: boolean };

/** The questions as a page in `language` shows them: Welsh where written, English marked as such. */
export function questionsIn(questions: readonly JourneyQuestion[], language: Language) {
  return questions.map((q) => ({
    id: q.id,
    label: localised(q.label, q.labelCy, language),
    help: q.help ? localised(q.help, q.helpCy, language) : null,
    wordLimit: q.wordLimit,
    required: q.required,
  }));
}

/**
 * A step's form, parsed with its schema (the one the browser checks with) after the refusals
 * every write makes. `refused` is the answer to send (the honeypot, the deadline, or the
 * schema's problems with the text kept); when it is null, `value` is what to save.
 */
export function parseStep<Schema extends $ZodType>(journey: JourneyCycle, formData: FormData, schema: Schema, language: Language, now = new Date()) {
  const submission = parseForm(formData, schema);
  const refused = refuseWrite(journey, formData, submission, now, language);
  if (refused) return { refused, submission };
  if (submission.status !== "success") return { refused: data({ result: submission.reply() }, { status: 400 }), submission };
  return { refused: null, submission, value: submission.value };
}

/** After a save: the next step, or back to "check your answers" once the nominator has been there. */
export function afterSave(slug: string, nomination: Nomination, step: Step, language: Language = "en"): string {
  if (nomination.status !== "draft" || nomination.step === "check") return stepPath(slug, "check", language);
  return stepPath(slug, nextStep(step), language);
}

export function closedMessage(journey: JourneyCycle, language: Language = "en"): string {
  return translator(language, "nomination")("closed", { date: formatLondon(journey.cycle.nominationsCloseAt, language) });
}

/** "5 minutes", "5 munud": how long a rate limit lasts, in the page's language. */
export function describeWaitIn(seconds: number, language: Language): string {
  const t = translator(language, "nomination");
  if (seconds < 90) return t("wait.seconds", { count: seconds });
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? t("wait.minutes", { count: minutes }) : t("wait.hours", { count: Math.ceil(minutes / 60) });
}

export const HONEYPOT_MESSAGE =
  'We could not accept this form because the field labelled "Leave this empty" was filled in. Clear it and try again.';

type Reply = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/**
 * The refusals every write checks before anything else: the honeypot and the deadline.
 * Returns the response to send, or null to carry on.
 */
export function refuseWrite(journey: JourneyCycle, formData: FormData, submission: Reply, now = new Date(), language: Language = "en") {
  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") {
    const message = language === "en" ? HONEYPOT_MESSAGE : translator(language, "nomination")("honeypot");
    return data({ result: submission.reply({ formErrors: [message] }) }, { status: 400 });
  }
  if (!canChangeNominations(journey.cycle, now)) {
    return data({ result: submission.reply({ formErrors: [closedMessage(journey, language)] }) }, { status: 403 });
  }
  return null;
}

/** The nomination journey's rate limits, each with its message in the catalogue. */
export type JourneyLimit = "startedNomination" | "emailedYou" | "submitted";

/**
 * `what` is English words for the campaign pages ("sent letters"), a journey limit said in the
 * page's language, or a page's own message (given the wait, in the page's language).
 */
export function rateLimited(
  submission: Reply,
  limit: RateLimitResult,
  what: string | { limit: JourneyLimit; language: Language } | { message: (wait: string) => string; language: Language },
) {
  const message =
    typeof what === "string"
      ? `You have ${what} too many times in a short while, so we have paused this for ${describeWait(limit.retryAfterSeconds)}. Your answers are still on this page: try again then.`
      : "message" in what
        ? what.message(describeWaitIn(limit.retryAfterSeconds, what.language))
        : translator(what.language, "nomination")(`rateLimited.${what.limit}`, { wait: describeWaitIn(limit.retryAfterSeconds, what.language) });
  return data(
    {
      result: submission.reply({ formErrors: [message] }),
    },
    { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
  );
}
