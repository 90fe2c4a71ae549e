/**
 * Where to send someone after signing in. The target is parsed against the app's own
 * origin, as a browser would read it: only a path on this site survives. Control
 * characters are refused outright (browsers drop tabs and newlines, so "/\t/evil.example"
 * becomes "//evil.example"; and a newline would break the Location header).
 */
const OWN = "http://app.invalid";

export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  if (!to || to.length > 2000 || !to.startsWith("/")) return fallback;
  // Control characters, and a backslash, which browsers read as a slash.
  if ([...to].some(isRefusedCharacter)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

function isRefusedCharacter(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || char === "\\";
}
