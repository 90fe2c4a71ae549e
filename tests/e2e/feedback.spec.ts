import { expect, expectAccessible, journeyBudget, test } from "./fixtures";
import { createJudgedCycle } from "./results-fixtures";

const SHARED = "Rowan's welcome turned a street into a family.";
const EDITED = "The welcome turned a whole street into a family.";
const PRIVATE = "Private note: the budget looked thin to me.";

test("a judge keeps a comment private; after the winners' publication an admin edits and releases the feedback", async ({
  page,
  sql,
  createPerson,
  signInAs,
}) => {
  test.setTimeout(journeyBudget(6));
  const { year, categoryId, nominationIds } = await createJudgedCycle(sql, ["Rowan Welcome", "Saltaire Sponsors"], [[5, 3]]);
  const [rowan] = nominationIds;
  // The cycle shares feedback; judging is open again for one more judge, who sees the notice.
  await sql`update cycles set feedback_to_nominees = true, judging_open_at = now() - interval '1 day', judging_close_at = now() + interval '1 day'
            where year = ${year}`;
  await sql`update scores set comment = ${SHARED}, comment_private = false where nomination_id = ${rowan}`;
  const judge = await createPerson({ isJudge: true, name: "Priya Marchbanks" });
  const [panel] = await sql<{ id: number }[]>`insert into panels (category_id) values (${categoryId}) returning id`;
  await sql`insert into panel_members (panel_id, person_id, confidentiality_accepted_at, conflicts_declared_at) values (${panel.id}, ${judge.id}, now(), now())`;
  await sql`insert into assignments (nomination_id, person_id) values (${rowan}, ${judge.id})`;

  await signInAs(page, judge);
  await page.goto(`/judge/nominations/${rowan}`);
  await expect(page.getByRole("heading", { name: "Rowan Welcome" })).toBeVisible();
  await expect(page.getByText(/your comment may also be shared with the nominator and nominee after the winners are published/)).toBeVisible();
  await page.getByRole("group", { name: "Impact" }).getByLabel("4").check();
  await page.getByRole("group", { name: "Commitment" }).getByLabel("4").check();
  await page.getByLabel("Comment", { exact: true }).fill(PRIVATE);
  await page.getByLabel("Keep my comment private").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit scores" }).click();
  await expect(page.getByText("Private: never shared")).toBeVisible();
  await page.getByRole("button", { name: "Confirm and submit" }).click();
  await expect(page.getByText("Your scores are submitted. Thank you.")).toBeVisible();
  await expect(page.getByLabel("Keep my comment private")).toBeChecked();

  // Judging closes; Rowan wins; the winners are due out in an hour.
  await sql`update cycles set phase = 'winners_decided', judging_close_at = now() - interval '1 minute',
              shortlist_publish_at = now() + interval '30 minutes', winners_publish_at = now() + interval '1 hour' where year = ${year}`;
  await sql`update nominations set status = 'winner' where id = ${rowan}`;
  const admin = await createPerson({ isAdmin: true, name: "Feedback Admin" });
  await signInAs(page, admin);

  // Before the winners' publication there is nothing to review or release.
  const early = await page.request.get(`/admin/feedback/${rowan}?_data=routes%2Fadmin.feedback.%24id`);
  expect(early.status()).toBe(409);
  const earlyText = await early.text();
  expect(earlyText).toMatch(/once the winners are published/);
  expect(earlyText).not.toContain("street");

  await sql`update cycles set phase = 'winners_published', shortlist_publish_at = now() - interval '2 minutes',
              winners_publish_at = now() - interval '1 minute' where year = ${year}`;
  await page.goto(`/admin/cycles/${year}`);
  await expect(page.getByLabel("Feedback to nominees")).toBeChecked();
  await page.getByRole("link", { name: `Feedback to nominees of ${year}` }).click();
  await expect(page.getByRole("heading", { name: "Feedback to nominees" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rowan Welcome" }).click();

  // Anonymised: the shared comment only, no judge's name, no private comment.
  await expect(page.getByRole("heading", { name: "Feedback: Rowan Welcome" })).toBeVisible();
  await expect(page.getByLabel("Comment 1 as it will be sent")).toHaveValue(SHARED);
  await expect(page.getByText(PRIVATE)).toHaveCount(0);
  await expect(page.getByText("Priya Marchbanks")).toHaveCount(0);
  await expect(page.getByText("Judge 1")).toHaveCount(0);
  await expectAccessible(page);

  // An emptied comment is refused next to its field.
  await page.getByLabel("Comment 1 as it will be sent").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Write the comment, or leave it out");
  await expectAccessible(page);

  await page.getByLabel("Comment 1 as it will be sent").fill(EDITED);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes are saved. Nothing has been sent yet.")).toBeVisible();
  await expect(page.getByText(`As the judge wrote it: “${SHARED}”`)).toBeVisible();
  await page.getByRole("button", { name: "Release the feedback" }).click();
  await expect(page.getByText("The feedback has been released: the email is in the outbox.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Released on / })).toBeVisible();
  await expectAccessible(page);

  // One email each to the nominator and the nominee, with the edited comment only.
  const nominator = `nominator-${year}-0@example.test`;
  await page.goto("/admin/outbox");
  await expect(page.getByRole("row", { name: new RegExp(`${nominator}.*What the judges said`) })).toBeVisible();
  const mail = await sql<{ to: string; text: string }[]>`select "to", text from email_outbox where template = 'nomination-feedback' and meta->'nominationIds' @> ${sql.json([rowan])} order by "to"`;
  expect(mail.map((m) => m.to)).toEqual([`nominator-${year}-0@example.test`, `nominee-${year}-0@example.test`]);
  for (const m of mail) {
    expect(m.text).toContain(EDITED);
    for (const hidden of [SHARED, PRIVATE, "Priya Marchbanks", "Judge 1"]) expect(m.text).not.toContain(hidden);
  }
});
