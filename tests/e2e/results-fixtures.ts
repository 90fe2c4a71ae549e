/**
 * Builds a judged category in its own past cycle, straight into the e2e database. Past
 * years (1900–1949) keep it from becoming the current cycle that other tests rely on. Its
 * judging has closed, as the shortlist needs (app/domain/phase-rules.ts).
 */
import type postgres from "postgres";

export async function createJudgedCycle(sql: postgres.Sql, nominees: string[], scores: number[][]) {
  const [{ year }] = await sql<{ year: number }[]>`
    select y as year from generate_series(1900, 1949) as y
    where y not in (select year from cycles) order by random() limit 1`;
  const [cycle] = await sql<{ id: number }[]>`
    insert into cycles (year, name, phase, judging_close_at)
    values (${year}, ${`Awards ${year}`}, 'judging', now() - interval '1 minute') returning id`;
  const [category] = await sql<{ id: number }[]>`
    insert into categories (cycle_id, slug, name, nominee_types, shortlist_size)
    values (${cycle.id}, 'group-of-the-year', 'Group of the Year', '{group}', 2) returning id`;
  const criteria = await sql<{ id: number }[]>`
    insert into criteria (category_id, name, weight, position)
    values (${category.id}, 'Impact', 2, 0), (${category.id}, 'Commitment', 1, 1) returning id`;
  const judges = [];
  for (let j = 0; j < scores.length; j++) {
    const [judge] = await sql<{ id: number }[]>`
      insert into people (email, name, is_judge) values (${`judge-${year}-${j}@example.test`}, ${`Judge ${j + 1}`}, true) returning id`;
    judges.push(judge.id);
  }
  const ids = [];
  for (const [i, name] of nominees.entries()) {
    const [n] = await sql<{ id: number }[]>`
      insert into nominations (cycle_id, category_id, reference, access_token_hash, status, nominee_type, nominee_name,
        nominee_organisation, nominee_local_authority, nominee_email, nominee_knows, nominator_name, nominator_email)
      values (${cycle.id}, ${category.id}, ${`CSA-${year}-${i}X${Math.random().toString(36).slice(2, 6).toUpperCase()}`},
        ${`hash-${year}-${i}-${Math.random()}`}, 'eligible', 'group', ${name}, ${`${name} Group`}, 'Leeds',
        ${`nominee-${year}-${i}@example.test`}, true, ${`Nominator ${i}`}, ${`nominator-${year}-${i}@example.test`})
      returning id`;
    ids.push(n.id);
  }
  for (const [j, row] of scores.entries()) {
    for (const [i, value] of row.entries()) {
      const values = Object.fromEntries(criteria.map((c) => [String(c.id), value]));
      await sql`insert into scores (nomination_id, person_id, values, submitted_at)
                values (${ids[i]}, ${judges[j]}, ${sql.json(values)}, now())`;
    }
  }
  return { year, categoryId: category.id, nominationIds: ids };
}
