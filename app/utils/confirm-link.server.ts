/**
 * What every emailed confirmation link shares (a nomination, a letter, a vote): its secrets
 * come from the address when the link is opened and from the page's form when its button is
 * pressed (decision 003: mail scanners open links, so opening one changes nothing), and no
 * answer about a secret is ever stored by a cache.
 */
import { isAccessToken } from "./nomination-access.server";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** Each named secret, from the link's address or the button's form; null unless every one has the shape of a secret. */
export function linkSecrets<N extends string>(source: URL | FormData, ...names: N[]): Record<N, string> | null {
  const values = names.map((name) => (source instanceof URL ? source.searchParams.get(name) : source.get(name)));
  if (!values.every((value) => isAccessToken(value))) return null;
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Record<N, string>;
}
