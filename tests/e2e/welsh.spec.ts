/**
 * The public side in Welsh (issue 14, docs/decisions/030): the nomination journey under /cy
 * with JavaScript on and off at 320 px, every Welsh page free of the English catalogue's
 * strings and of axe violations, and each language kept apart by the page cache.
 */
import type { Page } from "@playwright/test";
import { expect, journeyBudget, test } from "./fixtures";
import { createWelshCampaign, createWelshVote, ENGLISH_FRAGMENTS, escape, expectWelshPage, linkFromOutbox } from "./welsh-fixtures";

test("the English catalogue check has something to find", () => {
  expect(ENGLISH_FRAGMENTS).toContain("Nominate someone for an award");
  expect(ENGLISH_FRAGMENTS).toContain("Save and continue");
});

// ---------------------------------------------------------------- every public page

test("every public page in Welsh: no English catalogue string, its English twin linked, no axe violation", async ({ page, sql }) => {
  test.setTimeout(journeyBudget(20));
  await page.setViewportSize({ width: 320, height: 640 });
  const campaign = await createWelshCampaign(sql, `every${Date.now().toString(36)}`);
  const vote = await createWelshVote(sql);
  const pages = [
    "/cy",
    "/cy/nominate",
    "/cy/nominate/group-of-the-year",
    "/cy/nominate/young-champion",
    "/cy/privacy",
    "/cy/accessibility",
    "/cy/login",
    "/cy/login/link?token=not-a-token",
    "/cy/nominate/resume?t=not-a-token",
    "/cy/nominate/confirm?t=x&c=y",
    "/cy/winners",
    `/cy/winners/${vote.year}`,
    "/cy/archive",
    `/cy/vote/${vote.year}/group-of-the-year`,
    "/cy/vote/confirm?t=not-a-token",
    "/cy/campaigns",
    `/cy/campaigns/${campaign.slug}`,
    `/cy/campaigns/${campaign.slug}/write`,
    `/cy/campaigns/${campaign.slug}/meet`,
    `/cy/campaigns/${campaign.slug}/check-email`,
    "/cy/campaigns/confirm?t=not-a-token",
    "/cy/campaigns/follow-up?t=not-a-token&replied=yes",
    "/cy/no-such-page",
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expectWelshPage(page);
  }
  // The 404 page is Welsh, and a real 404.
  expect((await page.goto("/cy/no-such-page"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Heb ddod o hyd i'r dudalen");
});

test("the sitemap lists every page in both languages", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  for (const path of ["/", "/cy", "/nominate", "/cy/nominate", "/privacy", "/cy/privacy"]) {
    expect(xml).toMatch(new RegExp(`<loc>[^<]*${escape(path)}</loc>`));
  }
  expect(xml).toContain('hreflang="cy"');
});

// ---------------------------------------------------------------- the cache

test("a cached page is never served in the other language", async ({ request }) => {
  // Several rounds, so the second request of each address is answered from the server's memory.
  for (let round = 0; round < 3; round++) {
    const english = await (await request.get("/nominate")).text();
    expect(english).toContain('<html lang="en-GB"');
    expect(english).toContain("Nominate someone for an award");
    const welsh = await request.get("/cy/nominate");
    expect(welsh.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
    const body = await welsh.text();
    expect(body).toContain('<html lang="cy"');
    expect(body).toContain("Enwebu rhywun am wobr");
    expect(body).not.toContain("Nominate someone for an award");
  }
});

// ---------------------------------------------------------------- the whole journey

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } });

    test("a nominator completes the whole journey in Welsh at 320 px", async ({ page }) => {
      test.setTimeout(journeyBudget(14));
      const check = (p: Page) => expectWelshPage(p, javaScriptEnabled);
      const tag = `${javaScriptEnabled ? "js" : "nojs"}-${Date.now().toString(36)}`;
      const email = `enwebydd-${tag}@example.org`;
      const heading = page.getByRole("heading", { level: 1 });

      await page.goto("/cy");
      await check(page);
      await page.getByRole("navigation", { name: "Prif lywio" }).getByRole("link", { name: "Enwebu" }).click();
      await expect(heading).toHaveText("Enwebu rhywun am wobr");
      await page.locator('a[href="/cy/nominate/group-of-the-year"]').click();
      await expect(page).toHaveURL(/\/cy\/nominate\/group-of-the-year$/);
      await check(page);
      await page.getByRole("link", { name: "Dechrau nawr" }).click();

      // The nominee: every error in Welsh, from the same schema as the English page.
      await expect(heading).toHaveText("Pwy ydych chi'n ei enwebu?");
      await page.getByLabel("Sefydliad (dewisol)").fill("Capel y Tabernacl");
      await page.getByRole("button", { name: "Cadw a pharhau" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Mae problem wedi codi" });
      await expect(summary.getByRole("link", { name: "Rhowch enw'r un rydych yn ei enwebu" })).toBeVisible();
      await expect(page.getByLabel("Sefydliad (dewisol)")).toHaveValue("Capel y Tabernacl");
      await expect(page).toHaveTitle(/^Gwall: /);
      await check(page);
      await page.getByLabel("Enw'r grŵp", { exact: true }).fill(`Croeso Aberteifi ${tag}`);
      await page.getByRole("group", { name: "Ydyn nhw'n gwybod eich bod yn eu henwebu?" }).getByLabel("Nac ydyn").check();
      await page.getByRole("button", { name: "Cadw a pharhau" }).click();

      // About you.
      await expect(heading).toHaveText("Amdanoch chi");
      await expect(page).toHaveURL(/\/cy\/nominate\/group-of-the-year\/nominator$/);
      await check(page);
      await page.getByLabel("Eich enw llawn").fill("Nia Enwebydd");
      await page.getByLabel("Eich cyfeiriad e-bost").fill(email);
      await page.getByLabel("Sut ydych chi'n adnabod yr un rydych yn ei enwebu?").fill("Rwy'n gwirfoddoli gyda nhw");
      await page.getByRole("group", { name: "Ydych chi'n enwebu eich hun?" }).getByLabel("Nac ydw").check();
      await page.getByRole("button", { name: "Cadw a pharhau" }).click();

      // The case: word counts and limits in Welsh.
      await expect(heading).toHaveText("Eich achos dros yr enwebiad");
      const answers = page.locator("textarea");
      await expect(answers).toHaveCount(3);
      await answers.nth(0).fill(Array.from({ length: 401 }, () => "gair").join(" "));
      if (javaScriptEnabled) await expect(page.getByText("Mae gennych 1 gair yn ormod", { exact: true })).toBeVisible();
      await answers.nth(1).fill("Gwersi Saesneg bob wythnos a chlwb swyddi.");
      await answers.nth(2).fill("Fe wnaethon nhw groesawu ail deulu eleni.");
      await page.getByRole("button", { name: "Cadw a pharhau" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: /fod yn 400 gair neu lai \(mae gennych 1 gair yn ormod\)/ })).toBeVisible();
      await check(page);
      await answers.nth(0).fill("Fe wnaethon nhw ddod o hyd i gartref a gwaith i'r teulu.");
      if (javaScriptEnabled) await expect(page.getByText(/Mae gennych 3\d\d gair ar ôl/)).toBeVisible();
      await page.getByRole("button", { name: "Cadw a pharhau" }).click();

      // Files, then check your answers.
      await expect(heading).toHaveText("Ffeiliau ategol");
      await check(page);
      await page.getByRole("button", { name: "Parhau" }).click();
      await expect(heading).toHaveText("Gwirio eich atebion");
      await expect(page.getByRole("heading", { name: "Yr enwebai" })).toBeVisible();
      await check(page);
      await page.getByRole("button", { name: "Anfon yr enwebiad" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: /hysbysiad preifatrwydd/ })).toBeVisible();
      await check(page);
      await page.getByLabel(/Rwyf wedi darllen yr hysbysiad preifatrwydd/).check();
      await page.getByRole("button", { name: "Anfon yr enwebiad" }).click();
      await expect(heading).toHaveText("Gwiriwch eich e-bost");
      await check(page);

      // Confirmation: the emailed link, in Welsh, opens the Welsh page.
      const confirm = new URL(await linkFromOutbox(page, email, /Cadarnhewch eich enwebiad/, "/cy/nominate/confirm?t="));
      await page.goto(`${confirm.pathname}${confirm.search}`);
      await expect(heading).toHaveText("Cadarnhau eich enwebiad");
      await check(page);
      await page.getByRole("button", { name: "Cadarnhau'r enwebiad" }).click();
      await expect(heading).toHaveText("Enwebiad wedi'i gadarnhau");
      await expect(page).toHaveURL(/\/cy\/nominate\/group-of-the-year$/);
      await check(page);

      // The receipt in the outbox is in Welsh, with its link to the Welsh journey.
      const receipt = new URL(await linkFromOutbox(page, email, /Enwebiad wedi dod i law/, "/cy/nominate/resume?t="));
      expect(receipt.pathname).toBe("/cy/nominate/resume");
      await page.goto("/cy/nominate/group-of-the-year");

      // Withdraw.
      await page.getByRole("link", { name: "Tynnu eich enwebiad yn ôl" }).click();
      await expect(heading).toHaveText("Tynnu eich enwebiad yn ôl?");
      await check(page);
      await page.getByRole("button", { name: "Tynnu'r enwebiad yn ôl" }).click();
      await expect(heading).toHaveText("Rydych wedi tynnu'r enwebiad hwn yn ôl");
      await check(page);
    });
  });
}
