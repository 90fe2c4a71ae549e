/**
 * The administrator's campaign form (English, with the Welsh beside it, decision 031): one zod
 * schema for the browser and the server, and how the asks are typed.
 */
import { z } from "zod";
import type { CampaignAsk } from "./campaign";
import { hasNoNul, NO_NUL_MESSAGE } from "./nomination-forms";
import { campaignWelshProblems, normaliseWelsh, type WelshCampaign } from "./welsh-content";

const text = (message: string, max: number, what: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${what} must be ${max} characters or fewer`)
    .refine(hasNoNul, NO_NUL_MESSAGE);

const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, `${what} must be ${max} characters or fewer`).refine(hasNoNul, NO_NUL_MESSAGE).optional();

const LONDON_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const dateTime = (what: string) =>
  z.string().trim().regex(LONDON_DATETIME, `Enter ${what} as a date and time`).optional();

/**
 * The asks as an admin types them: one ask per block, blocks separated by a blank line,
 * the first line of a block its title and the rest its paragraph.
 */
export function parseAsks(input: string): CampaignAsk[] {
  return input
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const [title, ...rest] = block.split("\n");
      return { title: title.trim(), body: rest.join(" ").replace(/\s+/g, " ").trim() };
    });
}

export function formatAsks(asks: CampaignAsk[]): string {
  return asks.map((a) => (a.body ? `${a.title}\n${a.body}` : a.title)).join("\n\n");
}

export const campaignSchema = z
  .object({
    title: text("Enter the campaign's title", 200, "The title"),
    slug: z
      .string({ error: "Enter the address of the campaign page" })
      .trim()
      .min(1, "Enter the address of the campaign page")
      .max(60, "The address must be 60 characters or fewer")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes, like protect-sponsorship"),
    summary: text("Enter a summary", 2000, "The summary"),
    asks: text("Enter at least one ask", 6000, "The asks").refine(
      (v) => parseAsks(v).every((a) => a.title.length <= 200),
      "Each ask's first line is its title, of 200 characters or fewer",
    ),
    letterGuidance: optionalText(6000, "The guidance"),
    briefing: optionalText(20000, "The briefing"),
    signedFormsTo: optionalText(500, "Where signed forms go"),
    opensAt: dateTime("when the campaign opens"),
    closesAt: dateTime("when the campaign closes"),
    // The Welsh beside the English (decision 031): optional, the English shows until it is written.
    titleCy: z.string().trim().optional(),
    summaryCy: z.string().trim().optional(),
    asksCy: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || parseAsks(v).every((a) => a.title.length <= 240), "Each Welsh ask's first line is its title, of 240 characters or fewer"),
    letterGuidanceCy: z.string().trim().optional(),
    briefingCy: z.string().trim().optional(),
  })
  .refine((v) => !v.opensAt || !v.closesAt || v.opensAt < v.closesAt, { path: ["closesAt"], message: "The campaign must close after it opens" })
  .superRefine((v, ctx) => {
    for (const [field, message] of Object.entries(campaignWelshProblems(welshCampaignOf(v)))) ctx.addIssue({ code: "custom", path: [field], message });
  });
export type CampaignInput = z.infer<typeof campaignSchema>;

/** The admin form's text fields as the Welsh rules read them. */
export function welshCampaignOf(v: {
  title: string;
  summary: string;
  asks: string;
  letterGuidance?: string;
  briefing?: string;
  titleCy?: string;
  summaryCy?: string;
  asksCy?: string;
  letterGuidanceCy?: string;
  briefingCy?: string;
}): WelshCampaign {
  return {
    title: v.title,
    titleCy: normaliseWelsh(v.titleCy),
    summary: v.summary,
    summaryCy: normaliseWelsh(v.summaryCy),
    asks: v.asks,
    asksCy: normaliseWelsh(v.asksCy),
    letterGuidance: v.letterGuidance ?? "",
    letterGuidanceCy: normaliseWelsh(v.letterGuidanceCy),
    briefing: v.briefing ?? "",
    briefingCy: normaliseWelsh(v.briefingCy),
  };
}

export const feedbackChoices = { met: ["yes", "no"], signed: ["yes", "no", "not-yet"] } as const;
