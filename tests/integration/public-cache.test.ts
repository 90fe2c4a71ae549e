/**
 * The in-process page cache is emptied by the database itself: a trigger NOTIFYs
 * 'csa_public_content' at commit for every change public pages show, whatever code made it,
 * and stays quiet for what they do not show (drafts, submissions, scores).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoIfEmpty } from "#db/seed";
import { getCategory, updateCategory } from "~/models/category-setup.server";
import { PUBLIC_CONTENT_CHANNEL } from "~/server/page-cache";
import { SYSTEM_ACTOR } from "~/utils/audit.server";
import { db, getDatabase, schema } from "~/utils/db.server";

let notices = 0;
const settle = () => new Promise((r) => setTimeout(r, 300));

/** How many notices a change brings, once they have had time to arrive. */
async function noticesFrom(change: () => Promise<unknown>) {
  await settle();
  const before = notices;
  await change();
  await settle();
  return notices - before;
}

let cycleId: number;
let categoryId: number;

beforeAll(async () => {
  await seedDemoIfEmpty(db);
  const [category] = await db.select().from(schema.categories).where(eq(schema.categories.slug, "group-of-the-year"));
  cycleId = category.cycleId;
  categoryId = category.id;
  await getDatabase().listen(PUBLIC_CONTENT_CHANNEL, () => {
    notices += 1;
  });
});

const nomination = (overrides: Partial<typeof schema.nominations.$inferInsert> = {}) => ({
  cycleId,
  categoryId,
  reference: `CSA-2026-T${Math.random().toString(36).slice(2, 8)}`,
  accessTokenHash: Math.random().toString(36),
  ...overrides,
});

describe("public content notices", () => {
  test("an admin's category edit notifies, at commit", async () => {
    const category = (await getCategory(categoryId))!;
    const n = await noticesFrom(() =>
      updateCategory(
        categoryId,
        {
          name: "Group of the Year (renamed)",
          slug: category.slug,
          description: category.description,
          eligibility: category.eligibility,
          nomineeTypes: category.nomineeTypes,
          selfNominationAllowed: category.selfNominationAllowed,
          nomineeUnder18: category.nomineeUnder18,
          sponsor: category.sponsor,
          shortlistSize: category.shortlistSize,
          judgesPerNomination: category.judgesPerNomination,
        },
        SYSTEM_ACTOR,
      ),
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });

  test("a rolled-back change does not notify", async () => {
    const n = await noticesFrom(() =>
      db
        .transaction(async (tx) => {
          await tx.update(schema.cycles).set({ name: "Never committed" }).where(eq(schema.cycles.id, cycleId));
          throw new Error("roll back");
        })
        .catch(() => {}),
    );
    expect(n).toBe(0);
  });

  test("cycle dates and questions notify", async () => {
    expect(await noticesFrom(() => db.update(schema.cycles).set({ nominationsCloseAt: new Date(Date.now() + 86_400_000) }).where(eq(schema.cycles.id, cycleId)))).toBeGreaterThanOrEqual(1);
    expect(await noticesFrom(() => db.update(schema.questions).set({ help: "New help" }).where(eq(schema.questions.categoryId, categoryId)))).toBeGreaterThanOrEqual(1);
  });

  test("drafts, submissions and scores do not notify; a nomination going public (or leaving) does", async () => {
    const [draft] = await db.insert(schema.nominations).values(nomination()).returning();
    expect(await noticesFrom(() => db.insert(schema.nominations).values(nomination()))).toBe(0);
    expect(await noticesFrom(() => db.update(schema.nominations).set({ status: "submitted" }).where(eq(schema.nominations.id, draft.id)))).toBe(0);
    expect(await noticesFrom(() => db.update(schema.nominations).set({ status: "eligible" }).where(eq(schema.nominations.id, draft.id)))).toBe(0);
    expect(await noticesFrom(() => db.update(schema.nominations).set({ status: "shortlisted" }).where(eq(schema.nominations.id, draft.id)))).toBeGreaterThanOrEqual(1);
    // An erasure of a finalist changes the winners page.
    expect(await noticesFrom(() => db.update(schema.nominations).set({ nomineeName: "", erasedAt: new Date() }).where(eq(schema.nominations.id, draft.id)))).toBeGreaterThanOrEqual(1);
    expect(await noticesFrom(() => db.delete(schema.nominations).where(eq(schema.nominations.id, draft.id)))).toBeGreaterThanOrEqual(1);
  });
});
