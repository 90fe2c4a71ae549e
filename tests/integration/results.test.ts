import { spawn } from "node:child_process";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { runScheduledWork } from "~/server/background";
import { getCategoryResults } from "~/models/results-leaderboard.server";
import { decideShortlist, recordAwards } from "~/models/results-decisions.server";
import { schedulePublication } from "~/models/results-publication.server";
import { getPublicResults } from "~/models/public-results.server";
import { action as resultsAction, loader as resultsLoader } from "~/routes/admin.results.$categoryId";
import { action as scheduleAction } from "~/routes/admin.results._index";
import { loader as chairLoader } from "~/routes/judge.results.$categoryId";
import { loader as winnersYear } from "~/routes/winners.$year";
import { loader as winnersIndex } from "~/routes/winners._index";
import { loader as archive } from "~/routes/archive";
import { loader as sitemap } from "~/routes/sitemap[.]xml";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { createCycle, createJudgedCategory } from "../support/results";

const actor = { id: null, name: "test" };
const HOUR = 3_600_000;

async function outboxFor(nominationId: number) {
  const all = await db.select().from(schema.emailOutbox);
  return all.filter((e) => (e.meta as { nominationIds?: number[] }).nominationIds?.includes(nominationId));
}

describe("the leaderboard", () => {
  test("calibration removes a lenient judge; voided and draft scores never count", async () => {
    const cycle = await createCycle();
    // Judge C is 2 points more lenient than A and B on everything they score.
    const { category, entries, judges } = await createJudgedCategory({
      cycleId: cycle.id,
      nominees: ["Ash", "Birch", "Cedar", "Damson"],
      judges: 3,
      scores: [
        [4, 3, 2, 1],
        [4, 3, 2, 1],
        [null, 5, 4, 3],
      ],
    });
    // A voided score and an unsubmitted draft, both absurd, must change nothing.
    await db.insert(schema.scores).values([
      { nominationId: entries[0].id, personId: judges[2].id, values: { x: 1 }, submittedAt: new Date(), voidedAt: new Date(), voidReason: "conflict" },
    ]);
    const extra = await createPerson({ isJudge: true });
    await db.insert(schema.scores).values({ nominationId: entries[3].id, personId: extra.id, values: {}, submittedAt: null });

    const results = (await getCategoryResults(category.id))!;
    const row = (name: string) => results.board.rows.find((r) => r.label.startsWith(name))!;
    // Raw means flatter what C scored; calibration removes C's +2 and restores the true gaps.
    expect(row("Damson").mean).toBeCloseTo((1 + 1 + 3) / 3, 6);
    expect(row("Cedar").calibrated! - row("Damson").calibrated!).toBeCloseTo(1, 6);
    expect(row("Ash").calibrated! - row("Birch").calibrated!).toBeCloseTo(1, 6);
    expect(row("Ash").mean! - row("Birch").mean!).toBeCloseTo(1 / 3, 6);
    expect(results.board.unadjustedJudges).toEqual([]);
    expect(row("Ash").count).toBe(2);
    expect(results.board.rows.map((r) => r.label.split(" ")[0])).toEqual(["Ash", "Birch", "Cedar", "Damson"]);
    expect(results.suggestion.suggested).toEqual([entries[0].id, entries[1].id]);
  });

  test("a chair sees the panel's results only after scoring closes, without what they are conflicted on", async () => {
    const cycle = await createCycle({ phase: "judging", judgingCloseAt: new Date(Date.now() + HOUR) });
    const { category, entries, judges, panel } = await createJudgedCategory({
      cycleId: cycle.id,
      nominees: ["Elm", "Fir", "Gorse"],
      judges: 2,
      scores: [
        [5, 4, 3],
        [5, 4, 3],
      ],
    });
    const chair = await createPerson({ isJudge: true, name: "Chair" });
    await db.insert(schema.panelMembers).values({
      panelId: panel.id,
      personId: chair.id,
      isChair: true,
      confidentialityAcceptedAt: new Date(),
      conflictsDeclaredAt: new Date(),
    });
    await db.insert(schema.conflicts).values({ personId: chair.id, nominationId: entries[0].id, status: "confirmed", source: "declared" });
    const cookie = await cookieFor(chair.id);
    const args = () => loaderArgs(makeRequest(`/judge/results/${category.id}`, { cookie }), { categoryId: String(category.id) });

    expect((await run(() => chairLoader(args()))).status).toBe(403);
    await db.update(schema.cycles).set({ judgingCloseAt: new Date(Date.now() - 1000) }).where(eq(schema.cycles.id, cycle.id));
    const page = await run<{ rows: { label: string; count: number }[] }>(() => chairLoader(args()));
    expect(page.status).toBe(200);
    expect(page.data.rows.map((r) => r.label)).toEqual(["Fir (Fir Org)", "Gorse (Gorse Org)"]);
    expect(JSON.stringify(page.data)).not.toContain("Elm");

    const member = await cookieFor(judges[0].id);
    const notChair = await run(() =>
      chairLoader(loaderArgs(makeRequest(`/judge/results/${category.id}`, { cookie: member }), { categoryId: String(category.id) })),
    );
    expect(notChair.status).toBe(403);
  });
});

describe("shortlisting and awards", () => {
  test("the suggestion stands without a reason; a change needs one and is audited", async () => {
    const cycle = await createCycle();
    const { category, entries } = await createJudgedCategory({
      cycleId: cycle.id,
      nominees: ["Hazel", "Ivy", "Juniper"],
      judges: 2,
      scores: [
        [5, 4, 2],
        [5, 4, 2],
      ],
    });
    const admin = await createPerson({ isAdmin: true, name: "Admin" });
    const cookie = await cookieFor(admin.id);
    const post = (form: Record<string, string | string[]>) =>
      run<{ result: { error?: Record<string, string[]> } }>(() =>
        resultsAction(loaderArgs(makeRequest(`/admin/results/${category.id}`, { form, cookie }), { categoryId: String(category.id) })),
      );

    const noReason = await post({ intent: "shortlist", shortlist: [String(entries[0].id), String(entries[2].id)], reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.data.result.error?.reason?.[0]).toMatch(/reason/i);
    expect((await db.select().from(schema.nominations).where(eq(schema.nominations.status, "shortlisted"))).filter((n) => n.categoryId === category.id)).toHaveLength(0);

    const withReason = await post({
      intent: "shortlist",
      shortlist: [String(entries[0].id), String(entries[2].id)],
      reason: "The panel judged Juniper's rural work under-scored.",
    });
    expect(withReason.status).toBe(302);
    const statuses = await db.select().from(schema.nominations).where(inArray(schema.nominations.id, entries.map((e) => e.id)));
    expect(Object.fromEntries(statuses.map((n) => [n.nomineeName, n.status]))).toEqual({
      Hazel: "shortlisted",
      Ivy: "not_shortlisted",
      Juniper: "shortlisted",
    });
    const [entry] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "shortlist.decided"), eq(schema.auditLog.entityId, String(category.id))));
    expect(entry.actorId).toBe(admin.id);
    expect(entry.after).toMatchObject({ added: [entries[2].id], removed: [entries[1].id], reason: expect.stringContaining("rural") });

    // Awards: a citation is required; joint winners are allowed.
    const missing = await run<{ problems: Record<string, string> }>(() =>
      resultsAction(
        loaderArgs(
          makeRequest(`/admin/results/${category.id}`, {
            cookie,
            form: {
              intent: "awards",
              "awards[0].nominationId": String(entries[0].id),
              "awards[0].award": "winner",
              "awards[0].citation": "",
              "awards[1].nominationId": String(entries[2].id),
              "awards[1].award": "winner",
              "awards[1].citation": "For reaching villages no bus reaches.",
            },
          }),
          { categoryId: String(category.id) },
        ),
      ),
    );
    expect(missing.status).toBe(400);
    expect(missing.data.problems[entries[0].id]).toMatch(/citation/);

    const ok = await recordAwards({
      categoryId: category.id,
      actor,
      choices: [
        { nominationId: entries[0].id, award: "winner", citation: "For a welcome that changed a town." },
        { nominationId: entries[2].id, award: "winner", citation: "For reaching villages no bus reaches." },
      ],
    });
    expect(ok).toEqual({ ok: true });
    const page = await run<{ finalists: { status: string }[] }>(() =>
      resultsLoader(loaderArgs(makeRequest(`/admin/results/${category.id}`, { cookie }), { categoryId: String(category.id) })),
    );
    expect(page.data.finalists.map((f) => f.status)).toEqual(["winner", "winner"]);
  });

  test("judges and visitors cannot reach the results pages", async () => {
    const judge = await createPerson({ isJudge: true });
    const cookie = await cookieFor(judge.id);
    const forJudge = await run(() => resultsLoader(loaderArgs(makeRequest("/admin/results/1", { cookie }), { categoryId: "1" })));
    expect(forJudge.status).toBe(403);
    const anonymous = await run(() =>
      resultsAction(loaderArgs(makeRequest("/admin/results/1", { form: { intent: "shortlist", shortlist: "1" } }), { categoryId: "1" })),
    );
    expect(anonymous.status).toBe(302);
  });
});

describe("publication under embargo", () => {
  async function decidedCycle() {
    const cycle = await createCycle({ phase: "judging" });
    const made = await createJudgedCategory({
      cycleId: cycle.id,
      nominees: ["Larch", "Maple", "Nutmeg"],
      judges: 2,
      scores: [
        [5, 3, 2],
        [5, 3, 2],
      ],
    });
    expect(await decideShortlist({ categoryId: made.category.id, chosen: [made.entries[0].id, made.entries[1].id], reason: "", actor })).toEqual({ ok: true });
    expect(
      await recordAwards({
        categoryId: made.category.id,
        actor,
        choices: [
          { nominationId: made.entries[0].id, award: "winner", citation: "Secret citation for Larch" },
          { nominationId: made.entries[1].id, award: "highly_commended", citation: "Secret citation for Maple" },
        ],
      }),
    ).toEqual({ ok: true });
    return { cycle, ...made };
  }

  async function everyPublicAnswer(year: number) {
    const answers = await Promise.all([
      run(() => winnersYear(loaderArgs(makeRequest(`/winners/${year}`), { year: String(year) }))),
      run(() => winnersIndex(loaderArgs(makeRequest("/winners")))),
      run(() => archive(loaderArgs(makeRequest("/archive")))),
      run(() => sitemap()),
    ]);
    return answers.map((a) => JSON.stringify(a.data)).join("\n");
  }

  test("before its time nothing public reveals the shortlist or the winners, and no email goes", async () => {
    const { cycle, entries } = await decidedCycle();
    await schedulePublication({
      cycleId: cycle.id,
      shortlistPublishAt: new Date(Date.now() + HOUR),
      winnersPublishAt: new Date(Date.now() + 2 * HOUR),
      actor,
    });
    const yearPage = await run(() => winnersYear(loaderArgs(makeRequest(`/winners/${cycle.year}`), { year: String(cycle.year) })));
    expect(yearPage.status).toBe(404);
    const everything = await everyPublicAnswer(cycle.year);
    for (const secret of ["Larch", "Maple", "Secret citation", String(cycle.year)]) expect(everything).not.toContain(secret);
    await runScheduledWork();
    expect(await outboxFor(entries[0].id)).toHaveLength(0);
    expect(await getPublicResults(cycle.year, new Date())).toBeNull();
  });

  test("at the shortlist's time the shortlist shows, without awards; at the winners' time, the winners", async () => {
    const { cycle, entries } = await decidedCycle();
    const shortlistAt = new Date(Date.now() + HOUR);
    const winnersAt = new Date(Date.now() + 2 * HOUR);
    await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: shortlistAt, winnersPublishAt: winnersAt, actor });

    const atShortlist = (await getPublicResults(cycle.year, shortlistAt))!;
    expect(atShortlist.stage).toBe("shortlist");
    const text = JSON.stringify(atShortlist);
    expect(text).toContain("Larch");
    expect(text).toContain("Maple");
    expect(text).not.toContain("Nutmeg");
    expect(text).not.toContain("Secret citation");
    expect(atShortlist.categories[0].winners).toEqual([]);
    expect(atShortlist.cacheSeconds).toBeLessThanOrEqual(300);

    const atWinners = (await getPublicResults(cycle.year, winnersAt))!;
    expect(atWinners.stage).toBe("winners");
    expect(atWinners.categories[0].winners.map((w) => w.name)).toEqual(["Larch"]);
    expect(atWinners.categories[0].winners[0].citation).toBe("Secret citation for Larch");
    expect(atWinners.categories[0].highlyCommended.map((w) => w.name)).toEqual(["Maple"]);
    void entries;
  });

  test("a publication due while the server was down runs once at start-up; its emails land exactly once", async () => {
    const { cycle, entries } = await decidedCycle();
    // Scheduled in the past: the server was down at that moment.
    await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: new Date(Date.now() - 60_000), winnersPublishAt: null, actor });
    const first = await runScheduledWork();
    expect(first.done).toContain(`publish_shortlist:cycle:${cycle.id}`);
    const second = await runScheduledWork();
    expect(second.done).toEqual([]);

    // Larch and Maple shortlisted, Nutmeg not: nominator and nominee each hear once.
    for (const [i, template] of [
      [0, "result-shortlisted"],
      [1, "result-shortlisted"],
      [2, "result-not_shortlisted"],
    ] as const) {
      const mails = await outboxFor(entries[i].id);
      expect(mails.map((m) => m.template)).toEqual([template, template]);
      expect(mails.map((m) => m.to).sort()).toEqual([entries[i].nominatorEmail, entries[i].nomineeEmail].sort());
      // The shortlist email does not give away the award.
      for (const m of mails) expect(m.text).not.toContain("Secret citation");
    }
    const [after] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, cycle.id));
    expect(after.phase).toBe("shortlist_published");

    const page = await run(() => winnersYear(loaderArgs(makeRequest(`/winners/${cycle.year}`), { year: String(cycle.year) })));
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toMatch(/s-maxage=\d+/);
  });

  test.runIf(process.env.TEST_DB_KIND === "postgres")("two app processes racing run the publication once", async () => {
    const { cycle, entries } = await decidedCycle();
    // The winners' time needs the shortlist's first (app/domain/phase-rules.ts).
    const past = new Date(Date.now() - 1000);
    expect(await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: past, winnersPublishAt: past, actor })).toEqual({ ok: true });
    const runInChild = () =>
      new Promise<number>((resolve) => {
        const child = spawn("node_modules/.bin/tsx", ["tests/support/run-jobs-once.ts"], {
          env: { ...process.env, DATABASE_URL: process.env.CURRENT_TEST_DATABASE_URL, SEED_DEMO: "false" },
          stdio: "inherit",
        });
        child.on("exit", (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([runInChild(), runInChild()])).toEqual([0, 0]);
    const mails = await outboxFor(entries[0].id);
    expect(mails.map((m) => m.template).filter((t) => t === "result-winner")).toEqual(["result-winner", "result-winner"]);
    const jobs = await db.select().from(schema.jobs).where(eq(schema.jobs.key, `cycle:${cycle.id}`));
    expect(jobs.filter((j) => j.kind === "publish_winners").map((j) => [j.kind, j.status, j.attempts])).toEqual([["publish_winners", "done", 1]]);
  });

  test.runIf(process.env.TEST_DB_KIND !== "postgres")("two overlapping runs in one process publish once", async () => {
    const { cycle, entries } = await decidedCycle();
    // The winners' time needs the shortlist's first (app/domain/phase-rules.ts).
    const past = new Date(Date.now() - 1000);
    expect(await schedulePublication({ cycleId: cycle.id, shortlistPublishAt: past, winnersPublishAt: past, actor })).toEqual({ ok: true });
    await Promise.all([runScheduledWork(), runScheduledWork()]);
    expect((await outboxFor(entries[0].id)).map((m) => m.template).filter((t) => t === "result-winner")).toEqual(["result-winner", "result-winner"]);
  });

  test("the schedule form refuses a shortlist time while a category is undecided, keeping what was typed", async () => {
    // The schedule page works on the current cycle: the newest that is not archived.
    const cycle = await createCycle({ year: 2999, phase: "judging" });
    await createJudgedCategory({ cycleId: cycle.id, nominees: ["Oak"], judges: 1, scores: [[4]] });
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const answer = await run<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(() =>
      scheduleAction(loaderArgs(makeRequest("/admin/results", { cookie, form: { shortlistPublishAt: "2199-09-01T09:00", winnersPublishAt: "" } }))),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.result.error.shortlistPublishAt[0]).toMatch(/Decide the shortlist first in: Category/);
    expect(answer.data.result.initialValue.shortlistPublishAt).toBe("2199-09-01T09:00");
    const bad = await run<{ result: { error: Record<string, string[]> } }>(() =>
      scheduleAction(loaderArgs(makeRequest("/admin/results", { cookie, form: { shortlistPublishAt: "soon" } }))),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.shortlistPublishAt[0]).toMatch(/real date and time/);
    await db.delete(schema.cycles).where(eq(schema.cycles.id, cycle.id));
  });
});

describe("the results export", () => {
  test("is a CSV in rank order with each judge's score, safe in Excel", async () => {
    const { loader: exportLoader } = await import("~/routes/admin.results.$categoryId_.export");
    const { parseCsv } = await import("~/domain/csv");
    const cycle = await createCycle();
    const { category } = await createJudgedCategory({
      cycleId: cycle.id,
      nominees: ['=HYPERLINK("x")', "Zoë Łukasz", "مجموعة الترحيب"],
      judges: 2,
      scores: [
        [3, 5, 4],
        [3, 5, 4],
      ],
    });
    const admin = await createPerson({ isAdmin: true });
    const cookie = await cookieFor(admin.id);
    const answer = await run<string>(() =>
      exportLoader(loaderArgs(makeRequest(`/admin/results/${category.id}/export`, { cookie }), { categoryId: String(category.id) })),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Disposition")).toMatch(/^attachment; filename="results-/);
    const rows = parseCsv(answer.data.replace(/^\uFEFF/, ""));
    expect(rows[0].slice(0, 4)).toEqual(["Rank", "Tied", "Reference", "Nominee"]);
    expect(rows.slice(1).map((r) => r[3])).toEqual(["Zoë Łukasz (Zoë Łukasz Org)", "مجموعة الترحيب (مجموعة الترحيب Org)", `'=HYPERLINK("x") (=HYPERLINK("x") Org)`]);
    expect(rows[1].slice(-2)).toEqual(["5.000", "5.000"]);
    const forJudge = await run(async () =>
      exportLoader(loaderArgs(makeRequest(`/admin/results/${category.id}/export`, { cookie: await cookieFor((await createPerson({ isJudge: true })).id) }), { categoryId: String(category.id) })),
    );
    expect(forJudge.status).toBe(403);
  });
});

describe("a nominator's own page", () => {
  test("does not reveal eligibility or results before they are published", async () => {
    const { loader: statusLoader } = await import("~/routes/nominate.$slug._index");
    const { generateToken, hashToken } = await import("~/utils/tokens.server");
    const { nominationCookie } = await import("~/utils/nomination-access.server");
    const { getCurrentCycle } = await import("~/models/cycle.server");
    // The journey works on the current cycle: make one, judged, with a decided winner.
    const cycle = await createCycle({ year: 2998, phase: "judging" });
    expect((await getCurrentCycle())?.id).toBe(cycle.id);
    const { category, entries } = await createJudgedCategory({ cycleId: cycle.id, nominees: ["Quince"], judges: 1, scores: [[5]] });
    const token = generateToken();
    await db.update(schema.nominations).set({ accessTokenHash: hashToken(token), status: "winner", citation: "Secret citation for Quince" }).where(eq(schema.nominations.id, entries[0].id));
    const cookie = nominationCookie(category.slug, token).split(";")[0];
    const page = await run(() => statusLoader(loaderArgs(makeRequest(`/nominate/${category.slug}`, { cookie }), { slug: category.slug })));
    const body = JSON.stringify(page.data);
    expect(body).toContain("Quince");
    expect(body).toContain('"in_review"');
    for (const secret of ["winner", "Secret citation", "shortlisted", "eligible"]) expect(body).not.toContain(secret);
    await db.delete(schema.cycles).where(eq(schema.cycles.id, cycle.id));
  });
});
