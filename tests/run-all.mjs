// `npm test`: every check a change must pass, in order, with one closing count.
// Type-check, lint, the production build, unit and integration tests (PGlite, and
// PostgreSQL at TEST_DATABASE_URL) and the benchmark's smoke run, then Playwright in Chromium.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import postgres from "postgres";

process.env.TEST_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
const out = "tests/.tmp/results";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

try {
  const sql = postgres(process.env.TEST_DATABASE_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  await sql`select 1`;
  await sql.end();
} catch (error) {
  console.error(`PostgreSQL is not answering at TEST_DATABASE_URL=${process.env.TEST_DATABASE_URL}:`);
  console.error(`  ${error.message}`);
  console.error("Start it, or set TEST_DATABASE_URL to a server where tests may create and drop databases.");
  process.exit(1);
}

const steps = [
  ["type-check", "npx", ["tsc"]],
  ["lint", "npx", ["eslint", "--config", ".ci/eslint.config.mjs", "."]],
  // Built before vitest: the benchmark's smoke test (tests/bench) drives the built server.
  ["production build", "npm", ["run", "build"]],
  ["unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest.json`]],
  ["end-to-end tests", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` }],
];

let failedStep = null;
for (const [name, command, args, env] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

function read(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}
let passed = 0;
let failed = 0;
const vitest = read(`${out}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
const playwright = read(`${out}/playwright.json`);
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
}
console.log();
if (failedStep) console.log(`Stopped at: ${failedStep}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedStep || failed > 0 ? 1 : 0);
