/**
 * Runs the automatic conflict rules (app/domain/conflicts.ts) over a category's panel
 * and nominations, and stores each new suspicion as a conflict record. Pairs that
 * already have a record of any kind (a pinned dismissal included) are never touched.
 *
 * `detectConflictsAfter` is the one hook every write that can create a match calls, in
 * its own transaction, before anything it wrote becomes visible (docs/decisions/012).
 */
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { detectConflicts, type NominationParties } from "~/domain/conflicts";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { listActiveCategories } from "./cycle.server";
import { JUDGED_STATUSES } from "./judge-visibility.server";

const RULE_LABELS: Record<string, string> = {
  same_email: "same email",
  same_domain: "same email domain",
  organisation: "same organisation",
  local_authority: "same local authority",
  judge_nominated: "the judge nominated",
  judge_nominated_as_nominee: "the judge is the nominee",
  guardian: "the judge is the nominee's guardian",
};

export function ruleLabel(rule: string | null): string {
  if (!rule) return "";
  return rule
    .split(",")
    .map((r) => RULE_LABELS[r.trim()] ?? r.trim())
    .join(", ");
}

/** What a write touched: the categories, nominations or people whose pairs may now match. */
export type DetectionScope = { categoryIds?: number[]; nominationIds?: number[]; personIds?: number[] };

/**
 * THE consequence of every write that can create a match between a judge and a nomination
 * (submitted, confirmed or edited; eligibility decided; duplicates merged; a judge joining a
 * panel, invited or changing their profile; an assignment by hand or by the solver; a cycle
 * copied). Runs detection for every category the write touched, in the writer's
 * transaction, so a suspicion exists before the change can be seen. Returns how many were raised.
 */
export async function detectConflictsAfter(tx: Tx, scope: DetectionScope, actor: Actor): Promise<number> {
  const categoryIds = new Set(scope.categoryIds ?? []);
  if (scope.nominationIds?.length) {
    const rows = await tx
      .selectDistinct({ categoryId: schema.nominations.categoryId })
      .from(schema.nominations)
      .where(inArray(schema.nominations.id, scope.nominationIds));
    for (const row of rows) categoryIds.add(row.categoryId);
  }
  if (scope.personIds?.length) {
    const rows = await tx
      .selectDistinct({ categoryId: schema.panels.categoryId })
      .from(schema.panelMembers)
      .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
      .where(inArray(schema.panelMembers.personId, scope.personIds));
    for (const row of rows) categoryIds.add(row.categoryId);
  }
  let raised = 0;
  for (const categoryId of [...categoryIds].sort((a, b) => a - b)) raised += await detectConflictsForCategory(tx, categoryId, actor);
  return raised;
}

/** Detects conflicts for one category's panel; returns how many suspicions were raised. */
export async function detectConflictsForCategory(tx: Tx, categoryId: number, actor: Actor): Promise<number> {
  const judges = await tx
    .select({
      judgeId: schema.people.id,
      name: schema.people.name,
      email: schema.people.email,
      organisations: schema.people.organisations,
      localAuthority: schema.people.localAuthority,
    })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(and(eq(schema.panels.categoryId, categoryId), isNull(schema.people.deactivatedAt)));
  if (judges.length === 0) return 0;

  const n = schema.nominations;
  const primaries = await tx
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.categoryId, categoryId), isNull(n.mergedIntoId), isNull(n.erasedAt), inArray(n.status, [...JUDGED_STATUSES])));
  if (primaries.length === 0) return 0;
  const primaryIds = primaries.map((p) => p.id);

  // A merged duplicate's nominator is a party to the entry judges see, so it is checked against it.
  const rows = await tx
    .select()
    .from(n)
    .where(and(isNull(n.erasedAt), or(inArray(n.id, primaryIds), inArray(n.mergedIntoId, primaryIds))));
  const parties: NominationParties[] = rows.map((row) => ({
    nominationId: row.mergedIntoId ?? row.id,
    nominee: {
      name: row.nomineeName,
      email: row.nomineeEmail,
      organisation: row.nomineeOrganisation,
      localAuthority: row.nomineeLocalAuthority,
      type: row.nomineeType,
    },
    nominator: { name: row.nominatorName, email: row.nominatorEmail, organisation: row.nominatorOrganisation },
    guardian: row.guardianName || row.guardianEmail ? { name: row.guardianName, email: row.guardianEmail } : null,
  }));
  const primaryOf = new Map(rows.map((row) => [row.id, row.mergedIntoId ?? row.id]));

  const recorded = await tx
    .select({ judgeId: schema.conflicts.personId, nominationId: schema.conflicts.nominationId })
    .from(schema.conflicts)
    .where(
      and(
        inArray(schema.conflicts.personId, judges.map((j) => j.judgeId)),
        inArray(schema.conflicts.nominationId, rows.map((r) => r.id)),
      ),
    );
  const existing = recorded.map((c) => ({ judgeId: c.judgeId, nominationId: primaryOf.get(c.nominationId) ?? c.nominationId }));

  // One record per pair: the rules that fired and their evidence are joined.
  const byPair = new Map<string, { judgeId: number; nominationId: number; rules: string[]; evidence: string[] }>();
  for (const s of detectConflicts(judges, parties, existing)) {
    const key = `${s.judgeId}:${s.nominationId}`;
    const entry = byPair.get(key) ?? { judgeId: s.judgeId, nominationId: s.nominationId, rules: [], evidence: [] };
    entry.rules.push(s.rule);
    entry.evidence.push(s.evidence);
    byPair.set(key, entry);
  }

  let raised = 0;
  for (const pair of byPair.values()) {
    const [row] = await tx
      .insert(schema.conflicts)
      .values({
        personId: pair.judgeId,
        nominationId: pair.nominationId,
        status: "suspected",
        source: "detected",
        rule: pair.rules.join(","),
        evidence: pair.evidence.join("; "),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) continue;
    raised++;
    await audit(tx, {
      actor,
      action: "conflict.suspected",
      entityType: "conflict",
      entityId: row.id,
      after: { personId: row.personId, nominationId: row.nominationId, rule: row.rule, evidence: row.evidence },
    });
  }
  return raised;
}

/** Runs the rules over every live category of a cycle in one transaction; returns how many suspicions it raised. */
export async function detectConflictsInCycle(cycleId: number, actor: Actor): Promise<number> {
  // Read before the transaction: on PGlite's one connection, a query outside `tx` waits for it forever.
  const categories = await listActiveCategories(cycleId);
  return db.transaction(async (tx) => {
    let total = 0;
    for (const c of categories) total += await detectConflictsForCategory(tx, c.id, actor);
    return total;
  });
}
