import { and, asc, count, desc, eq, isNull, ne } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";

export type { Cycle } from "#db/schema";

/** The cycle the public sees: the latest one that is not archived (or, failing that, the latest). */
export async function getCurrentCycle() {
  const [current] = await db
    .select()
    .from(schema.cycles)
    .where(ne(schema.cycles.phase, "archived"))
    .orderBy(desc(schema.cycles.year))
    .limit(1);
  if (current) return current;
  const [latest] = await db.select().from(schema.cycles).orderBy(desc(schema.cycles.year)).limit(1);
  return latest ?? null;
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
