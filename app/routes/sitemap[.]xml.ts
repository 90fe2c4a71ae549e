import { publicHeaders } from "~/models/public-pages.server";
import { listPublicYears } from "~/models/results.server";
import { getEnv } from "~/utils/env.server";

/** Public pages only; a year's results appear here once they are published, not before. */
export async function loader() {
  const base = getEnv().APP_URL;
  const now = new Date();
  const years = await listPublicYears(now);
  const paths = ["/", "/nominate", "/winners", "/archive", "/privacy", "/accessibility", ...years.map((y) => `/winners/${y.year}`)];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `  <url><loc>${base}${p}</loc></url>`).join("\n")}
</urlset>
`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", ...(await publicHeaders([], now)) },
  });
}
