/**
 * Every /admin route refuses a judge (403) and an anonymous visitor (a redirect to sign
 * in), for reading and for every kind of change, and the database is left as it was.
 */
import { describe, expect, test } from "vitest";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "../support/fixtures";
import { createCategory, createCycle, createNomination, databaseFingerprint } from "../support/admin";

type RouteModule = {
  loader?: (args: ReturnType<typeof loaderArgs>) => Promise<unknown>;
  action?: (args: ReturnType<typeof loaderArgs>) => Promise<unknown>;
};

const routes = import.meta.glob<RouteModule>("../../app/routes/admin{.,_}*.tsx", { eager: true });
const bareLayout = import.meta.glob<RouteModule>("../../app/routes/admin.tsx", { eager: true });
const allRoutes = { ...bareLayout, ...routes };

// Forms that would each change something if a guard were missing.
const INTENTS = ["details", "retire", "question-add", "question-remove", "criterion-remove", "scale", "add", "remove", "chair", "remove-admin", "remove-judge", "reinvite", "invite", "admin", "erase", "retention", "export"];

describe("every /admin route is for administrators only", () => {
  test("the route list is complete", () => {
    const names = Object.keys(allRoutes).map((p) => p.split("/").pop());
    for (const expected of [
      "admin.tsx",
      "admin._index.tsx",
      "admin.cycles._index.tsx",
      "admin.cycles.$year.tsx",
      "admin.cycles.$year_.phase.tsx",
      "admin.categories._index.tsx",
      "admin.categories.new.tsx",
      "admin.categories.$id.tsx",
      "admin.nominations._index.tsx",
      "admin.nominations.$id.tsx",
      "admin.nominations.export.tsx",
      "admin.nominations.duplicates.tsx",
      "admin.people._index.tsx",
      "admin.panels.$categoryId.tsx",
      "admin.outbox.tsx",
      "admin.audit.tsx",
      "admin.privacy.tsx",
    ]) {
      expect(names).toContain(expected);
    }
  });

  test("a judge gets 403 and an anonymous visitor is sent to sign in, with nothing changed", async () => {
    const cycle = await createCycle();
    const { category, questions, criteria } = await createCategory(cycle.id);
    const nomination = await createNomination(cycle, category.id, {}, [{ questionId: questions[0].id, answer: "A lot" }]);
    const otherAdmin = await createPerson({ isAdmin: true });
    const judge = await createPerson({ isJudge: true });
    const judgeCookie = await cookieFor(judge.id);
    const params = {
      year: String(cycle.year),
      id: String(nomination.id),
      categoryId: String(category.id),
      questionId: String(questions[1].id),
      criterionId: String(criteria[1].id),
      fileId: "1",
    };
    const before = await databaseFingerprint();

    let checked = 0;
    for (const [file, mod] of Object.entries(allRoutes)) {
      // Category pages take the category's id; nomination and people pages a nomination or person id.
      const routeParams = file.includes("categories") ? { ...params, id: String(category.id) } : file.includes("people") ? { ...params, id: String(otherAdmin.id) } : params;
      const path = `/admin/${file}`;
      if (mod.loader) {
        const asJudge = await run(() => mod.loader!(loaderArgs(makeRequest(path, { cookie: judgeCookie }), routeParams)));
        expect(asJudge.status, `${file} loader as a judge`).toBe(403);
        const anonymous = await run(() => mod.loader!(loaderArgs(makeRequest(path), routeParams)));
        expect(anonymous.status, `${file} loader anonymously`).toBe(302);
        expect(anonymous.headers.get("Location"), `${file} loader anonymously`).toMatch(/^\/login\?redirectTo=/);
        checked++;
      }
      if (mod.action) {
        for (const intent of INTENTS) {
          const form = {
            intent,
            name: "Changed",
            slug: "changed",
            label: "Changed",
            email: "intruder@example.test",
            confirm: "intruder@example.test",
            personId: String(judge.id),
            itemId: String(questions[0].id),
            ids: [String(nomination.id)],
            decision: "ineligible",
            reason: "No",
            to: "nominations_closed",
            emailId: "1",
            categoryId: String(category.id),
            direction: "down",
            sourceYear: String(cycle.year),
            year: "2099",
            primaryId: String(nomination.id),
          };
          const asJudge = await run(() => mod.action!(loaderArgs(makeRequest(path, { form, cookie: judgeCookie }), routeParams)));
          expect(asJudge.status, `${file} action ${intent} as a judge`).toBe(403);
          const anonymous = await run(() => mod.action!(loaderArgs(makeRequest(path, { form }), routeParams)));
          expect(anonymous.status, `${file} action ${intent} anonymously`).toBe(302);
          expect(anonymous.headers.get("Location"), `${file} action ${intent} anonymously`).toMatch(/^\/login\?redirectTo=/);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(await databaseFingerprint()).toEqual(before);
  });
});
