/**
 * People's Choice (issue 16): an optional public vote per category, for one shortlisted
 * nominee, during a window between the shortlist's publication and the winners'. The rules
 * here are pure; app/models/peoples-choice.server.ts enforces them on every write.
 * See docs/decisions/034.
 */
import { publicStage, type PublicationTimes } from "./results";

export const VOTE_CONFIRM_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** A person reads the shortlist before choosing; a script posts at once. */
export const MIN_SECONDS_ON_PAGE = 3;
/** A form older than this is refused (a fresh one is on the page that says so). */
export const MAX_FORM_AGE_MS = 12 * 60 * 60 * 1000;
export const VOID_REASON_MAX = 500;

/** The public vote page of a category. */
export function votePath(year: number, slug: string) {
  return `/vote/${year}/${slug}`;
}

export type VotingWindow = { opensAt: Date | null; closesAt: Date | null };
export type VotingState = "off" | "not_open" | "open" | "closed";

/**
 * Where a category's vote stands. Voting always stops at the winners' publication, even if
 * that time was later moved before the window's close: counts become public then.
 */
export function votingState(window: VotingWindow, cycle: PublicationTimes, now: Date): VotingState {
  if (!window.opensAt || !window.closesAt) return "off";
  const t = now.getTime();
  const ends = Math.min(window.closesAt.getTime(), cycle.winnersPublishAt?.getTime() ?? Infinity);
  if (t >= ends) return "closed";
  if (t < window.opensAt.getTime() || publicStage(cycle, now) === "none") return "not_open";
  return "open";
}

/** The moments at which a category's vote page, and the shortlist that links to it, change. */
export function votingMoments(window: VotingWindow): Array<Date | null> {
  return [window.opensAt, window.closesAt];
}

/** Counts are for admins only until the winners are public (the publication rule in phase-rules/results). */
export function countsArePublic(cycle: PublicationTimes, now: Date): boolean {
  return publicStage(cycle, now) === "winners";
}

export type WindowField = "opensAt" | "closesAt";

/**
 * THE rule for setting a category's voting window. Off is both times empty. It opens no
 * earlier than the shortlist's publication and closes no later than the winners'; a window
 * that has opened keeps its opening time (it can be closed early, not moved back or removed),
 * one that has closed cannot change, and nothing changes once the winners are public.
 */
export function windowProblems(input: {
  cycle: PublicationTimes;
  current: VotingWindow;
  requested: VotingWindow;
  /** Nominations on this category's shortlist (in any stage after it). */
  shortlisted: number;
  now: Date;
}): Partial<Record<WindowField | "form", string>> {
  const { cycle, current, requested, shortlisted, now } = input;
  const t = now.getTime();
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  if (same(current.opensAt, requested.opensAt) && same(current.closesAt, requested.closesAt)) return {};
  if (countsArePublic(cycle, now)) return { form: "The winners have been published, so People's Choice can no longer change" };
  const state = votingState(current, cycle, now);
  if (state === "closed") return { form: "Voting has closed in this category, so its window can no longer change" };

  const { opensAt, closesAt } = requested;
  if (!opensAt && !closesAt) {
    return state === "open" ? { form: "Voting has started: you can close it early, but not remove it" } : {};
  }
  const problems: Partial<Record<WindowField | "form", string>> = {};
  if (!opensAt) problems.opensAt = "Enter when voting opens, or clear both times to turn People's Choice off";
  if (!closesAt) problems.closesAt = "Enter when voting closes, or clear both times to turn People's Choice off";
  if (!opensAt || !closesAt) return problems;

  if (state === "open" && !same(current.opensAt, opensAt)) problems.opensAt = "Voting has already opened, so its opening time cannot change";
  else if (!cycle.shortlistPublishAt) problems.opensAt = "Set when the shortlist is published first: voting opens after it";
  else if (opensAt.getTime() < cycle.shortlistPublishAt.getTime()) problems.opensAt = "Voting cannot open before the shortlist is published";
  else if (shortlisted === 0) problems.form = "This category has no shortlist to vote on";

  if (closesAt.getTime() <= opensAt.getTime()) problems.closesAt = "Voting must close after it opens";
  else if (!cycle.winnersPublishAt) problems.closesAt = "Set when the winners are published first: voting closes before then";
  else if (closesAt.getTime() > cycle.winnersPublishAt.getTime()) problems.closesAt = "Voting must close before or when the winners are published";
  else if (!same(current.closesAt, closesAt) && closesAt.getTime() < t) problems.closesAt = "The closing time cannot be in the past";
  return problems;
}

/**
 * The other side of the window rule, for whoever moves the publication times: the shortlist
 * cannot go public after a vote opens, nor the winners before one closes. Only a changed time
 * is judged.
 */
export function publicationWindowProblems(input: {
  windows: ReadonlyArray<VotingWindow & { name: string }>;
  current: PublicationTimes;
  requested: PublicationTimes;
}): Partial<Record<keyof PublicationTimes, string>> {
  const { windows, current, requested } = input;
  const problems: Partial<Record<keyof PublicationTimes, string>> = {};
  const changed = (field: keyof PublicationTimes) => (current[field]?.getTime() ?? null) !== (requested[field]?.getTime() ?? null);
  const names = (pick: (w: VotingWindow) => boolean) => windows.filter((w) => w.opensAt && w.closesAt && pick(w)).map((w) => w.name);
  const shortlist = requested.shortlistPublishAt;
  const winners = requested.winnersPublishAt;
  if (changed("shortlistPublishAt") && shortlist) {
    const early = names((w) => w.opensAt!.getTime() < shortlist.getTime());
    if (early.length) problems.shortlistPublishAt = `People's Choice voting opens before this time in: ${early.join(", ")}. Move its window first`;
  }
  if (changed("winnersPublishAt") && winners) {
    const late = names((w) => w.closesAt!.getTime() > winners.getTime());
    if (late.length) problems.winnersPublishAt = `People's Choice voting closes after this time in: ${late.join(", ")}. Close it earlier first`;
  }
  return problems;
}

/** Why a batch of votes cannot be voided now, or null. Counts are final once public. */
export function voidProblem(cycle: PublicationTimes, now: Date): string | null {
  return countsArePublic(cycle, now) ? "The winners have been published, so the votes are final" : null;
}

// ---------------------------------------------------------------- who is voting

export type VoterEmail = { key: string; domain: string };

const GMAIL = new Set(["gmail.com", "googlemail.com"]);

/**
 * The key one vote per email is kept by: lower case, without a "+tag" (most providers
 * deliver name+x@ to name@), and for Gmail without dots in the name. Null when it is not an
 * address at all.
 */
export function normaliseVoterEmail(email: string): VoterEmail | null {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return null;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1).replace(/\.$/, "");
  if (!domain.includes(".") || /\s/.test(trimmed)) return null;
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    domain = "gmail.com";
    local = local.replace(/\./g, "");
  }
  if (!local) return null;
  return { key: `${local}@${domain}`, domain };
}

function ipv4Network(ip: string): string | null {
  const parts = ip.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return `${parts.slice(0, 3).map(Number).join(".")}.0/24`;
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(ip: string): number[] | null {
  const address = ip.replace(/%.*$/, "");
  if (!/^[0-9a-f:.]+$/i.test(address)) return null;
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string) => (half === "" ? [] : half.split(":"));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  const groups: number[] = [];
  const take = (pieces: string[]) => {
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes(".")) {
        const v4 = ipv4Network(piece) ? piece.split(".").map(Number) : null;
        if (!v4) return false;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) groups.push(parseInt(piece, 16));
      else return false;
    }
    return true;
  };
  if (!take(head)) return null;
  const headLength = groups.length;
  if (!take(tail)) return null;
  const missing = 8 - groups.length;
  if (halves.length === 2) {
    if (missing < 1) return null;
    groups.splice(headLength, 0, ...new Array<number>(missing).fill(0));
  } else if (missing !== 0) return null;
  return groups;
}

/**
 * The network a client address belongs to, which is all that is stored of it: IPv4 /24
 * ("203.0.113.0/24"), IPv6 /48 ("2001:db8:5::/48"); an IPv4 address inside IPv6
 * (::ffff:203.0.113.9) counts as IPv4. Anything else is "unknown".
 */
export function networkOf(ip: string): string {
  const trimmed = ip.trim();
  const v4 = ipv4Network(trimmed);
  if (v4) return v4;
  const groups = ipv6Groups(trimmed);
  if (!groups) return "unknown";
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return ipv4Network(`${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`)!;
  return `${groups.slice(0, 3).map((g) => g.toString(16)).join(":")}::/48`;
}

// ---------------------------------------------------------------- the form's timestamp

export type StampProblem = "missing" | "too-fast" | "expired";

/** Whether a form shown at `issuedAtMs` (already verified as ours) may be sent at `nowMs`. */
export function stampProblem(issuedAtMs: number | null, nowMs: number): StampProblem | null {
  if (issuedAtMs === null || !Number.isFinite(issuedAtMs)) return "missing";
  if (nowMs - issuedAtMs < MIN_SECONDS_ON_PAGE * 1000) return "too-fast";
  if (nowMs - issuedAtMs > MAX_FORM_AGE_MS) return "expired";
  return null;
}

// ---------------------------------------------------------------- counting and the report

export type VoteRecord = { nominationId: number; emailDomain: string; network: string; confirmedAt: Date | null; voidedAt: Date | null };

/** THE rule for what counts: a confirmed email, and not voided. */
export function voteCounts(vote: Pick<VoteRecord, "confirmedAt" | "voidedAt">): boolean {
  return vote.confirmedAt !== null && vote.voidedAt === null;
}

/** Counted votes per nomination. */
export function tally(votes: ReadonlyArray<Pick<VoteRecord, "nominationId" | "confirmedAt" | "voidedAt">>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of votes) if (voteCounts(v)) counts.set(v.nominationId, (counts.get(v.nominationId) ?? 0) + 1);
  return counts;
}

export type BatchKind = "domain" | "network";
export type ReportRow = { key: string; votes: number; confirmed: number; counted: number; voided: number; topNominationId: number | null; topShare: number };

/**
 * Votes grouped by email domain or by network, largest first: a campaign of fake votes shows
 * as one group with many votes, most of them for one nominee (topShare near 1).
 */
export function reportBy(votes: ReadonlyArray<VoteRecord>, kind: BatchKind): ReportRow[] {
  const groups = new Map<string, VoteRecord[]>();
  for (const v of votes) {
    const key = kind === "domain" ? v.emailDomain : v.network;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const counts = tally(group.filter((v) => v.voidedAt === null).map((v) => ({ ...v, confirmedAt: v.confirmedAt ?? new Date(0) })));
      const [top, topVotes] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
      const live = group.filter((v) => v.voidedAt === null).length;
      return {
        key,
        votes: group.length,
        confirmed: group.filter((v) => v.confirmedAt !== null).length,
        counted: group.filter(voteCounts).length,
        voided: group.filter((v) => v.voidedAt !== null).length,
        topNominationId: top,
        topShare: live ? topVotes / live : 0,
      };
    })
    .sort((a, b) => b.votes - a.votes || (a.key < b.key ? -1 : 1));
}
