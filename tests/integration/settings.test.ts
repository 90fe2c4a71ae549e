import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as categoryRoute from "~/routes/admin.categories.$id";
import * as cycleRoute from "~/routes/admin.cycles.$year";
import * as panelAdminRoute from "~/routes/admin.panels.$categoryId";
import * as exportRoute from "~/routes/judge.export[.]csv";
import * as homeRoute from "~/routes/judge._index";
import * as nominationRoute from "~/routes/judge.nominations.$nominationId";
import * as panelRoute from "~/routes/judge.panels.$panelId";
import { db, schema } from "~/utils/db.server";
import { auditEntries } from "../support/admin";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { addToPanel, assign, createJudge, createJudgedCategory, createJudgingCycle, createNomination } from "../support/judging";

const text = (data: unknown) => (typeof data === "string" ? data : JSON.stringify(data));

/** Everything a judge's pages and export send to the browser, as one string. */
async function everythingTheJudgeReceives(judgeId: number, nominationId: number, panelId: number) {
  const cookie = await cookieFor(judgeId);
  const answers = await Promise.all([
    run(() => homeRoute.loader(loaderArgs(makeRequest("/judge", { cookie })))),
    run(() => nominationRoute.loader(loaderArgs(makeRequest(`/judge/nominations/${nominationId}`, { cookie }), { nominationId: String(nominationId) }))),
    run(() => panelRoute.loader(loaderArgs(makeRequest(`/judge/panels/${panelId}`, { cookie }), { panelId: String(panelId) }))),
    run(() => exportRoute.loader(loaderArgs(makeRequest("/judge/export.csv", { cookie })))),
  ]);
  for (const a of answers) expect(a.status).toBe(200);
  return answers.map((a) => text(a.data)).join("\n");
}

describe("blind judging", () => {
  test.each([
    { blindJudging: true, visible: false },
    { blindJudging: false, visible: true },
  ])("blind judging $blindJudging: the nominator's name and relationship reach the judge: $visible", async ({ blindJudging, visible }) => {
    const cycle = await createJudgingCycle({ blindJudging });
    const { category, panel, question } = await createJudgedCategory(cycle.id);
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const nomination = await createNomination(
      category,
      { nominatorName: "Priya Nominator", nominatorRelationship: "We run the food bank together" },
      { questionId: question.id, text: "They welcomed a family of five." },
    );
    await assign(nomination.id, judge.id);
    const received = await everythingTheJudgeReceives(judge.id, nomination.id, panel.id);
    expect(received).toContain("They welcomed a family of five.");
    expect(received.includes("Priya Nominator")).toBe(visible);
    expect(received.includes("We run the food bank together")).toBe(visible);
  });
});

describe("settings with a screen", () => {
  async function asAdmin() {
    const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
    return { admin, cookie: await cookieFor(admin.id) };
  }

  test("blind judging, ranking method and the calibration guard are validated, saved and audited", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createJudgingCycle();
    const path = `/admin/cycles/${cycle.year}`;
    const params = { year: String(cycle.year) };
    const form = { name: cycle.name, retentionDays: "365", blindJudging: "on", rankingMethod: "raw", minScoresPerJudge: "0" };
    const bad = await run<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(() =>
      cycleRoute.action(loaderArgs(makeRequest(path, { cookie, form }), params)),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.minScoresPerJudge[0]).toBe("Enter at least 1");
    expect(bad.data.result.initialValue.minScoresPerJudge).toBe("0");
    const noMethod = await run<{ result: { error: Record<string, string[]> } }>(() =>
      cycleRoute.action(loaderArgs(makeRequest(path, { cookie, form: { ...form, rankingMethod: "loudest", minScoresPerJudge: "4" } }), params)),
    );
    expect(noMethod.status).toBe(400);
    expect(noMethod.data.result.error.rankingMethod[0]).toBe("Choose how the leaderboard ranks nominations");

    const good = await run(() => cycleRoute.action(loaderArgs(makeRequest(path, { cookie, form: { ...form, minScoresPerJudge: "4", judgingOpenAt: "2026-08-01T09:00" } }), params)));
    expect(good.status).toBe(302);
    const [saved] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
    expect(saved).toMatchObject({ blindJudging: true, rankingMethod: "raw", minScoresPerJudge: 4 });
    expect(saved.judgingOpenAt?.toISOString()).toBe("2026-08-01T08:00:00.000Z"); // BST
    const [entry] = (await auditEntries("cycle.updated")).filter((e) => e.entityId === String(cycle.id));
    expect(entry.before).toMatchObject({ blindJudging: false, rankingMethod: "calibrated", minScoresPerJudge: 3 });
    expect(entry.after).toMatchObject({ blindJudging: true, rankingMethod: "raw", minScoresPerJudge: 4 });

    const page = await run<Awaited<ReturnType<typeof cycleRoute.loader>>>(() => cycleRoute.loader(loaderArgs(makeRequest(path, { cookie }), params)));
    expect(page.data.cycle).toMatchObject({ blindJudging: true, rankingMethod: "raw", minScoresPerJudge: 4 });
  });

  test("judges per nomination is set on the category, validated and audited", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createJudgingCycle();
    const { category } = await createJudgedCategory(cycle.id);
    const path = `/admin/categories/${category.id}`;
    const params = { id: String(category.id) };
    const form = { intent: "details", name: category.name, slug: category.slug, nomineeTypes: "group", shortlistSize: "3", judgesPerNomination: "many" };
    const bad = await run<{ result: { error: Record<string, string[]> } }>(() => categoryRoute.action(loaderArgs(makeRequest(path, { cookie, form }), params)));
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.judgesPerNomination[0]).toBe("Enter how many judges score each nomination, like 3");
    const good = await run(() => categoryRoute.action(loaderArgs(makeRequest(path, { cookie, form: { ...form, judgesPerNomination: "5" } }), params)));
    expect(good.status).toBe(302);
    const [saved] = await db.select().from(schema.categories).where(eq(schema.categories.id, category.id));
    expect(saved.judgesPerNomination).toBe(5);
    const [entry] = (await auditEntries("category.updated")).filter((e) => e.entityId === String(category.id));
    expect(entry.before).toMatchObject({ judgesPerNomination: 3 });
    expect(entry.after).toMatchObject({ judgesPerNomination: 5 });
  });

  test("a judge's cap on a panel is validated, saved, cleared and audited", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createJudgingCycle();
    const { category, panel } = await createJudgedCategory(cycle.id);
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const path = `/admin/panels/${category.id}`;
    const params = { categoryId: String(category.id) };
    const capOf = async () =>
      (await db.select().from(schema.panelMembers).where(and(eq(schema.panelMembers.panelId, panel.id), eq(schema.panelMembers.personId, judge.id))))[0].cap;
    const post = (cap: string) =>
      run<{ capError: { message: string; sent: string } | null }>(() =>
        panelAdminRoute.action(loaderArgs(makeRequest(path, { cookie, form: { intent: "cap", personId: String(judge.id), cap } }), params)),
      );

    const bad = await post("2.5");
    expect(bad.status).toBe(400);
    expect(bad.data.capError).toMatchObject({ message: "Enter a whole number from 1 to 1000, or leave it empty for no cap", sent: "2.5" });
    expect(await capOf()).toBeNull();
    expect((await post("12")).status).toBe(302);
    expect(await capOf()).toBe(12);
    expect((await post("")).status).toBe(302);
    expect(await capOf()).toBeNull();
    const entries = (await auditEntries("panel.cap_set")).filter((e) => e.entityId === `${panel.id}:${judge.id}`);
    expect(entries.map((e) => [e.before, e.after])).toEqual(
      expect.arrayContaining([
        [{ cap: null }, { cap: 12 }],
        [{ cap: 12 }, { cap: null }],
      ]),
    );
  });
});
