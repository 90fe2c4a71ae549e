import type postgres from "postgres";
import { toLondonInputValue } from "~/domain/time";
import { expect, expectAccessible, journeyBudget, test } from "./fixtures";
import { expectAccessibleAsServed } from "./nomination-fixtures";

/*
 * People's Choice against the built server: an admin opens a category's vote; a member of
 * the public, with JavaScript off, finds it from the shortlist, votes, and confirms by the
 * link from the outbox; the same email cannot vote twice; the admin sees the count, and the
 * public does not until the winners are published.
 */
const HOUR = 60 * 60 * 1000;
const NOMINEES = ["Ashby Welcome", "Bramley Friends", "Calder Refuge"];

/** A past year's cycle whose shortlist went public an hour ago; the winners are tomorrow. */
async function createShortlistedCycle(sql: postgres.Sql) {
  const [{ year }] = await sql<{ year: number }[]>`
    select y as year from generate_series(1900, 1949) as y
    where y not in (select year from cycles) order by random() limit 1`;
  const [cycle] = await sql<{ id: number }[]>`
    insert into cycles (year, name, phase, judging_close_at, shortlist_publish_at, winners_publish_at)
    values (${year}, ${`Awards ${year}`}, 'shortlist_published', now() - interval '1 day', now() - interval '1 hour', now() + interval '1 day')
    returning id`;
  const [category] = await sql<{ id: number }[]>`
    insert into categories (cycle_id, slug, name, nominee_types)
    values (${cycle.id}, 'group-of-the-year', 'Group of the Year', '{group}') returning id`;
  for (const [i, name] of NOMINEES.entries()) {
    await sql`
      insert into nominations (cycle_id, category_id, reference, access_token_hash, status, nominee_type, nominee_name,
        nominee_organisation, nominee_local_authority, nominator_name, nominator_email)
      values (${cycle.id}, ${category.id}, ${`CSA-${year}-${i}P${Math.random().toString(36).slice(2, 6).toUpperCase()}`},
        ${`hash-pc-${year}-${i}-${Math.random()}`}, 'shortlisted', 'group', ${name}, ${name}, 'Leeds',
        ${`Nominator ${i}`}, ${`nominator-pc-${year}-${i}@example.test`})`;
  }
  return { year, categoryId: category.id };
}

test("a member of the public votes without JavaScript and confirms by the emailed link", async ({ page, browser, sql, createPerson, signInAs }) => {
  test.setTimeout(journeyBudget(9));
  const { year, categoryId } = await createShortlistedCycle(sql);
  const email = `voter-${Date.now().toString(36)}@example.test`;

  // The admin opens the vote on the category's People's Choice screen.
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  await signInAs(page, admin);
  await page.goto(`/admin/categories/${categoryId}`);
  await page.getByRole("link", { name: "People's Choice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People's Choice: Group of the Year");
  await expectAccessible(page);
  await page.getByLabel("Voting opens (UK time)").fill(toLondonInputValue(new Date(Date.now() - 60_000)).slice(0, 16));
  await page.getByLabel("Voting closes (UK time)").fill(toLondonInputValue(new Date(Date.now() + 12 * HOUR)).slice(0, 16));
  await page.getByRole("button", { name: "Save the voting window" }).click();
  await expect(page.getByText("The People's Choice voting window has been saved.")).toBeVisible();
  await expect(page.getByText(/^Open: from/)).toBeVisible();

  // A member of the public, JavaScript off, finds the vote from the shortlist.
  const publicContext = await browser.newContext({ javaScriptEnabled: false });
  try {
    const voter = await publicContext.newPage();
    await voter.goto(`/winners/${year}`);
    await voter.getByRole("link", { name: "Vote for your People's Choice in Group of the Year" }).click();
    const shownAt = Date.now();
    await expect(voter.getByRole("heading", { level: 1 })).toHaveText("People's Choice: Group of the Year");
    await expect(voter.getByText(/\d+ votes?/)).toHaveCount(0);
    await expectAccessibleAsServed(voter, false);

    // Sending without a choice keeps the email and says what is missing.
    await voter.getByLabel("Email address").fill(email);
    // The form must have been on screen for the minimum time a person needs to read it.
    await voter.waitForTimeout(Math.max(0, 3_500 - (Date.now() - shownAt)));
    await voter.getByRole("button", { name: "Send my vote" }).click();
    await expect(voter.getByRole("alert").getByRole("link", { name: "Choose who you are voting for" })).toBeVisible();
    await expect(voter.getByLabel("Email address")).toHaveValue(email);
    await expectAccessibleAsServed(voter, false);

    const reshownAt = Date.now();
    await voter.getByRole("group", { name: "Who do you vote for?" }).getByLabel("Bramley Friends").check();
    await voter.waitForTimeout(Math.max(0, 3_500 - (Date.now() - reshownAt)));
    await voter.getByRole("button", { name: "Send my vote" }).click();
    await expect(voter.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expectAccessibleAsServed(voter, false);
    const [pending] = await sql<{ confirmed_at: Date | null }[]>`select confirmed_at from peoples_choice_votes where category_id = ${categoryId}`;
    expect(pending.confirmed_at).toBeNull();

    // The link from the outbox opens a page with a button; the button counts the vote.
    await voter.goto("/dev/mail");
    await voter.getByRole("row").filter({ hasText: email }).filter({ hasText: "Confirm your People's Choice vote for Bramley Friends" }).first().getByRole("link").click();
    const confirmHref = await voter.getByRole("link", { name: /\/vote\/confirm\?t=/ }).first().getAttribute("href");
    await voter.goto(confirmHref!);
    await expect(voter.getByRole("heading", { level: 1 })).toHaveText("Confirm your vote");
    await expectAccessibleAsServed(voter, false);
    await voter.getByRole("button", { name: "Confirm my vote" }).click();
    await expect(voter.getByRole("heading", { level: 1 })).toHaveText("Your vote is counted");
    await expectAccessibleAsServed(voter, false);
    const [confirmed] = await sql<{ confirmed_at: Date | null }[]>`select confirmed_at from peoples_choice_votes where category_id = ${categoryId}`;
    expect(confirmed.confirmed_at).not.toBeNull();

    // The same email, spelt differently, cannot vote again.
    await voter.goto(`/vote/${year}/group-of-the-year`);
    const againAt = Date.now();
    await voter.getByRole("group", { name: "Who do you vote for?" }).getByLabel("Calder Refuge").check();
    await voter.getByLabel("Email address").fill(email.toUpperCase());
    await voter.waitForTimeout(Math.max(0, 3_500 - (Date.now() - againAt)));
    await voter.getByRole("button", { name: "Send my vote" }).click();
    await expect(voter.getByRole("alert")).toContainText("This email address has already voted in the People's Choice for Group of the Year");
    await expect(voter.getByLabel("Email address")).toHaveValue(email.toUpperCase());

    // The shortlist shows no count before the winners' publication.
    await voter.goto(`/winners/${year}`);
    await expect(voter.getByRole("heading", { level: 1 })).toHaveText(`Shortlist ${year}`);
    await expect(voter.getByText(/\d+ votes?\b/)).toHaveCount(0);
  } finally {
    await publicContext.close();
  }

  // The admin sees the count, and where it came from.
  await page.reload();
  await expect(page.getByRole("table", { name: "Counted votes per nominee" }).getByRole("row", { name: /Bramley Friends/ })).toContainText("1");
  await expect(page.getByRole("table", { name: "Votes by email domain" })).toContainText("example.test");
  await expectAccessible(page);

  // Once the winners are public, the counts show on the winners page.
  await sql`update nominations set status = 'winner' where category_id = ${categoryId} and nominee_name = 'Ashby Welcome'`;
  await sql`update cycles set winners_publish_at = now() - interval '1 second', phase = 'winners_published'
            where id = (select cycle_id from categories where id = ${categoryId})`;
  const after = await browser.newContext({ javaScriptEnabled: false });
  try {
    const reader = await after.newPage();
    await reader.goto(`/winners/${year}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Winners ${year}`);
    await expect(reader.getByRole("heading", { name: "People's Choice" })).toBeVisible();
    await expect(reader.getByRole("listitem").filter({ hasText: "Bramley Friends" }).filter({ hasText: "1 vote" })).toBeVisible();
    await expect(reader.getByText("1 confirmed vote from the public.")).toBeVisible();
    await expectAccessibleAsServed(reader, false);
  } finally {
    await after.close();
  }
});

test("with JavaScript, the same form checks the choice in the browser and sends the vote", async ({ page, sql }) => {
  test.setTimeout(journeyBudget(2));
  const { year, categoryId } = await createShortlistedCycle(sql);
  await sql`update categories set peoples_choice_opens_at = now() - interval '1 minute', peoples_choice_closes_at = now() + interval '12 hours'
            where id = ${categoryId}`;
  const email = `js-voter-${Date.now().toString(36)}@example.test`;
  await page.goto(`/vote/${year}/group-of-the-year`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send my vote" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Choose who you are voting for" })).toBeVisible();
  // Whether the browser or the server refused, the form now on the page is at most this old.
  const shownAt = Date.now();
  await expectAccessible(page);
  await page.getByRole("group", { name: "Who do you vote for?" }).getByLabel("Calder Refuge").check();
  await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - shownAt)));
  await page.getByRole("button", { name: "Send my vote" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const rows = await sql<{ email: string }[]>`select email from peoples_choice_votes where category_id = ${categoryId}`;
  expect(rows.map((r) => r.email)).toEqual([email]);
});
