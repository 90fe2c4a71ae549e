/**
 * Judging progress for admins, and reminders to judges: by hand from the admin page, and
 * automatically a set number of days before the round closes (once per judge per cycle
 * and round, made idempotent by the jobs table's unique kind and key). Everything is
 * about the round the cycle is in now: the main round, or the optional final round.
 */
import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import JudgingReminderEmail from "#emails/judging-reminder";
import { currentRound, progressLabel, reminderIsDue, roundCloseAt, type Round } from "~/domain/judging";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv } from "~/utils/env.server";
import { formatLondon } from "~/domain/time";
import { assignedAndUnconflictedFor, visibleNominationsFor } from "./judge-visibility.server";

const n = schema.nominations;
const s = schema.scores;

/** Every judge's progress in a cycle's round, per panel: what is assigned, submitted and in draft. */
export async function judgingProgress(cycleId: number, round: Round, tx: Tx = db) {
  const members = await tx
    .select({
      judgeId: schema.people.id,
      name: schema.people.name,
      email: schema.people.email,
      categoryId: schema.categories.id,
      category: schema.categories.name,
      isChair: schema.panelMembers.isChair,
      acceptedAt: schema.panelMembers.confidentialityAcceptedAt,
      declaredAt: schema.panelMembers.conflictsDeclaredAt,
    })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
    .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(and(eq(schema.categories.cycleId, cycleId), isNull(schema.people.deactivatedAt)))
    .orderBy(asc(schema.people.name), asc(schema.categories.position));
  const counts = await tx
    .select({
      judgeId: schema.assignments.personId,
      categoryId: n.categoryId,
      assigned: count(),
      submitted: count(s.submittedAt),
      started: count(s.id),
    })
    .from(schema.assignments)
    .innerJoin(n, eq(n.id, schema.assignments.nominationId))
    .leftJoin(
      s,
      and(eq(s.nominationId, n.id), eq(s.personId, schema.assignments.personId), eq(s.round, round), isNull(s.voidedAt)),
    )
    .where(and(eq(n.cycleId, cycleId), eq(schema.assignments.round, round), isNull(n.mergedIntoId)))
    .groupBy(schema.assignments.personId, n.categoryId);
  return members.map((m) => {
    const c = counts.find((x) => x.judgeId === m.judgeId && x.categoryId === m.categoryId);
    const assigned = c?.assigned ?? 0;
    const submitted = c?.submitted ?? 0;
    return { ...m, assigned, submitted, drafts: (c?.started ?? 0) - submitted, label: progressLabel(submitted, assigned) };
  });
}

/**
 * Writes one reminder to a judge about one cycle, listing only what they can see.
 * Returns false (and sends nothing) when they have nothing left to do.
 */
export async function sendJudgingReminder(tx: Tx, judgeId: number, cycleId: number, actor: Actor): Promise<boolean> {
  const [judge] = await tx.select().from(schema.people).where(and(eq(schema.people.id, judgeId), isNull(schema.people.deactivatedAt)));
  const [cycle] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, cycleId));
  if (!judge || !cycle) return false;
  const round = currentRound(cycle);
  const closeAt = roundCloseAt(cycle, round);
  const visible = await tx
    .select({ id: n.id, reference: n.reference, nomineeName: n.nomineeName, category: schema.categories.name, submittedAt: s.submittedAt })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .leftJoin(s, and(eq(s.nominationId, n.id), eq(s.personId, judgeId), eq(s.round, round), isNull(s.voidedAt)))
    .where(and(eq(n.cycleId, cycleId), visibleNominationsFor(judgeId, { round })))
    .orderBy(asc(schema.categories.position), asc(n.nomineeName));
  const shownIds = new Set(visible.map((v) => v.id));
  const locked = await tx
    .select({ id: n.id, category: schema.categories.name })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .where(and(eq(n.cycleId, cycleId), assignedAndUnconflictedFor(judgeId, { round })));
  const waitingByCategory = new Map<string, number>();
  for (const row of locked) if (!shownIds.has(row.id)) waitingByCategory.set(row.category, (waitingByCategory.get(row.category) ?? 0) + 1);
  const unscored = visible.filter((v) => !v.submittedAt);
  if (unscored.length === 0 && waitingByCategory.size === 0) return false;

  const submitted = visible.length - unscored.length;
  const waitingPanels = [...waitingByCategory].map(([category, count]) => ({ category, count }));
  await sendEmail(tx, {
    to: judge.email,
    subject: "A reminder to finish your judging",
    template: "judging-reminder",
    react: (
      <JudgingReminderEmail
        name={judge.name}
        url={`${getEnv().APP_URL}/judge`}
        progress={progressLabel(submitted, visible.length)}
        unscored={unscored.map(({ reference, nomineeName, category }) => ({ reference, nomineeName, category }))}
        waitingPanels={waitingPanels}
        deadline={closeAt ? formatLondon(closeAt) : null}
        finalRound={round === "final"}
      />
    ),
    meta: { personId: judgeId, cycleId, nominationIds: unscored.map((u) => u.id) },
  });
  await audit(tx, { actor, action: "judging.reminder_sent", entityType: "person", entityId: judgeId, after: { cycleId, round, unscored: unscored.length, waiting: locked.length - visible.length } });
  return true;
}

/** Reminds every judge of the cycle who has something left to do. Returns how many were emailed. */
export async function remindAllJudges(cycleId: number, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    let sent = 0;
    for (const judgeId of await judgesOfCycle(tx, cycleId)) if (await sendJudgingReminder(tx, judgeId, cycleId, actor)) sent++;
    return sent;
  });
}

async function judgesOfCycle(tx: Tx, cycleId: number): Promise<number[]> {
  const rows = await tx
    .selectDistinct({ id: schema.panelMembers.personId })
    .from(schema.panelMembers)
    .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
    .where(eq(schema.categories.cycleId, cycleId));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export const REMINDER_JOB = "judging-reminder";

/**
 * The automatic reminder, run from the background loop. For each cycle whose reminder is
 * due, each judge gets one at most per round: the job row (kind, key) is claimed in the
 * same transaction as the email, so a second run or a second server sends nothing.
 */
export async function sendDueJudgingReminders(now = new Date()): Promise<number> {
  const cycles = await db.select().from(schema.cycles).where(ne(schema.cycles.phase, "archived"));
  let sent = 0;
  for (const cycle of cycles) {
    if (!reminderIsDue(cycle, now)) continue;
    for (const judgeId of await judgesOfCycle(db, cycle.id)) {
      await db.transaction(async (tx) => {
        const [claimed] = await tx
          .insert(schema.jobs)
          // The main round keeps its original key, so reminders already sent are not sent again.
          .values({ kind: REMINDER_JOB, key: currentRound(cycle) === "main" ? `${cycle.id}:${judgeId}` : `${cycle.id}:${judgeId}:final`, runAt: now, status: "done", attempts: 1, doneAt: now, payload: { cycleId: cycle.id, personId: judgeId } })
          .onConflictDoNothing()
          .returning({ id: schema.jobs.id });
        if (!claimed) return;
        if (await sendJudgingReminder(tx, judgeId, cycle.id, SYSTEM_ACTOR)) sent++;
      });
    }
  }
  return sent;
}

/** An admin reminds one judge (sendJudgingReminder) in a transaction of its own. */
export async function remindJudge(judgeId: number, cycleId: number, actor: Actor): Promise<boolean> {
  return db.transaction((tx) => sendJudgingReminder(tx, judgeId, cycleId, actor));
}

/** Sets how many days before the round closes the automatic reminder goes out (null: none). Audited. */
export async function setReminderDays(cycle: { id: number; reminderDaysBefore: number | null }, days: number | null, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.update(schema.cycles).set({ reminderDaysBefore: days }).where(eq(schema.cycles.id, cycle.id));
    await audit(tx, { actor, action: "cycle.reminder_setting", entityType: "cycle", entityId: cycle.id, before: { reminderDaysBefore: cycle.reminderDaysBefore }, after: { reminderDaysBefore: days } });
  });
}
