/**
 * Bulk actions where administrators do things in bulk: several judges onto a panel at once,
 * the assignment for every category in one action, a selection of suspicions decided with one reason.
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { action as assignmentsAction } from "~/routes/admin.judging.assignments";
import { action as conflictsAction } from "~/routes/admin.judging.conflicts";
import { action as panelAction } from "~/routes/admin.panels.$categoryId";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { addToPanel, auditMark, auditActionsSince, createJudge, createJudgedCategory, createJudgingCycle, createNomination } from "../support/judging";
import { databaseFingerprint } from "../support/admin";

async function asAdmin() {
  const admin = await createPerson({ isAdmin: true, name: "Ada Admin" });
  return { admin, cookie: await cookieFor(admin.id) };
}

describe("several judges onto a panel at once", () => {
  test("one send adds every ticked judge, audits each and raises their suspicions", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createJudgingCycle();
    const { category, panel } = await createJudgedCategory(cycle.id);
    const nomination = await createNomination(category, { nomineeOrganisation: "St Mary's Church, Leeds" });
    const conflicted = await createJudge({ organisations: ["St. Marys church"] });
    const other = await createJudge();
    const third = await createJudge();
    const params = { categoryId: String(category.id) };
    const post = (form: Record<string, string | string[]>) =>
      run<{ error?: string; picked?: number[] }>(() => panelAction(loaderArgs(makeRequest(`/admin/panels/${category.id}`, { cookie, form }), params)));

    const mark = await auditMark();
    const sent = await post({ intent: "add", personId: [String(conflicted.id), String(other.id)] });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toContain("members-added");
    const members = await db.select().from(schema.panelMembers).where(eq(schema.panelMembers.panelId, panel.id));
    expect(members.map((m) => m.personId).sort((a, b) => a - b)).toEqual([conflicted.id, other.id].sort((a, b) => a - b));
    const entries = await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "panel.member_added"));
    expect(entries.filter((e) => e.entityId === String(panel.id)).map((e) => (e.after as { personId: number }).personId).sort((a, b) => a - b)).toEqual(
      [conflicted.id, other.id].sort((a, b) => a - b),
    );
    expect((await auditActionsSince(mark)).filter((a) => a === "panel.member_added")).toHaveLength(2);
    const suspicions = await db.select().from(schema.conflicts).where(eq(schema.conflicts.nominationId, nomination.id));
    expect(suspicions.map((c) => [c.personId, c.status])).toEqual([[conflicted.id, "suspected"]]);

    // Nothing ticked: a 400 with a message, nothing written.
    const before = await databaseFingerprint();
    const empty = await post({ intent: "add" });
    expect(empty.status).toBe(400);
    expect(empty.data.error).toBe("Choose a judge to add");
    // One already on the panel: nobody is added, the message names them, the ticks come back.
    const again = await post({ intent: "add", personId: [String(third.id), String(other.id)] });
    expect(again.status).toBe(409);
    expect(again.data.error).toBe(`${other.name} is already on this panel`);
    expect(again.data.picked?.sort((a, b) => a - b)).toEqual([third.id, other.id].sort((a, b) => a - b));
    const bad = await post({ intent: "add", personId: ["abc"] });
    expect(bad.status).toBe(400);
    expect(await databaseFingerprint()).toEqual(before);
    const none = await db.select().from(schema.panelMembers).where(and(eq(schema.panelMembers.panelId, panel.id), inArray(schema.panelMembers.personId, [third.id])));
    expect(none).toHaveLength(0);
  });
});

describe("the assignment for every category in one action", () => {
  test("one send assigns each category and reports per category what lacks judges and why", async () => {
    const { cookie } = await asAdmin();
    const cycle = await createJudgingCycle();
    const full = await createJudgedCategory(cycle.id, { judgesPerNomination: 2, name: "Full panel" });
    const thin = await createJudgedCategory(cycle.id, { judgesPerNomination: 2, name: "Thin panel" });
    const [a, b, c] = [await createJudge(), await createJudge(), await createJudge()];
    await addToPanel(full.panel.id, a.id);
    await addToPanel(full.panel.id, b.id);
    await addToPanel(thin.panel.id, c.id);
    const fullNoms = [await createNomination(full.category), await createNomination(full.category)];
    const thinNom = await createNomination(thin.category, { nomineeName: "Short of judges" });

    const mark = await auditMark();
    const sent = await run<{ all: { categoryId: number; name: string; added: number; shortfalls: { nominationId: number; nomineeName: string; assigned: number; wanted: number; reason: string }[] }[] }>(() =>
      assignmentsAction(loaderArgs(makeRequest(`/admin/judging/assignments?year=${cycle.year}`, { cookie, form: { intent: "run-all" } }))),
    );
    expect(sent.status).toBe(200);
    const rows = await db.select().from(schema.assignments).where(inArray(schema.assignments.nominationId, [...fullNoms.map((x) => x.id), thinNom.id]));
    expect(rows.filter((r) => r.nominationId !== thinNom.id)).toHaveLength(4);
    expect(rows.filter((r) => r.nominationId === thinNom.id).map((r) => r.personId)).toEqual([c.id]);
    expect(sent.data.all.map((r) => [r.name, r.added])).toEqual([
      ["Full panel", 4],
      ["Thin panel", 1],
    ]);
    expect(sent.data.all[0].shortfalls).toEqual([]);
    expect(sent.data.all[1].shortfalls).toHaveLength(1);
    expect(sent.data.all[1].shortfalls[0]).toMatchObject({ nominationId: thinNom.id, nomineeName: "Short of judges", assigned: 1, wanted: 2 });
    expect(sent.data.all[1].shortfalls[0].reason).toBeTruthy();
    // One audit entry per category's run, naming the pairs it added.
    const computed = (await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "assignments.computed"))).filter((e) => e.id > mark);
    expect(computed.map((e) => [e.entityId, (e.after as { added: unknown[] }).added.length])).toEqual([
      [String(full.category.id), 4],
      [String(thin.category.id), 1],
    ]);
  });
});

describe("a selection of suspicions decided with one reason", () => {
  test("one send dismisses every ticked suspicion, each audited; no reason or no tick is a 400 that keeps the selection", async () => {
    const { admin, cookie } = await asAdmin();
    const cycle = await createJudgingCycle();
    const { category, panel } = await createJudgedCategory(cycle.id);
    const [j1, j2, j3] = [await createJudge(), await createJudge(), await createJudge()];
    for (const j of [j1, j2, j3]) await addToPanel(panel.id, j.id);
    const nomination = await createNomination(category);
    const rows = await db
      .insert(schema.conflicts)
      .values([j1, j2, j3].map((j) => ({ personId: j.id, nominationId: nomination.id, status: "suspected" as const, source: "detected" as const, rule: "same-domain" })))
      .returning();
    const [c1, c2, c3] = rows;
    const post = (form: Record<string, string | string[]>) =>
      run<{ bulk?: { errors: Record<string, string>; picked: number[]; reason: string } }>(() =>
        conflictsAction(loaderArgs(makeRequest(`/admin/judging/conflicts?year=${cycle.year}`, { cookie, form }))),
      );

    const before = await databaseFingerprint();
    const noReason = await post({ intent: "bulk-dismiss", conflictId: [String(c1.id), String(c2.id)], reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.data.bulk).toEqual({ errors: { reason: "Give a reason" }, picked: [c1.id, c2.id], reason: "  " });
    const noneTicked = await post({ intent: "bulk-dismiss", reason: "Shared webmail domain" });
    expect(noneTicked.status).toBe(400);
    expect(noneTicked.data.bulk?.errors.conflictIds).toBe("Tick at least one suspicion");
    expect(noneTicked.data.bulk?.reason).toBe("Shared webmail domain");
    expect(await databaseFingerprint()).toEqual(before);

    const mark = await auditMark();
    const sent = await post({ intent: "bulk-dismiss", conflictId: [String(c1.id), String(c2.id)], reason: "Shared webmail domain" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toContain("notice=conflicts-dismissed&count=2");
    const after = await db.select().from(schema.conflicts).where(eq(schema.conflicts.nominationId, nomination.id));
    const byId = new Map(after.map((c) => [c.id, c]));
    for (const id of [c1.id, c2.id]) {
      expect(byId.get(id)).toMatchObject({ status: "dismissed", decisionReason: "Shared webmail domain", decidedById: admin.id, pinned: true });
    }
    expect(byId.get(c3.id)).toMatchObject({ status: "suspected", decisionReason: null });
    const entries = (await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "conflict.dismissed"))).filter((e) => e.id > mark);
    expect(entries.map((e) => e.entityId).sort()).toEqual([String(c1.id), String(c2.id)].sort());

    // An already-decided one in the selection: refused whole, nothing changes.
    const again = await post({ intent: "bulk-confirm", conflictId: [String(c1.id), String(c3.id)], reason: "Known colleague" });
    expect(again.status).toBe(400);
    expect(again.data.bulk?.errors.conflictIds).toBe("Tick only suspicions of this cycle that are still undecided");
    const [still] = await db.select().from(schema.conflicts).where(eq(schema.conflicts.id, c3.id));
    expect(still.status).toBe("suspected");

    const confirmed = await post({ intent: "bulk-confirm", conflictId: [String(c3.id)], reason: "Known colleague" });
    expect(confirmed.status).toBe(302);
    const [c3After] = await db.select().from(schema.conflicts).where(eq(schema.conflicts.id, c3.id));
    expect(c3After).toMatchObject({ status: "confirmed", decisionReason: "Known colleague" });
    expect(await auditActionsSince(mark, "conflict")).toEqual(["conflict.dismissed", "conflict.dismissed", "conflict.confirmed"]);
  });
});
