/**
 * Judging fixtures: a cycle of its own in the judging phase (an old year, so it never
 * becomes the site's current cycle), one category with a rubric and a panel, and
 * eligible nominations, all written straight to the e2e database.
 */
import { createHash, randomBytes } from "node:crypto";
import { test as base, type TestPerson } from "./fixtures";

export type JudgingCategory = {
  categoryId: number;
  categoryName: string;
  panelId: number;
  nominations: Array<{ id: number; nomineeName: string }>;
  addJudge: (person: TestPerson, options?: { ready?: boolean; assignAll?: boolean }) => Promise<void>;
};

export type JudgingWorld = {
  cycleId: number;
  year: number;
  /** Another category of the same cycle, with its own panel and nominations. */
  addCategory: (name: string, names: string[]) => Promise<JudgingCategory>;
  categoryId: number;
  categoryName: string;
  panelId: number;
  nominations: Array<{ id: number; nomineeName: string }>;
  addJudge: (person: TestPerson, options?: { ready?: boolean; assignAll?: boolean }) => Promise<void>;
};

type Fixtures = { judgingWorld: (names: string[]) => Promise<JudgingWorld> };

let counter = 0;

export const test = base.extend<Fixtures>({
  judgingWorld: async ({ sql }, use, testInfo) => {
    await use(async (names) => {
      counter += 1;
      const year = 1000 + ((Math.floor(Date.now() / 1000) + testInfo.workerIndex * 97 + counter) % 900);
      const [cycle] = await sql<{ id: number }[]>`
        insert into cycles (year, name, phase, nominations_open_at, nominations_close_at, judging_open_at, judging_close_at)
        values (${year}, ${`E2E judging ${year}`}, 'judging', now() - interval '40 days', now() - interval '10 days',
                now() - interval '5 days', now() + interval '14 days')
        returning id`;
      let categories = 0;
      const addCategory = async (categoryName: string, names: string[]): Promise<JudgingCategory> => {
        categories += 1;
        const slug = categories === 1 ? "group-of-the-year" : `category-${categories}`;
        const [category] = await sql<{ id: number }[]>`
          insert into categories (cycle_id, slug, name, nominee_types, judges_per_nomination)
          values (${cycle.id}, ${slug}, ${categoryName}, '{group}', 2)
          returning id`;
        await sql`insert into criteria (category_id, name, guidance, weight, position) values
          (${category.id}, 'Impact', 'The difference made to the family.', 3, 0),
          (${category.id}, 'Commitment', 'Sustained effort over time.', 1, 1)`;
        await sql`insert into scale_anchors (category_id, value, description) values
          (${category.id}, 1, 'Little evidence'), (${category.id}, 2, 'Some evidence'), (${category.id}, 3, 'Solid evidence'),
          (${category.id}, 4, 'Strong evidence'), (${category.id}, 5, 'Exceptional')`;
        const [question] = await sql<{ id: number }[]>`
          insert into questions (category_id, label) values (${category.id}, 'What difference have they made?') returning id`;
        const [panel] = await sql<{ id: number }[]>`insert into panels (category_id) values (${category.id}) returning id`;
        const nominations: Array<{ id: number; nomineeName: string }> = [];
        for (const [i, nomineeName] of names.entries()) {
          const reference = `CSA-E2E-${year}-${categories}-${i}`;
          const tokenHash = createHash("sha256").update(randomBytes(20)).digest("hex");
          const [row] = await sql<{ id: number; nomineeName: string }[]>`
            insert into nominations (cycle_id, category_id, reference, status, access_token_hash, nominee_type, nominee_name,
                                     nominee_organisation, nominator_name, nominator_email, submitted_at)
            values (${cycle.id}, ${category.id}, ${reference}, 'eligible', ${tokenHash}, 'group', ${nomineeName},
                    ${`${nomineeName} Trust`}, ${`Nominator of ${nomineeName}`}, ${`nominator${i}@group-${year}-${categories}-${i}.example`}, now())
            returning id, nominee_name as "nomineeName"`;
          await sql`insert into nomination_answers (nomination_id, question_id, answer)
                    values (${row.id}, ${question.id}, ${`They welcomed a family to ${nomineeName}.`})`;
          nominations.push(row);
        }
        return {
          categoryId: category.id,
          categoryName,
          panelId: panel.id,
          nominations,
          addJudge: async (person, { ready = false, assignAll = true } = {}) => {
            await sql`insert into panel_members (panel_id, person_id, confidentiality_accepted_at, conflicts_declared_at)
                      values (${panel.id}, ${person.id}, ${ready ? new Date() : null}, ${ready ? new Date() : null})`;
            if (assignAll) {
              for (const n of nominations) await sql`insert into assignments (nomination_id, person_id) values (${n.id}, ${person.id})`;
            }
          },
        };
      };
      const first = await addCategory(`Group of the Year ${year}`, names);
      return { cycleId: cycle.id, year, addCategory, ...first };
    });
  },
});

export { expect, expectAccessible, journeyBudget } from "./fixtures";
