import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { publicCycleOf } from "~/domain/phase-rules";
import { db, schema } from "~/utils/db.server";

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
