import { describe, expect, test } from "vitest";
import type { Phase } from "#db/schema";
import {
  canSeeOthersScores,
  judgingHasClosed,
  judgeProgressLead,
  progressLabel,
  reminderDueAt,
  reminderIsDue,
  type ScoreViewer,
} from "~/domain/judging";

const now = new Date("2026-10-10T12:00:00Z");
const hour = 60 * 60 * 1000;
const day = 24 * hour;

function cycle(phase: Phase, judgingCloseAt: Date | null, reminderDaysBefore: number | null = 3) {
  return { phase, nominationsOpenAt: null, nominationsCloseAt: null, judgingCloseAt, reminderDaysBefore };
}

describe("judgingHasClosed", () => {
  test.each([
    { phase: "nominations_closed", close: new Date(now.getTime() - day), closed: false },
    { phase: "judging", close: null, closed: false },
    { phase: "judging", close: new Date(now.getTime() + hour), closed: false },
    { phase: "judging", close: new Date(now.getTime() - 1), closed: true },
    { phase: "judging", close: now, closed: true },
    { phase: "shortlist_published", close: new Date(now.getTime() + day), closed: true },
    { phase: "winners_published", close: null, closed: true },
  ] as const)("$phase, closing $close: $closed", ({ phase, close, closed }) => {
    expect(judgingHasClosed(cycle(phase, close), now)).toBe(closed);
  });
});

describe("canSeeOthersScores", () => {
  const base: ScoreViewer = { role: "judge", isChair: false, assigned: true, ownSubmitted: true, roundClosed: true };
  test.each([
    { name: "a judge, submitted, round closed", viewer: base, can: true },
    { name: "a judge, submitted, round open", viewer: { ...base, roundClosed: false }, can: false },
    { name: "a judge, not submitted, round closed", viewer: { ...base, ownSubmitted: false }, can: false },
    { name: "a judge, not submitted, round open", viewer: { ...base, ownSubmitted: false, roundClosed: false }, can: false },
    { name: "a judge not assigned, round closed", viewer: { ...base, assigned: false, ownSubmitted: false }, can: false },
    { name: "a chair not assigned, round open", viewer: { ...base, isChair: true, assigned: false, roundClosed: false }, can: false },
    { name: "a chair not assigned, round closed", viewer: { ...base, isChair: true, assigned: false, ownSubmitted: false }, can: true },
    { name: "a chair assigned but not submitted, round closed", viewer: { ...base, isChair: true, ownSubmitted: false }, can: false },
    { name: "a chair assigned and submitted, round open", viewer: { ...base, isChair: true, roundClosed: false }, can: false },
    { name: "an admin, round open", viewer: { ...base, role: "admin", roundClosed: false, ownSubmitted: false }, can: true },
  ] as const)("$name: $can", ({ viewer, can }) => {
    expect(canSeeOthersScores(viewer)).toBe(can);
  });
});

describe("automatic reminder", () => {
  const close = new Date("2026-10-13T17:00:00Z");
  test.each([
    { days: 3, due: "2026-10-10T17:00:00.000Z" },
    { days: 0, due: "2026-10-13T17:00:00.000Z" },
    { days: null, due: null },
  ])("$days days before: $due", ({ days, due }) => {
    expect(reminderDueAt(close, days)?.toISOString() ?? null).toBe(due);
  });
  test("no closing date, no reminder", () => {
    expect(reminderDueAt(null, 3)).toBeNull();
  });

  test.each([
    { name: "before it is due", at: new Date(close.getTime() - 3 * day - 1), phase: "judging", due: false },
    { name: "once due", at: new Date(close.getTime() - 3 * day), phase: "judging", due: true },
    { name: "just before closing", at: new Date(close.getTime() - 1), phase: "judging", due: true },
    { name: "after closing", at: close, phase: "judging", due: false },
    { name: "outside the judging phase", at: new Date(close.getTime() - day), phase: "nominations_closed", due: false },
  ] as const)("$name: $due", ({ at, phase, due }) => {
    expect(reminderIsDue(cycle(phase, close), at)).toBe(due);
  });
  test("switched off", () => {
    expect(reminderIsDue(cycle("judging", close, null), new Date(close.getTime() - day))).toBe(false);
  });
});

test("progress reads as a judge would say it", () => {
  expect(progressLabel(7, 12)).toBe("7 of 12 scored");
  expect(progressLabel(0, 0)).toBe("0 of 0 scored");
});

describe("judgeProgressLead", () => {
  test.each([
    { scored: 0, assigned: 0, waiting: 2, lead: "2 nominations are waiting for you. Accept the confidentiality statement and declare any conflicts to see them." },
    { scored: 0, assigned: 0, waiting: 0, lead: "You have no nominations to score yet." },
    { scored: 1, assigned: 3, waiting: 0, lead: "You have 1 of 3 scored." },
    { scored: 1, assigned: 3, waiting: 1, lead: "You have 1 of 3 scored. 1 nomination is waiting for you once you accept the statement for their panel." },
  ])("$scored of $assigned, $waiting waiting", ({ scored, assigned, waiting, lead }) => {
    expect(judgeProgressLead(scored, assigned, waiting)).toBe(lead);
  });
});
