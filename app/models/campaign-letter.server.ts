/**
 * A supporter's letter to their MP: written (and refused when too short or a copy of one
 * already sent), confirmed from an emailed link, then sent through the outbox to the MP
 * with Reply-To the sender and a copy to the sender; followed up once, fourteen days
 * later. Every consequence (emails, the follow-up job, audit) commits with its write.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import CampaignFollowUpEmail, { campaignFollowUpSubject } from "#emails/campaign-follow-up";
import CampaignLetterEmail from "#emails/campaign-letter";
import CampaignLetterConfirmEmail, { campaignLetterConfirmSubject } from "#emails/campaign-letter-confirm";
import { emailText } from "#emails/i18n";
import type { CampaignLetter } from "#db/schema";
import {
  followUpAt,
  LETTER_CONFIRM_LIFETIME_MS,
  letterBodyProblem,
  type FollowUpAnswer,
  type LetterBodyProblem,
} from "~/domain/campaign";
import type { LetterValues } from "~/domain/campaign-forms";
import { localised, type Language } from "~/domain/language";
import { localisedPath } from "~/domain/language-paths";
import { ERASED } from "~/domain/retention";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv } from "~/utils/env.server";
import { scheduleJob, type Job } from "~/utils/jobs.server";
import { hitRateLimits, type RateLimitResult } from "~/utils/rate-limit.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import type { CampaignDetails } from "./campaign.server";
import type { Mp } from "./mp-directory.server";

const l = schema.campaignLetters;
const SENDER: Actor = { id: null, name: "letter writer" };
const HOUR = 60 * 60 * 1000;
export const FOLLOW_UP_JOB = "campaign-follow-up";

export const LETTER_LIMITS = {
  perEmail: { limit: 6, windowMs: HOUR },
  perAddress: { limit: 30, windowMs: HOUR },
};

/** As for nominations: each letter emails its sender, so it counts against their address and the client's. */
export function limitLetter(ip: string, email: string): Promise<RateLimitResult> {
  return hitRateLimits([
    { key: `campaign:letter:email:${email.trim().toLowerCase()}`, rule: LETTER_LIMITS.perEmail },
    { key: `campaign:letter:ip:${ip}`, rule: LETTER_LIMITS.perAddress },
  ]);
}

const url = (path: string, params: Record<string, string>) => {
  const u = new URL(path, getEnv().APP_URL);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
};

/** The refusal for the letter's body, from the letters already sent in this campaign; null when it may go. */
export async function letterProblem(campaignId: number, body: string): Promise<LetterBodyProblem | null> {
  const earlier = await db.select({ body: l.body }).from(l).where(and(eq(l.campaignId, campaignId), eq(l.status, "sent"), isNull(l.erasedAt)));
  return letterBodyProblem(
    body,
    earlier.map((e) => e.body),
  );
}

export type NewLetter = LetterValues & { mp: Mp & { email: string }; language?: Language };

/** Saves the letter as awaiting confirmation and emails the sender the link that sends it. */
export async function createLetter(campaign: CampaignDetails, letter: NewLetter, now = new Date()) {
  const token = generateToken();
  const language = letter.language ?? "en";
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(l)
      .values({
        campaignId: campaign.id,
        senderName: letter.senderName,
        senderEmail: letter.senderEmail,
        senderAddress: letter.senderAddress,
        senderPostcode: letter.senderPostcode,
        constituency: letter.constituency,
        mpName: letter.mp.name,
        mpEmail: letter.mp.email,
        body: letter.body,
        language,
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: new Date(now.getTime() + LETTER_CONFIRM_LIFETIME_MS),
      })
      .returning({ id: l.id });
    await sendEmail(tx, {
      to: letter.senderEmail,
      subject: campaignLetterConfirmSubject({ language, mpName: letter.mp.name }),
      template: "campaign-letter-confirm",
      react: CampaignLetterConfirmEmail({
        language,
        name: letter.senderName,
        campaign: localised(campaign.title, campaign.titleCy, language),
        mpName: letter.mp.name,
        url: url(localisedPath("/campaigns/confirm", language), { t: token }),
        days: Math.round(LETTER_CONFIRM_LIFETIME_MS / (24 * HOUR)),
      }),
      meta: { campaignLetterIds: [row.id] },
    });
    return row.id;
  });
}

export async function peekLetterConfirmation(token: string, now = new Date()) {
  const [row] = await db
    .select({ letter: l, slug: schema.campaigns.slug })
    .from(l)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, l.campaignId))
    .where(eq(l.confirmTokenHash, hashToken(token)));
  if (!row || row.letter.erasedAt) return null;
  if (row.letter.status === "awaiting_confirmation" && (!row.letter.confirmExpiresAt || row.letter.confirmExpiresAt <= now)) return null;
  return { mpName: row.letter.mpName, slug: row.slug, sent: row.letter.status === "sent" };
}

export type ConfirmLetterOutcome = { outcome: "invalid" } | { outcome: "sent" | "already"; slug: string };

/** Opening the link proves the address: the letter goes to the MP, a copy to the sender, and the follow-up is booked. */
export async function confirmLetter(token: string, now = new Date()): Promise<ConfirmLetterOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(l).where(eq(l.confirmTokenHash, hashToken(token))).for("update");
    if (!row || row.erasedAt) return { outcome: "invalid" };
    const [campaign] = await tx.select({ slug: schema.campaigns.slug, title: schema.campaigns.title }).from(schema.campaigns).where(eq(schema.campaigns.id, row.campaignId));
    const sender = emailText(row.language);
    if (row.status === "sent") return { outcome: "already", slug: campaign.slug };
    if (!row.confirmExpiresAt || row.confirmExpiresAt <= now) return { outcome: "invalid" };

    await tx.update(l).set({ status: "sent", sentAt: now }).where(eq(l.id, row.id));
    const letter = {
      mpName: row.mpName,
      constituency: row.constituency,
      senderName: row.senderName,
      senderAddress: row.senderAddress,
      senderPostcode: row.senderPostcode,
      senderEmail: row.senderEmail,
      body: row.body,
    };
    const meta = { campaignLetterIds: [row.id] };
    await sendEmail(tx, {
      to: row.mpEmail,
      replyTo: row.senderEmail,
      subject: `${campaign.title}: a letter from ${row.senderName}, your constituent`,
      template: "campaign-letter",
      react: CampaignLetterEmail(letter),
      meta,
    });
    await sendEmail(tx, {
      to: row.senderEmail,
      subject: sender.t("letter.copySubject", { mp: row.mpName }),
      template: "campaign-letter-copy",
      react: CampaignLetterEmail({ ...letter, copyNote: sender.t("letter.copyNote", { mp: row.mpName, email: row.mpEmail }), copyLanguage: row.language }),
      meta,
    });
    await scheduleJob(tx, { kind: FOLLOW_UP_JOB, key: `letter:${row.id}`, runAt: followUpAt(now), payload: { letterId: row.id } });
    await audit(tx, {
      actor: SENDER,
      action: "campaign_letter.sent",
      entityType: "campaign_letter",
      entityId: row.id,
      after: { campaignId: row.campaignId, constituency: row.constituency, mpEmail: row.mpEmail },
    });
    return { outcome: "sent", slug: campaign.slug };
  });
}

// ---------------------------------------------------------------- the follow-up

/** The job, fourteen days after sending: one email with one-click answers. Sent once, whatever reruns. */
export async function followUpJob(tx: Tx, job: Job) {
  const letterId = Number(job.payload.letterId);
  const [row] = await tx.select().from(l).where(eq(l.id, letterId)).for("update");
  if (!row || row.erasedAt || row.status !== "sent" || row.followUpSentAt) return;
  const [campaign] = await tx
    .select({ slug: schema.campaigns.slug, title: schema.campaigns.title, titleCy: schema.campaigns.titleCy })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, row.campaignId));
  const language = row.language;
  const token = generateToken();
  await tx.update(l).set({ followUpTokenHash: hashToken(token), followUpSentAt: new Date() }).where(eq(l.id, row.id));
  const answer = (q: string, a: string) => url(localisedPath("/campaigns/follow-up", language), { t: token, [q]: a });
  await sendEmail(tx, {
    to: row.senderEmail,
    subject: campaignFollowUpSubject({ language, mpName: row.mpName }),
    template: "campaign-follow-up",
    react: CampaignFollowUpEmail({
      language,
      name: row.senderName,
      mpName: row.mpName,
      campaign: localised(campaign.title, campaign.titleCy, language),
      links: { repliedYes: answer("replied", "yes"), repliedNo: answer("replied", "no"), signedYes: answer("signed", "yes"), signedNo: answer("signed", "no") },
      briefingUrl: url(localisedPath(`/campaigns/${campaign.slug}/meet`, language), {}),
    }),
    meta: { campaignLetterIds: [row.id] },
  });
}

export const campaignJobs = { [FOLLOW_UP_JOB]: followUpJob };

/** Records one answer from the follow-up email's link; a later click changes it. */
export async function answerFollowUp(token: string, answer: FollowUpAnswer, now = new Date()) {
  const set = answer.question === "replied" ? { mpReplied: answer.answer } : { mpSigned: answer.answer };
  const [row] = await db
    .update(l)
    .set({ ...set, answeredAt: now })
    .where(and(eq(l.followUpTokenHash, hashToken(token)), isNull(l.erasedAt)))
    .returning({ mpName: l.mpName, campaignId: l.campaignId });
  if (!row) return null;
  const [campaign] = await db.select({ slug: schema.campaigns.slug }).from(schema.campaigns).where(eq(schema.campaigns.id, row.campaignId));
  return { mpName: row.mpName, slug: campaign.slug };
}

export async function saveFeedback(campaignId: number, values: { constituency?: string; met: "yes" | "no"; signed?: "yes" | "no" | "not-yet"; story?: string }) {
  await db.insert(schema.campaignFeedback).values({
    campaignId,
    constituency: values.constituency || null,
    met: values.met === "yes",
    signed: values.signed === "yes" ? true : values.signed === "no" ? false : null,
    story: values.story ?? "",
  });
}

// ---------------------------------------------------------------- privacy

const lowerEmail = sql`lower(${l.senderEmail})`;

/** A letter writer's letters, for the privacy export (no secrets). */
export async function lettersOfSender(tx: Tx, email: string) {
  const rows = await tx.select().from(l).where(eq(lowerEmail, email)).orderBy(asc(l.id));
  return rows.map(({ confirmTokenHash: _c, followUpTokenHash: _f, ...letter }) => letter);
}

function erasedLetterFields(): Partial<CampaignLetter> {
  return { senderName: ERASED, senderEmail: ERASED, senderAddress: ERASED, senderPostcode: ERASED, body: ERASED, confirmTokenHash: null, followUpTokenHash: null };
}

/** Erases a letter writer: their details and letters (the constituency and MP stay, for the counts). */
export async function eraseLettersOfSender(tx: Tx, email: string, now: Date): Promise<number[]> {
  const rows = await tx.update(l).set({ ...erasedLetterFields(), erasedAt: now }).where(eq(lowerEmail, email)).returning({ id: l.id });
  return rows.map((r) => r.id);
}

export const LETTER_RETENTION_DAYS = 365;

/** Letters of campaigns closed more than a year ago lose their writers' personal data. */
export async function applyLetterRetention(now = new Date(), actor: Actor = SYSTEM_ACTOR) {
  const cutoff = new Date(now.getTime() - LETTER_RETENTION_DAYS * 24 * HOUR);
  const closed = await db
    .select({ id: schema.campaigns.id })
    .from(schema.campaigns)
    .where(and(isNotNull(schema.campaigns.closesAt), lte(schema.campaigns.closesAt, cutoff)));
  if (closed.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(l)
      .set({ ...erasedLetterFields(), erasedAt: now })
      .where(and(inArray(l.campaignId, closed.map((c) => c.id)), isNull(l.erasedAt)))
      .returning({ id: l.id });
    if (rows.length) {
      await audit(tx, { actor, action: "retention.applied", entityType: "campaign_letters", after: { retentionDays: LETTER_RETENTION_DAYS, letters: rows.map((r) => r.id) } });
    }
    return rows.map((r) => r.id);
  });
}
