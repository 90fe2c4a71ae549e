/**
 * People's Choice (issue 16, docs/decisions/034): a category's voting window, set by an
 * admin; the public's votes, each counted once its email is confirmed; the admin's report
 * by email domain and network, and voiding a batch. Every rule is asked of
 * app/domain/peoples-choice.ts here, where the writes happen; every write's audit entry
 * and email commit with it.
 */
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import PeoplesChoiceConfirmEmail, { peoplesChoiceConfirmSubject } from "#emails/peoples-choice-confirm";
import {
  countsArePublic,
  networkOf,
  normaliseVoterEmail,
  reportBy,
  tally,
  VOTE_CONFIRM_LIFETIME_MS,
  voidProblem,
  votingMoments,
  votePath,
  votingState,
  windowProblems,
  type BatchKind,
  type VotingState,
  type VotingWindow,
  type WindowField,
} from "~/domain/peoples-choice";
import { localised, type Language } from "~/domain/language";
import { localisedPath } from "~/domain/language-paths";
import { ERASED, isRetentionDue } from "~/domain/retention";
import { audit, SYSTEM_ACTOR, type Actor } from "~/utils/audit.server";
import { db, schema, type Tx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { getEnv } from "~/utils/env.server";
import { hitRateLimits, type RateLimitResult } from "~/utils/rate-limit.server";
import { keyedDigest } from "~/utils/signing.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

const { categories, cycles, nominations } = schema;
const v = schema.peoplesChoiceVotes;
const VOTER: Actor = { id: null, name: "People's Choice voter" };
const HOUR = 60 * 60 * 1000;

/** The nominations the public may vote for: the category's published shortlist, as the winners page shows it. */
const ON_SHORTLIST = ["shortlisted", "winner", "highly_commended"] as const;
const onShortlist = (categoryId: number) =>
  and(eq(nominations.categoryId, categoryId), inArray(nominations.status, [...ON_SHORTLIST]), isNull(nominations.mergedIntoId), isNull(nominations.erasedAt));

const windowOf = (c: { peoplesChoiceOpensAt: Date | null; peoplesChoiceClosesAt: Date | null }): VotingWindow => ({
  opensAt: c.peoplesChoiceOpensAt,
  closesAt: c.peoplesChoiceClosesAt,
});

async function shortlistOf(categoryId: number) {
  return db
    .select({ id: nominations.id, name: nominations.nomineeName, organisation: nominations.nomineeOrganisation, area: nominations.nomineeLocalAuthority })
    .from(nominations)
    .where(onShortlist(categoryId))
    .orderBy(asc(nominations.nomineeName), asc(nominations.id));
}

async function votesOf(categoryId: number) {
  return db
    .select({ id: v.id, nominationId: v.nominationId, emailDomain: v.emailDomain, network: v.network, confirmedAt: v.confirmedAt, voidedAt: v.voidedAt })
    .from(v)
    .where(eq(v.categoryId, categoryId));
}

// ---------------------------------------------------------------- the admin's screen

/** Everything the admin's People's Choice screen shows: the window, the counts and the report. */
export async function getPeoplesChoiceAdmin(categoryId: number, now = new Date()) {
  const [row] = await db
    .select({ category: categories, cycle: cycles })
    .from(categories)
    .innerJoin(cycles, eq(cycles.id, categories.cycleId))
    .where(eq(categories.id, categoryId));
  if (!row) return null;
  const { category, cycle } = row;
  const [shortlist, votes] = await Promise.all([shortlistOf(category.id), votesOf(category.id)]);
  const counts = tally(votes);
  return {
    category: { id: category.id, name: category.name, slug: category.slug },
    cycle: { year: cycle.year, shortlistPublishAt: cycle.shortlistPublishAt, winnersPublishAt: cycle.winnersPublishAt },
    window: windowOf(category),
    state: votingState(windowOf(category), cycle, now),
    voidProblem: voidProblem(cycle, now),
    nominees: shortlist.map((n) => ({ ...n, votes: counts.get(n.id) ?? 0 })),
    totals: {
      votes: votes.length,
      awaiting: votes.filter((x) => x.confirmedAt === null && x.voidedAt === null).length,
      counted: [...counts.values()].reduce((a, b) => a + b, 0),
      voided: votes.filter((x) => x.voidedAt !== null).length,
    },
    byDomain: reportBy(votes, "domain"),
    byNetwork: reportBy(votes, "network"),
  };
}

export type WindowOutcome = { ok: true } | { ok: false; problems: Partial<Record<WindowField | "form", string>> };

/** Turns People's Choice on, moves its window, closes it early or turns it off: validated and audited. */
export async function setVotingWindow(input: { categoryId: number; requested: VotingWindow; actor: Actor; now?: Date }): Promise<WindowOutcome> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ category: categories, cycle: cycles })
      .from(categories)
      .innerJoin(cycles, eq(cycles.id, categories.cycleId))
      .where(eq(categories.id, input.categoryId))
      .for("update");
    if (!row) return { ok: false, problems: { form: "There is no such category" } };
    const [{ shortlisted }] = await tx.select({ shortlisted: sql<number>`count(*)::int` }).from(nominations).where(onShortlist(row.category.id));
    const current = windowOf(row.category);
    const problems = windowProblems({ cycle: row.cycle, current, requested: input.requested, shortlisted, now });
    if (Object.keys(problems).length) return { ok: false, problems };
    const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
    if (same(current.opensAt, input.requested.opensAt) && same(current.closesAt, input.requested.closesAt)) return { ok: true };
    await tx
      .update(categories)
      .set({ peoplesChoiceOpensAt: input.requested.opensAt, peoplesChoiceClosesAt: input.requested.closesAt })
      .where(eq(categories.id, row.category.id));
    await audit(tx, {
      actor: input.actor,
      action: "peoples_choice.window_set",
      entityType: "category",
      entityId: row.category.id,
      before: current,
      after: input.requested,
    });
    return { ok: true };
  });
}

export type VoidOutcome = { ok: true; voided: number } | { ok: false; field: "batch" | "reason" | "form"; message: string };

/** Voids every vote still standing from one email domain or one network, with the admin's reason. */
export async function voidVotes(input: { categoryId: number; kind: BatchKind; value: string; reason: string; actor: Actor; now?: Date }): Promise<VoidOutcome> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  if (!reason) return { ok: false, field: "reason", message: "Say why these votes are void" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ cycle: cycles })
      .from(categories)
      .innerJoin(cycles, eq(cycles.id, categories.cycleId))
      .where(eq(categories.id, input.categoryId))
      .for("update");
    if (!row) return { ok: false, field: "form", message: "There is no such category" };
    const problem = voidProblem(row.cycle, now);
    if (problem) return { ok: false, field: "form", message: problem };
    const match = input.kind === "domain" ? eq(v.emailDomain, input.value) : eq(v.network, input.value);
    const voided = await tx
      .update(v)
      .set({ voidedAt: now, voidReason: reason })
      .where(and(eq(v.categoryId, input.categoryId), match, isNull(v.voidedAt)))
      .returning({ id: v.id, confirmedAt: v.confirmedAt });
    if (voided.length === 0) return { ok: false, field: "batch", message: "No votes still standing match that batch" };
    await audit(tx, {
      actor: input.actor,
      action: "peoples_choice.votes_voided",
      entityType: "category",
      entityId: input.categoryId,
      after: { [input.kind]: input.value, reason, votes: voided.map((x) => x.id), counted: voided.filter((x) => x.confirmedAt !== null).length },
    });
    return { ok: true, voided: voided.length };
  });
}

/** A cycle's voting windows, for the rule on moving publication times (publicationWindowProblems). */
export async function votingWindowsOf(tx: Tx, cycleId: number) {
  const rows = await tx
    .select({ name: categories.name, opensAt: categories.peoplesChoiceOpensAt, closesAt: categories.peoplesChoiceClosesAt })
    .from(categories)
    .where(and(eq(categories.cycleId, cycleId), isNull(categories.retiredAt), isNotNull(categories.peoplesChoiceOpensAt)));
  return rows;
}

// ---------------------------------------------------------------- the public's vote

export type VotePage = {
  year: number;
  cycleName: string;
  category: { name: string; nameCy: string | null; slug: string };
  state: Exclude<VotingState, "off">;
  closesAt: Date;
  nominees: Array<{ id: number; name: string; organisation: string | null; area: string | null }>;
};

/**
 * What the public vote page shows: the category and its shortlist, never a count. Null
 * (a 404) when there is no such vote, or the shortlist is not public yet.
 */
export async function getVotePage(year: number, slug: string, now = new Date()): Promise<VotePage | null> {
  const [row] = await db
    .select({ category: categories, cycle: cycles })
    .from(categories)
    .innerJoin(cycles, eq(cycles.id, categories.cycleId))
    .where(and(eq(cycles.year, year), eq(categories.slug, slug), isNull(categories.retiredAt)));
  if (!row) return null;
  const window = windowOf(row.category);
  const state = votingState(window, row.cycle, now);
  if (state === "off" || !row.cycle.shortlistPublishAt || row.cycle.shortlistPublishAt > now) return null;
  return {
    year: row.cycle.year,
    cycleName: row.cycle.name,
    category: { name: row.category.name, nameCy: row.category.nameCy, slug: row.category.slug },
    state,
    closesAt: window.closesAt!,
    nominees: await shortlistOf(row.category.id),
  };
}

export const VOTE_LIMITS = {
  perEmail: { limit: 5, windowMs: HOUR },
  perAddress: { limit: 20, windowMs: HOUR },
  perNetwork: { limit: 100, windowMs: HOUR },
};

/**
 * Each attempt may email someone: limited per address, per network and per email. The
 * counters' keys hold keyed digests, so the rate_limits table keeps no voter's address.
 */
export async function limitVote(ip: string, email: string): Promise<RateLimitResult> {
  const key = normaliseVoterEmail(email)?.key ?? email.trim().toLowerCase();
  return hitRateLimits([
    { key: `vote:email:${await keyedDigest("vote-email", key)}`, rule: VOTE_LIMITS.perEmail },
    { key: `vote:ip:${await keyedDigest("vote-ip", ip)}`, rule: VOTE_LIMITS.perAddress },
    { key: `vote:net:${networkOf(ip)}`, rule: VOTE_LIMITS.perNetwork },
  ]);
}

export type CastOutcome =
  | { outcome: "sent" }
  | { outcome: "already_voted" | "awaiting_confirmation" | "closed" | "not_on_shortlist" | "bad_email" };

/**
 * Records a vote awaiting confirmation and emails its link. One row per normalised email per
 * category, whatever happens: a confirmed (or voided) vote refuses another, an unconfirmed
 * one whose link still works refuses a second, and one whose link has lapsed is replaced.
 */
export async function castVote(input: {
  year: number;
  slug: string;
  nominationId: number;
  email: string;
  ip: string;
  now?: Date;
  /** The vote page's language: kept on the vote, and its confirmation email and page are in it. */
  language?: Language;
}): Promise<CastOutcome> {
  const now = input.now ?? new Date();
  const language = input.language ?? "en";
  const voter = normaliseVoterEmail(input.email);
  if (!voter) return { outcome: "bad_email" };
  const token = generateToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ category: categories, cycle: cycles })
      .from(categories)
      .innerJoin(cycles, eq(cycles.id, categories.cycleId))
      .where(and(eq(cycles.year, input.year), eq(categories.slug, input.slug), isNull(categories.retiredAt)))
      .for("share");
    if (!row || votingState(windowOf(row.category), row.cycle, now) !== "open") return { outcome: "closed" };
    const [nominee] = await tx
      .select({ id: nominations.id, name: nominations.nomineeName })
      .from(nominations)
      .where(and(onShortlist(row.category.id), eq(nominations.id, input.nominationId)));
    if (!nominee) return { outcome: "not_on_shortlist" };

    const closes = windowOf(row.category).closesAt!;
    const expires = new Date(Math.min(now.getTime() + VOTE_CONFIRM_LIFETIME_MS, closes.getTime(), row.cycle.winnersPublishAt?.getTime() ?? Infinity));
    const values = {
      nominationId: nominee.id,
      email: input.email.trim(),
      emailDomain: voter.domain,
      network: networkOf(input.ip),
      language,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: expires,
      createdAt: now,
    };
    const [created] = await tx
      .insert(v)
      .values({ ...values, categoryId: row.category.id, emailKey: voter.key })
      .onConflictDoNothing({ target: [v.categoryId, v.emailKey] })
      .returning({ id: v.id });
    let voteId = created?.id;
    if (!voteId) {
      const [earlier] = await tx
        .select()
        .from(v)
        .where(and(eq(v.categoryId, row.category.id), eq(v.emailKey, voter.key)))
        .for("update");
      if (earlier.confirmedAt || earlier.voidedAt) return { outcome: "already_voted" };
      if (earlier.confirmExpiresAt && earlier.confirmExpiresAt > now) return { outcome: "awaiting_confirmation" };
      await tx.update(v).set(values).where(eq(v.id, earlier.id));
      voteId = earlier.id;
    }
    await sendEmail(tx, {
      to: values.email,
      subject: peoplesChoiceConfirmSubject({ language, nominee: nominee.name }),
      template: "peoples-choice-confirm",
      react: PeoplesChoiceConfirmEmail({
        language,
        category: localised(row.category.name, row.category.nameCy, language),
        nominee: nominee.name,
        url: new URL(localisedPath(`/vote/confirm?t=${token}`, language), getEnv().APP_URL).toString(),
        closes: expires,
      }),
      meta: { peoplesChoiceVoteIds: [voteId] },
    });
    return { outcome: "sent" };
  });
}

async function voteByToken(token: string, tx: Tx = db) {
  const [row] = await tx
    .select({ vote: v, category: categories, cycle: cycles, nominee: nominations.nomineeName })
    .from(v)
    .innerJoin(categories, eq(categories.id, v.categoryId))
    .innerJoin(cycles, eq(cycles.id, categories.cycleId))
    .innerJoin(nominations, eq(nominations.id, v.nominationId))
    .where(eq(v.confirmTokenHash, hashToken(token)));
  return row ?? null;
}

export type VoteConfirmation =
  | { outcome: "invalid" }
  | { outcome: "pending" | "confirmed" | "closed"; nominee: string; category: string; categoryCy: string | null; year: number; slug: string };

function confirmationState(row: NonNullable<Awaited<ReturnType<typeof voteByToken>>>, now: Date): VoteConfirmation {
  const about = { nominee: row.nominee, category: row.category.name, categoryCy: row.category.nameCy, year: row.cycle.year, slug: row.category.slug };
  if (row.vote.voidedAt) return { outcome: "invalid" };
  if (row.vote.confirmedAt) return { outcome: "confirmed", ...about };
  if (votingState(windowOf(row.category), row.cycle, now) !== "open") return { outcome: "closed", ...about };
  if (!row.vote.confirmExpiresAt || row.vote.confirmExpiresAt <= now) return { outcome: "invalid" };
  return { outcome: "pending", ...about };
}

/** What the confirmation link's page shows, without confirming (mail scanners open links). */
export async function peekVoteConfirmation(token: string, now = new Date()): Promise<VoteConfirmation> {
  const row = await voteByToken(token);
  return row ? confirmationState(row, now) : { outcome: "invalid" };
}

/** The button on the link's page: the vote counts from now, if voting is still open. */
export async function confirmVote(token: string, now = new Date()): Promise<VoteConfirmation> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: v.id }).from(v).where(eq(v.confirmTokenHash, hashToken(token))).for("update");
    if (!locked) return { outcome: "invalid" };
    const row = await voteByToken(token, tx);
    if (!row) return { outcome: "invalid" };
    const state = confirmationState(row, now);
    if (state.outcome !== "pending") return state;
    await tx.update(v).set({ confirmedAt: now }).where(eq(v.id, row.vote.id));
    await audit(tx, {
      actor: VOTER,
      action: "peoples_choice.vote_confirmed",
      entityType: "peoples_choice_vote",
      entityId: row.vote.id,
      after: { categoryId: row.category.id, nominationId: row.vote.nominationId },
    });
    return { ...state, outcome: "confirmed" };
  });
}

// ---------------------------------------------------------------- the winners page

export type PublicPeoplesChoice = {
  /** Dates at which a page showing this changes: each window's opening and closing. */
  moments: Array<Date | null>;
  /** `counts` is there only once the winners are public: before, a data request cannot even see the key. */
  categories: Record<string, { open: boolean; votePath: string; counts?: Array<{ name: string; votes: number }> }>;
};

/**
 * People's Choice as the public sees it on a year's results page: a link while a vote is
 * open, and the counts only once the winners are public (never before, on any route).
 */
export async function getPublicPeoplesChoice(year: number, now = new Date()): Promise<PublicPeoplesChoice> {
  const rows = await db
    .select({ category: categories, cycle: cycles })
    .from(categories)
    .innerJoin(cycles, eq(cycles.id, categories.cycleId))
    .where(and(eq(cycles.year, year), isNull(categories.retiredAt)));
  const result: PublicPeoplesChoice = { moments: [], categories: {} };
  for (const { category, cycle } of rows) {
    const window = windowOf(category);
    const state = votingState(window, cycle, now);
    if (state === "off") continue;
    result.moments.push(...votingMoments(window));
    result.categories[category.slug] = { open: state === "open", votePath: votePath(cycle.year, category.slug) };
    if (countsArePublic(cycle, now)) {
      const [shortlist, votes] = await Promise.all([shortlistOf(category.id), votesOf(category.id)]);
      const tallied = tally(votes);
      result.categories[category.slug].counts = shortlist
        .map((n) => ({ name: n.name, votes: tallied.get(n.id) ?? 0 }))
        .sort((a, b) => b.votes - a.votes || (a.name < b.name ? -1 : 1));
    }
  }
  return result;
}

// ---------------------------------------------------------------- privacy

/** The votes cast from an address (as typed or as its normalised key), for the privacy export: no secrets. */
export async function votesOfEmail(tx: Tx, email: string) {
  const key = normaliseVoterEmail(email)?.key ?? email;
  return tx
    .select({
      category: categories.name,
      year: cycles.year,
      nominee: nominations.nomineeName,
      email: v.email,
      network: v.network,
      createdAt: v.createdAt,
      confirmedAt: v.confirmedAt,
      voidedAt: v.voidedAt,
      voidReason: v.voidReason,
    })
    .from(v)
    .innerJoin(categories, eq(categories.id, v.categoryId))
    .innerJoin(cycles, eq(cycles.id, categories.cycleId))
    .innerJoin(nominations, eq(nominations.id, v.nominationId))
    .where(or(eq(sql`lower(${v.email})`, email), eq(v.emailKey, key)))
    .orderBy(asc(v.id));
}

/**
 * Erases a voter's address from their votes. The vote itself stays (and counts, if it did):
 * a count of anonymous votes holds nothing personal. The domain and network stay for the report.
 */
export async function eraseVotesOfEmail(tx: Tx, email: string): Promise<number[]> {
  const key = normaliseVoterEmail(email)?.key ?? email;
  const rows = await tx
    .update(v)
    .set({ email: ERASED, emailKey: sql`'erased-' || ${v.id}`, confirmTokenHash: null })
    .where(or(eq(sql`lower(${v.email})`, email), eq(v.emailKey, key)))
    .returning({ id: v.id });
  return rows.map((r) => r.id);
}

/**
 * Once a cycle's retention is due (docs/decisions/034), its voters' addresses go: one vote
 * per email no longer needs them. Only votes not yet erased are touched.
 */
export async function applyVoteRetention(now = new Date(), actor: Actor = SYSTEM_ACTOR) {
  const archived = await db.select().from(cycles).where(isNotNull(cycles.archivedAt));
  const due = archived.filter((c) => isRetentionDue(c, now)).map((c) => c.id);
  if (due.length === 0) return [];
  return db.transaction(async (tx) => {
    const inCycles = tx.select({ id: categories.id }).from(categories).where(inArray(categories.cycleId, due));
    const rows = await tx
      .update(v)
      .set({ email: ERASED, emailKey: sql`'erased-' || ${v.id}`, confirmTokenHash: null })
      .where(and(inArray(v.categoryId, inCycles), sql`${v.email} <> ${ERASED}`))
      .returning({ id: v.id });
    if (rows.length) {
      await audit(tx, { actor, action: "retention.applied", entityType: "peoples_choice_votes", after: { votes: rows.map((r) => r.id) } });
    }
    return rows.map((r) => r.id);
  });
}
