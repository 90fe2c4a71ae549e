// How far the results can be trusted (docs/decisions/022): an interval on each
// score, how sure each place in the ranking is, and which parts of a panel the
// calibration cannot compare at all.
//
// Intervals come from the least-squares fit itself. For the additive model
// score = level_n + b_j + noise (calibration.ts), absorbing the nomination
// levels leaves the judges' reduced normal matrix
//
//   C[j][j'] = count_j · [j = j'] − Σ_{n scored by both} 1 / count_n
//
// over the adjusted judges. Bordering C with the calibration's constraints
// (Σ count_j · b_j = 0 per connected group) and inverting gives P, with
// Cov(b̂) = σ² P; then, with w_n the adjusted judges who scored n,
//
//   Cov(level_n, level_m) = σ² ([n = m] / count_n + w_n' P w_m / (count_n · count_m))
//
// exactly, not by approximation. σ² is the residual variance on the fit's
// degrees of freedom, and the interval uses Student's t on those.

import jstat from "jstat";
import { graphRoots, type CalibrationResult, type JudgeScore } from "./calibration";

const { jStat } = jstat;

export const CONFIDENCE = 0.95;
/** Below this probability of being truly above the next entry, the shortlist's edge is unclear. */
export const CLEAR_BOUNDARY = 0.9;
/** A judge who shares fewer nominations than this with other judges is compared through too little. */
export const MIN_COMMON_NOMINATIONS = 2;

export type Interval = { low: number; high: number };

export type ScoreUncertainty = {
  /** Residual standard deviation of the fit; null when there are no degrees of freedom left. */
  residualSd: number | null;
  df: number;
  /** Standard error of each nomination's score (calibrated or raw); missing when unknown. */
  se: Map<number, number>;
  interval: Map<number, Interval>;
  /** Covariance of two nominations' scores (variance when n = m); null when σ is unknown. */
  covariance(n: number, m: number): number | null;
};

const EMPTY: ScoreUncertainty = { residualSd: null, df: 0, se: new Map(), interval: new Map(), covariance: () => null };

function tCritical(df: number, confidence: number) {
  return jStat.studentt.inv(1 - (1 - confidence) / 2, df);
}

function intervalsFor(values: Map<number, number>, se: Map<number, number>, df: number, confidence: number) {
  const t = tCritical(df, confidence);
  const interval = new Map<number, Interval>();
  for (const [id, s] of se) {
    const v = values.get(id)!;
    interval.set(id, { low: v - t * s, high: v + t * s });
  }
  return interval;
}

/**
 * Uncertainty of the raw means: one-way model, σ² pooled within nominations,
 * means independent with variance σ² / count.
 */
export function rawUncertainty(scores: JudgeScore[], confidence = CONFIDENCE): ScoreUncertainty {
  const sum = new Map<number, number>();
  const count = new Map<number, number>();
  for (const s of scores) {
    sum.set(s.nominationId, (sum.get(s.nominationId) ?? 0) + s.score);
    count.set(s.nominationId, (count.get(s.nominationId) ?? 0) + 1);
  }
  const mean = new Map([...sum].map(([id, total]) => [id, total / count.get(id)!]));
  let rss = 0;
  for (const s of scores) rss += (s.score - mean.get(s.nominationId)!) ** 2;
  const df = scores.length - mean.size;
  if (df < 1) return { ...EMPTY, df: Math.max(df, 0) };
  const variance = rss / df;
  const se = new Map([...count].map(([id, c]) => [id, Math.sqrt(variance / c)]));
  return {
    residualSd: Math.sqrt(variance),
    df,
    se,
    interval: intervalsFor(mean, se, df, confidence),
    covariance: (n, m) => (n === m && count.has(n) ? variance / count.get(n)! : 0),
  };
}

/** Uncertainty of the calibrated scores, from the least-squares fit (see the top of this file). */
export function calibratedUncertainty(
  scores: JudgeScore[],
  calibration: Pick<CalibrationResult, "calibrated" | "judgeEffects" | "adjustedJudges">,
  confidence = CONFIDENCE,
): ScoreUncertainty {
  const graph = componentOf(scores);
  const { nominationIds, judgeIds, nom, judge } = graph;
  const N = nominationIds.length;
  // Adjusted judges are numbered 0..A−1; the rest (effect fixed at 0) are −1.
  const adjusted = new Set(calibration.adjustedJudges);
  const slot = new Int32Array(judgeIds.length).fill(-1);
  let A = 0;
  judgeIds.forEach((id, j) => {
    if (adjusted.has(id)) slot[j] = A++;
  });

  const countN = new Float64Array(N);
  const countJ = new Float64Array(A);
  const judgesOf: number[][] = Array.from({ length: N }, () => []); // per nomination: its adjusted judges' slots
  let rss = 0;
  for (let k = 0; k < scores.length; k++) {
    const s = scores[k];
    countN[nom[k]]++;
    rss += (s.score - calibration.calibrated.get(s.nominationId)! - (calibration.judgeEffects.get(s.judgeId) ?? 0)) ** 2;
    const a = slot[judge[k]];
    if (a < 0) continue;
    countJ[a]++;
    judgesOf[nom[k]].push(a);
  }

  // The constraints: one per connected group that has adjusted judges.
  const groupSlot = new Map<number, number>();
  for (let j = 0; j < judgeIds.length; j++) {
    if (slot[j] >= 0 && !groupSlot.has(graph.judgeRoot[j])) groupSlot.set(graph.judgeRoot[j], groupSlot.size);
  }
  const G = groupSlot.size;
  const df = scores.length - N - A + G;
  if (df < 1) return { ...EMPTY, df: Math.max(df, 0) };
  const variance = rss / df;

  const size = A + G;
  const bordered = Array.from({ length: size }, () => new Float64Array(size));
  for (let a = 0; a < A; a++) bordered[a][a] = countJ[a];
  for (let n = 0; n < N; n++) {
    const js = judgesOf[n];
    const share = 1 / countN[n];
    for (const a of js) for (const b of js) bordered[a][b] -= share;
  }
  for (let j = 0; j < judgeIds.length; j++) {
    const a = slot[j];
    if (a < 0) continue;
    const g = A + groupSlot.get(graph.judgeRoot[j])!;
    bordered[a][g] = countJ[a];
    bordered[g][a] = countJ[a];
  }
  const P = invert(bordered);

  const covarianceAt = (n: number, m: number) => {
    let quad = 0;
    for (const a of judgesOf[n]) for (const b of judgesOf[m]) quad += P[a][b];
    return variance * ((n === m ? 1 / countN[n] : 0) + quad / (countN[n] * countN[m]));
  };
  const se = new Map<number, number>();
  for (let n = 0; n < N; n++) se.set(nominationIds[n], Math.sqrt(Math.max(covarianceAt(n, n), 0)));
  return {
    residualSd: Math.sqrt(variance),
    df,
    se,
    interval: intervalsFor(calibration.calibrated, se, df, confidence),
    covariance: (n, m) => {
      const i = graph.nomIndex.get(n);
      const k = graph.nomIndex.get(m);
      return i === undefined || k === undefined ? null : covarianceAt(i, k);
    },
  };
}

/**
 * The probability that an entry scoring `higher` truly ranks above one scoring `lower`:
 * P(difference > 0) under Student's t with the fit's degrees of freedom.
 */
export function probabilityAbove(higher: number, lower: number, varianceOfDifference: number, df: number): number {
  const diff = higher - lower;
  if (Math.abs(diff) < 1e-9) return 0.5;
  if (!(varianceOfDifference > 1e-12)) return diff > 1e-9 ? 1 : diff < -1e-9 ? 0 : 0.5;
  return jStat.studentt.cdf(diff / Math.sqrt(varianceOfDifference), df);
}

/**
 * For entries in ranked order, the probability that each is truly above the next one
 * (null for the last, and wherever the uncertainty is unknown).
 */
export function neighbourProbabilities(ordered: { id: number; value: number }[], uncertainty: ScoreUncertainty): (number | null)[] {
  return ordered.map((entry, i) => {
    const next = ordered[i + 1];
    if (!next) return null;
    const vn = uncertainty.covariance(entry.id, entry.id);
    const vm = uncertainty.covariance(next.id, next.id);
    const c = uncertainty.covariance(entry.id, next.id);
    if (vn === null || vm === null || c === null) return null;
    return probabilityAbove(entry.value, next.value, vn + vm - 2 * c, uncertainty.df);
  });
}

export type ShortlistBoundary = {
  /** The last entry inside and the first outside the top `size`, by the ranking. */
  lastIn: number;
  firstOut: number;
  probability: number | null;
  clear: boolean;
};

/**
 * Whether the edge of a shortlist of `size` is clear: the last entry inside must be
 * above the first outside with probability at least CLEAR_BOUNDARY. Null when there is
 * no edge (fewer ranked entries than places, or no places).
 */
export function shortlistBoundary(
  ranked: { nominationId: number; aboveNext: number | null }[],
  size: number,
): ShortlistBoundary | null {
  if (size < 1 || ranked.length <= size) return null;
  const lastIn = ranked[size - 1];
  const probability = lastIn.aboveNext;
  return {
    lastIn: lastIn.nominationId,
    firstOut: ranked[size].nominationId,
    probability,
    clear: probability !== null && probability >= CLEAR_BOUNDARY,
  };
}

// ---------------------------------------------------------------- identifiability

export type Identifiability = {
  /** Each connected part of the judge–nomination graph; more than one means no common yardstick. */
  parts: { judgeIds: number[]; nominationIds: number[] }[];
  connected: boolean;
  /** Judges sharing fewer than MIN_COMMON_NOMINATIONS nominations with any other judge. */
  weaklyLinked: { judgeId: number; common: number }[];
};

/** Which judges and nominations the calibration can compare, and where the links are thin. */
export function identifiability(scores: JudgeScore[], minCommon = MIN_COMMON_NOMINATIONS): Identifiability {
  const { nominationIds, judgeIds, nom, judge, judgeRoot, nominationRoot } = componentOf(scores);
  const parts = new Map<number, { judgeIds: number[]; nominationIds: number[] }>();
  const part = (root: number) => {
    let p = parts.get(root);
    if (!p) parts.set(root, (p = { judgeIds: [], nominationIds: [] }));
    return p;
  };
  judgeIds.forEach((id, j) => part(judgeRoot[j]).judgeIds.push(id));
  nominationIds.forEach((id, n) => part(nominationRoot[n]).nominationIds.push(id));
  const sorted = [...parts.values()]
    .map((p) => ({ judgeIds: p.judgeIds.sort((a, b) => a - b), nominationIds: p.nominationIds.sort((a, b) => a - b) }))
    .sort((a, b) => b.nominationIds.length - a.nominationIds.length || a.judgeIds[0] - b.judgeIds[0]);

  const judgesPerNomination = new Int32Array(nominationIds.length);
  for (let k = 0; k < nom.length; k++) judgesPerNomination[nom[k]]++;
  const common = new Int32Array(judgeIds.length);
  for (let k = 0; k < nom.length; k++) if (judgesPerNomination[nom[k]] > 1) common[judge[k]]++;
  const weaklyLinked = judgeIds
    .map((judgeId, j) => ({ judgeId, common: common[j] }))
    .filter((j) => j.common < minCommon)
    .sort((a, b) => a.judgeId - b.judgeId);
  return { parts: sorted, connected: sorted.length <= 1, weaklyLinked };
}

/** The graph of scores: dense indices for nominations and judges, and each one's connected part. */
function componentOf(scores: JudgeScore[]) {
  const nomIndex = new Map<number, number>();
  const judgeIndex = new Map<number, number>();
  const nominationIds: number[] = [];
  const judgeIds: number[] = [];
  const nom = new Int32Array(scores.length);
  const judge = new Int32Array(scores.length);
  scores.forEach((s, k) => {
    let n = nomIndex.get(s.nominationId);
    if (n === undefined) nomIndex.set(s.nominationId, (n = nominationIds.push(s.nominationId) - 1));
    let j = judgeIndex.get(s.judgeId);
    if (j === undefined) judgeIndex.set(s.judgeId, (j = judgeIds.push(s.judgeId) - 1));
    nom[k] = n;
    judge[k] = j;
  });
  const N = nominationIds.length;
  const roots = graphRoots(N, judgeIds.length, nom, judge);
  const nominationRoot = roots.slice(0, N);
  const judgeRoot = roots.slice(N);
  return { nomIndex, nominationIds, judgeIds, nom, judge, nominationRoot, judgeRoot };
}

/** Gauss–Jordan inverse with partial pivoting; the bordered matrix is small (judges + groups). */
function invert(matrix: Float64Array[]): Float64Array[] {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const inv = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12) throw new Error("The calibration's normal equations are singular.");
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [inv[col], inv[pivot]] = [inv[pivot], inv[col]];
    const p = a[col][col];
    for (let c = 0; c < n; c++) {
      a[col][c] /= p;
      inv[col][c] /= p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col];
      if (f === 0) continue;
      for (let c = 0; c < n; c++) {
        a[r][c] -= f * a[col][c];
        inv[r][c] -= f * inv[col][c];
      }
    }
  }
  return inv;
}
