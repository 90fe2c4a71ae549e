/**
 * The nomination journey's cycle, categories and questions held in memory (decision 037):
 * read once, then served from memory until the database's csa_public_content notice says
 * they changed. Off in tests by default; these turn it on, as production has it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { getCategoryForNomination } from "~/models/nomination.server";
import { holdPublicContent, publicContentLoads } from "~/models/public-content.server";
import { action as confirmAction } from "~/routes/nominate.confirm";
import { db, schema } from "~/utils/db.server";
import { loaderArgs, makeRequest, run } from "../support/fixtures";
import { completeDraft, linkIn, mailTo, nominationByEmail, seedCycle, submit } from "../support/nominations";

const GROUP = "group-of-the-year";

/** Waits for a condition (a notice arrives when it arrives), never for a fixed time. */
async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const journey = async () => (await getCategoryForNomination(GROUP))!;

beforeAll(async () => {
  await seedCycle();
  holdPublicContent(true);
  // Nothing is held until the LISTEN is in place; then two reads in a row cost no query.
  await until("the content to be held", async () => {
    await journey();
    const loads = publicContentLoads();
    await journey();
    return publicContentLoads() === loads;
  });
});

afterAll(() => holdPublicContent(null));

test("read once, then from memory; a change to a category, a question or the cycle is seen once its notice arrives", async () => {
  const loads = publicContentLoads();
  const first = await journey();
  for (let i = 0; i < 5; i++) expect((await journey()).category).toBe(first.category);
  expect(publicContentLoads()).toBe(loads);
  // Shared by every request, so no caller can change it for the others.
  expect(Object.isFrozen(first.category) && Object.isFrozen(first.questions) && Object.isFrozen(first.cycle)).toBe(true);

  await db.update(schema.categories).set({ name: "Group of the Year (renamed)" }).where(eq(schema.categories.id, first.category.id));
  await until("the new name", async () => (await journey()).category.name === "Group of the Year (renamed)");
  expect(publicContentLoads()).toBeGreaterThan(loads);

  const [question] = await db.insert(schema.questions).values({ categoryId: first.category.id, label: "Anything else?", required: false, position: 99 }).returning();
  await until("the new question", async () => (await journey()).questions.some((q) => q.id === question.id));

  const closes = new Date(Date.now() + 5 * 86_400_000);
  await db.update(schema.cycles).set({ nominationsCloseAt: closes }).where(eq(schema.cycles.id, first.cycle.id));
  await until("the new closing date", async () => (await journey()).cycle.nominationsCloseAt?.getTime() === closes.getTime());

  await db.update(schema.categories).set({ retiredAt: new Date() }).where(eq(schema.categories.id, first.category.id));
  await until("the category to go", async () => (await getCategoryForNomination(GROUP)) === null);
  await db.update(schema.categories).set({ retiredAt: null, name: first.category.name }).where(eq(schema.categories.id, first.category.id));
  await db.delete(schema.questions).where(eq(schema.questions.id, question.id));
  await until("the category back", async () => (await getCategoryForNomination(GROUP))?.category.name === first.category.name);
});

test("with the content held, a nomination is submitted and confirmed, and its receipt answers the held questions", async () => {
  const { token, email } = await completeDraft(GROUP);
  expect((await submit(GROUP, token)).status).toBe(302);
  const [confirm] = await mailTo(email, "nomination-confirm");
  const link = linkIn(confirm.text, "/nominate/confirm");
  const form = { t: link.searchParams.get("t")!, c: link.searchParams.get("c")! };
  expect((await run(() => confirmAction(loaderArgs(makeRequest("/nominate/confirm", { form }))))).status).toBe(302);
  expect((await nominationByEmail(email)).confirmedAt).toBeInstanceOf(Date);
  const [receipt] = await mailTo(email, "nomination-receipt");
  for (const q of (await journey()).questions) expect(receipt.text).toContain(`They did a great deal for question ${q.id}.`);
});
