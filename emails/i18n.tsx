/**
 * The words of the emails to nominators, nominees and guardians, in the language of the
 * nomination: an i18next instance of its own per language (no global state, so two emails in
 * two languages can be rendered side by side), reading the `emails` namespace of
 * app/locales/<language>/emails.json. Emails to judges, admins and sign-in stay English.
 */
import i18next from "i18next";
import { Fragment, type ReactNode } from "react";
import { HTML_LANG, type Language, type LocalisedText } from "~/domain/language";
import { formatLondon } from "~/domain/time";
import cyEmails from "~/locales/cy/emails.json";
import enEmails from "~/locales/en/emails.json";

export const EMAIL_NAMESPACE = "emails";
export const EMAIL_CATALOGUES = { en: enEmails, cy: cyEmails } as const;

type PluralSuffix = "_zero" | "_one" | "_two" | "_few" | "_many" | "_other";
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer Base}${PluralSuffix}` ? Base : K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Every key of the English catalogue (plural forms by their base key). */
export type EmailKey = Leaves<typeof enEmails>;

type Values = Record<string, string | number>;

export interface EmailText {
  language: Language;
  /** The value for a `lang` attribute. */
  lang: string;
  t(key: EmailKey, values?: Values): string;
  /** Like t, but values may be elements (a <strong>, a <span lang>), kept as elements. */
  rich(key: EmailKey, values: Record<string, ReactNode>): ReactNode;
  /** Whether the catalogue has this key (for labels that may come from elsewhere). */
  has(key: string): boolean;
  /** A date and time in Europe/London, written the way this language writes it: the pages' formatLondon, so a page and its email agree. */
  date(date: Date | null): string;
  /** Admin-entered text: marked with its own `lang` when it fell back to the other language. */
  text(value: LocalisedText): ReactNode;
}

const SENTINEL = "\u0001";

// One instance per language, made on first use: setting one up costs milliseconds, and an
// email asks for its words several times (subject, layout, body). Each is fixed to its
// language and never changed afterwards, so sharing it keeps two languages apart.
const made = new Map<Language, EmailText>();

export function emailText(language: Language): EmailText {
  let text = made.get(language);
  if (!text) {
    text = makeEmailText(language);
    made.set(language, text);
  }
  return text;
}

function makeEmailText(language: Language): EmailText {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: ["en", "cy"],
    ns: [EMAIL_NAMESPACE],
    defaultNS: EMAIL_NAMESPACE,
    resources: { en: { [EMAIL_NAMESPACE]: enEmails }, cy: { [EMAIL_NAMESPACE]: cyEmails } },
    // Resources are in memory: initialise synchronously, so t works as soon as init returns.
    initImmediate: false,
    // React escapes what it renders; subjects are plain text.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Keys are checked by EmailKey above; i18next's own key types cover the page namespaces.
  const fixed = instance.getFixedT(language, EMAIL_NAMESPACE as never) as unknown as (key: string, values: Values) => unknown;
  const t = (key: string, values?: Values) => String(fixed(key, values ?? {}));
  return {
    language,
    lang: HTML_LANG[language],
    t,
    rich(key, values) {
      const placeholders: Values = {};
      for (const name of Object.keys(values)) {
        const v = values[name];
        placeholders[name] = typeof v === "string" || typeof v === "number" ? v : `${SENTINEL}${name}${SENTINEL}`;
      }
      const parts = t(key, placeholders).split(SENTINEL);
      return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? values[part] : part}</Fragment>);
    },
    has: (key) => instance.exists(key, { ns: EMAIL_NAMESPACE as never, lng: language }),
    date: (date) => (!date ? t("layout.notSet") : formatLondon(date, language)),
    text: (value) => (value.language === language ? value.text : <span lang={HTML_LANG[value.language]}>{value.text}</span>),
  };
}
