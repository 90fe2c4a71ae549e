// Which language a piece of public text is shown in. Administrators write Welsh beside the
// English; where the Welsh is still missing, the English is shown and marked as English so a
// screen reader pronounces it right (`lang="en-GB"` on its element).
import type { Language } from "./vocabulary";

export type { Language } from "./vocabulary";

/** The value of `lang` attributes for each language of the public side. */
export const HTML_LANG: Record<Language, string> = { en: "en-GB", cy: "cy" };

export interface LocalisedText {
  text: string;
  /** The language the text is actually in: the page's, or English where the Welsh is missing. */
  language: Language;
}

/** The text to show on a page in `language`, falling back to English where no Welsh is written. */
export function localised(english: string, welsh: string | null | undefined, language: Language): LocalisedText {
  if (language === "cy" && welsh != null && welsh.trim() !== "") return { text: welsh, language: "cy" };
  return { text: english, language: "en" };
}

/** True when a Welsh field is still to be written for a non-empty English one. */
export function missingWelsh(english: string | null | undefined, welsh: string | null | undefined): boolean {
  return (english ?? "").trim() !== "" && (welsh ?? "").trim() === "";
}

/** A language from untrusted input (a form field, a job payload), or null when it is none of ours. */
export function parseLanguage(value: unknown): Language | null {
  return value === "en" || value === "cy" ? value : null;
}
