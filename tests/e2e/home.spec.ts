import { expect, expectAccessible, test } from "./fixtures";

test("the home page shows the current cycle, its categories and dates in UK time", async ({ page }) => {
  await page.goto("/");
  const year = new Date().getUTCFullYear();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Community Sponsorship Awards ${year}`);
  await expect(page.getByText("Nominations open.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(7);
  await expect(page.getByRole("heading", { name: "Young Champion" })).toBeVisible();
  // Dates are written out for people, with a machine-readable UTC value alongside.
  const closes = page.locator("dl time").nth(1);
  await expect(closes).toHaveText(/^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?(am|pm)$/);
  await expect(closes).toHaveAttribute("datetime", /Z$/);
  await expectAccessible(page);
});

test("the page is usable at 320 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("an unknown address gets a 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
