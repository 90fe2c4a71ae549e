import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { addPanelMember, updateProfile } from "~/models/people-admin.server";
import { db, schema } from "~/utils/db.server";
import { createJudge, createJudgedCategory, createJudgingCycle, createNomination } from "../support/judging";

const actor = { id: null, name: "test" };

async function suspicions(judgeId: number) {
  return db
    .select()
    .from(schema.conflicts)
    .where(and(eq(schema.conflicts.personId, judgeId), eq(schema.conflicts.status, "suspected")));
}

test("a judge added to a panel is checked for conflicts at once", async () => {
  const cycle = await createJudgingCycle();
  const { category, panel } = await createJudgedCategory(cycle.id);
  const nomination = await createNomination(category, { nomineeOrganisation: "St Mary's Church, Leeds" });
  const judge = await createJudge({ organisations: ["St. Marys church"] });
  expect(await suspicions(judge.id)).toHaveLength(0);

  expect(await addPanelMember(panel.id, judge.id, actor)).toEqual({ ok: true });
  const found = await suspicions(judge.id);
  expect(found.map((c) => c.nominationId)).toEqual([nomination.id]);
  expect(found[0].evidence).toMatch(/St Mary's Church, Leeds/);
});

test("a judge's new organisation raises suspicions in the panels they sit on", async () => {
  const cycle = await createJudgingCycle();
  const { category, panel } = await createJudgedCategory(cycle.id);
  const nomination = await createNomination(category, { nomineeOrganisation: "Calder Valley Welcome" });
  const judge = await createJudge();
  await addPanelMember(panel.id, judge.id, actor);
  expect(await suspicions(judge.id)).toHaveLength(0);

  await updateProfile(judge.id, { name: judge.name, organisations: ["Calder Valley Welcome"], localAuthority: null }, actor);
  expect((await suspicions(judge.id)).map((c) => c.nominationId)).toEqual([nomination.id]);
});
