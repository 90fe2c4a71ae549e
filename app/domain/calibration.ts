// Judges differ in leniency. To compare nominations scored by different
// judges we fit the additive model
//
//   score(nomination n, judge j) = overall + a_n + b_j + noise
//
// by least squares, and report overall + a_n: what an average judge would have
// given. See docs/decisions/005-calibration-model.md for why this model.
//
// Identifiability: adding c to every b_j and subtracting it from every a_n
// fits equally well, so one constraint per connected group of judges and
// nominations is needed. We use Σ count_j · b_j = 0 over the adjusted judges
// of each group (weighted by how many scores each judge gave). With that
// choice the residuals of each nomination sum to zero, so `overall` is exactly
// the plain mean of all scores and the calibrated values stay on the level of
// the raw scores. The constraint is per group because groups that share no
// judge or nomination (e.g. separate panels) have no common yardstick: each
// group's level is set by its own average judge.
//
// Judges with fewer than `minScoresPerJudge` scores are not adjusted: their
// effect is fixed at 0, i.e. their scores are taken at face value as an
// average judge's. The fit is then the least-squares fit under that
// restriction and the constraint above.

export type JudgeScore = { nominationId: number; judgeId: number; score: number };

export type CalibrationOptions = {
  minScoresPerJudge: number;
  maxIterations?: number; // default 1000
  tolerance?: number; // on the score scale; default 1e-10
};

export type CalibrationResult = {
  overall: number; // mean of all scores; 0 when there are none
  judgeEffects: Map<number, number>; // 0 for judges not adjusted
  adjustedJudges: number[];
  unadjustedJudges: number[];
  calibrated: Map<number, number>; // per nomination: overall + a_n
  iterations: number;
  converged: boolean; // false only if maxIterations ran out
};

const DEFAULT_MAX_ITERATIONS = 1000;
const DEFAULT_TOLERANCE = 1e-10;

/**
 * Least-squares fit by backfitting: alternately set each nomination's level
 * to its mean score net of judge effects, then each adjusted judge's effect
 * to its mean residual, re-centred within its group. Each half-step is the
 * exact constrained minimiser given the other half (the re-centring is the
 * Lagrange step for the constraint), so the sum of squares never rises and
 * the iteration converges to the least-squares solution. One pass costs
 * O(scores); well-connected designs need a few dozen passes.
 */
export function calibrate(scores: JudgeScore[], options: CalibrationOptions): CalibrationResult {
  const { minScoresPerJudge } = options;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(Number.isInteger(minScoresPerJudge) && minScoresPerJudge >= 0)) {
    throw new Error(`minScoresPerJudge must be a whole number ≥ 0, got ${minScoresPerJudge}.`);
  }
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new Error(`maxIterations must be a whole number ≥ 1, got ${maxIterations}.`);
  }
  if (!(tolerance > 0)) throw new Error(`tolerance must be positive, got ${tolerance}.`);

  const design = indexScores(scores);
  const { nominationIds, judgeIds, nom, judge, y } = design;
  const N = nominationIds.length;
  const J = judgeIds.length;
  const K = y.length;

  const nomCount = new Float64Array(N);
  const judgeCount = new Float64Array(J);
  let total = 0;
  for (let k = 0; k < K; k++) {
    nomCount[nom[k]]++;
    judgeCount[judge[k]]++;
    total += y[k];
  }
  const adjusted = new Uint8Array(J);
  for (let j = 0; j < J; j++) adjusted[j] = judgeCount[j] >= minScoresPerJudge ? 1 : 0;

  const group = judgeGroups(design);
  const groupWeight = new Float64Array(J); // indexed by group id (< J)
  for (let j = 0; j < J; j++) if (adjusted[j]) groupWeight[group[j]] += judgeCount[j];

  const level = new Float64Array(N); // overall + a_n
  const effect = new Float64Array(J); // b_j
  const sums = new Float64Array(Math.max(N, J));
  const centre = new Float64Array(J);

  for (let k = 0; k < K; k++) sums[nom[k]] += y[k];
  for (let n = 0; n < N; n++) level[n] = sums[n] / nomCount[n];

  let iterations = 0;
  let converged = K === 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let change = 0;

    sums.fill(0, 0, J);
    for (let k = 0; k < K; k++) sums[judge[k]] += y[k] - level[nom[k]];
    centre.fill(0);
    for (let j = 0; j < J; j++) {
      if (adjusted[j]) centre[group[j]] += sums[j]; // Σ count_j · (mean residual_j)
    }
    for (let j = 0; j < J; j++) {
      if (!adjusted[j]) continue;
      const next = sums[j] / judgeCount[j] - centre[group[j]] / groupWeight[group[j]];
      change = Math.max(change, Math.abs(next - effect[j]));
      effect[j] = next;
    }

    sums.fill(0, 0, N);
    for (let k = 0; k < K; k++) sums[nom[k]] += y[k] - effect[judge[k]];
    for (let n = 0; n < N; n++) {
      const next = sums[n] / nomCount[n];
      change = Math.max(change, Math.abs(next - level[n]));
      level[n] = next;
    }

    converged = change <= tolerance;
  }

  const judgeEffects = new Map<number, number>();
  const adjustedJudges: number[] = [];
  const unadjustedJudges: number[] = [];
  for (const j of sortedIndex(judgeIds)) {
    judgeEffects.set(judgeIds[j], effect[j]);
    (adjusted[j] ? adjustedJudges : unadjustedJudges).push(judgeIds[j]);
  }
  const calibrated = new Map<number, number>();
  for (const n of sortedIndex(nominationIds)) calibrated.set(nominationIds[n], level[n]);

  return {
    overall: K === 0 ? 0 : total / K,
    judgeEffects,
    adjustedJudges,
    unadjustedJudges,
    calibrated,
    iterations,
    converged,
  };
}

type Design = {
  nominationIds: number[];
  judgeIds: number[];
  nom: Int32Array; // per score: index into nominationIds
  judge: Int32Array; // per score: index into judgeIds
  y: Float64Array;
};

function indexScores(scores: JudgeScore[]): Design {
  const nomIndex = new Map<number, number>();
  const judgeIndex = new Map<number, number>();
  const nominationIds: number[] = [];
  const judgeIds: number[] = [];
  const K = scores.length;
  const nom = new Int32Array(K);
  const judge = new Int32Array(K);
  const y = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const { nominationId, judgeId, score } = scores[k];
    if (!Number.isFinite(score)) {
      throw new Error(`Judge ${judgeId}'s score for nomination ${nominationId} is not a number.`);
    }
    let n = nomIndex.get(nominationId);
    if (n === undefined) nomIndex.set(nominationId, (n = nominationIds.push(nominationId) - 1));
    let j = judgeIndex.get(judgeId);
    if (j === undefined) judgeIndex.set(judgeId, (j = judgeIds.push(judgeId) - 1));
    nom[k] = n;
    judge[k] = j;
    y[k] = score;
  }
  // Two scores from one judge for one nomination would double that judge's
  // weight; it means a voided or superseded score was not filtered out.
  // Checked by grouping scores per nomination (counting sort) and marking each
  // judge with the last nomination seen, which stays linear where a Set of
  // pairs slows badly at hundreds of thousands of entries.
  const start = new Int32Array(nominationIds.length + 1);
  for (let k = 0; k < K; k++) start[nom[k] + 1]++;
  for (let n = 0; n < nominationIds.length; n++) start[n + 1] += start[n];
  const fill = start.slice(0, nominationIds.length);
  const byNomination = new Int32Array(K);
  for (let k = 0; k < K; k++) byNomination[fill[nom[k]]++] = k;
  const lastNomination = new Int32Array(judgeIds.length).fill(-1);
  for (let n = 0; n < nominationIds.length; n++) {
    for (let i = start[n]; i < start[n + 1]; i++) {
      const j = judge[byNomination[i]];
      if (lastNomination[j] === n) {
        throw new Error(`Judge ${judgeIds[j]} has more than one score for nomination ${nominationIds[n]}.`);
      }
      lastNomination[j] = n;
    }
  }
  return { nominationIds, judgeIds, nom, judge, y };
}

/**
 * The connected parts of the judge–nomination graph (union–find): the root of each node,
 * nominations first (0..N-1), then judges (N..N+J-1). Two nodes share a root when scores link them.
 */
export function graphRoots(nominations: number, judges: number, nom: ArrayLike<number>, judge: ArrayLike<number>): Int32Array {
  const parent = new Int32Array(nominations + judges);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let k = 0; k < nom.length; k++) {
    const a = find(nom[k]);
    const b = find(nominations + judge[k]);
    if (a !== b) parent[a] = b;
  }
  return Int32Array.from(parent, (_, i) => find(i));
}

/** Connected groups of the judge–nomination graph, as a group id per judge. */
function judgeGroups({ nominationIds, judgeIds, nom, judge }: Design): Int32Array {
  const N = nominationIds.length;
  const J = judgeIds.length;
  const roots = graphRoots(N, J, nom, judge);
  // Renumber roots to 0..groups-1 so group ids can index arrays of length J.
  const id = new Map<number, number>();
  const group = new Int32Array(J);
  for (let j = 0; j < J; j++) {
    const root = roots[N + j];
    let g = id.get(root);
    if (g === undefined) id.set(root, (g = id.size));
    group[j] = g;
  }
  return group;
}

function sortedIndex(ids: number[]): number[] {
  return ids.map((_, i) => i).sort((a, b) => ids[a] - ids[b]);
}
