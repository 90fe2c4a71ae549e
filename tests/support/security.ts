/**
 * The world the security tests ask about: the demo cycle open for nominations (two
 * nominators, each with their own nomination), and a past cycle in judging with a panel
 * of four (a judge, a conflicted judge, a chair and a judge who has already scored).
 * Every piece of personal or confidential data carries a marker string, so a test can
 * say which role must never find which marker in a response.
 */
import { eq, sql } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { cookieFor, createPerson, loaderArgs, makeRequest, run } from "./fixtures";
import { action as filesAction } from "~/routes/nominate.$slug.files";
import { addToPanel, assign, createJudge, createJudgedCategory, createJudgingCycle, createNomination, giveScores } from "./judging";
import { aboutMe, categoryBySlug, completeDraft, cookieOf, fileForm, groupNominee, nominationByEmail, PDF, post, seedCycle, startDraft, submit } from "./nominations";

export const ROLES = ["anonymous", "nominator", "judge", "conflicted", "chair", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SLUG = "group-of-the-year";

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  const tag = Math.random().toString(36).slice(2, 8);
  const open = await seedCycle();
  const { questions: openQuestions } = await categoryBySlug(SLUG);

  // Nominator A's submitted nomination, with a file: nobody but A and admins may see it.
  const aEmail = `a-marker-${tag}@example.test`;
  const a = await completeDraft(SLUG, {
    nominee: groupNominee({ nomineeName: `Nominee A ${tag}`, nomineeOrganisation: `Organisation A ${tag}` }),
    me: aboutMe({ nominatorName: `Nominator A ${tag}`, nominatorEmail: aEmail }),
  });
  const upload = await post(filesAction, `/nominate/${SLUG}/files`, SLUG, fileForm("a.pdf", PDF), { token: a.token });
  if (upload.status !== 302) throw new Error(`file not uploaded: ${upload.status}`);
  const submitted = await submit(SLUG, a.token);
  if (submitted.status !== 302) throw new Error(`A not submitted: ${JSON.stringify(submitted.data)}`);
  const nominationA = await nominationByEmail(aEmail);
  const [fileA] = await db.select().from(schema.nominationFiles).where(eq(schema.nominationFiles.nominationId, nominationA.id));

  // Nominator B: the role "a nominator", holding their own draft in the same category.
  const bToken = await startDraft(SLUG, groupNominee({ nomineeName: `Nominee B ${tag}` }));

  // A past cycle in judging (year 1500, never the current cycle).
  const judging = await createJudgingCycle({ year: 1500 + Math.floor(Math.random() * 300) });
  const { category, criteria, question, panel } = await createJudgedCategory(judging.id);
  const judge = await createJudge({ name: `Judge J ${tag}` });
  const conflicted = await createJudge({ name: `Judge C ${tag}` });
  const chair = await createJudge({ name: `Chair H ${tag}` });
  const scorer = await createJudge({ name: `Judge K ${tag}` });
  for (const p of [judge, conflicted, scorer]) await addToPanel(panel.id, p.id);
  await addToPanel(panel.id, chair.id, { isChair: true });
  const x = await createNomination(
    category,
    { nomineeName: `Nominee X ${tag}`, nomineeOrganisation: `Organisation X ${tag}`, nominatorName: `Nominator X ${tag}`, nominatorEmail: `x-marker-${tag}@example.test` },
    { questionId: question.id, text: `Statement X ${tag}` },
  );
  const [fileX] = await db
    .insert(schema.nominationFiles)
    .values({ nominationId: x.id, filename: "x.pdf", mediaType: "application/pdf", size: PDF.length, sha256: "x", content: PDF })
    .returning();
  for (const p of [judge, conflicted, chair, scorer]) await assign(x.id, p.id);
  await db.insert(schema.conflicts).values({ personId: conflicted.id, nominationId: x.id, status: "confirmed", source: "admin" });
  await giveScores(x.id, scorer.id, { [criteria[0].id]: 5, [criteria[1].id]: 4 }, { comment: `Comment K ${tag}` });

  const admin = await createPerson({ isAdmin: true, name: `Admin ${tag}` });
  const cookies: Record<Role, string | undefined> = {
    anonymous: undefined,
    nominator: cookieOf(bToken, SLUG),
    judge: await cookieFor(judge.id),
    conflicted: await cookieFor(conflicted.id),
    chair: await cookieFor(chair.id),
    admin: await cookieFor(admin.id),
  };

  const markers = {
    nominationA: [`Nominee A ${tag}`, `Organisation A ${tag}`, `Nominator A ${tag}`, aEmail, nominationA.reference],
    nominationX: [`Nominee X ${tag}`, `Organisation X ${tag}`, `Nominator X ${tag}`, `x-marker-${tag}@example.test`, `Statement X ${tag}`, x.reference],
    otherJudgesScores: [`Comment K ${tag}`],
  };
  return {
    tag,
    open,
    openQuestions,
    judging,
    category,
    criteria,
    question,
    panel,
    people: { judge, conflicted, chair, scorer, admin },
    nominationA,
    fileA,
    bToken,
    x,
    fileX,
    cookies,
    markers,
  };
}

/** What each role must never find in any response (admins may see everything). */
export function forbiddenMarkers(world: World, role: Role): string[] {
  const { nominationA, nominationX, otherJudgesScores } = world.markers;
  switch (role) {
    case "anonymous":
    case "nominator":
    case "conflicted":
      return [...nominationA, ...nominationX, ...otherJudgesScores];
    case "judge":
    case "chair":
      // Assigned and unconflicted, they see X; never A (not in judging) nor K's scores before close.
      return [...nominationA, ...otherJudgesScores];
    case "admin":
      return [];
  }
}

type RouteFn = (args: ReturnType<typeof loaderArgs>) => Promise<unknown>;

/** Calls a loader or action as the role would, from this site, and returns status, headers and body text. */
export async function callAs(
  world: World,
  role: Role,
  fn: RouteFn,
  path: string,
  params: Record<string, string>,
  form?: Record<string, string | string[]> | FormData,
) {
  const request = makeRequest(path, { form, cookie: world.cookies[role], method: form ? "POST" : "GET" });
  const answer = await run(() => fn(loaderArgs(request, params, `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`)));
  return { ...answer, body: typeof answer.data === "string" ? answer.data : JSON.stringify(answer.data ?? null) };
}

/** Row counts and a hash of every table a request could change: equal means nothing changed. */
export async function fullFingerprint(): Promise<Record<string, string>> {
  const tables = await db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '\_\_%' order by tablename`,
  );
  const names = (Array.isArray(tables) ? tables : (tables as unknown as { rows: { tablename: string }[] }).rows).map((t) => t.tablename);
  const out: Record<string, string> = {};
  for (const table of names) {
    // Rate-limit counters move on every request, refused or not: that is their job.
    if (table === "rate_limits") continue;
    const rows = await db.execute<{ n: number; h: string | null }>(
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table}" t`),
    );
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: Array<{ n: number; h: string | null }> }).rows;
    out[table] = `${list[0]?.n}:${list[0]?.h}`;
  }
  return out;
}
