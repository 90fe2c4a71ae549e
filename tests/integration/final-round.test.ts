/**
 * The optional final round: started by an admin once the shortlist is published, it
 * re-scores the shortlist with the same assignment and scoring machinery, on sheets of
 * its own (round "final"), and the winners are decided from its leaderboard.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { PHASES } from "#db/schema";
import { currentRound } from "~/domain/judging";
import { applyConflictConsequences, runAssignments } from "~/models/assignments.server";
import { startFinalRound } from "~/models/final-round.server";
import { currentRoundOf } from "~/models/judge-visibility.server";
import { judgingProgress, sendDueJudgingReminders } from "~/models/reminders.server";
import { getCategoryResults } from "~/models/results-leaderboard.server";
import { recordAwards } from "~/models/results-decisions.server";
import { schedulePublication } from "~/models/results-publication.server";
import { runScheduledWork } from "~/server/background";
import { action as cycleAction } from "~/routes/admin.cycles.$year";
import { action as phaseAction } from "~/routes/admin.cycles.$year_.phase";
import * as assignmentsRoute from "~/routes/admin.judging.assignments";
import * as categoryResultsRoute from "~/routes/admin.results.$categoryId";
import * as resultsExportRoute from "~/routes/admin.results.$categoryId_.export";
import * as resultsIndexRoute from "~/routes/admin.results._index";
import * as finalRoundRoute from "~/routes/admin.results.final-round";
import * as exportRoute from "~/routes/judge.export[.]csv";
import * as homeRoute from "~/routes/judge._index";
import * as nominationRoute from "~/routes/judge.nominations.$nominationId";
import * as submitRoute from "~/routes/judge.nominations.$nominationId_.submit";
import * as chairResultsRoute from "~/routes/judge.results.$categoryId";
import { db, schema } from "~/utils/db.server";
import { auditEntries, databaseFingerprint, withAuditFailing } from "../support/admin";
import { assignmentsOf, createShortlistedWorld, cycleRow, sheet, sheetsOf } from "../support/final-round";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { assign, createJudgedCategory, createJudgingCycle, createNomination, giveScores, outboxTo } from "../support/judging";

const DAY = 24 * 60 * 60 * 1000;
const ADMIN_ACTOR = { id: null, name: "test" };

async function asAdmin() {
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  return { admin, cookie: await cookieFor(admin.id) };
}

const finalRoundPage = (year: number, cookie: string, query = "") =>
  run<{ problem: string | null; intent: string }>(() =>
    finalRoundRoute.loader(loaderArgs(makeRequest(`/admin/results/final-round?year=${year}${query}`, { cookie }))),
  );
const finalRoundMove = (year: number, cookie: string, form: Record<string, string>) =>
  run<{ error: string }>(() => finalRoundRoute.action(loaderArgs(makeRequest(`/admin/results/final-round?year=${year}`, { cookie, form }))));

function judgePage(id: number, cookie: string) {
  return run<{ round: string; sheet: unknown; mayScore: boolean; nomination: { nomineeName: string } }>(() =>
    nominationRoute.loader(loaderArgs(makeRequest(`/judge/nominations/${id}`, { cookie }), { nominationId: String(id) })),
  );
}
function scoreForm(id: number, cookie: string, form: Record<string, string>) {
  return run<{ result: { error: Record<string, string[]> } }>(() =>
    nominationRoute.action(loaderArgs(makeRequest(`/judge/nominations/${id}`, { cookie, form }), { nominationId: String(id) })),
  );
}
const allOf = (criteria: { id: number }[], value: number) => Object.fromEntries(criteria.map((c) => [`criterion-${c.id}`, String(value)]));

describe("starting the final round", () => {
  test("needs every category's shortlist and a confirmation; is audited in its transaction; then the phase is final_round", async () => {
    const { cookie } = await asAdmin();
    const world = await createShortlistedWorld();
    const { cycle } = world;
    // A second category whose shortlist was never decided.
    const other = await createJudgedCategory(cycle.id, { name: "Volunteer of the Year" });
    const undecided = await createNomination(other.category, { status: "not_shortlisted" });

    const blocked = await finalRoundPage(cycle.year, cookie, "&do=start");
    expect(blocked.data.problem).toBe("Decide the shortlist first in: Volunteer of the Year.");
    const refused = await finalRoundMove(cycle.year, cookie, { intent: "start", confirm: "yes" });
    expect(refused.status).toBe(409);
    expect(refused.data.error).toMatch(/Decide the shortlist first/);
    // The phase page goes through the same rule.
    const viaPhasePage = await run(() =>
      phaseAction(loaderArgs(makeRequest(`/admin/cycles/${cycle.year}/phase`, { cookie, form: { to: "final_round", confirm: "yes" } }), { year: String(cycle.year) })),
    );
    expect(viaPhasePage.status).toBe(409);
    expect((await cycleRow(cycle.id)).phase).toBe("shortlist_published");

    await db.update(schema.nominations).set({ status: "shortlisted" }).where(eq(schema.nominations.id, undecided.id));
    expect((await finalRoundPage(cycle.year, cookie, "&do=start")).data.problem).toBeNull();
    expect((await finalRoundMove(cycle.year, cookie, { intent: "start" })).status).toBe(400);

    const before = await databaseFingerprint();
    await expect(withAuditFailing(() => finalRoundRoute.action(loaderArgs(makeRequest(`/admin/results/final-round?year=${cycle.year}`, { cookie, form: { intent: "start", confirm: "yes" } }))))).rejects.toThrow();
    expect(await databaseFingerprint()).toEqual(before);

    const started = await finalRoundMove(cycle.year, cookie, { intent: "start", confirm: "yes" });
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe(`/admin/results?year=${cycle.year}&notice=final-round-started`);
    const after = await cycleRow(cycle.id);
    expect(after.phase).toBe("final_round");
    expect(after.finalRoundStartedAt).not.toBeNull();
    const [entry] = await auditEntries("final_round.started");
    expect(entry).toMatchObject({ entityType: "cycle", entityId: String(cycle.id), before: { phase: "shortlist_published" }, after: { phase: "final_round", shortlisted: 3 } });

    const again = await finalRoundMove(cycle.year, cookie, { intent: "start", confirm: "yes" });
    expect(again.status).toBe(409);
    expect(again.data.error).toMatch(/already started/);
    // Nothing of the main round changed.
    expect(await assignmentsOf(world.category.id, "main")).toHaveLength(9);
    expect(await assignmentsOf(world.category.id, "final")).toHaveLength(0);
  });

  test("a shortlist publication that runs late does not end a final round under way", async () => {
    const { cycle } = await createShortlistedWorld({ shortlistPublishAt: null });
    await startFinalRound(cycle.id, ADMIN_ACTOR);
    await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: new Date(Date.now() - 1000), winnersPublishAt: null, actor: ADMIN_ACTOR });
    expect((await runScheduledWork()).done).toContain(`publish_shortlist:cycle:${cycle.id}`);
    expect((await cycleRow(cycle.id)).phase).toBe("final_round");
  });

  test("the results page offers it only once the shortlist is published", async () => {
    const { cookie } = await asAdmin();
    const { cycle } = await createShortlistedWorld({ phase: "judging", shortlistPublishAt: null });
    const page = () =>
      run<{ finalRound: { state: string } }>(() => resultsIndexRoute.loader(loaderArgs(makeRequest(`/admin/results?year=${cycle.year}`, { cookie }))));
    expect((await page()).data.finalRound.state).toBe("later");
    await db.update(schema.cycles).set({ phase: "shortlist_published" }).where(eq(schema.cycles.id, cycle.id));
    expect((await page()).data.finalRound.state).toBe("available");
    await startFinalRound(cycle.id, ADMIN_ACTOR);
    expect((await page()).data.finalRound.state).toBe("open");
  });
});

describe("final-round assignments", () => {
  test("only shortlisted nominations, with round final, k judges each, conflicts kept out, loads balanced; the main round's stay", async () => {
    const { cookie } = await asAdmin();
    const { cycle, category, criteria, judges, alder, birch, cedar } = await createShortlistedWorld({}, { judges: 3, k: 2 });
    // Conflicts carry over unchanged: the one filter still applies.
    await db.insert(schema.conflicts).values({ personId: judges[0].id, nominationId: birch.id, status: "confirmed", source: "admin" });
    expect((await startFinalRound(cycle.id, ADMIN_ACTOR)).ok).toBe(true);

    const path = `/admin/judging/assignments?year=${cycle.year}&category=${category.id}`;
    const board = await run<{ round: string; nominations: { id: number }[] }>(() => assignmentsRoute.loader(loaderArgs(makeRequest(path, { cookie }))));
    expect(board.data.round).toBe("final");
    expect(board.data.nominations.map((n) => n.id).sort()).toEqual([alder.id, birch.id].sort());

    const ran = await run<{ run: { added: number; shortfalls: unknown[] } }>(() =>
      assignmentsRoute.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "run" } }))),
    );
    expect(ran.data.run).toMatchObject({ added: 4, shortfalls: [] });
    const finals = await assignmentsOf(category.id, "final");
    expect(new Set(finals.map((a) => a.nominationId))).toEqual(new Set([alder.id, birch.id]));
    expect(finals.filter((a) => a.nominationId === alder.id)).toHaveLength(2);
    expect(finals.filter((a) => a.nominationId === birch.id)).toHaveLength(2);
    expect(finals).not.toContainEqual({ nominationId: birch.id, judgeId: judges[0].id });
    expect(finals.some((a) => a.nominationId === cedar.id)).toBe(false);
    const loads = judges.map((j) => finals.filter((a) => a.judgeId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(await assignmentsOf(category.id, "main")).toHaveLength(9);
    const [computed] = await auditEntries("assignments.computed");
    expect(computed.after).toMatchObject({ round: "final", k: 2 });

    // Each judge with new pairs is told, about the final round and its deadline.
    const mail = await outboxTo(judges[1].email);
    expect(mail.map((m) => m.template)).toEqual(["judging-assignments"]);
    expect(mail[0].text).toContain("final round");
    expect(mail[0].text).toMatch(/The final round closes on/);

    // By hand: a nomination not on the shortlist cannot join the final round.
    const byHand = await run<{ result: { error: Record<string, string[]> } }>(() =>
      assignmentsRoute.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "add", judgeId: String(judges[0].id), nominationId: String(cedar.id) } }))),
    );
    expect(byHand.status).toBe(400);
    expect(await assignmentsOf(category.id, "final")).toHaveLength(4);

    // Removing a final-round pair voids only its final-round sheet.
    const pair = finals.find((a) => a.nominationId === alder.id)!;
    await giveScores(alder.id, pair.judgeId, sheet(criteria, 1), { round: "final", submitted: false });
    await run(() => assignmentsRoute.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "remove", judgeId: String(pair.judgeId), nominationId: String(alder.id) } }))));
    const sheets = await sheetsOf(alder.id, pair.judgeId);
    expect(sheets.find((s) => s.round === "final")?.voidedAt).not.toBeNull();
    expect(sheets.find((s) => s.round === "main")?.voidedAt).toBeNull();
    expect(await assignmentsOf(category.id, "main")).toHaveLength(9);
  });
});

test("re-running the main round's assignments after the shortlist leaves its pairs standing", async () => {
  const { cycle, category, judges, alder } = await createShortlistedWorld();
  expect(await db.transaction((tx) => runAssignments(tx, category.id, ADMIN_ACTOR))).toMatchObject({ round: "main", dropped: [], added: [] });
  expect(await assignmentsOf(category.id, "main")).toHaveLength(9);
  // In the final round, a conflict confirmed then still reassigns only the final round.
  await startFinalRound(cycle.id, ADMIN_ACTOR);
  await db.transaction((tx) => runAssignments(tx, category.id, ADMIN_ACTOR));
  const finalPair = (await assignmentsOf(category.id, "final")).find((a) => a.nominationId === alder.id)!;
  await db.insert(schema.conflicts).values({ personId: finalPair.judgeId, nominationId: alder.id, status: "confirmed", source: "admin" });
  await db.transaction((tx) => applyConflictConsequences(tx, finalPair, ADMIN_ACTOR));
  const finals = await assignmentsOf(category.id, "final");
  expect(finals).not.toContainEqual(finalPair);
  expect(finals.filter((a) => a.nominationId === alder.id)).toHaveLength(2);
  // The conflicted judge's own main-round pair goes with the conflict; everyone else's stays.
  expect(await assignmentsOf(category.id, "main")).toHaveLength(8);
  expect(judges.map((j) => j.id)).toContain(finalPair.judgeId);
});

describe("scoring in the final round", () => {
  test("a judge scores the shortlist on a fresh sheet while their main-round sheet stays intact", async () => {
    const { cycle, criteria, judges, alder, cedar } = await createShortlistedWorld();
    await startFinalRound(cycle.id, ADMIN_ACTOR);
    const judge = judges[1];
    await assign(alder.id, judge.id, "final");
    const cookie = await cookieFor(judge.id);
    const [mainBefore] = (await sheetsOf(alder.id, judge.id)).filter((s) => s.round === "main");

    const home = await run<{ progress: string; nominations: { id: number; round: string }[]; panels: { round: string }[] }>(() =>
      homeRoute.loader(loaderArgs(makeRequest("/judge", { cookie }))),
    );
    expect(home.data.nominations.map((n) => [n.id, n.round])).toEqual([[alder.id, "final"]]);
    expect(home.data.progress).toBe("0 of 1 scored");
    expect(home.data.panels[0].round).toBe("final");

    const page = await judgePage(alder.id, cookie);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ round: "final", sheet: null, mayScore: true });
    // A main-round nomination left out of the final round is no longer the judge's to open.
    expect((await judgePage(cedar.id, cookie)).status).toBe(404);

    const saved = await scoreForm(alder.id, cookie, { ...allOf(criteria, 3), comment: "Second look", intent: "submit" });
    expect(saved.headers.get("Location")).toBe(`/judge/nominations/${alder.id}/submit`);
    const submitted = await run(() =>
      submitRoute.action(loaderArgs(makeRequest(`/judge/nominations/${alder.id}/submit`, { cookie, form: {} }), { nominationId: String(alder.id) })),
    );
    expect(submitted.status).toBe(302);

    const sheets = await sheetsOf(alder.id, judge.id);
    expect(sheets.map((s) => s.round).sort()).toEqual(["final", "main"]);
    const final = sheets.find((s) => s.round === "final")!;
    expect(final.values).toEqual(sheet(criteria, 3));
    expect(final.comment).toBe("Second look");
    expect(final.submittedAt).not.toBeNull();
    expect(sheets.find((s) => s.round === "main")).toEqual(mainBefore);
    const audits = await auditEntries("score.submitted");
    expect(audits.map((a) => a.entityId)).toEqual([`${alder.id}:${judge.id}:final`]);

    const after = await run<{ progress: string }>(() => homeRoute.loader(loaderArgs(makeRequest("/judge", { cookie }))));
    expect(after.data.progress).toBe("1 of 1 scored");
    const csv = await run<string>(() => exportRoute.loader(loaderArgs(makeRequest("/judge/export.csv", { cookie }))));
    expect(csv.data).toContain("Final round");
    expect(csv.data).toContain("Impact: 3; Commitment: 3");
    expect(csv.data).not.toContain("Impact: 5");
  });

  test("scores are refused after the final round's closing date, and the sheet is unchanged", async () => {
    const { cycle, criteria, judges, alder } = await createShortlistedWorld();
    await startFinalRound(cycle.id, ADMIN_ACTOR);
    const judge = judges[0];
    await assign(alder.id, judge.id, "final");
    const cookie = await cookieFor(judge.id);
    expect((await scoreForm(alder.id, cookie, { ...allOf(criteria, 2), intent: "save" })).status).toBe(302);
    const [draft] = (await sheetsOf(alder.id, judge.id)).filter((s) => s.round === "final");
    expect(draft.values).toEqual(sheet(criteria, 2));

    const closed = new Date(Date.now() - 1000);
    await db.update(schema.cycles).set({ finalRoundCloseAt: closed }).where(eq(schema.cycles.id, cycle.id));
    const refused = await scoreForm(alder.id, cookie, { ...allOf(criteria, 5), intent: "submit" });
    expect(refused.status).toBe(403);
    expect(refused.data.result.error[""][0]).toMatch(/^The final round closed on .*, so scores can no longer be changed\.$/);
    const page = await judgePage(alder.id, cookie);
    expect(page.data.mayScore).toBe(false);
    const sheets = await sheetsOf(alder.id, judge.id);
    expect(sheets.find((s) => s.round === "final")).toEqual(draft);
    expect(sheets.find((s) => s.round === "main")?.values).toEqual(sheet(criteria, 5));
  });
});

describe("the final leaderboard", () => {
  test("counts only final-round scores, and the main leaderboard only main-round scores", async () => {
    const { cookie } = await asAdmin();
    const { cycle, category, criteria, judges, alder, birch, cedar } = await createShortlistedWorld();
    await startFinalRound(cycle.id, ADMIN_ACTOR);
    // The final round reverses the main round's order: Birch 5, Alder 3.
    for (const judge of judges) {
      for (const [nomination, value] of [
        [alder, 3],
        [birch, 5],
      ] as const) {
        await assign(nomination.id, judge.id, "final");
        await giveScores(nomination.id, judge.id, sheet(criteria, value), { round: "final" });
      }
    }
    // A draft and a voided final-round sheet never count.
    const extra = await createPerson({ isJudge: true });
    await giveScores(alder.id, extra.id, sheet(criteria, 1), { round: "final", submitted: false });

    const final = (await getCategoryResults(category.id))!;
    expect(final.round).toBe("final");
    expect(final.entries.map((e) => e.id).sort()).toEqual([alder.id, birch.id].sort());
    expect(final.board.rows.map((r) => [r.nominationId, r.count, r.mean])).toEqual([
      [birch.id, 3, 5],
      [alder.id, 3, 3],
    ]);
    const main = (await getCategoryResults(category.id, { round: "main" }))!;
    expect(main.board.rows.map((r) => [r.nominationId, r.count, r.mean])).toEqual([
      [alder.id, 3, 5],
      [birch.id, 3, 4],
      [cedar.id, 3, 2],
    ]);

    const page = (query: string) =>
      run<{ round: string; rows: { nominationId: number }[]; firstPlaced: string[] }>(() =>
        categoryResultsRoute.loader(loaderArgs(makeRequest(`/admin/results/${category.id}${query}`, { cookie }), { categoryId: String(category.id) })),
      );
    const finalPage = await page("");
    expect(finalPage.data.round).toBe("final");
    expect(finalPage.data.rows.map((r) => r.nominationId)).toEqual([birch.id, alder.id]);
    expect(finalPage.data.firstPlaced).toEqual([`Birch Sponsors (${birch.nomineeOrganisation})`]);
    const mainPage = await page("?round=main");
    expect(mainPage.data.round).toBe("main");
    expect(mainPage.data.rows.map((r) => r.nominationId)).toEqual([alder.id, birch.id, cedar.id]);

    const index = await run<{ categories: { id: number; scores: number }[] }>(() =>
      resultsIndexRoute.loader(loaderArgs(makeRequest(`/admin/results?year=${cycle.year}`, { cookie }))),
    );
    expect(index.data.categories.find((c) => c.id === category.id)?.scores).toBe(6);

    const csv = await run<string>(() =>
      resultsExportRoute.loader(loaderArgs(makeRequest(`/admin/results/${category.id}/export`, { cookie }), { categoryId: String(category.id) })),
    );
    expect(csv.headers.get("Content-Disposition")).toContain("final-round");
    expect(csv.data).toContain("Birch Sponsors");
    expect(csv.data).not.toContain("Cedar Circle");
  });
});

describe("closing the final round", () => {
  test("the winners wait for it; a chair sees the final leaderboard only then; closing is confirmed and audited", async () => {
    const { cookie, admin } = await asAdmin();
    const { cycle, category, criteria, judges, alder, birch, panel } = await createShortlistedWorld({ finalRoundCloseAt: null });
    await startFinalRound(cycle.id, ADMIN_ACTOR);
    await assign(birch.id, judges[1].id, "final");
    await giveScores(birch.id, judges[1].id, sheet(criteria, 5), { round: "final" });
    const choices = [
      { nominationId: birch.id, award: "winner" as const, citation: "For a second look that held." },
      { nominationId: alder.id, award: "none" as const, citation: "" },
    ];
    const early = await recordAwards({ categoryId: category.id, choices, actor: { id: admin.id, name: admin.name } });
    expect(early).toMatchObject({ ok: false, form: expect.stringMatching(/final round is still open/) });

    // A chair (not assigned in the final round) waits for the round to close.
    const chair = judges[0];
    await db
      .update(schema.panelMembers)
      .set({ isChair: true })
      .where(and(eq(schema.panelMembers.panelId, panel.id), eq(schema.panelMembers.personId, chair.id)));
    const chairCookie = await cookieFor(chair.id);
    const chairPage = () =>
      run<{ round: string; rows: { nominationId: number; count: number }[] }>(() =>
        chairResultsRoute.loader(loaderArgs(makeRequest(`/judge/results/${category.id}`, { cookie: chairCookie }), { categoryId: String(category.id) })),
      );
    expect((await chairPage()).status).toBe(403);

    expect((await finalRoundPage(cycle.year, cookie, "&do=close")).data).toMatchObject({ intent: "close", problem: null });
    const closed = await finalRoundMove(cycle.year, cookie, { intent: "close", confirm: "yes" });
    expect(closed.status).toBe(302);
    expect(closed.headers.get("Location")).toBe(`/admin/results?year=${cycle.year}&notice=final-round-closed`);
    expect((await cycleRow(cycle.id)).phase).toBe("winners_decided");
    const [entry] = await auditEntries("final_round.closed");
    expect(entry.after).toMatchObject({ phase: "winners_decided", beforeDeadline: true });
    expect((await finalRoundMove(cycle.year, cookie, { intent: "close", confirm: "yes" })).status).toBe(409);

    const chairView = await chairPage();
    expect(chairView.status).toBe(200);
    expect(chairView.data.round).toBe("Final round");
    expect(chairView.data.rows.map((r) => [r.nominationId, r.count])).toEqual([
      [birch.id, 1],
      [alder.id, 0],
    ]);

    expect(await recordAwards({ categoryId: category.id, choices, actor: { id: admin.id, name: admin.name } })).toEqual({ ok: true });
    const [winner] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, birch.id));
    expect(winner.status).toBe("winner");
  });
});

describe("the final round's settings and reminders", () => {
  test("its closing date is edited with the other dates, in order, and audited", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createJudgingCycle({ phase: "judging" });
    const path = `/admin/cycles/${cycle.year}`;
    const params = { year: String(cycle.year) };
    const form = {
      name: "Awards",
      nominationsOpenAt: "2026-03-01T09:00",
      nominationsCloseAt: "2026-06-01T17:00",
      judgingCloseAt: "2026-08-01T17:00",
      shortlistPublishAt: "2026-09-01T12:00",
      finalRoundCloseAt: "2026-08-20T17:00",
      winnersPublishAt: "2026-10-14T19:00",
      retentionDays: "365",
      rankingMethod: "calibrated",
      minScoresPerJudge: "3",
    };
    const bad = await run<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(() =>
      cycleAction(loaderArgs(makeRequest(path, { cookie, form }), params)),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.finalRoundCloseAt[0]).toBe("Final round closes must be after shortlist published");
    expect(bad.data.result.initialValue.finalRoundCloseAt).toBe("2026-08-20T17:00");

    // Publication times wait for the shortlist (app/domain/phase-rules.ts), so this saves the deadline alone.
    const good = await run(() =>
      cycleAction(loaderArgs(makeRequest(path, { cookie, form: { ...form, shortlistPublishAt: "", winnersPublishAt: "", finalRoundCloseAt: "2026-09-30T17:00" } }), params)),
    );
    expect(good.status).toBe(302);
    expect((await cycleRow(cycle.id)).finalRoundCloseAt?.toISOString()).toBe("2026-09-30T16:00:00.000Z"); // BST
    const [entry] = await auditEntries("cycle.updated");
    expect(entry.before).toMatchObject({ finalRoundCloseAt: null });
    expect(entry.after).toMatchObject({ finalRoundCloseAt: "2026-09-30T16:00:00.000Z" });
  });

  test("progress and the automatic reminder follow the final round, once per judge", async () => {
    const now = new Date();
    const { cycle, judges, alder, birch } = await createShortlistedWorld({
      finalRoundCloseAt: new Date(now.getTime() + 2 * DAY),
      reminderDaysBefore: 3,
    });
    await startFinalRound(cycle.id, ADMIN_ACTOR);
    await assign(alder.id, judges[0].id, "final");
    await assign(birch.id, judges[0].id, "final");
    const progress = await judgingProgress(cycle.id, "final");
    expect(progress.find((p) => p.judgeId === judges[0].id)).toMatchObject({ assigned: 2, submitted: 0, label: "0 of 2 scored" });
    expect(progress.find((p) => p.judgeId === judges[1].id)).toMatchObject({ assigned: 0 });
    expect((await judgingProgress(cycle.id, "main")).find((p) => p.judgeId === judges[0].id)).toMatchObject({ assigned: 3, submitted: 3 });

    expect(await sendDueJudgingReminders(now)).toBe(1);
    expect(await sendDueJudgingReminders(now)).toBe(0);
    const [mail] = await outboxTo(judges[0].email);
    expect(mail.template).toBe("judging-reminder");
    expect(mail.text).toContain("0 of 2 scored in the final round");
    expect(mail.text).toContain("Alder Welcome");
    expect(await outboxTo(judges[1].email)).toEqual([]);
    const jobs = await db.select().from(schema.jobs).where(eq(schema.jobs.kind, "judging-reminder"));
    expect(jobs.map((j) => j.key)).toContain(`${cycle.id}:${judges[0].id}:final`);
  });
});

test("the SQL form of the current round agrees with the domain rule in every phase", async () => {
  const cycles = [];
  for (const phase of PHASES) {
    const cycle = await createJudgingCycle({ phase });
    const { category } = await createJudgedCategory(cycle.id);
    const nomination = await createNomination(category);
    cycles.push({ phase, nominationId: nomination.id });
  }
  const rows = await db
    .select({ id: schema.nominations.id, round: currentRoundOf(), phase: sql<string>`${schema.cycles.phase}` })
    .from(schema.nominations)
    .innerJoin(schema.cycles, eq(schema.cycles.id, schema.nominations.cycleId))
    .where(inArray(schema.nominations.id, cycles.map((c) => c.nominationId)));
  expect(rows).toHaveLength(PHASES.length);
  for (const { phase, nominationId } of cycles) {
    expect(rows.find((r) => r.id === nominationId)?.round).toBe(currentRound({ phase }));
  }
});
