/**
 * The defects of issue 11 (and the phase defects of issue 12), one test each: every one of
 * them failed on the main branch before the rule moved to where the data is written.
 */
import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { createCycleFromPrevious, updateCycleSettings } from "~/models/cycle-setup.server";
import { getCurrentCycle } from "~/models/cycle.server";
import { getNominationForJudge, listDeclarable } from "~/models/judging.server";
import { decideEligibility, mergeNominations } from "~/models/nomination-review.server";
import { addPanelMember } from "~/models/people-admin.server";
import { getCategoryResults } from "~/models/results-leaderboard.server";
import { decideShortlist } from "~/models/results-decisions.server";
import { publicationJobs, schedulePublication } from "~/models/results-publication.server";
import { loader as loginLoader } from "~/routes/login";
import { loader as chairLoader } from "~/routes/judge.results.$categoryId";
import { loader as fileLoader } from "~/routes/nominate.$slug.files_.$fileId";
import { db, schema } from "~/utils/db.server";
import { runDueJobs } from "~/utils/jobs.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { addToPanel, assign, createJudge, createJudgedCategory, createJudgingCycle, createNomination, giveScores } from "../support/judging";

const admin = { id: null, name: "test admin" };
const DAY = 86_400_000;
const values = (criteria: Array<{ id: number }>, v: number) => Object.fromEntries(criteria.map((c) => [String(c.id), v]));

test("a duplicate merged in during judging, from a judge's organisation, hides the entry from that judge at once", async () => {
  const cycle = await createJudgingCycle();
  const { category, panel } = await createJudgedCategory(cycle.id);
  const judge = await createJudge({ organisations: ["Calder Valley Welcome"] });
  await addToPanel(panel.id, judge.id);
  const primary = await createNomination(category);
  const duplicate = await createNomination(category, { status: "submitted", nominatorOrganisation: "Calder Valley Welcome" });
  await assign(primary.id, judge.id);
  expect(await getNominationForJudge(judge.id, primary.id)).not.toBeNull();

  expect(await mergeNominations(primary.id, [duplicate.id], admin)).toEqual({ ok: true });
  expect(await getNominationForJudge(judge.id, primary.id)).toBeNull();
  const [suspicion] = await db.select().from(schema.conflicts).where(eq(schema.conflicts.personId, judge.id));
  expect(suspicion).toMatchObject({ nominationId: primary.id, status: "suspected" });
});

test("a nomination marked eligible during judging never reaches the declaration list of a judge from its organisation", async () => {
  const cycle = await createJudgingCycle();
  const { category, panel } = await createJudgedCategory(cycle.id);
  const judge = await createJudge({ organisations: ["Hebden Bridge Sanctuary"] });
  await addToPanel(panel.id, judge.id);
  const late = await createNomination(category, { status: "submitted", nomineeOrganisation: "Hebden Bridge Sanctuary" });
  await decideEligibility([late.id], "eligible", "", admin);
  expect((await listDeclarable(judge.id, category.id)).map((n) => n.id)).not.toContain(late.id);
});

test("a judge whose organisation is the nominated group itself is suspected", async () => {
  const cycle = await createJudgingCycle();
  const { category, panel } = await createJudgedCategory(cycle.id);
  const nomination = await createNomination(category, { nomineeType: "group", nomineeName: "Kendal Welcome Circle", nomineeOrganisation: null });
  const judge = await createJudge({ organisations: ["Kendal Welcome Circle"] });
  await addPanelMember(panel.id, judge.id, admin);
  const found = await db.select().from(schema.conflicts).where(eq(schema.conflicts.personId, judge.id));
  expect(found.map((c) => [c.nominationId, c.status])).toEqual([[nomination.id, "suspected"]]);
});

test("a chair who only saved a draft sees no figure for that nomination after the round closes", async () => {
  const cycle = await createJudgingCycle({ judgingCloseAt: new Date(Date.now() - DAY) });
  const { category, panel, criteria } = await createJudgedCategory(cycle.id);
  const chair = await createJudge();
  const other = await createJudge();
  await addToPanel(panel.id, chair.id, { isChair: true });
  await addToPanel(panel.id, other.id);
  const nomination = await createNomination(category);
  await assign(nomination.id, chair.id);
  await assign(nomination.id, other.id);
  await giveScores(nomination.id, other.id, values(criteria, 5));
  await giveScores(nomination.id, chair.id, values(criteria, 2), { submitted: false });

  const page = await run<{ rows: Array<{ nominationId: number; count: number; mean: number | null; hidden: boolean }> }>(async () =>
    chairLoader(loaderArgs(makeRequest(`/judge/results/${category.id}`, { cookie: await cookieFor(chair.id) }), { categoryId: String(category.id) })),
  );
  expect(page.status).toBe(200);
  const row = page.data.rows.find((r) => r.nominationId === nomination.id)!;
  expect(row).toMatchObject({ hidden: true, count: 0, mean: null });
});

test("the cycle settings page cannot set publication times while shortlists are undecided", async () => {
  const cycle = await createJudgingCycle();
  const { category } = await createJudgedCategory(cycle.id);
  await createNomination(category);
  const soon = new Date(Date.now() + DAY);
  const outcome = await updateCycleSettings(
    cycle.id,
    {
      name: cycle.name,
      retentionDays: 365,
      blindJudging: cycle.blindJudging,
      rankingMethod: cycle.rankingMethod,
      minScoresPerJudge: cycle.minScoresPerJudge,
      nominationsOpenAt: cycle.nominationsOpenAt,
      nominationsCloseAt: cycle.nominationsCloseAt,
      judgingCloseAt: cycle.judgingCloseAt,
      shortlistPublishAt: soon,
      winnersPublishAt: new Date(soon.getTime() + DAY),
    },
    admin,
  );
  expect(outcome.ok).toBe(false);
  const [after] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
  expect(after.shortlistPublishAt).toBeNull();
  expect(after.winnersPublishAt).toBeNull();
});

test("a suspected judge's earlier scores are held back from the results, and counted as held", async () => {
  const cycle = await createJudgingCycle();
  const { category, panel, criteria } = await createJudgedCategory(cycle.id);
  const judge = await createJudge();
  const fair = await createJudge();
  await addToPanel(panel.id, judge.id);
  await addToPanel(panel.id, fair.id);
  const nomination = await createNomination(category);
  await giveScores(nomination.id, judge.id, values(criteria, 5));
  await giveScores(nomination.id, fair.id, values(criteria, 1));
  await db.insert(schema.conflicts).values({ personId: judge.id, nominationId: nomination.id, status: "suspected", source: "detected", rule: "organisation" });
  const results = (await getCategoryResults(category.id))!;
  const row = results.board.rows.find((r) => r.nominationId === nomination.id)!;
  expect(row.count).toBe(1);
  expect(row.mean).toBe(1);
  expect(results.held).toBe(1);
});

test("a signed-in user is never sent to another site, and a newline in the target is no 500", async () => {
  const person = await createPerson({ isJudge: true });
  const cookie = await cookieFor(person.id);
  for (const target of ["/%09/evil.example", "/%0A/evil.example", "/%0D%0ASet-Cookie:x=1", "/%5Cevil.example"]) {
    const answer = await run(() => loginLoader(loaderArgs(makeRequest(`/login?redirectTo=${target}`, { cookie }))));
    expect(answer.status, target).toBe(302);
    expect(answer.headers.get("Location"), target).toBe("/judge");
  }
});

test("the nominator file route answers the same for someone else's file and a missing one", async () => {
  const cycle = await createJudgingCycle({ phase: "nominations_open", nominationsCloseAt: new Date(Date.now() + DAY) });
  const { category } = await createJudgedCategory(cycle.id);
  const nomination = await createNomination(category);
  const [file] = await db
    .insert(schema.nominationFiles)
    .values({ nominationId: nomination.id, filename: "a.pdf", mediaType: "application/pdf", size: 4, sha256: "x", content: new Uint8Array([1, 2, 3, 4]) })
    .returning();
  const ask = (slug: string, fileId: number) =>
    run(() => fileLoader(loaderArgs(makeRequest(`/nominate/${slug}/files/${fileId}`), { slug, fileId: String(fileId) })));
  for (const slug of [category.slug, "no-such-category"]) {
    const existing = await ask(slug, file.id);
    const missing = await ask(slug, file.id + 100_000);
    expect(existing.status, slug).toBe(404);
    expect([existing.status, existing.data]).toEqual([missing.status, missing.data]);
  }
});

test("during judging with no shortlist, past publication times publish nothing and move no phase", async () => {
  const cycle = await createJudgingCycle();
  const { category } = await createJudgedCategory(cycle.id);
  await createNomination(category);
  const past = new Date(Date.now() - 60_000);
  const outcome = await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: past, winnersPublishAt: past, actor: admin });
  expect(outcome.ok).toBe(false);
  await runDueJobs(publicationJobs);
  const [after] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
  expect(after.phase).toBe("judging");
  expect(after.winnersPublishAt).toBeNull();
});

test("the shortlist waits for judging to close, and winners for the shortlist", async () => {
  const cycle = await createJudgingCycle({ phase: "nominations_open", nominationsCloseAt: new Date(Date.now() + DAY) });
  const { category } = await createJudgedCategory(cycle.id);
  const nomination = await createNomination(category);
  const outcome = await decideShortlist({ categoryId: category.id, chosen: [nomination.id], reason: "Early", actor: admin });
  expect(outcome).toMatchObject({ ok: false, message: "The shortlist is decided once judging has closed" });
  const [after] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, nomination.id));
  expect(after.status).toBe("eligible");
});

test("creating a draft cycle during nominations changes nothing on the public side", async () => {
  // Above every other test cycle, so this is the latest public one.
  const year = 9000 + 2 * Math.floor(Math.random() * 400);
  const [open] = await db
    .insert(schema.cycles)
    .values({ year, name: `Open ${year}`, phase: "nominations_open", nominationsOpenAt: new Date(Date.now() - DAY), nominationsCloseAt: new Date(Date.now() + 30 * DAY) })
    .returning();
  const { category } = await createJudgedCategory(open.id, { slug: "group-of-the-year" });
  expect((await getCurrentCycle())?.id).toBe(open.id);

  await createCycleFromPrevious({ sourceYear: year, year: year + 1, name: `Next ${year + 1}`, copyPanelMembers: false }, admin);
  expect((await getCurrentCycle())?.id).toBe(open.id);
  const [copied] = await db.select().from(schema.categories).where(and(eq(schema.categories.slug, category.slug), eq(schema.categories.cycleId, open.id)));
  expect(copied.id).toBe(category.id);
});
