/**
 * The administrators' changes, through their routes' actions: each one does what it says,
 * writes its audit entry, and (with audit inserts made to fail by a trigger) rolls back
 * whole, which shows the entry is written in the same transaction as the change.
 */
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { action as categoryAction } from "~/routes/admin.categories.$id";
import { action as criterionAction } from "~/routes/admin.categories.$id_.criteria.$criterionId";
import { action as questionAction } from "~/routes/admin.categories.$id_.questions.$questionId";
import { action as cycleAction } from "~/routes/admin.cycles.$year";
import { action as phaseAction } from "~/routes/admin.cycles.$year_.phase";
import { action as cyclesAction } from "~/routes/admin.cycles._index";
import { action as duplicatesAction, loader as duplicatesLoader } from "~/routes/admin.nominations.duplicates";
import { action as nominationsAction, loader as nominationsLoader } from "~/routes/admin.nominations._index";
import { action as outboxAction } from "~/routes/admin.outbox";
import { action as panelAction } from "~/routes/admin.panels.$categoryId";
import { action as personAction } from "~/routes/admin.people.$id";
import { action as peopleAction } from "~/routes/admin.people._index";
import { action as linkAction } from "~/routes/login_.link";
import { getNominationWithSupport } from "~/models/nomination-review.server";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { auditEntries, createCategory, createCycle, createNomination, databaseFingerprint, freshYear, withAuditFailing } from "../support/admin";

async function asAdmin() {
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  return { admin, cookie: await cookieFor(admin.id) };
}

/** With audit inserts refused, the action fails and the database is exactly as before. */
async function expectAtomic(call: () => Promise<unknown>) {
  const before = await databaseFingerprint();
  await expect(withAuditFailing(call)).rejects.toThrow();
  expect(await databaseFingerprint()).toEqual(before);
}

describe("cycles", () => {
  test("a new cycle copies last year's categories, questions, rubric, scale and panels", async () => {
    const { admin, cookie } = await asAdmin();
    const last = await createCycle({ phase: "archived", archivedAt: new Date() });
    const { category } = await createCategory(last.id, { name: "Group of the Year", slug: "group-of-the-year", sponsor: "Supported by Reset" });
    await createCategory(last.id, { name: "Old award", slug: "old-award", retiredAt: new Date() });
    const judge = await createPerson({ isJudge: true });
    const [panel] = await db.select().from(schema.panels).where(eq(schema.panels.categoryId, category.id));
    await db.insert(schema.panelMembers).values({ panelId: panel.id, personId: judge.id, isChair: true });
    const year = freshYear();
    const form = { sourceYear: String(last.year), year: String(year), name: `Awards ${year}`, copyPanelMembers: "on" };

    await expectAtomic(() => cyclesAction(loaderArgs(makeRequest("/admin/cycles", { form, cookie }))));

    const answer = await run(() => cyclesAction(loaderArgs(makeRequest("/admin/cycles", { form, cookie }))));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/admin/cycles/${year}?notice=cycle-created`);
    const [cycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.year, year));
    expect(cycle.phase).toBe("draft");
    const categories = await db.select().from(schema.categories).where(eq(schema.categories.cycleId, cycle.id));
    expect(categories.map((c) => c.slug)).toEqual(["group-of-the-year"]);
    expect(categories[0].sponsor).toBe("Supported by Reset");
    const copy = categories[0];
    expect((await db.select().from(schema.questions).where(eq(schema.questions.categoryId, copy.id))).map((q) => q.label)).toEqual([
      "What difference have they made?",
      "How did they do it?",
    ]);
    expect((await db.select().from(schema.criteria).where(eq(schema.criteria.categoryId, copy.id))).map((c) => [c.name, c.weight])).toEqual([
      ["Impact", 2],
      ["Commitment", 1],
    ]);
    expect(await db.select().from(schema.scaleAnchors).where(eq(schema.scaleAnchors.categoryId, copy.id))).toHaveLength(5);
    const [newPanel] = await db.select().from(schema.panels).where(eq(schema.panels.categoryId, copy.id));
    expect(await db.select().from(schema.panelMembers).where(eq(schema.panelMembers.panelId, newPanel.id))).toMatchObject([{ personId: judge.id, isChair: true }]);

    const [entry] = await auditEntries("cycle.created_from_previous");
    expect(entry).toMatchObject({ actorId: admin.id, actorLabel: "Ada Admin", entityType: "cycle", entityId: String(cycle.id) });
    expect(entry.after).toMatchObject({ year, copiedFrom: last.year, categories: 1 });

    const again = await run<{ result: { error: Record<string, string[]> } }>(() => cyclesAction(loaderArgs(makeRequest("/admin/cycles", { form, cookie }))));
    expect(again.status).toBe(400);
    expect(again.data.result.error.year[0]).toMatch(/already a cycle/);
  });

  test("dates are read as London time, checked in order, audited; a phase move needs its confirmation", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createCycle({ phase: "draft" });
    const path = `/admin/cycles/${cycle.year}`;
    const params = { year: String(cycle.year) };
    const bad = await run<{ result: { error: Record<string, string[]> } }>(() =>
      cycleAction(loaderArgs(makeRequest(path, { cookie, form: { name: "Awards", nominationsOpenAt: "2026-03-01T09:00", nominationsCloseAt: "2026-02-01T17:00", retentionDays: "365", rankingMethod: "calibrated", minScoresPerJudge: "3" } }), params)),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.nominationsCloseAt[0]).toMatch(/must be after nominations open/);

    const form = { name: "Awards", nominationsOpenAt: "2026-03-01T09:00", nominationsCloseAt: "2026-07-01T17:00", judgingCloseAt: "", shortlistPublishAt: "", winnersPublishAt: "", retentionDays: "400", rankingMethod: "calibrated", minScoresPerJudge: "3" };
    await expectAtomic(() => cycleAction(loaderArgs(makeRequest(path, { cookie, form }), params)));
    expect((await run(() => cycleAction(loaderArgs(makeRequest(path, { cookie, form }), params)))).status).toBe(302);
    const [saved] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
    expect(saved.nominationsOpenAt?.toISOString()).toBe("2026-03-01T09:00:00.000Z"); // GMT
    expect(saved.nominationsCloseAt?.toISOString()).toBe("2026-07-01T16:00:00.000Z"); // BST
    expect(saved.retentionDays).toBe(400);
    const [entry] = await auditEntries("cycle.updated");
    expect(entry.before).toMatchObject({ retentionDays: 365, nominationsOpenAt: null });
    expect(entry.after).toMatchObject({ retentionDays: 400 });

    const unconfirmed = await run(() => phaseAction(loaderArgs(makeRequest(`${path}/phase`, { cookie, form: { to: "nominations_open" } }), params)));
    expect(unconfirmed.status).toBe(400);
    const skipping = await run(() => phaseAction(loaderArgs(makeRequest(`${path}/phase`, { cookie, form: { to: "judging", confirm: "yes" } }), params)));
    expect(skipping.status).toBe(409);
    const moveForm = { to: "nominations_open", confirm: "yes" };
    await expectAtomic(() => phaseAction(loaderArgs(makeRequest(`${path}/phase`, { cookie, form: moveForm }), params)));
    expect((await run(() => phaseAction(loaderArgs(makeRequest(`${path}/phase`, { cookie, form: moveForm }), params)))).status).toBe(302);
    const [moved] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
    expect(moved.phase).toBe("nominations_open");
    expect((await auditEntries("cycle.phase_changed"))[0]).toMatchObject({ before: { phase: "draft" }, after: { phase: "nominations_open" } });
  });
});

describe("categories, questions and rubric", () => {
  test("rewording an answered question retires it and adds the new wording; an unanswered one changes in place", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category, questions } = await createCategory(cycle.id);
    await createNomination(cycle, category.id, {}, [{ questionId: questions[0].id, answer: "They did a lot" }]);
    const path = (q: number) => `/admin/categories/${category.id}/questions/${q}`;
    const params = (q: number) => ({ id: String(category.id), questionId: String(q) });
    const reworded = { label: "What changed for the family?", help: "", wordLimit: "300", required: "on" };

    await expectAtomic(() => questionAction(loaderArgs(makeRequest(path(questions[0].id), { cookie, form: reworded }), params(questions[0].id))));
    const answer = await run(() => questionAction(loaderArgs(makeRequest(path(questions[0].id), { cookie, form: reworded }), params(questions[0].id))));
    expect(answer.headers.get("Location")).toBe(`/admin/categories/${category.id}?notice=question-replaced`);
    const all = await db.select().from(schema.questions).where(eq(schema.questions.categoryId, category.id)).orderBy(asc(schema.questions.id));
    expect(all.find((q) => q.id === questions[0].id)).toMatchObject({ label: "What difference have they made?" });
    expect(all.find((q) => q.id === questions[0].id)?.retiredAt).not.toBeNull();
    const replacement = all.find((q) => q.label === "What changed for the family?");
    expect(replacement).toMatchObject({ position: 0, retiredAt: null });
    const [replaced] = await auditEntries("question.replaced");
    expect(replaced.before).toMatchObject({ label: "What difference have they made?", answers: 1 });
    expect(replaced.after).toMatchObject({ replacedBy: replacement!.id, label: "What changed for the family?" });

    const unanswered = { label: "How exactly?", help: "Examples help", wordLimit: "250" };
    await run(() => questionAction(loaderArgs(makeRequest(path(questions[1].id), { cookie, form: unanswered }), params(questions[1].id))));
    const [inPlace] = await db.select().from(schema.questions).where(eq(schema.questions.id, questions[1].id));
    expect(inPlace).toMatchObject({ label: "How exactly?", wordLimit: 250, required: false, retiredAt: null });
    expect((await auditEntries("question.updated"))[0].before).toMatchObject({ label: "How did they do it?", wordLimit: 200 });

    const empty = await run<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(() =>
      questionAction(loaderArgs(makeRequest(path(questions[1].id), { cookie, form: { label: "", wordLimit: "lots" } }), params(questions[1].id))),
    );
    expect(empty.status).toBe(400);
    expect(empty.data.result.error.label[0]).toBe("Enter the question");
    expect(empty.data.result.error.wordLimit[0]).toMatch(/word limit/);
    expect(empty.data.result.initialValue.wordLimit).toBe("lots");

    // Removing: the answered (retired) one is gone from the live list already; the unanswered one is deleted.
    const removed = await run(() => categoryAction(loaderArgs(makeRequest(`/admin/categories/${category.id}`, { cookie, form: { intent: "question-remove", itemId: String(questions[1].id) } }), { id: String(category.id) })));
    expect(removed.headers.get("Location")).toContain("question-deleted");
    const removeAnswered = await run(() => categoryAction(loaderArgs(makeRequest(`/admin/categories/${category.id}`, { cookie, form: { intent: "question-remove", itemId: String(replacement!.id) } }), { id: String(category.id) })));
    expect(removeAnswered.headers.get("Location")).toContain("question-deleted");
    expect(await auditEntries("question.deleted")).toHaveLength(2);
  });

  test("a scored criterion is replaced, not reweighted in place; the scale and new criteria are audited", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category, criteria } = await createCategory(cycle.id);
    const nomination = await createNomination(cycle, category.id);
    const judge = await createPerson({ isJudge: true });
    await db.insert(schema.scores).values({ nominationId: nomination.id, personId: judge.id, values: { [criteria[0].id]: 4 } });
    const params = (c: number) => ({ id: String(category.id), criterionId: String(c) });
    const reweighted = { name: "Impact", guidance: "The difference made", weight: "3" };

    await expectAtomic(() => criterionAction(loaderArgs(makeRequest("/x", { cookie, form: reweighted }), params(criteria[0].id))));
    const answer = await run(() => criterionAction(loaderArgs(makeRequest("/x", { cookie, form: reweighted }), params(criteria[0].id))));
    expect(answer.headers.get("Location")).toContain("criterion-replaced");
    const [old] = await db.select().from(schema.criteria).where(eq(schema.criteria.id, criteria[0].id));
    expect(old.weight).toBe(2);
    expect(old.retiredAt).not.toBeNull();
    expect(await db.select().from(schema.criteria).where(and(eq(schema.criteria.categoryId, category.id), eq(schema.criteria.weight, 3)))).toHaveLength(1);

    await run(() => criterionAction(loaderArgs(makeRequest("/x", { cookie, form: { name: "Commitment", guidance: "Effort over months", weight: "1.5" } }), params(criteria[1].id))));
    const [unscored] = await db.select().from(schema.criteria).where(eq(schema.criteria.id, criteria[1].id));
    expect(unscored).toMatchObject({ guidance: "Effort over months", weight: 1.5, retiredAt: null });

    const here = `/admin/categories/${category.id}`;
    const add = { intent: "criterion-add", name: "Community", guidance: "How widely", weight: "1" };
    await expectAtomic(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: add }), { id: String(category.id) })));
    await run(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: add }), { id: String(category.id) })));
    expect(await auditEntries("criterion.added")).toHaveLength(1);

    // The range is fixed once scored; the wording of the anchors is not.
    const scale = { intent: "scale", scaleMin: "1", scaleMax: "4", "anchor-1": "a", "anchor-2": "b", "anchor-3": "c", "anchor-4": "d" };
    const refused = await run<{ result: { error: Record<string, string[]> } }>(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: scale }), { id: String(category.id) })));
    expect(refused.status).toBe(409);
    expect(refused.data.result.error.scaleMin[0]).toMatch(/cannot change/);
    const missing = await run<{ result: { error: Record<string, string[]> } }>(() =>
      categoryAction(loaderArgs(makeRequest(here, { cookie, form: { intent: "scale", scaleMin: "1", scaleMax: "5", "anchor-1": "Little" } }), { id: String(category.id) })),
    );
    expect(missing.status).toBe(400);
    expect(missing.data.result.error["anchor-2"][0]).toBe("Describe what a 2 means");
    const reworded = { intent: "scale", scaleMin: "1", scaleMax: "5", "anchor-1": "None", "anchor-2": "Some", "anchor-3": "Solid", "anchor-4": "Strong", "anchor-5": "Exceptional" };
    await expectAtomic(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: reworded }), { id: String(category.id) })));
    await run(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: reworded }), { id: String(category.id) })));
    const anchors = await db.select().from(schema.scaleAnchors).where(eq(schema.scaleAnchors.categoryId, category.id)).orderBy(asc(schema.scaleAnchors.value));
    expect(anchors.map((a) => a.description)).toEqual(["None", "Some", "Solid", "Strong", "Exceptional"]);
    expect((await auditEntries("scale.updated"))[0].before).toMatchObject({ anchors: [{ value: 1, description: "Point 1" }, {}, {}, {}, {}] });
  });

  test("category details are validated, slugs are unique within a cycle, and changes are audited", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category } = await createCategory(cycle.id, { slug: "first" });
    await createCategory(cycle.id, { slug: "second" });
    const here = `/admin/categories/${category.id}`;
    const params = { id: String(category.id) };
    const form = { intent: "details", name: "Volunteer of the Year", slug: "second", description: "", eligibility: "Anyone", nomineeTypes: ["individual"], shortlistSize: "4", sponsor: "" };
    const taken = await run<{ result: { error: Record<string, string[]> } }>(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form }), params)));
    expect(taken.status).toBe(400);
    expect(taken.data.result.error.slug[0]).toMatch(/already uses/);
    const noTypes = await run<{ result: { error: Record<string, string[]> } }>(() =>
      categoryAction(loaderArgs(makeRequest(here, { cookie, form: { ...form, slug: "volunteer", nomineeTypes: [] } }), params)),
    );
    expect(noTypes.data.result.error.nomineeTypes[0]).toBe("Choose at least one kind of nominee");
    const good = { ...form, slug: "volunteer-of-the-year", selfNominationAllowed: "on" };
    await expectAtomic(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: good }), params)));
    expect((await run(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: good }), params)))).status).toBe(302);
    const [saved] = await db.select().from(schema.categories).where(eq(schema.categories.id, category.id));
    expect(saved).toMatchObject({ name: "Volunteer of the Year", slug: "volunteer-of-the-year", nomineeTypes: ["individual"], selfNominationAllowed: true, shortlistSize: 4, sponsor: null });
    expect((await auditEntries("category.updated"))[0].before).toMatchObject({ slug: "first" });
    await run(() => categoryAction(loaderArgs(makeRequest(here, { cookie, form: { intent: "retire" } }), params)));
    expect((await db.select().from(schema.categories).where(eq(schema.categories.id, category.id)))[0].retiredAt).not.toBeNull();
    expect(await auditEntries("category.retired")).toHaveLength(1);
  });
});

describe("nominations", () => {
  test("many nominations are marked eligible or ineligible at once; each has its audit entry", async () => {
    const { admin, cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category } = await createCategory(cycle.id);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createNomination(cycle, category.id)));
    const draft = await createNomination(cycle, category.id, { status: "draft" });
    const path = `/admin/nominations?year=${cycle.year}`;

    const noReason = await run<{ result: { error: Record<string, string[]> } }>(() =>
      nominationsAction(loaderArgs(makeRequest(path, { cookie, form: { ids: [String(c.id)], decision: "ineligible", reason: "" } }))),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.data.result.error.reason[0]).toBe("Give the reason they are ineligible");
    const none = await run<{ result: { error: Record<string, string[]> } }>(() => nominationsAction(loaderArgs(makeRequest(path, { cookie, form: { decision: "eligible" } }))));
    expect(none.data.result.error.ids[0]).toBe("Choose at least one nomination");

    const eligible = { ids: [String(a.id), String(b.id)], decision: "eligible" };
    await expectAtomic(() => nominationsAction(loaderArgs(makeRequest(path, { cookie, form: eligible }))));
    const answer = await run<{ decided: { references: string[] } }>(() => nominationsAction(loaderArgs(makeRequest(path, { cookie, form: eligible }))));
    expect(answer.status).toBe(200);
    expect(answer.data.decided.references).toEqual([a.reference, b.reference]);
    await run(() => nominationsAction(loaderArgs(makeRequest(path, { cookie, form: { ids: [String(c.id)], decision: "ineligible", reason: "Outside the UK" } }))));

    const statuses = Object.fromEntries((await db.select().from(schema.nominations).where(eq(schema.nominations.categoryId, category.id))).map((n) => [n.id, [n.status, n.ineligibleReason]]));
    expect(statuses[a.id]).toEqual(["eligible", null]);
    expect(statuses[b.id]).toEqual(["eligible", null]);
    expect(statuses[c.id]).toEqual(["ineligible", "Outside the UK"]);
    expect(await auditEntries("nomination.marked_eligible")).toHaveLength(2);
    expect((await auditEntries("nomination.marked_ineligible"))[0]).toMatchObject({
      actorId: admin.id,
      entityType: "nomination",
      entityId: String(c.id),
      before: { status: "submitted" },
      after: { status: "ineligible", ineligibleReason: "Outside the UK" },
    });

    const draftAnswer = await run<{ result: { error: Record<string, string[]> } }>(() =>
      nominationsAction(loaderArgs(makeRequest(path, { cookie, form: { ids: [String(draft.id)], decision: "eligible" } }))),
    );
    expect(draftAnswer.status).toBe(409);
    expect(draftAnswer.data.result.error[""][0]).toMatch(/still a draft/);

    const list = await run<{ rows: Array<{ id: number }>; counts: Record<string, number> }>(() =>
      nominationsLoader(loaderArgs(makeRequest(`/admin/nominations?year=${cycle.year}&status=eligible`, { cookie }))),
    );
    expect(list.data.rows.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(list.data.counts).toMatchObject({ eligible: 2, ineligible: 1, draft: 1 });
    const search = await run<{ rows: Array<{ id: number }> }>(() => nominationsLoader(loaderArgs(makeRequest(`/admin/nominations?year=${cycle.year}&q=${c.reference.toLowerCase()}`, { cookie }))));
    expect(search.data.rows.map((r) => r.id)).toEqual([c.id]);
  });

  test("duplicates are grouped and merged into one entry that keeps every statement", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category, questions } = await createCategory(cycle.id);
    const first = await createNomination(cycle, category.id, { nomineeName: "Hope Street Welcome Group" }, [{ questionId: questions[0].id, answer: "First statement" }]);
    const second = await createNomination(cycle, category.id, { nomineeName: "hope street welcome group!", nominatorName: "Second Nominator" }, [
      { questionId: questions[0].id, answer: "Second statement" },
    ]);
    await createNomination(cycle, category.id, { nomineeName: "Another Group" });
    const path = `/admin/nominations/duplicates?year=${cycle.year}`;

    const groups = await run<{ groups: Array<Array<{ id: number }>> }>(() => duplicatesLoader(loaderArgs(makeRequest(path, { cookie }))));
    expect(groups.data.groups.map((g) => g.map((n) => n.id))).toEqual([[first.id, second.id]]);

    const form = { primaryId: String(first.id), ids: [String(first.id), String(second.id)], group: "x" };
    await expectAtomic(() => duplicatesAction(loaderArgs(makeRequest(path, { cookie, form }))));
    const answer = await run(() => duplicatesAction(loaderArgs(makeRequest(path, { cookie, form }))));
    expect(answer.headers.get("Location")).toBe(`/admin/nominations/${first.id}?notice=merged`);

    const [merged] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, second.id));
    expect(merged).toMatchObject({ mergedIntoId: first.id, status: "submitted" });
    const entry = await getNominationWithSupport(second.id);
    expect(entry?.nomination.id).toBe(first.id);
    expect(entry?.answers.map((a) => a.answer)).toEqual(["First statement"]);
    expect(entry?.support.map((s) => [s.nomination.nominatorName, s.answers[0].answer])).toEqual([["Second Nominator", "Second statement"]]);
    expect((await auditEntries("nomination.merged"))[0].after).toMatchObject({ primary: first.reference, merged: [second.reference] });

    const after = await run<{ groups: unknown[] }>(() => duplicatesLoader(loaderArgs(makeRequest(path, { cookie }))));
    expect(after.data.groups).toEqual([]);
    const twice = await run<{ error: string }>(() => duplicatesAction(loaderArgs(makeRequest(path, { cookie, form }))));
    expect(twice.status).toBe(409);
    expect(twice.data.error).toMatch(/already been merged/);
  });
});

describe("people and panels", () => {
  test("an invited judge gets a week-long link in the outbox that signs them in", async () => {
    const { admin, cookie } = await asAdmin();
    const form = { intent: "invite", email: "New.Judge@Example.test", name: "Jo Judge", organisations: "Leeds Welcome\nSt Mary's Church", localAuthority: "Leeds City Council" };
    await expectAtomic(() => peopleAction(loaderArgs(makeRequest("/admin/people", { cookie, form }))));

    const answer = await run(() => peopleAction(loaderArgs(makeRequest("/admin/people", { cookie, form }))));
    expect(answer.headers.get("Location")).toBe("/admin/people?notice=invited");
    const [judge] = await db.select().from(schema.people).where(eq(schema.people.email, "new.judge@example.test"));
    expect(judge).toMatchObject({ name: "Jo Judge", isJudge: true, isAdmin: false, organisations: ["Leeds Welcome", "St Mary's Church"], localAuthority: "Leeds City Council" });
    const [token] = await db.select().from(schema.signInTokens).where(eq(schema.signInTokens.personId, judge.id));
    expect(token.purpose).toBe("invitation");
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const [email] = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, judge.email));
    expect(email).toMatchObject({ template: "judge-invitation", status: "pending" });
    expect(email.text).toContain("Ada Admin has invited you");
    expect((await auditEntries("judge.invited"))[0]).toMatchObject({ actorId: admin.id, entityId: String(judge.id) });

    const link = new URL(email.text.match(/http:\/\/localhost:3000\/login\/link\?[^\s)\]]+/)![0]);
    const signedIn = await run(() => linkAction(loaderArgs(makeRequest("/login/link", { form: { token: link.searchParams.get("token")!, redirectTo: link.searchParams.get("redirectTo")! } }))));
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/judge");
    expect(signedIn.headers.get("Set-Cookie")).toMatch(/^csa_session=/);

    const bad = await run<{ result: { error: Record<string, string[]> } }>(() => peopleAction(loaderArgs(makeRequest("/admin/people", { cookie, form: { intent: "invite", email: "nope", name: "" } }))));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.result.error).sort()).toEqual(["email", "name"]);
  });

  test("a panel gets judges and one chair; a removed admin is signed out everywhere", async () => {
    const { admin, cookie } = await asAdmin();
    const cycle = await createCycle();
    const { category, panel } = await createCategory(cycle.id);
    const [j1, j2] = [await createPerson({ isJudge: true, name: "One" }), await createPerson({ isJudge: true, name: "Two" })];
    const notJudge = await createPerson({ name: "Not a judge" });
    const params = { categoryId: String(category.id) };
    const post = (form: Record<string, string>) => run<{ error?: string }>(() => panelAction(loaderArgs(makeRequest(`/admin/panels/${category.id}`, { cookie, form }), params)));

    await expectAtomic(() => panelAction(loaderArgs(makeRequest("/x", { cookie, form: { intent: "add", personId: String(j1.id) } }), params)));
    expect((await post({ intent: "add", personId: String(j1.id) })).status).toBe(302);
    expect((await post({ intent: "add", personId: String(j2.id) })).status).toBe(302);
    expect((await post({ intent: "add", personId: String(notJudge.id) })).status).toBe(409);
    expect((await post({ intent: "add", personId: "" })).data.error).toBe("Choose a judge to add");
    await expectAtomic(() => panelAction(loaderArgs(makeRequest("/x", { cookie, form: { intent: "chair", personId: String(j1.id) } }), params)));
    expect((await post({ intent: "chair", personId: String(j1.id) })).status).toBe(302);
    expect((await post({ intent: "chair", personId: String(j2.id) })).status).toBe(302);
    const members = await db.select().from(schema.panelMembers).where(eq(schema.panelMembers.panelId, panel.id));
    expect(members.filter((m) => m.isChair).map((m) => m.personId)).toEqual([j2.id]);
    expect((await post({ intent: "remove", personId: String(j1.id) })).status).toBe(302);
    expect(await db.select().from(schema.panelMembers).where(eq(schema.panelMembers.panelId, panel.id))).toHaveLength(1);
    expect(await auditEntries("panel.member_added")).toHaveLength(2);
    expect((await auditEntries("panel.chair_set")).map((e) => e.after)).toEqual([{ chair: j1.id }, { chair: j2.id }]);
    expect(await auditEntries("panel.member_removed")).toHaveLength(1);

    const other = await createPerson({ isAdmin: true });
    await cookieFor(other.id);
    await cookieFor(other.id);
    const personParams = { id: String(other.id) };
    await expectAtomic(() => personAction(loaderArgs(makeRequest("/x", { cookie, form: { intent: "remove-admin" } }), personParams)));
    expect((await run(() => personAction(loaderArgs(makeRequest("/x", { cookie, form: { intent: "remove-admin" } }), personParams)))).status).toBe(302);
    expect(await db.select().from(schema.sessions).where(eq(schema.sessions.personId, other.id))).toHaveLength(0);
    expect((await auditEntries("person.admin_removed"))[0].after).toMatchObject({ isAdmin: false, sessionsEnded: 2 });
    const self = await run<{ error: string }>(() => personAction(loaderArgs(makeRequest("/x", { cookie, form: { intent: "remove-admin" } }), { id: String(admin.id) })));
    expect(self.status).toBe(400);
  });

  test("a failed email can be retried; the mailer takes it from there", async () => {
    const { cookie } = await asAdmin();
    const [failed] = await db
      .insert(schema.emailOutbox)
      .values({ idempotencyKey: "csa-test-failed", template: "sign-in-link", to: "x@example.test", subject: "S", html: "<p>h</p>", text: "t", status: "failed", attempts: 5, lastError: "boom", nextAttemptAt: new Date(Date.now() + 3600_000) })
      .returning();
    const form = { emailId: String(failed.id) };
    await expectAtomic(() => outboxAction(loaderArgs(makeRequest("/admin/outbox", { cookie, form }))));
    expect((await run(() => outboxAction(loaderArgs(makeRequest("/admin/outbox", { cookie, form }))))).status).toBe(302);
    const [queued] = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.id, failed.id));
    expect(queued.status).toBe("pending");
    expect(queued.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await auditEntries("email.retried"))[0].before).toMatchObject({ status: "failed", attempts: 5, lastError: "boom" });
    expect((await run(() => outboxAction(loaderArgs(makeRequest("/admin/outbox", { cookie, form }))))).status).toBe(409);
  });
});
