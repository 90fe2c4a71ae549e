// Times calibration and the leaderboard on synthetic cycles.
// Run: npx tsx tests/perf/results-timing.ts   (not part of the test suite: timings vary by machine)

import { calibrate } from "../../app/domain/calibration";
import { buildLeaderboard } from "../../app/domain/leaderboard";
import { syntheticCycle } from "../fixtures/synthetic-cycle";

const RUNS = 7;

for (const size of [2_000, 20_000, 200_000]) {
  const scores = syntheticCycle(size, 60, 3, 7);
  const nominations = Array.from({ length: size }, (_, id) => ({ id, label: `Nomination ${id}` }));
  const median = (f: () => void) => {
    f(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      f();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[RUNS >> 1].toFixed(1);
  };
  const { iterations, converged } = calibrate(scores, { minScoresPerJudge: 3 });
  const calibration = median(() => calibrate(scores, { minScoresPerJudge: 3 }));
  const leaderboard = median(() =>
    buildLeaderboard({ nominations, scores, minScoresPerJudge: 3, disagreementThreshold: 2, method: "calibrated" }),
  );
  console.log(
    `${size} nominations × 3 of 60 judges: calibrate ${calibration} ms (${iterations} passes, converged ${converged}), ` +
      `buildLeaderboard ${leaderboard} ms (median of ${RUNS})`,
  );
}
