/**
 * Rules for caching public pages, in a CDN and in the app server's memory
 * (docs/decisions/009): how long a page may be kept, and which requests and answers
 * may be shared at all. Anything personal is never shared.
 */

/** The longest any shared cache keeps a public page. */
export const PUBLIC_CACHE_CEILING_S = 300;

/**
 * Seconds until the first of `moments` still ahead of `now`, at most `ceiling`: a page
 * that changes when nominations open or close, or results go public, is never kept past it.
 */
export function secondsUntilNextMoment(moments: ReadonlyArray<Date | null | undefined>, now: Date, ceiling = PUBLIC_CACHE_CEILING_S): number {
  const ahead = moments
    .filter((t): t is Date => t instanceof Date && t.getTime() > now.getTime())
    .map((t) => Math.floor((t.getTime() - now.getTime()) / 1000));
  return Math.max(0, Math.min(ceiling, ...ahead));
}

/** Cookies that make a request personal: a signed-in session, or a nomination draft's secret. */
const PERSONAL_COOKIE = /(?:^|;)\s*(?:csa_session|csa_nomination_[a-z0-9-]*)=[^;\s]/;

export function hasPersonalCookie(cookieHeader: string | null | undefined): boolean {
  return Boolean(cookieHeader && PERSONAL_COOKIE.test(cookieHeader));
}

/** The s-maxage a response allows a shared cache, or 0 when it may not be shared. */
export function sharedMaxAge(cacheControl: string | null | undefined): number {
  if (!cacheControl) return 0;
  const directives = cacheControl.toLowerCase().split(",").map((d) => d.trim());
  if (!directives.includes("public")) return 0;
  if (directives.some((d) => d === "private" || d === "no-store" || d === "no-cache")) return 0;
  const sMaxAge = directives.find((d) => d.startsWith("s-maxage="));
  const seconds = sMaxAge ? Number(sMaxAge.slice("s-maxage=".length)) : 0;
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
}

export const PRIVATE_NO_STORE = "private, no-store";

/**
 * The Cache-Control a response finally carries: a page for a signed-in person, one that sets
 * a cookie, or one answering a request with a personal cookie is never stored by anyone.
 */
export function finalCacheControl(input: { cacheControl: string | null; setsCookie: boolean; personalRequest: boolean }): string | null {
  return input.setsCookie || input.personalRequest ? PRIVATE_NO_STORE : input.cacheControl;
}

/**
 * Cache-Control for a public page that changes at `moments`: shared caches keep it until the
 * next moment (at most five minutes), and may serve it stale while they fetch a fresh copy,
 * but not past the next moment either. Browsers ask again each time (max-age=0): a browser's
 * cache is keyed by address alone, so after signing in or starting a draft it would otherwise
 * show the anonymous page it kept.
 */
export function publicCacheControlFor(moments: ReadonlyArray<Date | null | undefined>, now: Date): string {
  const untilMoment = secondsUntilNextMoment(moments, now, Infinity);
  const fresh = Math.min(PUBLIC_CACHE_CEILING_S, untilMoment);
  if (fresh <= 0) return "no-store";
  const stale = Math.min(PUBLIC_CACHE_CEILING_S, untilMoment - fresh);
  return `public, max-age=0, s-maxage=${fresh}${stale > 0 ? `, stale-while-revalidate=${stale}` : ""}`;
}

/** Every date at which a cycle's public face changes. */
export function cycleMoments(cycle: {
  nominationsOpenAt: Date | null;
  nominationsCloseAt: Date | null;
  judgingOpenAt: Date | null;
  judgingCloseAt: Date | null;
  shortlistPublishAt: Date | null;
  winnersPublishAt: Date | null;
}): Array<Date | null> {
  return [cycle.nominationsOpenAt, cycle.nominationsCloseAt, cycle.judgingOpenAt, cycle.judgingCloseAt, cycle.shortlistPublishAt, cycle.winnersPublishAt];
}
