/**
 * A conflicted judge cannot reach the nomination by any route, in the main round or in
 * the optional final round. The table below must hold a probe for every judge route
 * file: a new /judge page without one fails here.
 */
import { readdirSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { notifyNewAssignments } from "~/models/assignments.server";
import { sendJudgingReminder } from "~/models/reminders.server";
import * as exportRoute from "~/routes/judge.export[.]csv";
import * as cycleStepsRoute from "~/routes/judge.cycles.$year";
import * as fileRoute from "~/routes/judge.files.$fileId";
import * as homeRoute from "~/routes/judge._index";
import * as nominationRoute from "~/routes/judge.nominations.$nominationId";
import * as conflictRoute from "~/routes/judge.nominations.$nominationId_.conflict";
import * as submitRoute from "~/routes/judge.nominations.$nominationId_.submit";
import * as panelRoute from "~/routes/judge.panels.$panelId";
import * as chairResultsRoute from "~/routes/judge.results.$categoryId";
import * as panelMeetingRoute from "~/routes/judge.results.$categoryId_.panel";
import { SYSTEM_ACTOR } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";
import { cookieFor, loaderArgs, makeRequest, run } from "../support/fixtures";
import {
  addToPanel,
  assign,
  createJudge,
  createJudgedCategory,
  createJudgingCycle,
  createNomination,
  giveScores,
  outboxTo,
  scoreRow,
} from "../support/judging";

type Ctx = {
  round: "main" | "final";
  cookie: string;
  judge: { id: number; email: string };
  panelId: number;
  hidden: { id: number; fileId: number; secrets: string[] };
  shown: { id: number; fileId: number; nomineeName: string };
  criteria: { id: number }[];
};

const get = (path: string, cookie: string) => makeRequest(path, { cookie });
const post = (path: string, cookie: string, form: Record<string, string>) => makeRequest(path, { cookie, form });
const text = (value: unknown) => JSON.stringify(value);

function expectNoSecrets(body: string, ctx: Ctx) {
  for (const secret of ctx.hidden.secrets) expect(body).not.toContain(secret);
}

/** One probe per judge route file: every loader and action, asked about the hidden nomination. */
const PROBES: Record<string, (ctx: Ctx) => Promise<void>> = {
  "judge._index.tsx": async (ctx) => {
    const page = await run<{ progress: string; nominations: { id: number }[]; panels: { progress: string }[] }>(() =>
      homeRoute.loader(loaderArgs(get("/judge", ctx.cookie))),
    );
    expect(page.status).toBe(200);
    expectNoSecrets(text(page.data), ctx);
    expect(page.data.nominations.map((n) => n.id)).toEqual([ctx.shown.id]);
    // Counts and progress leave it out too: one assigned, one scored.
    expect(page.data.progress).toBe("1 of 1 scored");
    expect(page.data.panels[0].progress).toBe("1 of 1 scored");
  },
  "judge.panels.$panelId.tsx": async (ctx) => {
    const path = `/judge/panels/${ctx.panelId}`;
    const page = await run<{ list: { id: number }[] }>(() => panelRoute.loader(loaderArgs(get(path, ctx.cookie), { panelId: String(ctx.panelId) })));
    expect(page.status).toBe(200);
    expectNoSecrets(text(page.data), ctx);
    expect(page.data.list.map((n) => n.id)).toEqual([ctx.shown.id]);
    const declared = await run(() =>
      panelRoute.action(
        loaderArgs(post(path, ctx.cookie, { intent: "declare", nominationId: String(ctx.hidden.id), kind: "personal", note: "x" }), {
          panelId: String(ctx.panelId),
        }),
      ),
    );
    expect(declared.status).toBe(400);
    expectNoSecrets(text(declared.data), ctx);
  },
  "judge.cycles.$year.tsx": async (ctx) => {
    // The one declaration page of the cycle, opened again as if the judge had not finished declaring.
    const [{ year }] = await db
      .select({ year: schema.cycles.year })
      .from(schema.panels)
      .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
      .innerJoin(schema.cycles, eq(schema.cycles.id, schema.categories.cycleId))
      .where(eq(schema.panels.id, ctx.panelId));
    const member = and(eq(schema.panelMembers.panelId, ctx.panelId), eq(schema.panelMembers.personId, ctx.judge.id));
    const [before] = await db.select().from(schema.panelMembers).where(member);
    await db.update(schema.panelMembers).set({ conflictsDeclaredAt: null }).where(member);
    try {
      const path = `/judge/cycles/${year}`;
      const page = await run<{ groups: { nominations: { id: number }[] }[] }>(() =>
        cycleStepsRoute.loader(loaderArgs(get(path, ctx.cookie), { year: String(year) })),
      );
      expect(page.status).toBe(200);
      expectNoSecrets(text(page.data), ctx);
      expect(page.data.groups.flatMap((g) => g.nominations.map((n) => n.id))).toEqual([ctx.shown.id]);
      const declared = await run(() =>
        cycleStepsRoute.action(
          loaderArgs(post(path, ctx.cookie, { intent: "declare", nominationId: String(ctx.hidden.id), kind: "personal", note: "x" }), {
            year: String(year),
          }),
        ),
      );
      expect(declared.status).toBe(400);
      expectNoSecrets(text(declared.data), ctx);
    } finally {
      await db.update(schema.panelMembers).set({ conflictsDeclaredAt: before.conflictsDeclaredAt }).where(member);
    }
  },
  "judge.nominations.$nominationId.tsx": async (ctx) => {
    const path = `/judge/nominations/${ctx.hidden.id}`;
    const params = { nominationId: String(ctx.hidden.id) };
    const page = await run(() => nominationRoute.loader(loaderArgs(get(path, ctx.cookie), params)));
    expect(page.status).toBe(404);
    expectNoSecrets(text(page.data), ctx);
    const before = await scoreRow(ctx.hidden.id, ctx.judge.id);
    const form = Object.fromEntries(ctx.criteria.map((c) => [`criterion-${c.id}`, "5"]));
    const saved = await run(() => nominationRoute.action(loaderArgs(post(path, ctx.cookie, { ...form, intent: "save" }), params)));
    expect(saved.status).toBe(404);
    expect(await scoreRow(ctx.hidden.id, ctx.judge.id)).toEqual(before);
  },
  "judge.nominations.$nominationId_.submit.tsx": async (ctx) => {
    const path = `/judge/nominations/${ctx.hidden.id}/submit`;
    const params = { nominationId: String(ctx.hidden.id) };
    expect((await run(() => submitRoute.loader(loaderArgs(get(path, ctx.cookie), params)))).status).toBe(404);
    expect((await run(() => submitRoute.action(loaderArgs(post(path, ctx.cookie, {}), params)))).status).toBe(404);
  },
  "judge.nominations.$nominationId_.conflict.tsx": async (ctx) => {
    const path = `/judge/nominations/${ctx.hidden.id}/conflict`;
    const params = { nominationId: String(ctx.hidden.id) };
    expect((await run(() => conflictRoute.loader(loaderArgs(get(path, ctx.cookie), params)))).status).toBe(404);
    const declared = await run(() => conflictRoute.action(loaderArgs(post(path, ctx.cookie, { kind: "personal", note: "x" }), params)));
    expect(declared.status).toBe(404);
  },
  "judge.files.$fileId.tsx": async (ctx) => {
    const hidden = await run(() => fileRoute.loader(loaderArgs(get(`/judge/files/${ctx.hidden.fileId}`, ctx.cookie), { fileId: String(ctx.hidden.fileId) })));
    expect(hidden.status).toBe(404);
    const shown = await run(() => fileRoute.loader(loaderArgs(get(`/judge/files/${ctx.shown.fileId}`, ctx.cookie), { fileId: String(ctx.shown.fileId) })));
    expect(shown.status).toBe(200);
  },
  "judge.results.$categoryId.tsx": async (ctx) => {
    // Made chair with the round's scoring closed, the judge's leaderboard still leaves the nomination out of every figure.
    const [panel] = await db.select().from(schema.panels).where(eq(schema.panels.id, ctx.panelId));
    const [category] = await db.select().from(schema.categories).where(eq(schema.categories.id, panel.categoryId));
    const [cycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, category.cycleId));
    const chair = and(eq(schema.panelMembers.panelId, ctx.panelId), eq(schema.panelMembers.personId, ctx.judge.id));
    await db.update(schema.panelMembers).set({ isChair: true }).where(chair);
    const closed = new Date(Date.now() - 1000);
    await db
      .update(schema.cycles)
      .set(ctx.round === "main" ? { judgingCloseAt: closed } : { finalRoundCloseAt: closed })
      .where(eq(schema.cycles.id, cycle.id));
    try {
      const path = `/judge/results/${category.id}`;
      const page = await run<{ rows: { nominationId: number; count: number }[] }>(() =>
        chairResultsRoute.loader(loaderArgs(get(path, ctx.cookie), { categoryId: String(category.id) })),
      );
      expect(page.status).toBe(200);
      expectNoSecrets(text(page.data), ctx);
      expect(page.data.rows.map((r) => r.nominationId)).toEqual([ctx.shown.id]);
    } finally {
      await db.update(schema.panelMembers).set({ isChair: false }).where(chair);
      await db
        .update(schema.cycles)
        .set({ judgingCloseAt: cycle.judgingCloseAt, finalRoundCloseAt: cycle.finalRoundCloseAt })
        .where(eq(schema.cycles.id, cycle.id));
    }
  },
  "judge.results.$categoryId_.panel.tsx": async (ctx) => {
    // Made chair once the main round has closed, the judge's panel meeting holds nothing of the
    // nomination: not its row, not an admin's note on it, and a note on it is refused.
    const [panel] = await db.select().from(schema.panels).where(eq(schema.panels.id, ctx.panelId));
    const [cycle] = await db.select().from(schema.cycles).innerJoin(schema.categories, eq(schema.categories.cycleId, schema.cycles.id)).where(eq(schema.categories.id, panel.categoryId));
    const chair = and(eq(schema.panelMembers.panelId, ctx.panelId), eq(schema.panelMembers.personId, ctx.judge.id));
    await db.update(schema.panelMembers).set({ isChair: true }).where(chair);
    await db.update(schema.cycles).set({ judgingCloseAt: new Date(Date.now() - 1000) }).where(eq(schema.cycles.id, cycle.cycles.id));
    const note = `Panel note on the hidden one ${ctx.hidden.id}`;
    await db.insert(schema.panelDecisions).values({ nominationId: ctx.hidden.id, note, decision: "shortlist", reason: note });
    try {
      const path = `/judge/results/${panel.categoryId}/panel`;
      const params = { categoryId: String(panel.categoryId) };
      const page = await run<{ meeting: { entries: { nominationId: number }[] } }>(() => panelMeetingRoute.loader(loaderArgs(get(path, ctx.cookie), params)));
      expect(page.status).toBe(200);
      expectNoSecrets(text(page.data), ctx);
      expect(text(page.data)).not.toContain(note);
      expect(page.data.meeting.entries.map((e) => e.nominationId)).not.toContain(ctx.hidden.id);
      expect(page.data.meeting.entries.map((e) => e.nominationId)).toContain(ctx.shown.id);
      const form = { intent: "record", nominationId: String(ctx.hidden.id), note: "overwrite", decision: "", reason: "" };
      const refused = await run(() => panelMeetingRoute.action(loaderArgs(post(path, ctx.cookie, form), params)));
      expect(refused.status).toBe(404);
      const [kept] = await db.select().from(schema.panelDecisions).where(eq(schema.panelDecisions.nominationId, ctx.hidden.id));
      expect(kept.note).toBe(note);
    } finally {
      await db.delete(schema.panelDecisions).where(eq(schema.panelDecisions.nominationId, ctx.hidden.id));
      await db.update(schema.panelMembers).set({ isChair: false }).where(chair);
      await db.update(schema.cycles).set({ judgingCloseAt: cycle.cycles.judgingCloseAt }).where(eq(schema.cycles.id, cycle.cycles.id));
    }
  },
  "judge.export[.]csv.tsx": async (ctx) => {
    const csv = await run<string>(() => exportRoute.loader(loaderArgs(get("/judge/export.csv", ctx.cookie))));
    expect(csv.status).toBe(200);
    expect(csv.data).toContain(ctx.shown.nomineeName);
    expect(csv.data).toContain("Impact: 4; Commitment: 3");
    expectNoSecrets(csv.data, ctx);
  },
};

test("every judge route has a probe", () => {
  const routes = readdirSync("app/routes").filter((f) => /^judge[._]/.test(f));
  expect(routes.sort()).toEqual(Object.keys(PROBES).sort());
});

const VARIANTS = [
  { name: "a suspected conflict (found automatically, not yet decided)", status: "suspected", source: "detected", onDuplicate: false },
  { name: "a confirmed conflict", status: "confirmed", source: "admin", onDuplicate: false },
  { name: "a confirmed conflict with a duplicate merged into the nomination", status: "confirmed", source: "declared", onDuplicate: true },
] as const;

const DAY = 24 * 60 * 60 * 1000;
const ROUNDS = {
  main: { cycle: {}, status: "eligible" },
  // The final round re-scores the shortlist; conflicts carry over unchanged.
  final: {
    cycle: {
      phase: "final_round",
      judgingCloseAt: new Date(Date.now() - 2 * DAY),
      finalRoundStartedAt: new Date(Date.now() - DAY),
      finalRoundCloseAt: new Date(Date.now() + 10 * DAY),
    },
    status: "shortlisted",
  },
} as const;
const SWEEP = (["main", "final"] as const).flatMap((round) => VARIANTS.map((variant) => ({ ...variant, round })));

describe.each(SWEEP)("in the $round round, a judge with $name", ({ status, source, onDuplicate, round }) => {
  test("cannot reach the nomination by any route, count, export or email", async () => {
    const cycle = await createJudgingCycle(ROUNDS[round].cycle);
    const { category, criteria, question, panel } = await createJudgedCategory(cycle.id);
    const judge = await createJudge();
    await addToPanel(panel.id, judge.id);
    const tag = Math.random().toString(36).slice(2, 8);
    const hidden = await createNomination(
      category,
      { nomineeName: `Harbour Welcome ${tag}`, nomineeOrganisation: `Secret Org ${tag}`, nominatorName: `Hidden Nominator ${tag}`, status: ROUNDS[round].status },
      { questionId: question.id, text: `Hidden statement ${tag}` },
    );
    const duplicate = await createNomination(category, { nominatorName: `Duplicate Nominator ${tag}`, mergedIntoId: hidden.id, status: "eligible" });
    const shown = await createNomination(category, { nomineeName: `Visible Group ${tag}`, status: ROUNDS[round].status });
    const [hiddenFile, shownFile] = await db
      .insert(schema.nominationFiles)
      .values([
        { nominationId: hidden.id, filename: "hidden.pdf", mediaType: "application/pdf", size: 3, sha256: "x", content: new Uint8Array([1, 2, 3]) },
        { nominationId: shown.id, filename: "shown.pdf", mediaType: "application/pdf", size: 3, sha256: "y", content: new Uint8Array([4, 5, 6]) },
      ])
      .returning();
    // Both assigned, as if the conflict came to light after assignment; the shown one is scored.
    await assign(hidden.id, judge.id, round);
    await assign(shown.id, judge.id, round);
    await giveScores(shown.id, judge.id, { [criteria[0].id]: 4, [criteria[1].id]: 3 }, { round });

    const cookie = await cookieFor(judge.id);
    const ctx: Ctx = {
      round,
      cookie,
      judge,
      panelId: panel.id,
      hidden: { id: hidden.id, fileId: hiddenFile.id, secrets: [`Harbour Welcome ${tag}`, `Secret Org ${tag}`, `Hidden Nominator ${tag}`, `Hidden statement ${tag}`, hidden.reference] },
      shown: { id: shown.id, fileId: shownFile.id, nomineeName: shown.nomineeName },
      criteria,
    };

    // Control: without the conflict, the same judge reaches it.
    const before = await run(() => nominationRoute.loader(loaderArgs(get(`/judge/nominations/${hidden.id}`, cookie), { nominationId: String(hidden.id) })));
    expect(before.status).toBe(200);
    expect(text(before.data)).toContain(`Hidden statement ${tag}`);

    await db.insert(schema.conflicts).values({ personId: judge.id, nominationId: onDuplicate ? duplicate.id : hidden.id, status, source });

    for (const [route, probe] of Object.entries(PROBES)) {
      try {
        await probe(ctx);
      } catch (error) {
        throw new Error(`${route}: ${(error as Error).message}`);
      }
    }

    // Emails written to the judge: assignment notices and reminders name only what they can see.
    await db.update(schema.scores).set({ submittedAt: null }).where(eq(schema.scores.nominationId, shown.id));
    await db.transaction(async (tx) => {
      await notifyNewAssignments(tx, [
        { judgeId: judge.id, nominationId: hidden.id },
        { judgeId: judge.id, nominationId: shown.id },
      ]);
      await sendJudgingReminder(tx, judge.id, cycle.id, SYSTEM_ACTOR);
    });
    const mail = await outboxTo(judge.email);
    expect(mail.map((m) => m.template).sort()).toEqual(["judging-assignments", "judging-reminder"]);
    for (const m of mail) {
      expect(m.text).toContain(shown.nomineeName);
      expectNoSecrets(m.text + m.html + m.subject + text(m.meta), ctx);
    }
  });
});
