// `npm run invariants`: the model-based test of tests/integration/invariants.test.ts, longer
// and from a random seed, on PGlite or PostgreSQL. Every seed it tries is printed, so a
// failure can be replayed: INVARIANTS_SEED=<seed> npm run invariants -- --once.
//   npm run invariants -- [--db pglite|postgres] [--minutes 30] [--once]
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const db = option("db", "pglite");
const once = args.includes("--once");
const seed = process.env.INVARIANTS_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const minutes = once ? "0" : option("minutes", "30");
process.env.TEST_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
console.log(`invariants on ${db}: seed ${seed}, ${once ? "one round" : `${minutes} minutes`}`);
const result = spawnSync(
  "npx",
  ["vitest", "run", "--silent=false", "--project", `integration:${db}`, "tests/integration/invariants.test.ts"],
  {
    stdio: "inherit",
    env: { ...process.env, INVARIANTS_LOG: process.env.INVARIANTS_LOG ?? `tests/.tmp/invariants-${db}.log`, INVARIANTS_SEED: seed, INVARIANTS_MINUTES: minutes, INVARIANTS_RUNS: process.env.INVARIANTS_RUNS ?? "5" },
  },
);
console.log(`invariants on ${db}: seed ${seed}: ${result.status === 0 ? "passed" : "FAILED"}`);
process.exit(result.status ?? 1);
