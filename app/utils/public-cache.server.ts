/**
 * The last word on Cache-Control, applied to every page and data response in
 * entry.server.tsx: whatever a route asked for, an answer to a signed-in person or a
 * nominator with a draft, or one that sets a cookie, is `private, no-store`.
 */
import { finalCacheControl, hasPersonalCookie, publicCacheControlFor, sharedMaxAge } from "~/domain/public-cache";

export function applyCachePolicy(request: Request, headers: Headers) {
  const value = finalCacheControl({
    cacheControl: headers.get("Cache-Control"),
    setsCookie: headers.has("Set-Cookie"),
    personalRequest: hasPersonalCookie(request.headers.get("Cookie")),
  });
  if (value) headers.set("Cache-Control", value);
  // A shared cache that honours Vary keeps the cookie-less copy apart from anyone else's.
  if (sharedMaxAge(value) > 0 && !/\bcookie\b/i.test(headers.get("Vary") ?? "")) headers.append("Vary", "Cookie");
}

/** Headers for a public page that changes at the given moments (a cycle's dates). */
export function publicPageHeaders(moments: ReadonlyArray<Date | null | undefined>, now = new Date()) {
  return { "Cache-Control": publicCacheControlFor(moments, now) };
}
