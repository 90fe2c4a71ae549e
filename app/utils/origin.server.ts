/**
 * Cross-site request forgery defence (the Lucia guide's Origin check): a write must
 * carry an Origin header naming this site. Browsers always send it on POST.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isWriteAllowed(
  method: string,
  originHeader: string | undefined | null,
  hostHeader: string | undefined | null,
  trustedOrigins: string[] = [],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!originHeader || !hostHeader) return false;
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false;
  }
  if (origin.host === hostHeader) return true;
  return trustedOrigins.some((trusted) => {
    try {
      return new URL(trusted).origin === origin.origin;
    } catch {
      return false;
    }
  });
}
