import { expect, expectAccessible, test } from "./fixtures";

// Every public page a visitor can reach without a link of their own, checked by axe on a
// phone-sized and a desktop screen. Journeys elsewhere check the pages behind forms.
const PAGES = ["/", "/nominate", "/privacy", "/winners", "/archive", "/login", "/no-such-page"];

for (const width of [320, 1280]) {
  test(`public pages pass axe at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
  });
}

test("the sitemap lists public pages only", async ({ request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(xml).toContain("<loc>");
  expect(xml).not.toContain("/admin");
  expect(xml).not.toContain("/judge");
});
