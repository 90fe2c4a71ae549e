/**
 * The browser never gets the database schema: no client chunk of the production build
 * (build/client, made by `npm run build`, which `npm test` runs before vitest) holds a
 * table definition. The markers are the SQL names of the schema's tables and columns that
 * no page would show as such (those with an underscore, like "email_outbox" or
 * "access_token_hash"), as the quoted strings a table definition carries.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, test } from "vitest";
import * as schema from "#db/schema";

const CLIENT = "build/client";

function sqlNames(): string[] {
  const names = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    names.add(getTableName(value));
    for (const column of Object.values(getTableColumns(value))) names.add(column.name);
  }
  return [...names].filter((name) => name.includes("_")).sort();
}

function clientScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the client bundle", () => {
  test("the markers are real: the schema has tables and columns with such names", () => {
    const names = sqlNames();
    expect(names).toContain("email_outbox");
    expect(names).toContain("nominee_local_authority");
    expect(names.length).toBeGreaterThan(30);
  });

  // Without a build (a developer running the unit tests alone) there is nothing to scan;
  // `npm test` and CI always build first, and there it must not be skipped.
  test.skipIf(!existsSync(CLIENT) && !process.env.CI)("no client chunk holds a table definition", () => {
    const scripts = clientScripts(CLIENT);
    expect(scripts.length).toBeGreaterThan(0);
    const markers = sqlNames();
    const found = scripts.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return markers.filter((name) => text.includes(`"${name}"`) || text.includes(`'${name}'`)).map((name) => `${file}: "${name}"`);
    });
    expect(found).toEqual([]);
  });
});
