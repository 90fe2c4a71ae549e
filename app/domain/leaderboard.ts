// The results table an admin reads before shortlisting: each nomination's raw
// and calibrated score, how far its judges disagreed, and its rank by the
// method the cycle chose.

import { calibrate, type JudgeScore } from "./calibration";
import { krippendorffAlphaInterval } from "./reliability";
import {
  CONFIDENCE,
  calibratedUncertainty,
  identifiability,
  neighbourProbabilities,
  rawUncertainty,
  type Identifiability,
  type Interval,
} from "./uncertainty";

export type RankingMethod = "calibrated" | "raw";

export type LeaderboardInput = {
  nominations: { id: number; label: string }[];
  scores: JudgeScore[]; // non-voided, final weighted scores
  minScoresPerJudge: number; // calibration guard, e.g. 3
  disagreementThreshold: number; // see hasDisagreement
  method: RankingMethod;
};

export type LeaderboardRow = {
  nominationId: number;
  label: string;
  mean: number | null; // raw mean of the weighted scores
  calibrated: number | null;
  count: number;
  spread: number | null; // = range: the figure the disagreement rule uses
  sd: number | null; // sample standard deviation (n − 1); null below 2 scores
  range: number | null; // max − min; null below 2 scores
  disagreement: boolean;
  judgeScores: { judgeId: number; score: number; adjusted: boolean }[]; // by judge id
  rank: number | null; // competition ranking ("1,2,2,4"); null when unscored
  tied: boolean; // shares its rank with another row
  calibratedInterval: Interval | null; // CONFIDENCE interval from the fit (docs/decisions/022)
  meanInterval: Interval | null;
  /** Probability that this row truly ranks above the next ranked row, by the ranking method. */
  aboveNext: number | null;
};

export type Leaderboard = {
  rows: LeaderboardRow[];
  alpha: number | null; // Krippendorff's alpha (interval) over all scores
  unadjustedJudges: number[];
  method: RankingMethod;
  calibrationConverged: boolean; // false would mean calibrated values are not final
  confidence: number; // of the intervals, e.g. 0.95
  identifiability: Identifiability;
};

// Scores are compared at 3 decimals so that 3.9999999999 and 4 tie, and so
// that a difference nobody can see on the page does not split a tie.
const COMPARE_DECIMALS = 3;
const compareKey = (x: number) => Math.round(x * 10 ** COMPARE_DECIMALS);

/**
 * The disagreement rule: flag a nomination when its judges' scores span at
 * least `threshold` points (max − min, compared at 3 decimals). One score
 * cannot disagree with itself, so fewer than two scores are never flagged.
 */
export function hasDisagreement(scores: number[], threshold: number): boolean {
  if (scores.length < 2) return false;
  return compareKey(Math.max(...scores) - Math.min(...scores)) >= compareKey(threshold);
}

/** 1-based competition ranking, highest first, with values equal at 3 decimals tied. */
export function competitionRanks(values: number[]): { rank: number; tied: boolean }[] {
  const keys = values.map(compareKey);
  const order = keys.map((_, i) => i).sort((a, b) => keys[b] - keys[a]);
  const result = new Array<{ rank: number; tied: boolean }>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && keys[order[end + 1]] === keys[order[start]]) end++;
    for (let i = start; i <= end; i++) result[order[i]] = { rank: start + 1, tied: end > start };
    start = end + 1;
  }
  return result;
}

const UNRANKED = Number.MAX_SAFE_INTEGER; // sorts unscored rows last
const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

export function buildLeaderboard(input: LeaderboardInput): Leaderboard {
  const { nominations, scores, minScoresPerJudge, disagreementThreshold, method } = input;

  const byNomination = new Map<number, JudgeScore[]>();
  for (const { id } of nominations) {
    if (byNomination.has(id)) throw new Error(`Nomination ${id} is listed twice.`);
    byNomination.set(id, []);
  }
  for (const s of scores) {
    const list = byNomination.get(s.nominationId);
    if (!list) throw new Error(`A score refers to nomination ${s.nominationId}, which is not listed.`);
    list.push(s);
  }

  const calibration = calibrate(scores, { minScoresPerJudge });
  const unadjusted = new Set(calibration.unadjustedJudges);

  const rows: LeaderboardRow[] = nominations.map(({ id, label }) => {
    const own = byNomination.get(id)!;
    const values = own.map((s) => s.score);
    const count = values.length;
    const mean = count === 0 ? null : values.reduce((a, b) => a + b, 0) / count;
    const range = count < 2 ? null : Math.max(...values) - Math.min(...values);
    return {
      nominationId: id,
      label,
      mean,
      calibrated: calibration.calibrated.get(id) ?? null,
      count,
      spread: range,
      sd: count < 2 ? null : sampleSd(values, mean!),
      range,
      disagreement: hasDisagreement(values, disagreementThreshold),
      judgeScores: own
        .map((s) => ({ judgeId: s.judgeId, score: s.score, adjusted: !unadjusted.has(s.judgeId) }))
        .sort((a, b) => a.judgeId - b.judgeId),
      rank: null,
      tied: false,
      calibratedInterval: null,
      meanInterval: null,
      aboveNext: null,
    };
  });

  const scored = rows.filter((r) => r.count > 0);
  const ranks = competitionRanks(scored.map((r) => (method === "raw" ? r.mean! : r.calibrated!)));
  scored.forEach((row, i) => Object.assign(row, ranks[i]));

  rows.sort(
    (a, b) =>
      (a.rank ?? UNRANKED) - (b.rank ?? UNRANKED) ||
      collator.compare(a.label, b.label) ||
      a.nominationId - b.nominationId,
  );

  const calibratedError = calibratedUncertainty(scores, calibration);
  const rawError = rawUncertainty(scores);
  for (const row of scored) {
    row.calibratedInterval = calibratedError.interval.get(row.nominationId) ?? null;
    row.meanInterval = rawError.interval.get(row.nominationId) ?? null;
  }
  const ranked = rows.filter((r) => r.rank !== null);
  const probabilities = neighbourProbabilities(
    ranked.map((r) => ({ id: r.nominationId, value: method === "raw" ? r.mean! : r.calibrated! })),
    method === "raw" ? rawError : calibratedError,
  );
  ranked.forEach((row, i) => (row.aboveNext = probabilities[i]));

  return {
    rows,
    confidence: CONFIDENCE,
    identifiability: identifiability(scores),
    // Each nomination is a unit and each judge a coder; alpha needs only the
    // values per unit, not which judge gave them, so no sparse matrix is built.
    alpha: krippendorffAlphaInterval(scored.map((r) => r.judgeScores.map((s) => s.score))),
    unadjustedJudges: calibration.unadjustedJudges,
    method,
    calibrationConverged: calibration.converged,
  };
}

function sampleSd(values: number[], mean: number): number {
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}
