/**
 * Adds an administrator from the command line:
 *   npm run admin:add -- --email someone@example.org --name "Their Name"
 * Uses the same database as the server (DATABASE_URL, or PGlite in DATA_DIR). Stop a
 * server running on PGlite first: an embedded database has one process at a time.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { addAdmin } from "~/models/person.server";
import { loadDotEnv, openAppDatabase } from "~/server/start";
import { EnvError, getEnv } from "~/utils/env.server";

const Args = z.object({
  email: z.email({ error: "--email must be an email address, like name@example.org" }),
  name: z.string({ error: "--name must not be empty" }).trim().min(1, "--name must not be empty").max(200),
});

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    console.error('Usage: npm run admin:add -- --email someone@example.org --name "Their Name"');
    process.exit(2);
  }
  loadDotEnv();
  const env = getEnv();
  const database = await openAppDatabase(env);
  try {
    const { person, created } = await addAdmin(parsed.data, { id: null, name: "command line" });
    console.info(`${created ? "Added" : "Updated"} administrator ${person.name} <${person.email}>. They can sign in at ${env.APP_URL}/login`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
