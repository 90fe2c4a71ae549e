/** Builds a judged category directly in the database: judges, nominations and final scores. */
import { db, schema } from "~/utils/db.server";
import { createPerson, uniqueEmail } from "./fixtures";

let year = 2000;

export async function createCycle(overrides: Partial<typeof schema.cycles.$inferInsert> = {}) {
  year += 1;
  const [cycle] = await db
    .insert(schema.cycles)
    // Judging has closed: the shortlist is decided only then (app/domain/phase-rules.ts).
    .values({ year, name: `Awards ${year}`, phase: "judging", judgingCloseAt: new Date(Date.now() - 60_000), ...overrides })
    .returning();
  return cycle;
}

export async function createJudgedCategory(options: {
  cycleId: number;
  nominees: string[];
  judges: number;
  shortlistSize?: number;
  /** scores[judgeIndex][nomineeIndex] on the 1–5 scale, null for not scored; every criterion gets the value. */
  scores: Array<Array<number | null>>;
}) {
  const [category] = await db
    .insert(schema.categories)
    .values({
      cycleId: options.cycleId,
      slug: `cat-${Math.random().toString(36).slice(2, 8)}`,
      name: `Category ${Math.random().toString(36).slice(2, 6)}`,
      nomineeTypes: ["group"],
      shortlistSize: options.shortlistSize ?? 2,
    })
    .returning();
  const rubric = await db
    .insert(schema.criteria)
    .values([
      { categoryId: category.id, name: "Impact", weight: 3, position: 0 },
      { categoryId: category.id, name: "Commitment", weight: 1, position: 1 },
    ])
    .returning();
  const [panel] = await db.insert(schema.panels).values({ categoryId: category.id }).returning();
  const judges = [];
  for (let j = 0; j < options.judges; j++) {
    const judge = await createPerson({ isJudge: true, name: `Judge ${String.fromCharCode(65 + j)}` });
    await db.insert(schema.panelMembers).values({ panelId: panel.id, personId: judge.id });
    judges.push(judge);
  }
  const entries = [];
  for (const [i, name] of options.nominees.entries()) {
    const [n] = await db
      .insert(schema.nominations)
      .values({
        cycleId: options.cycleId,
        categoryId: category.id,
        reference: `CSA-T-${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
        accessTokenHash: `hash-${Math.random()}`,
        status: "eligible",
        nomineeType: "group",
        nomineeName: name,
        nomineeOrganisation: `${name} Org`,
        nomineeLocalAuthority: "Leeds",
        nomineeEmail: uniqueEmail(`nominee${i}`),
        nomineeKnows: true,
        nominatorName: `Nominator of ${name}`,
        nominatorEmail: uniqueEmail(`nominator${i}`),
        submittedAt: new Date(),
        confirmedAt: new Date(),
      })
      .returning();
    entries.push(n);
  }
  for (const [j, row] of options.scores.entries()) {
    for (const [i, value] of row.entries()) {
      if (value === null) continue;
      await db.insert(schema.assignments).values({ nominationId: entries[i].id, personId: judges[j].id });
      await db.insert(schema.scores).values({
        nominationId: entries[i].id,
        personId: judges[j].id,
        values: Object.fromEntries(rubric.map((c) => [String(c.id), value])),
        comment: `${judges[j].name} on ${entries[i].nomineeName}`,
        submittedAt: new Date(),
      });
    }
  }
  return { category, rubric, panel, judges, entries };
}
