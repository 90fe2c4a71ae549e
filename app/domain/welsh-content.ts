/**
 * The Welsh that administrators write beside the English (issue 14): the cycle's name, each
 * category's name, description, eligibility text and sponsor line, each question's label and
 * help text, and winners' citations. The rules are here once; the models that write call them.
 */
import { missingWelsh } from "./language";

/** Each Welsh field may be as long as its English twin (Welsh often runs a little longer; the limits leave room). */
export const WELSH_LIMITS = {
  cycleName: 200,
  categoryName: 120,
  categoryDescription: 2000,
  categoryEligibility: 2000,
  categorySponsor: 200,
  questionLabel: 300,
  questionHelp: 1000,
  citation: 1200,
  campaignTitle: 240,
  campaignSummary: 2400,
  campaignAsks: 7200,
  campaignLetterGuidance: 7200,
  campaignBriefing: 24000,
} as const;

/** Blank Welsh is no Welsh: stored as null, so the English shows (marked as English). */
export function normaliseWelsh(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * What is wrong with one Welsh field, or null: too long, or Welsh written where there is no
 * English to translate (the public side always has the English to fall back on).
 */
export function welshProblem(english: string | null | undefined, welsh: string | null | undefined, what: string, max: number): string | null {
  const text = normaliseWelsh(welsh);
  if (text === null) return null;
  if (text.length > max) return `The Welsh ${what} must be ${max} characters or fewer`;
  if ((english ?? "").trim() === "") return `Write the English ${what} before its Welsh`;
  return null;
}

export type WelshCategory = {
  name: string;
  nameCy: string | null;
  description: string;
  descriptionCy: string | null;
  eligibility: string;
  eligibilityCy: string | null;
  sponsor: string | null;
  sponsorCy: string | null;
};

export type WelshQuestion = { id: number; label: string; labelCy: string | null; help: string; helpCy: string | null; retiredAt?: Date | string | null };

/** The Welsh fields of a category's details that break a rule, by field name. */
export function categoryWelshProblems(c: WelshCategory): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (field: string, p: string | null) => {
    if (p) problems[field] = p;
  };
  check("nameCy", welshProblem(c.name, c.nameCy, "name", WELSH_LIMITS.categoryName));
  check("descriptionCy", welshProblem(c.description, c.descriptionCy, "description", WELSH_LIMITS.categoryDescription));
  check("eligibilityCy", welshProblem(c.eligibility, c.eligibilityCy, "eligibility text", WELSH_LIMITS.categoryEligibility));
  check("sponsorCy", welshProblem(c.sponsor, c.sponsorCy, "sponsor line", WELSH_LIMITS.categorySponsor));
  return problems;
}

export function questionWelshProblems(q: Pick<WelshQuestion, "label" | "labelCy" | "help" | "helpCy">): Record<string, string> {
  const problems: Record<string, string> = {};
  const label = welshProblem(q.label, q.labelCy, "question", WELSH_LIMITS.questionLabel);
  const help = welshProblem(q.help, q.helpCy, "help text", WELSH_LIMITS.questionHelp);
  if (label) problems.labelCy = label;
  if (help) problems.helpCy = help;
  return problems;
}

/** One thing the public will see in English on a Welsh page until someone writes its Welsh. */
export type MissingWelsh = { field: string; what: string; questionId?: number };

/** What a category (and its questions still asked) still lacks in Welsh, in the order of the editor. */
export function missingWelshInCategory(c: WelshCategory, questions: readonly WelshQuestion[]): MissingWelsh[] {
  const missing: MissingWelsh[] = [];
  if (missingWelsh(c.name, c.nameCy)) missing.push({ field: "nameCy", what: "Name" });
  if (missingWelsh(c.description, c.descriptionCy)) missing.push({ field: "descriptionCy", what: "Description" });
  if (missingWelsh(c.eligibility, c.eligibilityCy)) missing.push({ field: "eligibilityCy", what: "Who is eligible" });
  if (missingWelsh(c.sponsor, c.sponsorCy)) missing.push({ field: "sponsorCy", what: "Sponsor line" });
  questions
    .filter((q) => !q.retiredAt)
    .forEach((q, i) => {
      if (missingWelsh(q.label, q.labelCy)) missing.push({ field: "labelCy", what: `Question ${i + 1}: the question`, questionId: q.id });
      if (missingWelsh(q.help, q.helpCy)) missing.push({ field: "helpCy", what: `Question ${i + 1}: help text`, questionId: q.id });
    });
  return missing;
}

/** A campaign's public text, English and Welsh; the Welsh asks are written as the admin types them (one per paragraph). */
export type WelshCampaign = {
  title: string;
  titleCy: string | null;
  summary: string;
  summaryCy: string | null;
  asks: string;
  asksCy: string | null;
  letterGuidance: string;
  letterGuidanceCy: string | null;
  briefing: string;
  briefingCy: string | null;
};

/** The Welsh fields of a campaign that break a rule, by field name. */
export function campaignWelshProblems(c: WelshCampaign): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (field: string, p: string | null) => {
    if (p) problems[field] = p;
  };
  check("titleCy", welshProblem(c.title, c.titleCy, "title", WELSH_LIMITS.campaignTitle));
  check("summaryCy", welshProblem(c.summary, c.summaryCy, "summary", WELSH_LIMITS.campaignSummary));
  check("asksCy", welshProblem(c.asks, c.asksCy, "asks", WELSH_LIMITS.campaignAsks));
  check("letterGuidanceCy", welshProblem(c.letterGuidance, c.letterGuidanceCy, "guidance", WELSH_LIMITS.campaignLetterGuidance));
  check("briefingCy", welshProblem(c.briefing, c.briefingCy, "briefing", WELSH_LIMITS.campaignBriefing));
  return problems;
}

/** What a campaign still lacks in Welsh, in the order of the admin's form. */
export function missingWelshInCampaign(c: WelshCampaign): MissingWelsh[] {
  const fields: Array<[keyof WelshCampaign, keyof WelshCampaign, string]> = [
    ["title", "titleCy", "Title"],
    ["summary", "summaryCy", "Summary"],
    ["asks", "asksCy", "The asks"],
    ["letterGuidance", "letterGuidanceCy", "Guidance for the letter"],
    ["briefing", "briefingCy", "Briefing for the meeting"],
  ];
  return fields.filter(([en, cy]) => missingWelsh(c[en], c[cy])).map(([, field, what]) => ({ field, what }));
}
