import { describe, expect, test } from "vitest";
import type { JudgeScore } from "~/domain/calibration";
import { buildLeaderboard, competitionRanks, hasDisagreement, type LeaderboardInput } from "~/domain/leaderboard";
import { krippendorffAlphaInterval } from "~/domain/reliability";

const A = 1;
const B = 2;
const C = 3;

function fromTable(rows: [nominationId: number, judgeId: number, score: number][]): JudgeScore[] {
  return rows.map(([nominationId, judgeId, score]) => ({ nominationId, judgeId, score }));
}

function input(overrides: Partial<LeaderboardInput>): LeaderboardInput {
  return { nominations: [], scores: [], minScoresPerJudge: 1, disagreementThreshold: 2, method: "raw", ...overrides };
}

/** One judge per nomination, so the raw mean is exactly the given score. */
function boardOf(means: Record<string, number | null>, method: "raw" | "calibrated" = "raw") {
  const labels = Object.keys(means);
  return buildLeaderboard(
    input({
      nominations: labels.map((label, i) => ({ id: i + 1, label })),
      scores: labels.flatMap((label, i) =>
        means[label] === null ? [] : [{ nominationId: i + 1, judgeId: 100 + i, score: means[label]! }],
      ),
      method,
    }),
  );
}

const summary = (board: ReturnType<typeof buildLeaderboard>) =>
  board.rows.map((r) => [r.label, r.rank, r.tied] as const);

describe("competition ranking and ties", () => {
  test.each([
    { name: "distinct", values: [3, 5, 4], ranks: [3, 1, 2], tied: [false, false, false] },
    { name: "1,2,2,4", values: [5, 4, 4, 3], ranks: [1, 2, 2, 4], tied: [false, true, true, false] },
    { name: "all tied", values: [2, 2, 2], ranks: [1, 1, 1], tied: [true, true, true] },
    { name: "floating noise does not break a tie", values: [0.1 + 0.2, 0.3], ranks: [1, 1], tied: [true, true] },
    { name: "equal at 3 decimals is a tie", values: [3.0001, 3.0004], ranks: [1, 1], tied: [true, true] },
    { name: "a visible difference is not a tie", values: [3.001, 3.002], ranks: [2, 1], tied: [false, false] },
    { name: "empty", values: [], ranks: [], tied: [] },
  ])("$name", ({ values, ranks, tied }) => {
    const result = competitionRanks(values);
    expect(result.map((r) => r.rank)).toEqual(ranks);
    expect(result.map((r) => r.tied)).toEqual(tied);
  });

  test("rows are sorted by rank, ties and unscored rows by label", () => {
    const board = boardOf({ Delta: 4, alpha: 5, Charlie: 4, Echo: null, Bravo: 4, "Able Trust": null, Foxtrot: 2 });
    expect(summary(board)).toEqual([
      ["alpha", 1, false],
      ["Bravo", 2, true],
      ["Charlie", 2, true],
      ["Delta", 2, true],
      ["Foxtrot", 5, false],
      ["Able Trust", null, false],
      ["Echo", null, false],
    ]);
  });

  test("weighted means that differ only by floating noise tie", () => {
    // (1·3 + 2·4)/3 and (2·4 + 1·3)/3 computed in different orders.
    const board = boardOf({ First: (1 * 3 + 2 * 4) / 3, Second: 3 + 8 / 3 - 2 });
    expect(summary(board)).toEqual([
      ["First", 1, true],
      ["Second", 1, true],
    ]);
  });
});

describe("the disagreement rule", () => {
  test.each([
    { scores: [2, 4], threshold: 2, expected: true },
    { scores: [2.1, 4.1], threshold: 2, expected: true }, // 4.1 − 2.1 = 1.9999999999999996
    { scores: [2, 3.999], threshold: 2, expected: false },
    { scores: [1, 3, 5], threshold: 2, expected: true },
    { scores: [3, 3, 4], threshold: 2, expected: false },
    { scores: [0, 10], threshold: 4, expected: true },
    { scores: [5], threshold: 0, expected: false }, // one score cannot disagree
    { scores: [], threshold: 2, expected: false },
  ])("$scores with threshold $threshold → $expected", ({ scores, threshold, expected }) => {
    expect(hasDisagreement(scores, threshold)).toBe(expected);
  });
});

describe("buildLeaderboard", () => {
  test("empty cycle", () => {
    expect(buildLeaderboard(input({}))).toEqual({
      rows: [],
      alpha: null,
      unadjustedJudges: [],
      method: "raw",
      calibrationConverged: true,
      confidence: 0.95,
      identifiability: { parts: [], connected: true, weaklyLinked: [] },
    });
  });

  test("nominations without any scores", () => {
    const board = buildLeaderboard(input({ nominations: [{ id: 2, label: "B" }, { id: 1, label: "A" }], method: "calibrated" }));
    expect(board.rows).toEqual([
      { nominationId: 1, label: "A", mean: null, calibrated: null, count: 0, spread: null, sd: null, range: null, disagreement: false, judgeScores: [], rank: null, tied: false, calibratedInterval: null, meanInterval: null, aboveNext: null },
      { nominationId: 2, label: "B", mean: null, calibrated: null, count: 0, spread: null, sd: null, range: null, disagreement: false, judgeScores: [], rank: null, tied: false, calibratedInterval: null, meanInterval: null, aboveNext: null },
    ]);
    expect(board.alpha).toBeNull();
  });

  test("a row shows the mean, spread and each judge's score", () => {
    const board = buildLeaderboard(
      input({
        nominations: [{ id: 7, label: "Refugee Welcome Hastings" }],
        scores: fromTable([[7, C, 4.5], [7, A, 2.5], [7, B, 3.5]]),
        minScoresPerJudge: 1,
        disagreementThreshold: 2,
      }),
    );
    expect(board.rows[0]).toEqual({
      nominationId: 7,
      label: "Refugee Welcome Hastings",
      mean: 3.5,
      calibrated: 3.5,
      count: 3,
      spread: 2,
      sd: 1,
      range: 2,
      disagreement: true,
      judgeScores: [
        { judgeId: A, score: 2.5, adjusted: true },
        { judgeId: B, score: 3.5, adjusted: true },
        { judgeId: C, score: 4.5, adjusted: true },
      ],
      rank: 1,
      tied: false,
      // One nomination and three adjusted judges leave the calibration no degrees of
      // freedom; the raw mean has 2: 3.5 ± t(0.975, 2) · 1/√3 = 3.5 ± 4.3027 · 0.57735.
      calibratedInterval: null,
      meanInterval: { low: expect.closeTo(1.0159, 3), high: expect.closeTo(5.9841, 3) },
      aboveNext: null,
    });
  });

  test("a single score has no spread and is not flagged", () => {
    const [row] = boardOf({ Only: 4 }).rows;
    expect(row).toMatchObject({ count: 1, mean: 4, sd: null, range: null, spread: null, disagreement: false, rank: 1 });
  });

  // P, Q, R, S with truth 4, 3.5, 2, 3; judge C adds 2 and scores only Q and R
  // (worked in calibration.test.ts: calibrated = truth + 0.5).
  const nominations = [
    { id: 1, label: "P" },
    { id: 2, label: "Q" },
    { id: 3, label: "R" },
    { id: 4, label: "S" },
  ];
  const scores = fromTable([
    [1, A, 4], [1, B, 4],
    [2, A, 3.5], [2, C, 5.5],
    [3, B, 2], [3, C, 4],
    [4, A, 3], [4, B, 3],
  ]);

  test("ranks by calibrated scores when the cycle says so", () => {
    const board = buildLeaderboard(input({ nominations, scores, minScoresPerJudge: 2, method: "calibrated" }));
    expect(summary(board)).toEqual([
      ["P", 1, false],
      ["Q", 2, false],
      ["S", 3, false],
      ["R", 4, false],
    ]);
    expect(board.rows.map((r) => [r.label, r.mean, r.calibrated])).toEqual([
      ["P", 4, expect.closeTo(4.5, 9)],
      ["Q", 4.5, expect.closeTo(4, 9)],
      ["S", 3, expect.closeTo(3.5, 9)],
      ["R", 3, expect.closeTo(2.5, 9)],
    ]);
    expect(board.method).toBe("calibrated");
  });

  test("ranks by raw means when the cycle says so, still showing calibrated values", () => {
    const board = buildLeaderboard(input({ nominations, scores, minScoresPerJudge: 2, method: "raw" }));
    expect(summary(board)).toEqual([
      ["Q", 1, false],
      ["P", 2, false],
      ["R", 3, true],
      ["S", 3, true],
    ]);
    expect(board.rows.every((r) => r.calibrated !== null)).toBe(true);
  });

  test("judges below the guard are listed and their scores marked unadjusted", () => {
    const board = buildLeaderboard(input({ nominations, scores, minScoresPerJudge: 3, method: "calibrated" }));
    expect(board.unadjustedJudges).toEqual([C]);
    const q = board.rows.find((r) => r.label === "Q")!;
    expect(q.judgeScores).toEqual([
      { judgeId: A, score: 3.5, adjusted: true },
      { judgeId: C, score: 5.5, adjusted: false },
    ]);
    expect(q.rank).toBe(1); // C's +2 is taken at face value
  });

  test("alpha is Krippendorff's interval alpha of the nominations × judges scores", () => {
    const board = buildLeaderboard(input({ nominations, scores }));
    expect(board.alpha).toBe(krippendorffAlphaInterval([[4, 4], [3.5, 5.5], [2, 4], [3, 3]]));
    // By hand: n = 8, within-unit Σ m·SS/(m−1) = 4 + 4 = 8, total SS = 7.375,
    // alpha = 1 − 7·8 / (8·7.375) = 3/59. Low: C's leniency looks like disagreement.
    expect(board.alpha).toBeCloseTo(3 / 59, 12);
  });

  test.each([
    {
      name: "a score for an unlisted nomination",
      given: input({ nominations: [{ id: 1, label: "P" }], scores: fromTable([[9, A, 3]]) }),
      error: /nomination 9, which is not listed/,
    },
    {
      name: "a nomination listed twice",
      given: input({ nominations: [{ id: 1, label: "P" }, { id: 1, label: "P again" }] }),
      error: /Nomination 1 is listed twice/,
    },
  ])("rejects $name", ({ given, error }) => {
    expect(() => buildLeaderboard(given)).toThrow(error);
  });
});
