/**
 * axe needs scripts to run in the page, so with JavaScript off it checks a copy: the
 * HTML exactly as the server sent it, scripts removed, served at the same address in a
 * context where axe can run. What it checks is what a no-JavaScript visitor gets.
 */
import type { Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

export async function expectAccessibleAsServed(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) return expectAccessible(page);
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser to check the page in");
  const checker = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await checker.newPage();
    const url = page.url();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(url);
    await expectAccessible(copy);
  } finally {
    await checker.close();
  }
}
