import type { Page } from "@playwright/test";
import { expect, expectAccessible, journeyBudget, test } from "./judging-fixtures";

const escape = (s: string) => s.replace(/[.+?*()[\]]/g, "\\$&");

async function signInByLink(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto("/dev/mail");
  await page.getByRole("row", { name: new RegExp(escape(email)) }).getByRole("link").click();
  await page.getByRole("link", { name: /\/login\/link\?token=/ }).first().click();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/judge$/);
}

async function chooseScores(page: Page, impact: string, commitment: string) {
  await page.getByRole("group", { name: "Impact" }).getByLabel(impact).check();
  await page.getByRole("group", { name: "Commitment" }).getByLabel(commitment).check();
}

test("a judge accepts the statement, declares a conflict and scores with and without JavaScript; the admin reminds", async ({
  page,
  browser,
  createPerson,
  signInAs,
  judgingWorld,
}) => {
  // One long journey through two roles, with an axe check on every page.
  test.setTimeout(journeyBudget(15) + 60_000);
  const world = await judgingWorld(["Harbour Welcome", "Hillside Sponsors", "Meadow Friends"]);
  const [conflicted, first, second] = world.nominations;
  const judge = await createPerson({ isJudge: true, name: "Jo Judge" });
  const colleague = await createPerson({ isJudge: true, name: "Sam Slow" });
  await world.addJudge(judge);
  await world.addJudge(colleague, { ready: true });

  // Signs in by emailed link.
  await signInByLink(page, judge.email);
  await expect(page.getByRole("heading", { name: "Welcome, Jo Judge" })).toBeVisible();
  await expect(page.getByText("To do: read and accept the confidentiality statement (once for all your panels).")).toBeVisible();
  await expect(page.getByText("Harbour Welcome")).toHaveCount(0);
  await expectAccessible(page);

  // The panel page sends the judge to the one statement of the cycle.
  await page.getByRole("link", { name: world.categoryName }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Read the confidentiality statement" }).click();
  await expect(page.getByRole("heading", { name: "Confidentiality and conflicts of interest", level: 1 })).toBeVisible();
  await expect(page.getByText("3 nominations are waiting for you")).toBeVisible();
  await page.getByRole("button", { name: "I accept the confidentiality statement" }).click();
  await expect(page.getByRole("cell", { name: "Nominator of Harbour Welcome" })).toBeVisible();
  await page.getByRole("button", { name: "Declare this conflict" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose the nomination you have a conflict with");
  await expectAccessible(page);
  await page.getByLabel("Nomination", { exact: true }).selectOption({ label: "Harbour Welcome, Harbour Welcome Trust (nominated by Nominator of Harbour Welcome)" });
  await page.getByLabel("Personal relationship (family, friend, partner)").check();
  await page.getByLabel("Note", { exact: true }).fill("My sister volunteers with them.");
  await page.getByRole("button", { name: "Declare this conflict" }).click();
  await expect(page.getByRole("status")).toContainText("Your conflict is recorded");
  await expect(page.getByRole("cell", { name: "Harbour Welcome", exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "I have no more conflicts to declare" }).click();
  await expect(page.getByRole("status")).toContainText("Your nominations are below");

  await expect(page.getByText("You have 0 of 2 scored.")).toBeVisible();
  await expect(page.getByRole("link", { name: conflicted.nomineeName })).toHaveCount(0);
  await expectAccessible(page);

  // Scores the first with JavaScript on: a draft, then submit with confirmation.
  await page.getByRole("link", { name: first.nomineeName }).click();
  await expect(page.getByRole("heading", { name: first.nomineeName, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("group", { name: "Impact" }).getByLabel("4 – Strong evidence").check();
  await page.getByLabel("Comment").fill("A steady, generous welcome.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toContainText("Your draft is saved");
  await expect(page.getByRole("group", { name: "Impact" }).getByLabel("4 – Strong evidence")).toBeChecked();
  await page.getByRole("button", { name: "Submit scores" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose a score for Commitment");
  await expectAccessible(page);
  await page.getByRole("group", { name: "Commitment" }).getByLabel("3 – Solid evidence").check();
  await page.getByRole("button", { name: "Submit scores" }).click();
  await expect(page.getByRole("heading", { name: `Check your scores for ${first.nomineeName}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm and submit" }).click();
  await expect(page.getByRole("status")).toContainText("Your scores are submitted");
  await expect(page.getByText(/Your scores are final/)).toBeVisible();
  await expectAccessible(page);

  // Scores the second with JavaScript off, in the same session.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto("/judge");
  await plain.getByRole("link", { name: second.nomineeName }).click();
  await chooseScores(plain, "5 – Exceptional", "2 – Some evidence");
  await plain.getByRole("button", { name: "Save draft" }).click();
  await expect(plain.getByRole("status")).toContainText("Your draft is saved");
  await expect(plain.getByRole("group", { name: "Commitment" }).getByLabel("2 – Some evidence")).toBeChecked();
  await plain.getByRole("button", { name: "Submit scores" }).click();
  // axe needs JavaScript in the page; the same pages were checked above with it on.
  await expect(plain.getByRole("heading", { name: `Check your scores for ${second.nomineeName}` })).toBeVisible();
  await plain.getByRole("button", { name: "Confirm and submit" }).click();
  await expect(plain.getByRole("status")).toContainText("Your scores are submitted");
  await noScript.close();

  await page.goto("/judge");
  await expect(page.getByText("You have 2 of 2 scored.")).toBeVisible();
  await expectAccessible(page);

  // The conflicted nomination is not reachable by its address.
  const hidden = await page.goto(`/judge/nominations/${conflicted.id}`);
  expect(hidden?.status()).toBe(404);

  // The admin sees the progress and reminds the judge with work left.
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  await page.context().clearCookies();
  await signInAs(page, admin);
  await page.goto(`/admin/judging?year=${world.year}`);
  await expect(page.getByRole("heading", { name: "Judging progress" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Jo Judge/ })).toContainText("2 of 2 scored");
  await expect(page.getByRole("row", { name: /Sam Slow/ })).toContainText("0 of 3 scored");
  await expectAccessible(page);
  await page.getByRole("button", { name: `Send a reminder to Sam Slow (${world.categoryName})` }).click();
  await expect(page.getByRole("status")).toContainText("Reminder sent to 1 judge");
  await expectAccessible(page);

  await page.goto("/dev/mail");
  const row = page.getByRole("row", { name: new RegExp(`${escape(colleague.email)}.*A reminder to finish your judging`) });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(page.getByText("0 of 3 scored")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/admin/judging/conflicts?year=${world.year}`);
  await expect(page.getByRole("row", { name: /Jo Judge/ })).toContainText("My sister volunteers with them.");
  await expectAccessible(page);
  await page.goto(`/admin/judging/assignments?year=${world.year}`);
  await expect(page.getByRole("heading", { name: "Assignments" })).toBeVisible();
  await expectAccessible(page);
});

test("a judge on three panels sees their nominations after one statement and one declaration", async ({ page, createPerson, signInAs, judgingWorld }) => {
  test.setTimeout(journeyBudget(6));
  const world = await judgingWorld(["Alder Welcome"]);
  const second = await world.addCategory(`Refugee Champion ${world.year}`, ["Birch Welcome"]);
  const third = await world.addCategory(`Council of the Year ${world.year}`, ["Cedar Welcome", "Cypress Welcome"]);
  const judge = await createPerson({ isJudge: true, name: "Tri Panel" });
  for (const panel of [world, second, third]) await panel.addJudge(judge);
  await signInAs(page, judge);

  await page.goto("/judge");
  await expect(page.getByText("4 nominations are waiting for you. Accept the confidentiality statement")).toBeVisible();
  await expect(page.getByRole("link", { name: "Alder Welcome" })).toHaveCount(0);
  await page.getByRole("link", { name: "read and accept the confidentiality statement" }).first().click();
  await expect(page.getByRole("heading", { name: "Confidentiality and conflicts of interest", level: 1 })).toBeVisible();
  await expect(page.getByText(`This statement covers your 3 panels: ${world.categoryName}, ${second.categoryName}, ${third.categoryName}.`)).toBeVisible();
  await expect(page.getByText("4 nominations are waiting for you")).toBeVisible();
  await expectAccessible(page);

  // One statement…
  await page.getByRole("button", { name: "I accept the confidentiality statement" }).click();
  // …one declaration page, grouped by category.
  for (const panel of [world, second, third]) {
    const group = page.getByRole("region", { name: `Nominations in ${panel.categoryName}` });
    for (const n of panel.nominations) await expect(group.getByRole("cell", { name: n.nomineeName, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "I accept the confidentiality statement" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Nomination", { exact: true }).selectOption({ label: "Cypress Welcome, Cypress Welcome Trust (nominated by Nominator of Cypress Welcome)" });
  await page.getByLabel("Work or professional relationship").check();
  await page.getByLabel("Note", { exact: true }).fill("I advise their trustees.");
  await page.getByRole("button", { name: "Declare this conflict" }).click();
  await expect(page.getByRole("status")).toContainText("Your conflict is recorded");
  await page.getByRole("button", { name: "I have no more conflicts to declare" }).click();

  // Every panel's nominations, less the conflict, and no panel asks again.
  await expect(page).toHaveURL(/\/judge\?notice=judge-ready$/);
  await expect(page.getByText("You have 0 of 3 scored.")).toBeVisible();
  for (const name of ["Alder Welcome", "Birch Welcome", "Cedar Welcome"]) await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cypress Welcome" })).toHaveCount(0);
  await expect(page.getByText(/To do:/)).toHaveCount(0);
  await expectAccessible(page);

  // A panel joined later is asked for alone.
  const fourth = await world.addCategory(`Volunteer of the Year ${world.year}`, ["Damson Welcome"]);
  await fourth.addJudge(judge);
  await page.goto(`/judge/cycles/${world.year}`);
  await expect(page.getByText(`This statement covers your panel: ${fourth.categoryName}.`)).toBeVisible();
});
