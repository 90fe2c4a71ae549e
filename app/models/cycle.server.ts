import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import { publicCycleOf } from "~/domain/phase-rules";
import { db, schema } from "~/utils/db.server";

export type { Cycle } from "#db/schema";

/**
 * The cycle the public sees and nominators' links follow (publicCycleOf in
 * app/domain/phase-rules.ts): next year's draft never displaces this year's.
 */
export async function getCurrentCycle() {
  const all = await db.select().from(schema.cycles).orderBy(desc(schema.cycles.year));
  return publicCycleOf(all);
}

export async function listActiveCategories(cycleId: number) {
  return db
    .select()
    .from(schema.categories)
    .where(and(eq(schema.categories.cycleId, cycleId), isNull(schema.categories.retiredAt)))
    .orderBy(asc(schema.categories.position), asc(schema.categories.id));
}

/** How many nominations a cycle holds, drafts included. */
export async function countNominations(cycleId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(schema.nominations).where(eq(schema.nominations.cycleId, cycleId));
  return row?.n ?? 0;
}
