/**
 * Named queries for a public nomination: the draft and its steps, files, submit,
 * confirm, withdraw, duplicates and the expiry of unconfirmed submissions. Every write
 * with a consequence commits its audit entry and its email in the same transaction.
 */
import { randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { and, asc, count, eq, inArray, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
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
import { getPublicContent, heldPublicContent } from "~/models/public-content.server";
import { detectConflictsAfter } from "~/models/conflict-detection.server";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Db, type Tx } from "~/utils/db.server";
import { fileBytes, sha256, storeFileBytes } from "~/utils/file-store.server";
import { renderEmail, sendEmail } from "~/utils/email.server";
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

/** The current cycle's category at this slug, with its questions (held in memory in production: public-content.server.ts). */
export async function getCategoryForNomination(slug: string) {
  // A slug is plain lower-case words; anything else (a NUL byte would even fail the query) is no category.
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
  const { cycle, bySlug } = await getPublicContent();
  const found = cycle ? bySlug.get(slug) : undefined;
  if (!cycle || !found) return null;
  return { cycle, category: found.category, questions: found.questions };
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

function activeQuestions(tx: Db, categoryId: number) {
  return tx
    .select()
    .from(schema.questions)
    .where(and(eq(schema.questions.categoryId, categoryId), isNull(schema.questions.retiredAt)))
    .orderBy(asc(schema.questions.position), asc(schema.questions.id));
}

async function receiptSections(tx: Tx, category: Category, row: Nomination) {
  const questions = await activeQuestions(tx, category.id);
  const answers = await tx.select().from(schema.nominationAnswers).where(eq(schema.nominationAnswers.nominationId, row.id));
  const files = await tx
    .select({ filename: schema.nominationFiles.filename })
    .from(schema.nominationFiles)
    .where(eq(schema.nominationFiles.nominationId, row.id))
    .orderBy(asc(schema.nominationFiles.id));
  return receiptSummary(category, questions, row, answers, files);
}

/** The receipt's summary of the nomination, and the questions' labels, in the nominator's language. */
function receiptSummary(
  category: Category,
  questions: Question[],
  row: Nomination,
  answers: Array<{ questionId: number; answer: string }>,
  files: Array<{ filename: string }>,
) {
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

/** The confirmation email for this nomination as it stands, with a new link; rendered outside any transaction. */
async function confirmationEmail(journey: Journey & { token: string }, row: Nomination) {
  const confirmToken = generateToken();
  const rendered = await renderEmail(
    NominationConfirmEmail({
      language: row.language,
      name: row.nominatorName,
      category: localised(journey.category.name, journey.category.nameCy, row.language),
      nominee: row.nomineeName,
      url: confirmUrl(journey.token, confirmToken, row.language),
      days: UNCONFIRMED_LIFETIME_MS / 86_400_000,
    }),
  );
  return { confirmToken, rendered, from: confirmationInputs(row) };
}

/** What of the nomination the confirmation email shows: if any of it changed since (another tab), the email is made again. */
function confirmationInputs(row: Nomination) {
  return JSON.stringify([row.language, row.nominatorName, row.nomineeName]);
}

type PreparedConfirmation = Awaited<ReturnType<typeof confirmationEmail>>;

/**
 * The confirmation link goes out: its hash on the row (the earlier link stops working) and the
 * email in the outbox. `columns` are written in the same statement.
 */
async function sendConfirmation(
  tx: Tx,
  journey: Journey & { nomination: Nomination; token: string },
  prepared?: PreparedConfirmation,
  columns: Partial<typeof n.$inferInsert> = {},
) {
  const ready = prepared && prepared.from === confirmationInputs(journey.nomination) ? prepared : await confirmationEmail(journey, journey.nomination);
  const now = new Date();
  const [row] = await tx
    .update(n)
    .set({ ...columns, confirmTokenHash: hashToken(ready.confirmToken), confirmExpiresAt: new Date(now.getTime() + UNCONFIRMED_LIFETIME_MS) })
    .where(eq(n.id, journey.nomination.id))
    .returning();
  await sendEmail(tx, {
    to: row.nominatorEmail,
    subject: nominationConfirmSubject({ language: row.language }),
    template: "nomination-confirm",
    rendered: ready.rendered,
    meta: { nominationIds: [row.id] },
  });
  return row;
}

/**
 * Draft → submitted (not yet counted): the confirmation link goes to the nominator's email.
 * The email is rendered before the transaction from the nomination as the page read it; under
 * the row lock it is used only if the nomination is still that one (else made again there).
 */
export async function submitNomination(journey: Journey & { nomination: Nomination; token: string }, now = new Date()) {
  const prepared = journey.nomination.status === "draft" ? await confirmationEmail(journey, journey.nomination) : undefined;
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(n).where(eq(n.id, journey.nomination.id)).for("update");
    if (locked.status !== "draft") return locked;
    await requireWindow(tx, locked.cycleId, "change", now);
    const row = await sendConfirmation(tx, { ...journey, nomination: locked }, prepared, {
      status: "submitted",
      submittedAt: now,
      privacyConsentAt: now,
      step: "check",
      duplicateKey: duplicateKey(locked.nomineeName, locked.nomineeOrganisation),
      updatedAt: now,
    });
    await audit(tx, {
      actor: NOMINATOR,
      action: "nomination.submitted",
      entityType: "nomination",
      entityId: row.id,
      after: { reference: row.reference, status: "submitted" },
    });
    await detectConflictsAfter(tx, { categoryIds: [row.categoryId] }, NOMINATOR);
    return row;
  });
}

/** A fresh confirmation link (the earlier one stops working). */
export async function resendConfirmation(journey: Journey & { nomination: Nomination; token: string }) {
  const prepared = await confirmationEmail(journey, journey.nomination);
  return db.transaction(async (tx) => {
    // The nomination as it stands now, so the email shows what it is.
    const [current] = await tx.select().from(n).where(eq(n.id, journey.nomination.id));
    return sendConfirmation(tx, { ...journey, nomination: current ?? journey.nomination }, prepared);
  });
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

/**
 * The category and cycle of a nomination: from the public content held in memory when it is
 * the current cycle's, else read with `tx`. Inside a transaction (`inTransaction`), only what
 * is already held is used: a read on another connection could wait for this transaction.
 */
async function categoryAndCycle(tx: Db, row: Nomination, inTransaction: boolean): Promise<{ category: Category; cycle: Cycle; questions: Question[] | null }> {
  const content = inTransaction ? heldPublicContent() : await getPublicContent();
  const held = content?.cycle?.id === row.cycleId ? content.byId.get(row.categoryId) : undefined;
  if (held && content?.cycle) return { category: held.category, cycle: content.cycle, questions: held.questions };
  const [category] = await tx.select().from(schema.categories).where(eq(schema.categories.id, row.categoryId));
  const [cycle] = await tx.select().from(schema.cycles).where(eq(schema.cycles.id, row.cycleId));
  return { category, cycle, questions: null };
}

/** The receipt's props but the summary, which receiptSections makes. */
function receiptProps(row: Nomination, category: Category, cycle: Cycle, accessToken: string) {
  return {
    language: row.language,
    name: row.nominatorName,
    category: localised(category.name, category.nameCy, row.language),
    reference: row.reference,
    url: resumeUrl(accessToken, row.language),
    closes: cycle.nominationsCloseAt,
  };
}

/**
 * The receipt, rendered before the confirming transaction opens, from the nomination as it
 * stands (one statement: the row, its answers and files). Null when there is nothing to
 * confirm; the transaction decides that again under the row lock, and uses this rendering
 * only if the row is still exactly the one it was made from.
 */
async function prepareReceipt(accessToken: string, confirmToken: string, now: Date) {
  const a = schema.nominationAnswers;
  const f = schema.nominationFiles;
  const [found] = await db
    .select({
      row: n,
      answers: sql<string | Array<{ questionId: number; answer: string }> | null>`(
        select json_agg(json_build_object('questionId', ${a.questionId}, 'answer', ${a.answer})) from ${a} where ${a.nominationId} = ${n.id})`,
      files: sql<string | string[] | null>`(select json_agg(${f.filename} order by ${f.id}) from ${f} where ${f.nominationId} = ${n.id})`,
    })
    .from(n)
    .where(and(eq(n.accessTokenHash, hashToken(accessToken)), eq(n.confirmTokenHash, hashToken(confirmToken))));
  if (!found) return null;
  const { row } = found;
  if (row.status !== "submitted" || row.confirmedAt || !row.confirmExpiresAt || row.confirmExpiresAt <= now) return null;
  const parse = <T,>(value: string | T | null): T | null => (typeof value === "string" ? (JSON.parse(value) as T) : value);
  const answers = parse(found.answers) ?? [];
  const files = (parse(found.files) ?? []).map((filename) => ({ filename }));
  const { category, cycle, questions } = await categoryAndCycle(db, row, false);
  const summary = receiptSummary(category, questions ?? (await activeQuestions(db, category.id)), row, answers, files);
  const rendered = await renderEmail(NominationReceiptEmail({ ...receiptProps(row, category, cycle, accessToken), ...summary }));
  return { rendered, from: JSON.stringify(row), categoryId: category.id, cycleId: cycle.id };
}

/** Opening the emailed link proves the address: the nomination counts, and the receipt goes out. */
export async function confirmNomination(accessToken: string, confirmToken: string, now = new Date()): Promise<ConfirmOutcome> {
  const prepared = await prepareReceipt(accessToken, confirmToken, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(n)
      .where(and(eq(n.accessTokenHash, hashToken(accessToken)), eq(n.confirmTokenHash, hashToken(confirmToken))))
      .for("update");
    if (!row || row.status !== "submitted") return { outcome: "invalid" };
    const { category, cycle } = await categoryAndCycle(tx, row, true);
    if (row.confirmedAt) return { outcome: "already", nomination: row, slug: category.slug };
    if (!row.confirmExpiresAt || row.confirmExpiresAt <= now) return { outcome: "invalid" };

    const [confirmed] = await tx.update(n).set({ confirmedAt: now, updatedAt: now }).where(eq(n.id, row.id)).returning();
    await flagDuplicates(tx, confirmed, now);
    const fresh = prepared && prepared.from === JSON.stringify(row) && prepared.categoryId === category.id && prepared.cycleId === cycle.id;
    const rendered = fresh
      ? prepared.rendered
      : await renderEmail(NominationReceiptEmail({ ...receiptProps(confirmed, category, cycle, accessToken), ...(await receiptSections(tx, category, confirmed)) }));
    await sendEmail(tx, {
      to: confirmed.nominatorEmail,
      subject: nominationReceiptSubject({ language: confirmed.language, reference: confirmed.reference }),
      template: "nomination-receipt",
      rendered,
      meta: { nominationIds: [confirmed.id] },
    });
    await audit(tx, {
      actor: NOMINATOR,
      action: "nomination.confirmed",
      entityType: "nomination",
      entityId: confirmed.id,
      after: { reference: confirmed.reference, nominatorEmail: confirmed.nominatorEmail },
    });
    await detectConflictsAfter(tx, { categoryIds: [confirmed.categoryId] }, NOMINATOR);
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
  if (nomination.duplicateKey !== key) await tx.update(n).set({ duplicateKey: key }).where(eq(n.id, nomination.id));
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
