import { describe, expect, test } from "vitest";
import { PHASES, type Phase } from "#db/schema";
import {
  assignableStatuses,
  currentRound,
  FINAL_ROUND_PHASES,
  finalRoundStartProblem,
  reminderIsDue,
  resultsRound,
  roundCloseAt,
  roundHasClosed,
  roundIsOpen,
  type RoundCycle,
} from "~/domain/judging";

const now = new Date("2026-10-10T12:00:00Z");
const hour = 60 * 60 * 1000;
const day = 24 * hour;
const past = new Date(now.getTime() - hour);
const future = new Date(now.getTime() + hour);

function cycle(phase: Phase, over: Partial<RoundCycle> & { reminderDaysBefore?: number | null } = {}) {
  return {
    phase,
    nominationsOpenAt: null,
    nominationsCloseAt: null,
    judgingCloseAt: null,
    finalRoundCloseAt: null,
    finalRoundStartedAt: null,
    reminderDaysBefore: 3,
    ...over,
  };
}

describe("the current round", () => {
  test.each(PHASES.map((phase) => ({ phase, round: phase === "final_round" ? "final" : "main" })))("$phase: $round", ({ phase, round }) => {
    expect(currentRound({ phase })).toBe(round);
  });
  test("the SQL form reads the same list of phases", () => {
    expect(FINAL_ROUND_PHASES).toEqual(["final_round"]);
  });
});

describe("whether a round is open for scoring", () => {
  test.each([
    { name: "final round, no deadline", c: cycle("final_round"), round: "final", open: true },
    { name: "final round, before its deadline", c: cycle("final_round", { finalRoundCloseAt: future }), round: "final", open: true },
    { name: "final round, at its deadline", c: cycle("final_round", { finalRoundCloseAt: now }), round: "final", open: false },
    { name: "final round, after its deadline", c: cycle("final_round", { finalRoundCloseAt: past }), round: "final", open: false },
    { name: "final round, before it starts", c: cycle("shortlist_published", { finalRoundCloseAt: future }), round: "final", open: false },
    { name: "final round, after it is closed early", c: cycle("winners_decided", { finalRoundCloseAt: future }), round: "final", open: false },
    { name: "final round, during judging", c: cycle("judging"), round: "final", open: false },
    { name: "main round during judging", c: cycle("judging", { judgingCloseAt: future }), round: "main", open: true },
    { name: "main round after its deadline", c: cycle("judging", { judgingCloseAt: past }), round: "main", open: false },
    // The main round's deadline is its own: a later final-round deadline does not reopen it.
    { name: "main round during the final round", c: cycle("final_round", { finalRoundCloseAt: future }), round: "main", open: false },
  ] as const)("$name: $open", ({ c, round, open }) => {
    expect(roundIsOpen(c, round, now)).toBe(open);
  });
});

describe("whether a round has closed", () => {
  test.each([
    { name: "final round, not yet started", c: cycle("shortlist_published"), round: "final", closed: false },
    { name: "final round, during judging", c: cycle("judging"), round: "final", closed: false },
    { name: "final round, open", c: cycle("final_round", { finalRoundCloseAt: future }), round: "final", closed: false },
    { name: "final round, open with no deadline", c: cycle("final_round"), round: "final", closed: false },
    { name: "final round, deadline passed", c: cycle("final_round", { finalRoundCloseAt: past }), round: "final", closed: true },
    { name: "final round, closed by an admin", c: cycle("winners_decided", { finalRoundCloseAt: future }), round: "final", closed: true },
    { name: "final round, winners published", c: cycle("winners_published"), round: "final", closed: true },
    { name: "main round during the final round", c: cycle("final_round"), round: "main", closed: true },
    { name: "main round, open", c: cycle("judging", { judgingCloseAt: future }), round: "main", closed: false },
  ] as const)("$name: $closed", ({ c, round, closed }) => {
    expect(roundHasClosed(c, round, now)).toBe(closed);
  });
});

describe("each round's deadline and nominations", () => {
  test("each round reads its own closing date", () => {
    const c = cycle("final_round", { judgingCloseAt: past, finalRoundCloseAt: future });
    expect(roundCloseAt(c, "main")).toBe(past);
    expect(roundCloseAt(c, "final")).toBe(future);
  });
  test("the main round assigns eligible nominations, the final round only the shortlist", () => {
    expect(assignableStatuses("main")).toEqual(["eligible"]);
    expect(assignableStatuses("final")).toEqual(["shortlisted", "highly_commended", "winner"]);
  });
});

describe("the round results come from", () => {
  test.each([
    { name: "during judging", c: cycle("judging"), round: "main" },
    { name: "shortlist published, no final round", c: cycle("shortlist_published"), round: "main" },
    { name: "went on without a final round", c: cycle("winners_decided"), round: "main" },
    { name: "during the final round", c: cycle("final_round", { finalRoundStartedAt: past }), round: "final" },
    { name: "after a final round", c: cycle("winners_published", { finalRoundStartedAt: past }), round: "final" },
    { name: "in the final phase without a start time", c: cycle("final_round"), round: "final" },
  ] as const)("$name: $round", ({ c, round }) => {
    expect(resultsRound(c)).toBe(round);
  });
});

describe("starting the final round", () => {
  const decided = [
    { name: "Group of the Year", inPlay: 5, shortlisted: 2 },
    { name: "Empty category", inPlay: 0, shortlisted: 0 },
  ];
  test.each([
    { name: "shortlist published and decided", c: cycle("shortlist_published"), cats: decided, problem: null },
    { name: "with a deadline ahead", c: cycle("shortlist_published", { finalRoundCloseAt: future }), cats: decided, problem: null },
    { name: "with a deadline passed", c: cycle("shortlist_published", { finalRoundCloseAt: past }), cats: decided, problem: /closing date has passed/ },
    { name: "during judging", c: cycle("judging"), cats: decided, problem: /once the shortlist is published/ },
    { name: "already started", c: cycle("final_round"), cats: decided, problem: /already started/ },
    { name: "after the winners are decided", c: cycle("winners_decided"), cats: decided, problem: /can no longer start/ },
    {
      name: "a category without a shortlist",
      c: cycle("shortlist_published"),
      cats: [...decided, { name: "Volunteer of the Year", inPlay: 3, shortlisted: 0 }],
      problem: /Decide the shortlist first in: Volunteer of the Year/,
    },
    { name: "nothing shortlisted anywhere", c: cycle("shortlist_published"), cats: [decided[1]], problem: /No category has a shortlist/ },
  ] as const)("$name", ({ c, cats, problem }) => {
    const answer = finalRoundStartProblem(c, [...cats], now);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toMatch(problem);
  });
});

describe("the automatic reminder in the final round", () => {
  const close = new Date(now.getTime() + 2 * day);
  test.each([
    { name: "due, before the final round closes", c: cycle("final_round", { finalRoundCloseAt: close }), due: true },
    { name: "not yet due", c: cycle("final_round", { finalRoundCloseAt: new Date(now.getTime() + 4 * day) }), due: false },
    { name: "after the final round closes", c: cycle("final_round", { finalRoundCloseAt: past }), due: false },
    { name: "no final-round deadline", c: cycle("final_round", { judgingCloseAt: close }), due: false },
    { name: "switched off", c: cycle("final_round", { finalRoundCloseAt: close, reminderDaysBefore: null }), due: false },
    { name: "the final deadline does not remind during judging", c: cycle("judging", { finalRoundCloseAt: close }), due: false },
  ] as const)("$name: $due", ({ c, due }) => {
    expect(reminderIsDue(c, now)).toBe(due);
  });
});
