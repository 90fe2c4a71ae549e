/**
 * A nominator has no account: the secret in their emailed link is the key to their
 * nomination. This browser keeps it in an HttpOnly cookie, one per category
 * (csa_nomination_<slug>, Path=/nominate), so it never appears in a page address after
 * the first redirect, and the emailed link opens the same nomination on another device.
 * (A cookie with Path=/nominate/<slug> would miss Remix's data requests for that very
 * page, which go to /nominate/<slug>.data.) The Welsh journey lives under /cy/nominate, so
 * the same cookie is set for that path too (nominationCookieHeaders): a nominator can switch
 * language mid-journey and keep their draft.
 */
import { getEnv } from "./env.server";
import type { Language } from "~/domain/language";
import { localisedPath } from "~/domain/language-paths";

const COOKIE_PREFIX = "csa_nomination_";

export function nominationCookieName(slug: string): string {
  return `${COOKIE_PREFIX}${slug.replace(/[^a-z0-9-]/g, "")}`;
}
const COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function isAccessToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

const COOKIE_PATHS = ["/nominate", "/cy/nominate"];

function attributes(maxAge: number, path = COOKIE_PATHS[0]) {
  const secure = getEnv().APP_URL.startsWith("https:") ? "; Secure" : "";
  return `Path=${path}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function nominationCookie(slug: string, token: string, path?: string): string {
  return `${nominationCookieName(slug)}=${token}; ${attributes(COOKIE_MAX_AGE_S, path)}`;
}

export function blankNominationCookie(slug: string, path?: string): string {
  return `${nominationCookieName(slug)}=; ${attributes(0, path)}`;
}

/** Response headers that keep (or, with token null, forget) the draft's secret for both languages' journeys. */
export function nominationCookieHeaders(slug: string, token: string | null, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  for (const path of COOKIE_PATHS) {
    headers.append("Set-Cookie", token ? nominationCookie(slug, token, path) : blankNominationCookie(slug, path));
  }
  return headers;
}

/** Which journey a request is about: its category's slug (from the address) and this browser's secret for it. */
export function journeyKey(request: Request, params: { slug?: string }): [slug: string, token: string | null] {
  const slug = params.slug ?? "";
  return [slug, readNominationToken(request, slug)];
}

export function readNominationToken(request: Request, slug: string): string | null {
  const wanted = nominationCookieName(slug);
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === wanted) {
      const value = rest.join("=");
      if (isAccessToken(value)) return value;
    }
  }
  return null;
}

/** The links in a nominator's emails open the journey in the nomination's language (/cy/… for Welsh). */
export function resumeUrl(token: string, language: Language = "en"): string {
  const url = new URL(localisedPath("/nominate/resume", language), getEnv().APP_URL);
  url.searchParams.set("t", token);
  return url.href;
}

export function confirmUrl(accessToken: string, confirmToken: string, language: Language = "en"): string {
  const url = new URL(localisedPath("/nominate/confirm", language), getEnv().APP_URL);
  url.searchParams.set("t", accessToken);
  url.searchParams.set("c", confirmToken);
  return url.href;
}
