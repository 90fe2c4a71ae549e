// Diagnostics for the server's memory under the bench (docs/benchmarks.md, "Server memory under
// load"). Loaded into the server with
//   BENCH_NODE_ARGS="--import=./tests/bench/memory-sampler.mjs" BENCH_SERVER_ENV='{"MEM_OUT":"/tmp/mem.json"}' npm run bench
// it samples process.memoryUsage() every 200 ms and writes the peaks, V8's heap spaces at the
// peak RSS and every fifth sample to MEM_OUT; with MEM_SNAP=1, `kill -USR2 <pid>` writes a heap
// snapshot to the temporary folder.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";

const out = process.env.MEM_OUT ?? join(tmpdir(), `csa-memory-${process.pid}.json`);
const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
let atPeak = null;
const samples = [];
const started = Date.now();
setInterval(() => {
  const m = process.memoryUsage();
  for (const k of Object.keys(peak)) peak[k] = Math.max(peak[k], m[k]);
  if (m.rss >= peak.rss) atPeak = { ...m, spaces: v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size, s.space_used_size]) };
  samples.push([Date.now() - started, m.rss, m.heapTotal, m.heapUsed, m.external, m.arrayBuffers]);
  writeFileSync(out, JSON.stringify({ peak, atPeak, samples: samples.filter((_, i) => i % 5 === 0) }));
}, 200).unref();

let snapshots = 0;
process.on("SIGUSR2", () => {
  if (process.env.MEM_SNAP) v8.writeHeapSnapshot(join(tmpdir(), `csa-heap-${process.pid}-${snapshots++}.heapsnapshot`));
});
