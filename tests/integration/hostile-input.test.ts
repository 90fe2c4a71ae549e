/**
 * Hostile input, property-based: every route module that exports an action is sent form
 * data built from its real field names (read from its source and the form modules it
 * imports) and intents, filled with wrong types, huge strings, control characters, unicode
 * edge cases, duplicates and gaps, under hostile path parameters, as the role that gets
 * furthest past the guards. Whatever comes in: never a 500, and a refusal (4xx) leaves the
 * database exactly as it was. FUZZ_RUNS raises the number of cases per action, and
 * FUZZ_SEED=random draws new ones (a failure prints the seed that replays it).
 */
import { readFileSync, readdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { db, schema } from "~/utils/db.server";
import { loaderArgs, makeRequest, run } from "../support/fixtures";
import { buildWorld, fullFingerprint, SLUG, type Role, type World } from "../support/security";
import { nextIp } from "../support/nominations";

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// A fixed seed keeps `npm test` repeatable; FUZZ_SEED=random (with FUZZ_RUNS=200) hunts further.
const SEED = process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED ?? 20260801);

type Action = (args: ReturnType<typeof loaderArgs>) => Promise<unknown>;
const modules = import.meta.glob<{ action?: Action }>("../../app/routes/*.{ts,tsx}", { eager: true });
const actions = Object.entries(modules)
  .filter(([, mod]) => typeof mod.action === "function")
  .map(([path, mod]) => ({ file: path.split("/").pop()!, action: mod.action! }));

/** Field names and intents a route's forms use, read from its source and the form modules it imports. */
export function formVocabulary(file: string): { fields: string[]; intents: string[] } {
  const sources = [readFileSync(`app/routes/${file}`, "utf8")];
  for (const [, dir, name] of sources[0].matchAll(/from "~\/(components|domain)\/([\w-]+)"/g)) {
    if (/form|nomination|category|people|cycle|judging/.test(name)) {
      for (const ext of [".tsx", ".ts"]) {
        try {
          sources.push(readFileSync(`app/${dir}/${name}${ext}`, "utf8"));
        } catch {
          // not this extension
        }
      }
    }
  }
  const fields = new Set<string>();
  const intents = new Set<string>();
  for (const source of sources) {
    for (const [, f] of source.matchAll(/fields\.(\w+)/g)) fields.add(f);
    for (const [, f] of source.matchAll(/\bname="([\w-]+)"/g)) fields.add(f);
    for (const [, f] of source.matchAll(/formData\.get(?:All)?\("([\w-]+)"\)/g)) fields.add(f);
    for (const [, f] of source.matchAll(/^\s+(\w+): z[.\s]/gm)) fields.add(f);
    for (const [, i] of source.matchAll(/intent === "([\w:-]+)"/g)) intents.add(i);
    for (const [, i] of source.matchAll(/name="intent" value="([\w:-]+)"/g)) intents.add(i);
    for (const [, i] of source.matchAll(/case "([\w:-]+)":/g)) intents.add(i);
  }
  fields.add("intent");
  return { fields: [...fields], intents: [...intents] };
}

const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\r\n\r\n",
  "\u202eevil",
  "\ud800",
  "\ufeff",
  "e\u0301",
  "🏳️‍🌈👩‍👩‍👧",
  "ǅ",
  "-1",
  "0",
  "1.5",
  "1e309",
  "NaN",
  "Infinity",
  "0x10",
  "2147483648",
  "99999999999999999999",
  "-9223372036854775809",
  "true",
  "on",
  "null",
  "undefined",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%00",
  "=HYPERLINK(\"http://evil\")",
  "a@b",
  "x@example.org",
  "remove:1",
  "remove:99999999999999",
  "2026-13-45T25:61",
  "1970-01-01T00:00",
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 60 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom(10_000, 100_001, 1_000_000).map((n) => "x".repeat(n)) },
);


function caseFor(file: string, world: World) {
  const { fields, intents } = formVocabulary(file);
  const dynamic = [...world.openQuestions.map((q) => `answer${q.id}`), ...world.criteria.map((c) => `criterion-${c.id}`)];
  const names = fc.constantFrom(...fields, ...dynamic, "website", "__proto__", "intent");
  const value = fc.oneof({ weight: 5, arbitrary: hostileString }, { weight: 2, arbitrary: intents.length ? fc.constantFrom(...intents) : hostileString });
  const pairs = fc.array(fc.tuple(names, value), { maxLength: 14 });
  const withIntent = intents.length ? fc.tuple(fc.constantFrom(...intents), pairs).map(([i, rest]) => [["intent", i] as [string, string], ...rest]) : pairs;
  return fc.record({ form: fc.oneof(withIntent, pairs), fuzzParams: fc.boolean(), hostileParam: hostileString });
}

function roleFor(file: string): Role {
  if (file.startsWith("admin")) return "admin";
  if (file.startsWith("judge")) return "judge";
  if (file.startsWith("nominate.$slug")) return "nominator";
  return "anonymous";
}

function paramsFor(file: string, world: World): Record<string, string> {
  const all: Record<string, string> = {
    slug: SLUG,
    id: file.includes("categories") ? String(world.category.id) : file.includes("people") ? String(world.people.scorer.id) : String(world.x.id),
    year: String(world.judging.year),
    categoryId: String(world.category.id),
    criterionId: String(world.criteria[0].id),
    questionId: String(world.question.id),
    nominationId: String(world.x.id),
    panelId: String(world.panel.id),
    fileId: String(world.fileX.id),
    "*": "nowhere",
  };
  const wanted = [...file.matchAll(/\$(\w*)/g)].map((m) => m[1] || "*");
  return Object.fromEntries(wanted.map((k) => [k, all[k]]));
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

test("every route with an action is fuzzed", () => {
  const withAction = readdirSync("app/routes").filter((f) => /export async function action/.test(readFileSync(`app/routes/${f}`, "utf8")));
  expect(actions.map((a) => a.file).sort()).toEqual(withAction.sort());
  for (const { file } of actions) expect(formVocabulary(file).fields.length, file).toBeGreaterThan(0);
});

test("conflict detection answers, rather than waiting on itself (found by the fuzzer: PGlite has one connection)", async () => {
  const { action } = await import("~/routes/admin.judging.conflicts");
  const request = makeRequest(`/admin/judging/conflicts?year=${world.judging.year}`, { form: { intent: "detect" }, cookie: world.cookies.admin });
  const answer = await Promise.race([
    run(() => action(loaderArgs(request))),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 10 s")), 10_000).unref()),
  ]);
  expect(answer.status).toBe(302);
});

test("a NUL character in the nominee's name or in a slug is a clear 400 or 404, not a failed query (found by the fuzzer)", async () => {
  const { action: nomineeAction } = await import("~/routes/nominate.$slug.nominee");
  const { groupNominee, post } = await import("../support/nominations");
  const before = await fullFingerprint();
  const named = await post(nomineeAction, `/nominate/${SLUG}/nominee`, SLUG, groupNominee({ nomineeName: "Hope\u0000Street" }));
  expect(named.status).toBe(400);
  expect(JSON.stringify(named.data)).toContain("control character");
  const slugged = await run(() => nomineeAction(loaderArgs(makeRequest("/nominate/x/nominee", { form: groupNominee() }), { slug: "group\u0000" })));
  expect(slugged.status).toBe(404);
  expect(await fullFingerprint()).toEqual(before);
});

test("an unreadable publication time for a cycle already public is a 400, not a 500 (found by the fuzzer)", async () => {
  const { action } = await import("~/routes/admin.results._index");
  await db.update(schema.cycles).set({ shortlistPublishAt: new Date(Date.now() - 60_000) }).where(eq(schema.cycles.id, world.judging.id));
  try {
    const request = makeRequest(`/admin/results?year=${world.judging.year}`, { form: { shortlistPublishAt: "not a time" }, cookie: world.cookies.admin });
    const answer = await run(() => action(loaderArgs(request)));
    expect(answer.status).toBe(400);
  } finally {
    await db.update(schema.cycles).set({ shortlistPublishAt: null }).where(eq(schema.cycles.id, world.judging.id));
  }
});

describe.each(actions)("$file", ({ file, action }) => {
  test("hostile form data: never a 500, and a refusal changes nothing", async () => {
    const role = roleFor(file);
    const person = role === "admin" ? world.people.admin : role === "judge" ? world.people.judge : null;
    await fc.assert(
      fc.asyncProperty(caseFor(file, world), async ({ form, fuzzParams, hostileParam }) => {
        // Keep the role what it was: a generated form may well have removed it.
        if (person) {
          await db.update(schema.people).set({ isAdmin: role === "admin", isJudge: role === "judge", deactivatedAt: null }).where(eq(schema.people.id, person.id));
        }
        const params = paramsFor(file, world);
        if (fuzzParams) for (const key of Object.keys(params)) params[key] = hostileParam;
        const body = new FormData();
        for (const [k, v] of form as Array<[string, string]>) body.append(k, v);
        const before = await fullFingerprint();
        const request = makeRequest("/fuzz", { form: body, cookie: world.cookies[role] });
        let answer;
        try {
          answer = await Promise.race([
            run(() => action(loaderArgs(request, params, nextIp()))),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 10 s")), 10_000).unref()),
          ]);
        } catch (error) {
          throw new Error(`${file} threw ${(error as Error).message} for ${JSON.stringify({ form, params }).slice(0, 500)}`);
        }
        expect(answer.status, `${file} ${JSON.stringify({ form, params }).slice(0, 500)}`).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(await fullFingerprint(), `${file} refused with ${answer.status} yet changed the database`).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: SEED === undefined ? undefined : SEED + file.length },
    );
  });
});
