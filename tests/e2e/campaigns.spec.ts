import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import type postgres from "postgres";
import { expect, expectAccessible, test } from "./fixtures";
import { expectAccessibleAsServed } from "./nomination-fixtures";

/*
 * The campaign journey against the built server, whose postcodes.io and Members API are
 * the mock servers tests/e2e/serve.mjs starts (tests/support/mock-mp-services.mjs): the
 * postcode ZZ5 1AA is in Mockford Vale, whose MP is Robin Mockworth.
 */
const MP = { name: "Robin Mockworth", email: "robin.mockworth.mp@example.org" };

async function createCampaign(sql: postgres.Sql, tag: string) {
  const slug = `e2e-campaign-${tag}`;
  await sql`insert into campaigns (slug, title, summary, asks, letter_guidance, briefing, signed_forms_to)
            values (${slug}, ${`Lobby test ${tag}`}, ${"Ask your MP to champion community sponsorship."},
                    ${sql.json([{ title: "Meet a delegation", body: "Meet local leaders who sponsor families." }])},
                    ${"Use your own words."}, ${"Bring a local story.\n\nLeave the form to sign."}, ${"campaigns@example.org"})`;
  return { slug, title: `Lobby test ${tag}` };
}

function letterBody(tag: string) {
  return (
    `I live in Mockford and I am writing about community sponsorship, which has changed our street (${tag}). ` +
    "Last year our church hall group welcomed a family of five, and the children now walk to school with mine. " +
    "I would like you to meet a small delegation of local leaders, our imam, a headteacher and a councillor, " +
    "so that you can hear first hand what works and what gets in the way, and to commit to supporting the scheme in Parliament."
  );
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a supporter finds their MP by postcode, downloads the filled form, writes and confirms a letter", async ({ page, sql }) => {
      test.slow();
      const check = (p: Page) => expectAccessibleAsServed(p, javaScriptEnabled);
      const tag = `${javaScriptEnabled ? "js" : "nojs"}${Date.now().toString(36)}`;
      const campaign = await createCampaign(sql, tag);
      const sender = { name: `Sam Supporter ${tag}`, email: `supporter-${tag}@example.test` };

      // The header leads to the campaigns, and the campaign's three steps.
      await page.goto("/");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaigns");
      await check(page);
      await page.getByRole("link", { name: campaign.title }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.title);
      await expect(page.getByText("Step 1 of 3")).toBeVisible();
      await check(page);
      const blank = await page.request.get(await page.getByRole("link", { name: "Download the commitment form (PDF)" }).getAttribute("href") ?? "");
      expect(blank.headers()["content-type"]).toBe("application/pdf");

      // Step 2: a wrong postcode is refused with the text kept; a right one finds the MP.
      await page.getByLabel("Your postcode").fill("not a postcode");
      await page.getByRole("button", { name: "Find my MP" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: "Enter a full UK postcode, like SW1A 1AA" })).toBeVisible();
      await expect(page.getByLabel("Your postcode")).toHaveValue("not a postcode");
      await check(page);
      await page.getByLabel("Your postcode").fill("zz5 1aa");
      await page.getByRole("button", { name: "Find my MP" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Write to ${MP.name}`);
      await expect(page.getByText(`Member of Parliament for Mockford Vale`)).toBeVisible();
      await check(page);

      // Step 1 again: the commitment form with the MP's name, a valid PDF.
      const filledHref = await page.getByRole("link", { name: `Download the commitment form for ${MP.name} (PDF)` }).getAttribute("href");
      const filled = await page.request.get(filledHref!);
      expect(filled.status()).toBe(200);
      expect(filled.headers()["content-type"]).toBe("application/pdf");
      const pdf = await PDFDocument.load(await filled.body());
      expect(pdf.getPageCount()).toBeGreaterThan(0);
      expect(pdf.getTitle()).toContain(MP.name);

      // A letter too short is refused, and keeps its text.
      await page.getByLabel("Your letter").fill("Please meet us.");
      await page.getByLabel("Full name").fill(sender.name);
      await page.getByLabel("Street address and town").fill("1 Example Street, Mockford");
      await page.getByLabel("Postcode", { exact: true }).fill("ZZ5 1AB");
      await page.getByLabel("Email address").fill(sender.email);
      await page.getByRole("button", { name: "Send my letter" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: /at least 50 words/ })).toBeVisible();
      await expect(page.getByLabel("Your letter")).toHaveValue("Please meet us.");
      await check(page);
      await page.getByLabel("Your letter").fill(letterBody(tag));
      await page.getByRole("button", { name: "Send my letter" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
      await check(page);

      // The confirmation link, from the outbox, sends the letter.
      await page.goto("/dev/mail");
      await page.getByRole("row").filter({ hasText: sender.email }).filter({ hasText: `Confirm your letter to ${MP.name}` }).first().getByRole("link").click();
      const confirmHref = await page.getByRole("link", { name: /\/campaigns\/confirm\?t=/ }).first().getAttribute("href");
      await page.goto(confirmHref!);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Send your letter to ${MP.name}`);
      await check(page);
      await page.getByRole("button", { name: "Send my letter" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your letter has been sent");
      await check(page);

      // Step 3: tell us how it went.
      await page.getByRole("group", { name: "Have you met your MP?" }).getByLabel("Yes").check();
      await page.getByRole("button", { name: "Send" }).click();
      await expect(page.getByText("Thank you for telling us")).toBeVisible();
      await check(page);

      // The letter is in the outbox, to the MP, with Reply-To the sender.
      await page.goto("/dev/mail");
      await page.getByRole("row").filter({ hasText: MP.email }).filter({ hasText: `a letter from ${sender.name}` }).first().getByRole("link").click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`a letter from ${sender.name}`);
      const details = page.locator("dl.summary-list");
      await expect(details.getByText(MP.email)).toBeVisible();
      await expect(details.locator("div", { hasText: "Reply-To" }).getByRole("definition")).toHaveText(sender.email);
      await expect(page.getByText(`Dear ${MP.name},`)).toBeVisible();
      await expect(page.getByText(`(${tag})`)).toBeVisible();
    });
  });
}

test("with postcodes.io down the supporter picks their constituency; the briefing and admin pages pass axe", async ({ page, sql, createPerson, signInAs }) => {
  test.slow();
  const tag = `admin${Date.now().toString(36)}`;
  const campaign = await createCampaign(sql, tag);
  // The mock answers this postcode with a 500: the supporter picks their constituency instead.
  await page.goto(`/campaigns/${campaign.slug}/write?postcode=ZZ7%207ZZ`);
  await expect(page.getByText("the service we use is not answering")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your constituency").selectOption("Mockford Vale");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Write to ${MP.name}`);
  await page.goto(`/campaigns/${campaign.slug}/meet`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meet your MP");
  await expectAccessible(page);

  const admin = await createPerson({ isAdmin: true });
  await signInAs(page, admin);
  await page.goto("/admin/campaigns");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaigns");
  await expectAccessible(page);
  await page.getByRole("link", { name: campaign.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.title);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dashboard: ${campaign.title}`);
  await expectAccessible(page);
  await page.goto("/admin/campaigns/new");
  await page.getByRole("button", { name: "Add the campaign" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/campaigns/directory");
  await expect(page.getByRole("cell", { name: MP.name })).toBeVisible();
  await expectAccessible(page);
});
