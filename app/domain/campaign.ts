/**
 * The rules of a "lobby your MP" campaign, as pure functions: postcodes, when a campaign
 * is open, what makes a letter acceptable (long enough, the sender's own words), how
 * constituency names are matched between services, and the dashboard's figures.
 */
import { isValid as isValidPostcode, toNormalised } from "postcode";
import type { Language } from "./vocabulary";

// ---------------------------------------------------------------- postcodes and constituencies

/** "sw1a1aa" → "SW1A 1AA"; null when it is not a UK postcode. */
export function normalisePostcode(input: string | null | undefined): string | null {
  const trimmed = (input ?? "").trim();
  if (!trimmed || trimmed.length > 12 || !isValidPostcode(trimmed)) return null;
  return toNormalised(trimmed);
}

/**
 * The key both services agree on: postcodes.io and the Members API spell a constituency's
 * name alike, give or take case, "&" for "and", accents and punctuation.
 */
export function constituencyKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// ---------------------------------------------------------------- opening and closing

/** One of a campaign's asks: a short title and a paragraph. */
export type CampaignAsk = { title: string; body: string };

/** The asks shown on a page: the Welsh ones on a Welsh page once written, else the English (decision 031). */
export type LocalisedAsks = { asks: CampaignAsk[]; language: Language };

export function localisedAsks(asks: CampaignAsk[], asksCy: CampaignAsk[] | null | undefined, language: Language): LocalisedAsks {
  if (language === "cy" && asksCy && asksCy.length > 0) return { asks: asksCy, language: "cy" };
  return { asks, language: "en" };
}

export type CampaignDates = { opensAt: Date | null; closesAt: Date | null };
export type CampaignState = "not_open" | "open" | "closed";

export function campaignState(campaign: CampaignDates, now: Date): CampaignState {
  if (campaign.opensAt && now < campaign.opensAt) return "not_open";
  if (campaign.closesAt && now >= campaign.closesAt) return "closed";
  return "open";
}

// ---------------------------------------------------------------- letters

export const MIN_LETTER_WORDS = 50;
export const MAX_LETTER_CHARS = 8000;
/** Two letters whose word-triple sets overlap this much (Jaccard) are one letter sent twice. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

/** Lower case, letters and digits only, one space between words: what similarity compares. */
export function normaliseLetter(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function shingles(normalised: string, size = 3): Set<string> {
  const words = normalised ? normalised.split(" ") : [];
  const set = new Set<string>();
  if (words.length < size) {
    if (words.length) set.add(words.join(" "));
    return set;
  }
  for (let i = 0; i + size <= words.length; i++) set.add(words.slice(i, i + size).join(" "));
  return set;
}

/**
 * How alike two letters are, from 0 (nothing shared) to 1 (the same words in the same
 * order): the Jaccard index of their sets of three-word runs, after normalising case,
 * accents, punctuation and spacing. A template with a name changed still scores high;
 * two letters making the same asks in their own words score low.
 */
export function letterSimilarity(a: string, b: string): number {
  const x = shingles(normaliseLetter(a));
  const y = shingles(normaliseLetter(b));
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

export function isNearDuplicate(body: string, earlier: Iterable<string>, threshold = NEAR_DUPLICATE_THRESHOLD): boolean {
  for (const other of earlier) if (letterSimilarity(body, other) >= threshold) return true;
  return false;
}

/** What can be wrong with a letter's words: a key of the campaign catalogue's errors, said in the page's language. */
export type LetterBodyProblem = "letterTooShort" | "letterNearDuplicate";
export const LETTER_TOO_SHORT: LetterBodyProblem = "letterTooShort";
export const LETTER_NEAR_DUPLICATE: LetterBodyProblem = "letterNearDuplicate";

/** The problem with a letter's body, or null when it may be sent. */
export function letterBodyProblem(body: string, earlier: Iterable<string>): LetterBodyProblem | null {
  if (countWords(body) < MIN_LETTER_WORDS) return LETTER_TOO_SHORT;
  if (isNearDuplicate(body, earlier)) return LETTER_NEAR_DUPLICATE;
  return null;
}

// ---------------------------------------------------------------- the follow-up

export const FOLLOW_UP_AFTER_DAYS = 14;
export const LETTER_CONFIRM_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function followUpAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + FOLLOW_UP_AFTER_DAYS * 24 * 60 * 60 * 1000);
}

export type FollowUpAnswer = { question: "replied" | "signed"; answer: boolean };

export function parseFollowUpAnswer(params: URLSearchParams): FollowUpAnswer | null {
  for (const question of ["replied", "signed"] as const) {
    const value = params.get(question);
    if (value === "yes" || value === "no") return { question, answer: value === "yes" };
  }
  return null;
}

// ---------------------------------------------------------------- the dashboard

export type LetterFigures = {
  constituency: string;
  status: "awaiting_confirmation" | "sent";
  mpReplied: boolean | null;
  mpSigned: boolean | null;
};

export type ConstituencyRow = { constituency: string; sent: number; awaiting: number; replied: number; signed: number; answered: number };

export function lettersByConstituency(letters: LetterFigures[]): ConstituencyRow[] {
  const rows = new Map<string, ConstituencyRow>();
  for (const l of letters) {
    const row = rows.get(l.constituency) ?? { constituency: l.constituency, sent: 0, awaiting: 0, replied: 0, signed: 0, answered: 0 };
    if (l.status === "sent") row.sent++;
    else row.awaiting++;
    if (l.mpReplied !== null || l.mpSigned !== null) row.answered++;
    if (l.mpReplied) row.replied++;
    if (l.mpSigned) row.signed++;
    rows.set(l.constituency, row);
  }
  return [...rows.values()].sort((a, b) => b.sent - a.sent || b.awaiting - a.awaiting || a.constituency.localeCompare(b.constituency));
}

export type Rates = { sent: number; awaiting: number; answered: number; replyRate: number | null; commitmentRate: number | null };

/** Reply and commitment rates among senders who answered the follow-up; null before anyone has. */
export function campaignRates(letters: LetterFigures[]): Rates {
  const sent = letters.filter((l) => l.status === "sent");
  const repliedAnswers = sent.filter((l) => l.mpReplied !== null);
  const signedAnswers = sent.filter((l) => l.mpSigned !== null);
  return {
    sent: sent.length,
    awaiting: letters.length - sent.length,
    answered: sent.filter((l) => l.mpReplied !== null || l.mpSigned !== null).length,
    replyRate: repliedAnswers.length ? repliedAnswers.filter((l) => l.mpReplied).length / repliedAnswers.length : null,
    commitmentRate: signedAnswers.length ? signedAnswers.filter((l) => l.mpSigned).length / signedAnswers.length : null,
  };
}

export function formatRate(rate: number | null): string {
  return rate === null ? "no answers yet" : `${Math.round(rate * 100)}%`;
}

export type BarChart = {
  viewBox: string;
  width: number;
  height: number;
  bars: Array<{ y: number; sentWidth: number; awaitingWidth: number; labelY: number; label: string; title: string }>;
  labelWidth: number;
  label: string;
};

/** A horizontal stacked bar per constituency (sent, then awaiting confirmation): numbers only, drawn by the component. */
export function constituencyBarChart(rows: ConstituencyRow[], { width = 560, barHeight = 18, gap = 6, labelWidth = 220, max = 20 } = {}): BarChart {
  const shown = rows.slice(0, max);
  const most = Math.max(1, ...shown.map((r) => r.sent + r.awaiting));
  const plot = width - labelWidth - 40;
  const bars = shown.map((r, i) => {
    const y = i * (barHeight + gap);
    return {
      y,
      labelY: y + barHeight * 0.7,
      sentWidth: round2((r.sent / most) * plot),
      awaitingWidth: round2((r.awaiting / most) * plot),
      label: r.constituency.length > 32 ? `${r.constituency.slice(0, 31)}…` : r.constituency,
      title: `${r.constituency}: ${r.sent} sent, ${r.awaiting} awaiting confirmation`,
    };
  });
  const height = Math.max(barHeight, shown.length * (barHeight + gap));
  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    bars,
    labelWidth,
    label: shown.length === 0 ? "No letters yet" : `Letters by constituency: ${shown.map((b) => `${b.constituency} ${b.sent} sent`).join(", ")}`,
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

// ---------------------------------------------------------------- the MP directory as CSV

export type DirectoryRow = { constituency: string; name: string; party: string; email: string | null; photoUrl: string | null };

const DIRECTORY_COLUMNS = ["constituency", "name", "party", "email"] as const;

/**
 * Reads an MP directory CSV (a header row with constituency, name, party, email and
 * optionally photo_url). Returns the rows, or the problems with line numbers.
 */
export function readDirectoryCsv(cells: string[][]): { rows: DirectoryRow[]; problems: string[] } {
  const [header, ...lines] = cells;
  const problems: string[] = [];
  if (!header) return { rows: [], problems: ["The file is empty"] };
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase().replace(/\s+/g, "_"), i]));
  const missing = DIRECTORY_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) return { rows: [], problems: [`The first row must name the columns ${DIRECTORY_COLUMNS.join(", ")} (missing: ${missing.join(", ")})`] };
  const get = (line: string[], column: string) => (line[index.get(column) ?? -1] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
  const rows: DirectoryRow[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.every((c) => c.trim() === "")) return;
    const at = `Line ${i + 2}`;
    const constituency = get(line, "constituency");
    const name = get(line, "name");
    const email = get(line, "email");
    if (!constituency || !name) return void problems.push(`${at}: a constituency and an MP's name are required`);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return void problems.push(`${at}: "${email.slice(0, 60)}" is not an email address`);
    const key = constituencyKey(constituency);
    if (seen.has(key)) return void problems.push(`${at}: ${constituency} appears twice`);
    seen.add(key);
    const photo = index.has("photo_url") ? get(line, "photo_url") : "";
    rows.push({ constituency, name, party: get(line, "party"), email: email || null, photoUrl: /^https:\/\//.test(photo) ? photo : null });
  });
  if (rows.length === 0 && problems.length === 0) problems.push("The file has no MPs in it");
  return { rows, problems };
}
