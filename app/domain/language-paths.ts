/**
 * Welsh pages live at the English page's address under /cy (docs/decisions/030): a CDN keeps
 * each language at its own URL, and the language of a page is read from its address alone.
 */
import type { Language } from "./vocabulary";

export const WELSH_PREFIX = "/cy";

/** The language of a page by its path: /cy and everything under /cy/ is Welsh. */
export function languageOfPath(pathname: string): Language {
  return pathname === WELSH_PREFIX || pathname.startsWith(`${WELSH_PREFIX}/`) ? "cy" : "en";
}

/** The English path of a page, whichever language the given path is in. */
export function englishPath(pathname: string): string {
  if (languageOfPath(pathname) === "en") return pathname;
  const rest = pathname.slice(WELSH_PREFIX.length);
  return rest === "" ? "/" : rest;
}

/**
 * An address inside the site in `language`: "/nominate/x" stays as it is in English and
 * becomes "/cy/nominate/x" in Welsh. Query and fragment are kept; an address already in a
 * language is first brought back to English, so the helper can be applied twice.
 */
export function localisedPath(path: string, language: Language): string {
  const split = path.search(/[?#]/);
  const pathname = split === -1 ? path : path.slice(0, split);
  const tail = split === -1 ? "" : path.slice(split);
  const english = englishPath(pathname || "/");
  if (language === "en") return `${english}${tail}`;
  return `${english === "/" ? WELSH_PREFIX : `${WELSH_PREFIX}${english}`}${tail}`;
}

/** The same page in the other language. */
export function twinPath(pathname: string): string {
  return localisedPath(pathname, languageOfPath(pathname) === "cy" ? "en" : "cy");
}

/** Areas that stay in English (the judges' and administrators'), and so have no Welsh twin. */
const ENGLISH_ONLY = ["/admin", "/judge", "/dev", "/logout"];

/** True for a public page, which exists in both languages. */
export function hasWelshTwin(pathname: string): boolean {
  const english = englishPath(pathname);
  return !ENGLISH_ONLY.some((area) => english === area || english.startsWith(`${area}/`));
}
