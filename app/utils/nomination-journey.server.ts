/**
 * What every step of the nomination journey does the same way: find the nominator's
 * nomination, refuse writes the rules forbid with a clear message (and the text kept),
 * and decide where a save goes next.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Nomination } from "#db/schema";
import { canChangeNominations, nextStep, type Step } from "~/domain/nomination";
import { HONEYPOT_FIELD } from "~/domain/nomination-forms";
import type { CycleDates } from "~/domain/phases";
import { formatLondon } from "~/domain/time";
import type { Language } from "~/domain/vocabulary";
import { translator } from "~/i18n";
import { describeWait, type RateLimitResult } from "./rate-limit.server";
import { stepPath } from "./nomination-paths";

/** What the refusals need to know of a journey: its cycle's dates. */
type JourneyCycle = { cycle: CycleDates };

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
