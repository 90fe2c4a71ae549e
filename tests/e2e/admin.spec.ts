import { expect, expectAccessible, journeyBudget, test } from "./admin-fixtures";

test("an admin creates next year's cycle from last year's and edits a category's questions and rubric", async ({ page, createPerson, signInAs, createCycle }) => {
  test.setTimeout(journeyBudget(11));
  const last = await createCycle({ archived: true });
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  await signInAs(page, admin);
  const next = last.year + 1;

  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Cycle" }).click();
  await expect(page.getByRole("heading", { name: "Cycles", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Copy the categories of").selectOption(String(last.year));
  await page.getByLabel("Year of the new cycle").fill(String(next));
  await page.getByLabel("Name").fill(`Test Awards ${next}`);
  await page.getByRole("button", { name: "Create the cycle" }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/cycles/${next}\\?notice=cycle-created`));
  await expect(page.getByRole("status")).toContainText("created from last year");
  await expect(page.getByText("Current phase")).toBeVisible();
  await expect(page.locator("dd strong")).toHaveText("Draft");
  await expectAccessible(page);

  // Dates are typed in UK time; a date out of order is refused beside its field, the text kept.
  await page.getByLabel("Nominations open").fill("2030-03-01T09:00");
  await page.getByLabel("Nominations close").fill("2030-02-01T17:00");
  await page.getByRole("button", { name: "Save the cycle" }).click();
  await expect(page.getByRole("alert")).toContainText("Nominations close must be after nominations open");
  await expect(page.getByLabel("Nominations close")).toHaveValue("2030-02-01T17:00");
  await expectAccessible(page);
  await page.getByLabel("Nominations close").fill("2030-06-30T17:00");
  await page.getByRole("button", { name: "Save the cycle" }).click();
  await expect(page.getByRole("status")).toContainText("settings have been saved");
  await expect(page.getByText("Now: Sunday 30 June 2030 at 5pm")).toBeVisible();

  // Judging and results settings: a calibration guard of 0 is refused beside its field.
  await page.getByLabel("Blind judging").check();
  await page.getByLabel("Weighted mean of the judges' scores").check();
  const guard = page.getByLabel("Scores a judge must give before calibration adjusts them");
  await guard.fill("0");
  await page.getByRole("button", { name: "Save the cycle" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter at least 1");
  await expect(guard).toHaveValue("0");
  await expectAccessible(page);
  await guard.fill("4");
  await page.getByRole("button", { name: "Save the cycle" }).click();
  await expect(page.getByRole("status")).toContainText("settings have been saved");
  await expect(page.getByLabel("Blind judging")).toBeChecked();
  await expect(page.getByLabel("Weighted mean of the judges' scores")).toBeChecked();
  await expect(guard).toHaveValue("4");

  // A move to the next phase needs a confirmation.
  await page.getByRole("link", { name: "Move to Nominations open" }).click();
  await expect(page.getByRole("heading", { name: "Move the cycle to Nominations open?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, move to Nominations open" }).click();
  await expect(page.getByRole("status")).toContainText("moved to its next phase");

  // The copied category: edit a question and the rubric.
  await page.getByRole("link", { name: `Categories of ${next}` }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Volunteer of the Year" }).click();
  await expect(page.getByRole("heading", { name: "Volunteer of the Year", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Edit\W+How did they do it\?$/ }).click();
  await expectAccessible(page);
  await page.getByLabel("Question", { exact: true }).fill("How did they do it, week by week?");
  await page.getByLabel("Word limit").fill("250");
  await page.getByRole("button", { name: "Save the question" }).click();
  await expect(page.getByRole("status")).toContainText("question has been saved");
  await expect(page.getByRole("cell", { name: "How did they do it, week by week?", exact: true })).toBeVisible();

  const addQuestion = page.locator("form", { has: page.getByRole("button", { name: "Add the question" }) });
  await addQuestion.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the question");
  await expectAccessible(page);
  await addQuestion.getByLabel("Question", { exact: true }).fill("Anything else the judges should know?");
  await addQuestion.getByLabel("An answer is required").uncheck();
  await addQuestion.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByRole("status")).toContainText("question has been added");
  await page.getByRole("button", { name: /^Move up\W+Anything else the judges should know\?$/ }).click();
  await expect(page.getByRole("status")).toContainText("order has been changed");
  const questionRows = page.getByRole("table").first().getByRole("row");
  await expect(questionRows.nth(2)).toContainText("Anything else the judges should know?");

  await page.getByRole("link", { name: /^Edit\W+Commitment$/ }).click();
  await page.getByLabel("Weight").fill("1.5");
  await page.getByRole("button", { name: "Save the criterion" }).click();
  await expect(page.getByRole("status")).toContainText("criterion has been saved");
  const addCriterion = page.locator("form", { has: page.getByRole("button", { name: "Add the criterion" }) });
  await addCriterion.getByLabel("Criterion").fill("Community");
  await addCriterion.getByLabel("Guidance for judges").fill("How widely the community was involved.");
  await addCriterion.getByLabel("Weight").fill("1");
  await addCriterion.getByRole("button", { name: "Add the criterion" }).click();
  await expect(page.getByRole("status")).toContainText("criterion has been added");
  await expect(page.getByRole("cell", { name: /^Community How widely/ })).toBeVisible();
  await expect(addCriterion.getByLabel("Criterion")).toHaveValue("");
  await page.getByLabel("What 3 means").fill("Solid evidence with examples");
  await page.getByRole("button", { name: "Save the scale" }).click();
  await expect(page.getByRole("status")).toContainText("scale has been saved");
  await expect(page.getByLabel("What 3 means")).toHaveValue("Solid evidence with examples");
  await expectAccessible(page);

  // Every step is in the audit log.
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Audit log" }).click();
  // The category page has a "Who is eligible" field too: fill the filter once the log is shown.
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Who").fill("Ada Admin");
  await page.getByRole("button", { name: "Filter" }).click();
  for (const action of ["cycle.created_from_previous", "cycle.updated", "cycle.phase_changed", "question.updated", "question.added", "criterion.updated", "criterion.added", "scale.updated"]) {
    await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await expectAccessible(page);
});

test("an admin marks nominations eligible and ineligible, merges a duplicate and exports the category", async ({ page, createPerson, signInAs, createCycle, createNomination }) => {
  const cycle = await createCycle();
  const first = await createNomination(cycle, { nomineeName: "Zoë Adeyemi", answer: "Zoë taught the children to ride bikes." });
  const second = await createNomination(cycle, { nomineeName: "zoë adeyemi", nominatorName: "Second Supporter", answer: "She drove them to every appointment." });
  const third = await createNomination(cycle, { nomineeName: '=HYPERLINK("x")', nomineeOrganisation: "Elsewhere" });
  const fourth = await createNomination(cycle, { nomineeName: "Łukasz Nowak", nomineeOrganisation: "Outside" });
  const admin = await createPerson({ isAdmin: true });
  await signInAs(page, admin);

  await page.goto(`/admin/nominations?year=${cycle.year}`);
  await expect(page.getByRole("heading", { name: "Nominations", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Nominations by status" })).toContainText("4 in all");
  await expectAccessible(page);

  // Ineligible needs a reason: refused with a linked message, the selection kept.
  await page.getByLabel(`Select ${third.reference}`).check();
  await page.getByLabel("Ineligible").check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("alert")).toContainText("Give the reason they are ineligible");
  await expect(page.getByLabel(`Select ${third.reference}`)).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Reason").fill("The nominee is not a volunteer.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status")).toContainText(`Marked ineligible: ${third.reference}`);
  await expect(page.getByLabel(`Select ${third.reference}`)).not.toBeChecked();

  await page.getByLabel(`Select ${first.reference}`).check();
  await page.getByLabel(`Select ${fourth.reference}`).check();
  await page.getByLabel("Eligible", { exact: true }).check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status")).toContainText(`Marked eligible: ${first.reference}, ${fourth.reference}`);
  await page.getByLabel("Status", { exact: true }).selectOption("eligible");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("link", { name: first.reference })).toBeVisible();
  await expect(page.getByRole("link", { name: fourth.reference })).toBeVisible();
  await expect(page.getByRole("link", { name: third.reference })).toHaveCount(0);

  // The duplicate: merged into one entry that keeps both statements.
  await page.getByRole("link", { name: "Possible duplicates" }).click();
  await expect(page.getByRole("heading", { name: /Zoë Adeyemi/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Merge into one entry\W+Zoë Adeyemi$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/nominations/${first.id}\\?notice=merged`));
  await expect(page.getByRole("heading", { name: "Further support from merged nominations" })).toBeVisible();
  await expect(page.getByText("Zoë taught the children to ride bikes.")).toBeVisible();
  await expect(page.getByText("She drove them to every appointment.")).toBeVisible();
  await expect(page.getByRole("heading", { name: `${second.reference}, from Second Supporter` })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/admin/nominations/${second.id}`);
  await expect(page).toHaveURL(new RegExp(`/admin/nominations/${first.id}$`));

  // The export opens in Excel: BOM, formulas neutralised, names intact.
  await page.goto(`/admin/nominations?year=${cycle.year}&category=${cycle.category.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download this category/ }).click()]);
  expect(download.suggestedFilename()).toBe(`nominations-${cycle.year}-${cycle.category.slug}.csv`);
  const bytes = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(bytes).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('"\'=HYPERLINK(""x"")"');
  expect(text).toContain('"Łukasz Nowak"');
  expect(text).toContain('"Zoë Adeyemi"');
});

test("an admin invites a judge whose link signs them in, and builds a panel with a chair", async ({ browser, page, createPerson, signInAs, createCycle }) => {
  test.setTimeout(journeyBudget(6));
  const cycle = await createCycle();
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  const colleague = await createPerson({ isJudge: true, name: `Colleague ${cycle.year}` });
  await signInAs(page, admin);
  const email = `invited-${cycle.year}-${Date.now().toString(36)}@example.test`;

  await page.goto("/admin/people");
  await expectAccessible(page);
  const invite = page.locator("form", { has: page.getByRole("button", { name: "Send the invitation" }) });
  await invite.getByLabel("Email address").fill("not an email");
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter an email address in the correct format");
  await expect(page.getByRole("alert")).toContainText("Enter their name");
  await expectAccessible(page);
  await invite.getByLabel("Email address").fill(email);
  await invite.getByLabel("Name").fill("Jo Invited");
  await invite.getByLabel("Organisations (optional)").fill("Leeds Welcome\nSt Mary's Church");
  await invite.getByLabel("Local authority area (optional)").fill("Leeds City Council");
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText("invitation has been written to the outbox");
  await expect(page.getByRole("link", { name: "Jo Invited" })).toBeVisible();

  // The outbox lists it, waiting.
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Outbox" }).click();
  const row = page.getByRole("row", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) });
  await expect(row).toContainText("You are invited to judge");
  await expect(row).toContainText("Waiting");
  await expectAccessible(page);

  // Its link signs the judge in, in a browser of their own.
  await page.goto("/dev/mail");
  await page.getByRole("row", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) }).getByRole("link").click();
  const link = await page.getByRole("link", { name: /\/login\/link\?token=/ }).first().getAttribute("href");
  const judgeContext = await browser.newContext();
  const judgePage = await judgeContext.newPage();
  await judgePage.goto(link!);
  await expect(judgePage.getByRole("heading", { name: "Continue signing in" })).toBeVisible();
  await judgePage.getByRole("button", { name: "Sign in" }).click();
  await expect(judgePage).toHaveURL(/\/judge$/);
  await expect(judgePage.getByRole("heading", { name: "Welcome, Jo Invited" })).toBeVisible();
  await judgeContext.close();

  // The panel: two judges, one of them chair.
  await page.goto(`/admin/panels?year=${cycle.year}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Volunteer of the Year" }).click();
  await expect(page.getByRole("heading", { name: "Panel: Volunteer of the Year" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: `Jo Invited (${email})` }).check();
  await page.getByRole("button", { name: "Add to the panel" }).click();
  await expect(page.getByRole("status")).toContainText("added to the panel");
  await page.getByRole("checkbox", { name: `${colleague.name} (${colleague.email})` }).check();
  await page.getByRole("button", { name: "Add to the panel" }).click();
  // The second addition has landed before the next click (a click during it would cancel it).
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toBeVisible();
  await page.getByRole("button", { name: /^Make chair\W+Jo Invited$/ }).click();
  await expect(page.getByRole("status")).toContainText("chair has been named");
  await expect(page.getByRole("row", { name: /Jo Invited/ })).toContainText("Chair");
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toContainText("Member");
  await expectAccessible(page);

  // Each judge's cap: refused beside its field when it is not a whole number, the text kept.
  const cap = page.getByLabel("Most nominations for Jo Invited");
  await cap.fill("lots");
  await page.getByRole("button", { name: /^Save\W+the cap for Jo Invited$/ }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a whole number from 1 to 1000");
  await expect(page.getByLabel("Most nominations for Jo Invited")).toHaveValue("lots");
  await expectAccessible(page);
  await page.getByLabel("Most nominations for Jo Invited").fill("8");
  await page.getByRole("button", { name: /^Save\W+the cap for Jo Invited$/ }).click();
  await expect(page.getByRole("status")).toContainText("cap has been saved");
  await expect(page.getByLabel("Most nominations for Jo Invited")).toHaveValue("8");

  await page.goto(`/admin/panels?year=${cycle.year}`);
  await expect(page.getByRole("row", { name: /Volunteer of the Year/ })).toContainText("Jo Invited");
});

test("the audit log, outbox, privacy, people and category list pages are accessible", async ({ page, createPerson, signInAs }) => {
  test.setTimeout(journeyBudget(11));
  const admin = await createPerson({ isAdmin: true });
  await signInAs(page, admin);
  for (const path of ["/admin/audit", "/admin/audit?entityType=cycle&from=2020-01-01&to=2099-12-31", "/admin/outbox?status=failed", "/admin/privacy", "/admin/categories", "/admin/categories/new", "/admin/nominations", "/admin/nominations/duplicates", "/admin/panels", `/admin/people/${admin.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  await page.goto("/admin/privacy");
  await page.getByRole("button", { name: "Erase their data" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter their email address");
  await expectAccessible(page);
});
