/**
 * Lighthouse on chosen pages of a running portal, the same way `npm run bench` runs it (mobile,
 * default configuration, simulated throttling, the system Chromium):
 *
 *   npm run build
 *   DATA_DIR=$(mktemp -d) PORT=4310 APP_URL=http://localhost:4310 npm start &
 *   npx tsx tests/bench/lighthouse-pages.ts http://localhost:4310 /cy/ /cy/nominate/group-of-the-year
 *
 * Prints one Markdown row per page with its four scores; exits 1 when any is under 0.95.
 */
import { CATEGORIES, lighthouseAvailable, runLighthouse } from "./lighthouse";

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) throw new Error("usage: tsx tests/bench/lighthouse-pages.ts <base URL> <path>…");
const missing = lighthouseAvailable();
if (missing) throw new Error(missing);

const urls = paths.map((p) => new URL(p, base).toString());
const scores = await runLighthouse(urls);
let low = false;
console.log(`| page | ${CATEGORIES.join(" | ")} |`);
console.log(`| --- |${CATEGORIES.map(() => " --- |").join("")}`);
for (const [i, url] of urls.entries()) {
  const s = scores.get(url)!;
  if (CATEGORIES.some((c) => (s[c] ?? 0) < 0.95)) low = true;
  console.log(`| \`${paths[i]}\` | ${CATEGORIES.map((c) => (s[c] === null ? "–" : s[c]!.toFixed(2))).join(" | ")} |`);
}
process.exitCode = low ? 1 : 0;
