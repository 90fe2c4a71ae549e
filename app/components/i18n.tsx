/**
 * The page's language in components: read from the address (docs/decisions/030), links that
 * stay in it, and admin-entered text marked with its own language where the Welsh is missing.
 */
import { useLocation } from "@remix-run/react";
import { useCallback, type ReactNode } from "react";
import { HTML_LANG, type LocalisedText } from "~/domain/language";
import { languageOfPath, localisedPath } from "~/domain/language-paths";
import type { Language } from "~/domain/vocabulary";

export function useLanguage(): Language {
  return languageOfPath(useLocation().pathname);
}

/** Builds addresses in the page's language: `path("/privacy")` is "/cy/privacy" on a Welsh page. */
export function useLocalisedPath() {
  const language = useLanguage();
  return useCallback((path: string) => localisedPath(path, language), [language]);
}

/**
 * Text an administrator wrote, as localised() chose it: on a page in another language (English
 * shown on a Welsh page because the Welsh is missing) it is wrapped in an element with its own
 * `lang`, so a screen reader pronounces it right.
 */
export function InLanguage({ text, as: Tag = "span", className }: { text: LocalisedText; as?: "span" | "div" | "p"; className?: string }): ReactNode {
  const page = useLanguage();
  const lang = text.language === page ? undefined : HTML_LANG[text.language];
  if (Tag === "span" && !lang && !className) return text.text;
  return (
    <Tag lang={lang} className={className}>
      {text.text}
    </Tag>
  );
}
