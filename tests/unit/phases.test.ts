import { describe, expect, test } from "vitest";
import { effectivePhase, nominationsClosedEarly, judgingIsOpen, nominationsAreOpen, type CycleDates } from "~/domain/phases";

const at = (iso: string) => new Date(iso);
const cycle = (over: Partial<CycleDates> = {}): CycleDates => ({
  phase: "nominations_open",
  nominationsOpenAt: at("2026-03-01T09:00:00Z"),
  nominationsCloseAt: at("2026-06-30T16:00:00Z"),
  judgingCloseAt: at("2026-08-31T16:00:00Z"),
  ...over,
});

describe("the cycle's phase follows its dates", () => {
  test.each([
    ["before opening", cycle(), "2026-02-28T12:00:00Z", "draft"],
    ["at the opening second", cycle(), "2026-03-01T09:00:00Z", "nominations_open"],
    ["one second before closing", cycle(), "2026-06-30T15:59:59Z", "nominations_open"],
    ["at the closing second", cycle(), "2026-06-30T16:00:00Z", "nominations_closed"],
    ["a draft stays a draft whatever the dates", cycle({ phase: "draft" }), "2026-04-01T00:00:00Z", "draft"],
    ["closed early by an admin", cycle({ phase: "nominations_closed" }), "2026-04-01T00:00:00Z", "nominations_closed"],
    ["admin phases are kept", cycle({ phase: "judging" }), "2026-07-01T00:00:00Z", "judging"],
    ["no dates: the stored phase", cycle({ nominationsOpenAt: null, nominationsCloseAt: null }), "2030-01-01T00:00:00Z", "nominations_open"],
  ] as const)("%s", (_name, c, now, expected) => {
    expect(effectivePhase(c, at(now))).toBe(expected);
  });

  test("nominations are open only in the open phase", () => {
    expect(nominationsAreOpen(cycle(), at("2026-04-01T00:00:00Z"))).toBe(true);
    expect(nominationsAreOpen(cycle(), at("2026-07-01T00:00:00Z"))).toBe(false);
  });

  test("judging is open in the judging phase until its closing time", () => {
    const judging = cycle({ phase: "judging" });
    expect(judgingIsOpen(judging, at("2026-08-31T15:59:59Z"))).toBe(true);
    expect(judgingIsOpen(judging, at("2026-08-31T16:00:00Z"))).toBe(false);
    expect(judgingIsOpen(cycle(), at("2026-04-01T00:00:00Z"))).toBe(false);
  });
});

describe("nominationsClosedEarly: a phase moved by hand supersedes the closing date shown", () => {
  test.each([
    ["open, before the date", cycle(), "2026-04-01T00:00:00Z", false],
    ["moved to judging before the date", cycle({ phase: "judging" }), "2026-04-01T00:00:00Z", true],
    ["closed by hand before the date", cycle({ phase: "nominations_closed" }), "2026-04-01T00:00:00Z", true],
    ["judging after the date", cycle({ phase: "judging" }), "2026-07-01T00:00:00Z", false],
    ["a draft", cycle({ phase: "draft" }), "2026-04-01T00:00:00Z", false],
  ] as const)("%s", (_name, c, now, expected) => {
    expect(nominationsClosedEarly(c, at(now))).toBe(expected);
  });
});
