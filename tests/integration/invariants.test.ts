/**
 * Every promise holds on every path: random sequences of the real operations, with the
 * invariants checked after every step (tests/support/invariants.ts). In `npm test` it runs a
 * fixed seed; `npm run invariants` runs it for longer from a random seed and prints the seed.
 */
import { appendFileSync } from "node:fs";
import { expect, test } from "vitest";
import { OPERATION_NAMES, runInvariants } from "../support/invariants";

const seed = Number(process.env.INVARIANTS_SEED ?? 20261128);
const minutes = Number(process.env.INVARIANTS_MINUTES ?? 0);
const numRuns = Number(process.env.INVARIANTS_RUNS ?? 20);
const maxCommands = Number(process.env.INVARIANTS_STEPS ?? 25);
const say = (line: string) => {
  console.log(line);
  if (process.env.INVARIANTS_LOG) appendFileSync(process.env.INVARIANTS_LOG, `${new Date().toISOString()} ${line}\n`);
};

test(
  minutes > 0 ? `the invariants hold for ${minutes} minutes from seed ${seed}` : `the invariants hold over ${numRuns} random sequences (seed ${seed})`,
  async () => {
    const until = Date.now() + minutes * 60_000;
    const counts: Record<string, number> = {};
    let sequences = 0;
    const failures: number[] = [];
    for (let round = 0; round === 0 || Date.now() < until; round++) {
      const roundSeed = seed + round;
      if (minutes > 0) say(`invariants: seed ${roundSeed} (replay: INVARIANTS_SEED=${roundSeed} INVARIANTS_RUNS=${numRuns} npm run invariants -- --once)`);
      try {
        const run = await runInvariants({ seed: roundSeed, numRuns, maxCommands });
        sequences += numRuns;
        for (const [name, n] of Object.entries(run.counts)) counts[name] = (counts[name] ?? 0) + n;
      } catch (error) {
        if (minutes === 0) throw error;
        // A long run reports every failing seed, then fails at the end.
        failures.push(roundSeed);
        say(`invariants: FAILED at seed ${roundSeed}:\n${(error as Error).message}`);
      }
    }
    say(`invariants: ${sequences} sequences passed; steps per operation ${JSON.stringify(counts)}`);
    expect(failures, "failing seeds").toEqual([]);
    // Which operations were drawn; a long run must have tried every one of them.
    const missing = OPERATION_NAMES.filter((name) => !counts[name]);
    if (missing.length) say(`invariants: never drawn: ${missing.join(", ")}`);
    if (minutes > 0) expect(missing, "operations never drawn").toEqual([]);
  },
  minutes > 0 ? (minutes + 15) * 60_000 : 600_000,
);
