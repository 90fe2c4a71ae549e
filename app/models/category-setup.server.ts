/**
 * Categories, their questions, rubric criteria and scale. Answered questions and scored
 * criteria are retired rather than deleted or reworded (app/domain/category-setup.ts).
 */
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { NomineeType } from "#db/schema";
import {
  criterionMeaningChanged,
  moveInOrder,
  planEdit,
  planRemoval,
  questionMeaningChanged,
} from "~/domain/category-setup";
import { categoryWelshProblems, missingWelshInCategory, normaliseWelsh, questionWelshProblems } from "~/domain/welsh-content";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { invariantResponse } from "~/utils/responses.server";

export async function listCategories(cycleId: number) {
  return db
    .select()
    .from(schema.categories)
    .where(eq(schema.categories.cycleId, cycleId))
    .orderBy(sql`${schema.categories.retiredAt} is not null`, asc(schema.categories.position), asc(schema.categories.id));
}

export async function getCategory(id: number) {
  const [category] = await db.select().from(schema.categories).where(eq(schema.categories.id, id));
  return category ?? null;
}

/** The category with everything an editor needs, and what is already in use. */
export async function getCategoryForEditing(id: number) {
  const category = await getCategory(id);
  if (!category) return null;
  const [cycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, category.cycleId));
  const questions = await db
    .select({
      question: schema.questions,
      answers: sql<number>`(select count(*)::int from ${schema.nominationAnswers} where ${schema.nominationAnswers.questionId} = ${schema.questions.id})`,
    })
    .from(schema.questions)
    .where(eq(schema.questions.categoryId, id))
    .orderBy(asc(schema.questions.position), asc(schema.questions.id));
  const criteria = await db.select().from(schema.criteria).where(eq(schema.criteria.categoryId, id)).orderBy(asc(schema.criteria.position), asc(schema.criteria.id));
  const anchors = await db.select().from(schema.scaleAnchors).where(eq(schema.scaleAnchors.categoryId, id)).orderBy(asc(schema.scaleAnchors.value));
  const scored = await scoredCriterionIds(db, id);
  const [nominations] = await db.select({ n: count() }).from(schema.nominations).where(eq(schema.nominations.categoryId, id));
  return {
    category,
    cycle,
    questions: questions.map((q) => ({ ...q.question, answers: q.answers })),
    criteria: criteria.map((c) => ({ ...c, scored: scored.has(c.id) })),
    anchors,
    hasScores: scored.size > 0,
    nominations: nominations.n,
  };
}

type Editing = NonNullable<Awaited<ReturnType<typeof getCategoryForEditing>>>;

/**
 * One question or criterion still in use (not retired) in the given category, with the
 * category's id and name: what its edit page needs. Null when there is no such item there.
 */
export async function getLiveItem<Kind extends "questions" | "criteria">(categoryId: number, kind: Kind, itemId: number) {
  const editing = await getCategoryForEditing(categoryId);
  const items: Array<Editing[Kind][number]> = editing ? editing[kind] : [];
  const item = items.find((i) => i.id === itemId && !i.retiredAt);
  if (!editing || !item) return null;
  return { category: { id: editing.category.id, name: editing.category.name }, item };
}

/** Criterion ids that appear in any score sheet of the category (drafts too: a judge relied on them). */
async function scoredCriterionIds(tx: Tx, categoryId: number): Promise<Set<number>> {
  const rows = await tx
    .select({ values: schema.scores.values })
    .from(schema.scores)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.scores.nominationId))
    .where(eq(schema.nominations.categoryId, categoryId));
  const ids = new Set<number>();
  for (const r of rows) for (const key of Object.keys(r.values ?? {})) ids.add(Number(key));
  return ids;
}

export type CategoryDetails = {
  name: string;
  slug: string;
  description: string;
  eligibility: string;
  nomineeTypes: NomineeType[];
  selfNominationAllowed: boolean;
  nomineeUnder18: boolean;
  sponsor: string | null;
  shortlistSize: number;
  judgesPerNomination: number;
  /** The Welsh beside the English: blank or absent is no Welsh yet. */
  nameCy?: string | null;
  descriptionCy?: string | null;
  eligibilityCy?: string | null;
  sponsorCy?: string | null;
};

const CATEGORY_WELSH = ["nameCy", "descriptionCy", "eligibilityCy", "sponsorCy"] as const;

/** The details as stored: Welsh trimmed (blank or null → null; absent → left as it is). */
function withWelsh<T extends Partial<Record<(typeof CATEGORY_WELSH)[number], string | null | undefined>>>(details: T): T {
  const stored = { ...details };
  for (const key of CATEGORY_WELSH) {
    if (stored[key] === undefined) delete stored[key];
    else stored[key] = normaliseWelsh(stored[key]) as T[typeof key];
  }
  return stored;
}

/** Refused (400) when the category as it would be stored breaks a Welsh rule of app/domain/welsh-content. */
function requireWelshRules(category: Parameters<typeof categoryWelshProblems>[0]) {
  const problems = Object.values(categoryWelshProblems(category));
  invariantResponse(problems.length === 0, problems.join(". "));
}

export async function slugTaken(cycleId: number, slug: string, exceptId?: number) {
  const [row] = await db
    .select({ id: schema.categories.id })
    .from(schema.categories)
    .where(and(eq(schema.categories.cycleId, cycleId), eq(schema.categories.slug, slug), exceptId ? ne(schema.categories.id, exceptId) : undefined));
  return Boolean(row);
}

/** A new category comes with its panel and a 1–5 scale waiting for descriptions. */
export async function createCategory(cycleId: number, input: CategoryDetails, actor: Actor) {
  const details = withWelsh(input);
  requireWelshRules({ nameCy: null, descriptionCy: null, eligibilityCy: null, sponsorCy: null, ...details });
  return db.transaction(async (tx) => {
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${schema.categories.position}) + 1, 0)::int` })
      .from(schema.categories)
      .where(eq(schema.categories.cycleId, cycleId));
    const [category] = await tx.insert(schema.categories).values({ cycleId, ...details, position: next }).returning();
    await tx.insert(schema.panels).values({ categoryId: category.id });
    await audit(tx, { actor, action: "category.created", entityType: "category", entityId: category.id, after: details });
    return category;
  });
}

export async function updateCategory(id: number, input: CategoryDetails, actor: Actor) {
  const details = withWelsh(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.categories).where(eq(schema.categories.id, id)).for("update");
    requireWelshRules({ ...before, ...details });
    await tx.update(schema.categories).set(details).where(eq(schema.categories.id, id));
    const keys = Object.keys(details) as Array<keyof CategoryDetails>;
    await audit(tx, {
      actor,
      action: "category.updated",
      entityType: "category",
      entityId: id,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: details,
    });
  });
}

export async function setCategoryRetired(id: number, retired: boolean, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.categories).where(eq(schema.categories.id, id)).for("update");
    const retiredAt = retired ? new Date() : null;
    await tx.update(schema.categories).set({ retiredAt }).where(eq(schema.categories.id, id));
    await audit(tx, {
      actor,
      action: retired ? "category.retired" : "category.reinstated",
      entityType: "category",
      entityId: id,
      before: { retiredAt: before.retiredAt },
      after: { retiredAt },
    });
  });
}

export async function moveCategory(id: number, direction: "up" | "down", actor: Actor) {
  return db.transaction(async (tx) => {
    const [category] = await tx.select().from(schema.categories).where(eq(schema.categories.id, id));
    const siblings = await tx
      .select({ id: schema.categories.id, position: schema.categories.position })
      .from(schema.categories)
      .where(and(eq(schema.categories.cycleId, category.cycleId), isNull(schema.categories.retiredAt)))
      .orderBy(asc(schema.categories.position), asc(schema.categories.id));
    const order = moveInOrder(siblings, id, direction);
    if (!order) return false;
    for (const o of order) await tx.update(schema.categories).set({ position: o.position }).where(eq(schema.categories.id, o.id));
    await audit(tx, { actor, action: "category.moved", entityType: "category", entityId: id, before: { order: siblings.map((s) => s.id) }, after: { order: order.map((o) => o.id) } });
    return true;
  });
}

// ---------------------------------------------------------------- questions

export type QuestionInput = { label: string; help: string; wordLimit: number; required: boolean; labelCy?: string | null; helpCy?: string | null };

/** The question as stored: Welsh trimmed (blank or null → null; absent → left as it is), refused (400) when it breaks a rule. */
function questionWithWelsh(input: QuestionInput, before?: { labelCy: string | null; helpCy: string | null }): QuestionInput {
  const stored = { ...input };
  for (const key of ["labelCy", "helpCy"] as const) {
    if (stored[key] === undefined) delete stored[key];
    else stored[key] = normaliseWelsh(stored[key]);
  }
  const problems = Object.values(questionWelshProblems({ labelCy: before?.labelCy ?? null, helpCy: before?.helpCy ?? null, ...stored }));
  invariantResponse(problems.length === 0, problems.join(". "));
  return stored;
}

async function questionAnswers(tx: Tx, questionId: number) {
  const [row] = await tx.select({ n: count() }).from(schema.nominationAnswers).where(eq(schema.nominationAnswers.questionId, questionId));
  return row.n;
}

async function nextPosition(tx: Tx, table: typeof schema.questions | typeof schema.criteria, categoryId: number) {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${table.position}) + 1, 0)::int` })
    .from(table)
    .where(eq(table.categoryId, categoryId));
  return next;
}

export async function addQuestion(categoryId: number, given: QuestionInput, actor: Actor) {
  const input = questionWithWelsh(given);
  return db.transaction(async (tx) => {
    const position = await nextPosition(tx, schema.questions, categoryId);
    const [question] = await tx.insert(schema.questions).values({ categoryId, ...input, position }).returning();
    await audit(tx, { actor, action: "question.added", entityType: "question", entityId: question.id, after: { categoryId, ...input } });
    return question;
  });
}

/** Rewording an answered question retires it and adds the new wording in its place. */
export async function editQuestion(id: number, given: QuestionInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.questions).where(eq(schema.questions.id, id)).for("update");
    const input = questionWithWelsh(given, before);
    const answers = await questionAnswers(tx, id);
    const plan = planEdit(answers > 0, questionMeaningChanged(before, input));
    const beforeFields = {
      label: before.label,
      help: before.help,
      wordLimit: before.wordLimit,
      required: before.required,
      labelCy: before.labelCy,
      helpCy: before.helpCy,
    };
    if (plan === "update") {
      await tx.update(schema.questions).set(input).where(eq(schema.questions.id, id));
      await audit(tx, { actor, action: "question.updated", entityType: "question", entityId: id, before: beforeFields, after: input });
      return { plan, id };
    }
    await tx.update(schema.questions).set({ retiredAt: new Date() }).where(eq(schema.questions.id, id));
    const [replacement] = await tx
      .insert(schema.questions)
      .values({ categoryId: before.categoryId, ...input, position: before.position })
      .returning();
    await audit(tx, {
      actor,
      action: "question.replaced",
      entityType: "question",
      entityId: id,
      before: { ...beforeFields, answers },
      after: { replacedBy: replacement.id, ...input },
    });
    return { plan, id: replacement.id };
  });
}

export async function removeQuestion(id: number, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.questions).where(eq(schema.questions.id, id)).for("update");
    const answers = await questionAnswers(tx, id);
    const plan = planRemoval(answers > 0);
    if (plan === "delete") await tx.delete(schema.questions).where(eq(schema.questions.id, id));
    else await tx.update(schema.questions).set({ retiredAt: new Date() }).where(eq(schema.questions.id, id));
    await audit(tx, {
      actor,
      action: plan === "delete" ? "question.deleted" : "question.retired",
      entityType: "question",
      entityId: id,
      before: { label: before.label, categoryId: before.categoryId, answers },
    });
    return plan;
  });
}

export async function moveQuestion(id: number, direction: "up" | "down", actor: Actor) {
  return db.transaction(async (tx) => {
    const [question] = await tx.select().from(schema.questions).where(eq(schema.questions.id, id));
    const siblings = await tx
      .select({ id: schema.questions.id })
      .from(schema.questions)
      .where(and(eq(schema.questions.categoryId, question.categoryId), isNull(schema.questions.retiredAt)))
      .orderBy(asc(schema.questions.position), asc(schema.questions.id));
    const order = moveInOrder(siblings, id, direction);
    if (!order) return false;
    for (const o of order) await tx.update(schema.questions).set({ position: o.position }).where(eq(schema.questions.id, o.id));
    await audit(tx, { actor, action: "question.moved", entityType: "question", entityId: id, before: { order: siblings.map((s) => s.id) }, after: { order: order.map((o) => o.id) } });
    return true;
  });
}

// ---------------------------------------------------------------- rubric

export type CriterionInput = { name: string; guidance: string; weight: number };

export async function addCriterion(categoryId: number, input: CriterionInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const position = await nextPosition(tx, schema.criteria, categoryId);
    const [criterion] = await tx.insert(schema.criteria).values({ categoryId, ...input, position }).returning();
    await audit(tx, { actor, action: "criterion.added", entityType: "criterion", entityId: criterion.id, after: { categoryId, ...input } });
    return criterion;
  });
}

export async function editCriterion(id: number, input: CriterionInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.criteria).where(eq(schema.criteria.id, id)).for("update");
    const scored = (await scoredCriterionIds(tx, before.categoryId)).has(id);
    const plan = planEdit(scored, criterionMeaningChanged(before, input));
    const beforeFields = { name: before.name, guidance: before.guidance, weight: before.weight };
    if (plan === "update") {
      await tx.update(schema.criteria).set(input).where(eq(schema.criteria.id, id));
      await audit(tx, { actor, action: "criterion.updated", entityType: "criterion", entityId: id, before: beforeFields, after: input });
      return { plan, id };
    }
    await tx.update(schema.criteria).set({ retiredAt: new Date() }).where(eq(schema.criteria.id, id));
    const [replacement] = await tx
      .insert(schema.criteria)
      .values({ categoryId: before.categoryId, ...input, position: before.position })
      .returning();
    await audit(tx, {
      actor,
      action: "criterion.replaced",
      entityType: "criterion",
      entityId: id,
      before: { ...beforeFields, scored: true },
      after: { replacedBy: replacement.id, ...input },
    });
    return { plan, id: replacement.id };
  });
}

export async function removeCriterion(id: number, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.criteria).where(eq(schema.criteria.id, id)).for("update");
    const scored = (await scoredCriterionIds(tx, before.categoryId)).has(id);
    const plan = planRemoval(scored);
    if (plan === "delete") await tx.delete(schema.criteria).where(eq(schema.criteria.id, id));
    else await tx.update(schema.criteria).set({ retiredAt: new Date() }).where(eq(schema.criteria.id, id));
    await audit(tx, {
      actor,
      action: plan === "delete" ? "criterion.deleted" : "criterion.retired",
      entityType: "criterion",
      entityId: id,
      before: { name: before.name, weight: before.weight, categoryId: before.categoryId, scored },
    });
    return plan;
  });
}

export async function moveCriterion(id: number, direction: "up" | "down", actor: Actor) {
  return db.transaction(async (tx) => {
    const [criterion] = await tx.select().from(schema.criteria).where(eq(schema.criteria.id, id));
    const siblings = await tx
      .select({ id: schema.criteria.id })
      .from(schema.criteria)
      .where(and(eq(schema.criteria.categoryId, criterion.categoryId), isNull(schema.criteria.retiredAt)))
      .orderBy(asc(schema.criteria.position), asc(schema.criteria.id));
    const order = moveInOrder(siblings, id, direction);
    if (!order) return false;
    for (const o of order) await tx.update(schema.criteria).set({ position: o.position }).where(eq(schema.criteria.id, o.id));
    await audit(tx, { actor, action: "criterion.moved", entityType: "criterion", entityId: id, before: { order: siblings.map((s) => s.id) }, after: { order: order.map((o) => o.id) } });
    return true;
  });
}

/** The scale's range is fixed once anyone has scored; the anchors' wording may still be clarified. */
export async function saveScale(
  categoryId: number,
  input: { scaleMin: number; scaleMax: number; anchors: Array<{ value: number; description: string }> },
  actor: Actor,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.categories).where(eq(schema.categories.id, categoryId)).for("update");
    const beforeAnchors = await tx.select().from(schema.scaleAnchors).where(eq(schema.scaleAnchors.categoryId, categoryId)).orderBy(asc(schema.scaleAnchors.value));
    const rangeChanged = before.scaleMin !== input.scaleMin || before.scaleMax !== input.scaleMax;
    if (rangeChanged && (await scoredCriterionIds(tx, categoryId)).size > 0) {
      return { ok: false, message: "Judges have already scored on this scale, so its range cannot change" };
    }
    await tx.update(schema.categories).set({ scaleMin: input.scaleMin, scaleMax: input.scaleMax }).where(eq(schema.categories.id, categoryId));
    await tx.delete(schema.scaleAnchors).where(eq(schema.scaleAnchors.categoryId, categoryId));
    await tx.insert(schema.scaleAnchors).values(input.anchors.map((a) => ({ categoryId, ...a })));
    await audit(tx, {
      actor,
      action: "scale.updated",
      entityType: "category",
      entityId: categoryId,
      before: { scaleMin: before.scaleMin, scaleMax: before.scaleMax, anchors: beforeAnchors.map((a) => ({ value: a.value, description: a.description })) },
      after: input,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------- Welsh still to write

/** What the category and its questions still lack in Welsh (app/domain/welsh-content). */
export async function missingWelshForCategory(categoryId: number) {
  const category = await getCategory(categoryId);
  if (!category) return [];
  const questions = await db
    .select()
    .from(schema.questions)
    .where(and(eq(schema.questions.categoryId, categoryId), isNull(schema.questions.retiredAt)))
    .orderBy(asc(schema.questions.position), asc(schema.questions.id));
  return missingWelshInCategory(category, questions);
}

/** How many Welsh texts each category of the cycle still lacks, by category id. */
export async function countMissingWelsh(cycleId: number): Promise<Map<number, number>> {
  const categories = await listCategories(cycleId);
  const questions = categories.length
    ? await db
        .select()
        .from(schema.questions)
        .innerJoin(schema.categories, eq(schema.categories.id, schema.questions.categoryId))
        .where(and(eq(schema.categories.cycleId, cycleId), isNull(schema.questions.retiredAt)))
        .orderBy(asc(schema.questions.position), asc(schema.questions.id))
    : [];
  return new Map(
    categories.map((c) => [
      c.id,
      missingWelshInCategory(
        c,
        questions.filter((q) => q.questions.categoryId === c.id).map((q) => q.questions),
      ).length,
    ]),
  );
}
