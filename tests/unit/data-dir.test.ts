import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { claimDataDir } from "~/server/start";

test("one process at a time may open a PGlite data folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "csa-claim-"));
  const release = claimDataDir(dir);
  expect(readFileSync(join(dir, "portal.pid"), "utf8")).toBe(String(process.pid));

  // Another live process holds it: refused with a clear message.
  writeFileSync(join(dir, "portal.pid"), String(process.ppid));
  expect(() => claimDataDir(dir)).toThrow(/Another process \(pid \d+\) is using the embedded database/);

  // A dead process's file is taken over.
  writeFileSync(join(dir, "portal.pid"), "999999");
  const again = claimDataDir(dir);
  expect(readFileSync(join(dir, "portal.pid"), "utf8")).toBe(String(process.pid));
  again();
  expect(existsSync(join(dir, "portal.pid"))).toBe(false);
  release();
});
