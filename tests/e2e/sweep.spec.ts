/**
 * Every page, as the role that uses it, at 320 px wide: the page never scrolls sideways
 * (WCAG 1.4.10; wide tables scroll inside their own box), its title starts with its main
 * heading, with "Error: " first exactly when an error summary shows, an error summary lists
 * its problems in the order of the fields, and every aria-describedby names an element that
 * exists. Routes are found by following the links of each role's pages (one page per route),
 * and the error states (an invalid send of each kind of form, the 404, the 403, a bad link)
 * are visited with JavaScript on and off, so titles hold without scripts too.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, journeyBudget, test } from "./judging-fixtures";
import { createJudgedCycle } from "./results-fixtures";

type Check = { width?: boolean };

/** The rules every page state keeps. */
async function expectPageRules(page: Page, label: string, { width = true }: Check = {}) {
  await expect(page.locator("#main h1"), `${label}: a main heading`).toHaveCount(1);
  const state = await page.evaluate(() => {
    const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    const summary = document.querySelector("#main .error-summary");
    // Where each summary link's field is in the page: they must come in the order of the page.
    const order = [...(summary?.querySelectorAll<HTMLAnchorElement>("a[href^='#']") ?? [])].map((a) => {
      const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      return { id: a.hash.slice(1), found: Boolean(target), target };
    });
    let inOrder = true;
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1].target, order[i].target];
      if (a && b && !(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)) inOrder = false;
    }
    const missing = [...document.querySelectorAll("[aria-describedby], [aria-labelledby]")].flatMap((el) =>
      [el.getAttribute("aria-describedby"), el.getAttribute("aria-labelledby")]
        .join(" ")
        .split(/\s+/)
        .filter((id) => id && id !== "null" && !document.getElementById(id))
        .map((id) => `${el.tagName.toLowerCase()}#${el.id || "?"} → ${id}`),
    );
    return {
      h1: text(document.querySelector("#main h1")),
      title: document.title,
      hasSummary: Boolean(summary),
      summaryTargets: order.map((o) => `${o.id}${o.found ? "" : " (missing)"}`),
      inOrder,
      missing,
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      // What sticks out, if anything: the innermost elements past the right edge, to say where.
      wide: [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().width > window.innerWidth + 1)
        .slice(0, 6)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().width)}px)`),
    };
  });
  if (width) expect(state.scrollWidth, `${label} is ${state.scrollWidth}px wide at ${state.viewport}px: ${state.wide.join(", ")}`).toBe(state.viewport);
  // Read until it settles: with JavaScript, hydration may rewrite the title a moment after load.
  const wanted = `${state.hasSummary ? "Error: " : ""}${state.h1}`;
  const follows = (title: string) => title.startsWith(wanted) && (state.hasSummary || !title.startsWith("Error: "));
  await expect
    .poll(async () => {
      const title = await page.title();
      return follows(title) ? "ok" : `title "${title}"`;
    }, { message: `${label}: the title for heading "${state.h1}"${state.hasSummary ? " with errors" : ""}` })
    .toBe("ok");
  expect(state.summaryTargets.filter((t) => t.endsWith("(missing)")), `${label}: summary links to missing fields`).toEqual([]);
  expect(state.inOrder, `${label}: the error summary follows the fields' order (${state.summaryTargets.join(", ")})`).toBe(true);
  expect(state.missing, `${label}: aria references to missing elements`).toEqual([]);
}

/** One page per route: numbers and slugs stand for any. */
function routeKey(pathname: string) {
  return pathname
    .split("/")
    .map((part, i, parts) => (/^\d+$/.test(part) || (i === 2 && ["nominate", "campaigns", "winners"].includes(parts[1]) && !["confirm", "follow-up", "resume"].includes(part)) ? ":x" : part))
    .join("/");
}

const SKIP = /\.(csv|pdf|xml|txt|zip|json)$|\/export|\/files\/|\/logout|\/report$|^\/dev\/mail\//;

/** Follows the links of the role's pages from `start`, visiting one page per route, and checks each. */
async function sweep(page: Page, start: string[], allow: (path: string) => boolean, limit = 80) {
  const queue = [...start];
  const seen = new Set(queue.map((p) => routeKey(new URL(p, "http://x").pathname)));
  const visited: string[] = [];
  while (queue.length && visited.length < limit) {
    const path = queue.shift()!;
    await page.goto(path);
    if (process.env.SWEEP_LOG) console.log(new Date().toISOString(), path);
    visited.push(path);
    await expectPageRules(page, path);
    if (process.env.SWEEP_LOG) console.log(new Date().toISOString(), "checked", path);
    const origin = new URL(page.url()).origin;
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin || SKIP.test(url.pathname) || !allow(url.pathname)) continue;
      const key = routeKey(url.pathname);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(url.pathname + url.search);
      if (process.env.SWEEP_LOG) console.log("queued", url.pathname + url.search);
    }
  }
  return visited;
}

/** Runs `fn` in a page of its own with JavaScript on, then off, signed in as `page` is. */
async function bothWays(browser: Browser, page: Page, fn: (p: Page, js: boolean) => Promise<void>) {
  const storageState = await page.context().storageState();
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, storageState, viewport: { width: 320, height: 640 } });
    try {
      await fn(await context.newPage(), javaScriptEnabled);
    } finally {
      await context.close();
    }
  }
}

/** Sends a form without filling it in (or with what `fill` puts in), and checks the page that answers. */
async function sendInvalid(p: Page, js: boolean, path: string, button: string, fill?: (p: Page) => Promise<void>) {
  const label = `${path} sent invalid (${js ? "with" : "without"} JavaScript)`;
  await p.goto(path);
  await fill?.(p);
  await p.getByRole("button", { name: button, exact: true }).first().click();
  await expect(p.locator("#main .error-summary"), label).toBeVisible();
  // With JavaScript the title follows the summary a moment after it shows.
  await expect(p).toHaveTitle(/^Error: /);
  await expectPageRules(p, label);
}

test.use({ viewport: { width: 320, height: 640 } });

test("public pages fit 320 px, their titles match their headings, and their error states say so", async ({ page, browser }) => {
  test.setTimeout(journeyBudget(4) + 240_000);
  const visited = await sweep(
    page,
    ["/", "/nominate", "/nominate/young-champion/nominee", "/winners", "/archive", "/privacy", "/accessibility", "/login", "/campaigns"],
    (path) => !/^\/(admin|judge|login\/)/.test(path),
  );
  expect(visited.length).toBeGreaterThan(8);

  await bothWays(browser, page, async (p, js) => {
    // The 404, and every emailed link that does not work.
    for (const path of ["/no-such-page", "/login/link?token=not-a-real-token", "/nominate/confirm?token=nope", "/nominate/resume?t=nope", "/campaigns/confirm?token=nope", "/campaigns/follow-up?t=nope"]) {
      await p.goto(path);
      if (process.env.SWEEP_LOG) console.log(new Date().toISOString(), "error state", path, js);
      await expectPageRules(p, `${path} (${js ? "with" : "without"} JavaScript)`);
    }
    await sendInvalid(p, js, "/login", "Email me a sign-in link");
    await sendInvalid(p, js, "/nominate/young-champion/nominee", "Save and continue", (q) =>
      q.getByLabel("Parent or guardian's email address").fill("not-an-email"),
    );
    if (js) await expectAccessible(p);
  });

  // "Check your email", then a rate-limited sign-in: its form-level error has an element to point at.
  const email = `sweep-limit-${Date.now().toString(36)}@example.test`;
  for (let i = 0; i < 6; i++) {
    await page.goto("/login");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    if (i === 0) {
      await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
      await expectPageRules(page, "/login sent");
    }
  }
  await expect(page.getByRole("alert")).toContainText("too many sign-in links");
  await expectPageRules(page, "/login rate-limited");
  const describedBy = await page.locator("form#login").getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText("too many sign-in links");
  await expectAccessible(page);
});

test("judge pages fit 320 px, and their titles and error states agree with their headings", async ({ page, browser, judgingWorld, createPerson, signInAs }) => {
  test.setTimeout(journeyBudget(4) + 240_000);
  const world = await judgingWorld(["Harbour Welcome Group with a rather long name", "Hillside Sanctuary Collective"]);
  const second = await world.addCategory(`Young Champion ${world.year}`, ["Meadow Friends"]);
  const judge = await createPerson({ isJudge: true, name: "Sweep Judge" });
  await world.addJudge(judge, { ready: true, assignAll: true });
  // A second panel still waiting for the statement: the statement page has work to show.
  await second.addJudge(judge);
  await signInAs(page, judge);
  const id = world.nominations[0].id;
  const visited = await sweep(
    page,
    ["/judge", `/judge/cycles/${world.year}`, `/judge/panels/${world.panelId}`, `/judge/panels/${second.panelId}`, `/judge/nominations/${id}`, `/judge/nominations/${id}/conflict`],
    (path) => path.startsWith("/judge"),
  );
  expect(visited.length).toBeGreaterThanOrEqual(6);

  await bothWays(browser, page, async (p, js) => {
    for (const path of ["/judge/nominations/999999", "/admin"]) {
      await p.goto(path);
      await expectPageRules(p, `${path} as a judge (${js ? "with" : "without"} JavaScript)`);
    }
    await sendInvalid(p, js, `/judge/nominations/${id}/conflict`, "Declare this conflict");
    await sendInvalid(p, js, `/judge/nominations/${id}`, "Submit scores");
    await sendInvalid(p, js, `/judge/panels/${world.panelId}`, "Declare this conflict");
    if (js) await expectAccessible(p);
  });
  // The declaration page of the waiting panel, sent without a choice.
  await page.goto(`/judge/cycles/${world.year}`);
  await page.getByRole("button", { name: "I accept the confidentiality statement" }).click();
  await bothWays(browser, page, async (p, js) => {
    await sendInvalid(p, js, `/judge/cycles/${world.year}`, "Declare this conflict");
  });
  await expectAccessible(page);
});

test("admin pages never scroll the page sideways at 320 px, and their titles and error states agree with their headings", async ({
  page,
  browser,
  judgingWorld,
  createPerson,
  signInAs,
}) => {
  test.setTimeout(journeyBudget(6) + 360_000);
  const world = await judgingWorld(["Harbour Welcome Group with a rather long name"]);
  const admin = await createPerson({ isAdmin: true, name: "Sweep Admin" });
  const judge = await createPerson({ isJudge: true, name: "Sweep Panel Judge" });
  await world.addJudge(judge, { ready: true });
  // Not on the panel, so the panel page offers them in its "Judges to add" checkboxes: a long
  // address with nowhere to break must wrap, not widen the page.
  await createPerson({ isJudge: true, name: "Sweep Candidate", email: `sweep.candidate.with.a.long.address.${Date.now().toString(36)}@community-sponsorship.example.test` });
  await signInAs(page, admin);
  const visited = await sweep(
    page,
    [
      "/admin",
      "/admin/cycles",
      "/admin/categories",
      "/admin/categories/new",
      "/admin/nominations",
      "/admin/nominations/duplicates",
      `/admin/nominations/${world.nominations[0].id}`,
      "/admin/people",
      `/admin/people/${judge.id}`,
      "/admin/panels",
      `/admin/panels/${world.categoryId}`,
      "/admin/judging",
      "/admin/judging/assignments",
      "/admin/judging/conflicts",
      "/admin/results",
      `/admin/results/${world.categoryId}`,
      "/admin/outbox",
      "/admin/audit",
      "/admin/privacy",
      "/admin/campaigns",
      "/admin/campaigns/new",
      "/admin/campaigns/directory",
    ],
    (path) => path.startsWith("/admin"),
    120,
  );
  expect(visited.length).toBeGreaterThan(20);

  await bothWays(browser, page, async (p, js) => {
    for (const path of ["/admin/nominations/999999", "/judge"]) {
      await p.goto(path);
      await expectPageRules(p, `${path} as an administrator (${js ? "with" : "without"} JavaScript)`);
    }
    // The invite form: its summary follows the form's order (email first).
    await sendInvalid(p, js, "/admin/people", "Send the invitation", (q) => q.locator("#invite-email").fill("not-an-email"));
    await sendInvalid(p, js, "/admin/people", "Add the administrator");
    await sendInvalid(p, js, "/admin/categories/new", "Add the category");
    await sendInvalid(p, js, `/admin/people/${judge.id}`, "Save the profile", (q) => q.getByLabel("Name", { exact: true }).fill(""));
    await sendInvalid(p, js, "/admin/privacy", "Download their data");
    await sendInvalid(p, js, "/admin/campaigns/new", "Add the campaign");
    if (js) await expectAccessible(p);
  });
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the admin leaderboard fits, its dot plots whole", async ({ page, sql, createPerson, signInAs }) => {
    const { categoryId } = await createJudgedCycle(
      sql,
      ["Rowan Welcome Group of Kirkby Lonsdale", "Saltaire Sponsors", "Tadcaster Together"],
      [
        [5, 4, 2],
        [5, 3, 3],
        [4, 4, 2],
      ],
    );
    const admin = await createPerson({ isAdmin: true, name: "Leaderboard Admin" });
    await signInAs(page, admin);
    await page.goto(`/admin/results/${categoryId}`);
    const board = page.getByRole("region", { name: /every judged nomination/ });
    await expect(board).toBeVisible();
    const { scrollWidth, clientWidth } = await board.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth, `the leaderboard is ${scrollWidth}px wide in a ${clientWidth}px box`).toBeLessThanOrEqual(clientWidth);
    await expectPageRules(page, "the leaderboard at 1280 px");
    await expectAccessible(page);
  });
});
