/**
 * A campaign and a People's Choice vote in Welsh (issue 14): every page Welsh (no English
 * catalogue string, axe clean, 320 px), the admin's Welsh shown and the missing Welsh marked as
 * English, the emails to the supporter and the voter Welsh in the outbox.
 */
import type { Page } from "@playwright/test";
import { expect, journeyBudget, test } from "./fixtures";
import { createWelshCampaign, createWelshVote, expectWelshPage, linkFromOutbox, VOTE_NOMINEES } from "./welsh-fixtures";

const MP = { name: "Robin Mockworth", email: "robin.mockworth.mp@example.org" };

function letterBody(tag: string) {
  return (
    `Rwy'n byw ym Mockford ac rwy'n ysgrifennu am nawdd cymunedol, sydd wedi newid ein stryd ni (${tag}). ` +
    "Y llynedd fe groesawodd grŵp neuadd yr eglwys deulu o bump, ac mae'r plant bellach yn cerdded i'r ysgol gyda fy mhlant i. " +
    "Hoffwn i chi gyfarfod â dirprwyaeth fach o arweinwyr lleol, ein imam, pennaeth ysgol a chynghorydd, " +
    "er mwyn i chi glywed yn uniongyrchol beth sy'n gweithio a beth sy'n rhwystro, ac i ymrwymo i gefnogi'r cynllun yn y Senedd."
  );
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } });

    test("a supporter writes to their MP in Welsh, and the emails to them are Welsh", async ({ page, sql }) => {
      test.setTimeout(journeyBudget(10));
      const check = (p: Page) => expectWelshPage(p, javaScriptEnabled);
      const tag = `${javaScriptEnabled ? "js" : "nojs"}${Date.now().toString(36)}`;
      const campaign = await createWelshCampaign(sql, tag);
      const sender = { name: `Sam Cefnogwr ${tag}`, email: `cefnogwr-${tag}@example.test` };
      const heading = page.getByRole("heading", { level: 1 });

      await page.goto("/cy");
      await page.getByRole("navigation", { name: "Prif lywio" }).getByRole("link", { name: "Ymgyrchoedd" }).click();
      await expect(heading).toHaveText("Ymgyrchoedd");
      await check(page);
      await page.getByRole("link", { name: campaign.titleCy }).click();
      await expect(heading).toHaveText(campaign.titleCy);
      await expect(page.getByText("Cam 1 o 3")).toBeVisible();
      await expect(page.getByText("Cyfarfod â dirprwyaeth")).toBeVisible();
      // The summary has no Welsh yet: it shows in English, marked as English.
      await expect(page.locator('p[lang="en-GB"]', { hasText: "Ask your MP to champion community sponsorship." })).toBeVisible();
      await check(page);

      // Step 2: a wrong postcode is refused in Welsh; a right one finds the MP.
      await page.getByLabel("Eich cod post").fill("nid cod post");
      await page.getByRole("button", { name: "Dod o hyd i'm AS" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: "Rhowch god post llawn yn y DU, fel SW1A 1AA" })).toBeVisible();
      await expect(page).toHaveURL(/\/cy\/campaigns\/[^/]+\/write\?postcode=/);
      await check(page);
      await page.getByLabel("Eich cod post").fill("zz5 1aa");
      await page.getByRole("button", { name: "Dod o hyd i'm AS" }).click();
      await expect(heading).toHaveText(`Ysgrifennu at ${MP.name}`);
      await expect(page.getByText("Aelod Seneddol dros Mockford Vale")).toBeVisible();
      await check(page);

      // A letter too short is refused in Welsh, from the same schema, and keeps its text.
      await page.getByLabel("Eich llythyr").fill("Cyfarfod â ni.");
      await page.getByLabel("Enw llawn").fill(sender.name);
      await page.getByLabel("Cyfeiriad stryd a thref").fill("1 Stryd Enghraifft, Mockford");
      await page.getByLabel("Cod post", { exact: true }).fill("ZZ5 1AB");
      await page.getByLabel("Cyfeiriad e-bost").fill(sender.email);
      await page.getByRole("button", { name: "Anfon fy llythyr" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: /o leiaf 50 gair/ })).toBeVisible();
      await expect(page.getByLabel("Eich llythyr")).toHaveValue("Cyfarfod â ni.");
      await check(page);
      await page.getByLabel("Eich llythyr").fill(letterBody(tag));
      await page.getByRole("button", { name: "Anfon fy llythyr" }).click();
      await expect(heading).toHaveText("Edrychwch ar eich e-bost");
      await check(page);

      // The confirmation email is Welsh, and its link opens the Welsh page.
      const confirm = new URL(await linkFromOutbox(page, sender.email, new RegExp(`Cadarnhewch eich llythyr at ${MP.name}`), "/cy/campaigns/confirm?t="));
      await page.goto(`${confirm.pathname}${confirm.search}`);
      await expect(heading).toHaveText(`Anfon eich llythyr at ${MP.name}`);
      await check(page);
      await page.getByRole("button", { name: "Anfon fy llythyr" }).click();
      await expect(heading).toHaveText("Mae eich llythyr wedi'i anfon");
      await expect(page).toHaveURL(/\/cy\/campaigns\/[^/]+\/meet\?sent=1$/);
      await check(page);

      // Step 3: tell us how it went.
      await page.getByRole("group", { name: "Ydych chi wedi cyfarfod â'ch AS?" }).getByLabel("Ydw").check();
      await page.getByRole("button", { name: "Anfon", exact: true }).click();
      await expect(page.getByText("Diolch am ddweud wrthym")).toBeVisible();
      await check(page);

      // The copy to the sender is Welsh around the letter; the letter to the MP is framed in English.
      await page.goto("/dev/mail");
      await expect(page.getByRole("row").filter({ hasText: sender.email }).filter({ hasText: `Mae eich llythyr at ${MP.name} wedi'i anfon` })).toHaveCount(1);
      await page.getByRole("row").filter({ hasText: MP.email }).filter({ hasText: `a letter from ${sender.name}` }).first().getByRole("link").click();
      await expect(page.getByText(`Dear ${MP.name},`)).toBeVisible();
      await expect(page.getByText(`(${tag})`)).toBeVisible();
    });
  });
}

test("a People's Choice vote cast in Welsh: the Welsh vote page from the Welsh shortlist, a Welsh confirmation email", async ({ page, sql }) => {
  test.setTimeout(journeyBudget(6));
  await page.setViewportSize({ width: 320, height: 640 });
  const { year, categoryId } = await createWelshVote(sql);
  const email = `pleidleisiwr-${Date.now().toString(36)}@example.test`;
  const heading = page.getByRole("heading", { level: 1 });

  await page.goto(`/cy/winners/${year}`);
  await expectWelshPage(page);
  await page.getByRole("link", { name: "Pleidleisiwch dros Ddewis y Bobl yn y categori Grŵp y Flwyddyn" }).click();
  await expect(page).toHaveURL(new RegExp(`/cy/vote/${year}/group-of-the-year$`));
  const shownAt = Date.now();
  await expect(heading).toHaveText("Dewis y Bobl: Grŵp y Flwyddyn");
  await expectWelshPage(page);

  await page.getByRole("group", { name: "Dros bwy ydych chi’n pleidleisio?" }).getByLabel(VOTE_NOMINEES[1]).check();
  await page.getByLabel("Cyfeiriad e-bost").fill(email);
  // The form must have been on screen for the minimum time a person needs to read it.
  await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - shownAt)));
  await page.getByRole("button", { name: "Anfon fy mhleidlais" }).click();
  await expect(page.getByRole("heading", { name: "Edrychwch ar eich e-bost" })).toBeVisible();
  await expectWelshPage(page);
  const [vote] = await sql<{ language: string }[]>`select language from peoples_choice_votes where category_id = ${categoryId}`;
  expect(vote.language).toBe("cy");

  // The email in the outbox is Welsh, and its link opens the Welsh confirmation page.
  const confirm = new URL(await linkFromOutbox(page, email, new RegExp(`Cadarnhewch eich pleidlais Dewis y Bobl dros ${VOTE_NOMINEES[1]}`), "/cy/vote/confirm?t="));
  await expect(page.getByText("Cadarnhau fy mhleidlais").first()).toBeVisible();
  await page.goto(`${confirm.pathname}${confirm.search}`);
  await expect(heading).toHaveText("Cadarnhau eich pleidlais");
  await expectWelshPage(page);
  await page.getByRole("button", { name: "Cadarnhau fy mhleidlais" }).click();
  await expect(heading).toHaveText("Mae eich pleidlais wedi’i chyfrif");
  await expectWelshPage(page);
  const [confirmed] = await sql<{ confirmed_at: Date | null }[]>`select confirmed_at from peoples_choice_votes where category_id = ${categoryId}`;
  expect(confirmed.confirmed_at).not.toBeNull();
});
