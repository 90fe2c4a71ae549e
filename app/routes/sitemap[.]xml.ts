import { publicHeaders } from "~/models/public-pages.server";
import { listPublicYears } from "~/models/public-results.server";
import { localisedPath } from "~/domain/language-paths";
import { getEnv } from "~/utils/env.server";

/**
 * Public pages only, in both languages, each listing its twin (hreflang alternates); a year's
 * results appear here once they are published, not before.
 */
export async function loader() {
  const base = getEnv().APP_URL;
  const now = new Date();
  const years = await listPublicYears(now);
  const paths = ["/", "/nominate", "/winners", "/archive", "/privacy", "/accessibility", ...years.map((y) => `/winners/${y.year}`)];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${paths.flatMap((p) => [p, localisedPath(p, "cy")].map((loc) => `  <url><loc>${base}${loc}</loc>${alternates(base, p)}</url>`)).join("\n")}
</urlset>
`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", ...(await publicHeaders([], now)) },
  });
}

function alternates(base: string, path: string) {
  return [
    ["en-GB", path],
    ["cy", localisedPath(path, "cy")],
    ["x-default", path],
  ]
    .map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${base}${href}"/>`)
    .join("");
}
