/**
 * One zod schema per public campaign form, for the browser (Conform's constraints) and the
 * server. The letter's rules that need earlier letters (near-duplicates) run in the model. The
 * admin's campaign form is in campaign-admin-forms.ts, so public pages do not carry it.
 */
import { z } from "zod";
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
  z
    .string({ error: t(key) })
    .trim()
    .min(1, t(key))
    .max(max, t(tooLong, { max }))
    .refine(hasNoNul, t("noNul"));

const optional = (t: CampaignTranslate, max: number, tooLong: CampaignErrorKey) =>
  z.string().trim().max(max, t(tooLong, { max })).refine(hasNoNul, t("noNul")).optional();

const postcode = (t: CampaignTranslate) =>
  z
    .string({ error: t("postcode") })
    .trim()
    .min(1, t("postcode"))
    .max(12, t("postcodeFormat"))
    .refine((v) => normalisePostcode(v) !== null, t("postcodeFormat"))
    .transform((v) => normalisePostcode(v) as string);

export function letterSchema(t: CampaignTranslate) {
  return z.object({
    /** Which MP: from the postcode lookup or the constituency list, carried in a hidden field. */
    constituency: required(t, "findMpFirst", 200, "constituencyTooLong"),
    senderName: required(t, "name", 120, "nameTooLong"),
    senderAddress: required(t, "address", 300, "addressTooLong"),
    senderPostcode: postcode(t),
    senderEmail: z
      .string({ error: t("email") })
      .trim()
      .max(254, t("emailTooLong", { max: 254 }))
      .pipe(z.email({ error: t("emailFormat") })),
    body: required(t, "body", MAX_LETTER_CHARS, "bodyTooLong"),
  });
}
export type LetterValues = z.infer<ReturnType<typeof letterSchema>>;

export function feedbackSchema(t: CampaignTranslate) {
  return z.object({
    constituency: optional(t, 200, "constituencyTooLong"),
    met: z.enum(["yes", "no"], { error: t("met") }),
    signed: z.enum(["yes", "no", "not-yet"]).optional(),
    story: optional(t, 4000, "storyTooLong"),
  });
}
