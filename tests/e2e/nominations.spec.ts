import type { Page } from "@playwright/test";
import { expect, expectAccessible, journeyBudget, test } from "./fixtures";
import { expectAccessibleAsServed } from "./nomination-fixtures";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Opens the newest email to `to` whose subject matches, on /dev/mail, and returns the link to `path` in it. */
async function linkFromOutbox(page: Page, check: (p: Page) => Promise<void>, to: string, subject: RegExp, path: string): Promise<string> {
  await page.goto("/dev/mail");
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await check(page);
  const href = await page.getByRole("link", { name: new RegExp(escape(path)) }).first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a nominator drafts, resumes on another device, submits, confirms, edits and withdraws", async ({ page, browser }) => {
      // The whole journey, with an axe check on every page (about two dozen); without JavaScript
      // each check also loads the page again in a browser that runs axe.
      test.setTimeout(journeyBudget(javaScriptEnabled ? 24 : 36));
      const check = (p: Page) => expectAccessibleAsServed(p, javaScriptEnabled);
      const tag = `${javaScriptEnabled ? "js" : "nojs"}-${Date.now().toString(36)}`;
      const email = `nominator-${tag}@example.test`;
      const nominee = `Harbour Welcome ${tag}`;

      // The list of open categories, then the category's start page.
      await page.goto("/");
      await page.getByRole("navigation").getByRole("link", { name: "Nominate" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nominate someone for an award");
      await expect(page.getByText(/close on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} at/)).toBeVisible();
      await check(page);
      await page.getByRole("link", { name: "Group of the Year", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Group of the Year");
      await expect(page.getByText("Sponsor groups", { exact: true })).toBeVisible();
      await check(page);
      await page.getByRole("link", { name: "Start now" }).click();

      // Step 1: a failed save shows the errors beside the fields and in a summary, and keeps the text.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who are you nominating?");
      await check(page);
      await page.getByLabel("Organisation (optional)").fill("St Anne's Church");
      await page.getByRole("button", { name: "Save and continue" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await expect(summary).toBeVisible();
      await expect(summary.getByRole("link", { name: "Enter the name of who you are nominating" })).toBeVisible();
      if (javaScriptEnabled) await expect(summary).toBeFocused();
      await expect(page.getByLabel("Organisation (optional)")).toHaveValue("St Anne's Church");
      await check(page);
      await page.getByLabel("Name of the group", { exact: true }).fill(nominee);
      await page.getByLabel("Local authority area (optional)").fill("Bristol");
      await page.getByRole("group", { name: "Do they know you are nominating them?" }).getByLabel("No").check();
      await page.getByRole("button", { name: "Save and continue" }).click();

      // Step 2: about you. Saving it emails the resume link.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("About you");
      await check(page);
      await page.getByLabel("Your full name").fill("Nadia Nominator");
      if (javaScriptEnabled) {
        // Inline errors appear as soon as a field is left, before any submit.
        await page.getByLabel("Your email address").fill("nadia@");
        await page.getByLabel("Your email address").blur();
        await expect(page.getByText("Enter your email address in the correct format, like name@example.org")).toBeVisible();
        // The summary waits for a submit, so focus stays where the person is working.
        await expect(page.getByRole("alert")).toHaveCount(0);
        await check(page);
      }
      await page.getByLabel("Your email address").fill(email);
      await page.getByLabel("How do you know who you are nominating?").fill("I volunteer with them");
      await page.getByRole("group", { name: "Are you nominating yourself?" }).getByLabel("No").check();
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your case for the nomination");

      // Another device: a fresh browser opens the emailed link and carries on.
      const resume = await linkFromOutbox(page, check, email, /Your draft nomination for Group of the Year/, "/nominate/resume?t=");
      const other = await browser.newContext({ javaScriptEnabled });
      const phone = await other.newPage();
      await phone.goto(resume);
      await expect(phone).toHaveURL(/\/nominate\/group-of-the-year$/);
      await expect(phone.getByRole("heading", { name: "Your draft nomination" })).toBeVisible();
      await check(phone);
      await phone.getByRole("link", { name: "Continue your nomination" }).click();

      // Step 3: the case, with word limits.
      await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Your case for the nomination");
      const first = phone.getByLabel("What difference have they made?");
      const tooLong = Array.from({ length: 401 }, (_, i) => `word${i}`).join(" ");
      await first.fill(tooLong);
      if (javaScriptEnabled) await expect(phone.getByText("You have 1 word too many")).toBeVisible();
      else await expect(phone.getByText("You can enter up to 400 words.")).toBeVisible();
      await phone.getByLabel("How did they do it?").fill("Weekly English lessons, a job club and a bike scheme.");
      await phone.getByRole("button", { name: "Save and continue" }).click();
      await expect(phone.getByRole("alert").getByRole("link", { name: /must be 400 words or fewer/ })).toBeVisible();
      await expect(first).toHaveValue(tooLong);
      await expect(phone.getByLabel("How did they do it?")).toHaveValue("Weekly English lessons, a job club and a bike scheme.");
      await check(phone);
      await first.fill("The family now run a market stall and the children are thriving at school.");
      if (javaScriptEnabled) await expect(phone.getByText(/You have 38\d words remaining/)).toBeVisible();
      await phone.getByLabel("Why should they win this year?").fill("They welcomed a second family this spring.");
      await phone.getByRole("button", { name: "Save and continue" }).click();

      // Step 4: a supporting file, recognised by its content.
      await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Supporting files");
      await check(phone);
      await phone.getByLabel("Upload a file").setInputFiles({ name: "letter of support.pdf", mimeType: "application/pdf", buffer: PDF });
      await phone.getByRole("button", { name: "Add file" }).click();
      await expect(phone.getByRole("link", { name: "letter of support.pdf" })).toBeVisible();
      await check(phone);
      await phone.getByRole("button", { name: "Continue" }).click();

      // Step 5: check your answers; consent is required.
      await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
      await expect(phone.getByText(nominee)).toBeVisible();
      await expect(phone.getByText("letter of support.pdf")).toBeVisible();
      await check(phone);
      await phone.getByRole("button", { name: "Send nomination" }).click();
      await expect(phone.getByRole("alert").getByRole("link", { name: /privacy notice/ })).toBeVisible();
      await check(phone);
      await phone.getByLabel(/I have read the privacy notice/).check();
      await phone.getByRole("button", { name: "Send nomination" }).click();
      await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Check your email");
      await expect(phone.getByText(email)).toBeVisible();
      await check(phone);

      // The confirmation link proves the address; then the nomination counts.
      const confirm = await linkFromOutbox(phone, check, email, /Confirm your nomination/, "/nominate/confirm?t=");
      await phone.goto(confirm);
      await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Confirm your nomination");
      await check(phone);
      await phone.getByRole("button", { name: "Confirm nomination" }).click();
      await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Nomination confirmed");
      const reference = (await phone.locator(".confirmation-panel__reference").textContent())!;
      expect(reference).toMatch(/^CSA-\d{4}-[2-9A-HJ-NP-Z]{5}$/);
      await check(phone);

      // The receipt carries the reference and a copy of the answers.
      await linkFromOutbox(phone, check, email, new RegExp(`Nomination received: ${reference}`), "/nominate/resume?t=");
      await expect(phone.getByText(/Weekly English lessons, a job club and a bike scheme\./)).toBeVisible();

      // Edit from the link in the email, back in the first browser.
      await page.goto(resume);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nomination confirmed");
      await page.getByRole("link", { name: "Change your nomination" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
      await check(page);
      await page.getByRole("link", { name: "Change the nominee" }).click();
      await page.getByLabel("Name of the group", { exact: true }).fill(`${nominee} (Bristol)`);
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
      await expect(page.getByText(`${nominee} (Bristol)`)).toBeVisible();
      await page.getByRole("link", { name: "Back to your nomination" }).click();

      // Withdraw.
      await page.getByRole("link", { name: "Withdraw your nomination" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Withdraw your nomination?");
      await check(page);
      await page.getByRole("button", { name: "Withdraw nomination" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You withdrew this nomination");
      await check(page);
      await other.close();
    });
  });
}

test("the journey reads at 320 px wide, with every error visible", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/nominate", "/nominate/young-champion", "/nominate/young-champion/nominee", "/privacy"]) {
    await page.goto(path);
    if (path.endsWith("/nominee")) {
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
});

test("a supporting file is downloaded as an attachment, only by its nominator", async ({ page, browser }) => {
  await page.goto("/nominate/volunteer-of-the-year/nominee");
  await page.getByLabel("Their full name").fill("Sam Volunteer");
  await page.getByRole("group", { name: "Do they know you are nominating them?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: /are they under 18/ }).getByLabel("No, they are 18 or over").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About you");
  await page.goto("/nominate/volunteer-of-the-year/files");
  await page.getByLabel("Upload a file").setInputFiles({ name: "page.html.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Add file" }).click();
  const link = page.getByRole("link", { name: "page.html.pdf" });
  const href = (await link.getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="page.html.pdf"/);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toMatch(/^nosniff/);

  const stranger = await browser.newContext();
  expect((await stranger.request.get(new URL(href, process.env.E2E_BASE_URL).href)).status()).toBe(404);
  await stranger.close();
});
