import { expect, expectAccessible, journeyBudget, test } from "./final-round-fixtures";

test("an admin starts the final round and assigns it, a judge re-scores a shortlisted nomination, the admin reads the final leaderboard and closes it", async ({
  page,
  browser,
  createPerson,
  signInAs,
  shortlistedWorld,
}) => {
  // Two roles, an admin and a judge, and thirteen axe runs.
  test.setTimeout(journeyBudget(13) + 60_000);
  const world = await shortlistedWorld();
  const [alder, birch, cedar] = world.nominations;
  const admin = await createPerson({ isAdmin: true, name: "Final Round Admin" });
  const judge = await createPerson({ isJudge: true, name: "Fran Final" });
  await world.addJudge(judge);
  await signInAs(page, admin);

  // The results page offers the optional final round; starting it asks for confirmation.
  await page.goto(`/admin/results?year=${world.year}`);
  await expect(page.getByRole("heading", { name: "Final round" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Start the final round" }).click();
  await expect(page.getByRole("heading", { name: "Start the final round?" })).toBeVisible();
  await expect(page.getByText(`${world.categoryName}: 2 shortlisted`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, start the final round" }).click();
  await expect(page.getByRole("status")).toContainText("The final round has started");
  await expectAccessible(page);

  // The same assignment machinery, now for the shortlist only.
  await page.getByRole("link", { name: "Assign its judges" }).click();
  await expect(page.getByRole("heading", { name: "Assignments: final round" })).toBeVisible();
  await expect(page.getByRole("cell", { name: cedar.nomineeName })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Assign judges" }).click();
  await expect(page.getByRole("status")).toContainText("The assignment ran: 2 added, 0 kept, 0 removed.");
  await expect(page.getByRole("row", { name: new RegExp(alder.nomineeName) })).toContainText("Fran Final");
  await expectAccessible(page);

  // The judge sees the final round and scores a shortlisted nomination on a fresh sheet.
  const judgeContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const judgePage = await judgeContext.newPage();
  await signInAs(judgePage, judge);
  await judgePage.goto("/judge");
  await expect(judgePage.getByText("You have 0 of 2 scored.")).toBeVisible();
  await expect(judgePage.getByText("Final round:")).toBeVisible();
  await expect(judgePage.getByRole("link", { name: cedar.nomineeName })).toHaveCount(0);
  await expectAccessible(judgePage);
  await judgePage.getByRole("link", { name: alder.nomineeName }).click();
  await expect(judgePage.getByRole("heading", { name: alder.nomineeName, level: 1 })).toBeVisible();
  await expect(judgePage.getByText("This is the final round")).toBeVisible();
  // A fresh sheet: the main-round scores are not carried over.
  await expect(judgePage.getByRole("group", { name: "Impact" }).getByLabel("4 – Strong evidence")).not.toBeChecked();
  await expectAccessible(judgePage);
  await judgePage.getByRole("group", { name: "Impact" }).getByLabel("5 – Exceptional").check();
  await judgePage.getByRole("group", { name: "Commitment" }).getByLabel("5 – Exceptional").check();
  await judgePage.getByRole("button", { name: "Submit scores" }).click();
  await expect(judgePage.getByRole("heading", { name: `Check your scores for ${alder.nomineeName}` })).toBeVisible();
  await expectAccessible(judgePage);
  await judgePage.getByRole("button", { name: "Confirm and submit" }).click();
  await expect(judgePage.getByRole("status")).toContainText("Your scores are submitted");
  await expectAccessible(judgePage);
  await judgePage.goto("/judge");
  await expect(judgePage.getByText("You have 1 of 2 scored.")).toBeVisible();
  await judgeContext.close();

  // The admin reads the final leaderboard: the shortlist only, with the final round's scores only.
  await page.goto(`/admin/results/${world.categoryId}`);
  await expect(page.getByRole("heading", { name: "Leaderboard: final round" })).toBeVisible();
  const finalBoard = page.getByRole("table", { name: /the shortlist in the final round/ });
  await expect(finalBoard.getByRole("row")).toHaveCount(3);
  await expect(finalBoard.getByRole("row", { name: new RegExp(alder.nomineeName) })).toContainText("5.00");
  await expect(finalBoard.getByRole("row", { name: new RegExp(birch.nomineeName) })).toBeVisible();
  await expect(page.getByText(`First in the final round: ${alder.nomineeName}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Main round leaderboard" }).click();
  await expect(page.getByRole("heading", { name: "Leaderboard: main round" })).toBeVisible();
  const mainBoard = page.getByRole("table", { name: /every judged nomination/ });
  await expect(mainBoard.getByRole("row")).toHaveCount(4);
  await expect(mainBoard.getByRole("row", { name: new RegExp(alder.nomineeName) })).toContainText("4.00");
  await expectAccessible(page);

  // Closing the final round is confirmed too; the winners are then chosen from its leaderboard.
  await page.goto(`/admin/results?year=${world.year}`);
  await page.getByRole("link", { name: "Close the final round" }).click();
  await expect(page.getByRole("heading", { name: "Close the final round?" })).toBeVisible();
  await expect(page.getByText("1 of 2 final-round score sheets are submitted.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, close the final round" }).click();
  await expect(page.getByRole("status")).toContainText("The final round is closed");
  await expect(page.getByText("The final round has closed. The winners are decided from its leaderboard.")).toBeVisible();
  await expectAccessible(page);
});
