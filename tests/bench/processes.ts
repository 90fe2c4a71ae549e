/**
 * The processes the benchmark drives: the built production server and the bare
 * `node:http` ceiling, each a child process, so the load generator (this process) never
 * shares an event loop with what it measures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A free TCP port: the one asked for, or one the system picks. */
export async function freePort(wanted?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(wanted ?? 0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the process stopped (code ${child.exitCode}) before answering:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered at ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

export type Running = {
  url: string;
  pid: number;
  /** Resident memory once it answered its first request, in bytes. */
  startRss?: number | null;
  /** Peak resident memory so far (VmHWM), in bytes; null where /proc is missing. */
  peakRss(): number | null;
  stop(): Promise<void>;
  /** kill -9, and wait for the process to be gone. */
  kill?(): Promise<void>;
  /** The last of what it printed. */
  output?(): string;
};

export function currentRssOf(pid: number): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function peakRssOf(pid: number): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function stopChild(child: ChildProcess, timeoutMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  await exited;
  clearTimeout(timer);
}

function spawnLogged(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, log: () => output };
}

/**
 * Node's own flags from package.json's `start` script (`node --max-old-space-size=… build/server.mjs`),
 * so the benchmark runs the server exactly as production starts it; `BENCH_NODE_ARGS` adds more
 * (for diagnostics: `--import=<file>`, `--heapsnapshot-signal=SIGUSR2`).
 */
export function serverNodeArgs(): string[] {
  const start: string = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).scripts.start;
  const words = start.split(/\s+/);
  const node = words.indexOf("node");
  const flags = node >= 0 ? words.slice(node + 1).filter((w) => w.startsWith("--")) : [];
  return [...flags, ...(process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean)];
}

/**
 * The built server (build/server.mjs) in production mode on the given database. Every
 * variable a developer's ./.env might set is given here (empty means unset), so it cannot
 * point the server at another database or a real mail provider.
 */
export async function startPortal(options: { port: number; databaseUrl?: string; dataDir?: string; mail?: { url: string; ratePerSecond?: number } }): Promise<Running> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    APP_URL: url,
    SEED_DEMO: "false",
    // Every virtual visitor sends its own X-Forwarded-For, as visitors behind a proxy would.
    TRUST_PROXY: "true",
    BACKGROUND_WORK: "true",
    RESEND_API_KEY: options.mail ? "re_test_key" : "",
    RESEND_BASE_URL: options.mail?.url ?? "",
    RESEND_RATE_PER_SECOND: options.mail?.ratePerSecond ? String(options.mail.ratePerSecond) : "",
    DATABASE_URL: options.databaseUrl ?? "",
    DATA_DIR: options.dataDir ?? "",
    ...(process.env.BENCH_SERVER_ENV ? JSON.parse(process.env.BENCH_SERVER_ENV) : {}),
  };
  // From the project folder, where the server finds build/client.
  const { child, log } = spawnLogged([...serverNodeArgs(), `${ROOT}build/server.mjs`], env, ROOT);
  await waitFor(`${url}/healthz`, child, log);
  return {
    url,
    pid: child.pid!,
    startRss: currentRssOf(child.pid!),
    peakRss: () => peakRssOf(child.pid!),
    stop: () => stopChild(child),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
    },
    output: log,
  };
}

/** The ceiling: a bare node:http server answering every request with the given bytes and headers. */
export async function startCeiling(options: { port: number; cwd: string; bodyFile: string; headers: Record<string, string> }): Promise<Running> {
  const url = `http://127.0.0.1:${options.port}`;
  const { child, log } = spawnLogged(
    [fileURLToPath(new URL("./ceiling-server.mjs", import.meta.url))],
    { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(options.port), BODY_FILE: options.bodyFile, HEADERS: JSON.stringify(options.headers) },
    options.cwd,
  );
  await waitFor(`${url}/`, child, log);
  return { url, pid: child.pid!, peakRss: () => peakRssOf(child.pid!), stop: () => stopChild(child) };
}
