import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { calibrate, type JudgeScore } from "~/domain/calibration";
import { syntheticCycle } from "../fixtures/synthetic-cycle";

const A = 1;
const B = 2;
const C = 3;
const D = 4;

function fromTable(rows: [nominationId: number, judgeId: number, score: number][]): JudgeScore[] {
  return rows.map(([nominationId, judgeId, score]) => ({ nominationId, judgeId, score }));
}

function rankingBy(values: Map<number, number>): number[] {
  return [...values.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([id]) => id);
}

function rawMeans(scores: JudgeScore[]): Map<number, number> {
  const sums = new Map<number, [number, number]>();
  for (const { nominationId, score } of scores) {
    const [s, n] = sums.get(nominationId) ?? [0, 0];
    sums.set(nominationId, [s + score, n + 1]);
  }
  return new Map([...sums].map(([id, [s, n]]) => [id, s / n]));
}

describe("calibrate: hand-worked cases", () => {
  test("a lenient judge's +2 offset is removed (complete design)", () => {
    // Truth 1..4; A and B score the truth, C always gives 2 more.
    // Exact fit: b_C − b_A = 2, b_A = b_B. Constraint 4b_A + 4b_B + 4b_C = 0
    // gives b_A = b_B = −2/3, b_C = 4/3, and calibrated = truth − b_A = truth + 2/3.
    const truth = new Map([
      [10, 1],
      [11, 2],
      [12, 3],
      [13, 4],
    ]);
    const scores = [...truth].flatMap(([n, t]) =>
      fromTable([
        [n, A, t],
        [n, B, t],
        [n, C, t + 2],
      ]),
    );
    const result = calibrate(scores, { minScoresPerJudge: 3 });

    expect(result.judgeEffects.get(A)).toBeCloseTo(-2 / 3, 12);
    expect(result.judgeEffects.get(B)).toBeCloseTo(-2 / 3, 12);
    expect(result.judgeEffects.get(C)).toBeCloseTo(4 / 3, 12);
    expect(result.judgeEffects.get(C)! - (result.judgeEffects.get(A)! + result.judgeEffects.get(B)!) / 2).toBeCloseTo(2, 12);
    for (const [n, t] of truth) expect(result.calibrated.get(n)).toBeCloseTo(t + 2 / 3, 12);
    expect(result.overall).toBeCloseTo(38 / 12, 12); // mean of all 12 scores
    expect(result.adjustedJudges).toEqual([A, B, C]);
    expect(result.unadjustedJudges).toEqual([]);
    expect(result.converged).toBe(true);
  });

  // P, Q, R, S with truth 4, 3.5, 2, 3. A and B are fair; C adds 2 and scores only Q and R.
  const incomplete = fromTable([
    [1, A, 4], [1, B, 4], // P: raw 4
    [2, A, 3.5], [2, C, 5.5], // Q: raw 4.5
    [3, B, 2], [3, C, 4], // R: raw 3
    [4, A, 3], [4, B, 3], // S: raw 3
  ]);

  test("incomplete design: the raw ranking is wrong, the calibrated ranking is right", () => {
    // Exact fit with b_A = b_B = β, b_C = β + 2. Counts A 3, B 3, C 2, so the
    // constraint 3β + 3β + 2(β + 2) = 0 gives β = −1/2, and calibrated = truth + 1/2.
    const result = calibrate(incomplete, { minScoresPerJudge: 2 });

    expect(rankingBy(rawMeans(incomplete))).toEqual([2, 1, 3, 4]); // Q above P; R level with S
    expect(rankingBy(result.calibrated)).toEqual([1, 2, 4, 3]); // P, Q, S, R: the truth's order
    expect([...result.calibrated]).toEqual([
      [1, expect.closeTo(4.5, 9)],
      [2, expect.closeTo(4, 9)],
      [3, expect.closeTo(2.5, 9)],
      [4, expect.closeTo(3.5, 9)],
    ]);
    expect([...result.judgeEffects]).toEqual([
      [A, expect.closeTo(-0.5, 9)],
      [B, expect.closeTo(-0.5, 9)],
      [C, expect.closeTo(1.5, 9)],
    ]);
    expect(result.overall).toBe(29 / 8);
    expect(result.converged).toBe(true);
  });

  test("minimum-sample guard: a judge below it keeps effect 0 and is listed", () => {
    // Same data, but C's 2 scores are below the guard of 3, so C is taken at face value.
    // With b_A = β, b_B = −β (constraint 3β + 3(−β) = 0) the sum of squares is 5β² + 4,
    // least at β = 0: every effect is 0 and calibrated equals the raw means.
    const result = calibrate(incomplete, { minScoresPerJudge: 3 });

    expect(result.unadjustedJudges).toEqual([C]);
    expect(result.adjustedJudges).toEqual([A, B]);
    expect(result.judgeEffects.get(C)).toBe(0);
    expect(result.judgeEffects.get(A)).toBeCloseTo(0, 9);
    expect(result.judgeEffects.get(B)).toBeCloseTo(0, 9);
    for (const [n, mean] of rawMeans(incomplete)) expect(result.calibrated.get(n)).toBeCloseTo(mean, 9);
  });

  test("minimum-sample guard: adjusted judges are still calibrated around a face-value judge", () => {
    // X, Y, Z with truth 3, 4, 5. A is 1 strict, B is 1 lenient, D scores X once, exactly.
    // Constraint 3b_A + 3b_B = 0; the data fit exactly with b_A = −1, b_B = 1, b_D = 0.
    const scores = fromTable([
      [1, A, 2], [1, B, 4], [1, D, 3],
      [2, A, 3], [2, B, 5],
      [3, A, 4], [3, B, 6],
    ]);
    const result = calibrate(scores, { minScoresPerJudge: 2 });

    expect(result.unadjustedJudges).toEqual([D]);
    expect([...result.judgeEffects]).toEqual([
      [A, expect.closeTo(-1, 9)],
      [B, expect.closeTo(1, 9)],
      [D, 0],
    ]);
    expect([...result.calibrated]).toEqual([
      [1, expect.closeTo(3, 9)],
      [2, expect.closeTo(4, 9)],
      [3, expect.closeTo(5, 9)],
    ]);
  });

  test("complete data: the calibrated ranking equals the raw ranking", () => {
    // With every judge scoring every nomination, each nomination sees the same
    // judges, so calibrated = raw mean − (count-weighted mean effect) = raw mean.
    const scores = fromTable([
      [1, A, 3], [1, B, 5], [1, C, 4],
      [2, A, 2], [2, B, 2], [2, C, 5],
      [3, A, 5], [3, B, 4], [3, C, 5],
      [4, A, 1], [4, B, 3], [4, C, 2],
    ]);
    const result = calibrate(scores, { minScoresPerJudge: 1 });
    const raw = rawMeans(scores);

    expect(rankingBy(result.calibrated)).toEqual(rankingBy(raw));
    expect(rankingBy(result.calibrated)).toEqual([3, 1, 2, 4]);
    for (const [n, mean] of raw) expect(result.calibrated.get(n)).toBeCloseTo(mean, 12);
  });

  test("separate panels are each centred on their own judges", () => {
    // Panel 1 (A, B) and panel 2 (C, D, and E with one score, below the guard) share
    // no judge or nomination, so there is no common yardstick. Panel 1 fits exactly
    // with b_A = −1, b_B = 1 whatever panel 2 holds; E's face-value score must not
    // shift panel 1 (a single, global constraint would let it).
    const panel1 = fromTable([
      [1, A, 2], [1, B, 4],
      [2, A, 3], [2, B, 5],
    ]);
    const panel2 = fromTable([
      [3, C, 1], [3, D, 2], [3, 5, 5],
      [4, C, 3], [4, D, 5],
    ]);
    const together = calibrate([...panel1, ...panel2], { minScoresPerJudge: 2 });
    const alone = calibrate(panel2, { minScoresPerJudge: 2 });

    expect(together.unadjustedJudges).toEqual([5]);
    expect(together.judgeEffects.get(A)).toBeCloseTo(-1, 9);
    expect(together.judgeEffects.get(B)).toBeCloseTo(1, 9);
    expect(together.calibrated.get(1)).toBeCloseTo(3, 9);
    expect(together.calibrated.get(2)).toBeCloseTo(4, 9);
    for (const [n, value] of alone.calibrated) expect(together.calibrated.get(n)).toBeCloseTo(value, 9);
  });

  test("no scores", () => {
    expect(calibrate([], { minScoresPerJudge: 3 })).toEqual({
      overall: 0,
      judgeEffects: new Map(),
      adjustedJudges: [],
      unadjustedJudges: [],
      calibrated: new Map(),
      iterations: 0,
      converged: true,
    });
  });

  test.each([
    { name: "a duplicate score", scores: fromTable([[1, A, 3], [1, A, 4]]), options: { minScoresPerJudge: 1 }, error: /Judge 1 has more than one score for nomination 1/ },
    { name: "a score that is not a number", scores: fromTable([[1, A, NaN]]), options: { minScoresPerJudge: 1 }, error: /not a number/ },
    { name: "a fractional guard", scores: [], options: { minScoresPerJudge: 2.5 }, error: /minScoresPerJudge/ },
    { name: "a zero iteration limit", scores: [], options: { minScoresPerJudge: 1, maxIterations: 0 }, error: /maxIterations/ },
  ])("rejects $name", ({ scores, options, error }) => {
    expect(() => calibrate(scores, options)).toThrow(error);
  });

  test("reports when the iteration limit runs out", () => {
    const result = calibrate(incompleteWithNoise(), { minScoresPerJudge: 1, maxIterations: 1 });
    expect(result).toMatchObject({ iterations: 1, converged: false });
  });
});

function incompleteWithNoise(): JudgeScore[] {
  return fromTable([
    [1, A, 4], [1, B, 3],
    [2, A, 3], [2, C, 5],
    [3, B, 2], [3, C, 4],
  ]);
}

// ---------------------------------------------------------------------------
// Properties, checked against a direct solve of the constrained normal equations.

type Design = { scores: JudgeScore[]; judges: number };

/** A connected design: nomination n is always scored by judges n mod J and (n+1) mod J. */
const connectedDesign = (scoreArb: fc.Arbitrary<number>) =>
  fc
    .record({ judges: fc.integer({ min: 2, max: 6 }), extra: fc.integer({ min: 0, max: 6 }) })
    .chain(({ judges, extra }) =>
      fc.record({
        judges: fc.constant(judges),
        nominations: fc.constant(judges + extra),
        more: fc.array(fc.array(fc.boolean(), { minLength: judges, maxLength: judges }), {
          minLength: judges + extra,
          maxLength: judges + extra,
        }),
        values: fc.array(fc.array(scoreArb, { minLength: judges, maxLength: judges }), {
          minLength: judges + extra,
          maxLength: judges + extra,
        }),
      }),
    )
    .map(({ judges, nominations, more, values }): Design => {
      const scores: JudgeScore[] = [];
      for (let n = 0; n < nominations; n++) {
        for (let j = 0; j < judges; j++) {
          const onChain = j === n % judges || j === (n + 1) % judges;
          if (onChain || more[n][j]) scores.push({ nominationId: 100 + n, judgeId: j, score: values[n][j] });
        }
      }
      return { scores, judges };
    });

const integerScore = fc.integer({ min: 1, max: 5 });
const realScore = fc.double({ min: 0, max: 10, noNaN: true });

/** Least squares with b_j = 0 for unadjusted judges and Σ count_j b_j = 0, via its KKT system. */
function referenceSolve(scores: JudgeScore[], minScoresPerJudge: number) {
  const noms = [...new Set(scores.map((s) => s.nominationId))].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const s of scores) counts.set(s.judgeId, (counts.get(s.judgeId) ?? 0) + 1);
  const adjusted = [...counts].filter(([, c]) => c >= minScoresPerJudge).map(([j]) => j).sort((a, b) => a - b);
  const size = noms.length + adjusted.length + (adjusted.length > 0 ? 1 : 0);
  const M = Array.from({ length: size }, () => new Array<number>(size + 1).fill(0));
  const mi = (n: number) => noms.indexOf(n);
  const bi = (j: number) => (adjusted.includes(j) ? noms.length + adjusted.indexOf(j) : -1);
  for (const { nominationId, judgeId, score } of scores) {
    const rows = [mi(nominationId), bi(judgeId)].filter((r) => r >= 0);
    for (const r of rows) {
      for (const c of rows) M[r][c] += 1;
      M[r][size] += score;
    }
  }
  if (adjusted.length > 0) {
    const l = size - 1;
    for (const j of adjusted) {
      M[l][bi(j)] = counts.get(j)!;
      M[bi(j)][l] = counts.get(j)!;
    }
  }
  const x = gaussianSolve(M);
  return new Map(noms.map((n, i) => [n, x[i]]));
}

function gaussianSolve(M: number[][]): number[] {
  const n = M.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) pivot = r;
    [M[col], M[pivot]] = [M[pivot], M[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = M[r][col] / M[col][col];
      for (let c = col; c <= n; c++) M[r][c] -= f * M[col][c];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

const tight = { maxIterations: 100_000, tolerance: 1e-12 };

describe("calibrate: properties", () => {
  test("matches the exact constrained least-squares solution, with or without unadjusted judges", () => {
    fc.assert(
      fc.property(connectedDesign(realScore), fc.integer({ min: 0, max: 5 }), ({ scores }, minScoresPerJudge) => {
        const result = calibrate(scores, { minScoresPerJudge, ...tight });
        expect(result.converged).toBe(true);
        for (const [n, expected] of referenceSolve(scores, minScoresPerJudge)) {
          expect(result.calibrated.get(n)).toBeCloseTo(expected, 6);
        }
      }),
    );
  });

  test("adjusted effects sum to zero weighted by counts, and overall is the mean score", () => {
    fc.assert(
      fc.property(connectedDesign(integerScore), fc.integer({ min: 0, max: 5 }), ({ scores }, minScoresPerJudge) => {
        const result = calibrate(scores, { minScoresPerJudge, ...tight });
        let weighted = 0;
        for (const j of result.adjustedJudges) {
          weighted += scores.filter((s) => s.judgeId === j).length * result.judgeEffects.get(j)!;
        }
        expect(weighted).toBeCloseTo(0, 9);
        for (const j of result.unadjustedJudges) expect(result.judgeEffects.get(j)).toBe(0);
        expect(result.overall).toBeCloseTo(scores.reduce((a, s) => a + s.score, 0) / scores.length, 12);
      }),
    );
  });

  test("adding c to every score of one adjusted judge does not move the calibrated values relative to each other", () => {
    // The level is the average judge's, so it rises by c · count_j / (all scores):
    // the same for every nomination. Differences, and so the ranking, are unchanged.
    fc.assert(
      fc.property(
        connectedDesign(realScore),
        fc.nat(),
        fc.double({ min: -5, max: 5, noNaN: true }),
        ({ scores, judges }, pick, c) => {
          const judge = pick % judges;
          const before = calibrate(scores, { minScoresPerJudge: 1, ...tight });
          const shifted = scores.map((s) => (s.judgeId === judge ? { ...s, score: s.score + c } : s));
          const after = calibrate(shifted, { minScoresPerJudge: 1, ...tight });
          expect(before.converged && after.converged).toBe(true);
          const levelShift = (c * scores.filter((s) => s.judgeId === judge).length) / scores.length;
          for (const [n, value] of before.calibrated) {
            expect(Math.abs(after.calibrated.get(n)! - levelShift - value)).toBeLessThan(1e-6);
          }
          expect(after.judgeEffects.get(judge)! - before.judgeEffects.get(judge)!).toBeCloseTo(c - levelShift, 6);
        },
      ),
    );
  });

  test("disconnected groups are calibrated independently of each other", () => {
    fc.assert(
      fc.property(
        connectedDesign(realScore),
        connectedDesign(realScore),
        fc.integer({ min: 0, max: 5 }),
        ({ scores: first }, { scores: second }, minScoresPerJudge) => {
          const moved = second.map((s) => ({ ...s, nominationId: s.nominationId + 1000, judgeId: s.judgeId + 1000 }));
          const together = calibrate([...first, ...moved], { minScoresPerJudge, ...tight });
          const alone = calibrate(first, { minScoresPerJudge, ...tight });
          for (const [n, value] of alone.calibrated) expect(together.calibrated.get(n)).toBeCloseTo(value, 6);
        },
      ),
    );
  });

  test("with complete data the calibrated values are the raw means", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(integerScore, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
        (table) => {
          const scores = table.flatMap((row, n) => row.map((score, j) => ({ nominationId: n, judgeId: j, score })));
          const result = calibrate(scores, { minScoresPerJudge: 1 });
          for (const [n, mean] of rawMeans(scores)) expect(result.calibrated.get(n)).toBeCloseTo(mean, 9);
        },
      ),
    );
  });
});

describe("calibrate: scale", () => {
  test("20,000 nominations × 3 judges drawn from 60 converges with default settings", () => {
    const scores = syntheticCycle(20_000, 60, 3, 42);
    const result = calibrate(scores, { minScoresPerJudge: 3 });
    expect(result.converged).toBe(true);
    expect(result.calibrated.size).toBe(20_000);
    expect(result.iterations).toBeLessThan(200);
  });
});
