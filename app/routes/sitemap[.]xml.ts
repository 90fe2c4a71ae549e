import { listPublicYears } from "~/models/results.server";
import { getEnv } from "~/utils/env.server";

/** Public pages only; a year's results appear here once they are published, not before. */
export async function loader() {
  const base = getEnv().APP_URL;
  const years = await listPublicYears(new Date());
  const paths = ["/", "/nominate", "/winners", "/archive", ...years.map((y) => `/winners/${y.year}`)];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `  <url><loc>${base}${p}</loc></url>`).join("\n")}
</urlset>
`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=60, s-maxage=60" },
  });
}
