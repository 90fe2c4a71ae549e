/**
 * The benchmark must keep running: `npm run bench` at smoke sizes (20 nominations, 6
 * judges, about a second of load per figure), on PGlite and, when the suite has one, on
 * PostgreSQL. It checks that the table is printed with every row and every ratio, not the
 * goals: timings on a shared test machine say nothing.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { ROOT } from "./processes";

const EXPECTED_ROWS = [
  /^requests\/s `\/` \| [\d,]+ req\/s .*\| [\d,]+ req\/s \| \d+\.\d\d \|/,
  /^requests\/s `\/nominate\/<slug>` \| [\d,]+ req\/s .*\| [\d,]+ req\/s \| \d+\.\d\d \|/,
  /^requests\/s `\/winners\/<year>` \| [\d,]+ req\/s .*\| [\d,]+ req\/s \| \d+\.\d\d \|/,
  /^300 announcement emails, mock API at 2 requests\/s \| [\d.,]+ s \| [\d.,]+ s \|/,
  /^300 announcement emails, kill -9 of the server mid-batch: duplicates \/ lost \| \d+ \/ \d+ \|/,
  /^confirmed submissions\/s \(submit \+ confirm over HTTP\) \| [\d.,]+\/s \| [\d.,]+\/s \| \d+\.\d\d \|/,
  /^save a score, 6 judges at once, back to back: p50 \/ p95 \/ p99 \| [\d.,]+ ms \/ [\d.,]+ ms \/ [\d.,]+ ms \|/,
  /^save a score, 6 judges, each every 2 s: p50 \/ p95 \/ p99 \| [\d.,]+ ms \/ [\d.,]+ ms \/ [\d.,]+ ms \|/,
  /^leaderboard with calibration, 20 nominations \| [\d.,]+ ms \|/,
  /^leaderboard with calibration, 200 nominations \| [\d.,]+ ms \| – \| [\d.,]+× \(growth\) \|/,
  /^assignment solve, 20 nominations × 6 judges, k = 3 \| [\d.,]+ ms \|/,
  /^assignment solve, 200 nominations \| [\d.,]+ ms \| – \| [\d.,]+× \(growth\) \|/,
  /^server peak RSS under the load above \| [\d.,]+ MB \|/,
  // Every public page, in English and under /cy.
  ...["", "/cy"].flatMap((prefix) =>
    ["/", "/nominate/<slug>", "/winners/<year>", "/nominate", "/winners", "/archive", "/login", ...["nominee", "nominator", "case", "files", "check"].map((step) => `/nominate/<slug>/${step}`)].map(
      (path) => new RegExp(`^JavaScript per page, gzipped: \`${(prefix && path === "/" ? prefix : prefix + path).replace(/\//g, "\\/")}\` \\| [\\d.,]+ KB \\|`),
    ),
  ),
];

function runSmoke(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "tests/bench/run.ts"], {
    cwd: ROOT,
    env: { ...process.env, BENCH_SIZE: "smoke", BENCH_LIGHTHOUSE: "0", BENCH_PORT: "", ...env },
    encoding: "utf8",
    timeout: 450_000,
  });
  const rows = result.stdout
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| figure") && !line.startsWith("| ---"))
    .map((line) => line.slice(2));
  return { status: result.status, rows, output: `${result.stdout}\n${result.stderr}` };
}

function expectFullTable({ status, rows, output }: ReturnType<typeof runSmoke>) {
  expect(rows.filter((r) => r.includes("| FAILED |")), output).toEqual([]);
  for (const pattern of EXPECTED_ROWS) expect(rows.some((r) => pattern.test(r)), `no row matching ${pattern}\n${output}`).toBe(true);
  expect(rows).toHaveLength(EXPECTED_ROWS.length);
  expect(status, output).toBe(0);
}

describe("npm run bench (smoke sizes)", () => {
  test("runs on PGlite and prints every figure", () => {
    const env: Record<string, string> = { DATABASE_URL: "" };
    expectFullTable(runSmoke(env));
  });

  test.runIf(Boolean(process.env.TEST_DATABASE_URL))("runs on PostgreSQL in a database of its own, and drops it", async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const run = runSmoke({ DATABASE_URL: url });
    expectFullTable(run);
    const name = /database (csa_bench_[0-9a-f]+)/.exec(run.output)?.[1];
    expect(name, run.output).toBeDefined();
    const { default: postgres } = await import("postgres");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const left = await sql`select datname from pg_database where datname = ${name!}`;
    await sql.end();
    expect(left).toEqual([]);
  });
});
