/**
 * Nothing typed is lost and every page change is heard: an answer over its word limit is
 * saved as typed, every error of a step shows on the first failed send, and after a
 * client-side navigation focus lands on the new page's heading, as a full load would.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, waitForHydration } from "./fixtures";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

/** The new page's main heading has focus (what a screen reader announces next). */
async function expectHeadingFocused(page: Page, text: string | RegExp) {
  await expect(h1(page)).toHaveText(text);
  await expect(h1(page)).toBeFocused();
  // The title names the heading, so the title a screen reader reads agrees with the page.
  expect(await page.title()).toMatch(new RegExp(`^${(await h1(page).textContent())!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}

test("with JavaScript, focus lands on each new page's heading through the nomination journey", async ({ page }) => {
  const tag = Date.now().toString(36);
  await page.goto("/");
  await waitForHydration(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Nominate" }).click();
  await expectHeadingFocused(page, "Nominate someone for an award");
  await page.getByRole("link", { name: "Volunteer of the Year", exact: true }).click();
  await expectHeadingFocused(page, "Volunteer of the Year");
  await page.getByRole("link", { name: "Start now" }).click();
  await expectHeadingFocused(page, "Who are you nominating?");

  // A failed send: the error summary takes focus, and the title says "Error: ".
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert")).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Who are you nominating\?/);

  await page.getByLabel("Their full name").fill(`Sam Focus ${tag}`);
  await page.getByRole("group", { name: "Do they know you are nominating them?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: /are they under 18/ }).getByLabel("No, they are 18 or over").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expectHeadingFocused(page, "About you");
  await expect(page).not.toHaveTitle(/^Error:/);
  // The next Tab goes on from the heading, not back to the top of the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Back" })).not.toBeFocused();

  await page.getByLabel("Your full name").fill("Nia Nominator");
  await page.getByLabel("Your email address").fill(`focus-${tag}@example.test`);
  await page.getByLabel("How do you know who you are nominating?").fill("We volunteer together");
  await page.getByRole("group", { name: "Are you nominating yourself?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expectHeadingFocused(page, "Your case for the nomination");
  for (const box of await page.getByRole("textbox").all()) await box.fill("She runs the Saturday English club.");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expectHeadingFocused(page, "Supporting files");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectHeadingFocused(page, "Check your answers");
  await expectAccessible(page);

  // Sent: "Check your email" is heard; then the emailed link (a full load), and its button.
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole("button", { name: "Send nomination" }).click();
  await expectHeadingFocused(page, "Check your email");
  await page.goto("/dev/mail");
  await page.getByRole("row").filter({ hasText: `focus-${tag}@example.test` }).filter({ hasText: /Confirm your nomination/ }).first().getByRole("link").click();
  const confirm = await page.getByRole("link", { name: /\/nominate\/confirm\?t=/ }).first().getAttribute("href");
  await page.goto(confirm!);
  await expect(h1(page)).toHaveText("Confirm your nomination");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Confirm nomination" }).click();
  await expectHeadingFocused(page, "Nomination confirmed");
  await expectAccessible(page);
});

for (const javaScriptEnabled of [true, false]) {
  test(`every error of the nominee step shows on the first failed send (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    // Young Champion: the guardian's fields are required alongside the nominee's.
    await page.goto("/nominate/young-champion/nominee");
    await page.getByLabel("Parent or guardian's email address").fill("not-an-email");
    // Leaving the field shows its error inline first (with JavaScript); the send must still list every error.
    await page.getByLabel("Parent or guardian's email address").blur();
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeVisible();
    // Name, whether they know, the guardian's name, a valid guardian email, the guardian's consent and their consent to publication: all at once.
    await expect(summary.getByRole("link")).toHaveText([
      "Enter the name of who you are nominating",
      "Say whether they know you are nominating them",
      "Enter the name of their parent or guardian",
      /Enter the parent or guardian's email address in the correct format/,
      "Confirm that their parent or guardian agrees to this nomination",
      "Choose how their parent or guardian agrees they may be named if they are shortlisted or win",
    ]);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByLabel("Parent or guardian's email address")).toHaveValue("not-an-email");
    await context.close();
  });
}

test("an answer over the word limit is saved as typed and survives resume on a second device", async ({ page, browser }) => {
  const tag = Date.now().toString(36);
  const email = `over-limit-${tag}@example.test`;
  await page.goto("/nominate/volunteer-of-the-year/nominee");
  await page.getByLabel("Their full name").fill(`Long Answer ${tag}`);
  await page.getByRole("group", { name: "Do they know you are nominating them?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: /are they under 18/ }).getByLabel("No, they are 18 or over").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Your full name").fill("Olu Overlimit");
  await page.getByLabel("Your email address").fill(email);
  await page.getByLabel("How do you know who you are nominating?").fill("A neighbour");
  await page.getByRole("group", { name: "Are you nominating yourself?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(h1(page)).toHaveText("Your case for the nomination");

  const first = page.getByRole("textbox").first();
  const limit = Number(/up to (\d+) words/.exec((await page.locator(".field__hint").allTextContents()).join(" "))?.[1] ?? 0);
  const tooLong = Array.from({ length: (limit || 400) + 25 }, (_, i) => `word${i}`).join(" ");
  await first.fill(tooLong);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /words or fewer/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "We have saved your answers" })).toBeVisible();
  await expectAccessible(page);

  // The emailed resume link, on another device: the long answer is there, word for word.
  await page.goto("/dev/mail");
  await page.getByRole("row").filter({ hasText: email }).filter({ hasText: /Your draft nomination/ }).first().getByRole("link").click();
  const resume = (await page.getByRole("link", { name: /\/nominate\/resume\?t=/ }).first().getAttribute("href"))!;
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto(resume);
  await phone.getByRole("link", { name: "Continue your nomination" }).click();
  await phone.goto("/nominate/volunteer-of-the-year/case");
  await expect(phone.getByRole("textbox").first()).toHaveValue(tooLong);

  // The limit holds at submit: the check page names the answer to shorten.
  await phone.goto("/nominate/volunteer-of-the-year/check");
  await expect(phone.getByText(/words or fewer/).first()).toBeVisible();
  await other.close();
});
