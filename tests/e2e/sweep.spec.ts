/**
 * Every page, as the role that uses it, at 320 px wide: the page never scrolls sideways
 * (WCAG 1.4.10; wide tables scroll inside their own box), and its title starts with its
 * main heading, with "Error: " first exactly when an error summary shows.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./judging-fixtures";

async function expectPageFits(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("#main h1")).toBeVisible();
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, `${path} is ${scrollWidth}px wide at ${viewport}px`).toBe(viewport);
  const h1 = (await page.locator("#main h1").first().textContent())!.replace(/\s+/g, " ").trim();
  const hasSummary = (await page.locator("#main .error-summary").count()) > 0;
  const title = await page.title();
  expect(title.startsWith(`${hasSummary ? "Error: " : ""}${h1}`), `${path}: title "${title}" for heading "${h1}"`).toBe(true);
}

test.use({ viewport: { width: 320, height: 640 } });

test("public pages fit 320 px and their titles match their headings", async ({ page }) => {
  for (const path of ["/", "/nominate", "/nominate/group-of-the-year", "/nominate/young-champion/nominee", "/winners", "/archive", "/privacy", "/accessibility", "/login", "/no-such-page"]) {
    await expectPageFits(page, path);
  }
});

test("judge pages never scroll sideways at 320 px", async ({ page, judgingWorld, createPerson, signInAs }) => {
  const world = await judgingWorld(["Harbour Welcome Group with a rather long name", "Hillside Sanctuary Collective"]);
  const judge = await createPerson({ isJudge: true, name: "Sweep Judge" });
  await world.addJudge(judge, { ready: true, assignAll: true });
  await signInAs(page, judge);
  for (const path of ["/judge", `/judge/panels/${world.panelId}`, `/judge/nominations/${world.nominations[0].id}`, `/judge/nominations/${world.nominations[0].id}/conflict`]) {
    await expectPageFits(page, path);
  }
});

test("admin pages never scroll the page sideways at 320 px", async ({ page, createPerson, signInAs }) => {
  const admin = await createPerson({ isAdmin: true, name: "Sweep Admin" });
  await signInAs(page, admin);
  for (const path of [
    "/admin",
    "/admin/cycles",
    "/admin/categories",
    "/admin/nominations",
    "/admin/nominations/duplicates",
    "/admin/people",
    "/admin/panels",
    "/admin/judging",
    "/admin/judging/assignments",
    "/admin/judging/conflicts",
    "/admin/results",
    "/admin/outbox",
    "/admin/audit",
    "/admin/privacy",
  ]) {
    await page.goto(path);
    const { scrollWidth, viewport } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(scrollWidth, `${path} is ${scrollWidth}px wide at ${viewport}px`).toBe(viewport);
  }
});
