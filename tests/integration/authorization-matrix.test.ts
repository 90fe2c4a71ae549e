/**
 * The authorization matrix: every route file in app/routes, each of its loader and action
 * (and so every HTTP method), asked by each role about real rows, with the status each
 * role must get and the markers it must never find in the answer. The table is keyed by
 * route file and checked against the folder, so a new route without an entry fails here.
 * A refused write must leave the database as it was.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as root from "~/root";
import { resetEnv } from "~/utils/env.server";
import { db, schema } from "~/utils/db.server";
import { eq } from "drizzle-orm";
import { buildWorld, callAs, forbiddenMarkers, fullFingerprint, ROLES, SLUG, type Role, type World } from "../support/security";
import { aboutMe } from "../support/nominations";

type Fn = (args: never) => Promise<unknown>;
type RouteModule = { loader?: Fn; action?: Fn };
/** A status, or "login" (302 to /login with the way back), or "redirect" (302 anywhere else). */
type Outcome = number | "login" | "redirect";
type ByRole = Record<Role, Outcome>;
type Form = Record<string, string | string[]>;

type Entry = {
  params?: (w: World) => Record<string, string>;
  query?: string | ((w: World) => string);
  /** "none": the module must not export it (Remix answers a POST with 405, a GET renders the page alone). */
  loader: ByRole | "none";
  action: ByRole | "none";
  form?: (w: World, role: Role) => Form;
};

const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const byFile = Object.fromEntries(Object.entries(modules).map(([path, mod]) => [path.split("/").pop()!, mod]));

const all = (o: Outcome): ByRole => ({ anonymous: o, nominator: o, judge: o, conflicted: o, chair: o, admin: o });
const ADMIN: ByRole = { anonymous: "login", nominator: "login", judge: 403, conflicted: 403, chair: 403, admin: 200 };
const adminThen = (admin: Outcome): ByRole => ({ ...ADMIN, admin });
/** Judge pages: a judge and the chair get in; the admin, not being a judge, is refused. */
const JUDGE = (judge: Outcome, conflicted: Outcome, chair: Outcome = judge): ByRole => ({
  anonymous: "login",
  nominator: "login",
  judge,
  conflicted,
  chair,
  admin: 403,
});
/** The nominator's own journey: only the browser holding a nomination's secret gets in. */
const OWN = (nominator: Outcome): ByRole => ({ ...all("redirect"), nominator });

const categoryId = (w: World) => ({ categoryId: String(w.category.id) });
const nominationX = (w: World) => ({ nominationId: String(w.x.id) });

const MATRIX: Record<string, Entry> = {
  // ---------------------------------------------------------------- public
  "$.tsx": { params: () => ({ "*": "no/such/page" }), loader: all(404), action: all(404) },
  "_index.tsx": { loader: all(200), action: "none" },
  "archive.tsx": { loader: all(200), action: "none" },
  "privacy.tsx": { loader: "none", action: "none" },
  "accessibility.tsx": { loader: "none", action: "none" },
  "sitemap[.]xml.ts": { loader: all(200), action: "none" },
  "healthz.ts": { loader: all(200), action: "none" },
  "winners._index.tsx": { loader: all(200), action: "none" },
  // The judging cycle's results are not published: as far as anyone can tell they do not exist.
  "winners.$year.tsx": { params: (w) => ({ year: String(w.judging.year) }), loader: all(404), action: "none" },
  // As deployed (production, no mail provider, DEV_MAIL unset), the development outbox does not exist.
  "dev.mail.tsx": { loader: all(404), action: "none" },
  "dev.mail_.$id.tsx": { params: () => ({ id: "1" }), loader: all(404), action: "none" },
  // Campaigns (issue 15): the world holds none, so every campaign address is unknown.
  "campaigns._index.tsx": { loader: all(200), action: "none" },
  "campaigns.$slug._index.tsx": { params: () => ({ slug: "no-such-campaign" }), loader: all(404), action: "none" },
  "campaigns.$slug.write.tsx": { params: () => ({ slug: "no-such-campaign" }), loader: all(404), action: all(404) },
  "campaigns.$slug.meet.tsx": { params: () => ({ slug: "no-such-campaign" }), loader: all(404), action: all(404) },
  "campaigns.$slug.check-email.tsx": { params: () => ({ slug: "no-such-campaign" }), loader: all(404), action: "none" },
  "campaigns.$slug.commitment-form[.]pdf.tsx": { params: () => ({ slug: "no-such-campaign" }), loader: all(404), action: "none" },
  "campaigns.$slug.briefing[.]pdf.tsx": { params: () => ({ slug: "no-such-campaign" }), loader: all(404), action: "none" },
  "campaigns.confirm.tsx": { query: "?t=x", loader: all(400), action: all(400), form: () => ({ t: "a".repeat(32) }) },
  "campaigns.follow-up.tsx": { query: `?t=${"a".repeat(32)}&replied=yes`, loader: all(400), action: "none" },
  // People's Choice (issue 16): the world's categories hold no vote, so every vote address is unknown.
  "vote.$year.$slug.tsx": { params: (w) => ({ year: String(w.judging.year), slug: SLUG }), loader: all(404), action: all(404) },
  "vote.confirm.tsx": { query: "?t=x", loader: all(400), action: all(400), form: () => ({ t: "a".repeat(32) }) },

  // ---------------------------------------------------------------- signing in
  "login.tsx": {
    loader: { anonymous: 200, nominator: 200, judge: "redirect", conflicted: "redirect", chair: "redirect", admin: "redirect" },
    action: all(200),
    form: (w, role) => ({ email: `nobody-${role}-${w.tag}@example.test` }),
  },
  "login_.link.tsx": { query: "?token=not-a-real-token", loader: all(400), action: all(400), form: () => ({ token: "not-a-real-token" }) },
  "logout.tsx": { loader: all("redirect"), action: all("redirect") },

  // ---------------------------------------------------------------- nominating
  "nominate._index.tsx": { loader: all(200), action: "none" },
  "nominate.confirm.tsx": { query: "?t=x&c=y", loader: all(400), action: all(400), form: () => ({ t: "a".repeat(32), c: "b".repeat(32) }) },
  "nominate.resume.tsx": { query: `?t=${"a".repeat(32)}`, loader: all(404), action: "none" },
  "nominate.$slug._index.tsx": { params: () => ({ slug: SLUG }), loader: all(200), action: all("redirect"), form: () => ({ intent: "resend" }) },
  "nominate.$slug.nominee.tsx": {
    params: () => ({ slug: SLUG }),
    loader: all(200),
    action: all(400),
    form: () => ({ nomineeType: "nonsense" }),
  },
  "nominate.$slug.nominator.tsx": {
    params: () => ({ slug: SLUG }),
    loader: OWN(200),
    action: OWN("redirect"),
    form: () => aboutMe(),
  },
  "nominate.$slug.case.tsx": {
    params: () => ({ slug: SLUG }),
    loader: OWN(200),
    action: OWN("redirect"),
    form: (w) => Object.fromEntries(w.openQuestions.map((q) => [`answer${q.id}`, "They welcomed a family."])),
  },
  "nominate.$slug.files.tsx": { params: () => ({ slug: SLUG }), loader: OWN(200), action: OWN(400), form: () => ({ intent: "upload" }) },
  // Nominator A's file: nobody else but an administrator, and a stranger gets the same 404 as a missing file.
  "nominate.$slug.files_.$fileId.tsx": {
    params: (w) => ({ slug: SLUG, fileId: String(w.fileA.id) }),
    loader: { ...all(404), admin: 200 },
    action: "none",
  },
  "nominate.$slug.check.tsx": { params: () => ({ slug: SLUG }), loader: OWN(200), action: OWN(400), form: () => ({ privacyConsent: "on" }) },
  // B's nomination is a draft: there is nothing to withdraw, and A's cannot be reached at all.
  "nominate.$slug.withdraw.tsx": { params: () => ({ slug: SLUG }), loader: all("redirect"), action: all("redirect") },

  // ---------------------------------------------------------------- judging
  "judge._index.tsx": { loader: JUDGE(200, 200), action: "none" },
  "judge.export[.]csv.tsx": { loader: JUDGE(200, 200), action: "none" },
  // One statement and one declaration for all of a judge's panels in the cycle; a declaration
  // naming no nomination of the judge's list is refused.
  "judge.cycles.$year.tsx": {
    params: (w) => ({ year: String(w.judging.year) }),
    loader: JUDGE(200, 200),
    action: JUDGE(400, 400),
    form: () => ({ intent: "declare" }),
  },
  "judge.panels.$panelId.tsx": {
    params: (w) => ({ panelId: String(w.panel.id) }),
    loader: JUDGE(200, 200),
    action: JUDGE(400, 400),
    form: () => ({ intent: "declare" }),
  },
  "judge.nominations.$nominationId.tsx": {
    params: nominationX,
    loader: JUDGE(200, 404),
    action: JUDGE("redirect", 404),
    form: (w) => ({ intent: "save", ...Object.fromEntries(w.criteria.map((c) => [`criterion-${c.id}`, "3"])) }),
  },
  "judge.nominations.$nominationId_.conflict.tsx": {
    params: nominationX,
    loader: JUDGE(200, 404),
    action: JUDGE(400, 404),
    form: () => ({ kind: "", note: "" }),
  },
  // Runs after the judge and chair saved a full draft above, so both reach the confirmation page.
  "judge.nominations.$nominationId_.submit.tsx": { params: nominationX, loader: JUDGE(200, 404), action: JUDGE("redirect", 404) },
  "judge.files.$fileId.tsx": { params: (w) => ({ fileId: String(w.fileX.id) }), loader: JUDGE(200, 404), action: "none" },
  // Scoring is still open: not even the chair sees the panel's results yet.
  "judge.results.$categoryId.tsx": { params: categoryId, loader: JUDGE(403, 403), action: "none" },
  // The panel meeting: only the chair among judges, and not before scoring closes (409).
  "judge.results.$categoryId_.panel.tsx": {
    params: categoryId,
    loader: JUDGE(403, 403, 409),
    action: JUDGE(403, 403, 409),
    form: (w) => ({ intent: "record", nominationId: String(w.x.id), note: "Discussed", decision: "shortlist", reason: "Strong" }),
  },

  // ---------------------------------------------------------------- administration
  "admin.tsx": { loader: ADMIN, action: "none" },
  "admin._index.tsx": { loader: ADMIN, action: "none" },
  "admin.audit.tsx": { loader: ADMIN, action: "none" },
  "admin.categories._index.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.categories.new.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.categories.$id.tsx": { params: (w) => ({ id: String(w.category.id) }), loader: ADMIN, action: adminThen(400) },
  // The judging cycle has no publication times: a voting window is refused, even to the admin.
  "admin.categories.$id_.peoples-choice.tsx": {
    params: (w) => ({ id: String(w.category.id) }),
    loader: ADMIN,
    action: adminThen(400),
    form: () => ({ intent: "window", opensAt: "2031-09-01T09:00", closesAt: "2031-09-08T09:00" }),
  },
  "admin.categories.$id_.criteria.$criterionId.tsx": {
    params: (w) => ({ id: String(w.category.id), criterionId: String(w.criteria[0].id) }),
    loader: ADMIN,
    action: adminThen(400),
  },
  "admin.categories.$id_.questions.$questionId.tsx": {
    params: (w) => ({ id: String(w.category.id), questionId: String(w.question.id) }),
    loader: ADMIN,
    action: adminThen(400),
  },
  "admin.cycles._index.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.cycles.$year.tsx": { params: (w) => ({ year: String(w.judging.year) }), loader: ADMIN, action: adminThen(400) },
  "admin.cycles.$year_.phase.tsx": {
    params: (w) => ({ year: String(w.judging.year) }),
    query: "?to=shortlist_published",
    loader: ADMIN,
    action: adminThen(400),
  },
  // The matrix's cycle shares no feedback: the review is refused with the reason, even to an admin.
  "admin.feedback._index.tsx": { loader: ADMIN, action: "none" },
  "admin.feedback.$id.tsx": { params: (w) => ({ id: String(w.x.id) }), loader: adminThen(409), action: adminThen(409) },
  "admin.judging._index.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.judging.assignments.tsx": { query: "?category=", loader: ADMIN, action: adminThen(400), params: () => ({}) },
  "admin.judging.conflicts.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.nominations._index.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.nominations.$id.tsx": { params: (w) => ({ id: String(w.x.id) }), loader: ADMIN, action: adminThen(400) },
  "admin.nominations.$id_.files.$fileId.tsx": { params: (w) => ({ id: String(w.x.id), fileId: String(w.fileX.id) }), loader: ADMIN, action: "none" },
  "admin.nominations.duplicates.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.nominations.export.tsx": { loader: ADMIN, action: "none" },
  "admin.outbox.tsx": { loader: ADMIN, action: adminThen(409) },
  "admin.panels._index.tsx": { loader: ADMIN, action: "none" },
  "admin.panels.$categoryId.tsx": { params: categoryId, loader: ADMIN, action: adminThen(400) },
  "admin.people._index.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.people.$id.tsx": { params: (w) => ({ id: String(w.people.scorer.id) }), loader: ADMIN, action: adminThen(400) },
  "admin.privacy.tsx": { loader: ADMIN, action: adminThen(400) },
  // Campaigns (issue 15): the world holds none, so an id names nothing.
  "admin.campaigns._index.tsx": { loader: ADMIN, action: "none" },
  "admin.campaigns.new.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.campaigns.directory.tsx": { loader: ADMIN, action: adminThen(400) },
  "admin.campaigns.$id.tsx": { params: () => ({ id: "999999" }), loader: adminThen(404), action: adminThen(404) },
  "admin.campaigns.$id_.dashboard.tsx": { params: () => ({ id: "999999" }), loader: adminThen(404), action: "none" },
  "admin.campaigns.$id_.export.tsx": { params: () => ({ id: "999999" }), loader: adminThen(404), action: "none" },
  "admin.results._index.tsx": { loader: ADMIN, action: adminThen("redirect") },
  "admin.results.$categoryId.tsx": { params: categoryId, loader: ADMIN, action: adminThen(400) },
  "admin.results.$categoryId_.export.tsx": { params: categoryId, loader: ADMIN, action: "none" },
  "admin.results.$categoryId_.report.tsx": { params: categoryId, loader: ADMIN, action: "none" },
  "admin.results.$categoryId_.panel.tsx": {
    params: categoryId,
    loader: adminThen(409),
    action: adminThen(409),
    form: (w) => ({ intent: "record", nominationId: String(w.x.id), note: "Discussed", decision: "shortlist", reason: "Strong" }),
  },
  // The admin's form lacks the confirmation field, so even the admin gets a clear 400.
  "admin.results.final-round.tsx": { query: (w) => `?year=${w.judging.year}&do=start`, loader: ADMIN, action: adminThen(400) },
};

/** The address a flat-route file answers at, with its parameters filled in. */
export function routePath(file: string, params: Record<string, string>): string {
  const name = file.replace(/\.(tsx|ts)$/, "");
  const segments: string[] = [];
  // Split on dots that are not escaped as [.]
  for (const raw of name.replace(/\[\.\]/g, "%DOT%").split(".")) {
    let segment = raw.replace(/%DOT%/g, ".");
    if (segment === "_index" || (segment.startsWith("_") && segment !== "_")) continue;
    segment = segment.replace(/_$/, "");
    if (segment === "$") segments.push(params["*"] ?? "");
    else if (segment.startsWith("$")) segments.push(encodeURIComponent(params[segment.slice(1)] ?? ""));
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}

const REFUSED = new Set([400, 401, 403, 404, 405, 409, 413, 415, 429]);
const isRefusal = (status: number, location: string | null) => REFUSED.has(status) || (status === 302 && location?.startsWith("/login?") === true);

let world: World;
beforeAll(async () => {
  // Ask as a deployed server would answer: production at its public address, no mail provider.
  process.env.NODE_ENV = "production";
  process.env.APP_URL = "https://awards.example.org";
  delete process.env.DEV_MAIL;
  resetEnv();
  world = await buildWorld();
});
afterAll(() => {
  process.env.NODE_ENV = "test";
  process.env.APP_URL = "http://localhost:3000";
  resetEnv();
});

test("every route file has an entry, and every entry a route file", () => {
  const files = readdirSync("app/routes").filter((f) => /\.(ts|tsx)$/.test(f));
  expect(files.sort()).toEqual(Object.keys(MATRIX).sort());
});

test("entries say truthfully which handlers each module exports", () => {
  for (const [file, entry] of Object.entries(MATRIX)) {
    expect(Boolean(byFile[file].loader), `${file} loader`).toBe(entry.loader !== "none");
    expect(Boolean(byFile[file].action), `${file} action`).toBe(entry.action !== "none");
  }
});

test("route files map to the addresses the app links to", () => {
  expect(routePath("admin.categories.$id_.criteria.$criterionId.tsx", { id: "4", criterionId: "9" })).toBe("/admin/categories/4/criteria/9");
  expect(routePath("nominate.$slug._index.tsx", { slug: "x" })).toBe("/nominate/x");
  expect(routePath("judge.export[.]csv.tsx", {})).toBe("/judge/export.csv");
  expect(routePath("login_.link.tsx", {})).toBe("/login/link");
  expect(routePath("_index.tsx", {})).toBe("/");
});

describe("the matrix", () => {
  // Logging out ends the session, so it goes last.
  const order = Object.keys(MATRIX).sort((a, b) => Number(a === "logout.tsx") - Number(b === "logout.tsx") || (a < b ? -1 : 1));

  test("the root loader answers every role, and names only the signed-in person", async () => {
    for (const role of ROLES) {
      const answer = await callAs(world, role, root.loader as never, "/", {});
      expect(answer.status, role).toBe(200);
      for (const marker of forbiddenMarkers(world, role)) expect(answer.body, `root as ${role}`).not.toContain(marker);
    }
  });

  test("an action answers every write method alike: PUT, PATCH and DELETE get no way round a guard", async () => {
    const probes: Array<[string, Role]> = [
      ["admin.people.$id.tsx", "judge"],
      ["admin.privacy.tsx", "anonymous"],
      ["judge.nominations.$nominationId.tsx", "conflicted"],
      ["nominate.$slug.case.tsx", "anonymous"],
    ];
    const before = await fullFingerprint();
    for (const [file, role] of probes) {
      const entry = MATRIX[file];
      const params = entry.params?.(world) ?? {};
      for (const method of ["PUT", "PATCH", "DELETE"]) {
        const { makeRequest, loaderArgs, run } = await import("../support/fixtures");
        const form = new FormData();
        for (const [k, v] of Object.entries(entry.form?.(world, role) ?? { intent: "erase", email: world.nominationA.nominatorEmail })) {
          for (const value of [v].flat()) form.append(k, value);
        }
        const request = makeRequest(routePath(file, params), { method, form, cookie: world.cookies[role] });
        const answer = await run(() => (byFile[file].action as (a: unknown) => Promise<unknown>)(loaderArgs(request, params)));
        const want = entry.action === "none" ? 405 : entry.action[role];
        const got = answer.status === 302 ? (answer.headers.get("Location")?.startsWith("/login?") ? "login" : "redirect") : answer.status;
        expect(got, `${file} ${method} as ${role}`).toBe(want);
      }
    }
    expect(await fullFingerprint()).toEqual(before);
  });

  test("every route, every handler, every role: the expected status and nothing it may not see", async () => {
    const failures: string[] = [];
    let fingerprint = await fullFingerprint();
    let calls = 0;
    for (const file of order) {
      const entry = MATRIX[file];
      const mod = byFile[file];
      const params = entry.params?.(world) ?? {};
      const query = typeof entry.query === "function" ? entry.query(world) : (entry.query ?? "");
      const path = routePath(file, params) + query;
      for (const kind of ["loader", "action"] as const) {
        const expected = entry[kind];
        if (expected === "none") continue;
        for (const role of ROLES) {
          const form = kind === "action" ? (entry.form?.(world, role) ?? {}) : undefined;
          const answer = await callAs(world, role, mod[kind] as never, path, params, form);
          calls++;
          const location = answer.headers.get("Location");
          const label = `${file} ${kind} as ${role}`;
          const want = expected[role];
          const got = answer.status === 302 ? (location?.startsWith("/login?redirectTo=") ? "login" : "redirect") : answer.status;
          if (got !== want) failures.push(`${label}: expected ${want}, got ${got} ${answer.body.slice(0, 160)}`);
          if (answer.status >= 500) failures.push(`${label}: ${answer.status}`);
          for (const marker of forbiddenMarkers(world, role)) {
            if (answer.body.includes(marker) || (location ?? "").includes(marker)) failures.push(`${label}: leaks "${marker}"`);
          }
          if (kind === "action") {
            const after = await fullFingerprint();
            if (isRefusal(answer.status, location)) {
              for (const table of Object.keys(after)) {
                if (after[table] !== fingerprint[table]) failures.push(`${label}: refused, yet changed ${table}`);
              }
            }
            fingerprint = after;
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(500);
  });

  test("signing out ends the session on the server", async () => {
    // The logout row of the matrix ran last: every signed-in role's session is gone.
    for (const role of ["judge", "conflicted", "chair", "admin"] as const) {
      const id = world.people[role === "conflicted" ? "conflicted" : role].id;
      expect(await db.select().from(schema.sessions).where(eq(schema.sessions.personId, id)), role).toHaveLength(0);
    }
  });
});
