/**
 * Brings app/locales/cy-review.json up to date with the Welsh catalogue: a new key is added as
 * "draft", a key no longer in the catalogue is dropped, and a string a Welsh speaker marked
 * "reviewed" stays so. Run after adding or changing Welsh strings: npm run i18n:review
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const root = new URL("../locales/", import.meta.url);
const listFile = new URL("cy-review.json", root);

function flatten(value: unknown, prefix = "", into: string[] = []): string[] {
  if (typeof value === "string") into.push(prefix);
  else for (const [key, inner] of Object.entries(value as object)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const before = JSON.parse(readFileSync(listFile, "utf8")) as Record<string, "draft" | "reviewed">;
const after: Record<string, "draft" | "reviewed"> = {};
for (const file of readdirSync(new URL("cy/", root)).filter((f) => f.endsWith(".json")).sort()) {
  const namespace = file.slice(0, -".json".length);
  for (const key of flatten(JSON.parse(readFileSync(new URL(`cy/${file}`, root), "utf8")))) {
    after[`${namespace}:${key}`] = before[`${namespace}:${key}`] ?? "draft";
  }
}
writeFileSync(listFile, `${JSON.stringify(after, null, 2)}\n`);
const count = (state: string) => Object.values(after).filter((s) => s === state).length;
console.log(`${count("reviewed")} reviewed, ${count("draft")} draft`);
