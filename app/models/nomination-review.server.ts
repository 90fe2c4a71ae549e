/**
 * Administrators' view of nominations: the filtered list, one entry in full, eligibility
 * decisions, duplicate groups and merging, and the CSV export's rows.
 */
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Nomination, NominationStatus } from "#db/schema";
import { canDecideEligibility, whyNotDecidable, type EligibilityDecision } from "~/domain/eligibility";
import { checkMerge, groupDuplicates } from "~/domain/duplicates";
import { emailText } from "#emails/i18n";
import NominationNewsEmail, { nominationNewsSubject, type NominationNewsProps } from "#emails/nomination-news";
import { localised } from "~/domain/language";
import { detectConflictsAfter } from "~/models/conflict-detection.server";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { fileBytes } from "~/utils/file-store.server";

export type NominationFilters = { categoryId?: number; status?: NominationStatus; q?: string };

function filterWhere(cycleId: number, f: NominationFilters, withStatus = true): SQL | undefined {
  const n = schema.nominations;
  const term = f.q?.trim();
  const like = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(n.cycleId, cycleId),
    f.categoryId ? eq(n.categoryId, f.categoryId) : undefined,
    withStatus && f.status ? eq(n.status, f.status) : undefined,
    like
      ? or(
          ilike(n.reference, like),
          ilike(n.nomineeName, like),
          ilike(n.nomineeOrganisation, like),
          ilike(n.nominatorName, like),
          ilike(n.nominatorEmail, like),
          ilike(n.nomineeEmail, like),
        )
      : undefined,
  );
}

/** The list and, for the same category and text filter, how many are in each status. */
export async function listNominations(cycleId: number, filters: NominationFilters) {
  const n = schema.nominations;
  const rows = await db
    .select({
      id: n.id,
      reference: n.reference,
      status: n.status,
      nomineeName: n.nomineeName,
      nomineeOrganisation: n.nomineeOrganisation,
      nominatorName: n.nominatorName,
      categoryId: n.categoryId,
      categoryName: schema.categories.name,
      mergedIntoId: n.mergedIntoId,
      submittedAt: n.submittedAt,
      ineligibleReason: n.ineligibleReason,
    })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .where(filterWhere(cycleId, filters))
    .orderBy(asc(schema.categories.position), asc(n.id))
    .limit(1000);
  const counts = await db
    .select({ status: n.status, n: count() })
    .from(n)
    .where(filterWhere(cycleId, filters, false))
    .groupBy(n.status);
  return { rows, counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<NominationStatus, number>> };
}

async function answersAndFiles(nominationIds: number[]) {
  if (nominationIds.length === 0) return { answers: [], files: [] };
  const answers = await db
    .select({
      nominationId: schema.nominationAnswers.nominationId,
      questionId: schema.questions.id,
      label: schema.questions.label,
      retired: sql<boolean>`${schema.questions.retiredAt} is not null`,
      answer: schema.nominationAnswers.answer,
    })
    .from(schema.nominationAnswers)
    .innerJoin(schema.questions, eq(schema.questions.id, schema.nominationAnswers.questionId))
    .where(inArray(schema.nominationAnswers.nominationId, nominationIds))
    .orderBy(asc(schema.questions.position), asc(schema.questions.id));
  const files = await db
    .select({
      id: schema.nominationFiles.id,
      nominationId: schema.nominationFiles.nominationId,
      filename: schema.nominationFiles.filename,
      mediaType: schema.nominationFiles.mediaType,
      size: schema.nominationFiles.size,
    })
    .from(schema.nominationFiles)
    .where(inArray(schema.nominationFiles.nominationId, nominationIds))
    .orderBy(asc(schema.nominationFiles.id));
  return { answers, files };
}

export type SupportingEntry = {
  nomination: Nomination;
  answers: Array<{ questionId: number; label: string; retired: boolean; answer: string }>;
  files: Array<{ id: number; filename: string; mediaType: string; size: number }>;
};

/**
 * One entry as judges and admins see it: the primary nomination with its answers and
 * files, and every nomination merged into it as further support. Asked for a merged-away
 * nomination, it answers with its primary.
 */
export async function getNominationWithSupport(id: number): Promise<(SupportingEntry & { support: SupportingEntry[] }) | null> {
  const [found] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, id));
  if (!found) return null;
  const primaryId = found.mergedIntoId ?? found.id;
  const all = await db
    .select()
    .from(schema.nominations)
    .where(or(eq(schema.nominations.id, primaryId), eq(schema.nominations.mergedIntoId, primaryId)))
    .orderBy(asc(schema.nominations.id));
  const { answers, files } = await answersAndFiles(all.map((n) => n.id));
  const entry = (nomination: Nomination): SupportingEntry => ({
    nomination,
    answers: answers.filter((a) => a.nominationId === nomination.id).map(({ nominationId: _, ...a }) => a),
    files: files.filter((f) => f.nominationId === nomination.id).map(({ nominationId: _, ...f }) => f),
  });
  const primary = all.find((n) => n.id === primaryId);
  if (!primary) return null;
  return { ...entry(primary), support: all.filter((n) => n.id !== primaryId).map(entry) };
}

export async function getNominationFile(nominationId: number, fileId: number) {
  const [file] = await db
    .select()
    .from(schema.nominationFiles)
    .where(and(eq(schema.nominationFiles.id, fileId), eq(schema.nominationFiles.nominationId, nominationId)));
  return file ? { ...file, content: await fileBytes(file) } : null;
}

export type DecisionResult = { decided: string[]; skipped: string[] };

/**
 * Marks many nominations eligible or ineligible at once; each change has its audit entry,
 * and the nominator of each newly ineligible one is told (with the reason when `shareReason`).
 */
export async function decideEligibility(
  ids: number[],
  decision: EligibilityDecision,
  reason: string,
  actor: Actor,
  { shareReason = false }: { shareReason?: boolean } = {},
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(schema.nominations).where(inArray(schema.nominations.id, ids)).orderBy(asc(schema.nominations.id)).for("update");
    const result: DecisionResult = { decided: [], skipped: [] };
    const now = new Date();
    for (const n of rows) {
      if (!canDecideEligibility(n)) {
        result.skipped.push(whyNotDecidable(n) ?? n.reference);
        continue;
      }
      const after = { status: decision, ineligibleReason: decision === "ineligible" ? reason : null };
      await tx.update(schema.nominations).set({ ...after, updatedAt: now }).where(eq(schema.nominations.id, n.id));
      await audit(tx, {
        actor,
        action: `nomination.marked_${decision}`,
        entityType: "nomination",
        entityId: n.id,
        before: { reference: n.reference, status: n.status, ineligibleReason: n.ineligibleReason },
        after: { reference: n.reference, ...after, ...(decision === "eligible" && reason ? { note: reason } : {}) },
      });
      if (decision === "ineligible" && n.status !== "ineligible") {
        await tellNominator(tx, n, { kind: "ineligible", reason: shareReason ? reason : null }, "nomination-ineligible");
      }
      result.decided.push(n.reference);
    }
    await detectConflictsAfter(tx, { nominationIds: rows.map((r) => r.id) }, actor);
    return result;
  });
}

const DUPLICATE_CANDIDATE_STATUSES: NominationStatus[] = ["submitted", "eligible", "ineligible"];

export async function listDuplicateGroups(cycleId: number) {
  const n = schema.nominations;
  const candidates = await db
    .select({
      id: n.id,
      reference: n.reference,
      status: n.status,
      categoryId: n.categoryId,
      categoryName: schema.categories.name,
      nomineeName: n.nomineeName,
      nomineeOrganisation: n.nomineeOrganisation,
      nominatorName: n.nominatorName,
      duplicateKey: n.duplicateKey,
      mergedIntoId: n.mergedIntoId,
      submittedAt: n.submittedAt,
    })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .where(and(eq(n.cycleId, cycleId), isNull(n.mergedIntoId), inArray(n.status, DUPLICATE_CANDIDATE_STATUSES), isNull(n.erasedAt)));
  return groupDuplicates(candidates);
}

/**
 * Merges nominations into the chosen primary. The others keep their status and text and
 * point at the primary (mergedIntoId); entries already merged into them follow along.
 */
export async function mergeNominations(primaryId: number, ids: number[], actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const all = [...new Set([primaryId, ...ids])];
    const rows = await tx.select().from(schema.nominations).where(inArray(schema.nominations.id, all)).for("update");
    const check = checkMerge(primaryId, rows);
    if (!check.ok) return check;
    const others = rows.filter((r) => r.id !== primaryId);
    const otherIds = others.map((o) => o.id);
    const now = new Date();
    await tx.update(schema.nominations).set({ mergedIntoId: primaryId, updatedAt: now }).where(inArray(schema.nominations.id, otherIds));
    await tx.update(schema.nominations).set({ mergedIntoId: primaryId, updatedAt: now }).where(inArray(schema.nominations.mergedIntoId, otherIds));
    await tx.update(schema.nominations).set({ duplicateFlaggedAt: null, updatedAt: now }).where(eq(schema.nominations.id, primaryId));
    const primary = rows.find((r) => r.id === primaryId)!;
    for (const other of others) await tellNominator(tx, other, { kind: "merged", primaryReference: primary.reference }, "nomination-merged");
    await audit(tx, {
      actor,
      action: "nomination.merged",
      entityType: "nomination",
      entityId: primaryId,
      before: { entries: rows.map((r) => ({ id: r.id, reference: r.reference, mergedIntoId: r.mergedIntoId })) },
      after: { primary: primary.reference, merged: others.map((o) => o.reference) },
    });
    await detectConflictsAfter(tx, { nominationIds: [primaryId] }, actor);
    return { ok: true };
  });
}

// ---------------------------------------------------------------- telling the nominator

type News = { kind: "merged"; primaryReference: string } | { kind: "ineligible"; reason: string | null };

/** One email to the nominator of a counted nomination (one whose address was proven), in the nomination's language. */
async function tellNominator(tx: Tx, n: Nomination, news: News, template: string) {
  if (!n.nominatorEmail || !n.confirmedAt || n.erasedAt) return;
  const [category] = await tx
    .select({ name: schema.categories.name, nameCy: schema.categories.nameCy })
    .from(schema.categories)
    .where(eq(schema.categories.id, n.categoryId));
  const props: NominationNewsProps = {
    ...news,
    language: n.language,
    name: n.nominatorName || emailText(n.language).t("fallbackName.nominator"),
    reference: n.reference,
    nominee: n.nomineeName,
    category: localised(category?.name ?? "", category?.nameCy, n.language),
  };
  await sendEmail(tx, {
    to: n.nominatorEmail,
    subject: nominationNewsSubject(props),
    template,
    react: NominationNewsEmail(props),
    meta: { nominationIds: [n.id] },
  });
}

/** Everything the CSV export needs: nominations with their category and answers. */
export async function nominationsForExport(cycleId: number, categoryId?: number) {
  const n = schema.nominations;
  const rows = await db
    .select({ nomination: n, categoryName: schema.categories.name, categoryPosition: schema.categories.position })
    .from(n)
    .innerJoin(schema.categories, eq(schema.categories.id, n.categoryId))
    .where(and(eq(n.cycleId, cycleId), categoryId ? eq(n.categoryId, categoryId) : undefined))
    .orderBy(asc(schema.categories.position), asc(n.id));
  const questions = await db
    .select({ id: schema.questions.id, label: schema.questions.label, categoryId: schema.questions.categoryId, categoryName: schema.categories.name })
    .from(schema.questions)
    .innerJoin(schema.categories, eq(schema.categories.id, schema.questions.categoryId))
    .where(and(eq(schema.categories.cycleId, cycleId), categoryId ? eq(schema.questions.categoryId, categoryId) : undefined))
    .orderBy(asc(schema.categories.position), asc(schema.questions.position), asc(schema.questions.id));
  const ids = rows.map((r) => r.nomination.id);
  const answers = ids.length
    ? await db.select().from(schema.nominationAnswers).where(inArray(schema.nominationAnswers.nominationId, ids))
    : [];
  const references = new Map(rows.map((r) => [r.nomination.id, r.nomination.reference]));
  return { rows, questions, answers, references };
}
