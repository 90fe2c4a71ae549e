import { describe, expect, test } from "vitest";
import { calibrate, type JudgeScore } from "~/domain/calibration";
import { buildLeaderboard } from "~/domain/leaderboard";
import {
  CLEAR_BOUNDARY,
  calibratedUncertainty,
  identifiability,
  neighbourProbabilities,
  probabilityAbove,
  rawUncertainty,
  shortlistBoundary,
} from "~/domain/uncertainty";

const table = (rows: [nominationId: number, judgeId: number, score: number][]): JudgeScore[] =>
  rows.map(([nominationId, judgeId, score]) => ({ nominationId, judgeId, score }));

const fitted = (scores: JudgeScore[], minScoresPerJudge = 1) =>
  calibratedUncertainty(scores, calibrate(scores, { minScoresPerJudge }));

/** Every judge scores every nomination: true level + leniency + a ±0.5 checkerboard of noise. */
function complete(nominations: number, judges: number): JudgeScore[] {
  const scores: JudgeScore[] = [];
  for (let n = 1; n <= nominations; n++) {
    for (let j = 1; j <= judges; j++) scores.push({ nominationId: n, judgeId: j, score: n + 0.3 * j + ((n + j) % 2 ? 0.5 : -0.5) });
  }
  return scores;
}

describe("intervals from the least-squares fit", () => {
  test("hand-worked: two nominations, two judges", () => {
    // Levels 4 and 2; judge effects +0.5 and −0.5; residuals ±0.5, so RSS = 1 on
    // 4 − 2 − 2 + 1 = 1 degree of freedom. Balanced, so Var(level) = σ²/2 exactly, and
    // t(0.975, 1) = 12.706.
    const u = fitted(table([[1, 1, 5], [1, 2, 3], [2, 1, 2], [2, 2, 2]]));
    expect(u.df).toBe(1);
    expect(u.residualSd).toBeCloseTo(1, 10);
    expect(u.se.get(1)).toBeCloseTo(Math.SQRT1_2, 10);
    expect(u.covariance(1, 2)).toBeCloseTo(0, 10);
    expect(u.interval.get(1)!.low).toBeCloseTo(4 - 12.7062 * Math.SQRT1_2, 3);
    expect(u.interval.get(1)!.high).toBeCloseTo(4 + 12.7062 * Math.SQRT1_2, 3);
    // P(T₁ < 2) = 1/2 + atan(2)/π
    const [p] = neighbourProbabilities([{ id: 1, value: 4 }, { id: 2, value: 2 }], u);
    expect(p).toBeCloseTo(0.5 + Math.atan(2) / Math.PI, 6);
  });

  test.each([
    // σ² = NJ / (4 (N−1)(J−1)) for the checkerboard; se = σ/√J
    { judges: 2, se: Math.sqrt(8 / 12 / 2) },
    { judges: 4, se: Math.sqrt(16 / 36 / 4) },
    { judges: 6, se: Math.sqrt(24 / 60 / 6) },
  ])("complete design with $judges judges: se = σ/√J", ({ judges, se }) => {
    expect(fitted(complete(4, judges)).se.get(1)).toBeCloseTo(se, 10);
  });

  test("intervals shrink as judges are added", () => {
    const widths = [2, 4, 6, 8].map((j) => {
      const i = fitted(complete(4, j)).interval.get(1)!;
      return i.high - i.low;
    });
    for (let k = 1; k < widths.length; k++) expect(widths[k]).toBeLessThan(widths[k - 1]);
  });

  test("a sparse design matches the covariance of a direct constrained least-squares solve", () => {
    // Five nominations, four judges, a chain of overlaps, uneven counts.
    const scores = table([
      [1, 1, 4], [1, 2, 5], [1, 3, 4],
      [2, 1, 3], [2, 2, 3], [2, 4, 1],
      [3, 2, 5], [3, 3, 5], [3, 4, 4],
      [4, 1, 2], [4, 3, 3], [4, 4, 2],
      [5, 1, 4], [5, 2, 4],
    ]);
    const u = fitted(scores);
    const direct = directCovariance(scores);
    for (const n of [1, 2, 3, 4, 5]) {
      for (const m of [1, 2, 3, 4, 5]) expect(u.covariance(n, m)! / u.residualSd! ** 2).toBeCloseTo(direct[n - 1][m - 1], 8);
    }
  });

  test("a judge below the minimum is taken at face value and fixes the level of their group", () => {
    // Judge 3 gave one score, so is not adjusted (effect 0): no judge effect is then free
    // in that part, and its nomination is known only to σ / 1.
    const scores = table([[1, 1, 4], [1, 2, 3], [2, 1, 5], [2, 2, 3], [3, 1, 2], [3, 2, 2], [4, 3, 4]]);
    const u = fitted(scores, 2);
    expect(u.se.get(4)).toBeCloseTo(u.residualSd!, 10);
  });

  test("no degrees of freedom left: no interval rather than a false one", () => {
    const u = fitted(table([[1, 1, 4], [2, 1, 3]]));
    expect(u.residualSd).toBeNull();
    expect(u.interval.size).toBe(0);
    expect(rawUncertainty(table([[1, 1, 4], [2, 1, 3]])).interval.size).toBe(0);
  });

  test("raw means: pooled within-nomination variance, independent means", () => {
    // Deviations ±1 in nomination 1 and ±0.5 in 2: RSS = 2.5 on 4 − 2 = 2 df.
    const u = rawUncertainty(table([[1, 1, 5], [1, 2, 3], [2, 1, 2], [2, 2, 1]]));
    expect(u.df).toBe(2);
    expect(u.se.get(1)).toBeCloseTo(Math.sqrt(1.25 / 2), 10);
    expect(u.covariance(1, 2)).toBe(0);
  });
});

describe("how sure the ranking is", () => {
  test.each([
    { name: "two identical entries", higher: 3, lower: 3, variance: 0.5, df: 4, low: 0.5, high: 0.5 },
    { name: "two clearly separated entries", higher: 4.8, lower: 1.2, variance: 0.04, df: 10, low: 0.9999, high: 1 },
    { name: "a small gap against large noise", higher: 3.1, lower: 3, variance: 1, df: 10, low: 0.5, high: 0.6 },
    { name: "no uncertainty at all, a real gap", higher: 3.5, lower: 3, variance: 0, df: 3, low: 1, high: 1 },
    { name: "no uncertainty at all, no gap", higher: 3, lower: 3, variance: 0, df: 3, low: 0.5, high: 0.5 },
  ])("$name", ({ higher, lower, variance, df, low, high }) => {
    const p = probabilityAbove(higher, lower, variance, df);
    expect(p).toBeGreaterThanOrEqual(low);
    expect(p).toBeLessThanOrEqual(high);
  });

  test("on the leaderboard: identical entries near 0.5, separated ones near 1", () => {
    const scores = table([
      [1, 1, 5], [1, 2, 5], [1, 3, 4],
      [2, 1, 3], [2, 2, 3], [2, 3, 3],
      [3, 1, 3], [3, 2, 3], [3, 3, 3],
      [4, 1, 1], [4, 2, 2], [4, 3, 1],
    ]);
    const board = buildLeaderboard({
      nominations: [1, 2, 3, 4].map((id) => ({ id, label: `N${id}` })),
      scores,
      minScoresPerJudge: 1,
      disagreementThreshold: 2,
      method: "calibrated",
    });
    const byLabel = Object.fromEntries(board.rows.map((r) => [r.label, r]));
    expect(byLabel.N1.aboveNext).toBeGreaterThan(0.99);
    expect(byLabel.N2.aboveNext).toBeCloseTo(0.5, 10); // N2 and N3 tie
    expect(byLabel.N3.aboveNext).toBeGreaterThan(0.99);
    expect(byLabel.N4.aboveNext).toBeNull();
    expect(byLabel.N1.calibratedInterval!.low).toBeLessThan(byLabel.N1.calibrated!);
    expect(byLabel.N1.meanInterval!.high).toBeGreaterThan(byLabel.N1.mean!);
    expect(board.identifiability.connected).toBe(true);
  });
});

describe("the shortlist boundary", () => {
  const rows = (ps: (number | null)[]) => ps.map((aboveNext, i) => ({ nominationId: i + 1, aboveNext }));
  test.each([
    { name: "clear edge", ps: [0.9, 0.97, 0.95, null], size: 2, expected: { lastIn: 2, firstOut: 3, clear: true } },
    { name: "unclear edge", ps: [0.99, 0.6, 0.95, null], size: 2, expected: { lastIn: 2, firstOut: 3, clear: false } },
    { name: "exactly at the threshold is clear", ps: [CLEAR_BOUNDARY, null], size: 1, expected: { lastIn: 1, firstOut: 2, clear: true } },
    { name: "unknown uncertainty is not clear", ps: [null, null], size: 1, expected: { lastIn: 1, firstOut: 2, clear: false } },
  ])("$name", ({ ps, size, expected }) => {
    expect(shortlistBoundary(rows(ps), size)).toMatchObject(expected);
  });
  test.each([
    { name: "fewer entries than places", ps: [0.9, null], size: 3 },
    { name: "as many entries as places", ps: [0.9, null], size: 2 },
    { name: "no places", ps: [0.9, null], size: 0 },
  ])("no edge: $name", ({ ps, size }) => {
    expect(shortlistBoundary(rows(ps), size)).toBeNull();
  });
});

describe("what the calibration can compare", () => {
  test("a disconnected panel is reported with its parts", () => {
    const result = identifiability(
      table([[1, 1, 4], [1, 2, 3], [2, 1, 3], [2, 2, 2], [3, 3, 4], [3, 4, 5], [4, 3, 1], [4, 4, 2], [5, 5, 3]]),
    );
    expect(result.connected).toBe(false);
    expect(result.parts).toEqual([
      { judgeIds: [1, 2], nominationIds: [1, 2] },
      { judgeIds: [3, 4], nominationIds: [3, 4] },
      { judgeIds: [5], nominationIds: [5] },
    ]);
    expect(result.weaklyLinked).toEqual([{ judgeId: 5, common: 0 }]);
  });

  test("a connected panel, with a judge who shares only one nomination", () => {
    const result = identifiability(table([[1, 1, 4], [1, 2, 3], [2, 1, 3], [2, 2, 2], [2, 3, 4], [3, 3, 2], [4, 3, 5]]));
    expect(result.connected).toBe(true);
    expect(result.parts).toHaveLength(1);
    expect(result.weaklyLinked).toEqual([{ judgeId: 3, common: 1 }]);
  });

  test("no scores: nothing to report", () => {
    expect(identifiability([])).toEqual({ parts: [], connected: true, weaklyLinked: [] });
  });
});

/**
 * (XᵀX)⁻¹ of the full design [nomination levels | judge effects] bordered by the
 * calibration's constraint Σ count_j b_j = 0, restricted to the levels: an independent
 * computation of Cov(level)/σ² by plain Gaussian elimination on the whole system.
 */
function directCovariance(scores: JudgeScore[]): number[][] {
  const noms = [...new Set(scores.map((s) => s.nominationId))].sort((a, b) => a - b);
  const judges = [...new Set(scores.map((s) => s.judgeId))].sort((a, b) => a - b);
  const N = noms.length;
  const size = N + judges.length + 1;
  const m = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const s of scores) {
    const n = noms.indexOf(s.nominationId);
    const j = N + judges.indexOf(s.judgeId);
    m[n][n]++;
    m[j][j]++;
    m[n][j]++;
    m[j][n]++;
    m[j][size - 1]++;
    m[size - 1][j]++;
  }
  const inv = m.map((_, i) => m.map((__, k) => (i === k ? 1 : 0)));
  for (let c = 0; c < size; c++) {
    let p = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p], inv[c], inv[p]] = [m[p], m[c], inv[p], inv[c]];
    const d = m[c][c];
    for (let k = 0; k < size; k++) {
      m[c][k] /= d;
      inv[c][k] /= d;
    }
    for (let r = 0; r < size; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let k = 0; k < size; k++) {
        m[r][k] -= f * m[c][k];
        inv[r][k] -= f * inv[c][k];
      }
    }
  }
  return inv.slice(0, N).map((row) => row.slice(0, N));
}
