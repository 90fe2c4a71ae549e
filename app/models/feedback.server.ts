/**
 * Feedback to nominees: after the winners are published, an admin reviews the judges' shared
 * comments on a nomination (anonymised: no judge's name is ever read here), edits or leaves
 * some out, and releases them once, in one email per person concerned. Every read and write
 * here refuses before the winners' publication time (app/domain/feedback.ts).
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { emailText } from "#emails/i18n";
import { feedbackSubject, NominationFeedbackEmail } from "#emails/nomination-feedback";
import { feedbackProblem, releasedText, shareable, type JudgeComment } from "~/domain/feedback";
import { publicNominee } from "~/domain/public-naming";
import { outcomeRecipients } from "~/domain/recipients";
import { localised } from "~/domain/language";
import type { NominationStatus } from "~/domain/vocabulary";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";

const { nominations: n, categories, cycles, scores: s, feedbackComments: fc, feedbackReleases: fr } = schema;

/** Judged entries: merged duplicates speak through the entry they joined. */
const JUDGED: NominationStatus[] = ["eligible", "shortlisted", "not_shortlisted", "highly_commended", "winner"];

export type FeedbackRefusal = { ok: false; status: number; message: string };

async function cycleProblem(tx: Tx, cycleId: number, now: Date): Promise<FeedbackRefusal | null> {
  const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) return { ok: false, status: 404, message: "We could not find that cycle." };
  const problem = feedbackProblem(cycle, now);
  return problem ? { ok: false, status: 409, message: problem } : null;
}

/** The comments of one entry, without any judge's name: what the admin reviews. */
async function commentsOf(tx: Tx, nominationId: number): Promise<JudgeComment[]> {
  const rows = await tx
    .select({
      scoreId: s.id,
      comment: s.comment,
      commentPrivate: s.commentPrivate,
      submittedAt: s.submittedAt,
      voidedAt: s.voidedAt,
      editText: fc.text,
      excluded: fc.excluded,
    })
    .from(s)
    .leftJoin(fc, eq(fc.scoreId, s.id))
    .where(eq(s.nominationId, nominationId))
    .orderBy(asc(s.id));
  return rows
    .map((r) => ({
      scoreId: r.scoreId,
      comment: r.comment,
      commentPrivate: r.commentPrivate,
      submitted: r.submittedAt !== null,
      voided: r.voidedAt !== null,
      edit: r.editText === null ? null : { text: r.editText, excluded: r.excluded ?? false },
    }))
    .filter(shareable);
}

async function entryOf(tx: Tx, nominationId: number) {
  const [row] = await tx
    .select({ nomination: n, categoryName: categories.name, categoryNameCy: categories.nameCy, under18Category: categories.nomineeUnder18, year: cycles.year })
    .from(n)
    .innerJoin(categories, eq(categories.id, n.categoryId))
    .innerJoin(cycles, eq(cycles.id, n.cycleId))
    .where(and(eq(n.id, nominationId), isNull(n.mergedIntoId), isNull(n.erasedAt), inArray(n.status, JUDGED)));
  return row ?? null;
}

/** Every judged entry of a cycle with how many shared comments it has and whether it went out. */
export async function listFeedback(cycleId: number, now = new Date()) {
  const refused = await cycleProblem(db, cycleId, now);
  if (refused) return refused;
  const entries = await db
    .select({ id: n.id, reference: n.reference, nomineeName: n.nomineeName, status: n.status, category: categories.name, releasedAt: fr.releasedAt })
    .from(n)
    .innerJoin(categories, eq(categories.id, n.categoryId))
    .leftJoin(fr, eq(fr.nominationId, n.id))
    .where(and(eq(n.cycleId, cycleId), isNull(n.mergedIntoId), isNull(n.erasedAt), inArray(n.status, JUDGED)))
    .orderBy(asc(categories.position), asc(categories.id), asc(n.nomineeName), asc(n.id));
  const counts = entries.length
    ? await db
        .select({ nominationId: s.nominationId, shared: count() })
        .from(s)
        .where(
          and(
            inArray(s.nominationId, entries.map((e) => e.id)),
            eq(s.commentPrivate, false),
            isNotNull(s.submittedAt),
            isNull(s.voidedAt),
            sql`trim(${s.comment}) <> ''`,
          ),
        )
        .groupBy(s.nominationId)
    : [];
  return {
    ok: true as const,
    entries: entries.map((e) => ({ ...e, comments: counts.find((c) => c.nominationId === e.id)?.shared ?? 0 })),
  };
}

/** One entry's feedback for review, or why not (the route answers with its status). */
export async function getFeedbackForReview(nominationId: number, now = new Date()) {
  const entry = await entryOf(db, nominationId);
  if (!entry) return { ok: false as const, status: 404, message: "We could not find that nomination." };
  const refused = await cycleProblem(db, entry.nomination.cycleId, now);
  if (refused) return refused;
  const comments = await commentsOf(db, nominationId);
  const [release] = await db.select().from(fr).where(eq(fr.nominationId, nominationId));
  const recipients = outcomeRecipients(entry.nomination, { under18Category: entry.under18Category, merged: await mergedInto(db, nominationId) });
  return {
    ok: true as const,
    nomination: {
      id: entry.nomination.id,
      reference: entry.nomination.reference,
      nomineeName: entry.nomination.nomineeName,
      category: entry.categoryName,
      year: entry.year,
      language: entry.nomination.language,
    },
    comments: comments.map((c) => ({ scoreId: c.scoreId, original: c.comment, text: c.edit?.text ?? c.comment, excluded: c.edit?.excluded ?? false })),
    recipients: recipients.map((r) => r.audience),
    released: release ? { at: release.releasedAt, comments: release.comments } : null,
  };
}

async function mergedInto(tx: Tx, nominationId: number) {
  return tx.select().from(n).where(and(eq(n.mergedIntoId, nominationId), isNull(n.erasedAt)));
}

export type FeedbackEdit = { scoreId: number; text: string; excluded: boolean };
export type FeedbackOutcome = { ok: true; sent: number; alreadyReleased?: boolean } | FeedbackRefusal;

/** Writes the admin's edits of shared comments; a comment that is private or not this entry's is not touched. */
async function saveEdits(tx: Tx, actor: Actor, nominationId: number, edits: FeedbackEdit[], now: Date): Promise<FeedbackRefusal | number> {
  const comments = await commentsOf(tx, nominationId);
  let changed = 0;
  for (const edit of edits) {
    const comment = comments.find((c) => c.scoreId === edit.scoreId);
    if (!comment) return { ok: false, status: 400, message: "One of those comments cannot be shared. Reload the page and try again." };
    const text = edit.text.trim();
    if (!edit.excluded && text === "") return { ok: false, status: 400, message: "A comment cannot be empty: edit it, or leave it out." };
    const before = comment.edit ?? { text: comment.comment, excluded: false };
    if (before.text === text && before.excluded === edit.excluded) continue;
    await tx
      .insert(fc)
      .values({ scoreId: edit.scoreId, nominationId, text, excluded: edit.excluded, editedAt: now, editedBy: actor.id })
      .onConflictDoUpdate({ target: fc.scoreId, set: { text, excluded: edit.excluded, editedAt: now, editedBy: actor.id } });
    changed++;
  }
  if (changed) {
    await audit(tx, { actor, action: "feedback.edited", entityType: "nomination", entityId: nominationId, after: { comments: changed } });
  }
  return changed;
}

/** Saves the admin's edits; nothing is sent. */
export async function saveFeedback(actor: Actor, nominationId: number, edits: FeedbackEdit[], now = new Date()): Promise<FeedbackOutcome> {
  return db.transaction(async (tx): Promise<FeedbackOutcome> => {
    const entry = await entryOf(tx, nominationId);
    if (!entry) return { ok: false, status: 404, message: "We could not find that nomination." };
    const refused = await cycleProblem(tx, entry.nomination.cycleId, now);
    if (refused) return refused;
    const [release] = await tx.select().from(fr).where(eq(fr.nominationId, nominationId));
    if (release) return { ok: false, status: 409, message: "This feedback has already been released, so it can no longer change." };
    const saved = await saveEdits(tx, actor, nominationId, edits, now);
    return typeof saved === "number" ? { ok: true, sent: 0 } : saved;
  });
}

/**
 * Saves the edits and releases the feedback: one email to each person concerned, written in
 * the same transaction, and an audit entry. A second release finds the first and sends nothing.
 */
export async function releaseFeedback(actor: Actor, nominationId: number, edits: FeedbackEdit[], now = new Date()): Promise<FeedbackOutcome> {
  return db.transaction(async (tx): Promise<FeedbackOutcome> => {
    const entry = await entryOf(tx, nominationId);
    if (!entry) return { ok: false, status: 404, message: "We could not find that nomination." };
    const refused = await cycleProblem(tx, entry.nomination.cycleId, now);
    if (refused) return refused;
    // The release row is the lock: a second release (another tab, a double click) waits here and finds it.
    const [claimed] = await tx
      .insert(fr)
      .values({ nominationId, comments: [], releasedAt: now, releasedBy: actor.id })
      .onConflictDoNothing()
      .returning({ nominationId: fr.nominationId });
    if (!claimed) return { ok: true, sent: 0, alreadyReleased: true };
    const saved = await saveEdits(tx, actor, nominationId, edits, now);
    if (typeof saved !== "number") throw new RollBack(saved);
    const comments = releasedText(await commentsOf(tx, nominationId));
    if (comments.length === 0) throw new RollBack({ ok: false, status: 409, message: "There is no comment to release: every comment is private or left out." });
    await tx.update(fr).set({ comments }).where(eq(fr.nominationId, nominationId));

    const { nomination, categoryName, categoryNameCy, year } = entry;
    const merged = await mergedInto(tx, nominationId);
    const recipients = outcomeRecipients(nomination, { under18Category: entry.under18Category, merged });
    // A merged nominator reads the public name, as on the results pages.
    const shown = publicNominee(nomination, { nomineeUnder18: entry.under18Category });
    for (const r of recipients) {
      const language = r.language;
      const category = localised(categoryName, categoryNameCy, language);
      await sendEmail(tx, {
        to: r.to,
        subject: feedbackSubject({ language, categoryName: category, year }),
        template: "nomination-feedback",
        react: createElement(NominationFeedbackEmail, {
          language,
          audience: r.audience,
          recipientName: r.name ?? emailText(language).t(r.audience === "guardian" ? "fallbackName.guardian" : "fallbackName.nominator"),
          nomineeName: r.named ? nomination.nomineeName : shown.name,
          categoryName: category,
          year,
          comments,
        }),
        meta: { nominationIds: [nominationId], language },
      });
    }
    await audit(tx, {
      actor,
      action: "feedback.released",
      entityType: "nomination",
      entityId: nominationId,
      after: { comments: comments.length, emails: recipients.length, audiences: recipients.map((r) => r.audience) },
    });
    return { ok: true, sent: recipients.length };
  }).catch((error: unknown) => {
    if (error instanceof RollBack) return error.refusal;
    throw error;
  });
}

/** Undoes the claimed release (and any edits) when the release is refused part-way. */
class RollBack extends Error {
  constructor(readonly refusal: FeedbackRefusal) {
    super(refusal.message);
  }
}

/** How many of a cycle's entries have had their feedback released (the cycle's setting then stays on). */
export async function releasedFeedbackCount(tx: Tx, cycleId: number) {
  const [row] = await tx.select({ released: count() }).from(fr).innerJoin(n, eq(n.id, fr.nominationId)).where(eq(n.cycleId, cycleId));
  return row?.released ?? 0;
}
