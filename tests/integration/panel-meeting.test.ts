import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { recordPanelEntry } from "~/models/panel-meeting.server";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.results.$categoryId_.panel";
import { loader as resultsLoader } from "~/routes/admin.results.$categoryId";
import { action as chairAction, loader as chairLoader } from "~/routes/judge.results.$categoryId_.panel";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { createCycle, createJudgedCategory } from "../support/results";

const HOUR = 3_600_000;

type Entry = { nominationId: number; label: string; note: string; decision: string | null; reason: string; count: number; flags: string[]; rawRank: unknown; calibratedRank: unknown };
type MeetingData = { meeting: { entries: Entry[]; held: number; agreed: { chosen: number[] }; recordProblem: string | null } };

async function panelAudit(nominationId: number) {
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, "panel.recorded"), eq(schema.auditLog.entityId, String(nominationId))));
}

async function setUp(options: { closed: boolean }) {
  const cycle = await createCycle({ phase: "judging", judgingCloseAt: new Date(Date.now() + (options.closed ? -HOUR : HOUR)) });
  const judged = await createJudgedCategory({
    cycleId: cycle.id,
    nominees: ["Elm", "Fir", "Gorse", "Holly"],
    judges: 3,
    scores: [
      [5, 4, 3, 1],
      [5, 2, 3, 2],
      [4, 5, 2, 1],
    ],
  });
  const chair = await createPerson({ isJudge: true, name: "Panel Chair" });
  await db.insert(schema.panelMembers).values({
    panelId: judged.panel.id,
    personId: chair.id,
    isChair: true,
    confidentialityAcceptedAt: new Date(),
    conflictsDeclaredAt: new Date(),
  });
  const admin = await createPerson({ isAdmin: true, name: "Results Admin" });
  const chairCookie = await cookieFor(chair.id);
  const adminCookie = await cookieFor(admin.id);
  const params = { categoryId: String(judged.category.id) };
  const chairPath = `/judge/results/${judged.category.id}/panel`;
  const adminPath = `/admin/results/${judged.category.id}/panel`;
  return {
    ...judged,
    cycle,
    chair,
    admin,
    chairGet: () => run<MeetingData>(() => chairLoader(loaderArgs(makeRequest(chairPath, { cookie: chairCookie }), params))),
    chairPost: (form: Record<string, string>) =>
      run<{ message: string; problems: Record<string, string> }>(() => chairAction(loaderArgs(makeRequest(chairPath, { form, cookie: chairCookie }), params))),
    adminGet: () => run<MeetingData>(() => adminLoader(loaderArgs(makeRequest(adminPath, { cookie: adminCookie }), params))),
    adminPost: (form: Record<string, string>) =>
      run<{ message: string; problems?: Record<string, string> }>(() => adminAction(loaderArgs(makeRequest(adminPath, { form, cookie: adminCookie }), params))),
    resultsGet: () =>
      run<{ panel: { agreed: { chosen: number[] } } | null }>(() =>
        resultsLoader(loaderArgs(makeRequest(`/admin/results/${judged.category.id}`, { cookie: adminCookie }), params)),
      ),
  };
}

describe("the panel meeting", () => {
  test("is refused before judging closes, to chair and admin alike, and nothing is written", async () => {
    const w = await setUp({ closed: false });
    const form = { intent: "record", nominationId: String(w.entries[1].id), note: "Too early", decision: "shortlist", reason: "Strong" };
    expect((await w.chairGet()).status).toBe(409);
    expect((await w.adminGet()).status).toBe(409);
    expect(String((await w.adminGet()).data)).toMatch(/once judging has closed/);
    const chairSave = await w.chairPost(form);
    expect(chairSave.status).toBe(409);
    expect(chairSave.data.message).toMatch(/once judging has closed/);
    expect((await w.adminPost(form)).status).toBe(409);
    expect(await db.select().from(schema.panelDecisions).where(eq(schema.panelDecisions.nominationId, w.entries[1].id))).toEqual([]);
    expect(await panelAudit(w.entries[1].id)).toEqual([]);
  });

  test("only the panel's chair among judges; a member who is not chair is refused", async () => {
    const w = await setUp({ closed: true });
    const member = await cookieFor(w.judges[0].id);
    const path = `/judge/results/${w.category.id}/panel`;
    const page = await run(() => chairLoader(loaderArgs(makeRequest(path, { cookie: member }), { categoryId: String(w.category.id) })));
    expect(page.status).toBe(403);
    const save = await run(() =>
      chairAction(
        loaderArgs(makeRequest(path, { cookie: member, form: { intent: "record", nominationId: String(w.entries[1].id), note: "mine" } }), {
          categoryId: String(w.category.id),
        }),
      ),
    );
    expect(save.status).toBe(403);
  });

  test("shows both ranks and flags; every note and decision is audited with who made it; a decision needs its reason", async () => {
    const w = await setUp({ closed: true });
    const page = await w.adminGet();
    expect(page.status).toBe(200);
    const fir = page.data.meeting.entries.find((e) => e.label.startsWith("Fir"))!;
    expect(fir.rawRank).toMatchObject({ rank: expect.any(Number) });
    expect(fir.calibratedRank).toMatchObject({ rank: expect.any(Number) });
    // Fir's judges gave 4, 2 and 5: a spread of 3 on a 1–5 scale.
    expect(fir.flags).toContain("judges-disagree");

    const noReason = await w.chairPost({ intent: "record", nominationId: String(w.entries[1].id), note: "Split panel", decision: "shortlist", reason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.data.problems.reason).toMatch(/reason/);
    expect(await panelAudit(w.entries[1].id)).toEqual([]);

    const saved = await w.chairPost({
      intent: "record",
      nominationId: String(w.entries[1].id),
      note: "Split panel",
      decision: "shortlist",
      reason: "Its best evidence outweighs one low score",
    });
    expect(saved.status).toBe(302);
    const [record] = await db.select().from(schema.panelDecisions).where(eq(schema.panelDecisions.nominationId, w.entries[1].id));
    expect(record).toMatchObject({ note: "Split panel", decision: "shortlist", updatedById: w.chair.id });
    const [entry] = await panelAudit(w.entries[1].id);
    expect(entry.actorId).toBe(w.chair.id);
    expect(entry.before).toBeNull();
    expect(entry.after).toMatchObject({ decision: "shortlist", note: "Split panel", reason: "Its best evidence outweighs one low score", as: "chair" });

    // A change is audited with what it replaced; saving the same again writes nothing.
    await w.adminPost({ intent: "record", nominationId: String(w.entries[1].id), note: "Split panel", decision: "reserve", reason: "Second thoughts" });
    await w.adminPost({ intent: "record", nominationId: String(w.entries[1].id), note: "Split panel", decision: "reserve", reason: "Second thoughts" });
    const entries = await panelAudit(w.entries[1].id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actorId: w.admin.id, before: { decision: "shortlist" }, after: { decision: "reserve", as: "admin" } });

    // A nomination of another category cannot be recorded here.
    const other = await setUp({ closed: true });
    expect((await w.adminPost({ intent: "record", nominationId: String(other.entries[0].id), note: "Elsewhere" })).status).toBe(404);
  });

  test("a conflicted chair sees neither the entry nor its note, cannot record on it, and held-back scores stay held back", async () => {
    const w = await setUp({ closed: true });
    // Elm: the chair declared a conflict. Gorse: the chair is only suspected, which hides it just the same.
    await db.insert(schema.conflicts).values([
      { personId: w.chair.id, nominationId: w.entries[0].id, status: "confirmed", source: "declared" },
      { personId: w.chair.id, nominationId: w.entries[2].id, status: "suspected", source: "detected" },
      // Judge B is suspected on Holly: B's score there waits, counted by no one.
      { personId: w.judges[1].id, nominationId: w.entries[3].id, status: "suspected", source: "detected" },
    ]);
    const secret = "Elm's nominator is the chair's neighbour";
    expect((await w.adminPost({ intent: "record", nominationId: String(w.entries[0].id), note: secret, decision: "shortlist", reason: "Top marks" })).status).toBe(302);
    expect((await w.adminPost({ intent: "record", nominationId: String(w.entries[2].id), note: "Gorse note", decision: "reserve", reason: "Close" })).status).toBe(302);

    const page = await w.chairGet();
    expect(page.status).toBe(200);
    expect(page.data.meeting.entries.map((e) => e.label)).toEqual(expect.arrayContaining(["Fir (Fir Org)", "Holly (Holly Org)"]));
    expect(page.data.meeting.entries).toHaveLength(2);
    const text = JSON.stringify(page.data);
    for (const leak of ["Elm", "Gorse", secret, "Top marks", String(w.entries[0].reference), String(w.entries[2].reference)]) {
      expect(text).not.toContain(leak);
    }
    // The agreed shortlist the chair sees counts only what the chair may see.
    expect(page.data.meeting.agreed.chosen).toEqual([]);

    const before = await panelAudit(w.entries[0].id);
    const refused = await w.chairPost({ intent: "record", nominationId: String(w.entries[0].id), note: "overwrite", decision: "not_shortlisted", reason: "x" });
    expect(refused.status).toBe(404);
    expect(String(refused.data)).not.toContain("Elm");
    expect(await panelAudit(w.entries[0].id)).toEqual(before);
    const [kept] = await db.select().from(schema.panelDecisions).where(eq(schema.panelDecisions.nominationId, w.entries[0].id));
    expect(kept.note).toBe(secret);

    // Holly: B's held-back score counts nowhere in the meeting, for the admin either.
    const admin = await w.adminGet();
    const holly = admin.data.meeting.entries.find((e) => e.label.startsWith("Holly"))!;
    expect(holly.count).toBe(2);
    expect(admin.data.meeting.held).toBe(1);
  });

  test("the agreed shortlist reaches the shortlist step and is applied there, under its rules", async () => {
    const w = await setUp({ closed: true });
    const [elm, fir, gorse, holly] = w.entries;
    // Nothing agreed yet: nothing to apply.
    expect((await w.adminPost({ intent: "apply" })).status).toBe(400);
    expect((await w.resultsGet()).data.panel).toBeNull();

    await w.chairPost({ intent: "record", nominationId: String(elm.id), note: "", decision: "shortlist", reason: "First on both ranks" });
    await w.chairPost({ intent: "record", nominationId: String(fir.id), note: "", decision: "reserve", reason: "Judges split" });
    await w.chairPost({ intent: "record", nominationId: String(gorse.id), note: "Rural work", decision: "shortlist", reason: "Under-scored rural work" });
    await w.chairPost({ intent: "record", nominationId: String(holly.id), note: "", decision: "not_shortlisted", reason: "Least evidence" });

    const results = await w.resultsGet();
    expect(results.data.panel?.agreed.chosen).toEqual([elm.id, gorse.id]);

    const applied = await w.adminPost({ intent: "apply" });
    expect(applied.status).toBe(302);
    const statuses = await db.select().from(schema.nominations).where(inArray(schema.nominations.id, w.entries.map((e) => e.id)));
    expect(Object.fromEntries(statuses.map((n) => [n.nomineeName, n.status]))).toEqual({
      Elm: "shortlisted",
      Fir: "not_shortlisted",
      Gorse: "shortlisted",
      Holly: "not_shortlisted",
    });
    const [decided] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "shortlist.decided"), eq(schema.auditLog.entityId, String(w.category.id))));
    expect(decided.actorId).toBe(w.admin.id);
    expect(decided.after).toMatchObject({ shortlisted: [elm.id, gorse.id], reason: expect.stringContaining("Under-scored rural work") });

    // Once the shortlist is public the record is closed and applying is refused by the shortlist's own rule.
    await db.update(schema.cycles).set({ shortlistPublishAt: new Date(Date.now() - 1000) }).where(eq(schema.cycles.id, w.cycle.id));
    const late = await w.chairPost({ intent: "record", nominationId: String(fir.id), note: "", decision: "shortlist", reason: "Changed our minds" });
    expect(late.status).toBe(409);
    expect((await w.adminPost({ intent: "apply" })).status).toBe(409);
    const page = await w.chairGet();
    expect(page.status).toBe(200);
    expect(page.data.meeting.recordProblem).toMatch(/can no longer change/);
  });

  test("the model refuses a chair directly, whatever the page does", async () => {
    const w = await setUp({ closed: true });
    await db.insert(schema.conflicts).values({ personId: w.chair.id, nominationId: w.entries[0].id, status: "confirmed", source: "declared" });
    const outcome = await recordPanelEntry({
      viewer: { kind: "chair", judgeId: w.chair.id },
      actor: { id: w.chair.id, name: w.chair.name },
      categoryId: w.category.id,
      nominationId: w.entries[0].id,
      note: "x",
      decision: null,
      reason: "",
    });
    expect(outcome).toMatchObject({ ok: false, status: 404 });
  });
});

test("erasing a nominee erases the panel's note and reason on them, and keeps the decision", async () => {
  const { erasePerson } = await import("~/models/privacy.server");
  const w = await setUp({ closed: true });
  await w.adminPost({ intent: "record", nominationId: String(w.entries[1].id), note: "Fir's founder told us about her illness", decision: "reserve", reason: "Her illness slowed the work" });
  await erasePerson(w.entries[1].nomineeEmail!, { id: w.admin.id, name: w.admin.name });
  const [record] = await db.select().from(schema.panelDecisions).where(eq(schema.panelDecisions.nominationId, w.entries[1].id));
  expect(record.decision).toBe("reserve");
  expect(record.note).not.toContain("illness");
  expect(record.reason).not.toContain("illness");
});
