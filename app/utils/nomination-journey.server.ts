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
import { describeWait, type RateLimitResult } from "./rate-limit.server";
import { stepPath } from "./nomination-paths";

/** What the refusals need to know of a journey: its cycle's dates. */
type JourneyCycle = { cycle: CycleDates };

/** After a save: the next step, or back to "check your answers" once the nominator has been there. */
export function afterSave(slug: string, nomination: Nomination, step: Step): string {
  if (nomination.status !== "draft" || nomination.step === "check") return stepPath(slug, "check");
  return stepPath(slug, nextStep(step));
}

export function closedMessage(journey: JourneyCycle): string {
  return `Nominations closed on ${formatLondon(journey.cycle.nominationsCloseAt)} (UK time), so we cannot accept changes. Anything you saved before then is kept.`;
}

export const HONEYPOT_MESSAGE =
  'We could not accept this form because the field labelled "Leave this empty" was filled in. Clear it and try again.';

type Reply = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/**
 * The refusals every write checks before anything else: the honeypot and the deadline.
 * Returns the response to send, or null to carry on.
 */
export function refuseWrite(journey: JourneyCycle, formData: FormData, submission: Reply, now = new Date()) {
  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") {
    return data({ result: submission.reply({ formErrors: [HONEYPOT_MESSAGE] }) }, { status: 400 });
  }
  if (!canChangeNominations(journey.cycle, now)) {
    return data({ result: submission.reply({ formErrors: [closedMessage(journey)] }) }, { status: 403 });
  }
  return null;
}

export function rateLimited(submission: Reply, limit: RateLimitResult, what: string) {
  return data(
    {
      result: submission.reply({
        formErrors: [
          `You have ${what} too many times in a short while, so we have paused this for ${describeWait(limit.retryAfterSeconds)}. Your answers are still on this page: try again then.`,
        ],
      }),
    },
    { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
  );
}
