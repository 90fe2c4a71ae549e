/**
 * Conflict records through their life: declared by a judge (confirmed at once),
 * suspected by detection, confirmed or dismissed by an admin with a reason, or set by an
 * admin. Each change is audited, and a confirmed conflict voids, removes and reassigns.
 */
import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Conflict } from "#db/schema";
import { audit } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { applyConflictConsequences } from "./assignments.server";
import { declarableNominationsFor } from "./judge-visibility.server";

const n = schema.nominations;

function snapshot(c: Conflict | undefined) {
  if (!c) return null;
  const { status, source, rule, kind, note, decisionReason, pinned } = c;
  return { status, source, rule, kind, note, decisionReason, pinned };
}

/**
 * A judge declares a conflict with a nomination of their panel. Refused (false) when
 * the judge cannot see it on their declaration list: not on the panel, statement not
 * accepted, or already conflicted.
 */
export async function declareConflict(
  judge: { id: number; name: string },
  { nominationId, kind, note }: { nominationId: number; kind: string; note: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [nomination] = await tx.select({ id: n.id, categoryId: n.categoryId }).from(n).where(eq(n.id, nominationId));
    if (!nomination) return false;
    const [listed] = await tx
      .select({ id: n.id })
      .from(n)
      .where(and(eq(n.id, nominationId), declarableNominationsFor(judge.id, nomination.categoryId)));
    if (!listed) return false;
    const actor = { id: judge.id, name: judge.name };
    const [before] = await tx
      .select()
      .from(schema.conflicts)
      .where(and(eq(schema.conflicts.personId, judge.id), eq(schema.conflicts.nominationId, nominationId)));
    const values = {
      status: "confirmed" as const,
      source: "declared" as const,
      kind,
      note,
      decidedById: judge.id,
      decidedAt: new Date(),
      decisionReason: "Declared by the judge",
      pinned: true,
    };
    const [after] = await tx
      .insert(schema.conflicts)
      .values({ personId: judge.id, nominationId, ...values })
      .onConflictDoUpdate({ target: [schema.conflicts.personId, schema.conflicts.nominationId], set: values })
      .returning();
    await audit(tx, { actor, action: "conflict.declared", entityType: "conflict", entityId: after.id, before: snapshot(before), after: { ...snapshot(after), personId: judge.id, nominationId } });
    await applyConflictConsequences(tx, { judgeId: judge.id, nominationId }, actor);
    return true;
  });
}

export async function decideConflict(
  admin: { id: number; name: string },
  { conflictId, decision, reason }: { conflictId: number; decision: "confirm" | "dismiss"; reason: string },
): Promise<boolean> {
  return db.transaction((tx) => decideInTx(tx, admin, { conflictId, decision, reason }));
}

/**
 * Confirms or dismisses several conflicts with one reason, all or none, in one transaction:
 * each is audited and (when confirmed) has its consequences exactly as a single decision.
 * Returns how many were decided; false when any of them no longer exists.
 */
export async function decideConflicts(
  admin: { id: number; name: string },
  { conflictIds, decision, reason }: { conflictIds: number[]; decision: "confirm" | "dismiss"; reason: string },
): Promise<number | false> {
  const ids = [...new Set(conflictIds)].sort((a, b) => a - b);
  if (ids.length === 0) return false;
  return db.transaction(async (tx) => {
    const found = await tx.select({ id: schema.conflicts.id }).from(schema.conflicts).where(inArray(schema.conflicts.id, ids)).for("update");
    if (found.length !== ids.length) return false;
    for (const conflictId of ids) await decideInTx(tx, admin, { conflictId, decision, reason });
    return ids.length;
  });
}

async function decideInTx(
  tx: Tx,
  admin: { id: number; name: string },
  { conflictId, decision, reason }: { conflictId: number; decision: "confirm" | "dismiss"; reason: string },
): Promise<boolean> {
  const [before] = await tx.select().from(schema.conflicts).where(eq(schema.conflicts.id, conflictId)).for("update");
  if (!before) return false;
  const [after] = await tx
    .update(schema.conflicts)
    .set({
      status: decision === "confirm" ? "confirmed" : "dismissed",
      decisionReason: reason,
      decidedById: admin.id,
      decidedAt: new Date(),
      // Either way it is now a human decision, which detection never overrides.
      pinned: true,
    })
    .where(eq(schema.conflicts.id, conflictId))
    .returning();
  const actor = { id: admin.id, name: admin.name };
  await audit(tx, {
    actor,
    action: decision === "confirm" ? "conflict.confirmed" : "conflict.dismissed",
    entityType: "conflict",
    entityId: conflictId,
    before: snapshot(before),
    after: snapshot(after),
  });
  if (decision === "confirm") {
    await applyConflictConsequences(tx, { judgeId: after.personId, nominationId: after.nominationId }, actor);
  }
  return true;
}

/** An admin records a conflict the rules could not see. */
export async function setConflict(
  admin: { id: number; name: string },
  { personId, nominationId, reason }: { personId: number; nominationId: number; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(schema.conflicts)
      .where(and(eq(schema.conflicts.personId, personId), eq(schema.conflicts.nominationId, nominationId)));
    const values = {
      status: "confirmed" as const,
      source: "admin" as const,
      decisionReason: reason,
      decidedById: admin.id,
      decidedAt: new Date(),
      pinned: true,
    };
    const [after] = await tx
      .insert(schema.conflicts)
      .values({ personId, nominationId, ...values })
      .onConflictDoUpdate({ target: [schema.conflicts.personId, schema.conflicts.nominationId], set: values })
      .returning();
    const actor = { id: admin.id, name: admin.name };
    await audit(tx, { actor, action: "conflict.set", entityType: "conflict", entityId: after.id, before: snapshot(before), after: { ...snapshot(after), personId, nominationId } });
    await applyConflictConsequences(tx, { judgeId: personId, nominationId }, actor);
  });
}

export type ConflictFilters = {
  cycleId: number;
  status?: Conflict["status"];
  source?: Conflict["source"];
  categoryId?: number;
  personId?: number;
};

/** The admin board: every conflict of a cycle, newest first, filtered. */
export async function listConflicts(filters: ConflictFilters, tx: Tx = db) {
  const conditions: Array<SQL | undefined> = [
    eq(n.cycleId, filters.cycleId),
    filters.status ? eq(schema.conflicts.status, filters.status) : undefined,
    filters.source ? eq(schema.conflicts.source, filters.source) : undefined,
    filters.categoryId ? eq(n.categoryId, filters.categoryId) : undefined,
    filters.personId ? eq(schema.conflicts.personId, filters.personId) : undefined,
  ];
  return tx
    .select({
      id: schema.conflicts.id,
      status: schema.conflicts.status,
      source: schema.conflicts.source,
      rule: schema.conflicts.rule,
      evidence: schema.conflicts.evidence,
      kind: schema.conflicts.kind,
      note: schema.conflicts.note,
      decisionReason: schema.conflicts.decisionReason,
      pinned: schema.conflicts.pinned,
      createdAt: schema.conflicts.createdAt,
      judgeId: schema.people.id,
      judgeName: schema.people.name,
      nominationId: n.id,
      reference: n.reference,
      nomineeName: n.nomineeName,
      category: schema.categories.name,
    })
    .from(schema.conflicts)
    .innerJoin(n, eq(n.id, schema.conflicts.nominationId))
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .innerJoin(schema.people, eq(schema.people.id, schema.conflicts.personId))
    .where(and(...conditions))
    .orderBy(desc(schema.conflicts.createdAt), asc(schema.conflicts.id));
}

/** What an admin can pick on the conflict board: the cycle's judges and its eligible nominations. */
export async function conflictChoices(cycleId: number) {
  const judges = await db
    .selectDistinct({ id: schema.people.id, name: schema.people.name })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
    .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(eq(schema.categories.cycleId, cycleId))
    .orderBy(asc(schema.people.name));
  const nominations = await db
    .select({ id: schema.nominations.id, reference: schema.nominations.reference, nomineeName: schema.nominations.nomineeName })
    .from(schema.nominations)
    .where(and(eq(schema.nominations.cycleId, cycleId), eq(schema.nominations.status, "eligible"), isNull(schema.nominations.mergedIntoId)))
    .orderBy(asc(schema.nominations.nomineeName));
  return { judges, nominations };
}
