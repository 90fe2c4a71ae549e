import { describe, expect, test } from "vitest";
import { buildLeaderboard } from "~/domain/leaderboard";
import { applyAdjustment, ShortlistAdjustmentError, suggestShortlist } from "~/domain/shortlist";

/** A raw-ranked board where nomination i + 1 has the i-th mean (null = unscored). */
function board(means: (number | null)[]) {
  return buildLeaderboard({
    nominations: means.map((_, i) => ({ id: i + 1, label: `N${String(i + 1).padStart(2, "0")}` })),
    scores: means.flatMap((m, i) => (m === null ? [] : [{ nominationId: i + 1, judgeId: 1, score: m }])),
    minScoresPerJudge: 1,
    disagreementThreshold: 2,
    method: "raw",
  });
}

describe("suggestShortlist", () => {
  test.each([
    {
      name: "the top `size` when there is no tie at the cutoff",
      means: [3, 5, 4, 2],
      size: 2,
      expected: { suggested: [2, 3], tiedAtCutoff: [], note: null },
    },
    {
      name: "a tie that fits exactly inside the cutoff",
      means: [5, 4, 4, 3], // ranks 1, 2, 2, 4
      size: 3,
      expected: { suggested: [1, 2, 3], tiedAtCutoff: [], note: null },
    },
    {
      name: "a tie just after the cutoff is not included",
      means: [5, 4, 3, 3],
      size: 2,
      expected: { suggested: [1, 2], tiedAtCutoff: [], note: null },
    },
    {
      name: "a tie straddling the cutoff: all of the tied group, with a note",
      means: [5, 4, 3, 3, 3, 1], // ranks 1, 2, 3, 3, 3, 6
      size: 4,
      expected: {
        suggested: [1, 2, 3, 4, 5],
        tiedAtCutoff: [3, 4, 5],
        note:
          "3 nominations tie at rank 3 for the last 2 places. All of them are suggested, " +
          "so the list has 5 instead of 4; remove 1 with a reason to keep to 4.",
      },
    },
    {
      name: "a tie for the only place",
      means: [4, 4, 2],
      size: 1,
      expected: {
        suggested: [1, 2],
        tiedAtCutoff: [1, 2],
        note:
          "2 nominations tie at rank 1 for the last 1 place. All of them are suggested, " +
          "so the list has 2 instead of 1; remove 1 with a reason to keep to 1.",
      },
    },
    {
      name: "fewer scored nominations than places",
      means: [4, null, 3, null],
      size: 3,
      expected: {
        suggested: [1, 3],
        tiedAtCutoff: [],
        note: "Only 2 nominations have scores, fewer than the 3 places; 2 without scores cannot be suggested.",
      },
    },
    {
      name: "no nominations",
      means: [],
      size: 2,
      expected: { suggested: [], tiedAtCutoff: [], note: "No nomination has scores yet, so none of the 2 places can be filled." },
    },
    {
      name: "one scored nomination",
      means: [null, 4],
      size: 2,
      expected: {
        suggested: [2],
        tiedAtCutoff: [],
        note: "Only 1 nomination has scores, fewer than the 2 places; 1 without scores cannot be suggested.",
      },
    },
    {
      name: "a shortlist of none",
      means: [4, 3],
      size: 0,
      expected: { suggested: [], tiedAtCutoff: [], note: null },
    },
  ])("$name", ({ means, size, expected }) => {
    expect(suggestShortlist(board(means), size)).toEqual(expected);
  });

  test("rejects a size that is not a whole number", () => {
    expect(() => suggestShortlist(board([1]), 1.5)).toThrow(/whole number/);
    expect(() => suggestShortlist(board([1]), -1)).toThrow(/whole number/);
  });
});

describe("applyAdjustment", () => {
  const suggested = [4, 2, 9];

  test.each([
    { name: "no change needs no reason", adj: { add: [], remove: [], reason: "" }, shortlist: [4, 2, 9] },
    { name: "a removal", adj: { add: [], remove: [2], reason: "Conflict found after scoring" }, shortlist: [4, 9] },
    { name: "an addition goes last", adj: { add: [7], remove: [], reason: "Panel chair's discretion" }, shortlist: [4, 2, 9, 7] },
    {
      name: "a swap, resolving a tie",
      adj: { add: [5, 5], remove: [9, 4], reason: "Tie at the cutoff decided by the panel" },
      shortlist: [2, 5],
    },
  ])("$name", ({ adj, shortlist }) => {
    expect(applyAdjustment(suggested, adj)).toEqual({ shortlist });
  });

  test.each([
    { name: "an addition without a reason", adj: { add: [7], remove: [], reason: "" }, field: "reason", message: "Give a reason for changing the suggested shortlist." },
    { name: "a removal with a blank reason", adj: { add: [], remove: [4], reason: "  \n " }, field: "reason", message: "Give a reason for changing the suggested shortlist." },
    { name: "adding one already listed", adj: { add: [2], remove: [], reason: "x" }, field: "add", message: "Nomination 2 is already on the shortlist." },
    { name: "removing ones not listed", adj: { add: [], remove: [7, 8], reason: "x" }, field: "remove", message: "Nominations 7, 8 are not on the shortlist." },
    { name: "adding and removing the same one", adj: { add: [4], remove: [4], reason: "x" }, field: "add", message: "Nomination 4 is both added and removed." },
  ])("refuses $name", ({ adj, field, message }) => {
    let caught: unknown;
    try {
      applyAdjustment(suggested, adj);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ShortlistAdjustmentError);
    expect(caught).toMatchObject({ field, message });
  });
});
