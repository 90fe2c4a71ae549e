/**
 * What every public campaign page does the same way: refuse a write that the honeypot or the
 * campaign's dates forbid, with the text kept, and say so in the page's language.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { campaignState, type CampaignDates } from "~/domain/campaign";
import { HONEYPOT_FIELD } from "~/domain/campaign-forms";
import type { Language } from "~/domain/language";
import { formatLondon } from "~/domain/time";
import { translator } from "~/i18n";
import { HONEYPOT_MESSAGE } from "./nomination-journey.server";

export function closedCampaignMessage(campaign: CampaignDates, language: Language = "en", now = new Date()): string | null {
  const state = campaignState(campaign, now);
  const t = translator(language, "campaign");
  if (state === "closed") return t("closed", { date: formatLondon(campaign.closesAt, language) });
  if (state === "not_open") return t("notOpen", { date: formatLondon(campaign.opensAt, language) });
  return null;
}

type Reply = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/** The honeypot and the campaign's dates, checked before anything else. Returns the response to send, or null. */
export function refuseCampaignWrite(campaign: CampaignDates, formData: FormData, submission: Reply, language: Language = "en", now = new Date()) {
  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") {
    const message = language === "en" ? HONEYPOT_MESSAGE : translator(language, "nomination")("honeypot");
    return data({ result: submission.reply({ formErrors: [message] }) }, { status: 400 });
  }
  const closed = closedCampaignMessage(campaign, language, now);
  if (closed) return data({ result: submission.reply({ formErrors: [closed] }) }, { status: 403 });
  return null;
}
