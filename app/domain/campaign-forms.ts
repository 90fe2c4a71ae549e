/**
 * One zod schema per campaign form, for the browser (Conform's constraints) and the server.
 * The letter's rules that need earlier letters (near-duplicates) run in the model. Written with
 * `zod/mini`, so the browser loads only the checks these forms use (decision 038).
 */
import * as z from "zod/mini";
import type { CampaignAsk } from "./campaign";
import { MAX_LETTER_CHARS, normalisePostcode } from "./campaign";
import { hasNoNul, NO_NUL_MESSAGE } from "./nomination-forms";

export { HONEYPOT_FIELD } from "./nomination-forms";

const text = (message: string, max: number, what: string) =>
  z.string({ error: message }).check(z.trim(), z.minLength(1, message), z.maxLength(max, `${what} must be ${max} characters or fewer`), z.refine(hasNoNul, NO_NUL_MESSAGE));

const optionalText = (max: number, what: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${what} must be ${max} characters or fewer`), z.refine(hasNoNul, NO_NUL_MESSAGE)));

export const POSTCODE_MESSAGE = "Enter a full UK postcode, like SW1A 1AA";

const postcode = z.pipe(
  z
    .string({ error: "Enter your postcode" })
    .check(z.trim(), z.minLength(1, "Enter your postcode"), z.maxLength(12, POSTCODE_MESSAGE), z.refine((v) => normalisePostcode(v) !== null, POSTCODE_MESSAGE)),
  z.transform((v: string) => normalisePostcode(v) as string),
);

export const postcodeSchema = z.object({ postcode });
export const constituencySchema = z.object({ constituency: text("Choose your constituency", 200, "The constituency") });

export const letterSchema = z.object({
  /** Which MP: from the postcode lookup or the constituency list, carried in a hidden field. */
  constituency: text("Find your MP first", 200, "The constituency"),
  senderName: text("Enter your full name", 120, "Your name"),
  senderAddress: text("Enter your street address and town", 300, "Your address"),
  senderPostcode: postcode,
  senderEmail: z.pipe(
    z.string({ error: "Enter your email address" }).check(z.trim(), z.maxLength(254, "Your email address must be 254 characters or fewer")),
    z.email({ error: "Enter your email address in the correct format, like name@example.org" }),
  ),
  body: text("Write your letter", MAX_LETTER_CHARS, "Your letter"),
});
export type LetterValues = z.infer<typeof letterSchema>;

export const feedbackSchema = z.object({
  constituency: optionalText(200, "The constituency"),
  met: z.enum(["yes", "no"], { error: "Say whether you have met your MP" }),
  signed: z.optional(z.enum(["yes", "no", "not-yet"])),
  story: optionalText(4000, "Your story"),
});

// ---------------------------------------------------------------- the admin's campaign form

const LONDON_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const dateTime = (what: string) => z.optional(z.string().check(z.trim(), z.regex(LONDON_DATETIME, `Enter ${what} as a date and time`)));

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
      .check(
        z.trim(),
        z.minLength(1, "Enter the address of the campaign page"),
        z.maxLength(60, "The address must be 60 characters or fewer"),
        z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes, like protect-sponsorship"),
      ),
    summary: text("Enter a summary", 2000, "The summary"),
    asks: text("Enter at least one ask", 6000, "The asks").check(
      z.refine((v) => parseAsks(v).every((a) => a.title.length <= 200), "Each ask's first line is its title, of 200 characters or fewer"),
    ),
    letterGuidance: optionalText(6000, "The guidance"),
    briefing: optionalText(20000, "The briefing"),
    signedFormsTo: optionalText(500, "Where signed forms go"),
    opensAt: dateTime("when the campaign opens"),
    closesAt: dateTime("when the campaign closes"),
  })
  .check(z.refine((v) => !v.opensAt || !v.closesAt || v.opensAt < v.closesAt, { path: ["closesAt"], message: "The campaign must close after it opens" }));
export type CampaignInput = z.infer<typeof campaignSchema>;

export const feedbackChoices = { met: ["yes", "no"], signed: ["yes", "no", "not-yet"] } as const;
