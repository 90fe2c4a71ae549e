/**
 * Issue 14: administrators write Welsh beside the English. The models that write keep the
 * rules (no Welsh without its English; blank is no Welsh; left out is left alone), audit
 * it as they audit the English, and the category page lists what is still to translate.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { Category } from "#db/schema";
import {
  addQuestion,
  countMissingWelsh,
  editQuestion,
  getCategory,
  missingWelshForCategory,
  updateCategory,
  type CategoryDetails,
} from "~/models/category-setup.server";
import { updateCycleSettings } from "~/models/cycle-setup.server";
import { recordAwards } from "~/models/results-decisions.server";
import { action as categoryAction, loader as categoryLoader } from "~/routes/admin.categories.$id";
import { loader as categoriesLoader } from "~/routes/admin.categories._index";
import { db, schema } from "~/utils/db.server";
import { auditEntries, createCategory, createCycle, createNomination } from "../support/admin";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";

const details = (c: Category, changes: Partial<CategoryDetails> = {}): CategoryDetails => ({
  name: c.name,
  slug: c.slug,
  description: c.description,
  eligibility: c.eligibility,
  nomineeTypes: c.nomineeTypes,
  selfNominationAllowed: c.selfNominationAllowed,
  nomineeUnder18: c.nomineeUnder18,
  sponsor: c.sponsor,
  shortlistSize: c.shortlistSize,
  judgesPerNomination: c.judgesPerNomination,
  ...changes,
});

async function refused(fn: () => Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof Response) return { status: e.status, message: await e.text() };
    throw e;
  }
  throw new Error("not refused");
}

describe("a category's Welsh", () => {
  test("saved beside the English, audited, and the list of what is missing shrinks", async () => {
    const cycle = await createCycle();
    const { category, questions } = await createCategory(cycle.id, {
      name: "Group of the Year",
      description: "For a group that welcomed a family.",
      eligibility: "Groups in the UK.",
      sponsor: "Supported by Reset",
    });
    const admin = await createPerson({ isAdmin: true });

    const before = await missingWelshForCategory(category.id);
    expect(before.map((m) => m.what)).toEqual([
      "Name",
      "Description",
      "Who is eligible",
      "Sponsor line",
      "Question 1: the question",
      "Question 2: the question",
    ]);
    expect((await countMissingWelsh(cycle.id)).get(category.id)).toBe(6);

    await updateCategory(category.id, details(category, { nameCy: "  Grŵp y Flwyddyn  ", descriptionCy: "Ar gyfer grŵp a groesawodd deulu.", eligibilityCy: "", sponsorCy: null }), admin);
    const saved = (await getCategory(category.id))!;
    expect(saved.nameCy).toBe("Grŵp y Flwyddyn");
    expect(saved.descriptionCy).toBe("Ar gyfer grŵp a groesawodd deulu.");
    expect(saved.eligibilityCy).toBeNull();
    const [entry] = (await auditEntries("category.updated")).filter((e) => e.entityId === String(category.id));
    expect(entry.actorId).toBe(admin.id);
    expect(entry.before).toMatchObject({ nameCy: null, descriptionCy: null });
    expect(entry.after).toMatchObject({ nameCy: "Grŵp y Flwyddyn", descriptionCy: "Ar gyfer grŵp a groesawodd deulu." });

    const after = await missingWelshForCategory(category.id);
    expect(after.map((m) => m.what)).toEqual(["Who is eligible", "Sponsor line", "Question 1: the question", "Question 2: the question"]);
    expect(after.find((m) => m.what === "Question 1: the question")?.questionId).toBe(questions[0].id);
    expect((await countMissingWelsh(cycle.id)).get(category.id)).toBe(4);

    // An edit that leaves the Welsh out (an older caller) leaves it as it is.
    await updateCategory(category.id, details(saved, { shortlistSize: 4 }), admin);
    expect((await getCategory(category.id))!.nameCy).toBe("Grŵp y Flwyddyn");
  });

  test("Welsh without its English is refused by the model, and nothing is written", async () => {
    const cycle = await createCycle();
    const { category } = await createCategory(cycle.id, { sponsor: null });
    const admin = await createPerson({ isAdmin: true });
    const answer = await refused(() => updateCategory(category.id, details(category, { sponsorCy: "Gyda chefnogaeth Reset" }), admin));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/English sponsor line/);
    expect((await getCategory(category.id))!.sponsorCy).toBeNull();
    // Nor may the English go while its Welsh stays.
    await updateCategory(category.id, details(category, { sponsor: "Supported by Reset", sponsorCy: "Gyda chefnogaeth Reset" }), admin);
    const cleared = await refused(() => updateCategory(category.id, details(category, { sponsor: null }), admin));
    expect(cleared.status).toBe(400);
    expect((await getCategory(category.id))!.sponsor).toBe("Supported by Reset");
  });

  test("a question's Welsh: added, edited in place even when answered, audited", async () => {
    const cycle = await createCycle();
    const { category } = await createCategory(cycle.id);
    const admin = await createPerson({ isAdmin: true });
    const question = await addQuestion(category.id, { label: "Why them?", help: "A few lines", wordLimit: 200, required: true, labelCy: "Pam nhw?", helpCy: "" }, admin);
    expect(question.labelCy).toBe("Pam nhw?");
    expect(question.helpCy).toBeNull();
    const nomination = await createNomination(cycle, category.id, {}, [{ questionId: question.id, answer: "Because." }]);
    expect(nomination.id).toBeGreaterThan(0);

    const edited = await editQuestion(question.id, { label: "Why them?", help: "A few lines", wordLimit: 200, required: true, labelCy: "Pam y nhw?", helpCy: "Ychydig linellau" }, admin);
    // The English meaning is unchanged: the answered question is updated, not retired.
    expect(edited).toEqual({ plan: "update", id: question.id });
    const [row] = await db.select().from(schema.questions).where(eq(schema.questions.id, question.id));
    expect(row).toMatchObject({ labelCy: "Pam y nhw?", helpCy: "Ychydig linellau", retiredAt: null });
    const [entry] = (await auditEntries("question.updated")).filter((e) => e.entityId === String(question.id));
    expect(entry.before).toMatchObject({ labelCy: "Pam nhw?", helpCy: null });
    expect(entry.after).toMatchObject({ labelCy: "Pam y nhw?", helpCy: "Ychydig linellau" });

    const tooLong = await refused(() => editQuestion(question.id, { label: "Why them?", help: "", wordLimit: 200, required: true, helpCy: "Cymorth" }, admin));
    expect(tooLong.message).toMatch(/English help text/);
  });

  test("the admin page shows the list and the category list its count; a save through the page clears an item", async () => {
    const cycle = await createCycle();
    const { category } = await createCategory(cycle.id, { name: "Council of the Year" });
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const page = () => run<{ missingWelsh: Array<{ what: string }> }>(() => categoryLoader(loaderArgs(makeRequest(`/admin/categories/${category.id}`, { cookie }), { id: String(category.id) })));
    expect((await page()).data.missingWelsh.map((m) => m.what)).toContain("Name");

    const form = {
      intent: "details",
      name: category.name,
      nameCy: "Cyngor y Flwyddyn",
      slug: category.slug,
      nomineeTypes: "group",
      shortlistSize: "3",
      judgesPerNomination: "3",
    };
    const badWelsh = await run<{ result: { error: Record<string, string[]> } }>(() =>
      categoryAction(loaderArgs(makeRequest(`/admin/categories/${category.id}`, { cookie, form: { ...form, sponsorCy: "Gyda chefnogaeth" } }), { id: String(category.id) })),
    );
    expect(badWelsh.status).toBe(400);
    expect(badWelsh.data.result.error.sponsorCy).toEqual(["Write the English sponsor line before its Welsh"]);

    const saved = await run(() => categoryAction(loaderArgs(makeRequest(`/admin/categories/${category.id}`, { cookie, form }), { id: String(category.id) })));
    expect(saved.status).toBe(302);
    expect((await page()).data.missingWelsh.map((m) => m.what)).not.toContain("Name");
    const list = await run<{ categories: Array<{ id: number; missingWelsh: number }> }>(() =>
      categoriesLoader(loaderArgs(makeRequest(`/admin/categories?year=${cycle.year}`, { cookie }))),
    );
    expect(list.data.categories.find((c) => c.id === category.id)?.missingWelsh).toBe(2);
  });
});

describe("the cycle's Welsh name and winners' Welsh citations", () => {
  test("the cycle's name in Welsh is saved and audited; Welsh without English is refused", async () => {
    const cycle = await createCycle({ name: "Awards 2030" });
    const admin = await createPerson({ isAdmin: true });
    const settings = {
      name: cycle.name,
      retentionDays: cycle.retentionDays,
      blindJudging: cycle.blindJudging,
      rankingMethod: cycle.rankingMethod,
      minScoresPerJudge: cycle.minScoresPerJudge,
      nominationsOpenAt: cycle.nominationsOpenAt,
      nominationsCloseAt: cycle.nominationsCloseAt,
      judgingOpenAt: cycle.judgingOpenAt,
      judgingCloseAt: cycle.judgingCloseAt,
      shortlistPublishAt: cycle.shortlistPublishAt,
      finalRoundCloseAt: cycle.finalRoundCloseAt,
      winnersPublishAt: cycle.winnersPublishAt,
    };
    expect(await updateCycleSettings(cycle.id, { ...settings, nameCy: "Gwobrau 2030" }, admin)).toEqual({ ok: true });
    const [row] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
    expect(row.nameCy).toBe("Gwobrau 2030");
    const [entry] = (await auditEntries("cycle.updated")).filter((e) => e.entityId === String(cycle.id));
    expect(entry.before).toMatchObject({ nameCy: null });
    expect(entry.after).toMatchObject({ nameCy: "Gwobrau 2030" });
    expect(await updateCycleSettings(cycle.id, { ...settings, name: " ", nameCy: "Gwobrau" }, admin)).toMatchObject({ ok: false, problems: { nameCy: expect.stringMatching(/English name/) } });
  });

  test("a winner's Welsh citation is saved with the award and audited; none without the English", async () => {
    const cycle = await createCycle({ phase: "winners_decided" });
    const { category } = await createCategory(cycle.id);
    const entry = await createNomination(cycle, category.id, { status: "shortlisted", confirmedAt: new Date() });
    const admin = await createPerson({ isAdmin: true });
    const actor = { id: admin.id, name: admin.name };
    const refusedWelsh = await recordAwards({ categoryId: category.id, actor, choices: [{ nominationId: entry.id, award: "winner", citation: "", citationCy: "Am groeso" }] });
    expect(refusedWelsh).toMatchObject({ ok: false });
    const ok = await recordAwards({
      categoryId: category.id,
      actor,
      choices: [{ nominationId: entry.id, award: "winner", citation: "For a welcome.", citationCy: " Am groeso. " }],
    });
    expect(ok).toEqual({ ok: true });
    const [row] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, entry.id));
    expect(row).toMatchObject({ citation: "For a welcome.", citationCy: "Am groeso." });
    const [audit] = (await auditEntries("awards.recorded")).filter((e) => e.entityId === String(category.id));
    expect(audit.after).toEqual([{ id: entry.id, award: "winner", citation: "For a welcome.", citationCy: "Am groeso." }]);
  });
});
