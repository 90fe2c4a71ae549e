/**
 * A nominator has no account: the secret in their emailed link is the key to their
 * nomination. This browser keeps it in an HttpOnly cookie scoped to the category's
 * journey (Path=/nominate/<slug>), so it never appears in a page address after the
 * first redirect, and the emailed link opens the same nomination on another device.
 */
import { getEnv } from "./env.server";

export const NOMINATION_COOKIE = "csa_nomination";
const COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function isAccessToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

function attributes(slug: string, maxAge: number) {
  const secure = getEnv().APP_URL.startsWith("https:") ? "; Secure" : "";
  return `Path=/nominate/${encodeURIComponent(slug)}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function nominationCookie(slug: string, token: string): string {
  return `${NOMINATION_COOKIE}=${token}; ${attributes(slug, COOKIE_MAX_AGE_S)}`;
}

export function blankNominationCookie(slug: string): string {
  return `${NOMINATION_COOKIE}=; ${attributes(slug, 0)}`;
}

export function readNominationToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === NOMINATION_COOKIE) {
      const value = rest.join("=");
      if (isAccessToken(value)) return value;
    }
  }
  return null;
}

export function resumeUrl(token: string): string {
  const url = new URL("/nominate/resume", getEnv().APP_URL);
  url.searchParams.set("t", token);
  return url.href;
}

export function confirmUrl(accessToken: string, confirmToken: string): string {
  const url = new URL("/nominate/confirm", getEnv().APP_URL);
  url.searchParams.set("t", accessToken);
  url.searchParams.set("c", confirmToken);
  return url.href;
}
