import { expect, expectAccessible, journeyBudget, test } from "./fixtures";
import { expectAccessibleAsServed } from "./nomination-fixtures";
import { createJudgedCycle } from "./results-fixtures";

test("a chair holds the panel meeting without JavaScript and records a decision; the admin applies the agreed shortlist", async ({
  browser,
  page,
  sql,
  createPerson,
  signInAs,
}) => {
  test.setTimeout(journeyBudget(6));
  const { categoryId, nominationIds } = await createJudgedCycle(
    sql,
    ["Ulverston Welcome", "Rowan Welcome", "Saltaire Sponsors", "Tadcaster Together"],
    [
      [5, 5, 4, 2],
      [4, 5, 2, 3],
      [5, 4, 4, 2],
    ],
  );
  // The panel, its chair (statement accepted, conflicts declared) and the chair's conflict on Ulverston.
  const chair = await createPerson({ isJudge: true, name: "Panel Chair" });
  const [panel] = await sql<{ id: number }[]>`insert into panels (category_id) values (${categoryId}) returning id`;
  await sql`insert into panel_members (panel_id, person_id, is_chair, confidentiality_accepted_at, conflicts_declared_at)
            values (${panel.id}, ${chair.id}, true, now(), now())`;
  await sql`insert into conflicts (person_id, nomination_id, status, source) values (${chair.id}, ${nominationIds[0]}, 'confirmed', 'declared')`;

  // The chair's browser runs no script: every step is a plain form post.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const chairPage = await context.newPage();
  await signInAs(chairPage, chair);
  await chairPage.goto(`/judge/results/${categoryId}`);
  await chairPage.getByRole("link", { name: "Hold the panel meeting" }).click();
  await expect(chairPage.getByRole("heading", { name: "Group of the Year", level: 1 })).toBeVisible();
  const table = chairPage.getByRole("table", { name: /raw and calibrated ranks/ });
  await expect(table.getByRole("columnheader", { name: /Raw rank/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Calibrated rank/ })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(4);
  // Saltaire's judges gave 4, 2 and 4 on 1–5: the panel should talk about it.
  await expect(table.getByRole("row", { name: /Saltaire Sponsors/ })).toContainText("judges' scores spread widely");
  await expect(chairPage.getByText("Ulverston")).toHaveCount(0);
  await expectAccessibleAsServed(chairPage, false);

  // A decision without its reason is refused, and what was typed comes back.
  const saltaire = chairPage.getByRole("region", { name: "Saltaire Sponsors (Saltaire Sponsors Group)" });
  await saltaire.getByLabel("Note").fill("Strong on evidence; one judge scored it low on impact.");
  await saltaire.getByLabel("Shortlist", { exact: true }).check();
  await saltaire.getByRole("button", { name: "Save the record" }).click();
  const refused = chairPage.getByRole("region", { name: "Saltaire Sponsors (Saltaire Sponsors Group)" });
  await expect(refused.getByRole("alert")).toContainText("Give the panel's reason for its decision");
  await expect(refused.getByLabel("Note")).toHaveValue("Strong on evidence; one judge scored it low on impact.");
  await expectAccessibleAsServed(chairPage, false);
  await refused.getByLabel("Shortlist", { exact: true }).check();
  await refused.getByLabel("Reason for the decision").fill("The low score was on a criterion the nomination met in full.");
  await refused.getByRole("button", { name: "Save the record" }).click();
  await expect(chairPage.getByRole("status")).toContainText("The record for Saltaire Sponsors (Saltaire Sponsors Group) has been saved.");
  await expect(chairPage.getByRole("table", { name: /raw and calibrated ranks/ }).getByRole("row", { name: /Saltaire Sponsors/ })).toContainText("Shortlist");

  const rowan = chairPage.getByRole("region", { name: "Rowan Welcome (Rowan Welcome Group)" });
  await rowan.getByLabel("Shortlist", { exact: true }).check();
  await rowan.getByLabel("Reason for the decision").fill("First on both ranks.");
  await rowan.getByRole("button", { name: "Save the record" }).click();
  await expect(chairPage.getByRole("status")).toContainText("Rowan Welcome");
  await expect(chairPage.getByText(/On the shortlist so far: Rowan Welcome \(Rowan Welcome Group\), Saltaire Sponsors/)).toBeVisible();
  await expectAccessibleAsServed(chairPage, false);

  await context.close();

  // The admin holds the same meeting over the whole category; on a narrow screen the table
  // scrolls inside its own box, never the page.
  const admin = await createPerson({ isAdmin: true, name: "Results Admin" });
  await signInAs(page, admin);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/admin/results/${categoryId}/panel`);
  await expect(page.getByRole("table", { name: /raw and calibrated ranks/ }).getByRole("row")).toHaveCount(5);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The admin's shortlist step shows the panel's decisions and applies them in one action.
  await page.getByRole("link", { name: "Results and shortlist" }).click();
  await expect(page.getByText(/The panel meeting put on the shortlist: Rowan Welcome/)).toBeVisible();
  await expect(page.getByLabel(/^Saltaire Sponsors \(Saltaire Sponsors Group\).*\(panel: shortlist\)$/)).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Apply the panel's shortlist" }).click();
  await expect(page.getByText("The shortlist has been saved.")).toBeVisible();
  const statuses = await sql<{ nominee_name: string; status: string }[]>`
    select nominee_name, status from nominations where category_id = ${categoryId} order by id`;
  expect(Object.fromEntries(statuses.map((s) => [s.nominee_name, s.status]))).toEqual({
    "Ulverston Welcome": "not_shortlisted",
    "Rowan Welcome": "shortlisted",
    "Saltaire Sponsors": "shortlisted",
    "Tadcaster Together": "not_shortlisted",
  });
});
