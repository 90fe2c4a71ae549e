/**
 * Final-round fixtures: a cycle of its own whose shortlist is decided (two of three
 * nominations), with one judge who scored every nomination in the main round, written
 * straight to the e2e database. Its year is one of 2021–2025, which other journeys leave
 * alone and which never becomes the current cycle.
 */
import { createHash, randomBytes } from "node:crypto";
import { test as base, type TestPerson } from "./fixtures";

export type FinalRoundWorld = {
  year: number;
  cycleId: number;
  categoryId: number;
  categoryName: string;
  nominations: Array<{ id: number; nomineeName: string; status: string }>;
  addJudge: (person: TestPerson) => Promise<void>;
};

type Fixtures = { shortlistedWorld: () => Promise<FinalRoundWorld> };

let counter = 0;

export const test = base.extend<Fixtures>({
  shortlistedWorld: async ({ sql }, use, testInfo) => {
    await use(async () => {
      counter += 1;
      // The first free year of the five, starting from this worker's own; the unique year decides races.
      let cycle: { id: number; year: number } | undefined;
      for (let i = 0; i < 5 && !cycle; i++) {
        const year = 2021 + ((testInfo.workerIndex + counter + i) % 5);
        [cycle] = await sql<{ id: number; year: number }[]>`
          insert into cycles (year, name, phase, nominations_open_at, nominations_close_at, judging_open_at, judging_close_at,
                              final_round_close_at)
          values (${year}, ${`E2E final round ${year}`}, 'shortlist_published', now() - interval '60 days',
                  now() - interval '40 days', now() - interval '30 days', now() - interval '5 days', now() + interval '7 days')
          on conflict (year) do nothing
          returning id, year`;
      }
      if (!cycle) throw new Error("No year between 2021 and 2025 is free for a final-round cycle");
      const { year } = cycle;
      const categoryName = `Group of the Year ${year}`;
      const [category] = await sql<{ id: number }[]>`
        insert into categories (cycle_id, slug, name, nominee_types, judges_per_nomination, shortlist_size)
        values (${cycle.id}, 'group-of-the-year', ${categoryName}, '{group}', 1, 2)
        returning id`;
      const criteria = await sql<{ id: number }[]>`
        insert into criteria (category_id, name, guidance, weight, position) values
          (${category.id}, 'Impact', 'The difference made to the family.', 3, 0),
          (${category.id}, 'Commitment', 'Sustained effort over time.', 1, 1)
        returning id`;
      await sql`insert into scale_anchors (category_id, value, description) values
        (${category.id}, 1, 'Little evidence'), (${category.id}, 2, 'Some evidence'), (${category.id}, 3, 'Solid evidence'),
        (${category.id}, 4, 'Strong evidence'), (${category.id}, 5, 'Exceptional')`;
      const [question] = await sql<{ id: number }[]>`
        insert into questions (category_id, label) values (${category.id}, 'What difference have they made?') returning id`;
      const [panel] = await sql<{ id: number }[]>`insert into panels (category_id) values (${category.id}) returning id`;
      const seeded: Array<FinalRoundWorld["nominations"][number] & { mainScore: number }> = [];
      for (const [i, [nomineeName, status, mainScore]] of (
        [
          ["Alder Welcome", "shortlisted", 4],
          ["Birch Sponsors", "shortlisted", 3],
          ["Cedar Circle", "not_shortlisted", 2],
        ] as const
      ).entries()) {
        const tokenHash = createHash("sha256").update(randomBytes(20)).digest("hex");
        const [row] = await sql<{ id: number }[]>`
          insert into nominations (cycle_id, category_id, reference, status, access_token_hash, nominee_type, nominee_name,
                                   nominee_organisation, nominator_name, nominator_email, submitted_at, confirmed_at)
          values (${cycle.id}, ${category.id}, ${`CSA-FR-${year}-${i}`}, ${status}, ${tokenHash}, 'group', ${nomineeName},
                  ${`${nomineeName} Trust`}, ${`Nominator of ${nomineeName}`}, ${`nominator${i}@final-${year}-${i}.example`}, now(), now())
          returning id`;
        await sql`insert into nomination_answers (nomination_id, question_id, answer)
                  values (${row.id}, ${question.id}, ${`They welcomed a family to ${nomineeName}.`})`;
        seeded.push({ id: row.id, nomineeName, status, mainScore });
      }
      return {
        year,
        cycleId: cycle.id,
        categoryId: category.id,
        categoryName,
        nominations: seeded.map(({ id, nomineeName, status }) => ({ id, nomineeName, status })),
        // On the panel, past the statement and declarations, with a submitted main-round sheet for each nomination.
        addJudge: async (person) => {
          await sql`insert into panel_members (panel_id, person_id, confidentiality_accepted_at, conflicts_declared_at)
                    values (${panel.id}, ${person.id}, now(), now())`;
          for (const n of seeded) {
            const values = Object.fromEntries(criteria.map((c) => [String(c.id), n.mainScore]));
            await sql`insert into assignments (nomination_id, person_id, round) values (${n.id}, ${person.id}, 'main')`;
            await sql`insert into scores (nomination_id, person_id, round, values, submitted_at)
                      values (${n.id}, ${person.id}, 'main', ${sql.json(values)}, now())`;
          }
        },
      };
    });
  },
});

export { expect, expectAccessible, journeyBudget } from "./fixtures";
