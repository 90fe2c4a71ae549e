/**
 * The synthetic data the benchmark runs on, written straight through drizzle (fast bulk
 * inserts) in the shapes the app's own code writes:
 * - this year's cycle, open for nominations (the demo seed), with complete drafts ready
 *   to submit in one category;
 * - last year's cycle in judging: one category of N eligible nominations, a panel of J
 *   judges (statement accepted, conflicts declared, a live session each), k judges per
 *   nomination from the app's own solver, and submitted scores on every pair but a few per
 *   judge, which the score-saving load writes drafts to;
 * - the year before, winners published, for /winners/<year>;
 * - (optionally) a cycle of M nominations with k scores each, only for the leaderboard timing.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "#db/client";
import * as schema from "#db/schema";
import { seedDemoIfEmpty } from "#db/seed";
import { solveAssignments } from "~/domain/assignment";
import { generateToken, hashToken } from "~/utils/tokens.server";

const DAY = 24 * 60 * 60 * 1000;
export const SUBMIT_SLUG = "group-of-the-year";
export const CRITERIA = ["Impact", "Commitment", "Community", "Inspiration", "Sustainability", "Learning"];

export type BenchSizes = {
  nominations: number;
  judges: number;
  perNomination: number;
  /** Unscored assignments kept per judge for the score-saving load. */
  openPerJudge: number;
  drafts: number;
  /** Size of the second leaderboard cycle (10× the first); 0 skips it. */
  largeNominations: number;
};

export type Seeded = {
  openYear: number;
  judgingYear: number;
  winnersYear: number;
  judgingCategoryId: number;
  largeCategoryId: number | null;
  criterionIds: number[];
  judges: Array<{ id: number; token: string; open: number[] }>;
  drafts: Array<{ token: string; email: string }>;
};

/** A repeatable pseudo-random stream, so two runs seed the same scores. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const uniqueHash = () => randomBytes(32).toString("hex");
let referenceCounter = 0;
function reference(year: number) {
  // Bench references use digits the public alphabet lacks (0, 1), so they never clash with real ones.
  referenceCounter += 1;
  return `CSA-${year}-B${referenceCounter.toString().padStart(6, "0")}`;
}

async function makeCategory(db: Db, cycleId: number, slug: string, name: string, k: number, position = 0) {
  const [category] = await db
    .insert(schema.categories)
    .values({ cycleId, slug, name, description: `${name}: a synthetic category for the benchmark.`, nomineeTypes: ["group"], judgesPerNomination: k, position })
    .returning();
  const [question] = await db
    .insert(schema.questions)
    .values({ categoryId: category.id, label: "What difference have they made?", wordLimit: 400 })
    .returning();
  const criteria = await db
    .insert(schema.criteria)
    .values(CRITERIA.map((c, i) => ({ categoryId: category.id, name: c, guidance: `How strong is the evidence of ${c.toLowerCase()}?`, weight: i < 2 ? 2 : 1, position: i })))
    .returning();
  await db.insert(schema.scaleAnchors).values([1, 2, 3, 4, 5].map((value) => ({ categoryId: category.id, value, description: `Anchor ${value}` })));
  const [panel] = await db.insert(schema.panels).values({ categoryId: category.id }).returning();
  return { category, question, criteria, panel };
}

const STATEMENT =
  "They met the family at the airport, found a home, helped with school places and English classes, and are still there every week. " +
  "The whole street now knows the family, and two more groups have started nearby after hearing about them.";

async function insertNominations(
  db: Db,
  rows: Array<Partial<typeof schema.nominations.$inferInsert> & { cycleId: number; categoryId: number; year: number }>,
) {
  const ids: number[] = [];
  await insertChunked(rows, async (chunk) => {
    const inserted = await db
      .insert(schema.nominations)
      .values(chunk.map(({ year, ...r }) => ({ reference: reference(year), accessTokenHash: uniqueHash(), ...r })))
      .returning({ id: schema.nominations.id });
    ids.push(...inserted.map((r) => r.id));
  });
  return ids;
}

function scoreValues(criterionIds: number[], quality: number, leniency: number, random: () => number) {
  return Object.fromEntries(
    criterionIds.map((id) => [String(id), Math.min(5, Math.max(1, Math.round(quality + leniency + (random() - 0.5) * 1.5)))]),
  );
}

/** Nominations, their assignments from the solver, and scores; returns the assignment pairs. */
async function judgedCategory(
  db: Db,
  options: { cycleId: number; year: number; categoryId: number; questionId: number; criterionIds: number[]; judgeIds: number[]; count: number; k: number; seed: number },
) {
  const random = rng(options.seed);
  const ids = await insertNominations(
    db,
    Array.from({ length: options.count }, (_, i) => ({
      cycleId: options.cycleId,
      categoryId: options.categoryId,
      year: options.year,
      status: "eligible" as const,
      step: "check",
      nomineeType: "group" as const,
      nomineeName: `Welcome Group ${i + 1}`,
      nomineeOrganisation: `Parish ${(i % 97) + 1}`,
      nomineeLocalAuthority: `Area ${(i % 31) + 1}`,
      nomineeKnows: false,
      nominatorName: `Nominator ${i + 1}`,
      nominatorEmail: `bench-nominator-${options.seed}-${i + 1}@example.org`,
      nominatorRelationship: "I volunteer with them",
      submittedAt: new Date(Date.now() - 60 * DAY),
      confirmedAt: new Date(Date.now() - 60 * DAY),
      privacyConsentAt: new Date(Date.now() - 60 * DAY),
    })),
  );
  await insertChunked(ids, (chunk) =>
    db.insert(schema.nominationAnswers).values(chunk.map((nominationId) => ({ nominationId, questionId: options.questionId, answer: STATEMENT }))),
  );
  const solved = solveAssignments({ nominations: ids, judges: options.judgeIds.map((id) => ({ id })), k: options.k, conflicts: [], existing: [] });
  await insertChunked(solved.assignments, (chunk) => db.insert(schema.assignments).values(chunk.map((p) => ({ nominationId: p.nominationId, personId: p.judgeId }))), 1000);

  const quality = new Map(ids.map((id) => [id, 1 + 3.5 * random()]));
  const leniency = new Map(options.judgeIds.map((id) => [id, random() - 0.5]));
  return { ids, pairs: solved.assignments, quality, leniency, random };
}

export async function seedBenchmark(db: Db, sizes: BenchSizes, now = new Date()): Promise<Seeded> {
  // This year: the demo cycle, open for nominations, with the ceremony's seven categories.
  await seedDemoIfEmpty(db, now);
  const openYear = now.getUTCFullYear();
  const [openCycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.year, openYear));
  const [submitCategory] = await db.select().from(schema.categories).where(eq(schema.categories.slug, SUBMIT_SLUG));
  const questions = await db.select().from(schema.questions).where(eq(schema.questions.categoryId, submitCategory.id));

  // The judges, each with a live session (only the token's hash is stored, as at sign-in).
  const people = await db
    .insert(schema.people)
    .values(Array.from({ length: sizes.judges }, (_, i) => ({ email: `bench-judge-${i + 1}@example.org`, name: `Bench Judge ${i + 1}`, isJudge: true })))
    .returning({ id: schema.people.id });
  const judgeIds = people.map((p) => p.id);
  const tokens = judgeIds.map(() => generateToken());
  await db.insert(schema.sessions).values(judgeIds.map((personId, i) => ({ id: hashToken(tokens[i]), personId, expiresAt: new Date(now.getTime() + 29 * DAY) })));

  // Last year: judging open, one large category.
  const judgingYear = openYear - 1;
  const [judgingCycle] = await db
    .insert(schema.cycles)
    .values({
      year: judgingYear,
      name: `Benchmark judging cycle ${judgingYear}`,
      phase: "judging",
      nominationsOpenAt: new Date(now.getTime() - 120 * DAY),
      nominationsCloseAt: new Date(now.getTime() - 60 * DAY),
      judgingOpenAt: new Date(now.getTime() - 30 * DAY),
      judgingCloseAt: new Date(now.getTime() + 30 * DAY),
    })
    .returning();
  const judging = await makeCategory(db, judgingCycle.id, "bench-judging", "Benchmark category", sizes.perNomination);
  await db.insert(schema.panelMembers).values(
    judgeIds.map((personId) => ({ panelId: judging.panel.id, personId, confidentialityAcceptedAt: now, conflictsDeclaredAt: now })),
  );
  const criterionIds = judging.criteria.map((c) => c.id);
  const judged = await judgedCategory(db, {
    cycleId: judgingCycle.id,
    year: judgingYear,
    categoryId: judging.category.id,
    questionId: judging.question.id,
    criterionIds,
    judgeIds,
    count: sizes.nominations,
    k: sizes.perNomination,
    seed: 7,
  });
  // Every pair is scored and submitted except the first few of each judge, left for the load.
  const open = new Map<number, number[]>(judgeIds.map((id) => [id, []]));
  const scoreRows: Array<typeof schema.scores.$inferInsert> = [];
  for (const pair of judged.pairs) {
    const mine = open.get(pair.judgeId)!;
    if (mine.length < sizes.openPerJudge) {
      mine.push(pair.nominationId);
      continue;
    }
    scoreRows.push({
      nominationId: pair.nominationId,
      personId: pair.judgeId,
      values: scoreValues(criterionIds, judged.quality.get(pair.nominationId)!, judged.leniency.get(pair.judgeId)!, judged.random),
      comment: "A strong, well-evidenced nomination.",
      submittedAt: new Date(now.getTime() - DAY),
    });
  }
  await insertChunked(scoreRows, (chunk) => db.insert(schema.scores).values(chunk), 1000);

  // The year before: winners published, for the public results page.
  const winnersYear = openYear - 2;
  const published = new Date(now.getTime() - 200 * DAY);
  const [winnersCycle] = await db
    .insert(schema.cycles)
    .values({
      year: winnersYear,
      name: `Community Sponsorship Awards ${winnersYear}`,
      phase: "winners_published",
      nominationsOpenAt: new Date(now.getTime() - 400 * DAY),
      nominationsCloseAt: new Date(now.getTime() - 340 * DAY),
      judgingOpenAt: new Date(now.getTime() - 330 * DAY),
      judgingCloseAt: new Date(now.getTime() - 300 * DAY),
      shortlistPublishAt: new Date(published.getTime() - 30 * DAY),
      winnersPublishAt: published,
    })
    .returning();
  // Publication already happened: its jobs are done, so the server's start-up sends nothing.
  await db.insert(schema.jobs).values(
    ["publish_shortlist", "publish_winners"].map((kind) => ({ kind, key: `cycle:${winnersCycle.id}`, runAt: published, status: "done" as const, doneAt: published })),
  );
  const demoCategories = await db.select().from(schema.categories).where(eq(schema.categories.cycleId, openCycle.id));
  for (const [position, c] of demoCategories.entries()) {
    const [category] = await db
      .insert(schema.categories)
      .values({ cycleId: winnersCycle.id, slug: c.slug, name: c.name, description: c.description, nomineeTypes: c.nomineeTypes, sponsor: c.sponsor, position })
      .returning();
    const statuses = ["winner", "highly_commended", "shortlisted", "shortlisted", "shortlisted", "not_shortlisted"] as const;
    await insertNominations(
      db,
      statuses.map((status, i) => ({
        cycleId: winnersCycle.id,
        categoryId: category.id,
        year: winnersYear,
        status,
        nomineeType: "group" as const,
        nomineeName: `${c.name} finalist ${i + 1}`,
        nomineeOrganisation: `Parish of St ${["Anne", "Bede", "Clare", "David", "Edith", "Frances"][i]}`,
        nomineeLocalAuthority: ["Bristol", "Leeds", "Cardiff", "Glasgow", "Norwich", "York"][i],
        nominatorName: `Nominator ${i + 1}`,
        nominatorEmail: `bench-finalist-${category.id}-${i}@example.org`,
        citation: status === "winner" || status === "highly_commended" ? "For a welcome that changed a family's life and a whole town's outlook." : null,
        submittedAt: published,
        confirmedAt: published,
      })),
    );
  }

  // A larger cycle for the leaderboard's growth: same judges, k scores per nomination, all submitted.
  let largeCategoryId: number | null = null;
  if (sizes.largeNominations > 0) {
    const largeYear = openYear - 3;
    const [largeCycle] = await db
      .insert(schema.cycles)
      .values({ year: largeYear, name: `Benchmark large cycle ${largeYear}`, phase: "winners_decided", judgingCloseAt: new Date(now.getTime() - 10 * DAY) })
      .returning();
    const large = await makeCategory(db, largeCycle.id, "bench-large", "Benchmark large category", sizes.perNomination);
    const largeCriteria = large.criteria.map((c) => c.id);
    const big = await judgedCategory(db, {
      cycleId: largeCycle.id,
      year: largeYear,
      categoryId: large.category.id,
      questionId: large.question.id,
      criterionIds: largeCriteria,
      judgeIds,
      count: sizes.largeNominations,
      k: sizes.perNomination,
      seed: 11,
    });
    await insertChunked(
      big.pairs,
      (chunk) =>
        db.insert(schema.scores).values(
          chunk.map((pair) => ({
            nominationId: pair.nominationId,
            personId: pair.judgeId,
            values: scoreValues(largeCriteria, big.quality.get(pair.nominationId)!, big.leniency.get(pair.judgeId)!, big.random),
            submittedAt: new Date(now.getTime() - 20 * DAY),
          })),
        ),
      1000,
    );
    largeCategoryId = large.category.id;
  }

  // Complete drafts in this year's open category: nominee, nominator and every answer saved.
  const drafts = Array.from({ length: sizes.drafts }, (_, i) => ({ token: generateToken(), email: `bench-draft-${i + 1}@example.org` }));
  const draftIds = await insertNominations(
    db,
    drafts.map((d, i) => ({
      cycleId: openCycle.id,
      categoryId: submitCategory.id,
      year: openYear,
      accessTokenHash: hashToken(d.token),
      status: "draft" as const,
      step: "check",
      nomineeType: "group" as const,
      nomineeName: `Draft Welcome Group ${i + 1}`,
      nomineeOrganisation: `Draft Parish ${i + 1}`,
      nomineeLocalAuthority: "Bristol",
      nomineeKnows: false,
      nominatorName: `Draft Nominator ${i + 1}`,
      nominatorEmail: d.email,
      nominatorRelationship: "I volunteer alongside them",
      isSelfNomination: false,
    })),
  );
  await insertChunked(
    draftIds.flatMap((nominationId) => questions.map((q) => ({ nominationId, questionId: q.id, answer: STATEMENT }))),
    (chunk) => db.insert(schema.nominationAnswers).values(chunk),
  );

  return {
    openYear,
    judgingYear,
    winnersYear,
    judgingCategoryId: judging.category.id,
    largeCategoryId,
    criterionIds,
    judges: judgeIds.map((id, i) => ({ id, token: tokens[i], open: open.get(id)! })),
    drafts,
  };
}
