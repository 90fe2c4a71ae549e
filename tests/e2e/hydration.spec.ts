import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

/**
 * React must take over each public page as the server wrote it: a hydration mismatch
 * (minified errors 418, 423, 425) makes it throw the server HTML away and render the whole
 * page again in the browser. Each page in English and Welsh, as first rendered and as the
 * page cache sends it again, with no console error and no uncaught error.
 */
const PAGES = ["/", "/nominate", "/winners", "/archive", "/privacy", "/accessibility", "/campaigns", "/login"];

/** The first link on `index` under `prefix` (a category's journey, a campaign, a year of winners), if any. */
async function firstLinkUnder(page: Page, index: string, prefix: string): Promise<string | null> {
  await page.goto(index);
  const hrefs = await page.locator(`#main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((href) => href.length > prefix.length) ?? null;
}

test("public pages hydrate without errors in both languages, first and cached loads", async ({ page }) => {
  test.setTimeout(180_000);
  const paths = [...PAGES];
  for (const [index, prefix] of [["/nominate", "/nominate/"], ["/campaigns", "/campaigns/"], ["/winners", "/winners/"]] as const) {
    const link = await firstLinkUnder(page, index, prefix);
    if (link) paths.push(link);
  }
  expect(paths.some((p) => p.startsWith("/nominate/")), "a category is open in the demo cycle").toBe(true);

  let errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`console: ${message.text().split("\n")[0]}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message.split("\n")[0]}`));

  const problems: string[] = [];
  for (const path of paths.flatMap((p) => [p, p === "/" ? "/cy" : `/cy${p}`])) {
    for (const load of ["first", "cached"]) {
      errors = [];
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await waitForHydration(page);
      // The title follows the heading once hydrated, as the server wrote it.
      const heading = (await page.locator("#main h1").first().textContent())?.replace(/\s+/g, " ").trim() ?? "";
      await expect(page, path).toHaveTitle(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
      // Errors React reports after the first render (a recoverable hydration error) come in the same task or the next.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      if (errors.length) problems.push(`${path} (${load} load): ${errors.join(" | ")}`);
    }
  }

  // The journey's first step, loaded whole in each language (it may start a draft, whose
  // cookie keeps pages private: last, after every cached load).
  const category = paths.find((p) => p.startsWith("/nominate/"))!;
  for (const path of [category, `/cy${category}`]) {
    await page.goto(path);
    const start = await page.locator(`#main a[href^="${path}/"]`).first().getAttribute("href");
    expect(start, path).toBeTruthy();
    errors = [];
    await page.goto(start!);
    await waitForHydration(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    if (errors.length) problems.push(`${start}: ${errors.join(" | ")}`);
  }
  expect(problems).toEqual([]);
});
