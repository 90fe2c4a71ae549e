/**
 * Campaigns as administrators set them up (every change audited) and as the public reads
 * them, with the dashboard's figures and export.
 */
import { asc, desc, eq, ne, and, sql } from "drizzle-orm";
import type { Campaign, CampaignAsk } from "#db/schema";
import { campaignRates, lettersByConstituency, type LetterFigures } from "~/domain/campaign";
import { formatAsks } from "~/domain/campaign-admin-forms";
import { campaignWelshProblems } from "~/domain/welsh-content";
import { audit, type Actor } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";
import { invariantResponse, notFound } from "~/utils/responses.server";

const c = schema.campaigns;

/** Everything but the PDFs' bytes. */
const details = {
  id: c.id,
  slug: c.slug,
  title: c.title,
  summary: c.summary,
  asks: c.asks,
  letterGuidance: c.letterGuidance,
  briefing: c.briefing,
  titleCy: c.titleCy,
  summaryCy: c.summaryCy,
  asksCy: c.asksCy,
  letterGuidanceCy: c.letterGuidanceCy,
  briefingCy: c.briefingCy,
  signedFormsTo: c.signedFormsTo,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  commitmentFormName: c.commitmentFormName,
  briefingPdfName: c.briefingPdfName,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
};
export type CampaignDetails = Omit<Campaign, "commitmentForm" | "briefingPdf">;

export async function listCampaigns(): Promise<CampaignDetails[]> {
  return db.select(details).from(c).orderBy(desc(c.id));
}

export async function getCampaign(id: number): Promise<CampaignDetails | null> {
  const [row] = await db.select(details).from(c).where(eq(c.id, id));
  return row ?? null;
}

export async function getCampaignBySlug(slug: string): Promise<CampaignDetails | null> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const [row] = await db.select(details).from(c).where(eq(c.slug, slug));
  return row ?? null;
}

/** The open campaign to link from the home page, if any. */
export async function featuredCampaign(now = new Date()) {
  const [row] = await db
    .select({ slug: c.slug, title: c.title, summary: c.summary })
    .from(c)
    .where(sql`(${c.opensAt} is null or ${c.opensAt} <= ${now.toISOString()}::timestamptz) and (${c.closesAt} is null or ${c.closesAt} > ${now.toISOString()}::timestamptz)`)
    .orderBy(desc(c.id))
    .limit(1);
  return row ?? null;
}

export async function campaignPdf(slug: string, which: "commitment" | "briefing") {
  const [row] = await db
    .select({ form: c.commitmentForm, formName: c.commitmentFormName, briefing: c.briefingPdf, briefingName: c.briefingPdfName, title: c.title })
    .from(c)
    .where(eq(c.slug, slug));
  if (!row) return null;
  return which === "commitment" ? { bytes: row.form, name: row.formName, title: row.title } : { bytes: row.briefing, name: row.briefingName, title: row.title };
}

export async function slugInUse(slug: string, exceptId?: number) {
  const [row] = await db.select({ id: c.id }).from(c).where(exceptId ? and(eq(c.slug, slug), ne(c.id, exceptId)) : eq(c.slug, slug));
  return Boolean(row);
}

export type CampaignValues = {
  title: string;
  slug: string;
  summary: string;
  asks: CampaignAsk[];
  letterGuidance: string;
  briefing: string;
  signedFormsTo: string;
  opensAt: Date | null;
  closesAt: Date | null;
  /** The Welsh beside the English (decision 031); left out, the Welsh stays as it is. */
  titleCy?: string | null;
  summaryCy?: string | null;
  asksCy?: CampaignAsk[] | null;
  letterGuidanceCy?: string | null;
  briefingCy?: string | null;
};
export type CampaignFiles = {
  commitmentForm?: { bytes: Uint8Array; name: string } | null;
  briefingPdf?: { bytes: Uint8Array; name: string } | null;
  removeBriefingPdf?: boolean;
};

function fileColumns(files: CampaignFiles) {
  return {
    ...(files.commitmentForm ? { commitmentForm: files.commitmentForm.bytes, commitmentFormName: files.commitmentForm.name } : {}),
    ...(files.briefingPdf ? { briefingPdf: files.briefingPdf.bytes, briefingPdfName: files.briefingPdf.name } : {}),
    ...(files.removeBriefingPdf && !files.briefingPdf ? { briefingPdf: null, briefingPdfName: null } : {}),
  };
}

/** What the audit log keeps of a change: the fields, and the names of uploaded files (never their bytes). */
function auditable(values: Partial<CampaignValues>, files: CampaignFiles) {
  return {
    ...values,
    ...(files.commitmentForm ? { commitmentForm: files.commitmentForm.name } : {}),
    ...(files.briefingPdf ? { briefingPdf: files.briefingPdf.name } : {}),
    ...(files.removeBriefingPdf ? { briefingPdfRemoved: true } : {}),
  };
}

/** The Welsh rules again at the write (decision 031): a caller that skipped the form gets a 400. */
function refuseBadWelsh(values: CampaignValues) {
  const problems = campaignWelshProblems({
    title: values.title,
    titleCy: values.titleCy ?? null,
    summary: values.summary,
    summaryCy: values.summaryCy ?? null,
    asks: formatAsks(values.asks),
    asksCy: values.asksCy?.length ? formatAsks(values.asksCy) : null,
    letterGuidance: values.letterGuidance,
    letterGuidanceCy: values.letterGuidanceCy ?? null,
    briefing: values.briefing,
    briefingCy: values.briefingCy ?? null,
  });
  invariantResponse(Object.keys(problems).length === 0, Object.values(problems).join(". "));
}

export async function createCampaign(values: CampaignValues, files: CampaignFiles, actor: Actor) {
  refuseBadWelsh(values);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(c).values({ ...values, ...fileColumns(files) }).returning({ id: c.id });
    await audit(tx, { actor, action: "campaign.created", entityType: "campaign", entityId: row.id, after: auditable(values, files) });
    return row.id;
  });
}

export async function updateCampaign(id: number, values: CampaignValues, files: CampaignFiles, actor: Actor) {
  refuseBadWelsh(values);
  return db.transaction(async (tx) => {
    const [before] = await tx.select(details).from(c).where(eq(c.id, id)).for("update");
    if (!before) return false;
    await tx.update(c).set({ ...values, ...fileColumns(files), updatedAt: new Date() }).where(eq(c.id, id));
    const changed = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before])),
    ) as Partial<CampaignValues>;
    const beforeChanged = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]));
    await audit(tx, { actor, action: "campaign.updated", entityType: "campaign", entityId: id, before: beforeChanged, after: auditable(changed, files) });
    return true;
  });
}

// ---------------------------------------------------------------- the dashboard

async function letterFigures(campaignId: number): Promise<LetterFigures[]> {
  const l = schema.campaignLetters;
  return db
    .select({ constituency: l.constituency, status: l.status, mpReplied: l.mpReplied, mpSigned: l.mpSigned })
    .from(l)
    .where(eq(l.campaignId, campaignId));
}

export async function campaignDashboard(campaignId: number) {
  const letters = await letterFigures(campaignId);
  const feedback = await db
    .select({ met: schema.campaignFeedback.met, signed: schema.campaignFeedback.signed })
    .from(schema.campaignFeedback)
    .where(eq(schema.campaignFeedback.campaignId, campaignId));
  return {
    rows: lettersByConstituency(letters),
    rates: campaignRates(letters),
    feedback: { total: feedback.length, met: feedback.filter((f) => f.met).length, signed: feedback.filter((f) => f.signed).length },
  };
}

/** One row per letter for the CSV: no sender addresses or letter bodies leave in a spreadsheet. */
export async function lettersForExport(campaignId: number) {
  const l = schema.campaignLetters;
  return db
    .select({
      id: l.id,
      constituency: l.constituency,
      mpName: l.mpName,
      status: l.status,
      senderName: l.senderName,
      createdAt: l.createdAt,
      sentAt: l.sentAt,
      mpReplied: l.mpReplied,
      mpSigned: l.mpSigned,
      answeredAt: l.answeredAt,
    })
    .from(l)
    .where(eq(l.campaignId, campaignId))
    .orderBy(asc(l.constituency), asc(l.id));
}

/** The campaign a public page is about, or a 404. */
export async function requireCampaign(slug: string | undefined): Promise<CampaignDetails> {
  const campaign = slug ? await getCampaignBySlug(slug) : null;
  if (!campaign) notFound("There is no campaign at this address.");
  return campaign;
}
