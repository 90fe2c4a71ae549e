import { expect, expectAccessible, journeyBudget, test } from "./admin-fixtures";

test("an admin writes a category's Welsh beside the English, and the list of Welsh still to write shrinks", async ({ page, createPerson, signInAs, createCycle }) => {
  test.setTimeout(journeyBudget(4));
  const cycle = await createCycle();
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  await signInAs(page, admin);

  // The fixture's category: name, description, eligibility, two questions (the first with help text), all English only.
  await page.goto(`/admin/categories?year=${cycle.year}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Volunteer of the Year", exact: true }) });
  await expect(row.getByRole("cell").nth(2)).toHaveText("6 texts");
  await row.getByRole("link", { name: "Volunteer of the Year", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Welsh still to write" })).toBeVisible();
  const missing = page.locator("#welsh-missing li");
  await expect(missing).toHaveText(["Name", "Description", "Who is eligible", "Question 1: the question", "Question 1: help text", "Question 2: the question"]);
  await expectAccessible(page);

  const name = page.getByLabel("Name in Welsh (Cymraeg)");
  await expect(name).toHaveAttribute("lang", "cy");
  await name.fill("Gwirfoddolwr y Flwyddyn");
  await page.getByLabel("Description in Welsh (Cymraeg)").fill("Ar gyfer gwirfoddolwr a aeth y tu hwnt i'r disgwyl.");
  // Welsh with no English to translate is refused beside its field, and what was typed stays.
  await page.getByLabel("Sponsor line in Welsh (Cymraeg)").fill("Gyda chefnogaeth Reset");
  await page.getByRole("button", { name: "Save the details" }).click();
  await expect(page.getByRole("alert")).toContainText("Write the English sponsor line before its Welsh");
  await expect(name).toHaveValue("Gwirfoddolwr y Flwyddyn");
  await expectAccessible(page);

  await page.getByLabel("Sponsor line in Welsh (Cymraeg)").fill("");
  await page.getByRole("button", { name: "Save the details" }).click();
  await expect(page.getByRole("status")).toContainText("The category has been saved");
  await expect(missing).toHaveText(["Who is eligible", "Question 1: the question", "Question 1: help text", "Question 2: the question"]);

  // A question's Welsh, from the list.
  await page.getByRole("link", { name: "Question 1: the question" }).click();
  await expect(page.getByRole("heading", { name: "Edit a question" })).toBeVisible();
  await expect(page.getByLabel("Question in Welsh (Cymraeg)")).toHaveAttribute("lang", "cy");
  await page.getByLabel("Question in Welsh (Cymraeg)").fill("Pa wahaniaeth maen nhw wedi'i wneud?");
  await page.getByLabel("Help text in Welsh (Cymraeg)").fill("Soniwch wrthym am y teulu.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save the question" }).click();
  await expect(page.getByRole("status")).toContainText("The question has been saved");
  await expect(missing).toHaveText(["Who is eligible", "Question 2: the question"]);

  await page.goto(`/admin/categories?year=${cycle.year}`);
  await expect(row.getByRole("cell").nth(2)).toHaveText("2 texts");
});
