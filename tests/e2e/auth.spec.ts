import { expect, expectAccessible, test } from "./fixtures";

test("an admin signs in with a link read from the outbox, and signs out", async ({ page, createPerson }) => {
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin/);
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(admin.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(admin.email)).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dev/mail");
  await expectAccessible(page);
  await page.getByRole("row", { name: new RegExp(admin.email.replace(/[.+]/g, "\\$&")) }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: /sign-in link/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /\/login\/link\?token=/ }).first().click();

  await expect(page.getByRole("heading", { name: "Continue signing in" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Admin" })).toBeVisible();
  await expectAccessible(page);

  const cookie = (await page.context().cookies()).find((c) => c.name === "csa_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("a used link does not work a second time", async ({ page, createPerson }) => {
  const judge = await createPerson({ isJudge: true });
  await page.goto("/login");
  await page.getByLabel("Email address").fill(judge.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto("/dev/mail");
  await page.getByRole("row", { name: new RegExp(judge.email.replace(/[.+]/g, "\\$&")) }).getByRole("link").click();
  const link = await page.getByRole("link", { name: /\/login\/link\?token=/ }).first().getAttribute("href");
  await page.goto(link!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/judge$/);

  await page.context().clearCookies();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This sign-in link does not work" })).toBeVisible();
  await expectAccessible(page);
});

test("a judge is refused the admin pages with 403", async ({ page, createPerson, signInAs }) => {
  const judge = await createPerson({ isJudge: true, name: "Jo Judge" });
  await signInAs(page, judge);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/judge");
  await expect(page.getByRole("heading", { name: "Welcome, Jo Judge" })).toBeVisible();
  await expectAccessible(page);
});

test("an empty or malformed email gets a linked error summary and keeps the text", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#login-email");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  await expectAccessible(page);
});
