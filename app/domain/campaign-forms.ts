/**
 * One zod schema per public campaign form, for the browser (Conform's constraints) and the
 * server. The letter's rules that need earlier letters (near-duplicates) run in the model. The
 * admin's campaign form is in campaign-admin-forms.ts, so public pages do not carry it. Written
 * with `zod/mini`, so the browser loads only the checks these forms use (decision 038).
 */
import * as z from "zod/mini";
import type englishCampaign from "~/locales/en/campaign.json";
import { MAX_LETTER_CHARS, normalisePostcode } from "./campaign";
import { hasNoNul } from "./nomination-forms";

export { HONEYPOT_FIELD } from "./nomination-forms";

/**
 * The supporter's forms speak the page's language: each schema is built with a translator of
 * the `campaign` catalogue's errors (app/i18n.ts `campaignValidation`), the same in the
 * browser and on the server, as the nomination journey's are (nomination-forms.ts).
 */
export type CampaignErrorKey = keyof (typeof englishCampaign)["errors"];
export type CampaignTranslate = (key: CampaignErrorKey, values?: Record<string, string | number>) => string;

const required = (t: CampaignTranslate, key: CampaignErrorKey, max: number, tooLong: CampaignErrorKey) =>
  z.string({ error: t(key) }).check(z.trim(), z.minLength(1, t(key)), z.maxLength(max, t(tooLong, { max })), z.refine(hasNoNul, t("noNul")));

const optional = (t: CampaignTranslate, max: number, tooLong: CampaignErrorKey) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, t(tooLong, { max })), z.refine(hasNoNul, t("noNul"))));

const postcode = (t: CampaignTranslate) =>
  z.pipe(
    z
      .string({ error: t("postcode") })
      .check(z.trim(), z.minLength(1, t("postcode")), z.maxLength(12, t("postcodeFormat")), z.refine((v) => normalisePostcode(v) !== null, t("postcodeFormat"))),
    z.transform((v: string) => normalisePostcode(v) as string),
  );

export function letterSchema(t: CampaignTranslate) {
  return z.object({
    /** Which MP: from the postcode lookup or the constituency list, carried in a hidden field. */
    constituency: required(t, "findMpFirst", 200, "constituencyTooLong"),
    senderName: required(t, "name", 120, "nameTooLong"),
    senderAddress: required(t, "address", 300, "addressTooLong"),
    senderPostcode: postcode(t),
    senderEmail: z.pipe(z.string({ error: t("email") }).check(z.trim(), z.maxLength(254, t("emailTooLong", { max: 254 }))), z.email({ error: t("emailFormat") })),
    body: required(t, "body", MAX_LETTER_CHARS, "bodyTooLong"),
  });
}
export type LetterValues = z.infer<ReturnType<typeof letterSchema>>;

export function feedbackSchema(t: CampaignTranslate) {
  return z.object({
    constituency: optional(t, 200, "constituencyTooLong"),
    met: z.enum(["yes", "no"], { error: t("met") }),
    signed: z.optional(z.enum(["yes", "no", "not-yet"])),
    story: optional(t, 4000, "storyTooLong"),
  });
}
