/**
 * Translation on the server: every catalogue is loaded at start-up, the language of a request
 * is read from its address (/cy/… is Welsh, docs/decisions/030), and each page gets an
 * i18next instance of its own in entry.server.tsx.
 */
import i18next, { createInstance, type i18n as I18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { languageOfPath } from "~/domain/language-paths";
import type { Language } from "~/domain/vocabulary";
import { i18nConfig } from "~/i18n";

const files = import.meta.glob<{ default: Record<string, unknown> }>("./locales/*/*.json", { eager: true });

/** Every catalogue: resources[language][namespace]. */
export const resources: Resource = {};
for (const [file, module] of Object.entries(files)) {
  const [, language, namespace] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file)!;
  resources[language] ??= {};
  resources[language][namespace] = module.default;
}

/** The language of a request: its address decides, nothing else (no cookie, no Accept-Language). */
export function languageOf(request: Request): Language {
  return languageOfPath(new URL(request.url).pathname);
}

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...i18nConfig.supportedLngs],
    fallbackLanguage: i18nConfig.fallbackLng,
    order: ["custom"],
    findLocale: async (request) => languageOf(request),
  },
  i18next: { ...i18nConfig, resources },
});

/** An i18next instance for one page, in its language, with the namespaces its routes use. */
export async function pageI18n(language: Language, namespaces: string[]): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: language, ns: [...new Set([i18nConfig.defaultNS, ...namespaces])], resources });
  return instance;
}

// On the server the default instance holds every catalogue, for translators in loaders and
// actions and for meta functions (app/i18n.ts `translator`); in the browser it holds the page's.
void i18next.init({ ...i18nConfig, lng: "en", ns: Object.keys(resources.en ?? {}), resources, initImmediate: false });
