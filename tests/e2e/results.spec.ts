import { expect, expectAccessible, journeyBudget, test } from "./fixtures";
import { createJudgedCycle } from "./results-fixtures";

/** London wall-clock value for a datetime-local input, with seconds. */
function londonInput(date: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

test("an admin shortlists, records winners, schedules publication, and the public page appears on time", async ({
  page,
  sql,
  createPerson,
  signInAs,
  browser,
}) => {
  // Eight axe runs, and up to a minute's wait for each of the two scheduled moments.
  test.setTimeout(journeyBudget(8) + 60_000);
  const { year } = await createJudgedCycle(
    sql,
    ["Rowan Welcome", "Saltaire Sponsors", "Tadcaster Together"],
    [
      [5, 4, 2],
      [5, 3, 3],
      [4, 4, 2],
    ],
  );
  const admin = await createPerson({ isAdmin: true, name: "Results Admin" });
  await signInAs(page, admin);

  await page.goto(`/admin/results?year=${year}`);
  await expect(page.getByRole("heading", { name: "Results", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Group of the Year" }).click();
  await expect(page.getByRole("heading", { name: "Group of the Year" })).toBeVisible();
  await expect(page.getByRole("table", { name: /every judged nomination/ }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("img", { name: /^Scores: / }).first()).toBeVisible();
  // Each calibrated score with its interval as a bar beside the dots, and how sure each place is.
  await expect(page.getByRole("img", { name: /^Calibrated \d\.\d\d, 95% interval -?\d\.\d\d to \d\.\d\d$/ })).toHaveCount(3);
  await expect(page.getByRole("columnheader", { name: "Above the next" })).toBeVisible();
  await expectAccessible(page);

  // The suggestion is the top two; the panel swaps Saltaire for Tadcaster, first forgetting the reason.
  await expect(page.getByLabel("Rowan Welcome (Rowan Welcome Group) (suggested)")).toBeChecked();
  await expect(page.getByLabel("Saltaire Sponsors (Saltaire Sponsors Group) (suggested)")).toBeChecked();
  await page.getByLabel("Saltaire Sponsors (Saltaire Sponsors Group) (suggested)").uncheck();
  await page.getByLabel("Tadcaster Together (Tadcaster Together Group)").check();
  await page.getByRole("button", { name: "Save the shortlist" }).click();
  await expect(page.getByRole("alert")).toContainText(/reason/i);
  await expectAccessible(page);
  await page.getByLabel("Reason for any change from the suggestion").fill("The panel preferred Tadcaster's work with a second family.");
  await page.getByRole("button", { name: "Save the shortlist" }).click();
  await expect(page.getByText("The shortlist has been saved.")).toBeVisible();

  const rowan = page.getByRole("group", { name: "Rowan Welcome (Rowan Welcome Group)" });
  await rowan.getByLabel("Winner").check();
  await rowan.getByLabel("Citation", { exact: true }).fill("For a welcome that turned a street into a family.");
  const tadcaster = page.getByRole("group", { name: "Tadcaster Together (Tadcaster Together Group)" });
  await tadcaster.getByLabel("Highly commended").check();
  await tadcaster.getByLabel("Citation", { exact: true }).fill("For a second family welcomed in one year.");
  await page.getByRole("button", { name: "Save the awards" }).click();
  await expect(page.getByText("The awards have been saved.")).toBeVisible();
  await expectAccessible(page);

  // Nothing is public before its time.
  expect((await page.request.get(`/winners/${year}`)).status()).toBe(404);

  // Times an hour ahead first, so that "not yet" holds however slowly the checks run.
  const schedule = async (shortlistAt: Date, winnersAt: Date) => {
    await page.goto(`/admin/results?year=${year}`);
    await page.getByLabel("Publish the shortlist at").fill(londonInput(shortlistAt));
    await page.getByLabel("Publish the winners at").fill(londonInput(winnersAt));
    await page.getByRole("button", { name: "Save the publication times" }).click();
    await expect(page.getByText("The publication times have been saved.")).toBeVisible();
  };
  await schedule(new Date(Date.now() + 60 * 60_000), new Date(Date.now() + 2 * 60 * 60_000));
  await expectAccessible(page);
  expect((await page.request.get(`/winners/${year}`)).status()).toBe(404);

  // Then moved a few seconds ahead: each stage goes public at its time. The gap between the
  // two leaves room to look at the shortlist on a busy machine before the winners replace it.
  const shortlistAt = new Date(Date.now() + 5_000);
  const winnersAt = new Date(shortlistAt.getTime() + 20_000);
  await schedule(shortlistAt, winnersAt);
  const visitorContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const visitor = await visitorContext.newPage();
  // When the request that first saw a stage was sent: never before its time (stored to the second).
  let asked = 0;
  const toTheSecond = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;
  const publicHeading = async () => {
    asked = Date.now();
    await visitor.goto(`/winners/${year}`);
    return (await visitor.getByRole("heading", { level: 1 }).textContent({ timeout: 1_000 }).catch(() => null))?.trim() ?? null;
  };

  // At the shortlist's time the shortlist appears, with no awards yet. A visitor with no session: what the public sees.
  await expect.poll(publicHeading, { timeout: 60_000, intervals: [500] }).toBe(`Shortlist ${year}`);
  expect(asked).toBeGreaterThanOrEqual(toTheSecond(shortlistAt));
  await expect(visitor.getByText("Rowan Welcome", { exact: true })).toBeVisible();
  await expect(visitor.getByText("For a welcome that turned")).toHaveCount(0);

  // At the winners' time, the winners and their citations.
  await visitor.setViewportSize({ width: 320, height: 700 });
  await expect.poll(publicHeading, { timeout: 60_000, intervals: [500] }).toBe(`Winners ${year}`);
  expect(asked).toBeGreaterThanOrEqual(toTheSecond(winnersAt));
  await expect(visitor.getByText("For a welcome that turned a street into a family.")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Highly commended" })).toBeVisible();
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", `Winners – Community Sponsorship Awards ${year}`);
  const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(visitor);
  await visitor.screenshot({ path: test.info().outputPath("winners-320.png"), fullPage: true });
  await visitor.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(visitor);
  await visitor.screenshot({ path: test.info().outputPath("winners-desktop.png"), fullPage: true });

  await visitor.goto("/archive");
  await expect(visitor.getByRole("link", { name: String(year) })).toBeVisible();
  await expectAccessible(visitor);

  // The emails went out once the jobs ran: shortlist and winner mail for Rowan's nominator.
  await expect
    .poll(async () => (await sql`select template from email_outbox where "to" = ${`nominator-${year}-0@example.test`} order by id`).map((r) => r.template), { timeout: 60_000 })
    .toEqual(["result-shortlisted", "result-winner"]);
  await visitorContext.close();
});
