import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { openDatabase } from "#db/client";
import { db, schema } from "~/utils/db.server";

/** Runs the README's command exactly as a person would, in a child process. */
function addAdmin(args: string[], env: Record<string, string>) {
  return spawnSync("node_modules/.bin/tsx", ["app/cli/add-admin.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, SEED_DEMO: "false", DATABASE_URL: "", ...env },
    timeout: 60_000,
  });
}

describe("npm run admin:add", () => {
  test("refuses bad arguments with a clear message and changes nothing", () => {
    const result = addAdmin(["--email", "not-an-email"], { DATA_DIR: "/nonexistent/never-created" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--email must be an email address");
    expect(result.stderr).toContain("--name must not be empty");
  });

  test.runIf(process.env.TEST_DB_KIND === "postgres")("adds an administrator to PostgreSQL", async () => {
    const result = addAdmin(["--email", "Cli.Admin@Example.test", "--name", "Cli Admin"], {
      DATABASE_URL: process.env.CURRENT_TEST_DATABASE_URL!,
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Added administrator Cli Admin <cli.admin@example.test>");
    const [person] = await db.select().from(schema.people).where(eq(schema.people.email, "cli.admin@example.test"));
    expect(person).toMatchObject({ isAdmin: true, name: "Cli Admin" });
  });

  test.runIf(process.env.TEST_DB_KIND !== "postgres")("adds an administrator to a PGlite data folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "csa-cli-"));
    try {
      const result = addAdmin(["--email", "pg.lite@example.test", "--name", "Lite Admin"], { DATA_DIR: dir });
      expect(result.status).toBe(0);
      const handle = openDatabase({ dataDir: dir });
      const people = await handle.db.select().from(schema.people);
      await handle.close();
      expect(people).toEqual([expect.objectContaining({ email: "pg.lite@example.test", isAdmin: true })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
