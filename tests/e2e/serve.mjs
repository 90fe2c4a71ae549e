// Playwright's web server: creates this run's database, runs the built server on it,
// and drops the database when Playwright stops it. It touches no other database.
import { spawn } from "node:child_process";
import postgres from "postgres";
import { startMockMpServices } from "../support/mock-mp-services.mjs";

const name = process.env.E2E_DB_NAME;
if (!name || !/^csa_e2e_[a-z0-9_]+$/.test(name)) throw new Error(`unexpected E2E_DB_NAME: ${name}`);
const admin = postgres(process.env.ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);

// postcodes.io and the Members API, answered on this machine: the journeys never reach the real services.
const mpServices = await startMockMpServices();

const port = process.env.PORT;
const server = spawn(process.execPath, ["build/server.mjs"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    APP_URL: `http://localhost:${port}`,
    RESEND_API_KEY: "",
    // The journeys read their links from the development outbox.
    DEV_MAIL: "true",
    SEED_DEMO: "true",
    POSTCODES_IO_BASE_URL: mpServices.postcodesIoUrl,
    MEMBERS_API_BASE_URL: mpServices.membersApiUrl,
  },
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await mpServices.close();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
  process.exit(code);
}
server.on("exit", (code) => void stop(code ?? 1));
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
