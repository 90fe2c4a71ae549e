/**
 * Playwright fixtures: each test makes its own people in the e2e database and signs
 * them in with a real session row, so no test leans on the demo seed.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import postgres from "postgres";
import { generateToken, hashToken } from "~/utils/tokens.server";

export type TestPerson = { id: number; email: string; name: string; isAdmin: boolean; isJudge: boolean };

type Fixtures = {
  sql: postgres.Sql;
  createPerson: (options?: Partial<Omit<TestPerson, "id">>) => Promise<TestPerson>;
  signInAs: (page: Page, person: TestPerson) => Promise<void>;
};

let counter = 0;

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  sql: async ({}, use) => {
    const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 2, onnotice: () => {} });
    await use(sql);
    await sql.end();
  },
  createPerson: async ({ sql }, use, testInfo) => {
    await use(async (options = {}) => {
      counter += 1;
      const email = options.email ?? `e2e-${testInfo.workerIndex}-${counter}-${Date.now().toString(36)}@example.test`;
      const [row] = await sql<TestPerson[]>`
        insert into people (email, name, is_admin, is_judge)
        values (${email}, ${options.name ?? "E2E Person"}, ${options.isAdmin ?? false}, ${options.isJudge ?? false})
        returning id, email, name, is_admin as "isAdmin", is_judge as "isJudge"`;
      return row;
    });
  },
  signInAs: async ({ sql }, use) => {
    await use(async (page, person) => {
      const token = generateToken();
      await sql`insert into sessions (id, person_id, expires_at)
                values (${hashToken(token)}, ${person.id}, now() + interval '1 day')`;
      await page.context().addCookies([
        { name: "csa_session", value: token, url: process.env.E2E_BASE_URL!, httpOnly: true, sameSite: "Lax" },
      ]);
    });
  },
});

export { expect };

/** Waits until React has hydrated the page, so a click is a client-side navigation, not a full load. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * A long journey's time budget: a minute for its clicks and fixtures, and twenty seconds
 * per axe run. One takes about a second on an idle machine and up to fifteen when the two
 * cores are shared with several other test runs. A passing journey never waits for the
 * budget; it only bounds a hang.
 */
export function journeyBudget(axeRuns: number): number {
  return 60_000 + axeRuns * 20_000;
}

/** Fails on any WCAG 2.2 A/AA violation axe can find on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}
