/**
 * Nobody left uninformed, no child exposed (issue 13, items 1 and 2): the nominator of a
 * merged duplicate and of an ineligible nomination, and an under-18 winner's guardian, each
 * find the right email in the outbox at its moment; a winner whose guardian agreed to "first
 * name only" appears so on the public page, in the sitemap and in the share preview.
 */
import type { Page } from "@playwright/test";
import type postgres from "postgres";
import { expect, expectAccessible, journeyBudget, test } from "./admin-fixtures";
import { expectAccessibleAsServed } from "./nomination-fixtures";

/** The outbox's row for this address and subject, and the email's text once opened. */
async function outboxRows(page: Page, to: string) {
  await page.goto("/dev/mail");
  return page.getByRole("row").filter({ hasText: to });
}

async function openEmail(page: Page, to: string, subject: string | RegExp) {
  const rows = await outboxRows(page, to);
  await rows.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  return page.locator(".email-text");
}

async function nominatorEmail(sql: postgres.Sql, id: number) {
  const [row] = await sql<{ email: string }[]>`update nominations set confirmed_at = now() where id = ${id} returning nominator_email as email`;
  return row.email;
}

test("the nominators of a merged duplicate and of an ineligible nomination each hear at that moment", async ({
  page,
  sql,
  createPerson,
  signInAs,
  createCycle,
  createNomination,
}) => {
  test.setTimeout(journeyBudget(1));
  const cycle = await createCycle();
  const kept = await createNomination(cycle, { nomineeName: "Priya Raman", answer: "Priya found the family a house." });
  const duplicate = await createNomination(cycle, { nomineeName: "priya raman", nominatorName: "Second Supporter" });
  const outside = await createNomination(cycle, { nomineeName: "Lars Eriksen", nomineeOrganisation: "Oslo Welcome" });
  const [keptEmail, duplicateEmail, outsideEmail] = [await nominatorEmail(sql, kept.id), await nominatorEmail(sql, duplicate.id), await nominatorEmail(sql, outside.id)];
  await signInAs(page, await createPerson({ isAdmin: true }));

  // Before anything happens, nothing has been sent to them.
  await expect(await outboxRows(page, duplicateEmail)).toHaveCount(0);
  await expect(await outboxRows(page, outsideEmail)).toHaveCount(0);

  // The merge: the duplicate's nominator is told, once; the kept entry's nominator is not.
  await page.goto(`/admin/nominations?year=${cycle.year}`);
  await page.getByRole("link", { name: "Possible duplicates" }).click();
  await page.getByRole("button", { name: /^Merge into one entry\W+Priya Raman$/ }).click();
  await expect(page.getByRole("heading", { name: "Further support from merged nominations" })).toBeVisible();
  await expect(await outboxRows(page, duplicateEmail)).toHaveCount(1);
  const merged = await openEmail(page, duplicateEmail, `Your nomination ${duplicate.reference} has been combined with another`);
  await expect(merged).toContainText(`with theirs (reference ${kept.reference})`);
  await expect(await outboxRows(page, keptEmail)).toHaveCount(0);

  // Ineligible, with the reason shared: the nominator reads it.
  await page.goto(`/admin/nominations?year=${cycle.year}`);
  await page.getByLabel(`Select ${outside.reference}`).check();
  await page.getByLabel("Ineligible").check();
  await page.getByLabel("Reason").fill("The nominee's work is outside the UK.");
  await page.getByLabel("Tell the nominator why, in their email").check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status")).toContainText(`Marked ineligible: ${outside.reference}`);
  await expect(await outboxRows(page, outsideEmail)).toHaveCount(1);
  const ineligible = await openEmail(page, outsideEmail, `Your nomination ${outside.reference} is not eligible`);
  await expect(ineligible).toContainText("The reason: The nominee's work is outside the UK.");
  await expectAccessible(page);
});

test("the guardian's consent to publication: its own question, all errors at once, saved and shown to check", async ({ browser }) => {
  test.setTimeout(journeyBudget(4));
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/nominate/young-champion/nominee");
    const naming = page.getByRole("group", { name: /how does their parent or guardian agree they may be named in public/ });
    await expect(naming.getByLabel("First name only")).toBeVisible();
    await expect(naming).toContainText("Their surname and their group or organisation are never shown");

    // A send without it names it with every other missing answer, on the first try.
    await page.getByLabel("Their full name").fill("Amira Okonkwo");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link")).toContainText([
      "Say whether they know you are nominating them",
      "Enter the name of their parent or guardian",
      "Enter their parent or guardian's email address",
      "Confirm that their parent or guardian agrees to this nomination",
      "Choose how their parent or guardian agrees they may be named if they are shortlisted or win",
    ]);
    await expectAccessibleAsServed(page, javaScriptEnabled);

    await page.getByRole("group", { name: "Do they know you are nominating them?" }).getByLabel("Yes").check();
    await page.getByLabel("Parent or guardian's full name").fill("Gina Okonkwo");
    await page.getByLabel("Parent or guardian's email address").fill(`gina-${javaScriptEnabled}-${Date.now().toString(36)}@example.test`);
    await page.getByLabel("Their parent or guardian knows about this nomination and agrees to it").check();
    await page.getByRole("group", { name: /may be named in public/ }).getByLabel("First name only").check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About you");

    // Saved in the draft: back on the step it is still chosen, and "check your answers" shows it with a change link.
    await page.goto("/nominate/young-champion/nominee");
    await expect(page.getByRole("group", { name: /may be named in public/ }).getByLabel("First name only")).toBeChecked();
    await page.goto("/nominate/young-champion/check");
    const nominee = page.locator("#section-nominee");
    await expect(nominee.getByRole("definition").filter({ hasText: "First name only" })).toBeVisible();
    await expect(nominee.getByText("How they may be named in public")).toBeVisible();
    await expect(nominee.getByRole("link", { name: /^Change/ })).toHaveAttribute("href", "/nominate/young-champion/nominee");
    await context.close();
  }
});

/** A past cycle whose Young Champion winner's guardian agreed to "first name only". */
async function createUnder18Winner(sql: postgres.Sql) {
  const [{ year }] = await sql<{ year: number }[]>`
    select y as year from generate_series(1950, 1989) as y where y not in (select year from cycles) order by random() limit 1`;
  const [cycle] = await sql<{ id: number }[]>`
    insert into cycles (year, name, phase, judging_close_at) values (${year}, ${`Awards ${year}`}, 'winners_decided', now() - interval '1 day') returning id`;
  const [category] = await sql<{ id: number }[]>`
    insert into categories (cycle_id, slug, name, nominee_types, nominee_under_18, shortlist_size)
    values (${cycle.id}, 'young-champion', 'Young Champion', '{individual}', true, 2) returning id`;
  const guardianEmail = `guardian-${year}@example.test`;
  const entry = async (status: string, name: string, extra: { guardian?: string; consent?: string; citation?: string } = {}) => {
    await sql`
      insert into nominations (cycle_id, category_id, reference, access_token_hash, status, nominee_type, nominee_name, nominee_organisation,
        nominee_local_authority, nominee_is_under_18, guardian_name, guardian_email, guardian_consent, guardian_publication_consent,
        guardian_publication_consent_at, citation, nominator_name, nominator_email, submitted_at, confirmed_at)
      values (${cycle.id}, ${category.id}, ${`CSA-${year}-${Math.random().toString(36).slice(2, 7).toUpperCase()}`}, ${`hash-${Math.random()}`},
        ${status}, 'individual', ${name}, 'Larkspur Youth Choir', 'Leeds', true, 'Gina Okonkwo', ${extra.guardian ?? null}, true,
        ${extra.consent ?? "not_named"}, now() - interval '30 days', ${extra.citation ?? null}, 'Nia Nominator',
        ${`nominator-${year}-${Math.random().toString(36).slice(2, 6)}@example.test`}, now(), now())`;
  };
  await entry("winner", "Amira Okonkwo", {
    guardian: guardianEmail,
    consent: "first_name",
    citation: "Amira Okonkwo sang every new family into Larkspur Youth Choir.",
  });
  await entry("shortlisted", "Toby Whitlock");
  return { year, guardianEmail };
}

test("an under-18 winner named by first name only: the admin sees it first, the guardian is told at publication, the public sees only the first name", async ({
  page,
  sql,
  createPerson,
  signInAs,
  browser,
}) => {
  test.setTimeout(journeyBudget(5) + 60_000);
  const { year, guardianEmail } = await createUnder18Winner(sql);
  await signInAs(page, await createPerson({ isAdmin: true }));

  // Before publishing, the admin sees each under-18 entry with its consent and public name.
  await page.goto(`/admin/results?year=${year}`);
  const list = page.getByRole("table", { name: "Under-18 nominees and their consent to publication" });
  await expect(list.getByRole("row", { name: /Amira Okonkwo/ })).toContainText("First name only");
  await expect(list.getByRole("row", { name: /Amira Okonkwo/ }).getByRole("cell").last()).toHaveText("Amira");
  await expect(list.getByRole("row", { name: /Toby Whitlock/ })).toContainText("A young champion from Leeds");
  await expectAccessible(page);
  // The nomination's own page says the same, with when the consent was given.
  await list.getByRole("link", { name: "Amira Okonkwo" }).click();
  await expect(page.getByRole("definition").filter({ hasText: /^First name only, given / })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Named in public as" })).toBeVisible();
  await expectAccessible(page);
  expect((await page.request.get(`/winners/${year}`)).status()).toBe(404);
  await expect(await outboxRows(page, guardianEmail)).toHaveCount(0);

  // Publication a few seconds ahead: shortlist and winners at one moment.
  const at = new Date(Date.now() + 3_000);
  const londonInput = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/London", dateStyle: "short", timeStyle: "medium" }).format(at).replace(" ", "T");
  await page.goto(`/admin/results?year=${year}`);
  await page.getByLabel("Publish the shortlist at").fill(londonInput);
  await page.getByLabel("Publish the winners at").fill(londonInput);
  await page.getByRole("button", { name: "Save the publication times" }).click();
  await expect(page.getByText("The publication times have been saved.")).toBeVisible();

  const visitorContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const visitor = await visitorContext.newPage();
  await expect
    .poll(async () => (await visitor.goto(`/winners/${year}`))?.status(), { timeout: 60_000, intervals: [500] })
    .toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`Winners ${year}`);
  const winner = visitor.locator(".result--winner");
  await expect(winner.locator(".result__name")).toHaveText("Amira");
  await expect(winner).toContainText("Amira sang every new family into their group.");
  const html = await visitor.content();
  expect(html).not.toMatch(/Okonkwo|Whitlock|Larkspur/);
  // The share preview, as a crawler reads it.
  const preview = await (await visitor.request.get(`/winners/${year}`, { headers: { "User-Agent": "facebookexternalhit/1.1" } })).text();
  expect(/<meta property="og:description" content="([^"]*)"/.exec(preview)?.[1]).toContain("Young Champion: Amira.");
  expect(/<meta name="twitter:description" content="([^"]*)"/.exec(preview)?.[1]).toContain("Young Champion: Amira.");
  expect(preview).not.toMatch(/Okonkwo|Whitlock|Larkspur/);
  // The sitemap lists the year's page, and no name.
  const sitemap = await (await visitor.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/winners/${year}</loc>`);
  expect(sitemap).not.toMatch(/Okonkwo|Amira/);
  await expectAccessible(visitor);
  await visitorContext.close();

  // The guardian hears once, with how their child is named.
  await expect.poll(async () => (await outboxRows(page, guardianEmail)).count(), { timeout: 60_000, intervals: [1000] }).toBe(1);
  const mail = await openEmail(page, guardianEmail, `Winner: Young Champion, Community Sponsorship Awards ${year}`);
  await expect(mail).toContainText("only their first name, “Amira”");
});

test("the privacy notice describes the consent to publication", async ({ page }) => {
  await page.goto("/privacy");
  const section = page.getByRole("region", { name: "Nominees under 18" });
  await expect(section).toContainText("first name only");
  await expect(section).toContainText("If no choice was recorded, they are not named");
  await expectAccessible(page);
});
