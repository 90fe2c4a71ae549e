/**
 * Public pages may be kept by a CDN and in the server's memory (docs/decisions/009); a
 * signed-in person's or a nominator's page never is, and a change shows at once.
 */
import { expect, expectAccessible, test } from "./fixtures";

test("public pages say a CDN may keep them; signed-in pages and drafts are private", async ({ page, request, createPerson, signInAs }) => {
  for (const path of ["/", "/nominate", "/nominate/group-of-the-year"]) {
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    // Shared caches may keep it; a browser asks again, since its cache cannot tell who is signed in.
    expect(first.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
    expect(first.headers()["vary"]).toMatch(/\bCookie\b/);
    expect(first.headers()["set-cookie"]).toBeUndefined();
    // The second answer comes from the server's memory, with its age.
    const second = await request.get(path);
    expect(second.headers()["age"]).toMatch(/^\d+$/);
    expect(await second.text()).toContain("Community Sponsorship Awards");
  }

  const judge = await createPerson({ isJudge: true, name: "Cache Check Judge" });
  await signInAs(page, judge);
  const response = await page.goto("/");
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  expect(response?.headers()["age"]).toBeUndefined();
  // Not the anonymous copy from memory: this page knows who is signed in.
  await expect(page.getByRole("link", { name: "Judging" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page);
});

test("a nominator's cookie makes the category page private", async ({ page, baseURL }) => {
  await page.context().addCookies([
    { name: "csa_nomination_group-of-the-year", value: "a".repeat(32), url: `${baseURL}/nominate`, httpOnly: true, sameSite: "Lax" },
  ]);
  const response = await page.goto("/nominate/group-of-the-year");
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  expect(response?.headers()["age"]).toBeUndefined();
  await expectAccessible(page);
});

test("a change to published results shows at once, though the page is cached", async ({ page, request, sql }) => {
  // Years 1950–1989 belong to this test (others use 1000–1949 and 1990–2025): never the current cycle.
  const [{ year }] = await sql<{ year: number }[]>`
    select y as year from generate_series(1950, 1989) as y
    where y not in (select year from cycles) order by random() limit 1`;
  const [cycle] = await sql<{ id: number }[]>`
    insert into cycles (year, name, phase, shortlist_publish_at, winners_publish_at)
    values (${year}, ${`Awards ${year}`}, 'winners_published', now() - interval '2 days', now() - interval '1 day') returning id`;
  const [category] = await sql<{ id: number }[]>`
    insert into categories (cycle_id, slug, name, nominee_types) values (${cycle.id}, 'group-of-the-year', 'Group of the Year', '{group}') returning id`;
  const [winner] = await sql<{ id: number }[]>`
    insert into nominations (cycle_id, category_id, reference, access_token_hash, status, nominee_type, nominee_name, citation)
    values (${cycle.id}, ${category.id}, ${`CSA-${year}-CACHE`}, ${`cache-${year}-${Math.random()}`}, 'winner', 'group',
      'Riverside Welcome', 'For a first welcome that changed a town.') returning id`;
  try {
    // Other tests write cycles in parallel, and every such write rightly empties the cache:
    // ask until two requests in a row find the page kept.
    await expect
      .poll(
        async () => {
          await request.get(`/winners/${year}`);
          return (await request.get(`/winners/${year}`)).headers()["age"] ?? "not cached";
        },
        { timeout: 30_000 },
      )
      .toMatch(/^\d+$/);

    await sql`update nominations set citation = 'For a welcome the whole town joined.' where id = ${winner.id}`;
    // "At once": long before the cache's own lifetime (up to 300 s) would let it go.
    await expect
      .poll(async () => (await request.get(`/winners/${year}`)).text(), { timeout: 15_000 })
      .toContain("For a welcome the whole town joined.");
    await page.goto(`/winners/${year}`);
    await expect(page.getByText("For a welcome the whole town joined.")).toBeVisible();
    await expectAccessible(page);
  } finally {
    await sql`delete from cycles where id = ${cycle.id}`;
  }
});

test("every public page's cache lifetime ends at the next publication, the archive included", async ({ request, sql }) => {
  // Years 1800–1849 belong to this test: never the current cycle, never another test's.
  const [{ year }] = await sql<{ year: number }[]>`
    select y as year from generate_series(1800, 1849) as y
    where y not in (select year from cycles) order by random() limit 1`;
  const [cycle] = await sql<{ id: number }[]>`
    insert into cycles (year, name, phase, shortlist_publish_at, winners_publish_at)
    values (${year}, ${`Awards ${year}`}, 'winners_decided', now() - interval '1 day', now() + interval '90 seconds') returning id`;
  try {
    const publicRoutes = [
      "/",
      "/nominate",
      "/nominate/group-of-the-year",
      "/winners",
      `/winners/${year}`,
      "/archive",
      "/sitemap.xml",
      "/privacy",
      "/accessibility",
    ];
    for (const path of publicRoutes) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const cacheControl = response.headers()["cache-control"] ?? "";
      const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1] ?? 0);
      // Kept (fresh, then stale) no longer than the 90 seconds until the winners go public.
      expect(seconds("s-maxage") + seconds("stale-while-revalidate"), `${path}: ${cacheControl}`).toBeLessThanOrEqual(90);
      expect(seconds("max-age"), `${path}: ${cacheControl}`).toBe(0);
    }
  } finally {
    await sql`delete from cycles where id = ${cycle.id}`;
  }
});
