/**
 * The full-size runs, by hand (needs `npm run build` and PostgreSQL at TEST_DATABASE_URL):
 *   npm run load     200 nominators for 60 s
 *   npm run faults   the same with `kill -9` of the server at 20 s, and PGlite killed mid-write
 * Options: --concurrency N --seconds S --port P --write (append the figures to
 * docs/benchmarks.md). Exits non-zero when a promise is broken.
 */
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadScenario, percentile } from "./harness";

const { values } = parseArgs({
  options: {
    mode: { type: "string", default: "load" },
    concurrency: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "3760" },
    write: { type: "boolean", default: false },
  },
});
const concurrency = Number(values.concurrency);
const seconds = Number(values.seconds);
const port = Number(values.port);

const runs =
  values.mode === "faults"
    ? [
        { name: `kill -9 at ${Math.round(seconds / 3)} s, PostgreSQL`, opts: { port, concurrency, seconds, killAfterSeconds: Math.round(seconds / 3) } },
        { name: `kill -9 at ${Math.round(seconds / 3)} s, PGlite`, opts: { port: port + 1, concurrency: Math.min(concurrency, 20), seconds, killAfterSeconds: Math.round(seconds / 3), pglite: true } },
      ]
    : [{ name: "steady load, PostgreSQL", opts: { port, concurrency, seconds } }];

let broken = false;
const lines: string[] = [];
for (const run of runs) {
  console.log(`${run.name}: ${run.opts.concurrency} nominators for ${seconds} s…`);
  const { report, submissions, mail, restartMs } = await loadScenario(run.opts);
  const ok =
    report.fiveHundreds === 0 &&
    submissions.acknowledgedMissing.length === 0 &&
    submissions.acknowledgedDuplicated.length === 0 &&
    submissions.partialSubmitted === 0 &&
    (!mail || (mail.notSent === 0 && mail.deliveredTwice === 0 && mail.undeliveredKeys === 0));
  broken ||= !ok;
  const row = {
    run: run.name,
    nominators: run.opts.concurrency,
    seconds,
    requests: report.requests,
    "requests/s": Math.round(report.requests / seconds),
    "p50 ms": Math.round(percentile(report.latenciesMs, 50)),
    "p95 ms": Math.round(percentile(report.latenciesMs, 95)),
    "p99 ms": Math.round(percentile(report.latenciesMs, 99)),
    acknowledged: submissions.acknowledged,
    "rows for them": submissions.acknowledged - submissions.acknowledgedMissing.length,
    duplicated: submissions.acknowledgedDuplicated.length,
    partial: submissions.partialSubmitted,
    "5xx": report.fiveHundreds,
    "connection errors": report.connectionErrors,
    "restart ms": restartMs ?? "–",
    "emails sent once": mail ? `${mail.delivered}/${mail.outboxRows}` : "–",
    "sent twice": mail ? mail.deliveredTwice : "–",
    "outbox drained in s": mail ? mail.drainSeconds : "–",
    verdict: ok ? "kept" : "BROKEN",
  };
  console.table(row);
  lines.push(`| ${Object.values(row).join(" | ")} |`);
  if (lines.length === 1) lines.unshift(`| ${Object.keys(row).join(" | ")} |`, `|${Object.keys(row).map(() => " --- ").join("|")}|`);
}
if (values.write) {
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  appendFileSync("docs/benchmarks.md", `\n### ${values.mode}, ${when} UTC, ${process.platform} ${process.arch}\n\n${lines.join("\n")}\n`);
}
process.exit(broken ? 1 : 0);
