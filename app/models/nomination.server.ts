/**
 * Named queries for a public nomination: the draft and its steps, files, submit,
 * confirm, withdraw, duplicates and the expiry of unconfirmed submissions. Every write
 * with a consequence commits its audit entry and its email in the same transaction.
 */
import { randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { and, asc, count, eq, inArray, isNotNull, isNull, lte, ne } from "drizzle-orm";
import NominationConfirmEmail, { nominationConfirmSubject } from "#emails/nomination-confirm";
import NominationReceiptEmail, { nominationReceiptSubject, nomineeTypeLabels } from "#emails/nomination-receipt";
import NominationResumeEmail, { nominationResumeSubject } from "#emails/nomination-resume";
import NominationWithdrawnEmail, { nominationWithdrawnSubject } from "#emails/nomination-withdrawn";
import type { Category, Cycle, Nomination, Question } from "#db/schema";
import { MAX_FILES_PER_NOMINATION, type SniffedType } from "~/domain/files";
import { localised, parseLanguage, type Language } from "~/domain/language";
import { NOMINEE_TYPE_LABELS } from "~/domain/vocabulary";
import {
  canChangeNominations,
  canWithdraw,
  duplicateKey,
  furthestStep,
  isEditable,
  makeReference,
  needsGuardian,
  STEPS,
  unconfirmedCutoff,
  UNCONFIRMED_LIFETIME_MS,
  type Step,
} from "~/domain/nomination";
import { answerField, summariseNomination, type NominatorValues, type NomineeValues, type SummaryWords } from "~/domain/nomination-forms";
import { consentGivenAt } from "~/domain/public-naming";
import { getCurrentCycle } from "~/models/cycle.server";
import { detectConflictsAfter } from "~/models/conflict-detection.server";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { fileBytes, sha256, storeFileBytes } from "~/utils/file-store.server";
import { sendEmail } from "~/utils/email.server";
import { confirmUrl, resumeUrl } from "~/utils/nomination-access.server";
import { statusPath } from "~/utils/nomination-paths";
import { hitRateLimits, type RateLimitResult } from "~/utils/rate-limit.server";
import { forbidden, notFound } from "~/utils/responses.server";
import { scheduleJob, type Job, type JobHandlers } from "~/utils/jobs.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

const NOMINATOR: Actor = { id: null, name: "nominator" };
const n = schema.nominations;

// ---------------------------------------------------------------- reading

export type Journey = {
  cycle: Cycle;
  category: Category;
  questions: Question[];
  token: string | null;
  nomination: Nomination | null;
};

export async function getCategoryForNomination(slug: string) {
  // A slug is plain lower-case words; anything else (a NUL byte would even fail the query) is no category.
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
  const cycle = await getCurrentCycle();
  if (!cycle) return null;
  const [category] = await db
    .select()
    .from(schema.categories)
    .where(and(eq(schema.categories.cycleId, cycle.id), eq(schema.categories.slug, slug), isNull(schema.categories.retiredAt)));
  if (!category) return null;
  const questions = await db
    .select()
    .from(schema.questions)
    .where(and(eq(schema.questions.categoryId, category.id), isNull(schema.questions.retiredAt)))
    .orderBy(asc(schema.questions.position), asc(schema.questions.id));
  return { cycle, category, questions };
}

/**
 * The category's journey and, when `token` (the secret this browser holds for the category,
 * see readNominationToken) opens one, the nomination.
 */
export async function loadJourney(slug: string, token: string | null): Promise<Journey> {
  const found = await getCategoryForNomination(slug);
  if (!found) notFound("There is no award category at this address. Check the list of categories open for nominations.");
  const nomination = token ? await findNominationByToken(token) : null;
  const mine = nomination && nomination.categoryId === found.category.id && !nomination.erasedAt ? nomination : null;
  return { ...found, token: mine ? token : null, nomination: mine };
}

export type OwnedJourney = Journey & { nomination: Nomination; token: string };

/** The journey with this browser's own, still editable nomination; anyone else goes to the category's start page. */
export async function requireOwnJourney(slug: string, token: string | null): Promise<OwnedJourney> {
  const journey = await loadJourney(slug, token);
  if (!journey.nomination || !journey.token || !isEditable(journey.nomination)) throw redirect(statusPath(slug));
  return journey as OwnedJourney;
}

export async function findNominationByToken(token: string): Promise<Nomination | null> {
  const [row] = await db.select().from(n).where(eq(n.accessTokenHash, hashToken(token)));
  return row ?? null;
}

export async function findCategorySlug(categoryId: number): Promise<string | null> {
  const [row] = await db.select({ slug: schema.categories.slug }).from(schema.categories).where(eq(schema.categories.id, categoryId));
  return row?.slug ?? null;
}

export async function listAnswers(nominationId: number): Promise<Map<number, string>> {
  const rows = await db.select().from(schema.nominationAnswers).where(eq(schema.nominationAnswers.nominationId, nominationId));
  return new Map(rows.map((r) => [r.questionId, r.answer]));
}

export async function listFiles(nominationId: number) {
  return db
    .select({
      id: schema.nominationFiles.id,
      filename: schema.nominationFiles.filename,
      mediaType: schema.nominationFiles.mediaType,
      size: schema.nominationFiles.size,
    })
    .from(schema.nominationFiles)
    .where(eq(schema.nominationFiles.nominationId, nominationId))
    .orderBy(asc(schema.nominationFiles.id));
}

/** A supporting file by id; with `nominationId`, only when it belongs to that nomination. */
export async function getFile(fileId: number, nominationId?: number) {
  const [file] = await db
    .select()
    .from(schema.nominationFiles)
    .where(and(eq(schema.nominationFiles.id, fileId), nominationId === undefined ? undefined : eq(schema.nominationFiles.nominationId, nominationId)));
  return file ? { ...file, content: await fileBytes(file) } : null;
}

/** Whether the nominator has saved the "about you" step (a boolean column cannot say "not yet"). */
export function nominatorStarted(nomination: Pick<Nomination, "step">): boolean {
  return STEPS.indexOf(nomination.step as Step) > STEPS.indexOf("nominator");
}

/**
 * "Check your answers": in English by default; a Welsh page passes its words, the nominee
 * types' labels and the questions' labels as it shows them.
 */
export async function summarise(
  journey: Journey & { nomination: Nomination },
  words?: { summary: SummaryWords; typeLabels: Record<string, string>; questionLabels: ReadonlyMap<number, string> },
) {
  const [answers, files] = await Promise.all([listAnswers(journey.nomination.id), listFiles(journey.nomination.id)]);
  const questions = words ? journey.questions.map((q) => ({ ...q, label: words.questionLabels.get(q.id) ?? q.label })) : journey.questions;
  return summariseNomination(journey.category, questions, journey.nomination, answers, files, words?.typeLabels ?? NOMINEE_TYPE_LABELS, words?.summary);
}

// ---------------------------------------------------------------- rate limits

const HOUR = 60 * 60 * 1000;
export const NOMINATION_LIMITS = {
  draftsPerAddress: { limit: 20, windowMs: HOUR },
  mailPerEmail: { limit: 6, windowMs: HOUR },
  mailPerAddress: { limit: 30, windowMs: HOUR },
};

export function limitNewDraft(ip: string): Promise<RateLimitResult> {
  return hitRateLimits([{ key: `nominate:draft:ip:${ip}`, rule: NOMINATION_LIMITS.draftsPerAddress }]);
}

/** Every action that sends the nominator an email counts against their address and the client's. */
export function limitNominationMail(ip: string, email: string): Promise<RateLimitResult> {
  return hitRateLimits([
    { key: `nominate:mail:email:${email.trim().toLowerCase()}`, rule: NOMINATION_LIMITS.mailPerEmail },
    { key: `nominate:mail:ip:${ip}`, rule: NOMINATION_LIMITS.mailPerAddress },
  ]);
}

// ---------------------------------------------------------------- writing the steps

/** `before`: the consent as saved, so its time stays the time it was given until it changes. */
function nomineeColumns(category: Category, v: NomineeValues, before: Pick<Nomination, "guardianPublicationConsent" | "guardianPublicationConsentAt"> | null = null) {
  const isUnder18 = category.nomineeUnder18
    ? true
    : v.nomineeType === "individual" && v.nomineeIsUnder18
      ? v.nomineeIsUnder18 === "yes"
      : null;
  const guardian = needsGuardian(category, { type: v.nomineeType, isUnder18 });
  const publicationConsent = guardian ? (v.guardianPublicationConsent ?? null) : null;
  return {
    nomineeType: v.nomineeType as Nomination["nomineeType"],
    nomineeName: v.nomineeName,
    nomineeOrganisation: v.nomineeOrganisation ?? null,
    nomineeLocalAuthority: v.nomineeLocalAuthority ?? null,
    nomineeEmail: v.nomineeEmail?.toLowerCase() ?? null,
    nomineeKnows: v.nomineeKnows === "yes",
    nomineeIsUnder18: isUnder18,
    guardianName: guardian ? (v.guardianName ?? null) : null,
    guardianEmail: guardian ? (v.guardianEmail?.toLowerCase() ?? null) : null,
    guardianPhone: guardian ? (v.guardianPhone ?? null) : null,
    guardianConsent: guardian ? Boolean(v.guardianConsent) : false,
    guardianPublicationConsent: publicationConsent,
    guardianPublicationConsentAt: consentGivenAt(
      { consent: before?.guardianPublicationConsent ?? null, at: before?.guardianPublicationConsentAt ?? null },
      publicationConsent,
      new Date(),
    ),
  };
}

/**
 * The first save makes the draft: a reference, and a secret whose hash alone is stored.
 * `language` is the language of the journey used (the Welsh pages pass "cy"); every email
 * about the nomination is sent in it.
 */
export async function createDraft(journey: Pick<Journey, "cycle" | "category">, values: NomineeValues, language: Language = "en") {
  const token = generateToken();
  if (parseLanguage(language) === null) throw new Error(`Unknown language: ${String(language)}`);
  return db.transaction(async (tx) => {
    await requireWindow(tx, journey.cycle.id, "change");
    for (let attempt = 0; attempt < 8; attempt++) {
      const reference = makeReference(journey.cycle.year, randomBytes(5));
      const [row] = await tx
        .insert(n)
        .values({
          cycleId: journey.cycle.id,
          categoryId: journey.category.id,
          reference,
          accessTokenHash: hashToken(token),
          step: "nominator",
          language,
          ...nomineeColumns(journey.category, values),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue; // that reference was taken; draw another
      await audit(tx, {
        actor: NOMINATOR,
        action: "nomination.draft_started",
        entityType: "nomination",
        entityId: row.id,
        after: { reference, categoryId: journey.category.id, language },
      });
      return { nomination: row, token };
    }
    throw new Error("Could not find a free nomination reference");
  });
}

/**
 * The deadline, enforced where the nomination is written (the step pages check first and
 * answer kindly; this is the rule itself): changes only while nominations are open,
 * withdrawal only until judging starts. Read under a share lock, so a phase move waits.
 */
async function requireWindow(tx: Tx, cycleId: number, window: "change" | "withdraw", now = new Date()) {
  const [cycle] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, cycleId)).for("share");
  const open = cycle && (window === "change" ? canChangeNominations(cycle, now) : canWithdraw(cycle, now));
  if (!open) {
    forbidden(
      window === "change"
        ? "Nominations are closed, so this nomination can no longer be changed."
        : "Judging has started, so this nomination can no longer be withdrawn.",
    );
  }
}

async function touch(
  tx: Tx,
  nomination: Nomination,
  reached: Step,
  columns: Partial<typeof n.$inferInsert> = {},
  token: string | null = null,
) {
  await requireWindow(tx, nomination.cycleId, "change");
  const [row] = await tx
    .update(n)
    .set({ ...columns, step: furthestStep(nomination.step, reached), updatedAt: new Date() })
    .where(eq(n.id, nomination.id))
    .returning();
  if (nomination.status !== "draft") {
    await audit(tx, {
      actor: NOMINATOR,
      action: "nomination.changed",
      entityType: "nomination",
      entityId: nomination.id,
      after: { step: reached },
    });
    await detectConflictsAfter(tx, { nominationIds: [nomination.id] }, NOMINATOR);
  }
  if (nomination.status === "submitted" && nomination.confirmedAt) await scheduleUpdatedReceipt(tx, nomination, token);
  return row;
}

// ---------------------------------------------------------------- the updated receipt

/** Changes to a confirmed nomination come in several saves; one receipt follows once they have settled. */
export const UPDATED_RECEIPT_DELAY_MS = 10 * 60 * 1000;
const UPDATED_RECEIPT = "nomination_updated_receipt";

async function scheduleUpdatedReceipt(tx: Tx, nomination: Nomination, token: string | null) {
  const key = `nomination:${nomination.id}`;
  // A receipt already sent for earlier changes does not stop one for these.
  await tx.delete(schema.jobs).where(and(eq(schema.jobs.kind, UPDATED_RECEIPT), eq(schema.jobs.key, key), eq(schema.jobs.status, "done")));
  await scheduleJob(tx, {
    kind: UPDATED_RECEIPT,
    key,
    runAt: new Date(Date.now() + UPDATED_RECEIPT_DELAY_MS),
    payload: { nominationId: nomination.id, url: token ? resumeUrl(token, nomination.language) : null },
  });
}

async function sendUpdatedReceipt(tx: Tx, job: Job) {
  const [row] = await tx.select().from(n).where(eq(n.id, Number(job.payload.nominationId)));
  if (!row || row.status !== "submitted" || !row.confirmedAt || row.erasedAt) return;
  const [category] = await tx.select().from(schema.categories).where(eq(schema.categories.id, row.categoryId));
  const [cycle] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, row.cycleId));
  await sendEmail(tx, {
    to: row.nominatorEmail,
    subject: nominationReceiptSubject({ language: row.language, reference: row.reference, updated: true }),
    template: "nomination-receipt-updated",
    react: NominationReceiptEmail({
      language: row.language,
      name: row.nominatorName,
      category: localised(category.name, category.nameCy, row.language),
      reference: row.reference,
      url: typeof job.payload.url === "string" ? job.payload.url : null,
      closes: cycle.nominationsCloseAt,
      ...(await receiptSections(tx, category, row)),
      updated: true,
    }),
    meta: { nominationIds: [row.id] },
  });
}

export const nominationJobs: JobHandlers = { [UPDATED_RECEIPT]: sendUpdatedReceipt };

async function receiptSections(tx: Tx, category: Category, row: Nomination) {
  const questions = await tx
    .select()
    .from(schema.questions)
    .where(and(eq(schema.questions.categoryId, category.id), isNull(schema.questions.retiredAt)))
    .orderBy(asc(schema.questions.position), asc(schema.questions.id));
  const answers = await tx.select().from(schema.nominationAnswers).where(eq(schema.nominationAnswers.nominationId, row.id));
  const files = await tx
    .select({ filename: schema.nominationFiles.filename })
    .from(schema.nominationFiles)
    .where(eq(schema.nominationFiles.nominationId, row.id))
    .orderBy(asc(schema.nominationFiles.id));
  const language = row.language;
  const sections = summariseNomination(
    category,
    questions,
    row,
    new Map(answers.map((a) => [a.questionId, a.answer])),
    files,
    language === "en" ? NOMINEE_TYPE_LABELS : nomineeTypeLabels(language),
  );
  // The questions' labels as the admins wrote them in the nominator's language (English where the Welsh is missing).
  const questionLabels = Object.fromEntries(questions.map((q) => [answerField(q.id), localised(q.label, q.labelCy, language)]));
  return { sections, questionLabels };
}

export async function saveNominee(journey: Journey & { nomination: Nomination }, values: NomineeValues) {
  return db.transaction(async (tx) => {
    const row = await touch(tx, journey.nomination, "nominator", nomineeColumns(journey.category, values, journey.nomination), journey.token);
    if (row.confirmedAt) await flagDuplicates(tx, row, new Date());
    return row;
  });
}

/** Saves "about you"; the first time an address is given (or when it changes) the resume link goes to it. */
export async function saveNominator(journey: Journey & { nomination: Nomination; token: string }, values: NominatorValues) {
  const email = values.nominatorEmail.toLowerCase();
  const sendResume = journey.nomination.status === "draft" && email !== journey.nomination.nominatorEmail;
  return db.transaction(async (tx) => {
    const row = await touch(tx, journey.nomination, "case", {
      nominatorName: values.nominatorName,
      nominatorEmail: email,
      nominatorPhone: values.nominatorPhone ?? null,
      nominatorOrganisation: values.nominatorOrganisation ?? null,
      nominatorRelationship: values.nominatorRelationship,
      isSelfNomination: values.isSelfNomination === "yes",
    }, journey.token);
    if (sendResume) {
      await sendEmail(tx, {
        to: email,
        subject: nominationResumeSubject({ language: row.language, category: localised(journey.category.name, journey.category.nameCy, row.language) }),
        template: "nomination-resume",
        react: NominationResumeEmail({
          language: row.language,
          name: values.nominatorName,
          category: localised(journey.category.name, journey.category.nameCy, row.language),
          reference: row.reference,
          url: resumeUrl(journey.token, row.language),
          closes: journey.cycle.nominationsCloseAt,
        }),
        meta: { nominationIds: [row.id] },
      });
    }
    return { nomination: row, emailed: sendResume };
  });
}

export async function saveAnswers(journey: Journey & { nomination: Nomination }, values: Record<string, string | undefined>) {
  await db.transaction(async (tx) => {
    const id = journey.nomination.id;
    for (const q of journey.questions) {
      const answer = values[`answer${q.id}`]?.trim() ?? "";
      const key = and(eq(schema.nominationAnswers.nominationId, id), eq(schema.nominationAnswers.questionId, q.id));
      if (!answer) await tx.delete(schema.nominationAnswers).where(key);
      else
        await tx
          .insert(schema.nominationAnswers)
          .values({ nominationId: id, questionId: q.id, answer })
          .onConflictDoUpdate({
            target: [schema.nominationAnswers.nominationId, schema.nominationAnswers.questionId],
            set: { answer },
          });
    }
    await touch(tx, journey.nomination, "files", {}, journey.token);
  });
}

/** Adds a file already checked by content; refuses a fourth under a row lock so two uploads cannot race past 3. */
export async function addFile(
  nomination: Nomination,
  file: { filename: string; type: SniffedType; bytes: Uint8Array },
): Promise<{ ok: true } | { ok: false; message: string }> {
  // Written (beside PGlite, or kept for the row) before the transaction, so the database is
  // never held while bytes move; a file whose row never commits is swept later.
  const hash = sha256(file.bytes);
  const content = await storeFileBytes(file.bytes, hash);
  return db.transaction(async (tx) => {
    await tx.select({ id: n.id }).from(n).where(eq(n.id, nomination.id)).for("update");
    const [{ files }] = await tx
      .select({ files: count() })
      .from(schema.nominationFiles)
      .where(eq(schema.nominationFiles.nominationId, nomination.id));
    if (files >= MAX_FILES_PER_NOMINATION) {
      return { ok: false, message: `You can add up to ${MAX_FILES_PER_NOMINATION} files. Remove one before adding another` };
    }
    await tx.insert(schema.nominationFiles).values({
      nominationId: nomination.id,
      filename: file.filename,
      mediaType: file.type.mediaType,
      size: file.bytes.byteLength,
      sha256: hash,
      content,
    });
    await touch(tx, nomination, "files");
    return { ok: true };
  });
}

export async function removeFile(nomination: Nomination, fileId: number) {
  await db.transaction(async (tx) => {
    await tx
      .delete(schema.nominationFiles)
      .where(and(eq(schema.nominationFiles.id, fileId), eq(schema.nominationFiles.nominationId, nomination.id)));
    await touch(tx, nomination, "files");
  });
}

/**
 * The language of every later email about the nomination, chosen on check your answers.
 * A preference rather than an answer, so it is not held to the nominations deadline (the
 * shortlist and winners' emails come later); not for a withdrawn or erased nomination. The
 * change is audited, and sends nothing.
 */
export async function setNominationLanguage(
  nomination: Nomination,
  value: unknown,
): Promise<{ ok: true; nomination: Nomination } | { ok: false; message: string }> {
  const language = parseLanguage(value);
  if (!language) return { ok: false, message: "Choose English or Cymraeg for your emails" };
  if (language === nomination.language) return { ok: true, nomination };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(n)
      .set({ language, updatedAt: new Date() })
      .where(and(eq(n.id, nomination.id), isNull(n.erasedAt), ne(n.status, "withdrawn")))
      .returning();
    if (!row) return { ok: false as const, message: "This nomination can no longer be changed" };
    await audit(tx, {
      actor: NOMINATOR,
      action: "nomination.language_changed",
      entityType: "nomination",
      entityId: nomination.id,
      before: { language: nomination.language },
      after: { language },
    });
    return { ok: true as const, nomination: row };
  });
}

export async function markChecked(nomination: Nomination) {
  if (nomination.step === "check") return;
  await db.update(n).set({ step: "check" }).where(eq(n.id, nomination.id));
}

// ---------------------------------------------------------------- submit, confirm, withdraw

async function sendConfirmation(tx: Tx, journey: Journey & { nomination: Nomination; token: string }) {
  const confirmToken = generateToken();
  const now = new Date();
  const [row] = await tx
    .update(n)
    .set({ confirmTokenHash: hashToken(confirmToken), confirmExpiresAt: new Date(now.getTime() + UNCONFIRMED_LIFETIME_MS) })
    .where(eq(n.id, journey.nomination.id))
    .returning();
  await sendEmail(tx, {
    to: row.nominatorEmail,
    subject: nominationConfirmSubject({ language: row.language }),
    template: "nomination-confirm",
    react: NominationConfirmEmail({
      language: row.language,
      name: row.nominatorName,
      category: localised(journey.category.name, journey.category.nameCy, row.language),
      nominee: row.nomineeName,
      url: confirmUrl(journey.token, confirmToken, row.language),
      days: UNCONFIRMED_LIFETIME_MS / 86_400_000,
    }),
    meta: { nominationIds: [row.id] },
  });
  return row;
}

/** Draft → submitted (not yet counted): the confirmation link goes to the nominator's email. */
export async function submitNomination(journey: Journey & { nomination: Nomination; token: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(n).where(eq(n.id, journey.nomination.id)).for("update");
    if (locked.status !== "draft") return locked;
    await requireWindow(tx, locked.cycleId, "change", now);
    await tx
      .update(n)
      .set({
        status: "submitted",
        submittedAt: now,
        privacyConsentAt: now,
        step: "check",
        duplicateKey: duplicateKey(locked.nomineeName, locked.nomineeOrganisation),
        updatedAt: now,
      })
      .where(eq(n.id, locked.id));
    const row = await sendConfirmation(tx, { ...journey, nomination: locked });
    await audit(tx, {
      actor: NOMINATOR,
      action: "nomination.submitted",
      entityType: "nomination",
      entityId: row.id,
      after: { reference: row.reference, status: "submitted" },
    });
    await detectConflictsAfter(tx, { nominationIds: [row.id] }, NOMINATOR);
    return row;
  });
}

/** A fresh confirmation link (the earlier one stops working). */
export async function resendConfirmation(journey: Journey & { nomination: Nomination; token: string }) {
  return db.transaction((tx) => sendConfirmation(tx, journey));
}

export type ConfirmOutcome =
  | { outcome: "confirmed" | "already"; nomination: Nomination; slug: string }
  | { outcome: "invalid" };

export async function peekConfirmation(accessToken: string, confirmToken: string, now = new Date()) {
  const [row] = await db
    .select()
    .from(n)
    .where(and(eq(n.accessTokenHash, hashToken(accessToken)), eq(n.confirmTokenHash, hashToken(confirmToken))));
  if (!row || row.status !== "submitted") return null;
  if (!row.confirmedAt && (!row.confirmExpiresAt || row.confirmExpiresAt <= now)) return null;
  return row;
}

/** Opening the emailed link proves the address: the nomination counts, and the receipt goes out. */
export async function confirmNomination(accessToken: string, confirmToken: string, now = new Date()): Promise<ConfirmOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(n)
      .where(and(eq(n.accessTokenHash, hashToken(accessToken)), eq(n.confirmTokenHash, hashToken(confirmToken))))
      .for("update");
    if (!row || row.status !== "submitted") return { outcome: "invalid" };
    const [category] = await tx.select().from(schema.categories).where(eq(schema.categories.id, row.categoryId));
    if (row.confirmedAt) return { outcome: "already", nomination: row, slug: category.slug };
    if (!row.confirmExpiresAt || row.confirmExpiresAt <= now) return { outcome: "invalid" };

    const [confirmed] = await tx.update(n).set({ confirmedAt: now, updatedAt: now }).where(eq(n.id, row.id)).returning();
    await flagDuplicates(tx, confirmed, now);
    const [cycle] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, row.cycleId));
    const summary = await receiptSections(tx, category, confirmed);
    await sendEmail(tx, {
      to: confirmed.nominatorEmail,
      subject: nominationReceiptSubject({ language: confirmed.language, reference: confirmed.reference }),
      template: "nomination-receipt",
      react: NominationReceiptEmail({
        language: confirmed.language,
        name: confirmed.nominatorName,
        category: localised(category.name, category.nameCy, confirmed.language),
        reference: confirmed.reference,
        url: resumeUrl(accessToken, confirmed.language),
        closes: cycle.nominationsCloseAt,
        ...summary,
      }),
      meta: { nominationIds: [confirmed.id] },
    });
    await audit(tx, {
      actor: NOMINATOR,
      action: "nomination.confirmed",
      entityType: "nomination",
      entityId: confirmed.id,
      after: { reference: confirmed.reference, nominatorEmail: confirmed.nominatorEmail },
    });
    await detectConflictsAfter(tx, { nominationIds: [confirmed.id] }, NOMINATOR);
    return { outcome: "confirmed", nomination: confirmed, slug: category.slug };
  });
}

export async function withdrawNomination(journey: Journey & { nomination: Nomination }, now = new Date()) {
  return db.transaction(async (tx) => {
    await requireWindow(tx, journey.nomination.cycleId, "withdraw", now);
    const [row] = await tx
      .update(n)
      .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now })
      .where(and(eq(n.id, journey.nomination.id), eq(n.status, "submitted")))
      .returning();
    if (!row) return null;
    await sendEmail(tx, {
      to: row.nominatorEmail,
      subject: nominationWithdrawnSubject({ language: row.language, reference: row.reference }),
      template: "nomination-withdrawn",
      react: NominationWithdrawnEmail({
        language: row.language,
        name: row.nominatorName,
        category: localised(journey.category.name, journey.category.nameCy, row.language),
        reference: row.reference,
        nominee: row.nomineeName,
      }),
      meta: { nominationIds: [row.id] },
    });
    await audit(tx, {
      actor: NOMINATOR,
      action: "nomination.withdrawn",
      entityType: "nomination",
      entityId: row.id,
      before: { status: "submitted" },
      after: { status: "withdrawn" },
    });
    return row;
  });
}

// ---------------------------------------------------------------- duplicates and expiry

/**
 * A confirmed nomination whose nominee (normalised name and organisation) matches another
 * counted one in the same category is flagged for admins, both sides. Never refused.
 */
async function flagDuplicates(tx: Tx, nomination: Nomination, now: Date) {
  const key = duplicateKey(nomination.nomineeName, nomination.nomineeOrganisation);
  await tx.update(n).set({ duplicateKey: key }).where(eq(n.id, nomination.id));
  if (!key) return;
  const others = await tx
    .select({ id: n.id, flagged: n.duplicateFlaggedAt })
    .from(n)
    .where(
      and(
        eq(n.categoryId, nomination.categoryId),
        eq(n.duplicateKey, key),
        ne(n.id, nomination.id),
        isNotNull(n.confirmedAt),
        inArray(n.status, ["submitted", "eligible", "ineligible", "shortlisted", "not_shortlisted", "highly_commended", "winner"]),
      ),
    );
  if (others.length === 0) return;
  const ids = [nomination.id, ...others.filter((o) => !o.flagged).map((o) => o.id)];
  if (nomination.duplicateFlaggedAt) ids.shift();
  if (ids.length === 0) return;
  await tx.update(n).set({ duplicateFlaggedAt: now }).where(inArray(n.id, ids));
  await audit(tx, {
    actor: SYSTEM_ACTOR,
    action: "nomination.duplicate_flagged",
    entityType: "nomination",
    entityId: nomination.id,
    after: { duplicateKey: key, matches: others.map((o) => o.id) },
  });
}

/**
 * Submitted nominations whose email was never confirmed go back to being drafts after
 * 7 days: they never counted, and the nominator can still submit again from their link.
 */
export async function expireUnconfirmedNominations(now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(n)
      .set({ status: "draft", submittedAt: null, confirmTokenHash: null, confirmExpiresAt: null, updatedAt: now })
      .where(and(eq(n.status, "submitted"), isNull(n.confirmedAt), lte(n.submittedAt, unconfirmedCutoff(now))))
      .returning({ id: n.id, reference: n.reference });
    for (const row of expired) {
      await audit(tx, {
        actor: SYSTEM_ACTOR,
        action: "nomination.unconfirmed_expired",
        entityType: "nomination",
        entityId: row.id,
        before: { status: "submitted" },
        after: { status: "draft" },
      });
    }
    return expired.length;
  });
}
