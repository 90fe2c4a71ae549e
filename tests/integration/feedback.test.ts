/**
 * Feedback to nominees: judges keep a comment private or let it be shared; nothing of it is
 * visible or released before the winners' publication; an admin edits and releases it once,
 * in one email per person concerned, with no judge's name and no private comment.
 */
import { and, eq, gt } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { getFeedbackForReview, listFeedback, releaseFeedback } from "~/models/feedback.server";
import { updateCycleSettings } from "~/models/cycle-setup.server";
import { erasePerson } from "~/models/privacy.server";
import * as cycleRoute from "~/routes/admin.cycles.$year";
import * as feedbackList from "~/routes/admin.feedback._index";
import * as feedbackRoute from "~/routes/admin.feedback.$id";
import * as nominationRoute from "~/routes/judge.nominations.$nominationId";
import * as submitRoute from "~/routes/judge.nominations.$nominationId_.submit";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { addToPanel, assign, auditMark, createJudge, createJudgedCategory, createJudgingCycle, createNomination, scoreRow } from "../support/judging";

type RouteModule = { loader?: (args: ReturnType<typeof loaderArgs>) => Promise<unknown> };
const routes = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
/** Every route the public (or a nominator's link) can ask, with or without ?_data=: not admin, judge or the dev mail page. */
const publicRoutes = Object.entries(routes).filter(([file]) => !/\/(admin|judge|dev)[._]/.test(file));

const MINUTE = 60_000;
const SHARED = "Shared-comment-alpha: the welcome dinner was inspired";
const PRIVATE = "Private-comment-bravo: the budget looked thin";
const UNANNOUNCED = "Unannounced-comment-charlie: written before sharing was on";
const EDITED = "The welcome dinner brought the whole street together.";
const JUDGE_NAMES = ["Wilhelmina Quartzfield", "Bartholomew Inkwell", "Cordelia Fenwright"];

const body = (data: unknown) => (typeof data === "string" ? data : JSON.stringify(data ?? null));

async function judgeSaves(nominationId: number, judge: { id: number }, criteria: Array<{ id: number }>, comment: string, keepPrivate: boolean) {
  const cookie = await cookieFor(judge.id);
  const form: Record<string, string> = { intent: "submit", comment, ...Object.fromEntries(criteria.map((c) => [`criterion-${c.id}`, "4"])) };
  if (keepPrivate) form.commentPrivate = "on";
  const params = { nominationId: String(nominationId) };
  const saved = await run(() => nominationRoute.action(loaderArgs(makeRequest(`/judge/nominations/${nominationId}`, { cookie, form }), params)));
  expect(saved.status).toBe(302);
  const submitted = await run(() => submitRoute.action(loaderArgs(makeRequest(`/judge/nominations/${nominationId}/submit`, { cookie, form: {} }), params)));
  expect(submitted.status).toBe(302);
}

/** A judged cycle with feedback on: three judges' comments on one adult entry and on one young nominee. */
async function judgedWithFeedback() {
  const cycle = await createJudgingCycle({ feedbackToNominees: true });
  const { category, criteria, panel } = await createJudgedCategory(cycle.id);
  const young = await createJudgedCategory(cycle.id, { nomineeUnder18: true, nomineeTypes: ["individual"] });
  const adult = await createNomination(category, { nomineeEmail: `adult-${cycle.year}@nominee.example`, nomineeKnows: true, confirmedAt: new Date() });
  const child = await createNomination(young.category, {
    nomineeType: "individual",
    nomineeIsUnder18: true,
    nomineeEmail: `child-${cycle.year}@nominee.example`,
    nomineeKnows: true,
    guardianName: "Gwen Guardian",
    guardianEmail: `guardian-${cycle.year}@family.example`,
    guardianConsent: true,
    confirmedAt: new Date(),
  });
  const judges = [];
  for (const name of JUDGE_NAMES) {
    const judge = await createJudge({ name });
    await addToPanel(panel.id, judge.id);
    await addToPanel(young.panel.id, judge.id);
    await assign(adult.id, judge.id);
    await assign(child.id, judge.id);
    judges.push(judge);
  }
  // The screen told the first two that comments may be shared; the first lets it be, the second keeps it private.
  await judgeSaves(adult.id, judges[0], criteria, SHARED, false);
  await judgeSaves(adult.id, judges[1], criteria, PRIVATE, true);
  await judgeSaves(child.id, judges[0], young.criteria, `${SHARED} (young)`, false);
  // The third wrote while the cycle shared nothing: never shared, even once sharing is on.
  await db.update(schema.cycles).set({ feedbackToNominees: false }).where(eq(schema.cycles.id, cycle.id));
  await judgeSaves(adult.id, judges[2], criteria, UNANNOUNCED, false);
  await db.update(schema.cycles).set({ feedbackToNominees: true }).where(eq(schema.cycles.id, cycle.id));

  // Judging closes; the winners are decided and due out in an hour.
  const now = Date.now();
  await db
    .update(schema.cycles)
    .set({ phase: "winners_decided", judgingCloseAt: new Date(now - 10 * MINUTE), shortlistPublishAt: new Date(now + 30 * MINUTE), winnersPublishAt: new Date(now + 60 * MINUTE) })
    .where(eq(schema.cycles.id, cycle.id));
  await db.update(schema.nominations).set({ status: "winner" }).where(eq(schema.nominations.id, adult.id));
  await db.update(schema.nominations).set({ status: "not_shortlisted" }).where(eq(schema.nominations.id, child.id));
  const publishWinners = () =>
    db
      .update(schema.cycles)
      .set({ phase: "winners_published", shortlistPublishAt: new Date(Date.now() - 2 * MINUTE), winnersPublishAt: new Date(Date.now() - MINUTE) })
      .where(eq(schema.cycles.id, cycle.id));
  return { cycle, adult, child, judges, publishWinners };
}

async function outboxAbout(nominationId: number) {
  const all = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, "nomination-feedback"));
  return all.filter((e) => (e.meta as { nominationIds?: number[] }).nominationIds?.includes(nominationId));
}

async function auditSince(mark: number, action: string) {
  return db.select().from(schema.auditLog).where(and(gt(schema.auditLog.id, mark), eq(schema.auditLog.action, action)));
}

/** Every public route, asked anonymously (what ?_data= returns is the loader's answer): no comment in any. */
async function expectNoFeedbackInPublic(year: number, nominationId: number) {
  const params = { year: String(year), slug: "no-such", "*": "no/such/page", id: String(nominationId), nominationId: String(nominationId), fileId: "1" };
  expect(publicRoutes.length).toBeGreaterThan(15);
  for (const [file, mod] of publicRoutes) {
    if (!mod.loader) continue;
    for (const path of [`/winners/${year}`, `/winners/${year}?_data=routes%2Fwinners.%24year`]) {
      const answer = await run(() => mod.loader!(loaderArgs(makeRequest(path), params)));
      const text = body(answer.data);
      for (const marker of [SHARED.slice(0, 20), PRIVATE.slice(0, 20), UNANNOUNCED.slice(0, 20), EDITED, ...JUDGE_NAMES]) {
        expect(text, `${file} shows ${marker}`).not.toContain(marker);
      }
    }
  }
}

describe("feedback to nominees", () => {
  test("the cycle page turns feedback on, audited; once feedback is out it cannot be turned off", async () => {
    const admin = await createPerson({ isAdmin: true, name: "Feedback Admin" });
    const cookie = await cookieFor(admin.id);
    const cycle = await createJudgingCycle();
    const path = `/admin/cycles/${cycle.year}`;
    const params = { year: String(cycle.year) };
    const form = { name: cycle.name, retentionDays: "365", rankingMethod: "calibrated", minScoresPerJudge: "3" };
    const mark = await auditMark();
    const on = await run(() => cycleRoute.action(loaderArgs(makeRequest(path, { cookie, form: { ...form, feedbackToNominees: "on" } }), params)));
    expect(on.status).toBe(302);
    const [entry] = (await auditSince(mark, "cycle.updated")).filter((e) => e.entityId === String(cycle.id));
    expect(entry).toMatchObject({ before: { feedbackToNominees: false }, after: { feedbackToNominees: true } });
    const page = await run<{ cycle: { feedbackToNominees: boolean } }>(() => cycleRoute.loader(loaderArgs(makeRequest(path, { cookie }), params)));
    expect(page.data.cycle.feedbackToNominees).toBe(true);

    // One nomination's feedback has gone out: the page refuses to turn it off, beside the box.
    const { category } = await createJudgedCategory(cycle.id);
    const nomination = await createNomination(category);
    await db.insert(schema.feedbackReleases).values({ nominationId: nomination.id, comments: ["Kind words"] });
    const off = await run<{ result: { error: Record<string, string[]> } }>(() =>
      cycleRoute.action(loaderArgs(makeRequest(path, { cookie, form: { ...form, name: "Renamed" } }), params)),
    );
    expect(off.status).toBe(400);
    expect(off.data.result.error.feedbackToNominees[0]).toMatch(/already been released for 1 nomination/);
    const [stored] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
    expect(stored).toMatchObject({ feedbackToNominees: true, name: cycle.name });
  });

  test("a judge's choice is stored: shared, private, or private because the screen never offered sharing", async () => {
    const { adult, judges } = await judgedWithFeedback();
    expect((await scoreRow(adult.id, judges[0].id))?.commentPrivate).toBe(false);
    expect((await scoreRow(adult.id, judges[1].id))?.commentPrivate).toBe(true);
    expect((await scoreRow(adult.id, judges[2].id))?.commentPrivate).toBe(true);
  });

  test("nothing is visible or released before the winners' publication, on any route", async () => {
    const { cycle, adult } = await judgedWithFeedback();
    const admin = await createPerson({ isAdmin: true, name: "Feedback Admin" });
    const cookie = await cookieFor(admin.id);
    const mark = await auditMark();

    expect(await listFeedback(cycle.id)).toMatchObject({ ok: false, status: 409 });
    expect(await getFeedbackForReview(adult.id)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/once the winners are published/) });
    const refused = await releaseFeedback({ id: admin.id, name: admin.name }, adult.id, []);
    expect(refused).toMatchObject({ ok: false, status: 409 });

    const params = { id: String(adult.id) };
    const page = await run(() => feedbackRoute.loader(loaderArgs(makeRequest(`/admin/feedback/${adult.id}?_data=routes%2Fadmin.feedback.%24id`, { cookie }), params)));
    expect(page.status).toBe(409);
    expect(body(page.data)).toMatch(/once the winners are published/);
    expect(body(page.data)).not.toContain("Shared-comment");
    const release = await run(() =>
      feedbackRoute.action(loaderArgs(makeRequest(`/admin/feedback/${adult.id}`, { cookie, form: { intent: "release" } }), params)),
    );
    expect(release.status).toBe(409);
    const list = await run(() => feedbackList.loader(loaderArgs(makeRequest(`/admin/feedback?year=${cycle.year}`, { cookie }))));
    expect(list.data).toMatchObject({ entries: [], refusal: expect.stringMatching(/once the winners are published/) });

    expect(await outboxAbout(adult.id)).toEqual([]);
    expect(await db.select().from(schema.feedbackReleases).where(eq(schema.feedbackReleases.nominationId, adult.id))).toEqual([]);
    expect(await auditSince(mark, "feedback.released")).toEqual([]);
    await expectNoFeedbackInPublic(cycle.year, adult.id);
  });

  test("after publication an admin edits and releases once: one email each, no private comment, no judge's name", async () => {
    const { cycle, adult, publishWinners } = await judgedWithFeedback();
    await publishWinners();
    const admin = await createPerson({ isAdmin: true, name: "Feedback Admin" });
    const cookie = await cookieFor(admin.id);
    const params = { id: String(adult.id) };
    const mark = await auditMark();

    // The review: only the shared comment, and no judge's name anywhere in the page data.
    const page = await run<{ comments: Array<{ scoreId: number; text: string }> }>(() =>
      feedbackRoute.loader(loaderArgs(makeRequest(`/admin/feedback/${adult.id}?_data=routes%2Fadmin.feedback.%24id`, { cookie }), params)),
    );
    expect(page.status).toBe(200);
    expect(page.data.comments.map((c) => c.text)).toEqual([SHARED]);
    for (const hidden of [PRIVATE, UNANNOUNCED, ...JUDGE_NAMES]) expect(body(page.data)).not.toContain(hidden);
    const scoreId = page.data.comments[0].scoreId;

    // An empty kept comment is refused next to its field; nothing is saved.
    const empty = await run(() =>
      feedbackRoute.action(loaderArgs(makeRequest(`/admin/feedback/${adult.id}`, { cookie, form: { intent: "save", [`text-${scoreId}`]: "  " } }), params)),
    );
    expect(empty.status).toBe(400);
    expect(await db.select().from(schema.feedbackComments).where(eq(schema.feedbackComments.scoreId, scoreId))).toEqual([]);

    // The admin edits and saves: audited, nothing sent.
    const saved = await run(() =>
      feedbackRoute.action(loaderArgs(makeRequest(`/admin/feedback/${adult.id}`, { cookie, form: { intent: "save", [`text-${scoreId}`]: EDITED } }), params)),
    );
    expect(saved.status).toBe(302);
    expect(await auditSince(mark, "feedback.edited")).toHaveLength(1);
    expect(await outboxAbout(adult.id)).toEqual([]);

    // Released: one email to the nominator and one to the nominee, in the release's transaction.
    const released = await run(() =>
      feedbackRoute.action(loaderArgs(makeRequest(`/admin/feedback/${adult.id}`, { cookie, form: { intent: "release", [`text-${scoreId}`]: EDITED } }), params)),
    );
    expect(released.status).toBe(302);
    expect(released.headers.get("Location")).toBe(`/admin/feedback/${adult.id}?notice=feedback-released`);
    const mail = await outboxAbout(adult.id);
    expect(mail.map((m) => m.to).sort()).toEqual([adult.nominatorEmail, adult.nomineeEmail].sort());
    for (const m of mail) {
      expect(m.text).toContain(EDITED);
      for (const hidden of [SHARED, PRIVATE, UNANNOUNCED, ...JUDGE_NAMES]) {
        expect(m.html).not.toContain(hidden);
        expect(m.text).not.toContain(hidden);
      }
      expect(m.meta).toMatchObject({ language: "en" });
    }
    const [release] = await db.select().from(schema.feedbackReleases).where(eq(schema.feedbackReleases.nominationId, adult.id));
    expect(release.comments).toEqual([EDITED]);
    expect(release.releasedBy).toBe(admin.id);
    const audits = await auditSince(mark, "feedback.released");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.id, entityId: String(adult.id), after: { comments: 1, emails: 2 } });

    // Twice (another tab, a double click, the model called again): nothing more is sent or audited.
    const again = await run(() =>
      feedbackRoute.action(loaderArgs(makeRequest(`/admin/feedback/${adult.id}`, { cookie, form: { intent: "release", [`text-${scoreId}`]: "Something else" } }), params)),
    );
    expect(again.headers.get("Location")).toBe(`/admin/feedback/${adult.id}?notice=feedback-already-released`);
    expect(await releaseFeedback({ id: admin.id, name: admin.name }, adult.id, [])).toEqual({ ok: true, sent: 0, alreadyReleased: true });
    expect(await outboxAbout(adult.id)).toHaveLength(2);
    expect(await auditSince(mark, "feedback.released")).toHaveLength(1);
    const [after] = await db.select().from(schema.feedbackReleases).where(eq(schema.feedbackReleases.nominationId, adult.id));
    expect(after.comments).toEqual([EDITED]);

    // Released feedback is never on a public page either.
    await expectNoFeedbackInPublic(cycle.year, adult.id);

    // Once released, the cycle's setting cannot be turned off; the refusal writes nothing.
    const settings = { ...cycle, name: cycle.name, feedbackToNominees: false, rankingMethod: cycle.rankingMethod };
    const off = await updateCycleSettings(cycle.id, settings, { id: admin.id, name: admin.name });
    expect(off).toMatchObject({ ok: false, problems: { feedbackToNominees: expect.stringMatching(/already been released for 1 nomination/) } });
    const [stored] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
    expect(stored.feedbackToNominees).toBe(true);

    // Erasing the nominee erases the edited and released text too, and sends nothing again.
    await erasePerson(adult.nomineeEmail!, { id: admin.id, name: admin.name });
    expect(await db.select().from(schema.feedbackComments).where(eq(schema.feedbackComments.nominationId, adult.id))).toEqual([]);
    const [erased] = await db.select().from(schema.feedbackReleases).where(eq(schema.feedbackReleases.nominationId, adult.id));
    expect(erased.comments).toEqual([]);
    expect(await releaseFeedback({ id: admin.id, name: admin.name }, adult.id, [])).toMatchObject({ ok: false, status: 404 });
  });

  test("a young nominee's parent or guardian hears instead of the child; all left out means nothing to release", async () => {
    const { adult, child, publishWinners } = await judgedWithFeedback();
    await publishWinners();
    const actor = { id: null, name: "test" };

    const review = await getFeedbackForReview(child.id);
    if (!review.ok) throw new Error(review.message);
    expect(review.recipients).toEqual(["nominator", "guardian"]);
    expect(await releaseFeedback(actor, child.id, [])).toEqual({ ok: true, sent: 2 });
    const mail = await outboxAbout(child.id);
    expect(mail.map((m) => m.to).sort()).toEqual([child.guardianEmail, child.nominatorEmail].sort());
    expect(mail.find((m) => m.to === child.guardianEmail)?.text).toContain("your child");

    // Every shared comment left out: refused, and the refusal leaves no release and no edit behind.
    const adultReview = await getFeedbackForReview(adult.id);
    if (!adultReview.ok) throw new Error(adultReview.message);
    const excluded = adultReview.comments.map((c) => ({ scoreId: c.scoreId, text: c.text, excluded: true }));
    expect(await releaseFeedback(actor, adult.id, excluded)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/no comment to release/) });
    expect(await db.select().from(schema.feedbackReleases).where(eq(schema.feedbackReleases.nominationId, adult.id))).toEqual([]);
    expect(await db.select().from(schema.feedbackComments).where(eq(schema.feedbackComments.nominationId, adult.id))).toEqual([]);
    expect(await outboxAbout(adult.id)).toEqual([]);
  });

  test("a Welsh nomination's feedback goes out in Welsh, the judges' English comments marked as English", async () => {
    const { child, publishWinners } = await judgedWithFeedback();
    await db.update(schema.nominations).set({ language: "cy" }).where(eq(schema.nominations.id, child.id));
    await db.update(schema.categories).set({ nameCy: "Hyrwyddwr Ifanc" }).where(eq(schema.categories.id, child.categoryId));
    await publishWinners();
    expect(await releaseFeedback({ id: null, name: "test" }, child.id, [])).toEqual({ ok: true, sent: 2 });
    const guardian = (await outboxAbout(child.id)).find((m) => m.to === child.guardianEmail)!;
    expect(guardian.subject).toMatch(/^Beth ddywedodd y beirniaid: Hyrwyddwr Ifanc, Gwobrau Nawdd Cymunedol \d{4}$/);
    expect(guardian.text).toContain("eich plentyn, ar gyfer Hyrwyddwr Ifanc");
    expect(guardian.text).not.toContain("What the judges said");
    expect(guardian.html).toMatch(/<p[^>]*lang="en-GB"[^>]*>[^<]*\(young\)/);
  });

  test("two releases at the same moment send one email each, once", async () => {
    const { child, publishWinners } = await judgedWithFeedback();
    await publishWinners();
    const actor = { id: null, name: "test" };
    const outcomes = await Promise.all([releaseFeedback(actor, child.id, []), releaseFeedback(actor, child.id, [])]);
    expect(outcomes.map((o) => (o.ok ? o.sent : -1)).sort()).toEqual([0, 2]);
    expect(await outboxAbout(child.id)).toHaveLength(2);
  });

  test("a cycle that does not share feedback refuses it even after publication", async () => {
    const { cycle, adult, publishWinners } = await judgedWithFeedback();
    await publishWinners();
    await db.update(schema.cycles).set({ feedbackToNominees: false }).where(eq(schema.cycles.id, cycle.id));
    expect(await releaseFeedback({ id: null, name: "test" }, adult.id, [])).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/not turned on/) });
    expect(await outboxAbout(adult.id)).toEqual([]);
  });
});
