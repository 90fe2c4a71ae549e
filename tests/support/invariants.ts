/**
 * The model-based test of every promise (issue 11): fast-check draws random sequences of the
 * real operations, called through the same model functions the routes call, and after every
 * step the invariants are checked by reading through the judge-facing, chair-facing and
 * public functions. An independent oracle (the pure detection rules run over the whole
 * database) says which pairs are conflicted, so a write that forgets detection is caught.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, max, or } from "drizzle-orm";
import fc from "fast-check";
import { expect } from "vitest";
import { nextPhases } from "~/domain/cycle-setup";
import { detectConflicts, type NominationParties } from "~/domain/conflicts";
import { judgingHasClosed, roundHasClosed } from "~/domain/judging";
import { effectivePhase } from "~/domain/phases";
import { publicStage } from "~/domain/results";
import { addAssignment, runAssignments } from "~/models/assignments.server";
import { moveCycleToPhase } from "~/models/cycle-setup.server";
import { decideConflict, declareConflict, setConflict } from "~/models/conflicts.server";
import {
  acceptConfidentiality,
  finishDeclaring,
  getJudgePanels,
  getNominationForJudge,
  listAssignedNominations,
  listDeclarable,
  saveScores,
} from "~/models/judging.server";
import { JUDGED_STATUSES } from "~/models/judge-visibility.server";
import { decideEligibility, mergeNominations } from "~/models/nomination-review.server";
import {
  confirmNomination,
  createDraft,
  saveNominator,
  saveNominee,
  submitNomination,
  withdrawNomination,
  type Journey,
} from "~/models/nomination.server";
import { addPanelMember, removePanelMember, setPanelChair, updateProfile } from "~/models/people-admin.server";
import { applyPanelShortlist, getPanelMeeting, recordPanelEntry } from "~/models/panel-meeting.server";
import { chairView, getCategoryResults } from "~/models/results-leaderboard.server";
import { decideShortlist, recordAwards } from "~/models/results-decisions.server";
import { publicationJobs, schedulePublication } from "~/models/results-publication.server";
import { getPublicResults } from "~/models/public-results.server";
import type { Nomination } from "#db/schema";
import { db, schema } from "~/utils/db.server";
import { runDueJobs } from "~/utils/jobs.server";
import { hashToken } from "~/utils/tokens.server";
import { createPerson } from "./fixtures";

const DAY = 86_400_000;
const HOUR = 3_600_000;

// Small pools, so that parties collide often and every detection rule fires.
const ORGANISATIONS = ["Kendal Welcome Circle", "Leeds City Council", "St Mary's Church, Leeds", "Oxfam", "Hope Refugee Network"];
const PLACES = ["Leeds", "Kendal", "Kirklees", "Camden"];
const DOMAINS = ["kwc.org.uk", "leeds.gov.uk", "hope.org", "gmail.com", "stmarys.org"];
const NAMES = ["Ruth Okafor", "Sam Patel", "Alex Green", "Priya Shah", "Tom Byrne"];

type World = {
  adminId: number;
  admin: { id: number; name: string };
  cycleId: number;
  year: number;
  categoryId: number;
  panelId: number;
  criteria: number[];
  judges: Array<{ id: number; name: string; email: string }>;
  /** The public's nominations: their secret links, for edit, confirm and withdraw. */
  tokens: Map<number, { token: string; confirmToken: string | null }>;
  /** The last outbox and audit rows already checked. */
  outboxMark: number;
  /** The state after the last step, to tell whether a step changed anything. */
  fingerprint: string;
  log: string[];
};

type Model = { steps: number };

let counter = 0;

const partyArb = fc.record({
  type: fc.constantFrom("group", "council", "individual"),
  name: fc.integer({ min: 0, max: 9 }),
  organisation: fc.option(fc.integer({ min: 0, max: ORGANISATIONS.length - 1 }), { nil: null }),
  place: fc.option(fc.integer({ min: 0, max: PLACES.length - 1 }), { nil: null }),
  nomineeDomain: fc.option(fc.integer({ min: 0, max: DOMAINS.length - 1 }), { nil: null }),
  nominatorName: fc.integer({ min: 0, max: NAMES.length - 1 }),
  nominatorDomain: fc.integer({ min: 0, max: DOMAINS.length - 1 }),
  nominatorOrganisation: fc.option(fc.integer({ min: 0, max: ORGANISATIONS.length - 1 }), { nil: null }),
});
type Party = typeof partyArb extends fc.Arbitrary<infer T> ? T : never;

function nomineeValues(p: Party) {
  // Names of a body come from the organisation pool, so a judge's organisation can be the nominee itself.
  const name = p.type === "individual" ? NAMES[p.name % NAMES.length] : ORGANISATIONS[p.name % ORGANISATIONS.length];
  return {
    nomineeType: p.type,
    nomineeName: name,
    nomineeOrganisation: p.organisation === null ? undefined : ORGANISATIONS[p.organisation],
    nomineeLocalAuthority: p.place === null ? undefined : PLACES[p.place],
    nomineeEmail: p.nomineeDomain === null ? undefined : `contact${p.name}@${DOMAINS[p.nomineeDomain]}`,
    nomineeKnows: "yes" as const,
  };
}

function nominatorValues(p: Party) {
  const name = NAMES[p.nominatorName];
  return {
    nominatorName: name,
    nominatorEmail: `${name.split(" ")[0].toLowerCase()}@${DOMAINS[p.nominatorDomain]}`,
    nominatorOrganisation: p.nominatorOrganisation === null ? undefined : ORGANISATIONS[p.nominatorOrganisation],
    nominatorRelationship: "We work together",
    isSelfNomination: "no" as const,
  };
}

const profileArb = fc.record({
  organisations: fc.uniqueArray(fc.integer({ min: 0, max: ORGANISATIONS.length - 1 }), { maxLength: 2 }),
  place: fc.option(fc.integer({ min: 0, max: PLACES.length - 1 }), { nil: null }),
});

// ---------------------------------------------------------------- reading the world

async function cycleRow(w: World) {
  const [cycle] = await db.select().from(schema.cycles).where(eq(schema.cycles.id, w.cycleId));
  return cycle;
}

async function journeyFor(w: World, nominationId: number): Promise<(Journey & { nomination: Nomination; token: string }) | null> {
  const access = w.tokens.get(nominationId);
  if (!access) return null;
  const [nomination] = await db.select().from(schema.nominations).where(eq(schema.nominations.id, nominationId));
  const [category] = await db.select().from(schema.categories).where(eq(schema.categories.id, w.categoryId));
  const questions = await db.select().from(schema.questions).where(eq(schema.questions.categoryId, w.categoryId));
  return { cycle: await cycleRow(w), category, questions, token: access.token, nomination };
}

async function nominationsOf(w: World) {
  return db.select().from(schema.nominations).where(eq(schema.nominations.cycleId, w.cycleId)).orderBy(asc(schema.nominations.id));
}

const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** Runs a model call; a refusal thrown as a 4xx response is an answer, not a failure. */
async function attempt<T>(w: World, label: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    const result = await fn();
    w.log.push(`${label} → ${JSON.stringify(result ?? null)?.slice(0, 120)}`);
    return result;
  } catch (error) {
    if (error instanceof Response && error.status >= 400 && error.status < 500) {
      w.log.push(`${label} → refused ${error.status}`);
      return undefined;
    }
    throw error;
  }
}

// ---------------------------------------------------------------- the operations

type Op = (w: World) => Promise<void>;

/** The public's whole journey: start, about you, submit, and (when asked) the emailed confirmation. */
async function nominate(w: World, party: Party, confirm: boolean) {
    const cycle = await cycleRow(w);
    const [category] = await db.select().from(schema.categories).where(eq(schema.categories.id, w.categoryId));
    const created = await attempt(w, "public: start a nomination", () => createDraft({ cycle, category }, nomineeValues(party)));
    if (!created) return;
    w.tokens.set(created.nomination.id, { token: created.token, confirmToken: null });
    const journey = (await journeyFor(w, created.nomination.id))!;
    await attempt(w, "public: about you", () => saveNominator(journey, nominatorValues(party)));
    await attempt(w, "public: submit", async () => (await submitNomination((await journeyFor(w, created.nomination.id))!))?.status);
    // The confirmation link's secret goes by email; the test knows its own.
    const confirmToken = `confirm-${++counter}-${Math.random()}`;
    await db.update(schema.nominations).set({ confirmTokenHash: hashToken(confirmToken) }).where(eq(schema.nominations.id, created.nomination.id));
    w.tokens.set(created.nomination.id, { token: created.token, confirmToken });
    if (confirm) await attempt(w, "public: confirm", async () => (await confirmNomination(created.token, confirmToken)).outcome);
}

const ops: Record<string, fc.Arbitrary<Op>> = {
  nominate: fc.tuple(partyArb, fc.boolean()).map(([party, confirm]) => (w: World) => nominate(w, party, confirm)),
  confirm: fc.nat().map((i) => async (w: World) => {
    const pending = (await nominationsOf(w)).filter((n) => n.status === "submitted" && !n.confirmedAt && w.tokens.get(n.id)?.confirmToken);
    const n = pick(pending, i);
    if (!n) return;
    const access = w.tokens.get(n.id)!;
    await attempt(w, `public: confirm ${n.id}`, async () => (await confirmNomination(access.token, access.confirmToken!)).outcome);
  }),
  edit: fc.tuple(fc.nat(), partyArb).map(([i, party]) => async (w: World) => {
    const n = pick((await nominationsOf(w)).filter((x) => w.tokens.has(x.id) && x.status !== "draft"), i);
    if (!n) return;
    const journey = (await journeyFor(w, n.id))!;
    await attempt(w, `public: edit nominee of ${n.id}`, async () => (await saveNominee(journey, nomineeValues(party))).id);
    await attempt(w, `public: edit nominator of ${n.id}`, async () => (await saveNominator((await journeyFor(w, n.id))!, nominatorValues(party))).emailed);
  }),
  withdraw: fc.nat().map((i) => async (w: World) => {
    const n = pick((await nominationsOf(w)).filter((x) => w.tokens.has(x.id) && x.status === "submitted"), i);
    if (!n) return;
    await attempt(w, `public: withdraw ${n.id}`, async () => (await withdrawNomination((await journeyFor(w, n.id))!))?.status);
  }),
  eligibility: fc.tuple(fc.nat(), fc.boolean()).map(([i, eligible]) => async (w: World) => {
    const n = pick((await nominationsOf(w)).filter((x) => x.confirmedAt && ["submitted", "eligible", "ineligible"].includes(x.status)), i);
    if (!n) return;
    await attempt(w, `admin: ${n.id} ${eligible ? "eligible" : "ineligible"}`, () =>
      decideEligibility([n.id], eligible ? "eligible" : "ineligible", eligible ? "" : "Outside the rules", w.admin),
    );
  }),
  merge: fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([i, j, late]) => async (w: World) => {
    const open = (await nominationsOf(w)).filter((x) => !x.mergedIntoId && x.confirmedAt && ["submitted", "eligible", "ineligible"].includes(x.status));
    // Half the time, the case that matters most: an undecided duplicate found late, merged into an entry judges already see.
    const keep = late ? open.filter((x) => x.status === "eligible") : open;
    const fold = late ? open.filter((x) => x.status !== "eligible") : open;
    const a = pick(keep, i);
    const b = late ? pick(fold, j) : pick(open, i + 1 + (j % Math.max(1, open.length - 1)));
    if (!a || !b || a.id === b.id) return;
    await attempt(w, `admin: merge ${b.id} into ${a.id}`, () => mergeNominations(a.id, [b.id], w.admin));
  }),
  panelAdd: fc.nat().map((i) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    await attempt(w, `admin: add judge ${judge.id} to the panel`, () => addPanelMember(w.panelId, judge.id, w.admin));
  }),
  panelRemove: fc.nat().map((i) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    await attempt(w, `admin: remove judge ${judge.id} from the panel`, () => removePanelMember(w.panelId, judge.id, w.admin));
  }),
  chair: fc.nat().map((i) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    await attempt(w, `admin: judge ${judge.id} chairs`, () => setPanelChair(w.panelId, judge.id, w.admin));
  }),
  profile: fc.tuple(fc.nat(), profileArb).map(([i, p]) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    const profile = { name: judge.name, organisations: p.organisations.map((o) => ORGANISATIONS[o]), localAuthority: p.place === null ? null : PLACES[p.place] };
    await attempt(w, `admin: profile of ${judge.id} ${JSON.stringify(profile.organisations)}`, () => updateProfile(judge.id, profile, w.admin));
  }),
  assignAll: fc.constant(async (w: World) => {
    await attempt(w, "admin: run assignments", async () => (await db.transaction((tx) => runAssignments(tx, w.categoryId, w.admin))).added.length);
  }),
  assignOne: fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    const n = pick((await nominationsOf(w)).filter((x) => (JUDGED_STATUSES as readonly string[]).includes(x.status) && !x.mergedIntoId), j);
    if (!n) return;
    await attempt(w, `admin: assign ${n.id} to ${judge.id}`, () => db.transaction((tx) => addAssignment(tx, { judgeId: judge.id, nominationId: n.id }, w.admin)));
  }),
  conflictDecide: fc.tuple(fc.nat(), fc.boolean()).map(([i, confirm]) => async (w: World) => {
    const rows = await db
      .select({ id: schema.conflicts.id })
      .from(schema.conflicts)
      .innerJoin(schema.nominations, eq(schema.nominations.id, schema.conflicts.nominationId))
      .where(and(eq(schema.nominations.cycleId, w.cycleId), eq(schema.conflicts.status, "suspected")))
      .orderBy(asc(schema.conflicts.id));
    const c = pick(rows, i);
    if (!c) return;
    await attempt(w, `admin: ${confirm ? "confirm" : "dismiss"} conflict ${c.id}`, () =>
      decideConflict(w.admin, { conflictId: c.id, decision: confirm ? "confirm" : "dismiss", reason: "Checked with the judge" }),
    );
  }),
  conflictSet: fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    const n = pick(await nominationsOf(w), j);
    if (!n) return;
    await attempt(w, `admin: set conflict ${judge.id}/${n.id}`, () => setConflict(w.admin, { personId: judge.id, nominationId: n.id, reason: "Known link" }));
  }),
  phase: fc.nat().map((i) => async (w: World) => {
    const cycle = await cycleRow(w);
    const to = pick(nextPhases(effectivePhase(cycle, new Date())).filter((p) => p !== "archived"), i);
    if (!to) return;
    await attempt(w, `admin: phase → ${to}`, () => moveCycleToPhase(w.cycleId, to, w.admin));
  }),
  publish: fc.tuple(fc.constantFrom(-1, 1, null), fc.constantFrom(-1, 1, 2, null)).map(([s, v]) => async (w: World) => {
    const at = (k: number | null) => (k === null ? null : new Date(Date.now() + k * HOUR));
    await attempt(w, `admin: publish shortlist ${s} winners ${v}`, () =>
      schedulePublication({ cycleId: w.cycleId, shortlistPublishAt: at(s), winnersPublishAt: at(v), actor: w.admin }),
    );
  }),
  shortlist: fc.nat().map((i) => async (w: World) => {
    const results = await getCategoryResults(w.categoryId, { round: "main" });
    if (!results) return;
    const chosen = results.suggestion.suggested.length ? results.suggestion.suggested : results.entries.slice(0, 1 + (i % 2)).map((e) => e.id);
    const extra = pick(results.entries, i)?.id;
    const list = i % 3 === 0 && extra !== undefined ? [...new Set([...chosen, extra])] : chosen;
    await attempt(w, `admin: shortlist ${JSON.stringify(list)}`, () =>
      decideShortlist({ categoryId: w.categoryId, chosen: list, reason: "The panel's view", actor: w.admin }),
    );
  }),
  awards: fc.nat().map((i) => async (w: World) => {
    const finalists = (await nominationsOf(w)).filter((x) => ["shortlisted", "winner", "highly_commended"].includes(x.status) && !x.mergedIntoId);
    if (!finalists.length) return;
    const winner = pick(finalists, i)!;
    await attempt(w, `admin: winner ${winner.id}`, () =>
      recordAwards({
        categoryId: w.categoryId,
        choices: finalists.map((f) => ({ nominationId: f.id, award: f.id === winner.id ? "winner" : "none", citation: f.id === winner.id ? "For a warm welcome" : "" })),
        actor: w.admin,
      }),
    );
  }),
  accept: fc.nat().map((i) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    await attempt(w, `judge ${judge.id}: accept the statement`, () => acceptConfidentiality(judge, w.panelId));
    await attempt(w, `judge ${judge.id}: done declaring`, () => finishDeclaring(judge, w.panelId));
  }),
  declare: fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    const n = pick(await listDeclarable(judge.id, w.categoryId), j);
    if (!n) return;
    await attempt(w, `judge ${judge.id}: declare ${n.id}`, () => declareConflict(judge, { nominationId: n.id, kind: "personal", note: "" }));
  }),
  score: fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 5 })).map(([i, j, final, v]) => async (w: World) => {
    const judge = pick(w.judges, i)!;
    // A judge may only try what they can see, and the test also tries what they cannot.
    const mine = await listAssignedNominations(judge.id);
    const target = j % 5 === 0 ? pick(await nominationsOf(w), j)?.id : pick(mine, j)?.id;
    if (target === undefined) return;
    const values = Object.fromEntries(w.criteria.map((c, k) => [String(c), ((v + k) % 5) + 1]));
    await attempt(w, `judge ${judge.id}: ${final ? "submit" : "save"} ${target}`, () => saveScores(judge, target, { values, comment: "", final }));
  }),
  // The panel meeting: a judge (chair or not) or an admin records on any nomination, conflicted ones too.
  panelNote: fc
    .tuple(fc.nat(), fc.nat(), fc.constantFrom("shortlist" as const, "reserve" as const, "not_shortlisted" as const, null), fc.boolean())
    .map(([i, j, decision, asAdmin]) => async (w: World) => {
      const target = pick(await nominationsOf(w), j);
      if (!target) return;
      const judge = pick(w.judges, i)!;
      const who = asAdmin ? "admin" : `judge ${judge.id}`;
      // The note names its nomination with a marker the invariants look for in a chair's page data.
      const note = `Panel note N${target.id}# by ${who}`;
      await attempt(w, `${who}: panel record on ${target.id} (${decision})`, () =>
        recordPanelEntry({
          viewer: asAdmin ? { kind: "admin" } : { kind: "chair", judgeId: judge.id },
          actor: asAdmin ? w.admin : { id: judge.id, name: judge.name },
          categoryId: w.categoryId,
          nominationId: target.id,
          note,
          decision,
          reason: decision ? `Reason for N${target.id}#` : "",
        }),
      );
    }),
  panelApply: fc.constant(async (w: World) => {
    await attempt(w, "admin: apply the panel's shortlist", () => applyPanelShortlist({ categoryId: w.categoryId, actor: w.admin }));
  }),
  closeNominations: fc.constant(async (w: World) => {
    w.log.push("clock: past the nominations deadline");
    await db.update(schema.cycles).set({ nominationsCloseAt: new Date(Date.now() - 1000) }).where(eq(schema.cycles.id, w.cycleId));
  }),
  closeJudging: fc.constant(async (w: World) => {
    w.log.push("clock: past the judging deadline");
    await db.update(schema.cycles).set({ judgingCloseAt: new Date(Date.now() - 1000) }).where(eq(schema.cycles.id, w.cycleId));
  }),
  jobs: fc.constant(async (w: World) => {
    const report = await runDueJobs(publicationJobs);
    w.log.push(`clock: jobs ran ${JSON.stringify(report)}`);
  }),
};

// ---------------------------------------------------------------- the invariants

/** The pairs the rules match now, computed from the data alone, less the pinned dismissals. */
async function conflictedPairs(w: World): Promise<Set<string>> {
  const members = await db
    .select({ judgeId: schema.people.id, name: schema.people.name, email: schema.people.email, organisations: schema.people.organisations, localAuthority: schema.people.localAuthority })
    .from(schema.panelMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.panelMembers.personId))
    .where(eq(schema.panelMembers.panelId, w.panelId));
  const all = await nominationsOf(w);
  const primaries = new Set(all.filter((n) => !n.mergedIntoId && (JUDGED_STATUSES as readonly string[]).includes(n.status)).map((n) => n.id));
  const parties: NominationParties[] = all
    .filter((n) => primaries.has(n.mergedIntoId ?? n.id))
    .map((n) => ({
      nominationId: n.mergedIntoId ?? n.id,
      nominee: { name: n.nomineeName, email: n.nomineeEmail, organisation: n.nomineeOrganisation, localAuthority: n.nomineeLocalAuthority, type: n.nomineeType },
      nominator: { name: n.nominatorName, email: n.nominatorEmail, organisation: n.nominatorOrganisation },
      guardian: n.guardianName || n.guardianEmail ? { name: n.guardianName, email: n.guardianEmail } : null,
    }));
  const records = await db
    .select({ personId: schema.conflicts.personId, nominationId: schema.conflicts.nominationId, status: schema.conflicts.status })
    .from(schema.conflicts)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.conflicts.nominationId))
    .where(eq(schema.nominations.cycleId, w.cycleId));
  const primaryOf = new Map(all.map((n) => [n.id, n.mergedIntoId ?? n.id]));
  const hiding = new Set(records.filter((r) => r.status !== "dismissed").map((r) => `${r.personId}:${primaryOf.get(r.nominationId)}`));
  const dismissed = new Set(records.filter((r) => r.status === "dismissed").map((r) => `${r.personId}:${primaryOf.get(r.nominationId)}`));
  const matched = new Set(detectConflicts(members, parties, []).map((s) => `${s.judgeId}:${s.nominationId}`));
  // A dismissal is pinned for its pair; a record on another of the entry's parts does not lift it.
  return new Set([...matched].filter((pair) => !dismissed.has(pair) || hiding.has(pair)).concat([...hiding]));
}

async function checkInvariants(w: World) {
  const now = new Date();
  const cycle = await cycleRow(w);
  const conflicted = await conflictedPairs(w);
  const isConflicted = (judgeId: number, nominationId: number) => conflicted.has(`${judgeId}:${nominationId}`);

  // 1. No judge can read, count or be emailed anything they are conflicted on.
  for (const judge of w.judges) {
    const listed = await listAssignedNominations(judge.id);
    for (const n of listed) expect(isConflicted(judge.id, n.id), `judge ${judge.id} lists conflicted ${n.id}`).toBe(false);
    const declarable = await listDeclarable(judge.id, w.categoryId);
    for (const n of declarable) expect(isConflicted(judge.id, n.id), `judge ${judge.id} may declare against conflicted ${n.id}`).toBe(false);
    const panels = await getJudgePanels(judge.id);
    const here = panels.find((p) => p.panelId === w.panelId);
    if (here) expect(here.assigned, `judge ${judge.id}'s count`).toBe(listed.filter((n) => n.categoryId === w.categoryId).length);
    for (const [pair] of [...conflicted].map((p) => p.split(":").map(Number)).filter(([j]) => j === judge.id).map(([, n]) => [n])) {
      expect(await getNominationForJudge(judge.id, pair), `judge ${judge.id} reads conflicted ${pair}`).toBeNull();
    }
    // What a judge can see of others' scores: their own submitted, and the round closed.
    for (const n of listed) {
      const page = await getNominationForJudge(judge.id, n.id, now);
      if (page?.others) {
        expect(page.sheet?.submittedAt, `judge ${judge.id} sees others' scores on ${n.id} before submitting`).toBeTruthy();
        expect(roundHasClosed(cycle, page.round, now), `judge ${judge.id} sees others' scores on ${n.id} before the round closed`).toBe(true);
      }
    }
  }
  const mail = await db
    .select()
    .from(schema.emailOutbox)
    .where(gt(schema.emailOutbox.id, w.outboxMark))
    .orderBy(asc(schema.emailOutbox.id));
  for (const email of mail) {
    const judge = w.judges.find((j) => j.email.toLowerCase() === email.to.toLowerCase());
    const named = (email.meta.nominationIds as number[] | undefined) ?? [];
    if (judge) for (const id of named) expect(isConflicted(judge.id, id), `judge ${judge.id} emailed about conflicted ${id}`).toBe(false);
    w.outboxMark = Math.max(w.outboxMark, email.id);
  }

  // 2. No assignment pairs a judge with a nomination they have a confirmed conflict on.
  const confirmed = await db
    .select({ personId: schema.conflicts.personId, nominationId: schema.nominations.id, mergedIntoId: schema.nominations.mergedIntoId })
    .from(schema.conflicts)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.conflicts.nominationId))
    .where(and(eq(schema.nominations.cycleId, w.cycleId), eq(schema.conflicts.status, "confirmed")));
  const assignments = await db
    .select({ personId: schema.assignments.personId, nominationId: schema.assignments.nominationId })
    .from(schema.assignments)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.assignments.nominationId))
    .where(eq(schema.nominations.cycleId, w.cycleId));
  for (const c of confirmed) {
    const target = c.mergedIntoId ?? c.nominationId;
    expect(assignments.some((a) => a.personId === c.personId && a.nominationId === target), `judge ${c.personId} assigned conflicted ${target}`).toBe(false);
  }

  // 3. A chair sees panel results only after the round closes, never their conflicts, own scores first.
  const results = await getCategoryResults(w.categoryId);
  const chairs = await db.select({ personId: schema.panelMembers.personId }).from(schema.panelMembers).where(and(eq(schema.panelMembers.panelId, w.panelId), eq(schema.panelMembers.isChair, true)));
  for (const judge of w.judges.filter((j) => chairs.some((c) => c.personId === j.id))) {
    const view = await chairView(judge.id, w.categoryId, now);
    if (!view.ok) continue;
    expect(roundHasClosed(view.results.cycle, view.results.round, now), "chair sees results before the round closed").toBe(true);
    for (const row of view.rows) {
      expect(isConflicted(judge.id, row.nominationId), `chair ${judge.id} sees conflicted ${row.nominationId}`).toBe(false);
      if (row.hidden) continue;
      const [own] = await db
        .select()
        .from(schema.scores)
        .innerJoin(schema.assignments, and(eq(schema.assignments.nominationId, schema.scores.nominationId), eq(schema.assignments.personId, schema.scores.personId)))
        .where(and(eq(schema.scores.nominationId, row.nominationId), eq(schema.scores.personId, judge.id), eq(schema.scores.round, view.results.round), isNull(schema.scores.voidedAt)));
      const assigned = await db
        .select()
        .from(schema.assignments)
        .where(and(eq(schema.assignments.nominationId, row.nominationId), eq(schema.assignments.personId, judge.id), eq(schema.assignments.round, view.results.round)));
      if (assigned.length) expect(own?.scores.submittedAt, `chair ${judge.id} sees ${row.nominationId} before submitting`).toBeTruthy();
    }
  }

  // 3b. The panel meeting opens only after the main round closes; a chair's page data holds
  // nothing of a nomination they are conflicted on: not its row, not its note or reason.
  const everyNomination = await nominationsOf(w);
  for (const judge of w.judges.filter((j) => chairs.some((c) => c.personId === j.id))) {
    const found = await getPanelMeeting({ kind: "chair", judgeId: judge.id }, w.categoryId, now);
    if (!found.ok) continue;
    expect(judgingHasClosed(cycle, now), "panel meeting before judging closed").toBe(true);
    for (const entry of found.meeting.entries) expect(isConflicted(judge.id, entry.nominationId), `chair ${judge.id} meets on conflicted ${entry.nominationId}`).toBe(false);
    const data = JSON.stringify(found.meeting);
    for (const n of everyNomination) {
      if (isConflicted(judge.id, n.mergedIntoId ?? n.id)) expect(data, `chair ${judge.id} reads the note on conflicted ${n.id}`).not.toContain(`N${n.id}#`);
    }
  }

  // 4. Voided and held-back scores never count: each row's count is the sheets that may count.
  if (results) {
    const all = await nominationsOf(w);
    const primaryOf = new Map(all.map((n) => [n.id, n.mergedIntoId ?? n.id]));
    const hidingRecords = await db
      .select({ personId: schema.conflicts.personId, nominationId: schema.conflicts.nominationId })
      .from(schema.conflicts)
      .innerJoin(schema.nominations, eq(schema.nominations.id, schema.conflicts.nominationId))
      .where(and(eq(schema.nominations.cycleId, w.cycleId), inArray(schema.conflicts.status, ["suspected", "confirmed"])));
    const held = new Set(hidingRecords.map((r) => `${r.personId}:${primaryOf.get(r.nominationId)}`));
    const sheets = await db
      .select()
      .from(schema.scores)
      .innerJoin(schema.nominations, eq(schema.nominations.id, schema.scores.nominationId))
      .where(and(eq(schema.nominations.cycleId, w.cycleId), eq(schema.scores.round, results.round), isNotNull(schema.scores.submittedAt), isNull(schema.scores.voidedAt)));
    for (const row of results.board.rows) {
      const counted = sheets.filter((s) => s.scores.nominationId === row.nominationId && !held.has(`${s.scores.personId}:${row.nominationId}`));
      expect(row.count, `results count for ${row.nominationId}`).toBe(counted.length);
      for (const js of row.judgeScores) expect(held.has(`${js.judgeId}:${row.nominationId}`), `held-back score counts on ${row.nominationId}`).toBe(false);
    }
    const voidedOrHeld = sheets.filter((s) => held.has(`${s.scores.personId}:${primaryOf.get(s.scores.nominationId)}`)).length;
    expect(results.held, "held-back count").toBe(voidedOrHeld);
  }

  // 5. Nothing about the shortlist or winners is public before its time.
  const stage = publicStage(cycle, now);
  const published = await getPublicResults(w.year, now);
  if (stage === "none") expect(published, "results public before their time").toBeNull();
  if (published) {
    expect(published.stage).toBe(stage);
    if (stage !== "winners") for (const c of published.categories) expect(c.winners.length + c.highlyCommended.length, "winners public early").toBe(0);
    // What is published was decided: a winners page always names a winner.
    if (stage === "winners") expect(published.categories.some((c) => c.winners.length > 0), "an empty winners page").toBe(true);
  }
  const announcements = await db
    .select({ template: schema.emailOutbox.template, createdAt: schema.emailOutbox.createdAt, meta: schema.emailOutbox.meta })
    .from(schema.emailOutbox)
    .where(or(eq(schema.emailOutbox.template, "result-winner"), eq(schema.emailOutbox.template, "result-shortlisted"), eq(schema.emailOutbox.template, "result-not_shortlisted"), eq(schema.emailOutbox.template, "result-highly_commended"), eq(schema.emailOutbox.template, "result-not_winner")));
  const ours = new Set((await nominationsOf(w)).map((n) => n.id));
  for (const a of announcements) {
    const ids = (a.meta.nominationIds as number[] | undefined) ?? [];
    if (!ids.some((id) => ours.has(id))) continue;
    const at = a.meta.stage === "winners" ? cycle.winnersPublishAt : cycle.shortlistPublishAt;
    expect(at && at.getTime() <= a.createdAt.getTime() + 1000, `a ${a.template} email before its publication time`).toBe(true);
  }
}

/** A fingerprint of what admins and judges can change, to prove each change left an audit entry. */
async function fingerprint(w: World): Promise<string> {
  const nominations = await db
    .select({ id: schema.nominations.id, status: schema.nominations.status, merged: schema.nominations.mergedIntoId, org: schema.nominations.nomineeOrganisation, name: schema.nominations.nomineeName, by: schema.nominations.nominatorEmail })
    .from(schema.nominations)
    .where(eq(schema.nominations.cycleId, w.cycleId))
    .orderBy(asc(schema.nominations.id));
  const conflicts = await db
    .select({ id: schema.conflicts.id, status: schema.conflicts.status })
    .from(schema.conflicts)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.conflicts.nominationId))
    .where(eq(schema.nominations.cycleId, w.cycleId))
    .orderBy(asc(schema.conflicts.id));
  const assignments = await db
    .select({ id: schema.assignments.id })
    .from(schema.assignments)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.assignments.nominationId))
    .where(eq(schema.nominations.cycleId, w.cycleId))
    .orderBy(asc(schema.assignments.id));
  const scores = await db
    .select({ id: schema.scores.id, submitted: schema.scores.submittedAt, voided: schema.scores.voidedAt })
    .from(schema.scores)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.scores.nominationId))
    .where(and(eq(schema.nominations.cycleId, w.cycleId), isNotNull(schema.scores.submittedAt)))
    .orderBy(asc(schema.scores.id));
  const members = await db.select().from(schema.panelMembers).where(eq(schema.panelMembers.panelId, w.panelId)).orderBy(asc(schema.panelMembers.personId));
  const people = await db
    .select({ id: schema.people.id, organisations: schema.people.organisations, localAuthority: schema.people.localAuthority })
    .from(schema.people)
    .where(inArray(schema.people.id, w.judges.map((j) => j.id)))
    .orderBy(asc(schema.people.id));
  const panelRecords = await db
    .select({ id: schema.panelDecisions.nominationId, note: schema.panelDecisions.note, decision: schema.panelDecisions.decision, reason: schema.panelDecisions.reason })
    .from(schema.panelDecisions)
    .innerJoin(schema.nominations, eq(schema.nominations.id, schema.panelDecisions.nominationId))
    .where(eq(schema.nominations.cycleId, w.cycleId))
    .orderBy(asc(schema.panelDecisions.nominationId));
  const cycle = await cycleRow(w);
  return JSON.stringify({
    nominations,
    panelRecords,
    conflicts,
    assignments,
    scores,
    members: members.map((m) => [m.personId, m.isChair, Boolean(m.confidentialityAcceptedAt), Boolean(m.conflictsDeclaredAt)]),
    people,
    cycle: [cycle.phase, cycle.shortlistPublishAt, cycle.winnersPublishAt],
  });
}

async function lastAuditId(): Promise<number> {
  const [row] = await db.select({ id: max(schema.auditLog.id) }).from(schema.auditLog);
  return Number(row?.id ?? 0);
}

// ---------------------------------------------------------------- a world and a run

async function createWorld(setup: { judgesReady: boolean[]; startIn: "nominations_open" | "judging"; parties: Party[]; eligible: boolean[]; profiles: Array<{ organisations: number[]; place: number | null }> }): Promise<World> {
  counter += 1;
  const now = Date.now();
  const admin = await createPerson({ isAdmin: true, name: `Admin ${counter}` });
  const [cycle] = await db
    .insert(schema.cycles)
    .values({
      year: 5000 + counter + Math.floor(Math.random() * 1000) * 1000,
      name: `Invariants ${counter}`,
      phase: "nominations_open",
      nominationsOpenAt: new Date(now - 30 * DAY),
      nominationsCloseAt: new Date(now + 30 * DAY),
      judgingCloseAt: new Date(now + 60 * DAY),
    })
    .returning();
  const [category] = await db
    .insert(schema.categories)
    .values({ cycleId: cycle.id, slug: `inv-${counter}`, name: `Invariants ${counter}`, nomineeTypes: ["group", "council", "individual"], shortlistSize: 2, judgesPerNomination: 2 })
    .returning();
  const criteria = await db
    .insert(schema.criteria)
    .values([
      { categoryId: category.id, name: "Impact", weight: 2, position: 0 },
      { categoryId: category.id, name: "Commitment", weight: 1, position: 1 },
    ])
    .returning();
  const [panel] = await db.insert(schema.panels).values({ categoryId: category.id }).returning();
  const judges = [];
  for (const [k, profile] of setup.profiles.entries()) {
    const name = NAMES[(counter + k) % NAMES.length];
    const person = await createPerson({
      isJudge: true,
      name,
      email: `judge${counter}-${k}@${DOMAINS[(counter + k) % DOMAINS.length]}`,
      organisations: profile.organisations.map((o) => ORGANISATIONS[o]),
      localAuthority: profile.place === null ? null : PLACES[profile.place],
    });
    judges.push({ id: person.id, name: person.name, email: person.email });
  }
  const [outbox] = await db.select({ id: max(schema.emailOutbox.id) }).from(schema.emailOutbox);
  const w: World = {
    adminId: admin.id,
    admin: { id: admin.id, name: admin.name },
    cycleId: cycle.id,
    year: cycle.year,
    categoryId: category.id,
    panelId: panel.id,
    criteria: criteria.map((c) => c.id),
    judges,
    tokens: new Map(),
    outboxMark: Number(outbox?.id ?? 0),
    fingerprint: "",
    log: [],
  };
  // The starting point is reached through the same operations as the steps.
  for (const [k, judge] of judges.entries()) {
    await addPanelMember(panel.id, judge.id, w.admin);
    if (setup.judgesReady[k]) {
      await acceptConfidentiality(judge, panel.id);
      await finishDeclaring(judge, panel.id);
    }
  }
  for (const party of setup.parties) await nominate(w, party, true);
  if (setup.startIn === "judging") {
    const all = await nominationsOf(w);
    // Some stay undecided, so late eligibility decisions and merges happen during judging.
    const chosen = all.filter((n, k) => n.confirmedAt && setup.eligible[k % setup.eligible.length]);
    if (chosen.length) await decideEligibility(chosen.map((n) => n.id), "eligible", "", w.admin);
    await moveCycleToPhase(w.cycleId, "nominations_closed", w.admin);
    await moveCycleToPhase(w.cycleId, "judging", w.admin);
    await db.transaction((tx) => runAssignments(tx, w.categoryId, w.admin));
  }
  w.fingerprint = await fingerprint(w);
  return w;
}

const setupArb = fc.record({
  judgesReady: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  startIn: fc.constantFrom("nominations_open" as const, "judging" as const),
  parties: fc.array(partyArb, { minLength: 2, maxLength: 5 }),
  eligible: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  profiles: fc.array(profileArb, { minLength: 3, maxLength: 3 }),
});

// Weights: the phase and the clock move often enough that later phases are reached.
const WEIGHTS: Partial<Record<keyof typeof ops, number>> = { phase: 3, score: 3, assignAll: 2, shortlist: 2, publish: 2, jobs: 2, eligibility: 2, merge: 3, panelNote: 2 };

export const OPERATION_NAMES = Object.keys(ops);

class Step implements fc.AsyncCommand<Model, World> {
  constructor(readonly step: { name: string; op: Op }) {}
  check() {
    return true;
  }
  async run(model: Model, w: World) {
    model.steps++;
    const audited = await lastAuditId();
    await this.step.op(w);
    // 6. Every change an admin, a judge or the public makes has its audit entry.
    const after = await fingerprint(w);
    if (after !== w.fingerprint) expect(await lastAuditId(), `${this.step.name} changed data without an audit entry`).toBeGreaterThan(audited);
    w.fingerprint = after;
    await checkInvariants(w);
  }
  toString() {
    return this.step.name;
  }
}

function stepArbs(): Array<fc.Arbitrary<Step>> {
  return Object.entries(ops).flatMap(([name, arb]) =>
    Array.from({ length: WEIGHTS[name as keyof typeof ops] ?? 1 }, () => arb.map((op) => new Step({ name, op }))),
  );
}

export type InvariantsRun = { seed: number; numRuns: number; maxCommands: number; counts: Record<string, number> };

/**
 * Runs `numRuns` random sequences from `seed`. Throws fast-check's report (seed, path and
 * the shrunk sequence, with each step's answer) on the first broken invariant.
 */
export async function runInvariants({ seed, numRuns, maxCommands }: { seed: number; numRuns: number; maxCommands: number }): Promise<InvariantsRun> {
  const counts: Record<string, number> = {};
  let last: World | null = null;
  await fc.assert(
    fc.asyncProperty(setupArb, fc.commands(stepArbs(), { maxCommands }), async (setup, commands) => {
      const world = await createWorld(setup);
      last = world;
      for (const c of commands) counts[String(c)] = (counts[String(c)] ?? 0) + 1;
      try {
        await checkInvariants(world);
        await fc.asyncModelRun(() => ({ model: { steps: 0 }, real: world }), commands);
      } catch (error) {
        (error as Error).message += `\n  steps of the failing sequence:\n    ${world.log.slice(-40).join("\n    ")}`;
        throw error;
      }
    }),
    { seed, numRuns, endOnFailure: true },
  );
  void last;
  return { seed, numRuns, maxCommands, counts };
}
