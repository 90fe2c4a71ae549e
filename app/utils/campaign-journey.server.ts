/**
 * What every public campaign page does the same way: find the campaign (404 otherwise)
 * and refuse a write that the honeypot or the campaign's dates forbid, with the text kept.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { campaignState, type CampaignDates } from "~/domain/campaign";
import { HONEYPOT_FIELD } from "~/domain/campaign-forms";
import { formatLondon } from "~/domain/time";
import { HONEYPOT_MESSAGE } from "./nomination-journey.server";

export function closedCampaignMessage(campaign: CampaignDates, now = new Date()): string | null {
  const state = campaignState(campaign, now);
  if (state === "closed") return `This campaign closed on ${formatLondon(campaign.closesAt)} (UK time), so we cannot send new letters. Thank you for your support.`;
  if (state === "not_open") return `This campaign opens on ${formatLondon(campaign.opensAt)} (UK time). Come back then to write to your MP.`;
  return null;
}

type Reply = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/** The honeypot and the campaign's dates, checked before anything else. Returns the response to send, or null. */
export function refuseCampaignWrite(campaign: CampaignDates, formData: FormData, submission: Reply, now = new Date()) {
  const trap = formData.get(HONEYPOT_FIELD);
  if (typeof trap === "string" && trap.trim() !== "") {
    return data({ result: submission.reply({ formErrors: [HONEYPOT_MESSAGE] }) }, { status: 400 });
  }
  const closed = closedCampaignMessage(campaign, now);
  if (closed) return data({ result: submission.reply({ formErrors: [closed] }) }, { status: 403 });
  return null;
}
