import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { detectConflictsForCategory } from "~/models/conflict-detection.server";
import { sendDueJudgingReminders } from "~/models/reminders.server";
import * as adminAssignments from "~/routes/admin.judging.assignments";
import * as adminConflicts from "~/routes/admin.judging.conflicts";
import * as adminProgress from "~/routes/admin.judging._index";
import * as homeRoute from "~/routes/judge._index";
import * as nominationRoute from "~/routes/judge.nominations.$nominationId";
import * as conflictRoute from "~/routes/judge.nominations.$nominationId_.conflict";
import * as submitRoute from "~/routes/judge.nominations.$nominationId_.submit";
import * as cycleStepsRoute from "~/routes/judge.cycles.$year";
import * as panelRoute from "~/routes/judge.panels.$panelId";
import { SYSTEM_ACTOR } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import {
  addToPanel,
  assign,
  auditActionsSince,
  auditMark,
  createJudge,
  createJudgedCategory,
  createJudgingCycle,
  createNomination,
  giveScores,
  outboxTo,
  scoreRow,
} from "../support/judging";

const DAY = 24 * 60 * 60 * 1000;
const text = (value: unknown) => JSON.stringify(value);
type Criteria = { id: number }[];

async function setup(cycleOverrides: Parameters<typeof createJudgingCycle>[0] = {}) {
  const cycle = await createJudgingCycle(cycleOverrides);
  const { category, criteria, panel, question } = await createJudgedCategory(cycle.id);
  return { cycle, category, criteria, panel, question };
}

function nominationPage(id: number, cookie: string) {
  return run<Record<string, unknown>>(() =>
    nominationRoute.loader(loaderArgs(makeRequest(`/judge/nominations/${id}`, { cookie }), { nominationId: String(id) })),
  );
}

function scoreForm(id: number, cookie: string, form: Record<string, string>) {
  return run<{ result: { error: Record<string, string[]> } }>(() =>
    nominationRoute.action(loaderArgs(makeRequest(`/judge/nominations/${id}`, { cookie, form }), { nominationId: String(id) })),
  );
}

const allFives = (criteria: Criteria) => Object.fromEntries(criteria.map((c) => [`criterion-${c.id}`, "5"]));

type Steps = {
  lead: string;
  toAccept: { panelId: number; category: string; waiting: number }[];
  groups: { panelId: number; category: string; nominations: { id: number; nomineeName: string; nominatorName: string | null }[] }[];
  allDone: boolean;
};

/** The one statement and declaration page of a cycle, read and sent as the judge. */
function stepsPage(year: number, cookie: string) {
  return run<Steps>(() => cycleStepsRoute.loader(loaderArgs(makeRequest(`/judge/cycles/${year}`, { cookie }), { year: String(year) })));
}

/** Sends a step as the page's form would: the intent and the panel ids the page listed. */
function sendStep(year: number, cookie: string, intent: "accept" | "done", panelIds: number[]) {
  const form = { intent, panelId: panelIds.map(String) };
  return run(() => cycleStepsRoute.action(loaderArgs(makeRequest(`/judge/cycles/${year}`, { cookie, form }), { year: String(year) })));
}

describe("joining a panel", () => {
  test("nothing of the panel is shown before the statement is accepted and conflicts declared", async () => {
    const mark = await auditMark();
    const { cycle, category, panel } = await setup();
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id, { ready: false });
    const nomination = await createNomination(category, { nomineeName: "Riverside Welcome" });
    await assign(nomination.id, judge.id);
    const cookie = await cookieFor(judge.id);
    const panelPath = `/judge/panels/${panel.id}`;
    const params = { panelId: String(panel.id) };

    const home = await run<{ nominations: unknown[]; panels: { waiting: number }[] }>(() => homeRoute.loader(loaderArgs(makeRequest("/judge", { cookie }))));
    expect(home.data.nominations).toEqual([]);
    expect(home.data.panels[0].waiting).toBe(1);
    expect(text(home.data)).not.toContain("Riverside Welcome");
    const before = await run<{ list: unknown[] }>(() => panelRoute.loader(loaderArgs(makeRequest(panelPath, { cookie }), params)));
    expect(before.data.list).toEqual([]);
    const steps = await stepsPage(cycle.year, cookie);
    expect(steps.data.groups).toEqual([]);
    expect(steps.data.toAccept).toEqual([{ panelId: panel.id, category: category.name, waiting: 1 }]);
    // Counted right before acceptance: waiting, never "0 of 0 scored".
    expect(steps.data.lead).toMatch(/^1 nomination is waiting for you/);
    expect(text(steps.data)).not.toContain("Riverside Welcome");
    expect((await nominationPage(nomination.id, cookie)).status).toBe(404);

    await sendStep(cycle.year, cookie, "accept", [panel.id]);
    const listed = await stepsPage(cycle.year, cookie);
    expect(listed.data.groups.flatMap((g) => g.nominations.map((n) => n.nomineeName))).toEqual(["Riverside Welcome"]);
    // Declared nothing yet: still no access to the nomination itself.
    expect((await nominationPage(nomination.id, cookie)).status).toBe(404);

    await sendStep(cycle.year, cookie, "done", [panel.id]);
    expect((await nominationPage(nomination.id, cookie)).status).toBe(200);
    expect(await auditActionsSince(mark, "panel_member")).toEqual(["panel.confidentiality_accepted", "panel.conflicts_declared"]);
  });

  test("a judge on three panels accepts one statement and makes one declaration; a panel joined later is asked for alone", async () => {
    const mark = await auditMark();
    const cycle = await createJudgingCycle();
    const judge = await createJudge({ email: "rhian@harbourwelcome.org.uk" });
    const worlds = [];
    for (const name of ["Alder Group", "Birch Group", "Cedar Group"]) {
      const { category, panel } = await createJudgedCategory(cycle.id);
      await addToPanel(panel.id, judge.id, { ready: false });
      const nomination = await createNomination(category, { nomineeName: name });
      await assign(nomination.id, judge.id);
      worlds.push({ category, panel, nomination });
    }
    // Shares the judge's email domain: detection at acceptance hides it from the declaration list.
    const suspected = await createNomination(worlds[1].category, { nomineeName: "Harbour Welcome", nominatorEmail: "sam@harbourwelcome.org.uk" });
    const cookie = await cookieFor(judge.id);
    const panelIds = worlds.map((w) => w.panel.id);

    const first = await stepsPage(cycle.year, cookie);
    expect(first.data.toAccept.map((p) => p.panelId)).toEqual(panelIds);
    expect(first.data.lead).toMatch(/^3 nominations are waiting for you/);

    await sendStep(cycle.year, cookie, "accept", panelIds);
    const members = await db.select().from(schema.panelMembers).where(and(eq(schema.panelMembers.personId, judge.id), inArray(schema.panelMembers.panelId, panelIds)));
    expect(members.every((m) => m.confidentialityAcceptedAt)).toBe(true);
    // One transaction: one moment for all three.
    expect(new Set(members.map((m) => m.confidentialityAcceptedAt!.getTime())).size).toBe(1);
    const declaring = await stepsPage(cycle.year, cookie);
    expect(declaring.data.toAccept).toEqual([]);
    expect(declaring.data.groups.map((g) => [g.category, g.nominations.map((n) => n.nomineeName)])).toEqual(
      worlds.map((w) => [w.category.name, [w.nomination.nomineeName]]),
    );
    expect(text(declaring.data)).not.toContain("Harbour Welcome");

    await sendStep(cycle.year, cookie, "done", panelIds);
    for (const w of worlds) expect((await nominationPage(w.nomination.id, cookie)).status).toBe(200);
    expect((await nominationPage(suspected.id, cookie)).status).toBe(404);
    expect(await auditActionsSince(mark, "panel_member")).toEqual([
      ...panelIds.map(() => "panel.confidentiality_accepted"),
      ...panelIds.map(() => "panel.conflicts_declared"),
    ]);
    expect((await stepsPage(cycle.year, cookie)).data.allDone).toBe(true);

    // Joins a fourth panel later: asked for that panel only.
    const { category: late, panel: latePanel } = await createJudgedCategory(cycle.id);
    await addToPanel(latePanel.id, judge.id, { ready: false });
    await createNomination(late, { nomineeName: "Larch Group" });
    const later = await stepsPage(cycle.year, cookie);
    expect(later.data.toAccept.map((p) => p.panelId)).toEqual([latePanel.id]);
    expect(later.data.groups).toEqual([]);
    // A forged list accepts nothing beyond what is waiting.
    await sendStep(cycle.year, cookie, "accept", [...panelIds, latePanel.id]);
    const again = await stepsPage(cycle.year, cookie);
    expect(again.data.groups.map((g) => g.panelId)).toEqual([latePanel.id]);
    expect(await auditActionsSince(mark, "panel_member")).toHaveLength(7);
    for (const w of worlds) expect((await nominationPage(w.nomination.id, cookie)).status).toBe(200);
  });

  test("a declaration needs a kind and a note; a bad one keeps the text and says what is wrong", async () => {
    const { category, panel } = await setup();
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const nomination = await createNomination(category);
    const cookie = await cookieFor(judge.id);
    const answer = await run<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(() =>
      panelRoute.action(
        loaderArgs(makeRequest(`/judge/panels/${panel.id}`, { cookie, form: { intent: "declare", nominationId: String(nomination.id), note: "My neighbour" } }), {
          panelId: String(panel.id),
        }),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.result.error.kind[0]).toBe("Choose the kind of conflict");
    expect(answer.data.result.initialValue.note).toBe("My neighbour");
    expect(await db.select().from(schema.conflicts).where(eq(schema.conflicts.personId, judge.id))).toHaveLength(0);
  });

  test("accepting the statement runs detection, and a suspicion hides the nomination from the list", async () => {
    const { cycle, category, panel } = await setup();
    const judge = await createJudge({ email: "amira@leedswelcome.org.uk", organisations: ["Leeds Welcome CIC"] });
    await addToPanel(panel.id, judge.id, { ready: false });
    const sameDomain = await createNomination(category, { nomineeName: "Leeds Welcome", nominatorEmail: "sam@leedswelcome.org.uk" });
    const other = await createNomination(category, { nomineeName: "Bristol Open Doors", nominatorEmail: "jo@gmail.com" });
    const cookie = await cookieFor(judge.id);
    await sendStep(cycle.year, cookie, "accept", [panel.id]);
    const [suspicion] = await db.select().from(schema.conflicts).where(eq(schema.conflicts.personId, judge.id));
    expect(suspicion).toMatchObject({ personId: judge.id, nominationId: sameDomain.id, status: "suspected", source: "detected", pinned: false });
    expect(suspicion.rule).toContain("same_domain");
    expect(suspicion.evidence).toContain("leedswelcome.org.uk");
    const page = await stepsPage(cycle.year, cookie);
    expect(page.data.groups.flatMap((g) => g.nominations.map((n) => n.id))).toEqual([other.id]);
  });
});

describe("scoring", () => {
  test("a judge cannot score a nomination not assigned to them", async () => {
    const { category, panel, criteria } = await setup();
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const nomination = await createNomination(category);
    const cookie = await cookieFor(judge.id);
    expect((await nominationPage(nomination.id, cookie)).status).toBe(404);
    const answer = await scoreForm(nomination.id, cookie, { ...allFives(criteria), intent: "submit" });
    expect(answer.status).toBe(404);
    expect(await scoreRow(nomination.id, judge.id)).toBeNull();
  });

  test("drafts save partly filled; submitting needs every criterion, then a confirmation, and is final", async () => {
    const { cycle, category, panel, criteria } = await setup();
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const nomination = await createNomination(category);
    await assign(nomination.id, judge.id);
    const cookie = await cookieFor(judge.id);
    const [impact, commitment] = criteria;
    const mark = await auditMark();

    const draft = await scoreForm(nomination.id, cookie, { [`criterion-${impact.id}`]: "4", comment: "Strong start", intent: "save" });
    expect(draft.status).toBe(302);
    expect(await scoreRow(nomination.id, judge.id)).toMatchObject({ values: { [impact.id]: 4 }, comment: "Strong start", submittedAt: null });

    const incomplete = await scoreForm(nomination.id, cookie, { [`criterion-${impact.id}`]: "4", intent: "submit" });
    expect(incomplete.status).toBe(400);
    expect(incomplete.data.result.error[`criterion-${commitment.id}`]).toEqual(["Choose a score for Commitment"]);

    const outOfScale = await scoreForm(nomination.id, cookie, { [`criterion-${impact.id}`]: "9", intent: "save" });
    expect(outOfScale.status).toBe(400);

    const toConfirm = await scoreForm(nomination.id, cookie, { [`criterion-${impact.id}`]: "4", [`criterion-${commitment.id}`]: "2", comment: "Good", intent: "submit" });
    expect(toConfirm.status).toBe(302);
    expect(toConfirm.headers.get("Location")).toBe(`/judge/nominations/${nomination.id}/submit`);
    expect((await scoreRow(nomination.id, judge.id))?.submittedAt).toBeNull();

    const params = { nominationId: String(nomination.id) };
    const confirmPage = await run<{ weighted: number }>(() => submitRoute.loader(loaderArgs(makeRequest(`/judge/nominations/${nomination.id}/submit`, { cookie }), params)));
    expect(confirmPage.data.weighted).toBe(3.5);
    const confirmed = await run(() => submitRoute.action(loaderArgs(makeRequest(`/judge/nominations/${nomination.id}/submit`, { cookie, form: {} }), params)));
    expect(confirmed.status).toBe(302);
    const row = await scoreRow(nomination.id, judge.id);
    expect(row?.submittedAt).toBeInstanceOf(Date);
    expect(row?.values).toEqual({ [impact.id]: 4, [commitment.id]: 2 });
    expect(await auditActionsSince(mark, "score")).toEqual(["score.submitted"]);

    const again = await scoreForm(nomination.id, cookie, { ...allFives(criteria), intent: "save" });
    expect(again.status).toBe(409);
    expect((await scoreRow(nomination.id, judge.id))?.values).toEqual({ [impact.id]: 4, [commitment.id]: 2 });

    // An admin reopens them; the judge can change them again.
    const admin = await createPerson({ isAdmin: true });
    const adminCookie = await cookieFor(admin.id);
    const reopened = await run(() =>
      adminAssignments.action(
        loaderArgs(
          makeRequest(`/admin/judging/assignments?year=${cycle.year}&category=${category.id}`, {
            cookie: adminCookie,
            form: { intent: "reopen", judgeId: String(judge.id), nominationId: String(nomination.id) },
          }),
        ),
      ),
    );
    expect(reopened.status).toBe(302);
    expect((await scoreRow(nomination.id, judge.id))?.submittedAt).toBeNull();
    expect((await scoreForm(nomination.id, cookie, { ...allFives(criteria), intent: "save" })).status).toBe(302);
  });

  test.each([
    { name: "after judging has closed", cycle: { judgingCloseAt: new Date(Date.now() - 1000) }, message: /Judging closed on/ },
    { name: "before the judging phase", cycle: { phase: "nominations_closed" as const }, message: /Judging is not open/ },
  ])("the server refuses score writes $name", async ({ cycle, message }) => {
    const { category, panel, criteria } = await setup(cycle);
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const nomination = await createNomination(category);
    await assign(nomination.id, judge.id);
    const cookie = await cookieFor(judge.id);
    const answer = await scoreForm(nomination.id, cookie, { ...allFives(criteria), intent: "save", comment: "kept" });
    expect(answer.status).toBe(403);
    expect(text(answer.data)).toMatch(message);
    expect(text(answer.data)).toContain("kept");
    expect(await scoreRow(nomination.id, judge.id)).toBeNull();
  });

  test("blind judging hides nominator names from judges", async () => {
    const { category, panel } = await setup({ blindJudging: true });
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const nomination = await createNomination(category, { nominatorName: "Priya Nominator" });
    await assign(nomination.id, judge.id);
    const cookie = await cookieFor(judge.id);
    const home = await run(() => homeRoute.loader(loaderArgs(makeRequest("/judge", { cookie }))));
    expect(text(home.data)).not.toContain("Priya Nominator");
    const page = await nominationPage(nomination.id, cookie);
    expect(page.status).toBe(200);
    expect(text(page.data)).not.toContain("Priya Nominator");
  });
});

describe("other judges' scores", () => {
  test("stay hidden until the viewer's own are submitted and the round has closed; a chair sees the panel's only then", async () => {
    const { cycle, category, panel, criteria } = await setup();
    const [ana, ben, cal, chair] = [await createJudge(), await createJudge(), await createJudge(), await createJudge()];
    for (const j of [ana, ben, cal]) await addToPanel(panel.id, j.id);
    await addToPanel(panel.id, chair.id, { isChair: true });
    const nomination = await createNomination(category);
    for (const j of [ana, ben, cal]) await assign(nomination.id, j.id);
    const values = { [criteria[0].id]: 5, [criteria[1].id]: 1 };
    await giveScores(nomination.id, ben.id, values, { comment: "Ben's private view" });
    const [anaCookie, calCookie, chairCookie] = [await cookieFor(ana.id), await cookieFor(cal.id), await cookieFor(chair.id)];

    // Round open, Ana not submitted.
    let page = await nominationPage(nomination.id, anaCookie);
    expect(page.data.others).toBeNull();
    expect(text(page.data)).not.toContain("Ben's private view");
    // Round open, Ana submitted: still hidden.
    await giveScores(nomination.id, ana.id, values);
    page = await nominationPage(nomination.id, anaCookie);
    expect(page.data.others).toBeNull();
    const chairPanel = () =>
      run<{ results: { count: number; mean: number | null; hidden: boolean }[] | null }>(() =>
        panelRoute.loader(loaderArgs(makeRequest(`/judge/panels/${panel.id}`, { cookie: chairCookie }), { panelId: String(panel.id) })),
      );
    expect((await chairPanel()).data.results).toBeNull();

    // The round closes.
    await db.update(schema.cycles).set({ judgingCloseAt: new Date(Date.now() - 1000) }).where(eq(schema.cycles.id, cycle.id));
    page = await nominationPage(nomination.id, anaCookie);
    expect(text(page.data.others)).toContain("Ben's private view");
    // Cal never submitted: nothing.
    const calPage = await nominationPage(nomination.id, calCookie);
    expect(calPage.data.others).toBeNull();
    expect(text(calPage.data)).not.toContain("Ben's private view");
    // The chair, not assigned, sees the panel's mean of the two counted scores.
    const results = (await chairPanel()).data.results!;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ count: 2, mean: 4, hidden: false });
    // An ordinary judge gets no panel view.
    const anaPanel = await run<{ results: unknown }>(() =>
      panelRoute.loader(loaderArgs(makeRequest(`/judge/panels/${panel.id}`, { cookie: anaCookie }), { panelId: String(panel.id) })),
    );
    expect(anaPanel.data.results).toBeNull();
  });
});

describe("declaring a conflict mid-round", () => {
  test("voids the judge's scores, removes and reassigns the nomination, and reveals nothing to them", async () => {
    const { category, panel, criteria } = await setup();
    await db.update(schema.categories).set({ judgesPerNomination: 2 }).where(eq(schema.categories.id, category.id));
    const [ana, ben, dev] = [await createJudge(), await createJudge(), await createJudge()];
    for (const j of [ana, ben, dev]) await addToPanel(panel.id, j.id);
    const nomination = await createNomination(category, { nomineeName: "Hillside Sponsors" });
    await assign(nomination.id, ana.id);
    await assign(nomination.id, ben.id);
    const values = { [criteria[0].id]: 3, [criteria[1].id]: 3 };
    await giveScores(nomination.id, ana.id, values);
    await giveScores(nomination.id, ben.id, values, { comment: "Ben's private view" });
    const cookie = await cookieFor(ana.id);
    const params = { nominationId: String(nomination.id) };
    const mark = await auditMark();

    const answer = await run(() =>
      conflictRoute.action(
        loaderArgs(makeRequest(`/judge/nominations/${nomination.id}/conflict`, { cookie, form: { kind: "personal", note: "My cousin leads the group" } }), params),
      ),
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/judge?notice=conflict-declared");

    const [conflict] = await db.select().from(schema.conflicts).where(eq(schema.conflicts.personId, ana.id));
    expect(conflict).toMatchObject({ personId: ana.id, nominationId: nomination.id, status: "confirmed", source: "declared", kind: "personal", note: "My cousin leads the group", pinned: true });
    const voided = await scoreRow(nomination.id, ana.id);
    expect(voided?.voidedAt).toBeInstanceOf(Date);
    expect(voided?.values).toEqual(values);
    const judges = await db.select({ personId: schema.assignments.personId }).from(schema.assignments).where(eq(schema.assignments.nominationId, nomination.id));
    expect(judges.map((j) => j.personId).sort()).toEqual([ben.id, dev.id].sort());
    const [mail] = await outboxTo(dev.email);
    expect(mail.template).toBe("judging-assignments");
    expect(mail.text).toContain("Hillside Sponsors");
    expect(await auditActionsSince(mark)).toEqual(
      expect.arrayContaining(["conflict.declared", "score.voided", "assignment.removed", "assignments.computed"]),
    );

    const home = await run(() => homeRoute.loader(loaderArgs(makeRequest("/judge?notice=conflict-declared", { cookie }))));
    expect(text(home.data)).not.toContain("Hillside Sponsors");
    expect(text(home.data)).not.toContain("Ben's private view");
    expect((await nominationPage(nomination.id, cookie)).status).toBe(404);
    expect(await outboxTo(ana.email)).toHaveLength(0);
  });
});

describe("assignment", () => {
  test("k judges per nomination, never a conflicted pair, shortfalls reported, re-runs keep what stands, one email each", async () => {
    const { cycle, category, panel } = await setup();
    await db.update(schema.categories).set({ judgesPerNomination: 2 }).where(eq(schema.categories.id, category.id));
    const judges = [await createJudge(), await createJudge(), await createJudge()];
    for (const j of judges) await addToPanel(panel.id, j.id);
    const noms: Array<{ id: number }> = [];
    for (let i = 0; i < 4; i++) noms.push(await createNomination(category));
    // Two of three judges conflicted on the last one: it can only get one judge.
    for (const j of judges.slice(0, 2)) {
      await db.insert(schema.conflicts).values({ personId: j.id, nominationId: noms[3].id, status: "confirmed", source: "admin" });
    }
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const path = `/admin/judging/assignments?year=${cycle.year}&category=${category.id}`;
    const first = await run<{ run: { added: number; shortfalls: { nominationId: number; assigned: number; reason: string }[] } }>(() =>
      adminAssignments.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "run" } }))),
    );
    expect(first.status).toBe(200);
    expect(first.data.run.added).toBe(7);
    expect(first.data.run.shortfalls).toEqual([
      expect.objectContaining({ nominationId: noms[3].id, assigned: 1, reason: expect.stringContaining("free of conflicts") }),
    ]);
    const pairs = await db.select().from(schema.assignments).where(inArray(schema.assignments.nominationId, noms.map((n) => n.id)));
    expect(pairs.some((p) => p.nominationId === noms[3].id && p.personId !== judges[2].id)).toBe(false);
    const loads = judges.map((j) => pairs.filter((p) => p.personId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const j of judges) expect(await outboxTo(j.email)).toHaveLength(1);

    const second = await run<{ run: { added: number; kept: number } }>(() =>
      adminAssignments.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "run" } }))),
    );
    expect(second.data.run).toMatchObject({ added: 0, kept: 7 });
    for (const j of judges) expect(await outboxTo(j.email)).toHaveLength(1);
  });

  test("an admin cannot hand-assign a conflicted judge, and can remove an assignment (its scores voided)", async () => {
    const { cycle, category, panel, criteria } = await setup();
    const [ana, ben] = [await createJudge(), await createJudge()];
    for (const j of [ana, ben]) await addToPanel(panel.id, j.id);
    const nomination = await createNomination(category);
    await db.insert(schema.conflicts).values({ personId: ana.id, nominationId: nomination.id, status: "suspected", source: "detected" });
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const path = `/admin/judging/assignments?year=${cycle.year}&category=${category.id}`;
    const refused = await run(() =>
      adminAssignments.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "add", judgeId: String(ana.id), nominationId: String(nomination.id) } }))),
    );
    expect(refused.status).toBe(400);
    expect(text(refused.data)).toContain("conflict");
    const added = await run(() =>
      adminAssignments.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "add", judgeId: String(ben.id), nominationId: String(nomination.id) } }))),
    );
    expect(added.status).toBe(302);
    expect(await outboxTo(ben.email)).toHaveLength(1);
    await giveScores(nomination.id, ben.id, { [criteria[0].id]: 2, [criteria[1].id]: 2 });
    const removed = await run(() =>
      adminAssignments.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "remove", judgeId: String(ben.id), nominationId: String(nomination.id) } }))),
    );
    expect(removed.status).toBe(302);
    expect(await db.select().from(schema.assignments).where(eq(schema.assignments.nominationId, nomination.id))).toHaveLength(0);
    expect((await scoreRow(nomination.id, ben.id))?.voidedAt).toBeInstanceOf(Date);
  });
});

describe("the conflict board", () => {
  test("filters, confirms with a reason, and a dismissed suspicion is pinned so detection never raises it again", async () => {
    const { cycle, category, panel, criteria } = await setup();
    const [ana, ben, cal] = [
      await createJudge({ email: "ana@camdenrefugees.org" }),
      await createJudge({ localAuthority: "Leeds City Council" }),
      await createJudge(),
    ];
    for (const j of [ana, ben, cal]) await addToPanel(panel.id, j.id);
    const camden = await createNomination(category, { nominatorEmail: "lee@camdenrefugees.org" });
    const leeds = await createNomination(category, { nomineeLocalAuthority: "Leeds" });
    await assign(leeds.id, ben.id);
    await giveScores(leeds.id, ben.id, { [criteria[0].id]: 4, [criteria[1].id]: 4 });
    const mark = await auditMark();
    expect(await db.transaction((tx) => detectConflictsForCategory(tx, category.id, SYSTEM_ACTOR))).toBe(2);

    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const base = `/admin/judging/conflicts?year=${cycle.year}`;
    const board = await run<{ conflicts: { id: number; judgeId: number; status: string; evidence: string }[] }>(() =>
      adminConflicts.loader(loaderArgs(makeRequest(`${base}&status=suspected&judge=${ana.id}`, { cookie }))),
    );
    expect(board.data.conflicts).toHaveLength(1);
    expect(board.data.conflicts[0].evidence).toContain("camdenrefugees.org");
    const anaConflict = board.data.conflicts[0];

    const noReason = await run(() => adminConflicts.action(loaderArgs(makeRequest(base, { cookie, form: { intent: "dismiss", conflictId: String(anaConflict.id), reason: "" } }))));
    expect(noReason.status).toBe(400);
    const dismissed = await run(() =>
      adminConflicts.action(loaderArgs(makeRequest(base, { cookie, form: { intent: "dismiss", conflictId: String(anaConflict.id), reason: "Different branch, no contact" } }))),
    );
    expect(dismissed.status).toBe(302);
    const [pinned] = await db.select().from(schema.conflicts).where(eq(schema.conflicts.id, anaConflict.id));
    expect(pinned).toMatchObject({ status: "dismissed", pinned: true, decisionReason: "Different branch, no contact", decidedById: admin.id });
    expect(await db.transaction((tx) => detectConflictsForCategory(tx, category.id, SYSTEM_ACTOR))).toBe(0);
    expect(await db.select().from(schema.conflicts).where(and(eq(schema.conflicts.personId, ana.id), eq(schema.conflicts.nominationId, camden.id)))).toHaveLength(1);

    const [benConflict] = await db.select().from(schema.conflicts).where(eq(schema.conflicts.personId, ben.id));
    await run(() =>
      adminConflicts.action(loaderArgs(makeRequest(base, { cookie, form: { intent: "confirm", conflictId: String(benConflict.id), reason: "Ben works for the council" } }))),
    );
    expect((await scoreRow(leeds.id, ben.id))?.voidedAt).toBeInstanceOf(Date);
    const leedsJudges = await db.select().from(schema.assignments).where(eq(schema.assignments.nominationId, leeds.id));
    // Reassigned: the rest of the panel takes it, never Ben.
    expect(leedsJudges.map((a) => a.personId).sort()).toEqual([ana.id, cal.id].sort());
    expect(await auditActionsSince(mark, "conflict")).toEqual(["conflict.suspected", "conflict.suspected", "conflict.dismissed", "conflict.confirmed"]);

    const set = await run(() =>
      adminConflicts.action(
        loaderArgs(makeRequest(base, { cookie, form: { intent: "set", personId: String(cal.id), nominationId: String(camden.id), reason: "Told us by phone" } })),
      ),
    );
    expect(set.status).toBe(302);
    const confirmed = await run<{ conflicts: { judgeId: number }[] }>(() =>
      adminConflicts.loader(loaderArgs(makeRequest(`${base}&status=confirmed&source=admin`, { cookie }))),
    );
    expect(confirmed.data.conflicts.map((c) => c.judgeId)).toEqual([cal.id]);
  });

  test("judges are refused the admin judging pages", async () => {
    const { cycle } = await setup();
    const judge = await createJudge();
    const cookie = await cookieFor(judge.id);
    for (const loader of [adminProgress.loader, adminAssignments.loader, adminConflicts.loader]) {
      expect((await run(() => loader(loaderArgs(makeRequest(`/admin/judging?year=${cycle.year}`, { cookie }))))).status).toBe(403);
    }
  });
});

describe("reminders", () => {
  test("an admin sees each judge's progress and sends a reminder listing only what is left", async () => {
    const { cycle, category, panel, criteria } = await setup();
    const [ana, ben] = [await createJudge(), await createJudge()];
    for (const j of [ana, ben]) await addToPanel(panel.id, j.id);
    const done = await createNomination(category, { nomineeName: "Done Group" });
    const left = await createNomination(category, { nomineeName: "Left Group" });
    for (const n of [done, left]) await assign(n.id, ana.id);
    await giveScores(done.id, ana.id, { [criteria[0].id]: 4, [criteria[1].id]: 4 });
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const path = `/admin/judging?year=${cycle.year}`;
    const page = await run<{ progress: { judgeId: number; label: string }[] }>(() => adminProgress.loader(loaderArgs(makeRequest(path, { cookie }))));
    expect(page.data.progress.find((p) => p.judgeId === ana.id)?.label).toBe("1 of 2 scored");
    expect(page.data.progress.find((p) => p.judgeId === ben.id)?.label).toBe("0 of 0 scored");

    const sent = await run(() => adminProgress.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "remind", judgeId: String(ana.id) } }))));
    expect(sent.headers.get("Location")).toBe(`${path}&notice=reminded&count=1`);
    const [mail] = await outboxTo(ana.email);
    expect(mail.template).toBe("judging-reminder");
    expect(mail.text).toContain("1 of 2 scored");
    expect(mail.text).toContain("Left Group");
    expect(mail.text).not.toContain("Done Group");
    // Ben has nothing to do: no email.
    await run(() => adminProgress.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "remind", judgeId: String(ben.id) } }))));
    expect(await outboxTo(ben.email)).toHaveLength(0);
  });

  test("the automatic reminder goes out once per judge, N days before judging closes", async () => {
    const closes = new Date(Date.now() + 10 * DAY);
    const { category, panel } = await setup({ judgingCloseAt: closes, reminderDaysBefore: 3 });
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const nomination = await createNomination(category);
    await assign(nomination.id, judge.id);

    // Other tests' cycles share this database, so count this judge's mail rather than the totals.
    await sendDueJudgingReminders(new Date(closes.getTime() - 4 * DAY));
    expect(await outboxTo(judge.email)).toHaveLength(0);
    expect(await sendDueJudgingReminders(new Date(closes.getTime() - 3 * DAY))).toBeGreaterThanOrEqual(1);
    await sendDueJudgingReminders(new Date(closes.getTime() - 2 * DAY));
    await sendDueJudgingReminders(new Date(closes.getTime() - 1));
    const mail = await outboxTo(judge.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain(nomination.nomineeName);
  });
});
