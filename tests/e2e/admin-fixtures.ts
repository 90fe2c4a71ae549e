/**
 * Playwright fixtures for the administration: a cycle with a category (questions, rubric,
 * scale, panel) and nominations written straight to the e2e database. Years are chosen
 * far in the past so the demo cycle stays the current one for every other test.
 */
import type postgres from "postgres";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { test as base } from "./fixtures";

export type TestCategory = { id: number; name: string; slug: string; questionIds: number[] };
export type TestCycle = { id: number; year: number; category: TestCategory };

type AdminFixtures = {
  createCycle: (options?: { archived?: boolean }) => Promise<TestCycle>;
  createNomination: (cycle: TestCycle, options: { nomineeName: string; nominatorName?: string; nomineeOrganisation?: string; answer?: string }) => Promise<{ id: number; reference: string }>;
};

let counter = 0;

/**
 * A free pair of years (this one and the next, for "create next year's cycle") well before
 * the demo cycle's, so that neither ever becomes the current cycle other tests rely on.
 */
async function freeYear(sql: postgres.Sql): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const year = 1990 + Math.floor(Math.random() * 30);
    const taken = await sql`select 1 from cycles where year in (${year}, ${year + 1})`;
    if (taken.length === 0) return year;
  }
  throw new Error("no free year for a test cycle");
}

export const test = base.extend<AdminFixtures>({
  createCycle: async ({ sql }, use) => {
    await use(async ({ archived = false } = {}) => {
      let year = 0;
      let cycle: { id: number } | undefined;
      while (!cycle) {
        year = await freeYear(sql);
        [cycle] = await sql<{ id: number }[]>`
          insert into cycles (year, name, phase, archived_at)
          values (${year}, ${`Test Awards ${year}`}, ${archived ? "archived" : "nominations_closed"}, ${archived ? new Date() : null})
          on conflict (year) do nothing
          returning id`;
      }
      const slug = `volunteer-${year}`;
      const [category] = await sql<{ id: number }[]>`
        insert into categories (cycle_id, slug, name, description, eligibility, nominee_types, position)
        values (${cycle.id}, ${slug}, ${"Volunteer of the Year"}, ${"For a volunteer who went above and beyond."}, ${"A volunteer in the UK."}, ${sql.array(["individual"])}, 0)
        returning id`;
      const questions = await sql<{ id: number }[]>`
        insert into questions (category_id, label, help, word_limit, position) values
          (${category.id}, ${"What difference have they made?"}, ${"Tell us about the family."}, 400, 0),
          (${category.id}, ${"How did they do it?"}, ${""}, 300, 1)
        returning id`;
      await sql`
        insert into criteria (category_id, name, guidance, weight, position) values
          (${category.id}, ${"Impact"}, ${"The difference made."}, 3, 0),
          (${category.id}, ${"Commitment"}, ${"Sustained effort."}, 2, 1)`;
      for (const [value, description] of [[1, "Little evidence"], [2, "Some evidence"], [3, "Solid evidence"], [4, "Strong evidence"], [5, "Exceptional"]] as const) {
        await sql`insert into scale_anchors (category_id, value, description) values (${category.id}, ${value}, ${description})`;
      }
      await sql`insert into panels (category_id) values (${category.id})`;
      return { id: cycle.id, year, category: { id: category.id, name: "Volunteer of the Year", slug, questionIds: questions.map((q) => q.id) } };
    });
  },
  createNomination: async ({ sql }, use) => {
    await use(async (cycle, { nomineeName, nominatorName = "Nina Nominator", nomineeOrganisation = "Hope Street Welcome", answer = "She met the family at the airport." }) => {
      counter += 1;
      const reference = `CSA-${cycle.year}-${generateToken(4).slice(0, 5).toUpperCase()}`;
      const [row] = await sql<{ id: number; reference: string }[]>`
        insert into nominations (cycle_id, category_id, reference, status, access_token_hash, nominee_type, nominee_name, nominee_organisation,
                                 nominator_name, nominator_email, submitted_at)
        values (${cycle.id}, ${cycle.category.id}, ${reference}, 'submitted', ${hashToken(generateToken())}, 'individual', ${nomineeName}, ${nomineeOrganisation},
                ${nominatorName}, ${`nominator-${counter}-${Date.now().toString(36)}@example.test`}, now())
        returning id, reference`;
      await sql`insert into nomination_answers (nomination_id, question_id, answer) values (${row.id}, ${cycle.category.questionIds[0]}, ${answer})`;
      return row;
    });
  },
});

export { expect, expectAccessible, journeyBudget } from "./fixtures";
