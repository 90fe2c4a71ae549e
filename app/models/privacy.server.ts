/**
 * UK GDPR duties: export everything held about an email address, erase a person, and the
 * retention rule that removes personal data of unsuccessful nominations after a cycle.
 */
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Nomination } from "#db/schema";
import {
  ERASED,
  erasedGuardianFields,
  erasedNominationFields,
  erasedNominatorFields,
  erasedNomineeFields,
  isRetentionDue,
  isUnsuccessful,
} from "~/domain/retention";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { normaliseEmail } from "~/utils/auth.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { applyLetterRetention, eraseLettersOfSender, lettersOfSender } from "./campaign-letter.server";

const lower = (column: Parameters<typeof sql>[1]) => sql`lower(${column})`;

async function nominationsByEmail(tx: Tx, email: string) {
  const n = schema.nominations;
  return tx
    .select()
    .from(n)
    .where(or(eq(lower(n.nominatorEmail), email), eq(lower(n.nomineeEmail), email), eq(lower(n.guardianEmail), email)))
    .orderBy(asc(n.id));
}

function rolesOf(n: Pick<Nomination, "nominatorEmail" | "nomineeEmail" | "guardianEmail">, email: string) {
  const roles: Array<"nominator" | "nominee" | "guardian"> = [];
  if (n.nominatorEmail.toLowerCase() === email) roles.push("nominator");
  if (n.nomineeEmail?.toLowerCase() === email) roles.push("nominee");
  if (n.guardianEmail?.toLowerCase() === email) roles.push("guardian");
  return roles;
}

/** Everything held about one address, as a JSON-ready object. The export is audited. */
export async function exportPersonData(rawEmail: string, actor: Actor) {
  const email = normaliseEmail(rawEmail);
  return db.transaction(async (tx) => {
    const [person] = await tx.select().from(schema.people).where(eq(lower(schema.people.email), email));
    const nominations = await nominationsByEmail(tx, email);
    const ids = nominations.map((n) => n.id);
    const answers = ids.length
      ? await tx
          .select({ nominationId: schema.nominationAnswers.nominationId, question: schema.questions.label, answer: schema.nominationAnswers.answer })
          .from(schema.nominationAnswers)
          .innerJoin(schema.questions, eq(schema.questions.id, schema.nominationAnswers.questionId))
          .where(inArray(schema.nominationAnswers.nominationId, ids))
      : [];
    const files = ids.length
      ? await tx
          .select({ nominationId: schema.nominationFiles.nominationId, filename: schema.nominationFiles.filename, mediaType: schema.nominationFiles.mediaType, size: schema.nominationFiles.size, sha256: schema.nominationFiles.sha256 })
          .from(schema.nominationFiles)
          .where(inArray(schema.nominationFiles.nominationId, ids))
      : [];
    const emails = await tx
      .select({ subject: schema.emailOutbox.subject, template: schema.emailOutbox.template, status: schema.emailOutbox.status, createdAt: schema.emailOutbox.createdAt, sentAt: schema.emailOutbox.sentAt, text: schema.emailOutbox.text })
      .from(schema.emailOutbox)
      .where(eq(lower(schema.emailOutbox.to), email))
      .orderBy(asc(schema.emailOutbox.id));
    const judging = person
      ? {
          panels: await tx
            .select({ category: schema.categories.name, year: schema.cycles.year, isChair: schema.panelMembers.isChair, confidentialityAcceptedAt: schema.panelMembers.confidentialityAcceptedAt })
            .from(schema.panelMembers)
            .innerJoin(schema.panels, eq(schema.panels.id, schema.panelMembers.panelId))
            .innerJoin(schema.categories, eq(schema.categories.id, schema.panels.categoryId))
            .innerJoin(schema.cycles, eq(schema.cycles.id, schema.categories.cycleId))
            .where(eq(schema.panelMembers.personId, person.id)),
          conflicts: await tx
            .select({ nominationId: schema.conflicts.nominationId, status: schema.conflicts.status, source: schema.conflicts.source, note: schema.conflicts.note, createdAt: schema.conflicts.createdAt })
            .from(schema.conflicts)
            .where(eq(schema.conflicts.personId, person.id)),
          scores: await tx
            .select({ nominationId: schema.scores.nominationId, round: schema.scores.round, values: schema.scores.values, comment: schema.scores.comment, submittedAt: schema.scores.submittedAt })
            .from(schema.scores)
            .where(eq(schema.scores.personId, person.id)),
          actions: await tx
            .select({ at: schema.auditLog.at, action: schema.auditLog.action, entityType: schema.auditLog.entityType, entityId: schema.auditLog.entityId })
            .from(schema.auditLog)
            .where(eq(schema.auditLog.actorId, person.id))
            .orderBy(asc(schema.auditLog.id)),
        }
      : null;

    const data = {
      email,
      exportedAt: new Date().toISOString(),
      account: person
        ? {
            name: person.name,
            email: person.email,
            isAdmin: person.isAdmin,
            isJudge: person.isJudge,
            organisations: person.organisations,
            localAuthority: person.localAuthority,
            createdAt: person.createdAt,
            deactivatedAt: person.deactivatedAt,
          }
        : null,
      judging,
      nominations: nominations.map(({ accessTokenHash: _secret, ...n }) => ({
        roles: rolesOf(n, email),
        ...n,
        answers: answers.filter((a) => a.nominationId === n.id).map(({ nominationId: _, ...a }) => a),
        files: files.filter((f) => f.nominationId === n.id).map(({ nominationId: _, ...f }) => f),
      })),
      emails,
      campaignLetters: await lettersOfSender(tx, email),
    };
    await audit(tx, {
      actor,
      action: "privacy.exported",
      entityType: "person",
      entityId: person?.id ?? null,
      after: { nominations: ids, account: Boolean(person), emails: emails.length },
    });
    return data;
  });
}

async function eraseNominationContent(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  await tx.update(schema.nominationAnswers).set({ answer: ERASED }).where(inArray(schema.nominationAnswers.nominationId, ids));
  await tx.delete(schema.nominationFiles).where(inArray(schema.nominationFiles.nominationId, ids));
  // The admin's edits and the released text speak of the nominee; the release row stays, so nothing is sent again.
  await tx.delete(schema.feedbackComments).where(inArray(schema.feedbackComments.nominationId, ids));
  await tx.update(schema.feedbackReleases).set({ comments: [] }).where(inArray(schema.feedbackReleases.nominationId, ids));
  // The panel meeting's note and reason may describe the nominee; the decision itself stays.
  await tx.update(schema.panelDecisions).set({ note: ERASED, reason: ERASED }).where(inArray(schema.panelDecisions.nominationId, ids));
}

export type ErasureReport = {
  asNominee: number[];
  asNominator: number[];
  asGuardian: number[];
  personId: number | null;
  emails: number;
  campaignLetters: number[];
};

/**
 * Erases a person everywhere: as nominee (the whole entry's personal content, answers and
 * files), as nominator or guardian (their contact details), their account (deactivated,
 * sessions and links ended) and the emails sent to them. The audit entry lists what was
 * touched by id, never the erased data itself.
 */
export async function erasePerson(rawEmail: string, actor: Actor): Promise<ErasureReport> {
  const email = normaliseEmail(rawEmail);
  return db.transaction(async (tx) => {
    const now = new Date();
    const nominations = await nominationsByEmail(tx, email);
    const report: ErasureReport = { asNominee: [], asNominator: [], asGuardian: [], personId: null, emails: 0, campaignLetters: [] };
    for (const n of nominations) {
      const roles = rolesOf(n, email);
      const patch = {
        ...(roles.includes("nominator") ? erasedNominatorFields() : {}),
        ...(roles.includes("guardian") ? erasedGuardianFields() : {}),
        ...(roles.includes("nominee") ? { ...erasedNomineeFields(), ...erasedGuardianFields(), erasedAt: now } : {}),
        updatedAt: now,
      };
      await tx.update(schema.nominations).set(patch).where(eq(schema.nominations.id, n.id));
      if (roles.includes("nominee")) report.asNominee.push(n.id);
      if (roles.includes("nominator")) report.asNominator.push(n.id);
      if (roles.includes("guardian")) report.asGuardian.push(n.id);
    }
    await eraseNominationContent(tx, report.asNominee);

    const [person] = await tx.select().from(schema.people).where(eq(lower(schema.people.email), email));
    if (person) {
      report.personId = person.id;
      await tx
        .update(schema.people)
        .set({
          name: ERASED,
          email: `erased-${person.id}@erased.invalid`,
          organisations: [],
          localAuthority: null,
          isAdmin: false,
          isJudge: false,
          deactivatedAt: person.deactivatedAt ?? now,
        })
        .where(eq(schema.people.id, person.id));
      await tx.delete(schema.sessions).where(eq(schema.sessions.personId, person.id));
      await tx.delete(schema.signInTokens).where(eq(schema.signInTokens.personId, person.id));
    }
    const mails = await tx
      .update(schema.emailOutbox)
      .set({ to: ERASED, subject: ERASED, html: ERASED, text: ERASED })
      // A campaign letter to an MP carries its writer's details and has them as Reply-To.
      .where(or(eq(lower(schema.emailOutbox.to), email), eq(lower(schema.emailOutbox.replyTo), email)))
      .returning({ id: schema.emailOutbox.id });
    report.emails = mails.length;
    report.campaignLetters = await eraseLettersOfSender(tx, email, now);

    await audit(tx, { actor, action: "privacy.erased", entityType: "person", entityId: person?.id ?? null, after: report });
    return report;
  });
}

/**
 * The retention rule, for every archived cycle whose time has come. Only entries not yet
 * erased are touched, so a second run changes nothing and writes no audit entry.
 */
export async function applyRetention(now = new Date(), actor: Actor = SYSTEM_ACTOR) {
  const cycles = await db.select().from(schema.cycles).where(isNotNull(schema.cycles.archivedAt));
  const report: Array<{ year: number; erased: number }> = [];
  for (const cycle of cycles) {
    if (!isRetentionDue(cycle, now)) continue;
    const erased = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: schema.nominations.id, status: schema.nominations.status, mergedIntoId: schema.nominations.mergedIntoId })
        .from(schema.nominations)
        .where(and(eq(schema.nominations.cycleId, cycle.id), isNull(schema.nominations.erasedAt)))
        .for("update");
      if (rows.length === 0) return [];
      const statusOf = new Map(
        (
          await tx
            .select({ id: schema.nominations.id, status: schema.nominations.status })
            .from(schema.nominations)
            .where(eq(schema.nominations.cycleId, cycle.id))
        ).map((r) => [r.id, r.status]),
      );
      const due = rows.filter((r) => isUnsuccessful(r.status, r.mergedIntoId ? statusOf.get(r.mergedIntoId) : null)).map((r) => r.id);
      if (due.length === 0) return [];
      await tx
        .update(schema.nominations)
        .set({ ...erasedNominationFields(), erasedAt: now, updatedAt: now })
        .where(inArray(schema.nominations.id, due));
      await eraseNominationContent(tx, due);
      await audit(tx, {
        actor,
        action: "retention.applied",
        entityType: "cycle",
        entityId: cycle.id,
        after: { year: cycle.year, retentionDays: cycle.retentionDays, nominations: due },
      });
      return due;
    });
    report.push({ year: cycle.year, erased: erased.length });
  }
  await applyLetterRetention(now, actor);
  return report;
}
