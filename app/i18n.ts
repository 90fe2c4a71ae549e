/**
 * i18next settings shared by the server (entry.server.tsx, app/i18n.server.ts) and the browser
 * (entry.client.tsx). Catalogues are files, app/locales/<language>/<namespace>.json; a route
 * names the namespaces it uses in `handle.i18n`, and the browser loads only those, in the
 * page's language (docs/decisions/030).
 */
import i18next, { type InitOptions, type Namespace, type TFunction } from "i18next";
import type { CampaignTranslate } from "~/domain/campaign-forms";
import type { Translate } from "~/domain/nomination-forms";
import type { NomineeType } from "~/domain/vocabulary";
import { languageOfPath } from "~/domain/language-paths";
import { LANGUAGES, type Language } from "~/domain/vocabulary";

export const DEFAULT_NAMESPACE = "common";

export const i18nConfig = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: "en",
  defaultNS: DEFAULT_NAMESPACE,
  fallbackNS: DEFAULT_NAMESPACE,
  ns: [DEFAULT_NAMESPACE],
  // React escapes what it renders already.
  interpolation: { escapeValue: false },
  // A Welsh string still missing shows the English rather than a key (a test keeps them equal).
  returnNull: false,
  react: { useSuspense: true },
} satisfies InitOptions;

/** A route's `handle`, naming the catalogues its page uses besides "common". */
export type I18nHandle = { i18n: string[] };

/**
 * A translator outside React (meta functions, loaders and actions, zod schemas): the default
 * i18next instance holds every catalogue on the server (app/i18n.server.ts) and the page's own
 * in the browser (entry.client.tsx).
 */
export function translator<N extends Namespace>(language: Language, namespace: N) {
  return i18next.getFixedT(language, namespace);
}

/** The translator for the page at `pathname` (a meta function's `location.pathname`). */
export function translatorFor<N extends Namespace>(pathname: string, namespace: N) {
  return translator(languageOfPath(pathname), namespace);
}

/** A validation translator for the zod schemas (domain/nomination-forms.ts), from i18next's. */
export function validationMessages(t: TFunction<"validation">): Translate {
  return (key, values) => String(t(key as never, values as never));
}

/** The campaign forms' zod messages (domain/campaign-forms.ts), from the campaign catalogue's `errors`. */
export function campaignValidation(t: TFunction<"campaign">): CampaignTranslate {
  return (key, values) => String(t(`errors.${key}` as never, values as never));
}

/** The campaign forms' messages in `language`, for an action or a loader. */
export function campaignValidationIn(language: Language): CampaignTranslate {
  return campaignValidation(translator(language, "campaign"));
}

/** "sponsor groups, individual people or local authorities", in the page's language. */
export function nomineeTypesIn(types: readonly NomineeType[], language: Language): string {
  const t = translator(language, "nomination");
  return new Intl.ListFormat(language === "cy" ? "cy" : "en-GB", { type: "disjunction" }).format(types.map((type) => t(`nomineeTypeNouns.${type}`)));
}

/** The journey's zod messages in `language`, for an action or a loader. */
export function validationIn(language: Language): Translate {
  return validationMessages(translator(language, "validation"));
}

/** A page title in the page's language: its parts, then the site's name ("… – Gwobrau Nawdd Cymunedol"). */
export function titleFor(pathname: string, ...parts: Array<string | null | undefined>): string {
  return [...parts, translatorFor(pathname, "common")("siteName")].filter(Boolean).join(" – ");
}
