import { describe, expect, test } from "vitest";
import type { NominationStatus } from "#db/schema";
import { checkScale, criterionMeaningChanged, moveInOrder, planEdit, planRemoval, questionMeaningChanged, slugify } from "~/domain/category-setup";
import { CSV_BOM, csvCell, csvFilename, parseCsv, toCsv } from "~/domain/csv";
import { checkCycleDates, nextPhases } from "~/domain/cycle-setup";
import { checkMerge, groupDuplicates } from "~/domain/duplicates";
import { duplicateKey } from "~/domain/nomination";
import { canDecideEligibility } from "~/domain/eligibility";
import { isRetentionDue, isUnsuccessful, retentionDueAt } from "~/domain/retention";
import { parseLondonDateTime, toLondonInputValue } from "~/domain/time";

describe("csv", () => {
  test.each([
    ["plain", '"plain"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+44 20", '"\'+44 20"'],
    ["-1", '"\'-1"'],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
    ["\tTab", '"\'\tTab"'],
    ["\rCR", '"\'\rCR"'],
    ["a=b", '"a=b"'],
    ["Zoë Ł مرحبا", '"Zoë Ł مرحبا"'],
    ["", '""'],
    [null, '""'],
    [3, '"3"'],
    [new Date("2026-01-02T03:04:05Z"), '"2026-01-02T03:04:05.000Z"'],
  ] as const)("cell %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test("a file has a BOM, CRLF line ends and round-trips", () => {
    const csv = toCsv(["Name", "Note"], [['=HYPERLINK("x")', "line 1\nline 2, with comma"], ["Zoë", 'say "hi"']]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4);
    expect(parseCsv(csv)).toEqual([
      ["Name", "Note"],
      ["'=HYPERLINK(\"x\")", "line 1\nline 2, with comma"],
      ["Zoë", 'say "hi"'],
    ]);
  });

  test("file names are safe", () => {
    expect(csvFilename(["Nominations", 2026, "Zoë's award!"])).toBe("nominations-2026-zo-s-award.csv");
  });
});

describe("retention", () => {
  test.each<[NominationStatus, NominationStatus | null, boolean]>([
    ["winner", null, false],
    ["highly_commended", null, false],
    ["shortlisted", null, false],
    ["not_shortlisted", null, true],
    ["ineligible", null, true],
    ["withdrawn", null, true],
    ["draft", null, true],
    ["submitted", null, true],
    ["eligible", null, true],
    ["eligible", "winner", false],
    ["submitted", "not_shortlisted", true],
  ])("%s (merged into %s) unsuccessful: %s", (status, primary, expected) => {
    expect(isUnsuccessful(status, primary)).toBe(expected);
  });

  test("due a set number of days after archiving, never before archiving", () => {
    const archivedAt = new Date("2026-01-01T00:00:00Z");
    expect(retentionDueAt({ archivedAt, retentionDays: 30 })?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(retentionDueAt({ archivedAt: null, retentionDays: 30 })).toBeNull();
    expect(isRetentionDue({ archivedAt, retentionDays: 30 }, new Date("2026-01-30T23:59:59Z"))).toBe(false);
    expect(isRetentionDue({ archivedAt, retentionDays: 30 }, new Date("2026-01-31T00:00:00Z"))).toBe(true);
    expect(isRetentionDue({ archivedAt: null, retentionDays: 0 }, new Date("2099-01-01"))).toBe(false);
  });
});

describe("duplicates", () => {
  test.each([
    ["Hope Street Welcome Group", null, "hope street welcome group|"],
    ["  HOPE street welcome-group! ", null, "hope street welcome group|"],
    ["The Zoë & Friends Group", "St. Mary's", "zoe friends group|st marys"],
    ["مجموعة الترحيب", null, "مجموعة الترحيب|"],
    ["!!!", null, null],
  ])("key of %j / %j", (name, org, key) => {
    expect(duplicateKey(name, org)).toBe(key);
  });

  test("groups live entries with one key in one category, oldest first", () => {
    const n = (id: number, categoryId: number, nomineeName: string, extra: { duplicateKey?: string; mergedIntoId?: number } = {}) => ({
      id,
      categoryId,
      nomineeName,
      nomineeOrganisation: null,
      duplicateKey: extra.duplicateKey ?? null,
      mergedIntoId: extra.mergedIntoId ?? null,
    });
    const groups = groupDuplicates([n(5, 1, "Hope Group"), n(2, 1, "hope group"), n(3, 2, "Hope Group"), n(4, 1, "Hope Group", { mergedIntoId: 2 }), n(6, 1, "Other"), n(7, 1, "x", { duplicateKey: "other|" })]);
    expect(groups.map((g) => g.map((x) => x.id))).toEqual([[2, 5], [6, 7]]);
  });

  test.each([
    [1, [{ id: 1, categoryId: 1, status: "submitted", mergedIntoId: null }], /at least two/],
    [3, [{ id: 1, categoryId: 1, status: "submitted", mergedIntoId: null }, { id: 2, categoryId: 1, status: "submitted", mergedIntoId: null }], /which entry to keep/],
    [1, [{ id: 1, categoryId: 1, status: "submitted", mergedIntoId: null }, { id: 2, categoryId: 2, status: "submitted", mergedIntoId: null }], /same category/],
    [1, [{ id: 1, categoryId: 1, status: "submitted", mergedIntoId: null }, { id: 2, categoryId: 1, status: "eligible", mergedIntoId: 9 }], /already been merged/],
    [1, [{ id: 1, categoryId: 1, status: "submitted", mergedIntoId: null }, { id: 2, categoryId: 1, status: "withdrawn", mergedIntoId: null }], /withdrawn/],
    [1, [{ id: 1, categoryId: 1, status: "submitted", mergedIntoId: null }, { id: 2, categoryId: 1, status: "ineligible", mergedIntoId: null }], null],
  ])("merge into %i", (primary, entries, problem) => {
    const result = checkMerge(primary, entries.map((e) => ({ ...e, reference: `REF-${e.id}` })));
    if (problem) expect(result).toEqual({ ok: false, message: expect.stringMatching(problem) });
    else expect(result).toEqual({ ok: true });
  });
});

describe("eligibility", () => {
  test.each<[NominationStatus, number | null, boolean]>([
    ["submitted", null, true],
    ["eligible", null, true],
    ["ineligible", null, true],
    ["draft", null, false],
    ["withdrawn", null, false],
    ["shortlisted", null, false],
    ["submitted", 4, false],
  ])("%s merged into %s decidable: %s", (status, mergedIntoId, expected) => {
    expect(canDecideEligibility({ status, mergedIntoId })).toBe(expected);
  });
});

describe("cycle setup", () => {
  test.each([
    ["draft", ["nominations_open"]],
    ["judging", ["shortlist_published"]],
    ["shortlist_published", ["final_round", "winners_decided"]],
    ["final_round", ["winners_decided"]],
    ["winners_published", ["archived"]],
    ["archived", []],
  ] as const)("after %s comes %j", (phase, next) => {
    expect(nextPhases(phase)).toEqual(next);
  });

  test("dates must come in order, skipping unset ones", () => {
    const d = (s: string) => new Date(s);
    expect(checkCycleDates({ nominationsOpenAt: d("2026-03-01"), nominationsCloseAt: d("2026-06-01"), judgingCloseAt: null, shortlistPublishAt: d("2026-08-01"), winnersPublishAt: d("2026-10-01") })).toEqual({});
    expect(checkCycleDates({ nominationsOpenAt: d("2026-03-01"), nominationsCloseAt: d("2026-03-01"), judgingCloseAt: null, shortlistPublishAt: d("2026-02-01"), winnersPublishAt: null })).toEqual({
      nominationsCloseAt: "Nominations close must be after nominations open",
      shortlistPublishAt: "Shortlist published must be after nominations close",
    });
  });
});

describe("category setup", () => {
  test.each([
    [true, true, "replace"],
    [true, false, "update"],
    [false, true, "update"],
    [false, false, "update"],
  ] as const)("in use %s, meaning changed %s: %s", (inUse, changed, plan) => {
    expect(planEdit(inUse, changed)).toBe(plan);
  });

  test("what changes a question's or criterion's meaning", () => {
    expect(questionMeaningChanged({ label: "Why?", wordLimit: 300 }, { label: " Why? ", wordLimit: 300 })).toBe(false);
    expect(questionMeaningChanged({ label: "Why?", wordLimit: 300 }, { label: "Why not?", wordLimit: 300 })).toBe(true);
    expect(questionMeaningChanged({ label: "Why?", wordLimit: 300 }, { label: "Why?", wordLimit: 200 })).toBe(true);
    expect(criterionMeaningChanged({ name: "Impact", guidance: "g", weight: 2 }, { name: "Impact", guidance: "g", weight: 2 })).toBe(false);
    expect(criterionMeaningChanged({ name: "Impact", guidance: "g", weight: 2 }, { name: "Impact", guidance: "g", weight: 3 })).toBe(true);
    expect(criterionMeaningChanged({ name: "Impact", guidance: "g", weight: 2 }, { name: "Impact", guidance: "h", weight: 2 })).toBe(true);
    expect(planRemoval(true)).toBe("retire");
    expect(planRemoval(false)).toBe("delete");
  });

  test("moving in order", () => {
    const items = [{ id: 7 }, { id: 3 }, { id: 9 }];
    expect(moveInOrder(items, 3, "up")).toEqual([{ id: 3, position: 0 }, { id: 7, position: 1 }, { id: 9, position: 2 }]);
    expect(moveInOrder(items, 3, "down")).toEqual([{ id: 7, position: 0 }, { id: 9, position: 1 }, { id: 3, position: 2 }]);
    expect(moveInOrder(items, 7, "up")).toBeNull();
    expect(moveInOrder(items, 9, "down")).toBeNull();
    expect(moveInOrder(items, 1, "up")).toBeNull();
  });

  test.each([
    [1, 5, null],
    [0, 10, null],
    [1, 1, /above/],
    [-1, 3, /0 or more/],
    [0, 11, /at most 11/],
    [1.5, 4, /whole/],
    [NaN, 4, /whole/],
  ])("scale %s–%s", (min, max, problem) => {
    const result = checkScale(min, max);
    if (problem) expect(result).toMatch(problem);
    else expect(result).toBeNull();
  });

  test("slugify", () => {
    expect(slugify("Young Champion: Zoë's Award!")).toBe("young-champion-zoe-s-award");
  });
});

describe("London time in forms", () => {
  test.each([
    ["2026-01-15T09:30", "2026-01-15T09:30:00.000Z"],
    ["2026-07-01T17:00", "2026-07-01T16:00:00.000Z"],
    // Clocks go forward at 01:00 on 29 March 2026: 01:30 does not exist and moves on an hour.
    ["2026-03-29T01:30", "2026-03-29T01:30:00.000Z"],
    // Clocks go back at 02:00 BST on 25 October 2026: 01:30 happens twice; the first is meant.
    ["2026-10-25T01:30", "2026-10-25T00:30:00.000Z"],
  ])("%s in London is %s", (input, utc) => {
    expect(parseLondonDateTime(input)?.toISOString()).toBe(utc);
  });

  test.each(["", "2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "yesterday"])("%j is not a date", (input) => {
    expect(parseLondonDateTime(input)).toBeNull();
  });

  test("shown back as it was typed", () => {
    for (const value of ["2026-01-15T09:30", "2026-07-01T17:00", "2026-10-25T01:30"]) expect(toLondonInputValue(parseLondonDateTime(value))).toBe(value);
  });
});
